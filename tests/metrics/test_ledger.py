"""The exception ledger: open issues, time to fix, counts and recurring causes."""

from __future__ import annotations

import datetime
import json

import pytest

from custinfo import DefinitionError
from custinfo.metrics import LedgerEntry, analyse_ledger

D, DT = datetime.date, datetime.datetime

ENTRIES = [
    LedgerEntry("KH-1", "phone", "号码错位", "2024-05-06", "2024-05-07", "王芳"),  # 1 day
    LedgerEntry("KH-2", "customer_name", "名称简写", "2024-05-06", "2024-05-09", "李雷"),  # 3
    LedgerEntry("KH-3", "phone", "号码错位", "2024-06-03", "2024-06-08", "王芳"),  # 5
    LedgerEntry("KH-1", "phone", "号码错位", "2024-06-10", None, "王芳"),  # open, repeat field
    LedgerEntry("KH-4", "email", "邮箱格式", "2024-06-11", "2024-06-21", "赵敏"),  # 10
    LedgerEntry("KH-5", "address", "地址不全", "2024-06-12", "2024-06-12", None),  # 0
    LedgerEntry("KH-6", "address", "地址不全", "2024-06-15", "2024-06-14", "赵敏"),  # invalid
]


def test_summary_by_hand() -> None:
    s = analyse_ledger(ENTRIES)
    assert (s.entries, s.open, s.fixed, s.invalid) == (7, 1, 6, 1)
    # Valid times to fix, sorted: 0, 1, 3, 5, 10 days → median 3, nearest-rank p90 = 5th = 10.
    assert s.median_time_to_fix == datetime.timedelta(days=3)
    assert s.p90_time_to_fix == datetime.timedelta(days=10)


def test_counts_by_type_and_person_with_open_ones() -> None:
    s = analyse_ledger(ENTRIES)
    assert {k: (v.total, v.open) for k, v in s.by_type.items()} == {
        "号码错位": (3, 1),
        "地址不全": (2, 0),
        "名称简写": (1, 0),
        "邮箱格式": (1, 0),
    }
    assert next(iter(s.by_type)) == "号码错位"
    assert {k: v.total for k, v in s.by_person.items()} == {
        "王芳": 3,
        "赵敏": 2,
        "(unspecified)": 1,
        "李雷": 1,
    }
    assert s.by_month == {"2024-05": 2, "2024-06": 5}


def test_recurring_issue_types_span_months() -> None:
    s = analyse_ledger(ENTRIES)
    assert s.recurring == ("号码错位",)  # found in May and June
    assert analyse_ledger(ENTRIES, recurring_months=1).recurring == tuple(s.by_type)
    assert s.repeated_fields == 1  # KH-1 phone twice


def test_even_number_of_times_takes_the_mean_of_the_middle_two() -> None:
    s = analyse_ledger(ENTRIES[:3] + ENTRIES[4:5])  # 1, 3, 5, 10 days
    assert s.median_time_to_fix == datetime.timedelta(days=4)


def test_datetimes_give_times_to_fix_in_hours() -> None:
    entry = LedgerEntry("KH-9", "phone", "号码错位", DT(2024, 5, 6, 9), DT(2024, 5, 6, 15), "王芳")
    assert analyse_ledger([entry]).median_time_to_fix == datetime.timedelta(hours=6)
    mixed = LedgerEntry("KH-9", "phone", "号码错位", DT(2024, 5, 6, 9), D(2024, 5, 8), "王芳")
    assert mixed.time_to_fix == datetime.timedelta(days=2)


def test_rows_with_the_seeds_chinese_headers() -> None:
    row = {"记录编号": "KH-7", "字段": "phone", "问题类型": "号码错位", "发现时间": "2024年6月3日",
           "修正时间": "2024/6/5", "责任人": "王芳"}  # fmt: skip
    s = analyse_ledger([row])
    assert s.median_time_to_fix == datetime.timedelta(days=2)
    assert list(s.by_person) == ["王芳"]


def test_unreadable_dates_are_refused_not_guessed() -> None:
    with pytest.raises(DefinitionError):
        LedgerEntry("KH-8", "phone", "号码错位", "last week")
    with pytest.raises(DefinitionError):
        LedgerEntry("KH-8", "phone", "号码错位", "2024-05-06", "tomorrow")


def test_empty_ledger_and_json() -> None:
    empty = analyse_ledger([])
    assert empty.entries == 0 and empty.median_time_to_fix is None
    data = analyse_ledger(ENTRIES).to_dict()
    assert json.loads(json.dumps(data, ensure_ascii=False))["p90_days_to_fix"] == 10.0
