""".xlsx workbooks through openpyxl (the ``xlsx`` extra, imported on first use).

Cells become the text a CSV export would hold: whole numbers without ``.0``,
dates as ``YYYY-MM-DD``. Excel keeps 15 significant digits of a number, so an
ID typed into a number cell has lost its last digits: that is reported
(``input.excel_digits``), not taken for a wrong check digit only.
"""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from custinfo.cli.rows import Header, InputError, Row, Source, problem, read_header

__all__ = ["cell", "open_xlsx"]

_EXCEL_DIGITS = 1e15  # integers from here up lose digits in Excel's 15-digit floats


def _openpyxl() -> Any:
    try:
        return importlib.import_module("openpyxl")
    except ImportError:
        raise InputError("reading .xlsx needs openpyxl: pip install 'custinfo[xlsx]'") from None


def cell(value: object) -> tuple[object, bool]:
    """A cell as text, as a CSV export would have it; True when Excel lost digits."""
    if value is None or isinstance(value, str):
        return value, False
    if isinstance(value, bool):
        return str(value).upper(), False
    if isinstance(value, float) and value.is_integer():
        return str(int(value)), abs(value) >= _EXCEL_DIGITS
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time():
            return value.date().isoformat(), False
        return value.isoformat(sep=" "), False
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat(), False
    return str(value), False


def _xlsx_rows(sheet: Any, source: Source, counter: list[int]) -> Iterator[Row]:
    header: Header | None = None
    for number, values in enumerate(sheet.iter_rows(values_only=True), 1):
        counter[0] = number
        cells = [cell(v) for v in values]
        if all(v is None or (isinstance(v, str) and not v.strip()) for v, _ in cells):
            continue
        if header is None:
            header = read_header(["" if v is None else str(v) for v, _ in cells], source.notes)
            source.columns = header.names
            continue
        width = len(header.names)
        if any(v not in (None, "") for v, _ in cells[width:]):
            found = max(i for i, (v, _) in enumerate(cells) if v not in (None, "")) + 1
            params = {"found": found, "expected": width}
            yield Row(number, None, (problem("input.columns", params),), True)
            continue
        cells += [(None, False)] * (width - len(cells))
        lost = tuple(
            problem("input.excel_digits", column=header.names[i])
            for i in header.keep
            if cells[i][1]
        )
        yield Row(number, header.record([v for v, _ in cells]), lost)


def open_xlsx(name: str, stream: BinaryIO, sheet_name: str | None) -> Source:
    """Open a workbook read-only (streaming) at ``sheet_name`` or its first sheet."""
    openpyxl = _openpyxl()
    try:
        workbook = openpyxl.load_workbook(stream, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise InputError(f"cannot read {name} as .xlsx ({type(exc).__name__})") from None
    try:
        sheet = workbook[sheet_name] if sheet_name else workbook.worksheets[0]
    except (KeyError, IndexError):
        workbook.close()
        raise InputError(
            f"{name} has no sheet {sheet_name!r}; sheets: {', '.join(workbook.sheetnames)}"
        ) from None
    total = sheet.max_row if isinstance(sheet.max_row, int) and sheet.max_row > 0 else None
    counter = [0]
    source = Source(name, "xlsx", iter(()), closer=workbook.close)
    source.rows = _xlsx_rows(sheet, source, counter)
    source.position = lambda: min(counter[0] / total, 1.0) if total else None
    return source
