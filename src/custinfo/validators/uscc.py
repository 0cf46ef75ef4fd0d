"""Unified social credit identifiers (统一社会信用代码) of GB 32100-2015.

Eighteen characters from a 31-character alphabet (digits and capital letters
without I, O, Z, S, V):

====== ==================================================================
1      registration-authority code (登记管理部门代码): 1–9, A, N or Y
2      institution-category code (机构类别代码), valid for that authority
3–8    division code of the registering authority (GB/T 2260; 100000 national)
9–17   subject identifier: the organization code with its GB 11714 check
18     check character, ISO 7064 MOD 31-3 over positions 1–17
====== ==================================================================

The authority and category table of the standard ships as
``custinfo/data/uscc_categories.csv``; division codes come from
:mod:`custinfo.divisions` (a code abolished since is still a valid code: an
entity keeps its identifier for life).

>>> validate("91110000600037341L")
'91110000600037341L'
>>> i = info("91110000600037341L")
>>> i.category_name, i.region_name, i.organization_code
('企业', '北京市', '60003734-1')
>>> [p.code for p in check("91110000600037341M").problems]
['uscc.check']

Disagreements with python-stdnum 2.2 (``stdnum.cn.uscc``), decided by the standard:

* stdnum rejects every code whose first eight characters are not all digits.
  GB 32100-2015 as amended (XG1-2016) assigns the letters A (军队), N (农业)
  and Y (其他) as registration-authority codes, so ``A1…``, ``N2…`` and ``Y1…``
  codes are valid here.
* stdnum checks only length, alphabet and the check character. This module
  also rejects unknown authority codes, categories not defined for the
  authority, region codes that are no division code, and an embedded
  organization code whose GB 11714 check character is wrong: positions 1–2,
  3–8 and 9–17 are defined by the standard's code table, GB/T 2260 and
  GB 11714.
* Codes issued in Fujian's pilot before the standard (region 35…, subject
  identifier ``M0…``) carry a check character that does not follow
  GB 32100-2015 (for example 91350203M0001FUE2P, 91350211M0000XUF46). They are
  real, lifelong identifiers, so when everything else is right (embedded
  organization code included) the wrong check character is a warning
  (``uscc.pilot_check``), not an error; stdnum rejects them.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable, Mapping

from attrs import define

from custinfo import divisions, masking, normalize
from custinfo.data import read_table
from custinfo.findings import Check, DefinitionError, InvalidValue, Problem, Severity, slot_builder
from custinfo.validators import orgcode

__all__ = [
    "ALPHABET",
    "MESSAGES",
    "Category",
    "InvalidUSCC",
    "USCCInfo",
    "calc_check_char",
    "categories",
    "check",
    "compact",
    "format",
    "generate",
    "info",
    "is_valid",
    "mask",
    "validate",
]

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
"""The 31 characters of GB 32100-2015, in the order of their values 0–30."""

NATIONAL = "100000"
"""Region code of national registration authorities (国家)."""

MESSAGES = {
    "uscc.type": (
        "统一社会信用代码的值类型不正确",
        "Unified social credit code has the wrong type",
    ),
    "uscc.length": (
        "统一社会信用代码应为18位(GB 32100-2015),实为 {length} 位",
        "Unified social credit code must be 18 characters (GB 32100-2015), not {length}",
    ),
    "uscc.alphabet": (
        "统一社会信用代码只能由数字和大写字母(不含 I、O、Z、S、V)组成(GB 32100-2015),"
        "第 {positions} 位不符合",
        "Unified social credit code may only contain digits and capital letters other than "
        "I, O, Z, S, V (GB 32100-2015); position {positions} does not",
    ),
    "uscc.authority": (
        "统一社会信用代码第1位登记管理部门代码无效(GB 32100-2015 登记管理部门代码表,"
        "应为 {allowed} 之一)",
        "Position 1, the registration-authority code, is not one of the GB 32100-2015 "
        "codes ({allowed})",
    ),
    "uscc.category": (
        "统一社会信用代码第2位机构类别代码不属于登记管理部门 {authority}"
        "(GB 32100-2015 机构类别代码表,应为 {allowed} 之一)",
        "Position 2, the institution-category code, is not defined for registration "
        "authority {authority} (GB 32100-2015 code table; one of {allowed})",
    ),
    "uscc.region": (
        "统一社会信用代码第3-8位登记管理机关行政区划码不是行政区划代码"
        "(GB 32100-2015 引用 GB/T 2260;全国为 100000)",
        "Positions 3-8 are not an administrative division code (GB 32100-2015 refers to "
        "GB/T 2260; 100000 for national authorities)",
    ),
    "uscc.orgcode_check": (
        "统一社会信用代码第9-17位主体标识码(组织机构代码)的校验码错误"
        "(GB 32100-2015 引用 GB 11714,应为 {expected})",
        "Positions 9-17, the organization code, have a wrong GB 11714 check character "
        "(GB 32100-2015 refers to GB 11714; expected {expected})",
    ),
    "uscc.check": (
        "统一社会信用代码第18位校验码错误(GB 32100-2015 校验码,MOD 31-3,应为 {expected})",
        "Position 18, the check character, is wrong (GB 32100-2015 check character, "
        "MOD 31-3; expected {expected})",
    ),
    "uscc.pilot_check": (
        "统一社会信用代码第18位校验码不符合 GB 32100-2015(应为 {expected}),"
        "属福建试点时期发放的代码,请核实",
        "Position 18 does not follow GB 32100-2015 (expected {expected}); the code looks like "
        "one issued in Fujian's pilot before the standard: please verify it",
    ),
}


class InvalidUSCC(InvalidValue):
    """Not a GB 32100-2015 unified social credit identifier."""


@define(frozen=True, slots=True)
class Category:
    """One row of the standard's code table: an authority and one of its categories."""

    authority: str
    authority_zh: str
    authority_en: str
    category: str
    category_zh: str
    category_en: str


