"""Field kinds of the standard forms that depend on another field.

The collection form's 客户姓名(企业/个人) and 统一社会信用代码/证件号码 hold a
company or a person, a USCC or a resident ID, according to 客户类型. These
checks receive the cleaned ``customer_type`` through the field's ``context``.

>>> party_name("北京某某科技有限公司", customer_type="企业").ok
True
>>> party_name("王先生", customer_type="个人").problems[0].code
'person_name.title_only'
"""

from __future__ import annotations

import datetime

from custinfo import validators
from custinfo.findings import Check

__all__ = ["party_name"]

ENTERPRISE, PERSON = "企业", "个人"


def party_name(value: object, *, customer_type: object = None) -> Check:
    """A company name for an enterprise, a person's name for a person.

    When the customer type is unknown (missing or invalid), a value that passes as
    a company name is taken for one; otherwise it is judged as a person's name.
    """
    company = validators.get("company_name")
    person = validators.get("person_name")
    if customer_type == ENTERPRISE:
        return company.check(value)
    if customer_type == PERSON:
        return person.check(value)
    as_company = company.check(value)
    return as_company if as_company.ok else person.check(value)


_ = datetime  # party_id (with today) joins when the identifier validators land
