"""Whole records of a form: valid by construction, or with one chosen kind of error.

A valid record tells one consistent story: an enterprise gives a USCC whose
region is its registered address's, a person a resident ID; dates run in order
(established ≤ cooperation start ≤ last follow-up ≤ ``today``); the budget fits
the demand type and the contract amount the customer level by the default
policy tables (:mod:`custinfo.rules.policies`). Values come from the
validators' ``generate``, so a record is valid by construction — nothing here
asks the library whether it is, which is what the library's tests check.

An error record is a valid one with exactly one thing wrong (see
:data:`RECORD_ERRORS`); :func:`record_case` also says which field carries it:

>>> import random
>>> case = record_case("enterprise", random.Random(5), error="missing")
>>> case.field in case.required and case.field not in case.record
True
"""

from __future__ import annotations

import datetime
import inspect
import random
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Literal

from attrs import define

from custinfo.model import Field, Form
from custinfo.rules import policies
from custinfo.testing import mutations
from custinfo.testing.values import CannotGenerate, valid, validator

__all__ = [
    "RECORD_ERRORS",
    "TODAY",
    "Keys",
    "RecordCase",
    "record",
    "record_case",
    "record_errors",
]

TODAY = datetime.date(2026, 1, 5)
"""The default reference day of generated records (pass the same ``today`` to
``form.validate``; nothing in custinfo reads the clock)."""

Keys = Literal["key", "label", "mixed"]

RECORD_ERRORS: Mapping[str, str] = {
    "missing": "a required field left out",
    "checksum": "the identifier's check character wrong (USCC or resident ID)",
    "length": "the identifier cut short by one to three characters",
    "phone": "the phone number spoiled by a typing error",
    "email": "the email address without its @ or with two",
    "date": "a date field holding a day that does not exist",
    "future": "a date that must not be in the future after today",
    "choice": "a choice field holding a label that is not a choice",
    "industry": "an industry that is in no GB/T 4754 table",
    "float": "the phone number as a spreadsheet float (1.3800138e10)",
    "rule": "a cross-field contradiction (customer type against identifier kind, or "
    "cooperation starting before the company was established)",
}
"""Every kind of error :func:`record` can put into a record, and what it is."""

_TITLES = ("总经理", "采购经理", "技术总监", "财务主管", "行政专员", "项目经理")
_PROJECTS = ("办公软件采购项目V3.0", "数据中心升级项目", "年度运维服务", "安全审计咨询")


@define(frozen=True, slots=True)
class RecordCase:
    """A generated record, the error it carries (None: valid) and the field it is in
    (None for a valid record); ``required`` are the form's required keys."""

    record: dict[str, Any]
    error: str | None
    field: str | None
    required: tuple[str, ...]


def _form(form: Form | str) -> Form:
    if isinstance(form, Form):
        return form
    from custinfo import forms

    return forms.get(form)


def _day(rng: random.Random, start: datetime.date, end: datetime.date) -> datetime.date:
    return start + datetime.timedelta(days=rng.randrange(max((end - start).days, 0) + 1))


def _years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


class _Story:
    """The facts behind one record, drawn lazily so each field reads the same story."""

    def __init__(self, form: Form, rng: random.Random, today: datetime.date) -> None:
        self.form, self.rng, self.today = form, rng, today
        self.cache: dict[str, Any] = {}

    def get(self, fact: str) -> Any:
        if fact not in self.cache:
            self.cache[fact] = getattr(self, "_" + fact)()
        return self.cache[fact]

    def choices(self, key: str, default: tuple[str, ...]) -> tuple[str, ...]:
        fields = {f.key: f for f in self.form.fields}
        found = fields[key].choices if key in fields else ()
        return found or default

    def _customer_type(self) -> str:
        return self.rng.choice(self.choices("customer_type", ("企业", "个人")))

    def _person(self) -> bool:
        return "customer_type" in self.form.keys and self.get("customer_type") == "个人"

    def _address(self) -> str:
        return valid("address", self.rng)

    def _region(self) -> str:
        code = validator("address").info(self.get("address")).code
        return str(code)

    def _level(self) -> str:
        return self.rng.choice(
            self.choices("customer_level", tuple(policies.LEVEL_CRITERIA.criteria))
        )

    def _established(self) -> datetime.date:
        wanted = policies.LEVEL_CRITERIA.criteria.get(self.get("level"))
        years = (wanted.min_years if wanted else 0) + 1
        latest = _years_before(self.today, years)
        return _day(self.rng, datetime.date(1985, 1, 1), latest)

    def _cooperation(self) -> datetime.date:
        wanted = policies.LEVEL_CRITERIA.criteria.get(self.get("level"))
        latest = _years_before(self.today, wanted.min_years if wanted else 0)
        return _day(self.rng, self.get("established"), latest)

    def _demand(self) -> str:
        return self.rng.choice(self.choices("demand_type", ("产品采购",)))

    def _company(self) -> str:
        return valid("company_name", self.rng)


