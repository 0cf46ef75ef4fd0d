"""Hostile input: whatever arrives, the only outcomes are findings or documented errors.

Every registered validator (``check``, ``is_valid``, ``validate`` — only the
module's own InvalidValue subclass may escape) and every registered form get
arbitrary Unicode (control characters, direction marks, lone surrogates), 1 MB
strings, None, numbers of every kind, bytes, containers, objects that refuse
to be printed, and records with thousands of keys. Time per value is compared
with a baseline in the same run, never with a constant; every regular
expression in the package is attacked with adversarial strings.
"""

from __future__ import annotations

import datetime
import math
import re
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import custinfo
import regex_audit
from custinfo import forms, validators
from custinfo.testing import contract

TODAY = datetime.date(2026, 1, 5)
VALIDATORS = validators.available()
FORMS = forms.available()
MB = 1_000_000


class Unprintable:
    """An object whose ``str``, ``repr`` and ``format`` raise."""

    def __str__(self) -> str:
        raise RuntimeError("no str")

    __repr__ = __str__

    def __format__(self, spec: str) -> str:
        raise RuntimeError("no format")


class Text(str):
    """A str subclass, as some ORMs hand out."""


def _nested(depth: int) -> list[object]:
    value: list[object] = []
    for _ in range(depth):
        value = [value]
    return value


HOSTILE: dict[str, object] = {
    "none": None,
    "empty": "",
    "blank": " \t\u3000\n",
    "nul": "\x00",
    "controls": "".join(chr(c) for c in range(32)) + "\x7f\x85",
    "rtl override": "\u202e13800138000\u202c",
    "rtl marks in id": "\u200f110105\u200e19491231002X",
    "zero width": "\u200b\u200c\u200d\ufeff\u2060",
    "lone surrogate": "\ud800",
    "surrogates in text": "abc\udfff中文\udc80",
    "combining marks": "a" + "\u0301" * 5000,
    "emoji": "😀👨‍👩‍👧‍👦🇨🇳",
    "private use": "\ue000\U000f0000",
    "noncharacters": "\ufffe\uffff\U0010ffff",
    "full width": "１３８００１３８０００＠ｑｑ．ｃｏｍ",
    "format string": "{0}{code}{params!r}%s%d{{}}",
    "html": "<script>alert(1)</script>",
    "sql": "'; DROP TABLE customers; --",
    "1 MB digits": "1" * MB,
    "1 MB ideographs": "中" * MB,
    "1 MB spaces": " " * MB,
    "1 MB at signs": "a@" * (MB // 2),
    "1 MB full width": "１" * MB,
    "1 MB dots": "." * MB,
    "1 MB separators": "-" * MB,
    "zero": 0,
    "negative": -1,
    "true": True,
    "false": False,
    "big int": 10**18,
    "huge int": 10**5000,
    "2**64": 2**64,
    "nan": math.nan,
    "inf": math.inf,
    "-inf": -math.inf,
    "-0.0": -0.0,
    "float phone": 1.3800138e10,
    "max float": 1e308,
    "decimal": Decimal("13800138000"),
    "decimal nan": Decimal("NaN"),
    "decimal snan": Decimal("sNaN"),
    "decimal inf": Decimal("-Infinity"),
    "decimal huge exponent": Decimal("1E+999999"),
    "complex": 1 + 2j,
    "bytes": b"13800138000",
    "invalid utf-8 bytes": b"\xff\xfe\xfd",
    "bytearray": bytearray(b"91110000600037341L"),
    "memoryview": memoryview(b"x"),
    "list": ["13800138000"],
    "tuple": ("a", 1),
    "set": {"a"},
    "dict": {"phone": "13800138000"},
    "nested containers": _nested(500),
    "object": object(),
    "unprintable": Unprintable(),
    "str subclass": Text("13800138000"),
    "date": datetime.date(2020, 1, 1),
    "datetime": datetime.datetime(2020, 1, 1, 12, 0),
    "type": int,
    "function": len,
    "range": range(10),
}
IDS = list(HOSTILE)


@pytest.mark.parametrize("name", VALIDATORS)
@pytest.mark.parametrize("label", IDS)
def test_validators_answer_hostile_values_with_findings_or_their_own_error(name, label):
    result = contract.check_value(name, HOSTILE[label])
    assert all(p.code.partition(".")[0] in VALIDATORS for p in result.problems)


@pytest.mark.parametrize("name", VALIDATORS)
@settings(max_examples=40)
@given(text=st.text(alphabet=st.characters(codec=None), max_size=200))
def test_validators_never_raise_on_any_unicode_including_surrogates(name, text):
    contract.check_value(name, text)


@pytest.mark.parametrize("name", VALIDATORS)
@settings(max_examples=25)
@given(
    value=st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats()
        | st.decimals()
        | st.binary(max_size=40)
        | st.text(max_size=40),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner),
        max_leaves=12,
    )
)
def test_validators_never_raise_on_any_python_value(name, value):
    contract.check_value(name, value)


