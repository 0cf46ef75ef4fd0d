"""Industries of GB/T 4754-2017 (国民经济行业分类): the 20 sections and 97 divisions.

A value is a section or a division, written by code (``I``, ``65``, ``I65``,
``i 65``), by name, or both (``I65 软件和信息技术服务业``). The normalized value is
the standard's name; names of the 2011 edition that changed in 2017 are mapped to
the 2017 division with a warning that names it:

>>> validate("I65")
'软件和信息技术服务业'
>>> c = check("装卸搬运和运输代理业")
>>> c.value, c.problems[0].code, c.problems[0].params["code"]
('多式联运和运输代理业', 'industry.renamed_2011', 'G58')
>>> info("软件和信息技术服务业").section_name
'信息传输、软件和信息技术服务业'
>>> check("物流").problems[0].code
'industry.ambiguous'

Codes are read as 2017 codes: 2017 inserted division 79 (土地管理业) and moved the
2011 divisions 79–96 one up, so ``79`` is 土地管理业. Only where the section letter
shows a 2011 code (``O79``: 79 is not in section O in 2017) or the name given with
the code says so (``79 居民服务业``) is the 2011 reading taken, with a warning.
"""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Iterator, Mapping
from typing import Literal

from attrs import define

from custinfo import normalize
from custinfo.data import read_table
from custinfo.findings import Check, InvalidValue, Problem, Severity

__all__ = [
    "MESSAGES",
    "IndustryInfo",
    "InvalidIndustry",
    "all_industries",
    "check",
    "compact",
    "format",
    "generate",
    "info",
    "is_valid",
    "lookup",
    "mask",
    "short_names",
    "validate",
]

MESSAGES = {
    "industry.type": ("行业值类型不正确", "Industry value has the wrong type"),
    "industry.too_long": ("行业文本过长", "Industry text is too long"),
    "industry.empty": ("行业为空", "Industry is empty"),
    "industry.unknown": (
        "不是《国民经济行业分类》(GB/T 4754-2017)的门类或大类",
        "Not a section or division of GB/T 4754-2017",
    ),
    "industry.unknown_code": (
        "GB/T 4754-2017 没有代码 {code}",
        "GB/T 4754-2017 has no code {code}",
    ),
    "industry.ambiguous": (
        "行业不明确,可能是:{candidates}",
        "Industry is ambiguous; it may be: {candidates}",
    ),
    "industry.section_mismatch": (
        "大类 {division} 属于门类 {section},不属于门类 {given}",
        "Division {division} belongs to section {section}, not {given}",
    ),
    "industry.mismatch": (
        "代码 {code} 是“{name}”,与所填名称不符",
        "Code {code} is “{name}”, which does not match the name given",
    ),
    "industry.renamed_2011": (
        "“{name_2011}”是 GB/T 4754-2011 的名称,2017 版为“{name}”({code})",
        "“{name_2011}” is the GB/T 4754-2011 name; GB/T 4754-2017 calls it “{name}” ({code})",
    ),
    "industry.code_2011": (
        "{code_2011} 是 GB/T 4754-2011 的代码,2017 版为 {code}“{name}”",
        "{code_2011} is a GB/T 4754-2011 code; in GB/T 4754-2017 it is {code} “{name}”",
    ),
    "industry.class_code": (
        "已按大类 {code}“{name}”记录;中类、小类代码未校验",
        "Recorded as division {code} “{name}”; group and class codes are not checked",
    ),
    "industry.variant": (
        "行业写法不规范,已规范为“{name}”({code})",
        "Industry not written as in GB/T 4754-2017; normalized to “{name}” ({code})",
    ),
}

_MAX_LENGTH = 200


class InvalidIndustry(InvalidValue):
    """Not a section or division of GB/T 4754-2017."""


@define(frozen=True, slots=True)
class IndustryInfo:
    """A section (门类) or division (大类) of GB/T 4754-2017."""

    code: str
    """The standard's code: a letter for a section, two digits for a division."""
    name: str
    section: str
    section_name: str
    level: Literal["section", "division"]

    @property
    def full_code(self) -> str:
        """The code with its section letter (``I65``), or the section letter alone."""
        return self.code if self.level == "section" else self.section + self.code


