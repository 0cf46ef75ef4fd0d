"""Writers of ``custinfo check`` results: text, JSON, JSON Lines and JUnit XML.

Every writer streams: a record's findings are written when its report arrives,
so memory stays flat however many records there are. JUnit needs the counts in
the opening tags, so its test cases are spooled to a temporary file (in memory
while small) and copied out at the end.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Mapping, Sequence
from typing import IO, Any, Protocol, TextIO
from xml.sax.saxutils import escape, quoteattr

from attrs import define

from custinfo.cli.summary import render
from custinfo.cli.tables import clean
from custinfo.findings import Finding, Report, Severity
from custinfo.model import Form

__all__ = ["WRITERS", "Budget", "Entry", "Writer", "make_writer"]


@define(frozen=True, slots=True)
class Entry:
    """One record's result: where it was read and its report."""

    file: str
    line: int
    id: str | None
    report: Report
    unreadable: bool = False

    def where(self) -> str:
        """``file:line`` and the key column's value, for humans."""
        key = f" [{self.id}]" if self.id is not None else ""
        return f"{self.file}:{self.line}{key}"

    def to_dict(self, findings: Sequence[Finding]) -> dict[str, Any]:
        """JSON-ready: location, ok and the findings given (masked values only)."""
        return {
            "file": self.file,
            "line": self.line,
            "id": self.id,
            "ok": self.report.ok,
            "unreadable": self.unreadable,
            "findings": [f.to_dict() for f in findings],
        }


class Budget:
    """``--max-findings``: how many findings may still be written."""

    def __init__(self, limit: int | None) -> None:
        self.limit = limit
        self.shown = 0
        self.omitted = 0

    def take(self, count: int) -> int:
        """How many of ``count`` findings to write; the rest are counted as omitted."""
        room = count if self.limit is None else max(min(count, self.limit - self.shown), 0)
        self.shown += room
        self.omitted += count - room
        return room


class Writer(Protocol):
    """What ``check`` drives: a file begins, records arrive, a file ends, the run ends."""

    def begin_file(self, name: str) -> None: ...
    def record(self, entry: Entry) -> None: ...
    def end_file(self, name: str) -> None: ...
    def finish(self, summary: Mapping[str, Any]) -> None: ...


@define(slots=True)
class _Context:
    form: Form
    locale: str
    fail_on: Severity
    budget: Budget
    out: TextIO
    err: TextIO
    header: Mapping[str, Any]

    def label(self, key: str | None) -> str:
        if key is None:
            return "<record>" if self.locale == "en" else "<记录>"
        if self.locale == "zh" and key in self.form.plan.fields:
            return self.form.plan.fields[key].label
        return key


def _title(ctx: _Context) -> str:
    form = ctx.form
    title = (form.title_en if ctx.locale == "en" else "") or form.title
    return f"{form.name} {form.version} {title}"


class TextWriter:
    """Compiler-style lines ``file:line [id]: severity: field: message [code]``, then the summary.

    Info-level findings (a choice spelled a known other way) are counted, not listed.
    """

    def __init__(self, ctx: _Context) -> None:
        self.ctx = ctx
        self._value = " (值:{})" if ctx.locale == "zh" else " (value: {})"
        self.wrote = False

    def begin_file(self, name: str) -> None:
        pass

    def record(self, entry: Entry) -> None:
        ctx = self.ctx
        shown = [f for f in entry.report.findings if f.severity is not Severity.INFO]
        if not shown:
            return
        where = entry.where()
        write = ctx.out.write
        for f in shown[: ctx.budget.take(len(shown))]:
            value = self._value.format(f.value) if f.value is not None else ""
            line = (
                f"{where}: {f.severity.value}: {ctx.label(f.field)}: "
                f"{f.message(ctx.locale)} [{f.code}]{value}"
            )
            write(clean(line) + "\n")
            self.wrote = True

    def end_file(self, name: str) -> None:
        pass

    def finish(self, summary: Mapping[str, Any]) -> None:
        out = self.ctx.out
        out.write(("\n" if self.wrote else "") + _title(self.ctx) + "\n")
        for line in render(summary, self.ctx.locale, label=self.ctx.label):
            out.write(clean(line) + "\n")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _shown(entry: Entry, budget: Budget) -> tuple[list[Finding], int]:
    findings = list(entry.report.findings)
    room = budget.take(len(findings))
    return findings[:room], len(findings) - room


class JsonWriter:
    """One JSON document: run header, ``records`` with findings, ``summary``, streamed."""

    def __init__(self, ctx: _Context) -> None:
        self.ctx = ctx
        self.first = True
        head = _dumps(dict(ctx.header))
        ctx.out.write(head[:-1] + ',"records":[')

    def begin_file(self, name: str) -> None:
        pass

    def record(self, entry: Entry) -> None:
        if not entry.report.findings or (
            self.ctx.budget.limit is not None and self.ctx.budget.shown >= self.ctx.budget.limit
        ):
            self.ctx.budget.take(len(entry.report.findings))
            return
        findings, omitted = _shown(entry, self.ctx.budget)
        data = entry.to_dict(findings)
        if omitted:
            data["omitted"] = omitted
        self.ctx.out.write(("\n" if self.first else ",\n") + _dumps(data))
        self.first = False

    def end_file(self, name: str) -> None:
        pass

    def finish(self, summary: Mapping[str, Any]) -> None:
        self.ctx.out.write('\n],"summary":' + _dumps(dict(summary)) + "}\n")


