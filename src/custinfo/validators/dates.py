"""Calendar dates as ``YYYY-MM-DD``; lenient spellings normalized with a warning.

>>> validate("2010-05-18")
'2010-05-18'
>>> c = check("2024年1月5日")
>>> c.value, c.problems[0].code
('2024-01-05', 'dates.lenient')
>>> check("2030-01-01", today=datetime.date(2026, 11, 25), not_after_today=True).problems[0].code
'dates.future'
"""

from __future__ import annotations

import datetime
import random
import re

from custinfo import normalize
from custinfo.findings import Check, InvalidValue, Problem, Severity

__all__ = [
    "EARLIEST",
    "MESSAGES",
    "InvalidDate",
    "check",
    "compact",
    "format",
    "generate",
    "info",
    "is_valid",
    "mask",
    "parse",
    "validate",
]

EARLIEST = datetime.date(1900, 1, 1)
"""Dates before this are taken for typing errors."""

MESSAGES = {
    "dates.type": ("日期值类型不正确", "Date value has the wrong type"),
    "dates.format": ("日期格式应为 YYYY-MM-DD", "Date must be written YYYY-MM-DD"),
    "dates.invalid": ("日期不存在", "No such calendar date"),
    "dates.lenient": (
        "日期写法不规范,已规范为 {normalized}",
        "Date is not written YYYY-MM-DD; normalized to {normalized}",
    ),
    "dates.future": ("日期晚于当前日期 {today}", "Date is after the reference day {today}"),
    "dates.too_early": ("日期早于 {earliest}", "Date is before {earliest}"),
}


class InvalidDate(InvalidValue):
    """Not a calendar date, or outside the allowed bounds."""


_STRICT = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_LENIENT = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?")
_DIGITS8 = re.compile(r"(\d{4})(\d{2})(\d{2})")


def compact(value: str) -> str:
    """Width folded and spaces trimmed."""
    return normalize.text(value)


def _match(text: str) -> tuple[re.Match[str], bool] | None:
    for pattern, strict in ((_STRICT, True), (_LENIENT, False), (_DIGITS8, False)):
        m = pattern.fullmatch(text)
        if m:
            return m, strict
    return None


def parse(value: object) -> datetime.date | None:
    """The date a value names, or None; ``date`` and ``datetime`` objects pass through.

    >>> parse("2024.1.5"), parse("2024-02-30")
    (datetime.date(2024, 1, 5), None)
    """
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    raw = normalize.as_text(value)
    found = _match(compact(raw)) if raw is not None and len(raw) <= 64 else None
    if found is None:
        return None
    m = found[0]
    try:
        return datetime.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def check(
    value: object,
    *,
    today: datetime.date | None = None,
    not_after_today: bool = False,
    earliest: datetime.date = EARLIEST,
) -> Check:
    """Check a date; ``today`` is needed only with ``not_after_today``."""
    if isinstance(value, datetime.date):
        day, strict = parse(value), True
    else:
        raw = normalize.as_text(value)
        if raw is None:
            return Check(None, (Problem("dates.type"),))
        found = _match(compact(raw)) if len(raw) <= 64 else None
        if found is None:
            return Check(None, (Problem("dates.format"),))
        day, strict = parse(raw), found[1]
        if day is None:
            return Check(None, (Problem("dates.invalid"),))
    assert day is not None
    iso = day.isoformat()
    problems = [] if strict else [Problem("dates.lenient", Severity.WARNING, {"normalized": iso})]
    if day < earliest:
        problems.append(Problem("dates.too_early", params={"earliest": earliest.isoformat()}))
    if not_after_today and today is not None and day > today:
        problems.append(Problem("dates.future", params={"today": today.isoformat()}))
    return Check(iso, tuple(problems), info=day)


def validate(
    value: object, *, today: datetime.date | None = None, not_after_today: bool = False
) -> str:
    """The ISO date, or :class:`InvalidDate`."""
    result: str = check(value, today=today, not_after_today=not_after_today).unwrap(InvalidDate)
    return result


def is_valid(
    value: object, *, today: datetime.date | None = None, not_after_today: bool = False
) -> bool:
    """True when :func:`check` finds no error (lenient spellings are valid)."""
    return check(value, today=today, not_after_today=not_after_today).ok


def info(value: object) -> datetime.date:
    """The date itself, or :class:`InvalidDate`."""
    result = check(value)
    result.unwrap(InvalidDate)
    day: datetime.date = result.info
    return day


def format(value: str) -> str:
    """``YYYY-MM-DD``."""
    return validate(value)


def mask(value: str) -> str:
    """Keep the year only (a date may be a birthday)."""
    day = parse(value)
    return f"{day.year}-**-**" if day else "****-**-**"


def generate(
    rng: random.Random,
    *,
    start: datetime.date = datetime.date(2000, 1, 1),
    end: datetime.date = datetime.date(2025, 12, 31),
) -> str:
    """A date between ``start`` and ``end``."""
    return (start + datetime.timedelta(days=rng.randrange((end - start).days + 1))).isoformat()
