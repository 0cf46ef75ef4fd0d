"""Duplicate customers across a batch: the same USCC or ID, name, or phone.

The seed's weekly data-admin check sends back duplicate customers. Each record
gives up to three keys; records sharing a key are linked, and linked records
form a group (union-find over hash buckets: linear in the number of records).

>>> from custinfo import forms
>>> groups = find_duplicates([
...     {"客户名称": "北京某某科技有限公司", "电话": "13800138000"},
...     {"customer_name": "北京某某科技有限责任公司", "phone": "+86 138-0013-8000"},
...     {"customer_name": "上海另一家有限公司", "phone": "13900139000"},
... ], forms.enterprise)
>>> [(g.indices, g.keys) for g in groups]
[((0, 1), ('name', 'phone'))]
>>> groups[0].links[1]
Link(key='phone', indices=(0, 1), shown='138****8000')

How keys are compared (the rationale is in ``docs/rules.md``):

- ``id``: upper case without spaces or separators; a 15-digit resident ID
  (GB 11643-1989) is upgraded to its 18-digit form (``19`` inserted before the
  year, the GB 11643-1999 check character appended), so the old and new
  numbers of one person match.
- ``name``: width, brackets and spaces folded (``腾讯科技(深圳)有限公司`` =
  ``腾讯科技（深圳）有限公司`` = ``腾讯科技深圳有限公司``), a ``(简称:…)`` note
  dropped, and the legal form folded where the Company Law makes two spellings
  one form (公司法 2023 第七条: 有限责任公司 = 有限公司, 股份有限公司 = 股份公司).
  A person's name is not a key: many people share one (records whose customer
  type is 个人 are matched by ID and phone only).
- ``phone``: digits only, the country code (+86, 0086) dropped, an extension
  (转 123, ext. 123) ignored; several numbers in one cell are all keys.

Placeholders made of one repeated character (00000000000) are no key.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from attrs import define

from custinfo import masking, normalize
from custinfo.findings import Finding, Severity

if TYPE_CHECKING:
    from custinfo.model import Form

__all__ = [
    "FIELDS",
    "KEYS",
    "MESSAGES",
    "DuplicateGroup",
    "Link",
    "find_duplicates",
    "id_key",
    "name_key",
    "phone_keys",
]

KEYS = ("id", "name", "phone")
"""The kinds of key records are matched on, in the order groups list them."""

FIELDS: Mapping[str, tuple[str, ...]] = {
    "id": ("uscc", "id_number"),
    "name": ("customer_name",),
    "phone": ("phone",),
}
"""The form fields each key is read from (those the form has)."""

_LABELS = {
    "id": ("证件号码", "ID"),
    "name": ("名称", "name"),
    "phone": ("电话", "phone"),
}

MESSAGES = {
    "duplicate.customer": (
        "疑似重复客户:第 {records} 条记录的{keys_zh}相同",
        "Possible duplicate customer: records {records} share the same {keys_en}",
    ),
}

_MAX = 200  # longer cells are not names, IDs or phones


@define(frozen=True, slots=True)
class Link:
    """Records that share one key value; ``shown`` is that value masked."""

    key: str
    indices: tuple[int, ...]
    shown: str


@define(frozen=True, slots=True)
class DuplicateGroup:
    """Records that are probably one customer: positions in the input, the kinds of
    key that linked them and the links themselves (values masked)."""

    indices: tuple[int, ...]
    keys: tuple[str, ...]
    links: tuple[Link, ...]

    def to_finding(self, first_row: int = 1) -> Finding:
        """A record-level ``duplicate.customer`` warning; rows numbered from ``first_row``."""
        return Finding(
            None,
            "duplicate.customer",
            Severity.WARNING,
            {
                "records": [i + first_row for i in self.indices],
                "keys": list(self.keys),
                "keys_zh": [_LABELS[k][0] for k in self.keys],
                "keys_en": [_LABELS[k][1] for k in self.keys],
            },
        )


# -- keys ---------------------------------------------------------------------

_RIC_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_LEGACY_DATE = re.compile(r"\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])")


def _text(value: object) -> str | None:
    raw = normalize.as_text(value)
    if raw is None or len(raw) > _MAX:
        return None
    return raw


def _placeholder(key: str) -> bool:
    return not key or key.count(key[0]) == len(key)


def id_key(value: object) -> str | None:
    """The comparable form of a USCC or personal ID (None: no usable key).

    >>> id_key(" 9135 0100-M000 100Y43"), id_key("110105491231002")
    ('91350100M000100Y43', '11010519491231002X')
    """
    raw = _text(value)
    if raw is None:
        return None
    key = raw.upper() if raw.isascii() and raw.isalnum() else normalize.compact(raw).upper()
    if len(key) == 15 and key.isdigit() and _LEGACY_DATE.fullmatch(key[6:12]):
        body = key[:6] + "19" + key[6:]
        key = (
            body
            + "10X98765432"[sum(int(c) * w for c, w in zip(body, _RIC_WEIGHTS, strict=True)) % 11]
        )
    return None if len(key) < 6 or _placeholder(key) else key


_ANNOTATION = re.compile(r"\((?:以下)?简称[^)]*\)")
_NAME_DROP = re.compile(r"[\s()\"'“”‘’·.,:;_\-]")
_LEGAL_FORMS = (("有限责任公司", "有限公司"), ("股份公司", "股份有限公司"))


def name_key(value: object) -> str | None:
    """The comparable form of an organization's name (None: no usable key).

    >>> name_key("腾讯科技（深圳） 有限责任公司【简称:腾讯】")
    '腾讯科技深圳有限公司'
    """
    raw = _text(value)
    if raw is None:
        return None
    text = _ANNOTATION.sub("", normalize.brackets(normalize.nfc(raw)))
    key = _NAME_DROP.sub("", text).casefold()
    for long_form, canonical in _LEGAL_FORMS:
        if key.endswith(long_form) and not key.endswith(canonical):
            key = key[: -len(long_form)] + canonical
            break
    return None if len(key) < 2 or _placeholder(key) else key


_PHONE_SPLIT = re.compile(r"[,;/]")
_EXTENSION = re.compile(r"(?:转|分机|ext\.?|x|#).*$", re.I)
_NOT_DIGIT = re.compile(r"\D")


def phone_keys(value: object) -> tuple[str, ...]:
    """The comparable forms of the phone numbers in a cell.

    >>> phone_keys("+86 138 0013 8000; 010-6552 9988 转 12")
    ('13800138000', '01065529988')
    """
    raw = _text(value)
    if raw is None:
        return ()
    if len(raw) == 11 and raw.isascii() and raw.isdigit() and raw[0] == "1":
        return () if _placeholder(raw) else (raw,)  # the common case: a bare mobile number
    keys = []
    for part in _PHONE_SPLIT.split(normalize.punctuation(raw)):
        number = _EXTENSION.sub("", part.strip())
        international = number.startswith("+") or number.startswith("00")
        digits = _NOT_DIGIT.sub("", number)
        if digits.startswith("0086"):
            digits, international = digits[4:], True
        elif digits.startswith("86") and (international or len(digits) == 13):
            digits, international = digits[2:], True
        mobile = len(digits) == 11 and digits.startswith("1")
        if international and not mobile:
            digits = "0" + digits  # +86 10 … is the landline 010 …
        if 7 <= len(digits) <= 12 and not _placeholder(digits):
            keys.append(digits)
    return tuple(dict.fromkeys(keys))


# -- grouping -------------------------------------------------------------------


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, i: int) -> int:
        parent = self.parent
        root = parent.setdefault(i, i)
        while root != parent[root]:
            parent[root] = parent[parent[root]]  # path halving
            root = parent[root]
        return root

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)  # the earliest record is the root


_MASKS: Mapping[str, Callable[[str], str]] = {
    "id": masking.identifier,
    "name": masking.name,
    "phone": masking.phone,
}


def _columns(form: Form, fields: Mapping[str, Sequence[str]]) -> Callable[[object], str | None]:
    wanted = {k for keys in fields.values() for k in keys} | {"customer_type"}

    @functools.lru_cache(maxsize=1024)
    def column(name: object) -> str | None:
        key = form.plan.resolve(name)
        return key if key in wanted else None

    def safe(name: object) -> str | None:
        try:
            return column(name)
        except TypeError:  # an unhashable column name
            return None

    return safe


@functools.lru_cache(maxsize=256)
def _is_person(value: str) -> bool:
    from custinfo.validators import choices

    return bool(choices.check(value, choices="customer_type").value == "个人")


def _record_keys(
    record: Mapping[Any, Any],
    column: Callable[[object], str | None],
    fields: Mapping[str, Sequence[str]],
) -> Iterable[tuple[str, str]]:
    values: dict[str, Any] = {}
    for name, value in record.items():
        key = column(name)
        if key is not None and value is not None:
            values.setdefault(key, value)
    kind = _text(values.get("customer_type"))
    person = kind is not None and _is_person(kind)
    for field in fields.get("id", ()):
        found = id_key(values.get(field))
        if found:
            yield "id", found
    if not person:
        for field in fields.get("name", ()):
            found = name_key(values.get(field))
            if found:
                yield "name", found
    for field in fields.get("phone", ()):
        for found in phone_keys(values.get(field)):
            yield "phone", found


def find_duplicates(
    records: Iterable[object],
    form: Form,
    *,
    fields: Mapping[str, Sequence[str]] | None = None,
) -> list[DuplicateGroup]:
    """Groups of records that share a USCC/ID, a normalized name or a phone.

    ``records`` are mappings keyed by field keys or Chinese labels (as for
    ``form.validate``); anything else is skipped. ``fields`` maps each kind of
    key (``id``, ``name``, ``phone``) to the form fields it is read from
    (default :data:`FIELDS`, limited to the form's fields). Groups come in the
    order of their first record; indices are positions in ``records``.
    """
    chosen = {
        kind: tuple(k for k in (fields or FIELDS).get(kind, ()) if k in form.keys) for kind in KEYS
    }
    column = _columns(form, chosen)
    first: dict[tuple[str, str], int] = {}
    shared: dict[tuple[str, str], list[int]] = {}
    links = _UnionFind()
    for index, record in enumerate(records):
        if not isinstance(record, Mapping):
            continue
        for bucket in _record_keys(record, column, chosen):
            seen = first.setdefault(bucket, index)
            if seen != index:
                shared.setdefault(bucket, [seen]).append(index)
                links.union(seen, index)
    return _groups(shared, links)


def _groups(shared: Mapping[tuple[str, str], list[int]], links: _UnionFind) -> list[DuplicateGroup]:
    members: dict[int, set[int]] = {}
    found: dict[int, list[Link]] = {}
    for (kind, value), indices in shared.items():
        unique = tuple(dict.fromkeys(indices))
        if len(unique) < 2:
            continue  # one record giving the same key twice (two phone columns)
        root = links.find(unique[0])
        members.setdefault(root, set()).update(unique)
        found.setdefault(root, []).append(Link(kind, unique, _MASKS[kind](value)))
    groups = []
    for root in sorted(members):
        group_links = sorted(found[root], key=lambda link: (KEYS.index(link.key), link.indices))
        kinds = tuple(k for k in KEYS if any(link.key == k for link in group_links))
        groups.append(DuplicateGroup(tuple(sorted(members[root])), kinds, tuple(group_links)))
    return groups