def _amount(story: _Story) -> str:
    band = policies.AMOUNT_BY_LEVEL.bands.get(story.get("level"))
    low = band.low if band and band.low is not None else Decimal(1000)
    high = band.high if band and band.high is not None else max(low * 20, Decimal(10**7))
    wan = story.rng.randint(int(low / 10_000) or 1, int(high / 10_000))
    return story.rng.choice((f"{wan}万元", f"{wan * 10_000}", f"¥{wan * 10_000:,}.00"))


def _code(prefix: str) -> Callable[[_Story], str]:
    def make(story: _Story) -> str:
        years = (story.get("established").year, story.today.year)
        return str(valid("codes", story.rng, prefix=prefix, years=years))

    return make


def _short_name(story: _Story) -> str:
    name = story.get("company")
    if "简称" in name:  # the abbreviation the full name declares
        return str(name.split("简称", 1)[1].strip(":：)） "))
    start = story.rng.randrange(2, max(len(name) - 4, 3))
    return str(name[start : start + story.rng.randint(2, 4)])


def _customer_name(story: _Story) -> str:
    if story.get("person"):
        return valid("person_name", story.rng)
    return str(story.get("company"))


def _identifier(story: _Story) -> str:
    if story.get("person"):
        born = _day(story.rng, datetime.date(1950, 1, 1), _years_before(story.today, 18))
        return valid("ric", story.rng, birth_date=born)
    return valid("uscc", story.rng)


def _budget(story: _Story) -> str:
    offered = story.choices("budget_range", ("1-5万",))
    fits = policies.BUDGET_BY_DEMAND.allowed.get(story.get("demand"), offered)
    return story.rng.choice([b for b in offered if b in fits] or list(offered))


def _follow_up(story: _Story) -> datetime.date:
    start = story.get("cooperation") if "cooperation_start" in story.form.keys else None
    return _day(story.rng, start or story.get("established"), story.today)


# Values of the standard forms' fields by key; every other field by its validator.
_BY_KEY: Mapping[str, Callable[[_Story], Any]] = {
    "customer_type": lambda s: s.get("customer_type"),
    "customer_name": _customer_name,
    "id_number": _identifier,
    "uscc": lambda s: valid("uscc", s.rng, region=s.get("region")),
    "registered_address": lambda s: s.get("address"),
    "address": lambda s: s.get("address"),
    "short_name": _short_name,
    "established_on": lambda s: s.get("established").isoformat(),
    "cooperation_start": lambda s: s.get("cooperation").isoformat(),
    "last_follow_up_on": lambda s: _follow_up(s).isoformat(),
    "customer_level": lambda s: s.get("level"),
    "contract_amount": _amount,
    "contract_no": _code("HT"),
    "archive_no": _code("KH"),
    "phone": lambda s: valid("mobile", s.rng),
    "email": lambda s: valid("email", s.rng),
    "contact_person": lambda s: valid("person_name", s.rng),
    "contact_name": lambda s: valid("person_name", s.rng),
    "collector": lambda s: valid("person_name", s.rng),
    "contact_title": lambda s: s.rng.choice(_TITLES),
    "project": lambda s: s.rng.choice(_PROJECTS),
    "demand_type": lambda s: s.get("demand"),
    "budget_range": _budget,
    "timeline": lambda s: _day(s.rng, s.today, s.today + datetime.timedelta(days=365)).isoformat(),
    "confirmed_at": lambda s: _day(
        s.rng, s.today - datetime.timedelta(days=30), s.today
    ).isoformat(),
    "form_version": lambda s: s.form.version,
}


def _by_kind(f: Field, story: _Story) -> Any:
    if not isinstance(f.kind, str):
        raise CannotGenerate(f"field {f.key!r} has a check function of its own; no generator")
    options = dict(f.options)
    if f.choices:
        options["choices"] = f.choices
    module = validator(f.kind)
    accepted = inspect.signature(module.generate).parameters
    return module.generate(story.rng, **{k: v for k, v in options.items() if k in accepted})


def _value(f: Field, story: _Story) -> Any:
    make = _BY_KEY.get(f.key)
    return make(story) if make is not None else _by_kind(f, story)


# -- errors -------------------------------------------------------------------

