"""``custinfo check`` on a million rows: rows per second and peak memory, side by side.

Writes CSV files of 10 000, 100 000 and 1 000 000 collection records to a
temporary directory: a pool of 20 000 distinct records made by
``update/make_samples.py`` (custinfo's generators, about a quarter with one or
two mistakes), repeated. The pool is larger than the form's memo of repeated
values, so IDs and phones are checked afresh, as in real data. Each file is
checked by ``python -m custinfo check`` in a fresh process, whose peak resident
memory is read from ``resource.getrusage(RUSAGE_CHILDREN)``. Streaming means
the peak stays flat: the ratio of the largest run's peak to the smallest run's
is printed, and so is the peak of ``custinfo forms`` (importing custinfo,
reading nothing) for scale.

    PYTHONPATH=src python benchmarks/bench_cli.py [--rows 1000000] [--formats text,jsonl,junit]
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
TODAY = "2025-06-30"

# Runs one command in a child and prints the child's peak RSS in KiB (Linux: ru_maxrss is KiB).
_MEASURE = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


POOL = 20_000


def pool_rows() -> tuple[list[str], list[list[str]]]:
    """The header (Chinese labels) and POOL distinct collection rows."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "update"))
    import make_samples

    from custinfo import forms

    form = forms.get("collection")
    maker = make_samples.Maker(make_samples.SEED + 1)
    rows = [
        [record.get(k, "") for k in form.keys]
        for record, _ in make_samples.collection_records(maker, POOL)
    ]
    return [f.label for f in form.fields], rows


def write_rows(path: Path, count: int, header: list[str], rows: list[list[str]]) -> int:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        for i in range(count):
            writer.writerow(rows[i % len(rows)])
    return path.stat().st_size


def measure(args: list[str]) -> tuple[int, float, float]:
    """(exit code, seconds, peak RSS in MiB) of ``python -m custinfo ARGS``."""
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    command = [sys.executable, "-c", _MEASURE, sys.executable, "-m", "custinfo", *args]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    seconds = time.perf_counter() - start
    code, kib = done.stdout.split()
    return int(code), seconds, int(kib) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--formats", default="text", help="comma-separated output formats")
    options = parser.parse_args()
    sizes = sorted({max(options.rows // 100, 1), max(options.rows // 10, 1), options.rows})
    formats = options.formats.split(",")

    header, rows = pool_rows()
    _, _, baseline = measure(["forms"])
    print(f"custinfo forms (import only): peak {baseline:.1f} MiB")
    print(f"{'format':<7} {'rows':>10} {'MB in':>7} {'seconds':>8} {'rows/s':>9} {'peak MiB':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        peaks: dict[str, list[float]] = {f: [] for f in formats}
        for size in sizes:
            path = Path(tmp) / f"rows-{size}.csv"
            megabytes = write_rows(path, size, header, rows) / 1e6
            for fmt in formats:
                args = ["check", str(path), "--form", "collection", "--today", TODAY]
                args += ["--format", fmt, "--no-progress"]
                code, seconds, peak = measure(args)
                assert code in (0, 1), f"custinfo check exited {code}"
                peaks[fmt].append(peak)
                rate = size / seconds
                print(
                    f"{fmt:<7} {size:>10,} {megabytes:>7.1f} {seconds:>8.1f} {rate:>9,.0f} "
                    f"{peak:>9.1f}"
                )
            path.unlink()
    for fmt, values in peaks.items():
        print(
            f"{fmt}: peak memory at {sizes[-1]:,} rows / at {sizes[0]:,} rows = "
            f"{values[-1] / values[0]:.2f} (flat when close to 1)"
        )


if __name__ == "__main__":
    main()
