"""Personal names: Chinese, minority names with the middle dot, Latin and other scripts.

Chinese characters are recognised from the Unicode database, so rare name
characters outside the basic block (Extension A, B, … and the compatibility
ideographs) are as good as any other; the variants of the middle dot of
minority names (``・ • ‧ ･ ⋅ ∙`` and a ``.`` or ``。`` between characters) become
U+00B7 ``·``:

>>> validate("刘䶮"), validate("买买提・艾力"), validate("José García-López")
('刘䶮', '买买提·艾力', 'José García-López')
>>> for v in ("王先生", "测试", "张三3", "张San"):
...     print(check(v).problems[0].code)
person_name.title_only
person_name.placeholder
person_name.digits
person_name.mixed_script
>>> i = info("欧阳娜娜")
>>> i.script, i.surname, i.given_name, i.compound_surname
('han', '欧阳', '娜娜', True)

No surname list ever rejects a name: the surname table (``data/surnames.csv``)
only informs :func:`info`. Compatibility ideographs (U+F900…) are kept as
written, because NFC would replace them by their unified twins and so change
the character a person's name is registered with; Kangxi radicals pasted from
PDFs (``⼀`` U+2F00) become the ideographs they stand for.
"""

from __future__ import annotations

import functools
import random
import re
import unicodedata

from attrs import define

from custinfo import masking, normalize
from custinfo.findings import Check, InvalidValue, Problem, Severity, slot_builder
from custinfo.validators._name_parts import (
    DOT,
    LATIN_TITLES,
    SHORT_TITLES,
    TITLES,
    compound_surnames,
    han_split,
    hangul_split,
    latin_split,
    words,
)
from custinfo.validators._script import is_han, script

__all__ = [
    "MAX_LENGTH",
    "MESSAGES",
    "InvalidPersonName",
    "NameInfo",
    "check",
    "compact",
    "format",
    "generate",
    "info",
    "is_valid",
    "mask",
    "validate",
]

MAX_LENGTH = 100
"""Longer values are not a name (long Latin names with several given names fit)."""

MESSAGES = {
    "person_name.type": ("姓名的值类型不正确", "Name value has the wrong type"),
    "person_name.empty": ("姓名为空", "Name is empty"),
    "person_name.too_long": (
        "姓名过长(最多 {max_length} 字符)",
        "Name is too long (at most {max_length} characters)",
    ),
    "person_name.too_short": ("姓名只有一个字", "Name has a single character"),
    "person_name.placeholder": (
        "姓名是占位或匿名写法,不是真实姓名",
        "Name is a placeholder or anonymised, not a real name",
    ),
    "person_name.digits": ("姓名中含有数字", "Name contains digits"),
    "person_name.characters": ("姓名中含有不允许的字符", "Name contains characters not allowed"),
    "person_name.mixed_script": (
        "姓名混用了多种文字(如汉字与拉丁字母)",
        "Name mixes writing systems (e.g. Chinese characters and Latin letters)",
    ),
    "person_name.title_only": (
        "只填写了称呼(如王先生、张总),不是完整姓名",
        "Only a form of address (e.g. 王先生, 张总), not a full name",
    ),
    "person_name.with_title": (
        "姓名后附有称呼或职务",
        "Name is followed by a form of address or a job title",
    ),
    "person_name.nickname": ("姓名像是昵称(如老王、小李)", "Name looks like a nickname"),
    "person_name.annotation": (
        "姓名中含有括号注释",
        "Name contains a note in brackets",
    ),
    "person_name.multiple": ("填写了多个姓名", "More than one name was given"),
    "person_name.organization": (
        "姓名像是单位名称",
        "Name looks like the name of an organization",
    ),
    "person_name.dot": (
        "姓名中的间隔号位置不正确",
        "Middle dot at the start or end of the name, or doubled",
    ),
    "person_name.separator": (
        "汉字姓名中的空格已视为间隔号·,请核对",
        "Spaces inside a Chinese name were read as middle dots; please check",
    ),
    "person_name.single_part": (
        "拉丁字母姓名只有一个部分(缺少姓或名)",
        "Latin-script name has a single part (surname or given name missing)",
    ),
    "person_name.example": (
        "姓名像是示例名(如张三、李四)",
        "Name looks like a sample name (e.g. 张三, John Doe)",
    ),
}


class InvalidPersonName(InvalidValue):
    """Not a usable personal name."""


