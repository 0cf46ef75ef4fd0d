"""Where an address is, as far as a USCC's region code can be compared with it.

A USCC carries the division code of the authority that registered the
organization (GB 32100-2015, code structure: positions 3-8, a GB/T 2260 code; 100000 for
national registration). The registered address should lie in that division at
the province and prefecture level. The code is kept for life (a company that
moves keeps its USCC) and divisions are merged and renamed (莱芜市 371200 became
济南市莱芜区 370116 in 2019; 山南地区 542200 became 山南市 540500 in 2016),
so a mismatch of codes is forgiven when the address names the region the code
stands for under any of its historic names.

The address validator is written elsewhere; when its info gives a division code
that code is used, otherwise :func:`resolve` reads the province and prefecture
from the start of the address text (full names, historic names and the usual
short forms such as 广西 or 广州).

>>> resolve("广东省广州市天河区体育西路1号")
'440100'
>>> resolve("北京海淀区中关村大街27号")
'110000'
>>> conflict("440300", None, "广东省广州市天河区体育西路1号")
('广东省深圳市', '广东省广州市')
>>> conflict("371202", None, "山东省济南市莱芜区凤城街道") is None
True
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping

from custinfo import divisions, normalize

__all__ = ["conflict", "resolve"]

NATIONAL = "100000"
_MUNICIPALITIES = frozenset({"11", "12", "31", "50"})
_DIRECT = "90"  # xx90xx: county-level cities governed directly by the province
_PLACEHOLDERS = frozenset({"市辖区", "县", "省直辖县级行政单位", "自治区直辖县级行政单位"})
_PLACEHOLDERS_PREFIX = "省直辖"

# Short forms: the name without its type (and the peoples an autonomous area is named for).
_PROVINCE_SUFFIX = re.compile(
    r"(.{2,}?)(?:维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|省|市)"
)
_PREFECTURE_SUFFIX = re.compile(r"(.{2,}?)(?:(?:[^族]{1,5}族)+自治州|自治州|地区|盟|市)")
_COUNTY_SUFFIX = re.compile(r"(.{2,}?)(?:(?:[^族]{1,5}族)+自治[县旗]|自治[县旗]|新区|区|县|市|旗)")
_SHORT_MIN = 2  # a short form of one character would match anything
_STREET = frozenset("路街道巷弄里")
# 中国(上海)自由贸易试验区…: registered addresses in free-trade zones name the province first.
_FREE_TRADE_ZONE = re.compile(r"^中国\(([^()]{2,8})\)")


def _short(name: str, suffix: re.Pattern[str]) -> Iterable[str]:
    m = suffix.fullmatch(name)
    if m:
        yield m[1]
        if name.endswith("自治州"):
            yield m[1] + "州"  # 延边州, 湘西州: how people write autonomous prefectures


def _names(division: divisions.Division, suffix: re.Pattern[str] | None) -> Iterable[str]:
    """Full names (every period) or, with ``suffix``, their short forms."""
    for name in division.names:
        if name in _PLACEHOLDERS or name.startswith(_PLACEHOLDERS_PREFIX):
            continue
        if suffix is None:
            yield name
        else:
            yield from _short(name, suffix)


def _index(entries: Iterable[tuple[str, divisions.Division]]) -> Mapping[str, str]:
    """Name -> code; a name shared by several codes keeps the one in use, or none."""
    found: dict[str, list[divisions.Division]] = {}
    for name, division in entries:
        found.setdefault(name, []).append(division)
    index: dict[str, str] = {}
    for name, candidates in found.items():
        codes = {d.code for d in candidates}
        current = {d.code for d in candidates if d.current}
        chosen = codes if len(codes) == 1 else current
        if len(chosen) == 1:
            index[name] = chosen.pop()
    return index


def _prefecture_units() -> Iterable[divisions.Division]:
    """Prefectures, plus the county-level cities directly under a province."""
    for d in divisions.all_divisions():
        direct = d.code[2:4] == _DIRECT
        if (d.level == "prefecture" and not direct) or (d.level == "county" and direct):
            yield d


@functools.cache
def _provinces(short: bool) -> Mapping[str, str]:
    suffix = _PROVINCE_SUFFIX if short else None
    units = (d for d in divisions.all_divisions() if d.level == "province")
    return _index((name, d) for d in units for name in _names(d, suffix))


@functools.cache
def _prefectures(province: str | None, short: bool) -> Mapping[str, str]:
    suffix = _PREFECTURE_SUFFIX if short else None
    units = (d for d in _prefecture_units() if province is None or d.code[:2] == province)
    return _index((name, d) for d in units for name in _names(d, suffix))


def _longest(text: str, index: Mapping[str, str], short: bool) -> tuple[str, str] | None:
    for size in range(min(len(text), 16), _SHORT_MIN - 1, -1):
        code = index.get(text[:size])
        if code is not None:
            if short and text[size : size + 1] in _STREET:
                return None  # 北京路, 中山路: a street named after a place, not the place
            return code, text[size:]
    return None


def _match(
    text: str, full: Mapping[str, str], short: Mapping[str, str] | None
) -> tuple[str, str] | None:
    found = _longest(text, full, short=False)
    if found is None and short is not None:
        found = _longest(text, short, short=True)
    return found


def resolve(address: str) -> str | None:
    """The prefecture (or province) code an address starts with, or None.

    Short forms (广西, 广州) are read only where they cannot be a street name
    (not before 路, 街, 道 …); without a province in front, a prefecture is
    recognized by its full name only (中山大学 is not in 中山市).
    """
    text = normalize.brackets(address[: normalize.MAX_LENGTH]).replace(" ", "")
    text = _FREE_TRADE_ZONE.sub(r"\1", text)
    province = _match(text, _provinces(False), _provinces(True))
    if province is not None:
        code, rest = province
        if code[:2] in _MUNICIPALITIES:
            return code
        prefecture = _match(rest, _prefectures(code[:2], False), _prefectures(code[:2], True))
        return prefecture[0] if prefecture else code
    prefecture = _match(text, _prefectures(None, False), None)
    return prefecture[0] if prefecture else None


def _unit(code: str) -> str:
    """The prefecture-level unit of a code (a directly governed city is its own unit)."""
    return code[:6] if code[2:4] == _DIRECT else code[:4]


def _region_names(code: str) -> set[str]:
    """Every name (and short form) the code's prefecture and county carried."""
    found: set[str] = set()
    for part, suffix in ((code[:4] + "00", _PREFECTURE_SUFFIX), (code, _COUNTY_SUFFIX)):
        division = divisions.get(part)
        if division is not None and division.level != "province":
            found.update(_names(division, None))
            found.update(_names(division, suffix))
    return found


