"""The person_name validator: real names, rare characters, minority names, placeholders."""

from __future__ import annotations

import json
import random
import unicodedata
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from custinfo.findings import Severity
from custinfo.validators import person_name

VECTORS = json.loads(
    (Path(__file__).parent.parent / "vectors" / "person_names.json").read_text("utf-8")
)
FACTS = ("script", "surname", "given_name", "compound_surname", "rare_characters", "parts")


@pytest.mark.parametrize("case", VECTORS["cases"], ids=lambda c: c["input"])
def test_real_world_names_get_the_expected_verdict(case):
    result = person_name.check(case["input"])
    assert result.ok is case["valid"], case["source"]
    if not case["valid"]:
        assert result.problems[0].code == case["code"]
        return
    assert result.value == case["normalized"]
    warnings = [p.code for p in result.problems if p.severity is Severity.WARNING]
    assert warnings == case.get("warnings", [])
    for fact in FACTS:
        if fact in case:
            expected = case[fact]
            got = getattr(result.info, fact)
            assert (list(got) if isinstance(got, tuple) else got) == expected, fact


def test_there_are_dozens_of_real_world_cases_each_with_a_source():
    assert len(VECTORS["cases"]) >= 60
    assert all(case["source"] for case in VECTORS["cases"])


# --- rare characters -------------------------------------------------------------------


def _ideographs(start: int, stop: int, count: int) -> list[str]:
    found = []
    for code in range(start, stop):
        if unicodedata.name(chr(code), "").startswith("CJK UNIFIED IDEOGRAPH"):
            found.append(chr(code))
            if len(found) == count:
                break
    return found


# One sample from each block: the URO, Extensions A, B, C, D, E, F, G and the
# unified ideographs inside the compatibility block.
RARE = [
    "\u4e00",
    "\u9fa6",  # beyond the [\u4e00-\u9fa5] that naive validators hard-code
    "\u9fef",
    "\u3400",
    "\u4dae",
    "\U00020000",
    "\U00020bb7",
    "\U0002a700",
    "\U0002b740",
    "\U0002b820",
    "\U0002ceb0",
    "\U00030000",
    "\ufa11",
]


@pytest.mark.parametrize("char", RARE, ids=lambda c: f"U+{ord(c):04X}")
def test_a_name_with_a_character_from_any_cjk_block_is_valid(char):
    result = person_name.check("王" + char + "明")
    assert result.ok, unicodedata.name(char, "?")
    assert result.value == "王" + char + "明"


def test_an_ideograph_newer_than_the_unicode_database_is_still_an_ideograph():
    newer = "\U00031350"  # CJK Extension H (Unicode 15.0)
    assert person_name.is_valid("李" + newer)


def test_characters_a_gbk_system_cannot_store_are_reported():
    facts = person_name.info("刘䶮𠮷")
    assert facts.rare_characters == ("䶮", "𠮷")
    assert person_name.info("陶喆").rare_characters == ()


def test_compatibility_ideographs_are_kept_as_written():
    # NFC would turn U+F900 into U+8C48: a different code point from the registered one.
    assert person_name.validate("李\uf900") == "李\uf900"


def test_kangxi_radicals_pasted_from_pdfs_become_ideographs():
    assert person_name.validate("王\u2f00") == "王\u4e00"


# --- normalization ---------------------------------------------------------------------


@pytest.mark.parametrize("dot", ["・", "•", "‧", "･", "⋅", "∙", "·", ".", "。", "．", "·"])
def test_middle_dot_variants_become_u00b7(dot):
    assert person_name.validate(f"买买提{dot}艾力") == "买买提·艾力"


def test_spaces_around_the_middle_dot_are_dropped():
    assert person_name.validate("阿依古丽 · 买买提") == "阿依古丽·买买提"


def test_full_width_and_invisible_characters_are_normalized():
    assert person_name.validate("\u3000张\u200b伟\u3000") == "张伟"
    assert person_name.validate("Ｌｉ Ｎａ") == "Li Na"


def test_typographic_apostrophes_and_dashes_are_unified():
    assert person_name.validate("Mary–Jane O’Neil") == "Mary-Jane O'Neil"


def test_decomposed_accents_are_composed():
    decomposed = "Jose\u0301 Garci\u0301a"
    assert person_name.validate(decomposed) == "José García"


