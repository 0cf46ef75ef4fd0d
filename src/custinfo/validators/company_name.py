"""Names of companies and other organizations, with the ``(简称:…)`` annotation.

A registered name ends in its organizational form (企业名称登记管理规定 2020,
第六条 and 第十条): 有限公司 or 股份有限公司 (公司法 2023 第七条), （普通合伙）,
（有限合伙）, （特殊普通合伙） (合伙企业法 第十五、五十六、六十二条), 专业合作社,
事务所, 分公司 for a branch; an institution or association ends in what it is
(大学, 医院, 研究所, 协会); a sole trader (个体工商户) in 店, 馆, 部, 行, 厂, 中心
(个体工商户名称登记管理办法 第十条). The forms are data: ``data/legal_forms.csv``.

Brackets of every style become full-width ``（）``, the form in which business
licences and the national enterprise credit publicity system print names, so a
name compares equal to the registered one; the short-name annotation is
rewritten as ``（简称：…）``:

>>> validate("北京字节跳动科技有限公司【简称:字节跳动】")
'北京字节跳动科技有限公司（简称：字节跳动）'
>>> i = info("腾讯科技(深圳)有限公司（以下简称“腾讯”）")
>>> i.full_name, i.short_name, i.legal_form, i.kind
('腾讯科技（深圳）有限公司', '腾讯', '有限公司', 'company')
>>> [check(v).problems[0].code for v in ("腾讯", "北京字节跳动科技", "XX有限公司")]
['company_name.abbreviation', 'company_name.legal_form', 'company_name.placeholder']
"""

from __future__ import annotations

import functools
import random
import re

from attrs import define

from custinfo import masking, normalize
from custinfo.data import read_table
from custinfo.findings import Check, InvalidValue, Problem, Severity, slot_builder
from custinfo.validators import _region
from custinfo.validators._name_parts import words
from custinfo.validators._region import leading_region
from custinfo.validators._script import is_han, script

__all__ = [
    "MAX_LENGTH",
    "MESSAGES",
    "CompanyInfo",
    "InvalidCompanyName",
    "check",
    "compact",
    "format",
    "generate",
    "info",
    "is_short_name_of",
    "is_valid",
    "mask",
    "validate",
]

MAX_LENGTH = 150
"""Longer values are not one organization's name."""

MESSAGES = {
    "company_name.type": ("单位名称的值类型不正确", "Organization name has the wrong type"),
    "company_name.empty": ("单位名称为空", "Organization name is empty"),
    "company_name.too_long": (
        "单位名称过长(最多 {max_length} 字符)",
        "Organization name is too long (at most {max_length} characters)",
    ),
    "company_name.characters": (
        "单位名称中含有不允许的字符或括号不配对",
        "Organization name contains characters not allowed, or unbalanced brackets",
    ),
    "company_name.placeholder": (
        "单位名称是占位写法,不是真实名称",
        "Organization name is a placeholder, not a real name",
    ),
    "company_name.abbreviation": (
        "单位名称疑似简称,请填写与公章一致的全称",
        "Organization name looks like an abbreviation; give the full registered name",
    ),
    "company_name.legal_form": (
        "单位名称缺少组织形式(如有限公司、股份有限公司、(有限合伙))",
        "Organization name lacks its legal form (e.g. 有限公司, 股份有限公司, (有限合伙))",
    ),
    "company_name.legal_form_unclear": (
        "单位名称以“{ending}”结尾,未写明有限公司或股份有限公司",
        "Organization name ends in “{ending}” without 有限公司 or 股份有限公司",
    ),
    "company_name.too_short": (
        "单位名称的字号过短(应至少两个汉字)",
        "The trade name part is too short (at least two characters)",
    ),
    "company_name.non_chinese": (
        "单位名称含有拉丁字母或阿拉伯数字,登记名称一般只用规范汉字",
        "Organization name contains Latin letters or digits; registered names use Chinese",
    ),
    "company_name.short_name": (
        "简称与全称不一致(简称的字应按顺序出现在全称中)",
        "The short name does not match the full name (its characters should appear in order)",
    ),
}


