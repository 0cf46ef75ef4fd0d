"""Choice lists of the standard forms, with the variants people actually type.

The lists are data (:data:`STANDARD`); a form field may carry its own. Matching
folds width, spaces, ``元``, range dashes (``~ ～ 至 到 —``), Chinese numerals and
a repeated ``万``, so ``1万-5万``, ``1~5万元`` and ``１－５万`` all mean ``1-5万``:

>>> validate("1万~5万元", choices="budget_range")
'1-5万'
>>> validate("一万以下", choices="budget_range")
'1万以下'
>>> check("随便", choices="demand_type").problems[0].params["allowed"]
('产品采购', '技术咨询', '合作咨询')
"""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Mapping, Sequence

from custinfo import normalize
from custinfo.findings import Check, DefinitionError, InvalidValue, Problem, Severity

__all__ = [
    "MESSAGES",
    "STANDARD",
    "VARIANTS",
    "InvalidChoice",
    "allowed",
    "check",
    "compact",
    "format",
    "generate",
    "is_valid",
    "mask",
    "validate",
]

STANDARD: Mapping[str, tuple[str, ...]] = {
    "customer_type": ("企业", "个人"),
    "demand_type": ("产品采购", "技术咨询", "合作咨询"),
    "intent_level": ("高意向", "中意向", "低意向", "潜在客户"),
    "budget_range": ("1万以下", "1-5万", "5-10万", "10万以上"),
    "customer_level": ("战略客户", "重点客户", "普通客户", "潜在客户"),
    # Enterprise size classes of 工信部联企业〔2011〕300号 (统计上大中小微型企业划分办法).
    "scale": ("大型", "中型", "小型", "微型"),
}
"""The seeds' choice lists by name (``scale`` from the national size classification)."""

VARIANTS: Mapping[str, tuple[str, ...]] = {
    "企业": ("公司", "单位", "企业客户", "法人", "机构", "组织"),
    "个人": ("个人客户", "自然人", "个体"),
    "产品采购": ("采购", "购买", "产品购买"),
    "技术咨询": ("技术支持咨询", "技术"),
    "合作咨询": ("商务合作", "合作"),
    "高意向": ("高", "意向高", "强意向"),
    "中意向": ("中", "意向中", "一般意向"),
    "低意向": ("低", "意向低", "弱意向"),
    "潜在客户": ("潜在", "潜客"),
    "战略客户": ("战略", "战略级"),
    "重点客户": ("重点", "重要客户", "vip", "vip客户"),
    "普通客户": ("普通", "一般客户"),
    "1万以下": ("1万以内", "1万元以下", "小于1万", "<1万", "不足1万", "0-1万"),
    "10万以上": ("10万+", ">10万", "大于10万", "超过10万", "10万及以上"),
    "大型": ("大", "大型企业"),
    "中型": ("中", "中型企业"),
    "小型": ("小", "小型企业"),
    "微型": ("微", "微型企业", "小微"),
}
"""Accepted variants by canonical label; applies to any list containing the label."""

MESSAGES = {
    "choices.type": ("选项值类型不正确", "Choice value has the wrong type"),
    "choices.unknown": (
        "不是允许的选项,可选:{allowed}",
        "Not an allowed choice; allowed: {allowed}",
    ),
    "choices.variant": (
        "选项写法不规范,已规范为“{normalized}”",
        "Non-standard spelling of a choice, normalized to '{normalized}'",
    ),
}


class InvalidChoice(InvalidValue):
    """A value outside the field's choice list."""


_NUMERALS = str.maketrans("〇一二两三四五六七八九", "01223456789")
_DASHES = re.compile(r"\s*(?:~|至|到|-)\s*")
_RANGE_WAN = re.compile(r"(\d+)万-(\d+)万")


def _canonical(value: str) -> str:
    key = normalize.punctuation(value).lower().replace(" ", "")
    key = key.replace("人民币", "").replace("元", "").replace("w", "万")
    key = key.replace("十万", "10万").translate(_NUMERALS)
    key = _DASHES.sub("-", key)
    return _RANGE_WAN.sub(r"\1-\2万", key)


def allowed(choices: str | Sequence[str]) -> tuple[str, ...]:
    """The labels of a list given by name (``"budget_range"``) or as labels."""
    if isinstance(choices, str):
        try:
            return STANDARD[choices]
        except KeyError:
            raise DefinitionError(f"unknown choice list {choices!r}") from None
    return tuple(choices)


@functools.lru_cache(maxsize=256)
def _index(labels: tuple[str, ...]) -> dict[str, str]:
    index: dict[str, str] = {}
    for label in labels:
        for variant in (*VARIANTS.get(label, ()), label):
            index.setdefault(_canonical(variant), label)
    for label in labels:  # an exact label always wins over another label's variant
        index[_canonical(label)] = label
    return index


def compact(value: str) -> str:
    """Width folded and spaces collapsed (the label itself is kept)."""
    return normalize.text(value)


def check(value: object, *, choices: str | Sequence[str] = "demand_type") -> Check:
    """Match ``value`` against a choice list; variants pass with a warning."""
    labels = allowed(choices)
    raw = normalize.as_text(value)
    if raw is None:
        return Check(None, (Problem("choices.type"),))
    text = compact(raw[: normalize.MAX_LENGTH])
    if text in labels:
        return Check(text)
    found = _index(labels).get(_canonical(text)) if len(text) <= 64 else None
    if found is None:
        return Check(None, (Problem("choices.unknown", params={"allowed": labels}),))
    return Check(found, (Problem("choices.variant", Severity.INFO, {"normalized": found}),))


def validate(value: object, *, choices: str | Sequence[str] = "demand_type") -> str:
    """The canonical label, or :class:`InvalidChoice`."""
    result: str = check(value, choices=choices).unwrap(InvalidChoice)
    return result


def is_valid(value: object, *, choices: str | Sequence[str] = "demand_type") -> bool:
    """True when ``value`` is one of the choices or a known variant of one."""
    return check(value, choices=choices).ok


def format(value: str) -> str:
    """Labels are shown as they are."""
    return compact(value)


def mask(value: str) -> str:
    """Choices are not personal data, but never echo free input at length."""
    return compact(value)[:1] + "***"


def generate(rng: random.Random, *, choices: str | Sequence[str] = "demand_type") -> str:
    """One label of the list."""
    return rng.choice(allowed(choices))
