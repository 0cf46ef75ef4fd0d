"""GB/T 4754-2017 sections and divisions: codes, names, 2011 names, everyday names."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from custinfo import data_sources, messages
from custinfo.findings import Severity
from custinfo.validators import industry

VECTORS = json.loads((Path(__file__).parent.parent / "vectors" / "gbt4754.json").read_text("utf-8"))
SECTIONS = VECTORS["sections"]
DIVISIONS = VECTORS["divisions"]


def codes(value: object, **options: object) -> list[str]:
    return [p.code for p in industry.check(value, **options).problems]


def section_of(code: str) -> str:
    for s in SECTIONS:
        low, high = s["divisions"]
        if low <= code <= high:
            return str(s["code"])
    raise AssertionError(code)


# ------------------------------------------------------------- the table


def test_the_table_has_the_20_sections_and_97_divisions_of_the_standard() -> None:
    entries = industry.all_industries()
    assert [e.code for e in entries if e.level == "section"] == [s["code"] for s in SECTIONS]
    assert [e.code for e in entries if e.level == "division"] == [f"{n:02d}" for n in range(1, 98)]


@pytest.mark.parametrize("vector", DIVISIONS, ids=lambda v: v["code"])
def test_every_division_is_known_by_code_letter_code_and_name(vector: dict[str, str]) -> None:
    section = section_of(vector["code"])
    for written in (vector["code"], section + vector["code"], vector["name"]):
        result = industry.check(written)
        assert result.ok and not result.problems, written
        assert result.value == vector["name"]
        assert result.info.section == section


@pytest.mark.parametrize("vector", SECTIONS, ids=lambda v: v["code"])
def test_every_section_is_known_by_letter_with_its_name(vector: dict[str, str]) -> None:
    found = industry.info(vector["code"])
    assert (found.level, found.name, found.section_name) == (
        "section",
        vector["name"],
        vector["name"],
    )


def test_a_name_shared_by_a_section_and_its_only_division_means_the_division() -> None:
    # 房地产业 (K/70), 教育 (P/83) and 国际组织 (T/97): the section holds just that division.
    for name, code in (("房地产业", "K70"), ("教育", "P83"), ("国际组织", "T97")):
        assert industry.info(name).full_code == code
        assert industry.info(code[0]).level == "section"


def test_the_tables_are_listed_with_their_sources() -> None:
    sources = {s.name: s for s in data_sources()}
    assert "GB/T 4754-2017" in sources["gbt4754_2017"].source
    assert sources["gbt4754_2011"].as_of.startswith("2011")


# ------------------------------------------------------------- codes as people write them


@pytest.mark.parametrize("written", ["I65", "65", "i65", "i 65", "I-65", "I.65", "Ｉ６５", " I65 "])
def test_a_division_code_may_be_written_loosely(written: str) -> None:
    assert industry.validate(written) == "软件和信息技术服务业"
    assert industry.check(written).problems == ()


def test_a_one_digit_division_code_means_the_zero_padded_one() -> None:
    assert industry.info("5").full_code == "A05"


@pytest.mark.parametrize("written", ["00", "98", "99", "U", "Z"])
def test_codes_outside_the_standard_are_unknown(written: str) -> None:
    assert codes(written) == ["industry.unknown_code"]


def test_a_section_letter_that_does_not_hold_the_division_is_an_error() -> None:
    result = industry.check("A65")
    assert [p.code for p in result.problems] == ["industry.section_mismatch"]
    assert result.problems[0].params == {"division": "65", "section": "I", "given": "A"}


def test_group_and_class_codes_are_recorded_as_their_division_with_a_warning() -> None:
    for written in ("6510", "I6510", "651"):
        result = industry.check(written)
        assert result.ok and result.info.full_code == "I65"
        assert [p.code for p in result.problems] == ["industry.class_code"]


@pytest.mark.parametrize(
    "written",
    [
        "I65 软件和信息技术服务业",
        "I65软件和信息技术服务业",
        "65-软件和信息技术服务业",
        "软件和信息技术服务业(I65)",
        "软件和信息技术服务业（I65）",
        "软件和信息技术服务业 65",
        "65 软件业",
    ],
)
def test_code_and_name_together_are_accepted_when_they_agree(written: str) -> None:
    result = industry.check(written)
    assert result.value == "软件和信息技术服务业"
    assert result.problems == ()


def test_a_section_code_with_one_of_its_divisions_names_the_division() -> None:
    assert industry.info("I 软件和信息技术服务业").full_code == "I65"
    assert industry.info("65 信息传输、软件和信息技术服务业").full_code == "I65"


@pytest.mark.parametrize(
    "written", ["制造业/汽车制造业", "C 制造业 > 36 汽车制造业", "制造业-汽车制造业", "C/C36"]
)
def test_a_section_to_division_path_from_a_crm_tree_names_the_division(written: str) -> None:
    assert industry.info(written).full_code == "C36"


def test_a_path_whose_parts_do_not_nest_is_not_accepted() -> None:
    assert not industry.is_valid("房地产业/软件和信息技术服务业")


@pytest.mark.parametrize("written", ["I门类", "65大类", "I类"])
def test_a_code_followed_by_the_word_for_its_level_is_the_code(written: str) -> None:
    assert industry.check(written).ok


def test_code_and_name_that_disagree_are_an_error_naming_the_codes_division() -> None:
    result = industry.check("I65 房地产业")
    assert [p.code for p in result.problems] == ["industry.mismatch"]
    assert result.problems[0].params == {"code": "I65", "name": "软件和信息技术服务业"}


# ------------------------------------------------------------- the 2011 edition


@pytest.mark.parametrize("vector", VECTORS["renamed_2011"], ids=lambda v: v["code_2011"])
def test_a_2011_name_maps_to_its_2017_division_with_a_warning(vector: dict[str, str]) -> None:
    result = industry.check(vector["name_2011"])
    assert result.ok
    assert result.value == vector["name_2017"]
    [problem] = result.problems
    assert problem.code == "industry.renamed_2011"
    assert problem.severity is Severity.WARNING
    assert problem.params["code"] == vector["code_2017"]
    assert vector["name_2017"] in messages.render(problem.code, "zh", problem.params)


def test_79_is_the_2017_division_land_management_not_the_2011_resident_services() -> None:
    assert industry.validate("79") == "土地管理业"
    assert industry.validate("N79") == "土地管理业"
    assert industry.validate("居民服务业") == "居民服务业"
    assert industry.info("居民服务业").full_code == "O80"


@pytest.mark.parametrize("vector", VECTORS["renumbered_2011"], ids=lambda v: v["code_2011"])
def test_a_2011_letter_code_whose_letter_shows_the_old_numbering_is_mapped(
    vector: dict[str, str],
) -> None:
    result = industry.check(vector["code_2011"])
    assert result.value == vector["name"]
    assert [(p.code, p.params["code"]) for p in result.problems] == [
        ("industry.code_2011", vector["code_2017"])
    ]


def test_a_2011_code_given_with_its_name_is_read_in_the_2011_numbering() -> None:
    result = industry.check("79 居民服务业")
    assert result.value == "居民服务业"
    assert [p.code for p in result.problems] == ["industry.code_2011"]


# ------------------------------------------------------------- names as people write them


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("农林牧渔业", "A"),
        ("农林牧渔", "A"),
        ("农、林、牧、渔业 ", "A"),
        ("【软件和信息技术服务业】", "I65"),
        ("软件和 信息技术服务业", "I65"),
        ("软件和信息技术服务", "I65"),
        ("软件业", "I65"),
        ("软件行业", "I65"),
        ("IT服务", "I65"),
        ("it服务", "I65"),
        ("互联网", "I64"),
        ("餐饮行业", "H62"),
        ("餐饮", "H62"),
        ("教育行业", "P83"),
        ("房地产", "K70"),
        ("金融", "J"),
        ("制造业 ", "C"),
        ("银行", "J66"),
        ("快递", "G60"),
        ("钢铁", "C31"),
    ],
)
def test_everyday_names_map_to_one_division_with_a_warning(written: str, code: str) -> None:
    result = industry.check(written)
    assert result.ok and result.info.full_code == code
    assert [p.code for p in result.problems] in ([], ["industry.variant"])


def test_the_exact_standard_name_gets_no_warning() -> None:
    assert industry.check("农、林、牧、渔专业及辅助性活动").problems == ()


@pytest.mark.parametrize("written", ["物流", "电商", "IT", "咨询", "科技", "汽车", "医疗"])
def test_names_spanning_several_divisions_are_reported_with_candidates(written: str) -> None:
    result = industry.check(written)
    [problem] = result.problems
    assert problem.code == "industry.ambiguous"
    assert len(problem.params["candidates"]) >= 2


def test_a_partial_name_is_not_guessed_but_suggested() -> None:
    result = industry.check("运输")
    assert not result.ok
    assert "G54 道路运输业" in result.problems[0].params["candidates"]


def test_an_unrelated_word_is_unknown() -> None:
    assert codes("随便") == ["industry.unknown"]
    assert codes("5G通信") == ["industry.unknown"]


def test_every_short_name_and_candidate_points_at_a_real_entry() -> None:
    for name, candidates in industry.short_names().items():
        assert all(industry.lookup(code) is not None for code in candidates), name


def test_no_short_name_shadows_a_standard_or_2011_name() -> None:
    names = {e.name for e in industry.all_industries()} | {
        v["name_2011"] for v in VECTORS["renamed_2011"]
    }
    assert not names & set(industry.short_names())


def test_short_names_read_as_listed() -> None:
    for name, candidates in industry.short_names().items():
        result = industry.check(name)
        if len(candidates) == 1:
            assert result.info.code == candidates[0], name
        else:
            assert result.problems[0].code == "industry.ambiguous", name


# ------------------------------------------------------------- the interface


def test_output_code_gives_the_letter_code() -> None:
    assert industry.validate("软件业", output="code") == "I65"
    assert industry.validate("信息传输、软件和信息技术服务业", output="code") == "I"


def test_format_shows_code_and_name() -> None:
    assert industry.format("65") == "I65 软件和信息技术服务业"


def test_info_gives_code_name_section_and_level() -> None:
    found = industry.info("I65")
    assert (found.code, found.full_code, found.name, found.section, found.level) == (
        "65",
        "I65",
        "软件和信息技术服务业",
        "I",
        "division",
    )
    assert found.section_name == "信息传输、软件和信息技术服务业"


def test_validate_raises_the_modules_error_with_the_code() -> None:
    with pytest.raises(industry.InvalidIndustry) as caught:
        industry.validate("物流")
    assert caught.value.code == "industry.ambiguous"


@pytest.mark.parametrize("value", [None, 1.5, b"I65", ["I65"], "", "   ", "x" * 10_000])
def test_wrong_types_empty_and_huge_values_are_findings(value: object) -> None:
    result = industry.check(value)
    assert not result.ok and result.value is None


@given(st.text(max_size=60))
def test_check_never_raises_and_agrees_with_is_valid(text: str) -> None:
    result = industry.check(text)
    assert industry.is_valid(text) == result.ok
    for problem in result.problems:
        assert messages.lookup(problem.code) is not None
    if result.ok:
        assert industry.validate(text) == result.value


@given(st.integers(0, 2**32))
def test_generated_values_are_valid_and_normalize_to_themselves(seed: int) -> None:
    value = industry.generate(random.Random(seed))
    name = industry.validate(value)
    assert industry.validate(name) == name
    assert industry.compact(industry.compact(value)) == industry.compact(value)
    assert industry.mask(value) != value


def test_every_code_is_emitted_and_renders_fully_in_both_languages() -> None:
    samples = ["x" * 300, "", None, "随便", "98", "物流", "A65", "I65 房地产业", "仓储业", "O79"]
    emitted = [p for v in [*samples, "6510", "软件业"] for p in industry.check(v).problems]
    assert {p.code for p in emitted} == set(industry.MESSAGES)
    for problem in emitted:
        for locale in ("zh", "en"):
            assert "?" not in messages.render(problem.code, locale, problem.params)
