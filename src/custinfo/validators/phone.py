"""Any Chinese phone number a customer may give: a mobile, else a landline.

The enterprise form's 电话 accepts both. A number is judged as a mobile when it
is one, else as a landline when it is one; when it is neither, the problems
reported are those of the kind it looks like (national digits starting with 1
are read as a mobile number).

>>> validate("138 0013 8000"), validate("(010) 6552 9988-123")
('13800138000', '010-65529988-123')
>>> check("1380013800").problems[0].code
'mobile.length'
>>> check("010-1234").problems[0].code.startswith("landline.")
True
"""

from __future__ import annotations

import random

from custinfo import masking, normalize
from custinfo.findings import Check, InvalidValue
from custinfo.validators import landline, mobile

__all__ = [
    "MESSAGES",
    "InvalidPhone",
    "check",
    "compact",
    "format",
    "generate",
    "info",
    "is_valid",
    "mask",
    "validate",
]

MESSAGES: dict[str, tuple[str, str]] = {}  # every problem is a mobile.* or landline.* code


class InvalidPhone(InvalidValue):
    """Neither a mobile nor a landline number."""


def _looks_mobile(value: object) -> bool:
    text = normalize.as_text(value)
    if text is None:
        return True
    digits = "".join(c for c in normalize.fold_width(text[:64]) if c.isdigit())
    for prefix in ("0086", "86"):
        if digits.startswith(prefix) and len(digits) > 11:
            digits = digits[len(prefix) :]
            break
    return digits.startswith("1")


def check(value: object) -> Check:
    """A mobile's check when it is one, else a landline's."""
    fast = mobile._fast_check(value)  # most numbers: a plain mobile number
    if fast is not None:
        return fast
    return _check(value)


def _check(value: object) -> Check:
    """The full path of :func:`check`, kept for the differential test of the fast one."""
    as_mobile = mobile._check(value)
    if as_mobile.ok:
        return as_mobile
    as_landline = landline.check(value)
    if as_landline.ok:
        return as_landline
    return as_mobile if _looks_mobile(value) else as_landline


def compact(value: str) -> str:
    """The normalized number (mobile: 11 digits; landline: ``area-local[-ext]``)."""
    result = check(value)
    return str(result.value) if result.ok else normalize.compact(value)


def validate(value: object) -> str:
    """The normalized number, or :class:`InvalidPhone` with the kind's code."""
    result: str = check(value).unwrap(InvalidPhone)
    return result


def is_valid(value: object) -> bool:
    """True for a valid mobile or landline number."""
    return check(value).ok


def info(value: object) -> mobile.MobileInfo | landline.LandlineInfo:
    """The mobile's or the landline's info."""
    result = check(value)
    result.unwrap(InvalidPhone)
    found: mobile.MobileInfo | landline.LandlineInfo = result.info
    return found


def format(value: str) -> str:
    """The national presentation of the number."""
    return mobile.format(value) if mobile.is_valid(value) else landline.format(value)


def mask(value: str) -> str:
    """Mobile: ``138****5678``; landline: all but the last digits hidden."""
    return masking.phone(compact(value))


def generate(rng: random.Random) -> str:
    """A mobile number (four times in five) or a landline number."""
    return mobile.generate(rng) if rng.random() < 0.8 else landline.generate(rng)
