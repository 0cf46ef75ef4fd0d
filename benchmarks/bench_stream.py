"""Streaming: `validate_many` over a million records keeps memory flat and keeps pace.

Records come from a generator (a pool of distinct corpus records, cycled), so the
input itself takes no memory. The script prints peak RSS at checkpoints while
`validate_many` consumes the stream, and the records per second of
`validate_many` against a plain `for record: form.validate(record)` loop over the
same records, measured side by side in this one process. Usage:

    python benchmarks/bench_stream.py [--records 1000000] [--pool 20000]
"""

from __future__ import annotations

import argparse
import itertools
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

from custinfo import forms


def peak_rss_mib() -> float:
    """Peak resident set size of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stream(pool: list[dict[str, str]], n: int) -> Iterator[dict[str, str]]:
    # a fresh dict per record, as a reader would yield, so nothing is shared
    return (dict(r) for r in itertools.islice(itertools.cycle(pool), n))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--pool", type=int, default=20_000)
    args = parser.parse_args()
    form = forms.collection
    today = corpus.TODAY
    pool = [r for r, _ in corpus.records(args.pool)]
    for r in pool[:2000]:  # compile the form and warm the lookups
        form.validate(r, today=today)
    print(f"after warm-up: peak RSS {peak_rss_mib():.1f} MiB")

    sample = min(args.records, 100_000)
    start = time.perf_counter()
    for record in stream(pool, sample):
        form.validate(record, today=today)
    loop_rate = sample / (time.perf_counter() - start)

    checkpoints = {args.records // 10, args.records // 2, args.records}
    errors = 0
    start = time.perf_counter()
    for i, report in enumerate(form.validate_many(stream(pool, args.records), today=today), 1):
        errors += not report.ok
        if i == sample:
            many_rate = sample / (time.perf_counter() - start)
        if i in checkpoints:
            elapsed = time.perf_counter() - start
            print(f"{i:>9,} records  {i / elapsed:9,.0f} rec/s  peak RSS {peak_rss_mib():7.1f} MiB")
    print(f"records with errors: {errors:,}")
    print(
        f"\nfirst {sample:,} records: validate loop {loop_rate:,.0f} rec/s, "
        f"validate_many {many_rate:,.0f} rec/s, ratio {many_rate / loop_rate:.2f}"
    )


if __name__ == "__main__":
    main()
