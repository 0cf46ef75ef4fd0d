"""The generated record check: any keys, any rule codes, the same answers as step by step."""

from __future__ import annotations

import datetime
import random
from typing import Any

import pytest

from custinfo import Field, Form, Rule, RuleContext, Severity, forms
from custinfo.findings import Check, Problem

TODAY = datetime.date(2026, 11, 25)
ODD_KEYS = ('a"b', "c'd\nx", "for", "e f", "g)\\", "客户 名称")


def _echo(value: object, **context: Any) -> Check:
    # a check taking any context: it fails when a context value equals the value
    clash = any(v == value for v in context.values())
    return Check(value, (Problem("acme.clash"),) if clash else ())


def test_keys_and_codes_that_are_not_python_names_validate_like_any_other() -> None:
    fields = [Field(ODD_KEYS[0], "甲", required=True)]
    fields += [
        Field(k, f"标签{i}", kind=_echo, context=(ODD_KEYS[0],)) for i, k in enumerate(ODD_KEYS[1:])
    ]
    code = 'rule.odd"code\\'
    rule = Rule(
        code,
        (ODD_KEYS[1], ODD_KEYS[2]),
        lambda ctx: ctx[ODD_KEYS[1]] != ctx[ODD_KEYS[2]],
        Severity.ERROR,
        ("两者须不同", "must differ"),
    )
    form = Form("odd", "怪", "1", fields=fields, rules=[rule])
    same = {k: "v" for k in ODD_KEYS}
    report = form.validate(same, today=TODAY)
    assert sorted(report.codes()) == ["acme.clash"] * (len(ODD_KEYS) - 1)
    differ = {ODD_KEYS[0]: "z", ODD_KEYS[1]: "v", ODD_KEYS[2]: "v"}
    assert form.validate(differ, today=TODAY).codes() == (code,)
    assert form.validate({}, today=TODAY).codes() == ("required",)


def _step_by_step(form: Form, record: dict[str, Any], today: datetime.date) -> tuple[Any, ...]:
    """What the generated function must equal: each field's check, then each rule."""
    findings: list[tuple[Any, ...]] = []
    cleaned: dict[str, Any] = {}
    info: dict[str, Any] = {}
    failed: set[str] = set()
    for step in form.plan.steps:
        value = record.get(step.key)
        if value is None or not str(value).strip():
            if step.required:
                findings.append((step.key, "required"))
                failed.add(step.key)
            continue
        extra: dict[str, Any] = {k: cleaned.get(k) for k in step.context}
        if step.wants_today:
            extra["today"] = today
        result = step.check(value, **extra)
        findings += [(step.key, p.code) for p in result.problems]
        if not result.ok:
            failed.add(step.key)
            continue
        cleaned[step.key] = result.value
        if result.info is not None:
            info[step.key] = result.info
    ctx = RuleContext(cleaned, info, today, form.name)
    skipped = []
    for r in form.rules:
        if failed & set(r.reads):
            skipped.append(r.code)
        else:
            findings += [(f.field, f.code) for f in r.evaluate(ctx)]
    return tuple(findings), cleaned, tuple(skipped)


def test_the_generated_check_answers_as_the_fields_and_rules_would_one_by_one() -> None:
    # enough records for every memo to settle: repeated values (on) and unique ones (off)
    rng = random.Random(11)
    form = forms.collection.evolve()
    records = _collection_records(rng, 2600)
    for i, record in enumerate(records):
        day = TODAY if i % 3 else TODAY - datetime.timedelta(days=400)
        report = form.validate(record, today=day)
        got = (tuple((f.field, f.code) for f in report.findings), dict(report.cleaned))
        expected = _step_by_step(form, record, day)
        assert got == expected[:2], record
        assert report.skipped_rules == expected[2]
    states = {step.key: step.state for step in form.plan.steps}
    assert states["customer_type"] == "on" and states["phone"] == "off"


def _collection_records(rng: random.Random, n: int) -> list[dict[str, Any]]:
    from custinfo.testing.records import RECORD_ERRORS, record

    out = []
    for _ in range(n):
        error = rng.choice((None, None, *RECORD_ERRORS))
        item = record("collection", rng, error=error)
        if rng.random() < 0.3:
            item["confirmed_at"] = rng.choice(["2025-10-01", "2026-12-01", "明天", " "])
        if rng.random() < 0.2:
            item["customer_type"] = rng.choice(["企业", "个人", "机构"])
        out.append(item)
    return out


def _listing(value: object) -> Check:
    # a user's check whose cleaned value is a list: unhashable
    return Check(str(value).split(","))


def test_a_pure_rule_reading_an_unhashable_value_is_judged_without_remembering() -> None:
    from custinfo.rules import consistent_with

    seen: list[object] = []

    class Policy:
        def judge(self, key: Any, value: Any) -> dict[str, Any] | None:
            seen.append(key)
            return None if len(key) < 3 else {"key": "many"}

    rule = consistent_with("tags", "n", Policy(), code="acme.tags", message=("多", "many"))
    assert rule.pure
    form = Form(
        "tags",
        "标签",
        "1",
        fields=[Field("tags", "标签", kind=_listing), Field("n", "数")],
        rules=[rule],
    )
    for _ in range(3):
        assert form.validate({"tags": "a,b,c", "n": "1"}, today=TODAY).codes() == ("acme.tags",)
    assert len(seen) == 3


def test_a_pure_rule_that_raises_fails_every_time_and_the_others_still_run() -> None:
    from custinfo.rules import consistent_with

    class Broken:
        def judge(self, key: Any, value: Any) -> dict[str, Any] | None:
            raise ValueError

    broken = consistent_with("a", "b", Broken(), code="acme.broken", message=("坏", "broken"))
    fine = consistent_with("a", "b", {"x": ["y"]}, code="acme.fits", message=("不符", "no fit"))
    form = Form(
        "ab", "甲乙", "1", fields=[Field("a", "甲"), Field("b", "乙")], rules=[broken, fine]
    )
    for _ in range(3):
        report = form.validate({"a": "x", "b": "z"}, today=TODAY)
        assert report.codes() == ("rule.failed", "acme.fits")


def test_remembered_rule_outcomes_stay_bounded_and_right() -> None:
    from custinfo.model.plan import _Memo
    from custinfo.rules import consistent_with

    rule = consistent_with("a", "b", {"x": ["y"]}, code="acme.fits2", message=("不符", "no fit"))
    form = Form("ab2", "甲乙", "1", fields=[Field("a", "甲"), Field("b", "乙")], rules=[rule])
    for i in range(_Memo.SIZE + 50):
        b = "y" if i % 2 else f"z{i}"
        codes = form.validate({"a": "x", "b": b}, today=TODAY).codes()
        assert codes == (() if i % 2 else ("acme.fits2",))
    assert all(len(remembered) <= _Memo.SIZE for remembered in form.plan.outcomes)


def test_a_used_form_sent_by_cloudpickle_validates_alike_with_a_plan_of_its_own() -> None:
    cloudpickle = pytest.importorskip("cloudpickle")  # how Spark and Dask send a form
    form = forms.collection.evolve()
    records = _collection_records(random.Random(3), 1200)  # past the memos' trial
    before = [form.validate(r, today=TODAY) for r in records]
    copy = cloudpickle.loads(cloudpickle.dumps(form))
    assert copy.plan is not form.plan
    after = [copy.validate(r, today=TODAY) for r in records]
    assert [(r.findings, dict(r.cleaned)) for r in after] == [
        (r.findings, dict(r.cleaned)) for r in before
    ]
