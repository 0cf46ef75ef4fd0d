"""The audit (人工二次核验): a reproducible sampling plan, and entered against verified values.

Seed 000 has the reviewer sample at least 30% of entered records and check
identity, contact details and business logic. :func:`plan_audit` draws that
sample, stratified by collector so nobody's work escapes review (each collector
gets at least the rate, and at least one record), reproducibly from a ``seed``.
:func:`compare` then counts, per field and per record, how many entered values
match what the reviewer verified — after normalization, so a full-width digit
or a space is not an error — and gives each rate a confidence interval.

>>> plan = plan_audit({f"r{i}": "王芳" if i < 7 else "李雷" for i in range(10)}, seed=2024)
>>> len(plan), [(s.collector, s.population, s.sampled) for s in plan.strata]
(4, [('李雷', 3, 1), ('王芳', 7, 3)])
>>> plan == plan_audit({f"r{i}": "王芳" if i < 7 else "李雷" for i in range(10)}, seed=2024)
True
>>> result = compare({"r1": {"phone": "１３８ ００１３ ８０００"}, "r2": {"phone": "13800138001"}},
...                  {"r1": {"phone": "13800138000"}, "r2": {"phone": "13800138000"}},
...                  population=10)
>>> result.records, result.records_correct, result.mismatches
(2, 1, (('r2', 'phone'),))
"""

from __future__ import annotations

import datetime
import math
import random
from collections.abc import Callable, Hashable, Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

from attrs import define, field

from custinfo import normalize
from custinfo.findings import DefinitionError
from custinfo.metrics.intervals import Interval, Method, proportion

__all__ = [
    "COMPACT_FIELDS",
    "SEED_RATE",
    "AuditPlan",
    "AuditResult",
    "FieldAudit",
    "Stratum",
    "compare",
    "loose",
    "plan_audit",
    "tight",
]

SEED_RATE = 0.3
"""Seed 000: "抽样率不低于30%"."""

COMPACT_FIELDS = frozenset({"id_number", "uscc", "phone", "contract_no", "archive_no"})
"""Fields compared without any separator (``138-0013-8000`` is ``13800138000``)."""


# --- sampling ------------------------------------------------------------------------------


@define(frozen=True, slots=True)
class Stratum:
    """One collector's records: how many there are and how many were drawn."""

    collector: str | None
    population: int
    sampled: int


