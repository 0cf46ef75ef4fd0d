"""AccuracyReport: hand-computed counters, exact merges, JSON round trips."""

from __future__ import annotations

import datetime
import json
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from custinfo import DefinitionError, Finding, Report, Severity, forms
from custinfo.metrics import RECORD, AccuracyReport, Tally

TODAY = datetime.date(2024, 7, 1)


def report(*findings: tuple[str | None, str, Severity]) -> Report:
    return Report("collection", tuple(Finding(f, c, s) for f, c, s in findings))


E, W, N = Severity.ERROR, Severity.WARNING, Severity.INFO

# Six records, counted by hand below.
SIX = [
    (report(), "王芳", "2024-01-15"),
    (report(("phone", "required", E)), "王芳", "2024-01-20"),
    (report(("phone", "mobile.length", E), ("email", "email.syntax", E)), "李雷", "2024-02-03"),
    (report(("email", "email.domain_typo", W)), "李雷", "2024-04-09"),
    (report(("phone", "required", E), ("phone", "mobile.prefix", E), (None, "rule.x", W)),
     None, "2024-04-30"),
    (report(("timeline", "dates.lenient", W), ("x", "note", N)), "王芳", None),
]  # fmt: skip


def build(items: list[tuple[Report, str | None, str | None]]) -> AccuracyReport:
    acc = AccuracyReport()
    for r, who, when in items:
        acc.add(r, collector=who, period=when)
    return acc


def test_headline_counts_by_hand() -> None:
    acc = build(SIX)
    # Clean: records 1, 4, 6. Errors: 1 + 2 + 2 = 5 findings; warnings: 1 + 1 + 1 = 3.
    assert (acc.records, acc.clean, acc.errors, acc.warnings) == (6, 3, 5, 3)
    assert acc.accuracy == 0.5
    assert acc.total.warned == 3


def test_field_error_rates_count_records_not_findings() -> None:
    acc = build(SIX)
    # phone: records 2, 3, 5 (record 5 has two phone errors but counts once) → 3/6.
    assert acc.field_error_rates() == {"phone": 0.5, "email": 1 / 6}
    assert acc.field_warning_rates() == {RECORD: 1 / 6, "email": 1 / 6, "timeline": 1 / 6}


def test_pareto_of_error_codes_with_shares_and_cumulative_shares() -> None:
    rows = build(SIX).pareto()
    assert [(r.code, r.count) for r in rows] == [
        ("required", 2),
        ("email.syntax", 1),
        ("mobile.length", 1),
        ("mobile.prefix", 1),
    ]
    assert [r.share for r in rows] == [0.4, 0.2, 0.2, 0.2]
    assert [r.cumulative for r in rows] == pytest.approx([0.4, 0.6, 0.8, 1.0])
    assert [r.code for r in build(SIX).pareto("warning")] == [
        "dates.lenient",
        "email.domain_typo",
        "rule.x",
    ]
    assert build(SIX).pareto("all", top=1)[0].cumulative == 2 / 8


def test_breakdown_by_collector_with_unknown_last() -> None:
    view = build(SIX).by_collector()
    assert list(view) == ["李雷", "王芳", None]
    assert view["王芳"] == Tally(records=3, clean=2, warned=1, errors=1, warnings=1)
    assert view["李雷"] == Tally(records=2, clean=1, warned=1, errors=2, warnings=1)
    assert view[None] == Tally(records=1, clean=0, warned=1, errors=2, warnings=1)


def test_breakdown_by_month_and_quarter() -> None:
    acc = build(SIX)
    months = acc.by_month()
    assert list(months) == ["2024-01", "2024-02", "2024-04", None]
    assert months["2024-01"].records == 2 and months["2024-01"].clean == 1
    quarters = acc.by_quarter()
    assert list(quarters) == ["2024Q1", "2024Q2", None]
    assert quarters["2024Q1"] == Tally(records=3, clean=1, warned=0, errors=3, warnings=0)
    assert quarters["2024Q2"].accuracy == 0.5


@pytest.mark.parametrize(
    "period",
    ["2024-05", "2024-05-31", "2024/5/31", "2024年5月", "2024年5月31日", "2024-05-31 18:00",
     datetime.date(2024, 5, 1), datetime.datetime(2024, 5, 31, 23, 59), "２０２４－０５"],
)  # fmt: skip
def test_periods_written_many_ways_land_in_the_same_month(period: object) -> None:
    acc = AccuracyReport().add(report(), period=period)
    assert list(acc.by_month()) == ["2024-05"]


def test_unreadable_period_is_a_definition_error() -> None:
    with pytest.raises(DefinitionError):
        AccuracyReport().add(report(), period="last spring")
    with pytest.raises(DefinitionError):
        AccuracyReport().add(report(), period="2024-13")


def test_collector_names_are_normalized_so_spacing_does_not_split_them() -> None:
    acc = AccuracyReport().add(report(), collector="王芳").add(report(), collector=" 王芳　")
    assert list(acc.by_collector()) == ["王芳"]


def test_add_record_reads_collector_and_date_from_the_validated_record() -> None:
    record = {
        "customer_type": "个人",
        "collector": "王芳",
        "confirmed_at": "2024-06-18",
        "demand_type": "技术咨询",
    }
    validated = forms.collection.validate(record, today=TODAY)
    acc = AccuracyReport().add_record(validated)
    assert list(acc.by_collector_month()) == [("王芳", "2024-06")]
    assert acc.clean == 0  # required fields are missing


