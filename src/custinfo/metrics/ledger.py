"""The exception ledger (异常数据台账): open issues, time to fix, causes that recur.

The seed asks for a ledger of problems found in audits — issue type, time of
the fix, person responsible — "analysed regularly for common error causes".
Entries are :class:`LedgerEntry` values or mappings with English keys or the
seed's Chinese ones (问题类型, 修正时间, 责任人, …).

>>> summary = analyse_ledger([
...     {"record": "KH-1", "field": "phone", "issue_type": "号码错位",
...      "found": "2024-05-06", "fixed": "2024-05-08", "person": "王芳"},
...     {"记录": "KH-2", "字段": "phone", "问题类型": "号码错位",
...      "发现时间": "2024-06-03", "修正时间": None, "责任人": "王芳"},
... ])
>>> summary.open, summary.median_time_to_fix, summary.recurring
(1, datetime.timedelta(days=2), ('号码错位',))
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
from attrs import define

from custinfo import normalize
from custinfo.findings import DefinitionError
from custinfo.metrics._time import as_moment, month_key

__all__ = ["ALIASES", "IssueCount", "LedgerEntry", "LedgerSummary", "analyse_ledger"]

Moment = datetime.date | datetime.datetime

ALIASES = {
    "record": ("record", "record_id", "记录", "记录编号", "客户编号", "档案编号"),
    "field": ("field", "字段", "字段名称"),
    "issue_type": ("issue_type", "type", "问题类型", "异常类型"),
    "found": ("found", "found_at", "发现时间", "发现日期"),
    "fixed": ("fixed", "fixed_at", "修正时间", "修正日期"),
    "person": ("person", "responsible", "责任人"),
}
"""The keys a ledger mapping may use for each field."""


def _found(value: object) -> Moment:
    moment = as_moment(value)
    if moment is None:
        raise DefinitionError("a ledger entry needs a readable date or time it was found")
    return moment


def _fixed(value: object) -> Moment | None:
    if value is None or value == "":
        return None
    moment = as_moment(value)
    if moment is None:  # an unreadable fix time is not "still open"
        raise DefinitionError("a ledger entry's fixed value is not a readable date or time")
    return moment


@define(frozen=True, slots=True)
class LedgerEntry:
    """One problem in the ledger; ``fixed`` is None while it is open."""

    record: str
    field: str
    issue_type: str
    found: Moment = attrs.field(converter=_found)
    fixed: Moment | None = attrs.field(default=None, converter=_fixed)
    person: str | None = None

    @classmethod
    def from_mapping(cls, row: Mapping[str, Any]) -> LedgerEntry:
        """An entry from a mapping with English or Chinese keys (see :data:`ALIASES`)."""
        values = {name: _pick(row, keys) for name, keys in ALIASES.items()}
        return cls(
            record=_text(values["record"]),
            field=_text(values["field"]),
            issue_type=_text(values["issue_type"]) or "(unspecified)",
            found=values["found"],
            fixed=values["fixed"],
            person=_text(values["person"]) or None,
        )

    @property
    def time_to_fix(self) -> datetime.timedelta | None:
        """fixed − found (None while open); dates and datetimes mixed compare as dates."""
        if self.fixed is None:
            return None
        found, fixed = self.found, self.fixed
        if isinstance(found, datetime.datetime) != isinstance(fixed, datetime.datetime):
            found, fixed = _date(found), _date(fixed)
        return fixed - found


def _date(value: Moment) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


def _pick(row: Mapping[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        if row.get(key) not in (None, ""):
            return row[key]
    return None


def _text(value: object) -> str:
    text = normalize.as_text(value)
    return "" if text is None else normalize.text(text[:200])


@define(frozen=True, slots=True)
class IssueCount:
    """Entries of one issue type or one person: all of them, and those still open."""

    total: int = 0
    open: int = 0


@define(frozen=True, slots=True)
class LedgerSummary:
    """What the ledger says: volume, speed of fixing, and where problems come from.

    ``invalid`` entries were fixed before they were found and are left out of
    the times to fix; ``p90_time_to_fix`` is the nearest-rank 90th percentile
    (an observed time, never interpolated).
    """

    entries: int
    open: int
    fixed: int
    invalid: int
    median_time_to_fix: datetime.timedelta | None
    p90_time_to_fix: datetime.timedelta | None
    by_type: dict[str, IssueCount] = attrs.field(factory=dict)
    by_person: dict[str, IssueCount] = attrs.field(factory=dict)
    by_month: dict[str, int] = attrs.field(factory=dict)
    recurring: tuple[str, ...] = ()
    repeated_fields: int = 0

    def to_pandas(self) -> Any:
        """Issue types as a DataFrame: total, open, and whether they recur (needs pandas)."""
        from custinfo.metrics import notebook

        rows = [[k, v.total, v.open, k in self.recurring] for k, v in self.by_type.items()]
        return notebook.frame(["issue_type", "total", "open", "recurring"], rows)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (times in days, as floats)."""

        def days(value: datetime.timedelta | None) -> float | None:
            return None if value is None else value.total_seconds() / 86400

        return {
            "entries": self.entries,
            "open": self.open,
            "fixed": self.fixed,
            "invalid": self.invalid,
            "median_days_to_fix": days(self.median_time_to_fix),
            "p90_days_to_fix": days(self.p90_time_to_fix),
            "by_type": {k: {"total": v.total, "open": v.open} for k, v in self.by_type.items()},
            "by_person": {k: {"total": v.total, "open": v.open} for k, v in self.by_person.items()},
            "by_month": dict(self.by_month),
            "recurring": list(self.recurring),
            "repeated_fields": self.repeated_fields,
        }


