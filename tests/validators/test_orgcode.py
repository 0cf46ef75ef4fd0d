"""GB 11714-1997 organization codes."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from custinfo.validators import orgcode

VECTORS = json.loads((Path(__file__).parents[1] / "vectors" / "gb11714.json").read_text("utf-8"))


@pytest.mark.parametrize("vector", VECTORS["valid"], ids=lambda v: v["value"])
def test_organization_codes_of_real_uscc_are_valid(vector: dict[str, str]) -> None:
    assert orgcode.is_valid(vector["value"])
    assert orgcode.format(vector["value"]) == vector["value"]


@pytest.mark.parametrize("vector", VECTORS["invalid"], ids=lambda v: v["value"])
def test_invalid_codes_name_the_broken_rule(vector: dict[str, str]) -> None:
    problems = orgcode.check(vector["value"]).problems
    assert [p.code for p in problems] == [vector["code"]]
    with pytest.raises(orgcode.InvalidOrgcode) as raised:
        orgcode.validate(vector["value"])
    assert raised.value.code == vector["code"]


def test_hyphenated_full_width_and_lower_case_forms_are_compacted() -> None:
    assert orgcode.validate("６０００３７３４－１") == "600037341"
    assert orgcode.validate(" l0151012-8 ") == "L01510128"


def test_check_character_x_stands_for_ten() -> None:
    assert orgcode.check_char("60003734") == "1"
    body = next(b for b in (f"{n:08d}" for n in range(1000)) if orgcode.check_char(b) == "X")
    assert orgcode.is_valid(body + "X")
    assert orgcode.check(body + "0").problems[0].params["expected"] == "X"


def test_a_body_with_z_uses_its_value_35() -> None:
    # Z is the one letter the base-35 shortcut cannot read; the long sum handles it.
    weights = (3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(c, 36) * w for c, w in zip("ZZ123456", weights, strict=True))
    assert orgcode.check_char("ZZ123456") == "0123456789X"[-total % 11]


@given(st.integers(0, 2**32), st.booleans())
def test_generated_codes_are_valid(seed: int, letters: bool) -> None:
    code = orgcode.generate(random.Random(seed), letters=letters)
    assert orgcode.validate(code) == code


@given(st.integers(0, 2**32), st.integers(0, 8), st.sampled_from("0123456789X"))
def test_a_changed_check_character_or_digit_body_is_caught(
    seed: int, position: int, char: str
) -> None:
    code = orgcode.generate(random.Random(seed))
    changed = code[:position] + char + code[position + 1 :]
    if changed != code and (position == 8 or char != "X"):
        assert not orgcode.is_valid(changed)


@given(st.one_of(st.none(), st.integers(), st.floats(), st.binary(), st.text(max_size=80)))
def test_check_never_raises(value: object) -> None:
    result = orgcode.check(value)
    assert result.ok == orgcode.is_valid(value)


def test_mask_hides_the_middle() -> None:
    assert orgcode.mask("60003734-1") == "6*******1"