@define(frozen=True, slots=True)
class NameInfo:
    """Facts read from a name (the surname is a guess; it never decides validity).

    ``script`` is ``han``, ``latin``, ``japanese``, ``hangul`` or another script's
    name; ``parts`` are the middle-dot or space separated parts; ``rare_characters``
    the characters a GBK-only system cannot store (e.g. Extension A/B ideographs).
    """

    name: str
    script: str
    surname: str | None
    given_name: str | None
    compound_surname: bool
    parts: tuple[str, ...]
    rare_characters: tuple[str, ...]


# --- normalization -------------------------------------------------------------------

_DOT_VARIANTS = "\u30fb\u2022\u2027\uff65\u22c5\u2219\u0387\u1427\u2e31\u00b7"
_APOSTROPHES = "\u2019\u2018\u02bc\u0060\u00b4\u2032"
_HYPHENS = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63"
_TABLE = str.maketrans(
    {
        **dict.fromkeys(map(ord, _DOT_VARIANTS), DOT),
        **dict.fromkeys(map(ord, _APOSTROPHES), "'"),
        **dict.fromkeys(map(ord, _HYPHENS), "-"),
    }
)
_HAN = "\ue000"  # stands for any Chinese character in a shape string
_INPUT_LIMIT = 1024


def _nfc(value: str) -> str:
    """NFC, but compatibility ideographs kept and Kangxi radicals mapped to ideographs."""
    parts: list[str] = []
    run: list[str] = []
    for char in value:
        name = unicodedata.name(char, "")
        if name.startswith("CJK COMPATIBILITY IDEOGRAPH-"):
            parts.append(unicodedata.normalize("NFC", "".join(run)) + char)  # kept as is
            run = []
        elif name.startswith(("KANGXI RADICAL", "CJK RADICAL")):
            run.append(unicodedata.normalize("NFKC", char))
        else:
            run.append(char)
    return "".join(parts) + unicodedata.normalize("NFC", "".join(run))


def _shape(name: str) -> str:
    """The name with every Chinese character replaced by one placeholder character."""
    return "".join(_HAN if is_han(c) else c for c in name)


_DOT_BETWEEN_HAN = re.compile(rf"(?<={_HAN}) *[.。] *(?={_HAN})")
_SPACE_BETWEEN_HAN = re.compile(rf"(?<={_HAN}) +(?={_HAN})")
_SPACED_DOT = re.compile(rf" *{DOT} *")


def _respace(name: str) -> tuple[str, bool]:
    """Middle dots and spaces between Chinese characters; True when spaces became dots."""
    name = _SPACED_DOT.sub(DOT, name)
    for m in reversed(list(_DOT_BETWEEN_HAN.finditer(_shape(name)))):
        name = name[: m.start()] + DOT + name[m.end() :]  # right to left: indices hold
    shape = _shape(name)
    if not _SPACE_BETWEEN_HAN.search(shape) or not all(c in _HAN + " " + DOT for c in shape):
        return name, False
    # Two- to four-character names are padded with spaces in forms ("张  三"); longer
    # all-Chinese names with spaces are transliterated names whose parts need the dot.
    if len(name.replace(" ", "").replace(DOT, "")) <= 4 and DOT not in name:
        return name.replace(" ", ""), False
    return name.replace(" ", DOT), True


def compact(value: str) -> str:
    """Width folded, invisible characters removed, spaces collapsed, dot, apostrophe
    and hyphen variants unified, NFC (compatibility ideographs kept).

    >>> compact(" 阿依古丽 • 买买提 "), compact("O’Brien")
    ('阿依古丽·买买提', "O'Brien")
    """
    return _normalize(value)[0]


def _normalize(value: str) -> tuple[str, bool]:
    return _respace(_nfc(normalize.text(value).translate(_TABLE)))


# --- word lists ----------------------------------------------------------------------

_PLACEHOLDERS = frozenset(
    words(
        """测试 测试用户 测试人员 测试员 测试客户 某某 某人 某 无 没有 暂无 未知 不详 不知道
        匿名 匿名用户 未填 未填写 待定 待补充 待填 空 同上 客户 用户 本人 先生 女士 小姐 老板
        姓名 名字 联系人 负责人 经办人 test tester testing testuser demo sample xxx xx x xxxx
        null none nil nan n/a na unknown anonymous anon admin user customer name noname asdf
        qwer qwerty abc abcd aaa 啊啊 哈哈"""
    )
)
_MASKS = frozenset("*○〇◯×?")
_EXAMPLES = frozenset(
    ("张三", "李四", "王五", "赵六", "王小明", "john doe", "jane doe", "zhang san", "li si")
)
_TITLE_SET = frozenset(TITLES)
_ORGANIZATION = words(
    """公司 集团 有限 中心 事务所 合作社 工作室 医院 学校 大学 学院 银行 研究所 研究院 委员会
    协会 商行 商店 超市 门市部 经营部 厂 店"""
)
# A comma separates names only next to Chinese characters: "Smith, John" is one name.
_LIST_SEPARATORS = re.compile(
    r"[、/;|\\&+]|\band\b|\s和\s|(?<=[^\x00-\u024f]),|,(?=[^\x00-\u024f ])"
)
# Spaces, hyphens and apostrophes, and the Tibetan syllable marks (tsheg) of བཀྲ་ཤིས་.
_OTHER_PUNCTUATION = frozenset(" -'\u0f0b\u0f0c")
_BRACKETS = frozenset("()[]{}<>【】〔〕《》〈〉「」『』")