Spoil = Callable[[dict[str, Any], _Story], "str | None"]


def _first(record: Mapping[str, Any], keys: tuple[str, ...]) -> str | None:
    return next((k for k in keys if k in record), None)


def _missing(record: dict[str, Any], story: _Story) -> str | None:
    present = [k for k in story.form.required if k in record]
    if not present:
        return None
    key = story.rng.choice(present)
    del record[key]
    return key


def _checksum(record: dict[str, Any], story: _Story) -> str | None:
    key = _first(record, ("id_number", "uscc"))
    if key is None:
        return None
    value = str(record[key])
    alphabet = "0123456789X" if value[:17].isdigit() else "0123456789ABCDEFGHJKLMNPQRTUWXY"
    record[key] = value[:-1] + story.rng.choice(alphabet.replace(value[-1], ""))
    return key


def _length(record: dict[str, Any], story: _Story) -> str | None:
    key = _first(record, ("id_number", "uscc"))
    if key is None:
        return None
    record[key] = mutations.truncation(str(record[key]), story.rng)
    return key


def _phone(record: dict[str, Any], story: _Story) -> str | None:
    if "phone" not in record:
        return None
    number = str(record["phone"])
    record["phone"] = story.rng.choice((number[:-1], number + "9"))
    return "phone"


def _email(record: dict[str, Any], story: _Story) -> str | None:
    if "email" not in record:
        return None
    address = str(record["email"])
    local, _, domain = address.rpartition("@")
    record["email"] = story.rng.choice((local + domain, f"{local}@@{domain}", f"{local}@"))
    return "email"


def _dates(story: _Story) -> tuple[str, ...]:
    return tuple(f.key for f in story.form.fields if f.kind == "dates")


def _date(record: dict[str, Any], story: _Story) -> str | None:
    key = _first(record, tuple(k for k in _dates(story) if k in story.form.required))
    if key is None:
        return None
    year = story.rng.randint(2001, 2023)
    record[key] = story.rng.choice(
        (f"{year}-02-30", f"{year}-13-01", f"{year}-04-31", f"{year + (year % 4 == 0)}-02-29")
    )
    return key


def _future(record: dict[str, Any], story: _Story) -> str | None:
    bounded = [f.key for f in story.form.fields if f.options.get("not_after_today")]
    key = _first(record, tuple(k for k in bounded if k in story.form.required))
    if key is None:
        return None
    record[key] = _day(
        story.rng,
        story.today + datetime.timedelta(days=1),
        story.today + datetime.timedelta(days=900),
    ).isoformat()
    return key


def _choice(record: dict[str, Any], story: _Story) -> str | None:
    keys = [f.key for f in story.form.fields if f.kind == "choices" and f.required]
    key = _first(record, tuple(keys))
    if key is None:
        return None
    record[key] = story.rng.choice(("其他", "未知", "待定", "N/A"))
    return key


def _industry(record: dict[str, Any], story: _Story) -> str | None:
    if "industry" not in record:
        return None
    record["industry"] = story.rng.choice(("宇宙开发业", "Z99", "99", "区块链元宇宙"))
    return "industry"


def _float(record: dict[str, Any], story: _Story) -> str | None:
    if "phone" not in record:
        return None
    record["phone"] = float(str(record["phone"]))
    return "phone"


_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def _uscc_like(code: str) -> bool:
    """The GB 32100-2015 MOD 31-3 check alone (what tells a USCC from other numbers)."""
    if len(code) != 18 or any(c not in _USCC_ALPHABET for c in code):
        return False
    total = sum(_USCC_ALPHABET.index(c) * pow(3, i, 31) for i, c in enumerate(code[:17]))
    return code[17] == _USCC_ALPHABET[-total % 31]


def _ric_like(code: str) -> bool:
    """The GB 11643-1999 MOD 11-2 check and a birth date: what tells a resident ID."""
    if len(code) != 18 or not code[:17].isdigit():
        return False
    total = sum(int(c) * pow(2, 17 - i, 11) for i, c in enumerate(code[:17]))
    try:
        datetime.date(int(code[6:10]), int(code[10:12]), int(code[12:14]))
    except ValueError:
        return False
    return code[17] == "10X98765432"[total % 11]


def _unambiguous(make: Callable[[], str], other: Callable[[str], bool]) -> str:
    for _ in range(32):
        code = make()
        if not other(code):
            return code
    raise CannotGenerate("no identifier that only one standard accepts")  # pragma: no cover


