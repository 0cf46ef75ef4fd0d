"""Data the business should not collect, found in free text: bank cards, ID numbers, passports.

The collection seed forbids collecting what the business does not need (a bank
card number, for one). :func:`scan` finds, in linear time:

- ``bank_card``: 16–19 digits passing the Luhn check (ISO/IEC 7812), written
  together or in groups of four (``6222 0212 3456 7890 123``);
- ``resident_id``: 18-character resident ID numbers (GB 11643) with a valid
  MOD 11-2 check character, a real birth date and a province code, together or
  grouped 6-8-4 / 6-4-4-4; also the 2023 permanent residence ID for foreigners;
- ``passport``: Chinese passport numbers (``E12345678``, ``EA1234567``, ``G12345678``)
  right after the word 护照 or "passport" (alone they look like any other code).

Findings say what was found and where, never the digits; :func:`redact` masks the
spans. Phone numbers are not flagged: the forms collect them on purpose.

>>> check("客户卡号 6200 0000 0000 0005,请回电").problems[0].params["kind"]
'bank_card'
>>> redact("身份证11010519491231002X")
'身份证******************'
>>> is_valid("约定下周回访")
True
"""

from __future__ import annotations

import datetime
import random
import re
from collections.abc import Collection, Iterator
from typing import Literal

from attrs import define

from custinfo import masking, normalize
from custinfo.findings import Check, InvalidValue, Problem
from custinfo.validators import ric
from custinfo.validators import text as text_validator

__all__ = [
    "KINDS",
    "MAX_LENGTH",
    "MESSAGES",
    "InvalidSensitive",
    "Match",
    "check",
    "compact",
    "format",
    "generate",
    "is_valid",
    "mask",
    "redact",
    "scan",
    "validate",
]

Kind = Literal["bank_card", "resident_id", "passport"]
KINDS: tuple[Kind, ...] = ("bank_card", "resident_id", "passport")
"""Every kind :func:`scan` knows."""

MAX_LENGTH = 1_000_000
"""Longest text :func:`scan` and :func:`redact` accept (characters)."""

MESSAGES = {
    "sensitive.type": ("文本字段的值类型不正确", "Text value has the wrong type"),
    "sensitive.too_long": (
        "文本过长(最多 {max_length} 字符)",
        "Text is too long (at most {max_length} characters)",
    ),
    "sensitive.bank_card": (
        "文本含有银行卡号(位置 {start}–{end}),业务不需要收集,请删除",
        "Text contains a bank card number (offsets {start}–{end}); it must not be collected",
    ),
    "sensitive.resident_id": (
        "文本含有身份证号码(位置 {start}–{end}),此处不应收集,请删除",
        "Text contains a resident ID number (offsets {start}–{end}); it must not be collected here",
    ),
    "sensitive.passport": (
        "文本含有护照号码(位置 {start}–{end}),此处不应收集,请删除",
        "Text contains a passport number (offsets {start}–{end}); it must not be collected here",
    ),
}


class InvalidSensitive(InvalidValue):
    """Text that contains data the business should not collect."""


@define(frozen=True, slots=True)
class Match:
    """Where :func:`scan` found something: ``text[start:end]`` (separators included)."""

    kind: Kind
    start: int
    end: int


