"""Resident identity numbers (公民身份号码) of GB 11643-1999 and their relatives.

Eighteen digits: a six-digit address code (GB/T 2260), the birth date
``YYYYMMDD``, a three-digit serial (odd for men, even for women) and a check
character (ISO 7064 MOD 11-2, ``X`` for 10). The same layout serves:

* residence permits of Hong Kong, Macao and Taiwan residents (address code
  810000, 820000, 830000; issued since 2018);
* the foreigner's permanent residence ID card of 2023 (外国人永久居留身份证):
  ``9`` + the two-digit province code of the issuing authority + a three-digit
  nationality code (ISO 3166-1 numeric) + birth date + serial + MOD 11-2 check;
* legacy 15-digit numbers (GB 11643-1989: no century, no check digit), which
  stay valid with a warning and :func:`to_18` upgrades.

>>> validate("11010519491231002x")
'11010519491231002X'
>>> i = info("11010519491231002X")
>>> i.birth_date, i.gender, i.county, i.kind
(datetime.date(1949, 12, 31), 'female', '朝阳区', 'resident')
>>> check("11010519491231002X", today=datetime.date(1949, 12, 30)).problems[0].code
'ric.birth_future'

The address code is judged against the division table's history: a current
code is valid; a code abolished since is valid and ``info().historic`` says so
(people keep their number for life); a code that never existed is an error; a
code abolished before the year of birth is a warning (``ric.region_abolished``).

Disagreements with python-stdnum 2.2 (``stdnum.cn.ric``), decided by the standard:

* stdnum rejects a number whose address code was not in use in the year of
  birth. GB 11643-1999 §5.2 makes the address code the county of the
  *registered residence* when the number is assigned, not of birth, so a code
  created after the birth year is normal (the standard's own example
  440524188001010014, 潮阳县 coded from 1983, is rejected by stdnum), and one
  abolished before it is only suspicious (a warning here).
* stdnum rejects the 830000 / 810000 / 820000 residence permits and the 2023
  foreigner's ID (their address codes are not county codes); they are valid
  numbers of the same standard layout here.
* stdnum accepts any calendar birth date; here it must not be after the
  reference day ``today`` (when given) nor before 1800.
* 15-digit legacy numbers are parsed here (stdnum rejects them).
"""

from __future__ import annotations

import datetime
import functools
import random
from collections.abc import Callable, Collection, Mapping

from attrs import define

from custinfo import divisions, masking, normalize
from custinfo.findings import Check, DefinitionError, InvalidValue, Problem, Severity

__all__ = [
    "KINDS",
    "MESSAGES",
    "InvalidRIC",
    "RICInfo",
    "age_on",
    "calc_check_digit",
    "check",
    "compact",
    "format",
    "generate",
    "info",
    "is_valid",
    "mask",
    "to_18",
    "validate",
]

KINDS = {
    "resident": "居民身份证",
    "hongkong_permit": "港澳居民居住证(香港)",
    "macao_permit": "港澳居民居住证(澳门)",
    "taiwan_permit": "台湾居民居住证",
    "foreign_permanent": "外国人永久居留身份证",
}
"""The kinds of number this module reads, with their Chinese names."""

EARLIEST_YEAR = 1800
"""Birth years before this are taken for typing errors (the standard's example is 1880)."""

MESSAGES = {
    "ric.type": ("身份证号码的值类型不正确", "Identity number has the wrong type"),
    "ric.length": (
        "身份证号码应为18位(GB 11643-1999)或15位旧号码,实为 {length} 位",
        "Identity number must have 18 characters (GB 11643-1999) or 15 (legacy), not {length}",
    ),
    "ric.format": (
        "身份证号码前17位应为数字,第18位为数字或 X(GB 11643-1999 §5.1)",
        "Identity number must be 17 digits and a digit or X (GB 11643-1999 §5.1)",
    ),
    "ric.checksum": (
        "身份证号码校验码错误(GB 11643-1999 §5.5,MOD 11-2,应为 {expected})",
        "Identity number check digit is wrong (GB 11643-1999 §5.5, MOD 11-2; expected {expected})",
    ),
    "ric.birth_date": (
        "身份证号码中的出生日期不存在(GB 11643-1999 §5.3)",
        "The birth date in the identity number is not a calendar date (GB 11643-1999 §5.3)",
    ),
    "ric.birth_future": (
        "身份证号码中的出生日期晚于当前日期 {today}(GB 11643-1999 §5.3)",
        "The birth date in the identity number is after the reference day {today} "
        "(GB 11643-1999 §5.3)",
    ),
    "ric.region": (
        "身份证号码的地址码不是行政区划代码(GB 11643-1999 §5.2,GB/T 2260)",
        "The address code of the identity number is no administrative division code "
        "(GB 11643-1999 §5.2, GB/T 2260)",
    ),
    "ric.region_abolished": (
        "身份证号码的地址码在出生前已于 {until} 年撤销(GB 11643-1999 §5.2),请核实",
        "The address code was abolished in {until}, before the year of birth "
        "(GB 11643-1999 §5.2): please verify the number",
    ),
    "ric.legacy": (
        "15位旧身份证号码(GB 11643-1989);18位号码在出生年份前补“19”,末位校验码为 {check}",
        "Legacy 15-digit number (GB 11643-1989); its 18-digit form inserts 19 before the "
        "year and ends in the check digit {check}",
    ),
    "ric.kind": (
        "证件类型“{kind}”不在允许范围内(允许:{allowed})",
        "Identity number kind {kind} is not allowed here (allowed: {allowed})",
    ),
}


