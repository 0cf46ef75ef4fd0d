"""The accuracy summary of a run: counters fed one report at a time.

Constant memory: counters by severity, code and field, never the reports.
``custinfo.metrics.AccuracyReport`` is the library's full accuracy model; this
is the small part the command line prints (records, records without errors,
accuracy, the most frequent codes).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any

from custinfo import messages
from custinfo.cli.tables import pad, width
from custinfo.findings import Report, Severity

__all__ = ["Tally", "render"]

_VARIES = "…"


class Tally:
    """Counts of one run; :meth:`add` each report, then :meth:`to_dict`."""

    def __init__(self) -> None:
        self.records = 0
        self.clean = 0
        self.with_warnings = 0
        self.unreadable = 0
        self.severities: Counter[Severity] = Counter()
        self.codes: Counter[str] = Counter()
        self.fields: Counter[str] = Counter()
        self.problems: Counter[tuple[str | None, str]] = Counter()
        self._severity: dict[str, Severity] = {}
        self._params: dict[tuple[str | None, str], dict[str, Any]] = {}
        self._worst = -1

    def add(self, report: Report, *, unreadable: bool = False) -> None:
        """Count one record's report (``unreadable``: a row that could not be read)."""
        self.records += 1
        self.unreadable += unreadable
        errors = warnings = False
        for f in report.findings:
            self.severities[f.severity] += 1
            self.codes[f.code] += 1
            pair = (f.field, f.code)
            self.problems[pair] += 1
            self._severity.setdefault(f.code, f.severity)
            self._remember(pair, f.params)
            rank = f.severity.rank
            self._worst = max(self._worst, rank)
            if f.severity is Severity.ERROR:
                errors = True
                self.fields[f.field or "<record>"] += 1
            elif f.severity is Severity.WARNING:
                warnings = True
        self.clean += not errors
        self.with_warnings += warnings

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

    @property
    def accuracy(self) -> float | None:
        """Share of records without errors (None when there were no records)."""
        return self.clean / self.records if self.records else None

    def _counted(self) -> int:
        return sum(n for c, n in self.codes.items() if self._severity[c] is not Severity.INFO)

    def _share(self, count: int, severity: Severity) -> float | None:
        counted = self._counted()
        return count / counted if counted and severity is not Severity.INFO else None

    def to_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready data, most frequent first.

        ``codes`` counts findings by code (a Pareto: ``share`` of the errors and
        warnings); ``problems`` by field and code, with the message.
        """
        codes = [
            {
                "code": code,
                "severity": self._severity[code].value,
                "count": count,
                "share": self._share(count, self._severity[code]),
            }
            for code, count in sorted(self.codes.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
        problems = []
        ranked = sorted(self.problems.items(), key=lambda kv: (-kv[1], kv[0][1], kv[0][0] or ""))
        for (field, code), count in ranked:
            severity = self._severity[code]
            params = self._params[(field, code)]
            problems.append(
                {
                    "field": field,
                    "code": code,
                    "severity": severity.value,
                    "count": count,
                    "share": self._share(count, severity),
                    "message_zh": messages.render(code, "zh", params),
                    "message_en": messages.render(code, "en", params),
                }
            )
        return {
            "records": self.records,
            "clean": self.clean,
            "with_errors": self.records - self.clean,
            "with_warnings": self.with_warnings,
            "unreadable": self.unreadable,
            "accuracy": self.accuracy,
            "findings": {s.value: self.severities[s] for s in Severity},
            "codes": codes,
            "problems": problems,
            "fields": dict(sorted(self.fields.items(), key=lambda kv: (-kv[1], kv[0]))),
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
