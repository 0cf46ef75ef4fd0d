"""email.check's fast path against its reference path, on every kind of input.

``email.check`` answers plain ASCII addresses (``dot-atom@ldh-domain``) itself,
with what depends on the domain remembered per domain; everything else goes to
the reference path, where email-validator decides. ``email._check(value,
allow_smtputf8, quick=False)`` is that reference path alone. Whatever the input,
both must give the same Check: the same value, the same problems (codes,
severities, params) and the same info. Each comparison is made twice, so the
second answer comes from the remembered domain.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import email_validator
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from custinfo.data import read_table
from custinfo.testing import emails
from custinfo.testing.mutations import ERRORS, NOISE
from custinfo.validators import email

VECTORS = json.loads(
    (Path(__file__).parent.parent / "vectors" / "email_addresses.json").read_text("utf-8")
)
PROVIDERS = [row[0] for row in read_table("email_domains.csv")]


def agrees(value: object, allow_smtputf8: bool = True) -> None:
    expected = email._check(value, allow_smtputf8, quick=False)
    for _ in range(2):  # the second time from the remembered domain
        found = email.check(value, allow_smtputf8=allow_smtputf8)
        assert found == expected, repr(value)
        assert (found.value, found.problems, found.info) == (
            expected.value,
            expected.problems,
            expected.info,
        )


def agrees_both_ways(value: object) -> None:
    agrees(value, allow_smtputf8=True)
    agrees(value, allow_smtputf8=False)


# --- realistic addresses -----------------------------------------------------------

PINYIN = ("zhang", "wang", "li", "liu", "chen", "yang", "zhao", "huang", "zhou", "wu", "xu")
COMPANY = ("huawei", "sinopec", "haier", "abc-tech", "jd", "xiaomi", "bank-of-x", "u8")
SUFFIXES = ("com", "cn", "com.cn", "net", "net.cn", "org", "org.cn", "gov.cn", "edu.cn", "io")


def local_part(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.3:
        return str(rng.randrange(10_000, 3_000_000_000))  # a QQ number
    if kind < 0.8:
        sep = rng.choice(("", ".", "_", "-", "+"))
        return rng.choice(PINYIN) + sep + rng.choice(PINYIN) + str(rng.randrange(1000))
    return rng.choice(("sales", "hr", "service", "kefu", "admin", "info", "Support", "noc"))


def domain(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return rng.choice(PROVIDERS)
    head = rng.choice(COMPANY)
    return rng.choice(("", "mail.", "sub.")) + head + "." + rng.choice(SUFFIXES)


def realistic(rng: random.Random) -> str:
    return local_part(rng) + "@" + domain(rng)


def typo(domain_name: str, rng: random.Random) -> str:
    """A near miss of a domain: a key slipped, doubled, dropped or swapped."""
    kinds = [ERRORS["substitution"], ERRORS["transposition"], ERRORS["insertion"]]
    kinds.append(lambda d, r: d[:-1] + "n" if d.endswith("m") else None)  # .con
    kinds.append(lambda d, r: d.replace(".", "", 1))  # 163com
    kinds.append(lambda d, r: d.replace(".", ",", 1))  # qq,com
    return rng.choice(kinds)(domain_name, rng) or domain_name


def test_the_standard_vectors_get_the_same_check_on_both_paths():
    for case in VECTORS["cases"]:
        agrees_both_ways(case["input"])


def test_realistic_addresses_get_the_same_check_on_both_paths():
    rng = random.Random(2026)
    for _ in range(1500):
        agrees(realistic(rng))


def test_every_known_provider_and_its_typos_get_the_same_check_on_both_paths():
    rng = random.Random(9)
    warned = 0
    for name in PROVIDERS:
        agrees("zhang.san@" + name)
        agrees("Zhang.San@" + name.upper())
        for _ in range(5):
            address = "li4@" + typo(name, rng)
            agrees(address)
            warned += any(p.code == "email.domain_typo" for p in email.check(address).problems)
    assert warned > 50  # the typo warnings were exercised


def test_a_retired_provider_is_warned_about_on_both_paths():
    agrees("wang@yahoo.com.cn")
    agrees("wang@YAHOO.cn")
    assert [p.code for p in email.check("wang@yahoo.com.cn").problems] == ["email.domain_retired"]


@pytest.mark.parametrize(
    "address",
    [
        # case: the domain is lower-cased, the local part kept, role mailboxes lowered
        "ZHANG.SAN@COMPANY.COM.CN",
        "Info@Example.com",
        "iNFO@qq.com",
        "POSTMASTER@qq.com",
        "postmaster@qq.com",
        "Postmaster1@qq.com",
        "info.x@qq.com",
        # dots at the edges, doubled dots
        ".zhang@qq.com",
        "zhang.@qq.com",
        "zhang..san@qq.com",
        "zhang@.qq.com",
        "zhang@qq.com.",
        "zhang@qq..com",
        # internationalized domains, IDNA, full-width, ideographic stops
        "a@例子.中国",
        "a@xn--fsqu00a.xn--fiqs8s",
        "a@XN--FSQU00A.XN--FIQS8S",
        "a@münchen.de",
        "a@MÜNCHEN.DE",
        "用户@例子.广告",
        "zhangsan＠ｑｑ．ｃｏｍ",
        "ＺＨＡＮＧ＠ＱＱ。ＣＯＭ",
        "zhangsan@qq。com",
        "ü@qq.com",
        "ß@qq.com",
        # reserved and special-use names
        "a@ab--c.com",
        "a@localhost",
        "a@example.local",
        "a@x.onion",
        "a@x.test",
        "a@x.invalid",
        "a@1.in-addr.arpa",
        "a@x.example",
        # shapes at the limits
        "a@b.c",
        "a@b.c9",
        "a@9.com",
        "a@b.-c",
        "a@b.c-",
        "a@-b.com",
        "a@b-.com",
        "a@" + "b" * 63 + ".com",
        "a@" + "b" * 64 + ".com",
        "a" * 64 + "@qq.com",
        "a" * 65 + "@qq.com",
        "a" * 200 + "@qq.com",
        "a" * 245 + "@qq.com",
        "a" * 246 + "@qq.com",
        "a" * 247 + "@qq.com",
        "a@" + ".".join(["b" * 63] * 3) + "." + "c" * 57 + ".com",
        "a@" + ".".join(["b" * 63] * 3) + "." + "c" * 58 + ".com",
        # what surrounds the address, and what is not one
        " zhangsan@qq.com ",
        "mailto:zhangsan@qq.com",
        "MailTo:ZhangSan@QQ.COM",
        "zhang\u200bsan@qq.com",
        "张三 <zhangsan@qq.com>",
        '"zhang san"@qq.com',
        "zhangsan@qq.com\n",
        "zhang san@qq.com",
        "zhangsan@qq com",
        "zhangsan@@qq.com",
        "zhangsan@qq@com",
        "zhangsan",
        "zhangsan@",
        "@qq.com",
        "",
        "a@[1.2.3.4]",
        "a@1.2.3.4",
        "a@b.123",
        "a@\ud800.com",
        "\ud800@qq.com",
    ],
)
def test_edge_addresses_get_the_same_check_on_both_paths(address):
    agrees_both_ways(address)


@pytest.mark.parametrize("value", [None, 1234567, 10**30, 1.5, b"a@qq.com", True, ["a@qq.com"]])
def test_values_of_other_types_get_the_same_check_on_both_paths(value):
    agrees_both_ways(value)


def test_a_str_subclass_gets_the_same_check_on_both_paths():
    class Text(str):
        pass

    agrees_both_ways(Text("zhangsan@qq.com"))
    assert type(email.check(Text("zhangsan@qq.com")).value) is str


def test_every_role_mailbox_in_any_case_gets_the_same_check_on_both_paths():
    rng = random.Random(3)
    for name in email._ROLE_NAMES:
        agrees(name + "@qq.com")
        agrees(name.upper() + "@qq.com")
        agrees("".join(c.upper() if rng.random() < 0.5 else c for c in name) + "@Qq.Com")


# --- mutated and generated addresses -------------------------------------------------

_PUNCTUATION = ". .. - _ + @ ' \" [ ] < > ( ) , ; : \\ ! # $ % & * / = ? ^ ` { | } ~"
_WORDS = "xn-- XN-- a Z 0 9 例 子 ü é ß 。 ． ＠ Ａ com cn local test onion"
PIECES = [
    *_PUNCTUATION.split(),
    *_WORDS.split(),
    *(" ", "\u200b", "\u3000", "\u0301", "\u00ad", "\t", "mailto:", "x" * 63, "y" * 64),
]


def mutate(value: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 3)):
        what = rng.random()
        if what < 0.3:
            kind = rng.choice(list(ERRORS.values()) + list(NOISE.values()))
            value = kind(value, rng) or value
        elif what < 0.5:
            value = value.upper() if rng.random() < 0.5 else value.swapcase()
        else:
            where = rng.randint(0, len(value))
            cut = rng.choice((0, 0, 1))
            value = value[:where] + rng.choice(PIECES) + value[where + cut :]
    return value


def test_mutated_addresses_get_the_same_check_on_both_paths():
    rng = random.Random(11)
    valid = 0
    for _ in range(2500):
        address = mutate(realistic(rng), rng)
        agrees(address, allow_smtputf8=rng.random() < 0.8)
        valid += email.check(address).ok
    assert 250 < valid < 2250  # both verdicts were exercised


_atext = "abcXYZ019!#$%&'*+-/=?^_`{|}~"
_local = st.text(alphabet=_atext + '.例ü "@＠．', min_size=0, max_size=70)
_plain_local = st.text(alphabet=_atext, min_size=1, max_size=70)
_label = st.text(alphabet="abcXYZ09-例ü_", min_size=0, max_size=65)
_domain = st.lists(_label, min_size=1, max_size=5).map(".".join)
_known = st.sampled_from(PROVIDERS)


@settings(max_examples=300, deadline=None)
@given(_local, _domain, st.booleans())
@example("a", "b.com", True)
@example("a", "例子.中国", False)
@example("A.B", "XN--FSQU00A.COM", True)
def test_generated_addresses_get_the_same_check_on_both_paths(local, domain_name, smtputf8):
    agrees(local + "@" + domain_name, smtputf8)


@settings(max_examples=300, deadline=None)
@given(_plain_local, st.one_of(_domain, _known, _known.map(str.upper)))
def test_generated_plain_addresses_get_the_same_check_on_both_paths(local, domain_name):
    agrees(local + "@" + domain_name)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(emails(), emails(valid=False), emails(international=True)))
def test_the_library_generators_addresses_get_the_same_check_on_both_paths(address):
    agrees_both_ways(address)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_any_text_gets_the_same_check_on_both_paths(text):
    agrees(text)


# --- what the remembered domains depend on -------------------------------------------


def test_a_special_use_name_added_later_is_honoured_for_a_domain_already_seen():
    names = email_validator.SPECIAL_USE_DOMAIN_NAMES
    assert email.is_valid("a@intranet.corp")  # now remembered
    names.append("corp")  # email-validator documents this list as editable
    try:
        assert not email.is_valid("a@intranet.corp")
        agrees("a@intranet.corp")
    finally:
        names.remove("corp")
    assert email.is_valid("a@intranet.corp")
    agrees("a@intranet.corp")


def test_a_special_use_list_replaced_or_emptied_is_honoured(monkeypatch):
    assert not email.is_valid("a@x.local")
    monkeypatch.setattr(email_validator, "SPECIAL_USE_DOMAIN_NAMES", [])
    assert email.is_valid("a@x.local")
    agrees("a@x.local")
    monkeypatch.setattr(email_validator, "SPECIAL_USE_DOMAIN_NAMES", ["qq.com"])
    assert not email.is_valid("a@qq.com")
    agrees("a@qq.com")


def test_the_remembered_domains_stay_bounded():
    for i in range(email._FACTS_SIZE + 100):
        email.check(f"a@d{i}.com")
    assert len(email._FACTS) <= email._FACTS_SIZE
    agrees("a@d0.com")
    agrees(f"a@d{email._FACTS_SIZE + 99}.com")
