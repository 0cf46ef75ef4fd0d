"""Confidence intervals and the sample-size planner against published and hand-computed values."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from custinfo import DefinitionError
from custinfo.metrics.intervals import (
    beta_ppf,
    clopper_pearson,
    margin_of_error,
    proportion,
    regularized_beta,
    sample_size,
    wilson,
    z_value,
)

NEWCOMBE = json.loads(
    (Path(__file__).parents[1] / "vectors" / "newcombe1998_proportion_intervals.json").read_text(
        encoding="utf-8"
    )
)


@pytest.mark.parametrize("case", NEWCOMBE["cases"], ids=lambda c: f"{c['successes']}/{c['n']}")
def test_wilson_bounds_match_newcombe_1998(case: dict[str, object]) -> None:
    ci = wilson(case["successes"], case["n"], confidence=NEWCOMBE["confidence"])  # type: ignore[arg-type]
    assert [round(ci.low, 4), round(ci.high, 4)] == case["wilson"]


@pytest.mark.parametrize("case", NEWCOMBE["cases"], ids=lambda c: f"{c['successes']}/{c['n']}")
def test_clopper_pearson_bounds_match_newcombe_1998(case: dict[str, object]) -> None:
    ci = clopper_pearson(case["successes"], case["n"])  # type: ignore[arg-type]
    assert [round(ci.low, 4), round(ci.high, 4)] == case["clopper_pearson"]


def test_wilson_interval_by_hand_for_9_of_10() -> None:
    # p = 0.9, z² = 3.841459; centre = (0.9 + 0.192073) / 1.384146 = 0.788987;
    # half = 1.959964 * sqrt(0.009 + 0.0096036) / 1.384146 = 0.193139.
    ci = wilson(9, 10)
    assert ci.low == pytest.approx(0.595850, abs=1e-6)
    assert ci.high == pytest.approx(0.982124, abs=1e-6)


def test_z_value_for_95_percent_is_1_96() -> None:
    assert z_value(0.95) == pytest.approx(1.959964, abs=1e-6)
    assert z_value(0.99) == pytest.approx(2.575829, abs=1e-6)


def test_regularized_beta_matches_closed_forms() -> None:
    # I_x(1, b) = 1 - (1-x)^b and I_x(a, 1) = x^a.
    assert regularized_beta(0.3, 1, 4) == pytest.approx(1 - 0.7**4, abs=1e-12)
    assert regularized_beta(0.3, 5, 1) == pytest.approx(0.3**5, abs=1e-12)
    assert regularized_beta(0.5, 7, 7) == pytest.approx(0.5, abs=1e-12)


@given(st.floats(0.001, 0.999), st.floats(0.5, 500), st.floats(0.5, 500))
def test_beta_quantile_inverts_the_cdf(q: float, a: float, b: float) -> None:
    assert regularized_beta(beta_ppf(q, a, b), a, b) == pytest.approx(q, abs=1e-7)


def test_clopper_pearson_agrees_with_scipy_where_installed() -> None:
    stats = pytest.importorskip("scipy.stats")
    for x, n in [(389, 400), (399, 400), (3, 7), (1200, 1234), (50, 100)]:
        ci = clopper_pearson(x, n, confidence=0.9)
        assert ci.low == pytest.approx(stats.beta.ppf(0.05, x, n - x + 1), abs=1e-9)
        assert ci.high == pytest.approx(stats.beta.ppf(0.95, x + 1, n - x), abs=1e-9)


def test_all_or_nothing_samples_reach_the_ends_of_the_scale() -> None:
    for method in ("wilson", "clopper-pearson"):
        assert proportion(0, 50, method=method).low == 0.0  # type: ignore[arg-type]
        assert proportion(50, 50, method=method).high == 1.0  # type: ignore[arg-type]


@given(st.integers(1, 300).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))))
def test_every_interval_contains_its_estimate(case: tuple[int, int]) -> None:
    x, n = case
    for ci in (wilson(x, n), clopper_pearson(x, n)):
        assert 0.0 <= ci.low <= ci.estimate <= ci.high <= 1.0


def test_finite_population_correction_narrows_the_interval() -> None:
    plain = wilson(389, 400)
    corrected = wilson(389, 400, population=500)
    assert corrected.fpc and not plain.fpc
    assert plain.low < corrected.low < corrected.high < plain.high


def test_a_census_has_no_uncertainty() -> None:
    ci = wilson(97, 100, population=100)
    assert ci.low == ci.high == 0.97


def test_large_population_barely_changes_the_interval() -> None:
    plain, corrected = wilson(389, 400), wilson(389, 400, population=10**7)
    assert corrected.low == pytest.approx(plain.low, abs=1e-4)


def test_exact_interval_with_population_is_hypergeometric_and_agrees_with_scipy() -> None:
    stats = pytest.importorskip("scipy.stats")
    x, n, population = 37, 40, 120
    ci = clopper_pearson(x, n, population=population)
    low_k, high_k = round(ci.low * population), round(ci.high * population)
    # The bounds are the extreme population counts K not rejected at 2.5% in either tail.
    assert stats.hypergeom.sf(x - 1, population, low_k, n) > 0.025
    assert stats.hypergeom.sf(x - 1, population, low_k - 1, n) <= 0.025
    assert stats.hypergeom.cdf(x, population, high_k, n) > 0.025
    assert stats.hypergeom.cdf(x, population, high_k + 1, n) <= 0.025


def test_summary_sentence_in_english_and_chinese() -> None:
    ci = proportion(389, 400, population=120_000)
    assert ci.summary() == "accuracy 97.2% (95% CI 95.1–98.5%, n=400 of N=120,000)"
    assert ci.summary("zh") == "准确率 97.2%(95% 置信区间 95.1%–98.5%,样本 n=400,总体 N=120,000)"
    assert (
        wilson(9, 10, confidence=0.9).summary(label="on time").startswith("on time 90.0% (90% CI")
    )


def test_cochran_sample_size_for_5_percent_margin_is_385() -> None:
    # n0 = 1.959964² × 0.25 / 0.05² = 384.15 → 385.
    assert sample_size(0.05) == 385


def test_sample_size_with_finite_population_by_hand() -> None:
    # n = n0 / (1 + (n0 - 1) / N): N=1000 → 277.7 → 278; N=120,000, ±2% → n0=2400.9 → 2353.9 → 2354.
    assert sample_size(0.05, population=1000) == 278
    assert sample_size(0.02, population=120_000) == 2354
    assert sample_size(0.05, population=10) == 10


def test_sample_size_needs_fewer_records_when_accuracy_is_expected_high() -> None:
    # n0 = 1.959964² × 0.97 × 0.03 / 0.01² = 1117.9 → 1118.
    assert sample_size(0.01, expected=0.97) == 1118


def test_planned_sample_achieves_the_margin() -> None:
    n = sample_size(0.03, population=50_000)
    assert margin_of_error(n, population=50_000) <= 0.03
    assert margin_of_error(n - 1, population=50_000) > 0.03


@pytest.mark.parametrize(
    "call",
    [
        lambda: wilson(5, 0),
        lambda: wilson(6, 5),
        lambda: wilson(5, 10, population=8),
        lambda: wilson(5, 10, confidence=1.0),
        lambda: proportion(5, 10, method="wald"),  # type: ignore[arg-type]
        lambda: sample_size(0),
        lambda: sample_size(0.05, expected=1.0),
    ],
)
def test_impossible_arguments_are_definition_errors(call: object) -> None:
    with pytest.raises(DefinitionError):
        call()  # type: ignore[operator]


def test_interval_to_dict_is_json_ready() -> None:
    data = wilson(3, 4).to_dict()
    assert json.loads(json.dumps(data)) == data
    assert math.isclose(data["estimate"], 0.75)  # type: ignore[arg-type]
