"""Chinese addresses: province, city, district (county), street and detail.

Division names and codes come from the GB/T 2260 table with its history
(:mod:`custinfo.divisions`), as people write them: full names, short forms
(广西, 内蒙古, 甘肃兰州, 延边州, 西湖), municipalities (北京市 is province and city),
prefecture-level cities without districts (东莞市), county-level cities, and
historic names (新津县, now 新津区), which are recognised and reported. The street
is a sub-district, town or township (五津街道, 虎门镇, XX乡), else a road with its
number (北京路88号), else a named place with a house number (清华园1号); the detail
is what follows. Labels (``地址：``), postal codes, a leading 中国, spaces,
separators between the parts and full-width digits are dropped; a development zone
written before its county (雄安新区容城县) is passed over.

>>> i = info("广州市越秀区北京路88号")
>>> i.province, i.city, i.district, i.street, i.code
('广东省', '广州市', '越秀区', '北京路88号', '440104')
>>> validate("地址：北京朝阳区建国路88号 SOHO现代城")
'北京市朝阳区建国路88号SOHO现代城'
>>> [(p.code, p.params.get("current")) for p in check("四川省成都市新津县五津镇").problems]
[('address.renamed', '新津区'), ('address.no_detail', None)]
>>> check("鼓楼区中山路1号").problems[0].params["candidates"][:2]
('江苏省南京市鼓楼区', '江苏省徐州市鼓楼区')
>>> mask("广东省广州市天河区天河路385号")
'广东省广州市***'

Missing levels are findings that name the level: ``address.no_province``,
``address.no_city``, ``address.no_district``, ``address.no_street`` (errors down to
the ``require`` level, ``"street"`` by default, as the collection form asks; info
below it) and ``address.no_detail`` (info unless ``require="detail"``). A province
or city left out but implied by what follows (天河区 is in 广州市) is filled in, with
an info finding.
Levels that do not exist are not missing: 东莞市 has no districts, 仙桃市 is
administered by its province, and the table has no divisions in Hong Kong, Macao
and Taiwan. A name shared by several divisions (鼓楼区 is in four cities) is
resolved by what is written above it, else reported as ``address.ambiguous`` with
the candidates; a division outside the one written above it is
``address.mismatch``; a former name is ``address.renamed`` (naming the current
one; the address resolves to it) or ``address.historic`` (abolished without a
clear heir), relative to ``today`` when given. :func:`mask` keeps the province and
city only.
"""

from __future__ import annotations

import datetime
import functools
import random
import unicodedata
from collections.abc import Iterator
from typing import Any

from attrs import define

from custinfo import divisions, masking, normalize
from custinfo.findings import Check, DefinitionError, InvalidValue, Problem, Severity, slot_builder
from custinfo.validators import _address_names as names
from custinfo.validators import _address_parse as parsing
from custinfo.validators import _address_resolve as resolve
from custinfo.validators._address_resolve import LEVELS

__all__ = [
    "LEVELS",
    "MAX_LENGTH",
    "MESSAGES",
    "AddressInfo",
    "InvalidAddress",
    "check",
    "compact",
    "format",
    "generate",
    "info",
    "is_valid",
    "mask",
    "validate",
]


MAX_LENGTH = 200
"""Longest address accepted (after cleaning); longer input is refused before parsing."""

MESSAGES = {
    "address.type": ("地址值类型不正确", "Address value has the wrong type"),
    "address.characters": ("地址含有控制字符", "Address contains control characters"),
    "address.empty": ("地址为空", "Address is empty"),
    "address.too_long": (
        "地址过长(最多 {max_length} 字符)",
        "Address is too long (at most {max_length} characters)",
    ),
    "address.no_province": ("地址未写明省级行政区", "Address does not name its province"),
    "address.no_city": ("地址未写明地级行政区(市、州、盟)", "Address does not name its city"),
    "address.no_district": (
        "地址未写明县级行政区(区、县、县级市)",
        "Address does not name its district or county",
    ),
    "address.no_street": (
        "地址未写明街道、乡镇或道路门牌",
        "Address names no sub-district, town or road with number",
    ),
    "address.no_detail": (
        "地址缺少详细地址(门牌、楼栋、房号)",
        "Address has no detail (number, building, room)",
    ),
    "address.ambiguous": (
        "{name} 有多个同名行政区({candidates}),请写明上级行政区",
        "{name} names several divisions ({candidates}); name the one above it",
    ),
    "address.mismatch": ("{name} 不属于 {parent}", "{name} is not in {parent}"),
    "address.renamed": (
        "{name} 为旧称,现为 {current}",
        "{name} is a former name; it is now {current}",
    ),
    "address.historic": (
        "{name} 已不再使用(最后见于 {until} 年)",
        "{name} is no longer in use (last seen in {until})",
    ),
}


