"""The kinds of error a generated record can carry, and how each is put in."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from typing import Any

from custinfo.model import Form
from custinfo.testing import mutations
from custinfo.testing._story import Story, day_between, form_of, years_before
from custinfo.testing.values import CannotGenerate, valid

__all__ = ["NEEDS", "RECORD_ERRORS", "SPOILERS", "record_errors"]

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

Spoil = Callable[[dict[str, Any], Story], "str | None"]


def _first(record: Mapping[str, Any], keys: tuple[str, ...]) -> str | None:
    return next((k for k in keys if k in record), None)


def _missing(record: dict[str, Any], story: Story) -> str | None:
    present = [k for k in story.form.required if k in record]
    if not present:
        return None
    key = story.rng.choice(present)
    del record[key]
    return key


def _checksum(record: dict[str, Any], story: Story) -> str | None:
    key = _first(record, ("id_number", "uscc"))
    if key is None:
        return None
    value = str(record[key])
    alphabet = "0123456789X" if value[:17].isdigit() else "0123456789ABCDEFGHJKLMNPQRTUWXY"
    record[key] = value[:-1] + story.rng.choice(alphabet.replace(value[-1], ""))
    return key


def _length(record: dict[str, Any], story: Story) -> str | None:
    key = _first(record, ("id_number", "uscc"))
    if key is None:
        return None
    record[key] = mutations.truncation(str(record[key]), story.rng)
    return key


def _phone(record: dict[str, Any], story: Story) -> str | None:
    if "phone" not in record:
        return None
    number = str(record["phone"])
    record["phone"] = story.rng.choice((number[:-1], number + "9"))
    return "phone"


def _email(record: dict[str, Any], story: Story) -> str | None:
    if "email" not in record:
        return None
    address = str(record["email"])
    local, _, domain = address.rpartition("@")
    record["email"] = story.rng.choice((local + domain, f"{local}@@{domain}", f"{local}@"))
    return "email"


def _dates(story: Story) -> tuple[str, ...]:
    return tuple(f.key for f in story.form.fields if f.kind == "dates")


def _date(record: dict[str, Any], story: Story) -> str | None:
    key = _first(record, tuple(k for k in _dates(story) if k in story.form.required))
    if key is None:
        return None
    year = story.rng.randint(2001, 2023)
    record[key] = story.rng.choice(
        (f"{year}-02-30", f"{year}-13-01", f"{year}-04-31", f"{year + (year % 4 == 0)}-02-29")
    )
    return key


def _future(record: dict[str, Any], story: Story) -> str | None:
    bounded = [f.key for f in story.form.fields if f.options.get("not_after_today")]
    key = _first(record, tuple(k for k in bounded if k in story.form.required))
    if key is None:
        return None
    record[key] = day_between(
        story.rng,
        story.today + datetime.timedelta(days=1),
        story.today + datetime.timedelta(days=900),
    ).isoformat()
    return key


def _choice(record: dict[str, Any], story: Story) -> str | None:
    keys = [f.key for f in story.form.fields if f.kind == "choices" and f.required]
    key = _first(record, tuple(keys))
    if key is None:
        return None
    record[key] = story.rng.choice(("其他", "未知", "待定", "N/A"))
    return key


def _industry(record: dict[str, Any], story: Story) -> str | None:
    if "industry" not in record:
        return None
    record["industry"] = story.rng.choice(("宇宙开发业", "Z99", "99", "区块链元宇宙"))
    return "industry"


def _float(record: dict[str, Any], story: Story) -> str | None:
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


# Regions of registration tried in turn: each changes a USCC's check character.
_REGIONS = ("110105", "310115", "440305", "330106", "510107", "420106", "320102", "370102")


def _unambiguous(make: Callable[[int], str], other: Callable[[str], bool]) -> str:
    # Attempt k changes the value deterministically (not only through the random
    # generator, which hypothesis may make return the same draws every time).
    for k in range(32):
        code = make(k)
        if not other(code):
            return code
    raise CannotGenerate("no identifier that only one standard accepts")  # pragma: no cover


def _rule(record: dict[str, Any], story: Story) -> str | None:
    if "customer_type" in record and "id_number" in record:
        # an enterprise that gave its representative's resident ID, or a person
        # who gave the company's USCC
        if record["customer_type"] == "企业":
            born = day_between(story.rng, datetime.date(1950, 1, 1), years_before(story.today, 18))
            record["id_number"] = _unambiguous(
                lambda k: valid("ric", story.rng, birth_date=born - datetime.timedelta(days=k)),
                _uscc_like,
            )
        else:
            record["id_number"] = _unambiguous(
                lambda k: valid("uscc", story.rng, region=_REGIONS[k % len(_REGIONS)]),
                _ric_like,
            )
        return "id_number"
    if "established_on" in record and "cooperation_start" in record:
        start = datetime.date.fromisoformat(record["cooperation_start"])
        if start >= story.today:
            return None
        later = day_between(story.rng, start + datetime.timedelta(days=1), story.today)
        record["established_on"] = later.isoformat()
        return "cooperation_start"
    return None


SPOILERS: Mapping[str, Spoil] = {
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
NEEDS: Mapping[str, tuple[str, ...]] = {
    "phone": ("phone",),
    "float": ("phone",),
    "email": ("email",),
    "rule": ("customer_type", "id_number", "established_on", "cooperation_start"),
}


def record_errors(form: Form | str) -> tuple[str, ...]:
    """The kinds of error (keys of :data:`RECORD_ERRORS`) that ``form``'s fields allow."""
    f = form_of(form)
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
