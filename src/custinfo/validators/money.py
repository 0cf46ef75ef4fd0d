"""Amounts in yuan (人民币), read exactly into :class:`~decimal.Decimal`.

People write ``50000``, ``5万``, ``5万元``, ``¥50,000.00``, ``RMB 50000``, ``1.2亿``,
``3千``, ``50k``, everyday numerals (``五万``, ``十二万三千``) and the capital numerals of
contracts and bills (``伍万元整``, ``人民币壹拾贰万叁仟元整``, with 角 and 分); all mean
an amount of yuan. No float is ever involved. Negative amounts, amounts above
``maximum`` (default 1 万亿 yuan) and fractions of a fen are findings:

>>> validate("5万元")
Decimal('50000.00')
>>> validate("人民币壹拾贰万叁仟元整")
Decimal('123000.00')
>>> format("伍万元整"), to_capital(Decimal("50000"))
('¥50,000.00', '伍万元整')
>>> check("-5000").problems[0].code
'money.negative'
>>> check("12.345").problems[0].code
'money.precision'
"""

from __future__ import annotations

import decimal
import functools
import random
import re
from decimal import Decimal
from typing import Any

from attrs import define

from custinfo import normalize
from custinfo.findings import Check, InvalidValue, Problem
from custinfo.validators import _numerals

__all__ = [
    "DEFAULT_MAXIMUM",
    "MESSAGES",
    "InvalidMoney",
    "MoneyInfo",
    "check",
    "compact",
    "format",
    "generate",
    "info",
    "is_valid",
    "mask",
    "parse",
    "to_capital",
    "validate",
]

DEFAULT_MAXIMUM = Decimal(10) ** 12
"""1 万亿 yuan: larger amounts are taken for typing errors unless the caller allows them."""

MESSAGES = {
    "money.type": ("金额值类型不正确", "Amount has the wrong type"),
    "money.too_long": ("金额文本过长", "Amount text is too long"),
    "money.format": ("无法识别的金额写法", "Not a recognizable amount"),
    "money.currency": (
        "金额应以人民币计,不是 {currency}",
        "Amount must be in yuan (CNY), not {currency}",
    ),
    "money.mismatch": (
        "大写金额与小写金额不一致",
        "The amount in words does not match the amount in figures",
    ),
    "money.negative": ("金额不能为负数", "Amount must not be negative"),
    "money.too_large": ("金额超过上限 {maximum} 元", "Amount exceeds the limit of {maximum} yuan"),
    "money.precision": ("金额最多两位小数(分)", "Amount has more than two decimal places"),
}

_MAX_LENGTH = 200
_CENT = Decimal("0.01")
_CONTEXT = decimal.Context(prec=60)
_SMALL = Decimal(10) ** 20


class InvalidMoney(InvalidValue):
    """Not an amount in yuan, or an amount out of bounds."""


@define(frozen=True, slots=True)
class MoneyInfo:
    """An amount (yuan, two decimal places) with its two written forms."""

    amount: Decimal

    @property
    def figures(self) -> str:
        """``¥50,000.00``."""
        return _figures(self.amount)

    @property
    def capital(self) -> str:
        """``伍万元整`` (empty past 万亿, the largest unit of capital numerals)."""
        return to_capital(self.amount) if abs(self.amount) < _numerals.WRITE_LIMIT else ""


# ---------------------------------------------------------------- reading

_OTHER_CURRENCY = re.compile(
    r"[A-Z]{0,2}\$|€|£|₩|USD|HKD|EUR|GBP|JPY|TWD|MOP|KRW|"
    r"美元|美金|港币|港幣|港元|欧元|英镑|日元|日圆|円|台币|澳门币|韩元|卢布"
)
_CNY_PREFIX = re.compile(r"^(?:人民币|人民幣|RMB|CNY|CN¥|¥|￥)+:?")
_CNY_SUFFIX = re.compile(r"(?:人民币|人民幣|RMB|CNY)$")
# "大写:" / "(小写)" labels copied from a contract or invoice form.
_LABEL = re.compile(r"^(?:合同)?金额(?:\((?:大写|小写)\))?:?|^\(?(?:大写|小写)\)?:?")
_LABEL_AFTER = re.compile(r"\((?:大写|小写)\)$")
_SIGN = re.compile(r"^(?:-|−|负)")
_GROUPED = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")
_LOOSE_SPACE = re.compile(r"(?<!\d)\s+|\s+(?!\d)")


