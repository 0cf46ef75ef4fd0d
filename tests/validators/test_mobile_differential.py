"""The fast paths of mobile.check and phone.check give the full path's Check, exactly.

``mobile.check`` and ``phone.check`` answer a plain 11-digit number in a whole
three-digit range without normalizing it; ``mobile._check`` and ``phone._check``
are the full paths. Every input here, valid or not, must get an equal Check
(value, problems with their severities and params, info) from both.
"""

from __future__ import annotations

import json
import random
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from custinfo.testing import mutations
from custinfo.validators import landline, mobile, phone

VECTORS = Path(__file__).parent.parent / "vectors"
MOBILE = json.loads((VECTORS / "cn_mobile.json").read_text("utf-8"))
LANDLINE = json.loads((VECTORS / "cn_landline.json").read_text("utf-8"))
FULL_WIDTH = str.maketrans({c: c + 0xFEE0 for c in range(0x21, 0x7F)})


def assert_same(value: object) -> None:
    assert mobile.check(value) == mobile._check(value), repr(value)
    assert phone.check(value) == phone._check(value), repr(value)


def spellings(number: str) -> list[str]:
    """The ways people write a number, each of which takes its own path."""
    grouped = f"{number[:3]} {number[3:7]} {number[7:]}"
    return [
        number,
        grouped,
        number.translate(FULL_WIDTH),
        "+86" + number,
        "+86 " + grouped,
        "0086" + number,
        "0086 " + grouped,
        "86" + number,
        "+86 (0)" + number,
        "0" + number,
        f"{number[:3]}-{number[3:7]}-{number[7:]}",
        f"{number[:3]}.{number[3:7]}.{number[7:]}",
        f" {number} ",
        number + "转123",
        number + " ext. 9",
        "+852" + number,
        number[:-1],
        number + "0",
        "\u200b" + number,
        number.replace("1", "١", 1),  # an Arabic-Indic digit: refused by the full path
    ]


def test_every_range_of_the_table_gives_the_same_check_in_every_spelling():
    rng = random.Random(9)
    ranges = mobile._ranges().by_prefix
    assert len(ranges) > 50
    for prefix in ranges:
        rest = 11 - len(prefix)
        for tail in ("0" * rest, "9" * rest, str(rng.randrange(10**rest)).zfill(rest)):
            for written in spellings(prefix + tail):
                assert_same(written)


def test_every_four_digit_start_of_a_mobile_number_gives_the_same_check():
    rng = random.Random(10)
    for start in range(1000, 2000):
        number = f"{start}{rng.randrange(10**7):07d}"
        assert_same(number)
        assert_same(int(number))


def test_the_vectors_give_the_same_check():
    written = [v["number"] for v in MOBILE["valid"]]
    written += [v["written"] for v in MOBILE["spellings"] + MOBILE["invalid"]]
    written += [v["written"] for kind in ("valid", "spellings", "invalid") for v in LANDLINE[kind]]
    assert len(written) > 60
    for value in written:
        assert_same(value)


def test_mutated_and_noisy_numbers_give_the_same_check():
    rng = random.Random(11)
    changes = {**mutations.ERRORS, **mutations.NOISE}
    for _ in range(3000):
        number = mobile.generate(rng) if rng.random() < 0.8 else landline.generate(rng)
        changed = rng.choice(list(changes.values()))(number, rng)
        assert_same(number)
        if changed is not None:
            assert_same(changed)


def test_values_that_are_not_plain_strings_take_the_full_path_alike():
    class Text(str):
        pass

    for value in (
        Text("13800138000"),
        13800138000,
        Decimal("13800138000"),
        13800138000.0,
        b"13800138000",
        None,
        True,
        "",
        "1" * 4096,
        "１３８００１３８０００",
    ):
        assert_same(value)


@settings(max_examples=400, deadline=None)
@given(st.from_regex(r"1[0-9]{10}", fullmatch=True))
def test_any_eleven_digits_starting_with_1_give_the_same_check(value):
    assert_same(value)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789１３８+- ()转x#.٣", max_size=20))
def test_any_number_like_text_gives_the_same_check(value):
    assert_same(value)


@pytest.mark.parametrize("number", ["13800138000", "17400012345", "13490012345", "19212345678"])
def test_numbers_of_narrow_ranges_also_carry_their_range(number):
    result = mobile.check(number)
    assert result == mobile._check(number)
    assert result.ok == (mobile._range_of(number) is not None)
