"""The run summary: counts computed by hand."""

from __future__ import annotations

from custinfo.cli.summary import Tally, render
from custinfo.findings import Finding, Report, Severity


def report(*findings: Finding) -> Report:
    return Report("collection", findings)


def test_counts_records_clean_records_and_accuracy():
    tally = Tally()
    tally.add(report())
    tally.add(report(Finding("phone", "required"), Finding("email", "email.syntax")))
    tally.add(report(Finding("confirmed_at", "dates.lenient", Severity.WARNING)))
    tally.add(report(Finding(None, "input.json")), unreadable=True)
    summary = tally.to_dict()
    assert (summary["records"], summary["clean"], summary["with_errors"]) == (4, 2, 2)
    assert summary["with_warnings"] == 1
    assert summary["unreadable"] == 1
    assert summary["accuracy"] == 0.5
    assert summary["findings"] == {"error": 3, "warning": 1, "info": 0}
    assert summary["fields"] == {"<record>": 1, "email": 1, "phone": 1}


def test_codes_are_ranked_by_count_with_their_share_of_errors_and_warnings():
    tally = Tally()
    for _ in range(3):
        tally.add(report(Finding("phone", "required")))
    tally.add(report(Finding("email", "required"), Finding("x", "choices.variant", Severity.INFO)))
    codes = tally.to_dict()["codes"]
    assert [(c["code"], c["count"], c["share"]) for c in codes] == [
        ("required", 4, 1.0),
        ("choices.variant", 1, None),
    ]


def test_the_fail_level_is_reached_by_the_worst_finding():
    tally = Tally()
    tally.add(report(Finding("x", "dates.lenient", Severity.WARNING)))
    assert tally.reached(Severity.WARNING) and not tally.reached(Severity.ERROR)
    info_only = Tally()
    info_only.add(report(Finding("x", "choices.variant", Severity.INFO)))
    assert not info_only.reached(Severity.WARNING)


def test_a_message_parameter_that_differs_between_records_is_not_shown_as_one_value():
    tally = Tally()
    for day in ("2024-01-05", "2024-02-06"):
        tally.add(report(Finding("d", "dates.lenient", Severity.WARNING, {"normalized": day})))
    problem = tally.to_dict()["problems"][0]
    assert "2024-01-05" not in problem["message_en"]
    assert problem["message_en"].endswith("normalized to …")


def test_no_records_has_no_accuracy():
    summary = Tally().to_dict()
    assert summary["accuracy"] is None
    assert render(summary, "en")[0] == "No records"