def compact(value: str) -> str:
    """Width and punctuation folded, Latin letters upper-cased, spaces removed; a space
    between digit groups of three becomes a comma (50 000), any other between digits stays
    (5 3 is not 53)."""
    folded = normalize.punctuation(value).upper()
    return _LOOSE_SPACE.sub("", _GROUPED.sub(",", folded))


def _strip_currency(text: str) -> str:
    text = _LABEL.sub("", text)
    text = _CNY_PREFIX.sub("", text)
    text = _LABEL.sub("", text)
    text = _CNY_SUFFIX.sub("", text)
    return text.removesuffix("钱")  # 5块钱


def _read_one(text: str) -> Decimal | Problem:
    # One written amount, possibly signed: "-¥5,000", "负五千元", "(5,000.00)".
    negative = False
    if text.startswith("(") and text.endswith(")"):
        text, negative = text[1:-1], True  # accountants' negative
    if m := _SIGN.match(text):
        text, negative = text[m.end() :], not negative
    text = _strip_currency(text)
    if m := _SIGN.match(text):  # ¥-5000
        text, negative = text[m.end() :], not negative
    amount = _numerals.read(text)
    if amount is None:
        return Problem("money.format")
    return -amount if negative else amount


_PLAIN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


@functools.lru_cache(maxsize=4096)
def _read(text: str) -> Decimal | Problem:
    # Cached: a column of amounts repeats its spellings (5万, 10万元); results are immutable.
    if _PLAIN.fullmatch(text):  # the common case: figures only
        return Decimal(text.replace(",", ""))
    if m := _OTHER_CURRENCY.search(text):
        return Problem("money.currency", params={"currency": m[0]})
    text = _LABEL_AFTER.sub("", text)
    # 人民币伍万元整(¥50,000.00): the amount in words with the figures beside it.
    both = re.fullmatch(r"(.+?)\((.+)\)", text)
    if both and both[1] not in ("-", "−"):
        first, second = _read_one(both[1]), _read_one(both[2])
        if isinstance(first, Problem) or isinstance(second, Problem):
            return first if isinstance(first, Problem) else second
        return first if first == second else Problem("money.mismatch")
    return _read_one(text)


def parse(value: object) -> Decimal | None:
    """The amount a value names (sign kept, no bounds checked), or None.

    >>> parse("¥50,000.00"), parse("1.2亿"), parse("RMB -3千"), parse(1.5)
    (Decimal('50000.00'), Decimal('120000000.0'), Decimal('-3000'), None)
    """
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    raw = normalize.as_text(value)
    if raw is None or len(raw) > _MAX_LENGTH:
        return None
    found = _read(compact(raw))
    return found if isinstance(found, Decimal) else None


# ---------------------------------------------------------------- checking


def check(
    value: object, *, maximum: Decimal | int = DEFAULT_MAXIMUM, allow_negative: bool = False
) -> Check:
    """Check an amount; the value is a :class:`~decimal.Decimal` in yuan with two places."""
    if isinstance(value, Decimal):
        if not value.is_finite():
            return Check(None, (Problem("money.type"),))
        found: Decimal | Problem = value
    else:
        raw = normalize.as_text(value)
        if raw is None:
            return Check(None, (Problem("money.type"),))
        if len(raw) > _MAX_LENGTH:
            return Check(None, (Problem("money.too_long"),))
        # Figures alone (the common case) need no normalizing.
        found = Decimal(raw.replace(",", "")) if _PLAIN.fullmatch(raw) else _read(compact(raw))
    if isinstance(found, Problem):
        return Check(None, (found,))
    return _bounds(found, Decimal(maximum), allow_negative)


