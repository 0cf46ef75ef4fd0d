"""Free text: normalized width and spaces, bounded length, no control characters.

>>> validate(" 确认２０２４年Ｑ１采购需求 ")
'确认2024年Q1采购需求'
>>> check("a\\x00b").problems[0].code
'text.control'
>>> check("x" * 5000).problems[0].code
'text.too_long'
"""

from __future__ import annotations

import random
import unicodedata

from custinfo import masking, normalize
from custinfo.findings import Check, InvalidValue, Problem

__all__ = [
    "MESSAGES",
    "InvalidText",
    "check",
    "compact",
    "format",
    "generate",
    "has_control",
    "is_valid",
    "mask",
    "validate",
]

MESSAGES = {
    "text.type": ("文本字段的值类型不正确", "Text value has the wrong type"),
    "text.too_long": (
        "文本过长(最多 {max_length} 字符)",
        "Text is too long (at most {max_length} characters)",
    ),
    "text.control": ("文本含有控制字符", "Text contains control characters"),
}


class InvalidText(InvalidValue):
    """Free text that cannot be stored as given."""


def compact(value: str) -> str:
    """Width folded, invisible characters removed, whitespace collapsed."""
    return normalize.text(value)


def has_control(value: str) -> bool:
    """True when ``value`` holds control characters, lone surrogates or private-use ones."""
    return not value.isprintable() and any(
        unicodedata.category(c) in ("Cc", "Cs", "Co") and c not in "\t\n\r" for c in value
    )


def check(value: object, *, max_length: int = 2000) -> Check:
    """Check free text; never raises."""
    raw = normalize.as_text(value)
    if raw is None:
        return Check(None, (Problem("text.type"),))
    if len(raw) > max(max_length, 1) * 4 or len(raw) > normalize.MAX_LENGTH * 64:
        return Check(None, (Problem("text.too_long", params={"max_length": max_length}),))
    cleaned = compact(raw)
    if len(cleaned) > max_length:
        return Check(None, (Problem("text.too_long", params={"max_length": max_length}),))
    if has_control(cleaned):
        return Check(None, (Problem("text.control"),))
    return Check(cleaned)


def validate(value: object, *, max_length: int = 2000) -> str:
    """The normalized text, or :class:`InvalidText`."""
    result: str = check(value, max_length=max_length).unwrap(InvalidText)
    return result


def is_valid(value: object, *, max_length: int = 2000) -> bool:
    """True when :func:`check` finds no error."""
    return check(value, max_length=max_length).ok


def format(value: str) -> str:
    """Text is shown as normalized."""
    return compact(value)


def mask(value: str) -> str:
    """The first two characters, then ``***``."""
    return masking.text(compact(value))


def generate(rng: random.Random) -> str:
    """A short plausible note."""
    return rng.choice(("确认采购需求", "客户询价产品A", "约定下周回访", "已发送报价单"))
