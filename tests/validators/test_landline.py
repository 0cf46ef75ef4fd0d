"""custinfo.validators.landline: vectors, phonenumbers' verdicts, properties."""

from __future__ import annotations

import json
import random
from pathlib import Path

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from custinfo import DefinitionError
from custinfo.validators import get, landline

VECTORS = json.loads(
    (Path(__file__).parents[1] / "vectors" / "cn_landline.json").read_text("utf-8")
)
KINDS = ("fixed_line", "shared_cost", "toll_free")


def reference_is_landline(written: str) -> bool:
    """phonenumbers' verdict: parse as CN, +86, valid, and not a mobile number."""
    try:
        number = phonenumbers.parse(written, "CN")
    except phonenumbers.NumberParseException:
        return False
    return (
        number.country_code == 86
        and phonenumbers.is_valid_number(number)
        and phonenumbers.number_type(number) != phonenumbers.PhoneNumberType.MOBILE
    )


# --- independent vectors -------------------------------------------------------------


@pytest.mark.parametrize("vector", VECTORS["valid"], ids=lambda v: v["written"])
def test_numbers_of_known_area_codes_are_valid_with_their_city(vector):
    found = landline.info(vector["written"])
    assert landline.validate(vector["written"]) == vector["normalized"]
    assert (found.area_code, found.number_type) == (vector["area_code"], vector["type"])
    if vector["city"] is None:
        assert found.city_zh is None
    else:
        assert vector["city"] in found.city_zh


@pytest.mark.parametrize("vector", VECTORS["spellings"], ids=lambda v: v["written"])
def test_common_spellings_normalize_with_their_extension(vector):
    assert landline.validate(vector["written"]) == vector["normalized"]
    assert landline.info(vector["written"]).extension == vector["extension"]


@pytest.mark.parametrize("vector", VECTORS["invalid"], ids=lambda v: v["written"] or "<empty>")
def test_invalid_numbers_get_the_code_that_names_the_problem(vector):
    result = landline.check(vector["written"])
    assert [p.code for p in result.problems] == [vector["code"]]
    with pytest.raises(landline.InvalidLandline) as raised:
        landline.validate(vector["written"])
    assert raised.value.code == vector["code"]
    assert not landline.is_valid(vector["written"])


def test_every_vector_source_is_described():
    used = {v["source"] for group in ("valid", "spellings", "invalid") for v in VECTORS[group]}
    assert used <= set(VECTORS["sources"])


# --- differential against phonenumbers --------------------------------------------------


def _nationals(rng: random.Random) -> list[str]:
    """National significant numbers: generated, mutated, and random digits."""
    valid = [landline.generate(rng, kind=k) for k in KINDS for _ in range(60)]
    digits = [
        "".join(c for c in v if c.isdigit()).removeprefix("0") for v in valid
    ]  # 0755-86123456 -> 75586123456
    mutated = []
    for n in digits:
        i = rng.randrange(len(n))
        mutated += [
            n[:i] + str(rng.randrange(10)) + n[i + 1 :],
            n[:i] + n[i + 1 :],
            n[:i] + str(rng.randrange(10)) + n[i:],
        ]
    noise = [str(rng.randrange(10 ** rng.randrange(5, 13))) for _ in range(200)]
    return digits + mutated + noise


STYLES = (
    "0{n}",
    "{n}",
    "+86{n}",
    "+86 {a} {b}",
    "0086 {a} {b}",
    "(0{a}){b}",
    "0{a}-{b}",
    "+86 (0){a} {b}",
    "0{a} {b} ext. 123",
    "0{a}-{b} x 8",
)


def test_generated_and_mutated_numbers_get_phonenumbers_verdict_in_every_spelling():
    rng = random.Random(86)
    disagreements = []
    for n in _nationals(rng):
        cut = 2 if n.startswith(("10", "2")) else 3
        for style in STYLES:
            written = style.format(n=n, a=n[:cut], b=n[cut:])
            if landline.is_valid(written) is not reference_is_landline(written):
                disagreements.append(written)
    assert disagreements == []


def test_a_last_hyphen_group_is_an_extension_exactly_when_only_the_rest_is_valid():
    rng = random.Random(3)
    for n in _nationals(rng)[:400]:
        written = f"0{n}-{rng.randrange(1, 9999)}"
        main, _, extension = written.rpartition("-")
        expected = reference_is_landline(written.replace("-", "")) or reference_is_landline(main)
        assert landline.is_valid(written) is expected, written
        if reference_is_landline(main) and not reference_is_landline(written.replace("-", "")):
            assert landline.info(written).extension == extension


def test_city_names_are_phonenumbers_geocoder_names():
    from phonenumbers import geocoder

    rng = random.Random(9)
    for _ in range(100):
        value = landline.generate(rng)
        number = phonenumbers.parse(value, "CN")
        found = landline.info(value)
        assert found.city_zh == geocoder.description_for_number(number, "zh")
        assert found.city_en == geocoder.description_for_number(number, "en")


