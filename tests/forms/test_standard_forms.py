"""The two standard forms of the seeds and the form registry."""

from __future__ import annotations

import datetime

import pytest

from custinfo import DefinitionError, Form, forms

TODAY = datetime.date(2026, 11, 25)

COLLECTION_KEYS = (
    "customer_type",
    "customer_name",
    "id_number",
    "industry",
    "scale",
    "phone",
    "email",
    "address",
    "contact_person",
    "contact_title",
    "demand_type",
    "intent_level",
    "budget_range",
    "timeline",
    "collector",
    "confirmed_at",
)
COLLECTION_REQUIRED = (
    "customer_type",
    "customer_name",
    "id_number",
    "industry",
    "phone",
    "demand_type",
    "collector",
    "confirmed_at",
)
ENTERPRISE_KEYS = (
    "customer_name",
    "short_name",
    "uscc",
    "registered_address",
    "established_on",
    "industry",
    "customer_level",
    "project",
    "contract_no",
    "contract_amount",
    "cooperation_start",
    "contact_name",
    "contact_title",
    "phone",
    "email",
    "last_follow_up_on",
    "follow_up_notes",
    "archive_no",
    "form_version",
)
ENTERPRISE_REQUIRED = (
    "customer_name",
    "uscc",
    "registered_address",
    "established_on",
    "industry",
    "customer_level",
    "project",
    "contract_no",
    "contact_name",
    "phone",
    "form_version",
)


def test_standard_forms_are_importable_form_objects() -> None:
    assert isinstance(forms.collection, Form) and isinstance(forms.enterprise, Form)
    assert {"collection", "enterprise"} <= set(forms.available())
    assert forms.get("collection") is forms.collection
    assert forms.get("enterprise") is forms.enterprise


def test_collection_has_the_keys_and_required_fields_of_the_seed() -> None:
    assert forms.collection.keys == COLLECTION_KEYS
    assert forms.collection.required == COLLECTION_REQUIRED


def test_enterprise_has_the_keys_and_required_fields_of_the_seed() -> None:
    assert forms.enterprise.keys == ENTERPRISE_KEYS
    assert forms.enterprise.required == ENTERPRISE_REQUIRED


@pytest.mark.parametrize("form", [forms.collection, forms.enterprise], ids=lambda f: f.name)
def test_every_chinese_label_resolves_to_its_field(form: Form) -> None:
    for f in form.fields:
        assert form.field(f.label).key == f.key
        assert f.label_en and f.help and f.group


def test_the_seed_labels_as_written_are_accepted() -> None:
    # The seed writes 证件号码号 and marks required fields with *.
    assert forms.collection.field("统一社会信用代码/证件号码号").key == "id_number"
    assert forms.enterprise.field("客户名称*").key == "customer_name"


def test_enterprise_carries_the_seed_crm_mapping() -> None:
    row = forms.enterprise.to_crm({"customer_name": "某某科技有限公司"})
    assert row == {"客户全称": "某某科技有限公司"}
    assert forms.enterprise.from_crm(row) == {"customer_name": "某某科技有限公司"}


def test_enterprise_versions_are_registered_oldest_first() -> None:
    assert forms.versions("enterprise") == ("V2.0", "V2.1")
    assert forms.get("enterprise", "2.0").version == "V2.0"
    assert "short_name" not in forms.get("enterprise", "V2.0").keys


def test_an_old_template_version_is_reported_with_the_fields_it_lacks() -> None:
    report = forms.enterprise.validate({"form_version": "v2.0"}, today=TODAY)
    (finding,) = [f for f in report.findings if f.field == "form_version"]
    assert finding.code == "rule.form_version"
    assert list(finding.params["missing"]) == ["客户简称", "档案编号"]
    assert "客户简称" in finding.message("zh")


def test_the_latest_version_written_loosely_is_accepted() -> None:
    report = forms.enterprise.validate({"表单版本号": "Ｖ２．１"}, today=TODAY)
    assert not report.by_field("form_version")
    assert report.cleaned["form_version"] == "V2.1"


def test_unknown_forms_and_versions_are_definition_errors() -> None:
    with pytest.raises(DefinitionError):
        forms.get("nope")
    with pytest.raises(DefinitionError):
        forms.get("enterprise", "V9.9")


def test_a_user_form_can_be_registered_and_found(monkeypatch: pytest.MonkeyPatch) -> None:
    # keep the process-wide registry as it was for the other tests
    monkeypatch.setattr(forms, "_REGISTRY", {k: dict(v) for k, v in forms._REGISTRY.items()})
    custom = forms.collection.evolve(name="collection_plus", version="1.1")
    forms.register(custom)
    assert forms.get("collection_plus") is custom
