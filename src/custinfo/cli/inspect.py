"""``custinfo inspect VALUE``: what a single value is, whether it is valid, and why.

Recognition runs the validators themselves. Identifiers and contacts have
crisp shapes (18 characters, 11 digits, an ``@``…), so a value of that shape is
explained as that kind even when it is invalid ("a resident ID whose check
digit is wrong", not "not recognized"). Free-text kinds (company names,
addresses, person names) have no shape; the first that accepts the value wins.
Validators that are not installed are skipped.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import inspect as _inspect
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs
from attrs import define

from custinfo import masking, normalize, validators
from custinfo.findings import Check, Severity

__all__ = ["KIND_NAMES", "Explanation", "explain"]

KIND_NAMES: Mapping[str, tuple[str, str]] = {
    "uscc": ("统一社会信用代码", "Unified social credit code"),
    "ric": ("居民身份证号码", "Resident ID number"),
    "orgcode": ("组织机构代码", "Organization code"),
    "mobile": ("手机号码", "Mobile number"),
    "landline": ("固定电话", "Landline number"),
    "email": ("电子邮箱", "Email address"),
    "dates": ("日期", "Date"),
    "codes": ("合同/档案编号", "Contract or archive number"),
    "money": ("金额", "Amount of money"),
    "industry": ("行业(GB/T 4754-2017)", "Industry (GB/T 4754-2017)"),
    "company_name": ("企业名称", "Company name"),
    "address": ("地址", "Address"),
    "person_name": ("姓名", "Person's name"),
    "sensitive": ("敏感信息", "Sensitive data"),
    "choices": ("选项", "Choice"),
    "text": ("文本", "Text"),
}
"""Display names of the validator kinds, (Chinese, English)."""

# Values of these kinds are public vocabularies (a GB/T 4754 division, a choice
# label): shown as they are, with their facts. Every other kind may hold or
# reveal personal data (a sole trader's name, a birth date, an amount), so its
# value is masked and its facts — which would undo the mask — are shown only
# with --reveal.
_PUBLIC = frozenset({"industry", "choices"})

_SEPARATORS = re.compile(r"[\s\-‐‑–—_.·/()()]+")
_SHAPES: Mapping[str, Callable[[str, str], bool]] = {
    # Near misses too: a character dropped, doubled or mistyped (a letter O for 0, a
    # check character Y for X) still has the shape, so the explanation names the kind.
    "uscc": lambda t, c: (
        re.fullmatch(r"[0-9A-Z]{16,20}", c) is not None and (len(c) == 18 or not c.isdigit())
    ),
    "ric": lambda t, c: re.fullmatch(r"\d{14,18}[0-9A-Z]", c) is not None,
    "orgcode": lambda t, c: re.fullmatch(r"[0-9A-Z]{8}[0-9X]", c) is not None,
    # 10 or 12 digits starting with 1: a mobile number with a digit dropped or doubled.
    "mobile": lambda t, c: re.fullmatch(r"(?:\+?86|0086)?1\d{9,11}", c.lstrip("+")) is not None,
    "landline": lambda t, c: (
        re.fullmatch(r"(?:\+?86|0086)?0\d{9,11}(?:\d{1,6})?|[48]00\d{7}", c) is not None
    ),
    "email": lambda t, c: "@" in t,
    "dates": lambda t, c: (
        re.fullmatch(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?|\d{8}", t)
        is not None
    ),
    "codes": lambda t, c: re.fullmatch(r"[A-Z]{2}\d{4}\d{2,}", c) is not None,
}
_STRUCTURED = ("uscc", "ric", "orgcode", "mobile", "landline", "email", "dates", "codes")
_FREE = ("money", "industry", "company_name", "address", "person_name")


@define(frozen=True, slots=True)
class Explanation:
    """One kind a value was checked as, and the verdict."""

    kind: str
    valid: bool
    value: str | None
    problems: tuple[tuple[str, Severity, str], ...]
    info: tuple[tuple[str, str], ...]
    info_hidden: bool

    def to_dict(self, locale: str) -> dict[str, Any]:
        """JSON-ready."""
        zh, en = KIND_NAMES.get(self.kind, (self.kind, self.kind))
        return {
            "kind": self.kind,
            "name": zh if locale == "zh" else en,
            "valid": self.valid,
            "value": self.value,
            "problems": [
                {"code": c, "severity": s.value, "message": m} for c, s, m in self.problems
            ],
            "info": dict(self.info) if not self.info_hidden else None,
            "info_hidden": self.info_hidden,
        }


def _identified(value: str) -> list[str]:
    identify = getattr(validators, "identify", None)
    if identify is None:
        return []
    try:
        found = identify(value)
    except Exception:  # a validator still being written must not break inspect
        return []
    try:
        items = list(found.keys() if isinstance(found, Mapping) else found)
    except TypeError:
        return []
    kinds = []
    for item in items:
        # Identification(validator="ric", kind="resident", …): the validator is the kind here.
        kind = item if isinstance(item, str) else getattr(item, "validator", None)
        kind = kind if kind is not None else getattr(item, "kind", None)
        if kind is None and isinstance(item, tuple) and item:
            kind = item[0]
        if isinstance(kind, str):
            kinds.append(kind)
    return kinds


def _module(kind: str) -> Any | None:
    if kind not in validators.available():
        return None
    try:
        return validators.get(kind)
    except ImportError:
        return None


def _run(module: Any, value: str, today: datetime.date) -> Check | None:
    check = getattr(module, "check", None)
    if check is None:
        return None
    accepted: Mapping[str, Any]
    try:
        accepted = _inspect.signature(check).parameters
    except (TypeError, ValueError):
        accepted = {}
    try:
        result = check(value, today=today) if "today" in accepted else check(value)
    except Exception:  # the contract says check never raises; inspect keeps going if one does
        return None
    return result if isinstance(result, Check) else None


def _shown(module: Any, value: object, reveal: bool) -> str | None:
    text = normalize.as_text(value)
    if text is None:
        return None if value is None else str(value)
    if reveal:
        return text
    try:
        masked = module.mask(text)
    except Exception:  # mask may refuse an invalid value; fall back to the generic mask
        masked = None
    return masked if isinstance(masked, str) else masking.text(text)


def _plain(value: Any) -> str:
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(_plain(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def info_items(info: Any) -> tuple[tuple[str, str], ...]:
    """The facts of a validator's ``info`` as (name, text) pairs."""
    if info is None:
        return ()
    if attrs.has(type(info)):
        data: Mapping[str, Any] = attrs.asdict(info, recurse=False)
    elif dataclasses.is_dataclass(info) and not isinstance(info, type):
        data = {f.name: getattr(info, f.name) for f in dataclasses.fields(info)}
    elif isinstance(info, Mapping):
        data = info
    elif isinstance(info, datetime.date):
        data = {"date": info, "weekday": info.isoweekday()}
    else:
        data = {"info": info}
    return tuple((str(k), _plain(v)) for k, v in data.items() if v is not None and v != "")


