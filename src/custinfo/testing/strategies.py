"""Hypothesis strategies over the seeded generators (needs ``custinfo[testing]``).

Each strategy draws a :class:`random.Random` from hypothesis
(``st.randoms(use_true_random=False)``: reproducible, and shrinkable towards
simpler draws) and hands it to the plain generator of the same name, so a
failing example is replayed exactly. Unknown validators fail when the
strategy is built, not in the middle of a test run.

>>> from hypothesis import given
>>> @given(values("dates"))
... def test_dates_are_iso(day):
...     assert len(day) == 10
>>> test_dates_are_iso()
"""

from __future__ import annotations

import datetime
import random
from typing import Any

from hypothesis import strategies as st

from custinfo.model import Form
from custinfo.testing import records as _records
from custinfo.testing import values as _values
from custinfo.testing.mutations import ERRORS

__all__ = [
    "addresses",
    "emails",
    "mobiles",
    "record_cases",
    "records",
    "resident_ids",
    "rngs",
    "usccs",
    "values",
]


def rngs() -> st.SearchStrategy[random.Random]:
    """Seeded :class:`random.Random` instances that hypothesis can shrink and replay."""
    return st.randoms(use_true_random=False)


def values(
    name: str,
    *,
    valid: bool = True,
    how: str | None = None,
    noise: bool = False,
    **options: Any,
) -> st.SearchStrategy[str]:
    """Values of validator ``name``: valid ones, or (``valid=False``) ones spoiled by
    the error ``how`` (a key of :data:`~custinfo.testing.mutations.ERRORS`, random
    when None) that the validator rejects; ``noise=True`` writes valid values the
    ways people do (full-width, separators, spaces). ``options`` go to ``generate``.
    """
    _values.validator(name)  # a missing validator is reported now, clearly
    if how is not None and how not in ERRORS:
        raise ValueError(f"unknown error {how!r}; known: {', '.join(ERRORS)}")

    def draw(rng: random.Random) -> str:
        if not valid:
            return _values.invalid(name, rng, how=how, **options)
        value = _values.valid(name, rng, **options)
        return _values.noisy(name, value, rng) if noise else value

    return rngs().map(draw)


def usccs(*, valid: bool = True, how: str | None = None, **options: Any) -> st.SearchStrategy[str]:
    """Unified social credit codes (``options``: ``authority``, ``category``, ``region``)."""
    return values("uscc", valid=valid, how=how, **options)


def resident_ids(
    *, valid: bool = True, how: str | None = None, **options: Any
) -> st.SearchStrategy[str]:
    """Resident ID numbers (``options``: ``kind``, ``region``, ``birth_date``, ``gender``)."""
    return values("ric", valid=valid, how=how, **options)


def mobiles(
    *, valid: bool = True, how: str | None = None, **options: Any
) -> st.SearchStrategy[str]:
    """Mainland mobile numbers (``options``: ``carrier``)."""
    return values("mobile", valid=valid, how=how, **options)


def emails(*, valid: bool = True, how: str | None = None, **options: Any) -> st.SearchStrategy[str]:
    """Email addresses (``options``: ``international``)."""
    return values("email", valid=valid, how=how, **options)


def addresses(
    *, valid: bool = True, how: str | None = None, **options: Any
) -> st.SearchStrategy[str]:
    """Chinese addresses down to street and house number."""
    return values("address", valid=valid, how=how, **options)


def record_cases(
    form: Form | str,
    *,
    error: str | None = None,
    keys: _records.Keys = "key",
    optional: float = 0.5,
    today: datetime.date = _records.TODAY,
) -> st.SearchStrategy[_records.RecordCase]:
    """Records of ``form`` with the field their error is in (see :func:`records`)."""
    if error == "any":
        return st.sampled_from(_records.record_errors(form)).flatmap(
            lambda e: record_cases(form, error=e, keys=keys, optional=optional, today=today)
        )
    if error is not None and error not in _records.record_errors(form):
        known = _records.record_errors(form)
        raise ValueError(f"form cannot hold error {error!r}; use one of {known} or 'any'")
    return rngs().map(
        lambda rng: _records.record_case(
            form, rng, error=error, keys=keys, optional=optional, today=today
        )
    )


def records(
    form: Form | str,
    *,
    error: str | None = None,
    keys: _records.Keys = "key",
    optional: float = 0.5,
    today: datetime.date = _records.TODAY,
) -> st.SearchStrategy[dict[str, Any]]:
    """Records of ``form`` (a :class:`~custinfo.Form` or a registered name): valid,
    or with one error of kind ``error`` (a key of
    :data:`~custinfo.testing.records.RECORD_ERRORS`, or ``"any"``). Validate them
    with the same ``today``.
    """
    cases = record_cases(form, error=error, keys=keys, optional=optional, today=today)
    return cases.map(lambda case: case.record)
