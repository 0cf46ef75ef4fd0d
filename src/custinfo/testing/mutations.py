"""Realistic ways a value goes wrong, and realistic ways it is merely written differently.

*Errors* are the slips of a person typing or copying a value: a wrong character
(substitution), two neighbours swapped (transposition), characters lost at the
end (truncation), a key pressed twice (insertion), one left out (deletion), a
look-alike letter for a digit (confusion), a stray control character. *Noise*
changes only how a value is written — full-width characters, spaces and
hyphens between groups, surrounding whitespace, an invisible character pasted
from a web page, lower case — and must never change what a validator reads.

Every function takes the value and a :class:`random.Random` and returns the new
value, or ``None`` when it does not apply (nothing to swap in ``"1"``):

>>> import random
>>> ERRORS["transposition"]("12345", random.Random(0)) in {"21345", "13245", "12435", "12354"}
True
>>> NOISE["full_width"]("HT-2024-005", random.Random(0))
'ＨＴ－２０２４－００５'
>>> ERRORS["truncation"]("1", random.Random(0)) is None
True
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from types import MappingProxyType

__all__ = ["ERRORS", "NOISE", "Mutation", "applicable_noise"]

Mutation = Callable[[str, random.Random], "str | None"]
"""``mutation(value, rng)``: the changed value, or None when it cannot apply."""

_DIGITS = "0123456789"
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LOWER = _UPPER.lower()
_LOOK_ALIKE = {"0": "O", "O": "0", "1": "I", "I": "1", "2": "Z", "5": "S", "8": "B", "l": "1"}


def _other(c: str, rng: random.Random) -> str | None:
    for pool in (_DIGITS, _UPPER, _LOWER):
        if c in pool:
            return rng.choice(pool.replace(c, ""))
    if "\u4e00" <= c <= "\u9fff":  # a CJK ideograph: its neighbour in the code table
        return chr(ord(c) + rng.choice((-1, 1)))
    return None


def substitution(value: str, rng: random.Random) -> str | None:
    """One letter, digit or ideograph replaced by another of its kind."""
    spots = [i for i, c in enumerate(value) if _other(c, rng) is not None]
    if not spots:
        return None
    i = rng.choice(spots)
    return value[:i] + (_other(value[i], rng) or value[i]) + value[i + 1 :]


def transposition(value: str, rng: random.Random) -> str | None:
    """Two different neighbours swapped."""
    spots = [i for i in range(len(value) - 1) if value[i] != value[i + 1]]
    if not spots:
        return None
    i = rng.choice(spots)
    return value[:i] + value[i + 1] + value[i] + value[i + 2 :]


def truncation(value: str, rng: random.Random) -> str | None:
    """One to three characters lost at the end."""
    if len(value) < 2:
        return None
    return value[: -rng.randint(1, min(3, len(value) - 1))]


def insertion(value: str, rng: random.Random) -> str | None:
    """A character typed twice."""
    if not value:
        return None
    i = rng.randrange(len(value))
    return value[: i + 1] + value[i:]


def deletion(value: str, rng: random.Random) -> str | None:
    """A character left out (not the first: that is truncation's cousin)."""
    if len(value) < 3:
        return None
    i = rng.randrange(1, len(value))
    return value[:i] + value[i + 1 :]


def confusion(value: str, rng: random.Random) -> str | None:
    """A look-alike written instead: O for 0, I for 1, Z for 2, S for 5, B for 8."""
    spots = [i for i, c in enumerate(value) if c in _LOOK_ALIKE]
    if not spots:
        return None
    i = rng.choice(spots)
    return value[:i] + _LOOK_ALIKE[value[i]] + value[i + 1 :]


def control(value: str, rng: random.Random) -> str | None:
    """A control character (a NUL, a BEL) inside the value."""
    i = rng.randrange(len(value) + 1)
    return value[:i] + rng.choice("\x00\x07\x1b") + value[i:]


ERRORS: Mapping[str, Mutation] = MappingProxyType(
    {
        "substitution": substitution,
        "transposition": transposition,
        "truncation": truncation,
        "insertion": insertion,
        "deletion": deletion,
        "confusion": confusion,
        "control": control,
    }
)
"""Mutations that make a value wrong (the validator decides whether it noticed)."""

_FULL_WIDTH = {c: c + 0xFEE0 for c in range(0x21, 0x7F)} | {0x20: 0x3000}


def full_width(value: str, rng: random.Random) -> str | None:
    """Every ASCII character in its full-width form (as Chinese input methods type)."""
    wide = value.translate(_FULL_WIDTH)
    return wide if wide != value else None


def separators(value: str, rng: random.Random) -> str | None:
    """Spaces or hyphens between groups of 3 to 6 characters."""
    if len(value) < 4:
        return None
    sep = rng.choice((" ", "-", " - ", "　"))
    step = rng.randint(3, 6)
    return sep.join(value[i : i + step] for i in range(0, len(value), step))


def whitespace(value: str, rng: random.Random) -> str | None:
    """Spaces, tabs or ideographic spaces around the value."""
    return rng.choice((" ", "\t", "　", "  ")) + value + rng.choice(("", " ", "\n", "　"))


def invisible(value: str, rng: random.Random) -> str | None:
    """A zero-width or direction character pasted inside the value."""
    i = rng.randrange(len(value) + 1)
    return value[:i] + rng.choice("\u200b\ufeff\u200e\u2060") + value[i:]


def lower(value: str, rng: random.Random) -> str | None:
    """Letters in lower case."""
    low = value.lower()
    return low if low != value else None


NOISE: Mapping[str, Mutation] = MappingProxyType(
    {
        "full_width": full_width,
        "separators": separators,
        "whitespace": whitespace,
        "invisible": invisible,
        "lower": lower,
    }
)
"""Mutations that change how a value is written, never what it means."""

# Which noise keeps which validator's meaning: separators and case are noise
# only in codes and numbers; in a name or an email they are part of the value.
_CODES = frozenset({"uscc", "orgcode", "ric"})
_NUMBERS = frozenset({"mobile", "landline"})
_SPECIFIC = {"separators": _CODES | _NUMBERS, "lower": _CODES}


def applicable_noise(validator: str) -> tuple[str, ...]:
    """The noise kinds that must not change what ``validator`` reads.

    >>> applicable_noise("uscc")
    ('full_width', 'separators', 'whitespace', 'invisible', 'lower')
    >>> applicable_noise("email")
    ('full_width', 'whitespace', 'invisible')
    """
    return tuple(n for n in NOISE if n not in _SPECIFIC or validator in _SPECIFIC[n])
