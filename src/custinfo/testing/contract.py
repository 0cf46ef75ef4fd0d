"""The validator and form contract as assertions, for any value.

A validator's ``check`` never raises and agrees with ``validate`` and
``is_valid``; every code it emits has a message in both locales; a valid value
survives ``format`` and ``compact`` with its meaning intact; a form's
``validate`` never raises and never touches its input. These functions hold one
value (or record) to all of that and raise :class:`ContractViolation` with a
precise description when something breaks. Our fuzz harness, hostile-input and
property tests use them; so can the author of a plugin validator:

>>> from custinfo import validators
>>> check_value(validators.get("dates"), "2024年1月5日").value
'2024-01-05'
>>> check_value("dates", object()).problems[0].code
'dates.type'
"""

from __future__ import annotations

import datetime
import json
import math
import struct
from collections.abc import Mapping
from decimal import Decimal
from types import ModuleType
from typing import Any

from custinfo import messages
from custinfo.findings import Check, InvalidValue, Problem, Report, Severity
from custinfo.model import Form

__all__ = [
    "ContractViolation",
    "check_record",
    "check_value",
    "error_class",
    "same",
    "snapshot",
]


class ContractViolation(AssertionError):
    """A validator or form broke its contract for one input."""


def _module(validator: str | ModuleType | Any) -> Any:
    if isinstance(validator, str):
        from custinfo import validators

        return validators.get(validator)
    return validator


def _name(module: Any) -> str:
    return str(getattr(module, "__name__", repr(module))).rpartition(".")[2]


def error_class(validator: str | ModuleType | Any) -> type[InvalidValue]:
    """The module's own :class:`~custinfo.InvalidValue` subclass (what ``validate`` raises).

    >>> error_class("dates").__name__
    'InvalidDate'
    """
    module = _module(validator)
    found = [
        obj
        for obj in vars(module).values()
        if isinstance(obj, type)
        and issubclass(obj, InvalidValue)
        and obj is not InvalidValue
        and obj.__module__ == module.__name__
    ]
    if len(found) != 1:
        raise ContractViolation(
            f"{module.__name__} defines {len(found)} InvalidValue subclasses; expected one"
        )
    return found[0]


def same(a: Any, b: Any) -> bool:
    """Structural equality that treats NaN as equal to NaN and checks types of
    containers (a tuple is not a list), for before/after comparisons."""
    if a is b:
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    if isinstance(a, Decimal):
        return a == b or (a.is_nan() and b.is_nan())
    if isinstance(a, Mapping):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    try:
        return bool(a == b)
    except Exception:  # a signalling NaN, or an object that refuses comparison
        return False


def _check_messages(code: str, params: Mapping[str, Any], where: str) -> None:
    if messages.lookup(code) is None:
        raise ContractViolation(f"{where}: code {code!r} has no message in the catalog")
    for locale in messages.LOCALES:
        text = messages.render(code, locale, params)
        if not text or text == code:
            raise ContractViolation(f"{where}: code {code!r} renders no {locale} message")


def _check_problems(result: object, name: str) -> Check:
    if not isinstance(result, Check):
        raise ContractViolation(f"{name}.check returned {type(result).__name__}, not Check")
    for p in result.problems:
        if not isinstance(p, Problem) or not isinstance(p.severity, Severity):
            raise ContractViolation(f"{name}.check returned a problem that is not a Problem")
        _check_messages(p.code, p.params, f"{name}.check")
    if result.ok and result.value is None:
        raise ContractViolation(f"{name}.check accepted a value but returned no value")
    return result


