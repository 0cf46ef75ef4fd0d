"""Amounts in yuan: figures, units, everyday and capital numerals, exactly, as Decimal."""

from __future__ import annotations

import json
import random
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from custinfo import messages
from custinfo.validators import money

VECTORS = json.loads(
    (Path(__file__).parent.parent / "vectors" / "capital_amounts.json").read_text("utf-8")
)
RULE_EXAMPLES = VECTORS["examples"]
WHOLE = VECTORS["whole_yuan"]["examples"]
EVERYDAY = VECTORS["everyday"]["examples"]

cents = st.integers(0, 10**14).map(lambda c: Decimal(c) / 100)


def found(value: object, **options: object) -> list[str]:
    return [p.code for p in money.check(value, **options).problems]


# ------------------------------------------------------------- the rules' worked examples


@pytest.mark.parametrize("vector", RULE_EXAMPLES + WHOLE, ids=lambda v: v["amount"])
def test_every_capital_form_the_rules_allow_reads_as_its_amount(vector: dict[str, object]) -> None:
    for form in vector["forms"]:  # type: ignore[attr-defined]
        assert money.validate(form) == Decimal(str(vector["amount"])), form


@pytest.mark.parametrize("vector", RULE_EXAMPLES + WHOLE, ids=lambda v: v["amount"])
def test_to_capital_writes_the_first_form_the_rules_give(vector: dict[str, object]) -> None:
    forms: list[str] = vector["forms"]  # type: ignore[assignment]
    assert money.to_capital(Decimal(str(vector["amount"]))) == forms[0]


@pytest.mark.parametrize(("written", "amount"), EVERYDAY, ids=[w for w, _ in EVERYDAY])
def test_everyday_writings_read_as_their_amount(written: str, amount: str) -> None:
    result = money.check(written)
    assert result.problems == ()
    assert result.value == Decimal(amount)
    assert isinstance(result.value, Decimal)


def test_to_capital_can_put_renminbi_in_front_and_writes_negative_with_fu() -> None:
    assert money.to_capital(123000, currency=True) == "人民币壹拾贰万叁仟元整"
    assert money.to_capital(Decimal("-5")) == "负伍元整"


@pytest.mark.parametrize(
    ("amount", "capital"),
    [
        ("10", "壹拾元整"),
        ("1001", "壹仟零壹元整"),
        ("1010", "壹仟零壹拾元整"),
        ("10005", "壹万零伍元整"),
        ("100500", "壹拾万零伍佰元整"),
        ("100000005", "壹亿零伍元整"),
        ("230000000", "贰亿叁仟万元整"),
        ("1000000000000", "壹万亿元整"),
        ("0.05", "伍分"),
        ("0", "零元整"),
    ],
)
def test_zeros_are_written_once_where_digits_are_skipped(amount: str, capital: str) -> None:
    assert money.to_capital(Decimal(amount)) == capital


def test_to_capital_refuses_fractions_of_a_fen() -> None:
    with pytest.raises(ValueError, match="decimal places"):
        money.to_capital(Decimal("1.234"))


# ------------------------------------------------------------- findings


@pytest.mark.parametrize(
    "written", ["-5000", "−5000", "负五千元", "¥-5,000", "-¥5,000", "(5,000.00)"]
)
def test_negative_amounts_are_an_error(written: str) -> None:
    result = money.check(written)
    assert [p.code for p in result.problems] == ["money.negative"]
    assert result.value == Decimal("-5000")
    assert money.check(written, allow_negative=True).ok


def test_amounts_above_the_maximum_are_an_error() -> None:
    assert found("1万亿") == []
    assert found("1.00000000001万亿") == ["money.too_large"]
    assert found("2亿", maximum=10**8) == ["money.too_large"]
    assert found("9" * 150) == ["money.too_large"]


def test_more_than_two_decimal_places_is_an_error_but_trailing_zeros_are_not() -> None:
    assert found("50000.123") == ["money.precision"]
    assert found("50000.120") == []
    assert found("1.23456万") == []  # 12345.6 yuan


@pytest.mark.parametrize("written", ["$5000", "USD 5000", "5000美元", "5000港元", "€20", "HK$100"])
def test_other_currencies_are_an_error_naming_the_currency(written: str) -> None:
    result = money.check(written)
    assert [p.code for p in result.problems] == ["money.currency"]