class InvalidRIC(InvalidValue):
    """Not a GB 11643 identity number (or not of an allowed kind)."""


@define(frozen=True, slots=True)
class RICInfo:
    """What a valid number says about its holder."""

    kind: str
    kind_name: str
    birth_date: datetime.date
    gender: str
    region: str
    province: str | None
    city: str | None
    county: str | None
    historic: bool
    legacy: bool
    nationality: str | None = None


_PERMITS = {"810000": "hongkong_permit", "820000": "macao_permit", "830000": "taiwan_permit"}
_PERMIT_PROVINCE = {"810000": "810000", "820000": "820000", "830000": "710000"}
_CHECK = "0123456789X"
_DAYS = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_MAX_RAW = 64  # longer input is refused before normalization
# Address codes of residents and permit holders, built on first use.
_ADDRESSES: frozenset[str] | None = None


def _addresses() -> frozenset[str]:
    global _ADDRESSES  # noqa: PLW0603 - a module global keeps the hot path fast
    if _ADDRESSES is None:
        _ADDRESSES = frozenset(d.code for d in divisions.all_divisions()) | set(_PERMITS)
    return _ADDRESSES


def calc_check_digit(body: str) -> str:
    """The MOD 11-2 check character of the first 17 digits.

    The weights are 2**k mod 11 counted from the check position, so the weighted
    sum is twice the body read in base 13 (13 ≡ 2 mod 11).

    >>> calc_check_digit("11010519491231002")
    'X'
    """
    return _CHECK[(1 - 2 * int(body[:17], 13)) % 11]


def compact(value: str) -> str:
    """Width folded, separators and spaces removed, ``x`` upper-cased."""
    if value.isascii() and value.isalnum():  # nothing to fold or remove
        return value.upper()
    return normalize.compact(value).upper()


def _real_date(year: int, month: int, day: int) -> bool:
    if not 1 <= month <= 12 or not 1 <= day <= _DAYS[month] or year < EARLIEST_YEAR:
        return False
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return month != 2 or day <= 28 or leap


def _kind(number: str) -> str:
    if number[0] == "9" and len(number) == 18:
        return "foreign_permanent"
    return _PERMITS.get(number[:6], "resident") if len(number) == 18 else "resident"


def _birth(number: str) -> datetime.date | None:
    digits = number[6:14] if len(number) == 18 else "19" + number[6:12]
    year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    return datetime.date(year, month, day) if _real_date(year, month, day) else None


def _shape(number: str) -> list[Problem]:
    if len(number) not in (15, 18):
        return [Problem("ric.length", params={"length": len(number)})]
    body = number[:17] if len(number) == 18 else number
    if not (body.isascii() and body.isdigit()) or (len(number) == 18 and number[17] not in _CHECK):
        return [Problem("ric.format")]
    return []


def _region_problems(number: str, kind: str, born: datetime.date | None) -> list[Problem]:
    if kind == "foreign_permanent":
        province = divisions.get(number[1:3] + "0000")
        # Issued by the mainland's immigration authorities only.
        ok = province is not None and province.level == "province"
        ok = ok and number[1:3] not in ("71", "81", "82")
        return [] if ok else [Problem("ric.region")]
    if kind != "resident":
        return []
    division = divisions.get(number[:6])
    if division is None:
        return [Problem("ric.region")]
    until = division.until
    if born is not None and until is not None and until < born.year:
        return [Problem("ric.region_abolished", Severity.WARNING, {"until": until})]
    return []


