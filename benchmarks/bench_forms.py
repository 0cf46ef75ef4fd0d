"""Whole-form throughput: custinfo against hand-written glue, pydantic and the floor.

All four run side by side in one process over the same seeded corpus
(benchmarks/corpus.py). The script first checks that they agree on which records
are valid and explains every disagreement, then prints records per second and
each ratio to the hand-written composition. Usage:

    python benchmarks/bench_forms.py [--records 20000] [--repeat 3] [--distinct-names] [--consume]

Every result is kept in a list (as code that validates a batch and then looks at the
reports does); ``--consume`` drops each one once made (as a stream does), which spares
the garbage collector the traversal of kept reports.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import competitors
import corpus

from custinfo import forms


def best_rate(fn: Callable[[], object], n: int, repeat: int) -> float:
    """Records per second of the fastest of ``repeat`` passes."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return n / best


def _consume(results: Iterable[object]) -> None:
    collections.deque(results, maxlen=0)


def _word(ok: bool) -> str:
    return "ok" if ok else "error"


def agreement(
    records: Sequence[dict[str, str]], kinds: Sequence[tuple[str, ...]], industries: frozenset[str]
) -> None:
    """Print how often custinfo and the competitors agree, and why they differ."""
    differ: collections.Counter[str] = collections.Counter()
    examples: dict[str, str] = {}
    for record, kind in zip(records, kinds, strict=True):
        ours = forms.collection.validate(record, today=corpus.TODAY)
        hand = not competitors.handwritten(record, industries)
        pyd = competitors.pydantic_ok(record, industries)
        if hand != pyd:
            differ["handwritten vs pydantic"] += 1
        if ours.ok != hand:
            why = ",".join(kind) or "clean"
            verdicts = f"custinfo={_word(ours.ok)} handwritten={_word(hand)}"
            key = f"{verdicts} [{why}]"
            differ[key] += 1
            examples.setdefault(key, ", ".join(f"{f.field}:{f.code}" for f in ours.errors))
    total = len(records)
    agree = total - sum(v for k, v in differ.items() if k.startswith("custinfo"))
    print(f"agreement custinfo/handwritten: {agree}/{total} ({agree / total:.2%})")
    for key, count in differ.most_common():
        print(f"  {count:6d}  {key}  {examples.get(key, '')}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--consume",
        action="store_true",
        help="drop each result once made, as a stream does, instead of keeping them all",
    )
    parser.add_argument(
        "--distinct-names",
        action="store_true",
        help="customer and contact names rarely repeat (as in real customer tables)",
    )
    args = parser.parse_args(argv)

    pairs = list(corpus.records(args.records, distinct_names=args.distinct_names))
    records = [r for r, _ in pairs]
    kinds = [k for _, k in pairs]
    industries = competitors.industries()
    form = forms.collection
    today = corpus.TODAY

    agreement(records, kinds, industries)

    keep: Callable[[Iterable[object]], object] = list if not args.consume else _consume
    runs = {
        "floor (read every field)": lambda: keep(competitors.floor(r) for r in records),
        "custinfo collection.validate": lambda: keep(
            form.validate(r, today=today) for r in records
        ),
        "custinfo validate_many": lambda: keep(form.validate_many(records, today=today)),
        "hand-written stdnum+phonenumbers+email-validator": lambda: keep(
            competitors.handwritten(r, industries) for r in records
        ),
        "pydantic v2 model": lambda: keep(competitors.pydantic_ok(r, industries) for r in records),
    }
    rates = {name: best_rate(fn, len(records), args.repeat) for name, fn in runs.items()}
    base = rates["hand-written stdnum+phonenumbers+email-validator"]
    pyd = rates["pydantic v2 model"]
    print(f"\n{'':50s} {'records/s':>12s} {'× hand-written':>15s} {'× pydantic':>11s}")
    for name, rate in rates.items():
        print(f"{name:50s} {rate:12,.0f} {rate / base:15.2f} {rate / pyd:11.2f}")


if __name__ == "__main__":
    main()
