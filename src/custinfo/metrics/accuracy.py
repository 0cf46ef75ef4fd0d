"""The accuracy report: counters over validation reports that merge exactly.

An :class:`AccuracyReport` is built one validation :class:`~custinfo.Report`
at a time (or its ``to_dict()``); it keeps counters only — per collector and
month, per field, per finding code — and computes rates when asked. Two reports
over disjoint parts merge into the report of the whole, in any order, so
partitions on several machines combine exactly.

>>> from custinfo import Finding, Report, Severity
>>> acc = AccuracyReport()
>>> _ = acc.add(Report("collection"), collector="王芳", period="2024-05-17")
>>> _ = acc.add(Report("collection", (Finding("phone", "required"),)),
...             collector="李雷", period="2024-06")
>>> acc.records, acc.clean, acc.accuracy
(2, 1, 0.5)
>>> acc.field_error_rates()
{'phone': 0.5}
>>> [(row.code, row.count, row.cumulative) for row in acc.pareto()]
[('required', 1, 1.0)]
>>> list(acc.by_quarter())
['2024Q2']
>>> AccuracyReport.from_dict(acc.to_dict()) == acc
True
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal

from attrs import define, field

from custinfo import normalize
from custinfo.findings import DefinitionError, Report, Severity
from custinfo.metrics import _time
from custinfo.metrics._convert import converter
from custinfo.metrics.intervals import Interval, Method
from custinfo.metrics.tally import Tally, one, sum_tallies

__all__ = ["RECORD", "SCHEMA", "AccuracyReport", "ParetoRow", "Tally"]

RECORD = "(record)"
"""The field name under which findings about the whole record are counted."""

SCHEMA = "custinfo.metrics.AccuracyReport/1"
"""Written by :meth:`AccuracyReport.to_dict`; :meth:`~AccuracyReport.from_dict` checks it."""

_UNKNOWN = ""  # storage key of an unknown collector or month (None in the public views)
_MAX_NAME = 200  # a collector's name longer than this is cut (it is a key, not data)


@define(frozen=True, slots=True)
class ParetoRow:
    """One finding code in a Pareto table: its count, share and cumulative share."""

    code: str
    count: int
    share: float
    cumulative: float


def _add_count(counter: dict[str, int], key: str, amount: int = 1) -> None:
    counter[key] = counter.get(key, 0) + amount


def _public(key: str) -> str | None:
    return None if key == _UNKNOWN else key


def _order(key: str) -> tuple[bool, str]:
    return (key == _UNKNOWN, key)  # unknown last


@define(slots=True, repr=False)
class AccuracyReport:
    """Counters over validated records, by collector and month, field and code.

    Build it with :meth:`add` / :meth:`add_record`, combine with :meth:`merge`,
    read it with the properties and views below. Unknown collectors and months
    appear as ``None`` in the views.
    """

    cells: dict[str, dict[str, Tally]] = field(factory=dict)
    """collector → month (``"YYYY-MM"``) → Tally; ``""`` stands for unknown."""
    forms: dict[str, int] = field(factory=dict)
    field_errors: dict[str, int] = field(factory=dict)
    """Records with at least one error in the field."""
    field_warnings: dict[str, int] = field(factory=dict)
    """Records with at least one warning in the field."""
    error_codes: dict[str, int] = field(factory=dict)
    """Error-level findings by code."""
    warning_codes: dict[str, int] = field(factory=dict)
    """Warning-level findings by code."""

    # --- building ---------------------------------------------------------------------

    def add(
        self,
        report: Report | Mapping[str, Any],
        *,
        collector: object = None,
        period: object = None,
    ) -> AccuracyReport:
        """Count one validated record; returns ``self`` so calls chain.

        ``report`` is a :class:`~custinfo.Report` or its ``to_dict()``;
        ``period`` a date, datetime, ISO string or month (``"2024-05"``,
        ``"2024年5月"``). An unreadable ``period`` is a :class:`DefinitionError`.
        """
        month = _month(period, strict=True)
        self._count(report, _collector(collector), month)
        return self

    def add_record(
        self,
        report: Report | Mapping[str, Any],
        record: Mapping[str, Any] | None = None,
        *,
        collector_field: str = "collector",
        date_field: str = "confirmed_at",
    ) -> AccuracyReport:
        """Count one record, reading its collector and month from the record itself.

        The fields are looked up in ``record`` (when given), then in the
        report's cleaned and original values. A value that cannot be read
        counts as unknown, never as a guess. Note that ``Report.to_dict()``
        masks personal fields such as the collector's name unless
        ``reveal=True``: pass the record, or an unmasked dict.
        """
        who = _collector(_lookup(report, record, collector_field))
        month = _month(_lookup(report, record, date_field), strict=False)
        self._count(report, who, month)
        return self

    def _count(self, report: Report | Mapping[str, Any], who: str, month: str) -> None:
        form, findings = _read(report)
        errors = warnings = 0
        error_fields: set[str] = set()
        warning_fields: set[str] = set()
        for key, code, severity in findings:
            if severity is Severity.ERROR:
                errors += 1
                error_fields.add(key)
                _add_count(self.error_codes, code)
            elif severity is Severity.WARNING:
                warnings += 1
                warning_fields.add(key)
                _add_count(self.warning_codes, code)
        tally = one(errors == 0, warnings > 0, errors, warnings)
        row = self.cells.setdefault(who, {})
        row[month] = row[month] + tally if month in row else tally
        for key in error_fields:
            _add_count(self.field_errors, key)
        for key in warning_fields:
            _add_count(self.field_warnings, key)
        _add_count(self.forms, form)

    # --- combining --------------------------------------------------------------------

    def merge(self, *others: AccuracyReport) -> AccuracyReport:
        """A new report counting everything in ``self`` and ``others`` (exact, any order)."""
        merged = AccuracyReport()
        for part in (self, *others):
            merged._absorb(part)
        return merged

    def __add__(self, other: AccuracyReport) -> AccuracyReport:
        return self.merge(other)

    @classmethod
    def combine(cls, reports: Iterable[AccuracyReport]) -> AccuracyReport:
        """The merge of any number of reports (an empty report for none)."""
        merged = cls()
        for part in reports:
            merged._absorb(part)
        return merged

    def _absorb(self, other: AccuracyReport) -> None:
        for who, months in other.cells.items():
            row = self.cells.setdefault(who, {})
            for month, tally in months.items():
                row[month] = row[month] + tally if month in row else tally
        for mine, theirs in (
            (self.forms, other.forms),
            (self.field_errors, other.field_errors),
            (self.field_warnings, other.field_warnings),
            (self.error_codes, other.error_codes),
            (self.warning_codes, other.warning_codes),
        ):
            for key, count in theirs.items():
                _add_count(mine, key, count)

    # --- reading ----------------------------------------------------------------------

    @property
    def total(self) -> Tally:
        """All counters summed."""
        return sum_tallies(t for months in self.cells.values() for t in months.values())

    @property
    def records(self) -> int:
        """Records counted."""
        return self.total.records

    @property
    def clean(self) -> int:
        """Records without an error-level finding."""
        return self.total.clean

    @property
    def errors(self) -> int:
        """Error-level findings."""
        return self.total.errors

    @property
    def warnings(self) -> int:
        """Warning-level findings."""
        return self.total.warnings

    @property
    def accuracy(self) -> float | None:
        """clean / records (None when empty)."""
        return self.total.accuracy

    def field_error_rates(self) -> dict[str, float]:
        """Share of records with an error in each field, highest first."""
        return self._rates(self.field_errors)

    def field_warning_rates(self) -> dict[str, float]:
        """Share of records with a warning in each field, highest first."""
        return self._rates(self.field_warnings)

    def _rates(self, counts: Mapping[str, int]) -> dict[str, float]:
        records = self.records
        if not records:
            return {}
        ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return {key: count / records for key, count in ordered}

    def pareto(
        self, severity: Literal["error", "warning", "all"] = "error", *, top: int | None = None
    ) -> tuple[ParetoRow, ...]:
        """Finding codes by count (ties by code) with share and cumulative share.

        Shares are of all findings of that severity, so with ``top`` the last
        cumulative share tells how much the listed codes cover.
        """
        counts: dict[str, int] = {}
        if severity in ("error", "all"):
            counts.update(self.error_codes)
        if severity in ("warning", "all"):
            for code, n in self.warning_codes.items():
                _add_count(counts, code, n)
        if severity not in ("error", "warning", "all"):
            raise DefinitionError(f"severity must be 'error', 'warning' or 'all', not {severity!r}")
        total = sum(counts.values())
        rows = []
        running = 0
        for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]:
            running += n
            rows.append(ParetoRow(code, n, n / total, running / total))
        return tuple(rows)

    def by_collector(self) -> dict[str | None, Tally]:
        """Counters per collector (``None``: unknown), by name."""
        return {
            _public(who): sum_tallies(self.cells[who].values())
            for who in sorted(self.cells, key=_order)
        }

    def by_month(self) -> dict[str | None, Tally]:
        """Counters per month ``"YYYY-MM"`` (``None``: unknown), in order."""
        found: dict[str, Tally] = {}
        for months in self.cells.values():
            for month, tally in months.items():
                found[month] = found[month] + tally if month in found else tally
        return {_public(m): found[m] for m in sorted(found, key=_order)}

    def by_quarter(self) -> dict[str | None, Tally]:
        """Counters per quarter ``"YYYYQn"`` (``None``: unknown), in order."""
        found: dict[str, Tally] = {}
        for month, tally in self.by_month().items():
            key = _UNKNOWN if month is None else _time.quarter_of(month)
            found[key] = found[key] + tally if key in found else tally
        return {_public(q): found[q] for q in sorted(found, key=_order)}

    def by_collector_month(self) -> dict[tuple[str | None, str | None], Tally]:
        """Counters per (collector, month), both in order."""
        return {
            (_public(who), _public(month)): self.cells[who][month]
            for who in sorted(self.cells, key=_order)
            for month in sorted(self.cells[who], key=_order)
        }

    def interval(
        self, *, confidence: float = 0.95, method: Method = "wilson", population: int | None = None
    ) -> Interval:
        """The overall accuracy with a confidence interval (for a sample of a larger whole)."""
        return self.total.interval(confidence=confidence, method=method, population=population)

    def __iter__(self) -> Iterator[tuple[tuple[str | None, str | None], Tally]]:
        return iter(self.by_collector_month().items())

    def __repr__(self) -> str:
        total = self.total
        rate = "n/a" if total.accuracy is None else f"{total.accuracy:.1%}"
        return (
            f"AccuracyReport(records={total.records}, clean={total.clean}, accuracy={rate}, "
            f"errors={total.errors}, warnings={total.warnings})"
        )

    # --- serialization and notebooks ----------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (keys sorted, so equal reports serialize identically)."""
        data: dict[str, Any] = converter.unstructure(self)
        return {"schema": SCHEMA, **_sorted(data)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AccuracyReport:
        """Inverse of :meth:`to_dict`; a dict of another schema is a DefinitionError."""
        body = dict(data)
        schema = body.pop("schema", SCHEMA)
        if schema != SCHEMA:
            raise DefinitionError(f"not an accuracy report of schema {SCHEMA!r}: {schema!r}")
        try:
            report: AccuracyReport = converter.structure(body, cls)
        except Exception as exc:  # cattrs raises its own exception groups
            raise DefinitionError(f"malformed accuracy report: {exc}") from exc
        report._check()
        return report

    def _check(self) -> None:
        # Counters from elsewhere must be ones that adding reports could have produced.
        records = self.records
        for counter in (self.forms, self.field_errors, self.field_warnings):
            if any(n < 0 or n > records for n in counter.values()):
                raise DefinitionError("malformed accuracy report: a count exceeds the records")
        if sum(self.forms.values()) != records:
            raise DefinitionError("malformed accuracy report: forms do not add up to the records")
        total = self.total
        for codes, findings in (
            (self.error_codes, total.errors),
            (self.warning_codes, total.warnings),
        ):
            if any(n < 0 for n in codes.values()) or sum(codes.values()) != findings:
                raise DefinitionError("malformed accuracy report: codes do not add up")

    def to_pandas(
        self,
        table: Literal[
            "collector_months", "collectors", "months", "quarters", "fields", "codes", "summary"
        ] = "collector_months",
    ) -> Any:
        """One view as a pandas DataFrame (needs the ``pandas`` extra)."""
        from custinfo.metrics import notebook

        return notebook.accuracy_frame(self, table)

    def _repr_html_(self) -> str:
        from custinfo.metrics import notebook

        return notebook.accuracy_html(self)


def _sorted(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _sorted(value[k]) for k in sorted(value)}
    return value


def _collector(value: object) -> str:
    if value is None:
        return _UNKNOWN
    text = normalize.as_text(value)
    return _UNKNOWN if text is None else normalize.text(text[:_MAX_NAME])


def _month(value: object, *, strict: bool) -> str:
    if value is None:
        return _UNKNOWN
    month = _time.month_key(value)
    if month is None:
        if strict:
            raise DefinitionError(f"cannot read a month from period {value!r}")
        return _UNKNOWN
    return month


def _lookup(report: Report | Mapping[str, Any], record: Mapping[str, Any] | None, key: str) -> Any:
    if record is not None and record.get(key) not in (None, ""):
        return record[key]
    if isinstance(report, Report):
        sources: tuple[Mapping[str, Any], ...] = (report.cleaned, report.original)
    else:
        sources = (report.get("cleaned") or {}, report.get("original") or {})
    for source in sources:
        if source.get(key) not in (None, ""):
            return source[key]
    return None


def _read(report: Report | Mapping[str, Any]) -> tuple[str, list[tuple[str, str, Severity]]]:
    if isinstance(report, Report):
        return report.form, [(f.field or RECORD, f.code, f.severity) for f in report.findings]
    if not isinstance(report, Mapping):
        raise DefinitionError(f"expected a Report or its to_dict(), not {type(report).__name__}")
    try:
        findings = [
            (f.get("field") or RECORD, str(f["code"]), Severity(f.get("severity", "error")))
            for f in report.get("findings") or ()
        ]
    except (KeyError, ValueError, AttributeError, TypeError) as exc:
        raise DefinitionError(f"malformed report dict: {exc}") from exc
    return str(report.get("form") or _UNKNOWN), findings
