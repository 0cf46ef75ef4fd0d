"""One masking convention per kind of personal data.

Findings, reports and exceptions only ever show these forms:

>>> identifier("110101199003074477")
'110101********4477'
>>> phone("13800138000")
'138****8000'
>>> email("zhang.san@example.com")
'z***@example.com'
>>> name("欧阳娜娜"), name("Zhang San")
('欧***', 'Z***')
>>> text("北京市朝阳区建国路88号")
'北京***'

Identifiers keep the first 6 and last 4 characters (region and check digit are
useful for debugging; the birth date and serial are hidden); phones keep the
first 3 and last 4; emails keep the first character of the local part and the
domain; names and free text keep the first one or two characters only.
"""

from __future__ import annotations

__all__ = ["email", "identifier", "name", "phone", "text"]


def identifier(value: str) -> str:
    """Keep the first 6 and last 4 characters (short values: first and last only)."""
    n = len(value)
    if n >= 14:
        return value[:6] + "*" * (n - 10) + value[-4:]
    if n >= 3:
        return value[0] + "*" * (n - 2) + value[-1]
    return "*" * n


def phone(value: str) -> str:
    """Keep the first 3 and last 4 digits of an 11-digit number; shorter: last 2."""
    n = len(value)
    if n >= 11:
        return value[:3] + "*" * (n - 7) + value[-4:]
    if n >= 5:
        return "*" * (n - 2) + value[-2:]
    return "*" * n


def email(value: str) -> str:
    """Keep the first character of the local part and the whole domain."""
    local, at, domain = value.rpartition("@")
    if not at or not local:
        return text(value)
    return local[0] + "***@" + domain


def name(value: str) -> str:
    """Keep the first character (the surname, usually) and hide the rest."""
    return value[:1] + "***" if value else ""


def text(value: str) -> str:
    """Keep the first two characters of free text (an address, a note)."""
    return value[:2] + "***" if value else ""
