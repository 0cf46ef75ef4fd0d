"""The USCC fast paths give exactly the reference path's verdicts.

``check`` answers clean codes from a fast path (``_fast_check``) and
``validate``/``is_valid`` from another (``_fast``); ``_full_check`` is the
reference implementation every input could take. These tests hold them equal
(value, problems, info, repr) on the standard's vectors, generated codes, every
single substitution and adjacent transposition, and people's ways of writing.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from custinfo import divisions
from custinfo.testing.mutations import ERRORS, NOISE
from custinfo.validators import orgcode, uscc

VECTORS = json.loads((Path(__file__).parents[1] / "vectors" / "gb32100.json").read_text("utf-8"))
ORGCODES = json.loads((Path(__file__).parents[1] / "vectors" / "gb11714.json").read_text("utf-8"))
REAL = [v["value"] for v in VECTORS["valid"]]
PILOT = [v["value"] for v in VECTORS["pilot"]]
INVALID = [v["value"] for v in VECTORS["invalid"]]
FULL_WIDTH = {c: c + 0xFEE0 for c in range(0x21, 0x7F)}


def assert_same_verdict(value: object) -> None:
    reference = uscc._full_check(value)
    for _ in range(2):  # cold, then with the prefix remembered
        found = uscc.check(value)
        assert found == reference
        assert repr(found) == repr(reference)
    assert uscc.is_valid(value) == reference.ok
    if uscc._settled(value):  # party_id trusts the fast path's None for these
        fast = uscc._fast_check(value)
        assert (fast is not None and fast.value is not None) == reference.ok
    if reference.ok:
        assert uscc.validate(value) == reference.value
    else:
        with pytest.raises(uscc.InvalidUSCC) as raised:
            uscc.validate(value)
        first = next(p for p in reference.problems if p.severity == "error")
        assert (raised.value.code, dict(raised.value.params)) == (first.code, dict(first.params))


def with_check(body: str) -> str:
    body = body[:8] + body[8:16] + orgcode.check_char(body[8:16])
    return body + uscc.calc_check_char(body)


def historic_regions() -> list[str]:
    return sorted(d.code for d in divisions.all_divisions() if not d.current)[::97]


def generated(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    codes = [uscc.generate(rng) for _ in range(n)]
    codes += [uscc.generate(rng, region=r) for r in historic_regions()]
    codes += [uscc.generate(rng, region=uscc.NATIONAL) for _ in range(5)]
    codes += [uscc.generate(rng, authority=a) for a in "123456789ANY" for _ in range(3)]
    return codes


def single_substitutions(code: str) -> Iterator[str]:
    for i in range(len(code)):
        for c in uscc.ALPHABET + "IOSVZ" + "ax -":
            if c != code[i]:
                yield code[:i] + c + code[i + 1 :]


def transpositions(code: str) -> Iterator[str]:
    for i in range(len(code) - 1):
        if code[i] != code[i + 1]:
            yield code[:i] + code[i + 1] + code[i] + code[i + 2 :]


def ways_of_writing(code: str) -> list[str]:
    return [
        code.lower(),
        code[:9].lower() + code[9:],
        f" {code} ",
        f"{code[:6]} {code[6:12]} {code[12:]}",
        f"{code[:8]}-{code[8:17]}-{code[17]}",
        code.translate(FULL_WIDTH),
        code + "\n",
        "\u200b" + code,
        code[:17],
        code + code[-1],
    ]


@pytest.mark.parametrize("value", REAL + PILOT + INVALID)
def test_the_standards_vectors_get_the_reference_verdict(value: str) -> None:
    assert_same_verdict(value)


def test_generated_codes_of_every_authority_and_historic_regions_get_the_reference_verdict() -> (
    None
):
    for code in generated(200, seed=1):
        assert_same_verdict(code)


def test_codes_built_on_the_organization_code_vectors_get_the_reference_verdict() -> None:
    for vector in ORGCODES["valid"] + ORGCODES["invalid"]:
        body = orgcode.compact(vector["value"])[:8].ljust(8, "0")
        assert_same_verdict(with_check("91110105" + body))
        assert_same_verdict("91110105" + orgcode.compact(vector["value"]).ljust(9, "0") + "0")


def test_every_single_substitution_and_transposition_gets_the_reference_verdict() -> None:
    for code in REAL[::15] + PILOT[:2] + generated(3, seed=2):
        for value in (*single_substitutions(code), *transpositions(code)):
            assert_same_verdict(value)


def test_people_s_ways_of_writing_a_code_get_the_reference_verdict() -> None:
    for code in REAL[::5] + PILOT + generated(10, seed=3):
        for value in ways_of_writing(code):
            assert_same_verdict(value)


def test_a_ligature_that_upper_case_lengthens_is_not_a_valid_code() -> None:
    # "ﬀ".upper() == "FF": 18 characters that become 19 must not pass as a code.
    code = with_check("91110000MAFF1234")
    value = (code + "0").replace("FF", "\ufb00")
    assert len(value) == 18
    assert_same_verdict(value)
    assert not uscc.check(value).ok


@pytest.mark.parametrize("seed", range(4))
def test_codes_with_people_s_slips_and_ways_of_writing_get_the_reference_verdict(seed: int) -> None:
    rng = random.Random(seed)
    mutations = [*ERRORS.values(), *NOISE.values()]
    for valid in generated(60, seed=seed):
        code = valid
        for _ in range(rng.choice((1, 1, 2))):
            code = rng.choice(mutations)(code, rng) or code
        assert_same_verdict(code)


@pytest.mark.parametrize(
    "value", [None, 91110000600037341, b"91110000600037341L", 1.5, "", "9" * 18, "Y" * 18]
)
def test_values_of_other_types_and_degenerate_codes_get_the_reference_verdict(
    value: object,
) -> None:
    assert_same_verdict(value)


def test_a_full_prefix_cache_is_emptied_and_verdicts_stay_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(uscc, "_HEADS_SIZE", 3)
    for code in generated(20, seed=4):
        assert_same_verdict(code)
    assert len(uscc._HEADS) <= 3


_CHARS = st.sampled_from(list(uscc.ALPHABET + "IOSVZaxm -\u3000\uff11\ufb00"))


@settings(max_examples=300, deadline=None)
@given(st.lists(_CHARS, min_size=16, max_size=20).map("".join))
def test_arbitrary_strings_near_the_shape_get_the_reference_verdict(value: str) -> None:
    assert_same_verdict(value)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(REAL + PILOT),
    st.integers(0, 17),
    st.sampled_from(list(uscc.ALPHABET)),
)
def test_a_changed_character_and_a_repaired_check_get_the_reference_verdict(
    code: str, position: int, char: str
) -> None:
    # The check characters repaired: the change reaches the authority, category
    # and region tests instead of stopping at a checksum.
    changed = code[:position] + char + code[position + 1 :]
    assert_same_verdict(changed)
    assert_same_verdict(with_check(changed[:16]))
