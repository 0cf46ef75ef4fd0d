"""The common path of ``address.check`` against its reference path.

``check`` takes shortcuts: clean text is recognised by one match instead of being
cleaned, the division head comes from the memo of heads, what a head decides is
kept with it, the street is matched in place, and the info and the check are built
from their slots. ``address._check_reference`` takes none of them (every head read
afresh, the text cleaned round by round, the info and check built by their
constructors). Every check here must be equal to the reference's (value, problems
and every field of the info), for realistic addresses of every county in the
division table written in many ways, for their mutations, for the frozen corpus,
and for random text, in whatever order the memo meets them.
"""

from __future__ import annotations

import datetime
import json
import random
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from custinfo import divisions, normalize
from custinfo.findings import Check
from custinfo.testing import values
from custinfo.validators import _address_parse as parsing
from custinfo.validators import address

VECTORS = Path(__file__).parent.parent / "vectors"
FROZEN: list[dict[str, Any]] = json.loads((VECTORS / "address_verdicts.json").read_text("utf-8"))[
    "cases"
]

OPTIONS: list[dict[str, Any]] = [
    {},
    {"require": "detail"},
    {"require": "province"},
    {"today": datetime.date(2010, 6, 1)},
    {"today": datetime.date(1995, 1, 1), "require": "district"},
    {"max_length": 12},
]


def same_as_reference(value: object, **options: Any) -> tuple[Check, Check]:
    return address.check(value, **options), address._check_reference(value, **options)


def mismatches(cases: list[tuple[object, dict[str, Any]]]) -> list[tuple[object, Any]]:
    found = []
    for value, options in cases:
        fast, reference = same_as_reference(value, **options)
        if fast != reference or type(fast.info) is not type(reference.info):
            found.append((value, options))
    return found


# --- addresses of the whole division table --------------------------------------------

_ROADS = ("人民路", "建国路", "中关村大街", "解放北路", "滨江南路", "长安街", "文三路", "中山路")
_DETAILS = (
    *("", "", "3栋2单元501室", "阳光大厦12层", "7号楼1203", "A座1001", "(东门)", "Tower 1"),
    *("1号院", "B1-203", "幸福小区", "科技园区2期", "经济开发区1号", "市场3楼"),
)
_TOWNS = ("五津镇", "城关街道", "石桥乡", "新华街道办事处", "虎门镇")
_SEPARATORS = ("", "", "", "-", ",", " ", "/", "、")
_LABELS = ("", "", "", "地址：", "中国", "联系地址:", "常住")
_POSTALS = ("", "", "", " 100000", "(510620)", "邮编200000")


