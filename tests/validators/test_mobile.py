"""custinfo.validators.mobile: vectors, phonenumbers' verdicts, properties."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from phonenumbers import carrier as pn_carrier

from custinfo import DefinitionError, data_sources
from custinfo.data import headers
from custinfo.validators import get, mobile

VECTORS = json.loads((Path(__file__).parents[1] / "vectors" / "cn_mobile.json").read_text("utf-8"))
MOBILE_TYPES = {
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
}


def reference_is_mobile(written: str) -> bool:
    """phonenumbers' verdict: parse as CN, valid, +86, mobile type."""
    try:
        number = phonenumbers.parse(written, "CN")
    except phonenumbers.NumberParseException:
        return False
    return (
        number.country_code == 86
        and phonenumbers.is_valid_number(number)
        and phonenumbers.number_type(number) in MOBILE_TYPES
    )


def reference_carrier(national: str, lang: str) -> str | None:
    number = phonenumbers.PhoneNumber(country_code=86, national_number=int(national))
    return pn_carrier.name_for_valid_number(number, lang) or None


# --- independent vectors -------------------------------------------------------------


@pytest.mark.parametrize("vector", VECTORS["valid"], ids=lambda v: v["number"])
def test_numbers_in_allocated_ranges_are_valid_with_their_allocating_carrier(vector):
    found = mobile.info(vector["number"])
    assert mobile.validate(vector["number"]) == vector["number"]
    assert found.number_type == "mobile"
    if "carrier_zh" in vector:
        assert (found.carrier_zh, found.carrier_en) == (vector["carrier_zh"], vector["carrier_en"])


@pytest.mark.parametrize("vector", VECTORS["spellings"], ids=lambda v: v["written"])
def test_common_spellings_normalize_to_the_eleven_digits(vector):
    assert mobile.validate(vector["written"]) == vector["number"]
    assert mobile.compact(vector["written"]) == vector["number"]


@pytest.mark.parametrize("vector", VECTORS["invalid"], ids=lambda v: v["written"] or "<empty>")
def test_invalid_numbers_get_the_code_that_names_the_problem(vector):
    result = mobile.check(vector["written"])
    assert not result.ok
    assert [p.code for p in result.problems] == [vector["code"]]
    with pytest.raises(mobile.InvalidMobile) as raised:
        mobile.validate(vector["written"])
    assert raised.value.code == vector["code"]
    assert not mobile.is_valid(vector["written"])


def test_every_vector_source_is_described():
    used = {v["source"] for group in ("valid", "spellings", "invalid") for v in VECTORS[group]}
    assert used <= set(VECTORS["sources"])


# --- phonenumbers as the authority: exhaustive over prefixes --------------------------


def _check_against_reference(national: str) -> None:
    expected = reference_is_mobile(national)
    assert mobile.is_valid(national) is expected, national
    if expected:
        found = mobile.info(national)
        assert found.carrier_zh == reference_carrier(national, "zh"), national
        assert found.carrier_en == reference_carrier(national, "en"), national
    else:
        code = mobile.check(national).problems[0].code
        assert code == "mobile.unallocated", national


def test_every_four_digit_prefix_gets_phonenumbers_verdict_through_a_full_parse():
    rng = random.Random(20240501)
    for prefix in range(1000, 2000):
        for _ in range(6):
            _check_against_reference(f"{prefix}{rng.randrange(10**7):07d}")


def test_every_six_digit_prefix_gets_phonenumbers_verdict():
    rng = random.Random(6)
    for prefix in range(100000, 200000):
        national = f"{prefix}{rng.randrange(10**5):05d}"
        number = phonenumbers.PhoneNumber(country_code=86, national_number=int(national))
        expected = (
            phonenumbers.is_valid_number(number)
            and phonenumbers.number_type(number) in MOBILE_TYPES
        )
        assert mobile.is_valid(national) is expected, national


def _table_version() -> str:
    return headers(mobile.TABLE)["as-of"].split(",")[0].removeprefix("phonenumbers ").strip()


