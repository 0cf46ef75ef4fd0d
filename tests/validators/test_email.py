"""The email validator: standards' vectors, Chinese input habits, typos, masking."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from custinfo.findings import InvalidValue, Severity
from custinfo.validators import email

VECTORS = json.loads(
    (Path(__file__).parent.parent / "vectors" / "email_addresses.json").read_text("utf-8")
)


@pytest.mark.parametrize("case", VECTORS["cases"], ids=lambda c: c["input"][:40])
def test_standard_vectors_get_the_expected_verdict(case):
    result = email.check(case["input"])
    assert result.ok is case["valid"], case["source"]
    if case["valid"]:
        assert result.value == case["normalized"]
        if "ascii_email" in case:
            assert result.info.ascii_email == case["ascii_email"]
    else:
        assert result.problems[0].code == case["code"]


def test_every_vector_names_its_source():
    assert VECTORS["source"]
    assert all(case["source"] for case in VECTORS["cases"])


# --- normalization before validation -----------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("zhangsan＠qq.com", "zhangsan@qq.com"),
        ("zhangsan@qq．com", "zhangsan@qq.com"),
        ("zhangsan@qq。com", "zhangsan@qq.com"),
        ("zhangsan@qq｡com", "zhangsan@qq.com"),
        ("zhangsan﹫qq.com", "zhangsan@qq.com"),
        ("ｚｈａｎｇｓａｎ＠ｑｑ．ｃｏｍ", "zhangsan@qq.com"),
        ("\ufeffzhangsan@qq.com\u200b", "zhangsan@qq.com"),
        ("zhang\u200dsan@163.com", "zhangsan@163.com"),
        ("　zhangsan@qq.com　", "zhangsan@qq.com"),
        ("mailto:zhangsan@qq.com", "zhangsan@qq.com"),
        ("MAILTO:ZhangSan@QQ.COM", "ZhangSan@qq.com"),
        ("li.si@例子。中国", "li.si@例子.中国"),
    ],
)
def test_chinese_input_habits_are_normalized_before_validation(typed, expected):
    assert email.validate(typed) == expected


def test_the_full_width_at_sign_alone_would_fail_without_normalization():
    # email-validator itself refuses ＠: the normalization must happen first.
    import email_validator

    with pytest.raises(email_validator.EmailNotValidError):
        email_validator.validate_email("a＠qq.com", check_deliverability=False)
    assert email.is_valid("a＠qq.com")


def test_the_domain_is_lower_cased_and_the_local_part_kept():
    assert email.validate("Zhang.San@Mail.Example.COM") == "Zhang.San@mail.example.com"


def test_role_mailboxes_are_lower_cased_like_email_validator_does():
    assert email.validate("Support@Example.com") == "support@example.com"


def test_an_internationalized_domain_keeps_its_unicode_form_and_has_an_ascii_one():
    facts = email.info("sales@例子.中国")
    assert (facts.domain, facts.ascii_domain) == ("例子.中国", "xn--fsqu00a.xn--fiqs8s")
    assert facts.ascii_email == "sales@xn--fsqu00a.xn--fiqs8s"
    assert facts.smtputf8 is False


def test_a_chinese_local_part_needs_smtputf8_and_can_be_refused():
    assert email.info("用户@例子.广告").smtputf8 is True
    result = email.check("用户@例子.广告", allow_smtputf8=False)
    assert [p.code for p in result.problems] == ["email.international"]
    assert email.is_valid("user@例子.广告", allow_smtputf8=False)


def test_punycode_input_comes_back_in_unicode():
    assert email.validate("a@xn--fsqu00a.xn--55qx5d") == "a@例子.公司"


# --- errors ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (None, "email.type"),
        (b"a@qq.com", "email.type"),
        (1.5, "email.type"),
        (["a@qq.com"], "email.type"),
        ("", "email.empty"),
        ("   ", "email.empty"),
        ("zhangsan", "email.missing_at"),
        ("zhangsan.qq.com", "email.missing_at"),
        ("a@b@qq.com", "email.multiple_at"),
        ("zhangsan@qq.com;lisi@163.com", "email.multiple_at"),
        ("张三 <zhangsan@qq.com>", "email.display_name"),
        ("<zhangsan@qq.com>", "email.display_name"),
        ("zhang san@qq.com", "email.whitespace"),
        ("@qq.com", "email.local_part"),
        ("zhang<san>@qq.com", "email.local_part"),
        ("zhangsan@", "email.domain"),
        ("zhangsan@qq", "email.domain"),
        ("zhangsan@qq..com", "email.domain"),
        ("zhangsan@qq.com.", "email.domain"),
        ("zhangsan@qq_mail.com", "email.domain"),
        ("zhangsan@localhost", "email.domain"),
        ("x" * 5000, "email.too_long"),
        ("a" * 250 + "@qq.com", "email.too_long"),
    ],
)
def test_invalid_addresses_get_a_code_that_says_what_is_wrong(value, code):
    result = email.check(value)
    assert not result.ok
    assert result.problems[0].code == code
    assert result.value is None


def test_validate_raises_the_module_error_with_the_code():
    with pytest.raises(email.InvalidEmail) as caught:
        email.validate("zhangsan#qq.com")
    assert caught.value.code == "email.missing_at"
    assert isinstance(caught.value, InvalidValue)


def test_error_messages_never_contain_the_address():
    with pytest.raises(email.InvalidEmail) as caught:
        email.validate("secret.person@qq..com")
    assert "secret" not in str(caught.value)
    assert "secret" not in caught.value.message("zh")


def test_every_emitted_code_has_both_messages():
    for code, (zh, en) in email.MESSAGES.items():
        assert code.startswith("email.")
        assert zh and en


# --- typos ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("zhangsan@qq.con", "zhangsan@qq.com"),
        ("zhangsan@qq.cm", "zhangsan@qq.com"),
        ("zhangsan@163.cm", "zhangsan@163.com"),
        ("zhangsan@163.con", "zhangsan@163.com"),
        ("zhangsan@126.con", "zhangsan@126.com"),
        ("zhangsan@gmial.com", "zhangsan@gmail.com"),
        ("zhangsan@gamil.com", "zhangsan@gmail.com"),
        ("zhangsan@gmai.com", "zhangsan@gmail.com"),
        ("zhangsan@gmial.con", "zhangsan@gmail.com"),
        ("zhangsan@hotmial.com", "zhangsan@hotmail.com"),
        ("zhangsan@hotmail.con", "zhangsan@hotmail.com"),
        ("zhangsan@sina.cm", "zhangsan@sina.com"),
        ("zhangsan@sian.com", "zhangsan@sina.com"),
        ("zhangsan@souhu.com", "zhangsan@sohu.com"),
        ("zhangsan@outlook.con", "zhangsan@outlook.com"),
        ("zhangsan@outlok.com", "zhangsan@outlook.com"),
        ("zhangsan@foxmail.con", "zhangsan@foxmail.com"),
        ("zhangsan@foxmial.com", "zhangsan@foxmail.com"),
        ("zhangsan@yahoo.com.cm", "zhangsan@yahoo.com.cn"),
        ("zhangsan@yaho.com", "zhangsan@yahoo.com"),
        ("zhangsan@aliyun.con", "zhangsan@aliyun.com"),
        ("zhangsan@139.con", "zhangsan@139.com"),
        ("zhangsan@vip.qq.con", "zhangsan@vip.qq.com"),
        ("zhangsan@qqq.com", "zhangsan@qq.com"),
        ("zhangsan@mail.163.com", "zhangsan@163.com"),
        ("ZhangSan@QQ.CON", "ZhangSan@qq.com"),
    ],
)
def test_a_near_miss_of_a_popular_domain_is_a_warning_with_the_suggestion(typed, meant):
    result = email.check(typed)
    assert result.ok
    assert [(p.code, p.severity) for p in result.problems] == [
        ("email.domain_typo", Severity.WARNING)
    ]
    assert result.info.suggestion == meant
    assert email.suggest(typed) == meant


def test_the_suggestion_in_the_finding_is_masked():
    problem = email.check("zhangsan@qq.con").problems[0]
    assert problem.params["suggestion"] == "z***@qq.com"
    assert "zhangsan" not in str(dict(problem.params))


@pytest.mark.parametrize(
    "address",
    [
        "zhangsan@qq.com",
        "zhangsan@163.com",
        "zhangsan@sina.cn",
        "zhangsan@sina.net",
        "zhangsan@163.net",
        "zhangsan@mail.com",
        "zhangsan@ymail.com",
        "zhangsan@live.cn",
        "zhangsan@gmx.com",
        "zhangsan@hotmail.co.uk",
        "zhangsan@huawei.com",
        "zhangsan@bytedance.com",
        "zhangsan@tsinghua.edu.cn",
        "zhangsan@example.com.cn",
        "zhangsan@例子.中国",
    ],
)
def test_real_domains_are_not_taken_for_typos(address):
    result = email.check(address)
    assert result.problems == ()
    assert result.info.suggestion is None


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("zhangsan@qq,com", "zhangsan@qq.com"),
        ("zhangsan@qq，com", "zhangsan@qq.com"),
        ("zhangsan@163com", "zhangsan@163.com"),
        ("zhangsan@qq", "zhangsan@qq.com"),
        ("zhangsan@qq..com", "zhangsan@qq.com"),
        ("zhangsan@gmial,com", "zhangsan@gmail.com"),
        ("zhangsan@ qq.com", "zhangsan@qq.com"),
    ],
)
def test_a_broken_domain_is_an_error_that_still_carries_a_suggestion(typed, meant):
    result = email.check(typed)
    assert not result.ok
    codes = [p.code for p in result.problems]
    assert codes[1:] == ["email.domain_typo"]
    assert email.suggest(typed) == meant


def test_the_address_inside_a_display_name_is_suggested():
    assert email.suggest("张三 <zhangsan@qq.com>") == "zhangsan@qq.com"
    assert email.suggest("张三 <zhangsan@qq.con>") == "zhangsan@qq.com"


def test_a_trailing_full_stop_from_a_sentence_is_an_error_with_a_suggestion():
    result = email.check("zhangsan@qq.com。")
    assert [p.code for p in result.problems] == ["email.domain", "email.domain_typo"]
    assert email.suggest("zhangsan@qq.com。") == "zhangsan@qq.com"


def test_no_suggestion_is_made_for_an_unrelated_broken_domain():
    assert email.suggest("zhangsan@company") is None
    assert email.suggest("no at sign") is None
    assert email.suggest(None) is None


def test_a_retired_provider_is_a_warning():
    result = email.check("zhangsan@yahoo.com.cn")
    assert result.ok
    assert [p.code for p in result.problems] == ["email.domain_retired"]
    assert result.problems[0].params["year"] == 2013


def test_info_names_the_provider():
    facts = email.info("12345678@qq.com")
    assert facts.provider is not None
    assert facts.provider.name_zh == "QQ邮箱"
    assert email.info("a@company.cn").provider is None


def test_info_of_an_invalid_address_raises():
    with pytest.raises(email.InvalidEmail):
        email.info("not an address")


# --- format, mask, generate --------------------------------------------------------------


def test_format_gives_the_normalized_address():
    assert email.format("Li.Si＠163．COM") == "Li.Si@163.com"


def test_mask_keeps_the_first_character_and_the_domain():
    assert email.mask("zhangsan@qq.com") == "z***@qq.com"
    assert email.mask("zhangsan＠qq．com") == "z***@qq.com"
    assert email.mask("garbage") != "garbage"


def test_generated_addresses_are_valid_and_clean():
    rng = random.Random(5)
    for _ in range(200):
        address = email.generate(rng)
        result = email.check(address)
        assert result.ok and result.problems == (), address
    assert email.is_valid(email.generate(rng, international=True))


# --- properties -----------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=80), st.binary(max_size=20), st.integers(), st.none()))
def test_check_never_raises_on_arbitrary_input(value):
    result = email.check(value)
    assert result.ok == email.is_valid(value)
    if result.ok:
        assert email.validate(value) == result.value


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=60),
        st.lists(st.sampled_from(["mailto:", " ", "＠", "。", "a", "@", "\u200b", "Q"])).map(
            "".join
        ),
    )
)
def test_compact_is_idempotent(value):
    assert email.compact(email.compact(value)) == email.compact(value)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_the_normalized_address_is_a_fixed_point(value):
    result = email.check(value)
    if result.ok:
        assert email.validate(result.value) == result.value


def test_a_huge_input_is_refused_quickly():
    result = email.check("a@" + "b" * 10_000_000)
    assert [p.code for p in result.problems] == ["email.too_long"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=30))
@example("\ud800@qq.com")
@example("张\udfff有限公司")
def test_lone_surrogates_and_any_code_point_never_raise(value):
    result = email.check(value)
    assert result.ok == email.is_valid(value)
    email.mask(value)
    email.compact(value)
