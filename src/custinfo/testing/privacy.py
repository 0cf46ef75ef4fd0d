"""Scan what custinfo produced for personal data it must never show.

A report, a finding, a message, an exception: none of them may contain a raw
identifier, phone number, email address or name. :func:`secrets_of` lists the
forms a personal value can take in output (as given, compacted, every run of 8
or more digits in it), :func:`record_secrets` does so for every personal field
of a record, and :func:`leaks` says which of them occur in a text:

>>> sorted(secrets_of("138 0013 8000"))
['138 0013 8000', '13800138000']
>>> leaks("phone: 138****8000", secrets_of("13800138000"))
[]
>>> leaks("phone 13800138000 is wrong", secrets_of("13800138000"))
['13800138000']
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import Any

from custinfo import messages, normalize
from custinfo.findings import Finding, InvalidValue, Report
from custinfo.model import Form

__all__ = ["leaks", "outputs", "record_secrets", "secrets_of"]

_DIGIT_RUN = re.compile(r"\d{8,}")
_MIN_LENGTH = 2  # one character (a surname alone) is no secret


def secrets_of(value: object) -> set[str]:
    """The raw value, its stripped and compact forms, and its runs of 8+ digits."""
    raw = normalize.as_text(value)
    if raw is None:
        return set()
    raw = raw[: normalize.MAX_LENGTH]
    forms = {raw, raw.strip(), normalize.text(raw), normalize.compact(raw)}
    folded = normalize.compact(raw)
    forms.update(_DIGIT_RUN.findall(folded))
    forms.update(f.upper() for f in list(forms) if f.isascii())
    return {f for f in forms if len(f) >= _MIN_LENGTH and "*" not in f}


def record_secrets(
    form: Form, record: Mapping[Any, Any], kinds: Collection[str] | None = None
) -> set[str]:
    """The secrets of every value given for a personal field of ``form`` (fields
    with ``personal=...``), or only for fields of the given ``kinds``
    (``"identifier"``, ``"phone"``, ``"email"``, ``"name"``, ``"text"``)."""
    found: set[str] = set()
    for name, value in record.items():
        key = form.plan.resolve(name)
        personal = form.plan.fields[key].personal if key is not None else None
        if personal is not None and (kinds is None or personal in kinds):
            found |= secrets_of(value)
    return found


def _finding_texts(finding: Finding) -> Iterator[str]:
    yield str(finding)
    yield repr(finding)
    yield finding.message("zh")
    yield finding.message("en")
    yield json.dumps(finding.to_dict(), ensure_ascii=False)


def outputs(produced: object) -> Iterator[str]:
    """Every text a report, finding, exception or string shows (``str``, ``repr``,
    both locales' messages, ``to_dict()`` as JSON without ``reveal``)."""
    if isinstance(produced, Report):
        yield str(produced)
        yield repr(produced)
        yield json.dumps(produced.to_dict(), ensure_ascii=False, default=str)
        for finding in produced.findings:
            yield from _finding_texts(finding)
    elif isinstance(produced, Finding):
        yield from _finding_texts(produced)
    elif isinstance(produced, InvalidValue):
        yield str(produced)
        yield repr(produced)
        yield produced.message("zh")
        yield produced.message("en")
        yield repr(dict(produced.params))
    elif isinstance(produced, BaseException):
        yield str(produced)
        yield repr(produced)
    else:
        yield str(produced)


def _codes(produced: object) -> Iterator[str]:
    if isinstance(produced, Report):
        yield from produced.codes()
    elif isinstance(produced, Finding | InvalidValue):
        yield produced.code


def _templates(items: Iterable[object]) -> list[str]:
    found = (messages.lookup(code) for item in items for code in _codes(item))
    return [template for pair in found if pair for template in pair]


def leaks(produced: object | Iterable[object], secrets: Collection[str]) -> list[str]:
    """The secrets that occur in anything ``produced`` shows (sorted; empty is good).

    A secret that is part of a message template itself (the catalog's example
    "王先生" in ``person_name.title_only``) is no leak and is not reported.
    """
    items = list(produced) if isinstance(produced, list | tuple) else [produced]
    texts = [text for item in items for text in outputs(item)]
    templates = _templates(items)
    return sorted(
        {s for s in secrets if any(s in t for t in texts) and not any(s in t for t in templates)}
    )
