"""The zh/en message catalog, keyed by finding code.

Messages are data: each validator module owns a ``MESSAGES`` dict for its own
codes (``ric.*`` lives in :mod:`custinfo.validators.ric`), the form model owns
the record-level codes, and user rules or plugins :func:`register` theirs.
Templates use ``{name}`` placeholders filled from a finding's ``params``; a
missing parameter renders as ``?`` rather than failing.

>>> render("required", "en")
'Required field is missing'
>>> render("no.such.code", "zh")
'no.such.code'
"""

from __future__ import annotations

import importlib
import string
from collections.abc import Mapping
from typing import Any

__all__ = ["LOCALES", "Message", "lookup", "register", "render"]

Message = tuple[str, str]
"""A message as ``(chinese, english)`` templates."""

LOCALES = ("zh", "en")

# Owners of code prefixes that are not validator names.
_OWNERS = {
    "rule": "custinfo.rules",
    "form": "custinfo.model",
    "required": "custinfo.model",
    "unknown_field": "custinfo.model",
    "duplicate": "custinfo.rules",
    "enterprise": "custinfo.forms.enterprise",
}
_registered: dict[str, Message] = {}


def register(catalog: Mapping[str, Message]) -> None:
    """Add messages for codes defined outside the library (user rules, plugins)."""
    for code, (zh, en) in catalog.items():
        if not isinstance(zh, str) or not isinstance(en, str):
            raise TypeError(f"message for {code!r} must be two strings")
        _registered[code] = (zh, en)


def lookup(code: str) -> Message | None:
    """The ``(zh, en)`` templates of ``code``, or None when no module defines it."""
    found = _registered.get(code)
    if found is not None:
        return found
    prefix = code.partition(".")[0]
    owner = _OWNERS.get(prefix)
    module: object = None
    if owner is not None:
        module = importlib.import_module(owner)
    elif prefix.isidentifier():
        from custinfo import validators

        module = validators.find(prefix)
    catalog: Mapping[str, Message] = getattr(module, "MESSAGES", {})
    return catalog.get(code)


class _Params(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "?"


def _show(value: Any, locale: str) -> str:
    if isinstance(value, list | tuple | set | frozenset):
        return ("、" if locale == "zh" else ", ").join(str(v) for v in value)
    return str(value)


_formatter = string.Formatter()


def render(code: str, locale: str = "zh", params: Mapping[str, Any] | None = None) -> str:
    """The text of ``code`` in ``locale`` with ``params`` filled in."""
    if locale not in LOCALES:
        raise ValueError(f"locale must be one of {LOCALES}, not {locale!r}")
    message = lookup(code)
    if message is None:
        return code
    template = message[0] if locale == "zh" else message[1]
    values = _Params({k: _show(v, locale) for k, v in (params or {}).items()})
    try:
        return _formatter.vformat(template, (), values)
    except (ValueError, IndexError, AttributeError, KeyError):
        return template