@define(frozen=True, slots=True)
class _Tables:
    by_code: Mapping[str, IndustryInfo]
    by_key: Mapping[str, IndustryInfo]
    renamed: Mapping[str, tuple[str, IndustryInfo]]
    successor: Mapping[str, IndustryInfo]
    section_2011: Mapping[str, str]


def _key(name: str) -> str:
    # Names compare without spaces, punctuation or brackets: 农林牧渔业 is 农、林、牧、渔业.
    return re.sub(r"[\W_]+", "", normalize.brackets(name)).upper()


@functools.cache
def _tables() -> _Tables:
    rows = read_table("gbt4754_2017.csv")
    sections = {code: name for level, code, _, name in rows if level == "section"}
    by_code: dict[str, IndustryInfo] = {}
    for level, code, section, name in rows:
        kind: Literal["section", "division"] = "section" if level == "section" else "division"
        by_code[code] = IndustryInfo(code, name, section, sections[section], kind)
    # A division named like its section (房地产业, 教育, 国际组织) is the only division of
    # that section, so the name means the division.
    ordered = sorted(by_code.values(), key=lambda i: i.level == "division")
    by_key = {_key(i.name): i for i in ordered}
    renamed: dict[str, tuple[str, IndustryInfo]] = {}
    successor: dict[str, IndustryInfo] = {}
    section_2011: dict[str, str] = {}
    for code_2011, section, name_2011, code_2017 in read_table("gbt4754_2011.csv"):
        successor[code_2011] = by_code[code_2017]
        section_2011[code_2011] = section
        if _key(name_2011) not in by_key:
            renamed[_key(name_2011)] = (name_2011, by_code[code_2017])
    return _Tables(by_code, by_key, renamed, successor, section_2011)


def all_industries() -> tuple[IndustryInfo, ...]:
    """The 20 sections and 97 divisions, in the standard's order."""
    return tuple(_tables().by_code.values())


def lookup(code: str) -> IndustryInfo | None:
    """The section or division with this 2017 code (``I``, ``65`` or ``I65``), or None."""
    found = _CODE.fullmatch(code.strip())
    if found is None:
        return None
    letter, digits = _code_parts(found)
    entry = _tables().by_code.get(digits or letter)
    if entry is None or (digits and letter and entry.section != letter):
        return None
    return entry


# ---------------------------------------------------------------- parsing

_CODE_PATTERN = r"(?:([A-Za-z])[\s\-_.]*)?(\d{1,4})|([A-Za-z])"
_CODE = re.compile(_CODE_PATTERN)
# "I65 软件和信息技术服务业", "65-软件…", "软件和信息技术服务业(I65)", "软件… 65".
_CODE_FIRST = re.compile(rf"(?:{_CODE_PATTERN})[\s\-_.:]*([^\x00-\x7f].*)")
_CODE_LAST = re.compile(rf"(.*?[^\x00-\x7f(])[\s\-_:]*\(?\s*(?:{_CODE_PATTERN})\s*\)?")

_Resolved = tuple[IndustryInfo | None, list[Problem]]


def _code_parts(m: re.Match[str], offset: int = 0) -> tuple[str, str]:
    letter = (m[offset + 1] or m[offset + 3] or "").upper()
    digits = m[offset + 2] or ""
    if len(digits) == 1:
        digits = "0" + digits  # "5" is division 05
    return letter, digits


def _resolve_code(letter: str, digits: str) -> _Resolved:
    t = _tables()
    if not digits:
        entry = t.by_code.get(letter)
        return entry, [] if entry else [Problem("industry.unknown_code", params={"code": letter})]
    division = digits[:2]
    entry = t.by_code.get(division)
    if entry is None:
        return None, [Problem("industry.unknown_code", params={"code": letter + digits})]
    problems: list[Problem] = []
    if letter and letter != entry.section:
        old = t.successor.get(division)
        if old is None or t.section_2011.get(division) != letter:
            params = {"division": division, "section": entry.section, "given": letter}
            return None, [Problem("industry.section_mismatch", params=params)]
        entry = old
        problems.append(_code_2011(letter + division, entry))
    if len(digits) > 2:  # a group (中类) or class (小类) code: its first two digits
        params = {"code": entry.full_code, "name": entry.name}
        problems.append(Problem("industry.class_code", Severity.WARNING, params))
    return entry, problems