def _short(name: str) -> str:
    for suffix in ("自治区", "自治州", "自治县", "省", "市", "地区", "盟", "区", "县"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def _written(rng: random.Random, code: str) -> str:
    year = rng.choice((None, None, None, 2000))
    names = []
    for d in divisions.path(code):
        name = d.name if year is None else (d.name_in(year) or d.name)
        if "直辖" not in name and name not in ("市辖区", "县"):
            names.append(name)
    shown = []
    for i, name in enumerate(names):
        roll = rng.random()
        if roll < 0.12 and i < len(names) - 1:
            continue  # a level left out
        shown.append(_short(name) if roll < 0.35 else name)
    street = rng.choice(
        (
            f"{rng.choice(_ROADS)}{rng.randrange(1, 999)}号",
            f"{rng.choice(_ROADS)}{rng.randrange(1, 99)}",
            rng.choice(_TOWNS) + rng.choice(_ROADS),
            "",
        )
    )
    text = rng.choice(_SEPARATORS).join(shown) + street + rng.choice(_DETAILS)
    return rng.choice(_LABELS) + text + rng.choice(_POSTALS)


def _table_addresses(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    codes = sorted(d.code for d in divisions.all_divisions() if d.level == "county")
    return [_written(rng, rng.choice(codes)) for _ in range(count)]


def test_addresses_of_every_county_give_the_reference_verdict() -> None:
    codes = sorted(d.code for d in divisions.all_divisions() if d.level == "county")
    rng = random.Random(20261125)
    texts = [_written(rng, code) for code in codes]  # every county, current and former
    assert len(texts) > 3000
    assert mismatches([(t, {}) for t in texts])[:5] == []
    assert mismatches([(t, rng.choice(OPTIONS)) for t in texts])[:5] == []


def test_the_same_addresses_met_again_and_in_another_order_give_the_same_verdicts() -> None:
    texts = _table_addresses(7, 1500)
    rng = random.Random(7)
    cases = [(t, rng.choice(OPTIONS)) for t in texts]
    assert mismatches(cases)[:5] == []
    rng.shuffle(cases)
    assert mismatches(cases)[:5] == []  # now mostly from remembered heads


def test_the_validators_own_generated_and_mutated_addresses_give_the_reference_verdict() -> None:
    rng = random.Random(11)
    texts = [address.generate(rng) for _ in range(600)]
    texts += [values.noisy("address", address.generate(rng), rng) for _ in range(300)]
    texts += [values.invalid("address", rng) for _ in range(150)]
    assert mismatches([(t, {}) for t in texts])[:5] == []


def test_the_frozen_corpus_gives_the_reference_verdict() -> None:
    cases = []
    for case in FROZEN:
        options: dict[str, Any] = {}
        if "t" in case:
            options["today"] = datetime.date.fromisoformat(case["t"])
        if "r" in case:
            options["require"] = case["r"]
        cases.append((case["a"], options))
    assert mismatches(cases)[:5] == []


def test_values_that_are_not_clean_addresses_give_the_reference_verdict() -> None:
    odd: list[object] = [
        None,
        b"\xe5\x8c\x97\xe4\xba\xac",
        1.5,
        110105,
        "",
        " ",
        "　",
        "北京市\x00朝阳区建国路88号",
        "北京市朝阳区建国路\ud800",
        "北京" * 150,
        "北京市朝阳区建国路８８号",
        "北京市 朝阳区 建国路 88 号",
        "北京市朝阳区建国路88号 ",
        ",北京市朝阳区建国路88号;",
        "100000 北京市朝阳区建国路88号",
        "北京市朝阳区建国路88号100020",
        "北京市朝阳区建国路88号(100020)",
        "中国北京市朝阳区建国路88号",
        "中山市石岐区中山路1号",
        "常州市天宁区延陵西路1号",
        "住所北京市朝阳区建国路88号",
        "邮编100000北京",
        "\u200b北京市朝阳区建国路88号",
        "北京市朝阳区建国路88号\u00ad",
        "河北省雄安新区容城县人民路1号",
        "北京市北京市朝阳区建国路88号",
        "上海市市辖区浦东新区张江路1号",
        "北京市朝阳区-建国路88号",
        "京",
        "北",
        "1",
        "北京市朝阳区建国路88号SOHO现代城 A座",
    ]
    odd += [type("Text", (str,), {})("北京市朝阳区建国路88号")]
    cases = [(v, o) for v in odd for o in OPTIONS]
    assert mismatches(cases) == []


_ALPHABET = (
    "北京市海淀区广东省深圳中山西湖南京新区开发园县场路街道镇乡号室栋院大厦楼层单元"
    "东南西北一二三四五六七八九十甲0123456789１２Ａ -,;()（）:：、/中国地址邮编辖直自治"
)
_PIECES = st.sampled_from(
    [
        *("北京市", "海淀区", "广东省", "深圳市", "南山区", "四川省成都市新津县", "鼓楼区"),
        *("湖北省武汉市洪山区", "重庆市县城口县", "河北省雄安新区", "市辖区", "建国路"),
        *("231号", "中关村大街", "五津镇", "街道", "3栋2单元501室", "开发区", "100000"),
    ]
)
TEXTS = st.lists(_PIECES | st.text(alphabet=_ALPHABET, min_size=1, max_size=4), max_size=8).map(
    "".join
)


@settings(deadline=None, max_examples=400)
@given(TEXTS, st.sampled_from(OPTIONS))
def test_any_text_gives_the_reference_verdict(text: str, options: dict[str, Any]) -> None:
    fast, reference = same_as_reference(text, **options)
    assert fast == reference
    assert type(fast.info) is type(reference.info)


@settings(deadline=None, max_examples=200)
@given(st.text(max_size=30), st.sampled_from(OPTIONS))
def test_any_unicode_text_gives_the_reference_verdict(text: str, options: dict[str, Any]) -> None:
    assert address.check(text, **options) == address._check_reference(text, **options)


# --- the pieces of the shortcut ----------------------------------------------------------


def _code_points() -> range | list[int]:
    # every character of the Basic Multilingual Plane, a sample of the others
    return [*range(0x10000), *range(0x10000, sys.maxunicode + 1, 251)]


def test_text_recognised_as_clean_is_what_cleaning_returns_for_every_character() -> None:
    wrong = []
    for code in _code_points():
        char = chr(code)
        for text in (char, f"北京{char}路1号", f"{char}北京市", f"北京市{char}"):
            if parsing.is_clean(text) and (
                parsing.clean(text) != text or normalize.text(text) != text
            ):
                wrong.append(text)
    assert wrong[:5] == []


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("湖北省武汉市洪山区建国路231号", True),
        ("北京市海淀区中关村大街280号7号楼1203", True),
        ("北京市海淀区中关村大街280号 邮编100080", False),
        ("北京市海淀区中关村大街280号100080", True),  # no separator: not a postal code
        ("北京市海淀区中关村大街280号,100080", False),
        ("地址：北京市海淀区", False),
        ("北京市海淀区中关村大街２８０号", False),
        ("", False),
    ],
)
def test_clean_text_is_told_apart_from_text_to_clean(text: str, clean: bool) -> None:
    assert parsing.is_clean(text) is clean
    if clean:
        assert parsing.clean(text) == text


def test_an_info_built_from_its_slots_is_an_address_info_like_any_other() -> None:
    fields = [f.name for f in attrs.fields(address.AddressInfo)]
    parts = dict(zip(fields, [f"v{i}" for i in range(len(fields))], strict=True))
    fixed = tuple(parts[f] for f in fields if f not in ("street", "detail", "level"))
    built = address._new_info(parts["street"], parts["detail"], parts["level"], fixed)
    assert type(built) is address.AddressInfo
    assert built == address.AddressInfo(**parts)
    assert hash(built) == hash(address.AddressInfo(**parts))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        built.city = "x"  # type: ignore[misc]


def test_a_check_built_from_its_slots_is_a_check_like_any_other() -> None:
    built = address.check("北京市朝阳区建国路88号")
    assert type(built) is Check
    assert built == Check(built.value, built.problems, built.info)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        built.value = "x"  # type: ignore[misc]


def test_the_memo_of_heads_starting_afresh_changes_no_verdict() -> None:
    texts = _table_addresses(3, 300)
    before = [address.check(t) for t in texts]
    parsing._MEMO.clear()
    assert [address.check(t) for t in texts] == before
