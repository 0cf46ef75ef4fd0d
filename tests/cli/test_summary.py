"""The run summary: counts computed by hand."""

from __future__ import annotations

from custinfo.cli.summary import RunSummary, render
from custinfo.findings import Finding, Report, Severity
from custinfo.metrics import AccuracyReport


def report(*findings: Finding) -> Report:
    return Report("collection", findings)


def test_counts_records_clean_records_and_accuracy():
    counts = RunSummary()
    counts.add(report())
    counts.add(report(Finding("phone", "required"), Finding("email", "email.syntax")))
    counts.add(report(Finding("confirmed_at", "dates.lenient", Severity.WARNING)))
    counts.add(report(Finding(None, "input.json")), unreadable=True)
    summary = counts.to_dict()
    assert (summary["records"], summary["clean"], summary["with_errors"]) == (4, 2, 2)
    assert summary["with_warnings"] == 1
    assert summary["unreadable"] == 1
    assert summary["accuracy"] == 0.5
    assert summary["findings"] == {"error": 3, "warning": 1, "info": 0}
    assert summary["field_error_rates"] == {"(record)": 0.25, "email": 0.25, "phone": 0.25}


def test_codes_are_a_pareto_of_errors_and_warnings():
    counts = RunSummary()
    for _ in range(3):
        counts.add(report(Finding("phone", "required")))
    counts.add(report(Finding("d", "dates.lenient", Severity.WARNING)))
    counts.add(report(Finding("x", "choices.variant", Severity.INFO)))
    codes = counts.to_dict()["codes"]
    assert [(c["code"], c["count"], c["share"], c["cumulative"]) for c in codes] == [
        ("required", 3, 0.75, 0.75),
        ("dates.lenient", 1, 0.25, 1.0),
    ]


def test_the_accuracy_report_in_the_summary_round_trips_and_merges():
    first, second = RunSummary(), RunSummary()
    first.add(report())
    second.add(report(Finding("phone", "required")))
    merged = AccuracyReport.from_dict(first.to_dict()["accuracy_report"]).merge(
        AccuracyReport.from_dict(second.to_dict()["accuracy_report"])
    )
    assert (merged.records, merged.clean) == (2, 1)


def test_the_fail_level_is_reached_by_the_worst_finding():
    counts = RunSummary()
    counts.add(report(Finding("x", "dates.lenient", Severity.WARNING)))
    assert counts.reached(Severity.WARNING) and not counts.reached(Severity.ERROR)
    info_only = RunSummary()
    info_only.add(report(Finding("x", "choices.variant", Severity.INFO)))
    assert not info_only.reached(Severity.WARNING)


def test_a_message_parameter_that_differs_between_records_is_not_shown_as_one_value():
    counts = RunSummary()
    for day in ("2024-01-05", "2024-02-06"):
        counts.add(report(Finding("d", "dates.lenient", Severity.WARNING, {"normalized": day})))
    problem = counts.to_dict()["problems"][0]
    assert "2024-01-05" not in problem["message_en"]
    assert problem["message_en"].endswith("normalized to …")


def test_no_records_has_no_accuracy():
    summary = RunSummary().to_dict()
    assert summary["accuracy"] is None
    assert render(summary, "en")[0] == "No records"
