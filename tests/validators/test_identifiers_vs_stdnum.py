"""Differential tests against python-stdnum (stdnum.cn.uscc, stdnum.cn.ric).

Verdicts must be identical except in the documented cases where the standard
decides otherwise (see the module docstrings of uscc and ric):

* uscc: letter authorities A, N, Y (stdnum rejects); Fujian pilot codes
  (accepted with a warning); authority, category, region and embedded
  organization-code rules stdnum does not check.
* ric: address codes not in use in the birth year (stdnum rejects); permits and
  foreigner's IDs (stdnum rejects); unknown county of a known province (stdnum
  raises KeyError).
"""

from __future__ import annotations

import datetime
import random

from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.cn import ric as stdnum_ric
from stdnum.cn import uscc as stdnum_uscc

from custinfo import divisions
from custinfo.validators import ric, uscc

_EXTRA_USCC_RULES = {"uscc.authority", "uscc.category", "uscc.region", "uscc.orgcode_check"}


def _stdnum_says(module: object, value: str) -> bool:
    try:
        return bool(module.is_valid(value))  # type: ignore[attr-defined]
    except Exception:  # stdnum.cn.ric raises KeyError for unknown counties
        return False


def _mutations(value: str, rng: random.Random, alphabet: str, spaced: bool = True) -> list[str]:
    out = [value]
    i = rng.randrange(len(value))
    out.append(value[:i] + rng.choice(alphabet) + value[i + 1 :])
    j = rng.randrange(len(value) - 1)
    out.append(value[:j] + value[j + 1] + value[j] + value[j + 2 :])
    out.append(value[:-1] + rng.choice(alphabet))
    out.append(value.lower())
    if spaced:  # stdnum.cn.ric keeps inner spaces (it strips the ends only)
        out.append(value[:6] + " " + value[6:])
    return out


def _uscc_difference_is_documented(value: str) -> bool:
    result = uscc.check(value)
    if result.ok:
        # We accept, stdnum rejects: a letter authority or a Fujian pilot code.
        code = result.value
        return not code[:8].isdigit() or any(p.code == "uscc.pilot_check" for p in result.problems)
    # We reject, stdnum accepts: only rules stdnum does not implement.
    return {p.code for p in result.problems} <= _EXTRA_USCC_RULES


@settings(max_examples=150)
@given(st.integers(0, 2**32), st.sampled_from(sorted(uscc.categories())))
def test_uscc_verdicts_match_stdnum_except_documented_cases(seed: int, pair: str) -> None:
    rng = random.Random(seed)
    code = uscc.generate(rng, authority=pair[0], category=pair[1])
    for value in _mutations(code, rng, uscc.ALPHABET + "IOZSV"):
        ours, theirs = uscc.is_valid(value), _stdnum_says(stdnum_uscc, value)
        if ours != theirs:
            assert _uscc_difference_is_documented(value), value


def test_digit_authority_codes_agree_with_stdnum_when_generated() -> None:
    rng = random.Random(11)
    for _ in range(300):
        code = uscc.generate(rng, authority=rng.choice("123456789"))
        assert stdnum_uscc.is_valid(code)


def _ric_difference_is_documented(value: str) -> bool:
    result = ric.check(value)
    if not result.ok:
        # We reject, stdnum accepts: the birth year before 1800 rule only.
        return [p.code for p in result.problems] == ["ric.birth_date"]
    number = result.value
    if len(number) == 15 or result.info.kind != "resident":
        return True
    division = divisions.get(number[:6])
    assert division is not None
    return not division.existed_in(result.info.birth_date.year)


@settings(max_examples=150)
@given(
    st.integers(0, 2**32),
    st.sampled_from(sorted(ric.KINDS)),
    st.dates(datetime.date(1900, 1, 1), datetime.date(2024, 12, 31)),
)
def test_ric_verdicts_match_stdnum_except_documented_cases(
    seed: int, kind: str, born: datetime.date
) -> None:
    rng = random.Random(seed)
    number = ric.generate(rng, kind=kind, birth_date=born)
    for value in _mutations(number, rng, "0123456789X", spaced=False):
        ours, theirs = ric.is_valid(value), _stdnum_says(stdnum_ric, value)
        if ours != theirs:
            assert _ric_difference_is_documented(value), value


def test_historic_codes_are_where_stdnum_and_the_standard_part() -> None:
    # GB 11643-1999's own example: 潮阳县 was coded in 1983, the holder born 1880.
    assert ric.is_valid("440524188001010014")
    assert not stdnum_ric.is_valid("440524188001010014")


def test_unknown_county_of_a_known_province_makes_stdnum_raise_and_us_report() -> None:
    body = "11019919900101000"
    number = body + ric.calc_check_digit(body)
    assert [p.code for p in ric.check(number).problems] == ["ric.region"]
    assert _stdnum_says(stdnum_ric, number) is False
