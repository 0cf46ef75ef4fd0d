"""Contract and archive numbers: PREFIX-YYYY-NNN, as the enterprise seed writes them."""

from __future__ import annotations

import datetime
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from custinfo import messages
from custinfo.findings import Severity
from custinfo.validators import codes

TODAY = datetime.date(2026, 11, 25)


def found(value: object, **options: object) -> list[str]:
    return [p.code for p in codes.check(value, **options).problems]


def test_the_seeds_examples_are_valid_as_written() -> None:
    # 客户信息管理标准化表单 V2.1: 合同编号 HT-2024-005, 档案编号 KH-2024-001.
    assert codes.check("HT-2024-005").problems == ()
    assert codes.check("KH-2024-001", prefix="KH").problems == ()


@pytest.mark.parametrize(
    "written",
    [
        "ht-2024-005",
        "HT—2024—005",
        "HT–2024–005",
        "ＨＴ－２０２４－００５",
        "HT_2024_005",
        "HT 2024 005",
        "HT/2024/005",
        "HT2024005",
        "HT-2024-5",
        "HT-2024-05",
        "HT-2024-0005",
        "HT - 2024 - 005",
    ],
)
def test_lenient_spellings_are_normalized_with_a_warning(written: str) -> None:
    result = codes.check(written)
    assert result.ok and result.value == "HT-2024-005"
    [problem] = result.problems
    assert (problem.code, problem.severity) == ("codes.lenient", Severity.WARNING)
    assert problem.params == {"normalized": "HT-2024-005"}


@pytest.mark.parametrize("written", ["HT-24-005", "HT-2O24-005", "HT-20245", "2024-005", "HT", ""])
def test_unsafe_or_malformed_codes_are_format_errors(written: str) -> None:
    assert found(written) == ["codes.format"]


def test_the_format_message_shows_the_expected_pattern() -> None:
    problem = codes.check("??", prefix="KH", width=4).problems[0]
    assert (
        messages.render(problem.code, "en", problem.params) == "Code must be written KH-YYYY-NNNN"
    )


def test_another_prefix_is_an_error_naming_the_expected_one() -> None:
    result = codes.check("KH-2024-001")
    assert [p.code for p in result.problems] == ["codes.prefix"]
    assert "HT" in messages.render("codes.prefix", "zh", result.problems[0].params)


def test_several_prefixes_or_any_prefix_may_be_allowed() -> None:
    assert codes.is_valid("KH-2024-001", prefix=("HT", "KH"))
    assert codes.is_valid("CG-2024-001", prefix=None)


def test_a_year_after_next_year_is_an_error_when_today_is_known() -> None:
    assert found("HT-2027-001", today=TODAY) == []
    assert found("HT-2028-001", today=TODAY) == ["codes.year"]
    assert found("HT-2028-001") == []  # no reference day, no upper bound


def test_a_year_before_1949_is_an_error() -> None:
    assert found("HT-1948-001") == ["codes.year"]
    assert found("HT-1990-001", earliest_year=2000) == ["codes.year"]


def test_a_zero_or_too_wide_sequence_is_an_error() -> None:
    assert found("HT-2024-000") == ["codes.sequence"]
    assert found("HT-2024-1000") == ["codes.sequence"]
    assert found("HT-2024-1000", width=4) == []


def test_width_sets_the_zero_padding() -> None:
    assert codes.validate("HT-2024-5", width=4) == "HT-2024-0005"


def test_info_gives_prefix_year_and_sequence() -> None:
    assert codes.info("kh-2023-17", prefix="KH") == codes.CodeInfo("KH", 2023, 17)


def test_mask_keeps_prefix_and_year() -> None:
    assert codes.mask("HT-2024-005") == "HT-2024-***"


@pytest.mark.parametrize("value", [None, 2024005, 1.5, b"HT-2024-005", "x" * 1000])
def test_wrong_types_and_huge_values_are_findings(value: object) -> None:
    assert not codes.check(value).ok


@given(st.text(max_size=40))
def test_check_never_raises_and_agrees_with_is_valid(text: str) -> None:
    result = codes.check(text, today=TODAY)
    assert codes.is_valid(text, today=TODAY) == result.ok
    for problem in result.problems:
        assert messages.lookup(problem.code) is not None


@given(st.integers(0, 2**32), st.sampled_from(["HT", "KH"]), st.integers(1, 6))
def test_generated_codes_are_valid_and_format_is_idempotent(
    seed: int, prefix: str, width: int
) -> None:
    value = codes.generate(random.Random(seed), prefix=prefix, width=width)
    assert codes.check(value, prefix=prefix, width=width).problems == ()
    assert codes.format(value, prefix=prefix, width=width) == value
    assert codes.mask(value) != value


@given(st.integers(1949, 2100), st.integers(1, 999), st.sampled_from(["-", "_", " ", "—", ""]))
def test_any_separator_and_case_reads_back_to_the_same_parts(year: int, seq: int, sep: str) -> None:
    written = f"ht{sep}{year}{sep or '-'}{seq}"
    assert codes.info(written) == codes.CodeInfo("HT", year, seq)


def test_every_code_is_emitted_and_renders_fully_in_both_languages() -> None:
    samples = [None, "??", "KH-2024-001", "HT-1900-001", "HT-2024-000", "ht-2024-5"]
    emitted = [p for v in samples for p in codes.check(v, today=TODAY).problems]
    assert {p.code for p in emitted} == set(codes.MESSAGES)
    for problem in emitted:
        for locale in ("zh", "en"):
            assert "?" not in messages.render(problem.code, locale, problem.params)