class InvalidCompanyName(InvalidValue):
    """Not a usable organization name."""


@define(frozen=True, slots=True)
class CompanyInfo:
    """Facts read from an organization name.

    ``full_name`` is the name without the annotation; ``legal_form`` the ending
    that names the organizational form, as written (full-width brackets);
    ``kind`` one of the kinds of ``data/legal_forms.csv`` (``company``,
    ``partnership``, ``small_business``…, ``unknown``); ``region`` the division
    name the name starts with (a guess: names start with their region under
    企业名称登记管理规定 第六条) and ``region_code`` its code when unambiguous;
    ``branch`` with ``parent`` for a branch (分公司, 分行…).
    """

    full_name: str
    short_name: str | None
    legal_form: str | None
    kind: str
    region: str | None
    region_code: str | None
    branch: bool
    parent: str | None


# --- normalization -------------------------------------------------------------------

_FULL = str.maketrans("():", "（）：")
_SPACES_NEAR_HAN = re.compile(r"(?<=[^\x00-\u024f]) +| +(?=[^\x00-\u024f])")
_ANNOTATION = re.compile(
    r"(?P<name>.+?)\((?:以下)?(?:简称|簡稱)(?:为|為)?:?\s*"
    r"[“”\"'‘’「『《]?(?P<short>[^()]*?)[“”\"'‘’」』》]?\)"
)
_INPUT_LIMIT = 1024


_TRAILING_PUNCTUATION = re.compile(r"(?<=[^\x00-\u024f])[.,;:]+$")


def _clean(value: str) -> str:
    """Brackets, punctuation and width unified to ASCII; no spaces next to Chinese and
    no sentence punctuation after it (a name pasted from a sentence: ……有限公司。)."""
    cleaned = _SPACES_NEAR_HAN.sub("", normalize.nfc(normalize.brackets(value)))
    return _TRAILING_PUNCTUATION.sub("", cleaned)


def _split(text: str) -> tuple[str, str | None]:
    """The full name and the short name of an annotated name."""
    m = _ANNOTATION.fullmatch(text)
    if m is None:
        return text, None
    return m["name"], m["short"].strip()


def _canonical(full: str, short: str | None) -> str:
    shown = full.translate(_FULL)
    return shown if short is None else f"{shown}（简称：{short}）"


def compact(value: str) -> str:
    """The canonical form: full-width brackets, ``（简称：…）``, no stray spaces.

    >>> compact(" 普华永道中天会计师事务所 (特殊普通合伙) ")
    '普华永道中天会计师事务所（特殊普通合伙）'
    """
    full, short = _split(_clean(value))
    return _canonical(full, short)


# --- legal forms and regions -------------------------------------------------------------


@functools.cache
def _forms() -> tuple[tuple[str, str], ...]:
    rows = [(row[0], row[1]) for row in read_table("legal_forms.csv")]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))  # longest first


@functools.cache
def _forms_by_last() -> dict[str, tuple[tuple[str, str], ...]]:
    """The forms by their last character (lower-cased), longest first."""
    index: dict[str, list[tuple[str, str]]] = {}
    for suffix, kind in _forms():
        index.setdefault(suffix[-1].lower(), []).append((suffix, kind))
    return {k: tuple(v) for k, v in index.items()}


def _ending(name: str) -> tuple[str, str] | None:
    """The organizational form ``name`` ends in (as written), with its kind."""
    lowered = name.lower()
    for suffix, kind in _forms_by_last().get(lowered[-1:], ()):
        if kind == "foreign_company":  # Siemens AG, Apple Inc.: a whole word, any case
            cut = len(name) - len(suffix)
            if lowered.endswith(suffix.lower()) and cut > 1 and name[cut - 1] in " ,":
                return name[cut:], kind
        elif name.endswith(suffix):
            return suffix, kind  # the form alone (便利店, 公司) is caught as too short
    return None


