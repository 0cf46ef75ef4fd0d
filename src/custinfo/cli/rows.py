"""What the readers produce: rows, opened sources, and the problems of reading.

A row that cannot be read (undecodable bytes, wrong number of cells, invalid
JSON) is a :class:`Row` with ``broken=True`` and a finding that says why; the
rows after it are still read. A file that cannot be read at all is an
:class:`InputError`, whose message is the one-line reason ``check`` prints.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from attrs import define, field

from custinfo import messages
from custinfo.findings import Finding, Severity

__all__ = ["MESSAGES", "Header", "InputError", "Row", "Source", "problem", "read_header"]

MESSAGES = {
    "input.encoding": (
        "该行含有无法按 {encoding} 解码的字节,未校验",
        "The row has bytes that are not valid {encoding}; it was not checked",
    ),
    "input.columns": (
        "该行有 {found} 列,表头有 {expected} 列,未校验(多半是未加引号的逗号或换行)",
        "The row has {found} cells but the header has {expected}; it was not checked "
        "(usually an unquoted comma or line break)",
    ),
    "input.csv": ("CSV 格式错误({reason}),该行未校验", "Malformed CSV ({reason}); not checked"),
    "input.json": (
        "不是合法的 JSON(第 {column} 列:{reason}),该行未校验",
        "Not valid JSON (column {column}: {reason}); the line was not checked",
    ),
    "input.excel_digits": (
        "Excel 只保存了 15 位有效数字,后面的数字已丢失;请把该列设为文本格式后重新导出",
        "Excel kept only 15 significant digits of this number and lost the rest; "
        "format the column as text and export again",
    ),
}
messages.register(MESSAGES)


class InputError(Exception):
    """A file that cannot be read at all; the message is the one-line reason."""


@define(frozen=True, slots=True)
class Row:
    """One record read from a file, or a row that could not be read.

    ``line`` is where the row starts (1 is the header line of a CSV or sheet);
    ``findings`` are problems of reading, attached to columns by their header name.
    """

    line: int
    record: object
    findings: tuple[Finding, ...] = ()
    broken: bool = False


@define(slots=True, eq=False)
class Source:
    """An opened input: its display name, rows, header and read position."""

    name: str
    format: str
    rows: Iterator[Row]
    columns: tuple[str, ...] | None = None
    encoding: str | None = None
    notes: list[str] = field(factory=list)
    position: Callable[[], float | None] = lambda: None
    closer: Callable[[], None] = lambda: None

    def close(self) -> None:
        """Release the file."""
        self.closer()

    def also_close(self, release: Callable[[], object]) -> None:
        """Run ``release`` too when the source is closed (an opened file, a spool)."""
        inner = self.closer

        def close() -> None:
            try:
                inner()
            finally:
                release()

        self.closer = close

    def __enter__(self) -> Source:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def problem(
    code: str, params: Mapping[str, Any] | None = None, column: str | None = None
) -> Finding:
    return Finding(column, code, Severity.ERROR, params)


@define(frozen=True, slots=True)
class Header:
    """Column names, the cells read (duplicates dropped), and the unnamed columns."""

    names: tuple[str, ...]
    keep: tuple[int, ...]
    unnamed: frozenset[int]

    def record(self, cells: list[object]) -> dict[str, object]:
        """The record of a row's cells, by column name."""
        record: dict[str, object] = {}
        for i in self.keep:
            value = cells[i]
            # A column without a header name is read only where it holds something.
            if i not in self.unnamed or value not in (None, ""):
                record[self.names[i]] = value
        return record


def read_header(cells: list[str], notes: list[str]) -> Header:
    """The header of a CSV or sheet; a duplicate column is noted in ``notes`` and not read.

    >>> h = read_header(["客户名称", "", "电话", "电话"], notes := [])
    >>> h.names, h.keep, len(notes)
    (('客户名称', 'column 2', '电话', '电话'), (0, 1, 2), 1)
    >>> h.record(["某公司", "", "138", "139"])
    {'客户名称': '某公司', '电话': '138'}
    """
    names: list[str] = []
    keep: list[int] = []
    unnamed: set[int] = set()
    seen: dict[str, int] = {}
    for i, cell in enumerate(cells):
        name = cell.strip().lstrip("\ufeff")
        if not name:
            name = f"column {i + 1}"
            unnamed.add(i)
        names.append(name)
        if name in seen:
            notes.append(
                f"column {name!r} appears more than once (columns {seen[name] + 1} and {i + 1}); "
                "only the first is checked"
            )
            continue
        seen[name] = i
        keep.append(i)
    return Header(tuple(names), tuple(keep), frozenset(unnamed))
