"""Validate a Dask DataFrame partition by partition; merge the partitions' reports exactly.

Each partition is validated once, by the same engine as :mod:`custinfo.pandas`,
into its findings and its accuracy report. The reports travel as plain dicts
(:meth:`AccuracyReport.to_dict`) and are merged on the client, which is exact in
any order; the findings stay a Dask DataFrame. ``today`` is fixed once on the
client, so every partition judges "not in the future" against the same day.
Needs ``pip install 'custinfo[dask]'``.

>>> import datetime
>>> import dask, dask.dataframe as dd, pandas as pd
>>> from custinfo import Field, Form
>>> visit = Form("visit", "拜访登记", "1.0", fields=[
...     Field("customer_name", "客户名称", required=True),
...     Field("visited_on", "拜访日期", kind="dates", required=True),
... ])
>>> df = pd.DataFrame({"客户名称": ["甲公司", None, "乙公司"],
...                    "拜访日期": ["2024-05-06", "2024-05-07", "2024-13-01"]})
>>> with dask.config.set(scheduler="synchronous"):
...     result = validate_frame(dd.from_pandas(df, npartitions=2), visit,
...                             today=datetime.date(2024, 6, 1))
...     found = result.findings.compute()
>>> found[["row", "field", "code"]].values.tolist()
[[1, 'customer_name', 'required'], [2, 'visited_on', 'dates.invalid']]
>>> result.report.records, result.report.clean
(3, 1)
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Hashable, Mapping
from typing import Any

from attrs import define

try:
    import dask.base
    import dask.dataframe as dd
    import pandas as pd
    from dask.delayed import delayed
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError("custinfo.dask needs Dask: pip install 'custinfo[dask]'") from exc

from custinfo._frames import FINDING_COLUMNS, Job
from custinfo.findings import DefinitionError
from custinfo.metrics import AccuracyReport
from custinfo.model import Form

__all__ = ["FINDING_COLUMNS", "DaskResult", "validate_frame"]

# Dask leaves these unannotated; say what they return once, here.
_compute: Callable[..., tuple[Any, ...]] = dask.base.compute
_persist: Callable[..., tuple[Any, ...]] = dask.base.persist


@define(frozen=True, slots=True, repr=False)
class DaskResult:
    """The outcome of :func:`validate_frame`.

    ``findings`` is a Dask DataFrame with the columns of
    :class:`custinfo.pandas.FrameResult.findings` (one partition per input
    partition); ``report`` is the merged accuracy report of all partitions.
    """

    findings: dd.DataFrame
    report: AccuracyReport

    def __repr__(self) -> str:
        return f"DaskResult(partitions={self.findings.npartitions}, report={self.report!r})"


def _validate_partition(part: pd.DataFrame, job: Job) -> tuple[pd.DataFrame, dict[str, Any]]:
    outcome = job.run(part)
    return outcome.findings.frame(job.row_labels(part)), outcome.report.to_dict()


def validate_frame(
    ddf: dd.DataFrame,
    form: Form | str,
    *,
    columns: Mapping[Hashable, str | None] | None = None,
    today: datetime.date | None = None,
    row: Hashable | None = None,
    persist: bool = True,
    collector_field: str = "collector",
    date_field: str = "confirmed_at",
) -> DaskResult:
    """Validate every row of ``ddf``; options as in :func:`custinfo.pandas.validate_frame`.

    The report is computed before this returns. With ``persist=True`` (the
    default) the partitions' findings are kept in the cluster's memory by the
    same pass, so computing ``findings`` later does not validate again; with
    ``persist=False`` nothing is kept and ``findings`` is a plain lazy graph
    that validates the partitions again when it is computed (for findings too
    large to hold, written out with ``to_parquet``). Row labels come from each
    partition's index unless ``row`` names a column: after ``dd.read_csv`` every
    partition's index starts at 0, so pass a key column there.
    """
    if not isinstance(ddf, dd.DataFrame):
        raise DefinitionError(f"expected a Dask DataFrame, not {type(ddf).__name__}")
    job = Job.prepare(
        form,
        ddf.columns,
        columns=columns,
        row=row,
        today=today or datetime.date.today(),
        collector_field=collector_field,
        date_field=date_field,
    ).shippable()
    # One task per partition with two outputs (findings, report): map_partitions
    # returns only a frame, so the partitions go through delayed; the findings
    # come back as a DataFrame with ``meta`` computed by the same engine.
    # ``_meta`` is Dask's empty frame with the partitions' columns and dtypes (its docs use it).
    meta = _validate_partition(ddf._meta, job)[0]
    pieces: Callable[[], list[Any]] = ddf.to_delayed
    shared = delayed(job, pure=True)  # one node in the graph, not one copy per partition
    parts = [delayed(_validate_partition, pure=True)(part, shared) for part in pieces()]
    if persist:
        parts = list(_persist(*parts))
    reports = _compute(*[part[1] for part in parts])
    report = AccuracyReport.combine(AccuracyReport.from_dict(r) for r in reports)
    findings = dd.from_delayed([part[0] for part in parts], meta=meta, verify_meta=False)
    return DaskResult(findings, report)
