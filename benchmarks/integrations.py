"""What the pandas and Dask integrations cost next to validating the same rows by hand.

Side by side in one run, on the benchmark corpus as a DataFrame (Chinese headers):

- floor: a list of dicts through ``form.validate`` + ``AccuracyReport.add_record``
  (no frame at all: what validating the rows costs);
- ``custinfo.pandas.validate_frame`` (cells read column-wise, findings frame built);
- the common hand-written pandas loops: ``df.to_dict("records")`` and ``df.iterrows()``,
  each collecting findings into a list of dicts and a DataFrame;
- ``custinfo.dask.validate_frame`` on 4 partitions with the synchronous scheduler
  (the partitioning, per-partition reports and their merge; no cluster).

Prints ratios only (absolute times on a shared machine are noise).
    python benchmarks/integrations.py [records]
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import dask
import dask.dataframe as dd
import pandas as pd
from corpus import TODAY, records

from custinfo import Report, forms
from custinfo import dask as custinfo_dask
from custinfo import pandas as custinfo_pandas
from custinfo.metrics import AccuracyReport

FORM = forms.collection
LABELS = {f.key: f.label for f in FORM.fields}


def interleaved(fns: dict[str, Callable[[], object]], rounds: int = 5) -> dict[str, float]:
    """The best time of each function, running them in turn each round, so that the
    load of a shared machine falls on all of them alike."""
    best = dict.fromkeys(fns, float("inf"))
    for _ in range(rounds):
        for name, fn in fns.items():
            start = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def _collect(reports: list[tuple[object, Report]]) -> pd.DataFrame:
    rows = [
        {"row": label, "field": f.field, "code": f.code, "severity": f.severity.value,
         "message_zh": f.message("zh"), "message_en": f.message("en"), "value": f.value}
        for label, report in reports
        for f in report.findings
    ]  # fmt: skip
    return pd.DataFrame(rows)


def main(n: int) -> None:
    rows = [{LABELS[k]: v for k, v in record.items()} for record, _ in records(n)]
    df = pd.DataFrame(rows)

    def floor() -> None:
        acc = AccuracyReport()
        for report in FORM.validate_many(rows, today=TODAY):
            acc.add_record(report)

    def integration() -> None:
        custinfo_pandas.validate_frame(df, FORM, today=TODAY)

    def to_dict_loop() -> None:
        acc = AccuracyReport()
        found = []
        for label, record in zip(df.index, df.to_dict("records"), strict=True):
            report = FORM.validate(record, today=TODAY)
            acc.add_record(report)
            found.append((label, report))
        _collect(found)

    def iterrows_loop() -> None:
        acc = AccuracyReport()
        found = []
        for label, series in df.iterrows():
            report = FORM.validate(series.to_dict(), today=TODAY)
            acc.add_record(report)
            found.append((label, report))
        _collect(found)

    ddf = dd.from_pandas(df, npartitions=4)

    def dask_sync() -> None:
        with dask.config.set(scheduler="synchronous"):
            result = custinfo_dask.validate_frame(ddf, FORM, today=TODAY)
            result.findings.compute()

    # Same answers before timing anything.
    ours = custinfo_pandas.validate_frame(df, FORM, today=TODAY)
    acc = AccuracyReport()
    for report in FORM.validate_many(rows, today=TODAY):
        acc.add_record(report)
    assert ours.report == acc
    with dask.config.set(scheduler="synchronous"):
        assert custinfo_dask.validate_frame(ddf, FORM, today=TODAY).report == acc

    t = interleaved(
        {
            "floor": floor,
            "ours": integration,
            "to_dict": to_dict_loop,
            "iterrows": iterrows_loop,
            "dask": dask_sync,
        }
    )
    print(f"{n} records, {len(ours.findings)} findings")
    print(f"validate_frame / list-of-dicts floor        {t['ours'] / t['floor']:6.2f}")
    print(f"to_dict('records') loop / validate_frame    {t['to_dict'] / t['ours']:6.2f}")
    print(f"iterrows loop / validate_frame              {t['iterrows'] / t['ours']:6.2f}")
    print(f"dask (4 partitions, sync) / validate_frame  {t['dask'] / t['ours']:6.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
