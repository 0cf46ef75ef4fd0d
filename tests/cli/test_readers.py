"""The readers, in process: encodings, broken rows, xlsx cells, streaming."""

from __future__ import annotations

import codecs
import csv
import datetime
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from custinfo.cli.readers import InputError, detect_encoding, open_input
from custinfo.cli.xlsx import cell


def rows_of(data: bytes, name: str = "x.csv", **options):
    with open_input(name, stream=io.BytesIO(data), **options) as source:
        return list(source.rows), source


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("客户名称,电话".encode(), "utf-8"),
        (codecs.BOM_UTF8 + "客户".encode(), "utf-8-sig"),
        ("客户名称,电话".encode("gb18030"), "gb18030"),
        ("客户名称,电话".encode("gbk"), "gb18030"),
        ("客户名称".encode("utf-16"), "utf-16"),
        (b"name,phone", "utf-8"),
    ],
)
def test_the_encoding_is_detected_from_the_first_bytes(data, expected):
    assert detect_encoding(data) == expected


def test_a_utf8_character_cut_at_the_end_of_the_prefix_is_still_utf8():
    data = "客户名称".encode()
    assert detect_encoding(data[:-1]) == "utf-8"


def test_rows_start_at_the_line_of_their_first_cell_even_across_quoted_line_breaks():
    data = b'a,b\n1,"two\nlines"\n3,4\n'
    rows, _ = rows_of(data)
    assert [(r.line, r.record) for r in rows] == [
        (2, {"a": "1", "b": "two\nlines"}),
        (4, {"a": "3", "b": "4"}),
    ]


def test_a_field_over_the_csv_limit_is_one_broken_row_and_reading_goes_on():
    data = b"a,b\n1," + b"x" * 200_000 + b"\n3,4\n"
    rows, _ = rows_of(data)
    assert [(r.line, r.broken) for r in rows] == [(2, True), (3, False)]
    assert rows[0].findings[0].code == "input.csv"


def test_tab_and_semicolon_separated_files_are_recognized():
    assert rows_of(b"a\tb\n1\t2\n")[0][0].record == {"a": "1", "b": "2"}
    assert rows_of(b"a;b\n1;2\n")[0][0].record == {"a": "1", "b": "2"}
    assert rows_of(b"a,b;c\n1,2;3\n")[0][0].record == {"a": "1", "b;c": "2;3"}


def test_a_duplicate_column_is_noted_and_only_the_first_is_read():
    rows, source = rows_of(b"phone,phone\n1,2\n")
    assert rows[0].record == {"phone": "1"}
    assert "more than once" in source.notes[0]


def test_a_column_without_a_header_is_read_only_where_it_has_a_value():
    rows, _ = rows_of(b"a,\n1,\n2,x\n")
    assert [r.record for r in rows] == [{"a": "1"}, {"a": "2", "column 2": "x"}]


def test_blank_lines_are_skipped_but_counted():
    rows, _ = rows_of(b"a\n\n1\n\n\n2\n")
    assert [r.line for r in rows] == [3, 6]


def test_an_ascii_start_switches_to_gb18030_when_a_later_line_needs_it():
    data = b"a,b\n" + b"1,2\n" * 10 + "3,客户\n".encode("gb18030")
    rows, _ = rows_of(data)
    assert rows[-1].record == {"a": "3", "b": "客户"}
    assert not any(r.broken for r in rows)


def test_a_given_encoding_is_not_switched():
    data = b"a,b\n1,2\n" + "3,客户\n".encode("gb18030")
    rows, _ = rows_of(data, encoding="utf-8")
    assert rows[-1].broken
    assert rows[-1].findings[0].params["encoding"] == "utf-8"


def test_an_unknown_encoding_is_an_input_error():
    with pytest.raises(InputError, match="klingon"):
        rows_of(b"a\n1\n", encoding="klingon")


def test_json_lines_keep_values_and_report_bad_lines():
    data = b'{"a": 1}\n\nnot json\n{"b": [1]}\n'
    rows, _ = rows_of(data, name="x.jsonl")
    assert [(r.line, r.record, r.broken) for r in rows] == [
        (1, {"a": 1}, False),
        (3, None, True),
        (4, {"b": [1]}, False),
    ]


def test_the_format_is_sniffed_when_the_name_says_nothing():
    assert rows_of(b'{"a": 1}\n', name="-")[1].format == "jsonl"
    assert rows_of(b"a\n1\n", name="-")[1].format == "csv"


def test_the_old_xls_format_is_refused_with_advice():
    with pytest.raises(InputError, match=r"\.xlsx or CSV"):
        rows_of(b"\xd0\xcf\x11\xe0", name="old.xls")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, (None, False)),
        ("文本", ("文本", False)),
        (13800138000, ("13800138000", False)),
        (13800138000.0, ("13800138000", False)),
        (1.10101194912310e17, ("110101194912310000", True)),
        (0.5, ("0.5", False)),
        (True, ("TRUE", False)),
        (datetime.datetime(2024, 1, 5), ("2024-01-05", False)),
        (datetime.datetime(2024, 1, 5, 9, 30), ("2024-01-05 09:30:00", False)),
        (datetime.date(2024, 1, 5), ("2024-01-05", False)),
    ],
)
def test_xlsx_cells_become_the_text_a_csv_export_would_hold(value, expected):
    assert cell(value) == expected


def test_a_large_file_is_read_one_row_at_a_time():
    # A generator of bytes that fails if read far ahead: the reader must not slurp.
    class Lines(io.RawIOBase):
        def __init__(self) -> None:
            self.served = 0
            self.pending = b"a,b\n"

        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:
            if not self.pending:
                self.served += 1
                self.pending = b"1,2\n"
            n = min(len(buffer), len(self.pending))
            buffer[:n] = self.pending[:n]
            self.pending = self.pending[n:]
            return n

    raw = Lines()
    with open_input("x.csv", stream=io.BufferedReader(raw, buffer_size=8192)) as source:
        rows = source.rows
        for _ in range(100_000):
            next(rows)
        # Only the prefix and the buffer are read ahead of the row being checked.
        assert raw.served * 4 < 100_000 * 4 + 64 * 1024 + 2 * 8192


@settings(deadline=None)  # the first b"PK\x03\x04" imports openpyxl
@given(st.binary(max_size=600), st.sampled_from(["x.csv", "x.jsonl", "x.tsv", "-"]))
def test_any_bytes_give_rows_or_broken_rows_never_an_exception(data, name):
    try:
        rows, _ = rows_of(data, name=name)
    except InputError:
        return  # a JSON array, or UTF-16 that does not decode: refused with a reason
    for row in rows:
        assert row.broken == (row.record is None)
        assert row.line >= 1


cells = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12
)


@given(
    st.lists(st.lists(cells, min_size=3, max_size=3), min_size=1, max_size=8),
    st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]),
)
def test_what_a_csv_writer_wrote_is_read_back_cell_for_cell(rows, encoding):
    header = ["a", "b", "c"]
    # gb18030 cannot encode every code point; keep what it can.
    rows = [[c.encode(encoding, "ignore").decode(encoding) for c in row] for row in rows]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([header, *rows])
    read, _ = rows_of(buffer.getvalue().encode(encoding), encoding=encoding)
    expected = [dict(zip(header, r, strict=True)) for r in rows if any(c.strip() for c in r)]
    assert [r.record for r in read] == expected