@pytest.mark.skipif(
    _table_version() == phonenumbers.__version__
    and "CUSTINFO_EXHAUSTIVE" not in __import__("os").environ,
    reason="table derived from this phonenumbers version (every 7-digit prefix examined by "
    "update/mobile_ranges.py); set CUSTINFO_EXHAUSTIVE=1 to re-examine (about 15 s of CPU)",
)
def test_every_seven_digit_prefix_gets_phonenumbers_verdict():
    # Runs whenever phonenumbers was upgraded: a failure means rerun update/mobile_ranges.py.
    rng = random.Random(7)
    for prefix in range(1000000, 2000000):
        national = f"{prefix}{rng.randrange(10**4):04d}"
        number = phonenumbers.PhoneNumber(country_code=86, national_number=int(national))
        expected = (
            phonenumbers.is_valid_number(number)
            and phonenumbers.number_type(number) in MOBILE_TYPES
        )
        assert mobile.is_valid(national) is expected, national


def test_the_range_table_is_dated_and_listed_in_data_sources():
    found = {s.name: s for s in data_sources()}
    source = found["mobile_ranges"]
    assert source.as_of.startswith("phonenumbers ")
    assert "phonenumbers" in source.source


# --- differential: generated and mutated numbers, as people write them ----------------

STYLES = (
    "{n}",
    "{a} {b} {c}",
    "{a}-{b}-{c}",
    "+86{n}",
    "+86 {a} {b} {c}",
    "0086{n}",
    "0086 {a}-{b}-{c}",
    "86{n}",
    "0{n}",
    "(+86) {n}",
)


def _written(national: str, style: str) -> str:
    return style.format(n=national, a=national[:3], b=national[3:7], c=national[7:])


def _mutate(rng: random.Random, digits: str) -> str:
    i = rng.randrange(len(digits))
    kind = rng.randrange(4)
    if kind == 0:
        return digits[:i] + str(rng.randrange(10)) + digits[i + 1 :]
    if kind == 1:
        return digits[:i] + digits[i + 1 :]
    if kind == 2:
        return digits[:i] + str(rng.randrange(10)) + digits[i:]
    j = min(i + 1, len(digits) - 1)
    swapped = list(digits)
    swapped[i], swapped[j] = swapped[j], swapped[i]
    return "".join(swapped)


def test_generated_and_mutated_numbers_get_phonenumbers_verdict_in_every_spelling():
    rng = random.Random(5)
    numbers = [mobile.generate(rng) for _ in range(300)]
    numbers += [_mutate(rng, n) for n in numbers for _ in range(3)]
    numbers += [f"1{rng.randrange(10**10):010d}" for _ in range(300)]
    numbers += [str(rng.randrange(10 ** rng.randrange(1, 14))) for _ in range(200)]
    disagreements = []
    for national in numbers:
        for style in STYLES:
            written = _written(national, style)
            if mobile.is_valid(written) is not reference_is_mobile(written):
                disagreements.append(written)
    assert disagreements == []


@pytest.mark.parametrize("style", ["national", "international", "e164"])
def test_format_writes_the_number_as_phonenumbers_does(style):
    pn_style = {
        "national": phonenumbers.PhoneNumberFormat.NATIONAL,
        "international": phonenumbers.PhoneNumberFormat.INTERNATIONAL,
        "e164": phonenumbers.PhoneNumberFormat.E164,
    }[style]
    rng = random.Random(style)
    for _ in range(200):
        national = mobile.generate(rng)
        expected = phonenumbers.format_number(phonenumbers.parse(national, "CN"), pn_style)
        assert mobile.format(national, style=style) == expected


# --- behaviour -------------------------------------------------------------------------


def test_foreign_numbers_name_their_country_code_only():
    problem = mobile.check("+44 7700 900123").problems[0]
    assert (problem.code, dict(problem.params)) == ("mobile.country", {"country_code": "44"})


def test_wrong_length_reports_the_digit_count():
    assert dict(mobile.check("138 0013 800").problems[0].params) == {"length": 10}


def test_unallocated_ranges_name_only_the_three_digit_prefix():
    assert dict(mobile.check("14912345678").problems[0].params) == {"prefix": "149"}


def test_integers_and_decimals_are_read_as_digits_but_floats_are_refused():
    assert mobile.validate(13800138000) == "13800138000"
    assert mobile.validate(Decimal("13800138000")) == "13800138000"
    assert mobile.check(1.3800138e10).problems[0].code == "mobile.type"


def test_check_carries_the_range_facts_of_a_valid_number():
    result = mobile.check("17400123456")
    assert result.ok
    assert (result.value, result.info.prefix) == ("17400123456", "17400")


