"""Reading cleaned values the way rules need them, without ever raising.

Rules see what the validators left in ``report.cleaned``: ISO date strings,
``Decimal`` amounts, compact codes. Until a field has its validator (or when a
user's form uses plain text), they may also see loose strings; these helpers
read both and answer ``None`` for anything they cannot read.

>>> as_date("2024-01-05"), as_amount("5万元"), code_year("HT-2024-005")
(datetime.date(2024, 1, 5), Decimal('50000'), 2024)
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from custinfo import normalize
from custinfo.validators import dates

__all__ = ["as_amount", "as_date", "as_text", "attribute", "code_year", "full_years"]

_MAX = 64  # rules read short values; anything longer is not a date, amount or code

_UNITS = {"": Decimal(1), "万": Decimal(10_000), "亿": Decimal(100_000_000)}
_AMOUNT = re.compile(r"(?:人民币|RMB|CNY|¥|￥)?(\d+(?:\.\d+)?)(万|亿)?(?:元|圆)?(?:整)?", re.I)
_CODE = re.compile(r"[A-Za-z]{1,10}-?((?:19|20)\d{2})-?\d{1,10}")


def as_text(value: object) -> str | None:
    """A short value as normalized text (width folded, spaces collapsed), else None."""
    raw = normalize.as_text(value)
    if raw is None or len(raw) > normalize.MAX_LENGTH:
        return None
    return normalize.text(raw)


def as_date(value: object, info: object = None) -> datetime.date | None:
    """The date of a cleaned date field: the validator's info, else the ISO string."""
    if isinstance(info, datetime.date):
        return info.date() if isinstance(info, datetime.datetime) else info
    return dates.parse(value)  # bounds the length itself


def as_amount(value: object) -> Decimal | None:
    """An amount in yuan: a Decimal or int as is; ``50,000``, ``5万``, ``¥1.2万元`` read.

    Capital numerals (伍万元整) are the money validator's business; here they
    give ``None`` and the rule has no opinion.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    raw = normalize.as_text(value)
    if raw is None or len(raw) > _MAX:
        return None
    text = normalize.punctuation(raw).replace(",", "").replace(" ", "")
    m = _AMOUNT.fullmatch(text)
    if m is None:
        return None
    try:
        return Decimal(m[1]) * _UNITS[m[2] or ""]
    except InvalidOperation:  # pragma: no cover - the pattern only admits numbers
        return None


def code_year(value: object, info: object = None) -> int | None:
    """The year inside a contract or archive number (``HT-2024-005`` → 2024)."""
    year = getattr(info, "year", None)
    if isinstance(year, int) and not isinstance(year, bool):
        return year
    raw = normalize.as_text(value)
    if raw is None or len(raw) > _MAX:
        return None
    m = _CODE.fullmatch(normalize.punctuation(raw).replace(" ", ""))
    return int(m[1]) if m else None


def full_years(start: datetime.date, day: datetime.date) -> int:
    """Whole years from ``start`` to ``day`` (0 when ``day`` is earlier)."""
    years = day.year - start.year - ((day.month, day.day) < (start.month, start.day))
    return max(years, 0)


def attribute(info: object, name: str) -> Any:
    """``info.name`` (or ``info[name]``), or None: validators' info is read defensively."""
    if isinstance(info, dict):
        return info.get(name)
    return getattr(info, name, None)
