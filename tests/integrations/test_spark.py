"""custinfo.spark on a local session (local[2]): the same answers as custinfo.pandas."""

# ruff: noqa: E402 - optional dependencies are imported after pytest.importorskip

from __future__ import annotations

import datetime
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs Java: no java on PATH and no JAVA_HOME", allow_module_level=True)
pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")
pytest.importorskip("pyspark")

from integration_tables import (
    COLLECTION_RECORDS,
    TODAY,
    VISIT,
    blank,
    counted_form,
    doc_blocks,
    finding_rows,
    frame_rows,
    run_blocks,
    visit_frame,
)
from pyspark.sql import SparkSession
from pyspark.sql import types as T

import custinfo
from custinfo import forms
from custinfo import pandas as custinfo_pandas
from custinfo import spark as custinfo_spark

# pyspark 4.x warns that it does not yet fully support pandas 3; these tests show what we use works.
pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support:FutureWarning")


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    # Python workers are started by the JVM: give them this interpreter, and a path
    # to custinfo and to the helpers of these tests (the counted form's check).
    paths = [str(Path(custinfo.__file__).parents[1]), str(Path(__file__).parent)]
    previous = {k: os.environ.get(k) for k in ("PYSPARK_PYTHON", "PYTHONPATH")}
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYTHONPATH"] = os.pathsep.join([*paths, os.environ.get("PYTHONPATH", "")])
    session = (
        SparkSession.builder.master("local[2]")
        .appName("custinfo-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
    for key, value in previous.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def _spark_frame(spark: Any, df: Any, partitions: int) -> Any:
    """``df`` as a Spark DataFrame with its index as the column row_id, in ``partitions``."""
    flat = df.reset_index(names="row_id")
    fields = [T.StructField("row_id", T.LongType())]
    for name in df.columns:
        kind = T.LongType() if df[name].dtype.kind in "if" else T.StringType()
        fields.append(T.StructField(str(name), kind, True))
    rows = [
        [None if blank(v) else (int(v) if isinstance(v, float) else v) for v in r]
        for r in flat.itertuples(index=False, name=None)
    ]
    return spark.createDataFrame(rows, T.StructType(fields)).repartition(partitions)


def _collected(findings: Any) -> list[tuple[Any, ...]]:
    return finding_rows(tuple(r) for r in findings.collect())


def _same_as_pandas(spark: Any, df: Any, form: Any, partitions: int, **options: Any) -> Any:
    expected = custinfo_pandas.validate_frame(df, form, today=TODAY)
    result = custinfo_spark.validate_frame(
        _spark_frame(spark, df, partitions), form, row="row_id", today=TODAY, **options
    )
    assert result.findings.columns == list(custinfo_pandas.FINDING_COLUMNS)
    assert _collected(result.findings) == frame_rows(expected.findings)
    assert result.report.to_dict() == expected.report.to_dict()
    return result


def test_partitions_give_the_pandas_findings_and_report(spark: Any) -> None:
    result = _same_as_pandas(spark, visit_frame(), VISIT, partitions=3)
    result.unpersist()


def test_a_standard_form_without_persisting_gives_the_pandas_answers(spark: Any) -> None:
    df = pd.DataFrame(COLLECTION_RECORDS * 3)
    _same_as_pandas(spark, df, forms.collection, partitions=2, persist=False)


def test_persisting_validates_each_row_once(spark: Any, tmp_path: Path) -> None:
    log = tmp_path / "calls.txt"
    sdf = spark.createDataFrame([(f"第{i}次",) for i in range(10)], ["跟进内容"]).repartition(2)
    result = custinfo_spark.validate_frame(sdf, counted_form(str(log)))
    result.findings.count()
    result.findings.collect()
    assert result.report.records == 10
    assert len(log.read_text().splitlines()) == 10
    result.unpersist()


def test_without_a_row_column_rows_get_unique_numbers(spark: Any) -> None:
    sdf = spark.createDataFrame([("2024-07-01",)] * 5, ["visited_on"]).repartition(2)
    result = custinfo_spark.validate_frame(sdf, VISIT, today=datetime.date(2024, 6, 30))
    future = [r["row"] for r in result.findings.where("code = 'dates.future'").collect()]
    assert len(future) == len(set(future)) == 5
    assert dict(result.findings.dtypes)["row"] == "bigint"
    result.unpersist()


def test_the_documented_example_runs(spark: Any) -> None:
    namespace = run_blocks(doc_blocks("pandas")[:1], {})  # imports and the sample frame
    namespace["spark"] = spark
    run_blocks(doc_blocks("Spark"), namespace)
    assert namespace["result"].report.records == 2