def test_info_on_an_invalid_number_raises_the_module_error():
    with pytest.raises(mobile.InvalidMobile):
        mobile.info("12345")


def test_unknown_format_style_is_a_definition_error():
    with pytest.raises(DefinitionError):
        mobile.format("13800138000", style="rfc3966")  # type: ignore[arg-type]


def test_mask_keeps_three_and_four_digits():
    assert mobile.mask("+86 138-1234-5678") == "138****5678"


def test_generate_respects_the_carrier_in_either_language():
    rng = random.Random(1)
    for name in ("中国移动", "China Unicom", "china telecom", "中国广电"):
        for _ in range(50):
            found = mobile.info(mobile.generate(rng, carrier=name))
            assert name.casefold() in (found.carrier_zh, (found.carrier_en or "").casefold())


def test_generate_refuses_an_unknown_carrier():
    with pytest.raises(DefinitionError):
        mobile.generate(random.Random(0), carrier="Vodafone")


def test_carriers_lists_the_four_allocating_carriers():
    assert set(mobile.carriers()) == {"中国移动", "中国联通", "中国电信", "中国广电"}


def test_every_code_has_both_messages():
    for zh, en in mobile.MESSAGES.values():
        assert zh and en


def test_the_module_is_registered():
    assert get("mobile") is mobile


def test_importing_custinfo_and_checking_mobiles_does_not_load_phonenumbers():
    code = (
        "import sys, custinfo\n"
        "from custinfo.validators import mobile, landline\n"
        "assert mobile.validate('+86 138 0013 8000') == '13800138000'\n"
        "assert mobile.check('14912345678').problems\n"
        "print('phonenumbers' in sys.modules)\n"
    )
    src = str(Path(mobile.__file__).parents[2])
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": src},
    )
    assert out.stdout.strip() == "False"


# --- properties ------------------------------------------------------------------------

junk = st.one_of(
    st.none(),
    st.text(),
    st.text(alphabet="0123456789+-() ０１２３４５６７８９＋－　", max_size=30),
    st.binary(),
    st.floats(),
    st.integers(),
    st.lists(st.integers()),
    st.dictionaries(st.text(), st.text()),
    st.just("1" * 100_000),
)


@given(junk)
@settings(max_examples=300, deadline=None)
def test_check_never_raises_and_agrees_with_is_valid_and_validate(value):
    result = mobile.check(value)
    assert result.ok is mobile.is_valid(value)
    if result.ok:
        assert mobile.validate(value) == result.value
    else:
        with pytest.raises(mobile.InvalidMobile):
            mobile.validate(value)


@given(st.randoms(use_true_random=False), st.sampled_from([None, *mobile.carriers()]))
@settings(max_examples=200, deadline=None)
def test_generated_numbers_are_always_valid(rng, carrier):
    assert mobile.is_valid(mobile.generate(rng, carrier=carrier))


@given(st.randoms(use_true_random=False), st.sampled_from(["national", "international", "e164"]))
@settings(max_examples=200, deadline=None)
def test_a_formatted_number_validates_to_the_same_number(rng, style):
    number = mobile.generate(rng)
    assert mobile.validate(mobile.format(number, style=style)) == mobile.validate(number)


@given(
    st.one_of(st.text(), st.text(alphabet="0123456789+-() ０１２３４５６７８９＋－", max_size=20))
)
@settings(max_examples=300, deadline=None)
def test_compact_is_idempotent(value):
    once = mobile.compact(value)
    assert mobile.compact(once) == once


@given(st.text(alphabet="0123456789+-() ０１２３４５６７８９＋－", max_size=20))
@settings(max_examples=300, deadline=None)
def test_compact_keeps_the_verdict(value):
    assert mobile.is_valid(mobile.compact(value)) is mobile.is_valid(value)


@given(st.text(max_size=40))
@settings(max_examples=200, deadline=None)
def test_no_problem_ever_carries_the_number(value):
    for problem in mobile.check(value).problems:
        for param in problem.params.values():
            assert len(str(param)) <= 3


def test_results_are_the_same_from_many_threads():
    from concurrent.futures import ThreadPoolExecutor

    rng = random.Random(13)
    values = [_written(mobile.generate(rng), rng.choice(STYLES)) for _ in range(2000)]
    expected = [mobile.check(v) for v in values]
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(mobile.check, values)) == expected
