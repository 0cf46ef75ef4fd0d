"""Collector performance: errors per collector per month, and error-free streaks.

Seed 000 puts accuracy into performance reviews and rewards "连续3个月无数据错误".
A month counts toward the streak when the collector entered records in it and
none had an error; the streak is counted back from ``through`` (by default
the latest month in the report). A month without records ends the streak
(``idle="break"``) or is passed over (``idle="skip"``).

>>> from custinfo import Finding, Report
>>> acc = AccuracyReport()
>>> for month, bad in [("2024-03", True), ("2024-04", False), ("2024-05", False),
...                    ("2024-06", False)]:
...     findings = (Finding("phone", "required"),) if bad else ()
...     _ = acc.add(Report("collection", findings), collector="王芳", period=month)
>>> [(s.collector, s.streak, s.rewarded) for s in collector_performance(acc)]
[('王芳', 3, True)]
"""

from __future__ import annotations

from typing import Any, Literal

from attrs import define

from custinfo.findings import DefinitionError
from custinfo.metrics import _time
from custinfo.metrics.accuracy import AccuracyReport, Tally

__all__ = ["REWARD_MONTHS", "CollectorMonth", "CollectorStanding", "collector_performance"]

REWARD_MONTHS = 3
"""Seed 000: "对连续3个月无数据错误的员工给予正向激励"."""


@define(frozen=True, slots=True)
class CollectorMonth:
    """One collector in one month."""

    month: str
    records: int
    with_errors: int
    errors: int


@define(frozen=True, slots=True)
class CollectorStanding:
    """A collector's months (oldest first), and the current error-free streak."""

    collector: str
    through: str
    streak: int
    months: tuple[CollectorMonth, ...]
    reward_months: int = REWARD_MONTHS

    @property
    def rewarded(self) -> bool:
        """True when the streak reaches the seed's 3 months (or ``reward_months``)."""
        return self.streak >= self.reward_months

    @property
    def records(self) -> int:
        """Records entered over all months."""
        return sum(m.records for m in self.months)

    @property
    def errors(self) -> int:
        """Error-level findings over all months."""
        return sum(m.errors for m in self.months)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "collector": self.collector,
            "through": self.through,
            "streak": self.streak,
            "rewarded": self.rewarded,
            "months": [
                {"month": m.month, "records": m.records, "with_errors": m.with_errors,
                 "errors": m.errors}
                for m in self.months
            ],
        }  # fmt: skip


def _streak(by_month: dict[str, Tally], through: str, idle: str) -> int:
    if not by_month:
        return 0
    first = min(by_month)
    streak = 0
    month = through
    while month >= first:
        tally = by_month.get(month)
        if tally is None or tally.records == 0:
            if idle == "break":
                break
        elif tally.errors:
            break
        else:
            streak += 1
        month = _time.next_month(month, -1)
    return streak


def collector_performance(
    report: AccuracyReport,
    *,
    through: object = None,
    idle: Literal["break", "skip"] = "break",
    reward_months: int = REWARD_MONTHS,
) -> tuple[CollectorStanding, ...]:
    """Each known collector's monthly errors and current streak, best streak first.

    Records without a collector or a month are left out (they cannot be
    credited to anyone's month).
    """
    if idle not in ("break", "skip"):
        raise DefinitionError(f"idle must be 'break' or 'skip', not {idle!r}")
    cells = report.by_collector_month()
    months = [m for (_, m) in cells if m is not None]
    if through is None:
        if not months:
            return ()
        last = max(months)
    else:
        key = _time.month_key(through)
        if key is None:
            raise DefinitionError(f"cannot read a month from through={through!r}")
        last = key
    per: dict[str, dict[str, Tally]] = {}
    for (who, month), tally in cells.items():
        if who is not None and month is not None and month <= last:
            per.setdefault(who, {})[month] = tally
    standings = [
        CollectorStanding(
            who,
            last,
            _streak(by_month, last, idle),
            tuple(
                CollectorMonth(m, t.records, t.with_errors, t.errors)
                for m, t in sorted(by_month.items())
            ),
            reward_months,
        )
        for who, by_month in per.items()
    ]
    return tuple(sorted(standings, key=lambda s: (-s.streak, s.collector)))
