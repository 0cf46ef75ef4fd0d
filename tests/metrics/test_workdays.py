"""Working days in mainland China, against the State Council notices."""

from __future__ import annotations

import datetime
import importlib.util
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from custinfo import DataUnavailable, DefinitionError, data_sources
from custinfo.data import read_table
from custinfo.metrics import (
    HolidayCalendar,
    WeekendCalendar,
    add_working_days,
    china,
    is_working_day,
    working_days_between,
)

D = datetime.date
ROOT = Path(__file__).resolve().parents[2]
VECTORS = json.loads((ROOT / "tests" / "vectors" / "holidays_cn.json").read_text("utf-8"))


@pytest.mark.parametrize("case", VECTORS["cases"], ids=lambda c: c["date"])
def test_days_named_by_the_notices(case: dict[str, object]) -> None:
    assert is_working_day(D.fromisoformat(str(case["date"]))) is case["working"]


def test_from_friday_27_september_2024_across_national_day() -> None:
    start = D(2024, 9, 27)  # Friday; 28 Sat off, 29 Sun make-up, 1–7 Oct off, 12 Oct make-up
    expected = ["2024-09-29", "2024-09-30", "2024-10-08", "2024-10-09", "2024-10-10",
                "2024-10-11", "2024-10-12", "2024-10-14"]  # fmt: skip
    assert [add_working_days(start, n).isoformat() for n in range(1, 9)] == expected
    assert working_days_between(start, D(2024, 10, 8)) == 3
    assert working_days_between(start, D(2024, 10, 14)) == 8


def test_counting_backwards_across_national_day() -> None:
    assert add_working_days(D(2024, 10, 8), -1) == D(2024, 9, 30)
    assert add_working_days(D(2024, 10, 8), -2) == D(2024, 9, 29)
    assert working_days_between(D(2024, 10, 8), D(2024, 9, 27)) == -3


def test_the_2020_spring_festival_extension() -> None:
    assert add_working_days(D(2020, 1, 23), 1) == D(2020, 2, 3)


def test_a_holiday_announced_in_the_next_years_notice() -> None:
    # 2022-12-31 to 2023-01-02 comes from the 2023 notice.
    assert add_working_days(D(2022, 12, 30), 1) == D(2023, 1, 3)


def test_zero_working_days_is_the_day_itself_even_on_a_holiday() -> None:
    assert add_working_days(D(2024, 10, 3), 0) == D(2024, 10, 3)


def test_datetimes_are_read_as_their_day() -> None:
    assert add_working_days(datetime.datetime(2024, 9, 27, 17, 30), 1) == D(2024, 9, 29)


def test_working_days_in_2024_and_2025_by_hand() -> None:
    # 2024: 262 weekdays − 19 weekday holidays + 8 make-up days = 251.
    # 2025: 261 weekdays − 18 weekday holidays + 5 make-up days = 248.
    assert working_days_between(D(2023, 12, 31), D(2024, 12, 31)) == 251
    assert working_days_between(D(2024, 12, 31), D(2025, 12, 31)) == 248


@given(st.dates(D(2019, 1, 1), D(2026, 10, 31)), st.integers(-20, 20))
def test_working_days_between_inverts_add_working_days(day: D, n: int) -> None:
    try:
        target = add_working_days(day, n)
    except DataUnavailable:
        return  # ran off either end of the calendar
    assert working_days_between(day, target) == n
    assert n == 0 or is_working_day(target)


@pytest.mark.parametrize("day", [D(2018, 12, 31), D(2027, 1, 4), D(2026, 12, 28), D(1999, 5, 1)])
def test_days_outside_the_notices_raise_instead_of_guessing(day: D) -> None:
    with pytest.raises(DataUnavailable, match="outside the china calendar"):
        is_working_day(day)


def test_arithmetic_that_runs_past_the_calendar_raises() -> None:
    with pytest.raises(DataUnavailable):
        add_working_days(D(2026, 12, 22), 5)
    with pytest.raises(DataUnavailable):
        working_days_between(D(2026, 1, 5), D(2027, 1, 5))


def test_the_last_week_of_the_newest_year_waits_for_next_years_notice() -> None:
    calendar = china()
    assert calendar.last == D(2026, 12, 24)
    assert calendar.covers(D(2026, 12, 24)) and not calendar.covers(D(2026, 12, 25))


def test_holiday_names_come_from_the_notices() -> None:
    calendar = china()
    assert calendar.holiday(D(2024, 10, 3)) == "国庆节"
    assert calendar.holiday(D(2024, 9, 29)) == "国庆节"
    assert calendar.holiday(D(2024, 9, 30)) is None


def test_a_calendar_is_pluggable() -> None:
    assert add_working_days(D(2024, 9, 27), 3, WeekendCalendar()) == D(2024, 10, 2)
    custom = HolidayCalendar(
        "company", D(2024, 1, 1), D(2024, 12, 31), rest={D(2024, 9, 30): "company day"}
    )
    assert add_working_days(D(2024, 9, 27), 1, custom) == D(2024, 10, 1)
    assert is_working_day(D(2030, 6, 3), WeekendCalendar())


def test_a_calendar_with_a_missing_year_is_refused() -> None:
    rows = [(2020, D(2020, 1, 1), "rest", "元旦"), (2022, D(2022, 1, 3), "rest", "元旦")]
    with pytest.raises(DefinitionError, match="gaps"):
        HolidayCalendar.from_rows("broken", rows)


def test_a_day_cannot_be_both_rest_and_work() -> None:
    with pytest.raises(DefinitionError):
        HolidayCalendar("x", D(2024, 1, 1), D(2024, 12, 31), rest={D(2024, 1, 6): "a"},
                        work={D(2024, 1, 6): "a"})  # fmt: skip


def test_every_make_up_day_is_a_weekend_and_every_year_is_covered() -> None:
    rows = read_table("holidays_cn.csv")
    assert {int(r[0]) for r in rows} == set(range(2019, 2027))
    for _year, day, kind, _holiday, notice in rows:
        assert notice
        if kind == "work":
            assert D.fromisoformat(day).weekday() >= 5


def test_the_table_is_listed_with_its_source_and_date() -> None:
    (source,) = [s for s in data_sources() if s.name == "holidays_cn"]
    assert "国务院办公厅" in source.source
    assert source.as_of == "2025-11-04"


def test_the_bundled_table_is_rebuilt_exactly_from_the_notices() -> None:
    spec = importlib.util.spec_from_file_location("holidays_cn", ROOT / "update" / "holidays_cn.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    notices = (ROOT / "update" / "notices" / "holidays_cn.txt").read_text("utf-8")
    table = (ROOT / "src" / "custinfo" / "data" / "holidays_cn.csv").read_text("utf-8")
    assert module.render(module.parse(notices), "2025-11-04") == table


def test_the_notice_parser_checks_day_counts_and_weekends() -> None:
    spec = importlib.util.spec_from_file_location("holidays_cn", ROOT / "update" / "holidays_cn.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    header = "[2024] X | test | 2023-10-25\n"
    with pytest.raises(module.NoticeError, match="notice says 6"):
        module.parse(header + "国庆节:10月1日至7日放假调休,共6天。\n")
    with pytest.raises(module.NoticeError, match="not a weekend"):
        module.parse(header + "国庆节:10月1日至7日放假调休,共7天。9月30日(星期一)上班。\n")
