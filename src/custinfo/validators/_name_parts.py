"""Splitting a personal name into surname and given name (information only).

The surname is a guess and never decides whether a name is valid. Chinese
names: a compound surname from the table (欧阳, 司马, …) when the name has three
or more characters, else the first character. Latin names: the comma form
(``Smith, John``), a word in capitals (``ZHANG San``), pinyin in Chinese order
(``Zhang Xiaoming``), else the last word with its particles (``de Saint-Exupéry``).

>>> han_split("欧阳娜娜"), han_split("欧阳"), han_split("李明先生")
(('欧阳', '娜娜', True), ('欧', '阳', False), ('李', '明', False))
>>> han_split("王先生"), han_split("欧阳先生"), han_split("张总")
(('王', None, False), ('欧阳', None, True), ('张', None, False))
>>> latin_split("Zhang Xiaoming"), latin_split("Ludwig van Beethoven")
(('Zhang', 'Xiaoming'), ('van Beethoven', 'Ludwig'))
"""

from __future__ import annotations

import functools
import re
import unicodedata

from custinfo.data import read_table

__all__ = [
    "DOT",
    "LATIN_TITLES",
    "SHORT_TITLES",
    "TITLES",
    "compound_surnames",
    "han_split",
    "hangul_split",
    "latin_split",
    "words",
]

DOT = "\u00b7"
"""The middle dot of transliterated names (U+00B7)."""


def words(text: str) -> tuple[str, ...]:
    """The whitespace-separated words of ``text`` (word lists are written as text)."""
    return tuple(text.split())


TITLES = tuple(
    sorted(
        words(
            """先生 女士 小姐 太太 夫人 老师 经理 总经理 副总 总监 主任 主管 老板 老板娘 董事长
            董事 局长 处长 科长 部长 院长 校长 书记 厂长 律师 医生 大夫 教授 博士 师傅 会计 助理
            秘书 工程师 老总 总工 阿姨 叔叔 同学 总裁 行长 站长 所长 队长 组长 班长 警官 护士
            主席 委员 代表 专员 顾问 教练 掌柜 大姐 大哥 姐姐 哥哥 小哥 师兄 师姐"""
        ),
        key=len,
        reverse=True,
    )
)
"""Forms of address and job titles that follow a surname (longest first)."""

_TITLE_SET = frozenset(TITLES)

SHORT_TITLES = frozenset("总董工姐哥叔姨老导")
"""One-character titles: 张总, 李工, 王姐."""

LATIN_TITLES = frozenset(words("mr mrs ms miss mx dr prof sir madam mme mlle herr frau"))

_KOREAN_COMPOUND = frozenset(words("남궁 황보 제갈 선우 독고 사공 서문"))
_PARTICLES = frozenset(words("van von de der den da di du del della la le dos das ter ten"))
_SUFFIXES = frozenset(words("jr jr. sr sr. ii iii iv"))
_PINYIN = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|uai|uan|ian|iao|ai|ei|ao|ou|an|en|in|un|"
    r"ia|ie|iu|ua|uo|ui|ue|ve|er|a|o|e|i|u|v)){1,3}"
)


@functools.cache
def _surnames() -> dict[str, tuple[str, bool]]:
    return {row[0]: (row[1], row[2] == "1") for row in read_table("surnames.csv")}


@functools.cache
def compound_surnames() -> frozenset[str]:
    """The compound surnames of the table (欧阳, 司马, 诸葛 …)."""
    return frozenset(s for s, (_, compound) in _surnames().items() if compound)


@functools.cache
def _surname_pinyin() -> frozenset[str]:
    return frozenset(p for p, _ in _surnames().values())


def _plain(word: str) -> str:
    """Lower case without accents or tone marks (Zhāng -> zhang, Lǚ -> lu)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def han_split(name: str) -> tuple[str | None, str | None, bool]:
    """Surname, given name and whether the surname is compound; a trailing form of
    address is not part of the name (李明先生: 李 明; 王先生: 王 and no given name)."""
    if DOT in name or len(name) < 2:
        return None, None, False  # transliterated names have no surname in this sense
    titled = True
    if len(name) > 3 and name[-3:] in _TITLE_SET:
        name = name[:-3]
    elif len(name) > 2 and name[-2:] in _TITLE_SET:
        name = name[:-2]
    elif len(name) == 2 and name[1] in SHORT_TITLES:
        name = name[:1]
    else:
        titled = False
    if titled and name in compound_surnames():
        return name, None, True  # 欧阳先生
    if len(name) >= 3 and name[:2] in compound_surnames():
        return name[:2], name[2:], True
    return name[0], name[1:] or None, False


def hangul_split(name: str) -> tuple[str | None, str | None, bool]:
    """Korean: one-syllable surnames, and the few two-syllable ones (남궁, 황보 …)."""
    plain = name.replace(" ", "")
    if len(plain) < 2:
        return None, None, False
    compound = len(plain) >= 3 and plain[:2] in _KOREAN_COMPOUND
    cut = 2 if compound else 1
    return plain[:cut], plain[cut:], compound


def latin_split(name: str) -> tuple[str | None, str | None]:
    """Surname and given names of a Latin-script name."""
    if "," in name:
        surname, _, given = name.partition(",")
        return surname.strip(), given.strip() or None
    parts = [w for w in name.split(" ") if w.lower() not in _SUFFIXES]
    if len(parts) > 2 and parts[0].lower().rstrip(".") in LATIN_TITLES:
        parts = parts[1:]  # Mr John Smith
    if len(parts) < 2:
        return None, name
    capitals = [i for i, w in enumerate(parts) if len(w) > 1 and w.isupper() and "." not in w]
    if len(capitals) == 1:  # ZHANG San, San ZHANG: the word in capitals is the surname
        i = capitals[0]
        return parts[i], " ".join(parts[:i] + parts[i + 1 :])
    plain = [_plain(w).replace("-", "").replace("'", "") for w in parts]
    if all(_PINYIN.fullmatch(p) for p in plain) and plain[0] in _surname_pinyin():
        return parts[0], " ".join(parts[1:])  # pinyin, surname first: Zhang Xiaoming
    start = len(parts) - 1
    while start > 1 and parts[start - 1].lower() in _PARTICLES:
        start -= 1
    return " ".join(parts[start:]), " ".join(parts[:start])