@define(frozen=True, slots=True)
class USCCInfo:
    """What a valid code says about its holder."""

    authority: str
    authority_name: str
    authority_name_en: str
    category: str
    category_name: str
    category_name_en: str
    region: str
    region_name: str
    region_historic: bool
    organization_code: str


# Maps the alphabet to the digits of base 34 (34 ≡ 3 mod 31, see calc_check_char);
# the five excluded letters map to a character int() refuses.
_BASE34 = str.maketrans(ALPHABET + "IOSVZ", "0123456789abcdefghijklmnopqrstu!!!!!")
_BASE34_BYTES = bytes(
    ord("0123456789abcdefghijklmnopqrstu"[ALPHABET.index(chr(b))]) if chr(b) in ALPHABET else 33
    for b in range(256)
)
_ALPHABET_SET = frozenset(ALPHABET)
_MAX_RAW = 64  # longer input is refused before normalization


# Lookups built on first use, never at import (a rebuild by a racing thread is harmless).
_PAIRS: Mapping[str, Category] | None = None
_REGIONS: frozenset[str] | None = None


def categories() -> Mapping[str, Category]:
    """The standard's table, keyed by the two-character prefix (``"91"``, ``"N2"``…)."""
    global _PAIRS  # noqa: PLW0603 - module globals keep the hot path fast
    if _PAIRS is None:
        _PAIRS = {row[0] + row[3]: Category(*row) for row in read_table("uscc_categories.csv")}
    return _PAIRS


@functools.cache
def _authorities() -> tuple[str, ...]:
    return tuple(sorted({c.authority for c in categories().values()}))


def _regions() -> frozenset[str]:
    global _REGIONS  # noqa: PLW0603
    if _REGIONS is None:
        _REGIONS = frozenset(d.code for d in divisions.all_divisions()) | {NATIONAL}
    return _REGIONS


def calc_check_char(body: str) -> str:
    """The MOD 31-3 check character of the first 17 characters (upper case).

    The weights are 3**i mod 31 for position i (from 0), so the weighted sum is
    congruent to the reversed body read as a base-34 number (34 ≡ 3 mod 31).

    >>> calc_check_char("91110000600037341")
    'L'
    """
    return ALPHABET[-int(body[:17].translate(_BASE34)[::-1], 34) % 31]


def compact(value: str) -> str:
    """Width folded, Chinese punctuation, separators and spaces removed, upper case."""
    if value.isascii() and value.isalnum():  # nothing to fold or remove
        return value.upper()
    return normalize.compact(value).upper()


# Positions 1-8 (authority, category, region) -> the first nine fields of
# USCCInfo, for the valid prefixes met so far: real data repeats a few thousand
# of them. Bounded; emptied when full (a rebuild is cheap).
_Head = tuple[str, str, str, str, str, str, str, str, bool]
# USCCInfo with its slots set directly: one is built for every valid code.
_build_info: Callable[..., USCCInfo] = slot_builder(USCCInfo)
_HEADS: dict[str, _Head] = {}
_HEADS_SIZE = 1 << 16


def _new_head(prefix: str) -> _Head | None:
    # None when the authority/category pair or the region is not valid.
    row = categories().get(prefix[:2])
    region = prefix[2:8]
    if row is None or region not in _regions():
        return None
    division = divisions.get(region)
    historic = division is not None and not division.current
    head = (
        row.authority,
        row.authority_zh,
        row.authority_en,
        row.category,
        row.category_zh,
        row.category_en,
        region,
        _region_name(region),
        historic,
    )
    if len(_HEADS) >= _HEADS_SIZE:
        _HEADS.clear()
    _HEADS[prefix] = head
    return head


