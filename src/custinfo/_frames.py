"""The engine behind the pandas, Dask and Spark integrations.

One pandas frame (a whole table, a Dask partition or a Spark Arrow batch) goes
in; its findings as columns and an :class:`~custinfo.metrics.AccuracyReport` come
out. Every record goes through :meth:`Form.validate_many`, so a row's findings
are exactly those ``form.validate(row)`` gives, whichever engine ran it.

Cells are read as a spreadsheet user means them: ``None``, ``NaN``, ``NaT`` and
``pd.NA`` are blanks; a float that holds a whole number exactly is that integer
(a column of phone numbers with one empty cell arrives as floats, and
``13800138000.0`` is the number ``13800138000``); numpy scalars are Python values.
This is decided value by value, never per column, so any split of a table into
partitions or batches gives the same answers.
"""

from __future__ import annotations

import datetime
import itertools
import math
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from decimal import Decimal
from typing import Any

import attrs
import numpy as np
import pandas as pd
from attrs import define

from custinfo import forms, messages
from custinfo.findings import DefinitionError, Report
from custinfo.metrics import AccuracyReport
from custinfo.model import Form

__all__ = [
    "FINDING_COLUMNS",
    "Findings",
    "Job",
    "cell",
    "column_values",
    "form_of",
]

FINDING_COLUMNS = ("row", "field", "code", "severity", "message_zh", "message_en", "value")
"""The columns of a findings frame, in order; ``value`` is masked like in a Finding."""

CHUNK = 8192
"""Rows turned into Python values at a time (bounds the memory of a large frame)."""

_EXACT = 2**53  # beyond this a float no longer holds every integer exactly