class InvalidAddress(InvalidValue):
    """An address that is unusable or not complete down to the required level."""


def _inside(code: str, region: str) -> bool:
    division = divisions.get(region)
    if region.endswith("0000"):
        return code.startswith(region[:2])
    if region.endswith("00") or (division is not None and division.name == "市辖区"):
        return code.startswith(region[:4])
    return code == region


@define(frozen=True, slots=True)
class AddressInfo:
    """The parts of an address and the division code it resolves to.

    ``level`` is the level the address reaches: the deepest of ``"province"``,
    ``"city"``, ``"district"``, ``"street"``, ``"detail"`` with every level above it
    present (a level that does not exist there, like a district in 东莞市, counts as
    present); ``check(..., require=r)`` finds no missing level when ``level`` is ``r``
    or deeper. ``code`` is the deepest division resolved (a county, else the city, else
    the province) and ``division_level`` its level (a municipality alone is a
    ``"city"``). For a former name ``code`` is the division in use now and
    ``historic_code`` the one written. ``city_code`` of a municipality is its 市辖区
    (``xx0100``) or 县 (``xx0200``) grouping code. ``inferred`` lists levels filled
    in from a lower one (天河区 implies 广州市 and 广东省).
    """

    province: str | None = None
    city: str | None = None
    district: str | None = None
    street: str | None = None
    detail: str | None = None
    code: str | None = None
    level: str | None = None
    division_level: str | None = None
    province_code: str | None = None
    city_code: str | None = None
    district_code: str | None = None
    historic_code: str | None = None
    inferred: tuple[str, ...] = ()

    def format(self) -> str:
        """The canonical address: full division names, street, detail."""
        city = self.city if self.city != self.province else None
        parts = (self.province, city, self.district, self.street, self.detail)
        return "".join(p for p in parts if p)

    def within(self, region: str) -> bool:
        """True when the address lies in the division ``region`` (six digits).

        A 市辖区 code (``xxxx01``, ``110100``) stands for its whole city; a code no
        longer in use also stands for the division it became (a USCC issued in
        新津县, 510132, for an address now written 新津区).

        >>> info("北京市朝阳区建国路88号").within("110101"), info("广州市天河区").within("440101")
        (False, True)
        """
        codes = [c for c in (self.code, self.historic_code) if c]
        if len(region) != 6 or not region.isdigit() or not codes:
            return False
        division = divisions.get(region)
        heir = names.successor(division, None) if division is not None else None
        regions = {region} | ({heir.code} if heir is not None else set())
        return any(_inside(code, r) for code in codes for r in regions)


def _level_problems(merged: resolve.Merged | None, need: int) -> Iterator[Problem]:
    for rank in range(3):
        if merged is not None and (
            not merged.applies[rank] or (merged.ambiguous is not None and rank >= merged.ambiguous)
        ):
            continue
        code = f"address.no_{LEVELS[rank]}"
        if merged is not None and LEVELS[rank] in merged.inferred:
            yield Problem(
                code, Severity.INFO, {"level": LEVELS[rank], "inferred": merged.parts[rank][0]}
            )
        elif merged is None or merged.parts[rank][0] is None:
            yield Problem(
                code, Severity.ERROR if rank <= need else Severity.INFO, {"level": LEVELS[rank]}
            )


