"""Mobile numbers of mainland China, in the ranges phonenumbers' metadata allocates.

A number is 11 digits starting with 1, in a range that libphonenumber's
metadata (the ``phonenumbers`` package) classifies as mobile. The ranges live in
a dated table, ``custinfo/data/mobile_ranges.csv``, derived from that metadata
by ``update/mobile_ranges.py``; a test proves, prefix by prefix, that the table
gives phonenumbers' verdict (``parse`` + ``is_valid_number`` + ``number_type``),
so checking a number needs no call into phonenumbers. The carrier in
:func:`info` is the one the range was *allocated* to: since 2019 a number can
move to another carrier (携号转网), so it is not necessarily the current one.

Accepted spellings: ``+86``, ``0086`` and ``86`` prefixes, ``+86 (0)``, a leading
trunk ``0``, spaces, hyphens, dots, brackets and full-width characters.
Where ``phonenumbers.parse`` is more lenient, custinfo refuses on purpose:
carrier-selection prefixes (``17951``, ``12593``…) and letters are not part of a
number someone writes on a form, nor are digits of other scripts. Ranges the
metadata does not list are unallocated here too, even where the ministry issued
them for data-only or IoT service (149, 146, 148: libphonenumber declined them,
google/libphonenumber#1976).

>>> validate("+86 138-0013-8000")
'13800138000'
>>> validate("１３８ ００１３ ８０００")
'13800138000'
>>> format("13800138000"), format("13800138000", style="e164")
('138 0013 8000', '+8613800138000')
>>> i = info("0086 13800138000")
>>> i.number_type, i.carrier_zh, i.carrier_en
('mobile', '中国移动', 'China Mobile')
>>> check("14912345678").problems[0].code
'mobile.unallocated'
>>> check("+852 9123 4567").problems[0].params["country_code"]
'852'
>>> mask("13812345678")
'138****5678'
"""

from __future__ import annotations

import functools
import random
from collections.abc import Mapping
from typing import Literal

from attrs import define

from custinfo import data, masking, normalize
from custinfo.findings import Check, DefinitionError, InvalidValue, Problem

__all__ = [
    "MESSAGES",
    "TABLE",
    "InvalidMobile",
    "MobileInfo",
    "carriers",
    "check",
    "compact",
    "format",
    "generate",
    "info",
    "is_valid",
    "mask",
    "validate",
]

TABLE = "mobile_ranges.csv"
"""The bundled range table (see :func:`custinfo.data_sources` for its as-of date)."""

MESSAGES = {
    "mobile.type": ("手机号码的值类型不正确", "Mobile number value has the wrong type"),
    "mobile.format": (
        "手机号码只能包含数字、+ 号和分隔符",
        "Mobile number may contain only digits, + and separators",
    ),
    "mobile.country": (
        "不是中国大陆号码(国家或地区代码 +{country_code})",
        "Not a mainland China number (country code +{country_code})",
    ),
    "mobile.length": (
        "手机号码应为11位数字,实为{length}位",
        "Mobile number must have 11 digits, not {length}",
    ),
    "mobile.not_mobile": (
        "不是手机号码(手机号码以1开头)",
        "Not a mobile number (mobile numbers start with 1)",
    ),
    "mobile.unallocated": (
        "号段 {prefix} 不是已分配的手机号段",
        "{prefix} is not an allocated mobile number range",
    ),
}

Style = Literal["national", "international", "e164"]

_LENGTH = 11
_MAX_INPUT = 64  # characters; any real spelling of a number is far shorter


class InvalidMobile(InvalidValue):
    """Not a mobile number in an allocated Chinese range."""


@define(frozen=True, slots=True)
class MobileInfo:
    """What the range of a valid number tells.

    ``number_type`` is phonenumbers' type (``"mobile"``; ``"fixed_line_or_mobile"``
    where its metadata cannot tell). ``prefix`` is the allocated range the number
    falls in (``"138"``, ``"17400"``). ``carrier_zh``/``carrier_en`` name the
    carrier the range was allocated to, None where phonenumbers' carrier data
    does not know it; the number may have been ported since (携号转网).
    """

    number_type: str
    prefix: str
    carrier_zh: str | None
    carrier_en: str | None


@define(frozen=True, slots=True)
class _Ranges:
    by_prefix: Mapping[str, MobileInfo]
    lengths: tuple[int, ...]  # prefix lengths in the table, most common first


