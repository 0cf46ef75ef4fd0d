"""On-time rates for the seeds' deadlines, in hours or in Chinese working days.

- :data:`ENTRY_24H`: entry into the system within 24 hours of collection (seed 000);
- :data:`CRM_ENTRY`: CRM entry within 1 working day of approval (seed 001);
- :data:`UPDATE`: update within 3 working days of a change (seed 001);
- :data:`FEEDBACK`: feedback to the customer within 3 working days of the fix (seed 000).

A working-day deadline ends with the n-th working day after the start day
(:func:`~custinfo.metrics.workdays.add_working_days`); approval on Friday
27 September 2024 was due on Sunday the 29th, a make-up working day:

>>> CRM_ENTRY.due(datetime.date(2024, 9, 27))
datetime.date(2024, 9, 29)
>>> r = on_time([("2024-09-27", "2024-09-29"), ("2024-09-27", "2024-09-30")], CRM_ENTRY)
>>> r.on_time, r.late, r.rate
(1, 1, 0.5)
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from attrs import define, field

from custinfo.findings import DataUnavailable, DefinitionError
from custinfo.metrics._time import as_moment
from custinfo.metrics.intervals import Interval, Method, proportion
from custinfo.metrics.workdays import Calendar, add_working_days

__all__ = [
    "CRM_ENTRY",
    "DEADLINES",
    "ENTRY_24H",
    "FEEDBACK",
    "UPDATE",
    "Deadline",
    "OnTime",
    "on_time",
]

Moment = datetime.date | datetime.datetime


@define(frozen=True, slots=True)
class Deadline:
    """A time limit: ``hours`` after a moment, or ``working_days`` after a day."""

    name: str
    hours: int | None = None
    working_days: int | None = None
    title_zh: str = ""
    title_en: str = ""

    def __attrs_post_init__(self) -> None:
        if (self.hours is None) == (self.working_days is None):
            raise DefinitionError(f"deadline {self.name!r}: give hours or working_days, not both")

    def due(self, start: Moment, calendar: Calendar | None = None) -> Moment:
        """The last moment (hours) or the last day (working days) that is on time."""
        if self.hours is not None:
            return start + datetime.timedelta(hours=self.hours)
        day = start.date() if isinstance(start, datetime.datetime) else start
        assert self.working_days is not None
        return add_working_days(day, self.working_days, calendar)

    def met(self, start: Moment, end: Moment, calendar: Calendar | None = None) -> bool | None:
        """True on time, False late, None when the values cannot decide it.

        An hours deadline needs times of day; given two dates, only "the same
        day" decides (on time), anything else is undecided. Raises
        :class:`DataUnavailable` when the calendar does not cover the days.
        """
        if self.hours is not None:
            if isinstance(start, datetime.datetime) and isinstance(end, datetime.datetime):
                return end <= self.due(start)
            same_day = _as_date(start) == _as_date(end)
            return True if same_day and self.hours >= 24 else None
        return _as_date(end) <= _as_date(self.due(start, calendar))


def _as_date(value: Moment) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


ENTRY_24H = Deadline("entry_24h", hours=24, title_zh="收集后24小时内录入系统",
                     title_en="Entered within 24 hours of collection")  # fmt: skip
CRM_ENTRY = Deadline("crm_entry", working_days=1, title_zh="审核通过后1个工作日内录入CRM",
                     title_en="Entered into the CRM within 1 working day of approval")  # fmt: skip
UPDATE = Deadline("update", working_days=3, title_zh="信息变更后3个工作日内完成更新",
                  title_en="Updated within 3 working days of a change")  # fmt: skip
FEEDBACK = Deadline("feedback", working_days=3, title_zh="修正完成后3个工作日内反馈客户",
                    title_en="Customer told within 3 working days of the correction")  # fmt: skip

DEADLINES = {d.name: d for d in (ENTRY_24H, CRM_ENTRY, UPDATE, FEEDBACK)}
"""The seeds' deadlines by name."""


