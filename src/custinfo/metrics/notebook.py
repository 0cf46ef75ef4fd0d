"""Notebook views: pandas DataFrames, HTML tables and plots of the metrics.

pandas and matplotlib are optional (``pip install custinfo[pandas,plot]``) and
imported only when one of these functions is called. HTML needs neither:

>>> from custinfo import Report
>>> acc = AccuracyReport().add(Report("collection"), collector="王芳", period="2024-05")
>>> "<table" in acc._repr_html_()
True
"""

from __future__ import annotations

import html
import importlib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from custinfo.findings import DefinitionError
from custinfo.metrics.accuracy import AccuracyReport, Tally

if TYPE_CHECKING:
    from custinfo.metrics.audit import AuditResult
    from custinfo.metrics.collectors import CollectorStanding
    from custinfo.metrics.intervals import Method

__all__ = [
    "accuracy_frame",
    "accuracy_html",
    "audit_frame",
    "audit_html",
    "collectors_frame",
    "frame",
    "html_table",
    "plot_accuracy_by_month",
    "plot_pareto",
]

_TALLY_COLUMNS = ["records", "clean", "with_errors", "accuracy", "errors", "warnings"]


def _require(module: str, extra: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(f"{module} is needed for this; pip install 'custinfo[{extra}]'") from exc


def _tally_row(t: Tally) -> list[Any]:
    return [t.records, t.clean, t.with_errors, t.accuracy, t.errors, t.warnings]


def _tables(report: AccuracyReport, table: str) -> tuple[list[str], list[list[Any]]]:
    if table == "collector_months":
        rows = [
            [who, month, *_tally_row(t)] for (who, month), t in report.by_collector_month().items()
        ]
        return ["collector", "month", *_TALLY_COLUMNS], rows
    if table in ("collectors", "months", "quarters"):
        view = {
            "collectors": report.by_collector,
            "months": report.by_month,
            "quarters": report.by_quarter,
        }[table]()
        return [table[:-1], *_TALLY_COLUMNS], [[k, *_tally_row(t)] for k, t in view.items()]
    if table == "fields":
        records = report.records
        names = sorted(
            set(report.field_errors) | set(report.field_warnings),
            key=lambda f: (-report.field_errors.get(f, 0), f),
        )
        rows = [
            [f, report.field_errors.get(f, 0), report.field_warnings.get(f, 0),
             report.field_errors.get(f, 0) / records if records else None]
            for f in names
        ]  # fmt: skip
        return ["field", "records_with_errors", "records_with_warnings", "error_rate"], rows
    if table == "codes":
        rows = [[r.code, r.count, r.share, r.cumulative] for r in report.pareto()]
        return ["code", "count", "share", "cumulative"], rows
    if table == "summary":
        return ["measure", "value"], [
            ["records", report.records],
            ["clean", report.clean],
            ["accuracy", report.accuracy],
            ["errors", report.errors],
            ["warnings", report.warnings],
        ]
    raise DefinitionError(f"unknown table {table!r}")


def accuracy_frame(report: AccuracyReport, table: str = "collector_months") -> Any:
    """A view of an accuracy report as a DataFrame (``None`` keys stay missing values).

    ``table`` is ``"collector_months"`` (tidy: one row per collector and month),
    ``"collectors"``, ``"months"``, ``"quarters"``, ``"fields"``, ``"codes"``
    (the error Pareto) or ``"summary"``.
    """
    pd = _require("pandas", "pandas")
    columns, rows = _tables(report, table)
    return pd.DataFrame(rows, columns=columns)


def frame(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> Any:
    """A DataFrame of ``rows`` (needs the ``pandas`` extra)."""
    pd = _require("pandas", "pandas")
    return pd.DataFrame(list(rows), columns=list(columns))


def collectors_frame(standings: Iterable[CollectorStanding]) -> Any:
    """One row per collector and month from :func:`~custinfo.metrics.collector_performance`,
    with the collector's current streak and reward."""
    rows = [
        [s.collector, m.month, m.records, m.with_errors, m.errors, s.streak, s.rewarded]
        for s in standings
        for m in s.months
    ]
    columns = ["collector", "month", "records", "with_errors", "errors", "streak", "rewarded"]
    return frame(columns, rows)


def audit_frame(result: AuditResult, *, confidence: float = 0.95, method: Method = "wilson") -> Any:
    """One row per audited field, and ``(record)`` for whole records."""
    pd = _require("pandas", "pandas")
    return pd.DataFrame(
        _audit_rows(result, confidence, method),
        columns=["field", "checked", "correct", "accuracy", "low", "high", "population"],
    )


def _audit_rows(result: AuditResult, confidence: float, method: Method) -> list[list[Any]]:
    rows = []
    for name, f in result.fields.items():
        ci = result.field_accuracy(name, confidence=confidence, method=method)
        rows.append([name, f.checked, f.correct, ci.estimate, ci.low, ci.high, result.population])
    if result.records:
        ci = result.record_accuracy(confidence=confidence, method=method)
        rows.append(["(record)", result.records, result.records_correct, ci.estimate, ci.low,
                     ci.high, result.population])  # fmt: skip
    return rows


def _cell(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.1%}" if 0 <= value <= 1 else f"{value:g}"
    return html.escape(str(value))


def html_table(columns: Sequence[str], rows: Iterable[Sequence[Any]], caption: str = "") -> str:
    """A small escaped HTML table; floats in [0, 1] are shown as percentages."""
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in r) + "</tr>" for r in rows)
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def accuracy_html(report: AccuracyReport, *, top: int = 10) -> str:
    """Summary, months, error-rate fields and the top error codes, as HTML tables."""
    parts = []
    for table, caption in (
        ("summary", "Accuracy"),
        ("months", "By month"),
        ("collectors", "By collector"),
        ("fields", "Fields"),
        ("codes", "Error codes (Pareto)"),
    ):
        columns, rows = _tables(report, table)
        parts.append(html_table(columns, rows[:top] if table != "summary" else rows, caption))
    return "<div class='custinfo-accuracy'>" + "".join(parts) + "</div>"


