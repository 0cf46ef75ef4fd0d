"""A report on wrong personal values never shows them (issue: foundation)."""

from __future__ import annotations

import datetime
import json

import pytest

from custinfo import forms

TODAY = datetime.date(2026, 11, 25)

WRONG = {
    "id_number": "110101199003074478",  # wrong check digit
    "phone": "1380013800",  # ten digits
    "email": "zhangsan.qq.com",  # no @
}


@pytest.mark.parametrize("key", sorted(WRONG))
def test_a_wrong_value_is_reported_but_never_shown(key: str) -> None:
    raw = WRONG[key]
    record = {"customer_type": "个人", "customer_name": "张伟", key: raw}
    report = forms.collection.validate(record, today=TODAY)
    findings = report.by_field(key)
    assert findings and not report.ok
    exposed = [repr(report), json.dumps(report.to_dict(), ensure_ascii=False)]
    exposed += [str(f) for f in report.findings]
    exposed += [f.message(locale) for f in report.findings for locale in ("zh", "en")]
    for text in exposed:
        assert raw not in text
        assert raw[:8] not in text  # not even a long piece of it
    assert raw == report.original[key]  # kept, for the caller only


def test_validators_raise_without_the_value_in_the_message() -> None:
    from custinfo.validators import email, mobile, ric

    for module, raw in (
        (ric, WRONG["id_number"]),
        (mobile, WRONG["phone"]),
        (email, WRONG["email"]),
    ):
        with pytest.raises(ValueError) as err:
            module.validate(raw)
        assert raw not in str(err.value) and raw not in repr(err.value)