class JsonlWriter:
    """JSON Lines: ``{"type": "record", …}`` per record with findings, then one summary line."""

    def __init__(self, ctx: _Context) -> None:
        self.ctx = ctx

    def begin_file(self, name: str) -> None:
        pass

    def record(self, entry: Entry) -> None:
        budget = self.ctx.budget
        if not entry.report.findings or (budget.limit is not None and budget.shown >= budget.limit):
            budget.take(len(entry.report.findings))
            return
        findings, omitted = _shown(entry, budget)
        data = {"type": "record", **entry.to_dict(findings)}
        if omitted:
            data["omitted"] = omitted
        self.ctx.out.write(_dumps(data) + "\n")

    def end_file(self, name: str) -> None:
        pass

    def finish(self, summary: Mapping[str, Any]) -> None:
        data = {"type": "summary", **self.ctx.header, **summary}
        self.ctx.out.write(_dumps(data) + "\n")


_XML_UNSAFE = {c: "\ufffd" for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)}
_XML_UNSAFE.update({0xFFFE: "\ufffd", 0xFFFF: "\ufffd"})
_XML_UNSAFE.update({c: "\ufffd" for c in range(0xD800, 0xE000)})


def _xml(text: str) -> str:
    return escape(text.translate(_XML_UNSAFE))


def _attr(text: str) -> str:
    return quoteattr(text.translate(_XML_UNSAFE))


def _spool() -> IO[str]:
    return tempfile.SpooledTemporaryFile(max_size=4 * 1024 * 1024, mode="w+", encoding="utf-8")


class JunitWriter:
    """JUnit XML: a test suite per file, a test case per record.

    A record fails when a finding reaches ``--fail-on``; an unreadable row is an
    ``<error>``; lesser findings go to ``<system-out>``. The accuracy summary is
    written to stderr, where CI logs show it.
    """

    def __init__(self, ctx: _Context) -> None:
        self.ctx = ctx
        self.body = _spool()
        self.cases: IO[str] = _spool()
        self.totals = [0, 0, 0]
        self.counts = [0, 0, 0]

    def begin_file(self, name: str) -> None:
        self.cases = _spool()
        self.counts = [0, 0, 0]

    def _lines(self, findings: Sequence[Finding]) -> str:
        ctx = self.ctx
        shown = findings[: ctx.budget.take(len(findings))]
        lines = [
            f"{f.severity.value}: {ctx.label(f.field)}: {f.message(ctx.locale)} [{f.code}]"
            + (f" ({f.value})" if f.value is not None else "")
            for f in shown
        ]
        if len(shown) < len(findings):
            lines.append(f"… {len(findings) - len(shown)} more (--max-findings)")
        return _xml("\n".join(lines))

    def record(self, entry: Entry) -> None:
        ctx = self.ctx
        self.counts[0] += 1
        name = f"line {entry.line}" + (f" [{entry.id}]" if entry.id is not None else "")
        findings = entry.report.findings
        failing = [f for f in findings if f.severity.rank >= ctx.fail_on.rank]
        others = [f for f in findings if f.severity.rank < ctx.fail_on.rank]
        write = self.cases.write
        write(f'    <testcase classname={_attr(entry.file)} name={_attr(name)} time="0"')
        if not findings:
            write("/>\n")
            return
        write(">\n")
        if failing:
            tag = "error" if entry.unreadable else "failure"
            self.counts[2 if entry.unreadable else 1] += 1
            first = failing[0]
            write(
                f"      <{tag} type={_attr(first.code)} message={_attr(first.message(ctx.locale))}>"
                f"{self._lines(failing)}</{tag}>\n"
            )
        if others:
            write(f"      <system-out>{self._lines(others)}</system-out>\n")
        write("    </testcase>\n")

    def end_file(self, name: str) -> None:
        tests, failures, errors = self.counts
        for i, n in enumerate(self.counts):
            self.totals[i] += n
        self.body.write(
            f'  <testsuite name={_attr(name)} tests="{tests}" failures="{failures}" '
            f'errors="{errors}" skipped="0" time="0">\n'
        )
        self.cases.seek(0)
        shutil.copyfileobj(self.cases, self.body)
        self.cases.close()
        self.body.write("  </testsuite>\n")

    def finish(self, summary: Mapping[str, Any]) -> None:
        tests, failures, errors = self.totals
        out = self.ctx.out
        name = f"custinfo check {self.ctx.form.name} {self.ctx.form.version}"
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(
            f'<testsuites name={_attr(name)} tests="{tests}" failures="{failures}" '
            f'errors="{errors}" time="0">\n'
        )
        self.body.seek(0)
        shutil.copyfileobj(self.body, out)
        self.body.close()
        out.write("</testsuites>\n")
        err = self.ctx.err
        err.write(_title(self.ctx) + "\n")
        for line in render(summary, self.ctx.locale, label=self.ctx.label):
            err.write(clean(line) + "\n")


WRITERS: Mapping[str, Callable[[_Context], Writer]] = {
    "text": TextWriter,
    "json": JsonWriter,
    "jsonl": JsonlWriter,
    "junit": JunitWriter,
}


def make_writer(
    fmt: str,
    *,
    form: Form,
    locale: str,
    fail_on: Severity,
    budget: Budget,
    out: TextIO,
    err: TextIO,
    header: Mapping[str, Any],
) -> Writer:
    """The writer for ``fmt`` (one of :data:`WRITERS`)."""
    ctx = _Context(form, locale, fail_on, budget, out, err, header)
    writer: Writer = WRITERS[fmt](ctx)
    return writer
