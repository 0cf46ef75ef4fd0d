"""Test data for custinfo's users: seeded generators and hypothesis strategies.

Plain generators take a :class:`random.Random` and need nothing but custinfo:

>>> import random
>>> from custinfo import testing, validators
>>> rng = random.Random(42)
>>> validators.get("dates").is_valid(testing.valid("dates", rng))
True
>>> validators.get("codes").is_valid(testing.invalid("codes", rng, how="truncation"))
False

Hypothesis strategies (``usccs``, ``resident_ids``, ``mobiles``, ``emails``,
``addresses``, ``values``, ``records``, ``record_cases``, ``rngs``) live in
:mod:`custinfo.testing.strategies` and are also reachable from here; they need
hypothesis (``pip install custinfo[testing]``), which is imported only when a
strategy is first asked for — ``import custinfo`` and ``import custinfo.testing``
never import it. The contract checks (:func:`check_value`, :func:`check_record`)
and the privacy scan (:func:`leaks`) serve plugin authors' own tests.
"""

from __future__ import annotations

import importlib
from typing import Any

from custinfo.testing.contract import ContractViolation, check_record, check_value
from custinfo.testing.mutations import ERRORS, NOISE, applicable_noise
from custinfo.testing.privacy import leaks, outputs, record_secrets, secrets_of
from custinfo.testing.records import (
    RECORD_ERRORS,
    TODAY,
    RecordCase,
    record,
    record_case,
    record_errors,
)
from custinfo.testing.values import (
    CannotGenerate,
    address,
    email,
    invalid,
    mobile,
    noisy,
    resident_id,
    uscc,
    valid,
)

__all__ = [
    "ERRORS",
    "NOISE",
    "RECORD_ERRORS",
    "TODAY",
    "CannotGenerate",
    "ContractViolation",
    "RecordCase",
    "address",
    "addresses",
    "applicable_noise",
    "check_record",
    "check_value",
    "email",
    "emails",
    "invalid",
    "leaks",
    "mobile",
    "mobiles",
    "noisy",
    "outputs",
    "record",
    "record_case",
    "record_cases",
    "record_errors",
    "record_secrets",
    "records",
    "resident_id",
    "resident_ids",
    "rngs",
    "secrets_of",
    "uscc",
    "usccs",
    "valid",
    "values",
]

_STRATEGIES = {
    "addresses",
    "emails",
    "mobiles",
    "record_cases",
    "records",
    "resident_ids",
    "rngs",
    "usccs",
    "values",
}


def __getattr__(name: str) -> Any:
    # Strategies import hypothesis: only when one is asked for.
    if name in _STRATEGIES:
        try:
            module = importlib.import_module("custinfo.testing.strategies")
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError(
                f"custinfo.testing.{name} needs hypothesis: pip install 'custinfo[testing]'"
            ) from exc
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
