"""A field of a form: one declaration from which validation, tables and schemas derive."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Literal

from attrs import define, field

from custinfo.findings import Check

__all__ = ["CheckFunction", "Field", "Personal"]

CheckFunction = Callable[..., Check]
"""A validator's ``check``: ``check(value, **options) -> Check``."""

Personal = Literal["identifier", "phone", "email", "name", "text"]
"""How a field's values are masked when they are personal data."""


def _tuple(value: Any) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _options(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(value or {}))


@define(frozen=True, slots=True)
class Field:
    """One field of a form.

    ``kind`` names a validator (``"mobile"``, ``"dates"``…; see
    :func:`custinfo.validators.available`) or is a check function of one's own;
    ``options`` are passed to its ``check``; ``context`` names earlier fields whose
    cleaned values the check receives as keyword arguments (``id_number`` reads
    ``customer_type``). ``personal`` says how values are masked in findings.

    >>> f = Field("phone", "联系方式", kind="mobile", required=True, label_en="Phone")
    >>> f.names
    ('phone', '联系方式')
    """

    key: str
    label: str
    kind: str | CheckFunction = "text"
    required: bool = False
    label_en: str = ""
    help: str = ""
    help_en: str = ""
    group: str = ""
    choices: tuple[str, ...] = field(default=(), converter=_tuple)
    aliases: tuple[str, ...] = field(default=(), converter=_tuple)
    options: Mapping[str, Any] = field(default=None, converter=_options)
    context: tuple[str, ...] = field(default=(), converter=_tuple)
    personal: Personal | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the field answers to: key, Chinese label, aliases."""
        return (self.key, self.label, *self.aliases)

    @property
    def kind_name(self) -> str:
        """The validator name, or the check function's name."""
        return self.kind if isinstance(self.kind, str) else getattr(self.kind, "__name__", "custom")

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready description of the field (for tables, docs and schemas)."""
        return {
            "key": self.key,
            "label": self.label,
            "label_en": self.label_en,
            "group": self.group,
            "kind": self.kind_name,
            "required": self.required,
            "help": self.help,
            "help_en": self.help_en,
            "choices": list(self.choices),
            "aliases": list(self.aliases),
            "personal": self.personal,
        }
