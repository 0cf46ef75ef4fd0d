"""Amounts written with Chinese numerals, Arabic digits and units, read and written exactly.

Reading accepts the capital numerals of financial writing (壹贰叁…拾佰仟万亿 元角分
整), everyday numerals (五万, 十二万三千, 两千, 一万五) and Arabic digits mixed with
units (5万, 1.2亿, 1亿2000万, 3千, 50k, 1.5w). Writing follows the rules for capital
amounts on bills (中国人民银行《支付结算办法》附件一《正确填写票据和结算凭证的基本
规定》). All arithmetic is :class:`~decimal.Decimal` in a wide local context: no
floats, no rounding.

>>> read("壹拾贰万叁仟元整")
Decimal('123000')
>>> write(Decimal("107000.53"))
'壹拾万柒仟元零伍角叁分'
"""

from __future__ import annotations

import decimal
import re
from collections.abc import Sequence
from decimal import Decimal

from attrs import define

__all__ = ["WRITE_LIMIT", "read", "write"]

WRITE_LIMIT = Decimal(10) ** 16
""":func:`write` handles amounts below this (up to 万亿, the largest unit it uses)."""

_CAPITAL = "零壹贰叁肆伍陆柒捌玖"
_DIGITS = {c: i for i, c in enumerate(_CAPITAL)} | {
    c: i for i, c in enumerate("〇一二三四五六七八九")
}
_DIGITS |= {"○": 0, "两": 2, "兩": 2, "貳": 2, "參": 3, "陸": 6}
_UNITS = {"拾": 10, "十": 10, "佰": 100, "百": 100, "仟": 1000, "千": 1000, "K": 1000}
_BIG = {"万": 10**4, "萬": 10**4, "W": 10**4, "亿": 10**8, "億": 10**8}
_MARKS = {
    "元": "yuan",
    "圆": "yuan",
    "圓": "yuan",
    "块": "yuan",
    "塊": "yuan",
    "角": "jiao",
    "毛": "jiao",
    "分": "fen",
    "整": "whole",
    "正": "whole",
}
_ARABIC = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d+(?:\.\d+)?|\.\d+")
_WIDE = decimal.Context(prec=400, traps=[decimal.Inexact, decimal.InvalidOperation])


@define(frozen=True, slots=True)
class _Token:
    kind: str  # num, zero, unit, big, yuan, jiao, fen, whole
    value: Decimal = Decimal(0)
    digit: bool = False  # a single digit (一, 5): may stand for the next lower unit


def _tokens(text: str) -> list[_Token] | None:
    tokens: list[_Token] = []
    i = 0
    while i < len(text):
        c = text[i]
        if c in "0123456789." and (m := _ARABIC.match(text, i)):
            number = Decimal(m[0].replace(",", ""))
            tokens.append(_Token("num", number, len(m[0]) == 1))
            i = m.end()
            continue
        if c in _DIGITS:
            value = _DIGITS[c]
            tokens.append(_Token("zero") if value == 0 else _Token("num", Decimal(value), True))
        elif c in _UNITS:
            tokens.append(_Token("unit", Decimal(_UNITS[c])))
        elif c in _BIG:
            tokens.append(_Token("big", Decimal(_BIG[c])))
        elif c in _MARKS:
            tokens.append(_Token(_MARKS[c]))
        else:
            return None
        i += 1
    return tokens


def _section(tokens: Sequence[_Token]) -> Decimal | None:
    """Below 万: 三千二百 (3200), 十二 (12), 三千二 (3200), 一千零二 (1002), 1.5千."""
    total = Decimal(0)
    pending: _Token | None = None
    last_unit: Decimal | None = None
    zero = False
    for t in tokens:
        if t.kind == "num":
            if pending is not None:
                return None  # 一二, 5 5
            pending = t
        elif t.kind == "zero":
            if pending is not None:
                return None  # 五零
            zero = True
        elif t.kind == "unit":
            if last_unit is not None and t.value >= last_unit:
                return None  # 百千, 十十
            if pending is None and t.value != 10:
                return None  # 百 alone; 十 alone is ten
            total += (pending.value if pending else Decimal(1)) * t.value
            pending, last_unit, zero = None, t.value, False
        else:
            return None
    if pending is not None:
        if last_unit is not None and not zero and pending.digit:
            return total + pending.value * last_unit / 10  # 三千二 is 3200, 十五 is 15
        if last_unit is not None and (pending.value >= last_unit or pending.value % 1):
            return None
        total += pending.value
    return total