def test_words_and_figures_that_disagree_are_an_error() -> None:
    assert found("人民币伍万元整(¥60,000.00)") == ["money.mismatch"]


@pytest.mark.parametrize(
    "written",
    ["1-5万", "约5万", "5万左右", "5,0000", "5 3", "1e5", "一二", "万", "元整", "叁分伍角", ""],
)
def test_what_is_not_one_amount_is_a_format_error(written: str) -> None:
    assert found(written) == ["money.format"]


@pytest.mark.parametrize("value", [1.5, 50000.0, None, b"5000", [5000], Decimal("NaN"), True])
def test_floats_and_other_types_are_refused(value: object) -> None:
    assert found(value) == ["money.type"]


@pytest.mark.parametrize(
    "written",
    [
        "人民币:50000元",
        "金额:5万",
        "合同金额(大写):伍万元整",
        "(大写)伍万元整",
        "人民币(大写):伍万元整",
    ],
)
def test_labels_copied_from_a_contract_form_are_ignored(written: str) -> None:
    assert money.validate(written) == Decimal(50000)


@pytest.mark.parametrize("written", ["伍萬元整", "伍万圆整", "贰拾萬元整", "壹億元整", "參佰元整"])
def test_traditional_characters_are_read(written: str) -> None:
    assert money.check(written).ok


def test_ints_and_decimals_are_amounts() -> None:
    assert money.validate(50000) == Decimal("50000.00")
    assert money.validate(Decimal("1409.5")) == Decimal("1409.50")


# ------------------------------------------------------------- the interface


def test_format_gives_grouped_figures_with_two_places() -> None:
    assert money.format("伍万元整") == "¥50,000.00"
    assert money.format("1.2亿") == "¥120,000,000.00"


def test_info_gives_both_written_forms() -> None:
    got = money.info("¥1,409.50")
    assert (got.amount, got.figures, got.capital) == (
        Decimal("1409.50"),
        "¥1,409.50",
        "壹仟肆佰零玖元伍角",
    )


def test_mask_keeps_only_the_first_digit_and_the_magnitude() -> None:
    assert money.mask("¥50,000.00") == "¥5*,***.**"


def test_validate_raises_the_modules_error() -> None:
    with pytest.raises(money.InvalidMoney) as caught:
        money.validate("-1")
    assert caught.value.code == "money.negative"


# ------------------------------------------------------------- properties


@given(cents)
def test_format_and_validate_round_trip(amount: Decimal) -> None:
    assert money.validate(money.format(amount)) == amount
    assert money.validate(str(amount)) == amount


@given(cents)
def test_to_capital_and_validate_round_trip(amount: Decimal) -> None:
    assert money.validate(money.to_capital(amount)) == amount
    assert money.validate(money.to_capital(amount, currency=True)) == amount


@given(st.integers(1, 10**12))
def test_amounts_in_wan_and_yi_read_exactly(yuan: int) -> None:
    wan = Decimal(yuan) / 10**4
    assert money.validate(f"{wan:f}万") == yuan
    assert money.validate(f"{Decimal(yuan) / 10**8:f}亿元") == yuan


@given(st.text(max_size=40))
def test_check_never_raises_and_agrees_with_is_valid(text: str) -> None:
    result = money.check(text)
    assert money.is_valid(text) == result.ok
    for problem in result.problems:
        assert messages.lookup(problem.code) is not None
    if result.ok:
        assert isinstance(result.value, Decimal)


@given(st.text(alphabet="零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整一二两十百千5.,0", max_size=20))
def test_numeral_soup_never_raises(text: str) -> None:
    money.check(text)


@given(st.integers(0, 2**32))
def test_generated_amounts_are_valid(seed: int) -> None:
    value = money.generate(random.Random(seed))
    assert money.is_valid(value)
    assert money.mask(value) != value
    assert money.compact(money.compact(value)) == money.compact(value)


def test_every_code_is_emitted_and_renders_fully_in_both_languages() -> None:
    samples = [None, "x" * 300, "??", "$5", "伍万元整(¥60,000.00)", "-5", "9" * 20, "1.234"]
    emitted = [p for v in samples for p in money.check(v).problems]
    assert {p.code for p in emitted} == set(money.MESSAGES)
    for problem in emitted:
        for locale in ("zh", "en"):
            assert "?" not in messages.render(problem.code, locale, problem.params)
