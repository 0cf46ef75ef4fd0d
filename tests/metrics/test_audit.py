"""The audit: sampling plan (rate, strata, reproducibility) and entered-versus-verified values."""

from __future__ import annotations

import datetime
import json
import math
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from custinfo import DefinitionError
from custinfo.metrics import compare, plan_audit, wilson
from custinfo.metrics.audit import SEED_RATE


def population(sizes: dict[str | None, int]) -> dict[str, str | None]:
    return {f"{who or 'x'}-{i}": who for who, n in sizes.items() for i in range(n)}


def test_each_collector_gets_at_least_the_rate_and_at_least_one_record() -> None:
    records = population({"王芳": 100, "李雷": 7, "赵敏": 1, None: 3})
    plan = plan_audit(records, seed=1)
    sampled = {s.collector: (s.population, s.sampled) for s in plan.strata}
    # ceil(0.3 × 100) = 30, ceil(2.1) = 3, ceil(0.3) = 1, ceil(0.9) = 1.
    assert sampled == {"王芳": (100, 30), "李雷": (7, 3), "赵敏": (1, 1), None: (3, 1)}
    assert len(plan) == 35 and plan.population == 111
    assert plan.achieved_rate >= 0.3 and plan.meets_seed


def test_a_rate_of_30_percent_is_exactly_30_records_in_100() -> None:
    # 0.3 × 10 is 3.0000000000000004 in floating point; the plan must not round that up to 4.
    plan = plan_audit(population({"王芳": 10, "李雷": 100}), seed=7)
    assert [s.sampled for s in plan.strata] == [30, 3]


def test_a_higher_rate_is_honoured_and_a_lower_one_is_flagged() -> None:
    records = population({"王芳": 40})
    assert len(plan_audit(records, seed=1, rate=0.55)) == 22
    assert len(plan_audit(records, seed=1, rate="1/2")) == 20
    low = plan_audit(records, seed=1, rate=0.1)
    assert len(low) == 4 and not low.meets_seed


def test_the_same_seed_gives_the_same_sample_whatever_the_input_order() -> None:
    records = population({"王芳": 50, "李雷": 20})
    shuffled = dict(reversed(list(records.items())))
    assert plan_audit(records, seed="2024Q3") == plan_audit(shuffled, seed="2024Q3")
    assert plan_audit(records, seed=1).ids != plan_audit(records, seed=2).ids


def test_adding_a_collector_does_not_redraw_the_others() -> None:
    before = plan_audit(population({"王芳": 50}), seed=9)
    after = plan_audit(population({"王芳": 50, "李雷": 10}), seed=9)
    assert set(before.ids) <= set(after.ids)


def test_plan_from_pairs_and_json() -> None:
    plan = plan_audit([(1, "王芳"), (2, "王芳"), (3, "李雷")], seed=0, rate=1)
    assert sorted(plan.ids) == [1, 2, 3]  # type: ignore[type-var]
    assert json.loads(json.dumps(plan.to_dict()))["population"] == 3


@pytest.mark.parametrize("rate", [0, -0.1, 1.5, "lots"])
def test_impossible_rates_are_refused(rate: object) -> None:
    with pytest.raises(DefinitionError):
        plan_audit({"a": "王芳"}, seed=0, rate=rate)  # type: ignore[arg-type]


def test_a_record_id_listed_twice_is_refused() -> None:
    with pytest.raises(DefinitionError):
        plan_audit([("a", "王芳"), ("a", "李雷")], seed=0)


@given(
    st.dictionaries(
        st.sampled_from(["王芳", "李雷", "赵敏", "钱伟"]), st.integers(1, 60), min_size=1
    ),
    st.sampled_from([0.3, 0.35, 0.5, 0.01, 1.0]),
    st.integers(0, 10**6),
)
def test_sampling_plan_property_rate_and_strata(
    sizes: dict[str, int], rate: float, seed: int
) -> None:
    records = population(sizes)  # type: ignore[arg-type]
    plan = plan_audit(records, seed=seed, rate=rate)
    assert len(set(plan.ids)) == len(plan.ids)
    assert set(plan.ids) <= set(records)
    for s in plan.strata:
        drawn = [i for i in plan.ids if records[i] == s.collector]  # type: ignore[index]
        assert len(drawn) == s.sampled
        assert s.sampled >= max(1, math.ceil(round(rate * s.population, 9)))
        assert s.sampled <= s.population
    assert len(plan) >= rate * len(records) - 1e-9
    assert plan == plan_audit(records, seed=seed, rate=rate)