def test_add_record_uses_chinese_headers_through_the_report() -> None:
    record = {"信息收集人员": "李雷", "客户确认时间": "2024年6月18日"}
    validated = forms.collection.validate(record, today=TODAY)
    acc = AccuracyReport().add_record(validated, record)
    assert list(acc.by_collector_month()) == [("李雷", "2024-06")]


def test_add_record_counts_an_unreadable_date_as_unknown_not_as_a_guess() -> None:
    acc = AccuracyReport().add_record(report(), {"collector": "王芳", "confirmed_at": "soon"})
    assert list(acc.by_collector_month()) == [("王芳", None)]


def test_add_record_takes_other_field_names() -> None:
    acc = AccuracyReport().add_record(
        report(), {"录入人": "赵敏", "录入日期": "2024-03-02"},
        collector_field="录入人", date_field="录入日期",
    )  # fmt: skip
    assert list(acc.by_collector_month()) == [("赵敏", "2024-03")]


def test_report_dicts_count_like_reports() -> None:
    whole = build(SIX)
    from_dicts = AccuracyReport()
    for r, who, when in SIX:
        from_dicts.add(json.loads(json.dumps(r.to_dict())), collector=who, period=when)
    assert from_dicts == whole


def test_a_malformed_report_dict_is_a_definition_error() -> None:
    with pytest.raises(DefinitionError):
        AccuracyReport().add({"findings": [{"field": "x"}]})
    with pytest.raises(DefinitionError):
        AccuracyReport().add({"findings": [{"code": "x", "severity": "fatal"}]})
    with pytest.raises(DefinitionError):
        AccuracyReport().add(["not", "a", "report"])  # type: ignore[arg-type]


def test_json_round_trip_is_exact_and_canonical() -> None:
    acc = build(SIX)
    text = json.dumps(acc.to_dict(), ensure_ascii=False)
    again = AccuracyReport.from_dict(json.loads(text))
    assert again == acc
    assert json.dumps(again.to_dict(), ensure_ascii=False) == text
    reversed_order = build(list(reversed(SIX)))
    assert json.dumps(reversed_order.to_dict(), ensure_ascii=False) == text


def test_from_dict_refuses_another_schema_and_inconsistent_counters() -> None:
    data = build(SIX).to_dict()
    with pytest.raises(DefinitionError):
        AccuracyReport.from_dict({**data, "schema": "something/2"})
    with pytest.raises(DefinitionError):
        AccuracyReport.from_dict({**data, "surprise": 1})
    broken = json.loads(json.dumps(data))
    broken["cells"]["王芳"]["2024-01"]["clean"] = 5  # more clean records than records
    with pytest.raises(DefinitionError):
        AccuracyReport.from_dict(broken)


def test_empty_report_has_no_rates() -> None:
    acc = AccuracyReport()
    assert acc.records == 0 and acc.accuracy is None
    assert acc.field_error_rates() == {} and acc.pareto() == ()
    assert "n/a" in repr(acc)


def test_merge_does_not_change_its_inputs() -> None:
    a, b = build(SIX[:3]), build(SIX[3:])
    a_before, b_before = a.to_dict(), b.to_dict()
    merged = a.merge(b)
    assert a.to_dict() == a_before and b.to_dict() == b_before
    assert merged == build(SIX) == a + b == AccuracyReport.combine([b, a])


FINDING = st.tuples(
    st.sampled_from(["phone", "email", "id_number", None]),
    st.sampled_from(["required", "mobile.length", "email.syntax", "ric.checksum", "rule.x"]),
    st.sampled_from([E, W, N]),
)
RECORD_ = st.tuples(
    st.lists(FINDING, max_size=4),
    st.sampled_from(["王芳", "李雷", None]),
    st.sampled_from(["2024-01-05", "2024-02-29", "2024-04", None]),
)


@given(st.lists(RECORD_, max_size=40), st.integers(1, 5), st.randoms(use_true_random=False))
def test_merge_of_a_random_partition_equals_the_whole(
    items: list[tuple[list[tuple[str | None, str, Severity]], str | None, str | None]],
    parts: int,
    rng: random.Random,
) -> None:
    records = [(report(*f), who, when) for f, who, when in items]
    whole = build(records)
    buckets: list[list[tuple[Report, str | None, str | None]]] = [[] for _ in range(parts)]
    for r in records:
        buckets[rng.randrange(parts)].append(r)
    partials = [build(b) for b in buckets]
    rng.shuffle(partials)
    assert AccuracyReport.combine(partials) == whole
    # Associative: ((a+b)+c) == (a+(b+c)), whatever the grouping.
    if len(partials) >= 3:
        a, b, c = partials[0], partials[1], AccuracyReport.combine(partials[2:])
        assert (a + b) + c == a + (b + c) == whole
    # Through JSON, as partitions on other machines would send them.
    shipped = [AccuracyReport.from_dict(json.loads(json.dumps(p.to_dict()))) for p in partials]
    assert AccuracyReport.combine(shipped).to_dict() == whole.to_dict()


def test_from_dict_refuses_counters_that_do_not_add_up() -> None:
    data = json.loads(json.dumps(build(SIX).to_dict()))
    data["error_codes"]["required"] = 7
    with pytest.raises(DefinitionError, match="codes"):
        AccuracyReport.from_dict(data)
    data = json.loads(json.dumps(build(SIX).to_dict()))
    data["field_errors"]["phone"] = 99
    with pytest.raises(DefinitionError, match="exceeds"):
        AccuracyReport.from_dict(data)
