"""Landline numbers of mainland China: area code, local number, optional extension.

Also the nationwide 400 (shared cost) and 800 (toll free) numbers. Validity is
phonenumbers' metadata (libphonenumber): a number is valid when
``is_valid_number`` holds and its type is not mobile; the city is its
geocoder's. Those verdicts live in a dated table, ``custinfo/data/landline_ranges.csv``,
derived from the metadata by ``update/landline_ranges.py``, which decides each
row exactly (every number of a row gets the same verdict from phonenumbers, and
every valid number is in a row); tests hold the table to the installed
phonenumbers. phonenumbers itself is asked (and its answers cached) only about
spellings whose national number the table cannot read plainly (another
country's code, carrier-selection prefixes, ``86`` without ``+``…).

Written forms accepted: ``010-12345678``, ``(0755)12345678``, ``0755 1234 5678``,
``+86 10 12345678``, ``0086 …``, ``+86 (0)10 …``, full-width characters, and an
extension after ``转``, ``分机``, ``ext.``, ``x``, ``#`` or a last hyphen
(``010-12345678-123``: read as an extension only when the digits without it form a
valid number and the digits with it do not).

The normalized value is ``0<area code>-<local number>`` for geographic
numbers, phonenumbers' national grouping joined by hyphens for the others
(``400-820-8820``), and ``-<extension>`` at the end:

>>> validate("(0755)12345678")
'0755-12345678'
>>> validate("+86 10 1234 5678 转 123")
'010-12345678-123'
>>> i = info("0755 1234 5678")
>>> i.area_code, i.city_zh, i.city_en, i.number_type
('0755', '广东省深圳市', 'Shenzhen, Guangdong', 'fixed_line')
>>> validate("4008208820"), info("800-810-3800").number_type
('400-820-8820', 'toll_free')
>>> check("12345678").problems[0].code
'landline.area_code'
>>> format("010-12345678-123", style="international")
'+86 10 1234 5678 ext. 123'
"""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Callable, Mapping
from typing import Any, Literal

from attrs import define

from custinfo import data, masking, normalize
from custinfo.findings import Check, DefinitionError, InvalidValue, Problem, slot_builder

__all__ = [
    "MESSAGES",
    "InvalidLandline",
    "LandlineInfo",
    "check",
    "compact",
    "format",
    "generate",
    "info",
    "is_valid",
    "mask",
    "validate",
]

MESSAGES = {
    "landline.type": ("电话号码的值类型不正确", "Phone number value has the wrong type"),
    "landline.format": (
        "电话号码只能包含数字、+ 号、分隔符和分机号",
        "Phone number may contain only digits, +, separators and an extension",
    ),
    "landline.country": (
        "不是中国大陆号码(国家或地区代码 +{country_code})",
        "Not a mainland China number (country code +{country_code})",
    ),
    "landline.area_code": (
        "缺少区号(固定电话应写为 区号-号码)",
        "Area code is missing (write area code, then the local number)",
    ),
    "landline.unknown_area_code": (
        "区号 {area_code} 不存在",
        "Area code {area_code} is not in use",
    ),
    "landline.length": (
        "电话号码位数不正确({length}位)",
        "Phone number has the wrong number of digits ({length})",
    ),
    "landline.invalid": ("不是有效的电话号码", "Not a valid phone number"),
    "landline.mobile": (
        "这是手机号码,不是固定电话",
        "This is a mobile number, not a landline",
    ),
}

Style = Literal["national", "international", "e164"]

TABLE = "landline_ranges.csv"
"""The bundled range table (see :func:`custinfo.data_sources` for its as-of date)."""

