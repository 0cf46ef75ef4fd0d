"""A form compiled for speed: a flat tuple of steps and a name index.

Compiling resolves each field's validator once, binds its options, and decides
whether the check wants ``today`` or other fields' values, so validating a
record is a loop over prepared calls.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from attrs import define, field

from custinfo import masking, normalize, validators
from custinfo.findings import Check, DefinitionError
from custinfo.model.field import Field

__all__ = ["Plan", "Step", "compile_plan", "key_form", "name_text", "shown_name"]

Run = Callable[[object, Mapping[str, Any], datetime.date], Check]

_MASKS: Mapping[str, Callable[[str], str]] = {
    "identifier": masking.identifier,
    "phone": masking.phone,
    "email": masking.email,
    "name": masking.name,
    "text": masking.text,
}
_SHOWN_LENGTH = 32  # non-personal values are echoed in findings up to this length


def name_text(name: object, limit: int = 200) -> str:
    """A column name as text, cut to ``limit`` characters. Names are any hashable
    object; one whose ``str`` fails (an int too long to print, a broken object)
    is shown by its type, so a strange key never stops a validation."""
    if isinstance(name, str):
        return name[:limit]
    try:
        return str(name)[:limit]
    except Exception:
        return f"<{type(name).__name__}>"


_DIGIT = re.compile(r"\d")


def shown_name(name: object) -> str:
    """An unknown column name as a finding may show it: at most 64 characters, and
    masked when it looks like data rather than a name (six digits or more, an
    ``@``) — a sheet read without its header row has a customer's values for names.

    >>> shown_name("wechat"), shown_name("+86 139-1234-5678"), shown_name("zhang@qq.com")
    ('wechat', '+8***', 'zh***')
    """
    text = name_text(name, 64)
    if "@" in text or len(_DIGIT.findall(text)) >= 6:
        return masking.text(text)
    return text


def key_form(name: object) -> str:
    """How a column name is compared: brackets and width folded, spaces and a
    required-field star removed, lower case (``"客户名称 *"`` → ``"客户名称"``)."""
    text = normalize.brackets(name_text(name)).replace(" ", "").rstrip("*＊").lower()
    return text


@define(frozen=True, slots=True)
class Step:
    """One field's work: run its check, and show a value safely."""

    key: str
    required: bool
    run: Run
    show: Callable[[object], str | None]


def _shower(personal: str | None) -> Callable[[object], str | None]:
    mask = _MASKS.get(personal) if personal else None

    def show(value: object) -> str | None:
        text = normalize.as_text(value)
        if text is None:
            return None
        text = normalize.text(text[: normalize.MAX_LENGTH])
        if mask is not None:
            return mask(text)
        return text if len(text) <= _SHOWN_LENGTH else text[:_SHOWN_LENGTH] + "…"

    return show


def _runner(f: Field) -> Run:
    if isinstance(f.kind, str):
        check: Callable[..., Check] = validators.get(f.kind).check
    elif callable(f.kind):
        check = f.kind
    else:
        raise DefinitionError(f"field {f.key!r}: kind must be a validator name or a function")
    import inspect  # compiling is rare; importing inspect is not free

    try:
        accepted: Mapping[str, inspect.Parameter] = inspect.signature(check).parameters
    except (TypeError, ValueError):
        accepted = {}
    options = dict(f.options)
    if f.choices and "choices" in accepted:
        options.setdefault("choices", f.choices)
    bad = [k for k in (*options, *f.context) if k not in accepted]
    if bad and not any(p.kind is p.VAR_KEYWORD for p in accepted.values()):
        raise DefinitionError(f"field {f.key!r}: {f.kind_name} takes no {bad}")
    bound = functools.partial(check, **options) if options else check
    wants_today = "today" in accepted and "today" not in options
    context = f.context
    run: Run
    if not context and not wants_today:
        run = lambda value, cleaned, today: bound(value)  # noqa: E731
    elif not context:
        run = lambda value, cleaned, today: bound(value, today=today)  # noqa: E731
    else:

        def run(value: object, cleaned: Mapping[str, Any], today: datetime.date) -> Check:
            extra = {k: cleaned.get(k) for k in context}
            if wants_today:
                extra["today"] = today
            return bound(value, **extra)

    return _Memo(run, context, wants_today)


