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

from custinfo import plugins
from custinfo.findings import Check, DefinitionError

__all__ = ["Validator", "available", "find", "get", "identify"]

_NAMES = (
    "text",
    "choices",
    "dates",
    "industry",
    "codes",
    "money",
    "sensitive",
    "mobile",
    "landline",
    "phone",
    "email",
    "person_name",
    "company_name",
    "address",
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
    """The names of the built-in validators, then those of installed plugins."""
    return _NAMES + tuple(n for n in plugins.validator_names() if n not in _NAMES)


def get(name: str) -> Validator:
    """The validator module called ``name`` (imported on first use; built-ins first,
    then plugins registered under the ``custinfo.validators`` entry point)."""
    if name in _NAMES:
        module: ModuleType | None = importlib.import_module(f"{__name__}.{name}")
    else:
        module = plugins.load_validator(name)
    if module is None:
        raise DefinitionError(f"unknown validator {name!r}; available: {', '.join(available())}")
    return cast(Validator, module)


def find(name: str) -> Validator | None:
    """Like :func:`get`, but None for an unknown name (used by the message catalog)."""
    try:
        return get(name)
    except DefinitionError:
        return None


# Re-exported last: the submodule's own import would otherwise rebind the name.
from custinfo.validators.identify import identify  # noqa: E402