def _problems(
    number: str, today: datetime.date | None, kinds: Collection[str] | None
) -> list[Problem]:
    shape = _shape(number)
    if shape:
        return shape
    problems: list[Problem] = []
    if len(number) == 18:
        expected = calc_check_digit(number)
        if number[17] != expected:
            problems.append(Problem("ric.checksum", params={"expected": expected}))
    born = _birth(number)
    if born is None:
        problems.append(Problem("ric.birth_date"))
    elif today is not None and born > today:
        problems.append(Problem("ric.birth_future", params={"today": today.isoformat()}))
    kind = _kind(number)
    problems.extend(_region_problems(number, kind, born))
    if len(number) == 15:
        check18 = calc_check_digit(_upgrade_body(number))
        problems.append(Problem("ric.legacy", Severity.WARNING, {"check": check18}))
    if kinds is not None and kind not in kinds:
        allowed = sorted(kinds)
        problems.append(Problem("ric.kind", params={"kind": kind, "allowed": allowed}))
    return problems


def _upgrade_body(number: str) -> str:
    return number[:6] + "19" + number[6:15]


def _names(number: str, kind: str) -> tuple[str | None, str | None, str | None]:
    if kind == "foreign_permanent":
        province = divisions.get(number[1:3] + "0000")
        return (province.name if province else None), None, None
    return _region_names(_PERMIT_PROVINCE.get(number[:6], number[:6]))


@functools.lru_cache(maxsize=8192)
def _region_names(code: str) -> tuple[str | None, str | None, str | None]:
    # cached: a stream of IDs meets the same few thousand address codes over and over
    found: dict[str, str] = {}
    for d in divisions.path(code):
        # "市辖区" and "县" are placeholders of the code table, not names.
        if d.name not in ("市辖区", "县"):
            found[d.level] = d.name
    return found.get("province"), found.get("prefecture"), found.get("county")


def _info(number: str) -> RICInfo:
    kind = _kind(number)
    born = _birth(number)
    assert born is not None  # only called on valid numbers
    region = number[:6] if kind != "foreign_permanent" else number[1:3] + "0000"
    division = divisions.get(region) if kind == "resident" else None
    province, city, county = _names(number, kind)
    serial = number[14:17] if len(number) == 18 else number[12:15]
    return RICInfo(
        kind=kind,
        kind_name=KINDS[kind],
        birth_date=born,
        gender="male" if int(serial[-1]) % 2 else "female",
        region=region,
        province=province,
        city=city,
        county=county,
        historic=division is not None and not division.current,
        legacy=len(number) == 15,
        nationality=number[3:6] if kind == "foreign_permanent" else None,
    )


# The parts of a number that repeat from person to person, with what the
# reference path derives from them, for the values met so far. Each is bounded
# and emptied when full (a rebuild is cheap).
_CACHE_SIZE = 1 << 16
# "YYYYMMDD" -> the birth date, for real dates only (a century is 36,525 keys).
_BIRTHS: dict[str, datetime.date] = {}
# today -> "YYYYMMDD", compared as text with the birth digits.
_DAYS_KEYS: dict[datetime.date, str] = {}
# Address code (positions 1-6) -> (kind, kind_name), (region, province, city,
# county, historic, legacy, nationality), the year the code was abolished, and
# the warning a number born after it carries.
_Head = tuple[
    tuple[str, str],
    tuple[str, str | None, str | None, str | None, bool, bool, str | None],
    int | None,
    tuple[Problem, ...],
]
_HEADS: dict[str, _Head] = {}
_GENDERS = {d: "male" if int(d) % 2 else "female" for d in "0123456789"}


def _new_birth(digits: str) -> datetime.date | None:
    year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    if not _real_date(year, month, day):
        return None
    if len(_BIRTHS) >= _CACHE_SIZE:
        _BIRTHS.clear()
    born = _BIRTHS[digits] = datetime.date(year, month, day)
    return born


def _day_key(today: datetime.date) -> str:
    if len(_DAYS_KEYS) >= 64:
        _DAYS_KEYS.clear()
    key = _DAYS_KEYS[today] = f"{today.year:04d}{today.month:02d}{today.day:02d}"
    return key