def _record(form: custinfo.Form, value: object, *, labels: bool) -> dict[str, object]:
    return {(f.label if labels else f.key): value for f in form.fields}


@pytest.mark.parametrize("form_name", FORMS)
@pytest.mark.parametrize("label", IDS)
def test_forms_report_hostile_values_in_every_field_as_findings(form_name, label):
    form = forms.get(form_name)
    labels = IDS.index(label) % 2 == 1  # English keys and Chinese labels in turn
    report = contract.check_record(form, _record(form, HOSTILE[label], labels=labels))
    assert not report.ok


@pytest.mark.parametrize("form_name", FORMS)
@pytest.mark.parametrize(
    "record",
    [
        None,
        "a record",
        ["customer_name", "x"],
        [("phone", "13800138000")],
        42,
        b"{}",
        {},
        {None: "x", 1: "y", (1, 2): "z", Unprintable(): "w", 10**5000: "v"},
        {"phone": Unprintable(), "email": [Unprintable()]},
        {"phone": "13800138000", "联系方式": Decimal("sNaN"), "电话": "x"},
    ],
    ids=[
        "none",
        "str",
        "list",
        "pairs",
        "int",
        "bytes",
        "empty",
        "strange keys",
        "unprintable values",
        "conflicting names",
    ],
)
def test_forms_answer_anything_that_is_not_a_proper_record_with_findings(form_name, record):
    contract.check_record(forms.get(form_name), record)


@pytest.mark.parametrize("form_name", FORMS)
def test_records_with_thousands_of_keys_are_reported_briefly(form_name):
    form = forms.get(form_name)
    record = {f"column_{i}": "值" * 50 for i in range(5000)}
    record.update({f"{f.label}_{i}": i for f in form.fields for i in range(100)})
    report = contract.check_record(form, record)
    assert len(report.findings) < 200
    assert "form.more_unknown" in report.codes()


@pytest.mark.parametrize("form_name", FORMS)
@given(
    record=st.dictionaries(
        st.one_of(st.text(max_size=12), st.integers(), st.none()),
        st.one_of(st.text(max_size=60), st.integers(), st.floats(), st.none(), st.binary()),
        max_size=30,
    )
)
@settings(max_examples=40)
def test_forms_never_raise_on_arbitrary_records(form_name, record):
    contract.check_record(forms.get(form_name), record)


@pytest.mark.parametrize("form_name", FORMS)
@given(data=st.data())
@settings(max_examples=30)
def test_forms_never_raise_on_arbitrary_values_under_real_field_names(form_name, data):
    form = forms.get(form_name)
    names = [n for f in form.fields for n in f.names]
    record = data.draw(
        st.dictionaries(
            st.sampled_from(names),
            st.text(alphabet=st.characters(codec=None), max_size=80),
            max_size=len(names),
        )
    )
    contract.check_record(form, record)


# -- time ------------------------------------------------------------------------

_SLOWER = 50  # a 1 MB value may take at most 50 times a 1 KB value of the same make


def _seconds(call: Callable[[], object]) -> float:
    """Best of five, each repeated until it lasts a measurable while."""
    best = math.inf
    for _ in range(5):
        rounds, start = 0, time.thread_time()
        while True:
            call()
            rounds += 1
            elapsed = time.thread_time() - start
            if elapsed > 1e-3 or rounds >= 1000:
                break
        best = min(best, elapsed / rounds)
    return best


