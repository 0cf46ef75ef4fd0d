"""Duplicate customers across a batch."""

from __future__ import annotations

import itertools
import random

from hypothesis import given, settings
from hypothesis import strategies as st

import custinfo
from custinfo import forms
from custinfo.rules.duplicates import DuplicateGroup, find_duplicates, id_key, name_key, phone_keys


def groups_of(records, form=None):
    return [(g.indices, g.keys) for g in find_duplicates(records, form or forms.enterprise)]


def test_find_duplicates_is_part_of_the_public_api():
    assert custinfo.find_duplicates is find_duplicates
    assert "find_duplicates" in custinfo.__all__


def test_the_same_uscc_written_differently_is_one_customer():
    records = [
        {"uscc": "91350100M000100Y43", "customer_name": "甲公司"},
        {"统一社会信用代码": "9135 0100-m000 100y43", "客户名称": "乙公司"},
        {"uscc": "914403001922038216", "customer_name": "丙公司"},
    ]
    assert groups_of(records) == [((0, 1), ("id",))]


def test_names_differing_in_brackets_width_spaces_and_legal_form_spelling_match():
    records = [
        {"customer_name": "腾讯科技(深圳)有限公司"},
        {"customer_name": "腾讯科技（深圳） 有限责任公司"},
        {"customer_name": "腾讯科技深圳有限公司(简称:腾讯)"},
        {"customer_name": "ＡＢＣ科技股份公司"},
        {"customer_name": "abc科技股份有限公司"},
    ]
    assert groups_of(records) == [((0, 1, 2), ("name",)), ((3, 4), ("name",))]


def test_a_limited_company_and_a_joint_stock_company_are_different_names():
    records = [{"customer_name": "甲乙科技有限公司"}, {"customer_name": "甲乙科技股份有限公司"}]
    assert groups_of(records) == []


def test_phones_with_and_without_country_code_match():
    records = [
        {"phone": "13800138000"},
        {"phone": "+86 138-0013-8000"},
        {"phone": "0086 13800138000"},
        {"phone": "８６１３８００１３８０００"},
        {"phone": "010-6552 9988 转 123"},
        {"phone": "+86 10 65529988"},
    ]
    assert groups_of(records) == [((0, 1, 2, 3), ("phone",)), ((4, 5), ("phone",))]


def test_keys_link_records_transitively():
    records = [
        {"customer_name": "甲公司有限公司", "phone": "13800138000"},
        {"customer_name": "乙有限公司", "phone": "13800138000"},
        {"customer_name": "乙有限公司", "uscc": "91350100M000100Y43"},
        {"customer_name": "丙有限公司", "uscc": "91350100M000100Y43"},
        {"customer_name": "丁有限公司", "phone": "13900139000"},
    ]
    (group,) = find_duplicates(records, forms.enterprise)
    assert group.indices == (0, 1, 2, 3)
    assert group.keys == ("id", "name", "phone")
    assert [(link.key, link.indices) for link in group.links] == [
        ("id", (2, 3)),
        ("name", (1, 2)),
        ("phone", (0, 1)),
    ]


def test_people_are_not_matched_by_name_alone():
    records = [
        {
            "customer_type": "个人",
            "customer_name": "张伟",
            "id_number": "11010519491231002X",
            "phone": "13800138000",
        },
        {
            "customer_type": "个人客户",
            "customer_name": "张伟",
            "id_number": "110105198001010011",
            "phone": "13900139000",
        },
        {"customer_type": "企业", "customer_name": "张伟", "phone": "13700137000"},
    ]
    assert groups_of(records, forms.collection) == []


def test_a_person_entered_with_the_old_15_digit_id_matches_the_18_digit_one():
    records = [
        {"customer_type": "个人", "customer_name": "张三", "证件号码": "110105491231002"},
        {"customer_type": "个人", "customer_name": "张叁", "id_number": "11010519491231002x"},
    ]
    assert groups_of(records, forms.collection) == [((0, 1), ("id",))]


def test_placeholders_and_blanks_are_not_keys():
    records = [
        {"phone": "00000000000", "customer_name": "", "uscc": None},
        {"phone": "00000000000", "customer_name": " ", "uscc": "  "},
        {"phone": "1", "customer_name": "某"},
        {"phone": "1", "customer_name": "某"},
    ]
    assert groups_of(records) == []


