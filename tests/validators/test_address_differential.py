"""The address parser against the frozen verdicts of the parser it replaced.

``tests/vectors/address_verdicts.json`` holds what the previous implementation
returned for the address vectors and a corpus of about 5,000 generated and
mutated addresses (see ``update/address_verdicts.py``): value, findings and every
field of the info. The parser must still return exactly that, whatever order the
addresses come in (it remembers the division heads it has read).
"""

from __future__ import annotations

import datetime
import json
import random
from pathlib import Path
from typing import Any

from custinfo.validators import address

FIXTURE = json.loads(
    (Path(__file__).parent.parent / "vectors" / "address_verdicts.json").read_text("utf-8")
)
CASES: list[dict[str, Any]] = FIXTURE["cases"]
INFO_FIELDS = (
    "province",
    "city",
    "district",
    "street",
    "detail",
    "code",
    "level",
    "division_level",
    "province_code",
    "city_code",
    "district_code",
    "historic_code",
    "inferred",
)


def verdict(case: dict[str, Any]) -> dict[str, Any]:
    options: dict[str, Any] = {}
    if "t" in case:
        options["today"] = datetime.date.fromisoformat(case["t"])
    if "r" in case:
        options["require"] = case["r"]
    result = address.check(case["a"], **options)
    found = {k: case[k] for k in ("a", "t", "r") if k in case}
    found["v"] = result.value
    found["p"] = [[p.code, p.severity.value, dict(p.params)] for p in result.problems]
    info = result.info
    found["i"] = None if info is None else [getattr(info, f) for f in INFO_FIELDS]
    normalized: dict[str, Any] = json.loads(json.dumps(found, ensure_ascii=False))
    return normalized


def differences(cases: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(case, got) for case in cases if (got := verdict(case)) != case]


def test_the_frozen_corpus_is_large_and_covers_every_finding() -> None:
    assert FIXTURE["source"]
    assert len(CASES) >= 5000
    emitted = {p[0] for case in CASES for p in case["p"]}
    # the corpus is text only; control characters were refused after it was frozen
    assert emitted == set(address.MESSAGES) - {"address.type", "address.characters"}


def test_every_verdict_of_the_previous_parser_is_returned_unchanged() -> None:
    assert differences(CASES)[:10] == []


def test_verdicts_do_not_depend_on_the_order_addresses_come_in() -> None:
    shuffled = CASES[:]
    random.Random(9).shuffle(shuffled)
    assert differences(shuffled)[:10] == []
    assert differences(list(reversed(CASES)))[:10] == []