def _nearest_rank(ordered: list[datetime.timedelta], q: float) -> datetime.timedelta:
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def _median(ordered: list[datetime.timedelta]) -> datetime.timedelta:
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def _counts(entries: list[LedgerEntry], key: str) -> dict[str, IssueCount]:
    found: dict[str, IssueCount] = {}
    for e in entries:
        name = getattr(e, key) or "(unspecified)"
        old = found.get(name, IssueCount())
        found[name] = IssueCount(old.total + 1, old.open + (e.fixed is None))
    return dict(sorted(found.items(), key=lambda kv: (-kv[1].total, kv[0])))


def analyse_ledger(
    entries: Iterable[LedgerEntry | Mapping[str, Any]], *, recurring_months: int = 2
) -> LedgerSummary:
    """Summarize a ledger.

    An issue type is *recurring* when it was found in at least
    ``recurring_months`` different months; ``repeated_fields`` counts
    (record, field) pairs that appear in more than one entry.
    """
    items = [e if isinstance(e, LedgerEntry) else LedgerEntry.from_mapping(e) for e in entries]
    durations = sorted(d for e in items if (d := e.time_to_fix) is not None and d >= _ZERO)
    invalid = sum(1 for e in items if (d := e.time_to_fix) is not None and d < _ZERO)
    months_by_type: dict[str, set[str]] = {}
    by_month: dict[str, int] = {}
    pairs: dict[tuple[str, str], int] = {}
    for e in items:
        month = month_key(e.found) or ""
        months_by_type.setdefault(e.issue_type, set()).add(month)
        by_month[month] = by_month.get(month, 0) + 1
        pairs[(e.record, e.field)] = pairs.get((e.record, e.field), 0) + 1
    by_type = _counts(items, "issue_type")
    recurring = tuple(t for t in by_type if len(months_by_type[t]) >= recurring_months)
    open_count = sum(1 for e in items if e.fixed is None)
    return LedgerSummary(
        entries=len(items),
        open=open_count,
        fixed=len(items) - open_count,
        invalid=invalid,
        median_time_to_fix=_median(durations) if durations else None,
        p90_time_to_fix=_nearest_rank(durations, 0.9) if durations else None,
        by_type=by_type,
        by_person=_counts(items, "person"),
        by_month=dict(sorted(by_month.items())),
        recurring=recurring,
        repeated_fields=sum(1 for n in pairs.values() if n > 1),
    )


_ZERO = datetime.timedelta(0)