@functools.cache
def _ranges() -> _Ranges:
    by_prefix: dict[str, MobileInfo] = {}
    for prefix, kind, zh, en in data.read_table(TABLE):
        by_prefix[prefix] = MobileInfo(kind, prefix, zh or None, en or None)
    counts: dict[int, int] = {}
    for prefix in by_prefix:
        counts[len(prefix)] = counts.get(len(prefix), 0) + 1
    lengths = tuple(sorted(counts, key=lambda n: (-counts[n], n)))
    return _Ranges(by_prefix, lengths)


_WHOLE: dict[str, MobileInfo] = {}  # filled on first use by _whole_ranges


def _whole_ranges() -> dict[str, MobileInfo]:
    """The ranges of three digits (138, 199…), which most numbers fall in.

    Kept in a module dict filled in place: reading a global is cheaper than
    calling a cached function on every check. A thread that reads it while
    another fills it may miss a range and so take the full path: same answer.
    """
    if not _WHOLE:
        _WHOLE.update((p, found) for p, found in _ranges().by_prefix.items() if len(p) == 3)
    return _WHOLE


def _fast_check(value: object) -> Check | None:
    """The check of a plain 11-digit number in a whole three-digit range; None otherwise.

    Such a value needs no normalizing, has no prefix to strip (it starts with 1)
    and its range is one dictionary look-up away, so this gives exactly what
    :func:`_classify` gives, at about half the cost. Anything else returns None and
    takes the full path.
    """
    if type(value) is str and len(value) == _LENGTH and value[0] == "1" and value.isdigit():
        found = (_WHOLE or _whole_ranges()).get(value[:3])
        if found is not None and value.isascii():
            return Check(value, (), found)
    return None


def _range_of(number: str) -> MobileInfo | None:
    # The table's prefixes do not overlap, so the first hit is the only one.
    ranges = _ranges()
    for n in ranges.lengths:
        found = ranges.by_prefix.get(number[:n])
        if found is not None:
            return found
    return None


def _fold(raw: str) -> str:
    """:func:`custinfo.normalize.compact`, with a shortcut for ASCII spellings."""
    if not raw.isascii():
        raw = normalize.fold_width(raw)  # full-width digits and +, invisible characters
        if not raw.isascii():
            folded = normalize.compact(raw)  # Chinese dashes and punctuation
            return folded if folded.isascii() else "x"  # other scripts' digits: refused
    # normalize.compact only deletes separators from ASCII text, and deleting
    # commutes, so removing the usual two first changes nothing but the speed.
    folded = raw.replace(" ", "").replace("-", "")
    body = folded[1:] if folded[:1] == "+" else folded
    return folded if body.isalnum() else normalize.compact(folded)


def _national(folded: str) -> tuple[str | None, str]:
    """Split a separator-free spelling into (country code or None, national digits).

    The country code is "86" for the +86/0086/86 spellings, "?" for another
    international spelling (the national part is then everything after + or 00).
    """
    if folded.startswith("+"):
        rest = folded[1:]
    elif folded.startswith("00"):
        rest = folded[2:]
    elif folded.startswith("86") and len(_trunk(folded[2:])) == _LENGTH:
        return "86", _trunk(folded[2:])  # 86 without + or 00: only before a whole number
    else:
        return None, _trunk(folded)
    if rest.startswith("86"):
        return "86", _trunk(rest[2:])
    return "?", rest


def _trunk(national: str) -> str:
    # A leading trunk 0 before a mobile number (dialled from a landline in
    # another city, or written "+86 (0)138…") is not part of the number.
    if len(national) == _LENGTH + 1 and national.startswith("01"):
        return national[1:]
    return national


def _classify(value: object) -> tuple[str | None, Problem | MobileInfo]:
    """The normalized number and its range, or the one problem that stops it.

    A mobile number has at most one problem (each check needs the previous one
    to pass), so this returns it instead of yielding a list; check, validate and
    is_valid all read this one function.
    """
    if type(value) is str and len(value) == _LENGTH and value.isascii() and value.isdigit():
        folded = value  # the common case: nothing to normalize
    else:
        raw = normalize.as_text(value)
        if raw is None:
            return None, Problem("mobile.type")
        if len(raw) > _MAX_INPUT:
            return None, Problem("mobile.format")
        folded = _fold(raw)
        if not (folded.isdigit() or (folded[:1] == "+" and folded[1:].isdigit())):
            return None, Problem("mobile.format")
    country, number = _national(folded)
    if country == "?":
        return None, Problem("mobile.country", params={"country_code": _country_code(number)})
    if not number:
        return None, Problem("mobile.length", params={"length": 0})
    if not number.startswith("1"):
        return None, Problem("mobile.not_mobile")
    if len(number) != _LENGTH:
        return None, Problem("mobile.length", params={"length": len(number)})
    found = _range_of(number)
    if found is None:
        return number, Problem("mobile.unallocated", params={"prefix": number[:3]})
    return number, found