_MAX_INPUT = 80  # characters; any real spelling of a number with extension is far shorter
_MAX_EXTENSION = 6
_EXTENSION = re.compile(
    r"\(?\s*(?:转分机|分机号?|转|ext(?:ension)?\s*[.:]?|x|#|;\s*ext=|,)\s*:?\s*"
    rf"([0-9]{{1,{_MAX_EXTENSION}}})\s*#?\s*\)?\s*\Z",
    re.IGNORECASE,
)
_MAIN = re.compile(r"\s*(?:\(\s*)?\+?[0-9\s\-().]*")
_LAST_GROUP = re.compile(rf"[\s\-]+([0-9]{{1,{_MAX_EXTENSION}}})\s*\Z")
_NOT_DIGIT = re.compile(r"[^0-9]")
_MOBILE = ("mobile",)  # phonenumbers' types that are not a landline
# phonenumbers' shortest possible +86 number (general_desc.possible_length) and its
# longest national number (_MAX_LENGTH_FOR_NSN).
_MIN_NATIONAL, _MAX_NATIONAL = 7, 17


class InvalidLandline(InvalidValue):
    """Not a valid mainland China landline, 400 or 800 number."""


@define(frozen=True, slots=True)
class LandlineInfo:
    """What a valid number tells.

    ``number_type`` is phonenumbers' type (``"fixed_line"``, ``"shared_cost"``
    for 400 and 95x numbers, ``"toll_free"`` for 800, ``"premium_rate"``…).
    ``area_code`` is written with its trunk 0 (``"0755"``), None for non-geographic
    numbers; ``city_zh``/``city_en`` are phonenumbers' geocoder names for it, None
    where it has none. ``extension`` is None when there is none.
    """

    number_type: str
    area_code: str | None
    city_zh: str | None
    city_en: str | None
    extension: str | None


@define(frozen=True, slots=True)
class _Parsed:
    """phonenumbers' verdict on the main number (no extension), cached."""

    error: str | None  # a problem code when phonenumbers could not parse it
    country_code: int
    national: str  # national significant number: no country code, no trunk 0
    valid: bool
    number_type: str
    area_length: int  # 0: not geographic
    grouping: str  # phonenumbers' national format of a non-geographic number
    city_zh: str | None
    city_en: str | None


def _phonenumbers() -> Any:
    import phonenumbers

    return phonenumbers


@functools.cache
def _type_names() -> dict[int, str]:
    kinds = _phonenumbers().PhoneNumberType
    return {getattr(kinds, n): n.lower() for n in vars(kinds) if n.isupper()}


_GEOGRAPHIC = ("fixed_line", "fixed_line_or_mobile")


def _area_length(national: str) -> int:
    # The Chinese plan's area codes: 10 and 2x have two digits, all others three.
    # (phonenumbers' length_of_geographical_area_code says the same, at the cost
    # of formatting the number; a test holds the two together.)
    return 2 if national.startswith(("10", "2")) else 3


@define(frozen=True, slots=True)
class _Range:
    """A row of the range table: phonenumbers' verdict on every number of a block."""

    number_type: str
    city_zh: str | None  # the geocoder's names, for geographic types
    city_en: str | None
    # The national format of a non-geographic number: literal text before each
    # group of digits and the group's width ("400 820 8820": ("", 3), (" ", 3), (" ", 4)).
    groups: tuple[tuple[str, int], ...]
    # The info of every number of the block without an extension, when the block
    # is within one area code (every geographic row of the table is), else None.
    info: LandlineInfo | None


def _row(prefix: str, kind: str, zh: str | None, en: str | None, shape: str) -> _Range:
    info = None
    if kind not in _GEOGRAPHIC:
        info = LandlineInfo(kind, None, None, None, None)
    elif len(prefix) >= _area_length(prefix):
        info = LandlineInfo(kind, "0" + prefix[: _area_length(prefix)], zh, en, None)
    return _Range(kind, zh, en, _groups(shape), info)


@define(frozen=True, slots=True)
class _Ranges:
    by_length: Mapping[int, Mapping[str, _Range]]  # national number length -> prefix -> row
    prefix_lengths: Mapping[int, tuple[int, ...]]  # the rows' prefix lengths, widest blocks first


