"""Policy tables: defaults, replacement, judging."""

from __future__ import annotations

from decimal import Decimal

import pytest

from custinfo.rules import policies
from custinfo.validators import choices


def test_the_default_tables_only_name_the_forms_own_labels():
    demand = set(choices.STANDARD["demand_type"])
    budget = set(choices.STANDARD["budget_range"])
    levels = set(choices.STANDARD["customer_level"])
    assert set(policies.BUDGET_BY_DEMAND.allowed) == demand
    assert all(set(v) <= budget for v in policies.BUDGET_BY_DEMAND.allowed.values())
    assert set(policies.AMOUNT_BY_LEVEL.bands) == levels
    assert set(policies.LEVEL_CRITERIA.criteria) == levels


def test_a_table_has_no_opinion_on_keys_it_does_not_name():
    assert policies.BUDGET_BY_DEMAND.judge("售后服务", "10万以上") is None
    assert policies.BUDGET_BY_DEMAND.judge(None, "10万以上") is None


def test_a_table_does_not_echo_free_input():
    params = policies.BUDGET_BY_DEMAND.judge("技术咨询", "my phone is 13800138000")
    assert params is not None
    assert "value" not in params


def test_updated_replaces_entries_and_keeps_the_original():
    table = policies.BUDGET_BY_DEMAND.updated({"产品采购": ["10万以上"]})
    assert table.judge("产品采购", "1万以下") is not None
    assert policies.BUDGET_BY_DEMAND.judge("产品采购", "1万以下") is None


@pytest.mark.parametrize(
    ("level", "amount", "fits"),
    [
        ("战略客户", "500000", True),
        ("战略客户", "499999.99", False),
        ("重点客户", "10000000", True),
        ("重点客户", "10000000.01", False),
        ("普通客户", "0", True),
        ("潜在客户", "100000", True),
        ("潜在客户", "100001", False),
    ],
)
def test_bands_include_both_ends(level, amount, fits):
    assert (policies.AMOUNT_BY_LEVEL.judge(level, Decimal(amount)) is None) is fits


def test_bands_describe_themselves_in_both_languages():
    band = policies.Band(100_000, 10_000_000)
    assert band.describe("zh") == "10万元–1000万元"
    assert band.describe("en") == "100,000 yuan–10,000,000 yuan"
    assert policies.Band(None, Decimal("1234.50")).describe("zh") == "不超过1234.5元"
    assert policies.Band().describe("en") == "any amount"


def test_a_band_refuses_something_that_is_not_an_amount():
    with pytest.raises(ValueError):
        policies.Band("lots", None)


def test_levels_want_some_known_measure_to_meet_the_minimum():
    levels = policies.LEVEL_CRITERIA
    assert levels.judge("战略客户", years=3, annual=None) is None
    assert levels.judge("战略客户", years=None, annual=Decimal(1_000_000)) is None
    assert levels.judge("战略客户", years=1, annual=Decimal(2_000_000)) is None
    assert levels.judge("战略客户", years=None, annual=None) is None
    assert levels.judge("普通客户", years=0, annual=Decimal(0)) is None
    short = levels.judge("战略客户", years=2, annual=Decimal(10))
    assert short is not None
    assert short["level"] == "战略客户"
    assert "3" in short["reason_en"] and "1,000,000" in short["reason_en"]


def test_levels_accept_plain_tuples():
    levels = policies.Levels({"金牌客户": (5, "100万")})
    assert levels.criteria["金牌客户"] == policies.Criteria(5, Decimal(1_000_000))
    assert levels.judge("金牌客户", years=4, annual=None) is not None