def _last_form_end(name: str) -> int:
    """Where the last legal form inside ``name`` ends (0: none), for a branch's parent."""
    best = 0
    for suffix, kind in _forms():
        if kind in ("company", "partnership", "professional_firm", "cooperative"):
            at = name.rfind(suffix)
            if at > 0:
                best = max(best, at + len(suffix))
    return best


# --- the checks ----------------------------------------------------------------------------

_PLACEHOLDER_STARTS = ("测试", "某某", "XX", "xx")
_PLACEHOLDER = re.compile(
    r"(?:测试|某某|某|xx+|XX+|\*+|○+|无|暂无|未知|个人|test|demo|null|none|n/a|-|/)"
    r"(?:公司|有限公司|有限责任公司|科技有限公司|企业|单位)?",
    re.IGNORECASE,
)
_ALLOWED_PUNCTUATION = frozenset(" ()·&-.,'+")
_PUBLIC = frozenset(("institution", "social_organization", "government"))
# Industry words (企业名称登记管理规定 第九条) that are no trade name (第八条: 字号 of
# two or more characters); only a name made of nothing else is too short.
_INDUSTRY_WORDS = words(
    """集团控股 信息技术 网络科技 电子商务 房地产 科技 技术 贸易 商贸 实业 投资 发展 建设
            建筑 工程 咨询 管理 服务 文化 传媒 电子 软件 集团 控股 物流 医药 食品 能源 环保 置业
            地产 物业 教育 金融"""
)
_INDUSTRY = re.compile("|".join(_INDUSTRY_WORDS))


def _characters_ok(name: str) -> bool:
    if name.count("(") != name.count(")"):
        return False
    depth = 0
    for char in name:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0 or depth > 1:
            return False
        if not (script(char) or char.isdigit() or char in _ALLOWED_PUNCTUATION):
            return False
    return True


def _non_chinese(name: str) -> bool:
    outside = re.sub(r"\([^()]*\)", "", name)
    return any(c.isascii() and c.isalnum() for c in outside)


def _form_problems(name: str, region: str | None) -> tuple[list[Problem], tuple[str, str] | None]:
    ending = _ending(name)
    body = name[len(region or "") :]
    if ending is None or ending[1] == "none":
        short = len(name) <= 6 or not any(is_han(c) for c in name)
        code = "company_name.abbreviation" if short else "company_name.legal_form"
        return [Problem(code)], None
    suffix, kind = ending
    if kind == "branch" and _last_form_end(name[: -len(suffix)]) == 0:
        return [Problem("company_name.legal_form")], ending  # 招商银行深圳分行: parent abbreviated
    if len(name) <= 2:
        return [Problem("company_name.abbreviation")], None  # 工行, 建行
    trade = body[: -len(suffix)] if body.endswith(suffix) else ""
    if kind in _PUBLIC:  # 北京大学, 北京市人民政府: the region may be the whole name
        trade = name[: -len(suffix)]
    elif kind != "foreign_company":
        trade = _INDUSTRY.sub("", trade)  # 北京科技有限公司 has no trade name
    if len(trade) < (1 if kind in _PUBLIC else 2):
        return [Problem("company_name.too_short")], ending
    if kind == "unclear":
        params = {"ending": suffix}
        return [Problem("company_name.legal_form_unclear", Severity.WARNING, params)], ending
    return [], ending