def _groups(shape: str) -> tuple[tuple[str, int], ...]:
    # "0ddd ddddd" -> (("0", 3), (" ", 5))
    found: list[tuple[str, int]] = []
    literal, width = "", 0
    for ch in shape:
        if ch == "d":
            width += 1
            continue
        if width:
            found.append((literal, width))
            literal, width = "", 0
        literal += ch
    if width:
        found.append((literal, width))
    return tuple(found)


@functools.cache
def _ranges() -> _Ranges:
    by_length: dict[int, dict[str, _Range]] = {}
    coverage: dict[int, dict[int, int]] = {}
    for length, prefix, kind, zh, en, shape in data.read_table(TABLE):
        n = int(length)
        by_length.setdefault(n, {})[prefix] = _row(prefix, kind, zh or None, en or None, shape)
        widths = coverage.setdefault(n, {})
        widths[len(prefix)] = widths.get(len(prefix), 0) + 10 ** (n - len(prefix))
    order = {n: tuple(sorted(w, key=lambda k: (-w[k], k))) for n, w in coverage.items()}
    return _Ranges(by_length, order)


def _range_of(national: str) -> _Range | None:
    """The table's row for a national significant number; None: not a valid number."""
    ranges = _ranges()
    rows = ranges.by_length.get(len(national))
    if rows is None:
        return None
    # The blocks do not overlap, so the first hit is the only one.
    for n in ranges.prefix_lengths[len(national)]:
        found = rows.get(national[:n])
        if found is not None:
            return found
    return None


def _grouping(groups: tuple[tuple[str, int], ...], national: str) -> str:
    parts = []
    at = 0
    for literal, width in groups:
        parts.append(literal + national[at : at + width])
        at += width
    return "".join(parts)


def _national(digits: str) -> str | None:
    """The national significant number phonenumbers reads in ``digits``, where it is plain.

    That is: an optional +86 or 0086, then a trunk 0 and digits that do not start
    with 0, or digits (two or more) that start with neither 0 nor a
    carrier-selection or international prefix (11…, 12…, 179…), which
    phonenumbers would strip. The trunk 0 goes when at least 7 digits follow it:
    a number with a trunk 0 never matches +86's general pattern, and the rest
    then has a possible length (7-12) or is too long; before 5 or 6 digits (a
    local-only length) or fewer, phonenumbers keeps it. Any other spelling
    returns None and is left to phonenumbers.
    """
    if digits[:1] == "+":
        if digits[:3] != "+86":
            return None
        rest = digits[3:]
    elif digits[:4] == "0086":
        rest = digits[4:]
    elif digits[:2] == "86":
        return None  # 86 without + or 00: phonenumbers weighs both readings
    else:
        rest = digits
    if rest[:1] == "0":
        if rest[1:2] in ("", "0"):
            return None
        return rest[1:] if len(rest) > _MIN_NATIONAL else rest
    if len(rest) < 2 or rest[:2] in ("11", "12") or rest[:3] == "179":
        return None
    return rest


def _parse(digits: str) -> _Parsed:
    """phonenumbers' reading of ``digits`` (ASCII digits, maybe a leading +).

    From the range table when the spelling is one whose national number is plain
    to see (see :func:`_national`), else from phonenumbers itself.
    """
    national = _national(digits)
    if national is None:
        return _pn_parse(digits)
    if len(national) > _MAX_NATIONAL:
        return _Parsed(
            "landline.length", 0, digits.lstrip("+"), False, "unknown", 0, "", None, None
        )
    found = _range_of(national)
    if found is None:
        return _Parsed(None, 86, national, False, "unknown", 0, "", None, None)
    if found.number_type in _GEOGRAPHIC:
        area = _area_length(national)
        return _Parsed(
            None, 86, national, True, found.number_type, area, "", found.city_zh, found.city_en
        )
    grouping = _grouping(found.groups, national)
    return _Parsed(None, 86, national, True, found.number_type, 0, grouping, None, None)