def _new_head(prefix: str) -> _Head | None:
    # None when the address code is an error; built with the reference helpers,
    # which read nothing of an 18-digit number's address part but positions 1-6.
    number = prefix + "0" * 12
    kind = _kind(number)
    if _region_problems(number, kind, None):
        return None
    region = number[1:3] + "0000" if kind == "foreign_permanent" else prefix
    division = divisions.get(region) if kind == "resident" else None
    province, city, county = _names(number, kind)
    historic = division is not None and not division.current
    nationality = prefix[3:6] if kind == "foreign_permanent" else None
    until = division.until if division is not None else None
    warned = (
        ()
        if until is None
        else (Problem("ric.region_abolished", Severity.WARNING, {"until": until}),)
    )
    head: _Head = (
        (kind, KINDS[kind]),
        (region, province, city, county, historic, False, nationality),
        until,
        warned,
    )
    if len(_HEADS) >= _CACHE_SIZE:
        _HEADS.clear()
    _HEADS[prefix] = head
    return head


def _fast(value: object, today: datetime.date | None) -> str | None:
    # The hot path of validate/is_valid for clean 18-digit input: accepts exactly
    # the values that _problems finds no error in with kinds=None
    # (tests/validators/test_ric_fast.py holds them together); anything else
    # returns None and goes the long way.
    if type(value) is not str or len(value) != 18 or not value.isascii():
        return None
    body = value[:17]
    if not body.isdigit():
        return None
    last = value[17]
    if last == "x":
        value = value.upper()
        last = "X"
    if _CHECK[(1 - 2 * int(body, 13)) % 11] != last:
        return None
    if (_BIRTHS.get(value[6:14]) or _new_birth(value[6:14])) is None:
        return None
    if today is not None and value[6:14] > (_DAYS_KEYS.get(today) or _day_key(today)):
        return None
    if value[:6] not in _HEADS and _new_head(value[:6]) is None:
        return None
    return value


def _fast_check(
    value: object,
    today: datetime.date | None,
    kinds: Collection[str] | None,
    _chars: str = _CHECK,
    _births: dict[str, datetime.date] = _BIRTHS,
    _days: dict[datetime.date, str] = _DAYS_KEYS,
    _heads: dict[str, _Head] = _HEADS,
    _genders: dict[str, str] = _GENDERS,
    _make: Callable[..., RICInfo] = RICInfo,
    _result: type[Check] = Check,
) -> Check | None:
    # check()'s hot path: the Check the reference path (_full_check) builds, for
    # a clean valid 18-digit number and for one wrong only in its check digit;
    # None when it cannot decide. Same tests as _fast, inlined (a call costs
    # more than a lookup).
    if type(value) is not str or len(value) != 18 or not value.isascii():
        return None
    body = value[:17]
    if not body.isdigit():
        return None
    last = value[17]
    if last == "x":
        value = value.upper()
        last = "X"
    digits = value[6:14]
    born = _births.get(digits) or _new_birth(digits)
    if born is None or (today is not None and digits > (_days.get(today) or _day_key(today))):
        return None
    head = _heads.get(value[:6]) or _new_head(value[:6])
    if head is None:
        return None
    kind, place, until, warned = head
    if kinds is not None and kind[0] not in kinds:
        return None
    warnings = warned if until is not None and until < born.year else ()
    expected = _chars[(1 - 2 * int(body, 13)) % 11]
    if expected == last:
        return _result(value, warnings, _make(*kind, born, _genders[value[16]], *place))
    if last not in _chars:
        return None  # ric.format: the reference's
    # Wrong only in the check digit (a typo, a transposition): the reference's problems.
    return _result(None, (_checksum_problem(expected), *warnings))


@functools.cache
def _checksum_problem(expected: str) -> Problem:
    # Problems are immutable: one per expected check digit is enough.
    return Problem("ric.checksum", params={"expected": expected})


def _settled(value: object) -> bool:
    # True when _fast_check (with kinds=None) is final: it returns a valid Check
    # exactly when the reference path would. So it is for 18 ASCII letters and
    # digits: compact() only upper-cases them, and the fast path tests every rule.
    return type(value) is str and len(value) == 18 and value.isascii() and value.isalnum()


def check(
    value: object,
    *,
    today: datetime.date | None = None,
    kinds: Collection[str] | None = None,
) -> Check:
    """Check a number; never raises.

    ``today`` bounds the birth date (no bound when None); ``kinds`` restricts
    the kinds of :data:`KINDS` accepted (all when None). ``info`` is a
    :class:`RICInfo` when valid.
    """
    return _fast_check(value, today, kinds) or _full_check(value, today, kinds)


