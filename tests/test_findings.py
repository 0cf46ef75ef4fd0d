"""Findings, reports, exceptions and the message catalog."""

from __future__ import annotations

import json

import pytest

from custinfo import Finding, InvalidValue, Report, Severity, messages
from custinfo.findings import Check, Problem


def test_finding_renders_both_locales_from_the_catalog() -> None:
    f = Finding("phone", "required")
    assert f.message("zh") == "必填字段缺失"
    assert f.message("en") == "Required field is missing"


def test_unknown_locale_is_refused() -> None:
    with pytest.raises(ValueError, match="locale"):
        Finding("phone", "required").message("fr")


def test_missing_params_render_as_question_marks_not_errors() -> None:
    assert "?" in Finding(None, "unknown_field", Severity.WARNING).message("en")


def test_finding_round_trips_through_json() -> None:
    f = Finding("budget_range", "choices.unknown", Severity.ERROR, {"allowed": ("a", "b")}, "x")
    again = Finding.from_dict(json.loads(json.dumps(f.to_dict())))
    assert again.code == f.code and again.severity is f.severity and again.value == "x"
    assert list(again.params["allowed"]) == ["a", "b"]


def test_finding_params_are_read_only() -> None:
    f = Finding("x", "required", params={"a": 1})
    with pytest.raises(TypeError):
        f.params["a"] = 2  # type: ignore[index]


def test_check_unwrap_raises_the_first_error_with_its_code() -> None:
    c = Check("v", (Problem("dates.lenient", Severity.WARNING), Problem("dates.future")))
    assert not c.ok
    with pytest.raises(InvalidValue) as err:
        c.unwrap()
    assert err.value.code == "dates.future"


def test_warnings_alone_leave_a_check_ok() -> None:
    c = Check("2024-01-05", (Problem("dates.lenient", Severity.WARNING),))
    assert c.ok and c.unwrap() == "2024-01-05"


def test_report_splits_errors_and_warnings() -> None:
    r = Report(
        "f",
        (Finding("a", "required"), Finding(None, "unknown_field", Severity.WARNING)),
    )
    assert not r.ok
    assert [f.code for f in r.errors] == ["required"]
    assert [f.code for f in r.warnings] == ["unknown_field"]
    assert r.by_field(None)[0].code == "unknown_field"


def test_registered_messages_serve_user_codes() -> None:
    messages.register({"acme.bad": ("坏了 {n}", "broken {n}")})
    assert Finding("x", "acme.bad", params={"n": 3}).message("en") == "broken 3"


def test_an_unknown_code_renders_as_itself() -> None:
    assert Finding("x", "nobody.knows").message("zh") == "nobody.knows"


def test_severity_ranks_order_thresholds() -> None:
    assert Severity.ERROR.rank > Severity.WARNING.rank > Severity.INFO.rank


def test_findings_and_problems_are_hashable_even_with_list_params() -> None:
    a = Finding("x", "choices.unknown", params={"allowed": ["a", "b"]})
    b = Finding("x", "choices.unknown", params={"allowed": ["a", "b"]})
    assert a == b and len({a, b}) == 1
    assert len({Problem("p", params={"n": [1]}), Problem("p", params={"n": [1]})}) == 1
