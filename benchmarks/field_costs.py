"""Where a `collection` record's time goes: each field's check, the rules, the report.

Per field, the microseconds per call of its compiled check over the corpus values,
measured two ways in one run: alone (one field at a time, warm caches) and inside
the mixed per-record loop (what validation really pays). Then the record-level
parts: resolving keys, the field loop, the rules and building the report. For
finding what to optimize; the ratios that matter are in bench_forms.py. Usage:

    python benchmarks/field_costs.py [--records 10000]
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

from custinfo import forms


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
    args = parser.parse_args(argv)
    records = [r for r, _ in corpus.records(args.records)]
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


if __name__ == "__main__":
    main()
