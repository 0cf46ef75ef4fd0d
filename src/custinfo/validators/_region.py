"""The administrative division a name starts with (北京, 广东省深圳市, 朝阳区).

Names of enterprises start with their region (企业名称登记管理规定 2020 第六、七条)
or carry it in brackets after the trade name (腾讯科技(深圳)有限公司). Division
names come from :mod:`custinfo.divisions`; short forms without 省/市 (北京,
深圳) and of autonomous regions (广西) are read for provinces and prefectures
only, so that 东方电气 is not taken for 东方市 (a county-level city). It is a
guess: 中山大学 starts with the name of 中山市.

>>> leading_region("广东省深圳市南山区华信科技有限公司")
('广东省深圳市南山区', '440305')
>>> leading_region("朝阳区张三便利店")  # two 朝阳区: no code
('朝阳区', None)
>>> leading_region("腾讯科技(深圳)有限公司"), leading_region("东方电气股份有限公司")
(('深圳', '440300'), (None, None))
"""

from __future__ import annotations

import functools
import re

from custinfo import divisions

__all__ = ["leading_region"]


_SHORT_FORMS = {
    "广西": "广西壮族自治区",
    "内蒙古": "内蒙古自治区",
    "新疆": "新疆维吾尔自治区",
    "西藏": "西藏自治区",
    "宁夏": "宁夏回族自治区",
    "香港": "香港特别行政区",
    "澳门": "澳门特别行政区",
}


@functools.cache
def _index() -> dict[str, tuple[divisions.Division, ...]]:
    """Every name a division is found by: its names and, where no division has that
    name, the short forms (北京, 广西, 深圳) of provinces and prefectures, never of
    counties, so 东方电气 is not 东方市."""
    names: dict[str, list[divisions.Division]] = {}
    shorts: dict[str, list[divisions.Division]] = {}
    for division in divisions.all_divisions():
        for name in dict.fromkeys(division.names):
            names.setdefault(name, []).append(division)
            short = name[:-1]
            if division.level != "county" and name.endswith(("省", "市")) and len(short) >= 2:
                shorts.setdefault(short, []).append(division)
    for short, long in _SHORT_FORMS.items():
        shorts.setdefault(short, []).extend(names.get(long, ()))
    return {k: tuple(v) for k, v in (shorts | names).items()}


def _lookup(text: str, parent: str) -> tuple[divisions.Division, ...]:
    """Divisions called ``text`` whose code starts with ``parent``."""
    found = _index().get(text, ())
    return tuple(d for d in found if d.code.startswith(parent)) if parent else found


def _code(found: tuple[divisions.Division, ...]) -> str | None:
    current = [d for d in found if d.current] or list(found)
    return current[0].code if len(current) == 1 else None


def _division_at(name: str, start: int, parent: str) -> tuple[int, str | None] | None:
    """The longest division name at ``start`` (its length and unambiguous code)."""
    for end in range(min(len(name) - 1, start + 12), start + 1, -1):
        found = _lookup(name[start:end], parent)
        if found:
            return end - start, _code(found)
    return None


_BRACKETED = re.compile(r"\(([^()]{2,12})\)")


def leading_region(name: str) -> tuple[str | None, str | None]:
    """The division names the name starts with (or, as in 腾讯科技(深圳)有限公司, puts
    in brackets after the trade name), and the deepest unambiguous code."""
    start, code, prefix = 0, None, ""
    while (found := _division_at(name, start, prefix)) is not None:
        length, found_code = found
        start += length
        code = found_code
        if found_code is None:
            break
        prefix = found_code[:2] if found_code.endswith("0000") else found_code[:4]
        if found_code[4:] != "00":
            break
    if start:
        return name[:start], code
    for m in _BRACKETED.finditer(name):
        inside = _lookup(m[1], "")
        if inside:
            return m[1], _code(inside)
    return None, None
