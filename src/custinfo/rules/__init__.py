"""Cross-field rules: the engine, building blocks, policy tables and the seeds' rules."""

from __future__ import annotations

from custinfo.rules.engine import MESSAGES as _ENGINE_MESSAGES
from custinfo.rules.engine import Outcome, Rule, RuleContext, rule

__all__ = ["MESSAGES", "Outcome", "Rule", "RuleContext", "rule"]

MESSAGES = {**_ENGINE_MESSAGES}