@define(frozen=True, slots=True)
class OnTime:
    """How many tasks met a deadline.

    ``late`` were done after the deadline, ``overdue`` are not done and past
    it on ``today``, ``open`` are not done and not yet due; ``undecided``
    counts tasks that cannot be judged, by reason (``"no_start"``,
    ``"end_before_start"``, ``"no_time_of_day"``, ``"mixed_time_zones"``,
    ``"outside_calendar"``).
    """

    deadline: str
    on_time: int = 0
    late: int = 0
    overdue: int = 0
    open: int = 0
    undecided: dict[str, int] = field(factory=dict)

    @property
    def judged(self) -> int:
        """Tasks with a verdict: on time, late or overdue."""
        return self.on_time + self.late + self.overdue

    @property
    def total(self) -> int:
        """Every task given."""
        return self.judged + self.open + sum(self.undecided.values())

    @property
    def rate(self) -> float | None:
        """on_time / judged (None when nothing could be judged)."""
        return self.on_time / self.judged if self.judged else None

    def interval(self, *, confidence: float = 0.95, method: Method = "wilson") -> Interval:
        """The on-time rate with its confidence interval."""
        return proportion(self.on_time, self.judged, confidence=confidence, method=method)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict, rate included."""
        return {
            "deadline": self.deadline,
            "on_time": self.on_time,
            "late": self.late,
            "overdue": self.overdue,
            "open": self.open,
            "undecided": dict(self.undecided),
            "rate": self.rate,
        }


def on_time(
    tasks: Iterable[tuple[object, object]],
    deadline: Deadline | str,
    *,
    today: datetime.date | None = None,
    calendar: Calendar | None = None,
) -> OnTime:
    """Count ``(start, end)`` pairs against ``deadline`` (a :class:`Deadline` or its name).

    Values are dates, datetimes or ISO strings; ``end`` is None for a task not
    yet done, judged overdue only when ``today`` is given and past the deadline.

    >>> r = on_time([("2024-05-06 09:00", "2024-05-07 08:59"),
    ...              ("2024-05-06 09:00", "2024-05-07 09:01")], "entry_24h")
    >>> r.on_time, r.late
    (1, 1)
    """
    rule = _deadline(deadline)
    counts = {"on_time": 0, "late": 0, "overdue": 0, "open": 0}
    undecided: dict[str, int] = {}
    for start_value, end_value in tasks:
        verdict = _judge(rule, as_moment(start_value), as_moment(end_value), today, calendar)
        if verdict in counts:
            counts[verdict] += 1
        else:
            undecided[verdict] = undecided.get(verdict, 0) + 1
    return OnTime(rule.name, **counts, undecided=undecided)


def _deadline(deadline: Deadline | str) -> Deadline:
    if isinstance(deadline, Deadline):
        return deadline
    try:
        return DEADLINES[deadline]
    except KeyError:
        raise DefinitionError(
            f"unknown deadline {deadline!r}; known: {sorted(DEADLINES)}"
        ) from None


def _judge(
    rule: Deadline,
    start: Moment | None,
    end: Moment | None,
    today: datetime.date | None,
    calendar: Calendar | None,
) -> str:
    if start is None:
        return "no_start"
    try:
        if end is None:
            return _pending(rule, start, today, calendar)
        if _before(end, start):
            return "end_before_start"
        verdict = rule.met(start, end, calendar)
    except DataUnavailable:
        return "outside_calendar"
    except TypeError:  # a naive and an aware datetime cannot be compared
        return "mixed_time_zones"
    if verdict is None:
        return "no_time_of_day"
    return "on_time" if verdict else "late"


def _before(end: Moment, start: Moment) -> bool:
    if isinstance(end, datetime.datetime) and isinstance(start, datetime.datetime):
        return end < start
    return _as_date(end) < _as_date(start)


def _pending(
    rule: Deadline, start: Moment, today: datetime.date | None, calendar: Calendar | None
) -> str:
    if today is None:
        return "open"
    return "overdue" if _as_date(today) > _as_date(rule.due(start, calendar)) else "open"
