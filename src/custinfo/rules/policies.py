"""Policy tables: a business's judgement as data a user can replace.

The seeds ask reviewers to check that the budget range fits the demand type,
that the contract amount fits the customer level, and that the customer level
was judged from cooperation length and annual purchases, but they give no
numbers. custinfo ships the defaults below as a starting point (severity
warning: a reviewer looks, nothing is rejected) and every rule that uses a table
takes the user's own instead:

>>> t = BUDGET_BY_DEMAND.updated({"技术咨询": ["1万以下", "1-5万"]})
>>> dict(t.judge("技术咨询", "10万以上"))
{'key': '技术咨询', 'value': '10万以上', 'allowed': ('1万以下', '1-5万')}
>>> AMOUNT_BY_LEVEL.judge("战略客户", Decimal("5000")) is not None
True
>>> LEVEL_CRITERIA.judge("战略客户", years=5, annual=None) is None
True

Every policy answers ``judge(...)`` with ``None`` when the value fits (or when
the policy has nothing to say about the key) and otherwise a mapping of message
parameters. Parameters echo only the policy's own labels and thresholds, never
free input.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Protocol

import attrs
from attrs import define, field

from custinfo.rules._values import as_amount

__all__ = [
    "AMOUNT_BY_LEVEL",
    "BUDGET_BY_DEMAND",
    "LEVEL_CRITERIA",
    "Band",
    "Bands",
    "Criteria",
    "Levels",
    "Policy",
    "Table",
]


class Policy(Protocol):
    """What :func:`custinfo.rules.blocks.consistent_with` asks of a table."""

    def judge(self, key: Any, value: Any) -> Mapping[str, Any] | None:
        """None when ``value`` fits ``key`` (or nothing is known); else message params.

        A function of ``key`` and ``value`` alone: forms remember its answers."""


# -- categorical tables ------------------------------------------------------


def _allowed(value: Mapping[str, Iterable[str]]) -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType({str(k): tuple(v) for k, v in value.items()})


@define(frozen=True, slots=True)
class Table:
    """For each value of one field, the values of another field that fit it.

    Keys missing from the table are not judged, so a demand type added to the
    form later passes until the table names it.
    """

    allowed: Mapping[str, tuple[str, ...]] = field(converter=_allowed)
    description: str = ""

    def judge(self, key: Any, value: Any) -> Mapping[str, Any] | None:
        """None when ``value`` is allowed for ``key`` or ``key`` is not in the table."""
        fits = self.allowed.get(key) if isinstance(key, str) else None
        if fits is None or value in fits:
            return None
        params: dict[str, Any] = {"key": key}
        if isinstance(value, str) and any(value in v for v in self.allowed.values()):
            params["value"] = value  # one of the policy's own labels, safe to show
        params["allowed"] = fits
        return params

    def updated(self, entries: Mapping[str, Iterable[str]]) -> Table:
        """A copy with some keys' allowed values replaced (or added)."""
        return attrs.evolve(self, allowed={**self.allowed, **_allowed(entries)})


# -- amount bands ------------------------------------------------------------


def _decimal(value: object) -> Decimal | None:
    if value is None:
        return None
    amount = as_amount(value)
    if amount is None:
        raise ValueError(f"not an amount: {value!r}")
    return amount