# --- the checks --------------------------------------------------------------------------


def _letters(name: str) -> str:
    return "".join(c for c in name if script(c) is not None)


def _scripts(name: str) -> set[str]:
    return {s for s in map(script, name) if s is not None}


def _is_placeholder(name: str) -> bool:
    folded = name.lower().replace(" ", "").replace(".", "")
    letters = _letters(name)
    if folded in _PLACEHOLDERS or folded.startswith("测试"):
        return True
    if not letters and not any(c.isdigit() for c in name):
        return True  # only punctuation: "-", "/", "……"
    if len(letters) >= 3 and len(set(letters.lower())) == 1:
        return True  # 啊啊啊, aaa
    if any(c in _MASKS for c in name):
        return True
    han = [c for c in name if is_han(c)]
    return bool(han) and (name.rstrip("xX") != name or "某" in name)  # 张XX, 张某某, 某先生


def _title_problem(name: str, allow_title_only: bool) -> Problem | None:
    severity = Severity.WARNING if allow_title_only else Severity.ERROR
    if len(name) == 2 and name[1] in SHORT_TITLES:
        return Problem("person_name.title_only", severity)
    for size in (3, 2):  # the longest title first: 李总经理 is 李 + 总经理
        prefix, title = name[:-size], name[-size:]
        if title not in _TITLE_SET or not 1 <= len(prefix) <= 4:
            continue
        if len(prefix) == 1 or prefix in compound_surnames():
            return Problem("person_name.title_only", severity)
        return Problem("person_name.with_title", Severity.WARNING)  # 李明先生
    return None


def _han_problems(name: str, allow_title_only: bool) -> list[Problem]:
    japanese = "kana" in _scripts(name)  # 石原 さとみ: Japanese names keep their space
    if any(
        not (is_han(c) or c == DOT or script(c) == "kana" or (japanese and c == " ")) for c in name
    ):
        return [Problem("person_name.characters")]
    plain = name.replace(DOT, "")
    if len(plain) >= 4 and plain.endswith(tuple(_ORGANIZATION)):
        return [Problem("person_name.organization")]
    if DOT not in name:
        title = _title_problem(name, allow_title_only)
        if title is not None:
            return [title]
        if len(name) == 2 and name[0] in "老小":
            return [Problem("person_name.nickname", Severity.WARNING)]
    if len(plain) == 1:
        return [Problem("person_name.too_short")]
    return []


_LATIN_TOKEN = re.compile(r"'?a+(?:['-]a+)*(?:\.(?:a+\.)*)?,?")  # O'Brien, J.R.R., Jr.,


def _latin_problems(name: str, allow_title_only: bool) -> list[Problem]:
    shape = "".join("a" if script(c) or unicodedata.category(c)[0] == "M" else c for c in name)
    tokens = shape.split(" ")
    if name.count(",") > 1 or not all(_LATIN_TOKEN.fullmatch(t) for t in tokens):
        return [Problem("person_name.characters")]
    words = name.split(" ")
    if len(words) == 2 and words[0].lower().rstrip(".") in LATIN_TITLES:  # Mr. Wang
        severity = Severity.WARNING if allow_title_only else Severity.ERROR
        return [Problem("person_name.title_only", severity)]
    if len(words) == 1:
        return [Problem("person_name.single_part", Severity.WARNING)]
    return []