@functools.lru_cache(maxsize=8192)
def _pn_parse(digits: str) -> _Parsed:
    """phonenumbers' reading of ``digits`` (ASCII digits, maybe a leading +), asked of it."""
    pn = _phonenumbers()
    try:
        number = pn.parse(digits, "CN")
    except pn.NumberParseException as e:
        code = {
            pn.NumberParseException.INVALID_COUNTRY_CODE: "landline.country",
            pn.NumberParseException.NOT_A_NUMBER: "landline.format",
        }.get(e.error_type, "landline.length")
        return _Parsed(code, 0, digits.lstrip("+"), False, "unknown", 0, "", None, None)
    national = pn.national_significant_number(number)
    if number.country_code != 86 or not pn.is_valid_number(number):
        return _Parsed(None, number.country_code, national, False, "unknown", 0, "", None, None)
    kind = _type_names().get(pn.number_type(number), "unknown")
    if kind in _GEOGRAPHIC:
        zh, en = _city(number)
        return _Parsed(None, 86, national, True, kind, _area_length(national), "", zh, en)
    grouping = "" if kind in _MOBILE else pn.format_number(number, pn.PhoneNumberFormat.NATIONAL)
    return _Parsed(None, 86, national, True, kind, 0, grouping, None, None)


def _city(number: Any) -> tuple[str | None, str | None]:
    from phonenumbers import geocoder  # ~0.3 s and some memory: only when first needed

    zh = geocoder.description_for_valid_number(number, "zh") or None
    en = geocoder.description_for_valid_number(number, "en") or None
    return zh, en


Parse = Callable[[str], _Parsed]


@functools.cache
def _area_lengths(area: str, parse: Parse = _parse) -> frozenset[int]:
    """Local-number lengths phonenumbers accepts after ``area`` (empty: no such area code)."""
    found = set()
    for length in (7, 8):
        for first in "2345678":
            probe = parse(area + first + "0" * (length - 1))
            if probe.valid and probe.number_type not in _MOBILE:
                found.add(length)
                break
    return frozenset(found)


def _split_extension(text: str) -> tuple[str, str | None]:
    m = _EXTENSION.search(text)
    if m is None:
        return text, None
    return text[: m.start()], m[1]


def _digits(main: str) -> str:
    digits = _NOT_DIGIT.sub("", main)
    return "+" + digits if main.lstrip(" (").startswith("+") else digits


def _read(text: str, parse: Parse) -> tuple[str, str | None, _Parsed] | Problem:
    """The main digits, the extension and phonenumbers' verdict, or a format problem."""
    main, extension = _split_extension(text)
    if not _MAIN.fullmatch(main) or not _digits(main).lstrip("+"):
        return Problem("landline.format")
    digits = _digits(main)
    parsed = parse(digits)
    if extension is None and not parsed.valid:
        # 010-12345678-123: the last group is an extension when only without it
        # the digits form a valid number.
        m = _LAST_GROUP.search(main)
        if m is not None:
            shorter = parse(_digits(main[: m.start()]))
            if shorter.valid:
                return _digits(main[: m.start()]), m[1], shorter
    return digits, extension, parsed


def _classify(value: object) -> tuple[str | None, Problem | LandlineInfo]:
    """The normalized number and its facts, or the one problem that stops it.

    Each check needs the previous one to pass, so there is at most one problem;
    check, validate and is_valid all read this one function.
    """
    fast = _fast(value)
    return _classify_with(value, _parse) if fast is None else fast


