"""No raw identifier, phone number, email address or name ever shows in output.

A corpus of records of both forms — generated ones, valid and with every kind
of error, and hand-written ones with the mistakes people make with personal
data (an ID number in the phone field, a phone number after the email, digits
in a name, a card number in the notes) — is validated, and every finding,
message (both locales), ``repr``, ``str``, ``to_dict()`` (default, not
``reveal``) and exception produced is scanned for the personal values given:
as given, compacted, and every run of 8 or more digits in them.
"""

from __future__ import annotations

import random
from typing import Any

import pytest

from custinfo import forms, masking, testing, validators
from custinfo.testing import privacy

TODAY = testing.TODAY
FORMS = forms.available()

HAND_WRITTEN: dict[str, list[dict[str, Any]]] = {
    "collection": [
        {
            "customer_type": "个人",
            "customer_name": "张三13800138000",
            "id_number": "13800138000",
            "phone": "110105194912310021",
            "email": "zhangsan@qq.con",
            "address": "北京市朝阳区建国路88号 电话13912345678",
            "contact_person": "王先生",
            "collector": "测试",
        },
        {
            "客户类型": "企业",
            "客户姓名(企业/个人)": "李四",
            "统一社会信用代码/证件号码": "11010519491231002X",
            "联系方式": "1380013800",
            "电子邮箱": "lisi@163.com 13800138000",
            "对接人姓名": "赵六 13700001111",
            "信息收集人员": "钱七@example.com",
        },
        {
            "customer_type": "个人",
            "customer_name": "孙八",
            "id_number": "110105 19491231 002Y",
            "phone": "+86 139-1234-5678 转 123",
            "email": "13912345678@139.com",
            "collector": "周九",
        },
    ],
    "enterprise": [
        {
            "customer_name": "华为技术有限公司",
            "contact_name": "李四 13912345678",
            "phone": "110105194912310021",
            "email": "li.si@@qq.com",
            "follow_up_notes": "客户身份证110105194912310021,卡号6222021234567890123",
        },
        {
            "客户名称": "某某科技",
            "联系人姓名": "13800138000",
            "电话": "0755-1234567890123",
            "邮箱": "wang.wu@gmial.com",
            "跟进内容": "联系人王五,手机13800138000,护照E12345678",
        },
    ],
}


def _corpus(form_name: str) -> list[tuple[dict[str, Any], set[str]]]:
    """Records, each with the personal values to look for in what it produces."""
    form = forms.get(form_name)
    records = list(HAND_WRITTEN.get(form_name, []))
    kinds = [None, *testing.record_errors(form_name)]
    for i in range(60):
        case = testing.record_case(
            form_name, random.Random(i), error=kinds[i % len(kinds)], keys="mixed", optional=0.9
        )
        records.append(case.record)
    corpus = [(r, privacy.record_secrets(form, r)) for r in records]
    # A sheet read without its header row: the first customer's values become column
    # names, echoed by unknown_field. Numbers and emails must not show; a name cannot
    # be told from a column name (docs/privacy.md).
    numbers = ("identifier", "phone", "email")
    corpus += [
        ({str(v): v for v in r.values()}, privacy.record_secrets(form, r, numbers))
        for r in records[:6]
    ]
    return corpus


CASES = [(name, i) for name in FORMS for i in range(len(_corpus(name)))]


@pytest.fixture(scope="module")
def corpora() -> dict[str, list[tuple[dict[str, Any], set[str]]]]:
    return {name: _corpus(name) for name in FORMS}


@pytest.mark.parametrize(("form_name", "index"), CASES)
def test_reports_never_show_the_personal_values_of_a_record(corpora, form_name, index):
    form = forms.get(form_name)
    record, secrets = corpora[form_name][index]
    assert secrets, "the corpus record has personal values to look for"
    report = form.validate(record, today=TODAY)
    assert privacy.leaks(report, secrets) == []


def test_the_corpus_has_errors_in_every_personal_field_of_both_forms(corpora):
    for name in FORMS:
        form = forms.get(name)
        personal = {f.key for f in form.fields if f.personal in ("identifier", "phone", "email")}
        flagged = {
            f.field
            for record, _ in corpora[name]
            for f in form.validate(record, today=TODAY).findings
        }
        assert personal <= flagged, name


def test_the_scan_finds_a_value_that_does_show():
    # The scan itself must be able to fail: a finding that carries a raw value.
    from custinfo import Finding

    leaked = Finding("phone", "required", params={"was": "13800138000"})
    assert privacy.leaks(leaked, privacy.secrets_of("138 0013 8000")) == ["13800138000"]


PERSONAL_VALIDATORS = [
    n
    for n in ("ric", "uscc", "orgcode", "mobile", "landline", "phone", "email", "person_name")
    if n in validators.available()
]
WRONG_VALUES = [
    "11010519491231002Y",
    "110105194902300021",
    "91110000600037341X",
    "13800138000x",
    "1380013800",
    "zhangsan@qq.con",
    "zhangsan@@qq.com",
    "zhang san@qq.com 13912345678",
    "张三13800138000",
    "王先生",
    "0755-1234567890123",
    "+1 650 253 0000",
    "６２２２０２１２３４５６７８９０１２３",
]


@pytest.mark.parametrize("name", PERSONAL_VALIDATORS)
@pytest.mark.parametrize("value", WRONG_VALUES)
def test_exceptions_and_problems_never_show_the_value(name, value):
    module = validators.get(name)
    secrets = privacy.secrets_of(value)
    result = module.check(value)
    shown: list[object] = [repr(p.params) for p in result.problems]
    try:
        module.validate(value)
    except Exception as exc:  # the module's InvalidValue subclass (held by test_hostile)
        shown.append(exc)
    assert privacy.leaks(shown, secrets) == []


@pytest.mark.parametrize("name", PERSONAL_VALIDATORS)
@pytest.mark.parametrize("value", WRONG_VALUES)
def test_masks_never_show_a_run_of_eight_digits(name, value):
    runs = {s for s in privacy.secrets_of(value) if s.isdigit() and len(s) >= 8}
    mask = getattr(validators.get(name), "mask", None)
    if mask is not None:
        assert privacy.leaks(mask(value), runs) == []


@pytest.mark.parametrize(
    ("mask", "value", "shown"),
    [
        (masking.identifier, "110101199003074477", "110101********4477"),
        (masking.phone, "13800138000", "138****8000"),
        (masking.email, "zhang.san@example.com", "z***@example.com"),
        (masking.email, "zhang@qq.com 13800138000", "z***@***"),
        (masking.email, "zhang@13800138000.com", "z***@***"),
        (masking.name, "欧阳娜娜", "欧***"),
        (masking.text, "北京市朝阳区建国路88号", "北京***"),
    ],
)
def test_the_masking_conventions_of_docs_privacy(mask, value, shown):
    assert mask(value) == shown
