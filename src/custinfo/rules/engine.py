"""Cross-field rules: declared data with a predicate, run after the fields.

A rule names the fields it reads, its code, severity and messages. Its
``check`` receives a :class:`RuleContext` and returns ``True`` or ``None`` when
the record passes, ``False`` or a dict of (non-personal) message parameters
when it does not. A rule whose inputs already have errors is skipped; a rule
that raises becomes a ``rule.failed`` finding and the other rules still run.

>>> r = Rule("rule.demo", reads=("a", "b"), check=lambda c: c["a"] <= c["b"],
...          message=("a 不应大于 b", "a must not exceed b"))
>>> [str(f) for f in r.evaluate(RuleContext({"a": 2, "b": 1}))]
['warning: a: a must not exceed b [rule.demo]']
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

import attrs
from attrs import define

from custinfo import messages
from custinfo.findings import DefinitionError, Finding, Severity, slot_setters

__all__ = ["MESSAGES", "Outcome", "Rule", "RuleContext", "rule"]

MESSAGES = {
    "rule.failed": (
        "规则 {rule} 执行出错({error}),已跳过",
        "Rule {rule} raised {error} and was skipped",
    ),
}

Outcome = bool | None | Mapping[str, Any]
"""What a rule's check returns: pass (True/None) or fail (False or params)."""

_EMPTY: Mapping[str, Any] = MappingProxyType({})


@define(frozen=True, slots=True, init=False)
class RuleContext:
    """What a rule sees: cleaned values and validator info by key, and the day."""

    values: Mapping[str, Any]
    info: Mapping[str, Any] = _EMPTY
    today: datetime.date = datetime.date.min
    form: str = ""

    def __init__(
        self,
        values: Mapping[str, Any],
        info: Mapping[str, Any] = _EMPTY,
        today: datetime.date = datetime.date.min,
        form: str = "",
    ) -> None:  # built for every record: slots set directly (see findings.slot_setters)
        _ctx_values(self, values)
        _ctx_info(self, info)
        _ctx_today(self, today)
        _ctx_form(self, form)

    def __getitem__(self, key: str) -> Any:
        return self.values.get(key)

    def get(self, key: str, default: Any = None) -> Any:
        """The cleaned value of ``key`` (``default`` when absent or invalid)."""
        value = self.values.get(key)
        return default if value is None else value


_ctx_values, _ctx_info, _ctx_today, _ctx_form = slot_setters(RuleContext)


def _check_code(instance: Rule, attribute: Any, value: str) -> None:
    if not value or value != value.strip() or " " in value:
        raise DefinitionError(f"rule code must be a non-empty dotted name, not {value!r}")


def _reads(value: Any) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


@define(frozen=True, slots=True)
class Rule:
    """A cross-field rule. ``field`` is the key the finding is attached to
    (default: the first key read; ``None`` in ``reads`` means the whole record).
    """

    code: str = attrs.field(validator=_check_code)
    reads: tuple[str, ...] = attrs.field(converter=_reads)
    check: Callable[[RuleContext], Outcome] = attrs.field(repr=False)
    severity: Severity = attrs.field(default=Severity.WARNING, converter=Severity)
    message: messages.Message | None = None
    field: str | None = None
    description: str = ""
    needs_all: bool = True
    pure: bool = False
    """True when the outcome depends only on the cleaned values of ``reads`` and on
    ``today`` (not on info, other fields or anything else): a form then remembers
    outcomes of repeated values. The rule builders of :mod:`custinfo.rules.blocks`
    set it where it holds."""

    def __attrs_post_init__(self) -> None:
        if self.message is not None:
            messages.register({self.code: self.message})
        elif messages.lookup(self.code) is None:
            raise DefinitionError(f"rule {self.code!r} has no message")

    @property
    def target(self) -> str | None:
        """The field its findings are attached to."""
        return self.field if self.field is not None else (self.reads[0] if self.reads else None)

    def applies(self, ctx: RuleContext) -> bool:
        """False when an input is absent (rules judge values, ``required`` judges absence)."""
        values = ctx.values
        for key in self.reads:  # a plain loop: this runs for every rule of every record
            if (values.get(key) is None) is self.needs_all:
                return not self.needs_all
        return self.needs_all

    def evaluate(self, ctx: RuleContext) -> tuple[Finding, ...]:
        """Run the rule; never raises (a failing predicate becomes ``rule.failed``)."""
        if not self.applies(ctx):
            return ()
        try:
            outcome = self.check(ctx)
        except Exception as exc:  # a user's rule must not break validation
            return (self.failure(exc),)
        if outcome is None or outcome is True:
            return ()
        return (self.finding(outcome),)

    def finding(self, outcome: Outcome) -> Finding:
        """The finding of a failed check (``outcome`` neither None nor True)."""
        params = outcome if isinstance(outcome, Mapping) else _EMPTY
        return Finding(self.target, self.code, self.severity, params)

    def failure(self, exc: Exception) -> Finding:
        """The ``rule.failed`` finding of a check that raised ``exc``."""
        params = {"rule": self.code, "error": type(exc).__name__}
        return Finding(self.target, "rule.failed", Severity.WARNING, params)

    def to_dict(self) -> dict[str, Any]:
        """The rule's metadata (for tables and docs)."""
        zh, en = messages.lookup(self.code) or ("", "")
        return {
            "code": self.code,
            "reads": list(self.reads),
            "severity": self.severity.value,
            "field": self.target,
            "message_zh": zh,
            "message_en": en,
            "description": self.description,
        }


def rule(
    code: str,
    *,
    reads: tuple[str, ...] | str,
    message: messages.Message,
    severity: Severity | str = Severity.WARNING,
    field: str | None = None,
) -> Callable[[Callable[[RuleContext], Outcome]], Rule]:
    """Decorator: turn a predicate into a :class:`Rule`.

    >>> @rule("rule.positive", reads="amount", message=("金额须为正", "Amount must be positive"))
    ... def positive(ctx):
    ...     return ctx["amount"] > 0
    >>> positive.reads
    ('amount',)
    """

    def wrap(fn: Callable[[RuleContext], Outcome]) -> Rule:
        return Rule(
            code,
            reads,
            fn,
            Severity(severity),
            message,
            field,
            description=(fn.__doc__ or "").strip(),
        )

    return wrap
