"""Readers: CSV (UTF-8, UTF-8 with BOM, GB18030, UTF-16), JSON Lines and .xlsx, as rows.

Every reader streams: it holds one row at a time, whatever the size of the
file. A row that cannot be read (undecodable bytes, wrong number of cells,
invalid JSON) becomes a :class:`Row` with ``broken=True`` and a finding that
says why; the rows after it are still read. Only a file that cannot be read at
all (missing, not a workbook, a JSON array) stops with :class:`InputError`.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import importlib
import io
import json
import os
import tempfile
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from typing import IO, Any, BinaryIO

from attrs import define, field

from custinfo import messages
from custinfo.findings import Finding, Severity

__all__ = [
    "FORMATS",
    "MESSAGES",
    "InputError",
    "Row",
    "Source",
    "detect_encoding",
    "open_input",
]

FORMATS = ("csv", "jsonl", "xlsx")

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

_PREFIX = 64 * 1024  # bytes read ahead to detect the format and the encoding
_EXCEL_DIGITS = 1e15  # integers from here up lose digits in Excel's 15-digit floats


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


# -- encodings ----------------------------------------------------------------


def _decodes(data: bytes, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        decoder.decode(data, final=False)  # a character cut at the end is fine
    except UnicodeDecodeError:
        return False
    return True


def detect_encoding(prefix: bytes) -> str:
    """The encoding of a text file from its first bytes: a BOM, else UTF-8, else GB18030.

    GB18030 is a superset of GBK and GB 2312, the encodings of Chinese Excel's
    "CSV" export; it is only chosen when the bytes are not UTF-8.

    >>> detect_encoding("客户".encode("gb18030")), detect_encoding("客户".encode())
    ('gb18030', 'utf-8')
    >>> detect_encoding(codecs.BOM_UTF8 + b"a,b")
    'utf-8-sig'
    """
    if prefix.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if prefix.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if _decodes(prefix, "utf-8"):
        return "utf-8"
    if _decodes(prefix, "gb18030"):
        return "gb18030"
    return "utf-8"


def _ascii_compatible(encoding: str) -> bool:
    try:
        return '\n,"{'.encode(encoding) == b'\n,"{'
    except (UnicodeError, LookupError):
        return False


def _check_encoding(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None


class _Decoder:
    """Decodes one line at a time; a bad line is marked, not fatal.

    When the encoding was guessed as UTF-8 from an all-ASCII beginning and a
    later line is GB18030, it switches: ASCII reads the same in both.
    """

    def __init__(self, encoding: str, guessed: bool) -> None:
        self.encoding = encoding
        self.guessed = guessed
        self.ascii_so_far = True

    def __call__(self, line: bytes) -> tuple[str, bool]:
        try:
            text = line.decode(self.encoding)
        except UnicodeDecodeError:
            if self.guessed and self.ascii_so_far and self.encoding == "utf-8":
                try:
                    text = line.decode("gb18030")
                except UnicodeDecodeError:
                    pass
                else:
                    self.encoding = "gb18030"
                    self.ascii_so_far = False
                    return text, True
            return line.decode(self.encoding, errors="replace"), False
        if self.ascii_so_far and not line.isascii():
            self.ascii_so_far = False
        return text, True


# -- raw bytes ------------------------------------------------------------------


class _Bytes:
    """A binary stream read line by line after a prefix, counting what was read."""

    def __init__(self, stream: BinaryIO, prefix: bytes, size: int | None) -> None:
        self.stream = stream
        self.prefix = prefix
        self.size = size
        self.read = 0

    def lines(self) -> Iterator[bytes]:
        pending = b""
        for line in io.BytesIO(self.prefix):
            if line.endswith(b"\n"):
                self.read += len(line)
                yield line
            else:
                pending = line
        if pending:
            line = pending + self.stream.readline()
            self.read += len(line)
            yield line
        for line in self.stream:
            self.read += len(line)
            yield line

    def fraction(self) -> float | None:
        return min(self.read / self.size, 1.0) if self.size else None


def _finding(
    code: str, params: Mapping[str, Any] | None = None, column: str | None = None
) -> Finding:
    return Finding(column, code, Severity.ERROR, params)


# -- CSV ----------------------------------------------------------------------


def _delimiter(header: str, name: str) -> str:
    if name.lower().endswith(".tsv"):
        return "\t"
    counts = {d: header.count(d) for d in (",", "\t", ";", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


@define(frozen=True, slots=True)
class _Header:
    """Column names, the cells read (duplicates dropped), and the unnamed columns."""

    names: tuple[str, ...]
    keep: tuple[int, ...]
    unnamed: frozenset[int]

    def record(self, cells: list[object]) -> dict[str, object]:
        record: dict[str, object] = {}
        for i in self.keep:
            value = cells[i]
            # A column without a header name is read only where it holds something.
            if i not in self.unnamed or value not in (None, ""):
                record[self.names[i]] = value
        return record


def _header(cells: list[str], notes: list[str]) -> _Header:
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
    return _Header(tuple(names), tuple(keep), frozenset(unnamed))


def _csv_rows(
    text_lines: Iterator[str],
    bad: deque[int],
    name: str,
    source: Source,
    encoding: Callable[[], str],
) -> Iterator[Row]:
    header: _Header | None = None
    # Peek at the first non-blank line for the delimiter, then hand all lines to csv.
    buffered: list[str] = []
    for line in text_lines:
        buffered.append(line)
        if line.strip():
            break
    if not buffered or not buffered[-1].strip():
        return
    delimiter = _delimiter(buffered[-1], name)
    lines = _chain(buffered, text_lines)
    reader = csv.reader(lines, delimiter=delimiter, strict=False)
    previous = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            start, previous = previous + 1, reader.line_num
            yield Row(start, None, (_finding("input.csv", {"reason": str(exc)[:80]}),), True)
            continue
        start, previous = previous + 1, reader.line_num
        while bad and bad[0] < start:
            bad.popleft()
        undecodable = bool(bad) and bad[0] <= previous
        if not cells or not any(c.strip() for c in cells):
            continue
        if header is None:
            header = _header(cells, source.notes)
            source.columns = header.names
            if undecodable:
                source.notes.append(f"the header line has bytes that are not {source.encoding}")
            continue
        if undecodable:
            found = _finding("input.encoding", {"encoding": encoding()})
            yield Row(start, None, (found,), True)
        elif len(cells) != len(header.names):
            params = {"found": len(cells), "expected": len(header.names)}
            yield Row(start, None, (_finding("input.columns", params),), True)
        else:
            yield Row(start, header.record(list(cells)))


def _chain(first: list[str], rest: Iterator[str]) -> Iterator[str]:
    yield from first
    yield from rest


def _decoded(raw: _Bytes, decoder: _Decoder, bad: deque[int]) -> Iterator[str]:
    for number, line in enumerate(raw.lines(), 1):
        text, ok = decoder(line)
        if not ok:
            bad.append(number)
        yield text


def _open_csv(name: str, raw: _Bytes, encoding: str, guessed: bool) -> Source:
    source = Source(name, "csv", iter(()), encoding=encoding, position=raw.fraction)
    bad: deque[int] = deque()
    if _ascii_compatible(encoding):
        decoder = _Decoder(encoding, guessed)
        lines: Iterator[str] = _decoded(raw, decoder, bad)
        current = lambda: decoder.encoding  # noqa: E731 - it may switch to GB18030
    else:
        lines = _wide_lines(name, raw, encoding)
        current = lambda: encoding  # noqa: E731
    source.rows = _csv_rows(lines, bad, name, source, current)
    return source


def _wide_lines(name: str, raw: _Bytes, encoding: str) -> Iterator[str]:
    # UTF-16 and the like: newline bytes differ, so decode the stream as a whole.
    stream = io.TextIOWrapper(io.BufferedReader(_Reread(raw)), encoding=encoding, newline="")
    number = 0
    try:
        for number, line in enumerate(stream, 1):  # noqa: B007 - number is read below
            yield line
    except UnicodeDecodeError:
        raise InputError(f"{name}: cannot decode line {number + 1} as {encoding}") from None


class _Reread(io.RawIOBase):
    """The prefix and the rest of a stream as one readable binary stream."""

    def __init__(self, raw: _Bytes) -> None:
        self._lines = raw.lines()
        self._buffer = b""

    def readable(self) -> bool:
        return True

    def readinto(self, target: Any) -> int:
        while not self._buffer:
            try:
                self._buffer = next(self._lines)
            except StopIteration:
                return 0
        n = min(len(target), len(self._buffer))
        target[:n] = self._buffer[:n]
        self._buffer = self._buffer[n:]
        return n


# -- JSON Lines -----------------------------------------------------------------


def _jsonl_rows(raw: _Bytes, decoder: _Decoder) -> Iterator[Row]:
    for number, line in enumerate(raw.lines(), 1):
        text, ok = decoder(line)
        if not text.strip():
            continue
        if not ok:
            found = _finding("input.encoding", {"encoding": decoder.encoding})
            yield Row(number, None, (found,), True)
            continue
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            found = _finding("input.json", {"column": exc.colno, "reason": exc.msg})
            yield Row(number, None, (found,), True)
            continue
        yield Row(number, value)


def _open_jsonl(name: str, raw: _Bytes, encoding: str, guessed: bool) -> Source:
    start = raw.prefix.lstrip(codecs.BOM_UTF8).lstrip()
    if start.startswith(b"["):
        raise InputError(f"{name} is a JSON array; custinfo reads JSON Lines (one object per line)")
    if not _ascii_compatible(encoding):
        raise InputError(f"{name}: JSON Lines must be UTF-8 (or GB18030), not {encoding}")
    decoder = _Decoder(encoding, guessed)
    rows = _jsonl_rows(raw, decoder)
    return Source(name, "jsonl", rows, encoding=encoding, position=raw.fraction)


# -- xlsx -----------------------------------------------------------------------


def _openpyxl() -> Any:
    try:
        return importlib.import_module("openpyxl")
    except ImportError:
        raise InputError("reading .xlsx needs openpyxl: pip install 'custinfo[xlsx]'") from None


def _cell(value: object) -> tuple[object, bool]:
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
    header: _Header | None = None
    for number, values in enumerate(sheet.iter_rows(values_only=True), 1):
        counter[0] = number
        cells = [_cell(v) for v in values]
        if all(v is None or (isinstance(v, str) and not v.strip()) for v, _ in cells):
            continue
        if header is None:
            header = _header(["" if v is None else str(v) for v, _ in cells], source.notes)
            source.columns = header.names
            continue
        width = len(header.names)
        if any(v not in (None, "") for v, _ in cells[width:]):
            found = max(i for i, (v, _) in enumerate(cells) if v not in (None, "")) + 1
            params = {"found": found, "expected": width}
            yield Row(number, None, (_finding("input.columns", params),), True)
            continue
        cells += [(None, False)] * (width - len(cells))
        lost = tuple(
            _finding("input.excel_digits", column=header.names[i])
            for i in header.keep
            if cells[i][1]
        )
        yield Row(number, header.record([v for v, _ in cells]), lost)


def _open_xlsx(name: str, stream: BinaryIO, sheet_name: str | None) -> Source:
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


# -- opening --------------------------------------------------------------------


def _format_of(name: str, prefix: bytes) -> str:
    lower = name.lower()
    if lower.endswith((".csv", ".tsv", ".txt")):
        return "csv"
    if lower.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if lower.endswith((".xlsx", ".xlsm")):
        return "xlsx"
    if lower.endswith(".xls"):
        raise InputError(f"{name}: the old .xls format is not supported; save it as .xlsx or CSV")
    if prefix.startswith(b"PK\x03\x04"):
        return "xlsx"
    if prefix.lstrip(codecs.BOM_UTF8).lstrip().startswith((b"{", b"[")):
        return "jsonl"
    return "csv"


def _size(stream: IO[bytes]) -> int | None:
    try:
        return os.fstat(stream.fileno()).st_size or None
    except (OSError, ValueError, io.UnsupportedOperation):
        return None


def open_input(
    spec: str,
    *,
    stdin: BinaryIO | None = None,
    input_format: str | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
    name: str | None = None,
    stream: BinaryIO | None = None,
) -> Source:
    """Open a file (``"-"``: ``stdin``; or an already opened binary ``stream``) for reading rows.

    The format comes from ``input_format``, else the file name's extension, else
    the first bytes; the encoding of text formats from ``encoding``, else a BOM,
    else UTF-8 or GB18030, whichever decodes.
    """
    if encoding is not None:
        encoding = _check_encoding(encoding)
    display = name or ("<stdin>" if spec == "-" else spec)
    opened: BinaryIO | None = None
    if stream is None:
        if spec == "-":
            stream = stdin if stdin is not None else _stdin()
        else:
            try:
                stream = opened = open(spec, "rb")  # noqa: SIM115 - closed by the Source
            except OSError as exc:
                raise InputError(f"cannot open {spec}: {exc.strerror or exc}") from None
    try:
        source = _open_stream(display, stream, input_format, encoding, sheet)
    except BaseException:
        if opened is not None:
            opened.close()
        raise
    if opened is not None:
        source.also_close(opened.close)
    return source


def _stdin() -> BinaryIO:
    import sys

    return sys.stdin.buffer


def _open_stream(
    name: str, stream: BinaryIO, input_format: str | None, encoding: str | None, sheet: str | None
) -> Source:
    try:
        prefix = stream.read(_PREFIX)
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror or exc}") from None
    kind = input_format or _format_of(name, prefix)
    if kind == "xlsx":
        if not stream.seekable():
            spool = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115
            spool.write(prefix)
            while chunk := stream.read(1024 * 1024):
                spool.write(chunk)
            spool.seek(0)
            source = _open_xlsx(name, spool, sheet)  # type: ignore[arg-type]
            source.also_close(spool.close)
            return source
        stream.seek(0)
        return _open_xlsx(name, stream, sheet)
    raw = _Bytes(stream, prefix, _size(stream))
    chosen = encoding or detect_encoding(prefix)
    if kind == "jsonl":
        return _open_jsonl(name, raw, chosen, encoding is None)
    return _open_csv(name, raw, chosen, encoding is None)
