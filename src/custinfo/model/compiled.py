"""A form's record check, generated as Python source and compiled once.

A loop over field steps pays, per field and per record, for unpacking the step,
calling through the memo object and branching on options known when the form
was declared. Generating one straight-line function per form (as attrs and
cattrs generate ``__init__`` and converters) decides all of that once: each
field's call is written with exactly the arguments its check takes, a settled
memo is an inline ``dict.get``, and each rule's applicability is an inline
test. The function is regenerated when a field's memo settles (at most once
per field), so its trial and its verdict cost nothing afterwards.

What it does is what the documentation of :meth:`custinfo.model.Form.validate`
says, field by field in order and then rule by rule (tests/model/test_compiled.py
holds it to a step-by-step reading). Field keys, rule codes and callables are
bound in the function's namespace under placeholder names; the only declared
text written into the source is a context field's name as a keyword argument,
and only when it is a Python identifier (else the arguments go as a dict).
"""

from __future__ import annotations

import datetime
import keyword
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

from custinfo.findings import Check, Finding, Report
from custinfo.rules.engine import Rule, RuleContext

__all__ = ["CompiledField", "RecordCheck", "generate"]

RecordCheck = Callable[[Mapping[str, Any], datetime.date, list[Finding]], Report]
"""``(given, today, findings) -> Report``: the whole validation of a resolved record."""


class CompiledField(Protocol):
    """What the generator needs to know of one field (a :class:`~custinfo.model.plan.Step`)."""

    @property
    def key(self) -> str: ...
    @property
    def required(self) -> bool: ...
    @property
    def check(self) -> Callable[..., Check]: ...
    @property
    def context(self) -> tuple[str, ...]: ...
    @property
    def wants_today(self) -> bool: ...
    @property
    def show(self) -> Callable[[object], str | None]: ...
    @property
    def memo(self) -> Any: ...  # the field's memo, or None
    @property
    def state(self) -> str: ...  # the memo's state: "trial", "on", "off" or "none"


_UNSEEN = object()  # no outcome remembered for this key


def _keep(
    key: str,
    value: object,
    result: Check,
    show: Callable[[object], str | None],
    findings: list[Finding],
) -> bool:
    """Tie a check's problems to ``key``; True when the value is still usable."""
    shown = show(value)
    for p in result.problems:
        findings.append(Finding.of(key, p, shown))
    return result.ok


def _call(i: int, f: CompiledField) -> str:
    """The call of field ``i``'s check, with exactly the arguments it takes."""
    args = ["value"]
    named = all(k.isidentifier() and not keyword.iskeyword(k) for k in f.context)
    if named:
        args += [f"{k}=cleaned.get(x{i}_{j})" for j, k in enumerate(f.context)]
    elif f.context:
        pairs = ", ".join(f"x{i}_{j}: cleaned.get(x{i}_{j})" for j in range(len(f.context)))
        args.append(f"**{{{pairs}}}")
    if f.wants_today:
        args.append("today=today")
    return f"b{i}({', '.join(args)})"


def _obtain(i: int, f: CompiledField) -> list[str]:
    """Lines (indented for the field's ``else`` branch) that set ``result``."""
    call = _call(i, f)
    if f.state == "trial":
        return [f"result = m{i}(value, cleaned, today)"]
    if f.state != "on":
        return [f"result = {call}"]
    store = [
        f"result = {call}",
        f"if len(c{i}) >= SIZE:",
        f"    c{i}.clear()",
        f"c{i}[key] = result",
    ]
    if not f.context and not f.wants_today:
        return [
            "if value.__class__ is str:",
            "    key = value",
            f"    result = c{i}.get(key)",
            "    if result is None:",
            *("        " + line for line in store),
            "else:",
            f"    result = {call}",
        ]
    parts = ["value", "today" if f.wants_today else "None"]
    parts += [f"cleaned.get(x{i}_{j})" for j in range(len(f.context))]
    return [
        "if value.__class__ is str:",
        f"    key = ({', '.join(parts)})",
        "    try:",
        f"        result = c{i}.get(key)",
        "    except TypeError:  # an unhashable context value",
        f"        result = {call}",
        "    else:",
        "        if result is None:",
        *("            " + line for line in store),
        "else:",
        f"    result = {call}",
    ]


_BLANK = (
    "value is None or (value.__class__ is str and not value.strip())"
    " or (value.__class__ is not str and isinstance(value, float) and value != value)"
)


