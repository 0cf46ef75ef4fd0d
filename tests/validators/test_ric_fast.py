"""The resident-ID fast paths give exactly the reference path's verdicts.

``check`` answers clean 18-character numbers from a fast path (``_fast_check``)
and ``validate``/``is_valid`` from another (``_fast``); ``_full_check`` is the
reference implementation every input could take. These tests hold them equal
(value, problems, info, repr) on the standard's vectors, generated numbers of
every kind, historic and abolished address codes, every single substitution and
adjacent transposition, and people's ways of writing.
"""

from __future__ import annotations

import datetime
import json
import random
from collections.abc import Collection, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from custinfo import divisions
from custinfo.testing.mutations import ERRORS, NOISE
from custinfo.validators import ric

VECTORS = json.loads((Path(__file__).parents[1] / "vectors" / "gb11643.json").read_text("utf-8"))
STANDARD = [v["value"] for key in ("valid", "warning", "invalid") for v in VECTORS[key]]
TODAY = datetime.date(2025, 6, 1)
DAYS = (None, TODAY, datetime.date(1990, 1, 1), datetime.date(2000, 2, 29))
KINDS: tuple[Collection[str] | None, ...] = (
    None,
    {"resident"},
    ("hongkong_permit", "macao_permit", "taiwan_permit"),
    frozenset({"foreign_permanent"}),
)
FULL_WIDTH = {c: c + 0xFEE0 for c in range(0x21, 0x7F)}


def assert_same_verdict(
    value: object, today: datetime.date | None = TODAY, kinds: Collection[str] | None = None
) -> None:
    reference = ric._full_check(value, today, kinds)
    for _ in range(2):  # cold, then with the parts remembered
        found = ric.check(value, today=today, kinds=kinds)
        assert found == reference
        assert repr(found) == repr(reference)
    if kinds is not None:
        return
    if ric._settled(value):  # party_id trusts the fast path's None for these
        fast = ric._fast_check(value, today, None)
        assert (fast is not None and fast.value is not None) == reference.ok
    assert ric.is_valid(value, today=today) == reference.ok
    if reference.ok:
        assert ric.validate(value, today=today) == reference.value
    else:
        with pytest.raises(ric.InvalidRIC) as raised:
            ric.validate(value, today=today)
        first = next(p for p in reference.problems if p.severity == "error")
        assert (raised.value.code, dict(raised.value.params)) == (first.code, dict(first.params))


def with_check(body: str) -> str:
    return body + ric.calc_check_digit(body)


def abolished_regions() -> list[tuple[str, int]]:
    return sorted(
        (d.code, d.until)
        for d in divisions.all_divisions()
        if d.until is not None and d.level == "county"
    )[::53]


def generated(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    numbers = [ric.generate(rng) for _ in range(n)]
    numbers += [ric.generate(rng, kind=k) for k in ric.KINDS for _ in range(3)]
    for code, until in abolished_regions():
        for year in (until - 1, until, until + 1):
            day = datetime.date(year, 6, 15)
            numbers.append(ric.generate(rng, region=code, birth_date=day))
    for province in ("110000", "650000", "710000", "810000", "820000", "990000", "100000"):
        numbers.append(ric.generate(rng, kind="foreign_permanent", region=province))
    return numbers


def special_dates() -> list[str]:
    days = ("18000101", "17991231", "19000229", "20000229", "20010229", "19491231", "19490431")
    days += ("20250601", "20250602", "19900101", "19891231", "99991231", "00000000", "19491300")
    return [with_check("110105" + day + "002") for day in days]


def single_substitutions(number: str) -> Iterator[str]:
    for i in range(len(number)):
        for c in "0123456789Xx A":
            if c != number[i]:
                yield number[:i] + c + number[i + 1 :]


def transpositions(number: str) -> Iterator[str]:
    for i in range(len(number) - 1):
        if number[i] != number[i + 1]:
            yield number[:i] + number[i + 1] + number[i] + number[i + 2 :]


def ways_of_writing(number: str) -> list[str]:
    return [
        number.lower(),
        f" {number} ",
        f"{number[:6]} {number[6:14]} {number[14:]}",
        f"{number[:6]}-{number[6:14]}-{number[14:]}",
        number.translate(FULL_WIDTH),
        number[:6] + number[8:17],  # the 15-digit legacy form
        number[:17],
        number + "0",
        "\u200b" + number,
    ]


@pytest.mark.parametrize("today", DAYS)
@pytest.mark.parametrize("value", STANDARD)
def test_the_standards_vectors_get_the_reference_verdict(
    value: str, today: datetime.date | None
) -> None:
    assert_same_verdict(value, today)


@pytest.mark.parametrize("kinds", KINDS)
def test_generated_numbers_of_every_kind_region_and_date_get_the_reference_verdict(
    kinds: Collection[str] | None,
) -> None:
    for number in generated(100, seed=1) + special_dates():
        for today in DAYS:
            assert_same_verdict(number, today, kinds)


def test_every_single_substitution_and_transposition_gets_the_reference_verdict() -> None:
    for number in STANDARD[:4] + generated(2, seed=2)[:8]:
        for value in (*single_substitutions(number), *transpositions(number)):
            assert_same_verdict(value)
            assert_same_verdict(value, None)


def test_people_s_ways_of_writing_a_number_get_the_reference_verdict() -> None:
    for number in STANDARD + generated(10, seed=3)[:20]:
        for value in ways_of_writing(number):
            assert_same_verdict(value)


@pytest.mark.parametrize("seed", range(4))
def test_numbers_with_people_s_slips_and_ways_of_writing_get_the_reference_verdict(
    seed: int,
) -> None:
    rng = random.Random(seed)
    mutations = [*ERRORS.values(), *NOISE.values()]
    for valid in generated(60, seed=seed):
        number = valid
        for _ in range(rng.choice((1, 1, 2))):
            number = rng.choice(mutations)(number, rng) or number
        assert_same_verdict(number, rng.choice(DAYS))


@pytest.mark.parametrize(
    "value", [None, 11010519491231002, b"11010519491231002X", 1.5, "", "1" * 18, "\u00b2" * 18]
)
def test_values_of_other_types_and_degenerate_numbers_get_the_reference_verdict(
    value: object,
) -> None:
    assert_same_verdict(value)


def test_full_caches_are_emptied_and_verdicts_stay_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ric, "_CACHE_SIZE", 3)
    for number in generated(20, seed=4):
        assert_same_verdict(number)
    assert len(ric._HEADS) <= 3 and len(ric._BIRTHS) <= 3


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(sorted({d.code for d in divisions.all_divisions()} | {"810000", "912345"})),
    st.dates(datetime.date(1790, 1, 1), datetime.date(2030, 12, 31)),
    st.integers(0, 999),
    st.sampled_from(DAYS),
    st.sampled_from(KINDS),
)
def test_any_address_code_birth_date_and_serial_get_the_reference_verdict(
    region: str,
    born: datetime.date,
    serial: int,
    today: datetime.date | None,
    kinds: Collection[str] | None,
) -> None:
    number = with_check(f"{region}{born:%Y%m%d}{serial:03d}")
    assert_same_verdict(number, today, kinds)
    assert_same_verdict(number[:-1] + "X", today, kinds)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789Xx -\uff11\u00b2")), min_size=14, max_size=19))
def test_arbitrary_strings_near_the_shape_get_the_reference_verdict(chars: list[str]) -> None:
    assert_same_verdict("".join(chars))