def _bounds(amount: Decimal, maximum: Decimal, allow_negative: bool) -> Check:
    problems = [] if amount >= 0 or allow_negative else [Problem("money.negative")]
    exact = _cents(amount) if abs(amount) <= maximum else None
    if exact is None:
        too_large = Problem("money.too_large", params={"maximum": f"{maximum:,f}"})
        return Check(amount, (*problems, too_large))
    if exact != amount:
        problems.append(Problem("money.precision", params={"places": 2}))
        return Check(amount, tuple(problems))
    return Check(exact, tuple(problems), info=MoneyInfo(exact))


def _cents(amount: Decimal) -> Decimal | None:
    """The amount to the fen, exactly (None past any context: a caller's vast maximum)."""
    if abs(amount) < _SMALL:  # fits the default 28-digit context
        return amount.quantize(_CENT)
    try:
        with decimal.localcontext(_CONTEXT):
            return amount.quantize(_CENT)
    except decimal.InvalidOperation:
        return None


def validate(value: object, **options: Any) -> Decimal:
    """The amount in yuan with two decimal places, or :class:`InvalidMoney`."""
    result: Decimal = check(value, **options).unwrap(InvalidMoney)
    return result


def is_valid(value: object, **options: Any) -> bool:
    """True when :func:`check` finds no error."""
    return check(value, **options).ok


def info(value: object, **options: Any) -> MoneyInfo:
    """The amount and its two written forms, or :class:`InvalidMoney`.

    >>> info("¥1,409.50").capital
    '壹仟肆佰零玖元伍角'
    """
    result = check(value, **options)
    result.unwrap(InvalidMoney)
    found: MoneyInfo = result.info
    return found


# ---------------------------------------------------------------- writing


def _figures(amount: Decimal) -> str:
    return ("-" if amount < 0 else "") + f"¥{abs(amount):,.2f}"


def to_capital(amount: Decimal | int, *, currency: bool = False) -> str:
    """The amount in capital numerals as written on bills and contracts.

    Follows 《正确填写票据和结算凭证的基本规定》 (annex to the PBOC's 支付结算办法):
    整 after 元, a 零 where zeros fall between digits. ``currency=True`` puts
    人民币 in front, as that rule asks for bills; negative amounts start with 负.

    >>> to_capital(Decimal("107000.53"))
    '壹拾万柒仟元零伍角叁分'
    >>> to_capital(123000, currency=True)
    '人民币壹拾贰万叁仟元整'
    """
    value = Decimal(amount)
    text = ("负" if value < 0 else "") + _numerals.write(abs(value))
    return ("人民币" if currency else "") + text


def format(value: object, **options: Any) -> str:
    """``¥50,000.00`` (comma-grouped, two decimal places)."""
    return _figures(validate(value, **options))


def mask(value: str) -> str:
    """The first digit and the magnitude only: ``¥5*,***.**``."""
    amount = parse(value)
    if amount is None:
        return "***"
    shown = _figures(amount)
    first = re.search(r"\d", shown)
    start = first.end() if first else 0
    return shown[:start] + re.sub(r"\d", "*", shown[start:])


def generate(rng: random.Random, *, maximum: int = 10**7) -> str:
    """An amount up to ``maximum`` yuan, written one of the ways people write amounts."""
    cents = rng.randrange(1, maximum * 100 + 1)
    amount = Decimal(cents) / 100
    if cents % 1_000_000 == 0 and rng.random() < 0.5:
        return f"{cents // 1_000_000}万元"
    style = rng.randrange(4)
    if style == 0:
        return _figures(amount)
    if style == 1:
        return to_capital(amount, currency=rng.random() < 0.5)
    if style == 2:
        return f"{amount}元"
    return f"RMB {amount:,.2f}"