def _integer(tokens: Sequence[_Token]) -> Decimal | None:
    """Split at the last 亿, then the last 万: left × unit + right (一万五 is 15000)."""
    if not tokens:
        return None
    for big in (Decimal(10**8), Decimal(10**4)):
        at = [i for i, t in enumerate(tokens) if t.kind == "big" and t.value == big]
        if not at:
            continue
        left, right = tokens[: at[-1]], list(tokens[at[-1] + 1 :])
        if not left or any(t.kind == "big" and t.value >= big for t in left):
            return None  # 万 alone, 一万二万
        high = _integer(left)
        zero = bool(right) and right[0].kind == "zero"
        right = right[1:] if zero else right
        if not right:
            low: Decimal | None = Decimal(0)
        elif len(right) == 1 and right[0].digit and not zero:
            low = right[0].value * big / 10  # 一万五, 1亿5
        else:
            low = _integer(right)
        if high is None or low is None or low >= big:
            return None
        return high * big + low
    return _section(tokens)


def _fraction(tokens: Sequence[_Token]) -> Decimal | None:
    """After 元: 伍角, 伍角叁分, 零肆分, 零伍角叁分 (a 零 may stand anywhere between)."""
    total, pending, places = Decimal(0), None, [Decimal("0.1"), Decimal("0.01")]
    for t in tokens:
        if t.kind == "num" and pending is None and t.value == int(t.value) and t.value < 10:
            pending = t.value
        elif t.kind in ("jiao", "fen") and pending is not None:
            place = Decimal("0.1") if t.kind == "jiao" else Decimal("0.01")
            if place not in places:
                return None  # 分 before 角, or twice
            places = places[places.index(place) + 1 :]
            total, pending = total + pending * place, None
        elif t.kind != "zero" or pending is not None:
            return None
    return total if pending is None else None


def read(text: str) -> Decimal | None:
    """The amount a numeral string names (no sign, no currency), or None.

    >>> read("伍万元整"), read("1.2亿"), read("一万五"), read("叁佰贰拾伍元零肆分")
    (Decimal('50000'), Decimal('120000000.0'), Decimal('15000'), Decimal('325.04'))
    """
    tokens = _tokens(text.upper())
    if not tokens:
        return None
    if tokens[-1].kind == "whole":
        tokens = tokens[:-1]
    kinds = [t.kind for t in tokens]
    if "whole" in kinds or kinds.count("yuan") > 1:
        return None
    with decimal.localcontext(_WIDE):
        try:
            return _amount(tokens, kinds)
        except (decimal.Inexact, decimal.InvalidOperation):  # pragma: no cover - bounded input
            return None


def _amount(tokens: list[_Token], kinds: list[str]) -> Decimal | None:
    if "yuan" in kinds:
        at = kinds.index("yuan")
        whole, rest = tokens[:at], tokens[at + 1 :]
    elif "jiao" in kinds or "fen" in kinds:
        whole, rest = [], tokens
    else:
        whole, rest = tokens, []
    integer = _integer(whole) if whole else Decimal(0)
    fraction = _fraction(rest) if rest else Decimal(0)
    if integer is None or fraction is None or (not whole and ("yuan" in kinds or not rest)):
        return None
    if rest and integer % 1:
        return None  # 5.5元3角
    return integer + fraction


# ---------------------------------------------------------------- writing


def _group(n: int) -> str:
    """1–9999 in capitals, one 零 for inner zeros: 1001 → 壹仟零壹, 1010 → 壹仟零壹拾."""
    out: list[str] = []
    zero = False
    for digit, unit in zip(f"{n:04d}", ("仟", "佰", "拾", ""), strict=True):
        if digit == "0":
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(_CAPITAL[int(digit)] + unit)
    return "".join(out)


def _integer_text(n: int) -> str:
    # Groups of four digits; a lower part whose top digit is 0 starts with 零 (壹万零伍).
    for unit, name in ((10**8, "亿"), (10**4, "万")):
        if n >= unit:
            high, low = divmod(n, unit)
            text = _integer_text(high) + name
            if low:
                text += ("零" if low < unit // 10 else "") + _integer_text(low)
            return text
    return _group(n)


def write(amount: Decimal) -> str:
    """Capital numerals for a non-negative amount with at most two decimal places.

    The form is the first one the rules give for each of their examples: a 零 for
    zeros between digits, after 元 when the 元 digit is 0 and 角 is not, and
    before 分 when 角 is 0; 整 after 元 only.

    >>> write(Decimal("1409.50")), write(Decimal("16409.02")), write(Decimal(0))
    ('壹仟肆佰零玖元伍角', '壹万陆仟肆佰零玖元零贰分', '零元整')
    """
    if not amount.is_finite() or amount < 0 or amount >= WRITE_LIMIT:
        raise ValueError("amount out of range for capital numerals")
    cents = amount * 100
    if cents != cents.to_integral_value():
        raise ValueError("more than two decimal places")
    integer, rest = divmod(int(cents), 100)
    jiao, fen = divmod(rest, 10)
    text = _integer_text(integer) + "元" if integer else ""
    if not rest:
        return (text or "零元") + "整"
    if jiao:
        text += ("零" if integer and integer % 10 == 0 else "") + _CAPITAL[jiao] + "角"
    elif integer:
        text += "零"
    return text + (_CAPITAL[fen] + "分" if fen else "")
