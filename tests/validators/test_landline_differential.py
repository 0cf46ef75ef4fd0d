"""landline's range table and fast path give phonenumbers' verdicts, exactly.

``landline.check`` reads most numbers through a fast path and the range table
``custinfo/data/landline_ranges.csv``; ``landline._reference_check`` is the full
path with every verdict asked of phonenumbers (``_pn_parse``), as landline
worked before the table. Every input here, valid or not, must get an equal
Check (value, problems with their severities and params, info) from both, and
``_parse`` (table first) must read every digit string as ``_pn_parse`` does.
"""

from __future__ import annotations

import csv
import datetime
import importlib.util
import itertools
import json
import random
import re
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from custinfo.data import data_sources, read_table
from custinfo.testing import mutations
from custinfo.validators import landline

ROOT = Path(__file__).parents[2]
VECTORS = json.loads((ROOT / "tests" / "vectors" / "cn_landline.json").read_text("utf-8"))
FULL_WIDTH = str.maketrans({c: c + 0xFEE0 for c in range(0x21, 0x7F)})
KINDS = ("fixed_line", "shared_cost", "toll_free")
ROWS = read_table(landline.TABLE)


def assert_same(value: object) -> None:
    expected = landline._reference_check(value)
    assert landline.check(value) == expected, repr(value)
    number, found = landline._classify(value)  # what validate, info, format, mask read
    assert (number, found) == (expected.value, expected.info or expected.problems[0]), repr(value)


def area_codes() -> list[str]:
    """Every area code of the table's geographic rows, with its trunk 0."""
    found = {
        "0" + prefix[: landline._area_length(prefix)]
        for _, prefix, kind, *_ in ROWS
        if kind in ("fixed_line", "fixed_line_or_mobile")
    }
    return sorted(found)


def spellings(area: str, local: str) -> list[str]:
    """The ways people write a number: area code with its trunk 0, local number."""
    a, half = area[1:], len(local) // 2
    grouped = f"{local[:half]} {local[half:]}"
    return [
        area + local,
        f"{area}-{local}",
        f"{area} {grouped}",
        f"({area}){local}",
        f"({area}) {grouped}",
        f"（{area}）{local}",
        f"{area}-{local}".translate(FULL_WIDTH),
        f"+86 {a} {grouped}",
        f"+86-{a}-{local}",
        f"+86{area}{local}",
        f"+86 (0){a} {local}",
        f"0086 {a} {local}",
        f"86 {a} {local}",
        f"{a}{local}",
        f"{area}-{local}-{local[-2:]}",
        f"{area} {grouped} 转 123",
        f"{area}-{local}转8001",
        f"{area}-{local} 分机 66",
        f"{area}-{local} 分机号 66",
        f"{area}-{local} ext. 9",
        f"{area}-{local} EXT 9",
        f"{area}-{local}x12",
        f"{area}-{local}#12",
        f"{area}-{local},3",
        f"{area}－{local}",
        f" {area}-{local} ",
        f"{area}  {local}",
        f"{area}\u200b{local}",
        f"{area}\u3000{local}",
        f"[{area}]{local}",
        f"{area}-{local} 转 1234567",
        f"{area}-{local}-",
        f"{area}-{local[:-1]}",
        f"{area}{local}0",
    ]


# --- the range table -------------------------------------------------------------------


