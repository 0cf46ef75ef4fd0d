"""The standard forms and the registry of forms and their versions.

>>> from custinfo import forms
>>> forms.available()
('collection', 'enterprise')
>>> forms.get("enterprise").version, forms.versions("enterprise")
('V2.1', ('V2.0', 'V2.1'))
"""

from __future__ import annotations

from custinfo import plugins
from custinfo.findings import DefinitionError
from custinfo.forms.collection import collection
from custinfo.forms.enterprise import MESSAGES, enterprise, enterprise_v2_0
from custinfo.model import Form

__all__ = [
    "MESSAGES",
    "available",
    "collection",
    "enterprise",
    "get",
    "register",
    "versions",
]

_REGISTRY: dict[str, dict[str, Form]] = {}
_plugins_loaded = False


def _version_key(version: str) -> tuple[int | str, ...]:
    parts = version.lstrip("vV").split(".")
    return tuple(int(p) if p.isdecimal() and p.isascii() else p for p in parts)


def register(form: Form, *, replace: bool = False) -> Form:
    """Make ``form`` reachable by :func:`get` under its name and version."""
    versions = _REGISTRY.setdefault(form.name, {})
    if form.version in versions and not replace and versions[form.version] is not form:
        raise DefinitionError(f"form {form.name!r} version {form.version!r} already registered")
    versions[form.version] = form
    return form


def _load_plugins() -> None:
    global _plugins_loaded  # noqa: PLW0603 - the registry loads plugins once
    if not _plugins_loaded:
        _plugins_loaded = True
        for form in plugins.plugin_forms():
            versions = _REGISTRY.setdefault(form.name, {})
            versions.setdefault(form.version, form)


def available() -> tuple[str, ...]:
    """The names of the registered forms (plugins' forms included)."""
    _load_plugins()
    return tuple(sorted(_REGISTRY))


def versions(name: str) -> tuple[str, ...]:
    """The registered versions of a form, oldest first."""
    if name not in _REGISTRY:
        _load_plugins()
    try:
        return tuple(sorted(_REGISTRY[name], key=_version_key))
    except KeyError:
        raise DefinitionError(f"unknown form {name!r}; available: {available()}") from None


def get(name: str, version: str | None = None) -> Form:
    """A form by name; the latest version unless ``version`` is given."""
    known = versions(name)
    if version is None:
        return _REGISTRY[name][known[-1]]
    for v in known:
        if _version_key(v) == _version_key(version):
            return _REGISTRY[name][v]
    raise DefinitionError(f"form {name!r} has no version {version!r}; known: {known}")


for _form in (collection, enterprise, enterprise_v2_0):
    register(_form)
