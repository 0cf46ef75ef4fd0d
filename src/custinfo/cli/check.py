"""``custinfo check``: read files, validate every record, write findings and a summary.

Records stream from the readers through ``form.validate_many`` to the writer,
one at a time: memory does not grow with the number of rows.
"""

from __future__ import annotations

import datetime
import os
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, BinaryIO, TextIO

import attrs
from attrs import define

from custinfo.cli.progress import Progress
from custinfo.cli.readers import InputError, Row, Source, open_input
from custinfo.cli.summary import RunSummary
from custinfo.cli.writers import Budget, Entry, make_writer
from custinfo.findings import Finding, Report, Severity
from custinfo.model import Form
from custinfo.model.plan import key_form

__all__ = ["Settings", "run"]

_ID_LENGTH = 64  # a key column's value is shown up to this length


@define(frozen=True, slots=True)
class Settings:
    """Everything a check run needs besides its files and streams."""

    form: Form
    today: datetime.date
    format: str = "text"
    locale: str = "zh"
    fail_on: Severity = Severity.ERROR
    mapping: Mapping[str, str] = attrs.field(factory=dict)
    id_column: str | None = None
    max_findings: int | None = None
    encoding: str | None = None
    input_format: str | None = None
    sheet: str | None = None
    progress: bool = False


class _Columns:
    """How a file's column names map to form keys (CRM mapping, the key column)."""

    def __init__(self, settings: Settings) -> None:
        form = settings.form
        self.form = form
        self.mapping = dict(settings.mapping)
        self.inverse = {crm: key for key, crm in {**form.crm, **settings.mapping}.items()}
        self.id_column = settings.id_column
        self._keys: dict[str, str | None] = {}

    def key(self, column: str) -> str | None:
        """The form key a column stands for, or None."""
        if column not in self._keys:
            self._keys[column] = self.form.plan.resolve(self.inverse.get(column, column))
        return self._keys[column]

    def find_id(self, record: Mapping[str, object]) -> str | None:
        """The actual name of the key column in ``record`` (spacing and width forgiven)."""
        wanted = self.id_column
        if wanted is None:
            return None
        if wanted in record:
            return wanted
        folded = key_form(wanted)
        return next((c for c in record if isinstance(c, str) and key_form(c) == folded), None)

    def shown_id(self, column: str | None, record: Mapping[str, object]) -> str | None:
        if column is None:
            return None
        value = record.get(column)
        if value is None or value == "":
            return None
        text = str(value).strip()[:_ID_LENGTH]
        key = self.key(column)
        return str(self.form.plan.mask(key, text)) if key is not None else text

    def prepare(self, record: object, id_col: str | None) -> object:
        if not isinstance(record, Mapping):
            return record
        if id_col is not None and self.key(id_col) is None:
            record = {k: v for k, v in record.items() if k != id_col}
        return self.form.from_crm(record, self.mapping) if self.inverse else record

    def attach(self, findings: Sequence[Finding]) -> tuple[Finding, ...]:
        # Reading problems name a column; findings name a form key.
        attached = []
        for f in findings:
            if f.field is None:
                attached.append(f)
                continue
            key = self.key(f.field)
            if key is not None:
                attached.append(attrs.evolve(f, field=key))
        return tuple(attached)


_UNREAD = object()  # stands in for an unreadable row in the stream to validate_many


def _entries(settings: Settings, source: Source, columns: _Columns) -> Iterator[Entry]:
    form = settings.form
    pending: deque[tuple[Row, str | None]] = deque()
    checked_header = False

    def feed() -> Iterator[object]:
        nonlocal checked_header
        for row in source.rows:
            if not checked_header:
                _check_id_column(source, columns)
                checked_header = True
            if row.broken:
                pending.append((row, None))
                yield _UNREAD
                continue
            record = row.record
            id_col = columns.find_id(record) if isinstance(record, Mapping) else None
            ident = columns.shown_id(id_col, record) if isinstance(record, Mapping) else None
            pending.append((row, ident))
            yield columns.prepare(record, id_col)

    for validated in form.validate_many(feed(), today=settings.today):
        row, ident = pending.popleft()
        report = validated
        if row.broken:
            report = Report(form.name, row.findings, mask=form.plan.mask)
        elif row.findings:
            extra = columns.attach(row.findings)
            report = attrs.evolve(validated, findings=extra + validated.findings)
        yield Entry(source.name, row.line, ident, report, row.broken)
    if not checked_header:
        _check_id_column(source, columns)


def _check_id_column(source: Source, columns: _Columns) -> None:
    wanted = columns.id_column
    if wanted is None or source.columns is None:
        return
    if columns.find_id(dict.fromkeys(source.columns)) is None:
        raise InputError(f"{source.name} has no column {wanted!r} (--id-column)")


def preflight(files: Sequence[str]) -> None:
    """Stop before any output when a file is missing or unreadable, or stdin is named twice."""
    if list(files).count("-") > 1:
        raise InputError("standard input ('-') can be read only once")
    for spec in files:
        if spec == "-":
            continue
        if os.path.isdir(spec):
            raise InputError(f"cannot read {spec}: it is a directory")
        if not os.path.exists(spec):
            raise InputError(f"cannot open {spec}: no such file")
        if not os.access(spec, os.R_OK):
            raise InputError(f"cannot open {spec}: permission denied")


def run(
    settings: Settings,
    files: Sequence[str],
    *,
    out: TextIO,
    err: TextIO,
    stdin: BinaryIO | None = None,
    opener: Callable[..., Source] = open_input,
    names: Sequence[str] | None = None,
) -> int:
    """Check ``files``; 0 when nothing reaches ``fail_on``, 1 when something does.

    Raises :class:`InputError` for input that cannot be read at all (call
    :func:`preflight` first to fail before any output). ``opener`` and ``names``
    let ``demo`` feed package data through the same path.
    """
    budget = Budget(settings.max_findings)
    header = {
        "form": settings.form.name,
        "version": settings.form.version,
        "today": settings.today.isoformat(),
        "fail_on": settings.fail_on.value,
        "files": list(names or ["<stdin>" if f == "-" else f for f in files]),
    }
    writer = make_writer(
        settings.format,
        form=settings.form,
        locale=settings.locale,
        fail_on=settings.fail_on,
        budget=budget,
        out=out,
        err=err,
        header=header,
    )
    counts = RunSummary()
    columns = _Columns(settings)
    progress = Progress(err, enabled=settings.progress)
    try:
        for i, spec in enumerate(files):
            with opener(
                spec,
                stdin=stdin,
                input_format=settings.input_format,
                encoding=settings.encoding,
                sheet=settings.sheet,
                name=names[i] if names else None,
            ) as source:
                writer.begin_file(source.name)
                count = 0
                for entry in _entries(settings, source, columns):
                    count += 1
                    counts.add(entry.report, unreadable=entry.unreadable)
                    writer.record(entry)
                    progress.update(source.name, source.position)
                writer.end_file(source.name)
                progress.done()
                for note in source.notes:
                    err.write(f"custinfo: {source.name}: {note}\n")
                if not count:
                    err.write(f"custinfo: {source.name}: no records\n")
    finally:
        progress.done()
    summary: dict[str, Any] = counts.to_dict()
    failed = counts.reached(settings.fail_on)
    summary.update(
        failed=failed,
        shown_findings=budget.shown,
        omitted_findings=budget.omitted,
    )
    writer.finish(summary)
    return 1 if failed else 0