def _division_level(merged: resolve.Merged) -> str | None:
    """The level of the deepest division known by its code (a municipality is a city)."""
    parts = merged.parts
    if parts[2][1] is not None:
        return "district"
    if parts[1][1] is not None or (parts[1][0] is not None and parts[0][1] in names.MUNICIPALITIES):
        return "city"
    return "province" if parts[0][1] is not None else None


def _reached(merged: resolve.Merged | None) -> tuple[str | None, ...]:
    """The deepest level with every level above it present, by (a street found, a detail
    found) as index 0 (neither) to 3 (both); a level that does not exist there counts as
    present (广东省东莞市 reaches the district level)."""
    if merged is None:
        return (None, None, None, None)
    division = _division_level(merged)
    present = (
        merged.parts[0][1] is not None,
        division in ("city", "district"),
        division == "district",
    )
    reached = None
    for rank in range(3):
        if merged.applies[rank] and not present[rank]:
            return (reached, reached, reached, reached)
        reached = LEVELS[rank]
    return (reached, reached, "street", "detail")  # the detail counts below a street only


@define(frozen=True, slots=True)
class _Verdict:
    """What an address's divisions decide whatever follows them (its street and detail),
    for one required level: their findings, their parts and the canonical text of them.
    """

    problems: tuple[Problem, ...]
    last: parsing.Hit | None = None  # the last division of the best reading
    province: str | None = None
    city: str | None = None
    district: str | None = None
    code: str | None = None
    division_level: str | None = None
    province_code: str | None = None
    city_code: str | None = None
    district_code: str | None = None
    historic_code: str | None = None
    inferred: tuple[str, ...] = ()
    prefix: str = ""
    # the level reached, by (a street found, a detail found): 0 neither ... 3 both
    levels: tuple[str | None, ...] = (None, None, None, None)


def _verdict(
    readings: tuple[tuple[parsing.Hit, ...], ...], need: int, year: int | None
) -> _Verdict:
    """The best readings resolved and merged, with the findings they make."""
    if not readings:
        return _Verdict(tuple(_level_problems(None, need)))
    resolutions = [resolve.resolve(r, year) for r in readings]
    merged = resolve.merge(resolutions, readings[0][-1].entry.name, need)
    (province, pcode), (city, ccode), (district, dcode) = merged.parts
    return _Verdict(
        (*merged.problems, *_level_problems(merged, need)),
        readings[0][-1],
        province,
        city,
        district,
        dcode or ccode or pcode,
        _division_level(merged),
        pcode,
        ccode,
        dcode,
        merged.historic_code,
        merged.inferred,
        resolve.path_text(merged.parts),
        _reached(merged),
    )


# Findings about the street and the detail, by the index in LEVELS of the required level.
_NO_STREET = tuple(
    Problem(
        "address.no_street", Severity.ERROR if need >= 3 else Severity.INFO, {"level": "street"}
    )
    for need in range(len(LEVELS))
)
_NO_DETAIL = tuple(
    Problem(
        # 建国路88号 is a complete address for most purposes: a missing room is only info
        "address.no_detail",
        Severity.ERROR if need >= 4 else Severity.INFO,
        {"level": "detail"},
    )
    for need in range(len(LEVELS))
)


def _need(require: str) -> int:
    try:
        return LEVELS.index(require)
    except ValueError:
        raise DefinitionError(
            f"require must be one of {', '.join(LEVELS)}, not {require!r}"
        ) from None


def compact(value: str) -> str:
    """The address text without noise: width folded, spaces, ``地址:`` labels and
    postal codes dropped (spaces between Latin words kept).

    >>> compact("联系地址：广东省 广州市 天河区 天河路３８５号 太古汇 Tower 1（510620）")
    '广东省广州市天河区天河路385号太古汇Tower 1'
    """
    return parsing.clean(value)


# --- the common path ---------------------------------------------------------------------
# Most addresses are clean text whose division head was read before: what the head
# decides is kept with it (_Fast), the street is one match, and the info is built as a
# layout twin. _check_reference is the path of the same verdicts without any of that.


_build_info = slot_builder(AddressInfo)


