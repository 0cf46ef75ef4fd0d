"""Where a `collection` record's time goes: each field's check, the rules, the report.

Per field, the microseconds per call of its compiled check over the corpus values,
measured two ways in one run: alone (one field at a time, warm caches) and inside
the mixed per-record loop (what validation really pays). Then the record-level
parts: the machinery alone (every check replaced by one that does nothing), the
rules, and the garbage collector's share. For finding what to optimize; the
ratios that matter are in bench_forms.py. Usage:

    python benchmarks/field_costs.py [--records 10000] [--distinct-names]
"""

from __future__ import annotations

import argparse
import collections
import gc
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import attrs
import corpus

from custinfo import Check, Form, forms


def _per_call(fn: Callable[[], int], repeat: int = 3) -> float:
    best, calls = float("inf"), 1
    for _ in range(repeat):
        start = time.perf_counter()
        calls = max(fn(), 1)
        best = min(best, time.perf_counter() - start)
    return best / calls * 1e6


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=10000)
    parser.add_argument("--distinct-names", action="store_true", help="as in bench_forms.py")
    args = parser.parse_args(argv)
    records = [r for r, _ in corpus.records(args.records, distinct_names=args.distinct_names)]
    form, today = forms.collection, corpus.TODAY
    for r in records:  # past every memo's trial
        form.validate(r, today=today)
    loop = [(s.key, s.run) for s in form.plan.steps]

    alone: dict[str, float] = {}
    for key, run in loop:
        values = [(r[key], r) for r in records if r.get(key)]

        def one_field(values: list[tuple[str, dict[str, str]]] = values, run=run) -> int:  # type: ignore[no-untyped-def]
            for value, record in values:
                run(value, record, today)
            return len(values)

        alone[key] = _per_call(one_field)

    mixed: collections.Counter[str] = collections.Counter()
    clock = time.perf_counter_ns
    for _ in range(2):  # the second pass is the one kept
        mixed.clear()
        for record in records:
            cleaned: dict[str, object] = {}
            for key, run in loop:
                value = record.get(key)
                if value:
                    start = clock()
                    result = run(value, cleaned, today)
                    mixed[key] += clock() - start
                    if result.ok:
                        cleaned[key] = result.value

    n = len(records)
    print(f"{'field':16s} {'alone µs':>9s} {'mixed µs/record':>16s}")
    for key, _ in loop:
        print(f"{key:16s} {alone[key]:9.2f} {mixed[key] / n / 1000:16.2f}")
    print(f"{'fields in all':16s} {'':9s} {sum(mixed.values()) / n / 1000:16.2f}")
    whole = _per_call(lambda: len([form.validate(r, today=today) for r in records]))
    print(f"{'validate':16s} {'':9s} {whole:16.2f}")

    print("\nrecord-level parts (µs per record, validate over the corpus, reports kept)")
    free = _with_free_checks(form)
    for name, variant in (
        ("the machinery: zero-cost checks, no rules", free),
        ("the form without its rules", attrs.evolve(form, rules=())),
        ("the form", form),
    ):
        for r in records[:3000]:
            variant.validate(r, today=today)
        cost = _per_call(lambda v=variant: len([v.validate(r, today=today) for r in records]))
        print(f"  {name:45s} {cost:8.2f}")
    print(f"  {'of which the garbage collector':45s} {_collector_share(form, records):8.2f}")


def _free(value: object) -> Check:
    return Check(value)


def _with_free_checks(form: Form) -> Form:
    """The form's fields with a check that does nothing: what the machinery costs."""
    fields = [attrs.evolve(f, kind=_free, options={}, context=(), choices=()) for f in form.fields]
    return attrs.evolve(form, fields=fields, rules=())


def _collector_share(form: Form, records: list[dict[str, str]]) -> float:
    """µs per record spent in the cyclic garbage collector while validating, reports kept."""
    spent, started = [0.0], [0.0]

    def clock(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            spent[0] += time.perf_counter() - started[0]

    gc.callbacks.append(clock)
    try:
        kept = [form.validate(r, today=corpus.TODAY) for r in records]
    finally:
        gc.callbacks.remove(clock)
    return spent[0] / len(kept) * 1e6


if __name__ == "__main__":
    main()