def _code_2011(written: str, entry: IndustryInfo) -> Problem:
    params = {"code_2011": written, "code": entry.full_code, "name": entry.name}
    return Problem("industry.code_2011", Severity.WARNING, params)


def _variant(entry: IndustryInfo) -> Problem:
    return Problem(
        "industry.variant", Severity.WARNING, {"name": entry.name, "code": entry.full_code}
    )


def _candidates(codes: tuple[str, ...]) -> tuple[str, ...]:
    by_code = _tables().by_code
    return tuple(f"{by_code[c].full_code} {by_code[c].name}" for c in codes)


def _by_key(key: str, written: str) -> _Resolved | None:
    t = _tables()
    if key in t.by_key:
        entry = t.by_key[key]
        return entry, [] if written == entry.name else [_variant(entry)]
    if key in t.renamed:
        name_2011, entry = t.renamed[key]
        params = {"name_2011": name_2011, "name": entry.name, "code": entry.full_code}
        return entry, [Problem("industry.renamed_2011", Severity.WARNING, params)]
    if key in _short_names():
        entry = t.by_code[_short_names()[key]]
        return entry, [_variant(entry)]
    return None


@functools.cache
def short_names() -> Mapping[str, tuple[str, ...]]:
    """Everyday names (软件业, 物流…) with the division or section codes they may mean.

    One code: the name lies wholly inside it and is accepted with a warning. Several:
    the name spans them and is reported as ambiguous, with the candidates.

    >>> short_names()["快递"], short_names()["物流"]
    (('60',), ('54', '58', '59', '60'))
    """
    return {name: tuple(codes.split()) for name, codes in read_table("gbt4754_short_names.csv")}


@functools.cache
def _short_names() -> dict[str, str]:
    return {_key(k): v[0] for k, v in short_names().items() if len(v) == 1}


@functools.cache
def _ambiguous() -> dict[str, tuple[str, ...]]:
    return {_key(k): v for k, v in short_names().items() if len(v) > 1}


def _suffix_forms(key: str) -> Iterator[str]:
    # 餐饮行业 → 餐饮业, 教育行业 → 教育, 软件和信息技术服务 → 软件和信息技术服务业
    if key.endswith("行业") and len(key) > 2:
        yield key[:-2] + "业"
        yield key[:-2]
    elif not key.endswith("业") and len(key) >= 2:
        yield key + "业"


def _resolve_name(name: str) -> _Resolved:
    key = _key(name)
    if not key:
        return None, [Problem("industry.unknown")]
    written = normalize.text(name)
    found = _by_key(key, written)
    if found is not None:
        return found
    if key in _ambiguous():
        candidates = _candidates(_ambiguous()[key])
        return None, [Problem("industry.ambiguous", params={"candidates": candidates})]
    for form in _suffix_forms(key):
        found = _by_key(form, "")  # never written exactly: always a warning
        if found is not None:
            return found
    return None, [_suggest(key)]


def _suggest(key: str) -> Problem:
    # Names that contain what was written, or are contained in it: a hint, never a guess.
    hits = [e.code for k, e in _tables().by_key.items() if key in k or k in key]
    if len(key) < 2 or not hits:
        return Problem("industry.unknown")
    return Problem("industry.ambiguous", params={"candidates": _candidates(tuple(hits[:6]))})


def _contains(outer: IndustryInfo, inner: IndustryInfo) -> bool:
    return outer.level == "section" and inner.section == outer.code


def _combine(letter: str, digits: str, name: str) -> _Resolved:
    by_code, code_problems = _resolve_code(letter, digits)
    if _key(name) in ("类", "门类", "大类", "行业"):
        return by_code, code_problems  # "I门类", "65大类"
    by_name, name_problems = _resolve_name(name)
    if by_code is None:
        return None, code_problems
    if by_name is None and len(digits) > 2:
        return by_code, code_problems  # a class name we cannot check
    if by_name is not None:
        # The code decides; a short or loosely written name beside it is only a label.
        name_problems = [p for p in name_problems if p.code != "industry.variant"]
        if by_name == by_code or _contains(by_code, by_name):
            return by_name, code_problems + name_problems
        if _contains(by_name, by_code):
            return by_code, code_problems
        old = _tables().successor.get(digits[:2]) if digits else None
        if old is not None and old == by_name:
            return by_name, [_code_2011(letter + digits, old), *name_problems]
    params = {"code": by_code.full_code, "name": by_code.name}
    return None, [Problem("industry.mismatch", params=params)]