def _new_info(
    street: str | None, detail: str | None, level: str | None, fixed: tuple[Any, ...]
) -> AddressInfo:
    """``AddressInfo`` from the head's ``fixed`` fields and the street, detail and level
    (slots set directly: cheaper than its ``__init__``)."""
    f = fixed  # province, city, district, code, then division_level … inferred
    return _build_info(
        f[0], f[1], f[2], street, detail, f[3], level, f[4], f[5], f[6], f[7], f[8], f[9]
    )


@define(frozen=True, slots=True)
class _Fast:
    """A :class:`_Verdict` arranged for the common path (kept with its head)."""

    last: parsing.Hit | None  # the last division of the best reading
    end: int  # where the street mostly starts: right after it
    stops: frozenset[str]  # the characters there that may move the start on
    problems: tuple[tuple[Problem, ...], ...]  # by (a street found, a detail found), 0 to 3
    levels: tuple[str | None, ...]  # the same
    prefix: str
    resolved: bool  # a division code: the value is rewritten from the parts
    fixed: tuple[Any, ...]  # the info fields but street, detail and level, as _new_info takes them


def _fast(verdict: _Verdict, need: int, text: str) -> _Fast:
    """``verdict`` arranged for :func:`check`; ``text`` is any text of its head."""
    last = verdict.last
    stops = parsing.STREET_SKIPS  # see parsing.street_start
    if last is not None and not last.entry.short:  # a full name may be written twice
        stops = stops | {text[last.start]}
    base = verdict.problems
    no_street = (*base, _NO_STREET[need])
    return _Fast(
        last,
        0 if last is None else last.end,
        stops,
        (no_street, no_street, (*base, _NO_DETAIL[need]), base),
        verdict.levels,
        verdict.prefix,
        bool(verdict.code),
        (
            verdict.province,
            verdict.city,
            verdict.district,
            verdict.code,
            verdict.division_level,
            verdict.province_code,
            verdict.city_code,
            verdict.district_code,
            verdict.historic_code,
            verdict.inferred,
        ),
    )


def _too_long(max_length: int) -> Check:
    return Check(None, (Problem("address.too_long", params={"max_length": max_length}),))


def _cleaned(value: object, max_length: int) -> str | Check:
    """The cleaned text of ``value``, or the check that refuses it."""
    raw = normalize.as_text(value)
    if raw is None:
        return Check(None, (Problem("address.type"),))
    if len(raw) > max(max_length, 1) * 8 or len(raw) > normalize.MAX_LENGTH:
        return _too_long(max_length)
    text = parsing.clean(raw)
    if not text:
        return Check(None, (Problem("address.empty"),))
    if len(text) > max_length:
        return _too_long(max_length)
    if not text.isprintable() and any(unicodedata.category(c) in ("Cc", "Cs") for c in text):
        return Check(None, (Problem("address.characters"),))  # NUL, lone surrogates…
    return text


_NEEDS: dict[str, int] = {level: rank for rank, level in enumerate(LEVELS)}
_TEXT_LIMIT = normalize.MAX_LENGTH
_postal_ending = parsing.postal_ending
_plain = parsing.PLAIN.fullmatch
_find_head = parsing.find_head
_match_street = parsing.STREET.match
_match_no_town_street = parsing.NO_TOWN_STREET.match
_SEPARATOR_CHARS = parsing.SEPARATOR_CHARS


