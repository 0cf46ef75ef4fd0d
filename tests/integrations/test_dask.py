"""custinfo.dask on a local cluster of worker processes: the same answers as custinfo.pandas."""

# ruff: noqa: E402 - optional dependencies are imported after pytest.importorskip

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import pytest

pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

from integration_tables import (
    COLLECTION_RECORDS,
    TODAY,
    VISIT,
    counted_form,
    frame_rows,
    visit_frame,
)

from custinfo import DefinitionError, forms
from custinfo import dask as custinfo_dask
from custinfo import pandas as custinfo_pandas


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def _same_as_pandas(
    df: Any, form: Any, npartitions: int, persist: bool = True, **options: Any
) -> None:
    expected = custinfo_pandas.validate_frame(df, form, today=TODAY, **options)
    ddf = dd.from_pandas(df, npartitions=npartitions, sort=False)
    result = custinfo_dask.validate_frame(ddf, form, today=TODAY, persist=persist, **options)
    assert result.findings.npartitions == ddf.npartitions
    assert frame_rows(result.findings.compute()) == frame_rows(expected.findings)
    assert result.report.to_dict() == expected.report.to_dict()


def test_partitions_on_worker_processes_give_the_pandas_findings_and_report(client: Any) -> None:
    assert all(info["type"] == "Worker" for info in client.scheduler_info()["workers"].values())
    assert len(client.scheduler_info()["workers"]) == 2
    _same_as_pandas(visit_frame(), VISIT, npartitions=3)


def test_without_persist_the_answers_are_the_same(client: Any) -> None:
    _same_as_pandas(visit_frame(), VISIT, npartitions=2, persist=False)


def test_a_standard_form_gives_the_pandas_answers(client: Any) -> None:
    df = pd.DataFrame(COLLECTION_RECORDS * 3)
    _same_as_pandas(df, forms.collection, npartitions=4)


def test_options_reach_the_workers(client: Any) -> None:
    df = visit_frame().set_axis([f"r{i}" for i in range(6)])
    _same_as_pandas(df, VISIT, npartitions=3, columns={"备注": None}, collector_field="visited_on")


def test_the_day_fixed_on_the_client_is_the_day_every_partition_uses(client: Any) -> None:
    df = pd.DataFrame({"visited_on": ["2024-06-30", "2024-07-01"] * 4})
    ddf = dd.from_pandas(df, npartitions=4)
    result = custinfo_dask.validate_frame(ddf, VISIT, today=datetime.date(2024, 6, 30))
    found = result.findings.compute()
    future = found.loc[found["code"] == "dates.future", "row"]
    assert sorted(future) == [1, 3, 5, 7]


def test_a_row_column_names_rows_when_partition_indexes_repeat(client: Any) -> None:
    df = visit_frame()
    df["crm_id"] = [f"C{i:03d}" for i in range(6)]
    # Like dd.read_csv: each partition's index starts at 0 again.
    pieces = [df.iloc[:3].reset_index(drop=True), df.iloc[3:].reset_index(drop=True)]
    ddf = dd.concat([dd.from_pandas(p, npartitions=1) for p in pieces])
    result = custinfo_dask.validate_frame(ddf, VISIT, row="crm_id", today=TODAY)
    expected = custinfo_pandas.validate_frame(df, VISIT, row="crm_id", today=TODAY)
    assert frame_rows(result.findings.compute()) == frame_rows(expected.findings)


def test_a_bad_mapping_fails_on_the_client_before_any_work(client: Any) -> None:
    ddf = dd.from_pandas(visit_frame(), npartitions=2)
    with pytest.raises(DefinitionError):
        custinfo_dask.validate_frame(ddf, VISIT, columns={"备注": "remarks"}, today=TODAY)
    with pytest.raises(DefinitionError, match="Dask DataFrame"):
        custinfo_dask.validate_frame(visit_frame(), VISIT, today=TODAY)


@pytest.mark.parametrize(("persist", "passes"), [(True, 1), (False, 2)])
def test_persisting_validates_each_row_once(
    client: Any, tmp_path: Any, persist: bool, passes: int
) -> None:
    log = tmp_path / "calls.txt"
    ddf = dd.from_pandas(pd.DataFrame({"跟进内容": [f"第{i}次" for i in range(10)]}), npartitions=3)
    result = custinfo_dask.validate_frame(ddf, counted_form(str(log)), persist=persist)
    result.findings.compute()
    assert result.report.records == 10
    assert len(log.read_text().splitlines()) == 10 * passes
