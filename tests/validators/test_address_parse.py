"""The address reader's memo of division heads: remembered readings are fresh readings.

A head's readings are reused for another text when that text starts with the same
head and every observation the reader made beyond the head gives the same result
on it. That is sound only if each observation is what it says: a function of the
text up to the last position it reports having read. Both are checked here on
texts built to share heads and to differ right after them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from custinfo.validators import _address_parse as parsing

HEADS = [
    "北京市海淀区",
    "北京海淀",
    "北京",
    "北京市北京",
    "广东省深圳市",
    "广东深圳南山",
    "广东中山",
    "浙江杭州西湖",
    "重庆市",
    "重庆市县",
    "四川省成都市新津县",
    "河北省雄安新区",
    "吉林",
    "吉林省吉林市",
    "辽宁朝阳",
    "湖北省仙桃市",
    "内蒙古锡林郭勒盟",
    "南京市南京市",
    "鼓楼区",
    "贵州省毕节地区",
    "天津市蓟县",
    "广西",
    "江苏-南京-",
]
TAILS = [
    *("市辖区", "县", "城口县", "容城县", "市场", "场", "路", "门", "中路", "东路5号", "大道"),
    *("公园", "新区", "雄安新区", "经济技术开发区", "高新区", "开发区", "区", "市", "-", " "),
    *(",", "省直辖县级行政区划", "自治区直辖", "海淀区", "朝阳区", "鼓楼区", "西湖区", "北京"),
    *("南京", "中山", "七星关区", "新津区", "1号", "人民路8号", "五津镇", "街道", "村", "号"),
    *("上海市张江高新技术产业开发区", "北京经济技术开发区", "省直辖", "市辖", "直辖县级"),
]
YEARS = st.sampled_from([None, 1990, 2010, 2026])
PIECES = st.lists(st.sampled_from(HEADS + TAILS), max_size=4).map("".join)


@settings(deadline=None, max_examples=300)
@given(st.sampled_from(HEADS), st.lists(PIECES, min_size=1, max_size=6), YEARS)
def test_a_remembered_head_gives_the_readings_a_fresh_reading_gives(
    head: str, tails: list[str], year: int | None
) -> None:
    for tail in tails:  # one head, then whatever may follow it
        text = head + tail
        fresh, _ = parsing._read(text)
        remembered = parsing.head(text)
        assert remembered.contenders == fresh.contenders, text
        assert remembered.best(year) == fresh.best(year), text


_ALPHABET = "北京市海淀区广东省深圳中山西湖南京新区开发园县场路门东中大道1号 -,辖直省自治"
TEXTS = st.lists(
    st.sampled_from(HEADS + TAILS) | st.text(alphabet=_ALPHABET, min_size=1, max_size=3),
    max_size=6,
).map("".join)
# What may follow a cut: the rest of some name, zone, placeholder or road word, or anything.
ENDS = st.sampled_from(sorted({t[i:] for t in HEADS + TAILS for i in range(len(t))})) | TEXTS
AT = [
    parsing._walk,
    parsing._roadlike,
    parsing._market,
    parsing._county,
    parsing._skip,
    parsing._zone,
]


def depends_only_on_what_it_read(
    observe: Callable[..., tuple[Any, int]], text: str, args: tuple[int, ...], other_end: str
) -> bool:
    result, read = observe(text, *args)
    # Unless it saw the end of the text, what follows what it read cannot matter.
    return read >= len(text) or observe(text[: read + 1] + other_end, *args)[0] == result


@pytest.mark.parametrize("observe", AT, ids=lambda f: f.__name__.strip("_"))
@settings(deadline=None, max_examples=150)
@given(TEXTS, TEXTS, ENDS, st.integers(-2, 2))
def test_an_observation_depends_on_nothing_past_the_last_position_it_read(
    observe: Callable[[str, int], tuple[Any, int]],
    before: str,
    after: str,
    other_end: str,
    shift: int,
) -> None:
    text = before + after
    pos = min(max(len(before) + shift, 0), len(text))  # mostly where a piece starts
    assert depends_only_on_what_it_read(observe, text, (pos,), other_end)


@pytest.mark.parametrize(
    ("observe", "text", "args", "other_end"),
    [
        (parsing._walk, "北京市海淀区", (3,), "X"),
        (parsing._walk, "北京朝阳门", (2,), "区"),
        (parsing._roadlike, "北京市场", (2,), "X"),  # a road word: read to its end
        (parsing._roadlike, "北京东12大道", (2,), "X"),  # direction, number, road word
        (parsing._roadlike, "北京东12大", (2,), "道"),
        (parsing._skip, "省直辖X", (0,), "县级行政区划"),
        (parsing._skip, "-,市辖区省直辖县级行政单位X", (0,), "市辖区"),
        (parsing._zone, "北京上海市张江高新技术产业开发区", (2,), "X"),
        (parsing._zone, "河北省雄安新区", (3,), "X"),
        (parsing._repeated, "北京市北京X", (0, 3, 3), "市"),
        (parsing._repeated, "南京市-南京市", (0, 3, 4), "鼓楼区"),
        (parsing._market, "北京市场", (3,), "X"),
        (parsing._county, "重庆市县城口县", (3,), "X"),
    ],
)
def test_an_observation_in_a_hard_place_depends_only_on_what_it_read(
    observe: Callable[..., tuple[Any, int]], text: str, args: tuple[int, ...], other_end: str
) -> None:
    assert depends_only_on_what_it_read(observe, text, args, other_end)


@settings(deadline=None, max_examples=300)
@given(
    TEXTS,
    st.sampled_from(HEADS + TAILS),
    st.sampled_from(["", "-", " ", "市辖区", "省直辖县级行政区划"]),
    TEXTS,
    ENDS,
    st.sampled_from([0, 1, 2, 3]),
)
def test_a_repeated_name_depends_on_nothing_past_the_last_position_read(
    before: str, name: str, between: str, after: str, other_end: str, again: int
) -> None:
    start = len(before)
    pos = start + len(name) + len(between)
    repeated = name[: len(name) * again // 3]  # not at all, a third, two thirds, in full
    text = before + name + between + repeated + after
    result, read = parsing._repeated(text, start, start + len(name), pos)
    if read < len(text):
        assert parsing._repeated(text[: read + 1] + other_end, start, start + len(name), pos)[
            0
        ] == (result)


@settings(deadline=None, max_examples=300)
@given(TEXTS, TEXTS, st.integers(-2, 2))
def test_the_shortcuts_of_observations_give_what_their_definitions_give(
    before: str, after: str, shift: int
) -> None:
    text = before + after
    pos = min(max(len(before) + shift, 0), len(text))
    names = [
        (end, parsing.names.lookup(text[pos:end]))
        for end in range(len(text), pos + 1, -1)
        if parsing.names.lookup(text[pos:end])
    ]
    assert list(parsing._walk(text, pos)[0]) == names
    assert parsing._roadlike(text, pos)[0] is (parsing._ROADLIKE.match(text, pos) is not None)
    zone = parsing._ZONE.match(text, pos)
    assert parsing._zone(text, pos)[0] == (zone.end() if zone else -1)


@pytest.mark.parametrize(
    ("text", "pos", "end"),
    [
        ("河北省雄安新区容城县", 3, 7),
        ("北京上海市张江高新技术产业开发区", 2, 16),
        ("天津滨海新区塘沽", 2, 6),
        ("北京海淀区", 2, -1),
    ],
)
def test_a_development_zone_is_found_however_long_its_name(text: str, pos: int, end: int) -> None:
    assert parsing._zone(text, pos)[0] == end


_KINDS = [re.compile(p) for p in parsing._STREET_KINDS]


@settings(deadline=None, max_examples=300)
@given(TEXTS | st.text(alphabet=_ALPHABET + "甲乙路街巷弄栋幢层室单院镇乡苏木办事处道"))
def test_the_street_is_the_first_kind_that_matches(rest: str) -> None:
    found = next((m for m in (k.match(rest) for k in _KINDS) if m), None)
    expected = (found.group(), rest[found.end() :].lstrip(" ,;:/|\\-_·>()、")) if found else None
    assert parsing.split_street(rest) == (expected or (None, rest))
