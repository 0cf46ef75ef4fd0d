"""Building blocks: the common shapes of cross-field rules, one line of data each.

>>> from custinfo.rules import policies
>>> r = when("customer_type", "企业").then_required("industry")
>>> r.code, r.reads, r.target
('rule.industry_required_if_customer_type', ('customer_type', 'industry'), 'industry')
>>> [f.code for f in r.evaluate(RuleContext({"customer_type": "企业"}))]
['rule.industry_required_if_customer_type']
>>> order = not_after("established_on", "cooperation_start")
>>> [f.message("en") for f in order.evaluate(RuleContext(
...     {"established_on": "2020-01-01", "cooperation_start": "2019-06-01"}))]
['established_on must not be later than cooperation_start']

Every block takes ``code``, ``message`` (``(zh, en)`` templates), ``severity``
and ``field`` (where the finding is attached); without them it derives a code
from the field keys and uses a generic message. Standard rules give all four.
A block never raises on odd values: a value it cannot read means "no opinion".
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Collection, Mapping
from typing import Any

from attrs import define

from custinfo import messages
from custinfo.findings import Severity
from custinfo.rules import _values
from custinfo.rules.engine import Outcome, Rule, RuleContext, rule
from custinfo.rules.policies import Policy, Table

__all__ = [
    "TODAY",
    "Condition",
    "consistent_with",
    "matches",
    "not_after",
    "requires_if",
    "rule",
    "when",
]

TODAY = "today"
"""Stands for the reference day in :func:`not_after` (``ctx.today``)."""

Values = str | Collection[str] | Callable[[Any], bool]


def _message(code: str, given: messages.Message | None, default: messages.Message) -> Any:
    """The message to register: the caller's, else none if the catalog has one, else ours."""
    if given is not None:
        return given
    return None if messages.lookup(code) is not None else default


def _test(values: Values) -> tuple[Callable[[Any], bool], tuple[str, ...]]:
    """A membership test and the labels to show (none for a predicate)."""
    if callable(values):
        return values, ()
    labels = (values,) if isinstance(values, str) else tuple(values)
    members = frozenset(labels)
    return (lambda v: isinstance(v, str) and v in members), labels


def _date(ctx: RuleContext, key: str) -> datetime.date | None:
    if key == TODAY:
        return None if ctx.today == datetime.date.min else ctx.today
    return _values.as_date(ctx.values.get(key), ctx.info.get(key))


@define(frozen=True, slots=True)
class Condition:
    """ "When ``field`` has one of ``values``": the first half of a conditional rule."""

    field: str
    test: Callable[[Any], bool]
    labels: tuple[str, ...] = ()

    def holds(self, ctx: RuleContext) -> bool:
        """True when the record's cleaned ``field`` passes the test."""
        value = ctx.values.get(self.field)
        return value is not None and bool(self.test(value))

    def _rule(
        self,
        other: str,
        *,
        verdict: Callable[[Any], Outcome],
        code: str,
        message: messages.Message | None,
        default: messages.Message,
        severity: Severity | str,
        description: str,
        needs_all: bool,
    ) -> Rule:
        def check(ctx: RuleContext) -> Outcome:
            if not self.holds(ctx):
                return True
            outcome = verdict(ctx.values.get(other))
            if outcome is True or outcome is None:
                return True
            return {"when": self.field, "values": self.labels, "field": other}

        return Rule(
            code,
            (self.field, other),
            check,
            Severity(severity),
            _message(code, message, default),
            field=other,
            description=description,
            needs_all=needs_all,
        )

    def then_required(
        self,
        other: str,
        *,
        code: str | None = None,
        message: messages.Message | None = None,
        severity: Severity | str = Severity.ERROR,
        description: str = "",
    ) -> Rule:
        """``other`` must have a value when the condition holds."""
        return self._rule(
            other,
            verdict=lambda value: value is not None,
            code=code or f"rule.{other}_required_if_{self.field}",
            message=message,
            default=(
                "当{when}为“{values}”时,{field}必填",
                "{field} is required when {when} is {values}",
            ),
            severity=severity,
            description=description or f"{other} is required when {self.field} is so.",
            needs_all=False,
        )

    def then_one_of(
        self,
        other: str,
        values: Values,
        *,
        code: str | None = None,
        message: messages.Message | None = None,
        severity: Severity | str = Severity.WARNING,
        description: str = "",
    ) -> Rule:
        """``other`` (when given) must be one of ``values`` when the condition holds."""
        test, labels = _test(values)
        return self._rule(
            other,
            verdict=lambda value: bool(test(value)),
            code=code or f"rule.{other}_one_of_if_{self.field}",
            message=message,
            default=(
                "当{when}为“{values}”时,{field}的取值不符合要求",
                "{field} has a value not allowed when {when} is {values}",
            ),
            severity=severity,
            description=description or f"{other} must be one of {labels} when {self.field} is so.",
            needs_all=True,
        )

    def then_matches(
        self,
        other: str,
        pattern: str | re.Pattern[str],
        *,
        code: str | None = None,
        message: messages.Message | None = None,
        severity: Severity | str = Severity.WARNING,
        description: str = "",
    ) -> Rule:
        """``other`` (when given) must match ``pattern`` when the condition holds."""
        compiled = re.compile(pattern)
        return self._rule(
            other,
            verdict=lambda value: _fullmatch(compiled, value),
            code=code or f"rule.{other}_pattern_if_{self.field}",
            message=message,
            default=(
                "当{when}为“{values}”时,{field}的格式不符合要求",
                "{field} does not have the required form when {when} is {values}",
            ),
            severity=severity,
            description=description
            or f"{other} must match {compiled.pattern} when {self.field} is so.",
            needs_all=True,
        )