def _classify_with(value: object, parse: Parse) -> tuple[str | None, Problem | LandlineInfo]:
    """The full path of :func:`_classify`, with ``parse`` for phonenumbers' verdicts.

    ``parse`` is :func:`_pn_parse` for the reference the differential tests
    compare with, :func:`_parse` (the range table first) otherwise.
    """
    raw = normalize.as_text(value)
    if raw is None:
        return None, Problem("landline.type")
    if len(raw) > _MAX_INPUT:
        return None, Problem("landline.format")
    read = _read(normalize.brackets(raw), parse)
    if isinstance(read, Problem):
        return None, read
    digits, extension, parsed = read
    if parsed.error is not None:
        return None, _error(parsed, digits)
    if parsed.country_code != 86:
        return None, Problem("landline.country", params={"country_code": str(parsed.country_code)})
    if not parsed.valid:
        return None, _diagnose(digits, parsed.national, parse)
    if parsed.number_type in _MOBILE:
        return None, Problem("landline.mobile")
    area = "0" + parsed.national[: parsed.area_length] if parsed.area_length else None
    facts = LandlineInfo(parsed.number_type, area, parsed.city_zh, parsed.city_en, extension)
    return _normalized(parsed, extension, parse), facts


# A number, its separators and maybe an extension, as most people write them:
# "010-12345678", "(0755) 8888 8888", "+86 21 6234 5678", "0571 8765 4321 转 123".
_FAST = re.compile(r"(\(?\+?[0-9](?:[0-9()\- ]*[0-9])?)(?: *(?:转|分机|ext\.?|x) *([0-9]{1,6}))?")
_SEPARATORS = str.maketrans(dict.fromkeys("()- +"))
_build_info = slot_builder(LandlineInfo)
_NOT_LANDLINE = Problem("landline.mobile")  # frozen, so one instance serves every answer


def _fast(value: object) -> tuple[str | None, Problem | LandlineInfo] | None:
    """:func:`_classify` of a number written as :data:`_FAST` reads; None otherwise.

    Why it agrees with the full path: the text (width folded) holds only digits,
    ``( ) - +``, spaces and maybe an extension marker, so normalize.brackets changes
    nothing but spaces (and spaces next to brackets); _EXTENSION finds the marker
    (no other character of the text can start one) and the same digits after it;
    _MAIN accepts the rest, whose digits and leading + are the ones read here; and
    the range table answers _parse for them. Spellings whose national number the
    table cannot read plainly, and invalid numbers written with brackets or an
    extension, return None and take the full path.
    """
    if type(value) is not str or len(value) > _MAX_INPUT:
        return None
    # Width folding commutes with normalize.brackets for every text _FAST accepts:
    # the two tables map the full-width forms of its characters alike.
    m = _FAST.fullmatch(value if value.isascii() else normalize.fold_width(value))
    if m is None:
        return None
    main, extension = m.groups()
    digits = main.replace(" ", "").replace("-", "")
    if not digits.isdigit():  # brackets or a +
        digits = main.translate(_SEPARATORS)
        if main[0] == "+" or main[:2] == "(+":
            digits = "+" + digits
    if digits[0] == "0" and digits[1:2] > "0" and len(digits) > _MIN_NATIONAL:
        national = digits[1:]  # what _national answers for a trunk 0, sooner
    else:
        plain = _national(digits)
        if plain is None:
            return None
        national = plain
    if len(national) > _MAX_NATIONAL:
        return None  # phonenumbers' TOO_LONG: _error's problem
    found = _range_of(national)
    if found is not None:
        return _answer(national, found, extension)
    if extension is not None or "(" in main or ")" in main:
        return None
    return _invalid(main, digits, national)


def _invalid(
    main: str, digits: str, national: str
) -> tuple[str | None, Problem | LandlineInfo] | None:
    """_read's last-group rule and _diagnose, for an invalid number without brackets.

    Without brackets, normalize.brackets only merges runs of spaces, so _LAST_GROUP
    finds the same last group in ``main`` as in its output: the trailing digits,
    when there are at most six and a space or hyphen precedes them.
    """
    tail = len(main) - len(main.rstrip("0123456789"))
    if tail <= _MAX_EXTENSION and main[-tail - 1 : -tail] in (" ", "-"):
        shorter = digits[:-tail]
        if _valid_digits(shorter):
            plain = _national(shorter)
            found = None if plain is None else _range_of(plain)
            if plain is None or found is None:
                return None  # valid in phonenumbers' own reading: the full path
            return _answer(plain, found, main[-tail:])
    return None, _diagnose(digits, national, _parse)