def _fast(
    value: object,
    _alphabet: str = ALPHABET,
    _table: bytes = _BASE34_BYTES,
    _org: str = "0123456789X",
) -> str | None:
    # The hot path of validate/is_valid for clean input: accepts exactly the values
    # _problems finds no error in (tests/validators/test_uscc_fast.py holds the two
    # together); anything else returns None and goes the long way. Every byte
    # outside the alphabet translates to "!", which int() refuses, so one int()
    # call checks the alphabet too. (Constants are bound as defaults: local lookups
    # keep this path ten times faster than the reference implementation.) ASCII
    # first: str.upper() can lengthen other characters (U+FB00 "ﬀ" -> "FF").
    if type(value) is not str or len(value) != 18 or not value.isascii():
        return None
    code = value.upper()
    try:
        total = int(code.encode().translate(_table)[16::-1], 34)
        org = int(code[8:16], 35)
    except ValueError:
        return None
    if _alphabet[-total % 31] != code[17] or _org[-2 * org % 11] != code[16]:
        return None
    if code[:8] not in _HEADS and _new_head(code[:8]) is None:
        return None
    return code


def _fast_check(
    value: object,
    _alphabet: str = ALPHABET,
    _table: bytes = _BASE34_BYTES,
    _org: str = "0123456789X",
    _heads: dict[str, _Head] = _HEADS,
    _make: Callable[..., USCCInfo] = _build_info,
    _check: type[Check] = Check,
) -> Check | None:
    # check()'s hot path: the Check the reference path (_full_check) builds, for
    # a clean valid code and for one wrong only in its check characters; None
    # when it cannot decide. Same tests as _fast, inlined: a call costs more
    # than the whole head lookup.
    if type(value) is not str or len(value) != 18 or not value.isascii():
        return None
    code = value.upper()
    try:
        total = int(code.encode().translate(_table)[16::-1], 34)
        org = int(code[8:16], 35)
    except ValueError:
        return None
    head = _heads.get(code[:8]) or _new_head(code[:8])
    if head is None:
        return None
    expected, expected_org = _alphabet[-total % 31], _org[-2 * org % 11]
    if expected == code[17] and expected_org == code[16]:
        return _check(code, (), _make(*head, code[8:16] + "-" + code[16]))
    return _wrong_checks(code, expected_org, expected)


def _wrong_checks(code: str, expected_org: str, expected: str) -> Check | None:
    # A code of the alphabet (but perhaps its last character) with a valid
    # authority, category and region, and a wrong check character: a typo or a
    # transposition, the commonest errors. The reference's problems, in its order.
    if code[17] not in ALPHABET:
        return None  # uscc.alphabet: the reference's
    problems = []
    if code[16] != expected_org:
        problems.append(_problem("uscc.orgcode_check", expected_org))
    if code[17] != expected:
        if not problems and _is_pilot(code):
            return None  # a pilot code's warning: the reference's
        problems.append(_problem("uscc.check", expected))
    return Check(None, tuple(problems))


@functools.cache
def _problem(code: str, expected: str) -> Problem:
    # Problems are immutable: one per code and expected character is enough.
    return Problem(code, params={"expected": expected})


def _settled(value: object) -> bool:
    # True when _fast_check is final: it returns a valid Check exactly when the
    # reference path would. So it is for 18 ASCII letters and digits (compact()
    # only upper-cases them, and the fast path tests every rule) unless the code
    # may be one of Fujian's pilot codes, which the reference accepts with a warning.
    return (
        type(value) is str
        and len(value) == 18
        and value.isascii()
        and value.isalnum()
        and not _is_pilot(value.upper())
    )


def _is_pilot(code: str) -> bool:
    # Fujian's pre-standard pilot: region 35xxxx and a subject identifier M0…
    return code[2:4] == "35" and code[8:10] == "M0"