# Full-width digits, X, dashes and the ideographic space, one character for one, so
# positions in the folded text are positions in the text as given.
_FOLD = str.maketrans(
    {0xFF10 + i: ord("0") + i for i in range(10)}
    | {0xFF38: ord("X"), 0xFF58: ord("x"), 0xFF0D: ord("-"), 0x3000: ord(" ")}
)
_WIDE = re.compile("[\uff10-\uff19\uff38\uff58\uff0d\u3000]")
# A run of digits with single spaces or hyphens between them, not touching letters or
# digits on either side. The look-behinds come after the first digit (so the engine only
# stops at digits), and the second keeps "1 2 3 …" from restarting at every digit: linear.
_RUN = re.compile(
    r"[0-9](?<![0-9A-Za-z][0-9])(?<![0-9][ \-][0-9])(?:[ \-]?[0-9])*[Xx]?(?![0-9A-Za-z])"
)
_GROUP = re.compile(r"[0-9]+[Xx]?")
_PASSPORT = re.compile(
    r"(?:护照|passport)[\s:：#]{0,2}(?:号码|号|no\.?|number)?[\s:：#]{0,3}"
    r"(E[A-HJ-NP-Z0-9][0-9]{7}|G[0-9]{8}|[DSP]E?[0-9]{7})(?![0-9A-Za-z])",
    re.IGNORECASE,
)
_ID_SHAPES = ((6, 8, 4), (6, 4, 4, 4))
# First two digits of resident IDs: provinces (GB/T 2260), 71 Taiwan, and 81/82/83 for
# the residence permits of Hong Kong, Macao and Taiwan residents.
_PROVINCES = frozenset(
    str(n)
    for low, high in (
        (11, 15),
        (21, 23),
        (31, 37),
        (41, 46),
        (50, 54),
        (61, 65),
        (71, 71),
        (81, 83),
    )
    for n in range(low, high + 1)
)


_DOUBLED = {str(d): (2 * d - 9 if d > 4 else 2 * d) for d in range(10)}


def _luhn(digits: str) -> bool:
    """ISO/IEC 7812 check: from the right, every second digit doubled (digit sum)."""
    kept = sum(map(int, digits[-1::-2]))
    return (kept + sum(_DOUBLED[c] for c in digits[-2::-2])) % 10 == 0


def _resident_id(chars: str) -> bool:
    """MOD 11-2 check character (GB 11643 / ISO 7064), a real birth date, a known start."""
    if len(chars) != 18 or not chars[:17].isdigit():
        return False
    # Foreigners' permanent residence IDs (2023) start with 9, then the province code.
    province = chars[1:3] if chars[0] == "9" else chars[:2]
    if province not in _PROVINCES:
        return False
    try:
        born = datetime.date(int(chars[6:10]), int(chars[10:12]), int(chars[12:14]))
    except ValueError:
        return False
    if born.year < 1800:
        return False
    return chars[17].upper() == ric.calc_check_digit(chars)


def _kind(groups: list[re.Match[str]]) -> Kind | None:
    chars = "".join(g[0] for g in groups)
    if _resident_id(chars):
        return "resident_id"
    if 16 <= len(chars) <= 19 and chars.isdigit() and _luhn(chars):
        return "bank_card"
    return None


def _ends(sizes: list[int], i: int) -> list[int]:
    """Where a candidate starting at group ``i`` may end, longest first, by shape alone:
    one block of 16–19, four blocks of 4 and a last of 1–3 (or none), 6-8-4, 6-4-4-4."""
    ends = []
    if 16 <= sizes[i] <= 19:
        ends.append(i + 1)
    if sizes[i : i + 4] == [4, 4, 4, 4]:
        ends.append(i + 4)
        if i + 4 < len(sizes) and sizes[i + 4] <= 3:
            ends.append(i + 5)
    for shape in _ID_SHAPES:
        if tuple(sizes[i : i + len(shape)]) == shape:
            ends.append(i + len(shape))
    return sorted(ends, reverse=True)


def _in_run(run: re.Match[str], kinds: Collection[str]) -> Iterator[Match]:
    if run[0].isalnum():  # one block, the common case: a phone, an amount, a card
        if 16 <= len(run[0]) <= 19:
            kind = _kind([run])
            if kind is not None and kind in kinds:
                yield Match(kind, run.start(), run.end())
        return
    groups = list(_GROUP.finditer(run[0]))
    sizes = [len(g[0]) for g in groups]
    i = 0
    while i < len(groups):
        for j in _ends(sizes, i):
            kind = _kind(groups[i:j])
            if kind is not None and kind in kinds:
                start, end = groups[i].start(), groups[j - 1].end()
                yield Match(kind, run.start() + start, run.start() + end)
                i = j - 1
                break
        i += 1


