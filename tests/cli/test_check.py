"""``custinfo check`` run as a subprocess on temporary files: formats, exit codes, inputs."""

from __future__ import annotations

import codecs
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from cli_helpers import ENTERPRISE, HEADER, PERSON, SRC, TODAY, csv_bytes, run, writer

CHECK = ("check", "--form", "collection", "--today", TODAY)


@pytest.fixture
def write(tmp_path):
    """Write a temporary file: ``write(name, content) -> path``."""
    return writer(tmp_path)


def blank(row: list[str], column: str) -> list[str]:
    changed = list(row)
    changed[HEADER.index(column)] = ""
    return changed


def with_value(row: list[str], column: str, value: str) -> list[str]:
    changed = list(row)
    changed[HEADER.index(column)] = value
    return changed


# -- exit codes -------------------------------------------------------------------------


def test_a_file_of_valid_records_exits_0(write):
    path = write("ok.csv", csv_bytes([HEADER, ENTERPRISE, PERSON]))
    result = run(*CHECK, str(path), "--locale", "en")
    assert result.code == 0, result.err
    assert "Records: 2; without errors: 2; accuracy: 100.0%" in result.out
    assert result.err == ""


def test_a_missing_required_value_exits_1_and_names_the_line(write):
    path = write("bad.csv", csv_bytes([HEADER, ENTERPRISE, blank(PERSON, "联系方式")]))
    result = run(*CHECK, str(path), "--locale", "en")
    assert result.code == 1
    assert f"{path}:3: error: phone: Required field is missing [required]" in result.out
    assert "accuracy: 50.0%" in result.out


def test_warnings_pass_by_default_and_fail_with_fail_on_warning(write):
    loose = with_value(PERSON, "客户确认时间", "2025/5/20")
    path = write("loose.csv", csv_bytes([HEADER, loose]))
    assert run(*CHECK, str(path)).code == 0
    strict = run(*CHECK, str(path), "--fail-on", "warning")
    assert strict.code == 1
    assert "[dates.lenient]" in strict.out


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (("check", "x.csv"), "--form"),
        (("check", "x.csv", "--form", "nosuchform"), "nosuchform"),
        (("check", "x.csv", "--form", "enterprise", "--version", "V9.9"), "V9.9"),
        (("check", "x.csv", "--form", "collection", "--today", "2025-02-30"), "2025-02-30"),
        (("check", "x.csv", "--form", "collection", "--today", "30/06/2025"), "YYYY-MM-DD"),
        (("check", "x.csv", "--form", "collection", "--format", "xml"), "xml"),
        (("check", "x.csv", "--form", "collection", "--max-findings", "-1"), "negative"),
        (("nosuchcommand",), "nosuchcommand"),
    ],
)
def test_bad_usage_exits_2_with_a_one_line_reason(write, args, reason):
    path = write("x.csv", csv_bytes([HEADER, ENTERPRISE]))
    result = run(*args, cwd=path.parent)
    assert result.code == 2
    assert result.out == ""
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert reason in lines[0]
    assert "Traceback" not in result.err


def test_a_missing_file_exits_2_before_any_output(write):
    good = write("good.csv", csv_bytes([HEADER, ENTERPRISE]))
    result = run(*CHECK, str(good), str(good.parent / "missing.csv"))
    assert result.code == 2
    assert result.out == ""
    assert (
        result.err.strip()
        == f"custinfo: error: cannot open {good.parent / 'missing.csv'}: no such file"
    )


def test_a_directory_exits_2(tmp_path):
    result = run(*CHECK, str(tmp_path))
    assert result.code == 2
    assert "directory" in result.err


def test_an_unknown_encoding_exits_2(write):
    path = write("x.csv", csv_bytes([HEADER, ENTERPRISE]))
    result = run(*CHECK, str(path), "--encoding", "klingon")
    assert result.code == 2
    assert "klingon" in result.err


def test_a_file_that_is_not_a_workbook_exits_2(write):
    path = write("fake.xlsx", b"this is not a zip file")
    result = run(*CHECK, str(path))
    assert result.code == 2
    assert result.err.count("\n") == 1
    assert "cannot read" in result.err and "Traceback" not in result.err