def _label(code: str) -> str:
    """Province and prefecture (or directly governed city) names of a code."""
    names = [d.name for d in divisions.path(code) if d.name not in _PLACEHOLDERS]
    return "".join(n for n in names[:2] if not n.startswith(_PLACEHOLDERS_PREFIX)) or code


def conflict(region: str, address_code: str | None, address: str) -> tuple[str, str] | None:
    """``(uscc region, address region)`` names when they disagree, else None.

    ``region`` is the USCC's positions 3-8, ``address_code`` the address's
    division code when a validator resolved it (else it is read from the text).
    No opinion (None) on national registrations, unknown codes or unreadable
    addresses.
    """
    if region == NATIONAL or len(region) != 6 or not region.isdigit():
        return None
    if divisions.get(region[:2] + "0000") is None:
        return None
    code = address_code if address_code and len(address_code) == 6 else resolve(address)
    if code is None or not code.isdigit():
        return None
    if code[:2] == region[:2] and (
        region[:2] in _MUNICIPALITIES
        or region[2:4] == "00"
        or code[2:4] == "00"
        or _unit(code) == _unit(region)
        or divisions.get(_unit(region).ljust(6, "0")) is None
    ):
        return None  # same province, and no finer level to compare (or the same one)
    text = normalize.brackets(address[: normalize.MAX_LENGTH]).replace(" ", "")
    if any(name in text for name in _region_names(region)):
        return None  # the address names the region under an old or short name
    return _label(region), _label(code)