def scan(text: str, *, kinds: Collection[str] = KINDS) -> tuple[Match, ...]:
    """Every bank card, resident ID and passport number in ``text``, in order.

    Raises :class:`InvalidSensitive` (``sensitive.too_long``) past :data:`MAX_LENGTH`.

    >>> scan("卡号6212345678901232")
    (Match(kind='bank_card', start=2, end=18),)
    """
    if len(text) > MAX_LENGTH:
        raise InvalidSensitive("sensitive.too_long", {"max_length": MAX_LENGTH})
    folded = text.translate(_FOLD) if _WIDE.search(text) else text
    found = [m for run in _RUN.finditer(folded) for m in _in_run(run, kinds)]
    if "passport" in kinds and ("护照" in folded or "ASSPORT" in folded.upper()):
        found += [Match("passport", m.start(1), m.end(1)) for m in _PASSPORT.finditer(folded)]
    return tuple(sorted(found, key=lambda m: m.start))


def redact(text: str, *, kinds: Collection[str] = KINDS, mask_char: str = "*") -> str:
    """``text`` with every letter and digit of what :func:`scan` finds replaced by ``mask_char``.

    >>> redact("卡号 6200-0000-0000-0005 已作废")
    '卡号 ****-****-****-**** 已作废'
    """
    parts, last = [], 0
    for m in scan(text, kinds=kinds):
        parts.append(text[last : m.start])
        parts.append(re.sub(r"[^\s\-－]", mask_char, text[m.start : m.end]))
        last = m.end
    parts.append(text[last:])
    return "".join(parts)


def compact(value: str) -> str:
    """Width folded, invisible characters removed, whitespace collapsed (as ``text``)."""
    return normalize.text(value)


_MAX_PROBLEMS = 50


def check(value: object, *, kinds: Collection[str] = KINDS, max_length: int = 100_000) -> Check:
    """Check free text; the value is the normalized text, positions index into it."""
    raw = normalize.as_text(value)
    if raw is None:
        return Check(None, (Problem("sensitive.type"),))
    if len(raw) > min(max_length, MAX_LENGTH):
        return Check(None, (Problem("sensitive.too_long", params={"max_length": max_length}),))
    text = compact(raw)
    if text_validator.has_control(text):  # as the text validator: NUL and the like are refused
        return Check(None, (Problem("text.control"),))
    found = scan(text, kinds=kinds)
    problems = tuple(
        Problem(f"sensitive.{m.kind}", params={"kind": m.kind, "start": m.start, "end": m.end})
        for m in found[:_MAX_PROBLEMS]
    )
    return Check(text, problems, info=found)


def validate(value: object, *, kinds: Collection[str] = KINDS, max_length: int = 100_000) -> str:
    """The normalized text, or :class:`InvalidSensitive` when it holds sensitive numbers."""
    result: str = check(value, kinds=kinds, max_length=max_length).unwrap(InvalidSensitive)
    return result


def is_valid(value: object, *, kinds: Collection[str] = KINDS, max_length: int = 100_000) -> bool:
    """True when the text holds none of ``kinds``."""
    return check(value, kinds=kinds, max_length=max_length).ok


def format(value: str) -> str:
    """The normalized text with sensitive numbers masked."""
    return redact(compact(value))


def mask(value: str) -> str:
    """The first two characters of the redacted text (the text itself may be personal)."""
    return masking.text(format(value))


def generate(rng: random.Random) -> str:
    """A note with nothing sensitive in it (valid by definition)."""
    return rng.choice(
        (
            "客户要求下周一前提供报价",
            "已电话沟通,预算约5万元",
            "合同编号HT-2024-005,待盖章",
            "联系人13800138000,工作日可联系",
            "客户关注交付周期和售后服务",
        )
    )
