"""What a developer writes without custinfo, for the `collection` form.

`handwritten` is the straightforward per-field composition of python-stdnum,
phonenumbers and email-validator; `PydanticCollection` is the equivalent
pydantic v2 model using the same libraries; `floor` only reads every field.
They check what the seed asks (required fields, USCC or resident ID by customer
type, an 11-digit mobile, an email with @ and a domain, the choice lists,
YYYY-MM-DD dates not in the future) and nothing more.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

import email_validator
import phonenumbers
from pydantic import BaseModel, ValidationError, field_validator, model_validator
from stdnum.cn import ric, uscc

TODAY = datetime.date(2026, 11, 25)

REQUIRED = (
    "customer_type",
    "customer_name",
    "id_number",
    "industry",
    "phone",
    "demand_type",
    "collector",
    "confirmed_at",
)
CHOICES = {
    "customer_type": {"企业", "个人"},
    "scale": {"大型", "中型", "小型", "微型"},
    "demand_type": {"产品采购", "技术咨询", "合作咨询"},
    "intent_level": {"高意向", "中意向", "低意向", "潜在客户"},
    "budget_range": {"1万以下", "1-5万", "5-10万", "10万以上"},
}
MOBILE = {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}


def industries() -> frozenset[str]:
    """GB/T 4754-2017 codes and names, from custinfo's bundled table."""
    import csv
    from importlib import resources

    names: set[str] = set()
    for entry in resources.files("custinfo.data").iterdir():
        if "4754" in entry.name or "industr" in entry.name:
            lines = [x for x in entry.read_text("utf-8").splitlines() if not x.startswith("#")]
            for row in csv.DictReader(lines):
                names.update(v for v in row.values() if v)
                if row.get("level") == "division" and row.get("section"):
                    names.add(row["section"] + row["code"])  # "I65"
    return frozenset(names)


def mobile_ok(value: str) -> bool:
    try:
        number = phonenumbers.parse(value, "CN")
    except phonenumbers.NumberParseException:
        return False
    return (
        phonenumbers.is_valid_number(number)
        and number.country_code == 86
        and phonenumbers.number_type(number) in MOBILE
    )


def email_ok(value: str) -> bool:
    try:
        email_validator.validate_email(value, check_deliverability=False)
    except email_validator.EmailNotValidError:
        return False
    return True


def date_ok(value: str, not_after: datetime.date | None = None) -> bool:
    try:
        day = datetime.datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        return False
    return not_after is None or day <= not_after


def id_ok(value: str, customer_type: str | None) -> bool:
    if customer_type == "企业":
        return bool(uscc.is_valid(value))
    return bool(ric.is_valid(value))


def handwritten(record: Mapping[str, Any], industries: frozenset[str]) -> list[str]:
    """Every problem of a record, the way most CRMs check it by hand."""
    problems = [f"{k}: required" for k in REQUIRED if not str(record.get(k) or "").strip()]
    for key, allowed in CHOICES.items():
        value = record.get(key)
        if value and value not in allowed:
            problems.append(f"{key}: choice")
    if record.get("id_number") and not id_ok(record["id_number"], record.get("customer_type")):
        problems.append("id_number: invalid")
    if record.get("phone") and not mobile_ok(record["phone"]):
        problems.append("phone: invalid")
    if record.get("email") and not email_ok(record["email"]):
        problems.append("email: invalid")
    if record.get("industry") and record["industry"] not in industries:
        problems.append("industry: invalid")
    if record.get("confirmed_at") and not date_ok(record["confirmed_at"], TODAY):
        problems.append("confirmed_at: invalid")
    if record.get("timeline") and not date_ok(record["timeline"]):
        problems.append("timeline: invalid")
    return problems


def floor(record: Mapping[str, Any]) -> int:
    """The least any validator must do: read every field."""
    return sum(1 for v in record.values() if v)


class PydanticCollection(BaseModel):
    """The collection form as a pydantic v2 model over the same libraries."""

    customer_type: str
    customer_name: str
    id_number: str
    industry: str
    scale: str | None = None
    phone: str
    email: str | None = None
    address: str | None = None
    contact_person: str | None = None
    contact_title: str | None = None
    demand_type: str
    intent_level: str | None = None
    budget_range: str | None = None
    timeline: str | None = None
    collector: str
    confirmed_at: str

    industries: frozenset[str] = frozenset()

    @field_validator("customer_type", "scale", "demand_type", "intent_level", "budget_range")
    @classmethod
    def _choice(cls, value: str | None, info: Any) -> str | None:
        if value is not None and value not in CHOICES[info.field_name]:
            raise ValueError("not an allowed choice")
        return value

    @field_validator("customer_name", "collector")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("required")
        return value

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str) -> str:
        if not mobile_ok(value):
            raise ValueError("not a mobile number")
        return value

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        if value is not None and not email_ok(value):
            raise ValueError("not an email address")
        return value

    @field_validator("confirmed_at")
    @classmethod
    def _confirmed(cls, value: str) -> str:
        if not date_ok(value, TODAY):
            raise ValueError("bad date")
        return value

    @field_validator("timeline")
    @classmethod
    def _timeline(cls, value: str | None) -> str | None:
        if value is not None and not date_ok(value):
            raise ValueError("bad date")
        return value

    @model_validator(mode="after")
    def _cross(self) -> PydanticCollection:
        if not id_ok(self.id_number, self.customer_type):
            raise ValueError("id_number invalid")
        if self.industries and self.industry not in self.industries:
            raise ValueError("industry invalid")
        return self


def pydantic_ok(record: Mapping[str, Any], industries: frozenset[str]) -> bool:
    try:
        PydanticCollection(**record, industries=industries)
    except ValidationError:
        return False
    return True
