"""The declarative form model: fields, validation of whole records, evolution."""

from __future__ import annotations

import copy
import datetime
import itertools

import pytest

from custinfo import DefinitionError, Field, Form, Rule, Severity
from custinfo.findings import Check, Problem

TODAY = datetime.date(2026, 11, 25)

visit = Form(
    "visit",
    "拜访登记",
    "1.0",
    fields=[
        Field("customer_name", "客户名称", required=True, aliases=("客户全称",)),
        Field(
            "visited_on", "拜访日期", kind="dates", required=True, options={"not_after_today": True}
        ),
        Field("level", "客户等级", kind="choices", choices=("重点客户", "普通客户")),
        Field("notes", "备注", personal="text"),
    ],
)


def test_a_new_form_is_declared_in_a_few_lines_and_validates() -> None:
    report = visit.validate(
        {"customer_name": "某某科技有限公司", "visited_on": "2026-11-20"}, today=TODAY
    )
    assert report.ok
    assert report.cleaned == {"customer_name": "某某科技有限公司", "visited_on": "2026-11-20"}


def test_a_missing_required_field_gets_a_required_finding_on_that_field() -> None:
    report = visit.validate({"customer_name": "某某科技有限公司"}, today=TODAY)
    assert [(f.field, f.code, f.severity) for f in report.findings] == [
        ("visited_on", "required", Severity.ERROR)
    ]


@pytest.mark.parametrize("blank", [None, "", "   ", "\u3000", float("nan")])
def test_blank_values_count_as_missing(blank: object) -> None:
    report = visit.validate({"customer_name": blank, "visited_on": "2026-11-20"}, today=TODAY)
    assert report.codes() == ("required",)


def test_an_unknown_key_is_a_warning_never_a_silent_drop() -> None:
    report = visit.validate(
        {"customer_name": "某某科技有限公司", "visited_on": "2026-11-20", "color": "red"},
        today=TODAY,
    )
    assert report.ok
    (finding,) = report.findings
    assert finding.code == "unknown_field" and finding.severity is Severity.WARNING
    assert finding.params["key"] == "color"


def test_thousands_of_unknown_keys_are_summarized() -> None:
    record = {f"k{i}": i for i in range(5000)}
    report = visit.validate(record, today=TODAY)
    assert report.codes().count("unknown_field") == 20
    assert "form.more_unknown" in report.codes()


def test_chinese_labels_validate_the_same_as_english_keys() -> None:
    by_key = {"customer_name": "某某科技有限公司", "visited_on": "2026/11/20", "level": "重点"}
    by_label = {"客户名称": "某某科技有限公司", "拜访日期": "2026/11/20", "客户等级": "重点"}
    a, b = visit.validate(by_key, today=TODAY), visit.validate(by_label, today=TODAY)
    assert a.findings == b.findings and a.cleaned == b.cleaned


def test_labels_match_with_stars_spaces_and_full_width_brackets() -> None:
    report = visit.validate(
        {"客户名称 *": "某某科技有限公司", "拜访日期＊": "2026-11-20"}, today=TODAY
    )
    assert report.ok and report.cleaned["customer_name"] == "某某科技有限公司"


def test_the_same_field_under_two_names_with_different_values_is_an_error() -> None:
    report = visit.validate(
        {"customer_name": "甲公司", "客户全称": "乙公司", "visited_on": "2026-11-20"},
        today=TODAY,
    )
    assert "form.conflict" in report.codes()


def test_all_problems_of_a_record_are_reported_at_once() -> None:
    report = visit.validate({"visited_on": "2027-01-01", "level": "随便"}, today=TODAY)
    assert set(report.codes()) == {"required", "dates.future", "choices.unknown"}


def test_a_future_date_is_judged_against_the_given_today() -> None:
    record = {"customer_name": "某某科技有限公司", "visited_on": "2026-11-26"}
    assert not visit.validate(record, today=TODAY).ok
    assert visit.validate(record, today=TODAY + datetime.timedelta(days=1)).ok


def test_validation_does_not_mutate_its_input() -> None:
    record = {"客户名称": " 某某科技有限公司 ", "visited_on": "2026/1/5", "x": [1, 2]}
    before = copy.deepcopy(record)
    visit.validate(record, today=TODAY)
    assert record == before


def test_a_non_mapping_record_gets_a_finding_not_a_crash() -> None:
    report = visit.validate(["not", "a", "record"], today=TODAY)  # type: ignore[arg-type]
    assert report.codes() == ("form.not_a_record",)


def test_validate_many_is_lazy() -> None:
    def records() -> itertools.count[int]:
        return itertools.count()

    stream = visit.validate_many(({"customer_name": str(i)} for i in records()), today=TODAY)
    first = next(stream)
    assert first.codes() == ("required",)


def test_personal_values_are_masked_in_findings_and_to_dict() -> None:
    report = visit.validate(
        {
            "customer_name": "某某科技有限公司",
            "visited_on": "2026-11-20",
            "notes": "客户住在朝阳区",
        },
        today=TODAY,
    )
    assert report.to_dict()["cleaned"]["notes"] == "客户***"
    assert report.to_dict(reveal=True)["cleaned"]["notes"] == "客户住在朝阳区"
    assert "朝阳" not in repr(report)


def test_original_values_are_kept_beside_the_cleaned_ones() -> None:
    report = visit.validate(
        {"客户名称": "某某科技有限公司", "拜访日期": "2026年1月5日"}, today=TODAY
    )
    assert report.original["visited_on"] == "2026年1月5日"
    assert report.cleaned["visited_on"] == "2026-01-05"


