"""Which writing system a character belongs to, from the Unicode character database.

Python's ``unicodedata`` has no Script property, but every character's name
starts with its script (``LATIN SMALL LETTER A``, ``HIRAGANA LETTER A``) and
every ideograph is named ``CJK UNIFIED IDEOGRAPH-XXXX`` or ``CJK COMPATIBILITY
IDEOGRAPH-XXXX``, in every block (Extension A to I, the compatibility blocks).
No code-point range such as ``[\\u4e00-\\u9fa5]`` is hard-coded, so rare name
characters (䶮 in Extension A, 𠮷 in Extension B) are ideographs like any other:

>>> [is_han(c) for c in "王䶮𠮷﨑a·"]
[True, True, True, True, False, False]
>>> [script(c) for c in "王aはハ한я"]
['han', 'latin', 'kana', 'kana', 'hangul', 'cyrillic']
"""

from __future__ import annotations

import functools
import unicodedata

__all__ = ["is_han", "script"]

_IDEOGRAPH = ("CJK UNIFIED IDEOGRAPH-", "CJK COMPATIBILITY IDEOGRAPH-")


@functools.lru_cache(maxsize=8192)
def is_han(char: str) -> bool:
    """True for a Chinese character (a CJK unified or compatibility ideograph)."""
    name = unicodedata.name(char, "")
    if name.startswith(_IDEOGRAPH):
        return True
    # The Roadmap gives planes 2 and 3 to CJK ideographs only. Ideographs newer than
    # this Python's Unicode database (Extensions H and I on Python 3.11) have no name
    # yet; they are still ideographs. The plane's noncharacters (xFFFE, xFFFF) are not.
    code = ord(char)
    return not name and 0x20000 <= code <= 0x3FFFF and code & 0xFFFE != 0xFFFE


@functools.lru_cache(maxsize=8192)
def script(char: str) -> str | None:
    """The script of a letter: ``han``, ``latin``, ``kana``, ``hangul`` or the lower-cased
    first word of its Unicode name (``cyrillic``, ``tibetan``, ``arabic``…); None for
    anything that is not a letter (digits, punctuation, marks, symbols)."""
    if is_han(char):
        return "han"
    if not unicodedata.category(char).startswith("L"):
        return None
    first = unicodedata.name(char, "?").split(" ", 1)[0]
    if first in ("HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA"):
        return "kana"
    return first.lower()
