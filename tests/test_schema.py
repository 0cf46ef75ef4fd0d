"""JSON Schema export of forms (draft 2020-12)."""

from __future__ import annotations

import pytest

from custinfo import forms
from custinfo.schema import DRAFT, json_schema


@pytest.mark.parametrize("name", ["collection", "enterprise"])
@pytest.mark.parametrize("locale", ["zh", "en"])
def test_every_standard_form_exports_a_valid_draft_2020_12_schema(name, locale):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json_schema(forms.get(name), locale)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == DRAFT


def test_the_schema_follows_the_declaration():
    form = forms.get("collection")
    schema = json_schema(form)
    assert list(schema["properties"]) == list(form.keys)
    assert schema["required"] == list(form.required)
    phone = schema["properties"]["phone"]
    assert phone["title"] == "联系方式"
    assert phone["description"] == "11位数字,系统自动校验格式"
    assert phone["x-custinfo"]["personal"] == "phone"
    assert schema["properties"]["customer_type"]["enum"] == ["企业", "个人"]
    assert schema["properties"]["confirmed_at"]["format"] == "date"
    assert schema["title"] == "标准化客户信息收集表"


def test_english_titles_fall_back_to_chinese_when_a_field_has_none():
    form = forms.get("collection").evolve(fields={"phone": {"label_en": "", "help_en": ""}})
    phone = json_schema(form, "en")["properties"]["phone"]
    assert (phone["title"], phone["description"]) == ("联系方式", "11位数字,系统自动校验格式")


def test_a_canonical_record_is_valid_and_a_bad_choice_is_not():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json_schema(forms.get("collection"))
    record = {
        "customer_type": "企业",
        "customer_name": "北京华信网络科技有限公司",
        "id_number": "911101086810687129",
        "industry": "软件和信息技术服务业",
        "phone": "13800138000",
        "demand_type": "产品采购",
        "collector": "李娜",
        "confirmed_at": "2025-06-01",
    }
    checker = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    assert list(checker.iter_errors(record)) == []
    bad = {**record, "budget_range": "20万", "confirmed_at": "2025/6/1"}
    assert {e.validator for e in checker.iter_errors(bad)} == {"enum", "format"}
    missing = {k: v for k, v in record.items() if k != "phone"}
    assert [e.validator for e in checker.iter_errors(missing)] == ["required"]


def test_an_unknown_locale_is_refused():
    with pytest.raises(ValueError, match="locale"):
        json_schema(forms.get("collection"), "fr")


def test_a_form_exports_its_own_schema():
    form = forms.get("enterprise")
    assert form.json_schema("en") == json_schema(form, "en")
    assert form.json_schema()["properties"]["uscc"]["pattern"].startswith("^[0-9A-HJ")
