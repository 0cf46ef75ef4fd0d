"""How rules behave inside a form: skipped on failed inputs, broken rules contained,
user rules added to a copy of a standard form, and no rule ever raising."""

from __future__ import annotations

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from custinfo import forms
from custinfo.findings import Severity
from custinfo.rules import RuleContext, rule, when


def rule_codes(report):
    return [f.code for f in report.findings if f.code.startswith("rule.")]


def test_a_rule_whose_input_failed_is_skipped_and_listed(enterprise_record, today):
    report = forms.enterprise.validate(
        {**enterprise_record, "established_on": "2020-13-45", "cooperation_start": "1985-01-01"},
        today=today,
    )
    assert [(f.field, f.code) for f in report.errors] == [("established_on", "dates.invalid")]
    assert rule_codes(report) == []  # one bad value, one finding
    assert "rule.cooperation_before_established" in report.skipped_rules
    assert "rule.contract_before_established" in report.skipped_rules
    assert "rule.form_version" not in report.skipped_rules


def test_an_invalid_customer_type_skips_the_identifier_rule(collection_record, today, ric_for):
    report = forms.collection.validate(
        {**collection_record, "customer_type": "随便", "id_number": ric_for()}, today=today
    )
    assert [f.code for f in report.errors] == ["choices.unknown"]
    assert rule_codes(report) == []
    assert report.skipped_rules == ("rule.customer_type_vs_id",)


def test_a_missing_required_input_skips_its_rules(collection_record, today):
    record = {k: v for k, v in collection_record.items() if k != "demand_type"}
    report = forms.collection.validate(record, today=today)
    assert [f.code for f in report.errors] == ["required"]
    assert rule_codes(report) == []
    assert report.skipped_rules == ("rule.budget_vs_demand",)


def test_a_user_rule_that_raises_becomes_a_finding_and_the_others_still_run(
    enterprise_record, today
):
    @rule("rule.acme.broken", reads="contract_amount", message=("坏规则", "Broken rule"))
    def broken(ctx: RuleContext) -> bool:
        return 1 / 0 > 0

    form = forms.enterprise.evolve(add_rules=[broken])
    report = form.validate({**enterprise_record, "contract_amount": "5000"}, today=today)
    failed = [f for f in report.findings if f.code == "rule.failed"]
    assert len(failed) == 1
    assert failed[0].params == {"rule": "rule.acme.broken", "error": "ZeroDivisionError"}
    assert "rule.acme.broken" in failed[0].message("en")
    assert "rule.amount_vs_level" in report.codes()  # the library's rules still ran


def test_a_user_rule_added_to_a_copy_of_enterprise_leaves_the_library_untouched(
    enterprise_record, today
):
    needs_archive = when("customer_level", ["战略客户", "重点客户"]).then_required(
        "archive_no",
        code="rule.acme.archive_for_key_customers",
        message=(
            "重点及战略客户须有档案编号",
            "Key and strategic customers need an archive number",
        ),
    )
    acme = forms.enterprise.evolve(add_rules=[needs_archive])
    record = {k: v for k, v in enterprise_record.items() if k != "archive_no"}

    report = acme.validate(record, today=today)
    (finding,) = [f for f in report.findings if f.code.startswith("rule.")]
    assert (finding.field, finding.code, finding.severity) == (
        "archive_no",
        "rule.acme.archive_for_key_customers",
        Severity.ERROR,
    )
    assert finding.message("zh") == "重点及战略客户须有档案编号"

    assert rule_codes(forms.enterprise.validate(record, today=today)) == []
    assert needs_archive not in forms.enterprise.rules
    assert forms.get("enterprise") is forms.enterprise
    assert [r.code for r in acme.rules][-1] == "rule.acme.archive_for_key_customers"


def test_a_form_lists_its_rules_with_their_metadata():
    table = forms.enterprise.to_dict()["rules"]
    codes = [r["code"] for r in table]
    assert "rule.uscc_region_vs_address" in codes
    region = table[codes.index("rule.uscc_region_vs_address")]
    assert region["reads"] == ["uscc", "registered_address"]
    assert region["severity"] == "warning"
    assert region["message_zh"].startswith("注册地址")


# -- no rule raises, whatever it is given ----------------------------------------------

_ODD = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.sampled_from(
        [
            "企业",
            "个人",
            "技术咨询",
            "10万以上",
            "战略客户",
            "潜在客户",
            "V2.0",
            "V9.9",
            "HT-2024-005",
            "KH-9999-001",
            "2024-02-30",
            "0000-01-01",
            "9999-12-31",
            "广东省深圳市",
            "91350100M000100Y43",
            "11010519491231002X",
            "100000",
            "x" * 5000,
        ]
    ),
    st.integers(),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.floats(),
    st.binary(max_size=10),
    st.dates().map(lambda d: d.isoformat()),
    st.lists(st.integers(), max_size=3),
)

_KEYS = sorted({k for f in (forms.collection, forms.enterprise) for r in f.rules for k in r.reads})
_RULES = list(dict.fromkeys([*forms.collection.rules, *forms.enterprise.rules]))


@settings(max_examples=300, deadline=None)
@given(
    values=st.fixed_dictionaries({k: _ODD for k in _KEYS}),
    info=st.fixed_dictionaries({k: st.one_of(st.none(), _ODD) for k in _KEYS}),
    today=st.one_of(st.just(datetime.date.min), st.dates()),
    form=st.sampled_from(["enterprise", "collection", "", "nope"]),
)
def test_no_standard_rule_raises_on_odd_values(values, info, today, form):
    ctx = RuleContext(values, info, today, form)
    for r in _RULES:
        for finding in r.evaluate(ctx):
            assert finding.code != "rule.failed", (r.code, finding.params)
            assert finding.code == r.code
            finding.message("zh")
            finding.message("en")


def test_a_huge_amount_or_date_string_is_no_opinion():
    ctx = RuleContext(
        {
            "customer_level": "战略客户",
            "contract_amount": "1" * 10_000,
            "established_on": "2" * 10_000,
            "cooperation_start": "2020-01-01",
        },
        today=datetime.date(2026, 1, 1),
    )
    for r in _RULES:
        assert all(f.code != "rule.failed" for f in r.evaluate(ctx))
