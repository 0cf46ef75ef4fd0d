"""party_id and party_name: the field kinds chosen by 客户类型.

``party_id`` answers a clean value of the expected kind from the validators'
fast paths; ``_party_id`` is the reference decision every input could take.
"""

from __future__ import annotations

import datetime
import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from custinfo.forms import kinds
from custinfo.validators import ric, uscc

VECTORS = Path(__file__).parents[1] / "vectors"
GB32100 = json.loads((VECTORS / "gb32100.json").read_text("utf-8"))
USCCS = [v["value"] for v in GB32100["valid"]]
PILOTS = [v["value"] for v in GB32100["pilot"]]
RICS = [v["value"] for v in json.loads((VECTORS / "gb11643.json").read_text("utf-8"))["valid"]]
TODAY = datetime.date(2025, 6, 1)
TYPES = ("企业", "个人", None, "其他", 1)


def values() -> list[object]:
    rng = random.Random(9)
    found: list[object] = [*USCCS[::10], *PILOTS, *RICS]
    found += [uscc.generate(rng) for _ in range(20)] + [ric.generate(rng) for _ in range(20)]
    found += [ric.generate(rng, kind=k) for k in ric.KINDS]
    spoiled = [v[:-1] + ("1" if v[-1] != "1" else "2") for v in found if isinstance(v, str)]
    found += spoiled + [v.lower() for v in found if isinstance(v, str)][::3]
    found += ["110105491231002", " 91110000600037341L", "", None, 11010519491231002, b"1"]
    return found


def assert_same_verdict(value: object, customer_type: object, today: datetime.date | None) -> None:
    reference = kinds._party_id(value, customer_type, today)
    found = kinds.party_id(value, customer_type=customer_type, today=today)
    assert found == reference
    assert repr(found) == repr(reference)


@pytest.mark.parametrize("customer_type", TYPES)
def test_party_id_gives_the_reference_verdict_for_every_customer_type(
    customer_type: object,
) -> None:
    for value in values():
        for today in (TODAY, None, datetime.date(1950, 1, 1)):
            assert_same_verdict(value, customer_type, today)


def test_a_valid_value_of_the_other_kind_passes_for_the_rule_to_report_the_mismatch() -> None:
    as_enterprise = kinds.party_id("11010519491231002X", customer_type="企业", today=TODAY)
    assert as_enterprise.ok and as_enterprise.info.kind == "resident"
    as_person = kinds.party_id("91110000600037341L", customer_type="个人", today=TODAY)
    assert as_person.ok and as_person.info.organization_code == "60003734-1"


def test_an_invalid_value_reports_the_problems_of_the_expected_kind() -> None:
    found = kinds.party_id("91110000600037341X", customer_type="企业", today=TODAY)
    assert [p.code for p in found.problems] == ["uscc.check"]
    found = kinds.party_id("110105194912310021", customer_type="个人", today=TODAY)
    assert [p.code for p in found.problems] == ["ric.checksum"]


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(USCCS + PILOTS + RICS),
    st.integers(0, 17),
    st.sampled_from(list("0123456789XAMNYx ")),
    st.sampled_from(TYPES),
)
def test_a_changed_character_gets_the_reference_verdict(
    value: str, position: int, char: str, customer_type: object
) -> None:
    changed = value[:position] + char + value[position + 1 :]
    assert_same_verdict(changed, customer_type, TODAY)
