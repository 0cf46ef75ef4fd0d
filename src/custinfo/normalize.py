"""The shared normalizers: width, spaces, punctuation, brackets (one place).

Every field goes through :func:`text` before its validator sees it, so a
full-width digit or an ideographic space never reaches a check:

>>> text("　１３８ ００１３ ８０００ ")
'138 0013 8000'
>>> compact("１３８－００１３－８０００")
'13800138000'
>>> brackets("北京某某科技有限公司【简称：某某科技】")
'北京某某科技有限公司(简称:某某科技)'
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

__all__ = [
    "MAX_LENGTH",
    "as_text",
    "brackets",
    "compact",
    "fold_width",
    "nfc",
    "punctuation",
    "text",
]

MAX_LENGTH = 4096
"""No field value is longer than this; validators reject longer input early."""

_MAX_INT_BITS = 4000 * 3  # ints of up to ~3600 digits become text; larger ones are refused

# Full-width ASCII (U+FF01–U+FF5E) to ASCII, ideographic space to space.
_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}

# Invisible characters people paste from web pages and office documents.
_INVISIBLE = dict.fromkeys(
    (
        0x200B,
        0x200C,
        0x200D,
        0x2060,
        0xFEFF,
        0x00AD,
        0x200E,
        0x200F,
        0x202A,
        0x202B,
        0x202C,
        0x202D,
        0x202E,
        0x2066,
        0x2067,
        0x2068,
        0x2069,
    ),
)

# Chinese punctuation that stands for an ASCII separator in identifiers and numbers.
_PUNCTUATION = {
    ord("，"): ",",
    ord("、"): ",",
    ord("："): ":",
    ord("；"): ";",
    ord("。"): ".",
    ord("．"): ".",
    ord("－"): "-",
    ord("—"): "-",
    ord("–"): "-",
    ord("‐"): "-",
    ord("‑"): "-",
    ord("―"): "-",
    ord("～"): "~",
    ord("〜"): "~",
}

_BRACKETS = {
    ord("（"): "(",
    ord("）"): ")",
    ord("【"): "(",
    ord("】"): ")",
    ord("〔"): "(",
    ord("〕"): ")",
    ord("［"): "(",
    ord("］"): ")",
    ord("["): "(",
    ord("]"): ")",
    ord("｛"): "(",
    ord("｝"): ")",
    ord("﹙"): "(",
    ord("﹚"): ")",
    ord("⦅"): "(",
    ord("⦆"): ")",
}

_SPACES = re.compile(r"\s+")
_SEPARATORS = re.compile(r"[\s\-_./·()]+")

_TEXT_TABLE = str.maketrans({**_WIDTH, **_INVISIBLE})
# Any character _TEXT_TABLE changes: most text has none, and a search is far cheaper than
# a translation of text outside ASCII.
_FOLDABLE = re.compile("[" + "".join(re.escape(chr(c)) for c in _TEXT_TABLE) + "]")
_PUNCT_TABLE = str.maketrans({**_WIDTH, **_INVISIBLE, **_PUNCTUATION})
_BRACKET_TABLE = str.maketrans({**_WIDTH, **_INVISIBLE, **_PUNCTUATION, **_BRACKETS})


def as_text(value: object) -> str | None:
    """A field value as a string: str as is, ints and Decimals as digits, else None.

    Floats are refused (``1.3800138e10`` from a spreadsheet has lost digits),
    as are bytes, containers, booleans and ints too long to be any field's value.

    >>> as_text(13800138000), as_text(1.5), as_text(b"x"), as_text(True)
    ('13800138000', None, None, None)
    """
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        # str() refuses ints of more than 4300 digits; none is a field value
        return str(value) if value.bit_length() <= _MAX_INT_BITS else None
    if isinstance(value, Decimal) and value.is_finite():
        return str(value)
    return None


def fold_width(value: str) -> str:
    """Full-width ASCII to half-width and invisible characters removed, nothing else."""
    return value.translate(_TEXT_TABLE)


def text(value: str) -> str:
    """Width folded, invisible characters removed, whitespace collapsed and stripped."""
    if type(value) is not str:
        value = str.__str__(value)  # what a translation returns for a subclass: a plain str
    # The table maps no ASCII character, so ASCII text needs no translation either.
    folded = (
        value if value.isascii() or not _FOLDABLE.search(value) else value.translate(_TEXT_TABLE)
    )
    if " " not in folded and folded.isprintable():
        return folded  # the common case: every other whitespace character is unprintable
    return _SPACES.sub(" ", folded).strip()


def punctuation(value: str) -> str:
    """:func:`text` plus Chinese punctuation to its ASCII counterpart (，→ , ：→ :)."""
    return _SPACES.sub(" ", value.translate(_PUNCT_TABLE)).strip()


def brackets(value: str) -> str:
    """:func:`punctuation` plus every bracket style to ASCII ``(`` ``)``; spaces dropped
    next to brackets."""
    folded = _SPACES.sub(" ", value.translate(_BRACKET_TABLE)).strip()
    return re.sub(r"\s*([()])\s*", r"\1", folded)


def compact(value: str, keep: str = "") -> str:
    """:func:`punctuation` without spaces and common separators (``- _ . / · ( )``).

    Characters in ``keep`` are not treated as separators.
    """
    folded = value.translate(_PUNCT_TABLE)
    if keep:
        return re.sub(
            "[" + re.escape("".join(c for c in " \t\r\n-_./·()" if c not in keep)) + "]+",
            "",
            folded,
        )
    return _SEPARATORS.sub("", folded)


def nfc(value: str) -> str:
    """Unicode NFC (composed accents, for Latin text).

    Not for Chinese names: CJK compatibility ideographs (U+F900–U+FAFF) have
    canonical decompositions, so even NFC replaces them; :func:`text` does not.
    """
    return unicodedata.normalize("NFC", value)
