"""Make the bundled sample data of ``custinfo demo``.

Writes ``src/custinfo/data/samples/collection.csv``, ``enterprise.csv`` and
``manifest.json``. Run it from the repository root whenever a validator's
``generate`` changes (the output is reproducible: fixed seed, fixed reference
day)::

    PYTHONPATH=src python update/make_samples.py

Values come from custinfo's own generators, ``custinfo.validators.get(kind)
.generate(rng)``; a kind whose validator is not installed falls back to a small
generator in this script (valid by its standard: check characters computed
per GB 32100-2015, GB 11714-1997 and GB 11643-1999), and the manifest lists
which kinds came from where. About a quarter of the records then get one or
two of the mistakes people really make when they fill these forms: a missing
required value, a mistyped or transposed digit, a dropped digit, a landline in
the mobile field, an email domain typo, an abbreviated company name, a date in
the future or written loosely, a choice outside the list, an old template
version, an address that stops at the city… The headers are the forms' Chinese
labels, as a Chinese CRM exports them; the files are UTF-8 with a BOM, so Excel
opens them correctly.
"""

from __future__ import annotations

import csv
import datetime
import json
import random
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from custinfo import divisions, forms, validators
from custinfo.findings import CustinfoError

SEED = 20250630
TODAY = datetime.date(2025, 6, 30)
COUNT = 300
MISTAKE_RATE = 0.25  # share of records with one or two mistakes, on average
OUT = Path(__file__).resolve().parent.parent / "src" / "custinfo" / "data" / "samples"

# -- pools (realistic vocabulary; no real person's data) -----------------------------

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛")
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华玉兰萍建国文斌宇浩然梓涵子轩欣怡雨桐思远嘉懿"
    "志鹏晓东海燕佳琪俊杰婷雪梅春晖立新"
)
MINORITY_NAMES = ("阿依古丽·买买提", "迪丽娜尔·艾力", "扎西·次仁", "努尔艾力·吐尔逊")
TITLES = (
    "采购经理",
    "总经理",
    "IT主管",
    "行政主管",
    "财务总监",
    "技术总监",
    "运营经理",
    "董事长助理",
)
# Trade names with a pinyin spelling for company email domains.
TRADE_NAMES = (
    ("华信", "huaxin"), ("博远", "boyuan"), ("中科", "zhongke"), ("鼎盛", "dingsheng"),
    ("恒通", "hengtong"), ("瑞丰", "ruifeng"), ("天元", "tianyuan"), ("金桥", "jinqiao"),
    ("宏达", "hongda"), ("新锐", "xinrui"), ("启明", "qiming"), ("汇智", "huizhi"),
    ("云帆", "yunfan"), ("正和", "zhenghe"), ("嘉禾", "jiahe"), ("星辰", "xingchen"),
    ("远航", "yuanhang"), ("立诚", "licheng"), ("海纳", "haina"), ("锦程", "jincheng"),
    ("安泰", "antai"), ("联创", "lianchuang"), ("润达", "runda"), ("众邦", "zhongbang"),
)  # fmt: skip
# GB/T 4754-2017 divisions (code, name) and words companies of that trade use in their names.
INDUSTRIES = (
    ("I65", "软件和信息技术服务业", ("网络科技", "信息技术", "软件")),
    ("F51", "批发业", ("贸易", "商贸")),
    ("F52", "零售业", ("商贸", "百货")),
    ("C35", "专用设备制造业", ("机械设备", "智能装备")),
    ("C27", "医药制造业", ("医药", "生物制药")),
    ("E47", "房屋建筑业", ("建筑工程", "建设")),
    ("G54", "道路运输业", ("物流", "运输")),
    ("L72", "商务服务业", ("企业管理咨询", "商务咨询")),
    ("C39", "计算机、通信和其他电子设备制造业", ("电子", "通信设备")),
    ("H62", "餐饮业", ("餐饮管理",)),
    ("M74", "专业技术服务业", ("检测技术", "工程设计")),
    ("C36", "汽车制造业", ("汽车零部件",)),
    ("C14", "食品制造业", ("食品",)),
    ("R86", "广播、电视、电影和录音制作业", ("文化传媒",)),
)
LEGAL_FORMS = (("有限公司", 70), ("有限责任公司", 12), ("股份有限公司", 12), ("集团有限公司", 3))
ROADS = (
    "人民路", "中山路", "解放路", "建设路", "和平路", "新华路", "长江路", "黄河路", "滨江大道",
    "科技路", "学院路", "文化路", "世纪大道", "朝阳路", "东风路", "创业路", "高新大道", "金融街",
)  # fmt: skip
BUILDINGS = ("科技大厦", "国际中心", "创业园", "商务楼", "金融大厦", "广场", "产业园A座")
PROVINCE_WEIGHTS = {
    "44": 14, "11": 10, "31": 10, "32": 10, "33": 10, "37": 6, "51": 6, "42": 5, "35": 5,
    "41": 4, "43": 4, "34": 4, "50": 4, "61": 3, "21": 3, "12": 3, "13": 3, "36": 2, "53": 2,
}  # fmt: skip
MOBILE_PREFIXES = (
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155",
    "156", "157", "158", "159", "176", "177", "180", "181", "182", "183", "185", "186", "187",
    "188", "189", "191", "198", "199",
)  # fmt: skip
MAIL_DOMAINS = ("qq.com", "163.com", "126.com", "sina.com", "outlook.com", "foxmail.com")
HANDLES = ("zhang", "li", "wang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun")
PROJECTS = (
    "办公软件采购项目V3.0", "ERP系统升级项目", "数据中心运维服务", "年度设备采购框架合同",
    "智慧园区建设项目", "客户关系管理系统实施", "安全生产培训服务", "云服务器租赁",
)  # fmt: skip
COLLECTORS = (  # (name, how often this collector makes a mistake)
    ("李建华", 0.10), ("王敏", 0.15), ("张磊", 0.20), ("陈静", 0.25),
    ("刘洋", 0.30), ("赵婷", 0.35), ("孙浩", 0.45),
)  # fmt: skip
LEVEL_AMOUNTS = {  # customer level -> contract amount range in yuan
    "战略客户": (1_000_000, 8_000_000),
    "重点客户": (200_000, 1_000_000),
    "普通客户": (10_000, 200_000),
    "潜在客户": (0, 50_000),
}