def test_a_json_array_is_refused_with_the_reason(write):
    path = write("records.json", json.dumps([{"客户类型": "企业"}]))
    result = run(*CHECK, str(path))
    assert result.code == 2
    assert "JSON Lines" in result.err


# -- input encodings and formats ------------------------------------------------------------


def test_stdin_is_read_when_the_file_is_a_dash():
    result = run(*CHECK, "-", "--locale", "en", stdin=csv_bytes([HEADER, ENTERPRISE, PERSON]))
    assert result.code == 0, result.err
    assert "Records: 2" in result.out


def test_json_lines_on_stdin_are_recognized_without_a_flag():
    lines = [
        json.dumps(dict(zip(HEADER, row, strict=True)), ensure_ascii=False)
        for row in (ENTERPRISE, PERSON)
    ]
    result = run(*CHECK, "-", "--locale", "en", stdin="\n".join(lines) + "\n")
    assert result.code == 0, result.err + result.out
    assert "Records: 2" in result.out


def test_a_gb18030_file_is_detected(write):
    path = write("gbk.csv", csv_bytes([HEADER, ENTERPRISE, blank(PERSON, "需求类型")], "gb18030"))
    result = run(*CHECK, str(path), "--locale", "en")
    assert result.code == 1
    assert f"{path}:3: error: demand_type: Required field is missing" in result.out
    assert "Records: 2; without errors: 1" in result.out


def test_a_gb18030_file_is_read_when_the_encoding_is_given(write):
    path = write("gbk.csv", csv_bytes([HEADER, ENTERPRISE], "gb18030"))
    assert run(*CHECK, str(path), "--encoding", "gb18030").code == 0


def test_gb18030_after_an_ascii_beginning_is_still_detected(write):
    # The first 64 KiB are ASCII (they read as UTF-8 too); the Chinese comes later.
    header = ["customer_type", "customer_name", "id_number", "industry", "phone", "demand_type",
              "collector", "confirmed_at", "note"]  # fmt: skip
    ascii_rows = [["x"] * 8 + ["n" * 200] for _ in range(400)]
    rows = [header, *ascii_rows, [*ENTERPRISE, "备注"]]
    path = write("late.csv", csv_bytes(rows, "gb18030"))
    result = run(*CHECK, str(path), "--format", "json")
    document = json.loads(result.out)
    assert document["summary"]["unreadable"] == 0
    last = [r for r in document["records"] if r["line"] == len(rows)]
    fields = {f["field"] for r in last for f in r["findings"]}
    assert not fields & {"customer_type", "customer_name", "demand_type"}


def test_utf8_with_a_bom_reads_the_first_header_correctly(write):
    path = write("bom.csv", codecs.BOM_UTF8 + csv_bytes([HEADER, ENTERPRISE]))
    result = run(*CHECK, str(path), "--locale", "en")
    assert result.code == 0, result.out
    assert "unknown_field" not in result.out


def test_utf16_tab_separated_text_from_excel_is_read(write):
    data = csv_bytes([HEADER, ENTERPRISE, blank(PERSON, "信息收集人员")], "utf-16", delimiter="\t")
    path = write("excel.txt", data)
    result = run(*CHECK, str(path), "--locale", "en")
    assert result.code == 1
    assert f"{path}:3: error: collector: Required field is missing" in result.out


def test_a_broken_row_is_reported_and_the_rest_still_checked(write):
    rows = [
        HEADER,
        ENTERPRISE,
        [*PERSON[:3], "a,b", *PERSON[3:]],
        PERSON,
        blank(ENTERPRISE, "联系方式"),
    ]
    text = csv_bytes(rows).decode().replace('"a,b"', "a,b")  # an unquoted comma
    path = write("broken.csv", text)
    result = run(*CHECK, str(path), "--locale", "en", "--format", "json")
    assert result.code == 1
    document = json.loads(result.out)
    by_line = {r["line"]: r for r in document["records"]}
    assert by_line[3]["unreadable"] is True
    assert by_line[3]["findings"][0]["code"] == "input.columns"
    assert by_line[3]["findings"][0]["params"] == {"found": 10, "expected": 8}
    assert by_line[5]["findings"][0]["code"] == "required"
    summary = document["summary"]
    assert (summary["records"], summary["clean"], summary["unreadable"]) == (4, 2, 1)


