"""Sensitive numbers in free text: found, located, redacted, never repeated."""

from __future__ import annotations

import datetime
import json
import random
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from stdnum import luhn
from stdnum.cn import ric

from custinfo import messages
from custinfo.findings import Finding
from custinfo.validators import sensitive

VECTORS = json.loads(
    (Path(__file__).parent.parent / "vectors" / "payment_cards.json").read_text("utf-8")
)
CARDS = [v["number"] for v in VECTORS["bank_cards"]]
NOT_CARDS = [v["number"] for v in VECTORS["not_bank_cards"]]
IDS = [v["number"] for v in VECTORS["resident_ids"]]


def kinds(text: str) -> list[str]:
    return [m.kind for m in sensitive.scan(text)]


def luhn_complete(body: str) -> str:
    """``body`` with the Luhn check digit appended."""
    for digit in "0123456789":
        number = body + digit
        total = sum(
            (d * 2 - 9 if d * 2 > 9 else d * 2) if i % 2 else d
            for i, d in enumerate(int(c) for c in reversed(number))
        )
        if total % 10 == 0:
            return number
    raise AssertionError


def grouped(number: str, sep: str = " ") -> str:
    return sep.join(number[i : i + 4] for i in range(0, len(number), 4))


# ------------------------------------------------------------- bank cards


@pytest.mark.parametrize("number", CARDS)
def test_public_test_cards_are_found_in_a_note(number: str) -> None:
    text = f"客户提供卡号{number},用于退款"
    assert sensitive.scan(text) == (sensitive.Match("bank_card", 6, 6 + len(number)),)


@pytest.mark.parametrize("number", CARDS)
@pytest.mark.parametrize("sep", [" ", "-", "　"])
def test_cards_grouped_in_fours_are_found_whole(number: str, sep: str) -> None:
    written = grouped(number, sep)
    text = f"卡号:{written}。"
    assert sensitive.scan(text) == (sensitive.Match("bank_card", 3, 3 + len(written)),)


def test_full_width_digits_are_read_as_digits() -> None:
    written = "６２００　００００　００００　０００５"
    assert kinds(written) == ["bank_card"]
    assert sensitive.redact(written) == "****　****　****　****"


@pytest.mark.parametrize("number", NOT_CARDS)
def test_luhn_failures_and_numbers_outside_16_to_19_digits_are_not_cards(number: str) -> None:
    assert kinds(f"卡号 {number}") == []


@pytest.mark.parametrize(
    "text",
    [
        "联系电话13800138000",
        "合同编号HT-2024-005,金额50000元",
        "订单号1234567890123456",
        "HT6200000000000005",  # part of a code, not a number on its own
        "6200000000000005abc",
        "统一社会信用代码91350100M000100Y43",
    ],
)
def test_phones_codes_and_numbers_inside_codes_are_not_flagged(text: str) -> None:
    assert kinds(text) == []


def test_a_card_next_to_a_phone_number_is_found_alone() -> None:
    assert sensitive.scan("6200000000000005 13800138000") == (sensitive.Match("bank_card", 0, 16),)


# ------------------------------------------------------------- resident IDs and passports


@pytest.mark.parametrize("number", IDS)
def test_the_standards_example_ids_are_found(number: str) -> None:
    assert sensitive.scan(f"身份证号{number}") == (sensitive.Match("resident_id", 4, 22),)
    assert kinds(f"身份证号{number.lower()}") == ["resident_id"]


def test_ids_grouped_six_eight_four_are_found() -> None:
    assert kinds("身份证 110105 19491231 002X") == ["resident_id"]


def test_an_id_with_a_wrong_check_character_is_not_flagged() -> None:
    assert kinds("110105194912310021") == []


def test_passport_numbers_are_found_only_after_the_word_passport() -> None:
    assert kinds("护照号码:E12345678") == ["passport"]
    assert kinds("Passport No. EA1234567") == ["passport"]
    assert kinds("型号E12345678") == []


# ------------------------------------------------------------- check, findings and redaction


def test_findings_carry_kind_and_position_but_never_the_digits() -> None:
    text = "卡号 6200 0000 0000 0005,身份证11010519491231002X"
    result = sensitive.check(text)
    assert [p.code for p in result.problems] == ["sensitive.bank_card", "sensitive.resident_id"]
    for problem in result.problems:
        assert set(problem.params) == {"kind", "start", "end"}
        finding = Finding("notes", problem.code, params=problem.params)
        shown = json.dumps(finding.to_dict(), ensure_ascii=False)
        assert "0005" not in shown and "1949" not in shown


def test_positions_index_the_checked_value() -> None:
    wide = "6200000000000005".translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"})
    result = sensitive.check(f"  卡号{wide} ")
    [problem] = result.problems
    assert result.value[problem.params["start"] : problem.params["end"]] == "6200000000000005"


def test_redact_masks_every_digit_and_keeps_separators_and_text() -> None:
    assert sensitive.redact("卡号 6200-0000-0000-0005 已作废") == "卡号 ****-****-****-**** 已作废"