def test_records_that_are_not_mappings_are_skipped_but_keep_their_positions():
    records = [None, {"phone": "13800138000"}, "text", {"phone": "13800138000"}]
    assert groups_of(records) == [((1, 3), ("phone",))]
    assert groups_of([]) == []


def test_one_record_repeating_a_key_is_not_a_duplicate_of_itself():
    records = [{"phone": "13800138000; 138-0013-8000"}, {"phone": "13900139000"}]
    assert groups_of(records) == []


def test_the_fields_each_key_is_read_from_can_be_chosen():
    records = [{"contact_name": "王五", "phone": "1"}, {"contact_name": "王五", "phone": "2"}]
    found = find_duplicates(records, forms.enterprise, fields={"name": ["contact_name"]})
    assert [(g.indices, g.keys) for g in found] == [((0, 1), ("name",))]


def test_a_group_never_shows_raw_personal_data():
    records = [
        {
            "customer_type": "个人",
            "customer_name": "欧阳娜娜",
            "id_number": "11010519491231002X",
            "phone": "13812345678",
        },
        {
            "customer_type": "个人",
            "customer_name": "欧阳娜娜",
            "id_number": "11010519491231002X",
            "phone": "13812345678",
        },
    ]
    (group,) = find_duplicates(records, forms.collection)
    text = repr(group) + str(group.to_finding().to_dict())
    for secret in ("11010519491231002X", "19491231", "13812345678", "12345678", "娜娜"):
        assert secret not in text
    assert "138****5678" in text


def test_a_group_becomes_a_record_level_warning():
    group = DuplicateGroup((4, 9), ("id", "phone"), ())
    finding = group.to_finding(first_row=2)
    assert finding.field is None
    assert finding.code == "duplicate.customer"
    assert finding.message("zh") == "疑似重复客户:第 6、11 条记录的证件号码、电话相同"
    assert (
        finding.message("en")
        == "Possible duplicate customer: records 6, 11 share the same ID, phone"
    )


def test_key_functions_never_raise_on_odd_input():
    for value in (None, 5, 1.5, b"x", ["a"], "x" * 100_000, "\x00\u200b"):
        id_key(value)
        name_key(value)
        phone_keys(value)


# -- against a brute-force reference ----------------------------------------------------

_NAMES = ["甲有限公司", "甲有限责任公司", "乙股份有限公司", "乙股份公司", "丙合作社", None]
_PHONES = ["13800138000", "+8613800138000", "13900139000", "010-65529988", None]
_IDS = ["91350100M000100Y43", "9135 0100 M000 100Y43", "914403001922038216", None]


def brute_force(records):
    keys = [
        {("id", id_key(r.get("uscc"))), ("name", name_key(r.get("customer_name")))}
        | {("phone", p) for p in phone_keys(r.get("phone"))}
        for r in records
    ]
    keys = [{k for k in ks if k[1]} for ks in keys]
    parent = list(range(len(records)))

    def root(i):
        while parent[i] != i:
            i = parent[i]
        return i

    for i, j in itertools.combinations(range(len(records)), 2):
        if keys[i] & keys[j]:
            parent[root(j)] = root(i)
    components = {}
    for i in range(len(records)):
        components.setdefault(root(i), []).append(i)
    return sorted(tuple(c) for c in components.values() if len(c) > 1)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "customer_name": st.sampled_from(_NAMES),
                "phone": st.sampled_from(_PHONES),
                "uscc": st.sampled_from(_IDS),
            }
        ),
        max_size=25,
    )
)
def test_groups_equal_the_brute_force_closure(records):
    found = [g.indices for g in find_duplicates(records, forms.enterprise)]
    assert found == brute_force(records)


def test_a_shuffled_batch_gives_the_same_groups_up_to_positions():
    rng = random.Random(7)
    records = [
        {"customer_name": rng.choice(_NAMES), "phone": rng.choice(_PHONES)} for _ in range(200)
    ]
    order = list(range(200))
    rng.shuffle(order)
    shuffled = [records[i] for i in order]
    original = {frozenset(g.indices) for g in find_duplicates(records, forms.enterprise)}
    mapped = {
        frozenset(order[i] for i in g.indices) for g in find_duplicates(shuffled, forms.enterprise)
    }
    assert mapped == original