def _problems(full: str, short: str | None) -> tuple[list[Problem], CompanyInfo | None]:
    if _PLACEHOLDER.fullmatch(full) or full.startswith(_PLACEHOLDER_STARTS):
        return [Problem("company_name.placeholder")], None
    if not _characters_ok(full) or (short is not None and not _characters_ok(short)):
        return [Problem("company_name.characters")], None
    region, code = leading_region(full)
    after = full[len(region) :] if region and full.startswith(region) else full
    if after.startswith(_PLACEHOLDER_STARTS):  # 北京某某科技有限公司
        return [Problem("company_name.placeholder")], None
    problems, ending = _form_problems(full, region)
    if any(p.severity is Severity.ERROR for p in problems):
        return problems, None
    if ending is not None and ending[1] != "foreign_company" and _non_chinese(full):
        problems.append(Problem("company_name.non_chinese", Severity.WARNING))
    if short is not None and not is_short_name_of(short, full):
        problems.append(Problem("company_name.short_name", Severity.WARNING))
    assert ending is not None
    suffix, kind = ending
    branch = kind == "branch"
    parent = full[: _last_form_end(full[: -len(suffix)])] if branch else None
    if parent:
        parent_ending = _ending(parent)
        kind = parent_ending[1] if parent_ending else "unknown"
    facts = CompanyInfo(
        full_name=full.translate(_FULL),
        short_name=short or None,
        legal_form=suffix.translate(_FULL),
        kind=kind,
        region=region,
        region_code=code,
        branch=branch,
        parent=parent.translate(_FULL) if parent else None,
    )
    return problems, facts


def check(value: object) -> Check:
    """Check an organization name; never raises."""
    if type(value) is str:
        m = _PLAIN.fullmatch(value)
        if m is not None:
            fast = _fast_check(value, m[1], m[2])
            if fast is not None:
                return fast
    return _check(value)


def _check(value: object) -> Check:
    """The full path of :func:`check`, kept for the differential test of the fast one."""
    raw = normalize.as_text(value)
    if raw is None:
        return Check(None, (Problem("company_name.type"),))
    too_long = Problem("company_name.too_long", params={"max_length": MAX_LENGTH})
    if len(raw) > _INPUT_LIMIT:
        return Check(None, (too_long,))
    full, short = _split(_clean(raw))
    if not full:
        return Check(None, (Problem("company_name.empty"),))
    if len(full) > MAX_LENGTH:
        return Check(None, (too_long,))
    problems, facts = _problems(full, short)
    if facts is None:
        return Check(None, tuple(problems))
    return Check(_canonical(full, short), tuple(problems), facts)


# --- the fast path -------------------------------------------------------------------------
# Most names are characters of the basic CJK block (U+4E00–U+9FA5) only, maybe with
# the annotation already in its canonical form (（简称：…）). Such a name is its own
# canonical form (nothing to fold, no bracket, space or punctuation, NFC leaves it
# as it is), has only allowed characters and no Latin letter or digit; what is left
# to decide is the placeholder, the region, the legal form and the trade name, each
# taken below as check decides it, with every unusual case (a placeholder start, no
# or an unclear legal form, a branch, a doubtful trade name, a short name that does
# not match) sent to the full path. The differential test holds this to _check.

# Both parts at most MAX_LENGTH: longer ones are too long, or the value is (_INPUT_LIMIT).
_PLAIN = re.compile("([\u4e00-\u9fa5]{3,150})(?:（简称：([\u4e00-\u9fa5]{1,150})）)?")
_PLACEHOLDER_FIRST = frozenset("测某无暂未个")  # first characters of the Chinese placeholders
_INDUSTRY_CHARACTERS = frozenset("".join(_INDUSTRY_WORDS))
_FAST_KINDS = frozenset(
    ("company", "partnership", "sole_proprietorship", "cooperative", "professional_firm")
) | frozenset(("small_business", *_PUBLIC))


def _fast_check(value: str, full: str, short: str | None) -> Check | None:
    """The check of a plain Chinese name (see above), or None for the full path."""
    if full[0] in _PLACEHOLDER_FIRST:
        return None
    place = _fast_region(full)
    region = place[0]
    if region is not None and full.startswith(_PLACEHOLDER_STARTS, len(region)):
        return None
    ending = _han_ending(full)
    if ending is None or ending[1] not in _FAST_KINDS:
        return None
    end = len(full) - len(ending[0])  # where the trade name ends
    if ending[1] in _PUBLIC:
        if not end:
            return None
    else:
        # The trade name runs from the region to the form (empty when they overlap,
        # as in _form_problems). A character of no industry word survives
        # _INDUSTRY.sub, so two of them first make one; otherwise ask the expression.
        start = len(region) if region is not None else 0
        if (
            end - start < 2
            or full[start] in _INDUSTRY_CHARACTERS
            or full[start + 1] in _INDUSTRY_CHARACTERS
        ) and len(_INDUSTRY.sub("", full[start:end])) < 2:
            return None
    if short is not None and not _in_order(short, full):
        return None
    return Check(value, (), _info(full, short, ending, place))