def test_kinds_can_be_limited() -> None:
    text = "6200000000000005 11010519491231002X"
    assert kinds(text) == ["bank_card", "resident_id"]
    assert [m.kind for m in sensitive.scan(text, kinds=["resident_id"])] == ["resident_id"]


def test_text_without_sensitive_data_is_valid_and_normalized() -> None:
    assert sensitive.validate(" 客户要求下周　报价 ") == "客户要求下周 报价"


def test_validate_raises_the_modules_error() -> None:
    with pytest.raises(sensitive.InvalidSensitive) as caught:
        sensitive.validate("卡号6200000000000005")
    assert caught.value.code == "sensitive.bank_card"
    assert "6200" not in str(caught.value)


def test_overlong_text_is_a_finding_and_scan_refuses_it() -> None:
    assert [p.code for p in sensitive.check("x" * 200_000).problems] == ["sensitive.too_long"]
    with pytest.raises(sensitive.InvalidSensitive):
        sensitive.scan("x" * (sensitive.MAX_LENGTH + 1))


@pytest.mark.parametrize("value", [None, 1.5, b"6200000000000005", ["x"]])
def test_wrong_types_are_findings(value: object) -> None:
    assert [p.code for p in sensitive.check(value).problems] == ["sensitive.type"]


# ------------------------------------------------------------- properties

chinese = st.text(alphabet="客户卡号备注已核实请尽快联系,。 ", max_size=20)


@given(st.integers(15, 18), st.integers(0, 2**64), chinese, chinese, st.booleans())
def test_generated_luhn_numbers_are_found_and_redacted(
    body_length: int, seed: int, before: str, after: str, spaced: bool
) -> None:
    rng = random.Random(seed)
    number = luhn_complete("62" + "".join(rng.choice("0123456789") for _ in range(body_length - 2)))
    written = grouped(number) if spaced else number
    text = f"{before}{written}{after}"
    matches = sensitive.scan(text)
    assert [(m.start, m.end) for m in matches] == [(len(before), len(before) + len(written))]
    # an 18-digit Luhn number may also be a valid resident ID; either way it is caught
    assert matches[0].kind in ("bank_card", "resident_id")
    redacted = sensitive.redact(text)
    assert number[-4:] not in redacted.replace(" ", "") or number[-4:] in before + after
    assert len(redacted) == len(text)
    assert sensitive.scan(redacted) == ()


@given(st.text(max_size=200))
def test_check_never_raises_and_agrees_with_is_valid(text: str) -> None:
    result = sensitive.check(text)
    assert sensitive.is_valid(text) == result.ok
    for problem in result.problems:
        assert messages.lookup(problem.code) is not None
    assert sensitive.scan(sensitive.redact(text)) == ()


@given(st.text(alphabet="0123456789 -Xx", max_size=300))
def test_digit_soup_never_raises_and_redaction_removes_every_match(text: str) -> None:
    redacted = sensitive.redact(text)
    assert len(redacted) == len(text)
    assert sensitive.scan(redacted) == ()


@given(st.integers(0, 2**32))
def test_generated_notes_are_valid(seed: int) -> None:
    value = sensitive.generate(random.Random(seed))
    assert sensitive.is_valid(value)
    assert sensitive.mask(value) != value


def test_every_code_is_emitted_and_renders_fully_in_both_languages() -> None:
    samples = [None, "x" * 200_000, "卡号6200000000000005", IDS[0], "护照E12345678"]
    emitted = [p for v in samples for p in sensitive.check(v).problems]
    assert {p.code for p in emitted} == set(sensitive.MESSAGES)
    for problem in emitted:
        for locale in ("zh", "en"):
            assert "?" not in messages.render(problem.code, locale, problem.params)


# ------------------------------------------------------------- differential, against python-stdnum


@given(st.text(alphabet="0123456789", min_size=16, max_size=19))
def test_bank_card_verdicts_match_stdnum_luhn(digits: str) -> None:
    found = kinds(f"号码{digits}。")
    assert ("bank_card" in found) == (luhn.is_valid(digits) and "resident_id" not in found)


@given(
    st.sampled_from(["110101", "310115", "440305", "510104", "650102"]),
    st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2024, 12, 31)),
    st.integers(0, 999),
)
def test_every_id_stdnum_accepts_is_found(region: str, born: datetime.date, serial: int) -> None:
    body = f"{region}{born:%Y%m%d}{serial:03d}"
    number = body + ric.calc_check_digit(body + "0")
    assume(ric.is_valid(number))  # stdnum also wants the county to exist at the birth date
    assert kinds(f"证件{number}") == ["resident_id"]


def test_ids_of_abolished_counties_are_found_although_stdnum_rejects_them() -> None:
    # GB 11643-1999's own example: 440524 (潮阳县) is no longer a division, so stdnum's
    # table does not know it; a detector must still catch the number.
    assert not ric.is_valid("440524188001010014")
    assert kinds("440524188001010014") == ["resident_id"]


def test_control_characters_are_refused_as_in_free_text() -> None:
    # found by the fuzzer: NUL and lone surrogates used to stay in the checked text
    for bad in ("客户\x00备注", "备注\ud800"):
        assert [p.code for p in sensitive.check(bad).problems] == ["text.control"]
