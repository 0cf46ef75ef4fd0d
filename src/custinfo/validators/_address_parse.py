"""Reading a Chinese address: noise off, divisions from the start, then street and detail.

Divisions are matched only where they can be: from the start, each one right
after the previous (separators between them skipped), each a level below the
last and inside it. A short form followed by a road word is a road (北京路, 中山北路),
unless a division inside it follows (广东中山 is 中山市). Every consistent reading
is scored (more divisions, longer matches, full names, names in use) and the best
kept; equal readings that are not nested are an ambiguity. Names are found by
walking a trie of every name from where a division may start, and every regular
expression is anchored with bounded repetition: the work grows at most linearly
with the input.

Reading the divisions is the costly part, and the same heads (北京市海淀区,
广东省深圳市南山区) come back in every stream of addresses, so a reading is
remembered together with the exact conditions under which it holds. The reader
looks at the text only through a few *observations* (the names that start at a
position, a road word after a short form, separators and placeholders, a
development zone, a repeated name), each of which also reports the last position it
read. The readings are a function of the observations' results, and an observation
that read nothing past the furthest division found is a function of the head (the
text up to there). So the readings are remembered under the head, together with
the observations that read past it and their results, and are reused for any text
that starts with that head and gives the same results (the reader would make the
same observations on it, one after another, with the same results). Only heads are
kept (at most ``MEMO_SIZE``), never whole addresses.

>>> r = parse("广东省广州市越秀区北京路88号", None)
>>> [h.entry.name for h in r.readings[0]], r.street, r.detail
(['广东省', '广州市', '越秀区'], '北京路88号', '')
>>> sorted(h[-1].entry.division.code for h in parse("鼓楼区中山路1号", None).readings)
['320106', '320302', '350102', '410204']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from typing import Any

import attrs
from attrs import define

from custinfo import normalize
from custinfo.validators import _address_names as names
from custinfo.validators._address_names import Entry

__all__ = [
    "MEMO_SIZE",
    "NO_TOWN_STREET",
    "PLAIN",
    "SEPARATOR_CHARS",
    "STREET",
    "STREET_SKIPS",
    "TOWN_MARKS",
    "Head",
    "Hit",
    "Parse",
    "clean",
    "find_head",
    "head",
    "is_clean",
    "parse",
    "postal_ending",
    "scope",
    "split_street",
    "street_start",
]

_LABEL_QUALIFIERS = (
    *("联系", "通讯", "通信", "收货", "收件", "收件人", "寄件", "注册", "办公", "公司", "单位"),
    *("家庭", "详细", "居住", "现住", "现居住", "户籍", "经营", "邮寄", "送货", "所在", "常住"),
    "住所",
)
_LABEL_WORDS = ("地址", "住址")
_LABEL = re.compile(
    rf"(?:(?:{'|'.join(_LABEL_QUALIFIERS)})?(?:{'|'.join(_LABEL_WORDS)})|所在地区?|住所)"
    r"\s*(?:[:;,]\s*)?"
)
_LABEL_STARTS = frozenset(w[0] for w in (*_LABEL_QUALIFIERS, *_LABEL_WORDS, "所在地", "住所"))
_POSTAL_LABEL = r"(?:邮编|邮政编码)"
_POSTAL_HEAD = re.compile(rf"\(?(?:{_POSTAL_LABEL}\s*:?\s*)?\d{{6}}\)?(?=[\s,;]|[^\x00-\x7f])")
_POSTAL_TAIL = re.compile(
    rf"(?:[\s,;(]+(?:{_POSTAL_LABEL}\s*:?\s*)?|{_POSTAL_LABEL}\s*:?\s*)\d{{6}}\)?\s*$"
)
_SPACE = re.compile(r" (?![A-Za-z0-9])|(?<![A-Za-z0-9]) ")
_COUNTRY = ("中华人民共和国", "中国")

_SEPARATOR_CHARS = " ,;:/|\\-_·>()、"
_SEPARATORS = frozenset(_SEPARATOR_CHARS)
_SKIPPED = tuple(sorted((p for p in names.PLACEHOLDERS if len(p) > 1), key=len, reverse=True))
_SKIPPED_FIRST = frozenset(p[0] for p in _SKIPPED)
STREET_SKIPS = _SEPARATORS | _SKIPPED_FIRST
"""The characters after the last division that :func:`street_start` skips (or may)."""

# What makes a short form part of a road or a landmark rather than a division:
# 北京路, 中山北路, 南京东路, 朝阳门, 西湖公园.
_DIRECTIONS = "东西南北中"
_NUMERALS = "一二三四五六七八九十"
_ROAD_WORDS = (
    *("大道", "大街", "胡同", "公路", "路", "街", "道", "巷", "弄", "门", "桥", "里", "村"),
    *("镇", "乡", "屯", "公园", "广场", "社区", "小区", "花园", "大厦", "中心", "市场"),
    *("机场", "车站", "站", "港", "湾", "大学", "学院", "医院", "商场", "酒店", "宾馆"),
)
_ROADLIKE = re.compile(rf"[{_DIRECTIONS}]?(?:[{_NUMERALS}]|\d{{1,2}})?(?:{'|'.join(_ROAD_WORDS)})")
_ROAD_PREFIX_CHARS = frozenset(_DIRECTIONS + _NUMERALS)
_ROAD_WORD_STARTS = frozenset(w[0] for w in _ROAD_WORDS)
_ROAD_WORD_WIDTH = max(len(w) for w in _ROAD_WORDS)
_ROADLIKE_WIDTH = 1 + 2 + _ROAD_WORD_WIDTH  # a direction, two digits, a road word

# The street: a sub-district, town or township, else a road with its number, else a
# named place with a house number; the first of these that matches.
_TOWN = (
    r"[^\W\d_路街巷弄号室栋幢层]{1,10}?(?:街道办事处|街道办|街道|民族乡|镇|乡|苏木)"
    r"(?!路|街(?!道)|大道|大街|巷)"
)
_ROAD_TOWN = r"[^\W\d_号室栋幢层]{1,12}?[路街](?:街道办事处|街道办|街道)"
_ROAD = (
    r"[^\W\d_号室栋幢层]{1,20}?(?:大道|大街|胡同|公路|路|街|巷|弄|道)"
    r"(?:[东西南北中]?[一二三四五六七八九十\d]{1,3}段)?"
    r"(?:(?:[甲乙丙丁]?\d{1,5}(?:-\d{1,4})?|[一二三四五六七八九十百零〇]{1,5})"
    r"(?:号院|号|號|弄)(?![楼栋幢座层])|\d{1,5}(?![\d号號楼栋幢座层室单-]))?"
)
_NUMBERED = (
    r"[^\W\d_号室栋幢层楼座]{2,12}?[甲乙丙丁]?\d{1,5}(?:-\d{1,4})?(?:号|號)(?![楼栋幢座层室单院])"
)
_STREET_KINDS = (_ROAD_TOWN, _TOWN, _ROAD, _NUMBERED)
"""The patterns of a street, in the order they are tried."""
# An alternation tries its branches in order: one match does what four would.
_STREET = re.compile("|".join(f"(?:{p})" for p in _STREET_KINDS))
STREET = _STREET
"""The street at the start of what follows the divisions (see :func:`split_street`)."""
NO_TOWN_STREET = re.compile("|".join(f"(?:{p})" for p in (_ROAD, _NUMBERED)))
"""What :data:`STREET` matches in a text without any of :data:`TOWN_MARKS`: a town
(and a sub-district named after its road) ends in one of them, so neither of the
first two kinds can match there, and an alternation takes the first kind that does."""
TOWN_MARKS = ("街道", "镇", "乡", "苏木")
SEPARATOR_CHARS = _SEPARATOR_CHARS
"""Separators between the parts, dropped before the detail (see :func:`split_street`)."""

# Development and pilot zones are not divisions; a county may follow one.
_ZONE_KINDS = (
    *("经济技术开发区", "高新技术产业开发区", "开发区", "高新区", "新区", "园区", "实验区"),
    *("合作区", "示范区"),
)
_ZONE_NAME = (2, 10)  # characters of the name before the kind
_ZONE = re.compile(rf"[^\W\d_]{{{_ZONE_NAME[0]},{_ZONE_NAME[1]}}}?(?:{'|'.join(_ZONE_KINDS)})")
_ZONE_KIND = re.compile("|".join(_ZONE_KINDS))
(_ZONE_LAST,) = {k[-1] for k in _ZONE_KINDS}  # every kind ends in 区: a zone needs one in reach
_ZONE_NEAREST = _ZONE_NAME[0] + min(len(k) for k in _ZONE_KINDS) - 1
_ZONE_FARTHEST = _ZONE_NAME[1] + max(len(k) for k in _ZONE_KINDS) - 1

MEMO_SIZE = 4096
"""Division heads remembered; the memo starts afresh when it is full."""
_VARIANTS = 4  # readings kept per head (the text after it may change them)
_INDEXED = 6  # heads at least this long are found by their first so many characters
# Longer heads (separators or placeholders repeated between the names) are read every
# time: remembered, each would add a prefix length to try on every lookup.
_LONGEST_HEAD = 64


@define(frozen=True, slots=True)
class Hit:
    """A division name found in the text, with the meaning the reading gives it."""

    entry: Entry
    start: int
    end: int
    mismatch: bool = False  # outside the division written before it


@define(frozen=True, slots=True)
class Parse:
    """The best readings of the divisions (several when ambiguous), street and detail."""

    text: str
    readings: tuple[tuple[Hit, ...], ...]
    street: str | None
    detail: str


# --- observations --------------------------------------------------------------------------
# Each returns its result and the last position it read (``len(text)``: it saw the end),
# so that a remembered reading knows which of them the rest of a text may change.

Matches = tuple[tuple[int, tuple[Entry, ...]], ...]


def _walk(text: str, pos: int) -> tuple[Matches, int]:
    """The names that start at ``pos``, longest first, with where each ends."""
    node: Mapping[str, Any] = names.trie()
    found: list[tuple[int, tuple[Entry, ...]]] = []
    i = pos
    size = len(text)
    while i < size:
        child = node.get(text[i])
        if child is None:
            break
        node = child
        i += 1
        entries = node.get("")
        if entries is not None:
            found.append((i, entries))
            if len(node) == 1:  # no longer name goes on from here: nothing more to read
                return tuple(reversed(found)), i - 1
    return tuple(reversed(found)), i


def _roadlike(text: str, pos: int) -> tuple[bool, int]:
    char = text[pos : pos + 1]
    if char in _ROAD_PREFIX_CHARS or char.isdecimal():
        return _ROADLIKE.match(text, pos) is not None, pos + _ROADLIKE_WIDTH - 1
    if char not in _ROAD_WORD_STARTS:
        return False, pos
    # Neither optional prefix can take this character: only a road word may match here.
    return _ROADLIKE.match(text, pos) is not None, pos + _ROAD_WORD_WIDTH - 1


def _market(text: str, pos: int) -> tuple[bool, int]:
    return text.startswith("场", pos), pos


def _county(text: str, pos: int) -> tuple[bool, int]:
    return text.startswith("县", pos), pos


def _written_at(text: str, word: str, pos: int) -> tuple[bool, int]:
    """Whether ``word`` is written at ``pos``, and the last position compared."""
    if text.startswith(word, pos):
        return True, pos + len(word) - 1
    same = 0
    while pos + same < len(text) and text[pos + same] == word[same]:
        same += 1
    return False, pos + same


def _skip(text: str, pos: int) -> tuple[int, int]:
    """Past separators and placeholders (市辖区), as often as they come."""
    size = len(text)
    if pos >= size or (text[pos] not in _SEPARATORS and text[pos] not in _SKIPPED_FIRST):
        return pos, pos  # mostly: nothing to skip
    read = pos
    moved = True
    while moved:
        moved = False
        while pos < size and text[pos] in _SEPARATORS:
            pos += 1
            moved = True
        read = max(read, pos)
        if pos < size and text[pos] in _SKIPPED_FIRST:
            for placeholder in _SKIPPED:
                if text[pos : pos + 1] != placeholder[0]:
                    read = max(read, pos)  # after a placeholder skipped, pos moved on
                    continue
                written, compared = _written_at(text, placeholder, pos)
                read = max(read, compared)
                if written:
                    pos += len(placeholder)
                    moved = True
    return pos, read


def _repeated(text: str, start: int, end: int, pos: int) -> tuple[int, int]:
    """Past the name written at ``start:end`` when it is written again at ``pos``."""
    if not text.startswith(text[start], pos):
        return pos, pos  # mostly: the first character differs
    written, read = _written_at(text, text[start:end], pos)
    if not written:
        return pos, read
    after, skipped = _skip(text, pos + end - start)
    return after, max(read, skipped)


def _zone(text: str, pos: int) -> tuple[int, int]:
    """The end of a development zone written at ``pos`` (-1: none)."""
    read = pos + _ZONE_FARTHEST
    # A zone ends in one of its kinds, each ending in 区: only where one does in reach
    # may the expression match, and mostly none does.
    last = text.find(_ZONE_LAST, pos + _ZONE_NEAREST, read + 1)
    while last >= 0:
        if text.endswith(_ZONE_KINDS, pos + _ZONE_NAME[0], last + 1):
            found = _ZONE.match(text, pos)
            return (found.end() if found else -1), read
        last = text.find(_ZONE_LAST, last + 1, read + 1)
    return -1, read


class _Tape:
    """The observations made on one text, with the last position each read."""

    __slots__ = ("log", "text", "walks")

    def __init__(self, text: str) -> None:
        self.text = text
        self.walks: dict[int, tuple[Matches, int]] = {}
        self.log: list[tuple[Callable[..., tuple[Any, int]], tuple[int, ...], Any, int]] = []

    def walk(self, pos: int) -> Matches:
        found = self.walks.get(pos)  # the costliest and most repeated: made once
        if found is None:
            found = self.walks[pos] = _walk(self.text, pos)
        return found[0]

    def roadlike(self, pos: int) -> bool:
        result, read = _roadlike(self.text, pos)
        self.log.append((_roadlike, (pos,), result, read))
        return result

    def market(self, pos: int) -> bool:
        result, read = _market(self.text, pos)
        self.log.append((_market, (pos,), result, read))
        return result

    def county(self, pos: int) -> bool:
        result, read = _county(self.text, pos)
        self.log.append((_county, (pos,), result, read))
        return result

    def skip(self, pos: int) -> int:
        result, read = _skip(self.text, pos)
        self.log.append((_skip, (pos,), result, read))
        return result

    def repeated(self, start: int, end: int, pos: int) -> int:
        result, read = _repeated(self.text, start, end, pos)
        self.log.append((_repeated, (start, end, pos), result, read))
        return result

    def zone(self, pos: int) -> int:
        result, read = _zone(self.text, pos)
        self.log.append((_zone, (pos,), result, read))
        return result


# --- cleaning ------------------------------------------------------------------------------


def _strip_country(text: str) -> str:
    for country in _COUNTRY:
        if text.startswith(country):
            rest = text[len(country) :].lstrip(_SEPARATOR_CHARS)
            if _walk(rest, 0)[0]:  # 中国北京, 中国石家庄; not 中国银行
                return rest
    return text


def _strip_once(text: str) -> str:
    label = _LABEL.match(text) if text[:1] in _LABEL_STARTS else None
    if label:
        text = text[label.end() :]
    # A postal code at the end leaves a digit, a bracket or a space last; searched in the
    # last characters only: a search over a long run of separators would be quadratic.
    last = text[-1:]
    if last == ")" or last.isdecimal() or last.isspace():
        tail = _POSTAL_TAIL.search(text, max(0, len(text) - 24))
        if tail:
            text = text[: tail.start()]
    first = text[:1]
    if first in ("(", "邮") or first.isdecimal():
        head = _POSTAL_HEAD.match(text)
        if head:
            text = text[head.end() :]
    text = text.strip(" ,;")
    if " " in text:
        text = _SPACE.sub("", text)
    return _strip_country(text)


_UNSETTLED_FIRST = frozenset("(邮 ,;")  # a postal code before, or what text.strip takes
_UNSETTLED_LAST = frozenset(" ,;")


def _settled(text: str) -> bool:
    """True only when :func:`_strip_once` would leave ``text`` as it is (most input): the
    tests it makes, each answered by the first or last character where it can be."""
    first = text[:1]
    if first in _UNSETTLED_FIRST or first.isdecimal() or " " in text:
        return False
    if first in _LABEL_STARTS and _LABEL.match(text):
        return False
    last = text[-1:]
    if last in _UNSETTLED_LAST or last.isspace():
        return False
    if (last == ")" or last.isdecimal()) and _POSTAL_TAIL.search(text, max(0, len(text) - 24)):
        return False
    return not text.startswith(_COUNTRY)


# A text :func:`clean` leaves as it is, told by one match: no full-width ASCII and no
# space (:func:`normalize.text` would fold them), and the first and last characters not
# ones _settled asks more about (a label, a postal code or 中国 may start it: such a text
# is sent the longer way; one ending in a digit is asked about a postal code).
# Invisible and other unprintable characters fail ``str.isprintable``.
_WIDE = "\uff01-\uff5e"
_PLAIN_FIRST = rf"[^{_WIDE} ,;()\d邮中{''.join(sorted(_LABEL_STARTS))}]"
PLAIN = re.compile(rf"{_PLAIN_FIRST}(?:[^{_WIDE} ]*(?:[0-9]|[^{_WIDE} ,;()\d]))?")
"""Printable text that matches this in full is clean unless it ends in a postal code
(:func:`postal_ending`, asked only of a text that ends in a digit): see :func:`is_clean`."""


def postal_ending(text: str) -> bool:
    """True when ``text`` ends in what :func:`clean` takes for a postal code."""
    return _POSTAL_TAIL.search(text, max(0, len(text) - 24)) is not None


def is_clean(text: str) -> bool:
    """True only when ``text`` is printable, not empty and :func:`clean` returns it as it
    is: most input, told at a fraction of the cost of cleaning."""
    if PLAIN.fullmatch(text) is None or not text.isprintable():
        return False
    # ending in a digit (1203室 written 1203), it may still end in a postal code
    return text[-1] not in "0123456789" or not postal_ending(text)


def clean(value: str) -> str:
    """Width folded, spaces dropped (kept between Latin words), labels, postal codes and
    a leading 中国 off, as often as they occur (so cleaning twice changes nothing)."""
    text = normalize.text(value)
    while not _settled(text):  # as _clean_rounds, the last round (no change) mostly foreseen
        stripped = _strip_once(text)
        if stripped == text:
            return text
        text = stripped
    return text


def _clean_rounds(text: str) -> str:
    """:func:`clean` after the normalization, round by round to the end (the reference)."""
    while True:  # every round shortens the text or ends the loop
        stripped = _strip_once(text)
        if stripped == text:
            return text
        text = stripped


# --- the divisions -------------------------------------------------------------------------


def scope(entry: Entry) -> str:
    """The code prefix every division below ``entry`` starts with."""
    return entry.scope


@functools.cache
def _heir_scope(code: str) -> str | None:
    # Divisions now under the heir of a former prefecture fit under its old name too
    # (贵州省毕节地区七星关区: 七星关区 is under 毕节市, which 毕节地区 became).
    division = names.get_division(code)
    heir = names.successor(division, None)
    if heir is None or heir.code == code or heir.level != "prefecture":
        return None
    return heir.code[:4]


def _fits(last: Entry | None, entry: Entry) -> bool:
    if last is None:
        return not entry.own_city
    if entry.rank <= last.rank:
        return False
    if entry.own_city:
        return last.rank == 0 and last.code == entry.code
    if entry.code.startswith(last.scope):
        return True
    if last.rank == 1 and not last.current:
        heir = _heir_scope(last.code)
        return heir is not None and entry.code.startswith(heir)
    return False


def _candidates(tape: _Tape, pos: int, last: Hit | None, mismatched: bool) -> list[Hit]:
    found: list[Hit] = []
    strays: list[Hit] = []
    above = last.entry if last is not None else None
    for end, entries in tape.walk(pos):
        roadlike = continued = None  # asked once per end, and only of a short form
        for entry in entries:
            if entry.short and (entry.own_city or roadlike is not False):
                if roadlike is None:
                    roadlike = tape.roadlike(end)
                if roadlike or entry.own_city:
                    if continued is None:
                        continued = tape.walk(tape.skip(end))
                    if not any(_fits(entry, e) for _, meant in continued for e in meant):
                        continue  # 北京路; 北京市北京朝阳区, but not 北京市北京经济技术开发区
            if entry.city_word and tape.market(end):
                continue  # 市场, a market
            if _fits(above, entry):
                found.append(Hit(entry, pos, end))
            elif (
                above is not None and not mismatched and not entry.short and entry.rank > above.rank
            ):
                strays.append(Hit(entry, pos, end, mismatch=True))
    return found or strays


def _after(tape: _Tape, hit: Hit) -> list[tuple[int, bool]]:
    """Where the next division may start, and whether it must be a full name.

    Separators, 市辖区 and a repeated name are skipped; for a municipality the next may
    also follow the 县 of its county grouping (重庆市县城口县); and a full name may follow
    a development zone, which is not a division (河北省雄安新区容城县).
    """
    pos = tape.skip(hit.end)
    found = [(pos, False)]
    again = tape.repeated(hit.start, hit.end, pos)
    if again != pos:  # 南京市南京市鼓楼区, from a form filled twice (but 通化通化县)
        found.append((again, False))
    if hit.entry.code in names.MUNICIPALITIES and tape.county(pos):
        found.append((pos + 1, False))
    zone = tape.zone(pos)
    if zone >= 0:
        found.append((tape.skip(zone), True))
    return found


def _readings(
    tape: _Tape, pos: int, last: Hit | None, mismatched: bool, full_only: bool
) -> list[tuple[Hit, ...]]:
    """Every reading from ``pos`` on that cannot be lengthened by a fitting division
    (a shorter one always scores lower); the empty reading when none fits."""
    candidates = _candidates(tape, pos, last, mismatched)
    if full_only:
        candidates = [h for h in candidates if not h.entry.short and not h.mismatch]
    found: list[tuple[Hit, ...]] = []
    if not candidates or all(h.mismatch for h in candidates):
        found.append(())
    for hit in candidates:
        if hit.entry.rank == 2:  # nothing is read below a county
            found.append((hit,))
            continue
        for nxt, full in _after(tape, hit):
            for rest in _readings(tape, nxt, hit, mismatched or hit.mismatch, full):
                found.append((hit, *rest))
    return found


def _score(reading: tuple[Hit, ...], year: int | None) -> tuple[int, ...]:
    """More divisions, longer text, full names, names in use, then the most recent names."""
    count = chars = full = used = recent = 0
    for h in reading:
        count += -1 if h.mismatch else 1
        chars += h.end - h.start
        full += not h.entry.short
        used += h.entry.in_use(year)
        recent += h.entry.until
    return (count, chars, full, used, recent)


def _contenders(readings: tuple[tuple[Hit, ...], ...]) -> tuple[tuple[Hit, ...], ...]:
    """The readings that may score best in some year: the first three parts of a score
    (:func:`_score`) do not depend on the year, and a reading behind in them is behind
    in every year."""
    if len(readings) < 2:
        return readings
    lead = []
    for reading in readings:
        count = chars = full = 0
        for h in reading:
            count += -1 if h.mismatch else 1
            chars += h.end - h.start
            full += not h.entry.short
        lead.append((count, chars, full))
    top = max(lead)
    return tuple(r for r, s in zip(readings, lead, strict=True) if s == top)


def _contains(outer: Hit, inner: Hit) -> bool:
    return inner.entry.code.startswith(outer.entry.scope)


def _best(readings: tuple[tuple[Hit, ...], ...], year: int | None) -> tuple[tuple[Hit, ...], ...]:
    if not readings:
        return ()
    scores = [_score(r, year) for r in readings]
    top = max(scores)
    # of equal readings ending in one division the last is kept (in order of the first)
    best = {r[-1].entry.code: r for r, s in zip(readings, scores, strict=True) if s == top}
    chosen = list(best.values())
    if len(chosen) > 1:  # nested readings (吉林省 / 吉林市) are not ambiguous: keep the outer
        for outer in chosen:
            if all(_contains(outer[-1], other[-1]) for other in chosen):
                return (outer,)
    return tuple(chosen)


# --- the memo of heads ---------------------------------------------------------------------

Observation = tuple[Callable[..., tuple[Any, int]], tuple[int, ...], Any]
"""An observation made beyond the head: the function, its arguments and its result."""


@define(eq=False, slots=True)
class Head:
    """The readings of a text's divisions, valid for every text that starts with the
    same head and gives the same results for the observations made beyond it:
    ``beyond``, and no development zone at the positions ``no_zone``.

    ``contenders`` are the readings that may be best in some year (the others score
    lower whatever the year); :meth:`best` picks from them. ``verdicts`` is for the
    validator to keep what it derives from the best readings (keyed as it likes, by
    year and whatever else it needs), since that depends on nothing else of the text.
    """

    contenders: tuple[tuple[Hit, ...], ...]
    beyond: tuple[Observation, ...] = ()
    no_zone: tuple[int, ...] = ()
    verdicts: dict[object, Any] = attrs.Factory(dict)
    # Zones are looked for after every division but a county, and mostly absent: one
    # search for a kind of zone anywhere in reach of them all settles most texts at once.
    zone_from: int = attrs.field(init=False)
    zone_to: int = attrs.field(init=False)  # (0, 0): nothing to search

    @zone_from.default
    def _zone_from(self) -> int:
        return self.no_zone[0] + _ZONE_NAME[0] if self.no_zone else 0

    @zone_to.default
    def _zone_to(self) -> int:
        return self.no_zone[-1] + _ZONE_FARTHEST + 1 if self.no_zone else 0

    def best(self, year: int | None) -> tuple[tuple[Hit, ...], ...]:
        """The best readings with the names in use in ``year`` (several when ambiguous)."""
        return _best(self.contenders, year)

    def holds_for(self, text: str) -> bool:
        """True when every observation beyond the head gives the same result on ``text``."""
        if self.beyond:
            for observe, args, result in self.beyond:
                if observe(text, *args)[0] != result:
                    return False
        if _ZONE_KIND.search(text, self.zone_from, self.zone_to) is None:
            return True
        return all(_zone(text, pos)[0] < 0 for pos in self.no_zone)


class _Memo:
    """Heads read so far, by head text; which prefixes of a text to try: the lengths of
    the heads under their first ``_INDEXED`` characters (``lengths``; of the shorter
    heads under their first two in ``short``), longest first. Heads sharing six
    characters are mostly of one or two lengths: a text is compared with one or two."""

    __slots__ = ("heads", "lengths", "short")

    def __init__(self) -> None:
        self.heads: dict[str, tuple[Head, ...]] = {}
        self.lengths: dict[str, tuple[int, ...]] = {}
        self.short: dict[str, tuple[int, ...]] = {}

    def clear(self) -> None:
        """Forget every head."""
        self.heads = {}
        self.lengths = {}
        self.short = {}

    def keep(self, text: str, end: int, found: Head) -> None:
        if len(self.heads) >= MEMO_SIZE:
            self.clear()
        key = text[:end]
        self.heads[key] = (*self.heads.get(key, ())[-(_VARIANTS - 1) :], found)
        index, under = (self.lengths, key[:_INDEXED]) if end >= _INDEXED else (self.short, key[:2])
        lengths = index.get(under, ())
        if end not in lengths:
            index[under] = tuple(sorted((*lengths, end), reverse=True))

    def find(self, text: str) -> Head | None:
        """The longest head ``text`` starts with that holds for it (its first variant that
        does), else None."""
        heads = self.heads
        search = _ZONE_KIND.search
        for length in self.lengths.get(text[:_INDEXED], ()):
            for known in heads.get(text[:length], ()):
                # Head.holds_for, its common case written out: no observation beyond
                # the head but the search for a zone, and no zone
                if not known.beyond and search(text, known.zone_from, known.zone_to) is None:
                    return known
                if known.holds_for(text):
                    return known
        for length in self.short.get(text[:2], ()):
            for known in heads.get(text[:length], ()):
                if known.holds_for(text):
                    return known
        return None


_MEMO = _Memo()
_NO_DIVISION = Head(())


def _read(text: str) -> tuple[Head, int]:
    tape = _Tape(text)
    every = tuple(r for r in _readings(tape, tape.skip(0), None, False, False) if r)
    if not every:
        return _NO_DIVISION, 0
    end = max(r[-1].end for r in every)  # the head: as far as any reading goes
    beyond: dict[tuple[Callable[..., tuple[Any, int]], tuple[int, ...]], Any] = {}
    no_zone: set[int] = set()
    for pos, (matches, read) in tape.walks.items():
        if read >= end:
            beyond[_walk, (pos,)] = matches
    for observe, args, result, read in tape.log:
        if read < end:
            continue  # a function of the head alone
        if observe is _zone and result < 0:
            no_zone.add(args[0])
        else:
            beyond[observe, args] = result
    checks = tuple((observe, args, result) for (observe, args), result in beyond.items())
    return Head(_contenders(every), checks, tuple(sorted(no_zone))), end


find_head = _MEMO.find
"""The remembered head of a cleaned text, or None (:func:`head` reads it then)."""


def head(text: str) -> Head:
    """The readings of the divisions a cleaned text starts with (see :func:`clean`)."""
    memo = _MEMO
    known = memo.find(text)
    if known is not None:
        return known
    found, end = _read(text)
    if 0 < end <= _LONGEST_HEAD:
        memo.keep(text, end, found)
    return found


# --- street and detail ---------------------------------------------------------------------


def street_start(text: str, last: Hit | None) -> int:
    """Where the street begins: after the last division (a full name repeated skipped)."""
    if last is None:
        return _skip(text, 0)[0]
    pos = last.end
    char = text[pos : pos + 1]
    if char in _SEPARATORS or char in _SKIPPED_FIRST:
        pos = _skip(text, pos)[0]
        char = text[pos : pos + 1]
    if last.entry.short or char != text[last.start]:  # mostly: the street follows at once
        return pos
    return _repeated(text, last.start, last.end, pos)[0]


def split_street(text: str, pos: int = 0) -> tuple[str | None, str]:
    """From ``pos`` on: a sub-district, town or township; else a road (with its number);
    else a named place with a house number (清华园1号, 团结湖北里3号). Then the detail."""
    found = _STREET.match(text, pos)  # no lookbehind: as if matched on text[pos:]
    if found:
        return found.group(), text[found.end() :].lstrip(_SEPARATOR_CHARS)
    return None, text[pos:]


def parse(text: str, year: int | None) -> Parse:
    """Read a cleaned address (see :func:`clean`); ``year`` decides which names are in use."""
    readings = head(text).best(year)
    start = street_start(text, readings[0][-1] if readings else None)
    street, detail = split_street(text, start)
    return Parse(text, readings, street, detail)