def _full_check(value: object, today: datetime.date | None, kinds: Collection[str] | None) -> Check:
    # The reference path: every input, every problem; the fast paths must agree.
    raw = normalize.as_text(value)
    if raw is None:
        return Check(None, (Problem("ric.type"),))
    if len(raw) > _MAX_RAW:
        return Check(None, (Problem("ric.length", params={"length": len(raw)}),))
    number = compact(raw)
    problems = tuple(_problems(number, today, kinds))
    if any(p.severity is Severity.ERROR for p in problems):
        return Check(None, problems)
    return Check(number, problems, _info(number))


def validate(value: object, *, today: datetime.date | None = None) -> str:
    """The compact number (15 digits stay 15), or :class:`InvalidRIC`."""
    fast = _fast(value, today)
    if fast is not None:
        return fast
    result: str = check(value, today=today).unwrap(InvalidRIC)
    return result


def is_valid(value: object, *, today: datetime.date | None = None) -> bool:
    """True when :func:`check` finds no error (warnings allowed)."""
    return _fast(value, today) is not None or check(value, today=today).ok


def info(value: object, *, today: datetime.date | None = None) -> RICInfo:
    """Kind, birth date, gender, region names and flags of a valid number."""
    result = check(value, today=today)
    result.unwrap(InvalidRIC)
    found: RICInfo = result.info
    return found


def age_on(value: object, day: datetime.date) -> int:
    """Age in whole years on ``day`` (the number must be valid on that day).

    >>> age_on("11010519491231002X", datetime.date(2024, 12, 30))
    74
    """
    born = info(value, today=day).birth_date
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def to_18(value: object) -> str:
    """The 18-digit form of a valid number (a 15-digit number gains 19 and a check digit).

    >>> to_18("110105491231002")
    '11010519491231002X'
    """
    number = validate(value)
    if len(number) == 18:
        return number
    body = _upgrade_body(number)
    return body + calc_check_digit(body)


def format(value: str) -> str:
    """The compact form (upper-case X, no separators)."""
    return validate(value)


def mask(value: str) -> str:
    """Keep the first 6 and last 4 characters (:func:`custinfo.masking.identifier`)."""
    return masking.identifier(compact(value))


def _pick_region(rng: random.Random, region: str | None) -> str:
    if region is not None:
        if region not in _addresses():
            raise DefinitionError(f"{region!r} is not an address code")
        return region
    counties = sorted(
        d.code
        for d in divisions.all_divisions()
        if d.current and d.level == "county" and d.name not in ("市辖区", "县")
    )
    return rng.choice(counties)


def _serial(rng: random.Random, gender: str | None) -> str:
    if gender not in (None, "male", "female"):
        raise DefinitionError(f"gender must be 'male' or 'female', not {gender!r}")
    number = rng.randrange(1000)
    if gender is not None and (number % 2 == 1) != (gender == "male"):
        number = number ^ 1
    return f"{number:03d}"


_NATIONALITIES = ("036", "124", "250", "276", "392", "398", "410", "643", "702", "826", "840")

_KIND_REGIONS: Mapping[str, str] = {v: k for k, v in _PERMITS.items()}


def generate(
    rng: random.Random,
    *,
    kind: str = "resident",
    region: str | None = None,
    birth_date: datetime.date | None = None,
    gender: str | None = None,
    nationality: str | None = None,
) -> str:
    """A valid 18-digit number of ``kind`` (see :data:`KINDS`).

    ``region`` is the address code (for a foreigner's ID: a province code such
    as ``"110000"``); ``birth_date`` defaults to a day in 1940–2005; ``gender``
    is ``"male"`` or ``"female"``.

    >>> n = generate(random.Random(7), region="440106", gender="female")
    >>> n[:6], info(n).gender
    ('440106', 'female')
    """
    if kind not in KINDS:
        raise DefinitionError(f"kind must be one of {sorted(KINDS)}, not {kind!r}")
    if birth_date is None:
        start = datetime.date(1940, 1, 1)
        birth_date = start + datetime.timedelta(days=rng.randrange(24000))
    if kind == "foreign_permanent":
        province = region or rng.choice(("110000", "310000", "440000", "320000"))
        country = nationality or rng.choice(_NATIONALITIES)
        prefix = "9" + province[:2] + country
    elif kind in _KIND_REGIONS:
        prefix = _KIND_REGIONS[kind]
    else:
        prefix = _pick_region(rng, region)
    body = prefix + birth_date.strftime("%Y%m%d") + _serial(rng, gender)
    return body + calc_check_digit(body)
