"""Field kinds of the standard forms that depend on another field.

The collection form's 客户姓名(企业/个人) and 统一社会信用代码/证件号码 hold a
company or a person, a USCC or a resident ID, according to 客户类型. These
checks receive the cleaned ``customer_type`` through the field's ``context``.

>>> party_name("北京星辰科技有限公司", customer_type="企业").ok
True
>>> party_name("王先生", customer_type="个人").problems[0].code
'person_name.title_only'
>>> party_id("91110000600037341L", customer_type="企业").ok
True
>>> party_id("91110000600037341X", customer_type="企业").problems[0].code
'uscc.check'
"""

from __future__ import annotations

import datetime

from custinfo import normalize
from custinfo.findings import Check
from custinfo.validators import company_name, person_name, ric, uscc

__all__ = ["party_id", "party_name"]

ENTERPRISE, PERSON = "企业", "个人"


def party_name(value: object, *, customer_type: object = None) -> Check:
    """A company name for an enterprise, a person's name for a person.

    When the customer type is unknown (missing or invalid), a value that passes as
    a company name is taken for one; otherwise it is judged as a person's name.
    """
    if customer_type == ENTERPRISE:
        return company_name.check(value)
    if customer_type == PERSON:
        return person_name.check(value)
    as_company = company_name.check(value)
    return as_company if as_company.ok else person_name.check(value)


def party_id(
    value: object, *, customer_type: object = None, today: datetime.date | None = None
) -> Check:
    """A USCC for an enterprise, a resident-ID-family number for a person.

    A value that fails as the expected kind but is valid as the other one passes
    here: the rule ``rule.customer_type_vs_id`` then reports the mismatch, which
    says more than a checksum error would. With no customer type, the value is
    judged as whichever kind its shape suggests.
    """
    # The common case first: a clean valid value of the expected kind, decided
    # by the validator's own fast path. Then a clean value that fails it: when
    # the fast paths are final for both kinds (_settled), the other kind's fast
    # path decides whether it passes as that kind. Anything else: the reference.
    # (A fast Check is valid exactly when it has a value.)
    if customer_type == ENTERPRISE:
        found = uscc._fast_check(value)
        if found is not None and found.value is not None:
            return found
        if uscc._settled(value) and ric._settled(value):
            other = ric._fast_check(value, today, None)
            if other is not None and other.value is not None:
                return other
            return found or uscc._full_check(value)
    elif customer_type == PERSON:
        found = ric._fast_check(value, today, None)
        if found is not None and found.value is not None:
            return found
        if ric._settled(value) and uscc._settled(value):
            other = uscc._fast_check(value)
            if other is not None and other.value is not None:
                return other
            return found or ric._full_check(value, today, None)
    return _party_id(value, customer_type, today)


def _party_id(value: object, customer_type: object, today: datetime.date | None) -> Check:
    # The reference: what party_id decides for every input.
    if customer_type in (ENTERPRISE, PERSON):
        enterprise = customer_type == ENTERPRISE
        expected = uscc.check(value) if enterprise else ric.check(value, today=today)
        if expected.ok:
            return expected
        other = ric.check(value, today=today) if enterprise else uscc.check(value)
        return other if other.ok else expected
    as_ric = ric.check(value, today=today)
    as_uscc = uscc.check(value)
    if as_ric.ok or as_uscc.ok:
        return as_ric if as_ric.ok else as_uscc
    text = normalize.as_text(value) or ""
    looks_personal = ric.compact(text[:64])[:17].isdigit()
    return as_ric if looks_personal else as_uscc
