"""The accuracy summary of a run, fed one report at a time, in constant memory.

The counting is :class:`custinfo.metrics.AccuracyReport`'s (records, records
without errors, accuracy, the Pareto of codes, field error rates; its
``to_dict()`` goes into the JSON summary, so runs over parts of a table merge
exactly with :meth:`~custinfo.metrics.AccuracyReport.merge`). What only the
command line needs is counted here: unreadable rows, info findings, the worst
severity seen (for ``--fail-on``) and one message per field and code.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any

from custinfo import messages
from custinfo.cli.tables import pad, width
from custinfo.findings import Report, Severity
from custinfo.metrics import AccuracyReport

__all__ = ["RunSummary", "render"]

_VARIES = "…"


class RunSummary:
    """Counts of one run; :meth:`add` each report, then :meth:`to_dict`."""

    def __init__(self) -> None:
        self.accuracy = AccuracyReport()
        self.unreadable = 0
        self.info = 0
        self.problems: Counter[tuple[str | None, str]] = Counter()
        self._severity: dict[str, Severity] = {}
        self._params: dict[tuple[str | None, str], dict[str, Any]] = {}
        self._worst = -1

    def add(self, report: Report, *, unreadable: bool = False) -> None:
        """Count one record's report (``unreadable``: a row that could not be read)."""
        self.accuracy.add(report)
        self.unreadable += unreadable
        for f in report.findings:
            pair = (f.field, f.code)
            self.problems[pair] += 1
            self._severity.setdefault(f.code, f.severity)
            self._remember(pair, f.params)
            self._worst = max(self._worst, f.severity.rank)
            self.info += f.severity is Severity.INFO

    def _remember(self, pair: tuple[str | None, str], params: Mapping[str, Any]) -> None:
        # The summary shows one message per (field, code); a parameter that differs
        # between records (a normalized date) is shown as "…", not as one record's value.
        known = self._params.get(pair)
        if known is None:
            self._params[pair] = dict(params)
            return
        if known is params or known == params:
            return
        for key in {*known, *params}:
            if known.get(key) != params.get(key):
                known[key] = _VARIES

    def reached(self, level: Severity) -> bool:
        """True when some finding is at ``level`` or worse."""
        return self._worst >= level.rank

    def to_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready data, most frequent first.

        ``codes`` is the Pareto of error and warning codes (``share`` and
        ``cumulative`` of those findings); ``problems`` counts findings by field
        and code, with the message; ``field_error_rates`` is the share of records
        with an error in each field; ``accuracy_report`` is the full
        :class:`~custinfo.metrics.AccuracyReport` (``AccuracyReport.from_dict``).
        """
        acc = self.accuracy
        total = acc.total
        counted = total.errors + total.warnings
        codes = [
            {
                "code": row.code,
                "severity": self._severity[row.code].value,
                "count": row.count,
                "share": row.share,
                "cumulative": row.cumulative,
            }
            for row in acc.pareto("all")
        ]
        problems = []
        ranked = sorted(self.problems.items(), key=lambda kv: (-kv[1], kv[0][1], kv[0][0] or ""))
        for (field, code), count in ranked:
            severity = self._severity[code]
            params = self._params[(field, code)]
            share = count / counted if counted and severity is not Severity.INFO else None
            problems.append(
                {
                    "field": field,
                    "code": code,
                    "severity": severity.value,
                    "count": count,
                    "share": share,
                    "message_zh": messages.render(code, "zh", params),
                    "message_en": messages.render(code, "en", params),
                }
            )
        return {
            "records": total.records,
            "clean": total.clean,
            "with_errors": total.with_errors,
            "with_warnings": total.warned,
            "unreadable": self.unreadable,
            "accuracy": total.accuracy,
            "findings": {"error": total.errors, "warning": total.warnings, "info": self.info},
            "codes": codes,
            "problems": problems,
            "field_error_rates": acc.field_error_rates(),
            "accuracy_report": acc.to_dict(),
        }


_TEXT = {
    "zh": {
        "records": "记录 {records} 条,无错误 {clean} 条,准确率 {accuracy}",
        "none": "没有记录",
        "findings": "发现:错误 {error} 条,警告 {warning} 条,提示 {info} 条",
        "unreadable": ";无法读取的行 {unreadable} 行",
        "top": "最常见的问题:",
        "omitted": "另有 {omitted} 条发现未显示(--max-findings)",
    },
    "en": {
        "records": "Records: {records}; without errors: {clean}; accuracy: {accuracy}",
        "none": "No records",
        "findings": "Findings: errors {error}, warnings {warning}, info {info}",
        "unreadable": "; unreadable rows: {unreadable}",
        "top": "Most frequent problems:",
        "omitted": "{omitted} more findings not shown (--max-findings)",
    },
}


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.1f}%"


def render(
    summary: Mapping[str, Any],
    locale: str,
    *,
    label: Callable[[str | None], str] = lambda key: key or "<record>",
    top: int = 5,
) -> list[str]:
    """The summary as lines of text in ``locale``; ``label`` names a field."""
    text = _TEXT[locale]
    if not summary["records"]:
        lines = [text["none"]]
    else:
        lines = [
            text["records"].format(
                records=summary["records"],
                clean=summary["clean"],
                accuracy=_percent(summary["accuracy"]),
            )
        ]
    found = text["findings"].format(**summary["findings"])
    if summary["unreadable"]:
        found += text["unreadable"].format(unreadable=summary["unreadable"])
    lines.append(found)
    ranked = [p for p in summary["problems"] if p["severity"] != "info"][:top]
    if ranked:
        lines.append(text["top"])
        names = [label(p["field"]) for p in ranked]
        name_width = max(width(n) for n in names)
        code_width = max(len(p["code"]) for p in ranked)
        for p, name in zip(ranked, names, strict=True):
            message = p["message_zh"] if locale == "zh" else p["message_en"]
            lines.append(
                f"  {p['count']:>7}  {_percent(p['share']):>6}  {p['severity']:<7}  "
                f"{pad(name, name_width)}  {p['code']:<{code_width}}  {message}"
            )
    omitted = summary.get("omitted_findings") or 0
    if omitted:
        lines.append(text["omitted"].format(omitted=omitted))
    return lines