def _answer(
    national: str, found: _Range, extension: str | None
) -> tuple[str, LandlineInfo] | tuple[None, Problem]:
    """The normalized number and info of a valid ``national`` number in row ``found``."""
    if found.number_type in _MOBILE:
        return None, _NOT_LANDLINE
    info = found.info
    area = None
    if found.number_type in _GEOGRAPHIC:
        area = None if info is None else info.area_code
        if area is None:
            area = "0" + national[: _area_length(national)]
        number = f"{area}-{national[len(area) - 1 :]}"
    else:
        number = _grouping(found.groups, national).replace(" ", "-")
    if extension is None:
        if info is not None:
            return number, info
    else:
        # as _normalized: 转 where "-ext" would read back as part of the number. The
        # digits of a geographic number are its trunk 0 and national number, so
        # the national number read in them with the extension is national + extension.
        if area is not None:
            joined = _range_of(national + extension) is not None
        else:
            joined = _valid_digits(number.replace("-", "") + extension)
        number = f"{number}转{extension}" if joined else f"{number}-{extension}"
    facts = _build_info(found.number_type, area, found.city_zh, found.city_en, extension)
    return number, facts


def _valid_digits(digits: str) -> bool:
    """``_parse(digits).valid``, without building the verdict."""
    national = _national(digits)
    if national is None:
        return _pn_parse(digits).valid
    return _range_of(national) is not None


def _error(parsed: _Parsed, digits: str) -> Problem:
    if parsed.error == "landline.country":
        return Problem("landline.country", params={"country_code": "?"})
    if parsed.error == "landline.length":
        return Problem("landline.length", params={"length": len(digits.lstrip("+"))})
    return Problem("landline.format")


_AREA_START = tuple("23456789")  # a tuple: "" (no digit) is not in it


def _diagnose(digits: str, national: str, parse: Parse) -> Problem:
    """Why phonenumbers finds a number invalid, in the terms of the Chinese plan."""
    prefixed = len(national) < len(digits.lstrip("+"))  # a trunk 0 or country code went
    if not prefixed and len(national) <= 8:
        if len(national) >= 7:
            return Problem("landline.area_code")
        return Problem("landline.length", params={"length": len(national)})
    if national[:1] not in _AREA_START and not national.startswith("10"):
        return Problem("landline.invalid")  # 1x other than 10 starts no area code
    area = national[: _area_length(national)]
    # From here "length" counts the digits after the area code.
    lengths = _area_lengths(area, parse)
    if not lengths:
        return Problem("landline.unknown_area_code", params={"area_code": "0" + area})
    if len(national) - len(area) not in lengths:
        return Problem("landline.length", params={"length": len(national) - len(area)})
    return Problem("landline.invalid")


def _normalized(parsed: _Parsed, extension: str | None, parse: Parse = _parse) -> str:
    if parsed.area_length:
        area = parsed.area_length
        main = f"0{parsed.national[:area]}-{parsed.national[area:]}"
    else:
        main = parsed.grouping.replace(" ", "-")
    if extension is None:
        return main
    # "-ext" reads back as an extension only when the digits with it are not a valid
    # number themselves (0817-951467-0 would read as 0817-9514670): say 转 there.
    joined = parse(_digits(main + extension))
    return f"{main}转{extension}" if joined.valid else f"{main}-{extension}"


def _reference_check(value: object) -> Check:
    """:func:`check` with every verdict asked of phonenumbers: the differential tests' reference."""
    number, found = _classify_with(value, _pn_parse)
    if isinstance(found, Problem):
        return Check(number, (found,))
    return Check(number, (), found)


