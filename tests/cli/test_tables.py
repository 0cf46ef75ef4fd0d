"""Terminal text: display width of CJK, wrapping, tables, unsafe characters."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from custinfo.cli.tables import clean, pad, table, width, wrap


def test_chinese_characters_take_two_columns_and_combining_marks_none():
    assert width("联系方式") == 8
    assert width("ａｂ") == 4  # full-width Latin
    assert width("e\u0301") == 1
    assert width("phone") == 5


def test_a_table_of_mixed_scripts_lines_up_by_display_width():
    lines = table(
        ["键", "名称", "说明"], [["phone", "联系方式", "11位数字"], ["id_number", "证件", "x"]]
    )

    def column_of(line: str, cell: str) -> int:
        return width(line[: line.index(cell)])

    assert (
        column_of(lines[0], "名称")
        == column_of(lines[2], "联系方式")
        == column_of(lines[3], "证件")
    )
    assert (
        column_of(lines[0], "说明") == column_of(lines[2], "11位数字") == column_of(lines[3], "x")
    )


def test_the_last_column_wraps_to_the_width_given():
    long = "按《国民经济行业分类》(GB/T 4754-2017)填写,如“软件和信息技术服务业”" * 2
    lines = table(["key", "help"], [["industry", long]], max_width=40)
    assert all(width(line) <= 40 for line in lines)
    assert "".join(line[len("industry  ") :].strip() for line in lines[2:]).replace(
        " ", ""
    ) == long.replace(" ", "")


@given(st.text(alphabet=st.sampled_from("ab 客户信息,。X"), max_size=80), st.integers(2, 30))
def test_wrapped_lines_fit_and_keep_every_character(text, columns):
    lines = wrap(text, columns)
    assert all(width(line) <= columns for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_latin_words_are_not_split_when_they_fit():
    assert wrap("hello world again", 11) == ["hello world", "again"]


def test_pad_fills_to_display_columns():
    assert pad("客户", 6) == "客户  "
    assert pad("toolong", 3) == "toolong"


def test_control_and_bidi_characters_are_replaced():
    assert clean("ok\x1b[0m\u202egnp.exe\x00") == "ok\ufffd[0m\ufffdgnp.exe\ufffd"
    assert clean("普通文本 text") == "普通文本 text"