def test_undecodable_bytes_spoil_only_their_row(write):
    good = csv_bytes([HEADER, ENTERPRISE])
    bad = csv_bytes([PERSON]).replace("张伟".encode(), b"\xff\xfe\xfd")
    path = write("bytes.csv", good + bad + csv_bytes([PERSON]))
    result = run(*CHECK, str(path), "--encoding", "utf-8", "--locale", "en")
    assert result.code == 1
    assert f"{path}:3: error: <record>:" in result.out
    assert "[input.encoding]" in result.out
    assert "Records: 3; without errors: 2" in result.out


def test_an_invalid_json_line_is_reported_and_the_rest_still_checked(write):
    lines = [
        json.dumps(dict(zip(HEADER, ENTERPRISE, strict=True)), ensure_ascii=False),
        '{"客户类型": "个人", "客户姓名": ',
        json.dumps(dict(zip(HEADER, blank(PERSON, "联系方式"), strict=True)), ensure_ascii=False),
        "[1, 2]",
    ]
    path = write("records.jsonl", "\n".join(lines) + "\n")
    result = run(*CHECK, str(path), "--format", "jsonl")
    assert result.code == 1
    records = [json.loads(line) for line in result.out.splitlines()]
    codes = {
        r["line"]: [f["code"] for f in r["findings"]] for r in records if r["type"] == "record"
    }
    assert codes == {2: ["input.json"], 3: ["required"], 4: ["form.not_a_record"]}
    assert records[-1]["type"] == "summary"
    assert records[-1]["records"] == 4


@pytest.mark.parametrize("content", [b"", b"\n\n", codecs.BOM_UTF8, csv_bytes([HEADER])])
def test_an_empty_file_has_no_records_and_exits_0(write, content):
    path = write("empty.csv", content)
    result = run(*CHECK, str(path), "--locale", "en")
    assert result.code == 0
    assert "No records" in result.out
    assert result.err.strip() == f"custinfo: {path}: no records"


def test_an_empty_json_lines_file_in_json_format_is_a_valid_document(write):
    path = write("empty.jsonl", b"")
    result = run(*CHECK, str(path), "--format", "json")
    document = json.loads(result.out)
    assert document["records"] == []
    assert document["summary"]["records"] == 0
    assert document["summary"]["accuracy"] is None


