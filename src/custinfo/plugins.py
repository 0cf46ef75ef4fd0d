"""Third-party validators and forms, registered through entry points.

A package adds a validator module under the entry-point group
``custinfo.validators`` (name → module) and forms under ``custinfo.forms``
(name → a :class:`~custinfo.Form`, or a callable returning one or several)::

    [project.entry-points."custinfo.validators"]
    wechat = "acme_custinfo.wechat"

    [project.entry-points."custinfo.forms"]
    visit = "acme_custinfo.forms:visit"

Entry points are read once, on first use, never at ``import custinfo``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from types import ModuleType
from typing import TYPE_CHECKING, Any

from custinfo.findings import DefinitionError

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

    from custinfo.model import Form

__all__ = ["FORM_GROUP", "VALIDATOR_GROUP", "load_validator", "plugin_forms", "validator_names"]

VALIDATOR_GROUP = "custinfo.validators"
FORM_GROUP = "custinfo.forms"


@functools.cache
def _entry_points(group: str) -> dict[str, EntryPoint]:
    from importlib import metadata  # read on first use, never at import

    return {ep.name: ep for ep in metadata.entry_points(group=group)}


def validator_names() -> tuple[str, ...]:
    """Names of the validators that installed plugins provide."""
    return tuple(sorted(_entry_points(VALIDATOR_GROUP)))


def load_validator(name: str) -> ModuleType | None:
    """The plugin validator module called ``name``, or None when no plugin has it."""
    ep = _entry_points(VALIDATOR_GROUP).get(name)
    if ep is None:
        return None
    loaded: Any = ep.load()
    if not isinstance(loaded, ModuleType) or not callable(getattr(loaded, "check", None)):
        raise DefinitionError(f"plugin validator {name!r} ({ep.value}) is not a validator module")
    return loaded


def plugin_forms() -> tuple[Form, ...]:
    """The forms installed plugins provide."""
    from custinfo.model import Form

    found: list[Form] = []
    for name, ep in sorted(_entry_points(FORM_GROUP).items()):
        loaded: Any = ep.load()
        produced = loaded() if callable(loaded) and not isinstance(loaded, Form) else loaded
        items: Iterable[Any] = produced if isinstance(produced, list | tuple) else (produced,)
        for form in items:
            if not isinstance(form, Form):
                raise DefinitionError(f"plugin form {name!r} ({ep.value}) is not a Form")
            found.append(form)
    return tuple(found)


def refresh() -> None:
    """Forget the entry points read so far (after installing a plugin at run time)."""
    _entry_points.cache_clear()
