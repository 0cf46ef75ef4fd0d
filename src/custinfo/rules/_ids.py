"""Which kind of identifier a value is: USCC, resident ID, or something else.

The customer-type rule only needs the *kind*, not a full validation (that is
the validators' job), so these are the two checksums and a birth-date test:

- USCC, GB 32100-2015: 18 characters of ``0-9A-HJ-NP-RTUW-Y``, the last a
  check character over the other 17 (weights 3^i mod 31, MOD 31).
- Resident ID, GB 11643-1999: 17 digits and an ISO 7064 MOD 11-2 check character
  (``0-9`` or ``X``), digits 7-14 a birth date. The same layout serves the
  residence permits of Hong Kong, Macao and Taiwan residents (810000, 820000,
  830000) and the 2023 foreigner's permanent residence ID (first digit 9).

>>> kind("91350100M000100Y43"), kind("11010519491231002X"), kind("E12345678")
('uscc', 'ric', 'other')
"""

from __future__ import annotations

import datetime
from typing import Literal

from custinfo import normalize
from custinfo.validators import ric, uscc

__all__ = ["Kind", "compact", "is_ric", "is_uscc", "kind"]

Kind = Literal["uscc", "ric", "ambiguous", "other"]

_EARLIEST_BIRTH = 1900
_USCC_ALPHABET = frozenset(uscc.ALPHABET)


def compact(value: object) -> str | None:
    """Upper case without spaces and separators (None for non-text or long input)."""
    raw = normalize.as_text(value)
    if raw is None or len(raw) > 64:
        return None
    return normalize.compact(raw).upper()


def is_uscc(code: str) -> bool:
    """18 characters of the USCC alphabet with a correct MOD 31-3 check character."""
    if len(code) != 18 or not set(code) <= _USCC_ALPHABET:
        return False
    return code[17] == uscc.calc_check_char(code)


def is_ric(code: str, today: datetime.date | None = None) -> bool:
    """17 digits and a correct MOD 11-2 check character, around a plausible birth date."""
    if len(code) != 18 or not code[:17].isdigit() or not code[:17].isascii():
        return False
    if code[17] != ric.calc_check_digit(code):
        return False
    try:
        born = datetime.date(int(code[6:10]), int(code[10:12]), int(code[12:14]))
    except ValueError:
        return False
    return born.year >= _EARLIEST_BIRTH and (today is None or born <= today)


def kind(value: object, today: datetime.date | None = None) -> Kind:
    """``"uscc"``, ``"ric"``, ``"ambiguous"`` (both checks pass) or ``"other"``."""
    code = compact(value)
    if code is None:
        return "other"
    uscc, ric = is_uscc(code), is_ric(code, today)
    if uscc and ric:
        return "ambiguous"
    return "uscc" if uscc else "ric" if ric else "other"