# CompanyInfo built with its slots set directly: about a quarter cheaper than its __init__.
_build_info = slot_builder(CompanyInfo)


def _info(
    full: str, short: str | None, ending: tuple[str, str], place: tuple[str | None, str | None]
) -> CompanyInfo:
    """The info of a name that is no branch (ending: form and kind; place: region and
    code), built cheaply."""
    return _build_info(full, short, ending[0], ending[1], place[0], place[1], False, None)


def _in_order(short: str, full: str) -> bool:
    """:func:`is_short_name_of` for names of Chinese characters only."""
    at = 0
    for char in short:
        at = full.find(char, at) + 1
        if not at:
            return False
    return True


@functools.cache
def _han_forms() -> tuple[dict[str, str], dict[str, tuple[int, ...]]]:
    """The forms a name of Chinese characters may end in (every one but the Latin
    foreign ones) and, by last character, their lengths, longest first."""
    kinds: dict[str, str] = {}
    for suffix, kind in _forms():
        if kind != "foreign_company":
            kinds.setdefault(suffix, kind)  # the first, as _ending finds it
    lengths: dict[str, set[int]] = {}
    for suffix in kinds:
        lengths.setdefault(suffix[-1], set()).add(len(suffix))
    return kinds, {last: tuple(sorted(n, reverse=True)) for last, n in lengths.items()}


def _han_ending(name: str) -> tuple[str, str] | None:
    """:func:`_ending` of a name of Chinese characters: the longest form it ends in."""
    kinds, lengths = _han_forms()
    for length in lengths.get(name[-1], ()):
        kind = kinds.get(name[-length:])
        if kind is not None:
            return name[-length:], kind
    return None


@functools.cache
def _tops() -> dict[str, tuple[tuple[str, str | None], ...]]:
    """Every division name by its first two characters, longest first, with its code
    when unambiguous (the first division of a name has no parent to narrow it)."""
    index = _region._index()
    tops: dict[str, list[tuple[str, str | None]]] = {}
    for name in sorted(index, key=len, reverse=True):
        if len(name) >= 2:
            tops.setdefault(name[:2], []).append((name, _region._code(index[name])))
    return {head: tuple(found) for head, found in tops.items()}


@functools.cache
def _heads() -> dict[str, tuple[int, ...]]:
    """The lengths of the division names by their first two characters, longest first."""
    return {head: tuple(len(name) for name, _ in found) for head, found in _tops().items()}


# By parent code prefix, then by name: whether a division under the parent is called
# so, and its code when unambiguous. Only names in the division table are kept, at
# most _KNOWN_LIMIT under each province or city (a name there is mostly one of its
# own divisions), so the memo stays small whatever names come.
_DIVISIONS: dict[str, dict[str, tuple[bool, str | None]]] = {}
_KNOWN_LIMIT = 512
_NOT_FOUND = (False, None)


def _division(text: str, parent: str) -> tuple[bool, str | None]:
    """Whether a division under ``parent`` is called ``text``, and its unambiguous code."""
    if text not in _region._index():
        return _NOT_FOUND
    found = _region._lookup(text, parent)
    result = (True, _region._code(found)) if found else _NOT_FOUND
    known = _DIVISIONS.setdefault(parent, {})
    if len(known) >= _KNOWN_LIMIT:
        known.clear()
    known[text] = result
    return result


def _top_region(name: str) -> tuple[int, str | None] | None:
    """The length and code of the longest division name ``name`` starts with."""
    for top, code in _tops().get(name[:2], ()):
        if len(top) < len(name) and len(top) <= 12 and name.startswith(top):
            return len(top), code
    return None