class _Memo:
    """Remembers the checks of repeated values.

    Choices, dates, industries and collectors repeat from record to record; IDs
    and phones do not. After a trial of ``TRIAL`` lookups the memo switches
    itself off for a field whose values rarely repeat, so it never costs more
    than it saves. Checks are pure functions of the value, the options, the
    context fields and ``today`` (when they take it), so a remembered
    :class:`Check` is the same object the check would build again.
    """

    SIZE = 4096
    TRIAL = 1024
    MIN_HIT_RATE = 0.25

    __slots__ = ("cache", "context", "hits", "lookups", "on", "retire", "run", "wants_today")

    def __init__(self, run: Run, context: tuple[str, ...], wants_today: bool) -> None:
        self.run = run
        self.context = context
        self.wants_today = wants_today
        self.cache: dict[object, Check] = {}
        self.hits = self.lookups = 0
        self.on = True
        self.retire: Callable[[], None] | None = None  # set by the plan: step out of its loop

    def __call__(self, value: object, cleaned: Mapping[str, Any], today: datetime.date) -> Check:
        if not self.on or type(value) is not str:
            return self.run(value, cleaned, today)
        key: object = value
        if self.context or self.wants_today:
            # The day is part of the key rather than a reason to empty the memo:
            # threads validating with different reference days share one memo.
            day = today if self.wants_today else None
            key = (value, day, *[cleaned.get(k) for k in self.context])
        try:
            found = self.cache.get(key)
        except TypeError:  # an unhashable context value
            return self.run(value, cleaned, today)
        self.lookups += 1
        if found is None:
            found = self.run(value, cleaned, today)
            if len(self.cache) >= self.SIZE:
                self.cache.clear()
            self.cache[key] = found
        else:
            self.hits += 1
        # >= rather than ==: concurrent threads may step over the exact count
        if self.lookups >= self.TRIAL and self.hits < self.TRIAL * self.MIN_HIT_RATE:
            self.on = False
            self.cache.clear()
            if self.retire is not None:
                self.retire()
        return found


@define(frozen=True, slots=True)
class Plan:
    """The compiled form: fields by key, the name index, and the steps."""

    fields: Mapping[str, Field]
    names: Mapping[str, str]
    steps: tuple[Step, ...]
    masks: Mapping[str, Callable[[str], str]]
    loop: list[tuple[str, bool, Run, Callable[[object], str | None]]] = field(
        init=False, repr=False, eq=False
    )
    """The steps as plain tuples, for the validation loop. A memo that switches
    itself off replaces its own entry with the bare check (one list item
    assignment, atomic for concurrent readers)."""
    keys: frozenset[str] = field(init=False, repr=False, eq=False)
    """The field keys, for the fast path of records keyed by them."""

    def __attrs_post_init__(self) -> None:
        loop = [(s.key, s.required, s.run, s.show) for s in self.steps]
        for i, (key, required, run, show) in enumerate(loop):
            if isinstance(run, _Memo):
                bare = (key, required, run.run, show)
                run.retire = functools.partial(loop.__setitem__, i, bare)
        object.__setattr__(self, "loop", loop)
        object.__setattr__(self, "keys", frozenset(self.fields))

    def resolve(self, name: object) -> str | None:
        """The key a column name stands for (key, label, alias), or None."""
        if isinstance(name, str):
            key = self.names.get(name)
            if key is not None:
                return key
        return self.names.get(key_form(name))

    def mask(self, key: str, value: Any) -> Any:
        """``value`` as it may be shown: masked when ``key`` is a personal field."""
        mask = self.masks.get(key)
        return value if mask is None or value is None else mask(str(value))


def compile_plan(fields: tuple[Field, ...]) -> Plan:
    """Compile fields into a :class:`Plan` (validators are imported here)."""
    names: dict[str, str] = {}
    for f in fields:
        for name in f.names:
            names[name] = f.key
            names[key_form(name)] = f.key
    steps = tuple(Step(f.key, f.required, _runner(f), _shower(f.personal)) for f in fields)
    masks = {f.key: _MASKS[f.personal] for f in fields if f.personal}
    # read-only views: a form is immutable, and so is what it compiled into
    return Plan(
        MappingProxyType({f.key: f for f in fields}),
        MappingProxyType(names),
        steps,
        MappingProxyType(masks),
    )