@define(frozen=True, slots=True)
class AuditPlan:
    """The records to audit, drawn reproducibly from ``seed`` at ``rate`` per collector."""

    seed: int | str
    rate: float
    ids: tuple[Hashable, ...]
    strata: tuple[Stratum, ...]

    @property
    def population(self) -> int:
        """Records the sample was drawn from (N)."""
        return sum(s.population for s in self.strata)

    @property
    def achieved_rate(self) -> float:
        """sampled / population (at least ``rate``, by construction)."""
        return len(self.ids) / self.population if self.population else 0.0

    @property
    def meets_seed(self) -> bool:
        """True when the plan samples at least the seed's 30%."""
        return self.rate >= SEED_RATE

    def __len__(self) -> int:
        return len(self.ids)

    def __contains__(self, record_id: object) -> bool:
        return record_id in self.ids

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (ids as given; make them strings or ints for JSON)."""
        return {
            "seed": self.seed,
            "rate": self.rate,
            "population": self.population,
            "ids": list(self.ids),
            "strata": [
                {"collector": s.collector, "population": s.population, "sampled": s.sampled}
                for s in self.strata
            ],
        }


def _exact(rate: float | Fraction | Decimal | str) -> Fraction:
    # 0.3 * 10 is 3.0000000000000004 in floats; read the rate as the decimal it was written as.
    try:
        value = Fraction(rate) if isinstance(rate, Fraction | Decimal) else Fraction(str(rate))
    except (ValueError, ZeroDivisionError):
        raise DefinitionError(f"rate must be a number, not {rate!r}") from None
    if not 0 < value <= 1:
        raise DefinitionError(f"rate must be in (0, 1], not {rate!r}")
    return value


def _collector(value: object) -> str | None:
    text = normalize.as_text(value)
    if text is None:
        return None
    return normalize.text(text[:200]) or None


def _id_order(record_id: Hashable) -> tuple[str, str]:
    return (type(record_id).__name__, str(record_id))


def plan_audit(
    records: Mapping[Hashable, object] | Iterable[tuple[Hashable, object]],
    *,
    seed: int | str,
    rate: float | Fraction | Decimal | str = SEED_RATE,
    minimum: int = 1,
) -> AuditPlan:
    """Draw the audit sample: ``records`` maps record ids to their collector.

    Each collector's records are sampled at ``ceil(rate × count)``, and at
    least ``minimum`` (never more than they have); unknown collectors form one
    group. The draw depends only on ``seed``, the collector and the set of ids
    (not their order), so re-running the plan gives the same records.
    """
    exact = _exact(rate)
    if minimum < 0:
        raise DefinitionError("minimum cannot be negative")
    groups: dict[str | None, list[Hashable]] = {}
    seen: set[Hashable] = set()
    pairs = records.items() if isinstance(records, Mapping) else records
    for record_id, collector in pairs:
        if record_id in seen:
            raise DefinitionError(f"record id {record_id!r} appears twice")
        seen.add(record_id)
        groups.setdefault(_collector(collector), []).append(record_id)
    ids: list[Hashable] = []
    strata = []
    for collector in sorted(groups, key=lambda c: (c is None, c or "")):
        members = sorted(groups[collector], key=_id_order)
        k = min(len(members), max(minimum, math.ceil(exact * len(members))))
        # A generator per collector: adding one collector's records leaves the others' draw.
        rng = random.Random(f"{seed}|{collector}")
        ids.extend(sorted(rng.sample(members, k), key=_id_order))
        strata.append(Stratum(collector, len(members), k))
    return AuditPlan(seed, float(exact), tuple(ids), tuple(strata))


# --- comparing -----------------------------------------------------------------------------


def loose(text: str) -> str:
    """The default comparison form: widths, punctuation and brackets folded, spaces
    removed, case folded (``（北京）有限公司`` equals ``(北京) 有限公司``)."""
    return normalize.nfc(normalize.brackets(text)).replace(" ", "").casefold()


def tight(text: str) -> str:
    """The comparison form of identifiers and numbers: no separators at all, case folded."""
    return normalize.compact(text).casefold()


def _comparable(value: object, normalizer: Callable[[str], str]) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        text = value.isoformat(sep=" ")
    elif isinstance(value, datetime.date):
        text = value.isoformat()
    elif isinstance(value, float):
        text = str(int(value)) if value.is_integer() else repr(value)
    elif isinstance(value, Decimal) and value.is_finite():
        text = format(value.normalize(), "f")
    else:
        text = normalize.as_text(value) or str(value)
    return normalizer(text[: normalize.MAX_LENGTH]) or None


@define(frozen=True, slots=True)
class FieldAudit:
    """One field in the audit: values checked and values that matched."""

    field: str
    checked: int
    correct: int

    @property
    def accuracy(self) -> float | None:
        """correct / checked (None when nothing was checked)."""
        return self.correct / self.checked if self.checked else None


@define(frozen=True, slots=True)
class CollectorAudit:
    """One collector's audited records, and those entirely correct."""

    records: int
    correct: int


