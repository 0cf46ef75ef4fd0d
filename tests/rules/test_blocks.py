"""The building blocks: conditional requirements, date order, policy tables, patterns."""

from __future__ import annotations

import datetime

import pytest

from custinfo import messages
from custinfo.findings import Severity
from custinfo.model import Field, Form
from custinfo.rules import (
    TODAY,
    RuleContext,
    consistent_with,
    matches,
    not_after,
    policies,
    requires_if,
    when,
)

DAY = datetime.date(2026, 1, 5)


def codes(rule, values, **kw):
    return [f.code for f in rule.evaluate(RuleContext(values, **kw))]


def test_then_required_fires_only_when_the_condition_holds():
    r = when("customer_type", "企业").then_required("industry")
    assert codes(r, {"customer_type": "企业"}) == [r.code]
    assert codes(r, {"customer_type": "企业", "industry": "I65"}) == []
    assert codes(r, {"customer_type": "个人"}) == []
    assert codes(r, {}) == []
    assert r.severity is Severity.ERROR
    assert r.target == "industry"


def test_requires_if_is_the_same_rule_said_the_other_way_round():
    a = requires_if("uscc", "customer_type", ["企业", "机构"])
    b = when("customer_type", ["企业", "机构"]).then_required("uscc")
    assert (a.code, a.reads, a.target) == (b.code, b.reads, b.target)
    assert codes(a, {"customer_type": "机构"}) == [a.code]


def test_a_condition_may_be_a_predicate():
    r = when("contract_amount", lambda v: v > 1_000_000).then_required(
        "archive_no",
        code="rule.test.big_needs_archive",
        message=("大额合同须建档", "Archive big ones"),
    )
    assert codes(r, {"contract_amount": 2_000_000}) == ["rule.test.big_needs_archive"]
    assert codes(r, {"contract_amount": 5}) == []


def test_then_one_of_judges_the_other_field_when_given():
    r = when("customer_level", "潜在客户").then_one_of("intent_level", ["中意向", "低意向"])
    assert codes(r, {"customer_level": "潜在客户", "intent_level": "高意向"}) == [r.code]
    assert codes(r, {"customer_level": "潜在客户", "intent_level": "低意向"}) == []
    assert codes(r, {"customer_level": "潜在客户"}) == []
    message = r.evaluate(RuleContext({"customer_level": "潜在客户", "intent_level": "高"}))[0]
    assert (
        message.message("en")
        == "intent_level has a value not allowed when customer_level is 潜在客户"
    )


def test_then_matches_checks_a_pattern_under_a_condition():
    r = when("customer_type", "企业").then_matches("contract_no", r"HT-\d{4}-\d{3}")
    assert codes(r, {"customer_type": "企业", "contract_no": "HT-24-1"}) == [r.code]
    assert codes(r, {"customer_type": "企业", "contract_no": "HT-2024-001"}) == []


def test_not_after_compares_iso_strings_dates_and_validator_info():
    r = not_after("a", "b")
    assert codes(r, {"a": "2024-01-02", "b": "2024-01-01"}) == [r.code]
    assert codes(r, {"a": "2024-01-01", "b": "2024-01-01"}) == []
    assert codes(r, {"a": datetime.date(2024, 1, 2), "b": "2024-01-01"}) == [r.code]
    info = {"a": datetime.date(2024, 1, 2)}
    assert codes(r, {"a": "2024年1月2日", "b": "2024-01-01"}, info=info) == [r.code]


def test_not_after_today_needs_a_reference_day():
    r = not_after("confirmed_at", TODAY)
    assert r.reads == ("confirmed_at",)
    assert r.target == "confirmed_at"
    assert codes(r, {"confirmed_at": "2026-01-06"}, today=DAY) == [r.code]
    assert codes(r, {"confirmed_at": "2026-01-05"}, today=DAY) == []
    assert codes(r, {"confirmed_at": "2999-01-01"}) == []  # no reference day: no opinion


def test_not_after_with_unreadable_dates_has_no_opinion():
    r = not_after("a", "b")
    assert codes(r, {"a": "soon", "b": "2024-01-01"}) == []
    assert codes(r, {"a": "2024-02-30", "b": "2024-01-01"}) == []


def test_not_after_unless_known_defers_to_the_field_in_between():
    r = not_after("a", "c", unless_known=["b"])
    assert codes(r, {"a": "2024-01-02", "c": "2024-01-01"}) == [r.code]
    assert codes(r, {"a": "2024-01-02", "b": "2024-01-05", "c": "2024-01-01"}) == []


def test_consistent_with_takes_a_plain_mapping():
    r = consistent_with("demand_type", "budget_range", {"技术咨询": ["1万以下"]})
    (finding,) = r.evaluate(RuleContext({"demand_type": "技术咨询", "budget_range": "1-5万"}))
    assert finding.field == "budget_range"
    assert finding.params["allowed"] == ("1万以下",)
    assert codes(r, {"demand_type": "产品采购", "budget_range": "1-5万"}) == []


def test_consistent_with_takes_amount_bands():
    bands = policies.Bands({"普通客户": (None, 100_000)})
    r = consistent_with("customer_level", "contract_amount", bands, code="rule.test.bands")
    assert codes(r, {"customer_level": "普通客户", "contract_amount": "20万"}) == [
        "rule.test.bands"
    ]
    assert codes(r, {"customer_level": "普通客户", "contract_amount": "2万"}) == []


def test_matches_checks_the_whole_value():
    r = matches("archive_no", r"KH-\d{4}-\d{3}", message=("档案编号格式不对", "Bad archive no"))
    assert codes(r, {"archive_no": "KH-2024-001x"}) == [r.code]
    assert codes(r, {"archive_no": "KH-2024-001"}) == []
    assert r.evaluate(RuleContext({"archive_no": "x"}))[0].message("en") == "Bad archive no"


def test_the_default_message_names_the_fields():
    r = matches("project", r"\S+项目.*")
    assert r.evaluate(RuleContext({"project": "办公软件"}))[0].message("en") == (
        "project does not have the required form"
    )


def test_a_code_with_a_catalogued_message_keeps_it():
    messages.register({"rule.test.catalogued": ("目录里的消息", "The catalogued message")})
    r = not_after("a", "b", code="rule.test.catalogued")
    assert r.evaluate(RuleContext({"a": "2024-01-02", "b": "2024-01-01"}))[0].message("en") == (
        "The catalogued message"
    )


def test_block_rules_work_in_a_users_form():
    visit = Form(
        "visit",
        "拜访登记",
        "1.0",
        fields=[
            Field("planned_on", "计划日期", kind="dates"),
            Field("visited_on", "拜访日期", kind="dates"),
        ],
        rules=[not_after("planned_on", "visited_on", severity="error")],
    )
    report = visit.validate({"计划日期": "2024/1/5", "拜访日期": "2024-01-04"}, today=DAY)
    assert report.codes() == ("dates.lenient", "rule.planned_on_not_after_visited_on")
    assert not report.ok


def test_a_user_form_rejects_a_block_rule_on_an_unknown_field():
    from custinfo.findings import DefinitionError

    with pytest.raises(DefinitionError):
        Form("f", "f", "1", fields=[Field("a", "甲")], rules=[not_after("a", "nope")])
