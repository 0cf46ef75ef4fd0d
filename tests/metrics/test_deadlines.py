"""On-time rates for the seeds' deadlines."""

from __future__ import annotations

import datetime

import pytest

from custinfo import DefinitionError
from custinfo.metrics import (
    CRM_ENTRY,
    DEADLINES,
    ENTRY_24H,
    FEEDBACK,
    UPDATE,
    Deadline,
    WeekendCalendar,
    on_time,
)

D, DT = datetime.date, datetime.datetime


def test_the_seeds_four_deadlines() -> None:
    assert (ENTRY_24H.hours, CRM_ENTRY.working_days, UPDATE.working_days) == (24, 1, 3)
    assert FEEDBACK.working_days == 3
    assert set(DEADLINES) == {"entry_24h", "crm_entry", "update", "feedback"}


def test_entry_within_24_hours_is_measured_to_the_minute() -> None:
    start = DT(2024, 9, 30, 16, 0)
    assert ENTRY_24H.met(start, DT(2024, 10, 1, 16, 0)) is True  # exactly 24 hours
    assert ENTRY_24H.met(start, DT(2024, 10, 1, 16, 1)) is False
    # Hours are hours: a public holiday does not stop the clock.
    assert ENTRY_24H.due(start) == DT(2024, 10, 1, 16, 0)


def test_entry_deadline_with_dates_only_decides_only_the_same_day() -> None:
    assert ENTRY_24H.met(D(2024, 5, 6), D(2024, 5, 6)) is True
    assert ENTRY_24H.met(D(2024, 5, 6), D(2024, 5, 7)) is None


def test_crm_entry_within_one_working_day_across_national_day() -> None:
    approved = D(2024, 9, 27)  # Friday; Sunday 29th is a make-up working day
    assert CRM_ENTRY.due(approved) == D(2024, 9, 29)
    assert CRM_ENTRY.met(approved, DT(2024, 9, 29, 18, 0)) is True
    assert CRM_ENTRY.met(approved, D(2024, 9, 30)) is False


def test_approval_on_a_holiday_is_due_the_next_working_day() -> None:
    assert CRM_ENTRY.due(D(2024, 10, 3)) == D(2024, 10, 8)


def test_feedback_within_three_working_days_across_spring_festival_2025() -> None:
    # Fixed Friday 24 January; 25 Sat, 26 Sun make-up (1), 27 Mon (2), 28 Jan–4 Feb off, 5 Feb (3).
    assert FEEDBACK.due(D(2025, 1, 24)) == D(2025, 2, 5)
    assert UPDATE.due(D(2025, 1, 24)) == D(2025, 2, 5)


def test_on_time_rate_by_hand() -> None:
    tasks = [
        ("2024-09-27", "2024-09-29"),  # on time (make-up Sunday)
        ("2024-09-27", "2024-09-30"),  # late
        ("2024-09-30", "2024-10-08"),  # on time (holiday in between)
        ("2024-09-30", None),  # not done: due 10-08, today 10-09 → overdue
        ("2024-10-09", None),  # not done: due 10-10 → open
        ("2024-10-09", "2024-10-01"),  # done before it started
        (None, "2024-10-01"),  # no start
        ("2026-12-30", "2026-12-31"),  # outside the calendar
    ]
    result = on_time(tasks, CRM_ENTRY, today=D(2024, 10, 9))
    assert (result.on_time, result.late, result.overdue, result.open) == (2, 1, 1, 1)
    assert result.undecided == {"end_before_start": 1, "no_start": 1, "outside_calendar": 1}
    assert result.rate == 0.5
    assert result.total == 8
    assert result.interval().n == 4


def test_without_today_unfinished_tasks_stay_open() -> None:
    result = on_time([("2020-01-02", None)], "update")
    assert (result.open, result.overdue, result.rate) == (1, 0, None)


def test_entry_24h_rates_with_mixed_values() -> None:
    result = on_time(
        [
            (DT(2024, 5, 6, 9), DT(2024, 5, 7, 8, 59)),
            ("2024-05-06 09:00", "2024-05-07 09:01"),
            ("2024-05-06", "2024-05-07"),
            (DT(2024, 5, 6, 9, tzinfo=datetime.UTC), DT(2024, 5, 6, 10)),
        ],
        ENTRY_24H,
    )
    assert (result.on_time, result.late) == (1, 1)
    assert result.undecided == {"no_time_of_day": 1, "mixed_time_zones": 1}


def test_a_custom_calendar_and_deadline() -> None:
    five_days = Deadline("review", working_days=5)
    assert five_days.due(D(2024, 9, 27), WeekendCalendar()) == D(2024, 10, 4)
    result = on_time([("2024-09-27", "2024-10-04")], five_days, calendar=WeekendCalendar())
    assert result.on_time == 1


def test_a_deadline_needs_exactly_one_unit() -> None:
    with pytest.raises(DefinitionError):
        Deadline("both", hours=1, working_days=1)
    with pytest.raises(DefinitionError):
        Deadline("neither")
    with pytest.raises(DefinitionError):
        on_time([], "no_such_deadline")


def test_on_time_to_dict() -> None:
    data = on_time([("2024-09-27", "2024-09-29")], CRM_ENTRY).to_dict()
    assert data["rate"] == 1.0 and data["deadline"] == "crm_entry"
