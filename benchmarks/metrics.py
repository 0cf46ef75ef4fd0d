"""What the accuracy metrics cost next to validation, measured side by side in one run.

- counting: validate each record, then validate *and* add it to an AccuracyReport
  (``add_record``), and a bare ``collections.Counter`` of error codes as the floor;
- merging: one report over all records against 8 partition reports combined
  (plus the JSON round trip a cluster would pay);
- working days: ``add_working_days(day, 3)`` on the China calendar against the
  same walk on a weekend-only calendar.

Prints ratios only (absolute times on a shared machine are noise).
    python benchmarks/metrics.py [records]
"""

from __future__ import annotations

import datetime
import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import random

from corpus import ERRORS, TODAY, clean_record, spoil

from custinfo import forms
from custinfo.metrics import (
    AccuracyReport,
    WeekendCalendar,
    add_working_days,
    china,
)


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def _records(n: int, seed: int = 2026) -> list[dict[str, str]]:
    # corpus.records() can delete a field and then spoil it (KeyError): spoil one error at most.
    rng = random.Random(seed)
    rows = []
    for _ in range(n):
        record = clean_record(rng)
        if rng.random() < 0.25:
            spoil(record, rng.choice(ERRORS), rng)
        rows.append(record)
    return rows


def main(n: int) -> None:
    rows = list(_records(n))
    form = forms.collection
    reports = list(form.validate_many(rows, today=TODAY))

    def validate_only() -> None:
        for r in rows:
            form.validate(r, today=TODAY)

    def validate_and_count() -> None:
        acc = AccuracyReport()
        for r in rows:
            acc.add_record(form.validate(r, today=TODAY), r)

    def count_only() -> None:
        acc = AccuracyReport()
        for rep, r in zip(reports, rows, strict=True):
            acc.add_record(rep, r)

    def counter_floor() -> None:
        codes: Counter[str] = Counter()
        for rep in reports:
            codes.update(f.code for f in rep.errors)

    base = best_of(validate_only)
    print(f"{n} records")
    print(f"validate + add_record / validate             {best_of(validate_and_count) / base:6.2f}")
    print(f"add_record alone / validate                  {best_of(count_only) / base:6.2f}")
    print(f"add_record alone / Counter of error codes    "
          f"{best_of(count_only) / best_of(counter_floor):6.2f}")  # fmt: skip

    parts = [reports[i::8] for i in range(8)]
    part_rows = [rows[i::8] for i in range(8)]

    def whole() -> AccuracyReport:
        acc = AccuracyReport()
        for rep, r in zip(reports, rows, strict=True):
            acc.add_record(rep, r)
        return acc

    def partitioned() -> AccuracyReport:
        built = []
        for reps, rs in zip(parts, part_rows, strict=True):
            acc = AccuracyReport()
            for rep, r in zip(reps, rs, strict=True):
                acc.add_record(rep, r)
            built.append(AccuracyReport.from_dict(json.loads(json.dumps(acc.to_dict()))))
        return AccuracyReport.combine(built)

    assert whole() == partitioned()
    print(
        f"8 partitions + JSON + combine / one report   {best_of(partitioned) / best_of(whole):6.2f}"
    )

    days = [datetime.date(2019, 1, 1) + datetime.timedelta(days=i % 2800) for i in range(n)]
    calendar, plain = china(), WeekendCalendar()
    t_china = best_of(lambda: [add_working_days(d, 3, calendar) for d in days])
    t_plain = best_of(lambda: [add_working_days(d, 3, plain) for d in days])
    print(f"add_working_days: China calendar / weekends  {t_china / t_plain:6.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
