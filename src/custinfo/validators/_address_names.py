"""Division names as people write them: full, historic and short forms.

The address parser looks names up here. Every name a division of
:mod:`custinfo.divisions` carries or carried is indexed, together with the short
forms people use (广西 for 广西壮族自治区, 兰州 for 兰州市, 延边州 for 延边朝鲜族自治州,
西湖 for 西湖区). The index is built once, on first use.

>>> [(e.division.code, e.rank, e.short) for e in lookup("广西")]
[('450000', 0, True)]
>>> sorted(e.division.code for e in lookup("鼓楼区"))
['320106', '320302', '350102', '410204']
>>> successor(get_division("510132"), None).name
'新津区'
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import Any

import attrs
from attrs import define

from custinfo import divisions
from custinfo.divisions import Division

__all__ = [
    "MUNICIPALITIES",
    "PLACEHOLDERS",
    "SPECIAL_REGIONS",
    "Entry",
    "display",
    "get_division",
    "in_use",
    "last_year",
    "lengths",
    "lookup",
    "name_in_use",
    "no_districts",
    "successor",
    "trie",
]

MUNICIPALITIES = frozenset({"110000", "120000", "310000", "500000"})
"""Province-level cities: each is its own city (北京市 is province and city)."""

SPECIAL_REGIONS = frozenset({"710000", "810000", "820000"})
"""Taiwan, Hong Kong, Macao: the table has no divisions below them."""

PLACEHOLDERS = frozenset(
    {
        "市辖区",
        "县",
        "市",
        "省直辖县级行政单位",
        "省直辖县级行政区划",
        "省直辖行政单位",
        "自治区直辖县级行政单位",
        "自治区直辖县级行政区划",
        "直辖县级行政区划",
    }
)
"""Code-table groupings, not places: skipped when written, never a part."""

# Codes the source table leaves open although they were superseded: 林区 (4229) and its
# 神农架林区 became the province-administered 429021 in the 1980s; the province-administered
# 随州市 (429001) became the prefecture-level 421300 in 2000.
_SUPERSEDED = frozenset({"422900", "422921", "429001"})

# Traditional characters in a few names of the source table.
_SIMPLIFY = str.maketrans({"達": "达", "區": "区", "嶺": "岭", "員": "员", "會": "会"})

# Ethnic groups as they appear in names of autonomous areas (longest first when stripping).
_ETHNIC = sorted(
    (
        "蒙古",
        "回",
        "藏",
        "维吾尔",
        "苗",
        "彝",
        "壮",
        "布依",
        "朝鲜",
        "满",
        "侗",
        "瑶",
        "白",
        "土家",
        "哈尼",
        "哈萨克",
        "傣",
        "黎",
        "傈僳",
        "佤",
        "畲",
        "高山",
        "拉祜",
        "水",
        "东乡",
        "纳西",
        "景颇",
        "柯尔克孜",
        "土",
        "达斡尔",
        "仫佬",
        "羌",
        "布朗",
        "撒拉",
        "毛南",
        "仡佬",
        "锡伯",
        "阿昌",
        "普米",
        "塔吉克",
        "怒",
        "乌孜别克",
        "俄罗斯",
        "鄂温克",
        "德昂",
        "保安",
        "裕固",
        "京",
        "塔塔尔",
        "独龙",
        "鄂伦春",
        "赫哲",
        "门巴",
        "珞巴",
        "基诺",
        "各族",
    ),
    key=len,
    reverse=True,
)

_PROVINCE_SUFFIXES = (
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "省",
    "市",
)
_GENERIC_SUFFIXES = ("新区", "特区", "地区", "区", "县", "市", "旗", "盟")

# Colloquial names that are not a suffix away from the official one.
_ALIASES = {
    "150000": ("内蒙", "内蒙古省"),
    "450000": ("广西省",),
    "540000": ("西藏省",),
    "640000": ("宁夏省",),
    "650000": ("新疆省",),
    "710000": ("臺灣", "台湾地区", "中国台湾"),
    "810000": ("香港特区", "中国香港"),
    "820000": ("澳門", "澳门特区", "中国澳门"),
    "429021": ("神农架",),
    "652800": ("巴州",),
    "652700": ("博州",),
    "653000": ("克州",),
}

RANKS = ("province", "city", "district")


@define(frozen=True, slots=True)
class Entry:
    """One meaning of a written name: a division at a rank, full or short."""

    division: Division
    rank: int  # 0 province, 1 city (prefecture), 2 district (county)
    name: str  # the full name this written form stands for
    short: bool
    current: bool  # the name is in use in the latest state of the table
    until: int  # the last year the name was in use (9999: still is)
    # Read by the parser on every candidate, so kept at hand rather than derived each time.
    code: str = attrs.field(init=False, eq=False, repr=False)
    scope: str = attrs.field(init=False, eq=False, repr=False)  # code prefix of what is below
    own_city: bool = attrs.field(init=False, eq=False, repr=False)  # a municipality as city
    city_word: bool = attrs.field(init=False, eq=False, repr=False)  # the name ends in 市

    def __attrs_post_init__(self) -> None:
        code = self.division.code
        province = self.division.level == "province"
        scope = code if self.rank == 2 else code[:2] if self.rank == 0 or province else code[:4]
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "scope", scope)
        object.__setattr__(self, "own_city", self.rank == 1 and province)
        object.__setattr__(self, "city_word", self.name.endswith("市"))

    def in_use(self, year: int | None) -> bool:
        """False when the name went out of use before ``year`` (None: is out of use now).

        A name that came into use after ``year`` is not historic: the address was
        written later than the reference day.
        """
        return self.current if year is None else self.until >= year


def _strip_ethnic(stem: str) -> str:
    """延边朝鲜族 -> 延边, 海西蒙古族藏族哈萨克族 -> 海西 (never below two characters)."""
    changed = True
    while changed:
        changed = False
        for group in _ETHNIC:
            for tail in (group + "族", group if len(group) > 1 else None):
                if tail and stem.endswith(tail) and len(stem) - len(tail) >= 2:
                    stem = stem[: -len(tail)]
                    changed = True
                    break
            if changed:
                break
    return stem


def _shorts(name: str, rank: int) -> Iterator[str]:
    """The short forms of a full name (each at least two characters)."""
    if rank == 0:
        for suffix in _PROVINCE_SUFFIXES:
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                yield name[: -len(suffix)]
                return
        return
    for auto, unit in (("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")):
        if name.endswith(auto):
            stem = _strip_ethnic(name[: -len(auto)])
            if len(stem) >= 2 and not stem.endswith("族"):
                yield stem
                yield stem + unit
            return
    for suffix in _GENERIC_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            yield name[: -len(suffix)]
            return


def _rank(division: Division) -> int:
    return RANKS.index(
        {"province": "province", "prefecture": "city", "county": "district"}[division.level]
    )


def _entries() -> Iterator[tuple[str, Entry]]:
    for d in divisions.all_divisions():
        rank = _rank(d)
        latest = name_in_use(d, None)
        for raw in dict.fromkeys(d.names):
            name = raw.translate(_SIMPLIFY)
            if name in PLACEHOLDERS or len(name) < 2:
                continue
            current = name == latest
            until = 9999 if current else (last_year(d, name) or d.until or 0)
            yield name, Entry(d, rank, name, False, current, until)
            if raw != name:
                yield raw, Entry(d, rank, name, False, current, until)
            for short in _shorts(name, rank):
                yield short, Entry(d, rank, name, True, current, until)
        if d.code in MUNICIPALITIES:  # the municipality standing as its own city
            yield d.name, Entry(d, 1, d.name, False, True, 9999)
            for short in _shorts(d.name, 0):
                yield short, Entry(d, 1, d.name, True, True, 9999)
        for alias in _ALIASES.get(d.code, ()):
            yield alias, Entry(d, rank, d.name, True, True, 9999)


@functools.cache
def _index() -> Mapping[str, tuple[Entry, ...]]:
    index: dict[str, list[Entry]] = {}
    for key, entry in _entries():
        found = index.setdefault(key, [])
        if entry not in found:
            found.append(entry)
    return {k: tuple(v) for k, v in index.items()}


@functools.cache
def _lengths() -> Mapping[str, tuple[int, ...]]:
    found: dict[str, set[int]] = {}
    for key in _index():
        found.setdefault(key[:2], set()).add(len(key))
    return {k: tuple(sorted(v, reverse=True)) for k, v in found.items()}


@functools.cache
def trie() -> Mapping[str, Any]:
    """The indexed names as a trie: nested dicts keyed by one character; the key
    ``""`` of a node holds the meanings of the name that ends there (see :func:`lookup`)."""
    root: dict[str, Any] = {}
    for key, entries in _index().items():
        node = root
        for char in key:
            node = node.setdefault(char, {})
        node[""] = entries
    return root


def lengths(head: str) -> tuple[int, ...]:
    """The lengths of the indexed names that start with the two characters ``head``,
    longest first (every name has at least two characters)."""
    return _lengths().get(head, ())


def lookup(written: str) -> tuple[Entry, ...]:
    """Every meaning of a written name (empty when it names no division)."""
    return _index().get(written, ())


def display(name: str) -> str:
    """A name of the table as shown: simplified characters (加格達奇區 -> 加格达奇区)."""
    return name.translate(_SIMPLIFY)


def last_year(division: Division, name: str) -> int | None:
    """The last year ``division`` carried ``name`` (None: still does, as far as known)."""
    years = [p.until for p in division.periods if display(p.name) == name]
    return None if not years or None in years else max(y for y in years if y is not None)


def get_division(code: str) -> Division:
    """The division with ``code`` (which must exist)."""
    found = divisions.get(code)
    if found is None:
        raise KeyError(code)
    return found


def in_use(division: Division, year: int | None) -> bool:
    """True when the code is in use in ``year`` (None: the latest state of the table)."""
    if division.code in _SUPERSEDED:
        return False
    return division.current if year is None else division.existed_in(year)


def name_in_use(division: Division, year: int | None) -> str | None:
    """The name the division carries in ``year`` (None: latest), simplified."""
    if not in_use(division, year):
        return None
    name = division.name if year is None else division.name_in(year)
    return None if name is None else name.translate(_SIMPLIFY)


def _stem(name: str) -> str:
    for suffix in ("自治县", "自治旗", "自治州"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return _strip_ethnic(name[: -len(suffix)])
    for suffix in _GENERIC_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


@functools.cache
def _by_stem() -> Mapping[str, tuple[Division, ...]]:
    index: dict[str, list[Division]] = {}
    for d in divisions.all_divisions():
        if d.level != "province":
            for name in dict.fromkeys(n.translate(_SIMPLIFY) for n in d.names):
                index.setdefault(_stem(name), []).append(d)
    return {k: tuple(v) for k, v in index.items()}


def _heir_level_fits(old: Division, new: Division) -> bool:
    # A county stays a county; a prefecture may become one (莱芜市 -> 莱芜区).
    return new.level == old.level or (old.level == "prefecture" and new.level == "county")


def _renamed_on_change(old: Division, new: Division, stem: str) -> bool:
    # 蓟县 -> 蓟州区, 郫县 -> 郫都区: a one-character stem kept, created as the old one ended.
    until = old.until
    return (
        until is not None and new.since in (until, until + 1) and display(new.name).startswith(stem)
    )


@functools.lru_cache(maxsize=4096)  # a search of the province; asked of every former name
def successor(division: Division, year: int | None) -> Division | None:
    """The division in use in ``year`` that a historic one became, when the table tells.

    The same code under a new name (郊区 -> 白云区); else a unique division in use
    with the same stem, in the same prefecture, else in the same province
    (新津县 -> 新津区, 吴江市 -> 吴江区, 莱芜市 -> 济南市莱芜区); else a unique one
    created as it ended whose name starts with its stem (蓟县 -> 蓟州区). None when
    the name was abolished without a clear heir (崇文区 was merged into 东城区).
    """
    if in_use(division, year):
        return division
    stem = _stem(display(division.names[-1]))
    if len(stem) >= 2:
        heirs = [
            d
            for d in _by_stem().get(stem, ())
            if d.code != division.code and in_use(d, year) and _heir_level_fits(division, d)
        ]
        for scope in (4 if division.level == "county" else 2, 2):
            near = [d for d in heirs if d.code[:scope] == division.code[:scope]]
            if len(near) == 1:
                return near[0]
            if near:
                return None
    heirs = [
        d
        for d in _in_province(division.code[:2])
        if in_use(d, year)
        and _heir_level_fits(division, d)
        and _renamed_on_change(division, d, stem)
    ]
    return heirs[0] if len(heirs) == 1 else None


@functools.cache
def _by_province() -> Mapping[str, tuple[Division, ...]]:
    index: dict[str, list[Division]] = {}
    for d in divisions.all_divisions():
        index.setdefault(d.code[:2], []).append(d)
    return {k: tuple(v) for k, v in index.items()}


def _in_province(prefix: str) -> tuple[Division, ...]:
    return _by_province().get(prefix, ())


@functools.cache
def no_districts() -> frozenset[str]:
    """Prefecture-level cities in use without any district or county (东莞市, 中山市)."""
    with_children = {
        d.code[:4]
        for d in divisions.all_divisions()
        if d.level == "county" and in_use(d, None) and d.name != "市辖区"
    }
    return frozenset(
        d.code
        for d in divisions.all_divisions()
        if d.level == "prefecture"
        and in_use(d, None)
        and d.name not in PLACEHOLDERS
        and d.code[:4] not in with_children
    )
