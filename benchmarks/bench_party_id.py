"""The collection form's id_number check: fast paths against the reference paths.

Times ``forms.kinds.party_id`` (the validators' fast paths) and the same
decision taken by the reference paths alone (``uscc._full_check`` /
``ric._full_check``), side by side in one run, on the benchmark corpus and on
varied generated input (every current county, historic regions, permits and
foreigner IDs, with one character spoiled in a quarter of them). Usage:

    python benchmarks/bench_party_id.py [--n 20000]
"""

from __future__ import annotations

import argparse
import datetime
import random
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

from custinfo import divisions
from custinfo.findings import Check
from custinfo.forms import kinds
from custinfo.validators import ric, uscc

Case = tuple[str, str]


def reference(value: str, customer_type: str, today: datetime.date) -> Check:
    """party_id's decision for a known customer type, from the reference paths only."""
    as_uscc = uscc._full_check(value)
    as_ric = ric._full_check(value, today, None)
    expected, other = (as_uscc, as_ric) if customer_type == kinds.ENTERPRISE else (as_ric, as_uscc)
    return expected if expected.ok else other if other.ok else expected


def corpus_cases(n: int) -> list[Case]:
    return [(r["id_number"], r["customer_type"]) for r, _ in corpus.records(n) if "id_number" in r]


def varied_cases(n: int, seed: int = 7) -> list[Case]:
    rng = random.Random(seed)
    historic = sorted(d.code for d in divisions.all_divisions() if not d.current)
    cases: list[Case] = []
    for i in range(n):
        if i % 2:
            region = rng.choice(historic) if i % 7 == 0 else None
            cases.append((uscc.generate(rng, region=region), kinds.ENTERPRISE))
        else:
            kind = rng.choice(list(ric.KINDS)) if i % 10 == 0 else "resident"
            region = rng.choice(historic) if kind == "resident" and i % 6 == 0 else None
            cases.append((ric.generate(rng, kind=kind, region=region), kinds.PERSON))
    for j in rng.sample(range(n), n // 4):  # one character spoiled in a quarter of them
        value, kind = cases[j]
        k = rng.randrange(18)
        cases[j] = (value[:k] + rng.choice("0123456789") + value[k + 1 :], kind)
    return cases


def per_call(fn: Callable[[str, str, datetime.date], object], cases: list[Case]) -> float:
    today, best = corpus.TODAY, float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for value, customer_type in cases:
            fn(value, customer_type, today)
        best = min(best, time.perf_counter() - start)
    return best / len(cases) * 1e6


def fast(value: str, customer_type: str, today: datetime.date) -> Check:
    return kinds.party_id(value, customer_type=customer_type, today=today)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=20000)
    args = parser.parse_args(argv)
    for name, cases in (("corpus", corpus_cases(args.n)), ("varied", varied_cases(args.n))):
        disagree = sum(fast(v, t, corpus.TODAY) != reference(v, t, corpus.TODAY) for v, t in cases)
        slow, quick = per_call(reference, cases), per_call(fast, cases)
        print(
            f"{name:7s} {len(cases):6d} values  reference {slow:6.2f} µs  "
            f"party_id {quick:5.2f} µs  ratio {slow / quick:4.1f}x  disagreements {disagree}"
        )


if __name__ == "__main__":
    main()
