"""Shared records and builders for the rule tests."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest

TODAY = datetime.date(2026, 1, 5)

_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def _org_check(body: str) -> str:
    """GB 11714-1997 check character of an 8-character organization code."""
    total = sum(
        (int(c) if c.isdigit() else ord(c) - 55) * w
        for c, w in zip(body, _ORG_WEIGHTS, strict=True)
    )
    r = 11 - total % 11
    return "X" if r == 10 else "0" if r == 11 else str(r)


def make_uscc(region: str, org: str = "MA1K3LXJ", head: str = "91") -> str:
    """A USCC valid in every part (GB 32100-2015): organization code and MOD 31-3."""
    body = head + region + org + _org_check(org)
    total = sum(_USCC_ALPHABET.index(c) * w for c, w in zip(body, _USCC_WEIGHTS, strict=True))
    return body + _USCC_ALPHABET[(31 - total % 31) % 31]


def make_ric(region: str = "110105", born: str = "19491231", serial: str = "002") -> str:
    """A resident ID with a correct MOD 11-2 check character (GB 11643-1999)."""
    body = region + born + serial
    total = sum(int(c) * pow(2, 17 - i, 11) for i, c in enumerate(body))
    return body + "10X98765432"[total % 11]


@pytest.fixture
def today() -> datetime.date:
    return TODAY


@pytest.fixture
def uscc_for() -> Callable[..., str]:
    return make_uscc


@pytest.fixture
def ric_for() -> Callable[..., str]:
    return make_ric


@pytest.fixture
def enterprise_record() -> dict[str, Any]:
    """A V2.1 record every enterprise rule accepts (Huawei's public registration data)."""
    return {
        "customer_name": "华为技术有限公司",
        "short_name": "华为",
        "uscc": "914403001922038216",
        "registered_address": "广东省深圳市龙岗区坂田街道华为总部办公楼",
        "established_on": "1987-09-15",
        "industry": "计算机、通信和其他电子设备制造业",
        "customer_level": "战略客户",
        "project": "办公软件采购项目V3.0",
        "contract_no": "HT-2024-005",
        "contract_amount": "800000",
        "cooperation_start": "2015-03-01",
        "contact_name": "张三",
        "phone": "13800138000",
        "last_follow_up_on": "2025-12-20",
        "archive_no": "KH-2024-001",
        "form_version": "V2.1",
    }


@pytest.fixture
def collection_record() -> dict[str, Any]:
    """A collection-form record every collection rule accepts."""
    return {
        "customer_type": "企业",
        "customer_name": "阿里巴巴(中国)有限公司",
        "id_number": "91330100716105852F",
        "industry": "软件和信息技术服务业",
        "phone": "13800138000",
        "demand_type": "产品采购",
        "budget_range": "10万以上",
        "collector": "王经理",
        "confirmed_at": "2025-12-30",
    }
