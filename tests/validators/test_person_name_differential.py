"""The fast path of person_name.check gives the full path's Check, exactly.

``person_name.check`` answers a plain name of basic-block Chinese characters
without normalizing it; ``person_name._check`` is the full path. Every input
here, valid or not, must get an equal Check (value, problems with their
severities and params, info) from both, with and without ``allow_title_only``.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from custinfo.testing import mutations
from custinfo.validators import _name_parts, person_name

VECTORS = json.loads(
    (Path(__file__).parent.parent / "vectors" / "person_names.json").read_text("utf-8")
)
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红"
    + "建文辉力鹏飞斌宇浩凯婷雪琳晨欣怡子涵梓轩"
)
# Words that draw a problem or change the info of a name they are part of.
WORDS = sorted(
    {
        *_name_parts.TITLES,
        *_name_parts.SHORT_TITLES,
        *person_name._PLACEHOLDERS,
        *person_name._EXAMPLES,
        *person_name._ORGANIZATION,
        *_name_parts.compound_surnames(),
        *"某测试老小啊〇○×*·・ .。",
    }
)


def assert_same(value: object) -> None:
    for allow in (False, True):
        fast = person_name.check(value, allow_title_only=allow)
        assert fast == person_name._check(value, allow_title_only=allow), repr(value)


def test_the_vectors_give_the_same_check():
    assert len(VECTORS["cases"]) > 40
    for case in VECTORS["cases"]:
        assert_same(case["input"])


def test_every_troublesome_word_alone_and_around_a_name_gives_the_same_check():
    rng = random.Random(1)
    for word in WORDS:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        for value in (word, rng.choice(SURNAMES) + word, name + word, word + name, word * 3):
            assert_same(value)


def test_every_pair_of_characters_from_the_troublesome_ones_gives_the_same_check():
    characters = sorted({c for word in WORDS for c in word} | set(SURNAMES[:10] + GIVEN[:10]))
    for first in characters:
        for second in characters:
            assert_same(first + second)


def test_thousands_of_distinct_generated_names_give_the_same_check():
    rng = random.Random(2)
    compound = sorted(_name_parts.compound_surnames())
    seen = set()
    for _ in range(6000):
        surname = rng.choice(compound) if rng.random() < 0.1 else rng.choice(SURNAMES)
        given = "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 3)))
        seen.add(surname + given)
        assert_same(surname + given)
        assert_same(person_name.generate(rng))
    assert len(seen) > 3000
    # most of them take the fast path, so it is the one tested here
    plain = [v for v in seen if person_name._PLAIN_HAN.fullmatch(v) and not person_name._suspect(v)]
    assert len(plain) > 0.8 * len(seen)


def test_random_basic_block_characters_give_the_same_check():
    rng = random.Random(3)
    for _ in range(4000):
        length = rng.randint(1, 12)
        assert_same("".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(length)))


def test_mutated_and_noisy_names_give_the_same_check():
    rng = random.Random(4)
    changes = {**mutations.ERRORS, **mutations.NOISE}
    for _ in range(3000):
        name = person_name.generate(rng)
        changed = rng.choice(list(changes.values()))(name, rng)
        if changed is not None:
            assert_same(changed)


def test_names_outside_the_fast_path_give_the_same_check():
    for value in (
        "买买提·艾力",
        "阿依古丽 • 买买提",
        "José García-López",
        "Zhang Xiaoming",
        "ZHANG San",
        "O’Brien",
        "刘䶮",
        "王﨑",
        "张 三",
        "欧 阳 娜 娜",
        "王明（经理）",
        "王明、李华",
        "王明3",
        "ＷＡＮＧ Ｍｉｎｇ",
        "\u200b王明",
        " 王明 ",
        "王",
        "王" * 11,
        "王" * 101,
        "",
        None,
        12,
        b"\xe7\x8e\x8b",
        "石原 さとみ",
        "김민준",
    ):
        assert_same(value)


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        alphabet="".join(sorted({c for word in WORDS for c in word})) + "明华娜王李", max_size=8
    )
)
def test_any_text_of_name_and_title_characters_gives_the_same_check(value):
    assert_same(value)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=12))
def test_any_text_gives_the_same_check(value):
    assert_same(value)


def test_the_fast_paths_info_is_as_frozen_and_hashable_as_the_full_paths():
    fast, full = person_name.check("欧阳娜娜").info, person_name._check("欧阳娜娜").info
    assert fast == full and hash(fast) == hash(full) and repr(fast) == repr(full)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fast.surname = "欧"
