"""One masking convention per kind of personal data.

Findings, reports and exceptions only ever show these forms:

>>> identifier("110101199003074477")
'110101********4477'
>>> phone("13800138000")
'138****8000'
>>> email("zhang.san@example.com"), email("zhang@qq.com 13800138000")
('z***@example.com', 'z***@***')
>>> name("欧阳娜娜"), name("Zhang San")
('欧***', 'Z***')
>>> text("北京市朝阳区建国路88号")
'北京***'

Identifiers keep the first 6 and last 4 characters (region and check digit are
useful for debugging; the birth date and serial are hidden); phones keep the
first 3 and last 4; emails keep the first character of the local part and the
domain (when it is a plain domain name without a long digit run); names and
free text keep the first one or two characters only.
"""

from __future__ import annotations

import re

__all__ = ["email", "identifier", "name", "phone", "text"]

_MAX_DOMAIN = 253
_LONG_DIGITS = re.compile(r"\d{6}")


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


def _plain_domain(domain: str) -> bool:
    # Only something that looks like a domain is shown: "qq.com 13800138000" typed
    # into an email field must not show the phone number, nor a long digit run
    # (an ID or a phone number where the domain should be).
    return (
        0 < len(domain) <= _MAX_DOMAIN
        and "." in domain
        and all(c.isalnum() or c in ".-" for c in domain)
        and _LONG_DIGITS.search(domain) is None
    )


def email(value: str) -> str:
    """Keep the first character of the local part and the domain (``***`` when the
    part after the ``@`` is not a plain domain name)."""
    local, at, domain = value.rpartition("@")
    if not at or not local:
        return text(value)
    return local[0] + "***@" + (domain if _plain_domain(domain) else "***")


def name(value: str) -> str:
    """Keep the first character (the surname, usually) and hide the rest."""
    return value[:1] + "***" if value else ""


def text(value: str) -> str:
    """Keep the first two characters of free text (an address, a note)."""
    return value[:2] + "***" if value else ""
