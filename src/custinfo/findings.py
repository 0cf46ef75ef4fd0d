"""Findings, reports and the exception hierarchy: how every problem is told.

A :class:`Finding` is one problem of one field (or of the record), with a stable
``code``, a :class:`Severity`, non-personal ``params`` and a *masked* value. Its
text comes from the message catalog, in Chinese or English:

>>> f = Finding(field="phone", code="required", severity=Severity.ERROR)
>>> f.message("zh"), f.message("en")
('必填字段缺失', 'Required field is missing')
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType
from typing import Any, TypeVar

import attrs
from attrs import define

from custinfo import messages

__all__ = [
    "Check",
    "CustinfoError",
    "DataUnavailable",
    "DefinitionError",
    "Finding",
    "InvalidValue",
    "Problem",
    "Report",
    "Severity",
]

_EMPTY: Mapping[str, Any] = MappingProxyType({})
_T = TypeVar("_T")


class Severity(enum.StrEnum):
    """How bad a finding is; only ``ERROR`` makes a report not ``ok``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """2 for errors, 1 for warnings, 0 for info: for ``--fail-on`` style thresholds."""
        return _RANK[self]


_RANK = {Severity.ERROR: 2, Severity.WARNING: 1, Severity.INFO: 0}


def _params_key(params: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    # params may hold lists; their repr is a stable, hashable stand-in
    return tuple(sorted((k, repr(v)) for k, v in params.items()))


def _no_error(items: tuple[Problem, ...] | tuple[Finding, ...]) -> bool:
    for item in items:  # noqa: SIM110 - a plain loop is faster; asked of every record
        if item.severity is Severity.ERROR:
            return False
    return True


def _severity(value: Severity | str) -> Severity:
    return value if value.__class__ is Severity else Severity(value)


def _frozen_params(params: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return _EMPTY if not params else MappingProxyType(dict(params))


class CustinfoError(Exception):
    """Base of every exception custinfo raises on purpose."""


class InvalidValue(CustinfoError, ValueError):
    """A single value failed validation; ``code`` is the stable finding code.

    The message never contains the value itself, only the catalog text:

    >>> err = InvalidValue("required")
    >>> err.code, str(err)
    ('required', 'Required field is missing (required)')
    """

    def __init__(
        self, code: str, params: Mapping[str, Any] | None = None, field: str | None = None
    ) -> None:
        self.code = code
        self.params: Mapping[str, Any] = _frozen_params(params)
        self.field = field
        super().__init__(code)

    def __str__(self) -> str:
        # rendered on demand: validators raise on hot paths where the text is rarely read
        return f"{messages.render(self.code, 'en', self.params)} ({self.code})"

    def message(self, locale: str = "zh") -> str:
        """The catalog text of this error in ``locale`` (``"zh"`` or ``"en"``)."""
        return messages.render(self.code, locale, self.params)


class DefinitionError(CustinfoError, TypeError):
    """A malformed form, field, rule or option: a programmer's mistake, not bad data."""


class DataUnavailable(CustinfoError, LookupError):
    """A data table or calendar does not cover what was asked (never a guess)."""


@define(frozen=True, slots=True)
class Problem:
    """One problem a validator found in a value, before it is tied to a field."""

    code: str
    severity: Severity = attrs.field(default=Severity.ERROR, converter=_severity)
    params: Mapping[str, Any] = attrs.field(default=_EMPTY, converter=_frozen_params)

    def __hash__(self) -> int:
        return hash((self.code, self.severity, _params_key(self.params)))


def slot_setters(cls: type) -> tuple[Callable[[Any, Any], None], ...]:
    """The setters of a frozen slotted attrs class's fields, in order.

    attrs' frozen ``__init__`` sets each field through ``object.__setattr__``;
    the slot descriptors' own setters are a third cheaper, which counts for the
    objects built for every field of every record (checks, infos, reports).
    Use them only in a constructor: they bypass frozenness.
    """
    return tuple(cls.__dict__[f.name].__set__ for f in attrs.fields(cls))


def slot_builder(cls: type[_T]) -> Callable[..., _T]:
    """A constructor of ``cls`` (a frozen slotted attrs class without converters or
    validators) taking every field positionally and setting its slots directly.

    Written out as source, as attrs writes ``__init__``: a loop over the setters
    would cost more than it saves.

    >>> build = slot_builder(Problem)
    >>> build("x.y", Severity.WARNING, _EMPTY) == Problem("x.y", Severity.WARNING)
    True
    """
    setters = slot_setters(cls)
    names = [f"a{i}" for i in range(len(setters))]
    source = "\n".join(
        [
            f"def build({', '.join(names)}):",
            "    made = new(cls)",
            *(f"    s{i}(made, {name})" for i, name in enumerate(names)),
            "    return made",
        ]
    )
    namespace: dict[str, Any] = {"new": object.__new__, "cls": cls}
    namespace.update({f"s{i}": setter for i, setter in enumerate(setters)})
    exec(source, namespace)  # our own source: placeholder names only
    built: Callable[..., _T] = namespace["build"]
    return built


@define(frozen=True, slots=True, init=False)
class Check:
    """The non-raising result of a validator's ``check``.

    ``value`` is the normalized value (``None`` when nothing usable was found),
    ``problems`` every problem found, ``info`` the facts read from the value.
    """

    value: Any
    problems: tuple[Problem, ...] = ()
    info: Any = None

    def __init__(self, value: Any, problems: tuple[Problem, ...] = (), info: Any = None) -> None:
        _check_value(self, value)
        _check_problems(self, problems)
        _check_info(self, info)

    @property
    def ok(self) -> bool:
        """True when no problem is an error (warnings allowed)."""
        return _no_error(self.problems)

    def unwrap(self, error: type[InvalidValue] = InvalidValue) -> Any:
        """Return ``value``, or raise ``error`` for the first error-level problem."""
        for p in self.problems:
            if p.severity is Severity.ERROR:
                raise error(p.code, p.params)
        return self.value


_check_value, _check_problems, _check_info = slot_setters(Check)


@define(frozen=True, slots=True)
class Finding:
    """One problem of a record, safe to log: ``value`` is masked, never raw."""

    field: str | None
    code: str
    severity: Severity = attrs.field(default=Severity.ERROR, converter=_severity)
    params: Mapping[str, Any] = attrs.field(default=_EMPTY, converter=_frozen_params)
    value: str | None = None

    @classmethod
    def of(cls, field: str | None, problem: Problem, value: str | None = None) -> Finding:
        """The finding of a validator's ``problem`` in ``field`` (``value`` masked).

        Shares the problem's already frozen params rather than copying them: this
        runs for every problem of every record.
        """
        return _new_finding(field, problem.code, problem.severity, problem.params, value)

    def __hash__(self) -> int:
        return hash((self.field, self.code, self.severity, _params_key(self.params), self.value))

    def message(self, locale: str = "zh") -> str:
        """The text of this finding in ``locale`` (``"zh"`` or ``"en"``)."""
        return messages.render(self.code, locale, self.params)

    def __str__(self) -> str:
        where = self.field or "<record>"
        return f"{self.severity.value}: {where}: {self.message('en')} [{self.code}]"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (both messages included)."""
        return {
            "field": self.field,
            "code": self.code,
            "severity": self.severity.value,
            "params": {k: _jsonable(v) for k, v in self.params.items()},
            "value": self.value,
            "message_zh": self.message("zh"),
            "message_en": self.message("en"),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        """Inverse of :meth:`to_dict` (messages are re-rendered from the catalog)."""
        return cls(
            field=data.get("field"),
            code=data["code"],
            severity=Severity(data.get("severity", "error")),
            params=data.get("params") or {},
            value=data.get("value"),
        )


_new_finding = slot_builder(Finding)


def _jsonable(value: Any) -> Any:
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, list | tuple | frozenset | set):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return [_jsonable(v) for v in items]
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return str(value)


@define(frozen=True, slots=True, repr=False, init=False)
class Report:
    """Everything :meth:`Form.validate` found in one record.

    ``cleaned`` maps keys to normalized values of the fields that passed;
    ``original`` keeps what was given (by key) so both can be shown. Neither is
    part of ``repr``; :meth:`to_dict` masks personal fields (through ``mask``,
    supplied by the form) unless asked not to.
    """

    form: str
    findings: tuple[Finding, ...] = ()
    cleaned: Mapping[str, Any] = attrs.field(default=_EMPTY)
    original: Mapping[str, Any] = attrs.field(default=_EMPTY)
    skipped_rules: tuple[str, ...] = ()
    info: Mapping[str, Any] = attrs.field(default=_EMPTY)
    mask: Callable[[str, Any], Any] | None = attrs.field(default=None, eq=False)

    def __init__(  # noqa: PLR0917 - the signature attrs would generate
        self,
        form: str,
        findings: tuple[Finding, ...] = (),
        cleaned: Mapping[str, Any] = _EMPTY,
        original: Mapping[str, Any] = _EMPTY,
        skipped_rules: tuple[str, ...] = (),
        info: Mapping[str, Any] = _EMPTY,
        mask: Callable[[str, Any], Any] | None = None,
    ) -> None:
        _report_form(self, form)
        _report_findings(self, findings)
        _report_cleaned(self, cleaned)
        _report_original(self, original)
        _report_skipped(self, skipped_rules)
        _report_info(self, info)
        _report_mask(self, mask)

    @property
    def ok(self) -> bool:
        """True when no finding is an error."""
        return _no_error(self.findings)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The error-level findings."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The warning-level findings."""
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    def by_field(self, key: str | None) -> tuple[Finding, ...]:
        """The findings about one field (``None``: about the whole record)."""
        return tuple(f for f in self.findings if f.field == key)

    def codes(self) -> tuple[str, ...]:
        """The finding codes, in order."""
        return tuple(f.code for f in self.findings)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def __repr__(self) -> str:
        codes = ", ".join(f"{f.field}:{f.code}" for f in self.findings)
        return f"Report(form={self.form!r}, ok={self.ok}, findings=[{codes}])"

    def to_dict(self, *, reveal: bool = False) -> dict[str, Any]:
        """A JSON-ready dict; personal values appear masked unless ``reveal``."""
        hide = None if reveal else self.mask
        return {
            "form": self.form,
            "ok": self.ok,
            "findings": [f.to_dict() for f in self.findings],
            "cleaned": {
                k: _jsonable(v if hide is None else hide(k, v)) for k, v in self.cleaned.items()
            },
            "skipped_rules": list(self.skipped_rules),
        }


(
    _report_form,
    _report_findings,
    _report_cleaned,
    _report_original,
    _report_skipped,
    _report_info,
    _report_mask,
) = slot_setters(Report)