def _plain(amount: Decimal, grouping: str = "") -> str:
    text = format(amount, f"{grouping}f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _yuan_zh(amount: Decimal) -> str:
    """``500000`` → ``50万元``; amounts that are not whole 万 in yuan."""
    if amount >= 10_000 and amount % 10_000 == 0:
        return _plain(amount / 10_000) + "万元"
    return _plain(amount) + "元"


def _yuan_en(amount: Decimal) -> str:
    return _plain(amount, ",") + " yuan"


@define(frozen=True, slots=True)
class Band:
    """An amount range in yuan, both ends inclusive; ``None`` leaves an end open."""

    low: Decimal | None = field(default=None, converter=_decimal)
    high: Decimal | None = field(default=None, converter=_decimal)

    def __contains__(self, amount: object) -> bool:
        if not isinstance(amount, Decimal):
            return False
        return (self.low is None or amount >= self.low) and (
            self.high is None or amount <= self.high
        )

    def describe(self, locale: str = "zh") -> str:
        """``10万元–1000万元`` / ``100,000–10,000,000 yuan``; open ends in words."""
        show = _yuan_zh if locale == "zh" else _yuan_en
        low, high = self.low, self.high
        if low is not None and high is not None:
            return f"{show(low)}–{show(high)}"
        if low is not None:
            return f"不低于{show(low)}" if locale == "zh" else f"at least {show(low)}"
        if high is not None:
            return f"不超过{show(high)}" if locale == "zh" else f"at most {show(high)}"
        return "不限" if locale == "zh" else "any amount"


def _band(value: Band | tuple[object, object]) -> Band:
    return value if isinstance(value, Band) else Band(*value)


def _bands(value: Mapping[str, Band | tuple[object, object]]) -> Mapping[str, Band]:
    return MappingProxyType({str(k): _band(v) for k, v in value.items()})


@define(frozen=True, slots=True)
class Bands:
    """For each value of one field (a customer level), the amount band that fits it.

    Bands may overlap; a value outside its key's band is reported with the band.
    """

    bands: Mapping[str, Band] = field(converter=_bands)
    description: str = ""

    def judge(self, key: Any, value: Any) -> Mapping[str, Any] | None:
        """None when the amount ``value`` lies in the band of ``key`` (or is unreadable)."""
        band = self.bands.get(key) if isinstance(key, str) else None
        amount = as_amount(value)
        if band is None or amount is None or amount in band:
            return None
        return {"key": key, "band_zh": band.describe("zh"), "band_en": band.describe("en")}

    def updated(self, entries: Mapping[str, Band | tuple[object, object]]) -> Bands:
        """A copy with some keys' bands replaced (or added)."""
        return attrs.evolve(self, bands={**self.bands, **_bands(entries)})


# -- customer level criteria -------------------------------------------------


@define(frozen=True, slots=True)
class Criteria:
    """What a customer level asks for: whole years of cooperation, yearly purchases (yuan)."""

    min_years: int = 0
    min_annual: Decimal = field(default=Decimal(0), converter=_decimal)


def _criteria(value: Mapping[str, Criteria | tuple[int, object]]) -> Mapping[str, Criteria]:
    return MappingProxyType(
        {str(k): v if isinstance(v, Criteria) else Criteria(*v) for k, v in value.items()}
    )


@define(frozen=True, slots=True)
class Levels:
    """Customer levels against cooperation years and annual purchases.

    The seed has levels "judged comprehensively" (综合判定) from these measures,
    so a level is questioned only when *every* known measure falls short of its
    minimum: five years of cooperation support 战略客户 even when purchases are
    not recorded, and vice versa. A measure nobody recorded is not held against
    the level.
    """

    criteria: Mapping[str, Criteria] = field(converter=_criteria)
    description: str = ""

    def judge(
        self, level: Any, *, years: int | None, annual: Decimal | None
    ) -> Mapping[str, Any] | None:
        """None when the level is supported by some known measure (or not judged)."""
        wanted = self.criteria.get(level) if isinstance(level, str) else None
        if wanted is None:
            return None
        short_zh: list[str] = []
        short_en: list[str] = []
        known = 0
        if years is not None and wanted.min_years > 0:
            known += 1
            if years >= wanted.min_years:
                return None
            short_zh.append(f"合作{years}年,应不少于{wanted.min_years}年")
            short_en.append(
                f"{years} full year(s) of cooperation, at least {wanted.min_years} expected"
            )
        if annual is not None and wanted.min_annual > 0:
            known += 1
            if annual >= wanted.min_annual:
                return None
            short_zh.append(f"年采购额应不低于{_yuan_zh(wanted.min_annual)}")
            short_en.append(f"annual purchases of at least {_yuan_en(wanted.min_annual)} expected")
        if not known:
            return None
        return {"level": level, "reason_zh": ";".join(short_zh), "reason_en": "; ".join(short_en)}

    def updated(self, entries: Mapping[str, Criteria | tuple[int, object]]) -> Levels:
        """A copy with some levels' criteria replaced (or added)."""
        return attrs.evolve(self, criteria={**self.criteria, **_criteria(entries)})


# -- the defaults ------------------------------------------------------------

BUDGET_BY_DEMAND = Table(
    {
        "产品采购": ("1万以下", "1-5万", "5-10万", "10万以上"),
        "技术咨询": ("1万以下", "1-5万", "5-10万"),
        "合作咨询": ("1-5万", "5-10万", "10万以上"),
    },
    description=(
        "Purchases come in every size; a technical consultation above 10万 or a "
        "cooperation enquiry under 1万 is unusual and worth a second look."
    ),
)
"""Budget ranges (预算范围) that fit each demand type (需求类型)."""

AMOUNT_BY_LEVEL = Bands(
    {
        "战略客户": Band(500_000, None),
        "重点客户": Band(100_000, 10_000_000),
        "普通客户": Band(None, 1_000_000),
        "潜在客户": Band(None, 100_000),
    },
    description=(
        "A strategic customer's contract is at least 50万元; a key customer's "
        "between 10万 and 1000万元; an ordinary customer's at most 100万元; a "
        "prospect's (a first, trial contract) at most 10万元."
    ),
)
"""Contract amount bands (合同金额, yuan) that fit each customer level (客户等级)."""

LEVEL_CRITERIA = Levels(
    {
        "战略客户": Criteria(3, 1_000_000),
        "重点客户": Criteria(1, 200_000),
        "普通客户": Criteria(0, 0),
        "潜在客户": Criteria(0, 0),
    },
    description=(
        "Strategic: 3 years of cooperation or 100万元 a year; key: 1 year or "
        "20万元 a year; ordinary and prospect: no minimum."
    ),
)
"""Minimum cooperation years and annual purchases (yuan) for each customer level."""