def _update_script() -> Any:
    path = ROOT / "update" / "landline_ranges.py"
    spec = importlib.util.spec_from_file_location("landline_ranges", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_table_is_what_the_update_script_derives_from_the_installed_phonenumbers():
    # A failure after upgrading phonenumbers means: rerun update/landline_ranges.py.
    script = _update_script()
    derived = script.render(list(script.rows(script.Plan())), datetime.date.today())
    body = [line for line in derived.splitlines() if not line.startswith("#")]
    assert [tuple(row) for row in csv.reader(body[1:])] == list(ROWS)


def test_the_range_table_is_dated_and_listed_in_data_sources():
    source = {s.name: s for s in data_sources()}["landline_ranges"]
    assert source.as_of.startswith("phonenumbers ")
    assert "phonenumbers" in source.source


def test_the_update_scripts_automata_decide_blocks_as_re_does():
    # The proof rests on Automaton.matches: hold it to re on every suffix of small blocks.
    script = _update_script()
    metadata = phonenumbers.PhoneMetadata.metadata_for_region("CN")
    patterns = [
        (d.national_number_pattern, False)
        for d in (metadata.general_desc, metadata.fixed_line, metadata.mobile, metadata.shared_cost)
    ]
    patterns += [(f.leading_digits_pattern[-1], True) for f in metadata.number_format[:6]]
    rng = random.Random(5)
    for pattern, prefix_mode in patterns:
        machine = script.Automaton(pattern, prefix=prefix_mode)
        compiled = re.compile(pattern)
        test = compiled.match if prefix_mode else compiled.fullmatch
        for _ in range(40):
            start = "".join(rng.choice("0123456789") for _ in range(rng.randrange(0, 9)))
            remaining = rng.randrange(0, 4)
            suffixes = ["".join(t) for t in itertools.product("0123456789", repeat=remaining)]
            hits = [test(start + s) is not None for s in suffixes]
            assert machine.matches(machine.after(start), remaining) == (any(hits), all(hits))


def test_every_row_and_its_neighbours_read_as_phonenumbers_reads_them():
    rng = random.Random(1)
    assert len(ROWS) > 1000
    for length, prefix, *_ in ROWS:
        rest = int(length) - len(prefix)
        for tail in ("0" * rest, "9" * rest, str(rng.randrange(10**rest)).zfill(rest)):
            number = prefix + tail
            neighbour = prefix[:-1] + rng.choice("0123456789") + tail
            for digits in (number, "0" + number, "+86" + number, "0" + neighbour, number[:-1]):
                assert landline._parse(digits) == landline._pn_parse(digits), digits


@settings(max_examples=500, deadline=None)
@given(
    st.sampled_from(
        # trunk and country prefixes, and the international and carrier-selection
        # prefixes phonenumbers strips for +86 (00, 1[12]xxx, 179xx)
        [
            *("", "0", "00", "+86", "+860", "0086", "00860", "86", "860", "+", "+852"),
            *("1", "11", "12", "17", "179", "17951", "12593", "+8612593", "+86179", "0086179"),
        ]
    ),
    st.from_regex(r"[0-9]{1,19}", fullmatch=True),
)
def test_any_digits_read_as_phonenumbers_reads_them(start, digits):
    value = start + digits
    assert landline._parse(value) == landline._pn_parse(value), value


# --- check: the fast path and the table against the reference --------------------------


def test_every_area_code_of_the_table_gives_the_same_check_in_every_spelling():
    rng = random.Random(2)
    codes = area_codes()
    assert len(codes) > 300
    for area in codes:
        for length in (6, 7, 8, 9):
            local = str(rng.randrange(2, 10)) + str(rng.randrange(10 ** (length - 1))).zfill(
                length - 1
            )
            for written in spellings(area, local)[:: 1 if length in (7, 8) else 5]:
                assert_same(written)


def test_the_vectors_give_the_same_check():
    written = [v["written"] for kind in ("valid", "spellings", "invalid") for v in VECTORS[kind]]
    assert len(written) > 40
    for value in written:
        assert_same(value)


def _written(rng: random.Random) -> list[str]:
    value = landline.generate(rng, kind=rng.choice(KINDS))
    area, _, local = value.partition("-")
    if area in ("400", "800"):  # 400-820-8820: spell it as people do
        return [value, value.replace("-", ""), value.replace("-", " "), "+86 " + value]
    return spellings(area, local.replace("-", ""))


def test_generated_and_mutated_numbers_give_the_same_check():
    rng = random.Random(3)
    changes: dict[str, Callable[[str, random.Random], str | None]] = {
        **mutations.ERRORS,
        **mutations.NOISE,
    }
    for _ in range(400):
        for written in _written(rng)[::3]:
            assert_same(written)
            changed = rng.choice(list(changes.values()))(written, rng)
            if changed is not None:
                assert_same(changed)


def test_a_last_group_of_any_length_after_any_separator_gives_the_same_check():
    # 010-12345678-123: read as an extension only when it has at most six digits,
    # follows a space or hyphen (not a bracket), and only the rest is valid.
    rng = random.Random(4)
    for _ in range(150):
        value = landline.generate(rng, kind=rng.choice(KINDS))
        area, _, local = value.partition("-")
        for width in range(1, 9):
            tail = str(rng.randrange(10**width)).zfill(width)
            for sep in ("-", " ", "  ", ") ", ")", "- "):
                assert_same(f"{value}{sep}{tail}")
            assert_same(f"({area} {local}) {tail}")
            assert_same(f"{area} ({local}) {tail}")


def test_values_that_are_not_plain_strings_take_the_full_path_alike():
    class Text(str):
        pass

    for value in (
        Text("010-66123456"),
        1066123456,
        75586123456,
        Decimal("4008208820"),
        1066123456.0,
        b"010-66123456",
        None,
        True,
        "",
        "0" * 81,
        "010-66123456" + " " * 70,
    ):
        assert_same(value)


@pytest.mark.parametrize(
    "value",
    [
        "010-12345678",
        "(0755)8888 8888",
        "0571 8765 4321 转 123",
        "400-800-8888",
        "800 810 3800",
        "+86 21 6234 5678",
        "０１０－１２３４５６７８",
        "(+86) 10 6612 3456",
        "0755 96123",
        "0755 96123 x 12",
        "(010 12345678) 5",
        "010 (12345678) 5",
        "010-12345678-1234567",
        "010-12345678 12",
        "010-1234567-8",
        "817951467 x 0",
        "0817-951467-0",
        "010 95555",
        "13800138000",
        "+86 138 0013 8000",
        "17951 010 12345678",
        "12593 0755 12345678",
        "+852 2123 4567",
        "00852 2123 4567",
        "10-66123456",
        "0000 1234567",
        "+86 0 10 66123456",
        "010-1234567",
        "026-66123456",
        "12345678",
        "1234",
        "0",
        "+",
        "+86",
        "0086",
    ],
)
def test_numbers_that_take_each_branch_give_the_same_check(value):
    assert_same(value)


@settings(max_examples=500, deadline=None)
@given(
    st.sampled_from(["", "0", "+86 ", "0086 ", "(0", "+86 (0)", "86", "("]),
    st.from_regex(r"[0-9]{2,4}", fullmatch=True),
    st.sampled_from(["", " ", "-", ")", ") ", "　", "－"]),
    st.from_regex(r"[0-9 \-]{4,11}", fullmatch=True),
    st.sampled_from(["", " 转 ", "转", " 分机 ", "ext.", " x ", "#", "-", ",", "X"]),
    st.from_regex(r"[0-9]{0,7}", fullmatch=True),
)
def test_numbers_built_of_the_usual_parts_give_the_same_check(start, area, sep, local, mark, ext):
    assert_same(f"{start}{area}{sep}{local}{mark}{ext}")


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        alphabet="0123456789+-() 转分机xext.#,（）０１２３４５６７８９\u3000\u200b", max_size=30
    )
)
def test_any_number_like_text_gives_the_same_check(value):
    assert_same(value)
