"""Accuracy metrics: reports that merge, audits with confidence intervals, deadlines
in Chinese working days, the exception ledger and the record lifecycle.

Pure functions and attrs classes: no I/O, and no clock (every "today" is a
parameter). pandas and matplotlib are optional, for :mod:`.notebook`.

>>> import datetime
>>> from custinfo import forms, metrics
>>> acc = metrics.AccuracyReport()
>>> report = forms.collection.validate({"customer_type": "企业"}, today=datetime.date(2024, 5, 6))
>>> acc.add(report, collector="王芳", period="2024-05").accuracy
0.0
>>> metrics.add_working_days(datetime.date(2024, 9, 27), 3)
datetime.date(2024, 10, 8)
>>> metrics.proportion(389, 400, population=120_000).summary()
'accuracy 97.2% (95% CI 95.1–98.5%, n=400 of N=120,000)'
"""

from __future__ import annotations

from custinfo.metrics.accuracy import RECORD, AccuracyReport, ParetoRow, Tally
from custinfo.metrics.audit import (
    SEED_RATE,
    AuditPlan,
    AuditResult,
    FieldAudit,
    Stratum,
    compare,
    plan_audit,
)
from custinfo.metrics.collectors import (
    REWARD_MONTHS,
    CollectorMonth,
    CollectorStanding,
    collector_performance,
)
from custinfo.metrics.deadlines import (
    CRM_ENTRY,
    DEADLINES,
    ENTRY_24H,
    FEEDBACK,
    UPDATE,
    Deadline,
    OnTime,
    on_time,
)
from custinfo.metrics.intervals import (
    Interval,
    clopper_pearson,
    margin_of_error,
    proportion,
    sample_size,
    wilson,
)
from custinfo.metrics.ledger import IssueCount, LedgerEntry, LedgerSummary, analyse_ledger
from custinfo.metrics.lifecycle import (
    RETENTION_YEARS,
    Marking,
    add_months,
    add_years,
    past_retention,
    retention_end,
    stale,
)
from custinfo.metrics.workdays import (
    Calendar,
    HolidayCalendar,
    WeekendCalendar,
    add_working_days,
    china,
    is_working_day,
    working_days_between,
)

__all__ = [
    "CRM_ENTRY",
    "DEADLINES",
    "ENTRY_24H",
    "FEEDBACK",
    "RECORD",
    "RETENTION_YEARS",
    "REWARD_MONTHS",
    "SEED_RATE",
    "UPDATE",
    "AccuracyReport",
    "AuditPlan",
    "AuditResult",
    "Calendar",
    "CollectorMonth",
    "CollectorStanding",
    "Deadline",
    "FieldAudit",
    "HolidayCalendar",
    "Interval",
    "IssueCount",
    "LedgerEntry",
    "LedgerSummary",
    "Marking",
    "OnTime",
    "ParetoRow",
    "Stratum",
    "Tally",
    "WeekendCalendar",
    "add_months",
    "add_working_days",
    "add_years",
    "analyse_ledger",
    "china",
    "clopper_pearson",
    "collector_performance",
    "compare",
    "is_working_day",
    "margin_of_error",
    "on_time",
    "past_retention",
    "plan_audit",
    "proportion",
    "retention_end",
    "sample_size",
    "stale",
    "wilson",
    "working_days_between",
]
