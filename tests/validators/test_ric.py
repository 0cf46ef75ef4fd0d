"""GB 11643-1999 resident identity numbers and their relatives."""

from __future__ import annotations

import datetime
import json
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from custinfo import DefinitionError, Severity, messages
from custinfo.validators import ric

VECTORS = json.loads((Path(__file__).parents[1] / "vectors" / "gb11643.json").read_text("utf-8"))
TODAY = datetime.date(2025, 6, 1)


@pytest.mark.parametrize("vector", VECTORS["valid"], ids=lambda v: v["value"])
def test_standard_examples_and_public_numbers_are_valid_with_their_facts(
    vector: dict[str, Any],
) -> None:
    result = ric.check(vector["value"], today=TODAY)
    assert result.ok
    found = result.info
    assert found.kind == vector["kind"]
    assert found.birth_date.isoformat() == vector["birth_date"]
    assert found.gender == vector["gender"]
    assert found.historic == vector.get("historic", False)
    assert found.legacy == vector.get("legacy", False)
    for key in ("county", "province", "nationality"):
        if key in vector:
            assert getattr(found, key) == vector[key]
    assert ric.validate(vector["value"], today=TODAY) == vector.get("normalized", vector["value"])
    if "to_18" in vector:
        assert ric.to_18(vector["value"]) == vector["to_18"]


@pytest.mark.parametrize("vector", VECTORS["warning"], ids=lambda v: v["value"])
def test_numbers_with_a_doubtful_region_are_valid_with_a_warning(vector: dict[str, Any]) -> None:
    result = ric.check(vector["value"])
    assert result.ok
    assert [(p.code, p.severity) for p in result.problems] == [(vector["code"], Severity.WARNING)]


@pytest.mark.parametrize("vector", VECTORS["invalid"], ids=lambda v: v["value"])
def test_invalid_numbers_name_every_broken_rule(vector: dict[str, Any]) -> None:
    result = ric.check(vector["value"])
    assert [p.code for p in result.problems] == vector["codes"]
    with pytest.raises(ric.InvalidRIC) as raised:
        ric.validate(vector["value"])
    assert raised.value.code == vector["codes"][0]


def test_lower_case_x_is_upper_cased_and_separators_dropped() -> None:
    assert ric.validate("11010519491231002x") == "11010519491231002X"
    assert ric.validate("110105 19491231 002X") == "11010519491231002X"
    assert ric.validate("１１０１０５１９４９１２３１００２Ｘ") == "11010519491231002X"


def test_birth_date_after_the_reference_day_is_rejected() -> None:
    number = "44011320141005001X"
    result = ric.check(number, today=datetime.date(2014, 10, 4))
    assert [p.code for p in result.problems] == ["ric.birth_future"]
    assert result.problems[0].params == {"today": "2014-10-04"}
    assert ric.is_valid(number, today=datetime.date(2014, 10, 5))
    assert not ric.is_valid(number, today=datetime.date(2014, 10, 4))


def test_a_current_code_is_valid_and_not_historic() -> None:
    assert not ric.info("110102199101010078").historic


def test_a_code_abolished_after_birth_is_valid_and_historic() -> None:
    found = ric.info("440524188001010014")
    assert found.historic and (found.province, found.city, found.county) == (
        "广东省",
        "汕头市",
        "潮阳县",
    )


def test_a_code_that_never_existed_is_an_error() -> None:
    body = "11019919900101000"
    assert [p.code for p in ric.check(body + ric.calc_check_digit(body)).problems] == ["ric.region"]


def test_a_code_abolished_before_birth_is_a_warning_naming_the_year() -> None:
    body = "11010320150101000"  # 崇文区 was merged into 东城区 in 2010
    problem = ric.check(body + ric.calc_check_digit(body)).problems[0]
    assert (problem.code, problem.severity, problem.params["until"]) == (
        "ric.region_abolished",
        Severity.WARNING,
        2010,
    )


def test_hong_kong_macao_and_taiwan_permits_are_read_as_permits() -> None:
    rng = random.Random(3)
    for kind, region, province in (
        ("hongkong_permit", "810000", "香港特别行政区"),
        ("macao_permit", "820000", "澳门特别行政区"),
        ("taiwan_permit", "830000", "台湾省"),
    ):
        number = ric.generate(rng, kind=kind)
        found = ric.info(number)
        assert (number[:6], found.kind, found.province) == (region, kind, province)


def test_foreigner_ids_read_province_and_nationality() -> None:
    number = ric.generate(
        random.Random(4),
        kind="foreign_permanent",
        region="310000",
        nationality="392",
        gender="male",
    )
    found = ric.info(number)
    assert (found.kind, found.province, found.nationality, found.gender) == (
        "foreign_permanent",
        "上海市",
        "392",
        "male",
    )


def test_foreigner_id_from_an_unknown_province_is_rejected() -> None:
    body = "97139819901231002"
    assert [p.code for p in ric.check(body + ric.calc_check_digit(body)).problems] == ["ric.region"]