# --- behaviour -------------------------------------------------------------------------


def test_formats_are_national_international_and_e164():
    value = "(0755)86123456 转 8001"
    assert landline.format(value) == "0755-86123456-8001"
    assert landline.format(value, style="international") == "+86 755 8612 3456 ext. 8001"
    assert landline.format(value, style="e164") == "+8675586123456"


def test_unknown_format_style_is_a_definition_error():
    with pytest.raises(DefinitionError):
        landline.format("010-66123456", style="rfc3966")  # type: ignore[arg-type]


def test_mask_hides_the_middle_and_the_extension():
    assert landline.mask("010-66123456-123") == "010****3456"
    assert "123" not in landline.mask("0755-86123456 转 8123")


def test_unknown_area_code_is_named_in_the_problem():
    problem = landline.check("026-66123456").problems[0]
    assert dict(problem.params) == {"area_code": "026"}


def test_generate_refuses_an_unknown_kind():
    with pytest.raises(DefinitionError):
        landline.generate(random.Random(0), kind="mobile")


def test_every_code_has_both_messages():
    for zh, en in landline.MESSAGES.values():
        assert zh and en


def test_the_module_is_registered():
    assert get("landline") is landline


# --- properties ------------------------------------------------------------------------

phone_text = st.text(alphabet="0123456789+-() 转xext.#（）０１２３４５６７８９", max_size=30)
junk = st.one_of(
    st.none(),
    st.text(),
    phone_text,
    st.binary(),
    st.floats(),
    st.integers(),
    st.lists(st.text()),
    st.just("0" * 100_000),
)


@given(junk)
@settings(max_examples=300, deadline=None)
def test_check_never_raises_and_agrees_with_is_valid_and_validate(value):
    result = landline.check(value)
    assert result.ok is landline.is_valid(value)
    if result.ok:
        assert landline.validate(value) == result.value
    else:
        with pytest.raises(landline.InvalidLandline):
            landline.validate(value)


@given(st.randoms(use_true_random=False), st.sampled_from(KINDS))
@settings(max_examples=100, deadline=None)
def test_generated_numbers_are_always_valid_and_of_their_kind(rng, kind):
    value = landline.generate(rng, kind=kind)
    assert landline.info(value).number_type == kind


@given(
    st.randoms(use_true_random=False),
    st.sampled_from(KINDS),
    st.one_of(st.none(), st.integers(1, 99999).map(str)),
    st.sampled_from(["national", "international"]),
)
@settings(max_examples=200, deadline=None)
def test_a_formatted_number_validates_to_the_same_number(rng, kind, extension, style):
    value = landline.generate(rng, kind=kind) + (f" 转 {extension}" if extension else "")
    assert landline.validate(landline.format(value, style=style)) == landline.validate(value)


@given(st.one_of(st.text(max_size=30), phone_text))
@settings(max_examples=300, deadline=None)
def test_compact_is_idempotent_and_keeps_the_verdict(value):
    once = landline.compact(value)
    assert landline.compact(once) == once
    assert landline.is_valid(once) is landline.is_valid(value)


@given(st.one_of(st.text(max_size=40), phone_text))
@settings(max_examples=200, deadline=None)
def test_problems_carry_no_more_than_an_area_code_or_a_count(value):
    for problem in landline.check(value).problems:
        assert set(problem.params) <= {"area_code", "length", "country_code"}


def test_area_codes_have_the_length_phonenumbers_gives_them():
    rng = random.Random(11)
    candidates = ["10", *(f"2{d}" for d in range(10)), *(str(n) for n in range(300, 1000))]
    checked = 0
    for area in candidates:
        for length in (7, 8):
            national = (
                area
                + str(rng.randrange(2, 9))
                + str(rng.randrange(10 ** (length - 1))).zfill(length - 1)
            )
            number = phonenumbers.parse(national, "CN")
            if phonenumbers.number_type(number) != phonenumbers.PhoneNumberType.FIXED_LINE:
                continue
            expected = phonenumbers.length_of_geographical_area_code(number)
            assert landline.info(national).area_code == "0" + national[:expected]
            checked += 1
    assert checked > 300


def test_results_are_the_same_from_many_threads():
    from concurrent.futures import ThreadPoolExecutor

    rng = random.Random(12)
    values = [landline.generate(rng, kind=rng.choice(KINDS)) for _ in range(300)]
    values += [v[:-1] for v in values]  # and their invalid neighbours
    expected = [landline.check(v) for v in values]
    landline._pn_parse.cache_clear()  # start cold, so threads race to fill the cache
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(landline.check, values)) == expected


def test_an_extension_that_would_read_back_as_part_of_the_number_is_written_with_zhuan() -> None:
    # found by the fuzzer: 0817-951467-0 would read back as the 7-digit 0817-9514670
    first = landline.validate("817951467,0")
    assert first == "0817-951467转0"
    assert landline.validate(first) == first
    assert landline.compact(landline.compact("817951467,0")) == landline.compact("817951467,0")