def audit_html(result: AuditResult) -> str:
    """The audit's fields and records with Wilson intervals, as an HTML table."""
    rows = _audit_rows(result, 0.95, "wilson")
    caption = result.summary("en") if result.records else "Audit"
    return html_table(
        ["field", "checked", "correct", "accuracy", "low", "high", "N"], rows, caption
    )


def _axes(ax: Any) -> Any:
    if ax is not None:
        return ax
    plt = _require("matplotlib.pyplot", "plot")
    _, created = plt.subplots()
    return created


def plot_accuracy_by_month(
    report: AccuracyReport, ax: Any = None, *, confidence: float = 0.95
) -> Any:
    """Accuracy per month with Wilson error bars; months without a date are left out."""
    axes = _axes(ax)
    months = [(m, t) for m, t in report.by_month().items() if m is not None and t.records]
    labels = [m for m, _ in months]
    values = [t.clean / t.records for _, t in months]
    intervals = [t.interval(confidence=confidence) for _, t in months]
    below = [v - ci.low for v, ci in zip(values, intervals, strict=True)]
    above = [ci.high - v for v, ci in zip(values, intervals, strict=True)]
    axes.errorbar(labels, values, yerr=[below, above], marker="o", capsize=3)
    axes.set_ylim(min([*values, *(ci.low for ci in intervals), 0.9]) - 0.02, 1.0)
    axes.set_xlabel("month")
    axes.set_ylabel("accuracy (records without errors)")
    axes.set_title(f"Accuracy by month ({confidence:.0%} Wilson intervals)")
    axes.tick_params(axis="x", labelrotation=45)
    return axes


def plot_pareto(report: AccuracyReport, ax: Any = None, *, top: int = 10) -> Any:
    """Bars of the most frequent error codes with the cumulative share as a line."""
    axes = _axes(ax)
    rows = report.pareto(top=top)
    codes = [r.code for r in rows]
    axes.bar(codes, [r.count for r in rows])
    axes.set_ylabel("findings")
    axes.tick_params(axis="x", labelrotation=45)
    line = axes.twinx()
    line.plot(codes, [r.cumulative for r in rows], color="black", marker="o")
    line.set_ylim(0, 1.05)
    line.set_ylabel("cumulative share")
    axes.set_title("Error codes (Pareto)")
    return axes