def _field_lines(i: int, f: CompiledField) -> list[str]:
    missing = (
        [f"findings.append(Finding(k{i}, 'required'))", f"failed.add(k{i})"]
        if f.required
        else ["pass"]
    )
    keep = [
        f"cleaned[k{i}] = result.value",
        "if result.info is not None:",
        f"    info[k{i}] = result.info",
    ]
    use = [
        "if result.problems:",
        f"    if _keep(k{i}, value, result, s{i}, findings):",
        *("        " + line for line in keep),
        "    else:",
        f"        failed.add(k{i})",
        "else:",
        *("    " + line for line in keep),
    ]
    lines = [f"value = given.get(k{i})"]
    test = "if"
    if f.state == "on" and not f.context and not f.wants_today:
        # a remembered value was not blank: look it up before testing blankness
        lines += [
            f"if value.__class__ is str and (result := c{i}.get(value)) is not None:",
            *("    " + line for line in use),
        ]
        test = "elif"
    return [
        *lines,
        f"{test} {_BLANK}:",
        *("    " + line for line in missing),
        "else:",
        *("    " + line for line in _obtain(i, f)),
        *("    " + line for line in use),
    ]


def _rule_lines(j: int, r: Rule) -> list[str]:
    reads = [f"r{j}_{n}" for n in range(len(r.reads))]
    if r.needs_all:
        applies = " and ".join(f"cleaned.get({k}) is not None" for k in reads) or "True"
    else:
        applies = " or ".join(f"cleaned.get({k}) is not None" for k in reads) or "False"
    skip = " or ".join(f"{k} in failed" for k in reads) or "False"
    run = [
        "if ctx is None:",
        "    ctx = RuleContext(cleaned, info, today, form)",
        "try:",
        f"    outcome = rk{j}(ctx)",
        "except Exception as exc:  # a user's rule must not break validation",
        f"    findings.append(rule{j}.failure(exc))",
    ]
    if not r.pure:
        judge = [
            *run,
            "else:",
            "    if outcome is not None and outcome is not True:",
            f"        findings.append(rule{j}.finding(outcome))",
        ]
    else:  # the finding (or None) of repeated values is remembered, bounded like the fields'
        key = ", ".join([*(f"cleaned.get({k})" for k in reads), "today"])
        judge = [
            f"key = ({key},)",
            "try:",
            f"    found = o{j}.get(key, UNSEEN)",
            "except TypeError:  # an unhashable value",
            "    key, found = None, UNSEEN",
            "if found is UNSEEN:",
            *("    " + line for line in run),
            "    else:",
            "        found = None if outcome is None or outcome is True else "
            f"rule{j}.finding(outcome)",
            "        if key is not None:",
            f"            if len(o{j}) >= SIZE:",
            f"                o{j}.clear()",
            f"            o{j}[key] = found",
            "        if found is not None:",
            "            findings.append(found)",
            "elif found is not None:",
            "    findings.append(found)",
        ]
    return [
        f"if failed and ({skip}):",
        f"    skipped.append(rc{j})",
        f"elif {applies}:",
        *("    " + line for line in judge),
    ]


def generate(
    form: str,
    fields: Sequence[CompiledField],
    rules: Sequence[Rule],
    mask: Callable[[str, Any], Any],
    *,
    memo_size: int,
    outcomes: Sequence[dict[Any, Any]],
) -> RecordCheck:
    """Compile the record check of ``fields`` and ``rules`` in their current memo states;
    ``outcomes`` holds one dict per rule where a pure rule's findings (or None) are
    remembered by the values it reads."""
    namespace: dict[str, Any] = {
        "Finding": Finding,
        "Report": Report,
        "RuleContext": RuleContext,
        "_keep": _keep,
        "form": form,
        "mask": mask,
        "SIZE": memo_size,
        "UNSEEN": _UNSEEN,
    }
    body = ["cleaned = {}", "info = {}", "failed = set()", "skipped = []", "ctx = None"]
    for i, f in enumerate(fields):
        namespace.update({f"k{i}": f.key, f"b{i}": f.check, f"s{i}": f.show, f"m{i}": f.memo})
        namespace.update({f"x{i}_{j}": k for j, k in enumerate(f.context)})
        if f.memo is not None:
            namespace[f"c{i}"] = f.memo.cache
        body += _field_lines(i, f)
    for j, r in enumerate(rules):
        namespace.update({f"rule{j}": r, f"rc{j}": r.code, f"rk{j}": r.check, f"o{j}": outcomes[j]})
        namespace.update({f"r{j}_{n}": k for n, k in enumerate(r.reads)})
        body += _rule_lines(j, r)
    body.append("return Report(form, tuple(findings), cleaned, given, tuple(skipped), info, mask)")
    source = "def check_record(given, today, findings):\n" + "".join(
        f"    {line}\n" for line in body
    )
    code = compile(source, f"<custinfo form {form!r}>", "exec")
    exec(code, namespace)  # our own source; every name in it is bound above
    compiled: RecordCheck = namespace["check_record"]
    return compiled