def _fast_region(name: str) -> tuple[str | None, str | None]:
    """:func:`leading_region` of a name without brackets: only the division names
    starting with the next two characters are tried (as _region._division_at would,
    longest first, at most 12 characters, never the whole name)."""
    top = _top_region(name)
    if top is None:
        return None, None
    longest, heads = len(name) - 1, _heads()
    start, code = top
    while code is not None and code[4:] == "00":  # a province or city: look deeper
        lengths = heads.get(name[start : start + 2])
        if lengths is None:
            break
        prefix = code[:2] if code.endswith("0000") else code[:4]
        known = _DIVISIONS.get(prefix) or {}
        for length in lengths:
            if length <= longest - start and length <= 12:
                text = name[start : start + length]
                found, found_code = known.get(text) or _division(text, prefix)
                if found:
                    break
        else:
            break
        start += length
        code = found_code
    return name[:start], code


def validate(value: object) -> str:
    """The canonical name, or :class:`InvalidCompanyName`."""
    result: str = check(value).unwrap(InvalidCompanyName)
    return result


def is_valid(value: object) -> bool:
    """True when :func:`check` finds no error."""
    return check(value).ok


def info(value: object) -> CompanyInfo:
    """Full name, short name, legal form, region and branch, or :class:`InvalidCompanyName`.

    >>> i = info("中国工商银行股份有限公司北京市分行")
    >>> i.branch, i.parent, i.region
    (True, '中国工商银行股份有限公司', None)
    >>> i = info("北京市朝阳区张三便利店")
    >>> i.region, i.region_code, i.kind
    ('北京市朝阳区', '110105', 'small_business')
    """
    result = check(value)
    result.unwrap(InvalidCompanyName)
    facts: CompanyInfo = result.info
    return facts


def is_short_name_of(short: str, full: str) -> bool:
    """True when the characters of ``short`` appear in ``full`` in the same order.

    >>> is_short_name_of("中石油", "中国石油天然气集团有限公司"), is_short_name_of("石中", "中石")
    (True, False)
    """
    wanted = [c.lower() for c in _clean(short) if script(c) or c.isdigit()]
    if not wanted:
        return False
    rest = iter(c.lower() for c in _clean(full))
    return all(c in rest for c in wanted)  # `in` on an iterator consumes it: in order


def format(value: str) -> str:
    """The canonical name (see :func:`validate`)."""
    return validate(value)


def mask(value: str) -> str:
    """The first two characters, then ``***`` (a sole trader's name holds a person's name)."""
    return masking.text(compact(value))


_REGIONS = ("北京市", "上海市", "深圳市", "杭州市", "成都市", "武汉市", "广东省广州市", "")
_TRADE_NAMES = ("华信", "腾达", "星辰", "宏远", "恒泰", "瑞丰", "博文", "智联", "天成", "鼎盛")
_INDUSTRIES = ("科技", "信息技术", "商贸", "建筑工程", "医药", "文化传媒", "物流", "食品")
_FORMS = ("有限公司", "有限公司", "股份有限公司", "有限责任公司", "集团有限公司")


def generate(rng: random.Random) -> str:
    """A valid name: mostly companies (now and then with a ``（简称：…）``), sometimes
    a partnership or a sole trader."""
    trade = rng.choice(_TRADE_NAMES)
    roll = rng.random()
    if roll < 0.1:
        return f"{rng.choice(_REGIONS)}{trade}投资管理中心（有限合伙）"
    if roll < 0.2:
        return f"北京市朝阳区{rng.choice('张王李赵')}记{rng.choice(('便利店', '面馆', '商行'))}"
    industry = rng.choice(_INDUSTRIES)
    name = f"{rng.choice(_REGIONS)}{trade}{industry}{rng.choice(_FORMS)}"
    return f"{name}（简称：{trade}{industry}）" if roll > 0.8 else name