def _check_validate(module: Any, value: object, result: Check, options: Mapping[str, Any]) -> Any:
    name = _name(module)
    error = error_class(module)
    try:
        returned = module.validate(value, **options)
    except error as exc:
        first = next((p for p in result.problems if p.severity is Severity.ERROR), None)
        if first is None:
            raise ContractViolation(
                f"{name}.validate raised {exc.code!r}; check found no error"
            ) from None
        if exc.code != first.code or dict(exc.params) != dict(first.params):
            raise ContractViolation(
                f"{name}.validate raised {exc.code!r}; check's first error is {first.code!r}"
            ) from None
        return None
    if not result.ok:
        raise ContractViolation(f"{name}.validate returned a value; check found an error")
    if not same(returned, result.value):
        raise ContractViolation(f"{name}.validate and check return different values")
    return returned


def _check_valid_text(module: Any, value: str, normalized: Any, options: Mapping[str, Any]) -> None:
    """The properties of a valid text value: compact idempotent, format round trip, mask."""
    name = _name(module)
    once = module.compact(value)
    if module.compact(once) != once:
        raise ContractViolation(f"{name}.compact is not idempotent")
    formatted = module.format(value)
    if not isinstance(formatted, str):
        raise ContractViolation(f"{name}.format returned {type(formatted).__name__}")
    again = module.check(formatted, **options)
    if not again.ok or not same(again.value, normalized):
        raise ContractViolation(f"{name}: validate(format(x)) differs from validate(x)")
    mask = getattr(module, "mask", None)
    if mask is not None and once:  # an empty value has nothing to hide
        shown = mask(value)
        if not isinstance(shown, str) or shown in (value, normalized, once):
            raise ContractViolation(f"{name}.mask shows the value unmasked")


def check_value(validator: str | ModuleType | Any, value: object, **options: Any) -> Check:
    """Hold one validator to its contract on ``value``; return its :class:`Check`.

    Only :class:`ContractViolation` (or whatever the validator raised where it
    must not) comes out of this function.
    """
    module = _module(validator)
    name = _name(module)
    result = _check_problems(module.check(value, **options), name)
    valid = module.is_valid(value, **options)
    if valid is not result.ok:
        raise ContractViolation(f"{name}.is_valid says {valid}, check says {result.ok}")
    _check_validate(module, value, result, options)
    if result.ok and isinstance(value, str):
        _check_valid_text(module, value, result.value, options)
    return result


def snapshot(value: object, _depth: int = 0) -> object:
    """A comparable picture of ``value``: containers by content, NaN equal to NaN,
    other objects by identity (their insides are theirs)."""
    if _depth > 100:
        return ("deep", id(value))
    if isinstance(value, Mapping):
        items = [(snapshot(k, _depth + 1), snapshot(v, _depth + 1)) for k, v in value.items()]
        return (type(value), tuple(items))
    if isinstance(value, list | tuple | set | frozenset):
        members = value if isinstance(value, list | tuple) else sorted(value, key=id)
        return (type(value), tuple(snapshot(v, _depth + 1) for v in members))
    if isinstance(value, bytearray):
        return (bytearray, bytes(value))
    if isinstance(value, float):
        return (float, struct.pack("<d", value))
    if isinstance(value, Decimal):
        return (Decimal, value.as_tuple())
    if isinstance(value, str | bytes | int) or value is None:
        return (type(value), value)
    return (type(value), id(value))


def _check_report(report: object, form: Form) -> Report:
    if not isinstance(report, Report):
        raise ContractViolation(f"{form.name}.validate returned {type(report).__name__}")
    for finding in report.findings:
        _check_messages(finding.code, finding.params, f"form {form.name}")
    text = json.dumps(report.to_dict(), ensure_ascii=False)
    if not text or not repr(report) or any(not str(f) for f in report.findings):
        raise ContractViolation(f"form {form.name}: a report does not render")
    return report


def check_record(
    form: Form, record: object, *, today: datetime.date = datetime.date(2026, 1, 5)
) -> Report:
    """Hold a form to its contract on ``record``: ``validate`` returns a
    :class:`~custinfo.Report` whose findings all render, and leaves ``record``
    exactly as it was."""
    before = snapshot(record)
    report = _check_report(form.validate(record, today=today), form)
    if snapshot(record) != before:
        raise ContractViolation(f"form {form.name}.validate changed its input")
    return report