def compact(value: str) -> str:
    """The normalized number when valid, else the text with width and brackets folded.

    >>> compact("（０７５５）１２３４５６７８ 转 ８００１")
    '0755-12345678-8001'
    """
    number, found = _classify(value)
    if isinstance(found, Problem) or number is None:
        return normalize.brackets(value)
    return number


def check(value: object) -> Check:
    """Check a landline number; never raises. ``info`` is a :class:`LandlineInfo`."""
    number, found = _classify(value)
    if isinstance(found, Problem):
        return Check(number, (found,))
    return Check(number, (), found)


def validate(value: object) -> str:
    """The normalized number (``0755-12345678-8001``), or :class:`InvalidLandline`."""
    number, found = _classify(value)
    if isinstance(found, Problem):
        raise InvalidLandline(found.code, found.params)
    assert number is not None
    return number


def is_valid(value: object) -> bool:
    """True when the value is a valid landline, 400 or 800 number."""
    return not isinstance(_classify(value)[1], Problem)


def info(value: object) -> LandlineInfo:
    """Type, area code, city and extension, or :class:`InvalidLandline`."""
    _, found = _classify(value)
    if isinstance(found, Problem):
        raise InvalidLandline(found.code, found.params)
    return found


def format(value: object, style: Style = "national") -> str:
    """The number in ``style``: ``"national"`` (the normalized value),
    ``"international"`` (``+86 10 1234 5678 ext. 123``) or ``"e164"``
    (``+861012345678``; E.164 has no place for an extension, so it is dropped).
    """
    number, found = _classify(value)
    if isinstance(found, Problem):
        raise InvalidLandline(found.code, found.params)
    assert number is not None
    if style == "national":
        return number
    main = number.rsplit("-", 1)[0] if found.extension else number
    digits = _digits(main).lstrip("0")
    if style == "e164":
        return "+86" + digits
    if style == "international":
        pn = _phonenumbers()
        text = pn.format_number(pn.parse(digits, "CN"), pn.PhoneNumberFormat.INTERNATIONAL)
        return text if found.extension is None else f"{text} ext. {found.extension}"
    raise DefinitionError(f"unknown style {style!r}; use national, international or e164")


def mask(value: str) -> str:
    """The first 3 and last 4 digits of the number (extension hidden): ``010****5678``."""
    number, found = _classify(value)
    if isinstance(found, Problem) or number is None:
        return masking.phone(_NOT_DIGIT.sub("", normalize.fold_width(value)))
    main = number.rsplit("-", 1)[0] if found.extension else number
    return masking.phone(_NOT_DIGIT.sub("", main))


_KINDS = {"fixed_line": (), "shared_cost": ("400",), "toll_free": ("800",)}


@functools.cache
def _area_codes() -> tuple[str, ...]:
    candidates = ["10", *(f"2{d}" for d in range(10)), *(str(n) for n in range(300, 1000))]
    return tuple(a for a in candidates if _area_lengths(a))


def generate(rng: random.Random, *, kind: str = "fixed_line") -> str:
    """A random valid number of ``kind``: ``"fixed_line"``, ``"shared_cost"`` (400)
    or ``"toll_free"`` (800), in its normalized form."""
    if kind not in _KINDS:
        raise DefinitionError(f"unknown kind {kind!r}; use {', '.join(_KINDS)}")
    while True:  # rejection sampling: most draws are valid, so this ends fast
        if kind == "fixed_line":
            area = rng.choice(_area_codes())
            length = rng.choice(sorted(_area_lengths(area)))
        else:
            area, length = _KINDS[kind][0], 7
        local = str(rng.randrange(2, 9)) + str(rng.randrange(10 ** (length - 1))).zfill(length - 1)
        parsed = _parse(area + local)
        if parsed.valid and parsed.number_type == kind:
            return _normalized(parsed, None)