def test_legacy_numbers_stay_fifteen_digits_with_a_warning_naming_the_check_digit() -> None:
    result = ric.check("110105491231002")
    assert result.value == "110105491231002"
    assert [(p.code, p.severity, p.params["check"]) for p in result.problems] == [
        ("ric.legacy", Severity.WARNING, "X")
    ]
    assert ric.to_18("110105491231002") == "11010519491231002X"
    assert ric.to_18("11010519491231002X") == "11010519491231002X"


def test_kinds_option_restricts_the_accepted_kinds() -> None:
    result = ric.check("810000199408230021", kinds={"resident"})
    assert [p.code for p in result.problems] == ["ric.kind"]
    assert result.problems[0].params == {"kind": "hongkong_permit", "allowed": ["resident"]}
    assert ric.check("11010519491231002X", kinds={"resident"}).ok


def test_age_on_counts_whole_years() -> None:
    assert ric.age_on("11010519491231002X", datetime.date(2024, 12, 30)) == 74
    assert ric.age_on("11010519491231002X", datetime.date(2024, 12, 31)) == 75
    with pytest.raises(ric.InvalidRIC):
        ric.age_on("11010519491231002X", datetime.date(1940, 1, 1))


def test_leap_days_are_real_only_in_leap_years() -> None:
    for day, ok in (
        ("20000229", True),
        ("19000229", False),
        ("20240229", True),
        ("20230229", False),
    ):
        body = "110101" + day + "001"
        assert ric.is_valid(body + ric.calc_check_digit(body)) == ok, day


def test_birth_years_before_1800_are_rejected() -> None:
    body = "11010517991231001"
    assert [p.code for p in ric.check(body + ric.calc_check_digit(body)).problems] == [
        "ric.birth_date"
    ]


def test_messages_name_the_standard_clause() -> None:
    for code in ("ric.checksum", "ric.birth_date", "ric.region", "ric.format"):
        assert "GB 11643-1999 §5." in messages.render(code, "zh")
        assert "GB 11643-1999 §5." in messages.render(code, "en")


def test_nothing_personal_reaches_params_or_exceptions() -> None:
    number = "11010519491231002Y"
    with pytest.raises(ric.InvalidRIC) as raised:
        ric.validate(number)
    assert "1949" not in str(raised.value) and number not in str(raised.value)
    for problem in ric.check("110105491231002").problems:
        assert all("1949" not in str(v) for v in problem.params.values())


def test_mask_keeps_region_and_last_four() -> None:
    assert ric.mask("11010519491231002x") == "110105********002X"


def test_generate_refuses_unknown_options() -> None:
    rng = random.Random(0)
    with pytest.raises(DefinitionError):
        ric.generate(rng, kind="passport")
    with pytest.raises(DefinitionError):
        ric.generate(rng, region="990000")
    with pytest.raises(DefinitionError):
        ric.generate(rng, gender="x")


# -- properties ---------------------------------------------------------------


@st.composite
def numbers(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(sorted(ric.KINDS)))
    gender = draw(st.sampled_from([None, "male", "female"]))
    born = draw(st.dates(datetime.date(1900, 1, 1), datetime.date(2024, 12, 31)))
    rng = random.Random(draw(st.integers(0, 2**32)))
    return ric.generate(rng, kind=kind, gender=gender, birth_date=born)


@given(numbers())
def test_every_generated_number_is_valid(number: str) -> None:
    result = ric.check(number, today=TODAY)
    assert result.ok and result.value == number


@given(
    st.integers(0, 2**32),
    st.sampled_from(["male", "female"]),
    st.dates(datetime.date(1900, 1, 1), datetime.date(2024, 12, 31)),
)
def test_generated_options_are_honoured(seed: int, gender: str, born: datetime.date) -> None:
    number = ric.generate(random.Random(seed), region="440106", gender=gender, birth_date=born)
    found = ric.info(number)
    assert (number[:6], found.gender, found.birth_date) == ("440106", gender, born)


@settings(max_examples=60)
@given(numbers())
def test_every_single_character_substitution_is_rejected(number: str) -> None:
    for position in range(18):
        for char in "0123456789X":
            if char != number[position]:
                changed = number[:position] + char + number[position + 1 :]
                assert not ric.is_valid(changed), (position, char)


@given(numbers())
def test_every_adjacent_transposition_is_rejected(number: str) -> None:
    for position in range(17):
        if number[position] != number[position + 1]:
            swapped = (
                number[:position] + number[position + 1] + number[position] + number[position + 2 :]
            )
            assert not ric.is_valid(swapped), position


_anything = st.one_of(
    st.none(),
    st.integers(),
    st.floats(),
    st.binary(),
    st.text(max_size=40),
    st.text(alphabet="0123456789Xx -", min_size=14, max_size=20),
    st.lists(st.integers(), max_size=3),
    numbers(),
)


@given(_anything, st.sampled_from([None, datetime.date(1990, 1, 1), TODAY]))
def test_check_validate_and_is_valid_agree_on_any_input(
    value: Any, today: datetime.date | None
) -> None:
    result = ric.check(value, today=today)
    assert ric.is_valid(value, today=today) == result.ok
    if result.ok:
        assert ric.validate(value, today=today) == result.value
    else:
        with pytest.raises(ric.InvalidRIC):
            ric.validate(value, today=today)


def test_huge_input_is_refused_early() -> None:
    assert ric.check("1" * 10_000_000).problems[0].code == "ric.length"
