"""Terminal text: safe characters, display width of CJK text, aligned tables.

A Chinese character takes two columns of a terminal, so ``str.ljust`` misaligns
mixed tables; widths here come from Unicode's East Asian Width property:

>>> width("客户ab"), pad("客户", 6) + "|"
(6, '客户  |')
>>> print("\\n".join(table(["键", "名称"], [["phone", "联系方式"], ["email", "电子邮箱"]])))
键     名称
-----  --------
phone  联系方式
email  电子邮箱

Data from files never reaches the terminal raw: control characters and bidi
overrides (which can disguise text) become U+FFFD.

>>> clean("a\\x1b[31mb\\u202ec")
'a\\ufffd[31mb\\ufffdc'
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

__all__ = ["clean", "pad", "table", "width", "wrap"]

_UNSAFE = {c: "\ufffd" for c in (*range(0x00, 0x20), *range(0x7F, 0xA0))}
_UNSAFE.update({c: "\ufffd" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})
_UNSAFE.update({0xFFFE: "\ufffd", 0xFFFF: "\ufffd"})
_UNSAFE.update({c: "\ufffd" for c in range(0xD800, 0xE000)})


def clean(text: str) -> str:
    """``text`` with control characters, bidi overrides and surrogates replaced."""
    return text.translate(_UNSAFE)


def _char_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal (CJK: two per character)."""
    if text.isascii():
        return len(text)
    return sum(_char_width(c) for c in text)


def pad(text: str, columns: int) -> str:
    """``text`` padded with spaces to ``columns`` display columns."""
    return text + " " * max(columns - width(text), 0)


def wrap(text: str, columns: int) -> list[str]:
    """Break ``text`` into lines of at most ``columns`` display columns.

    Latin words are kept whole where they fit; CJK text breaks between any two
    characters, as Chinese typesetting does.

    >>> wrap("按《国民经济行业分类》填写", 10)
    ['按《国民经', '济行业分类', '》填写']
    """
    columns = max(columns, 2)
    lines: list[str] = []
    line, used = "", 0
    for piece in _pieces(text):
        word, size = piece, width(piece)
        if used + size > columns and line:
            lines.append(line.rstrip())
            line, used = "", 0
            word = word.lstrip()
            size = width(word)
        while size > columns:  # a word longer than the line: cut it
            cut, taken = "", 0
            for c in word:
                if taken + _char_width(c) > columns:
                    break
                cut += c
                taken += _char_width(c)
            lines.append(cut)
            word = word[len(cut) :]
            size = width(word)
        line += word
        used += size
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


def _pieces(text: str) -> list[str]:
    # Latin runs stay together (with the space before them); CJK characters stand alone.
    pieces: list[str] = []
    for c in text:
        if pieces and _char_width(c) == 1 and not c.isspace() and _latin_tail(pieces[-1]):
            pieces[-1] += c
        else:
            pieces.append(c)
    return pieces


def _latin_tail(piece: str) -> bool:
    return bool(piece) and _char_width(piece[-1]) == 1


def table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], *, max_width: int | None = None
) -> list[str]:
    """An aligned plain-text table; the last column wraps to fit ``max_width``."""
    cells = [[clean(str(c)) for c in row] for row in rows]
    widths = [width(h) for h in headers]
    for row in cells:
        for i, c in enumerate(row[:-1]):
            widths[i] = max(widths[i], width(c))
    lead = sum(widths[:-1]) + 2 * (len(headers) - 1)
    last = max([width(headers[-1]), *(width(r[-1]) for r in cells)])
    if max_width is not None and lead + last > max_width:
        last = max(max_width - lead, 16)
    widths[-1] = last

    def line(values: Sequence[str]) -> str:
        return (
            "  ".join(pad(v, widths[i]) for i, v in enumerate(values[:-1]))
            + ("  " if len(values) > 1 else "")
            + values[-1]
        )

    out = [line(list(headers)).rstrip(), line(["-" * w for w in widths]).rstrip()]
    for row in cells:
        parts = wrap(row[-1], widths[-1])
        out.append(line([*row[:-1], parts[0]]).rstrip())
        blank = [""] * (len(row) - 1)
        out.extend(line([*blank, p]).rstrip() for p in parts[1:])
    return out
