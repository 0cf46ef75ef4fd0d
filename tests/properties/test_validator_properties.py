"""Properties every registered validator holds, on generated values (custinfo.testing).

The list of validators comes from the registry, so a validator merged later is
held to the same properties without a change here.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from custinfo import normalize, testing, validators
from custinfo.testing import contract, strategies

NAMES = validators.available()


def _has_invalid(name: str) -> bool:
    try:
        testing.invalid(name, random.Random(0))
    except testing.CannotGenerate:
        return False
    return True


@pytest.mark.parametrize("name", NAMES)
@given(data=st.data())
def test_generated_values_are_valid_and_survive_format_compact_and_mask(name, data):
    value = data.draw(strategies.values(name))
    result = contract.check_value(name, value)  # format round trip, compact, mask, agreement
    assert result.ok, [p.code for p in result.problems]


@pytest.mark.parametrize("name", NAMES)
@given(data=st.data())
def test_the_ways_people_write_a_value_never_change_its_meaning(name, data):
    module = validators.get(name)
    rng = data.draw(strategies.rngs())
    value = testing.valid(name, rng)
    how = data.draw(st.sampled_from(testing.applicable_noise(name)))
    written = testing.noisy(name, value, rng, how=how)
    assert module.validate(written) == module.validate(value), (how, written)
    contract.check_value(name, written)


@pytest.mark.parametrize("name", [n for n in NAMES if _has_invalid(n)])
@given(data=st.data())
def test_spoiled_values_are_rejected_by_check_validate_and_is_valid_alike(name, data):
    value = data.draw(strategies.values(name, valid=False))
    result = contract.check_value(name, value)
    assert not result.ok
    first = next(p for p in result.problems if p.severity.value == "error")
    with pytest.raises(contract.error_class(name)) as raised:
        validators.get(name).validate(value)
    assert raised.value.code == first.code


@pytest.mark.parametrize("name", NAMES)
@given(text=st.text(max_size=80))
def test_check_and_validate_agree_on_any_text(name, text):
    contract.check_value(name, text)


@pytest.mark.parametrize("name", NAMES)
@given(text=st.text(max_size=80))
def test_compact_is_idempotent_on_any_text(name, text):
    compact = validators.get(name).compact
    once = compact(text)
    assert compact(once) == once


@pytest.mark.parametrize("name", NAMES)
@given(data=st.data())
def test_masked_values_never_equal_the_raw_value(name, data):
    module = validators.get(name)
    value = data.draw(strategies.values(name, noise=True))
    masked = module.mask(value)
    assert masked != value
    assert masked != module.validate(value)
    assert masked != normalize.text(value)


@pytest.mark.parametrize("name", NAMES)
def test_the_contract_functions_exist_and_messages_are_a_dict(name):
    module = validators.get(name)
    for function in ("compact", "check", "validate", "is_valid", "format"):
        assert callable(getattr(module, function)), function
    assert isinstance(module.MESSAGES, dict)
    contract.error_class(name)  # exactly one InvalidValue subclass of its own
