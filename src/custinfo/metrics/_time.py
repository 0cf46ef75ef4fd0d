"""Reading days, moments and months from what records and ledgers hold.

Months are keys ``"YYYY-MM"`` and quarters ``"YYYYQn"``, so they sort as text
and survive JSON. Nothing here reads the clock.

>>> month_key("2024年5月"), month_key(datetime.date(2024, 5, 17)), quarter_of("2024-05")
('2024-05', '2024-05', '2024Q2')
"""

from __future__ import annotations

import datetime
import functools
import re

from custinfo import normalize
from custinfo.validators import dates

__all__ = ["as_day", "as_moment", "month_key", "months_between", "next_month", "quarter_of"]

_MONTH = re.compile(r"(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*月?")
_MAX = 64  # longer strings are not dates


def as_day(value: object) -> datetime.date | None:
    """The calendar day a value names (dates, datetimes, ISO or lenient strings), or None."""
    moment = as_moment(value)
    if isinstance(moment, datetime.datetime):
        return moment.date()
    return moment


def as_moment(value: object) -> datetime.date | datetime.datetime | None:
    """A datetime when the value carries a time of day, else a date, else None.

    >>> as_moment("2024-05-17 09:30"), as_moment("2024/5/17")
    (datetime.datetime(2024, 5, 17, 9, 30), datetime.date(2024, 5, 17))
    """
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str) or len(value) > _MAX:
        return None
    text = normalize.text(value)
    if len(text) > 10:
        try:
            return datetime.datetime.fromisoformat(text)
        except ValueError:
            pass
    return dates.parse(text)


def month_key(value: object) -> str | None:
    """``"YYYY-MM"`` for a day, a moment or a month written ``2024-05``/``2024年5月``."""
    if isinstance(value, str):
        return _month_of_text(value) if len(value) <= _MAX else None
    return _month_of(value)


@functools.lru_cache(maxsize=4096)
def _month_of_text(value: str) -> str | None:
    # Records repeat the same few hundred dates: parse each spelling once.
    return _month_of(value)


def _month_of(value: object) -> str | None:
    day = as_day(value)
    if day is not None:
        return f"{day.year:04d}-{day.month:02d}"
    if not isinstance(value, str) or len(value) > _MAX:
        return None
    m = _MONTH.fullmatch(normalize.text(value))
    if m is None or not 1 <= int(m[2]) <= 12:
        return None
    return f"{int(m[1]):04d}-{int(m[2]):02d}"


def quarter_of(month: str) -> str:
    """The quarter ``"YYYYQn"`` of a month key."""
    return f"{month[:4]}Q{(int(month[5:7]) - 1) // 3 + 1}"


def next_month(month: str, step: int = 1) -> str:
    """The month key ``step`` months after ``month`` (negative: before)."""
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 + step
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def months_between(first: str, last: str) -> list[str]:
    """Every month key from ``first`` to ``last`` inclusive (empty if reversed)."""
    found = []
    month = first
    while month <= last:
        found.append(month)
        month = next_month(month)
    return found
