"""Text encodings of input files: detection, and decoding one line at a time.

Chinese CSV exports come as UTF-8, UTF-8 with a BOM (Excel's "CSV UTF-8"),
GB18030 (a superset of GBK and GB 2312: a Chinese Excel's plain "CSV") or
UTF-16 ("Unicode text"). Lines are decoded one by one, so a line with bad bytes
spoils only its own row.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from typing import Any, BinaryIO

from custinfo.cli.rows import InputError

__all__ = [
    "ByteLines",
    "Decoder",
    "Reread",
    "ascii_compatible",
    "check_encoding",
    "detect_encoding",
]


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


def ascii_compatible(encoding: str) -> bool:
    """True when newline, comma, quote and brace are single ASCII bytes (not UTF-16)."""
    try:
        return '\n,"{'.encode(encoding) == b'\n,"{'
    except (UnicodeError, LookupError):
        return False


def check_encoding(encoding: str) -> str:
    """The codec's canonical name, or :class:`InputError` for an unknown encoding."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None


class Decoder:
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


class ByteLines:
    """A binary stream read line by line after a prefix, counting what was read."""

    def __init__(self, stream: BinaryIO, prefix: bytes, size: int | None) -> None:
        self.stream = stream
        self.prefix = prefix
        self.size = size
        self.read = 0

    def lines(self) -> Iterator[bytes]:
        """The lines of the stream (with their line ends), counting the bytes read."""
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
        """How much of the stream was read (None when its size is unknown)."""
        return min(self.read / self.size, 1.0) if self.size else None


class Reread(io.RawIOBase):
    """The prefix and the rest of a stream as one readable binary stream."""

    def __init__(self, raw: ByteLines) -> None:
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