# --- titles -----------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["王先生", "李女士", "张总", "刘经理", "陈老师", "赵工", "钱董"])
def test_title_only_names_are_errors_by_default(value):
    result = person_name.check(value)
    assert [(p.code, p.severity) for p in result.problems] == [
        ("person_name.title_only", Severity.ERROR)
    ]


def test_title_only_names_can_be_allowed_for_the_collector_field():
    # The collection form's seed writes the collector as "*经理".
    result = person_name.check("张经理", allow_title_only=True)
    assert result.ok
    assert [p.code for p in result.problems] == ["person_name.title_only"]
    assert result.problems[0].severity is Severity.WARNING


def test_no_surname_list_rejects_a_rare_surname():
    for name in ("亓官华", "㐀明", "𠀀丽", "乜伟", "隗静", "禤明"):
        assert person_name.is_valid(name), name


_AVOID = set("某测试先女总董工姐哥叔姨老导厂店公司中心小")
_ALPHABET = [
    c
    for block in ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0x2B740, 0x2B81F))
    for c in _ideographs(*block, 200)
    if c not in _AVOID
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), min_size=2, max_size=4, unique=True).map("".join))
def test_any_two_to_four_ideographs_make_a_valid_name(name):
    result = person_name.check(name)
    assert result.ok, name
    assert result.value == name
    assert result.info.surname == name[0] or result.info.compound_surname


# --- info, format, mask, generate --------------------------------------------------------


def test_info_guesses_pinyin_and_western_order():
    assert person_name.info("Zhang Xiaoming").surname == "Zhang"
    assert person_name.info("ZHANG Xiaoming").surname == "ZHANG"
    assert person_name.info("Xiaoming ZHANG").surname == "ZHANG"
    assert person_name.info("John Smith").surname == "Smith"
    assert person_name.info("Smith, John").surname == "Smith"


def test_info_of_a_title_only_name_has_no_given_name():
    facts = person_name.info("欧阳先生")
    assert (facts.surname, facts.given_name, facts.compound_surname) == ("欧阳", None, True)


def test_names_in_other_scripts_are_accepted():
    assert person_name.info("བཀྲ་ཤིས་").script == "tibetan"
    assert person_name.info("Лев Толстой").script == "cyrillic"
    assert person_name.check("Лев Tолстой").problems[0].code == "person_name.mixed_script"


def test_info_of_an_invalid_name_raises():
    with pytest.raises(person_name.InvalidPersonName):
        person_name.info("测试")


def test_format_gives_the_normalized_name():
    assert person_name.format(" 买买提 • 艾力 ") == "买买提·艾力"


def test_mask_keeps_only_the_first_character():
    assert person_name.mask("欧阳娜娜") == "欧***"
    assert person_name.mask("  Zhang San") == "Z***"


def test_error_messages_never_contain_the_name():
    with pytest.raises(person_name.InvalidPersonName) as caught:
        person_name.validate("张伟123")
    assert "张伟" not in str(caught.value)
    assert "张伟" not in caught.value.message("zh")


def test_generated_names_are_valid_without_warnings():
    rng = random.Random(11)
    for _ in range(300):
        name = person_name.generate(rng)
        result = person_name.check(name)
        assert result.ok and result.problems == (), name


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=40), st.binary(max_size=10), st.integers(), st.none()))
def test_check_never_raises_and_agrees_with_is_valid(value):
    result = person_name.check(value)
    assert result.ok == person_name.is_valid(value)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_compact_is_idempotent_and_valid_names_are_fixed_points(value):
    once = person_name.compact(value)
    assert person_name.compact(once) == once
    result = person_name.check(value)
    if result.ok:
        assert person_name.validate(result.value) == result.value


def test_a_huge_input_is_refused():
    assert person_name.check("张" * 100_000).problems[0].code == "person_name.too_long"
    assert person_name.check("张" * 101).problems[0].code == "person_name.too_long"


@pytest.mark.parametrize("value", [None, 1.5, b"x", ["张三"], {"a": 1}])
def test_values_that_are_not_text_have_the_type_code(value):
    assert person_name.check(value).problems[0].code == "person_name.type"


def test_every_code_has_both_messages():
    for code, (zh, en) in person_name.MESSAGES.items():
        assert code.startswith("person_name.")
        assert zh and en


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=30))
@example("\ud800@qq.com")
@example("张\udfff有限公司")
def test_lone_surrogates_and_any_code_point_never_raise(value):
    result = person_name.check(value)
    assert result.ok == person_name.is_valid(value)
    person_name.mask(value)
    person_name.compact(value)
