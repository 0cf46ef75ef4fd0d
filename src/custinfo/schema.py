"""JSON Schema (draft 2020-12) of a form, derived from its declaration.

The schema describes the *canonical* record: the keys, the Chinese (or English)
labels as titles, the filling rules as descriptions, the required list, the
choice lists as enums, ``format: date`` for dates. custinfo itself is more
lenient than the schema (it accepts Chinese labels as keys, full-width digits,
``2024/1/5``, ``1~5万``… and normalizes them), so a front end that renders a
form from the schema asks for exactly what custinfo would store.

>>> from custinfo import forms
>>> schema = json_schema(forms.get("collection"))
>>> schema["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> schema["required"][:3]
['customer_type', 'customer_name', 'id_number']
>>> schema["properties"]["budget_range"]["enum"]
['1万以下', '1-5万', '5-10万', '10万以上']
>>> json_schema(forms.get("collection"), locale="en")["properties"]["phone"]["title"]
'Phone'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from custinfo.messages import LOCALES
from custinfo.model import Form

__all__ = ["DRAFT", "json_schema"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"
"""The meta-schema every exported schema declares."""

# What is exact about the canonical value of a kind. Only constraints that hold
# for every value custinfo stores are listed: a check digit cannot be a pattern.
_KIND_KEYWORDS: Mapping[str, Mapping[str, Any]] = {
    "dates": {"format": "date"},  # RFC 3339 full-date is YYYY-MM-DD
    "email": {"format": "idn-email"},  # internationalized domains are accepted
    # GB 32100-2015 §4: 31-character alphabet (no I, O, Z, S, V), region digits 3-8.
    "uscc": {"pattern": "^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$"},
    # The stored form of a mainland mobile number: 11 digits starting with 1.
    "mobile": {"pattern": "^1[0-9]{10}$"},
    # GB 11643-1999: 17 digits and a check character; legacy numbers have 15 digits.
    "ric": {"pattern": "^([0-9]{17}[0-9X]|[0-9]{15})$"},
}


def _property(field: Mapping[str, Any], options: Mapping[str, Any], en: bool) -> dict[str, Any]:
    title = (field["label_en"] if en else "") or field["label"]
    description = (field["help_en"] if en else "") or field["help"]
    prop: dict[str, Any] = {"title": title, "type": "string"}
    if description:
        prop["description"] = description
    if field["choices"]:
        prop["enum"] = list(field["choices"])
    prop.update(_KIND_KEYWORDS.get(field["kind"], {}))
    max_length = options.get("max_length")
    if isinstance(max_length, int):
        prop["maxLength"] = max_length
    extra = {"kind": field["kind"], "label": field["label"]}
    extra.update({k: field[k] for k in ("group", "personal") if field[k]})
    if field["aliases"]:
        extra["aliases"] = list(field["aliases"])
    prop["x-custinfo"] = extra
    return prop


def json_schema(form: Form, locale: str = "zh") -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``form``; titles and descriptions in ``locale``.

    Unknown keys are allowed (custinfo reports them as warnings, not errors);
    ``x-custinfo`` annotations carry the validator kind, group, aliases and how
    personal values are masked.
    """
    if locale not in LOCALES:
        raise ValueError(f"locale must be one of {LOCALES}, not {locale!r}")
    en = locale == "en"
    declared = form.to_dict()
    properties = {
        f["key"]: _property(f, form.field(f["key"]).options, en) for f in declared["fields"]
    }
    schema: dict[str, Any] = {
        "$schema": DRAFT,
        "$id": f"urn:custinfo:form:{form.name}:{form.version}",
        "title": (declared["title_en"] if en else "") or declared["title"],
        "type": "object",
        "properties": properties,
        "required": [f["key"] for f in declared["fields"] if f["required"]],
        "x-custinfo": {
            "form": form.name,
            "version": form.version,
            "rules": [r["code"] for r in declared["rules"]],
        },
    }
    if declared["description"]:
        schema["description"] = declared["description"]
    return schema
