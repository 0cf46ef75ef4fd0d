"""Forms: immutable declarations of fields and rules that validate whole records.

>>> from custinfo.model import Field, Form
>>> visit = Form("visit", "拜访登记", "1.0", fields=[
...     Field("customer_name", "客户名称", required=True),
...     Field("visited_on", "拜访日期", kind="dates", required=True),
... ])
>>> report = visit.validate({"客户名称": "某某科技有限公司"}, today=datetime.date(2026, 1, 1))
>>> report.ok, [(f.field, f.code) for f in report.findings]
(False, [('visited_on', 'required')])
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any

import attrs
from attrs import define, field

from custinfo.findings import DefinitionError, Finding, Report, Severity
from custinfo.model.field import Field
from custinfo.model.plan import Plan, compile_plan, key_form, name_text, shown_name
from custinfo.rules.engine import Rule

__all__ = ["Form"]

_MAX_UNKNOWN = 20  # unknown keys reported one by one; the rest are counted


def _fields(value: Iterable[Field]) -> tuple[Field, ...]:
    fields = tuple(value)
    seen: dict[str, str] = {}
    for f in fields:
        if not isinstance(f, Field):
            raise DefinitionError(f"form fields must be Field objects, not {type(f).__name__}")
        for name in f.names:
            other = seen.setdefault(key_form(name), f.key)
            if other != f.key:
                raise DefinitionError(f"name {name!r} of field {f.key!r} is taken by {other!r}")
    return fields


def _rules(value: Iterable[Rule]) -> tuple[Rule, ...]:
    rules = tuple(value)
    for r in rules:
        if not isinstance(r, Rule):
            raise DefinitionError(f"form rules must be Rule objects, not {type(r).__name__}")
    return rules


def _mapping(value: Mapping[str, str] | None) -> Mapping[str, str]:
    return MappingProxyType(dict(value or {}))


def _blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, float) and math.isnan(value)


def _differ(a: object, b: object) -> bool:
    try:
        return bool(a != b)
    except Exception:  # values that refuse comparison (a signalling NaN, an array)
        return True


@define(frozen=True, slots=True)
class Form:
    """A standard or user form. Build variants with :meth:`evolve`."""

    name: str
    title: str
    version: str
    fields: tuple[Field, ...] = field(converter=_fields)
    rules: tuple[Rule, ...] = field(default=(), converter=_rules)
    title_en: str = ""
    description: str = ""
    crm: Mapping[str, str] = field(default=None, converter=_mapping)
    _plan: Plan | None = field(default=None, init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        keys = {f.key for f in self.fields}
        for r in self.rules:
            unknown = [k for k in r.reads if k not in keys]
            if unknown:
                raise DefinitionError(f"rule {r.code!r} reads unknown fields {unknown}")
        for f in self.fields:
            missing = [k for k in f.context if k not in keys]
            if missing:
                raise DefinitionError(f"field {f.key!r} reads unknown fields {missing}")

    # -- declaration ---------------------------------------------------------

    @property
    def keys(self) -> tuple[str, ...]:
        """The field keys, in order."""
        return tuple(f.key for f in self.fields)

    @property
    def required(self) -> tuple[str, ...]:
        """The keys of the required fields."""
        return tuple(f.key for f in self.fields if f.required)

    def field(self, name: str) -> Field:
        """The field answering to ``name`` (key, Chinese label or alias)."""
        key = self.plan.resolve(name)
        if key is None:
            raise KeyError(name)
        return self.plan.fields[key]

    def field_table(self) -> list[dict[str, Any]]:
        """One JSON-ready row per field: key, labels, kind, required, help, choices."""
        return [f.to_dict() for f in self.fields]

    def to_dict(self) -> dict[str, Any]:
        """The whole declaration as JSON-ready data (fields and rules)."""
        return {
            "name": self.name,
            "title": self.title,
            "title_en": self.title_en,
            "version": self.version,
            "description": self.description,
            "fields": self.field_table(),
            "rules": [r.to_dict() for r in self.rules],
            "crm": dict(self.crm),
        }

    def json_schema(self, locale: str = "zh") -> dict[str, Any]:
        """The form as a JSON Schema (draft 2020-12), titles and descriptions in
        ``locale``: see :func:`custinfo.schema.json_schema`."""
        from custinfo.schema import json_schema

        return json_schema(self, locale)

    def evolve(
        self,
        *,
        fields: Mapping[str, Mapping[str, Any]] | None = None,
        add_fields: Sequence[Field] = (),
        remove_fields: Sequence[str] = (),
        add_rules: Sequence[Rule] = (),
        remove_rules: Sequence[str] = (),
        **changes: Any,
    ) -> Form:
        """A new form: fields changed (``{"email": {"required": True}}``), added or
        removed, rules added or removed (by code), other attributes replaced.
        Rules that read a removed field are removed with it.
        """
        fields = fields or {}
        unknown = set(fields) - set(self.keys) | set(remove_fields) - set(self.keys)
        if unknown:
            raise DefinitionError(f"no such fields: {sorted(unknown)}")
        kept = [
            attrs.evolve(f, **fields.get(f.key, {}))
            for f in self.fields
            if f.key not in remove_fields
        ]
        rules = [
            r
            for r in self.rules
            if r.code not in remove_rules and not set(r.reads) & set(remove_fields)
        ]
        return attrs.evolve(
            self, fields=[*kept, *add_fields], rules=[*rules, *add_rules], **changes
        )

    # -- CRM mapping ---------------------------------------------------------

    def to_crm(
        self, cleaned: Mapping[str, Any], mapping: Mapping[str, str] | None = None
    ) -> dict[str, Any]:
        """Rename form keys to CRM field names (``mapping`` defaults to the form's)."""
        names = {**self.crm, **(mapping or {})}
        return {names.get(k, k): v for k, v in cleaned.items()}

    def from_crm(
        self, row: Mapping[str, Any], mapping: Mapping[str, str] | None = None
    ) -> dict[str, Any]:
        """Inverse of :meth:`to_crm`: CRM field names back to form keys."""
        names = {v: k for k, v in {**self.crm, **(mapping or {})}.items()}
        return {names.get(k, k): v for k, v in row.items()}

    # -- validation ----------------------------------------------------------

    @property
    def plan(self) -> Plan:
        """The compiled form (built once, on first use)."""
        plan = self._plan
        if plan is None:
            plan = compile_plan(self.fields, self.rules, self.name)
            object.__setattr__(self, "_plan", plan)
        return plan

    def validate(self, record: object, *, today: datetime.date | None = None) -> Report:
        """Check a whole record; all problems at once. ``today`` defaults to the
        local date at the moment of the call and bounds every "not in the future".

        Fields are checked in declaration order (a blank required field is a
        ``required`` finding; a field may read the cleaned values of earlier ones),
        then each rule whose inputs are present, skipping those with an input in
        error (listed in ``Report.skipped_rules``).
        """
        return self._validate(record, today or datetime.date.today())

    def validate_many(
        self, records: Iterable[object], *, today: datetime.date | None = None
    ) -> Iterator[Report]:
        """Lazily validate a stream of records (one ``today`` for all of them)."""
        day = today or datetime.date.today()
        for record in records:
            yield self._validate(record, day)

    def _validate(self, record: object, today: datetime.date) -> Report:
        plan = self.plan
        if record.__class__ is not dict and not isinstance(record, Mapping):
            finding = Finding(None, "form.not_a_record", params={"type": type(record).__name__})
            return Report(self.name, (finding,), mask=plan.mask)
        findings: list[Finding] = []
        given = self._resolve(record, plan, findings)
        return plan.check_record(given, today, findings)

    def _resolve(
        self, record: Mapping[Any, Any], plan: Plan, findings: list[Finding]
    ) -> dict[str, Any]:
        if record.keys() <= plan.keys:  # the common case: keyed by the form's own keys
            return dict(record)
        given: dict[str, Any] = {}
        names: dict[str, str] = {}
        unknown = 0
        for name, value in record.items():
            key = plan.resolve(name)
            if key is None:
                unknown += 1
                if unknown <= _MAX_UNKNOWN:
                    shown = shown_name(name)
                    findings.append(
                        Finding(None, "unknown_field", Severity.WARNING, {"key": shown})
                    )
                continue
            if key in given:
                if not _blank(value) and not _blank(given[key]) and _differ(value, given[key]):
                    params = {"names": [names[key], name_text(name, 64)]}
                    findings.append(Finding(key, "form.conflict", Severity.ERROR, params))
                elif _blank(given[key]):
                    given[key] = value
                continue
            given[key] = value
            names[key] = name_text(name, 64)
        if unknown > _MAX_UNKNOWN:
            more = {"count": unknown - _MAX_UNKNOWN}
            findings.append(Finding(None, "form.more_unknown", Severity.WARNING, more))
        return given
