"""Administrative division codes of China (GB/T 2260) with their history.

The table is python-stdnum's ``stdnum/cn/loc.dat`` (compiled from the
Wikipedia lists of division codes, with the years each name was in use). It is
parsed once, on first use, into :class:`Division` records:

>>> d = get("110103")
>>> d.name, d.current, d.until
('崇文区', False, 2010)
>>> [x.name for x in path("440106")]
['广东省', '广州市', '天河区']
>>> get("440111").name_in(1985), get("440111").name
('郊区', '白云区')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Literal

from attrs import define

__all__ = [
    "Division",
    "Period",
    "all_divisions",
    "as_of",
    "by_name",
    "get",
    "path",
]

Level = Literal["province", "prefecture", "county"]


@define(frozen=True, slots=True)
class Period:
    """A name a code carried, from ``since`` to ``until`` (inclusive years; None: open)."""

    name: str
    since: int | None
    until: int | None

    def covers(self, year: int) -> bool:
        """True when the name was in use in ``year``."""
        return (self.since is None or self.since <= year) and (
            self.until is None or year <= self.until
        )


@define(frozen=True, slots=True)
class Division:
    """One six-digit code and the names it carried."""

    code: str
    periods: tuple[Period, ...]

    @property
    def name(self) -> str:
        """The latest name."""
        return self.periods[-1].name

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the code carried, oldest first."""
        return tuple(p.name for p in self.periods)

    @property
    def since(self) -> int | None:
        """First year in the table (None: before the table starts, about 1980)."""
        return self.periods[0].since

    @property
    def until(self) -> int | None:
        """Last year in use (None: still in use)."""
        return self.periods[-1].until

    @property
    def current(self) -> bool:
        """True when the code is in use today (as far as the table knows)."""
        return self.until is None

    @property
    def level(self) -> Level:
        """Province (``xx0000``), prefecture (``xxxx00``) or county."""
        if self.code.endswith("0000"):
            return "province"
        return "prefecture" if self.code.endswith("00") else "county"

    def existed_in(self, year: int) -> bool:
        """True when the code was in use in ``year``."""
        return any(p.covers(year) for p in self.periods)

    def name_in(self, year: int) -> str | None:
        """The name in use in ``year`` (None when the code was not in use)."""
        for p in self.periods:
            if p.covers(year):
                return p.name
        return None


_PERIOD = re.compile(r"(?:\[(\d{4})?-(\d{4})?\])?(.+)")
_LINE = re.compile(r'\s*(\d{2}|\d{4}) (?:province|county)="([^"]*)"')

# Traditional-script names in the source for Hong Kong and Macao.
_SIMPLIFIED = {"香港特別行政區": "香港特别行政区", "澳門特別行政區": "澳门特别行政区"}


def _periods(text: str) -> tuple[Period, ...]:
    periods = []
    for part in text.split(","):
        m = _PERIOD.fullmatch(part.strip())
        if m:
            since = int(m[1]) if m[1] else None
            until = int(m[2]) if m[2] else None
            periods.append(Period(_SIMPLIFIED.get(m[3], m[3]), since, until))
    return tuple(periods)


@functools.cache
def _table() -> Mapping[str, Division]:
    from importlib import resources  # on first use, never at import

    source = resources.files("stdnum.cn").joinpath("loc.dat").read_text(encoding="utf-8")
    table: dict[str, Division] = {}
    province = ""
    for line in source.splitlines():
        m = _LINE.match(line)
        if not m:
            continue
        digits, text = m[1], m[2]
        if len(digits) == 2:
            province = digits
            code = digits + "0000"
        else:
            code = province + digits
        periods = _periods(text)
        if periods:  # a province's "0000" line, when present, carries its years
            table[code] = Division(code, periods)
    return table


def get(code: str) -> Division | None:
    """The division with this six-digit code, or None."""
    return _table().get(code)


def all_divisions() -> Iterator[Division]:
    """Every division in the table."""
    return iter(_table().values())


def path(code: str) -> tuple[Division, ...]:
    """Province, prefecture and county of a code, as far as they exist."""
    parts = (code[:2] + "0000", code[:4] + "00", code)
    found: list[Division] = []
    for part in dict.fromkeys(parts):
        division = get(part)
        if division is not None:
            found.append(division)
    return tuple(found)


@functools.cache
def _by_name() -> Mapping[str, tuple[Division, ...]]:
    index: dict[str, list[Division]] = {}
    for d in _table().values():
        for name in dict.fromkeys(d.names):
            index.setdefault(name, []).append(d)
    return {k: tuple(v) for k, v in index.items()}


def by_name(name: str) -> tuple[Division, ...]:
    """Every division that carries or carried ``name`` (several: 鼓楼区 is in four cities)."""
    return _by_name().get(name, ())


def as_of() -> str:
    """Where the table comes from, with the python-stdnum version that ships it."""
    from importlib import metadata

    try:
        version = metadata.version("python-stdnum")
    except metadata.PackageNotFoundError:  # pragma: no cover - stdnum is a dependency
        version = "?"
    latest = max((p.since or 0) for d in _table().values() for p in d.periods)
    return f"python-stdnum {version} stdnum/cn/loc.dat (changes up to {latest})"