_MAKES = {
    "digits": "1",
    "ideographs": "中",
    "spaces and digits": "1 ",
    "email-like": "a@b.",
    "full width": "１",
    "address-like": "北京市朝阳区",
    "brackets": "(（【",
}


@pytest.mark.parametrize("name", VALIDATORS)
def test_a_1_mb_value_takes_no_more_than_50_times_a_1_kb_value(name):
    check = validators.get(name).check
    floor = _seconds(lambda: check(""))  # the call itself, for validators that answer in O(1)
    slow = {}
    for make, unit in _MAKES.items():
        small = unit * (1000 // len(unit))
        large = unit * (MB // len(unit))
        ratio = _seconds(lambda v=large: check(v)) / max(_seconds(lambda v=small: check(v)), floor)
        if ratio > _SLOWER:
            slow[make] = round(ratio)
    assert not slow, f"{name}.check on 1 MB vs 1 KB: {slow}"


@pytest.mark.parametrize("form_name", FORMS)
def test_a_record_of_1_mb_values_takes_no_more_than_50_times_one_of_1_kb_values(form_name):
    form = forms.get(form_name)
    small = _record(form, "1中 " * 333, labels=False)
    large = _record(form, "1中 " * (MB // 3), labels=False)
    ratio = _seconds(lambda: form.validate(large, today=TODAY)) / _seconds(
        lambda: form.validate(small, today=TODAY)
    )
    assert ratio <= _SLOWER


# -- regular expressions ------------------------------------------------------------

SRC = Path(custinfo.__file__).parent
PATTERNS = {
    **regex_audit.package_patterns(custinfo),
    **regex_audit.literal_patterns(SRC),
}
UNIQUE = {(p.pattern, p.flags): (name, p) for name, p in sorted(PATTERNS.items())}

# Patterns that are quadratic or worse under some operation, and why that is harmless.
BOUNDED = {
    r"(.{2,}?)(?:(?:[^族]{1,5}族)+自治州|自治州|地区|盟|市)": "rules/_regions: applied only to "
    "division names of the bundled GB/T 2260 table (at most 20 characters), never to input",
    r"(.{2,}?)(?:(?:[^族]{1,5}族)+自治[县旗]|自治[县旗]|新区|区|县|市|旗)": "as above",
    r"(.{2,}?)(?:维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|省|市)": "as above",
    r'\s*(\d{2}|\d{4}) (?:province|county)="([^"]*)"': "divisions: reads lines of the "
    "bundled loc.dat only",
    validators.get("landline")._EXTENSION.pattern: "landline: the cubic case needs runs of "  # type: ignore[attr-defined]
    "spaces, but it reads normalize.brackets() output, where every run of whitespace is one "
    "space, and at most 80 characters",
}


def test_the_audit_finds_the_patterns_of_every_validator_with_regular_expressions():
    owners = {name.split(".")[2] for name in PATTERNS if name.startswith("custinfo.validators.")}
    assert {"dates", "email", "landline", "company_name", "industry"} <= owners
    assert len(UNIQUE) > 50


def test_every_pattern_built_at_run_time_is_known_and_escapes_its_parts():
    # Read by hand: each joins re.escape()d table entries or fixed character
    # classes into alternations or classes, which do not nest quantifiers.
    dynamic = {where.split(":")[0] for where in regex_audit.dynamic_calls(SRC)}
    assert dynamic <= {
        "normalize.py",
        "rules/blocks.py",
        "validators/_address_parse.py",
        "validators/company_name.py",
        "validators/email.py",
        "validators/industry.py",
        "validators/landline.py",
        "validators/person_name.py",
    }


@pytest.mark.parametrize("key", sorted(UNIQUE), ids=lambda k: UNIQUE[k][0])
def test_no_pattern_backtracks_catastrophically_on_adversarial_strings(key):
    _, pattern = UNIQUE[key]
    assert regex_audit.verdict(pattern, polynomial=pattern.pattern not in BOUNDED) is None


@pytest.mark.parametrize(
    ("pattern", "kind"),
    [(r"^(a|aa)+$", "exponential"), (r"^\s*\s*\s*x", "super")],
)
def test_the_audit_catches_known_catastrophic_patterns(pattern, kind):
    found = regex_audit.verdict(re.compile(pattern), polynomial_size=160)
    assert found is not None and found.startswith(kind)
