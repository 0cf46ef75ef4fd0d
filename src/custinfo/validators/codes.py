"""Document numbers ``PREFIX-YYYY-NNN``: contract numbers (``HT``) and archive numbers (``KH``).

The seeds write 合同编号 ``HT-2024-005`` and 档案编号 ``KH-2024-001``: a prefix, the
year, and a zero-padded sequence. Lower case, full-width characters, spaces,
underscores, dashes of any kind and missing zero padding are normalized with a
warning, since none of them can change which document is meant:

>>> validate("HT-2024-005")
'HT-2024-005'
>>> c = check("ht—2024—5")
>>> c.value, c.problems[0].code
('HT-2024-005', 'codes.lenient')
>>> check("KH-2024-001").problems[0].code
'codes.prefix'
>>> validate("KH-2024-001", prefix="KH")
'KH-2024-001'
>>> info("HT-2024-005").sequence
5
"""

from __future__ import annotations

import datetime
import random
import re
from collections.abc import Sequence
from typing import Any

from attrs import define

from custinfo import normalize
from custinfo.findings import Check, InvalidValue, Problem, Severity

__all__ = [
    "EARLIEST_YEAR",
    "MESSAGES",
    "CodeInfo",
    "InvalidCode",
    "check",
    "compact",
    "format",
    "generate",
    "info",
    "is_valid",
    "mask",
    "validate",
]

EARLIEST_YEAR = 1949
"""Years before this are taken for typing errors."""

MESSAGES = {
    "codes.type": ("编号值类型不正确", "Code value has the wrong type"),
    "codes.format": ("编号格式应为 {pattern}", "Code must be written {pattern}"),
    "codes.prefix": ("编号前缀应为 {expected}", "Code prefix must be {expected}"),
    "codes.year": (
        "编号中的年份应在 {earliest} 至 {latest} 之间",
        "The year in the code must be between {earliest} and {latest}",
    ),
    "codes.sequence": (
        "编号序号应为 1 至 {largest}",
        "The sequence number must be between 1 and {largest}",
    ),
    "codes.lenient": (
        "编号写法不规范,已规范为 {normalized}",
        "Code is not written PREFIX-YYYY-NNN; normalized to {normalized}",
    ),
}

_MAX_LENGTH = 64
# A prefix of letters, a four-digit year, a sequence; any separators (or none) between.
_LENIENT = re.compile(r"([A-Za-z]{1,6})[\s\-_/.·]*(\d{4})([\s\-_/.·]*)(\d{1,9})")


class InvalidCode(InvalidValue):
    """Not a ``PREFIX-YYYY-NNN`` code, or a wrong prefix, year or sequence."""


@define(frozen=True, slots=True)
class CodeInfo:
    """The parts of a document number."""

    prefix: str
    year: int
    sequence: int


Prefix = str | Sequence[str] | None


def _prefixes(prefix: Prefix) -> tuple[str, ...]:
    if prefix is None:
        return ()
    return (prefix.upper(),) if isinstance(prefix, str) else tuple(p.upper() for p in prefix)


def compact(value: str) -> str:
    """Width folded, dashes unified (``—`` ``－`` → ``-``), spaces trimmed, upper case."""
    return normalize.punctuation(value).upper()


def _pattern(prefixes: tuple[str, ...], width: int) -> str:
    return f"{'/'.join(prefixes) or 'XX'}-YYYY-{'N' * width}"


def check(
    value: object,
    *,
    prefix: Prefix = "HT",
    width: int = 3,
    earliest_year: int = EARLIEST_YEAR,
    latest_year: int | None = None,
    today: datetime.date | None = None,
) -> Check:
    """Check a code; ``prefix=None`` allows any prefix of 1–6 letters.

    The latest year is ``latest_year``, else the year after ``today`` (a contract
    may be numbered for next year), else unbounded.
    """
    allowed = _prefixes(prefix)
    raw = normalize.as_text(value)
    if raw is None:
        return Check(None, (Problem("codes.type"),))
    found = _LENIENT.fullmatch(compact(raw)) if len(raw) <= _MAX_LENGTH else None
    # Without a separator after the year, a short sequence is a guess (HT-20245): refuse it.
    if found is None or (not found[3] and len(found[4]) < width):
        return Check(None, (Problem("codes.format", params={"pattern": _pattern(allowed, width)}),))
    parsed = CodeInfo(found[1].upper(), int(found[2]), int(found[4]))
    normalized = f"{parsed.prefix}-{parsed.year:04d}-{parsed.sequence:0{width}d}"
    if latest_year is None and today is not None:
        latest_year = today.year + 1
    problems = list(_problems(parsed, allowed, width, earliest_year, latest_year))
    if raw.strip() != normalized and not any(p.severity is Severity.ERROR for p in problems):
        params = {"normalized": normalized}
        problems.insert(0, Problem("codes.lenient", Severity.WARNING, params))
    return Check(normalized, tuple(problems), info=parsed)


def _problems(
    parsed: CodeInfo,
    allowed: tuple[str, ...],
    width: int,
    earliest: int,
    latest: int | None,
) -> list[Problem]:
    problems = []
    if allowed and parsed.prefix not in allowed:
        problems.append(Problem("codes.prefix", params={"expected": allowed}))
    if parsed.year < earliest or (latest is not None and parsed.year > latest):
        shown = latest if latest is not None else "…"
        problems.append(Problem("codes.year", params={"earliest": earliest, "latest": shown}))
    if not 1 <= parsed.sequence < 10**width:
        problems.append(Problem("codes.sequence", params={"largest": 10**width - 1}))
    return problems


def validate(value: object, **options: Any) -> str:
    """The normalized code, or :class:`InvalidCode` (options as for :func:`check`)."""
    result: str = check(value, **options).unwrap(InvalidCode)
    return result


def is_valid(value: object, **options: Any) -> bool:
    """True when :func:`check` finds no error (lenient spellings are valid)."""
    return check(value, **options).ok


def info(value: object, **options: Any) -> CodeInfo:
    """Prefix, year and sequence of a code, or :class:`InvalidCode`."""
    result = check(value, **options)
    result.unwrap(InvalidCode)
    parts: CodeInfo = result.info
    return parts


def format(value: str, **options: Any) -> str:
    """``PREFIX-YYYY-NNN``."""
    return validate(value, **options)


def mask(value: str) -> str:
    """Prefix and year kept, sequence hidden: ``HT-2024-***``."""
    found = _LENIENT.fullmatch(compact(value)) if len(value) <= _MAX_LENGTH else None
    if found is None:
        return "***"
    return f"{found[1].upper()}-{found[2]}-{'*' * max(len(found[4]), 3)}"


def generate(
    rng: random.Random,
    *,
    prefix: str = "HT",
    width: int = 3,
    years: tuple[int, int] = (2015, 2025),
) -> str:
    """A code with a year in ``years`` (inclusive) and a sequence that fits ``width``."""
    year = rng.randint(*years)
    return f"{prefix}-{year}-{rng.randint(1, 10**width - 1):0{width}d}"
