"""Readings of an address's divisions turned into parts, codes and findings about names.

A reading (the divisions found in the text, see :mod:`._address_parse`) resolves to
its deepest division, or to the division in use that a former name became; the
parts are that division's path in the table, with the municipality standing as
its own city and levels that do not exist marked so. Several equally good readings
are merged: what they agree on is kept, the first level they disagree on is an
ambiguity.

>>> from custinfo.validators._address_parse import parse
>>> r = resolve(parse("四川省成都市新津县", None).readings[0], None)
>>> [p[0] for p in r.parts], r.historic_code, r.problems[0].params["current"]
(['四川省', '成都市', '新津区'], '510132', '新津区')
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Literal

from attrs import define

from custinfo import divisions
from custinfo.divisions import Division
from custinfo.findings import Problem, Severity
from custinfo.validators import _address_names as names
from custinfo.validators import _address_parse as parsing

__all__ = ["LEVELS", "Merged", "Resolution", "merge", "parts_of", "path_text", "resolve"]

Level = Literal["province", "city", "district", "street", "detail"]
LEVELS: tuple[Level, ...] = ("province", "city", "district", "street", "detail")
"""The parts of an address, outermost first; ``require`` names one of them."""

Part = tuple[str | None, str | None]
"""A division part: (name, code)."""


@define(frozen=True, slots=True)
class Resolution:
    """One reading turned into parts: (name, code) for province, city and district."""

    parts: tuple[Part, ...]
    applies: tuple[bool, bool, bool]
    historic_code: str | None
    problems: tuple[Problem, ...]
    written: frozenset[int]


def _name(division: Division, year: int | None) -> str:
    found = division.name if year is None else division.name_in(year)
    return names.display(found or division.name)


def parts_of(target: Division, year: int | None) -> tuple[list[Part], list[bool]]:
    """Province, city and district of ``target`` (names as of ``year``; None: latest),
    and whether each level exists there (no city above 仙桃市, no district in 东莞市)."""
    path = divisions.path(target.code)
    province = path[0]
    parts: list[Part] = [(_name(province, year), province.code)]
    parts += [(None, None), (None, None)]
    applies = [True, True, True]
    if province.code in names.SPECIAL_REGIONS:
        applies[1] = applies[2] = False
    elif province.code in names.MUNICIPALITIES:
        grouping = target.code[:4] + "00" if target.level == "county" else None
        parts[1] = (parts[0][0], grouping)
    else:
        city = next((d for d in path if d.level == "prefecture"), None)
        if city is not None and names.display(city.name) not in names.PLACEHOLDERS:
            parts[1] = (_name(city, year), city.code)
        elif target.level == "county":
            applies[1] = False  # administered by the province (仙桃市, 石河子市)
    if target.level == "county":
        parts[2] = (_name(target, year), target.code)
    elif target.code in names.no_districts():
        applies[2] = False
    return parts, applies


def _hit_problems(
    reading: Sequence[parsing.Hit],
    parts: Sequence[Part],
    resolved: bool,
    year: int | None,
) -> Iterator[Problem]:
    previous: parsing.Hit | None = None
    for hit in reading:
        entry = hit.entry
        if hit.mismatch and previous is not None:
            params = {"name": entry.name, "parent": previous.entry.name}
            yield Problem("address.mismatch", params=params)
        previous = hit
        if (entry.rank == 1 and entry.division.level == "province") or entry.in_use(year):
            continue  # in use, or a municipality written again as its own city
        current = parts[entry.rank][0]
        if hit is reading[-1] and parts[2][1] is not None and entry.rank < 2:
            current = path_text([(None, None), *parts[1:]])  # 莱芜市 is now 济南市莱芜区
        if resolved and current and current != entry.name:
            params = {"name": entry.name, "current": current}
            yield Problem("address.renamed", Severity.WARNING, params)
        elif not resolved:
            until = names.last_year(entry.division, entry.name) or entry.division.until
            known: dict[str, object] = {"name": entry.name}
            if until is not None:
                known["until"] = until
            yield Problem("address.historic", Severity.WARNING, known)


def resolve(reading: tuple[parsing.Hit, ...], year: int | None) -> Resolution:
    """The parts a reading stands for, with its findings about former and misplaced names."""
    deepest = reading[-1].entry.division
    heir = deepest if reading[-1].entry.in_use(year) else names.successor(deepest, year)
    target = heir or deepest
    parts, applies = parts_of(target, year if heir is not None else deepest.until)
    for hit in reading:  # a name not yet in use on ``today`` is shown as written
        rank, code = hit.entry.rank, hit.entry.division.code
        if hit.entry.in_use(year) and parts[rank][1] == code:
            parts[rank] = (hit.entry.name, code)
    problems = tuple(_hit_problems(reading, parts, heir is not None, year))
    historic = deepest.code if heir is not None and heir.code != deepest.code else None
    written = frozenset(h.entry.rank for h in reading)
    return Resolution(
        tuple(parts), (applies[0], applies[1], applies[2]), historic, problems, written
    )


def path_text(parts: Sequence[Part]) -> str:
    """The division names joined (a municipality once): 江苏省南京市鼓楼区, 北京市朝阳区."""
    province, city, district = (p[0] for p in parts)
    return "".join(p for p in (province, city if city != province else None, district) if p)


@define(frozen=True, slots=True)
class Merged:
    """What the best readings agree on, and the first level they do not."""

    parts: tuple[Part, ...]
    applies: tuple[bool, bool, bool]
    historic_code: str | None
    problems: tuple[Problem, ...]
    inferred: tuple[str, ...]
    ambiguous: int | None  # the first level the readings disagree on


def merge(resolutions: Sequence[Resolution], name: str, need: int) -> Merged:
    """Merge equally good readings of the division ``name``; ``need`` is the index in
    :data:`LEVELS` of the deepest required level (an ambiguity above it is an error)."""
    parts: list[Part] = []
    ambiguous: int | None = None
    for rank in range(3):
        values = {r.parts[rank] for r in resolutions}
        if len(values) == 1:
            parts.append(values.pop())
            continue
        ambiguous = rank if ambiguous is None else ambiguous
        spelled = {v[0] for v in values}
        parts.append((spelled.pop(), None) if len(spelled) == 1 else (None, None))
    applies = tuple(any(r.applies[i] for r in resolutions) for i in range(3))
    problems: list[Problem] = []
    for problem in (p for r in resolutions for p in r.problems):
        if problem not in problems:
            problems.append(problem)
    if ambiguous is not None:
        candidates = tuple(sorted({path_text(r.parts) for r in resolutions}))
        severity = Severity.ERROR if ambiguous <= need else Severity.WARNING
        params = {"name": name, "level": LEVELS[ambiguous], "candidates": candidates}
        problems.insert(0, Problem("address.ambiguous", severity, params))
    first = resolutions[0]
    inferred = tuple(
        LEVELS[rank]
        for rank in (0, 1)
        if rank not in first.written
        and parts[rank][0] is not None
        and not (rank == 1 and parts[0][1] in names.MUNICIPALITIES)
        and (ambiguous is None or rank < ambiguous)
    )
    historic = first.historic_code if len(resolutions) == 1 else None
    return Merged(
        tuple(parts),
        (applies[0], applies[1], applies[2]),
        historic,
        tuple(problems),
        inferred,
        ambiguous,
    )
