"""email against email-validator, over generated and mutated addresses.

custinfo's contract: after the documented pre-normalization (``email.compact``),
email-validator (``check_deliverability=False``, quoted local parts, domain
literals and display names refused) decides validity, and the normalized
address is the one it returns. The fast path for plain ASCII addresses must
give exactly that verdict and that address; these tests hold both paths to it.
"""

from __future__ import annotations

import random

import email_validator
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from custinfo.validators import email

OPTIONS = {
    "allow_empty_local": False,
    "allow_quoted_local": False,
    "allow_domain_literal": False,
    "allow_display_name": False,
    "strict": False,
    "check_deliverability": False,
    "test_environment": False,
    "globally_deliverable": True,
}


def reference(address: str, allow_smtputf8: bool = True) -> str | None:
    try:
        return email_validator.validate_email(
            address, allow_smtputf8=allow_smtputf8, **OPTIONS
        ).normalized
    except email_validator.EmailNotValidError:
        return None


def agrees(value: str, allow_smtputf8: bool = True) -> None:
    expected = reference(email.compact(value), allow_smtputf8)
    result = email.check(value, allow_smtputf8=allow_smtputf8)
    assert result.ok is (expected is not None), value
    assert result.value == expected, value


SEEDS = [
    "zhangsan@qq.com",
    "Zhang.San@163.com",
    "li_si+crm@mail.example.com.cn",
    "12345678@qq.com",
    "sales@例子.中国",
    "用户@例子.广告",
    "a@xn--fsqu00a.xn--fiqs8s",
    "info@Example.ORG",
    "x@sub-domain.example.co.uk",
    "o'brien@example.ie",
    "a.b.c.d@a-b.c-d.example",
    "UPPER@UPPER.COM",
    "postmaster@abc.local",
    "abc@example.test",
]

_PUNCTUATION = ". .. - -- _ + @ ' \" [ ] < > ( ) , ; : \\ ! # $ % & * / = ? ^ ` { | } ~"
_WORDS = (
    "xn-- XN-- a Z 0 9 1 例 子 ü é 。 ． ＠ ß ς Ⅸ com cn local test onion arpa invalid localhost"
)
PIECES = [
    *_PUNCTUATION.split(),
    *_WORDS.split(),
    *("info", "postmaster", "ab--", "q-", " ", "\u200b", "\u0301", "\u00ad", "x" * 63, "y" * 64),
]


def mutate(rng: random.Random, address: str) -> str:
    chars = list(address)
    for _ in range(rng.randint(1, 3)):
        where = rng.randint(0, len(chars))
        what = rng.random()
        if what < 0.4:
            chars[where:where] = list(rng.choice(PIECES))
        elif what < 0.7 and chars:
            del chars[min(where, len(chars) - 1)]
        elif chars:
            chars[min(where, len(chars) - 1)] = rng.choice(PIECES)
        else:
            chars.append(rng.choice(PIECES))
    return "".join(chars)


def generated(rng: random.Random) -> str:
    atext = "abcxyzABC0189!#$%&'*+/=?^_`{|}~-"
    local = ".".join(
        "".join(rng.choice(atext) for _ in range(rng.randint(1, 6)))
        for _ in range(rng.randint(1, 3))
    )
    labels = []
    for _ in range(rng.randint(1, 4)):
        size = rng.choice((1, 2, 3, 5, 20, 62, 63, 64))
        labels.append("".join(rng.choice("abz09-AZ") for _ in range(size)))
    labels.append(rng.choice(("com", "cn", "net", "COM", "c0m", "c", "123", "xn--fiqs8s", "test")))
    return local + "@" + ".".join(labels)


def test_the_seed_addresses_agree_with_email_validator():
    for address in SEEDS:
        agrees(address)
        agrees(address, allow_smtputf8=False)


def test_generated_addresses_agree_with_email_validator():
    rng = random.Random(20240605)
    accepted = 0
    for _ in range(3000):
        address = generated(rng)
        agrees(address)
        accepted += reference(email.compact(address)) is not None
    assert 300 < accepted < 2700  # both verdicts were exercised


def test_mutated_addresses_agree_with_email_validator():
    rng = random.Random(7)
    accepted = 0
    for _ in range(4000):
        address = mutate(rng, rng.choice(SEEDS))
        agrees(address)
        accepted += reference(email.compact(address)) is not None
    assert 300 < accepted < 3700


@pytest.mark.parametrize(
    "address",
    [
        "Info@qq.com",
        "SUPPORT@qq.com",
        "a@abc.arpa",
        "a@ab--c.com",
        "a@xn--abc.com",
        "a@b.c",
        "a@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 63 + "." + "e" * 57 + ".com",
        "a" * 64 + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 57 + ".com",
        "a@b.c-d",
        "a@b.-c",
        "a@b.c-",
        "a@9.com",
        "a@b.c9",
    ],
)
def test_fast_path_edges_agree_with_email_validator(address):
    agrees(address)


def test_edits_to_the_special_use_list_are_honoured(monkeypatch):
    monkeypatch.setattr(
        email_validator,
        "SPECIAL_USE_DOMAIN_NAMES",
        [*email_validator.SPECIAL_USE_DOMAIN_NAMES, "corp"],
    )
    assert not email.is_valid("a@intranet.corp")
    agrees("a@intranet.corp")


_local = st.text(alphabet="abcXYZ09.!#$%&'*+-/=?^_`{|}~例ü \"@", min_size=0, max_size=12)
_label = st.text(alphabet="abcXYZ09-例ü_", min_size=0, max_size=12)
_domain = st.lists(_label, min_size=1, max_size=4).map(".".join)


@settings(max_examples=400, deadline=None)
@given(_local, _domain, st.booleans())
@example("a", "b.com", True)
@example("a", "例子.中国", False)
def test_hypothesis_addresses_agree_with_email_validator(local, domain, allow_smtputf8):
    agrees(local + "@" + domain, allow_smtputf8)