def _rule(record: dict[str, Any], story: _Story) -> str | None:
    if "customer_type" in record and "id_number" in record:
        # an enterprise that gave its representative's resident ID, or a person
        # who gave the company's USCC
        if record["customer_type"] == "企业":
            born = _day(story.rng, datetime.date(1950, 1, 1), _years_before(story.today, 18))
            make = lambda: valid("ric", story.rng, birth_date=born)  # noqa: E731
            record["id_number"] = _unambiguous(make, _uscc_like)
        else:
            record["id_number"] = _unambiguous(lambda: valid("uscc", story.rng), _ric_like)
        return "id_number"
    if "established_on" in record and "cooperation_start" in record:
        start = datetime.date.fromisoformat(record["cooperation_start"])
        if start >= story.today:
            return None
        later = _day(story.rng, start + datetime.timedelta(days=1), story.today)
        record["established_on"] = later.isoformat()
        return "cooperation_start"
    return None


_SPOILERS: Mapping[str, Spoil] = {
    "missing": _missing,
    "checksum": _checksum,
    "length": _length,
    "phone": _phone,
    "email": _email,
    "date": _date,
    "future": _future,
    "choice": _choice,
    "industry": _industry,
    "float": _float,
    "rule": _rule,
}
# The fields an error needs in the record (they are generated even when optional).
_NEEDS: Mapping[str, tuple[str, ...]] = {
    "phone": ("phone",),
    "float": ("phone",),
    "email": ("email",),
    "rule": ("customer_type", "id_number", "established_on", "cooperation_start"),
}


def record_errors(form: Form | str) -> tuple[str, ...]:
    """The kinds of error (keys of :data:`RECORD_ERRORS`) that ``form``'s fields allow."""
    f = _form(form)
    keys = set(f.keys)
    required = set(f.required)
    dated = {x.key for x in f.fields if x.kind == "dates"} & required
    future = {x.key for x in f.fields if x.options.get("not_after_today")} & required
    ids = keys & {"id_number", "uscc"}
    possible = {
        "missing": bool(required),
        "checksum": bool(ids),
        "length": bool(ids),
        "phone": "phone" in keys,
        "email": "email" in keys,
        "date": bool(dated),
        "future": bool(future),
        "choice": any(x.kind == "choices" and x.required for x in f.fields),
        "industry": "industry" in keys,
        "float": "phone" in keys,
        "rule": {"customer_type", "id_number"} <= keys
        or {"established_on", "cooperation_start"} <= keys,
    }
    return tuple(e for e in RECORD_ERRORS if possible[e])


def _name(f: Field, keys: Keys, rng: random.Random) -> str:
    if keys == "label" or (keys == "mixed" and rng.random() < 0.5):
        return f.label
    return f.key


def record_case(
    form: Form | str,
    rng: random.Random,
    *,
    error: str | None = None,
    keys: Keys = "key",
    optional: float = 0.5,
    today: datetime.date = TODAY,
) -> RecordCase:
    """A record of ``form`` (a :class:`~custinfo.Form` or a registered name) and
    where its error is. Optional fields are present with probability ``optional``;
    ``keys`` names fields by ``"key"``, Chinese ``"label"`` or ``"mixed"``.

    Raises :class:`~custinfo.testing.CannotGenerate` when a validator the record
    needs is not available, and ``ValueError`` for an error the form cannot hold.
    """
    f = _form(form)
    if error is not None and error not in record_errors(f):
        raise ValueError(f"form {f.name!r} cannot hold error {error!r}; use {record_errors(f)}")
    story = _Story(f, rng, today)
    wanted = set(_NEEDS.get(error or "", ()))
    values: dict[str, Any] = {}
    for fld in f.fields:
        if fld.required or fld.key in wanted:
            values[fld.key] = _value(fld, story)
        elif rng.random() < optional:
            try:
                values[fld.key] = _value(fld, story)
            except CannotGenerate:  # an optional field whose validator is not here yet
                continue
    field = _SPOILERS[error](values, story) if error is not None else None
    if error is not None and field is None:
        raise ValueError(f"form {f.name!r} cannot hold error {error!r} in this record")
    by_key = {fld.key: fld for fld in f.fields}
    named = {_name(by_key[k], keys, rng): v for k, v in values.items()}
    return RecordCase(named, error, field, f.required)


def record(
    form: Form | str,
    rng: random.Random,
    *,
    error: str | None = None,
    keys: Keys = "key",
    optional: float = 0.5,
    today: datetime.date = TODAY,
) -> dict[str, Any]:
    """A record of ``form``: valid, or with one error of kind ``error`` (see
    :data:`RECORD_ERRORS`). Arguments as :func:`record_case`."""
    return record_case(form, rng, error=error, keys=keys, optional=optional, today=today).record
