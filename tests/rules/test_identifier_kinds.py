"""Telling a USCC from a resident ID, differentially against python-stdnum."""

from __future__ import annotations

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.cn import ric, uscc

from custinfo.rules import _ids

_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def test_the_standards_examples_are_recognized():
    assert _ids.kind("91350100M000100Y43") == "uscc"  # GB 32100-2015 example
    assert _ids.kind("11010519491231002X") == "ric"  # GB 11643-1999 example
    assert _ids.kind("11010519491231002x") == "ric"


@settings(max_examples=500)
@given(st.text(alphabet=_ALPHABET, min_size=17, max_size=17).filter(lambda s: s[:8].isdigit()))
def test_uscc_checksum_agrees_with_stdnum(body):
    code = body + uscc.calc_check_digit(body)
    assert _ids.is_uscc(code)
    assert uscc.is_valid(code)
    for c in _ALPHABET:
        if c != code[-1]:
            assert not _ids.is_uscc(code[:-1] + c)
            assert not uscc.is_valid(code[:-1] + c)


@settings(max_examples=500)
@given(
    st.from_regex(r"[1-6][0-9]{5}", fullmatch=True),
    st.dates(datetime.date(1900, 1, 1), datetime.date(2025, 12, 31)),
    st.from_regex(r"[0-9]{3}", fullmatch=True),
)
def test_resident_id_checksum_agrees_with_stdnum(region, born, serial):
    body = region + born.strftime("%Y%m%d") + serial
    code = body + ric.calc_check_digit(body + "?")  # stdnum drops the last character
    assert _ids.is_ric(code)
    for c in "0123456789X":
        if c != code[-1]:
            assert not _ids.is_ric(code[:-1] + c)


def test_a_resident_id_with_an_impossible_birth_date_is_not_one():
    body = "11010519490231002"  # 31 February
    code = body + ric.calc_check_digit(body + "?")  # stdnum drops the last character
    assert not _ids.is_ric(code)


def test_odd_input_is_other():
    for value in (None, b"91350100M000100Y43", 1.5, "", "x" * 10_000, ["a"]):
        assert _ids.kind(value) == "other"