def test_default_rate_is_the_seeds_30_percent() -> None:
    assert SEED_RATE == 0.3


# --- comparison ------------------------------------------------------------------------


ENTERED = {
    "r1": {"phone": "１３８ ００１３ ８０００", "customer_name": "（北京）华信科技有限公司",
           "email": "Zhang@Example.com"},
    "r2": {"phone": "13800138001", "customer_name": "华信科技", "email": "li@example.com"},
    "r3": {"phone": "138-0013-8002", "customer_name": "博远 科技有限公司", "email": None},
    "r4": {"phone": "13800138003", "customer_name": "星辰有限公司", "email": "x@example.com"},
}  # fmt: skip
VERIFIED = {
    "r1": {"phone": "13800138000", "customer_name": "(北京)华信科技有限公司",
           "email": "zhang@example.com"},
    "r2": {"phone": "13800138000", "customer_name": "华信科技有限公司"},
    "r3": {"phone": "13800138002", "customer_name": "博远科技有限公司", "email": ""},
}  # fmt: skip


def test_formatting_differences_are_not_errors_but_wrong_values_are() -> None:
    result = compare(ENTERED, VERIFIED, population=40)
    assert result.mismatches == (("r2", "phone"), ("r2", "customer_name"))
    assert {k: (f.checked, f.correct) for k, f in result.fields.items()} == {
        "customer_name": (3, 2),
        "email": (2, 2),
        "phone": (3, 2),
    }
    assert (result.records, result.records_correct) == (3, 2)


def test_field_and_record_accuracy_carry_n_and_n_of_population() -> None:
    result = compare(ENTERED, VERIFIED, population=40)
    ci = result.field_accuracy("phone")
    assert (ci.successes, ci.n, ci.population, ci.fpc) == (2, 3, 40, False)
    assert ci.low == pytest.approx(wilson(2, 3).low)
    record = result.record_accuracy(method="clopper-pearson")
    assert record.method == "clopper-pearson" and record.n == 3
    with pytest.raises(DefinitionError):
        result.field_accuracy("address")


def test_population_estimate_applies_the_finite_population_correction() -> None:
    result = compare(ENTERED, VERIFIED, population=4)
    estimate = result.estimate()
    assert estimate.fpc and estimate.population == 4
    assert estimate.high - estimate.low < wilson(2, 3).high - wilson(2, 3).low
    assert result.summary() == estimate.summary()
    assert "n=3 of N=4" in result.summary()
    assert "总体 N=4" in result.summary("zh")


def test_population_can_come_from_the_plan() -> None:
    plan = plan_audit({k: "王芳" for k in ENTERED}, seed=0)
    assert compare(ENTERED, VERIFIED, population=plan).population == 4


def test_only_the_chosen_fields_are_compared() -> None:
    result = compare(ENTERED, VERIFIED, fields=["email"])
    assert list(result.fields) == ["email"] and result.records == 2


def test_custom_normalizer_for_a_field() -> None:
    entered = {"r1": {"phone": "+86 138 0013 8000"}}
    verified = {"r1": {"phone": "13800138000"}}
    assert compare(entered, verified).records_correct == 0
    strip = {"phone": lambda s: s.replace(" ", "").removeprefix("+86")}
    assert compare(entered, verified, normalizers=strip).records_correct == 1


def test_values_of_other_types_compare_by_meaning() -> None:
    entered = {"r": {"amount": Decimal("50000.00"), "day": datetime.date(2024, 5, 6), "n": 5.0}}
    verified = {"r": {"amount": "50000", "day": "2024-05-06", "n": 5}}
    assert compare(entered, verified).records_correct == 1


def test_a_verified_record_that_was_never_entered_is_refused() -> None:
    with pytest.raises(DefinitionError):
        compare({}, {"r9": {"phone": "1"}})


def test_accuracy_by_collector() -> None:
    collectors = {"r1": "王芳", "r2": "李雷", "r3": "王芳"}
    result = compare(ENTERED, VERIFIED, collectors=collectors)
    assert {k: (v.records, v.correct) for k, v in result.by_collector.items()} == {
        "李雷": (1, 0),
        "王芳": (2, 2),
    }


def test_no_entered_or_verified_value_is_kept_in_the_result() -> None:
    text = json.dumps(compare(ENTERED, VERIFIED, population=40).to_dict(), ensure_ascii=False)
    assert "13800138" not in text and "华信" not in text
