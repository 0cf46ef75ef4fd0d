"""Organization codes (组织机构代码) of GB 11714-1997: 8 body characters and a check character.

The body is digits and upper-case Latin letters; the check character is ``0``–``9``
or ``X``, computed with the weights 3, 7, 9, 10, 5, 8, 4, 2 modulo 11. The code
is written ``XXXXXXXX-X``; the compact form drops the hyphen. It also forms
positions 9–17 of a unified social credit identifier (see
:mod:`custinfo.validators.uscc`).

>>> validate("60003734-1")
'600037341'
>>> format("600037341")
'60003734-1'
>>> check("60003734-2").problems[0].code
'orgcode.check'
"""

from __future__ import annotations

import random

from custinfo import masking, normalize
from custinfo.findings import Check, InvalidValue, Problem

__all__ = [
    "MESSAGES",
    "InvalidOrgcode",
    "check",
    "check_char",
    "compact",
    "format",
    "generate",
    "is_valid",
    "mask",
    "validate",
]

MESSAGES = {
    "orgcode.type": ("组织机构代码的值类型不正确", "Organization code value has the wrong type"),
    "orgcode.length": (
        "组织机构代码应为9位(8位本体代码和1位校验码,GB 11714-1997),实为 {length} 位",
        "Organization code must be 9 characters (8 body + 1 check, GB 11714-1997), not {length}",
    ),
    "orgcode.alphabet": (
        "组织机构代码本体只能由数字和大写拉丁字母组成,校验码只能是数字或 X(GB 11714-1997)",
        "Organization code body must be digits and capital letters and its check "
        "character a digit or X (GB 11714-1997)",
    ),
    "orgcode.check": (
        "组织机构代码校验码错误(GB 11714-1997 校验码,应为 {expected})",
        "Organization code check character is wrong (GB 11714-1997 check character, "
        "expected {expected})",
    ),
}

_BODY = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "0123456789X"
# Long inputs are refused before normalization (a 9-character code with separators
# and spaces is never longer than this).
_MAX_RAW = 64


class InvalidOrgcode(InvalidValue):
    """Not a GB 11714 organization code."""


def check_char(body: str) -> str:
    """The GB 11714 check character of an 8-character upper-case body.

    >>> check_char("60003734")
    '1'
    """
    if "Z" in body:
        total = sum(int(c, 36) * w for c, w in zip(body, _WEIGHTS, strict=True))
        return _CHECK[-total % 11]
    # The weights are 2 * 35**(7 - i) modulo 11, so the weighted sum is twice the
    # body read in base 35 (valid for every character but Z, handled above).
    return _CHECK[-2 * int(body, 35) % 11]


def compact(value: str) -> str:
    """Width folded, separators and spaces removed, upper case."""
    return normalize.compact(value).upper()


def _problems(code: str) -> list[Problem]:
    if len(code) != 9:
        return [Problem("orgcode.length", params={"length": len(code)})]
    body, given = code[:8], code[8]
    if not _BODY.issuperset(body) or given not in _CHECK:
        return [Problem("orgcode.alphabet")]
    expected = check_char(body)
    if given != expected:
        return [Problem("orgcode.check", params={"expected": expected})]
    return []


def check(value: object) -> Check:
    """Check an organization code; never raises."""
    raw = normalize.as_text(value)
    if raw is None:
        return Check(None, (Problem("orgcode.type"),))
    if len(raw) > _MAX_RAW:
        return Check(None, (Problem("orgcode.length", params={"length": len(raw)}),))
    code = compact(raw)
    problems = _problems(code)
    return Check(code if not problems else None, tuple(problems))


def validate(value: object) -> str:
    """The compact code, or :class:`InvalidOrgcode`."""
    result: str = check(value).unwrap(InvalidOrgcode)
    return result


def is_valid(value: object) -> bool:
    """True when :func:`check` finds no error."""
    return check(value).ok


def format(value: str) -> str:
    """``XXXXXXXX-X``."""
    code = validate(value)
    return f"{code[:8]}-{code[8]}"


def mask(value: str) -> str:
    """First and last character only (:func:`custinfo.masking.identifier`)."""
    return masking.identifier(compact(value))


def generate(rng: random.Random, *, letters: bool = False) -> str:
    """A valid compact code; digits only unless ``letters``."""
    pool = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" if letters else "0123456789"
    body = "".join(rng.choice(pool) for _ in range(8))
    return body + check_char(body)