def _explain(
    kind: str, module: Any, result: Check, raw: str, *, reveal: bool, locale: str
) -> Explanation:
    problems = tuple(
        (p.code, p.severity, _message(p.code, locale, p.params)) for p in result.problems
    )
    value = result.value if result.value is not None else raw
    public = reveal or kind in _PUBLIC
    hidden = not public and result.info is not None
    return Explanation(
        kind,
        result.ok,
        _shown(module, value, public),
        problems,
        () if hidden else info_items(result.info),
        hidden,
    )


def _message(code: str, locale: str, params: Mapping[str, Any]) -> str:
    from custinfo import messages

    return messages.render(code, locale, params)


def _shape_kinds(raw: str) -> list[str]:
    text = normalize.fold_width(raw).strip()
    compact = _SEPARATORS.sub("", text).upper()
    return [k for k in _STRUCTURED if _SHAPES[k](text, compact)]


def explain(
    value: str,
    *,
    kind: str | None = None,
    reveal: bool = False,
    today: datetime.date,
    locale: str = "zh",
) -> list[Explanation]:
    """Check ``value`` as ``kind``, or as every kind it may be.

    The kinds it is valid as, if any; else every kind whose shape it has, each
    with its problems; an empty list when nothing recognized it.
    """
    raw = value[: normalize.MAX_LENGTH]
    if kind is not None:
        kinds: list[str] = [kind]
    else:
        kinds = list(dict.fromkeys([*_identified(raw), *_shape_kinds(raw)]))
    found = _check_all(kinds, raw, reveal, today, locale)
    if kind is None and not found:
        for candidate in _FREE:
            found = _check_all([candidate], raw, reveal, today, locale)
            if found and found[0].valid:
                break
            found = []
    valid = [e for e in found if e.valid]
    if valid:
        return valid
    # The kind with the fewest errors is the likeliest reading of a mistyped value.
    return sorted(found, key=lambda e: sum(sev is Severity.ERROR for _, sev, _ in e.problems))


def _check_all(
    kinds: Sequence[str], raw: str, reveal: bool, today: datetime.date, locale: str
) -> list[Explanation]:
    found = []
    for k in kinds:
        module = _module(k)
        result = _run(module, raw, today) if module is not None else None
        if module is not None and result is not None:
            found.append(_explain(k, module, result, raw, reveal=reveal, locale=locale))
    return found
