"""Validate a Spark DataFrame through ``mapInPandas``; merge the partitions' reports exactly.

Every partition runs the engine of :mod:`custinfo.pandas` on its Arrow batches
and emits its findings, then one last row carrying the partition's accuracy
report as JSON (:meth:`AccuracyReport.to_dict`). The driver collects those few
report rows and merges them, which is exact in any order; the findings are the
other rows, a Spark DataFrame. ``today`` is fixed once on the driver, so every
executor judges "not in the future" against the same day.
Needs ``pip install 'custinfo[spark]'`` and Java.

Spark rows have no index: pass ``row="customer_id"`` (any column that identifies
a record) to have it in the findings. Without it rows are numbered with
``monotonically_increasing_id()``, unique but meaningful only for this DataFrame::

    from custinfo import forms
    from custinfo.spark import validate_frame

    result = validate_frame(spark.read.parquet("customers/"), forms.collection, row="crm_id")
    result.report.accuracy
    result.findings.where("severity = 'error'").write.parquet("findings/")
    result.unpersist()
"""

from __future__ import annotations

import datetime
import functools
import json
from collections.abc import Hashable, Iterator, Mapping

from attrs import define

try:
    import pandas as pd
    from pyspark import StorageLevel
    from pyspark.sql import DataFrame
    from pyspark.sql import functions as F  # noqa: N812 - the conventional name
    from pyspark.sql import types as T  # noqa: N812
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError("custinfo.spark needs pyspark: pip install 'custinfo[spark]'") from exc

from custinfo._frames import FINDING_COLUMNS, Job, column_values
from custinfo.metrics import AccuracyReport
from custinfo.model import Form

__all__ = ["FINDING_COLUMNS", "SparkResult", "validate_frame"]

_ROW = "__custinfo_row__"  # the generated row number when no ``row`` column is named
_REPORT = "__custinfo_report__"  # set only on each partition's report row


@define(frozen=True, slots=True, repr=False)
class SparkResult:
    """The outcome of :func:`validate_frame`.

    ``findings`` is a Spark DataFrame with the columns of
    :class:`custinfo.pandas.FrameResult.findings`; ``report`` is the merged
    accuracy report of all partitions. Call :meth:`unpersist` when done with
    the findings if they were persisted.
    """

    findings: DataFrame
    report: AccuracyReport
    _cached: DataFrame | None = None

    def unpersist(self) -> None:
        """Release the persisted validation output (no-op when nothing was persisted)."""
        if self._cached is not None:
            self._cached.unpersist()

    def __repr__(self) -> str:
        return f"SparkResult(report={self.report!r})"


def _output_schema(row_type: T.DataType) -> T.StructType:
    text = [T.StructField(name, T.StringType(), True) for name in FINDING_COLUMNS[1:]]
    return T.StructType(
        [T.StructField("row", row_type, True), *text, T.StructField(_REPORT, T.StringType(), True)]
    )


def _validate_batches(job: Job, batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    # Runs on the executors, once per partition: findings batch by batch, then the report.
    report = AccuracyReport()
    for batch in batches:
        outcome = job.run(batch)
        report = report.merge(outcome.report)
        if len(outcome.findings):
            # Python values in an object column: Arrow casts them to the declared row type.
            labels = pd.Index(column_values(batch[job.row]), dtype=object)
            found = outcome.findings.frame(labels)
            found[_REPORT] = None
            yield found
    last = {name: [None] for name in FINDING_COLUMNS}
    yield pd.DataFrame({**last, _REPORT: [json.dumps(report.to_dict(), ensure_ascii=False)]})


def validate_frame(
    sdf: DataFrame,
    form: Form | str,
    *,
    columns: Mapping[Hashable, str | None] | None = None,
    today: datetime.date | None = None,
    row: str | None = None,
    persist: bool = True,
    collector_field: str = "collector",
    date_field: str = "confirmed_at",
) -> SparkResult:
    """Validate every row of ``sdf``; options as in :func:`custinfo.pandas.validate_frame`.

    The report is computed before this returns (one Spark job). With
    ``persist=True`` (the default) that job's output is persisted, so the
    findings are read from it rather than validated again; with
    ``persist=False`` the findings DataFrame recomputes the validation each time
    an action runs on it, like any lazy Spark plan.
    """
    day = today or datetime.date.today()
    if row is None:
        row = _ROW
        sdf = sdf.withColumn(_ROW, F.monotonically_increasing_id())
    job = Job.prepare(
        form,
        sdf.columns,
        columns=columns,
        row=row,
        today=day,
        collector_field=collector_field,
        date_field=date_field,
    ).shippable()
    schema = _output_schema(sdf.schema[row].dataType)
    output = sdf.mapInPandas(functools.partial(_validate_batches, job), schema)
    if persist:
        output = output.persist(StorageLevel.MEMORY_AND_DISK)
    rows = output.where(F.col(_REPORT).isNotNull()).select(_REPORT).collect()
    report = AccuracyReport.combine(AccuracyReport.from_dict(json.loads(r[0])) for r in rows)
    findings = output.where(F.col(_REPORT).isNull()).drop(_REPORT)
    return SparkResult(findings, report, output if persist else None)