# -- check characters for the fallback generators ------------------------------------

_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100-2015 §4.2 (no I O S V Z)


def _orgcode_check(body: str) -> str:
    # GB 11714-1997 §5: weights 3 7 9 10 5 8 4 2, C9 = 11 - (sum mod 11); 10 -> X, 11 -> 0.
    total = sum(int(c, 36) * w for c, w in zip(body, (3, 7, 9, 10, 5, 8, 4, 2), strict=True))
    check = 11 - total % 11
    return "X" if check == 10 else "0" if check == 11 else str(check)


def _uscc_check(body: str) -> str:
    # GB 32100-2015 §4.3: weights 3^i mod 31, C18 = 31 - (sum mod 31), 31 -> 0.
    total = sum(_USCC_ALPHABET.index(c) * pow(3, i, 31) for i, c in enumerate(body))
    return _USCC_ALPHABET[(31 - total % 31) % 31]


def _ric_check(body: str) -> str:
    # GB 11643-1999 §8.2: ISO 7064 MOD 11-2.
    total = sum(int(c) * pow(2, 17 - i, 11) for i, c in enumerate(body))
    return "10X98765432"[total % 11]


# -- the sample maker -----------------------------------------------------------------


class Maker:
    """Values for the samples: the library's generators, else this script's fallbacks."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.library: set[str] = set()
        self.fallback: set[str] = set()
        by_province: dict[str, list[divisions.Division]] = {}
        for d in divisions.all_divisions():
            if d.current and d.level == "county" and d.name != "市辖区":
                by_province.setdefault(d.code[:2], []).append(d)
        self.counties = {p: sorted(v, key=lambda d: d.code) for p, v in by_province.items()}

    def generated(self, kind: str, fallback: Callable[[], str], **options: Any) -> str:
        """A value from ``validators.get(kind).generate``, with ``options`` if it takes them."""
        if kind in validators.available():
            generate = getattr(validators.get(kind), "generate", None)
            for opts in (options, {}) if options else ({},):
                if generate is None:
                    break
                try:
                    value = generate(self.rng, **opts)
                except (TypeError, CustinfoError):
                    continue
                self.library.add(kind)
                return str(value)
        self.fallback.add(kind)
        return fallback()

    # regions and addresses

    def county(self, *, existed_in: int | None = None) -> divisions.Division:
        rng = self.rng
        provinces = sorted(PROVINCE_WEIGHTS)
        while True:
            province = rng.choices(provinces, [PROVINCE_WEIGHTS[p] for p in provinces])[0]
            county = rng.choice(self.counties[province])
            # A resident ID names the county where the person was registered at birth.
            if existed_in is None or county.existed_in(existed_in):
                return county

    def address(self, code: str, *, complete: bool = True) -> str:
        skip = {"市辖区", "县", "省直辖县级行政单位", "自治区直辖县级行政单位"}
        parts = [d.name for d in divisions.path(code) if d.name not in skip]
        if not complete:
            return "".join(parts[:2])
        rng = self.rng
        street = f"{rng.choice(ROADS)}{rng.randint(1, 999)}号"
        detail = rng.random()  # most CRM addresses go down to the building and room
        if detail < 0.45:
            street += f"{rng.randint(1, 30)}栋{rng.randint(1, 28)}{rng.randint(1, 20):02d}室"
        elif detail < 0.85:
            street += f"{rng.choice(BUILDINGS)}{rng.randint(1, 40)}层"
        return "".join(parts) + street

    # identifiers

    def uscc(self, region: str) -> tuple[str, str]:
        """A USCC of an enterprise (authority 9, category 1) and the region it names.

        The region is read back from the code (positions 3-8), so the address
        made from it agrees with the code whatever region the generator chose.
        """

        def fallback() -> str:
            # Codes issued since 2015 embed "MA" + six characters; older ones eight digits.
            rng = self.rng
            if rng.random() < 0.45:
                body = "MA" + "".join(rng.choice(_USCC_ALPHABET) for _ in range(6))
            else:
                body = f"{rng.randrange(10**8):08d}"
            org = body + _orgcode_check(body)
            head = "91" + region + org
            return head + _uscc_check(head)

        code = self.generated("uscc", fallback, region=region, authority="9", category="1")
        named = divisions.get(code[2:8])
        usable = named is not None and named.current and named.level == "county"
        return code, code[2:8] if usable else region

    def ric(self) -> str:
        rng = self.rng
        birth = datetime.date(1955, 1, 1) + datetime.timedelta(days=rng.randrange(17000))
        county = self.county(existed_in=birth.year)

        def fallback() -> str:
            body = county.code + birth.strftime("%Y%m%d") + f"{rng.randrange(1000):03d}"
            return body + _ric_check(body)

        return self.generated("ric", fallback, region=county.code, birth_date=birth)

    # contacts and names

    def mobile(self) -> str:
        rng = self.rng
        return self.generated(
            "mobile", lambda: rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
        )

    def email(self, domain: str | None = None) -> str:
        rng = self.rng

        def fallback() -> str:
            if domain is None and rng.random() < 0.35:
                return f"{rng.randrange(10**5, 10**10)}@qq.com"
            handle = rng.choice(HANDLES) + rng.choice(("", ".", "_")) + rng.choice(HANDLES)
            handle += str(rng.randrange(100)) if rng.random() < 0.5 else ""
            return f"{handle}@{domain or rng.choice(MAIL_DOMAINS)}"

        return self.generated("email", fallback) if domain is None else fallback()

    def person_name(self) -> str:
        rng = self.rng

        def fallback() -> str:
            if rng.random() < 0.02:
                return rng.choice(MINORITY_NAMES)
            surname = rng.choice(COMPOUND_SURNAMES) if rng.random() < 0.02 else rng.choice(SURNAMES)
            return surname + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))

        return self.generated("person_name", fallback)

    def company(self, region: str) -> tuple[str, str, str, tuple[str, str, tuple[str, ...]]]:
        """(full name, short name, email domain, industry) of a company in ``region``."""
        rng = self.rng
        trade, pinyin = rng.choice(TRADE_NAMES)
        industry = rng.choice(INDUSTRIES)
        city = next(
            (d.name for d in reversed(divisions.path(region)) if d.name.endswith("市")), ""
        ).removesuffix("市")
        legal = rng.choices([f for f, _ in LEGAL_FORMS], [w for _, w in LEGAL_FORMS])[0]
        word = rng.choice(industry[2])
        name = f"{city}{trade}{word}{legal}"
        return name, trade + word[:2], f"{pinyin}.com.cn", industry

    def industry(self, industry: tuple[str, str, tuple[str, ...]]) -> str:
        # Most people write the division's name, as the seed shows; some the code.
        code, name, _ = industry
        return code if self.rng.random() < 0.1 else name

    def day(self, start: datetime.date, end: datetime.date) -> datetime.date:
        if end <= start:
            return start

        def fallback() -> str:
            days = self.rng.randrange((end - start).days + 1)
            return (start + datetime.timedelta(days=days)).isoformat()

        return datetime.date.fromisoformat(self.generated("dates", fallback, start=start, end=end))

    def contact_address(self, region: str) -> str:
        """A person's contact address (anywhere; the library's generator when it has one)."""
        return self.generated("address", lambda: self.address(region))

    def choice(self, name: str) -> str:
        return self.generated("choices", lambda: "", choices=name)


# -- records ----------------------------------------------------------------------------


def collection_record(m: Maker) -> dict[str, str]:
    rng = m.rng
    enterprise = rng.random() < 0.7
    region = m.county().code
    record = {"customer_type": "企业" if enterprise else "个人"}
    if enterprise:
        uscc, region = m.uscc(region)
        name, _, domain, industry = m.company(region)
        record |= {
            "customer_name": name,
            "id_number": uscc,
            "industry": m.industry(industry),
            "scale": rng.choices(("大型", "中型", "小型", "微型"), (1, 3, 5, 3))[0],
            "email": m.email(domain) if rng.random() < 0.5 else m.email(),
            "contact_person": m.person_name(),
            "contact_title": rng.choice(TITLES),
        }
    else:
        industry = rng.choice(INDUSTRIES)
        record |= {
            "customer_name": m.person_name(),
            "id_number": m.ric(),
            "industry": m.industry(industry),
            "scale": "",
            "email": m.email() if rng.random() < 0.6 else "",
            "contact_person": "",
            "contact_title": "",
        }
    confirmed = m.day(TODAY - datetime.timedelta(days=540), TODAY)
    demand = m.choice("demand_type")
    budget = {"技术咨询": ("1万以下", "1-5万"), "合作咨询": ("5-10万", "10万以上")}.get(
        demand, ("1万以下", "1-5万", "5-10万", "10万以上")
    )
    record |= {
        "phone": m.mobile(),
        "address": (m.address(region) if enterprise else m.contact_address(region))
        if rng.random() < 0.85
        else "",
        "_region": region,
        "demand_type": demand,
        "intent_level": m.choice("intent_level"),
        "budget_range": rng.choice(budget),
        "timeline": m.day(confirmed, confirmed + datetime.timedelta(days=180)).isoformat()
        if rng.random() < 0.7
        else "",
        "collector": "",
        "confirmed_at": confirmed.isoformat(),
    }
    return record


def enterprise_record(m: Maker, sequence: dict[int, int]) -> dict[str, str]:
    rng = m.rng
    uscc, region = m.uscc(m.county().code)
    name, short, domain, industry = m.company(region)
    level = m.choice("customer_level")
    # Levels follow the history (rules.policies.LEVEL_CRITERIA): strategic customers have
    # cooperated for 3 years or more, key customers for a year or more.
    years = {"战略客户": 3, "重点客户": 1}.get(level, 0)
    latest = TODAY - datetime.timedelta(days=30 + 366 * years)
    established = m.day(datetime.date(1995, 1, 1), min(datetime.date(2021, 12, 31), latest))
    start = m.day(max(established, datetime.date(2016, 1, 1)), latest)
    follow = m.day(start, TODAY)
    low, high = LEVEL_AMOUNTS[level]
    amount = rng.randrange(low, high + 1, 1000)
    year = start.year
    sequence[year] = sequence.get(year, 0) + 1
    return {
        "customer_name": name,
        "short_name": short if rng.random() < 0.6 else "",
        "uscc": uscc,
        "registered_address": m.address(region),
        "established_on": established.isoformat(),
        "industry": m.industry(industry),
        "customer_level": level,
        "project": rng.choice(PROJECTS),
        "contract_no": f"HT-{year}-{sequence[year]:03d}",
        "contract_amount": _amount(rng, amount) if amount else "",
        "cooperation_start": start.isoformat(),
        "contact_name": m.person_name(),
        "contact_title": rng.choice(TITLES),
        "phone": m.mobile(),
        "email": m.email(domain) if rng.random() < 0.7 else "",
        "last_follow_up_on": follow.isoformat(),
        "follow_up_notes": m.generated("text", lambda: "确认采购需求"),
        "archive_no": f"KH-{year}-{sequence[year]:03d}",
        "form_version": "V2.1",
    }


def _amount(rng: random.Random, amount: int) -> str:
    # The ways amounts are written in CRM exports.
    style = rng.random()
    if style < 0.5:
        return str(amount)
    if style < 0.7 and amount % 10_000 == 0:
        return f"{amount // 10_000}万"
    if style < 0.85:
        return f"¥{amount:,}.00"
    return f"{amount / 10_000:g}万元"


# -- mistakes ---------------------------------------------------------------------------

Mistake = Callable[[dict[str, str], random.Random, Maker], bool]


def _digit_typo(value: str, rng: random.Random, *, keep_last: bool = True) -> str:
    positions = [i for i, c in enumerate(value[:-1] if keep_last else value) if c.isdigit()]
    if not positions:
        return value
    i = rng.choice(positions)
    return value[:i] + rng.choice([d for d in "0123456789" if d != value[i]]) + value[i + 1 :]


def _transpose(value: str, rng: random.Random) -> str:
    pairs = [i for i in range(len(value) - 2) if value[i] != value[i + 1]]
    if not pairs:
        return value
    i = rng.choice(pairs)
    return value[:i] + value[i + 1] + value[i] + value[i + 2 :]


def _set(key: str, make: Callable[[str, random.Random, Maker], str]) -> Mistake:
    def mistake(record: dict[str, str], rng: random.Random, m: Maker) -> bool:
        if not record.get(key):
            return False
        new = make(record[key], rng, m)
        changed = new != record[key]
        record[key] = new
        return changed

    return mistake


def _blank(*keys: str) -> Mistake:
    def mistake(record: dict[str, str], rng: random.Random, m: Maker) -> bool:
        key = rng.choice(keys)
        changed = bool(record.get(key))
        record[key] = ""
        return changed

    return mistake


def _email_typo(value: str, rng: random.Random, m: Maker) -> str:
    typos = {
        "qq.com": "qq.con",
        "163.com": "163.cm",
        "126.com": "126.cmo",
        "sina.com": "sina.cn.com",
    }
    local, _, domain = value.partition("@")
    if domain in typos:
        return f"{local}@{typos[domain]}"
    return rng.choice(
        (value.replace("@", ""), value.replace("@", "#"), f"{local}@{domain.split('.')[0]}")
    )


def _abbreviate(value: str, rng: random.Random, m: Maker) -> str:
    for suffix in ("集团有限公司", "股份有限公司", "有限责任公司", "有限公司"):
        if value.endswith(suffix):
            return value.removesuffix(suffix)
    return value


def _future(value: str, rng: random.Random, m: Maker) -> str:
    return (TODAY + datetime.timedelta(days=rng.randint(3, 90))).isoformat()


def _loose_date(value: str, rng: random.Random, m: Maker) -> str:
    day = datetime.date.fromisoformat(value)
    return rng.choice(
        (f"{day.year}/{day.month}/{day.day}", f"{day.year}年{day.month}月{day.day}日")
    )


def _no_such_day(value: str, rng: random.Random, m: Maker) -> str:
    return f"{value[:4]}-{rng.choice(('02-30', '02-31', '04-31', '13-01', '06-31'))}"


def _landline(value: str, rng: random.Random, m: Maker) -> str:
    return rng.choice(("010", "021", "0755", "0571", "027")) + f"-{rng.randrange(10**7, 10**8)}"


def _letter_o(value: str, rng: random.Random, m: Maker) -> str:
    return value.replace("0", "O", 1) if "0" in value[2:] else value[:-1] + "I"


def _region_mismatch(record: dict[str, str], rng: random.Random, m: Maker) -> bool:
    other = m.county()
    if other.code[:2] == record["uscc"][2:4]:
        return False
    record["registered_address"] = m.address(other.code)
    return True


def _incomplete_address(record: dict[str, str], rng: random.Random, m: Maker) -> bool:
    if not record["address"]:
        return False
    record["address"] = m.address(record["_region"], complete=False)  # stops at the city
    return True


def _type_mismatch(record: dict[str, str], rng: random.Random, m: Maker) -> bool:
    record["customer_type"] = "个人" if record["customer_type"] == "企业" else "企业"
    return True


def _person_placeholder(record: dict[str, str], rng: random.Random, m: Maker) -> bool:
    if record["customer_type"] != "个人":
        return _set("customer_name", _abbreviate)(record, rng, m)
    surname = record["customer_name"][:1]
    record["customer_name"] = rng.choice((f"{surname}先生", f"{surname}女士", "测试", "某某"))
    return True


def _amount_mismatch(record: dict[str, str], rng: random.Random, m: Maker) -> bool:
    level = record["customer_level"]
    other = "潜在客户" if level in ("战略客户", "重点客户") else "战略客户"
    low, high = LEVEL_AMOUNTS[other]
    record["contract_amount"] = str(rng.randrange(max(low, 1000), high, 1000))
    return True


def _contract_year(record: dict[str, str], rng: random.Random, m: Maker) -> bool:
    year = int(record["contract_no"][3:7])
    record["contract_no"] = f"HT-{year + rng.choice((-2, -1, 1))}{record['contract_no'][7:]}"
    return True


def _date_order(record: dict[str, str], rng: random.Random, m: Maker) -> bool:
    start = datetime.date.fromisoformat(record["cooperation_start"])
    record["established_on"] = (start + datetime.timedelta(days=rng.randint(30, 400))).isoformat()
    return True


COLLECTION_MISTAKES: tuple[tuple[Mistake, int], ...] = (
    (_blank("phone", "id_number", "industry", "demand_type", "confirmed_at"), 14),
    (_set("phone", lambda v, r, m: v[:-1] if r.random() < 0.5 else v[:5] + v[6:]), 8),
    (_set("phone", _landline), 4),
    (_set("phone", lambda v, r, m: _digit_typo(v, r, keep_last=False)[:3] + v[3:]), 2),
    (_set("id_number", lambda v, r, m: _digit_typo(v, r)), 9),
    (_set("id_number", lambda v, r, m: _transpose(v, r)), 5),
    (_set("id_number", lambda v, r, m: v[:-1]), 4),
    (_set("id_number", _letter_o), 3),
    (_set("email", _email_typo), 7),
    (_set("confirmed_at", _future), 4),
    (_set("confirmed_at", _loose_date), 6),
    (_set("confirmed_at", _no_such_day), 2),
    (_set("budget_range", lambda v, r, m: r.choice(("20万", "面议", "待定"))), 4),
    (_set("demand_type", lambda v, r, m: r.choice(("售后服务", "产品咨询", "其他"))), 4),
    (_person_placeholder, 6),
    (_type_mismatch, 3),
    (_incomplete_address, 4),
    (_set("industry", lambda v, r, m: r.choice(("互联网", "IT", "制造", "服务业"))), 5),
)

ENTERPRISE_MISTAKES: tuple[tuple[Mistake, int], ...] = (
    (_blank("uscc", "registered_address", "contract_no", "project", "contact_name", "phone"), 12),
    (_set("uscc", lambda v, r, m: _digit_typo(v, r)), 8),
    (_set("uscc", lambda v, r, m: _transpose(v, r)), 4),
    (_set("uscc", lambda v, r, m: v[:-1]), 3),
    (_set("uscc", _letter_o), 3),
    (_set("uscc", lambda v, r, m: f"{v[:4]} {v[4:8]} {v[8:12]} {v[12:]}"), 2),
    (_set("customer_name", _abbreviate), 8),
    (_set("established_on", _loose_date), 5),
    (_date_order, 3),
    (_set("customer_level", lambda v, r, m: r.choice(("大客户", "A类客户", "一般"))), 4),
    (_set("contract_no", lambda v, r, m: r.choice((v.replace("-", ""), f"合同{v[3:]}"))), 5),
    (_contract_year, 3),
    (_set("contract_amount", lambda v, r, m: "-" + v.lstrip("¥")), 2),
    (_amount_mismatch, 3),
    (_set("phone", lambda v, r, m: v[:-1]), 6),
    (_set("email", _email_typo), 5),
    (_set("last_follow_up_on", _future), 4),
    (_set("form_version", lambda v, r, m: r.choice(("V2.0", "V2.0", "2.1版", "V1.3"))), 6),
    (_region_mismatch, 4),
    (_set("short_name", lambda v, r, m: r.choice(TRADE_NAMES)[0] + "集团"), 3),
)


def _variants(record: dict[str, str], rng: random.Random) -> None:
    """Harmless ways people write valid values (not mistakes: custinfo normalizes them)."""
    phone = record.get("phone", "")
    if len(phone) == 11 and rng.random() < 0.12:
        record["phone"] = rng.choice(
            (
                f"+86 {phone}",
                f"{phone[:3]} {phone[3:7]} {phone[7:]}",
                f"{phone[:3]}-{phone[3:7]}-{phone[7:]}",
            )
        )
    if record.get("budget_range") == "1-5万" and rng.random() < 0.3:
        record["budget_range"] = rng.choice(("1~5万", "1万-5万", "1-5万元"))
    if record.get("customer_level") == "重点客户" and rng.random() < 0.3:
        record["customer_level"] = "VIP客户"


def _mistakes(
    record: dict[str, str], m: Maker, table: tuple[tuple[Mistake, int], ...], rate: float
) -> int:
    rng = m.rng
    if rng.random() >= rate:
        return 0
    wanted = 1 if rng.random() < 0.7 else 2
    made = 0
    touched: set[str] = set()
    for _ in range(20):
        mistake = rng.choices([f for f, _ in table], [w for _, w in table])[0]
        trial = dict(record)
        try:
            applied = mistake(trial, rng, m)
        except ValueError:  # e.g. a loose date cannot be loosened again
            continue
        changed = {k for k in trial if trial[k] != record[k]}
        if not applied or not changed or changed & touched:
            continue  # one mistake per field: two would hide each other
        record.update(trial)
        touched |= changed
        made += 1
        if made >= wanted:
            break
    return made


def collection_records(m: Maker, count: int) -> Iterator[tuple[dict[str, str], bool]]:
    """``count`` collection records (by form key) and whether each got a mistake."""
    for _ in range(count):
        collector, propensity = m.rng.choice(COLLECTORS)
        record = collection_record(m)
        record["collector"] = collector
        _variants(record, m.rng)
        mistaken = _mistakes(record, m, COLLECTION_MISTAKES, propensity) > 0
        yield record, mistaken


def enterprise_records(m: Maker, count: int) -> Iterator[tuple[dict[str, str], bool]]:
    """``count`` enterprise records (by form key) and whether each got a mistake."""
    sequence: dict[int, int] = {}
    for _ in range(count):
        record = enterprise_record(m, sequence)
        _variants(record, m.rng)
        mistaken = _mistakes(record, m, ENTERPRISE_MISTAKES, MISTAKE_RATE) > 0
        yield record, mistaken


def make(seed: int = SEED, count: int = COUNT) -> dict[str, Any]:
    """Write the sample files; return the manifest."""
    m = Maker(seed)
    made: dict[str, Any] = {}
    for name, records in (("collection", collection_records), ("enterprise", enterprise_records)):
        pairs = list(records(m, count))
        rows = [record for record, _ in pairs]
        made[name] = _write(name, rows, sum(mistaken for _, mistaken in pairs))
    manifest = {
        "generated_by": "update/make_samples.py",
        "seed": seed,
        "today": TODAY.isoformat(),
        "generators": {"library": sorted(m.library), "fallback": sorted(m.fallback)},
        "forms": made,
    }
    (OUT / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return manifest


def _write(name: str, rows: list[dict[str, str]], with_mistakes: int) -> dict[str, Any]:
    form = forms.get(name)
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow([field.label for field in form.fields])
        for row in rows:
            writer.writerow([row.get(k, "") for k in form.keys])
    return {
        "file": path.name,
        "form_version": form.version,
        "records": len(rows),
        "with_mistakes": with_mistakes,
    }


if __name__ == "__main__":
    result = make()
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
