"""The seeds' rules on the standard forms: each one firing and not firing."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

from custinfo import forms
from custinfo.findings import Finding, Report, Severity
from custinfo.rules import MESSAGES, RuleContext, policies, standard

VECTORS = Path(__file__).parent.parent / "vectors"


def rule_findings(report: Report, code: str) -> list[Finding]:
    return [f for f in report.findings if f.code == code]


def rule_codes(report: Report) -> list[str]:
    """The rule findings (other modules' validators may add their own warnings)."""
    return [f.code for f in report.findings if f.code.startswith("rule.")]


def enterprise(record: dict[str, Any], today: datetime.date, **changes: Any) -> Report:
    return forms.enterprise.validate({**record, **changes}, today=today)


def collection(record: dict[str, Any], today: datetime.date, **changes: Any) -> Report:
    return forms.collection.validate({**record, **changes}, today=today)


# -- the clean records ------------------------------------------------------------


def test_a_consistent_enterprise_record_passes_every_rule(enterprise_record, today):
    report = enterprise(enterprise_record, today)
    assert report.ok
    assert rule_codes(report) == []
    assert report.skipped_rules == ()


def test_a_consistent_collection_record_passes_every_rule(collection_record, today):
    report = collection(collection_record, today)
    assert report.ok
    assert rule_codes(report) == []
    assert report.skipped_rules == ()


def test_every_rule_of_the_standard_forms_has_both_messages_in_the_catalog():
    for form in (forms.collection, forms.enterprise):
        for r in form.rules:
            zh, en = MESSAGES[r.code]
            assert zh and en
            assert r.to_dict()["message_en"] == en
            assert r.description


# -- customer type against identifier kind -----------------------------------------


def test_an_enterprise_with_a_resident_id_is_an_error(collection_record, today, ric_for):
    report = collection(collection_record, today, id_number=ric_for())
    (finding,) = rule_findings(report, "rule.customer_type_vs_id")
    assert finding.field == "id_number"
    assert finding.severity is Severity.ERROR
    assert "resident ID" in finding.message("en")
    assert not report.ok


def test_a_person_with_a_uscc_is_an_error(collection_record, today):
    report = collection(collection_record, today, customer_type="个人", customer_name="张三")
    (finding,) = rule_findings(report, "rule.customer_type_vs_id")
    assert "统一社会信用代码" in finding.message("zh")


def test_a_person_with_a_resident_id_passes(collection_record, today, ric_for):
    report = collection(collection_record, today, customer_type="个人", id_number=ric_for())
    assert rule_findings(report, "rule.customer_type_vs_id") == []


def test_a_person_with_another_kind_of_personal_id_passes(collection_record, today):
    for passport in ("E12345678", "H01234567", "12345678"):
        report = collection(collection_record, today, customer_type="个人", id_number=passport)
        assert rule_findings(report, "rule.customer_type_vs_id") == []


def test_a_uscc_written_with_spaces_and_lower_case_counts_as_a_uscc(collection_record, today):
    report = collection(collection_record, today, id_number="9133 0100 7161 0585 2f")
    assert rule_findings(report, "rule.customer_type_vs_id") == []


def test_an_enterprise_with_a_broken_uscc_gets_one_finding_on_the_number(collection_record, today):
    wrong_check = "91330100716105852A"
    report = collection(collection_record, today, id_number=wrong_check)
    assert [f.code for f in report.by_field("id_number")] == ["uscc.check"]
    assert "rule.customer_type_vs_id" in report.skipped_rules


def test_an_enterprise_giving_a_resident_id_is_reported_by_the_rule(
    collection_record, today, ric_for
):
    report = collection(collection_record, today, id_number=ric_for())
    assert not report.by_field("id_number") or report.by_field("id_number")[0].code != "uscc.check"
    (finding,) = rule_findings(report, "rule.customer_type_vs_id")
    assert finding.severity is Severity.ERROR


def test_a_resident_id_born_after_the_reference_day_is_not_taken_for_one(
    collection_record, today, ric_for
):
    unborn = ric_for(born="20300101")
    report = collection(collection_record, today, customer_type="个人", id_number=unborn)
    assert rule_findings(report, "rule.customer_type_vs_id") == []  # no opinion: not a RIC


def test_the_customer_type_rule_never_shows_the_number(collection_record, today, ric_for):
    number = ric_for()
    report = collection(collection_record, today, id_number=number)
    text = json.dumps(report.to_dict(), ensure_ascii=False)
    assert number not in text
    assert number[6:14] not in text  # not even the birth date


# -- budget range against demand type ---------------------------------------------


def test_a_technical_consultation_above_100k_is_a_budget_warning(collection_record, today):
    report = collection(collection_record, today, demand_type="技术咨询")
    (finding,) = rule_findings(report, "rule.budget_vs_demand")
    assert (finding.field, finding.severity) == ("budget_range", Severity.WARNING)
    assert finding.message("zh") == (
        "预算范围“10万以上”与需求类型“技术咨询”不匹配(通常为:1万以下、1-5万、5-10万)"
    )
    assert report.ok  # a warning, not an error


def test_a_budget_spelled_as_a_variant_is_judged_by_its_label(collection_record, today):
    report = collection(collection_record, today, demand_type="技术咨询", budget_range="10万+")
    assert len(rule_findings(report, "rule.budget_vs_demand")) == 1


def test_a_fitting_budget_passes(collection_record, today):
    for demand, budget in (("技术咨询", "1-5万"), ("产品采购", "1万以下"), ("合作咨询", "5-10万")):
        report = collection(collection_record, today, demand_type=demand, budget_range=budget)
        assert rule_findings(report, "rule.budget_vs_demand") == []


def test_a_missing_budget_is_not_judged(collection_record, today):
    record = {k: v for k, v in collection_record.items() if k != "budget_range"}
    report = collection(record, today, demand_type="技术咨询")
    assert rule_findings(report, "rule.budget_vs_demand") == []


def test_a_user_budget_table_replaces_the_default(collection_record, today):
    strict = policies.Table({"产品采购": ["1万以下", "1-5万"]})
    form = forms.collection.evolve(
        remove_rules=["rule.budget_vs_demand"], add_rules=[standard.budget_rule(strict)]
    )
    report = form.validate(collection_record, today=today)
    assert rule_codes(report) == ["rule.budget_vs_demand"]
    assert rule_codes(forms.collection.validate(collection_record, today=today)) == []


# -- contract amount against customer level ------------------------------------------


def test_a_strategic_customer_with_a_small_contract_is_an_amount_warning(enterprise_record, today):
    report = enterprise(enterprise_record, today, contract_amount="5000")
    (finding,) = rule_findings(report, "rule.amount_vs_level")
    assert finding.field == "contract_amount"
    assert finding.message("zh") == "合同金额不在“战略客户”的常规范围(不低于50万元)内"


def test_amounts_written_in_wan_are_read(enterprise_record, today):
    report = enterprise(enterprise_record, today, customer_level="潜在客户", contract_amount="50万")
    assert len(rule_findings(report, "rule.amount_vs_level")) == 1
    report = enterprise(
        enterprise_record, today, customer_level="潜在客户", contract_amount="5万元"
    )
    assert rule_findings(report, "rule.amount_vs_level") == []


def test_the_amount_rule_reads_the_money_validators_decimal():
    ctx = RuleContext({"customer_level": "重点客户", "contract_amount": Decimal("20000000.00")})
    (finding,) = standard.amount_fits_level.evaluate(ctx)
    assert "10万元–1000万元" in finding.message("zh")


def test_an_amount_the_rule_cannot_read_is_no_opinion():
    ctx = RuleContext({"customer_level": "战略客户", "contract_amount": "伍仟元整"})
    assert standard.amount_fits_level.evaluate(ctx) == ()


def test_a_user_amount_band_replaces_the_default(enterprise_record, today):
    bands = policies.AMOUNT_BY_LEVEL.updated({"战略客户": (1_000_000, None)})
    form = forms.enterprise.evolve(
        remove_rules=["rule.amount_vs_level"], add_rules=[standard.amount_rule(bands)]
    )
    assert (
        len(rule_findings(form.validate(enterprise_record, today=today), "rule.amount_vs_level"))
        == 1
    )


# -- customer level against cooperation history ----------------------------------------


def test_a_strategic_customer_of_a_few_months_is_a_level_warning(enterprise_record, today):
    report = enterprise(
        enterprise_record, today, cooperation_start="2025-06-01", last_follow_up_on="2025-12-20"
    )
    (finding,) = rule_findings(report, "rule.level_vs_history")
    assert finding.field == "customer_level"
    assert "合作0年" in finding.message("zh")


def test_a_long_cooperation_supports_a_strategic_level(enterprise_record, today):
    assert rule_findings(enterprise(enterprise_record, today), "rule.level_vs_history") == []


def test_one_strong_measure_supports_the_level_when_purchases_are_recorded():
    r = standard.level_rule(annual="annual_purchases")
    day = datetime.date(2026, 1, 5)
    young_but_big = RuleContext(
        {
            "customer_level": "战略客户",
            "cooperation_start": "2025-06-01",
            "annual_purchases": Decimal(2_000_000),
        },
        today=day,
    )
    young_and_small = RuleContext(
        {
            "customer_level": "战略客户",
            "cooperation_start": "2025-06-01",
            "annual_purchases": "30万",
        },
        today=day,
    )
    assert r.evaluate(young_but_big) == ()
    (finding,) = r.evaluate(young_and_small)
    assert "annual purchases" in finding.message("en")


# -- USCC region against registered address ---------------------------------------------


def load_region_vectors() -> list[dict[str, str]]:
    data = json.loads((VECTORS / "uscc_regions.json").read_text(encoding="utf-8"))
    return data["cases"]


@pytest.mark.parametrize("case", load_region_vectors(), ids=lambda c: c["name"])
def test_real_uscc_regions_against_addresses(case, enterprise_record, today):
    report = enterprise(
        enterprise_record, today, uscc=case["uscc"], registered_address=case["address"]
    )
    fired = rule_findings(report, "rule.uscc_region_vs_address")
    assert bool(fired) is case["conflict"]


def test_a_uscc_from_another_city_is_a_region_warning(enterprise_record, today):
    report = enterprise(
        enterprise_record, today, registered_address="广东省广州市天河区体育西路1号"
    )
    (finding,) = rule_findings(report, "rule.uscc_region_vs_address")
    assert finding.field == "registered_address"
    assert finding.severity is Severity.WARNING
    assert finding.message("zh") == (
        "注册地址所在地(广东省广州市)与统一社会信用代码的登记地(广东省深圳市)不一致"
    )


def test_a_nationally_registered_uscc_is_exempt(enterprise_record, today, uscc_for):
    national = uscc_for("100000")
    report = enterprise(
        enterprise_record, today, uscc=national, registered_address="上海市浦东新区"
    )
    assert rule_findings(report, "rule.uscc_region_vs_address") == []


def test_a_uscc_issued_before_a_merger_matches_the_new_address(enterprise_record, today, uscc_for):
    laiwu_2016 = uscc_for("371202")  # 莱芜市莱城区, merged into 济南市 in 2019
    report = enterprise(
        enterprise_record, today, uscc=laiwu_2016, registered_address="山东省济南市莱芜区凤城街道"
    )
    assert rule_findings(report, "rule.uscc_region_vs_address") == []
    report = enterprise(
        enterprise_record, today, uscc=laiwu_2016, registered_address="山东省青岛市市南区香港中路"
    )
    assert len(rule_findings(report, "rule.uscc_region_vs_address")) == 1


def test_a_prefecture_renamed_from_diqu_to_shi_still_matches(enterprise_record, today, uscc_for):
    shannan_2015 = uscc_for("542200")  # 山南地区 became 山南市 (540500) in 2016
    report = enterprise(
        enterprise_record, today, uscc=shannan_2015, registered_address="西藏自治区山南市乃东区"
    )
    assert rule_findings(report, "rule.uscc_region_vs_address") == []


def test_a_free_trade_zone_address_is_placed_in_its_province(enterprise_record, today, uscc_for):
    pudong = uscc_for("310115")
    address = "中国(上海)自由贸易试验区张江路665号"
    ok = enterprise(enterprise_record, today, uscc=pudong, registered_address=address)
    wrong = enterprise(enterprise_record, today, registered_address=address)  # a 深圳 code
    assert rule_findings(ok, "rule.uscc_region_vs_address") == []
    assert len(rule_findings(wrong, "rule.uscc_region_vs_address")) == 1


def test_cities_under_a_province_directly_are_compared_as_cities(
    enterprise_record, today, uscc_for
):
    xiantao = uscc_for("429004")
    ok = enterprise(
        enterprise_record, today, uscc=xiantao, registered_address="湖北省仙桃市干河街道"
    )
    wrong = enterprise(
        enterprise_record, today, uscc=xiantao, registered_address="湖北省潜江市园林街道"
    )
    assert rule_findings(ok, "rule.uscc_region_vs_address") == []
    assert len(rule_findings(wrong, "rule.uscc_region_vs_address")) == 1


def test_an_address_without_a_recognizable_region_is_no_opinion(enterprise_record, today):
    for address in ("中山路100号", "北京路88号", "高新区创业大道1号"):
        report = enterprise(enterprise_record, today, registered_address=address)
        assert rule_findings(report, "rule.uscc_region_vs_address") == [], address


def test_the_address_validators_division_code_is_used_when_given():
    @attrs.define
    class AddressInfo:
        province: str
        city: str
        district: str
        code: str

    ctx = RuleContext(
        {"uscc": "914403001922038216", "registered_address": "坂田华为总部办公楼"},
        {"registered_address": AddressInfo("北京市", "北京市", "海淀区", "110108")},
    )
    (finding,) = standard.uscc_region_matches_address.evaluate(ctx)
    assert finding.params["address_region"] == "北京市海淀区"


# -- date order ------------------------------------------------------------------------


def test_a_cooperation_before_establishment_is_an_error(enterprise_record, today):
    report = enterprise(enterprise_record, today, cooperation_start="1985-01-01")
    (finding,) = rule_findings(report, "rule.cooperation_before_established")
    assert (finding.field, finding.severity) == ("cooperation_start", Severity.ERROR)
    assert rule_findings(report, "rule.follow_up_before_established") == []


def test_a_follow_up_before_the_cooperation_is_a_warning(enterprise_record, today):
    report = enterprise(enterprise_record, today, last_follow_up_on="2014-01-01")
    (finding,) = rule_findings(report, "rule.follow_up_before_cooperation")
    assert (finding.field, finding.severity) == ("last_follow_up_on", Severity.WARNING)


def test_without_a_cooperation_start_the_follow_up_is_checked_against_establishment(
    enterprise_record, today
):
    record = {k: v for k, v in enterprise_record.items() if k != "cooperation_start"}
    report = enterprise(record, today, last_follow_up_on="1980-01-01", customer_level="普通客户")
    assert rule_codes(report) == ["rule.follow_up_before_established"]
    report = enterprise(record, today, customer_level="普通客户")
    assert rule_codes(report) == []


def test_a_wrong_establishment_date_gives_one_finding_per_broken_pair(enterprise_record, today):
    report = enterprise(enterprise_record, today, established_on="2020-01-01")
    codes = [f.code for f in report.findings]
    assert codes.count("rule.cooperation_before_established") == 1
    assert "rule.follow_up_before_established" not in codes  # checked through cooperation


def test_dates_in_order_pass(enterprise_record, today):
    report = enterprise(enterprise_record, today, cooperation_start="1987-09-15")
    assert rule_codes(report) == []


def test_a_cooperation_starting_next_month_is_a_warning(enterprise_record, today):
    record = {k: v for k, v in enterprise_record.items() if k != "last_follow_up_on"}
    report = enterprise(record, today, cooperation_start="2026-02-01")
    (finding,) = rule_findings(report, "rule.cooperation_in_future")
    assert finding.severity is Severity.WARNING


def test_a_future_follow_up_on_the_standard_form_is_one_field_error(enterprise_record, today):
    report = enterprise(enterprise_record, today, last_follow_up_on="2026-03-01")
    assert [f.code for f in report.errors] == ["dates.future"]
    assert rule_codes(report) == []
    assert "rule.follow_up_in_future" in report.skipped_rules


def test_a_future_follow_up_is_a_rule_error_where_the_field_does_not_check_it(
    enterprise_record, today
):
    lenient = forms.enterprise.evolve(fields={"last_follow_up_on": {"options": {}}})
    report = lenient.validate({**enterprise_record, "last_follow_up_on": "2026-03-01"}, today=today)
    (finding,) = rule_findings(report, "rule.follow_up_in_future")
    assert finding.severity is Severity.ERROR


def test_a_future_confirmation_is_reported_once(collection_record, today):
    report = collection(collection_record, today, confirmed_at="2026-02-01")
    assert [f.code for f in report.errors] == ["dates.future"]
    assert rule_codes(report) == []
    lenient = forms.collection.evolve(fields={"confirmed_at": {"options": {}}})
    report = lenient.validate({**collection_record, "confirmed_at": "2026-02-01"}, today=today)
    assert [f.code for f in report.errors] == ["rule.confirmed_in_future"]


def test_a_confirmation_today_passes(collection_record, today):
    report = collection(collection_record, today, confirmed_at=today.isoformat())
    assert report.ok
    assert rule_codes(report) == []


# -- contract and archive number years -------------------------------------------------


def test_a_contract_numbered_before_establishment_is_an_error(enterprise_record, today):
    report = enterprise(enterprise_record, today, contract_no="HT-1986-001")
    (finding,) = rule_findings(report, "rule.contract_before_established")
    assert finding.params == {"year": 1986, "established": 1987}
    assert finding.severity is Severity.ERROR


def test_a_contract_numbered_in_the_year_of_establishment_passes(enterprise_record, today):
    report = enterprise(enterprise_record, today, contract_no="ＨＴ－１９８７－００１")
    assert rule_findings(report, "rule.contract_before_established") == []


def test_a_contract_number_without_a_year_is_no_opinion(enterprise_record, today):
    report = enterprise(enterprise_record, today, contract_no="合同第5号")
    assert rule_findings(report, "rule.contract_before_established") == []


def test_an_archive_numbered_before_establishment_is_an_error(enterprise_record, today):
    report = enterprise(enterprise_record, today, archive_no="KH-1980-001")
    assert len(rule_findings(report, "rule.archive_before_established")) == 1


def test_an_archive_numbered_in_a_future_year_is_an_error(enterprise_record, today):
    report = enterprise(enterprise_record, today, archive_no="KH-2027-001")
    (finding,) = rule_findings(report, "rule.archive_in_future")
    assert finding.params == {"year": 2027, "current": 2026}
    assert (
        rule_findings(
            enterprise(enterprise_record, today, archive_no="KH-2026-001"), "rule.archive_in_future"
        )
        == []
    )


# -- short name against full name ---------------------------------------------------------


@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("华为技术有限公司", "华为"),
        ("中国工商银行股份有限公司", "工行"),
        ("中国石油化工股份有限公司", "中国石化"),
        ("深圳市腾讯计算机系统有限公司(简称:腾讯)", "腾讯"),
        ("深圳市腾讯计算机系统有限公司（简称：腾讯）", "腾讯"),
        ("阿里巴巴（中国）有限公司", "阿里巴巴"),
        ("IBM (China) Co., Ltd.", "ibm"),
    ],
)
def test_consistent_short_names_pass(full, short, enterprise_record, today):
    report = enterprise(enterprise_record, today, customer_name=full, short_name=short)
    assert rule_findings(report, "rule.short_name_vs_name") == []


