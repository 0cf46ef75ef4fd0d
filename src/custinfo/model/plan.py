"""A form compiled for speed: its steps, a name index and a generated record check.

Compiling resolves each field's validator once, binds its options, and decides
whether the check wants ``today`` or other fields' values; the steps and the
form's rules are then generated into one function
(:mod:`custinfo.model.compiled`), so validating a record is a straight run of
prepared calls.
"""

from __future__ import annotations

import datetime
import functools
import re
import threading
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from attrs import define, field

from custinfo import masking, normalize, validators
from custinfo.findings import Check, DefinitionError
from custinfo.model import compiled
from custinfo.model.compiled import RecordCheck
from custinfo.model.field import Field
from custinfo.rules.engine import Rule

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
    """One field's work: its bound check and what it takes, and how to show a value.

    ``run(value, cleaned, today)`` calls the check through the field's memo;
    ``check`` is the bare check with the field's options bound, taking the
    value, the ``context`` fields by name and ``today`` when ``wants_today``.
    """

    key: str
    required: bool
    run: Run
    show: Callable[[object], str | None]
    check: Callable[..., Check]
    context: tuple[str, ...] = ()
    wants_today: bool = False

    @property
    def memo(self) -> _Memo | None:
        """The field's memo of repeated values (None when it has none)."""
        return self.run if isinstance(self.run, _Memo) else None

    @property
    def state(self) -> str:
        """The memo's state: ``"trial"``, ``"on"``, ``"off"``, or ``"none"``."""
        return self.run.state if isinstance(self.run, _Memo) else "none"


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


def _step(f: Field) -> Step:
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

    memo = _Memo(run, context, wants_today)
    return Step(f.key, f.required, memo, _shower(f.personal), bound, context, wants_today)


class _Memo:
    """Remembers the checks of repeated values.

    Choices, dates, industries and collectors repeat from record to record; IDs
    and phones do not. After a trial of ``TRIAL`` lookups the memo settles: it
    stays ``"on"`` for a field whose values repeat and switches itself
    ``"off"`` for one whose values rarely do, so it never costs more than it
    saves; ``settled`` (set by the plan) is then called once, and the plan
    compiles the verdict into its record check. Checks are pure functions of
    the value, the options, the context fields and ``today`` (when they take
    it), so a remembered :class:`Check` is the same object the check would
    build again.
    """

    SIZE = 4096
    TRIAL = 1024
    MIN_HIT_RATE = 0.25

    __slots__ = ("cache", "context", "hits", "lookups", "run", "settled", "state", "wants_today")

    def __init__(self, run: Run, context: tuple[str, ...], wants_today: bool) -> None:
        self.run = run
        self.context = context
        self.wants_today = wants_today
        self.cache: dict[object, Check] = {}
        self.hits = self.lookups = 0
        self.state = "trial"
        self.settled: Callable[[], None] | None = None

    @property
    def on(self) -> bool:
        """False once the memo has switched itself off."""
        return self.state != "off"

    def __call__(self, value: object, cleaned: Mapping[str, Any], today: datetime.date) -> Check:
        if self.state == "off" or type(value) is not str:
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
        if found is None:
            found = self.run(value, cleaned, today)
            if len(self.cache) >= self.SIZE:
                self.cache.clear()
            self.cache[key] = found
        elif self.state == "trial":
            self.hits += 1
        if self.state == "trial":
            self.lookups += 1
            # >= rather than ==: concurrent threads may step over the exact count
            if self.lookups >= self.TRIAL:
                self._settle()
        return found

    def _settle(self) -> None:
        if self.hits < self.TRIAL * self.MIN_HIT_RATE:
            self.state = "off"
            self.cache.clear()
        else:
            self.state = "on"
        if self.settled is not None:
            self.settled()


_REGENERATING = threading.Lock()  # memos of several threads may settle at once


@define(frozen=True, slots=True)
class Plan:
    """The compiled form: fields by key, the name index, the steps, the rules,
    and the record check generated from them (:mod:`custinfo.model.compiled`)."""

    fields: Mapping[str, Field]
    names: Mapping[str, str]
    steps: tuple[Step, ...]
    masks: Mapping[str, Callable[[str], str]]
    rules: tuple[Rule, ...] = ()
    form: str = ""
    outcomes: tuple[dict[Any, Any], ...] = field(init=False, repr=False, eq=False)
    """Per rule, what a pure rule found (a finding or None) by the values it read (bounded
    like the fields' memos)."""
    check_record: RecordCheck = field(init=False, repr=False, eq=False)
    """``(given, today, findings) -> Report`` for a record keyed by field keys."""
    keys: frozenset[str] = field(init=False, repr=False, eq=False)
    """The field keys, for the fast path of records keyed by them."""

    def __attrs_post_init__(self) -> None:
        for step in self.steps:
            if step.memo is not None:
                step.memo.settled = self._regenerate
        object.__setattr__(self, "keys", frozenset(self.fields))
        object.__setattr__(self, "outcomes", tuple({} for _ in self.rules))
        self._regenerate()

    def _regenerate(self) -> None:
        with _REGENERATING:  # the last function built sees every memo's latest state
            check = compiled.generate(
                self.form,
                self.steps,
                self.rules,
                self.mask,
                memo_size=_Memo.SIZE,
                outcomes=self.outcomes,
            )
            object.__setattr__(self, "check_record", check)

    def __reduce__(self) -> tuple[Any, ...]:
        # generated code and locks do not pickle; a plan is rebuilt from its form's parts
        return (compile_plan, (tuple(self.fields.values()), self.rules, self.form))

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


def compile_plan(fields: tuple[Field, ...], rules: tuple[Rule, ...] = (), form: str = "") -> Plan:
    """Compile fields and rules into a :class:`Plan` (validators are imported here)."""
    names: dict[str, str] = {}
    for f in fields:
        for name in f.names:
            names[name] = f.key
            names[key_form(name)] = f.key
    steps = tuple(_step(f) for f in fields)
    masks = {f.key: _MASKS[f.personal] for f in fields if f.personal}
    # read-only views: a form is immutable, and so is what it compiled into
    return Plan(
        MappingProxyType({f.key: f for f in fields}),
        MappingProxyType(names),
        steps,
        MappingProxyType(masks),
        tuple(rules),
        form,
    )
