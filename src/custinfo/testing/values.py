"""Plain seeded generators of valid, invalid and noisy values of any validator.

Valid values come from each validator's own ``generate(rng, **options)``;
invalid values are valid ones after a realistic error
(:data:`~custinfo.testing.mutations.ERRORS`), kept only when the validator
rejects them; noisy values are valid ones written differently
(:data:`~custinfo.testing.mutations.NOISE`), which the validator must read the
same. Every function takes a :class:`random.Random`, so a seed reproduces a value:

>>> import random
>>> valid("dates", random.Random(3)) == valid("dates", random.Random(3))
True
>>> from custinfo import validators
>>> validators.get("codes").is_valid(invalid("codes", random.Random(1)))
False
"""

from __future__ import annotations

import random
from typing import Any

from custinfo import validators
from custinfo.findings import CustinfoError
from custinfo.testing.mutations import ERRORS, NOISE, applicable_noise

__all__ = [
    "CannotGenerate",
    "address",
    "email",
    "invalid",
    "mobile",
    "noisy",
    "resident_id",
    "uscc",
    "valid",
    "validator",
]

_TRIES = 64


class CannotGenerate(CustinfoError, LookupError):
    """The value cannot be generated: its validator is not part of this custinfo,
    has no ``generate``, or no realistic error makes its values invalid."""


def validator(name: str) -> Any:
    """The validator module ``name``, or :class:`CannotGenerate` saying what is missing."""
    if name not in validators.available():
        raise CannotGenerate(
            f"custinfo.testing needs the {name!r} validator, which this version of "
            f"custinfo does not have (available: {', '.join(validators.available())})"
        )
    module = validators.get(name)
    if not callable(getattr(module, "generate", None)):
        raise CannotGenerate(f"the {name!r} validator has no generate(rng)")
    return module


def valid(name: str, rng: random.Random, **options: Any) -> str:
    """A valid value of validator ``name``; ``options`` go to its ``generate``."""
    value: str = validator(name).generate(rng, **options)
    return value


def _errors(how: str | None, rng: random.Random) -> list[str]:
    if how is None:  # every kind in turn, in a random order: none is starved
        return rng.sample(sorted(ERRORS), len(ERRORS))
    if how not in ERRORS:
        raise ValueError(f"unknown error {how!r}; known: {', '.join(ERRORS)}")
    return [how]


def invalid(name: str, rng: random.Random, *, how: str | None = None, **options: Any) -> str:
    """A valid value of ``name`` spoiled by the error ``how`` (a key of
    :data:`~custinfo.testing.mutations.ERRORS`; random when None), checked to be
    rejected by the validator. ``options`` go to ``generate``.

    Raises :class:`CannotGenerate` when no attempt gives a rejected value (free
    text accepts any typo).
    """
    module = validator(name)
    kinds = _errors(how, rng)
    for attempt in range(_TRIES):
        mutate = ERRORS[kinds[attempt % len(kinds)]]
        spoiled = mutate(module.generate(rng, **options), rng)
        if spoiled is not None and not module.is_valid(spoiled):
            return spoiled
    raise CannotGenerate(f"no {how or 'realistic'} error makes {name!r} values invalid")


def noisy(name: str, value: str, rng: random.Random, *, how: str | None = None) -> str:
    """``value`` written differently (noise ``how``, or a random noise that keeps
    the meaning for validator ``name``); the validator must read it the same.

    >>> noisy("ric", "11010519491231002X", random.Random(0), how="lower")
    '11010519491231002x'
    """
    kinds = applicable_noise(name) if how is None else (how,)
    for kind in rng.sample(kinds, len(kinds)):
        if kind not in NOISE:
            raise ValueError(f"unknown noise {kind!r}; known: {', '.join(NOISE)}")
        changed = NOISE[kind](value, rng)
        if changed is not None:
            return changed
    return value


def _one(name: str, rng: random.Random, is_valid: bool, how: str | None, **options: Any) -> str:
    if is_valid:
        return valid(name, rng, **options)
    return invalid(name, rng, how=how, **options)


def uscc(rng: random.Random, *, valid: bool = True, how: str | None = None, **options: Any) -> str:
    """A unified social credit code (GB 32100-2015); ``options`` as ``uscc.generate``
    (``authority``, ``category``, ``region``)."""
    return _one("uscc", rng, valid, how, **options)


def resident_id(
    rng: random.Random, *, valid: bool = True, how: str | None = None, **options: Any
) -> str:
    """A resident ID number (GB 11643); ``options`` as ``ric.generate`` (``kind``,
    ``region``, ``birth_date``, ``gender``)."""
    return _one("ric", rng, valid, how, **options)


def mobile(
    rng: random.Random, *, valid: bool = True, how: str | None = None, **options: Any
) -> str:
    """A mainland mobile number; ``options`` as ``mobile.generate`` (``carrier``)."""
    return _one("mobile", rng, valid, how, **options)


def email(rng: random.Random, *, valid: bool = True, how: str | None = None, **options: Any) -> str:
    """An email address; ``options`` as ``email.generate`` (``international``)."""
    return _one("email", rng, valid, how, **options)


def address(
    rng: random.Random, *, valid: bool = True, how: str | None = None, **options: Any
) -> str:
    """A Chinese address in a real county, down to the street and house number."""
    return _one("address", rng, valid, how, **options)
