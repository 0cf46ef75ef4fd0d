"""custinfo.pandas: findings and accuracy of a DataFrame, row for row what form.validate says."""

# ruff: noqa: E402 - optional dependencies are imported after pytest.importorskip

from __future__ import annotations

import datetime
import subprocess
import sys
from typing import Any

import pytest

pd = pytest.importorskip("pandas")
import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from integration_tables import (
    EXPECTED,
    RECORDS,
    TODAY,
    VISIT,
    frame_rows,
    visit_frame,
)

from custinfo import DefinitionError, forms
from custinfo._frames import FINDING_COLUMNS
from custinfo.metrics import AccuracyReport
from custinfo.pandas import validate_frame


def _oracle(records: list[dict[str, Any]], form: Any = VISIT) -> tuple[list[tuple[Any, ...]], Any]:
    """What form.validate says about each record, row by row, and its accuracy report."""
    rows = []
    acc = AccuracyReport()
    for i, record in enumerate(records):
        report = form.validate(record, today=TODAY)
        acc.add_record(report)
        rows += [
            (i, f.field, f.code, f.severity.value, f.message("zh"), f.message("en"), f.value)
            for f in report.findings
        ]
    return rows, acc


def test_findings_are_those_form_validate_gives_row_by_row() -> None:
    result = validate_frame(visit_frame(), VISIT, today=TODAY)
    expected, acc = _oracle(RECORDS)
    assert frame_rows(result.findings) == expected
    assert result.report.to_dict() == acc.to_dict()


def test_findings_match_the_hand_computed_table() -> None:
    result = validate_frame(visit_frame(), VISIT, today=TODAY)
    assert list(result.findings.columns) == list(FINDING_COLUMNS)
    got: dict[int, list[tuple[Any, ...]]] = {}
    for row, field, code, severity in result.findings[["row", "field", "code", "severity"]].values:
        got.setdefault(row, []).append((None if pd.isna(field) else field, code, severity))
    assert got == EXPECTED


def test_report_counts_rows_collectors_and_months_by_hand() -> None:
    report = validate_frame(visit_frame(), VISIT, today=TODAY).report
    assert (report.records, report.clean, report.errors, report.warnings) == (6, 2, 7, 7)
    by_collector = {who: (t.records, t.clean) for who, t in report.by_collector().items()}
    assert by_collector == {"李雷": (3, 1), "王芳": (2, 1), None: (1, 0)}
    assert {m: t.records for m, t in report.by_month().items()} == {
        "2024-05": 3,
        "2024-06": 2,
        None: 1,
    }
    assert report.field_errors == {
        "customer_name": 1,
        "customer_level": 1,
        "phone": 1,
        "visited_on": 2,
        "notes": 1,
        "collector": 1,
    }


def test_messages_are_rendered_in_both_languages() -> None:
    findings = validate_frame(visit_frame(), VISIT, today=TODAY).findings
    required = findings[findings["code"] == "required"].iloc[0]
    assert (required["message_zh"], required["message_en"]) == (
        "必填字段缺失",
        "Required field is missing",
    )
    future = findings[findings["code"] == "dates.future"].iloc[0]
    assert "2024-06-30" in future["message_en"]


def test_personal_values_appear_masked_never_raw() -> None:
    findings = validate_frame(visit_frame(), VISIT, today=TODAY).findings
    phone = findings[findings["field"] == "phone"]
    assert phone["value"].tolist() == ["139*****0001"]
    cells = {str(v) for v in findings.drop(columns="row").to_numpy().ravel()}
    assert not any("139001390001" in c for c in cells)


def test_a_number_column_with_blanks_is_read_as_the_integers_excel_stored() -> None:
    df = visit_frame()
    assert df["联系电话"].dtype.kind == "f"  # pandas widened it because of the blank
    findings = validate_frame(df, VISIT, today=TODAY).findings
    assert "text.type" not in set(findings["code"])
    numpy_ints = pd.Series(
        [None if pd.isna(v) else np.int64(v) for v in df["联系电话"]], dtype=object
    )
    for column in (df["联系电话"].astype("Int64"), df["联系电话"].astype(object), numpy_ints):
        same = validate_frame(df.assign(联系电话=column), VISIT, today=TODAY).findings
        assert frame_rows(same) == frame_rows(findings)


