"""Every finding code custinfo can emit has a message in both locales.

Codes are collected two ways: from every ``MESSAGES`` catalog in the package
(each must be reachable through :func:`custinfo.messages.lookup`, the way a
finding renders), and from the findings actually emitted over a corpus of
generated, spoiled and hostile values and records (each must be in a catalog).
"""

from __future__ import annotations

import contextlib
import datetime
import importlib
import pkgutil
import random
import string
from collections.abc import Iterator

import pytest

import custinfo
from custinfo import forms, messages, testing, validators

TODAY = testing.TODAY


def _catalogs() -> Iterator[tuple[str, dict[str, tuple[str, str]]]]:
    for info in pkgutil.walk_packages(custinfo.__path__, "custinfo."):
        if info.name.endswith("__main__"):  # running it would start the command line
            continue
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # an integration whose optional extra is not installed
            continue
        catalog = getattr(module, "MESSAGES", None)
        if isinstance(catalog, dict):
            yield info.name, catalog


CATALOGS = dict(_catalogs())
DECLARED = sorted({code for catalog in CATALOGS.values() for code in catalog})


def _fields(template: str) -> set[str]:
    # a parameter may come in two languages: reason_zh in Chinese, reason_en in English
    names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    return {n.removesuffix("_zh").removesuffix("_en") for n in names}


def test_the_package_declares_catalogs_for_validators_rules_forms_and_the_model():
    owners = set(CATALOGS)
    assert {"custinfo.model", "custinfo.rules"} <= owners
    assert {f"custinfo.validators.{n}" for n in validators.available()} - owners <= {
        "custinfo.validators.phone"  # every problem it reports is a mobile.* or landline.* code
    }


@pytest.mark.parametrize("code", DECLARED)
def test_every_declared_code_is_found_by_the_catalog_lookup(code):
    found = messages.lookup(code)
    assert found is not None, f"{code} is declared but a finding with it renders as its code"
    zh, en = found
    assert zh.strip() and en.strip()
    assert zh != en  # two languages, not one text twice
    assert _fields(zh) == _fields(en), "both locales take the same parameters"


def _emitted_by_validators() -> Iterator[str]:
    hostile = [
        None,
        7,
        10**40,
        10**5000,
        1.5,
        float("nan"),
        b"x",
        [],
        {},
        "",
        " ",
        "\x00",
        "\ud800",
        "\u202e",
        "x" * 5000,
        "1" * 30,
        "@",
        "中" * 300,
    ]
    for name in validators.available():
        module = validators.get(name)
        rng = random.Random(name)
        corpus = list(hostile)
        for _ in range(30):
            corpus.append(testing.valid(name, rng))
            with contextlib.suppress(testing.CannotGenerate):  # free text: every typo is valid
                corpus.append(testing.invalid(name, rng))
        for value in corpus:
            yield from (p.code for p in module.check(value).problems)


def _emitted_by_forms() -> Iterator[str]:
    for name in forms.available():
        form = forms.get(name)
        for i, error in enumerate([None, *testing.record_errors(name)] * 4):
            case = testing.record_case(name, random.Random(i), error=error, keys="mixed")
            yield from form.validate(case.record, today=TODAY).codes()
        yield from form.validate({"nope": 1, "表单版本号": "V9"}, today=TODAY).codes()
        yield from form.validate(["not", "a", "record"], today=TODAY).codes()
        yield from form.validate({f"k{i}": i for i in range(40)}, today=TODAY).codes()
        old = forms.get(name, forms.versions(name)[0])
        yield from old.validate(
            {"form_version": old.version}, today=datetime.date(2026, 1, 5)
        ).codes()


EMITTED = sorted(set(_emitted_by_validators()) | set(_emitted_by_forms()))


def test_the_corpus_emits_codes_of_every_validator_and_of_rules():
    prefixes = {code.partition(".")[0] for code in EMITTED}
    assert {"required", "unknown_field", "rule", "form"} <= prefixes
    assert set(validators.available()) - {"phone"} <= prefixes


@pytest.mark.parametrize("code", EMITTED)
def test_every_emitted_code_has_a_message_in_both_locales(code):
    assert messages.lookup(code) is not None
    for locale in messages.LOCALES:
        assert messages.render(code, locale) != code