def when(field: str, values: Values) -> Condition:
    """Start a conditional rule: ``when("customer_type", "企业").then_required("uscc")``.

    ``values`` is a label, several labels, or a predicate over the cleaned value.
    """
    test, labels = _test(values)
    return Condition(field, test, labels)


def requires_if(other: str, field: str, values: Values, **options: Any) -> Rule:
    """``other`` is required when ``field`` has one of ``values`` (see :func:`when`)."""
    return when(field, values).then_required(other, **options)


def not_after(
    a: str,
    b: str,
    *,
    code: str | None = None,
    message: messages.Message | None = None,
    severity: Severity | str = Severity.WARNING,
    field: str | None = None,
    unless_known: Collection[str] = (),
    description: str = "",
) -> Rule:
    """Date ``a`` must not be later than date ``b`` (``b`` may be :data:`TODAY`).

    The finding goes to ``b`` (the later field, usually the one entered last),
    or to ``a`` when ``b`` is the reference day. ``unless_known`` names fields
    through which the order is checked instead: ``not_after("established_on",
    "last_follow_up_on", unless_known=["cooperation_start"])`` only runs when
    there is no usable cooperation start, so one wrong date gives one finding.
    Dates are read from the validators' info or from the ISO string; an
    unreadable date, or no reference day, means no opinion.
    """
    later_is_today = b == TODAY
    skip_when = tuple(unless_known)

    def check(ctx: RuleContext) -> Outcome:
        if skip_when and any(ctx.values.get(k) is not None for k in skip_when):
            return True
        first, second = _date(ctx, a), _date(ctx, b)
        if first is None or second is None:
            return True
        return first <= second or {"a": a, "b": b}

    derived = f"rule.{a}_not_after_{b}"
    return Rule(
        code or derived,
        (a,) if later_is_today else (a, b),
        check,
        Severity(severity),
        _message(
            code or derived,
            message,
            ("{a} 不应晚于 {b}", "{a} must not be later than {b}"),
        ),
        field=field or (a if later_is_today else b),
        description=description or f"{a} is not after {b}.",
        pure=not skip_when,  # a date's info is the date its value spells
    )


def consistent_with(
    a: str,
    b: str,
    table: Policy | Mapping[str, Collection[str]],
    *,
    code: str | None = None,
    message: messages.Message | None = None,
    severity: Severity | str = Severity.WARNING,
    field: str | None = None,
    description: str = "",
) -> Rule:
    """The value of ``b`` must fit the value of ``a`` by a policy table.

    ``table`` is a :mod:`~custinfo.rules.policies` object (``Table``, ``Bands``
    or anything with ``judge(key, value)``) or a plain mapping ``{a value:
    allowed b values}``. The finding goes to ``b`` and carries the policy's
    params (``key``, ``allowed`` or ``band_zh``/``band_en``).
    """
    policy: Policy = Table(table) if isinstance(table, Mapping) else table

    def check(ctx: RuleContext) -> Outcome:
        return policy.judge(ctx.values.get(a), ctx.values.get(b)) or True

    derived = f"rule.{a}_vs_{b}"
    return Rule(
        code or derived,
        (a, b),
        check,
        Severity(severity),
        _message(
            code or derived,
            message,
            ("{b} 与 {a}“{key}”不匹配", "{b} does not fit {a} '{key}'"),
        ),
        field=field or b,
        description=description or getattr(policy, "description", "") or f"{b} fits {a}.",
        pure=True,  # a policy judges the two values alone
    )


def _fullmatch(pattern: re.Pattern[str], value: object) -> bool:
    text = _values.as_text(value)
    return text is None or pattern.fullmatch(text) is not None


def matches(
    field: str,
    pattern: str | re.Pattern[str],
    *,
    code: str | None = None,
    message: messages.Message | None = None,
    severity: Severity | str = Severity.WARNING,
    description: str = "",
) -> Rule:
    """The cleaned value of ``field`` must match ``pattern`` as a whole.

    >>> r = matches("contract_no", r"HT-\\d{4}-\\d{3}")
    >>> [f.code for f in r.evaluate(RuleContext({"contract_no": "HT-24-5"}))]
    ['rule.contract_no_pattern']
    """
    compiled = re.compile(pattern)

    def check(ctx: RuleContext) -> Outcome:
        return _fullmatch(compiled, ctx.values.get(field)) or {"field": field}

    derived = f"rule.{field}_pattern"
    return Rule(
        code or derived,
        (field,),
        check,
        Severity(severity),
        _message(
            code or derived,
            message,
            ("{field} 的格式不符合要求", "{field} does not have the required form"),
        ),
        description=description or f"{field} matches {compiled.pattern}.",
    )