def test_a_float_that_lost_digits_is_not_taken_for_a_number() -> None:
    df = pd.DataFrame({"客户名称": ["甲公司"], "联系电话": [1.38e40]})
    findings = validate_frame(
        df,
        VISIT.evolve(
            fields={
                "customer_level": {"required": False},
                "visited_on": {"required": False},
                "collector": {"required": False},
            }
        ),
        today=TODAY,
    )
    assert findings.findings["code"].tolist() == ["text.type"]  # fmt: skip


def test_blank_cells_of_every_kind_are_blanks() -> None:
    blanks = [None, float("nan"), pd.NA, pd.NaT, "  "]
    df = pd.DataFrame({"客户名称": pd.Series(blanks, dtype=object)})
    findings = validate_frame(df, VISIT, today=TODAY).findings
    name = findings[findings["field"] == "customer_name"]
    assert name["code"].tolist() == ["required"] * 5


def test_datetime_columns_and_their_nat_are_read_as_dates() -> None:
    df = visit_frame()
    df["visited_on"] = pd.to_datetime(
        ["2024-05-06", None, "2024-05-07", "2030-01-01", None, "2024-06-03"]
    )
    findings = validate_frame(df, VISIT, today=TODAY).findings
    visited = findings[findings["field"] == "visited_on"]
    assert visited[["row", "code"]].values.tolist() == [
        [1, "required"],
        [3, "dates.future"],
        [4, "required"],
    ]  # fmt: skip


def test_english_keys_chinese_labels_and_a_mapping_give_the_same_findings() -> None:
    by_label = validate_frame(visit_frame(), VISIT, today=TODAY).findings
    keys = {
        "客户名称": "customer_name",
        "客户等级": "customer_level",
        "联系电话": "phone",
        "信息收集人员": "collector",
        "客户确认时间": "confirmed_at",
        "跟进内容": "notes",
    }
    by_key = validate_frame(visit_frame().rename(columns=keys), VISIT, today=TODAY).findings
    crm = {label: f"crm_{i}" for i, label in enumerate(keys)}
    mapping = {f"crm_{i}": key for i, key in enumerate(keys.values())}
    by_mapping = validate_frame(
        visit_frame().rename(columns=crm), VISIT, columns=mapping, today=TODAY
    ).findings
    assert frame_rows(by_label) == frame_rows(by_key) == frame_rows(by_mapping)


def test_a_column_mapped_to_none_is_ignored() -> None:
    findings = validate_frame(visit_frame(), VISIT, columns={"备注": None}, today=TODAY).findings
    assert "unknown_field" not in set(findings["code"])


def test_a_mapping_to_something_that_is_not_a_field_is_a_definition_error() -> None:
    with pytest.raises(DefinitionError, match="not a field"):
        validate_frame(visit_frame(), VISIT, columns={"备注": "remarks"}, today=TODAY)
    with pytest.raises(DefinitionError, match="lacks"):
        validate_frame(visit_frame(), VISIT, columns={"客户全称": "customer_name"}, today=TODAY)


def test_something_that_is_not_a_dataframe_is_a_definition_error() -> None:
    with pytest.raises(DefinitionError, match="DataFrame"):
        validate_frame(RECORDS, VISIT, today=TODAY)


def test_repeated_column_names_are_a_definition_error() -> None:
    df = pd.DataFrame([["甲", "乙"]], columns=["客户名称", "客户名称"])
    with pytest.raises(DefinitionError, match="unique"):
        validate_frame(df, VISIT, today=TODAY)


def test_rows_are_named_by_the_index_or_by_a_row_column() -> None:
    df = visit_frame().set_axis([f"r{i}" for i in range(6)])
    findings = validate_frame(df, VISIT, today=TODAY).findings
    assert findings.loc[findings["code"] == "required", "row"].tolist() == ["r1", "r4"]
    df["crm_id"] = [101, 102, 103, 104, 105, 106]
    by_id = validate_frame(df, VISIT, row="crm_id", today=TODAY).findings
    assert by_id.loc[by_id["code"] == "required", "row"].tolist() == [102, 105]
    assert "crm_id" not in set(by_id["value"].dropna())  # the key column is not "unknown"
    assert len(by_id) == len(findings)


