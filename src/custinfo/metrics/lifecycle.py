"""Record lifecycle: customers not reached for too long, archives past retention.

Seed 000 asks for a monthly pass that marks customers who have long been
unreachable; seed 001 keeps archives "不少于5年". Both are judged relative to a
day you give (no clock is read). Periods in months and years follow the Civil
Code of the PRC: the first day is not counted (Article 201), and a period ends
on the corresponding day of the last month, or on that month's last day when
it has no such day (Article 202).

>>> add_months(datetime.date(2024, 1, 31), 1), add_years(datetime.date(2024, 2, 29), 5)
(datetime.date(2024, 2, 29), datetime.date(2029, 2, 28))
>>> m = past_retention({"KH-2019-001": "2019-03-15", "KH-2019-002": "2019-03-16"},
...                    today=datetime.date(2024, 3, 16))
>>> m.marked
('KH-2019-001',)
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Callable, Hashable, Iterable, Mapping

from attrs import define

from custinfo.findings import DefinitionError
from custinfo.metrics._time import as_day

__all__ = [
    "RETENTION_YEARS",
    "Marking",
    "add_months",
    "add_years",
    "past_retention",
    "retention_end",
    "stale",
]

RETENTION_YEARS = 5
"""Seed 001: "历史档案保存期限不少于5年"."""


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The corresponding day ``months`` later, or that month's last day (Civil Code art. 202)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, min(day.day, last))


def add_years(day: datetime.date, years: int) -> datetime.date:
    """The corresponding day ``years`` later (29 February → 28 February)."""
    return add_months(day, 12 * years)


def retention_end(archived_on: datetime.date, years: int = RETENTION_YEARS) -> datetime.date:
    """The last day of the retention period of a record archived on ``archived_on``."""
    return add_years(archived_on, years)


@define(frozen=True, slots=True)
class Marking:
    """The records a monthly pass marks, and those whose date could not be read."""

    marked: tuple[Hashable, ...]
    unknown: tuple[Hashable, ...]
    checked: int

    def __len__(self) -> int:
        return len(self.marked)


def _pairs(
    records: Mapping[Hashable, object] | Iterable[tuple[Hashable, object]],
) -> Iterable[tuple[Hashable, object]]:
    return records.items() if isinstance(records, Mapping) else records


def _mark(
    records: Mapping[Hashable, object] | Iterable[tuple[Hashable, object]],
    today: datetime.date,
    limit: int,
    shift: Callable[[datetime.date, int], datetime.date],
) -> Marking:
    if not isinstance(today, datetime.date):
        raise DefinitionError("today must be a date")
    if limit < 0:
        raise DefinitionError("the period cannot be negative")
    marked: list[Hashable] = []
    unknown: list[Hashable] = []
    checked = 0
    for record_id, value in _pairs(records):
        checked += 1
        day = as_day(value)
        if day is None:
            unknown.append(record_id)
        elif today > shift(day, limit):
            marked.append(record_id)
    return Marking(tuple(marked), tuple(unknown), checked)


def stale(
    records: Mapping[Hashable, object] | Iterable[tuple[Hashable, object]],
    *,
    today: datetime.date,
    months: int = 6,
) -> Marking:
    """Records last reached more than ``months`` months before ``today``.

    ``records`` maps record ids to the day the customer was last reached. The
    seed does not fix the threshold; six months is this library's default.
    """
    return _mark(records, today, months, add_months)


def past_retention(
    records: Mapping[Hashable, object] | Iterable[tuple[Hashable, object]],
    *,
    today: datetime.date,
    years: int = RETENTION_YEARS,
) -> Marking:
    """Records whose retention period (archived on + ``years``) ended before ``today``.

    Only those may be destroyed under seed 001; the rest must be kept.
    """
    return _mark(records, today, years, add_years)
