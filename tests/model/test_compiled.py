"""The generated record check: any keys, any rule codes, the same answers as step by step."""

from __future__ import annotations

import datetime
import random
from typing import Any

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
