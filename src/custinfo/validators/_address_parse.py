"""Reading a Chinese address: noise off, divisions from the start, then street and detail.

Divisions are matched only where they can be: from the start, each one right
after the previous (separators between them skipped), each a level below the
last and inside it. A short form followed by a road word is a road (北京路, 中山北路),
unless a division inside it follows (广东中山 is 中山市). Every consistent reading
is scored (more divisions, longer matches, full names, names in use) and the best
kept; equal readings that are not nested are an ambiguity. Names are looked up in
a dict by their first two characters and length, only where a division may start,
and every regular expression is anchored with bounded repetition: the work grows
at most linearly with the input.

>>> r = parse("广东省广州市越秀区北京路88号", None)
>>> [h.entry.name for h in r.readings[0]], r.street, r.detail
(['广东省', '广州市', '越秀区'], '北京路88号', '')
>>> sorted(h[-1].entry.division.code for h in parse("鼓楼区中山路1号", None).readings)
['320106', '320302', '350102', '410204']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from attrs import define

from custinfo import normalize
from custinfo.validators import _address_names as names
from custinfo.validators._address_names import Entry

__all__ = ["Hit", "Parse", "clean", "parse", "scope"]

_LABEL = re.compile(
    r"(?:(?:联系|通讯|通信|收货|收件|收件人|寄件|注册|办公|公司|单位|家庭|详细|居住|现住|现居住"
    r"|户籍|经营|邮寄|送货|所在|常住|住所)?(?:地址|住址)|所在地区?|住所)\s*(?:[:;,]\s*)?"
)
_POSTAL_LABEL = r"(?:邮编|邮政编码)"
_POSTAL_HEAD = re.compile(rf"\(?(?:{_POSTAL_LABEL}\s*:?\s*)?\d{{6}}\)?(?=[\s,;]|[^\x00-\x7f])")
_POSTAL_TAIL = re.compile(
    rf"(?:[\s,;(]+(?:{_POSTAL_LABEL}\s*:?\s*)?|{_POSTAL_LABEL}\s*:?\s*)\d{{6}}\)?\s*$"
)
_SPACE = re.compile(r" (?![A-Za-z0-9])|(?<![A-Za-z0-9]) ")
_COUNTRY = ("中华人民共和国", "中国")

_SEPARATORS = frozenset(" ,;:/|\\-_·>()、")
_SKIPPED = tuple(sorted((p for p in names.PLACEHOLDERS if len(p) > 1), key=len, reverse=True))

# What makes a short form part of a road or a landmark rather than a division:
# 北京路, 中山北路, 南京东路, 朝阳门, 西湖公园.
_ROADLIKE = re.compile(
    r"[东西南北中]?(?:[一二三四五六七八九十]|\d{1,2})?"
    r"(?:大道|大街|胡同|公路|路|街|道|巷|弄|门|桥|里|村|镇|乡|屯|公园|广场|社区|小区|花园|大厦"
    r"|中心|市场|机场|车站|站|港|湾|大学|学院|医院|商场|酒店|宾馆)"
)

_TOWN = re.compile(
    r"[^\W\d_路街巷弄号室栋幢层]{1,10}?(?:街道办事处|街道办|街道|民族乡|镇|乡|苏木)"
    r"(?!路|街(?!道)|大道|大街|巷)"
)
_ROAD_TOWN = re.compile(r"[^\W\d_号室栋幢层]{1,12}?[路街](?:街道办事处|街道办|街道)")
_ROAD = re.compile(
    r"[^\W\d_号室栋幢层]{1,20}?(?:大道|大街|胡同|公路|路|街|巷|弄|道)"
    r"(?:[东西南北中]?[一二三四五六七八九十\d]{1,3}段)?"
    r"(?:(?:[甲乙丙丁]?\d{1,5}(?:-\d{1,4})?|[一二三四五六七八九十百零〇]{1,5})"
    r"(?:号院|号|號|弄)(?![楼栋幢座层])|\d{1,5}(?![\d号號楼栋幢座层室单-]))?"
)


# Development and pilot zones are not divisions; a county may follow one.
_ZONE = re.compile(
    r"[^\W\d_]{2,10}?(?:经济技术开发区|高新技术产业开发区|开发区|高新区|新区|园区|实验区|合作区|示范区)"
)
_NUMBERED = re.compile(
    r"[^\W\d_号室栋幢层楼座]{2,12}?[甲乙丙丁]?\d{1,5}(?:-\d{1,4})?(?:号|號)(?![楼栋幢座层室单院])"
)


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


def _strip_country(text: str) -> str:
    for country in _COUNTRY:
        if text.startswith(country):
            rest = text[len(country) :].lstrip("".join(_SEPARATORS))
            if any(True for _ in _matches(rest, 0)):  # 中国北京, 中国石家庄; not 中国银行
                return rest
    return text


def _strip_once(text: str) -> str:
    label = _LABEL.match(text)
    if label:
        text = text[label.end() :]
    # Searched in the last characters only: a postal code ends the text, and a search
    # over the whole of a long run of separators would be quadratic.
    tail = _POSTAL_TAIL.search(text, max(0, len(text) - 24))
    if tail:
        text = text[: tail.start()]
    head = _POSTAL_HEAD.match(text)
    if head:
        text = text[head.end() :]
    return _strip_country(_SPACE.sub("", text.strip(" ,;")))


def clean(value: str) -> str:
    """Width folded, spaces dropped (kept between Latin words), labels, postal codes and
    a leading 中国 off, as often as they occur (so cleaning twice changes nothing)."""
    text = normalize.text(value)
    while True:  # every round shortens the text or ends the loop
        stripped = _strip_once(text)
        if stripped == text:
            return text
        text = stripped


def _matches(text: str, pos: int) -> Iterator[tuple[Entry, int]]:
    rest = len(text) - pos
    for length in names.lengths(text[pos : pos + 2]):
        if length <= rest:
            for entry in names.lookup(text[pos : pos + length]):
                yield entry, pos + length


def scope(entry: Entry) -> str:
    """The code prefix every division below ``entry`` starts with."""
    if entry.rank == 2:
        return entry.division.code
    if entry.rank == 0 or entry.division.level == "province":
        return entry.division.code[:2]
    return entry.division.code[:4]


@functools.cache
def _heir_scope(code: str) -> str | None:
    # Divisions now under the heir of a former prefecture fit under its old name too
    # (贵州省毕节地区七星关区: 七星关区 is under 毕节市, which 毕节地区 became).
    division = names.get_division(code)
    heir = names.successor(division, None)
    if heir is None or heir.code == code or heir.level != "prefecture":
        return None
    return heir.code[:4]


def _fits(last: Hit | None, entry: Entry) -> bool:
    as_own_city = entry.rank == 1 and entry.division.level == "province"
    if last is None:
        return not as_own_city
    if entry.rank <= last.entry.rank:
        return False
    if as_own_city:
        return last.entry.rank == 0 and last.entry.division.code == entry.division.code
    code = entry.division.code
    if code.startswith(scope(last.entry)):
        return True
    if last.entry.rank == 1 and not last.entry.current:
        heir = _heir_scope(last.entry.division.code)
        return heir is not None and code.startswith(heir)
    return False


def _skip(text: str, pos: int) -> int:
    moved = True
    while moved:
        moved = False
        while pos < len(text) and text[pos] in _SEPARATORS:
            pos += 1
            moved = True
        for placeholder in _SKIPPED:
            if text.startswith(placeholder, pos):
                pos += len(placeholder)
                moved = True
    return pos


def _continued(text: str, pos: int, hit: Hit) -> bool:
    return any(_fits(hit, e) for e, _ in _matches(text, _skip(text, pos)))


def _candidates(text: str, pos: int, last: Hit | None, mismatched: bool) -> list[Hit]:
    found: list[Hit] = []
    strays: list[Hit] = []
    for entry, end in _matches(text, pos):
        hit = Hit(entry, pos, end)
        if entry.short and _ROADLIKE.match(text, end) and not _continued(text, end, hit):
            continue
        own_city = entry.short and entry.rank == 1 and entry.division.level == "province"
        if own_city and not _continued(text, end, hit):
            continue  # 北京市北京朝阳区, but not 北京市北京经济技术开发区
        if entry.name.endswith("市") and text.startswith("场", end):
            continue  # 市场, a market
        if _fits(last, entry):
            found.append(hit)
        elif (
            last is not None and not mismatched and not entry.short and entry.rank > last.entry.rank
        ):
            strays.append(Hit(entry, pos, end, mismatch=True))
    return found or strays


def _after(text: str, hit: Hit) -> Iterator[tuple[int, bool]]:
    """Where the next division may start, and whether it must be a full name.

    Separators, 市辖区 and a repeated name are skipped; for a municipality the next may
    also follow the 县 of its county grouping (重庆市县城口县); and a full name may follow
    a development zone, which is not a division (河北省雄安新区容城县).
    """
    pos = _skip(text, hit.end)
    yield pos, False
    again = _repeated(text, hit, pos)
    if again != pos:  # 南京市南京市鼓楼区, from a form filled twice (but 通化通化县)
        yield again, False
    if hit.entry.division.code in names.MUNICIPALITIES and text.startswith("县", pos):
        yield pos + 1, False
    zone = _ZONE.match(text, pos)
    if zone:
        yield _skip(text, zone.end()), True


def _repeated(text: str, hit: Hit, pos: int) -> int:
    written = text[hit.start : hit.end]
    return _skip(text, pos + len(written)) if text.startswith(written, pos) else pos


def _end(text: str, hit: Hit) -> int:
    """Where the street begins after the last division (a full name repeated skipped)."""
    pos = _skip(text, hit.end)
    return pos if hit.entry.short else _repeated(text, hit, pos)


def _readings(
    text: str, pos: int, last: Hit | None, mismatched: bool, full_only: bool = False
) -> Iterator[tuple[Hit, ...]]:
    """Every reading from ``pos`` on that cannot be lengthened by a fitting division
    (a shorter one always scores lower); the empty reading when none fits."""
    candidates = (
        []
        if last is not None and last.entry.rank == 2
        else _candidates(text, pos, last, mismatched)
    )
    if full_only:
        candidates = [h for h in candidates if not h.entry.short and not h.mismatch]
    if not candidates or all(h.mismatch for h in candidates):
        yield ()
    for hit in candidates:
        for nxt, full in _after(text, hit):
            for rest in _readings(text, nxt, hit, mismatched or hit.mismatch, full):
                yield (hit, *rest)


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


def _contains(outer: Hit, inner: Hit) -> bool:
    return inner.entry.division.code.startswith(scope(outer.entry))


def _best(text: str, year: int | None) -> tuple[tuple[Hit, ...], ...]:
    start = _skip(text, 0)
    readings = [r for r in _readings(text, start, None, False) if r]
    if not readings:
        return ()
    scores = [_score(r, year) for r in readings]
    top = max(scores)
    best = list(
        {
            r[-1].entry.division.code: r for r, s in zip(readings, scores, strict=True) if s == top
        }.values()
    )
    if len(best) > 1:  # nested readings (吉林省 / 吉林市) are not ambiguous: keep the outer
        for outer in best:
            if all(_contains(outer[-1], other[-1]) for other in best):
                return (outer,)
    return tuple(best)


def _street(rest: str) -> tuple[str | None, str]:
    """A sub-district, town or township; else a road (with its number); else a named
    place with a house number (清华园1号, 团结湖北里3号)."""
    found = _ROAD_TOWN.match(rest) or _TOWN.match(rest) or _ROAD.match(rest)
    found = found or _NUMBERED.match(rest)
    if found:
        return found.group(), rest[found.end() :].lstrip("".join(_SEPARATORS))
    return None, rest


def parse(text: str, year: int | None) -> Parse:
    """Read a cleaned address (see :func:`clean`); ``year`` decides which names are in use."""
    readings = _best(text, year)
    end = _end(text, readings[0][-1]) if readings else _skip(text, 0)
    street, detail = _street(text[end:])
    return Parse(text, readings, street, detail)
