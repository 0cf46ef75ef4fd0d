"""The company_name validator: legal forms, brackets, annotations, branches, regions."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from custinfo.findings import Severity
from custinfo.validators import company_name

VECTORS = json.loads(
    (Path(__file__).parent.parent / "vectors" / "company_names.json").read_text("utf-8")
)
FACTS = (
    "full_name",
    "short_name",
    "legal_form",
    "kind",
    "region",
    "region_code",
    "branch",
    "parent",
)


@pytest.mark.parametrize("case", VECTORS["cases"], ids=lambda c: c["input"])
def test_registered_names_and_mistakes_get_the_expected_verdict(case):
    result = company_name.check(case["input"])
    assert result.ok is case["valid"], case["source"]
    if not case["valid"]:
        assert result.problems[0].code == case["code"]
        return
    assert result.value == case["normalized"]
    warnings = [p.code for p in result.problems if p.severity is Severity.WARNING]
    assert warnings == case.get("warnings", [])
    for fact in FACTS:
        if fact in case:
            assert getattr(result.info, fact) == case[fact], fact


def test_every_vector_names_its_source():
    assert len(VECTORS["cases"]) >= 40
    assert all(case["source"] for case in VECTORS["cases"])


# --- brackets and the annotation ------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "腾讯科技(深圳)有限公司",
        "腾讯科技（深圳）有限公司",
        "腾讯科技【深圳】有限公司",
        "腾讯科技[深圳]有限公司",
        "腾讯科技〔深圳〕有限公司",
        "腾讯科技 ( 深圳 ) 有限公司",
        "腾讯科技（深圳）有限公司 ",
        "腾讯 科技（深圳）有限公司",
    ],
)
def test_every_bracket_style_becomes_the_full_width_canonical_form(written):
    assert company_name.validate(written) == "腾讯科技（深圳）有限公司"


@pytest.mark.parametrize(
    "annotation",
    [
        "(简称:字节跳动)",
        "(简称：字节跳动)",
        "（简称：字节跳动）",
        "【简称:字节跳动】",
        "(简称为字节跳动)",
        "(简称“字节跳动”)",
        "(以下简称“字节跳动”)",
        "(以下简称:字节跳动)",
        "（以下简称为“字节跳动”）",
        "(简称: 字节跳动)",
    ],
)
def test_the_short_name_annotation_is_parsed_in_all_its_spellings(annotation):
    result = company_name.check("北京字节跳动科技有限公司" + annotation)
    assert result.ok and result.problems == ()
    assert result.value == "北京字节跳动科技有限公司（简称：字节跳动）"
    assert result.info.full_name == "北京字节跳动科技有限公司"
    assert result.info.short_name == "字节跳动"


def test_an_annotation_after_a_bracketed_region_is_found():
    facts = company_name.info("腾讯科技(深圳)有限公司(简称:腾讯)")
    assert (facts.full_name, facts.short_name) == ("腾讯科技（深圳）有限公司", "腾讯")


def test_an_empty_short_name_is_a_warning():
    result = company_name.check("北京字节跳动科技有限公司(简称:)")
    assert result.ok
    assert [p.code for p in result.problems] == ["company_name.short_name"]


@pytest.mark.parametrize(
    ("short", "full", "consistent"),
    [
        ("字节跳动", "北京字节跳动科技有限公司", True),
        ("中石油", "中国石油天然气集团有限公司", True),
        ("工行", "中国工商银行股份有限公司", True),
        ("中国移动", "中国移动通信集团有限公司", True),
        ("tcl", "TCL科技集团股份有限公司", True),
        ("阿里", "北京字节跳动科技有限公司", False),
        ("动跳", "北京字节跳动科技有限公司", False),
        ("", "北京字节跳动科技有限公司", False),
    ],
)
def test_a_short_name_is_consistent_when_its_characters_appear_in_order(short, full, consistent):
    assert company_name.is_short_name_of(short, full) is consistent


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="北京字节跳动科技有限公司", min_size=1, max_size=12), st.data())
def test_any_subsequence_of_the_full_name_is_a_consistent_short_name(full, data):
    picks = data.draw(st.lists(st.booleans(), min_size=len(full), max_size=len(full)))
    short = "".join(c for c, keep in zip(full, picks, strict=True) if keep)
    assert company_name.is_short_name_of(short, full) is bool(short)


# --- legal forms -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "form", "kind"),
    [
        ("杭州华信科技有限公司", "有限公司", "company"),
        ("杭州华信科技有限责任公司", "有限责任公司", "company"),
        ("杭州华信科技股份有限公司", "股份有限公司", "company"),
        ("杭州华信科技股份公司", "股份公司", "company"),
        ("杭州华信科技集团有限公司", "有限公司", "company"),
        ("杭州华信咨询合伙企业（普通合伙）", "（普通合伙）", "partnership"),
        ("杭州华信创业投资合伙企业（有限合伙）", "（有限合伙）", "partnership"),
        ("杭州华信会计师事务所（特殊普通合伙）", "（特殊普通合伙）", "partnership"),
        ("杭州华信设计个人独资企业", "个人独资企业", "sole_proprietorship"),
        ("临安区华信茶叶专业合作社", "专业合作社", "cooperative"),
        ("杭州华信律师事务所", "事务所", "professional_firm"),
        ("杭州华信科技有限公司滨江分公司", "分公司", "company"),
        ("西湖区华信服装店", "店", "small_business"),
        ("西湖区华信摄影工作室", "工作室", "small_business"),
        ("西湖区华信商行", "商行", "small_business"),
        ("浙江省人民医院", "医院", "institution"),
        ("杭州市软件行业协会", "协会", "social_organization"),
        ("杭州市西湖区人民政府", "人民政府", "government"),
    ],
)
def test_the_legal_form_and_kind_are_read_from_the_ending(name, form, kind):
    facts = company_name.info(name)
    assert (facts.legal_form, facts.kind) == (form, kind)


def test_a_branch_names_its_parent():
    facts = company_name.info("杭州华信科技有限公司滨江分公司")
    assert facts.branch is True
    assert facts.parent == "杭州华信科技有限公司"
    assert company_name.info("杭州华信科技有限公司").branch is False


def test_the_cable_misspelling_of_limited_is_no_legal_form():
    assert company_name.check("北京华信科技有线公司").problems[0].code == "company_name.legal_form"
    assert company_name.is_valid("北京歌华有线电视网络股份有限公司")


def test_partnership_forms_without_brackets_are_accepted():
    assert company_name.info("北京华信投资中心有限合伙").kind == "partnership"


def test_sentence_punctuation_after_a_name_is_dropped():
    assert company_name.validate("北京华信科技有限公司。") == "北京华信科技有限公司"
    assert company_name.validate("Apple Inc.") == "Apple Inc."


def test_a_name_ending_in_gongsi_without_limited_is_a_warning():
    result = company_name.check("杭州华信科技公司")
    assert result.ok
    assert [p.code for p in result.problems] == ["company_name.legal_form_unclear"]
    assert result.problems[0].params["ending"] == "公司"


# --- regions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "region", "code"),
    [
        ("北京华信科技有限公司", "北京", "110000"),
        ("北京市华信科技有限公司", "北京市", "110000"),
        ("广东省深圳市华信科技有限公司", "广东省深圳市", "440300"),
        ("广东深圳华信科技有限公司", "广东深圳", "440300"),
        ("深圳市南山区华信科技有限公司", "深圳市南山区", "440305"),
        ("广西华信科技有限公司", "广西", "450000"),
        ("鼓楼区华信服装店", "鼓楼区", None),
        ("成都市新津县华信商贸有限公司", "成都市新津县", "510132"),
        ("华为技术有限公司", None, None),
        ("东方电气股份有限公司", None, None),
    ],
)
def test_the_leading_division_is_reported_with_its_code_when_unambiguous(name, region, code):
    facts = company_name.info(name)
    assert (facts.region, facts.region_code) == (region, code)


# --- the rest of the contract ---------------------------------------------------------------


def test_compact_gives_the_canonical_form_even_for_invalid_names():
    assert company_name.compact("腾讯【简称:腾讯】") == "腾讯（简称：腾讯）"


def test_format_gives_the_canonical_name():
    assert company_name.format("联想(北京)有限公司") == "联想（北京）有限公司"


def test_mask_keeps_two_characters():
    assert company_name.mask("北京市朝阳区张三便利店") == "北京***"


def test_generated_names_are_valid_without_warnings():
    rng = random.Random(3)
    for _ in range(300):
        name = company_name.generate(rng)
        result = company_name.check(name)
        assert result.ok and result.problems == (), name


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=60), st.binary(max_size=10), st.integers(), st.none()))
def test_check_never_raises_and_agrees_with_is_valid(value):
    result = company_name.check(value)
    assert result.ok == company_name.is_valid(value)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="北京华信科技有限公司()（）【】简称:：“” A&-·", max_size=40))
def test_compact_is_idempotent_and_valid_names_are_fixed_points(value):
    once = company_name.compact(value)
    assert company_name.compact(once) == once
    result = company_name.check(value)
    if result.ok:
        assert company_name.validate(result.value) == result.value


def test_a_huge_input_is_refused():
    assert company_name.check("华" * 100_000).problems[0].code == "company_name.too_long"


@pytest.mark.parametrize("value", [None, 1.5, b"x", ["a"]])
def test_values_that_are_not_text_have_the_type_code(value):
    assert company_name.check(value).problems[0].code == "company_name.type"


def test_every_code_has_both_messages():
    for code, (zh, en) in company_name.MESSAGES.items():
        assert code.startswith("company_name.")
        assert zh and en


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=30))
@example("\ud800@qq.com")
@example("张\udfff有限公司")
def test_lone_surrogates_and_any_code_point_never_raise(value):
    result = company_name.check(value)
    assert result.ok == company_name.is_valid(value)
    company_name.mask(value)
    company_name.compact(value)


def test_a_placeholder_after_the_region_is_still_a_placeholder() -> None:
    for name in ("北京某某科技有限公司", "广东XX贸易有限公司", "上海测试信息技术有限公司"):
        assert [p.code for p in company_name.check(name).problems] == ["company_name.placeholder"]
    assert company_name.is_valid("北京星辰科技有限公司")
