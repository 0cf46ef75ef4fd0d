"""Known mail providers' domains and the near misses of them (domain typos).

The table is ``data/email_domains.csv``; a domain one edit away from a short
popular domain, or two from a long one, is taken for a typo of it:

>>> typo_of("qq.con"), typo_of("gmial.con"), typo_of("sina.net")
('qq.com', 'gmail.com', None)
>>> repair("qq,com"), repair("163com"), repair("example")
('qq.com', '163.com', None)
"""

from __future__ import annotations

import functools
import re

from attrs import define

from custinfo.data import read_table

__all__ = ["Provider", "provider", "repair", "typo_of"]


@define(frozen=True, slots=True)
class Provider:
    """A known mail provider's domain, from ``data/email_domains.csv``."""

    domain: str
    name_zh: str
    name_en: str
    suggest: bool
    retired: int | None


@functools.cache
def _providers() -> dict[str, Provider]:
    return {
        row[0]: Provider(row[0], row[1], row[2], row[3] == "1", int(row[4]) if row[4] else None)
        for row in read_table("email_domains.csv")
    }


def provider(domain: str) -> Provider | None:
    """The known mail provider of ``domain`` (case-insensitive), or None.

    >>> provider("QQ.com").name_en
    'QQ Mail (Tencent)'
    """
    return _providers().get(domain.lower())


def _distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (a transposition counts once), or
    ``limit + 1`` as soon as it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                best = min(best, previous2[j - 2] + 1)
            current[j] = best
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


_HOST_PREFIXES = frozenset({"www", "mail", "email", "smtp", "pop", "pop3", "imap", "m"})


@functools.lru_cache(maxsize=4096)
def typo_of(domain: str) -> str | None:
    """The popular domain ``domain`` probably meant, or None.

    A near miss is at most one edit away from a domain shorter than 9
    characters (``qq.con``, ``163.cm``) and two from a longer one
    (``gmial.con``); ties go to the more popular provider (table order).
    """
    table = _providers()
    if domain in table or not domain.isascii():
        return None
    head, _, rest = domain.partition(".")
    if head in _HOST_PREFIXES and rest in table:
        return rest  # mail.163.com: the web-mail host, not the mailbox domain
    best, best_distance = None, 3
    chars = set(domain)
    for candidate, p in table.items():
        if not p.suggest:
            continue
        limit = 1 if len(candidate) < 9 else 2
        # Each edit removes at most one character the candidate lacks: more such
        # distinct characters than the limit, and the distance must exceed it.
        if len(chars.difference(candidate)) > limit:
            continue
        distance = _distance(domain, candidate, limit)
        if distance <= limit and distance < best_distance:
            best, best_distance = candidate, distance
    return best


_NOT_A_DOT = re.compile(r"[\s,;:。，、]")
_DOTS = re.compile(r"\.{2,}")


def repair(domain: str) -> str | None:
    """A known domain a syntactically broken one stands for (``qq,com``, ``163com``,
    ``gmail``), or None."""
    table = _providers()
    fixed = _DOTS.sub(".", _NOT_A_DOT.sub(".", domain.lower())).strip(".")
    if fixed in table:
        return fixed
    for candidate, p in table.items():
        if p.suggest and (candidate.replace(".", "") == fixed or candidate == fixed + ".com"):
            return candidate
    return typo_of(fixed) if "." in fixed and fixed.isascii() else None