def cell(value: Any) -> Any:
    """A cell as the validators expect it (see the module docstring).

    >>> cell(float("nan")), cell(13800138000.0), cell(np.int64(7)), cell(1.5), cell(pd.NaT)
    (None, 13800138000, 7, 1.5, None)
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer() and -_EXACT <= value <= _EXACT:
            return int(value)
        return float(value)
    if isinstance(value, np.generic):
        return cell(value.item())
    if isinstance(value, Decimal) and value.is_nan():
        return None
    return value


def column_values(column: pd.Series) -> list[Any]:
    """The cells of a column as Python values (:func:`cell` applied)."""
    values: list[Any] = column.tolist()
    dtype = column.dtype
    if isinstance(dtype, np.dtype) and dtype.kind in "iub":  # numpy ints, bools: never blank
        return values
    return [v if v.__class__ is str else cell(v) for v in values]  # most cells are text


def form_of(form: Form | str) -> Form:
    """A form, or the registered form of that name (latest version)."""
    if isinstance(form, Form):
        return form
    if isinstance(form, str):
        return forms.get(form)
    raise DefinitionError(f"expected a Form or a form name, not {type(form).__name__}")


def _resolve_mapping(
    form: Form, frame_columns: Iterable[Hashable], columns: Mapping[Hashable, str | None] | None
) -> dict[Hashable, str | None]:
    mapping = dict(columns or {})
    missing = [c for c in mapping if c not in frame_columns]
    if missing:
        raise DefinitionError(f"columns mapping names columns the frame lacks: {missing}")
    resolved: dict[Hashable, str | None] = {}
    for column, target in mapping.items():
        if target is None:
            resolved[column] = None
            continue
        key = form.plan.resolve(target)
        if key is None:
            raise DefinitionError(f"column {column!r} is mapped to {target!r}, not a field")
        resolved[column] = key
    return resolved


@define(frozen=True, slots=True)
class Job:
    """What every partition needs to validate its rows the same way.

    ``names`` pairs each frame column fed to the form with the name the record
    uses for it (the mapped form key, or the column label for the form to
    resolve); ``row`` is the column whose values identify rows (``None``: the
    frame's index). ``today`` is fixed once, by the caller, for all partitions.
    """

    form: Form
    names: tuple[tuple[Hashable, Hashable], ...]
    row: Hashable | None
    today: datetime.date
    collector_field: str = "collector"
    date_field: str = "confirmed_at"

    @classmethod
    def prepare(
        cls,
        form: Form | str,
        frame_columns: Iterable[Hashable],
        *,
        columns: Mapping[Hashable, str | None] | None = None,
        row: Hashable | None = None,
        today: datetime.date,
        collector_field: str = "collector",
        date_field: str = "confirmed_at",
    ) -> Job:
        """Check the frame's columns against the form and the ``columns`` mapping.

        A column mapped to ``None`` is left out; the ``row`` column is left out
        unless it is also one of the form's fields; every other column is given
        to the form, which reports those it does not know (``unknown_field``).
        """
        form = form_of(form)
        labels = list(frame_columns)
        repeated = sorted(str(c) for c, n in Counter(labels).items() if n > 1)
        if repeated:
            raise DefinitionError(f"column names must be unique; repeated: {repeated}")
        if row is not None and row not in labels:
            raise DefinitionError(f"row column {row!r} is not in the frame")
        mapping = _resolve_mapping(form, labels, columns)
        names: list[tuple[Hashable, Hashable]] = []
        for column in labels:
            if column in mapping:
                key = mapping[column]
                if key is not None:
                    names.append((column, key))
            elif column != row or form.plan.resolve(column) is not None:
                names.append((column, column))
        return cls(form, tuple(names), row, today, collector_field, date_field)

    def shippable(self) -> Job:
        """This job with a fresh copy of the form, to send to workers: the
        declaration travels, not the compiled plan and its memo (each worker
        compiles its own)."""
        return attrs.evolve(self, form=attrs.evolve(self.form))

    def run(self, frame: pd.DataFrame, *, cleaned: bool = False, reveal: bool = False) -> Outcome:
        """Validate every row of ``frame`` (a whole table, a partition or a batch)."""
        findings = Findings()
        report = AccuracyReport()
        rows: list[Mapping[str, Any]] | None = [] if cleaned else None
        form, keys = self.form, [key for _, key in self.names]
        for start in range(0, len(frame), CHUNK):
            chunk = frame.iloc[start : start + CHUNK]
            arrays = [column_values(chunk[column]) for column, _ in self.names]
            cells = zip(*arrays, strict=True) if arrays else itertools.repeat((), len(chunk))
            records = (dict(zip(keys, values, strict=True)) for values in cells)
            for position, result in enumerate(form.validate_many(records, today=self.today), start):
                report.add_record(
                    result, collector_field=self.collector_field, date_field=self.date_field
                )
                if result.findings:
                    findings.add(position, result)
                if rows is not None:
                    rows.append(_shown(result, reveal))
        return Outcome(findings, report, rows)

    def row_labels(self, frame: pd.DataFrame) -> pd.Index:
        """What identifies each row of ``frame`` in the findings."""
        if self.row is not None:
            return pd.Index(frame[self.row])
        index = frame.index
        return index.to_flat_index() if isinstance(index, pd.MultiIndex) else index


def _shown(result: Report, reveal: bool) -> Mapping[str, Any]:
    if reveal or result.mask is None:
        return result.cleaned
    mask = result.mask
    return {key: mask(key, value) for key, value in result.cleaned.items()}


class Findings:
    """Findings as parallel columns; each distinct message is rendered once."""

    __slots__ = ("_messages", "codes", "en", "fields", "positions", "severities", "values", "zh")

    def __init__(self) -> None:
        self.positions: list[int] = []
        self.fields: list[str | None] = []
        self.codes: list[str] = []
        self.severities: list[str] = []
        self.zh: list[str] = []
        self.en: list[str] = []
        self.values: list[str | None] = []
        self._messages: dict[tuple[str, Hashable], tuple[str, str]] = {}

    def add(self, position: int, report: Report) -> None:
        """Append the findings of the record at ``position``."""
        for f in report.findings:
            zh, en = self._render(f.code, f.params)
            self.positions.append(position)
            self.fields.append(f.field)
            self.codes.append(f.code)
            self.severities.append(f.severity.value)
            self.zh.append(zh)
            self.en.append(en)
            self.values.append(f.value)

    def _render(self, code: str, params: Mapping[str, Any]) -> tuple[str, str]:
        # A table repeats the same few findings thousands of times: render each once.
        try:
            key: tuple[str, Hashable] = (code, tuple(sorted(params.items())))
            found = self._messages.get(key)
        except TypeError:  # unhashable params
            return messages.render(code, "zh", params), messages.render(code, "en", params)
        if found is None:
            found = messages.render(code, "zh", params), messages.render(code, "en", params)
            self._messages[key] = found
        return found

    def __len__(self) -> int:
        return len(self.positions)

    def frame(self, labels: pd.Index) -> pd.DataFrame:
        """The findings frame; ``labels`` are the row labels of the validated frame."""
        text = (self.fields, self.codes, self.severities, self.zh, self.en, self.values)
        columns = zip(FINDING_COLUMNS[1:], text, strict=True)
        frame = pd.DataFrame({name: pd.Series(values, dtype=object) for name, values in columns})
        frame.insert(0, "row", labels.take(self.positions))
        return frame


@define(frozen=True, slots=True)
class Outcome:
    """What one frame gave: its findings, its accuracy report and (if asked) cleaned rows."""

    findings: Findings
    report: AccuracyReport
    cleaned: list[Mapping[str, Any]] | None = None
