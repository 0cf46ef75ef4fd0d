"""Working days in mainland China: weekends, public holidays and make-up working days.

The bundled calendar (:func:`china`) is read from ``data/holidays_cn.csv``,
built from the State Council General Office's yearly notices
(国务院办公厅关于XXXX年部分节假日安排的通知) and the notices that revised them.
A day the calendar does not cover raises :class:`~custinfo.DataUnavailable`:
a guess would silently move deadlines. Any object with ``is_working_day(day)``
can stand in for it (:class:`Calendar`).

Across the 2024 National Day holiday — Sunday 29 September and Saturday
12 October were make-up working days (国办发明电〔2023〕7号):

>>> day = datetime.date(2024, 9, 27)
>>> [add_working_days(day, n).isoformat() for n in (1, 2, 3)]
['2024-09-29', '2024-09-30', '2024-10-08']
>>> working_days_between(day, datetime.date(2024, 10, 12))
7
>>> is_working_day(datetime.date(2030, 1, 2))
Traceback (most recent call last):
...
custinfo.findings.DataUnavailable: 2030-01-02 is outside the china calendar (2019-01-01 to ...
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable
from typing import Protocol, runtime_checkable

from attrs import define, field

from custinfo.data import headers, read_table
from custinfo.findings import DataUnavailable, DefinitionError

__all__ = [
    "TABLE",
    "Calendar",
    "HolidayCalendar",
    "WeekendCalendar",
    "add_working_days",
    "china",
    "is_working_day",
    "working_days_between",
]

TABLE = "holidays_cn.csv"
"""The bundled table of rest days and make-up working days."""

# Next year's notice may move days at the end of this year (the 2019 notice made
# 2018-12-29 a working Saturday), so the last week of the newest year is not covered:
# coverage ends on this (month, day) of the newest year.
_COVERED_UNTIL = (12, 24)


@runtime_checkable
class Calendar(Protocol):
    """What the working-day functions need: a verdict for a day, or DataUnavailable."""

    def is_working_day(self, day: datetime.date) -> bool:
        """True for a working day; raises DataUnavailable for a day not covered."""
        ...


def _day(value: datetime.date) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    raise DefinitionError(f"expected a date, not {type(value).__name__}")


@define(frozen=True, slots=True)
class WeekendCalendar:
    """Monday to Friday, every year, no holidays (for tests or other countries)."""

    weekend: frozenset[int] = field(default=frozenset({5, 6}), converter=frozenset)

    def is_working_day(self, day: datetime.date) -> bool:
        """True unless ``day`` falls on the weekend."""
        return _day(day).weekday() not in self.weekend


def _as_of(as_of: str | None) -> str:
    return f" (data as of {as_of})" if as_of else ""


@define(frozen=True, slots=True)
class HolidayCalendar:
    """Weekends plus listed rest days and make-up working days, between ``first`` and ``last``.

    >>> cal = HolidayCalendar("demo", datetime.date(2024, 1, 1), datetime.date(2024, 12, 31),
    ...                       rest={datetime.date(2024, 1, 1): "元旦"})
    >>> cal.is_working_day(datetime.date(2024, 1, 1)), cal.holiday(datetime.date(2024, 1, 1))
    (False, '元旦')
    """

    name: str
    first: datetime.date
    last: datetime.date
    rest: dict[datetime.date, str] = field(factory=dict)
    """Days off (holidays, and weekend days inside them) → holiday name."""
    work: dict[datetime.date, str] = field(factory=dict)
    """Make-up working days on weekends (调休上班) → holiday they belong to."""
    weekend: frozenset[int] = field(default=frozenset({5, 6}), converter=frozenset)
    as_of: str | None = None

    def __attrs_post_init__(self) -> None:
        both = set(self.rest) & set(self.work)
        if both:
            raise DefinitionError(f"days both rest and work: {sorted(both)[:3]}")
        if self.first > self.last:
            raise DefinitionError(f"calendar {self.name!r} ends before it starts")

    def covers(self, day: datetime.date) -> bool:
        """True when the calendar knows whether ``day`` is a working day."""
        return self.first <= _day(day) <= self.last

    def is_working_day(self, day: datetime.date) -> bool:
        """True for a working day; DataUnavailable outside ``first``–``last``."""
        day = _day(day)
        if not self.first <= day <= self.last:
            raise DataUnavailable(
                f"{day} is outside the {self.name} calendar ({self.first} to {self.last}): "
                f"its holidays are not known{_as_of(self.as_of)}"
            )
        if day in self.work:
            return True
        if day in self.rest:
            return False
        return day.weekday() not in self.weekend

    def holiday(self, day: datetime.date) -> str | None:
        """The holiday a listed rest or make-up day belongs to, else None."""
        day = _day(day)
        return self.rest.get(day) or self.work.get(day)

    @classmethod
    def from_rows(
        cls,
        name: str,
        rows: Iterable[tuple[int, datetime.date, str, str]],
        *,
        as_of: str | None = None,
    ) -> HolidayCalendar:
        """A calendar from rows (notice year, date, ``"rest"``/``"work"``, holiday name).

        It covers the notices' years, which must be consecutive, except the last
        week of the newest one (the next notice may still change it).
        """
        rest: dict[datetime.date, str] = {}
        work: dict[datetime.date, str] = {}
        years: set[int] = set()
        for year, day, kind, holiday in rows:
            if kind not in ("rest", "work"):
                raise DefinitionError(f"{day}: kind must be 'rest' or 'work', not {kind!r}")
            (rest if kind == "rest" else work)[day] = holiday
            years.add(year)
        if not years:
            raise DefinitionError("a holiday calendar needs at least one year of notices")
        if len(years) != max(years) - min(years) + 1:
            raise DefinitionError(f"calendar {name!r} has gaps between years {sorted(years)}")
        first = datetime.date(min(years), 1, 1)
        last = datetime.date(max(years), *_COVERED_UNTIL)
        return cls(name, first, last, rest, work, as_of=as_of)


@functools.cache
def china() -> HolidayCalendar:
    """The calendar of mainland China from the bundled State Council notices."""
    rows = (
        (int(year), datetime.date.fromisoformat(day), kind, holiday)
        for year, day, kind, holiday, _notice in read_table(TABLE)
    )
    return HolidayCalendar.from_rows("china", rows, as_of=headers(TABLE).get("as-of"))


def is_working_day(day: datetime.date, calendar: Calendar | None = None) -> bool:
    """True when ``day`` is a working day (China's calendar unless another is given)."""
    return (calendar or china()).is_working_day(_day(day))


def add_working_days(day: datetime.date, n: int, calendar: Calendar | None = None) -> datetime.date:
    """The ``n``-th working day after ``day`` (before it when ``n`` is negative).

    ``day`` itself is not counted, whether or not it is a working day, so a
    deadline "within 1 working day" of a Friday approval is the next working
    day; ``n == 0`` returns ``day`` unchanged.
    """
    cal = calendar or china()
    current = _day(day)
    step = datetime.timedelta(days=1 if n > 0 else -1)
    remaining = abs(n)
    while remaining:
        current += step
        if cal.is_working_day(current):
            remaining -= 1
    return current


def working_days_between(
    start: datetime.date, end: datetime.date, calendar: Calendar | None = None
) -> int:
    """The working days stepped on walking from ``start`` to ``end``, ``start`` not counted.

    Walking forward that is the days after ``start`` up to and including
    ``end``; walking back, the days from ``end`` up to the day before
    ``start``, counted negative. So it inverts :func:`add_working_days`:
    ``working_days_between(d, add_working_days(d, n)) == n`` for every ``n``.
    """
    cal = calendar or china()
    current, target = _day(start), _day(end)
    sign = 1 if target >= current else -1
    step = datetime.timedelta(days=sign)
    count = 0
    while current != target:
        current += step
        count += cal.is_working_day(current)
    return sign * count
