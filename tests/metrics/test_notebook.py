"""Notebook views: DataFrames, HTML and plots (pandas and matplotlib are optional)."""

from __future__ import annotations

import pytest

from custinfo import DefinitionError, Finding, Report, Severity
from custinfo.metrics import AccuracyReport, compare
from custinfo.metrics.notebook import html_table, plot_accuracy_by_month, plot_pareto


def sample() -> AccuracyReport:
    acc = AccuracyReport()
    acc.add(Report("collection"), collector="王芳", period="2024-05")
    acc.add(Report("collection", (Finding("phone", "required"),)), collector="王芳",
            period="2024-05")  # fmt: skip
    acc.add(Report("collection", (Finding("email", "email.syntax"),
                                  Finding("email", "email.typo", Severity.WARNING))),
            collector="<b>李雷</b>", period="2024-06")  # fmt: skip
    acc.add(Report("collection"), collector=None, period=None)
    return acc


def test_html_escapes_names_and_shows_rates_as_percentages() -> None:
    text = sample()._repr_html_()
    assert "&lt;b&gt;李雷&lt;/b&gt;" in text and "<b>李雷" not in text
    assert "50.0%" in text and "required" in text
    assert html_table(["a"], [[None]]).count("—") == 1


def test_audit_html_has_the_summary_as_caption() -> None:
    result = compare({"r": {"phone": "1"}}, {"r": {"phone": "1"}}, population=10)
    assert "n=1 of N=10" in result._repr_html_()


def test_to_pandas_tidy_table() -> None:
    pytest.importorskip("pandas")
    frame = sample().to_pandas()
    assert list(frame.columns[:3]) == ["collector", "month", "records"]
    assert frame["records"].sum() == 4
    row = frame[(frame.collector == "王芳") & (frame.month == "2024-05")].iloc[0]
    assert (row.records, row.clean, row.accuracy) == (2, 1, 0.5)


@pytest.mark.parametrize(
    "table", ["collectors", "months", "quarters", "fields", "codes", "summary"]
)
def test_every_view_becomes_a_frame(table: str) -> None:
    pytest.importorskip("pandas")
    frame = sample().to_pandas(table)  # type: ignore[arg-type]
    assert len(frame) > 0


def test_codes_frame_is_the_pareto() -> None:
    pytest.importorskip("pandas")
    frame = sample().to_pandas("codes")
    assert list(frame.code) == ["email.syntax", "required"]
    assert list(frame.cumulative) == [0.5, 1.0]


def test_unknown_view_is_a_definition_error() -> None:
    pytest.importorskip("pandas")
    with pytest.raises(DefinitionError):
        sample().to_pandas("everything")  # type: ignore[arg-type]


def test_audit_to_pandas_has_one_row_per_field_and_one_for_records() -> None:
    pytest.importorskip("pandas")
    result = compare({"r": {"phone": "1", "email": "a"}}, {"r": {"phone": "1", "email": "b"}})
    frame = result.to_pandas()
    assert list(frame.field) == ["email", "phone", "(record)"]
    assert list(frame.correct) == [0, 1, 0]


def test_plots_draw_on_given_axes() -> None:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2)
    assert plot_accuracy_by_month(sample(), left) is left
    assert [t.get_text() for t in left.get_xticklabels()] == ["2024-05", "2024-06"]
    assert plot_pareto(sample(), right) is right
    assert len(right.patches) == 2
    plt.close(fig)


def test_collectors_and_ledger_frames() -> None:
    pytest.importorskip("pandas")
    from custinfo.metrics import LedgerEntry, analyse_ledger, collector_performance
    from custinfo.metrics.notebook import collectors_frame

    frame = collectors_frame(collector_performance(sample()))
    assert set(frame.collector) == {"王芳", "<b>李雷</b>"}
    ledger = analyse_ledger([LedgerEntry("KH-1", "phone", "号码错位", "2024-05-06")])
    assert ledger.to_pandas().to_dict("records") == [
        {"issue_type": "号码错位", "total": 1, "open": 1, "recurring": False}
    ]