_PATH = re.compile(r"\s*[/>|\\]\s*|\s+-\s+|(?<=[^\x00-\x7f])-(?=[^\x00-\x7f])")


def _resolve_one(text: str) -> _Resolved:
    if m := _CODE.fullmatch(text):
        return _resolve_code(*_code_parts(m))
    if m := _CODE_FIRST.fullmatch(text):
        return _combine(*_code_parts(m), m[4])
    if m := _CODE_LAST.fullmatch(text):
        return _combine(*_code_parts(m, 1), m[1])
    return _resolve_name(text)


@functools.lru_cache(maxsize=4096)
def _resolve_cached(text: str) -> tuple[IndustryInfo | None, tuple[Problem, ...]]:
    # A column of industries repeats a few dozen values; results are immutable.
    entry, problems = _resolve(text)
    return entry, tuple(problems)


def _resolve(text: str) -> _Resolved:
    found = _resolve_one(text)
    parts = _PATH.split(text)
    if found[0] is not None or len(parts) != 2:
        return found
    # A path from a CRM's tree: "制造业/汽车制造业", "C 制造业 > 36 汽车制造业".
    (outer, _), (inner, inner_problems) = map(_resolve_one, parts)
    if outer is None or inner is None or not (_contains(outer, inner) or outer == inner):
        return found
    return inner, inner_problems


# ---------------------------------------------------------------- public API


_BRACKETS = str.maketrans("【】〔〕［］", "()()()")


def compact(value: str) -> str:
    """Width folded, spaces collapsed, brackets made ASCII; the name's own 、 kept."""
    return normalize.text(value).translate(_BRACKETS)


def check(value: object, *, output: Literal["name", "code"] = "name") -> Check:
    """Check an industry; the value is the standard's name (``output="code"``: ``I65``)."""
    raw = normalize.as_text(value)
    if raw is None:
        return Check(None, (Problem("industry.type"),))
    if len(raw) > _MAX_LENGTH:
        return Check(None, (Problem("industry.too_long"),))
    text = compact(raw)
    if not text:
        return Check(None, (Problem("industry.empty"),))
    entry, problems = _resolve_cached(text)
    if entry is None:
        return Check(None, problems)
    shown = entry.full_code if output == "code" else entry.name
    return Check(shown, problems, info=entry)


def validate(value: object, *, output: Literal["name", "code"] = "name") -> str:
    """The standard's name (or code), or :class:`InvalidIndustry`."""
    result: str = check(value, output=output).unwrap(InvalidIndustry)
    return result


def is_valid(value: object, *, output: Literal["name", "code"] = "name") -> bool:
    """True when :func:`check` finds no error (warnings allowed)."""
    return check(value, output=output).ok


def info(value: object) -> IndustryInfo:
    """Code, name, section and level of an industry, or :class:`InvalidIndustry`.

    >>> i = info("i 65")
    >>> i.full_code, i.name, i.section, i.level
    ('I65', '软件和信息技术服务业', 'I', 'division')
    """
    result = check(value)
    result.unwrap(InvalidIndustry)
    found: IndustryInfo = result.info
    return found


def format(value: str) -> str:
    """Code and name for display: ``I65 软件和信息技术服务业``.

    >>> format("软件业")
    'I65 软件和信息技术服务业'
    """
    entry = info(value)
    return f"{entry.full_code} {entry.name}"


def mask(value: str) -> str:
    """The section letter only (an industry is not personal; this keeps the contract)."""
    result = check(value)
    return f"{result.info.section}**" if result.ok else "**"


def generate(rng: random.Random, *, level: Literal["section", "division"] | None = None) -> str:
    """A section or division, written by name or by code."""
    entries = [e for e in all_industries() if level is None or e.level == level]
    entry = rng.choice(entries)
    return rng.choice((entry.name, entry.full_code, f"{entry.full_code} {entry.name}"))
