"""Stale records and the 5-year retention, relative to a given day."""

from __future__ import annotations

import datetime

import pytest

from custinfo import DefinitionError
from custinfo.metrics import add_months, add_years, past_retention, retention_end, stale

D = datetime.date


def test_month_and_year_arithmetic_follows_civil_code_article_202() -> None:
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2023, 1, 31), 1) == D(2023, 2, 28)
    assert add_months(D(2024, 3, 31), -1) == D(2024, 2, 29)
    assert add_months(D(2024, 11, 15), 3) == D(2025, 2, 15)
    assert add_years(D(2024, 2, 29), 5) == D(2029, 2, 28)
    assert add_years(D(2024, 2, 29), 4) == D(2028, 2, 29)


def test_retention_ends_on_the_corresponding_day_five_years_later() -> None:
    assert retention_end(D(2019, 3, 15)) == D(2024, 3, 15)


def test_past_retention_only_after_the_last_day() -> None:
    archives = {"A": "2019-03-15", "B": D(2019, 3, 16), "C": "2020-01-01", "D": None, "E": "?"}
    marking = past_retention(archives, today=D(2024, 3, 16))
    assert marking.marked == ("A",)
    assert marking.unknown == ("D", "E")
    assert marking.checked == 5 and len(marking) == 1
    assert past_retention(archives, today=D(2024, 3, 15)).marked == ()


def test_stale_after_more_than_the_threshold() -> None:
    contacts = [("c1", "2024-01-10"), ("c2", "2024-01-11"), ("c3", "2024-06-01"), ("c4", "")]
    marking = stale(contacts, today=D(2024, 7, 11))
    # Six months after 2024-01-10 is 2024-07-10: exceeded on the 11th; c2 reaches it exactly.
    assert marking.marked == ("c1",)
    assert marking.unknown == ("c4",)
    assert stale(contacts, today=D(2024, 7, 11), months=1).marked == ("c1", "c2", "c3")


def test_a_day_is_required_and_periods_cannot_be_negative() -> None:
    with pytest.raises(TypeError):
        stale({})  # type: ignore[call-arg]
    with pytest.raises(DefinitionError):
        stale({}, today="2024-01-01")  # type: ignore[arg-type]
    with pytest.raises(DefinitionError):
        past_retention({}, today=D(2024, 1, 1), years=-1)