@define(frozen=True, slots=True)
class AuditResult:
    """Entered against verified values; no value is kept, only counts and ids.

    ``population`` (N) is the number of records the sample was drawn from; it
    labels the intervals and drives the finite-population correction of
    :meth:`estimate`.
    """

    fields: dict[str, FieldAudit]
    records: int
    records_correct: int
    mismatches: tuple[tuple[Hashable, str], ...] = ()
    population: int | None = None
    by_collector: dict[str | None, CollectorAudit] = field(factory=dict)

    def record_accuracy(self, *, confidence: float = 0.95, method: Method = "wilson") -> Interval:
        """Share of audited records with every checked field right, with its interval."""
        ci = proportion(self.records_correct, self.records, confidence=confidence, method=method)
        return _labelled(ci, self.population)

    def field_accuracy(
        self, name: str, *, confidence: float = 0.95, method: Method = "wilson"
    ) -> Interval:
        """Share of right values in field ``name``, with its interval."""
        try:
            f = self.fields[name]
        except KeyError:
            raise DefinitionError(f"field {name!r} was not audited") from None
        ci = proportion(f.correct, f.checked, confidence=confidence, method=method)
        return _labelled(ci, self.population)

    def estimate(self, *, confidence: float = 0.95, method: Method = "wilson") -> Interval:
        """The accuracy of all N records, from the sample, with the finite-population correction.

        The sample is treated as a simple random one; the plan's per-collector
        rounding up (ceil, at least one) makes that very nearly true.
        """
        return proportion(
            self.records_correct,
            self.records,
            confidence=confidence,
            method=method,
            population=self.population,
        )

    def summary(self, locale: str = "en") -> str:
        """The population estimate as one sentence (see :meth:`Interval.summary`)."""
        return self.estimate().summary(locale)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (record ids as given)."""
        return {
            "records": self.records,
            "records_correct": self.records_correct,
            "population": self.population,
            "fields": {
                k: {"checked": v.checked, "correct": v.correct} for k, v in self.fields.items()
            },
            "mismatches": [list(m) for m in self.mismatches],
            "by_collector": {
                (k if k is not None else ""): {"records": v.records, "correct": v.correct}
                for k, v in self.by_collector.items()
            },
        }

    def to_pandas(self, *, confidence: float = 0.95, method: Method = "wilson") -> Any:
        """One row per field (and one for whole records) with accuracy and interval."""
        from custinfo.metrics import notebook

        return notebook.audit_frame(self, confidence=confidence, method=method)

    def _repr_html_(self) -> str:
        from custinfo.metrics import notebook

        return notebook.audit_html(self)


def _labelled(ci: Interval, population: int | None) -> Interval:
    # Show N next to n without applying the correction (that is estimate()'s job).
    from attrs import evolve

    return evolve(ci, population=population, fpc=False)


def compare(
    entered: Mapping[Hashable, Mapping[str, Any]],
    verified: Mapping[Hashable, Mapping[str, Any]],
    *,
    fields: Iterable[str] | None = None,
    normalizers: Mapping[str, Callable[[str], str]] | None = None,
    population: int | AuditPlan | None = None,
    collectors: Mapping[Hashable, object] | None = None,
) -> AuditResult:
    """Compare entered records with the reviewer's verified values, field by field.

    Only fields present in a verified record are checked (``fields`` narrows
    them further); a verified blank means the entered value should be blank.
    Values are compared after :func:`tight` for :data:`COMPACT_FIELDS` and
    :func:`loose` for the rest, unless ``normalizers`` says otherwise.
    ``population`` is N, or the :class:`AuditPlan` the sample came from.
    """
    missing = [rid for rid in verified if rid not in entered]
    if missing:
        raise DefinitionError(f"{len(missing)} verified record(s) were never entered")
    wanted = None if fields is None else set(fields)
    rules = dict(normalizers or {})
    size = population.population if isinstance(population, AuditPlan) else population
    checked: dict[str, list[int]] = {}
    mismatches: list[tuple[Hashable, str]] = []
    per_collector: dict[str | None, list[int]] = {}
    records = correct_records = 0
    for rid, truth in verified.items():
        wrong = _compare_record(
            rid,
            entered[rid],
            truth,
            wanted=wanted,
            rules=rules,
            checked=checked,
            mismatches=mismatches,
        )
        if wrong is None:
            continue
        records += 1
        correct_records += not wrong
        if collectors is not None:
            tally = per_collector.setdefault(_collector(collectors.get(rid)), [0, 0])
            tally[0] += 1
            tally[1] += not wrong
    return AuditResult(
        fields={k: FieldAudit(k, n, ok) for k, (n, ok) in sorted(checked.items())},
        records=records,
        records_correct=correct_records,
        mismatches=tuple(mismatches),
        population=size,
        by_collector={
            k: CollectorAudit(*v)
            for k, v in sorted(per_collector.items(), key=lambda kv: (kv[0] is None, kv[0] or ""))
        },
    )


def _compare_record(
    rid: Hashable,
    given: Mapping[str, Any],
    truth: Mapping[str, Any],
    *,
    wanted: set[str] | None,
    rules: Mapping[str, Callable[[str], str]],
    checked: dict[str, list[int]],
    mismatches: list[tuple[Hashable, str]],
) -> bool | None:
    """True if any field is wrong, False if all are right, None if nothing was checked."""
    wrong = False
    any_checked = False
    for name, expected in truth.items():
        if wanted is not None and name not in wanted:
            continue
        rule = rules.get(name, tight if name in COMPACT_FIELDS else loose)
        same = _comparable(given.get(name), rule) == _comparable(expected, rule)
        counts = checked.setdefault(name, [0, 0])
        counts[0] += 1
        counts[1] += same
        any_checked = True
        if not same:
            wrong = True
            mismatches.append((rid, name))
    return wrong if any_checked else None