def _problems(name: str, allow_title_only: bool) -> list[Problem]:
    if any(c in _BRACKETS for c in name):
        return [Problem("person_name.annotation")]
    if _is_placeholder(name):
        return [Problem("person_name.placeholder")]
    pieces = _LIST_SEPARATORS.split(name)
    if len(pieces) > 1 and sum(1 for piece in pieces if _letters(piece)) > 1:
        return [Problem("person_name.multiple")]
    if any(unicodedata.category(c)[0] == "N" and not is_han(c) for c in name):
        return [Problem("person_name.digits")]
    scripts = _scripts(name)
    if len(scripts) > 1 and scripts != {"han", "kana"}:
        return [Problem("person_name.mixed_script")]
    if name.startswith(DOT) or name.endswith(DOT) or DOT * 2 in name:
        return [Problem("person_name.dot")]
    found = []
    if name.lower() in _EXAMPLES:
        found.append(Problem("person_name.example", Severity.WARNING))
    if scripts & {"han", "kana"}:
        return _han_problems(name, allow_title_only) + found
    if scripts == {"latin"}:
        return _latin_problems(name, allow_title_only) + found
    if any(unicodedata.category(c)[0] not in "LM" and c not in _OTHER_PUNCTUATION for c in name):
        return [Problem("person_name.characters")]
    return found


def check(value: object, *, allow_title_only: bool = False) -> Check:
    """Check a personal name; never raises.

    ``allow_title_only=True`` makes 王先生 or 张经理 a warning instead of an error
    (the collection form's seed asks for the collector as ``*经理``).
    """
    if type(value) is str and (
        (_PLAIN_SAFE.fullmatch(value) and value not in _SUSPECT_NAMES)
        or (_PLAIN_HAN.fullmatch(value) and not _suspect(value))
    ):
        if len(value) >= 3 and value[:2] in compound_surnames():
            return Check(value, (), _han_info(value, value[:2], value[2:], True))
        return Check(value, (), _han_info(value, value[0], value[1:], False))
    return _check(value, allow_title_only=allow_title_only)


# --- the fast path -----------------------------------------------------------------------
# Most names are two to ten characters of the basic CJK block (U+4E00–U+9FA5).
# Every one of those is an ideograph, unchanged by text folding and NFC, in GBK,
# and no letter of another script, digit, bracket, dot or space: of all the checks
# only the placeholder, example, title, nickname and organization ones can apply,
# and _suspect sends every name any of them might concern to the full path. What
# is left has no problem and its info needs only the compound surname look-up of
# han_split (no title ends it). The differential test holds this to _check.

_PLAIN_HAN = re.compile("[\u4e00-\u9fa5]{2,10}")
_SUSPECT_NAMES = _PLACEHOLDERS | _EXAMPLES
# The endings that may make a title or an organization of a name, by length.
_ENDS_1 = SHORT_TITLES | {w for w in _ORGANIZATION if len(w) == 1}
_ENDS_2 = _TITLE_SET | {w for w in _ORGANIZATION if len(w) == 2}
_ENDS_3 = _TITLE_SET | {w for w in _ORGANIZATION if len(w) == 3}
assert max(map(len, (*TITLES, *_ORGANIZATION))) <= 3, "a longer ending needs a longer look"
_LAST_CHARACTERS = frozenset(w[-1] for w in (*_SUSPECT_NAMES, *_ENDS_1, *_ENDS_2, *_ENDS_3))
# Most names pass all of _suspect but the placeholder look-up in one match: first
# character not 老, 小 or 测 nor doubled, no 某 (U+67D0), last character ending no
# title or organization. The others go through _PLAIN_HAN and _suspect.
_BODY = "[\u4e00-\u67cf\u67d1-\u9fa5]"
_ENDING_LAST = "".join(sorted({w[-1] for w in (*_ENDS_1, *_ENDS_2, *_ENDS_3)}))
_PLAIN_SAFE = re.compile(f"(?![老小测])({_BODY})(?!\\1){_BODY}{{1,9}}(?<![{_ENDING_LAST}])")


# NameInfo built with its slots set directly: about a quarter cheaper than its __init__.
_build_info = slot_builder(NameInfo)


def _han_info(name: str, surname: str, given: str, compound: bool) -> NameInfo:
    """``NameInfo(name, "han", surname, given, compound, (name,), ())``, built cheaply."""
    return _build_info(name, "han", surname, given, compound, (name,), ())


def _suspect(name: str) -> bool:
    """True when a plain Chinese name may draw a problem or end in a title.

    Each test is wider than the check it stands for (老, 小 or 测 first; a doubled
    first character for 啊啊啊), so no name with a problem passes. Most names end
    in a character that ends no title, organization or placeholder, and are done
    after one look-up for the three of them.
    """
    last = name[-1]
    if last in _LAST_CHARACTERS and (
        name in _SUSPECT_NAMES or last in _ENDS_1 or name[-2:] in _ENDS_2 or name[-3:] in _ENDS_3
    ):
        return True
    return "某" in name or name[0] in "老小测" or name[0] == name[1]


