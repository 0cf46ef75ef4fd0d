"""The validators: one module per kind of value, one interface for all.

Every module has ``compact``, ``check`` (never raises, returns a
:class:`~custinfo.Check`), ``validate`` (normalized value or an
:class:`~custinfo.InvalidValue` subclass), ``is_valid``, ``format`` and, where
they apply, ``info``, ``mask`` and ``generate``. Modules load on first use:

>>> "text" in available()
True
>>> get("text").validate("  你好　世界 ")
'你好 世界'

:func:`identify` lists every identifier kind a value satisfies:

>>> [m.validator for m in identify("91110000600037341L")]
['uscc']
"""

from __future__ import annotations

import importlib
import random
from types import ModuleType
from typing import Any, Protocol, cast, runtime_checkable

from custinfo.findings import Check, DefinitionError

__all__ = ["Validator", "available", "get", "identify"]

_NAMES = (
    "text",
    "choices",
    "dates",
    "orgcode",
    "uscc",
    "ric",
)


@runtime_checkable
class Validator(Protocol):
    """What every validator module provides (checked by the conformance test)."""

    def compact(self, value: str) -> str: ...
    def check(self, value: object) -> Check: ...
    def validate(self, value: object) -> Any: ...
    def is_valid(self, value: object) -> bool: ...
    def format(self, value: str) -> str: ...
    def mask(self, value: str) -> str: ...
    def generate(self, rng: random.Random) -> str: ...


def available() -> tuple[str, ...]:
    """The names of the built-in validators."""
    return _NAMES


def get(name: str) -> Validator:
    """The validator module called ``name`` (imported on first use)."""
    if name not in _NAMES:
        raise DefinitionError(f"unknown validator {name!r}; available: {', '.join(_NAMES)}")
    module: ModuleType = importlib.import_module(f"{__name__}.{name}")
    return cast(Validator, module)


# Re-exported last: the submodule's own import would otherwise rebind the name.
from custinfo.validators.identify import identify  # noqa: E402