def test_an_xlsx_workbook_is_read_and_lost_excel_digits_are_reported(write, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(ENTERPRISE)
    person = list(PERSON)
    person[HEADER.index("证件号码")] = 1.10101194912310e17  # what Excel keeps of an 18-digit number
    person[HEADER.index("联系方式")] = 13912345678  # a number cell: fine, 11 digits are exact
    sheet.append(person)
    sheet.append([None] * len(HEADER))  # an empty row is skipped
    sheet.append(blank(ENTERPRISE, "所属行业"))
    path = tmp_path / "customers.xlsx"
    book.save(path)
    result = run(*CHECK, str(path), "--locale", "en", "--format", "json")
    assert result.code == 1, result.err
    document = json.loads(result.out)
    by_line = {r["line"]: [f["code"] for f in r["findings"]] for r in document["records"]}
    assert "input.excel_digits" in by_line[3]
    assert by_line[5] == ["required"]
    assert 2 not in by_line
    assert document["summary"]["records"] == 3


def test_a_named_sheet_is_read_and_a_missing_one_exits_2(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "说明"
    data = book.create_sheet("客户")
    data.append(HEADER)
    data.append(ENTERPRISE)
    path = tmp_path / "two-sheets.xlsx"
    book.save(path)
    assert run(*CHECK, str(path), "--sheet", "客户").code == 0
    missing = run(*CHECK, str(path), "--sheet", "其他")
    assert missing.code == 2
    assert "说明, 客户" in missing.err


# -- output formats -------------------------------------------------------------------------


def test_json_is_one_document_with_records_and_summary(write):
    path = write("x.csv", csv_bytes([HEADER, ENTERPRISE, blank(PERSON, "联系方式")]))
    result = run(*CHECK, str(path), "--format", "json")
    assert result.code == 1
    document = json.loads(result.out)
    assert document["form"] == "collection"
    assert document["today"] == TODAY
    assert [r["line"] for r in document["records"]] == [3]
    finding = document["records"][0]["findings"][0]
    assert finding["field"] == "phone"
    assert finding["message_zh"] == "必填字段缺失"
    assert document["summary"]["with_errors"] == 1
    assert document["summary"]["failed"] is True


def test_junit_has_one_test_case_per_record_and_failures_for_errors(write):
    rows = [
        HEADER,
        ENTERPRISE,
        blank(PERSON, "联系方式"),
        with_value(PERSON, "客户确认时间", "2025/5/1"),
    ]
    path = write("x.csv", csv_bytes(rows))
    result = run(*CHECK, str(path), "--format", "junit", "--locale", "en")
    assert result.code == 1
    root = ET.fromstring(result.out)
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("3", "1", "0")
    suite = root.find("testsuite")
    assert suite is not None and suite.get("name") == str(path)
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["line 2", "line 3", "line 4"]
    failure = cases[1].find("failure")
    assert failure is not None and failure.get("type") == "required"
    assert "phone" in (failure.text or "")
    assert cases[2].find("failure") is None
    assert "dates.lenient" in (cases[2].findtext("system-out") or "")
    assert "Records: 3; without errors: 2" in result.err


def test_junit_marks_an_unreadable_row_as_an_error(write):
    path = write("x.jsonl", '{"a": \n')
    result = run(*CHECK, str(path), "--format", "junit")
    root = ET.fromstring(result.out)
    assert root.get("errors") == "1"
    assert root.find("testsuite/testcase/error").get("type") == "input.json"


def test_jsonl_has_one_line_per_record_with_findings_then_a_summary(write):
    path = write(
        "x.csv",
        csv_bytes([HEADER, ENTERPRISE, blank(PERSON, "联系方式"), blank(PERSON, "客户姓名")]),
    )
    result = run(*CHECK, str(path), "--format", "jsonl")
    lines = [json.loads(line) for line in result.out.splitlines()]
    assert [(line["type"], line.get("line")) for line in lines] == [
        ("record", 3),
        ("record", 4),
        ("summary", None),
    ]
    assert lines[-1]["records"] == 3 and lines[-1]["clean"] == 1


def test_max_findings_caps_what_is_printed_but_not_the_counts(write):
    rows = [HEADER, *[blank(PERSON, "联系方式") for _ in range(10)]]
    path = write("x.csv", csv_bytes(rows))
    full = json.loads(run(*CHECK, str(path), "--format", "json").out)
    capped = json.loads(run(*CHECK, str(path), "--format", "json", "--max-findings", "3").out)
    assert len(capped["records"]) == 3
    for key in ("records", "clean", "findings", "codes"):
        assert capped["summary"][key] == full["summary"][key]
    assert capped["summary"]["omitted_findings"] == 7
    text = run(*CHECK, str(path), "--max-findings", "2", "--locale", "en")
    assert text.code == 1
    assert text.out.count("[required]") == 2
    assert "8 more findings not shown" in text.out


def test_id_column_names_the_row_and_is_not_taken_for_a_form_field(write):
    rows = [["客户编号", *HEADER], ["C-0001", *ENTERPRISE], ["C-0002", *blank(PERSON, "联系方式")]]
    path = write("x.csv", csv_bytes(rows))
    result = run(*CHECK, str(path), "--id-column", "客户编号", "--locale", "en")
    assert f"{path}:3 [C-0002]: error: phone" in result.out
    assert "unknown_field" not in result.out


def test_an_id_column_that_is_personal_data_is_masked(write):
    path = write("x.csv", csv_bytes([HEADER, blank(PERSON, "联系方式")]))
    result = run(*CHECK, str(path), "--id-column", "证件号码")
    assert "[110105********002X]" in result.out
    assert "11010519491231002X" not in result.out


def test_a_missing_id_column_exits_2(write):
    path = write("x.csv", csv_bytes([HEADER, ENTERPRISE]))
    result = run(*CHECK, str(path), "--id-column", "客户编号")
    assert result.code == 2
    assert "客户编号" in result.err


def test_a_crm_mapping_file_renames_columns(write):
    crm = ["Type", "Name", "IdNo", "Industry", "Mobile", "Demand", "Collector", "Confirmed"]
    mapping = dict(zip(["customer_type", "customer_name", "id_number", "industry", "phone",
                        "demand_type", "collector", "confirmed_at"], crm, strict=True))  # fmt: skip
    map_path = write("mapping.json", json.dumps(mapping))
    path = write("crm.csv", csv_bytes([crm, ENTERPRISE, blank(PERSON, "联系方式")]))
    result = run(*CHECK, str(path), "--mapping", str(map_path), "--locale", "en")
    assert result.code == 1
    assert "unknown_field" not in result.out
    assert f"{path}:3: error: phone: Required field is missing" in result.out


@pytest.mark.parametrize(
    ("content", "reason"),
    [("{not json", "not valid JSON"), ('["phone"]', "JSON object"), ('{"nope": "X"}', "nope")],
)
def test_a_bad_mapping_file_exits_2(write, content, reason):
    map_path = write("mapping.json", content)
    path = write("x.csv", csv_bytes([HEADER, ENTERPRISE]))
    result = run(*CHECK, str(path), "--mapping", str(map_path))
    assert result.code == 2
    assert reason in result.err


def test_several_files_are_summed_and_each_finding_names_its_file(write):
    a = write("a.csv", csv_bytes([HEADER, blank(ENTERPRISE, "联系方式")]))
    b = write("b.csv", csv_bytes([HEADER, PERSON, blank(PERSON, "需求类型")]))
    result = run(*CHECK, str(a), str(b), "--locale", "en")
    assert f"{a}:2: error: phone" in result.out
    assert f"{b}:3: error: demand_type" in result.out
    assert "Records: 3; without errors: 1" in result.out


def test_output_goes_to_a_file_when_asked(write, tmp_path):
    path = write("x.csv", csv_bytes([HEADER, blank(PERSON, "联系方式")]))
    target = tmp_path / "report.xml"
    result = run(*CHECK, str(path), "--format", "junit", "-o", str(target))
    assert result.code == 1
    assert result.out == ""
    assert ET.parse(target).getroot().get("failures") == "1"


# -- safety ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "junit"])
def test_personal_values_never_appear_unmasked(write, fmt):
    phone, name, ident = "1391234567", "欧阳娜娜", "11010519491231002Y"
    row = with_value(
        with_value(with_value(PERSON, "联系方式", phone), "客户姓名", name), "证件号码", ident
    )
    path = write("x.csv", csv_bytes([HEADER, row]))
    result = run(*CHECK, str(path), "--format", fmt, "--id-column", "客户姓名")
    output = result.out + result.err
    for secret in (phone, name, ident, name[1:]):
        assert secret not in output


def test_terminal_control_characters_from_a_file_are_not_printed(write):
    evil = "\x1b[2J\x1b]0;pwned\x07"
    path = write("x.csv", csv_bytes([[*HEADER, f"备注{evil}"], [*ENTERPRISE, "x"]]))
    result = run(*CHECK, str(path))
    assert "unknown_field" in result.out
    assert "\x1b" not in result.out and "\x07" not in result.out


# -- entry points ---------------------------------------------------------------------------


def test_the_console_script_runs_main(write):
    script = Path(sys.executable).with_name("custinfo")
    if not script.exists():
        pytest.skip("the custinfo console script is not installed in this environment")
    import os
    import subprocess

    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run([str(script), "--version"], capture_output=True, env=env, check=False)
    assert done.returncode == 0
    assert done.stdout.decode().startswith("custinfo ")


def test_help_lists_the_commands():
    result = run("--help")
    assert result.code == 0
    for command in ("check", "demo", "forms", "inspect", "schema"):
        assert command in result.out
