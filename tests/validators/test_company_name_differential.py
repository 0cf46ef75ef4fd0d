"""The fast path of company_name.check gives the full path's Check, exactly.

``company_name.check`` answers a name of basic-block Chinese characters (maybe
with a canonical ``（简称：…）``) without normalizing it, and finds its region
trying only the lengths of division names that start as it does;
``company_name._check`` is the full path. Every input here, valid or not, must
get an equal Check (value, problems with their severities and params, info).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from custinfo import divisions
from custinfo.testing import mutations
from custinfo.validators import _region, company_name

VECTORS = json.loads(
    (Path(__file__).parent.parent / "vectors" / "company_names.json").read_text("utf-8")
)
TRADE = ("博远", "天成", "华信", "腾达", "字节跳动", "信", "科", "某某", "测试", "远", "中", "东方")
INDUSTRY = ("信息技术", "科技", "商贸", "建筑工程", "医药", "网络科技", "", "发展", "集团")
FORMS = tuple(s for s, kind in company_name._forms() if kind != "foreign_company")


def assert_same(value: object) -> None:
    assert company_name.check(value) == company_name._check(value), repr(value)


def region_names() -> list[str]:
    return sorted(name for name in _region._index() if len(name) >= 2)


def test_the_vectors_give_the_same_check():
    assert len(VECTORS["cases"]) > 30
    for case in VECTORS["cases"]:
        assert_same(case["input"])


def test_the_region_found_is_the_full_paths_for_every_division_name():
    for name in region_names():
        for tail in ("博远科技有限公司", "", "市", "科技有限公司（简称：博远）"):
            assert company_name._fast_region(name + tail) == _region.leading_region(name + tail)


def test_the_region_found_is_the_full_paths_for_whole_division_paths():
    rng = random.Random(5)
    counties = [d for d in divisions.all_divisions() if d.level == "county"]
    for county in rng.sample(counties, 1500):
        chain = divisions.path(county.code)
        head = "".join(d.name for d in chain)
        for name in (head, head[2:], "".join(d.name for d in chain[1:])):
            value = name + rng.choice(TRADE) + rng.choice(INDUSTRY) + "有限公司"
            assert company_name._fast_region(value) == _region.leading_region(value)
            assert_same(value)


def test_the_region_found_is_the_full_paths_when_division_names_follow_each_other():
    rng = random.Random(9)
    by_city: dict[str, list[str]] = {}
    for d in divisions.all_divisions():
        by_city.setdefault(d.code[:4], []).append(d.name)
    for names in rng.sample(sorted(by_city.values()), 300):
        for _ in range(3):
            value = "".join(rng.choice(names) for _ in range(rng.randint(2, 3))) + "博远有限公司"
            assert company_name._fast_region(value) == _region.leading_region(value)
            assert_same(value)


def test_every_legal_form_after_every_kind_of_trade_name_gives_the_same_check():
    rng = random.Random(6)
    regions = region_names()
    for form in FORMS:
        for trade in TRADE:
            for industry in INDUSTRY:
                region = rng.choice(("", *rng.sample(regions, 2)))
                assert_same(region + trade + industry + form)
        assert_same(form)
        assert_same("北京" + form)


def test_annotated_names_give_the_same_check():
    for full in (
        "深圳市天成股份有限公司",
        "北京大学",
        "博远信息技术有限公司",
        "招商银行股份有限公司深圳分行",
    ):
        for short in ("天成", "博远", "北大", "成天", "", "深圳市天成股份有限公司", "为民"):
            for written in (
                f"{full}（简称：{short}）",
                f"{full}(简称:{short})",
                f"{full}（以下简称“{short}”）",
                f"{full}（简称:{short}）",
                f"{full}【简称：{short}】",
            ):
                assert_same(written)


def test_thousands_of_distinct_generated_names_give_the_same_check():
    rng = random.Random(7)
    regions = region_names()
    seen = set()
    for _ in range(4000):
        trade = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(rng.randint(1, 4)))
        region = rng.choice(regions) if rng.random() < 0.8 else ""
        name = region + trade + rng.choice(INDUSTRY) + rng.choice(FORMS[:8] + ("有限公司",) * 8)
        seen.add(name)
        assert_same(name)
        assert_same(company_name.generate(rng))
    assert len(seen) > 3900
    # most of them take the fast path, so it is the one tested here
    fast = [v for v in seen if company_name._fast_check(v, v, None) is not None]
    assert len(fast) > 0.6 * len(seen)


def test_mutated_and_noisy_names_give_the_same_check():
    rng = random.Random(8)
    changes = {**mutations.ERRORS, **mutations.NOISE}
    for _ in range(2000):
        name = company_name.generate(rng)
        changed = rng.choice(list(changes.values()))(name, rng)
        if changed is not None:
            assert_same(changed)


def test_names_outside_the_fast_path_give_the_same_check():
    for value in (
        "腾讯科技(深圳)有限公司",
        "普华永道中天会计师事务所（特殊普通合伙）",
        "中国工商银行股份有限公司北京市分行",
        "招商银行深圳分行",
        "Apple Inc.",
        "Siemens AG",
        "北京ABC科技有限公司",
        "北京3M科技有限公司",
        "北京某某科技有限公司",
        "XX有限公司",
        "测试公司",
        "无",
        "个旧市锡业有限公司",
        "北京科技有限公司",
        "北京市人民政府",
        "中国银行",
        "北京字节跳动科技",
        "某集团公司",
        "北京集团",
        "北京天成科技有限公司。",
        " 北京天成科技有限公司 ",
        "北京 天成 科技有限公司",
        "",
        None,
        12,
        "公" * 151,
        "公" * 1025,
        "北京天成科技有限公司（简称：" + "天" * 151 + "）",
        "北京天成科技有限公司（简称：" + "天" * 1100 + "）",
    ):
        assert_same(value)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            (*TRADE, *INDUSTRY, *FORMS[:40], "北京", "北京市", "朝阳区", "深圳", "（简称：", "）")
        ),
        max_size=6,
    )
)
def test_any_string_of_name_parts_gives_the_same_check(parts):
    assert_same("".join(parts))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=16))
def test_any_text_gives_the_same_check(value):
    assert_same(value)


def test_the_fast_paths_info_is_as_frozen_and_hashable_as_the_full_paths():
    name = "深圳市天成股份有限公司（简称：天成）"
    fast, full = company_name.check(name).info, company_name._check(name).info
    assert fast == full and hash(fast) == hash(full) and repr(fast) == repr(full)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fast.region = "北京"


def test_the_division_memo_keeps_only_division_names_and_a_bounded_number_of_them():
    names = region_names()
    for head in ("北京市", "深圳市", "武汉市"):
        for name in names:
            company_name.check(f"{head}{name}博远科技有限公司")
            company_name.check(f"{head}博{name}远科技有限公司")
    index = _region._index()
    for known in company_name._DIVISIONS.values():
        assert set(known) <= set(index)
        assert len(known) <= company_name._KNOWN_LIMIT
