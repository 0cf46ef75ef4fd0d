"""Whole records of a form: valid by construction, or with one chosen kind of error.

A valid record tells one consistent story: an enterprise gives a USCC whose
region is its registered address's, a person a resident ID; dates run in order
(established ≤ cooperation start ≤ last follow-up ≤ ``today``); the budget fits
the demand type and the contract amount the customer level by the default
policy tables (:mod:`custinfo.rules.policies`). Values come from the
validators' ``generate``, so a record is valid by construction — nothing here
asks the library whether it is, which is what the library's tests check.

An error record is a valid one with exactly one thing wrong (see
:data:`RECORD_ERRORS`); :func:`record_case` also says which field carries it:

>>> import random
>>> case = record_case("enterprise", random.Random(5), error="missing")
>>> case.field in case.required and case.field not in case.record
True
"""

from __future__ import annotations

import datetime
import random
from typing import Any, Literal

from attrs import define

from custinfo.model import Field, Form
from custinfo.testing._spoilers import NEEDS, RECORD_ERRORS, SPOILERS, record_errors
from custinfo.testing._story import Story, form_of, value_of
from custinfo.testing.values import CannotGenerate

__all__ = [
    "RECORD_ERRORS",
    "TODAY",
    "Keys",
    "RecordCase",
    "record",
    "record_case",
    "record_errors",
]

TODAY = datetime.date(2026, 1, 5)
"""The default reference day of generated records (pass the same ``today`` to
``form.validate``; nothing in custinfo reads the clock)."""

Keys = Literal["key", "label", "mixed"]


@define(frozen=True, slots=True)
class RecordCase:
    """A generated record, the error it carries (None: valid) and the field it is in
    (None for a valid record); ``required`` are the form's required keys."""

    record: dict[str, Any]
    error: str | None
    field: str | None
    required: tuple[str, ...]


def _name(f: Field, keys: Keys, rng: random.Random) -> str:
    if keys == "label" or (keys == "mixed" and rng.random() < 0.5):
        return f.label
    return f.key


def record_case(
    form: Form | str,
    rng: random.Random,
    *,
    error: str | None = None,
    keys: Keys = "key",
    optional: float = 0.5,
    today: datetime.date = TODAY,
) -> RecordCase:
    """A record of ``form`` (a :class:`~custinfo.Form` or a registered name) and
    where its error is. Optional fields are present with probability ``optional``;
    ``keys`` names fields by ``"key"``, Chinese ``"label"`` or ``"mixed"``.

    Raises :class:`~custinfo.testing.CannotGenerate` when a validator the record
    needs is not available, and ``ValueError`` for an error the form cannot hold.
    """
    f = form_of(form)
    if error is not None and error not in record_errors(f):
        raise ValueError(f"form {f.name!r} cannot hold error {error!r}; use {record_errors(f)}")
    story = Story(f, rng, today)
    wanted = set(NEEDS.get(error or "", ()))
    values: dict[str, Any] = {}
    for fld in f.fields:
        if fld.required or fld.key in wanted:
            values[fld.key] = value_of(fld, story)
        elif rng.random() < optional:
            try:
                values[fld.key] = value_of(fld, story)
            except CannotGenerate:  # an optional field whose validator is not here yet
                continue
    field = SPOILERS[error](values, story) if error is not None else None
    if error is not None and field is None:
        raise ValueError(f"form {f.name!r} cannot hold error {error!r} in this record")
    by_key = {fld.key: fld for fld in f.fields}
    named = {_name(by_key[k], keys, rng): v for k, v in values.items()}
    return RecordCase(named, error, field, f.required)


def record(
    form: Form | str,
    rng: random.Random,
    *,
    error: str | None = None,
    keys: Keys = "key",
    optional: float = 0.5,
    today: datetime.date = TODAY,
) -> dict[str, Any]:
    """A record of ``form``: valid, or with one error of kind ``error`` (see
    :data:`RECORD_ERRORS`). Arguments as :func:`record_case`."""
    return record_case(form, rng, error=error, keys=keys, optional=optional, today=today).record