def test_a_multiindex_names_rows_by_tuples() -> None:
    df = visit_frame().set_index(pd.MultiIndex.from_tuples([("a", i) for i in range(6)]))
    findings = validate_frame(df, VISIT, today=TODAY).findings
    assert findings.loc[findings["code"] == "required", "row"].tolist() == [("a", 1), ("a", 4)]


def test_the_input_frame_is_never_modified() -> None:
    df = visit_frame()
    before = df.copy(deep=True)
    validate_frame(df, VISIT, today=TODAY, cleaned=True, reveal=True)
    pd.testing.assert_frame_equal(df, before)


def test_cleaned_values_are_normalized_and_masked_unless_revealed() -> None:
    df = visit_frame()
    masked = validate_frame(df, VISIT, today=TODAY, cleaned=True).cleaned
    revealed = validate_frame(df, VISIT, today=TODAY, cleaned=True, reveal=True).cleaned
    assert list(revealed.columns) == list(VISIT.keys)
    assert revealed.index.equals(df.index)
    assert revealed.loc[5, "customer_name"] == "戊商贸有限公司"  # spaces trimmed
    assert revealed.loc[1, "customer_level"] == "重点客户"  # the variant's label
    assert revealed.loc[2, "visited_on"] == "2024-05-07"
    assert revealed.loc[0, "phone"] == "13800138000"
    assert revealed.loc[2, "phone"] is None  # failed: no cleaned value
    assert masked.loc[0, "phone"] == "138****8000"
    assert masked.loc[5, "customer_name"] == "戊***"
    assert masked.loc[2, "visited_on"] == "2024-05-07"  # not personal
    assert validate_frame(df, VISIT, today=TODAY).cleaned is None


def test_an_empty_frame_gives_no_findings_and_an_empty_report() -> None:
    result = validate_frame(visit_frame().iloc[:0], VISIT, today=TODAY)
    assert list(result.findings.columns) == list(FINDING_COLUMNS)
    assert len(result.findings) == 0
    assert result.report.records == 0
    assert result.ok


def test_a_form_can_be_named() -> None:
    df = pd.DataFrame({"客户类型": ["企业"], "客户名称": [None]})
    result = validate_frame(df, "collection", today=TODAY)
    expected = forms.collection.validate({"客户类型": "企业", "客户名称": None}, today=TODAY)
    assert result.findings["code"].tolist() == list(expected.codes())
    assert not result.ok
    assert result.rows_with_errors().tolist() == [0]


def test_today_defaults_to_the_day_of_the_call() -> None:
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    df = pd.DataFrame({"visited_on": [tomorrow.isoformat()]})
    findings = validate_frame(df, VISIT).findings
    assert "dates.future" in set(findings["code"])


def test_chunks_do_not_change_the_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    whole = validate_frame(visit_frame(), VISIT, today=TODAY)
    monkeypatch.setattr("custinfo._frames.CHUNK", 4)
    chunked = validate_frame(visit_frame(), VISIT, today=TODAY)
    assert frame_rows(chunked.findings) == frame_rows(whole.findings)
    assert chunked.report == whole.report


@given(st.lists(st.sampled_from(range(len(RECORDS))), max_size=30), st.integers(0, 30))
def test_any_split_of_a_table_merges_into_the_whole(picks: list[int], cut: int) -> None:
    df = pd.DataFrame([RECORDS[i] for i in picks], columns=list(RECORDS[0]))
    whole = validate_frame(df, VISIT, today=TODAY)
    head = validate_frame(df.iloc[:cut], VISIT, today=TODAY)
    tail = validate_frame(df.iloc[cut:], VISIT, today=TODAY)
    assert head.report.merge(tail.report) == whole.report
    parts = pd.concat([head.findings, tail.findings], ignore_index=True)
    assert frame_rows(parts) == frame_rows(whole.findings)


def test_importing_custinfo_does_not_import_pandas() -> None:
    code = (
        "import sys, custinfo, custinfo.forms, custinfo.metrics, custinfo.validators;"
        "print(sorted(m for m in ('pandas', 'numpy', 'dask', 'pyspark') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