def check(
    value: object,
    *,
    require: str = "street",
    today: datetime.date | None = None,
    max_length: int = MAX_LENGTH,
) -> Check:
    """Parse and check an address; never raises for any value.

    ``require`` is the deepest level that must be present (``"province"`` …
    ``"detail"``); ``today`` decides which division names are in use (default: the
    latest state of the table). ``Check.info`` is an :class:`AddressInfo`.
    """
    need = _NEEDS.get(require) if type(require) is str else None
    if need is None:
        need = _need(require)
    if (
        type(value) is str
        and len(value) <= max_length
        and len(value) <= _TEXT_LIMIT
        and _plain(value) is not None
        and value.isprintable()
        and (value[-1] not in "0123456789" or not _postal_ending(value))
    ):  # parsing.is_clean, written out
        text = value  # mostly: nothing to clean, refuse or bound (not empty, printable)
    else:
        cleaned = _cleaned(value, max_length)
        if not isinstance(cleaned, str):
            return cleaned  # refused
        text = cleaned
    year = today.year if today else None
    head = _find_head(text) or parsing.head(text)
    fast: _Fast | None = head.verdicts.get((year, need))
    if fast is None:  # once per division head, required level and reference year
        fast = head.verdicts[year, need] = _fast(_verdict(head.best(year), need, year), need, text)
    start = fast.end
    if text[start : start + 1] in fast.stops:
        start = parsing.street_start(text, fast.last)
    # parsing.split_street, written out; most addresses name no town (parsing.TOWN_MARKS)
    if "街道" in text or "镇" in text or "乡" in text or "苏木" in text:
        found = _match_street(text, start)
    else:
        found = _match_no_town_street(text, start)
    if found is None:
        street = None
        detail = text[start:]
        value = f"{fast.prefix}{detail}" if fast.resolved else text
        case = 1 if detail else 0
    else:
        street = found.group()
        detail = text[found.end() :].lstrip(_SEPARATOR_CHARS)
        value = f"{fast.prefix}{street}{detail}" if fast.resolved else text
        case = 3 if detail else 2
    if len(value) > max_length:  # the limit holds for what is stored: it may gain a province
        return _too_long(max_length)
    info = _new_info(street, detail or None, fast.levels[case], fast.fixed)
    return Check(value, fast.problems[case], info)


def _analyse_reference(
    text: str, need: int, year: int | None
) -> tuple[str, tuple[Problem, ...], AddressInfo]:
    """The analysis :func:`check` makes, the plain way: the head read afresh, every step
    spelled out (the value, the findings and the info of a cleaned address)."""
    head, _ = parsing._read(text)
    verdict = _verdict(head.best(year), need, year)
    rest = text[parsing.street_start(text, verdict.last) :]
    street, detail = parsing.split_street(rest, 0)
    problems = verdict.problems
    if street is None:
        problems = (*problems, _NO_STREET[need])
    elif not detail:
        problems = (*problems, _NO_DETAIL[need])
    found = AddressInfo(
        verdict.province,
        verdict.city,
        verdict.district,
        street,
        detail or None,
        verdict.code,
        verdict.levels[(street is not None) * 2 + bool(detail)],
        verdict.division_level,
        verdict.province_code,
        verdict.city_code,
        verdict.district_code,
        verdict.historic_code,
        verdict.inferred,
    )
    value = f"{verdict.prefix}{street or ''}{detail}" if verdict.code else text
    return value, problems, found


def _check_reference(
    value: object,
    *,
    require: str = "street",
    today: datetime.date | None = None,
    max_length: int = MAX_LENGTH,
) -> Check:
    """:func:`check` without its shortcuts (no memo of heads, no fast cleaning, no
    remembered verdicts): what the differential tests hold the common path to."""
    need = _need(require)
    raw = normalize.as_text(value)
    if raw is None:
        return Check(None, (Problem("address.type"),))
    if len(raw) > max(max_length, 1) * 8 or len(raw) > normalize.MAX_LENGTH:
        return _too_long(max_length)
    text = parsing._clean_rounds(normalize.text(raw))
    if not text:
        return Check(None, (Problem("address.empty"),))
    if len(text) > max_length:
        return _too_long(max_length)
    if any(unicodedata.category(c) in ("Cc", "Cs") for c in text):
        return Check(None, (Problem("address.characters"),))
    value_out, problems, found = _analyse_reference(text, need, today.year if today else None)
    if value_out is not None and len(value_out) > max_length:
        return _too_long(max_length)
    return Check(value_out, problems, found)


def validate(value: object, *, require: str = "street", today: datetime.date | None = None) -> str:
    """The canonical address (full division names), or :class:`InvalidAddress`."""
    result: str = check(value, require=require, today=today).unwrap(InvalidAddress)
    return result


def is_valid(value: object, *, require: str = "street", today: datetime.date | None = None) -> bool:
    """True when :func:`check` finds no error (warnings allowed)."""
    return check(value, require=require, today=today).ok


