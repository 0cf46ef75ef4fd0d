"""Concurrency and purity: many threads, one form, the same answers; inputs untouched;
forms, fields, rules and policy tables immutable after creation."""

from __future__ import annotations

import datetime
import random
import sys
import threading
from collections import OrderedDict
from types import MappingProxyType
from typing import Any

import attrs
import pytest

import custinfo
from custinfo import forms, testing
from custinfo.model.plan import _Memo
from custinfo.rules import policies
from custinfo.testing import contract

THREADS = 8
FORMS = forms.available()
DAYS = (datetime.date(2026, 1, 5), datetime.date(2024, 3, 1))


def _corpus(form_name: str, size: int) -> list[dict[str, Any]]:
    """Records whose choices and dates repeat (the memo keeps them) and whose IDs and
    phones do not (the memo gives up on them after its trial), some with errors."""
    kinds = [None, None, *testing.record_errors(form_name)]
    return [
        testing.record(form_name, random.Random(i), error=kinds[i % len(kinds)], keys="mixed")
        for i in range(size)
    ]


def _answer(report: custinfo.Report) -> tuple[object, ...]:
    return (report.to_dict(reveal=True), report.findings, report.skipped_rules)


@pytest.fixture(autouse=True)
def _switch_often():
    """Threads switch every 0.1 ms instead of every 5 ms: races show up sooner."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-4)
    yield
    sys.setswitchinterval(before)


def _run_in_threads(work: list[Any], target: Any) -> list[Any]:
    results: list[Any] = [None] * len(work)
    barrier = threading.Barrier(len(work))
    errors: list[BaseException] = []

    def run(i: int) -> None:
        try:
            barrier.wait()
            results[i] = target(work[i])
        except BaseException as exc:  # surfaced below, with the thread's own traceback
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(work))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    return results


@pytest.mark.parametrize("form_name", FORMS)
def test_one_form_gives_the_same_reports_from_eight_threads_at_once(form_name, monkeypatch):
    # A trial of 256 lookups and 1500 records: optional fields too pass their trial
    # while the threads run (the counters are not locked, so racing threads may lose
    # a few counts), so the memos of fields with unique values (IDs, phones) switch
    # off and regenerate the record check mid-run, and those of repeating ones
    # (choices, industries) stay on.
    monkeypatch.setattr(_Memo, "TRIAL", 256)
    records = _corpus(form_name, 1500)
    assert len(records) > 4 * _Memo.TRIAL
    single = forms.get(form_name).evolve()
    expected = {day: [_answer(single.validate(r, today=day)) for r in records] for day in DAYS}
    shared = forms.get(form_name).evolve()  # a fresh plan: its memos start empty

    # Threads alternate between two reference days: a memo remembering one day's
    # answer must never serve it on the other.
    def validate_slice(i: int) -> list[tuple[object, ...]]:
        return [_answer(shared.validate(r, today=DAYS[i % 2])) for r in records[i::THREADS]]

    results = _run_in_threads(list(range(THREADS)), validate_slice)
    for i, got in enumerate(results):
        assert got == expected[DAYS[i % 2]][i::THREADS], f"thread {i} disagrees with one thread"
    memos = [step.run for step in shared.plan.steps if isinstance(step.run, _Memo)]
    assert any(m.on for m in memos), "repeating fields keep their memo"
    assert any(not m.on for m in memos), "fields of unique values gave their memo up"


def test_a_memo_interrupted_by_another_reference_day_never_serves_one_days_answer_on_the_other():
    # The interleaving a thread switch can cause, made deterministic: while the memo
    # computes a value for one day, another thread validates the same value for
    # another day.
    calls: list[datetime.date] = []

    def run(value: object, cleaned: Any, today: datetime.date) -> custinfo.Check:
        calls.append(today)
        if len(calls) == 1:
            memo(value, cleaned, DAYS[1])  # the other thread, in the middle of this call
        return custinfo.Check(today.isoformat())

    memo = _Memo(run, (), wants_today=True)
    assert memo("2025-06-01", {}, DAYS[0]).value == DAYS[0].isoformat()
    assert memo("2025-06-01", {}, DAYS[1]).value == DAYS[1].isoformat()
    assert memo("2025-06-01", {}, DAYS[0]).value == DAYS[0].isoformat()


@pytest.mark.parametrize("form_name", FORMS)
def test_validate_many_in_threads_agrees_with_validate(form_name):
    records = _corpus(form_name, 200)
    form = forms.get(form_name).evolve()
    expected = [_answer(form.validate(r, today=DAYS[0])) for r in records]
    chunks = [records[i::THREADS] for i in range(THREADS)]
    results = _run_in_threads(
        chunks, lambda chunk: [_answer(r) for r in form.validate_many(chunk, today=DAYS[0])]
    )
    for i, got in enumerate(results):
        assert got == expected[i::THREADS]


# -- inputs are never changed -----------------------------------------------------------


def _nested(record: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = dict(record)
    out["notes"] = {"history": [["2024-01-01", "call"], {"by": ["王经理"]}], "tags": ("a", "b")}
    out["attachments"] = [bytearray(b"scan"), {"pages": [1, 2, 3]}]
    return out


@pytest.mark.parametrize("form_name", FORMS)
@pytest.mark.parametrize("error", [None, "checksum", "missing", "float", "rule"])
def test_validation_never_changes_the_record_it_is_given(form_name, error):
    if error is not None and error not in testing.record_errors(form_name):
        pytest.skip(f"{form_name} cannot hold {error}")
    for seed in range(10):
        record = _nested(testing.record(form_name, random.Random(seed), error=error, keys="mixed"))
        before = contract.snapshot(record)
        forms.get(form_name).validate(record, today=DAYS[0])
        assert contract.snapshot(record) == before


@pytest.mark.parametrize("form_name", FORMS)
@pytest.mark.parametrize("kind", [OrderedDict, MappingProxyType, dict])
def test_any_mapping_is_read_without_being_changed(form_name, kind):
    record = testing.record(form_name, random.Random(3), keys="label")
    given = kind(dict(record))
    before = contract.snapshot(dict(given))
    report = forms.get(form_name).validate(given, today=DAYS[0])
    assert report.ok
    assert contract.snapshot(dict(given)) == before


def test_the_snapshot_sees_a_change_deep_inside_a_record():
    record = {"a": [{"b": [1, 2]}]}
    before = contract.snapshot(record)
    record["a"][0]["b"].append(3)
    assert contract.snapshot(record) != before


# -- forms, fields and rules are immutable ------------------------------------------------


@pytest.mark.parametrize("form_name", FORMS)
def test_forms_refuse_attribute_assignment(form_name):
    form = forms.get(form_name)
    for name in ("name", "version", "fields", "rules", "crm", "title"):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(form, name, getattr(form, name))
    with pytest.raises(TypeError):
        form.crm["customer_name"] = "x"  # type: ignore[index]
    assert isinstance(form.fields, tuple) and isinstance(form.rules, tuple)


@pytest.mark.parametrize("form_name", FORMS)
def test_fields_rules_and_plans_refuse_assignment(form_name):
    form = forms.get(form_name)
    for f in form.fields:
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            f.required = not f.required  # type: ignore[misc]
        with pytest.raises(TypeError):
            f.options["x"] = 1  # type: ignore[index]
    for r in form.rules:
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            r.severity = custinfo.Severity.INFO  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        form.plan.steps = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        form.plan.fields["x"] = form.fields[0]  # type: ignore[index]


def test_policy_tables_refuse_changes_and_update_into_copies():
    with pytest.raises(TypeError):
        policies.BUDGET_BY_DEMAND.allowed["技术咨询"] = ("1万以下",)  # type: ignore[index]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        policies.AMOUNT_BY_LEVEL.bands = {}  # type: ignore[misc]
    changed = policies.BUDGET_BY_DEMAND.updated({"技术咨询": ["1万以下"]})
    assert changed is not policies.BUDGET_BY_DEMAND
    assert policies.BUDGET_BY_DEMAND.allowed["技术咨询"] == ("1万以下", "1-5万", "5-10万")


@pytest.mark.parametrize("form_name", FORMS)
def test_evolve_returns_a_new_form_and_leaves_the_original_as_it_was(form_name):
    form = forms.get(form_name)
    before = form.to_dict()
    first_optional = next(f.key for f in form.fields if not f.required)
    changed = form.evolve(
        name=f"{form_name}_mine",
        fields={first_optional: {"required": True}},
        remove_rules=[form.rules[0].code],
    )
    assert changed is not form
    assert form.to_dict() == before
    assert first_optional in changed.required and first_optional not in form.required
    assert len(changed.rules) == len(form.rules) - 1
    assert forms.get(form_name) is form


def test_reports_and_findings_are_frozen_and_their_params_read_only():
    record = testing.record("enterprise", random.Random(1), error="checksum")
    report = forms.get("enterprise").validate(record, today=DAYS[0])
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        report.findings = ()  # type: ignore[misc]
    finding = report.errors[0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        finding.code = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        finding.params["expected"] = "0"  # type: ignore[index]
