"""Collector performance: monthly errors and the seed's 3-month error-free streak."""

from __future__ import annotations

import pytest

from custinfo import DefinitionError, Finding, Report
from custinfo.metrics import AccuracyReport, collector_performance


def add(acc: AccuracyReport, who: str | None, month: str | None, errors: int = 0) -> None:
    findings = tuple(Finding("phone", "required") for _ in range(errors))
    acc.add(Report("collection", findings), collector=who, period=month)


def history() -> AccuracyReport:
    acc = AccuracyReport()
    # 王芳: error in March, clean April–June → streak 3, rewarded.
    for month, errors in [("2024-03", 1), ("2024-04", 0), ("2024-05", 0), ("2024-06", 0)]:
        add(acc, "王芳", month, errors)
    add(acc, "王芳", "2024-06", 0)
    # 李雷: clean April and June, nothing in May → streak 1 (idle May breaks it).
    for month in ("2024-04", "2024-06"):
        add(acc, "李雷", month)
    # 赵敏: clean until an error in June → streak 0.
    for month, errors in [("2024-04", 0), ("2024-05", 0), ("2024-06", 2)]:
        add(acc, "赵敏", month, errors)
    add(acc, None, "2024-06")  # no collector: credited to nobody
    add(acc, "王芳", None, 1)  # no month: cannot break or make a streak
    return acc


def test_streaks_and_rewards_by_hand() -> None:
    standings = collector_performance(history())
    assert [(s.collector, s.streak, s.rewarded) for s in standings] == [
        ("王芳", 3, True),
        ("李雷", 1, False),
        ("赵敏", 0, False),
    ]
    assert all(s.through == "2024-06" for s in standings)


def test_errors_per_collector_per_month() -> None:
    (wang,) = [s for s in collector_performance(history()) if s.collector == "王芳"]
    assert [(m.month, m.records, m.with_errors, m.errors) for m in wang.months] == [
        ("2024-03", 1, 1, 1),
        ("2024-04", 1, 0, 0),
        ("2024-05", 1, 0, 0),
        ("2024-06", 2, 0, 0),
    ]
    (zhao,) = [s for s in collector_performance(history()) if s.collector == "赵敏"]
    assert zhao.errors == 2 and zhao.records == 3


def test_idle_months_can_be_skipped_instead_of_breaking_the_streak() -> None:
    standings = {s.collector: s.streak for s in collector_performance(history(), idle="skip")}
    assert standings["李雷"] == 2


def test_streak_through_an_earlier_month() -> None:
    standings = {s.collector: s.streak for s in collector_performance(history(), through="2024-05")}
    assert standings == {"王芳": 2, "赵敏": 2, "李雷": 0}


def test_a_collector_absent_in_the_latest_month_has_no_current_streak() -> None:
    acc = AccuracyReport()
    for month in ("2024-01", "2024-02", "2024-03"):
        add(acc, "钱伟", month)
    add(acc, "王芳", "2024-04")
    standings = {s.collector: s.streak for s in collector_performance(acc)}
    assert standings == {"王芳": 1, "钱伟": 0}
    assert {s.collector: s.streak for s in collector_performance(acc, through="2024-03")} == {
        "钱伟": 3
    }


def test_the_reward_threshold_can_change() -> None:
    (wang, *_) = collector_performance(history(), reward_months=4)
    assert wang.streak == 3 and not wang.rewarded


def test_bad_arguments() -> None:
    with pytest.raises(DefinitionError):
        collector_performance(history(), idle="pause")  # type: ignore[arg-type]
    with pytest.raises(DefinitionError):
        collector_performance(history(), through="someday")
    assert collector_performance(AccuracyReport()) == ()
