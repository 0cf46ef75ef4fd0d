"""The contract checks catch each way a validator or a form can break its contract."""

from __future__ import annotations

import datetime
import types
from typing import Any

import pytest

from custinfo import Check, Field, Form, InvalidValue, Problem, messages
from custinfo.testing import ContractViolation, check_record, check_value

messages.register({"fake.bad": ("坏", "Bad")})


def _fake(**overrides: Any) -> types.ModuleType:
    """A well-behaved validator of upper-case words, with some functions replaced."""
    module = types.ModuleType("fake")

    class InvalidFake(InvalidValue):
        pass

    InvalidFake.__module__ = "fake"

    def check(value: object) -> Check:
        if not isinstance(value, str) or not value.isalpha():
            return Check(None, (Problem("fake.bad"),))
        return Check(value.upper())

    def validate(value: object) -> str:
        result: str = module.check(value).unwrap(InvalidFake)
        return result

    module.__dict__.update(
        InvalidFake=InvalidFake,
        MESSAGES={"fake.bad": ("坏", "Bad")},
        check=check,
        validate=validate,
        is_valid=lambda value: module.check(value).ok,
        compact=lambda value: value.upper(),
        format=lambda value: value.upper(),
        mask=lambda value: value[:1] + "***",
    )
    module.__dict__.update(overrides)
    return module


def test_a_well_behaved_validator_passes():
    assert check_value(_fake(), "abc").value == "ABC"
    assert not check_value(_fake(), "a1").ok


@pytest.mark.parametrize(
    ("overrides", "value", "complaint"),
    [
        ({"is_valid": lambda v: True}, "a1", "is_valid says True"),
        ({"validate": lambda v: "X"}, "abc", "different values"),
        ({"validate": lambda v: "X"}, "a1", "check found an error"),
        ({"mask": lambda v: v}, "abc", "unmasked"),
        ({"compact": lambda v: v + "!"}, "abc", "idempotent"),
        ({"format": lambda v: v + "1"}, "abc", "validate\\(format"),
        ({"check": lambda v: Check(None, (Problem("fake.unknown"),))}, "a", "no message"),
        ({"check": lambda v: "ok"}, "a", "not Check"),
    ],
)
def test_each_breach_of_the_contract_is_named(overrides, value, complaint):
    with pytest.raises(ContractViolation, match=complaint):
        check_value(_fake(**overrides), value)


def test_an_exception_other_than_the_modules_own_error_escapes():
    def check(value: object) -> Check:
        raise KeyError("boom")

    with pytest.raises(KeyError):
        check_value(_fake(check=check), "abc")


def test_a_validate_raising_another_code_than_check_is_caught():
    module = _fake()

    def validate(value: object) -> str:
        raise module.InvalidFake("fake.other")

    messages.register({"fake.other": ("另", "Other")})
    module.validate = validate
    with pytest.raises(ContractViolation, match="first error"):
        check_value(module, "a1")


def test_a_form_that_changes_its_input_is_caught():
    def grabby(value: object, **_: Any) -> Check:
        if isinstance(value, list):
            value.append("mine")
        return Check(value)

    form = Form("grab", "抓取", "1", fields=[Field("items", "项目", kind=grabby)])
    with pytest.raises(ContractViolation, match="changed its input"):
        check_record(form, {"items": ["a"]}, today=datetime.date(2026, 1, 5))