def _country_code(international: str) -> str:
    # Country calling codes are prefix-free, so at most one of 1-3 digits fits.
    from phonenumbers import COUNTRY_CODE_TO_REGION_CODE

    for n in (1, 2, 3):
        if international[:n].isdigit() and int(international[:n]) in COUNTRY_CODE_TO_REGION_CODE:
            return international[:n]
    return "?"


def compact(value: str) -> str:
    """Width folded, separators and the +86/0086/86 prefix (or trunk 0) removed.

    Only a prefix in front of 11 digits starting with 1 is removed, so anything
    else (a foreign number, a wrong length) keeps its digits as written.

    >>> compact("+86 (0) 138-0013-8000"), compact("+852 9123 4567")
    ('13800138000', '+85291234567')
    """
    folded = normalize.compact(value)
    country, number = _national(folded)
    if country != "?" and len(number) == _LENGTH and number.startswith("1"):
        return number
    return folded


def check(value: object) -> Check:
    """Check a mobile number; never raises. ``info`` is a :class:`MobileInfo`."""
    fast = _fast_check(value)
    if fast is not None:
        return fast
    return _check(value)


def _check(value: object) -> Check:
    """The full path of :func:`check`, kept for the differential test of the fast one."""
    number, found = _classify(value)
    if isinstance(found, Problem):
        return Check(number, (found,))
    return Check(number, (), found)


def validate(value: object) -> str:
    """The 11-digit number, or :class:`InvalidMobile`."""
    number, found = _classify(value)
    if isinstance(found, Problem):
        raise InvalidMobile(found.code, found.params)
    assert number is not None
    return number


def is_valid(value: object) -> bool:
    """True when the value is a mobile number in an allocated range."""
    return not isinstance(_classify(value)[1], Problem)


def info(value: object) -> MobileInfo:
    """The number type, allocated range and allocating carrier, or :class:`InvalidMobile`."""
    _, found = _classify(value)
    if isinstance(found, Problem):
        raise InvalidMobile(found.code, found.params)
    return found


def format(value: object, style: Style = "national") -> str:
    """The number written in ``style``, as phonenumbers writes it.

    ``"national"``: ``138 0013 8000``; ``"international"``: ``+86 138 0013 8000``;
    ``"e164"``: ``+8613800138000``. Raises :class:`InvalidMobile` for an invalid number.
    """
    number = validate(value)
    if style == "national":
        return f"{number[:3]} {number[3:7]} {number[7:]}"
    if style == "international":
        return f"+86 {number[:3]} {number[3:7]} {number[7:]}"
    if style == "e164":
        return "+86" + number
    raise DefinitionError(f"unknown style {style!r}; use national, international or e164")


def mask(value: str) -> str:
    """The first 3 and last 4 digits: ``138****5678``."""
    return masking.phone(compact(value))


def carriers() -> tuple[str, ...]:
    """The carriers (Chinese names) the range table names, for :func:`generate`."""
    names = {r.carrier_zh for r in _ranges().by_prefix.values() if r.carrier_zh}
    return tuple(sorted(names))


def generate(rng: random.Random, *, carrier: str | None = None) -> str:
    """A random valid number, optionally in a range of ``carrier`` (Chinese or English name).

    Ranges are drawn in proportion to their size, as real numbers would be.
    """
    ranges = list(_ranges().by_prefix.values())
    if carrier is not None:
        wanted = carrier.strip().casefold()
        ranges = [r for r in ranges if wanted in (r.carrier_zh, (r.carrier_en or "").casefold())]
        if not ranges:
            raise DefinitionError(f"unknown carrier {carrier!r}; known: {', '.join(carriers())}")
    weights = [10 ** (_LENGTH - len(r.prefix)) for r in ranges]
    chosen = rng.choices(ranges, weights)[0]
    rest = _LENGTH - len(chosen.prefix)
    return chosen.prefix + str(rng.randrange(10**rest)).zfill(rest)
