"""Cross-field rules: the engine, building blocks, policy tables and the seeds' rules.

- :mod:`~custinfo.rules.engine`: :class:`Rule`, :class:`RuleContext`, :func:`rule`.
- :mod:`~custinfo.rules.blocks`: :func:`when`, :func:`requires_if`,
  :func:`not_after`, :func:`consistent_with`, :func:`matches`.
- :mod:`~custinfo.rules.policies`: the replaceable policy tables.
- :mod:`~custinfo.rules.standard`: the rules of the standard forms.
- :mod:`~custinfo.rules.duplicates`: :func:`find_duplicates` across a batch.

>>> from custinfo import forms
>>> "rule.budget_vs_demand" in [r.code for r in forms.collection.rules]
True
"""

from __future__ import annotations

from custinfo.rules import policies, standard
from custinfo.rules.blocks import (
    TODAY,
    Condition,
    consistent_with,
    matches,
    not_after,
    requires_if,
    when,
)
from custinfo.rules.duplicates import MESSAGES as _DUPLICATE_MESSAGES
from custinfo.rules.duplicates import DuplicateGroup, Link, find_duplicates
from custinfo.rules.engine import MESSAGES as _ENGINE_MESSAGES
from custinfo.rules.engine import Outcome, Rule, RuleContext, rule

__all__ = [
    "MESSAGES",
    "TODAY",
    "Condition",
    "DuplicateGroup",
    "Link",
    "Outcome",
    "Rule",
    "RuleContext",
    "consistent_with",
    "find_duplicates",
    "matches",
    "not_after",
    "policies",
    "requires_if",
    "rule",
    "standard",
    "when",
]

MESSAGES = {**_ENGINE_MESSAGES, **standard.MESSAGES, **_DUPLICATE_MESSAGES}
"""Every ``rule.*`` and ``duplicate.*`` code the library emits, as ``(zh, en)``."""
