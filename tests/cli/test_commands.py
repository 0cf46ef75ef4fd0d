"""``custinfo forms``, ``schema`` and ``inspect`` (subprocesses), and rich tables (in process)."""

from __future__ import annotations

import io
import json

import pytest
from cli_helpers import run

from custinfo import forms, validators
from custinfo.cli import commands
from custinfo.cli.tables import width


def test_forms_lists_every_form_with_its_versions():
    result = run("forms", "--locale", "en")
    assert result.code == 0
    assert "collection" in result.out
    assert "V2.1 (V2.0)" in result.out
    assert "Standard customer information collection form" in result.out


def test_forms_name_shows_fields_and_rules_aligned():
    result = run("forms", "enterprise")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0] == "enterprise V2.1: 客户信息管理标准化表单"
    header = next(line for line in lines if line.startswith("分组"))
    rows = [line for line in lines if line.startswith("基本信息")]
    assert len(rows) >= 6
    # The key column starts at the same display column in the header and every row.
    key_column = width(header[: header.index("键")])
    assert all(width(r[: r.index(" ", len("基本信息")) + 2]) == key_column for r in rows)
    assert "rule.form_version" in result.out
    assert "可选:战略客户、重点客户、普通客户、潜在客户" in result.out


def test_forms_name_as_json_is_the_declaration():
    result = run("forms", "collection", "--format", "json")
    assert json.loads(result.out) == json.loads(json.dumps(forms.get("collection").to_dict()))


def test_an_old_form_version_can_be_shown():
    result = run("forms", "enterprise", "--version", "V2.0", "--format", "json")
    keys = [f["key"] for f in json.loads(result.out)["fields"]]
    assert "archive_no" not in keys and "uscc" in keys


def test_an_unknown_form_exits_2():
    result = run("forms", "nosuch")
    assert result.code == 2
    assert "collection" in result.err  # the message lists what exists


def test_schema_prints_the_json_schema_of_a_form():
    result = run("schema", "collection", "--locale", "en")
    schema = json.loads(result.out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["phone"]["title"] == "Phone"
    assert "collector" in schema["required"]


def test_rich_tables_are_used_when_asked(monkeypatch):
    pytest.importorskip("rich")
    monkeypatch.setenv("COLUMNS", "200")
    out = io.StringIO()
    commands.show_form(out, forms.get("collection"), locale="zh", rich=True)
    text = out.getvalue()
    assert "联系方式" in text and "┃" in text


def test_inspect_explains_a_date_with_the_value_masked_and_details_hidden():
    result = run("inspect", "2024-01-05", "--locale", "en")
    assert result.code == 0
    assert "Date (dates): valid" in result.out
    assert "value: 2024-**-**" in result.out
    assert "01-05" not in result.out
    assert "--reveal" in result.out


def test_inspect_explains_a_loosely_written_date():
    result = run("inspect", "2024年1月5日", "--locale", "en")
    assert result.code == 0
    assert "[dates.lenient]" in result.out


def test_inspect_reveal_shows_the_value_and_its_facts():
    result = run("inspect", "2024年1月5日", "--reveal", "--format", "json")
    data = json.loads(result.out)
    assert data["valid"] is True
    date = data["kinds"][0]
    assert (date["kind"], date["value"]) == ("dates", "2024-01-05")
    assert date["info"] == {"date": "2024-01-05", "weekday": "5"}


def test_inspect_explains_why_an_invalid_value_is_invalid_and_exits_1():
    result = run("inspect", "2024-02-30", "--locale", "en")
    assert result.code == 1
    assert "Date (dates): invalid" in result.out
    assert "[dates.invalid]" in result.out


def test_inspect_says_when_nothing_recognizes_a_value():
    result = run("inspect", "%%%", "--locale", "en")
    assert result.code == 1
    assert "Not recognized" in result.out


def test_inspect_with_a_kind_checks_only_that_kind():
    result = run("inspect", "1~5万", "--kind", "choices", "--format", "json")
    data = json.loads(result.out)
    assert [k["kind"] for k in data["kinds"]] == ["choices"]


def test_inspect_with_an_unknown_kind_exits_2():
    result = run("inspect", "x", "--kind", "nosuch")
    assert result.code == 2
    assert "nosuch" in result.err


@pytest.mark.skipif("ric" not in validators.available(), reason="the ric validator has not landed")
def test_inspect_recognizes_the_resident_id_of_the_standard_and_masks_it():
    result = run("inspect", "11010519491231002X", "--locale", "en")
    assert result.code == 0
    assert "Resident ID number (ric): valid" in result.out
    assert "110105********002X" in result.out
    assert "19491231" not in result.out
    assert "--reveal" in result.out  # birth date and gender are hidden


@pytest.mark.skipif("ric" not in validators.available(), reason="the ric validator has not landed")
def test_inspect_explains_a_mistyped_resident_id_as_a_resident_id_first():
    data = json.loads(run("inspect", "110105194912310021", "--format", "json").out)
    assert data["valid"] is False
    assert [k["kind"] for k in data["kinds"]] == ["ric", "uscc"]
    assert [p["code"] for p in data["kinds"][0]["problems"]] == ["ric.checksum"]


@pytest.mark.skipif(
    "uscc" not in validators.available(), reason="the uscc validator has not landed"
)
def test_inspect_explains_a_uscc_with_a_dropped_character():
    result = run("inspect", "91350100M000100Y4", "--locale", "en")
    assert result.code == 1
    assert "(uscc): invalid" in result.out
    assert "[uscc.length]" in result.out


@pytest.mark.skipif("mobile" not in validators.available(), reason="mobile has not landed")
def test_inspect_recognizes_a_mobile_number_written_with_a_prefix():
    result = run("inspect", "+86 138 0013 8000", "--format", "json")
    kinds = [k["kind"] for k in json.loads(result.out)["kinds"]]
    assert "mobile" in kinds


@pytest.mark.skipif("mobile" not in validators.available(), reason="mobile has not landed")
def test_a_phone_number_missing_a_digit_is_explained_as_a_mobile_number_not_an_amount():
    result = run("inspect", "1380013800", "--locale", "en")
    assert result.code == 1
    assert "Mobile number (mobile): invalid" in result.out
    assert "1380013800" not in result.out


@pytest.mark.skipif("industry" not in validators.available(), reason="industry has not landed")
def test_an_industry_code_is_explained_in_full():
    data = json.loads(run("inspect", "I65", "--format", "json").out)
    industry = data["kinds"][0]
    assert industry["value"] == "软件和信息技术服务业"
    assert industry["info"]["section"] == "I"
