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
import io
import json
import os
import tempfile
from collections import deque
from collections.abc import Callable, Iterator
from typing import IO, BinaryIO

from custinfo.cli.encodings import (
    ByteLines,
    Decoder,
    Reread,
    ascii_compatible,
    check_encoding,
    detect_encoding,
)
from custinfo.cli.rows import MESSAGES, Header, InputError, Row, Source, problem, read_header
from custinfo.cli.xlsx import open_xlsx

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

_PREFIX = 64 * 1024  # bytes read ahead to detect the format and the encoding


# -- CSV ----------------------------------------------------------------------


def _delimiter(header: str, name: str) -> str:
    if name.lower().endswith(".tsv"):
        return "\t"
    counts = {d: header.count(d) for d in (",", "\t", ";", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


def _csv_rows(
    text_lines: Iterator[str],
    bad: deque[int],
    name: str,
    source: Source,
    encoding: Callable[[], str],
) -> Iterator[Row]:
    header: Header | None = None
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
            yield Row(start, None, (problem("input.csv", {"reason": str(exc)[:80]}),), True)
            continue
        start, previous = previous + 1, reader.line_num
        while bad and bad[0] < start:
            bad.popleft()
        undecodable = bool(bad) and bad[0] <= previous
        if not cells or not any(c.strip() for c in cells):
            continue
        if header is None:
            header = read_header(cells, source.notes)
            source.columns = header.names
            if undecodable:
                source.notes.append(f"the header line has bytes that are not {source.encoding}")
            continue
        if undecodable:
            found = problem("input.encoding", {"encoding": encoding()})
            yield Row(start, None, (found,), True)
        elif len(cells) != len(header.names):
            params = {"found": len(cells), "expected": len(header.names)}
            yield Row(start, None, (problem("input.columns", params),), True)
        else:
            yield Row(start, header.record(list(cells)))


def _chain(first: list[str], rest: Iterator[str]) -> Iterator[str]:
    yield from first
    yield from rest


def _decoded(raw: ByteLines, decoder: Decoder, bad: deque[int]) -> Iterator[str]:
    for number, line in enumerate(raw.lines(), 1):
        text, ok = decoder(line)
        if not ok:
            bad.append(number)
        yield text


def _open_csv(name: str, raw: ByteLines, encoding: str, guessed: bool) -> Source:
    source = Source(name, "csv", iter(()), encoding=encoding, position=raw.fraction)
    bad: deque[int] = deque()
    if ascii_compatible(encoding):
        decoder = Decoder(encoding, guessed)
        lines: Iterator[str] = _decoded(raw, decoder, bad)
        current = lambda: decoder.encoding  # noqa: E731 - it may switch to GB18030
    else:
        lines = _wide_lines(name, raw, encoding)
        current = lambda: encoding  # noqa: E731
    source.rows = _csv_rows(lines, bad, name, source, current)
    return source


def _wide_lines(name: str, raw: ByteLines, encoding: str) -> Iterator[str]:
    # UTF-16 and the like: newline bytes differ, so decode the stream as a whole.
    stream = io.TextIOWrapper(io.BufferedReader(Reread(raw)), encoding=encoding, newline="")
    number = 0
    try:
        for number, line in enumerate(stream, 1):  # noqa: B007 - number is read below
            yield line
    except UnicodeDecodeError:
        raise InputError(f"{name}: cannot decode line {number + 1} as {encoding}") from None


# -- JSON Lines -----------------------------------------------------------------


def _jsonl_rows(raw: ByteLines, decoder: Decoder) -> Iterator[Row]:
    for number, line in enumerate(raw.lines(), 1):
        text, ok = decoder(line)
        if not text.strip():
            continue
        if not ok:
            found = problem("input.encoding", {"encoding": decoder.encoding})
            yield Row(number, None, (found,), True)
            continue
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            found = problem("input.json", {"column": exc.colno, "reason": exc.msg})
            yield Row(number, None, (found,), True)
            continue
        yield Row(number, value)


def _open_jsonl(name: str, raw: ByteLines, encoding: str, guessed: bool) -> Source:
    start = raw.prefix.lstrip(codecs.BOM_UTF8).lstrip()
    if start.startswith(b"["):
        raise InputError(f"{name} is a JSON array; custinfo reads JSON Lines (one object per line)")
    if not ascii_compatible(encoding):
        raise InputError(f"{name}: JSON Lines must be UTF-8 (or GB18030), not {encoding}")
    decoder = Decoder(encoding, guessed)
    rows = _jsonl_rows(raw, decoder)
    return Source(name, "jsonl", rows, encoding=encoding, position=raw.fraction)


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
        encoding = check_encoding(encoding)
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
            source = open_xlsx(name, spool, sheet)  # type: ignore[arg-type]
            source.also_close(spool.close)
            return source
        stream.seek(0)
        return open_xlsx(name, stream, sheet)
    raw = ByteLines(stream, prefix, _size(stream))
    chosen = encoding or detect_encoding(prefix)
    if kind == "jsonl":
        return _open_jsonl(name, raw, chosen, encoding is None)
    return _open_csv(name, raw, chosen, encoding is None)