def info(value: object, *, today: datetime.date | None = None) -> AddressInfo:
    """The parts of an address as far as they can be read (an incomplete one too).

    Raises :class:`InvalidAddress` only for what is not an address at all (wrong
    type, empty, too long).
    """
    result = check(value, require="province", today=today)
    if result.info is None:
        result.unwrap(InvalidAddress)
    found: AddressInfo = result.info
    return found


def format(value: str) -> str:
    """The canonical address: full division names (in use today), street, detail.

    >>> format("浙江杭州西湖区文三路90号")
    '浙江省杭州市西湖区文三路90号'
    """
    result = check(value, require="province")
    result.unwrap(InvalidAddress)
    text: str = result.value
    return text


def mask(value: str) -> str:
    """Keep the province and city only: ``广东省广州市***`` (``北京市***`` for a
    municipality); an address without a known province keeps its first two characters."""
    result = check(value, require="province")
    found = result.info
    if isinstance(found, AddressInfo) and found.province:
        city = found.city if found.city and found.city != found.province else ""
        return f"{found.province}{city}***"
    return masking.text(compact(value)) if isinstance(value, str) else "***"


_ROADS = (
    "人民",
    "解放",
    "建设",
    "中山",
    "和平",
    "新华",
    "文化",
    "胜利",
    "青年",
    "长江",
    "黄河",
    "友谊",
    "光明",
    "幸福",
    "团结",
    "迎宾",
    "滨江",
    "东风",
    "建国",
    "健康",
    "体育",
    "花园",
    "工业",
    "学府",
    "科技",
    "创业",
    "振兴",
    "民主",
    "育才",
    "环城",
    "滨河",
    "金桥",
    "望江",
    "凤凰",
)
_ROAD_KINDS = ("路", "大道", "街", "东路", "西路", "南路", "北路", "中路", "大街")
_TOWNS = (
    "城关",
    "新城",
    "龙泉",
    "青山",
    "石桥",
    "白沙",
    "东湖",
    "金山",
    "长乐",
    "太平",
    "永安",
    "凤凰",
    "柳河",
    "高桥",
    "桃源",
)
_TOWN_KINDS = ("镇", "街道", "乡")
_BUILDINGS = (
    "阳光",
    "锦绣",
    "翠苑",
    "金色",
    "华庭",
    "丽景",
    "天元",
    "恒大",
    "万达",
    "和谐",
)


@functools.cache
def _leaves() -> tuple[str, ...]:
    """Codes a generated address ends on: counties in use, and cities without districts."""
    found = [
        d.code
        for d in divisions.all_divisions()
        if names.in_use(d, None)
        and d.code[:2] + "0000" not in names.SPECIAL_REGIONS
        and names.display(d.name) not in names.PLACEHOLDERS
        and (d.level == "county" or d.code in names.no_districts())
    ]
    return tuple(sorted(found))


def _street(rng: random.Random) -> tuple[str, str]:
    road = f"{rng.choice(_ROADS)}{rng.choice(_ROAD_KINDS)}{rng.randrange(1, 1000)}号"
    building = rng.choice(
        (
            f"{rng.randrange(1, 30)}栋{rng.randrange(1, 6)}单元"
            f"{rng.randrange(1, 30)}{rng.randrange(1, 5):02d}室",
            f"{rng.choice(_BUILDINGS)}大厦{rng.randrange(1, 40)}层",
            f"{rng.choice(_BUILDINGS)}小区{rng.randrange(1, 20)}号楼{rng.randrange(101, 2500)}室",
        )
    )
    if rng.random() < 0.3:
        town = f"{rng.choice(_TOWNS)}{rng.choice(_TOWN_KINDS)}"
        return town, road + building
    return road, building


def generate(rng: random.Random) -> str:
    """A realistic address in a real county (or a city without districts), in use today."""
    code = rng.choice(_leaves())
    target = names.get_division(code)
    parts, _ = resolve.parts_of(target, None)
    street, detail = _street(rng)
    return AddressInfo(parts[0][0], parts[1][0], parts[2][0], street, detail).format()