# -- evolution and definitions -------------------------------------------------


def test_a_standard_form_can_be_extended_without_editing_it() -> None:
    stricter = visit.evolve(
        fields={"level": {"required": True, "choices": ("A", "B")}},
        add_fields=[Field("owner", "负责人", required=True)],
        name="visit_strict",
    )
    report = stricter.validate({"customer_name": "x", "visited_on": "2026-11-20"}, today=TODAY)
    assert {(f.field, f.code) for f in report.errors} == {
        ("level", "required"),
        ("owner", "required"),
    }
    assert stricter.validate(
        {"customer_name": "x", "visited_on": "2026-11-20", "level": "重点客户", "owner": "王"},
        today=TODAY,
    ).codes() == ("choices.unknown",)
    assert visit.field("level").required is False  # the original is untouched


def test_a_field_can_be_made_optional() -> None:
    relaxed = visit.evolve(fields={"visited_on": {"required": False}})
    assert relaxed.validate({"customer_name": "x"}, today=TODAY).ok


def test_removing_a_field_removes_the_rules_that_read_it() -> None:
    r = Rule("rule.test_order", ("visited_on",), lambda c: True, message=("甲", "a"))
    with_rule = visit.evolve(add_rules=[r])
    assert with_rule.evolve(remove_fields=["visited_on"]).rules == ()


def test_two_fields_may_not_share_a_name() -> None:
    with pytest.raises(DefinitionError):
        Form("bad", "坏", "1", fields=[Field("a", "名称"), Field("b", "名称")])


def test_a_rule_reading_an_unknown_field_is_a_definition_error() -> None:
    r = Rule("rule.test_unknown", ("nope",), lambda c: True, message=("甲", "a"))
    with pytest.raises(DefinitionError):
        visit.evolve(add_rules=[r])


def test_an_option_the_validator_does_not_take_is_a_definition_error() -> None:
    bad = visit.evolve(add_fields=[Field("x", "某字段", kind="dates", options={"colour": 1})])
    with pytest.raises(DefinitionError):
        bad.validate({}, today=TODAY)


def test_a_custom_check_function_can_be_a_field_kind() -> None:
    def even(value: object) -> Check:
        ok = str(value).isdigit() and int(str(value)) % 2 == 0
        return Check(str(value) if ok else None, () if ok else (Problem("acme.odd"),))

    form = visit.evolve(add_fields=[Field("n", "数量", kind=even)])
    assert form.validate(
        {"customer_name": "x", "visited_on": "2026-11-20", "n": "3"}, today=TODAY
    ).codes() == ("acme.odd",)


def test_a_check_can_read_other_fields_through_context() -> None:
    def at_least(value: object, *, low: object = None) -> Check:
        ok = low is None or int(str(value)) >= int(str(low))
        return Check(value, () if ok else (Problem("acme.too_small"),))

    form = Form(
        "pair",
        "对",
        "1",
        fields=[
            Field("low", "下限"),
            Field("high", "上限", kind=at_least, context=("low",)),
        ],
    )
    assert form.validate({"low": "5", "high": "3"}, today=TODAY).codes() == ("acme.too_small",)
    assert form.validate({"low": "5", "high": "7"}, today=TODAY).ok


def test_a_context_the_check_cannot_receive_is_a_definition_error() -> None:
    form = Form(
        "pair",
        "对",
        "1",
        fields=[
            Field("low", "下限"),
            Field("high", "上限", kind="dates", context=("low",)),
        ],
    )
    with pytest.raises(DefinitionError):
        form.validate({}, today=TODAY)


def test_field_table_and_to_dict_describe_the_declaration() -> None:
    table = visit.field_table()
    assert table[0]["key"] == "customer_name" and table[0]["required"] is True
    assert visit.to_dict()["fields"] == table


def test_crm_mapping_round_trips() -> None:
    mapping = {"customer_name": "客户全称", "visited_on": "拜访时间"}
    cleaned = {"customer_name": "某某科技有限公司", "visited_on": "2026-11-20", "level": "重点客户"}
    row = visit.to_crm(cleaned, mapping)
    assert row == {"客户全称": "某某科技有限公司", "拜访时间": "2026-11-20", "level": "重点客户"}
    assert visit.from_crm(row, mapping) == cleaned


def test_forms_are_immutable() -> None:
    with pytest.raises(AttributeError):
        visit.name = "other"  # type: ignore[misc]


def test_remembered_checks_give_the_same_reports_as_fresh_ones() -> None:
    import random

    rng = random.Random(7)
    values = ["2026-11-20", "2026/1/5", "2027-01-01", "x", "重点", "普通客户", "随便"]
    records = [
        {
            "customer_name": rng.choice(["甲", "乙"]),
            "visited_on": rng.choice(values),
            "level": rng.choice(values),
        }
        for _ in range(3000)
    ]
    warm = visit.evolve()
    got = [warm.validate(r, today=TODAY) for r in records]
    for record, report in zip(records[::97], got[::97], strict=True):
        fresh = visit.evolve().validate(record, today=TODAY)
        assert fresh.findings == report.findings and fresh.cleaned == report.cleaned


def test_a_remembered_date_check_follows_a_new_today() -> None:
    form = visit.evolve()
    record = {"customer_name": "甲", "visited_on": "2026-11-26"}
    assert not form.validate(record, today=TODAY).ok
    assert form.validate(record, today=TODAY + datetime.timedelta(days=1)).ok