def _check(value: object, *, allow_title_only: bool = False) -> Check:
    """The full path of :func:`check`, kept for the differential test of the fast one."""
    raw = normalize.as_text(value)
    if raw is None:
        return Check(None, (Problem("person_name.type"),))
    if len(raw) > _INPUT_LIMIT:
        return Check(None, (Problem("person_name.too_long", params={"max_length": MAX_LENGTH}),))
    name, spaced = _normalize(raw)
    if not name:
        return Check(None, (Problem("person_name.empty"),))
    if len(name) > MAX_LENGTH:
        return Check(None, (Problem("person_name.too_long", params={"max_length": MAX_LENGTH}),))
    problems = _problems(name, allow_title_only)
    if spaced:
        problems.insert(0, Problem("person_name.separator", Severity.WARNING))
    if any(p.severity is Severity.ERROR for p in problems):
        return Check(None, tuple(problems))
    return Check(name, tuple(problems), _info(name))


def validate(value: object, *, allow_title_only: bool = False) -> str:
    """The normalized name, or :class:`InvalidPersonName`."""
    result: str = check(value, allow_title_only=allow_title_only).unwrap(InvalidPersonName)
    return result


def is_valid(value: object, *, allow_title_only: bool = False) -> bool:
    """True when :func:`check` finds no error."""
    return check(value, allow_title_only=allow_title_only).ok


# --- info --------------------------------------------------------------------------------


def _info(name: str) -> NameInfo:
    scripts = _scripts(name)
    kind = "japanese" if "kana" in scripts else (scripts.pop() if len(scripts) == 1 else "other")
    surname: str | None
    given: str | None
    compound = False
    if kind == "han":
        surname, given, compound = han_split(name)
    elif kind == "latin":
        surname, given = latin_split(name)
    elif kind == "hangul":
        surname, given, compound = hangul_split(name)
    else:
        surname = given = None
    parts = tuple(p for p in re.split(f"[{DOT} ]", name) if p)
    rare = tuple(dict.fromkeys(c for c in name if is_han(c) and not _gbk(c)))
    return NameInfo(name, kind, surname, given, compound, parts, rare)


@functools.lru_cache(maxsize=4096)
def _gbk(char: str) -> bool:
    try:
        char.encode("gbk")
    except UnicodeEncodeError:
        return False
    return True


def info(value: object) -> NameInfo:
    """Script, surname guess, given name and parts of a valid name, or
    :class:`InvalidPersonName`.

    >>> info("Zhang Xiaoming").surname, info("Antoine de Saint-Exupéry").surname
    ('Zhang', 'de Saint-Exupéry')
    >>> info("刘䶮").rare_characters
    ('䶮',)
    """
    result = check(value, allow_title_only=True)
    result.unwrap(InvalidPersonName)
    facts: NameInfo = result.info
    return facts


def format(value: str) -> str:
    """The normalized name (see :func:`validate`)."""
    return validate(value)


def mask(value: str) -> str:
    """The first character, then ``***``.

    >>> mask("欧阳娜娜")
    '欧***'
    """
    return masking.name(compact(value))


_GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红"
    + "建文辉力鹏飞斌宇浩凯婷雪琳晨欣怡子涵梓轩诺思雨博"
)
_RARE = ("䶮", "𠮷", "𬌗", "﨑")
_MINORITY = ("买买提", "艾力", "阿依古丽", "热依拉", "古丽", "努尔", "吐尔逊", "热合曼", "迪丽拜尔")
_LATIN_GIVEN = ("John", "Mary", "Anna", "José", "Zoë", "Søren", "Chloé", "Liam", "Olivia")
_LATIN_FAMILY = ("Smith", "García", "Müller", "O'Brien", "Dubois", "Nguyen", "Saint-Exupéry")


def generate(rng: random.Random) -> str:
    """A plausible valid name: mostly Chinese (now and then a compound surname, a
    rare character or a minority name with the middle dot), sometimes Latin."""
    roll = rng.random()
    if roll < 0.1:
        return f"{rng.choice(_LATIN_GIVEN)} {rng.choice(_LATIN_FAMILY)}"
    if roll < 0.2:
        first, second = rng.sample(_MINORITY, 2)
        return first + DOT + second
    compound = sorted(compound_surnames())
    surname = (
        rng.choice(compound)
        if roll < 0.25
        else rng.choice("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高")
    )
    given = "".join(rng.choice(_GIVEN) for _ in range(rng.randint(1, 2)))
    if roll > 0.95:
        given = given[:1] + rng.choice(_RARE)
    return surname + given
