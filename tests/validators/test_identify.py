"""identify(): every identifier kind a value satisfies."""

from __future__ import annotations

import datetime
import importlib
import random

from hypothesis import given
from hypothesis import strategies as st

from custinfo import validators
from custinfo.validators import ric, uscc


def test_identify_is_re_exported_from_the_validators_package() -> None:
    module = importlib.import_module("custinfo.validators.identify")
    assert validators.identify is module.identify
    assert callable(validators.identify)


def test_a_uscc_is_identified_as_a_uscc_only() -> None:
    found = validators.identify("91110000600037341L")
    assert [(m.validator, m.kind, m.value) for m in found] == [
        ("uscc", "uscc", "91110000600037341L")
    ]
    assert found[0].info.category_name == "企业"


def test_a_resident_id_that_is_also_a_valid_uscc_is_listed_both_ways() -> None:
    found = validators.identify("131101196001100433")
    assert [(m.validator, m.kind) for m in found] == [("ric", "resident"), ("uscc", "uscc")]
    assert found[0].info.birth_date == datetime.date(1960, 1, 10)
    assert found[1].info.region == "110119"


def test_permits_and_foreigner_ids_are_named_by_kind() -> None:
    assert [m.kind for m in validators.identify("810000199408230021")] == ["hongkong_permit"]
    assert [m.kind for m in validators.identify("911398199012310021")] == ["foreign_permanent"]


def test_an_organization_code_is_identified_with_warnings_of_other_kinds_kept() -> None:
    assert [m.validator for m in validators.identify("60003734-1")] == ["orgcode"]
    legacy = validators.identify("110105491231002")
    assert [(m.kind, m.warnings) for m in legacy] == [("resident", ("ric.legacy",))]


def test_today_bounds_the_birth_date_reading() -> None:
    assert validators.identify("44011320141005001X", today=datetime.date(2014, 1, 1)) == ()


@given(st.one_of(st.none(), st.integers(), st.binary(), st.text(max_size=30)))
def test_identify_never_raises(value: object) -> None:
    for match in validators.identify(value):
        assert match.validator in ("ric", "uscc", "orgcode")


@given(st.integers(0, 2**32))
def test_every_reading_agrees_with_its_validator(seed: int) -> None:
    rng = random.Random(seed)
    for value in (uscc.generate(rng), ric.generate(rng)):
        for match in validators.identify(value):
            assert validators.get(match.validator).is_valid(value)