def _problems(code: str) -> list[Problem]:
    if len(code) != 18:
        return [Problem("uscc.length", params={"length": len(code)})]
    if not _ALPHABET_SET.issuperset(code):
        bad = [i + 1 for i, c in enumerate(code) if c not in _ALPHABET_SET]
        return [Problem("uscc.alphabet", params={"positions": bad})]
    problems: list[Problem] = []
    table = categories()
    authorities = _authorities()
    if code[0] not in authorities:
        problems.append(Problem("uscc.authority", params={"allowed": authorities}))
    elif code[:2] not in table:
        allowed = sorted(c.category for c in table.values() if c.authority == code[0])
        problems.append(Problem("uscc.category", params={"authority": code[0], "allowed": allowed}))
    if code[2:8] not in _regions():
        problems.append(Problem("uscc.region"))
    expected_org = orgcode.check_char(code[8:16])
    if code[16] != expected_org:
        problems.append(Problem("uscc.orgcode_check", params={"expected": expected_org}))
    expected = calc_check_char(code)
    if code[17] != expected:
        if not problems and _is_pilot(code):
            problems.append(Problem("uscc.pilot_check", Severity.WARNING, {"expected": expected}))
        else:
            problems.append(Problem("uscc.check", params={"expected": expected}))
    return problems


@functools.lru_cache(maxsize=8192)
def _region_name(code: str) -> str:
    if code == NATIONAL:
        return "全国"
    # "市辖区" and "县" are placeholders of the code table, not names.
    names = [d.name for d in divisions.path(code) if d.name not in ("市辖区", "县")]
    return "".join(names)


def _info(code: str) -> USCCInfo:
    row = categories()[code[:2]]
    region = divisions.get(code[2:8])
    return USCCInfo(
        authority=row.authority,
        authority_name=row.authority_zh,
        authority_name_en=row.authority_en,
        category=row.category,
        category_name=row.category_zh,
        category_name_en=row.category_en,
        region=code[2:8],
        region_name=_region_name(code[2:8]),
        region_historic=region is not None and not region.current,
        organization_code=f"{code[8:16]}-{code[16]}",
    )


def check(value: object) -> Check:
    """Check a code; never raises. ``info`` is a :class:`USCCInfo` when valid."""
    return _fast_check(value) or _full_check(value)


def _full_check(value: object) -> Check:
    # The reference path: every input, every problem; the fast paths must agree.
    raw = normalize.as_text(value)
    if raw is None:
        return Check(None, (Problem("uscc.type"),))
    if len(raw) > _MAX_RAW:
        return Check(None, (Problem("uscc.length", params={"length": len(raw)}),))
    code = compact(raw)
    problems = tuple(_problems(code))
    if any(p.severity is Severity.ERROR for p in problems):
        return Check(None, problems)
    return Check(code, problems, _info(code))


def validate(value: object) -> str:
    """The compact code, or :class:`InvalidUSCC` naming the first broken rule."""
    fast = _fast(value)
    if fast is not None:
        return fast
    result: str = check(value).unwrap(InvalidUSCC)
    return result


def is_valid(value: object) -> bool:
    """True when :func:`check` finds no error (warnings allowed)."""
    return _fast(value) is not None or check(value).ok


def info(value: object) -> USCCInfo:
    """Authority, category, region and organization code of a valid code."""
    result = check(value)
    result.unwrap(InvalidUSCC)
    found: USCCInfo = result.info
    return found


def format(value: str) -> str:
    """The compact form (the standard prints the code without separators)."""
    return validate(value)


def mask(value: str) -> str:
    """Keep the first 6 and last 4 characters (:func:`custinfo.masking.identifier`)."""
    return masking.identifier(compact(value))


_BODY_LETTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def _pick_pair(rng: random.Random, authority: str | None, category: str | None) -> str:
    table = categories()
    pairs = [
        k
        for k in table
        if (authority is None or k[0] == authority) and (category is None or k[1] == category)
    ]
    if not pairs:
        raise DefinitionError(f"no category {category!r} for authority {authority!r}")
    return rng.choice(sorted(pairs))


def _pick_region(rng: random.Random, region: str | None) -> str:
    if region is not None:
        if region not in _regions():
            raise DefinitionError(f"{region!r} is not a division code")
        return region
    return rng.choice(sorted(d.code for d in divisions.all_divisions() if d.current))


def _subject(rng: random.Random) -> str:
    # Old organization codes are digits; codes issued since 2015 start with M and
    # a letter (MA…); the pilot prefix M0 is never produced.
    if rng.random() < 0.5:
        body = "".join(rng.choice("0123456789") for _ in range(8))
    else:
        body = "M" + rng.choice("ABCDEFGH") + "".join(rng.choice(_BODY_LETTERS) for _ in range(6))
    return body + orgcode.check_char(body)


def generate(
    rng: random.Random,
    *,
    authority: str | None = None,
    category: str | None = None,
    region: str | None = None,
) -> str:
    """A valid code; ``authority``, ``category`` and ``region`` fix those parts.

    >>> c = generate(random.Random(1), authority="N", region="110105")
    >>> c[0], c[2:8], is_valid(c)
    ('N', '110105', True)
    """
    body = _pick_pair(rng, authority, category) + _pick_region(rng, region) + _subject(rng)
    return body + calc_check_char(body)
