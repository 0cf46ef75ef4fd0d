"""What the fuzzers run: bytes → (target, input) → the contract checks.

One input drives one target: byte 0 picks a validator or a form (from the
registries, so a validator merged later is fuzzed without a change here),
byte 1 the shape of the input (text, int, float, bytes, containers, a huge
string, an object whose ``__str__`` raises…), the rest is the payload. Form
payloads are lines ``key<TAB>value``; a key ``#n`` stands for the form's n-th
field name, so the fuzzer reaches real fields without a dictionary.

The checks are :mod:`custinfo.testing.contract` (never raises, check/validate/
is_valid agree, every code has both messages, round trips, input untouched)
plus a privacy check: a run of 8+ digits given only in a personal field never
shows in the report.
"""

from __future__ import annotations

import datetime
import json
import math
import struct
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from custinfo import forms, validators
from custinfo.testing import contract, privacy

TODAY = datetime.date(2026, 1, 5)
SHAPES = 16


class Boom:
    """An object whose ``str``, ``repr`` and ``format`` raise (hashable, so it can be a key)."""

    def __str__(self) -> str:
        raise RuntimeError("str")

    __repr__ = __str__

    def __format__(self, spec: str) -> str:
        raise RuntimeError("format")


def targets() -> list[tuple[str, str]]:
    """Every validator and every form, from the registries."""
    return [("validator", n) for n in validators.available()] + [
        ("form", n) for n in forms.available()
    ]


def _text(payload: bytes) -> str:
    # surrogateescape turns invalid UTF-8 into lone surrogates: hostile on purpose
    return payload.decode("utf-8", "surrogateescape")


def _int(text: str, payload: bytes) -> int:
    digits = "".join(c for c in text if c.isascii() and c.isdigit())[:4000]
    return int(digits) if digits else int.from_bytes(payload[:64], "little", signed=True)


def _float(payload: bytes) -> float:
    specials = (math.nan, math.inf, -math.inf, -0.0, 1e308, 5e-324, 13800138000.0)
    if len(payload) < 8:
        return specials[len(payload) % len(specials)]
    value: float = struct.unpack("<d", payload[:8])[0]
    return value


def _decimal(text: str) -> Decimal:
    try:
        return Decimal(text.strip()[:200])
    except (InvalidOperation, ValueError):
        return Decimal(("NaN", "sNaN", "-Infinity", "1E+999999")[len(text) % 4])


def value(shape: int, payload: bytes) -> object:
    """One input value of the given shape."""
    text = _text(payload)
    makers: list[Callable[[], object]] = [
        lambda: text,
        lambda: text,
        lambda: text,
        lambda: text,
        text.strip,
        lambda: text * (200_000 // max(len(text), 1)),  # a huge string, up to ~200k
        lambda: _int(text, payload),
        lambda: int.from_bytes(payload, "big") ** 3,  # a huge int
        lambda: _float(payload),
        lambda: _decimal(text),
        lambda: payload,
        lambda: bytearray(payload),
        lambda: [text, [text]],
        lambda: {text: text, "nested": {"a": [text]}},
        lambda: (None, True, Boom())[len(payload) % 3],
        Boom,
    ]
    return makers[shape % len(makers)]()


def record(form_name: str, shape: int, payload: bytes) -> object:
    """A record for ``form_name``: lines ``key<TAB>value``; ``#n`` names field n."""
    form = forms.get(form_name)
    names = [n for f in form.fields for n in f.names]
    rec: dict[object, object] = {}
    for line in payload.split(b"\n"):
        raw_key, _, raw_value = line.partition(b"\t")
        key: object = _text(raw_key)
        if isinstance(key, str) and key.startswith("#") and key[1:].isdigit():
            key = names[int(key[1:]) % len(names)]
        rec[key] = value(shape if raw_value[:1] != b"\x00" else 0, raw_value)
    mode = shape % 8
    if mode == 5:  # thousands of keys
        rec.update({f"extra_{i}": i for i in range(3000)})
    if mode == 6:
        rec[Boom()] = "x" if len(rec) % 2 else Boom()
    if mode == 7:
        return list(rec.items())  # not a mapping
    return rec


def _personal_digits(form_name: str, rec: object) -> set[str]:
    """8+ digit runs given only in personal fields (nowhere else in the record)."""
    if not isinstance(rec, dict):
        return set()
    form = forms.get(form_name)
    secret: set[str] = set()
    public: list[str] = []
    for k, v in rec.items():
        if not isinstance(k, str):
            continue
        key = form.plan.resolve(k)
        text = v if isinstance(v, str) else ""
        runs = {s for s in privacy.secrets_of(text) if s.isdigit() and len(s) >= 8}
        if key is not None and form.plan.fields[key].personal is not None:
            secret |= runs
        else:
            public += [text, repr(text)]
        public += [k, repr(k)]  # repr: "\udc97" + "1130681" shows the digits "71130681"
    return {s for s in secret if not any(s in p for p in public)}


def run(data: bytes) -> None:
    """Decode ``data`` and hold the chosen target to its contract."""
    if len(data) < 2:
        return
    all_targets = targets()
    kind, name = all_targets[data[0] % len(all_targets)]
    shape, payload = data[1], data[2:]
    if kind == "validator":
        contract.check_value(name, value(shape, payload))
        return
    rec = record(name, shape, payload)
    report = contract.check_record(forms.get(name), rec, today=TODAY)
    found = privacy.leaks(report, _personal_digits(name, rec))
    if found:
        raise contract.ContractViolation(f"form {name}: personal digits shown: {found}")


def describe(data: bytes) -> str:
    """A readable account of an input (for crash reports)."""
    all_targets = targets()
    kind, name = all_targets[data[0] % len(all_targets)] if data else ("?", "?")
    shape = data[1] if len(data) > 1 else 0
    made: Any
    made = value(shape, data[2:]) if kind == "validator" else record(name, shape, data[2:])
    try:
        shown = repr(made)
    except Exception:
        shown = "<unrepresentable>"
    summary = {"target": f"{kind}:{name}", "shape": shape, "input": shown[:600]}
    return json.dumps(summary, ensure_ascii=False)
