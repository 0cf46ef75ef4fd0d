"""custinfo.testing: seeded generators, mutations, records and strategies."""

from __future__ import annotations

import datetime
import random
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from custinfo import forms, testing, validators
from custinfo.testing import strategies

TODAY = testing.TODAY
NAMED = {
    "uscc": testing.uscc,
    "ric": testing.resident_id,
    "mobile": testing.mobile,
    "email": testing.email,
    "address": testing.address,
}


@pytest.mark.parametrize("name", sorted(NAMED))
def test_the_named_generators_give_valid_values_and_reproduce_them_from_a_seed(name):
    make = NAMED[name]
    values = [make(random.Random(seed)) for seed in range(40)]
    assert all(validators.get(name).is_valid(v) for v in values)
    assert values == [make(random.Random(seed)) for seed in range(40)]
    assert len(set(values)) > 30  # not one value over and over


@pytest.mark.parametrize("name", sorted(NAMED))
@pytest.mark.parametrize("how", sorted(testing.ERRORS))
def test_the_named_generators_spoil_values_the_way_asked(name, how):
    module = validators.get(name)
    try:
        values = [NAMED[name](random.Random(s), valid=False, how=how) for s in range(15)]
    except testing.CannotGenerate:
        # a cut-short address or email can still be a valid one; numbers cannot
        assert name in {"address", "email"}
        return
    assert not any(module.is_valid(v) for v in values)


def test_a_single_substitution_or_transposition_always_breaks_a_check_character():
    # GB 11643 (MOD 11-2) and GB 32100 (MOD 31-3) detect every single substitution
    # and every transposition of neighbours: no retry is needed to make them invalid.
    from custinfo.testing import mutations

    rng = random.Random(7)
    for _ in range(300):
        for name in ("ric", "uscc"):
            module = validators.get(name)
            for mutate in (mutations.substitution, mutations.transposition):
                spoiled = mutate(testing.valid(name, rng), rng)
                assert spoiled is not None and not module.is_valid(spoiled)


@pytest.mark.parametrize("how", sorted(testing.NOISE))
def test_noise_keeps_what_an_identifier_means(how):
    rng = random.Random(11)
    for _ in range(50):
        value = testing.uscc(rng)
        written = testing.noisy("uscc", value, rng, how=how)
        assert validators.get("uscc").validate(written) == value


def test_noise_for_names_and_emails_leaves_separators_and_case_alone():
    assert "separators" not in testing.applicable_noise("email")
    assert "lower" not in testing.applicable_noise("person_name")
    assert "full_width" in testing.applicable_noise("address")


def test_a_missing_validator_is_named_in_a_clear_error():
    with pytest.raises(testing.CannotGenerate, match=r"'passport'.*available: text"):
        testing.valid("passport", random.Random(1))
    with pytest.raises(testing.CannotGenerate, match="'passport'"):
        strategies.values("passport")


def test_free_text_that_accepts_every_typo_cannot_be_spoiled():
    with pytest.raises(testing.CannotGenerate, match="sensitive"):
        testing.invalid("sensitive", random.Random(1), how="substitution")


def test_unknown_mutation_names_are_refused():
    with pytest.raises(ValueError, match="known"):
        testing.invalid("ric", random.Random(1), how="typo")
    with pytest.raises(ValueError, match="known"):
        testing.noisy("ric", "x", random.Random(1), how="shout")


@pytest.mark.parametrize("form_name", forms.available())
@pytest.mark.parametrize("keys", ["key", "label", "mixed"])
def test_valid_records_pass_their_form_without_a_single_finding(form_name, keys):
    form = forms.get(form_name)
    for seed in range(40):
        record = testing.record(form_name, random.Random(seed), keys=keys, optional=0.8)
        report = form.validate(record, today=TODAY)
        assert report.findings == (), (record, report.codes())


@pytest.mark.parametrize("form_name", forms.available())
def test_each_kind_of_error_puts_an_error_on_the_field_it_names(form_name):
    form = forms.get(form_name)
    assert set(testing.record_errors(form_name)) == set(testing.RECORD_ERRORS)
    for error in testing.record_errors(form_name):
        for seed in range(15):
            case = testing.record_case(form_name, random.Random(seed), error=error)
            report = form.validate(case.record, today=TODAY)
            assert any(f.severity.value == "error" for f in report.by_field(case.field)), (
                error,
                case.record,
                report.codes(),
            )


def test_records_follow_the_reference_day_they_are_given():
    day = datetime.date(2030, 6, 1)
    record = testing.record("collection", random.Random(2), today=day)
    assert forms.collection.validate(record, today=day).ok
    assert record["confirmed_at"] > TODAY.isoformat()


def test_an_error_a_form_cannot_hold_is_refused():
    old = forms.get("enterprise", "V2.0").evolve(remove_fields=["email"])
    with pytest.raises(ValueError, match="email"):
        testing.record(old, random.Random(1), error="email")


def test_records_of_an_older_template_carry_its_fields_only():
    old = forms.get("enterprise", "V2.0")
    record = testing.record(old, random.Random(3), optional=1.0)
    assert set(record) == set(old.keys)
    assert forms.get("enterprise").validate(record, today=TODAY).codes() == ("rule.form_version",)


@given(record=strategies.records("enterprise", keys="label"))
def test_the_records_strategy_gives_valid_records(record):
    assert forms.enterprise.validate(record, today=TODAY).ok


@given(case=strategies.record_cases("collection", error="any"))
def test_the_record_cases_strategy_gives_every_kind_of_error(case):
    report = forms.collection.validate(case.record, today=TODAY)
    assert case.error in testing.RECORD_ERRORS
    assert not report.ok


@given(
    uscc=strategies.usccs(),
    ric=strategies.resident_ids(valid=False, how="transposition"),
    phone=strategies.mobiles(),
    email=strategies.emails(valid=False),
    address=strategies.addresses(),
)
def test_the_value_strategies_give_what_they_promise(uscc, ric, phone, email, address):
    assert validators.get("uscc").is_valid(uscc)
    assert not validators.get("ric").is_valid(ric)
    assert validators.get("mobile").is_valid(phone)
    assert not validators.get("email").is_valid(email)
    assert validators.get("address").is_valid(address)


@given(st.data())
def test_strategies_replay_from_the_same_random(data):
    rng_state = data.draw(st.integers(0, 2**32))
    a = testing.uscc(random.Random(rng_state))
    assert a == testing.uscc(random.Random(rng_state))


def test_importing_custinfo_or_its_generators_never_imports_hypothesis():
    code = (
        "import sys, custinfo, custinfo.testing, random;"
        "custinfo.testing.record('collection', random.Random(1));"
        "assert 'hypothesis' not in sys.modules, 'hypothesis imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
