"""A seeded corpus of `collection` records for the benchmarks, independent of custinfo.

About 75% of the records are clean; the rest carry one or two realistic errors
(wrong check digit, transposed digits, a 10-digit phone, a missing required
field, an email without @, a future date, an unknown choice) or a harmless
variation a careful validator should accept (full-width digits, spaces in a
phone number). Values are built here with the standards' own arithmetic, not
with custinfo's generators, so the corpus is a fair judge of custinfo.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterator

TODAY = datetime.date(2026, 11, 25)

_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_RIC_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)

# Current county-level division codes with their full names (GB/T 2260).
REGIONS = (
    ("110105", "北京市朝阳区"),
    ("110108", "北京市海淀区"),
    ("310115", "上海市浦东新区"),
    ("440106", "广东省广州市天河区"),
    ("440305", "广东省深圳市南山区"),
    ("330106", "浙江省杭州市西湖区"),
    ("320106", "江苏省南京市鼓楼区"),
    ("510107", "四川省成都市武侯区"),
    ("420111", "湖北省武汉市洪山区"),
    ("370202", "山东省青岛市市南区"),
    ("610113", "陕西省西安市雁塔区"),
    ("500112", "重庆市渝北区"),
    ("120101", "天津市和平区"),
    ("350102", "福建省福州市鼓楼区"),
)
STREETS = ("中关村大街", "建国路", "人民路", "解放路", "科技园路", "文三路", "长江路", "和平街")
INDUSTRIES = (
    "软件和信息技术服务业",
    "批发业",
    "零售业",
    "商务服务业",
    "专业技术服务业",
    "计算机、通信和其他电子设备制造业",
    "房地产业",
    "I65",
    "F51",
    "C39",
    "M74",
)
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = (
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "涛",
    "明",
    "超",
    "秀英",
    "建华",
    "志强",
    "海燕",
    "晓东",
    "文博",
)
WORDS = ("华信", "博远", "星辰", "恒通", "瑞达", "中科", "联创", "天成", "新锐", "汇智")
SUFFIXES = ("科技有限公司", "信息技术有限公司", "贸易有限公司", "股份有限公司", "咨询有限责任公司")
MOBILE_PREFIXES = (
    "138",
    "139",
    "135",
    "136",
    "137",
    "150",
    "151",
    "186",
    "188",
    "177",
    "199",
    "133",
    "153",
    "180",
    "189",
    "158",
    "159",
    "187",
    "182",
    "131",
)
DOMAINS = ("qq.com", "163.com", "126.com", "gmail.com", "outlook.com", "sina.com", "example.cn")
PINYIN = ("zhang", "wang", "li", "liu", "chen", "yang", "zhao", "huang", "zhou", "wu", "xu", "sun")
CHOICES = {
    "demand_type": ("产品采购", "技术咨询", "合作咨询"),
    "intent_level": ("高意向", "中意向", "低意向", "潜在客户"),
    "budget_range": ("1万以下", "1-5万", "5-10万", "10万以上"),
    "scale": ("大型", "中型", "小型", "微型"),
}
COLLECTORS = tuple(
    s + g
    for s, g in zip(
        "王李张刘陈杨赵黄", ("芳", "强", "磊", "静", "杰", "敏", "勇", "丽"), strict=True
    )
)


def org_check(body: str) -> str:
    """GB 11714 check character of an 8-character body."""
    total = sum(int(c, 36) * w for c, w in zip(body, _ORG_WEIGHTS, strict=True))
    value = 11 - total % 11
    return "X" if value == 10 else "0" if value == 11 else str(value)


def uscc_check(body: str) -> str:
    """GB 32100 check character of a 17-character body."""
    total = sum(_USCC_ALPHABET.index(c) * w for c, w in zip(body, _USCC_WEIGHTS, strict=True))
    return _USCC_ALPHABET[(31 - total % 31) % 31]


def ric_check(body: str) -> str:
    """GB 11643 check character of a 17-digit body."""
    total = sum(int(c) * w for c, w in zip(body, _RIC_WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


def make_uscc(rng: random.Random) -> str:
    org = "".join(rng.choice("0123456789") for _ in range(8))
    body = "91" + rng.choice(REGIONS)[0] + org + org_check(org)
    return body + uscc_check(body)


def make_ric(rng: random.Random) -> str:
    born = datetime.date(1960, 1, 1) + datetime.timedelta(days=rng.randrange(15000))
    body = rng.choice(REGIONS)[0] + born.strftime("%Y%m%d") + f"{rng.randrange(1000):03d}"
    return body + ric_check(body)


TRADE_CHARACTERS = "".join(dict.fromkeys("".join(WORDS)))  # 华信博远星辰恒通…, no repeats


def make_person(rng: random.Random, distinct: bool = False) -> str:
    if distinct:  # one or two given characters, never the same twice: ~18,600 names
        return rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice((1, 2))))
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def make_company(rng: random.Random, distinct: bool = False) -> str:
    city = rng.choice(REGIONS)[1]
    city = (
        city[3:6]
        if city.startswith(("广东", "浙江", "江苏", "四川", "湖北", "山东", "陕西", "福建"))
        else city[:2]
    )
    # distinct: a trade name of two different characters of the words: ~26,600 names
    trade = "".join(rng.sample(TRADE_CHARACTERS, 2)) if distinct else rng.choice(WORDS)
    return city + trade + rng.choice(SUFFIXES)


def clean_record(rng: random.Random, distinct_names: bool = False) -> dict[str, str]:
    """One record with every value right (names rarely repeating when ``distinct_names``)."""
    enterprise = rng.random() < 0.8
    region = rng.choice(REGIONS)[1]
    record = {
        "customer_type": "企业" if enterprise else "个人",
        "customer_name": (
            make_company(rng, distinct_names) if enterprise else make_person(rng, distinct_names)
        ),
        "id_number": make_uscc(rng) if enterprise else make_ric(rng),
        "industry": rng.choice(INDUSTRIES),
        "phone": rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}",
        "email": f"{rng.choice(PINYIN)}{rng.randrange(1000)}@{rng.choice(DOMAINS)}",
        "address": f"{region}{rng.choice(STREETS)}{rng.randrange(1, 300)}号",
        "demand_type": rng.choice(CHOICES["demand_type"]),
        "intent_level": rng.choice(CHOICES["intent_level"]),
        "budget_range": rng.choice(CHOICES["budget_range"]),
        "collector": rng.choice(COLLECTORS),
        "confirmed_at": (TODAY - datetime.timedelta(days=rng.randrange(1, 700))).isoformat(),
    }
    if enterprise:
        record["scale"] = rng.choice(CHOICES["scale"])
        record["contact_person"] = make_person(rng, distinct_names)
        record["contact_title"] = rng.choice(("采购经理", "总经理", "技术总监", "行政主管"))
    return record


def _swap(value: str, rng: random.Random) -> str:
    i = rng.randrange(len(value) - 1)
    while value[i] == value[i + 1]:
        i = rng.randrange(len(value) - 1)
    return value[:i] + value[i + 1] + value[i] + value[i + 2 :]


def _wrong_check(value: str) -> str:
    last = value[-1]
    return value[:-1] + ("1" if last != "1" else "2")


ERRORS = (
    "wrong_check_digit",
    "transposed_id",
    "short_phone",
    "missing_required",
    "email_without_at",
    "future_date",
    "unknown_choice",
)
VARIATIONS = ("full_width_phone", "spaced_phone")


def spoil(record: dict[str, str], kind: str, rng: random.Random) -> None:
    """Introduce one error (or harmless variation) of ``kind`` in place."""
    if kind == "wrong_check_digit":
        record["id_number"] = _wrong_check(record["id_number"])
    elif kind == "transposed_id":
        record["id_number"] = _swap(record["id_number"], rng)
    elif kind == "short_phone":
        record["phone"] = record["phone"][:10]
    elif kind == "missing_required":
        del record[rng.choice(("customer_name", "phone", "collector", "demand_type"))]
    elif kind == "email_without_at":
        record["email"] = record["email"].replace("@", "")
    elif kind == "future_date":
        record["confirmed_at"] = (TODAY + datetime.timedelta(days=rng.randrange(1, 60))).isoformat()
    elif kind == "unknown_choice":
        record["demand_type"] = rng.choice(("售后维修", "其他需求", "投诉"))
    elif kind == "full_width_phone":
        record["phone"] = record["phone"].translate({c: c + 0xFEE0 for c in range(48, 58)})
    elif kind == "spaced_phone":
        p = record["phone"]
        record["phone"] = f"{p[:3]} {p[3:7]} {p[7:]}"


def records(
    n: int, seed: int = 2026, *, distinct_names: bool = False
) -> Iterator[tuple[dict[str, str], tuple[str, ...]]]:
    """``n`` records with the kinds of error each one carries (empty: clean).

    ``distinct_names``: customer and contact names drawn from tens of thousands of
    combinations instead of a few hundred, as real customer tables have them.
    """
    rng = random.Random(seed)
    for _ in range(n):
        record = clean_record(rng, distinct_names)
        kinds: tuple[str, ...] = ()
        roll = rng.random()
        if roll < 0.25:
            kinds = tuple(rng.sample(ERRORS, rng.choice((1, 1, 2))))
        elif roll < 0.30:
            kinds = (rng.choice(VARIATIONS),)
        # a deleted field cannot be spoiled afterwards: delete last
        for kind in sorted(kinds, key=lambda k: k == "missing_required"):
            spoil(record, kind, rng)
        yield record, kinds