def test_a_short_name_made_of_other_characters_is_a_warning(enterprise_record, today):
    report = enterprise(enterprise_record, today, short_name="中兴")
    (finding,) = rule_findings(report, "rule.short_name_vs_name")
    assert (finding.field, finding.severity) == ("short_name", Severity.WARNING)


def test_a_short_name_other_than_the_declared_one_is_a_warning(enterprise_record, today):
    report = enterprise(
        enterprise_record, today, customer_name="华为技术有限公司(简称:华为技术)", short_name="华为"
    )
    (finding,) = rule_findings(report, "rule.short_name_vs_name")
    assert "declared" in finding.message("en")


# -- form version -------------------------------------------------------------------------


def test_an_old_template_is_reported_with_the_fields_it_lacks(enterprise_record, today):
    report = enterprise(enterprise_record, today, form_version="v2.0")
    (finding,) = rule_findings(report, "rule.form_version")
    assert finding.params["missing"] == ("客户简称", "档案编号")
    assert finding.message("zh") == "表单版本 V2.0 不是最新版 V2.1,旧模板缺少:客户简称、档案编号"


def test_an_unknown_template_version_is_reported(enterprise_record, today):
    report = enterprise(enterprise_record, today, form_version="V1.3")
    (finding,) = rule_findings(report, "rule.form_version")
    assert finding.params["missing"] == ("?",)


def test_the_v2_0_form_itself_warns_that_it_is_not_the_latest(enterprise_record, today):
    old = forms.get("enterprise", "V2.0")
    record = {k: v for k, v in enterprise_record.items() if k not in ("short_name", "archive_no")}
    report = old.validate({**record, "form_version": "V2.0"}, today=today)
    assert rule_codes(report) == ["rule.form_version"]
    assert "rule.short_name_vs_name" not in [r.code for r in old.rules]


def test_a_form_outside_the_registry_has_no_version_opinion():
    ctx = RuleContext({"form_version": "V0.1"}, form="my-unregistered-form")
    assert standard.form_version_latest.evaluate(ctx) == ()
