"""The facts behind a generated record, and the value of each field drawn from them."""

from __future__ import annotations

import datetime
import inspect
import random
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from custinfo.model import Field, Form
from custinfo.rules import policies
from custinfo.testing.values import CannotGenerate, valid, validator

__all__ = ["Story", "day_between", "form_of", "value_of", "years_before"]

_YEAR = datetime.timedelta(days=365)
_TITLES = ("总经理", "采购经理", "技术总监", "财务主管", "行政专员", "项目经理")
_PROJECTS = ("办公软件采购项目V3.0", "数据中心升级项目", "年度运维服务", "安全审计咨询")


def form_of(form: Form | str) -> Form:
    """``form`` itself, or the registered form of that name."""
    if isinstance(form, Form):
        return form
    from custinfo import forms

    return forms.get(form)


def day_between(rng: random.Random, start: datetime.date, end: datetime.date) -> datetime.date:
    """A day from ``start`` to ``end`` inclusive (``start`` when the range is empty)."""
    return start + datetime.timedelta(days=rng.randrange(max((end - start).days, 0) + 1))


def years_before(day: datetime.date, years: int) -> datetime.date:
    """The same calendar day ``years`` earlier (28 February for a 29th)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


class Story:
    """The facts behind one record, drawn lazily so each field reads the same story."""

    def __init__(self, form: Form, rng: random.Random, today: datetime.date) -> None:
        self.form, self.rng, self.today = form, rng, today
        self.cache: dict[str, Any] = {}

    def get(self, fact: str) -> Any:
        """A fact of the story, drawn on first use (``level``, ``established``…)."""
        if fact not in self.cache:
            self.cache[fact] = getattr(self, "_" + fact)()
        return self.cache[fact]

    def choices(self, key: str, default: tuple[str, ...]) -> tuple[str, ...]:
        """The form's choices for field ``key``, else ``default``."""
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
        latest = years_before(self.today, years)
        return day_between(self.rng, datetime.date(1985, 1, 1), latest)

    def _cooperation(self) -> datetime.date:
        wanted = policies.LEVEL_CRITERIA.criteria.get(self.get("level"))
        latest = years_before(self.today, wanted.min_years if wanted else 0)
        return day_between(self.rng, self.get("established"), latest)

    def _demand(self) -> str:
        return self.rng.choice(self.choices("demand_type", ("产品采购",)))

    def _company(self) -> str:
        return valid("company_name", self.rng)


def _amount(story: Story) -> str:
    band = policies.AMOUNT_BY_LEVEL.bands.get(story.get("level"))
    low = band.low if band and band.low is not None else Decimal(1000)
    high = band.high if band and band.high is not None else max(low * 20, Decimal(10**7))
    wan = story.rng.randint(int(low / 10_000) or 1, int(high / 10_000))
    return story.rng.choice((f"{wan}万元", f"{wan * 10_000}", f"¥{wan * 10_000:,}.00"))


def _code(prefix: str) -> Callable[[Story], str]:
    def make(story: Story) -> str:
        years = (story.get("established").year, story.today.year)
        return str(valid("codes", story.rng, prefix=prefix, years=years))

    return make


def _short_name(story: Story) -> str:
    name = story.get("company")
    if "简称" in name:  # the abbreviation the full name declares
        return str(name.split("简称", 1)[1].strip(":：)） "))
    start = story.rng.randrange(2, max(len(name) - 4, 3))
    return str(name[start : start + story.rng.randint(2, 4)])


def _customer_name(story: Story) -> str:
    if story.get("person"):
        return valid("person_name", story.rng)
    return str(story.get("company"))


def _identifier(story: Story) -> str:
    if story.get("person"):
        born = day_between(story.rng, datetime.date(1950, 1, 1), years_before(story.today, 18))
        return valid("ric", story.rng, birth_date=born)
    return valid("uscc", story.rng)


def _budget(story: Story) -> str:
    offered = story.choices("budget_range", ("1-5万",))
    fits = policies.BUDGET_BY_DEMAND.allowed.get(story.get("demand"), offered)
    return story.rng.choice([b for b in offered if b in fits] or list(offered))


def _follow_up(story: Story) -> datetime.date:
    start = story.get("cooperation") if "cooperation_start" in story.form.keys else None
    return day_between(story.rng, start or story.get("established"), story.today)


# Values of the standard forms' fields by key; every other field by its validator.
_BY_KEY: Mapping[str, Callable[[Story], Any]] = {
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
    "timeline": lambda s: day_between(
        s.rng, s.today, s.today + datetime.timedelta(days=365)
    ).isoformat(),
    "confirmed_at": lambda s: day_between(
        s.rng, s.today - datetime.timedelta(days=30), s.today
    ).isoformat(),
    "form_version": lambda s: s.form.version,
}


def _by_kind(f: Field, story: Story) -> Any:
    if not isinstance(f.kind, str):
        raise CannotGenerate(f"field {f.key!r} has a check function of its own; no generator")
    options = dict(f.options)
    if f.choices:
        options["choices"] = f.choices
    module = validator(f.kind)
    accepted = inspect.signature(module.generate).parameters
    return module.generate(story.rng, **{k: v for k, v in options.items() if k in accepted})


def value_of(f: Field, story: Story) -> Any:
    """A valid value of field ``f`` that fits the story: by key for the standard
    forms' fields, else by the field's validator."""
    make = _BY_KEY.get(f.key)
    return make(story) if make is not None else _by_kind(f, story)
