"""Freeze the address validator's verdicts on a large generated corpus.

The fixture ``tests/vectors/address_verdicts.json`` records, for every input, what
``custinfo.validators.address.check`` returned: the value, every problem (code,
severity, params) and every field of the info. ``tests/validators/
test_address_differential.py`` asserts that the current parser still returns
exactly that, so a faster parser is proven equivalent rather than assumed.

The corpus is built here from the division table alone (not with the validator's
own generator): addresses of real divisions in use and historic ones, written in
full, with short forms, with levels left out, with separators, labels, postal
codes, a country prefix and full-width digits; then mutated towards the traps
(roads named after places, development zones, repeated names, placeholders,
municipal counties, markets, names shared by several divisions, divisions outside
the one written before them), truncated, edited character by character, and
mixed with junk from the characters division names are made of. Some records set
``today`` or ``require``.

Regenerate only from the implementation whose verdicts are to be frozen (the
parser as it was before a rewrite), e.g.:

    PYTHONPATH=/work/main/src /work/main/.venv/bin/python update/address_verdicts.py
"""

from __future__ import annotations

import datetime
import json
import random
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from custinfo import divisions
from custinfo.validators import address

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "vectors" / "address_verdicts.json"
VECTORS = ROOT / "tests" / "vectors" / "addresses.json"
SEED = 20261125
COUNT = 5000

_INFO_FIELDS = (
    "province",
    "city",
    "district",
    "street",
    "detail",
    "code",
    "level",
    "division_level",
    "province_code",
    "city_code",
    "district_code",
    "historic_code",
    "inferred",
)

_SEPARATORS = ["", "", "", "", " ", "-", ",", "/", "，", "、", "  ", "|", "·", ">", "_"]
_LABELS = [
    "",
    "",
    "",
    "",
    "",
    "地址：",
    "联系地址: ",
    "收货地址:",
    "住所",
    "中国",
    "中华人民共和国",
]
_POSTALS = ["", "", "", "", " 邮编100000", "(100000)", "（510620）", " 邮政编码:200000"]
_POSTAL_HEADS = ["", "", "", "", "", "100000 ", "(510620)"]
_ROADS = [
    "人民",
    "解放",
    "中山",
    "建设",
    "北京",
    "南京",
    "朝阳",
    "西湖",
    "鼓楼",
    "长安",
    "文三",
    "科技园",
]
_ROAD_KINDS = ["路", "大道", "街", "东路", "北路", "中路", "大街", "巷", "胡同", "一段", "二路"]
_TOWN_KINDS = ["镇", "街道", "乡", "街道办事处", "民族乡", "苏木"]
_PLACES = ["清华园", "团结湖北里", "幸福里小区", "阳光花园", "望京SOHO", "万达广场", "中关村"]
_DETAILS = [
    "",
    "",
    "3栋2单元501室",
    "阳光大厦12层",
    "幸福小区7号楼1203室",
    "A座1001",
    "1号院",
    "Tower 1",
    "B1-203",
    "(东门)",
]
_TRAPS = [
    "市辖区",
    "县",
    "市",
    "省直辖县级行政区划",
    "自治区直辖县级行政区划",
    "雄安新区",
    "高新区",
    "经济技术开发区",
    "滨海新区",
    "工业园区",
    "市场",
    "场",
    "路",
    "门",
    "公园",
    "中路",
    "东路5号",
    "大道",
    "北里",
    "村",
    "新区",
    "开发区",
    "-",
    ",",
    " ",
]
_SHARED = ["鼓楼区", "朝阳区", "城关区", "西湖区", "新华区", "和平区", "中山区", "铁西区", "市中区"]
_JUNK = (
    "北京市上海广东省州区县鼓楼朝阳中山路街道镇乡号新津西湖南门大道自治市辖新区开发场"
    + " -,0123456789"
)


def _short(name: str) -> str:
    for suffix in (
        "维吾尔自治区",
        "壮族自治区",
        "回族自治区",
        "特别行政区",
        "自治区",
        "自治州",
        "自治县",
        "省",
        "市",
        "地区",
        "盟",
        "区",
        "县",
    ):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def _names(code: str, year: int | None) -> list[str]:
    """Province, prefecture and county names of a code (as of ``year``; None: latest)."""
    found = []
    for d in divisions.path(code):
        name = d.name if year is None else (d.name_in(year) or d.name)
        if "直辖" not in name and name not in ("市辖区", "县"):
            found.append(name)
    return found


def _street(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.5:
        number = rng.choice([f"{rng.randrange(1, 999)}号", f"{rng.randrange(1, 99)}号院", ""])
        return f"{rng.choice(_ROADS)}{rng.choice(_ROAD_KINDS)}{number}"
    if kind < 0.75:
        return f"{rng.choice(_ROADS)}{rng.choice(_TOWN_KINDS)}"
    if kind < 0.9:
        return f"{rng.choice(_PLACES)}{rng.randrange(1, 50)}号"
    return ""


def _wide(text: str) -> str:
    return text.translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"})


def _written(rng: random.Random, parts: list[str]) -> str:
    """The division names as someone might write them: short, left out, separated."""
    shown = []
    for i, name in enumerate(parts):
        roll = rng.random()
        if roll < 0.15 and len(parts) > 1 and i < len(parts) - 1:
            continue  # a level left out
        shown.append(_short(name) if roll < 0.4 else name)
    return rng.choice(_SEPARATORS).join(shown)


def _address(rng: random.Random, leaves: list[divisions.Division]) -> str:
    leaf = rng.choice(leaves)
    year = None
    if not leaf.current and rng.random() < 0.5:
        year = leaf.until
    head = _written(rng, _names(leaf.code, year))
    tail = _street(rng) + rng.choice(_DETAILS)
    text = rng.choice(_LABELS) + rng.choice(_POSTAL_HEADS) + head
    return text + rng.choice(_SEPARATORS) + tail + rng.choice(_POSTALS)


def _trap(rng: random.Random, leaves: list[divisions.Division]) -> str:
    """A head followed by something the parser must not misread."""
    leaf = rng.choice(leaves)
    parts = _names(leaf.code, None)
    cut = rng.randrange(1, len(parts) + 1)
    head = _written(rng, parts[:cut])
    middle = rng.choice(
        [
            rng.choice(_TRAPS),
            rng.choice(_TRAPS) + rng.choice(_TRAPS),
            rng.choice(_SHARED),
            parts[cut - 1],  # written twice
            _short(parts[cut - 1]),
            rng.choice(_TRAPS) + (parts[cut] if cut < len(parts) else rng.choice(_SHARED)),
            _names(rng.choice(leaves).code, None)[-1],  # a division from elsewhere
            _short(_names(rng.choice(leaves).code, None)[-1]),
        ]
    )
    rest = rng.choice(["", _street(rng), rng.choice(_ROAD_KINDS) + "1号", _street(rng) + "1室"])
    return head + middle + rest


def _mixed(rng: random.Random, leaves: list[divisions.Division]) -> str:
    """Names from two places: a division outside the one written before it, or a
    name several divisions share, under a province or under nothing."""
    one, other = _names(rng.choice(leaves).code, None), _names(rng.choice(leaves).code, None)
    if rng.random() < 0.5:
        head = rng.choice([one[0], _short(one[0])]) + rng.choice(_SHARED)
    else:
        cut = rng.randrange(1, len(one) + 1)
        below = "".join(other[cut:] or other[-1:])
        head = _written(rng, one[:cut]) + rng.choice(_SEPARATORS) + below
    return head + rng.choice(["", _street(rng) + rng.choice(_DETAILS)])


def _edited(rng: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(rng.randrange(1, 3)):
        if not chars:
            break
        i = rng.randrange(len(chars))
        op = rng.randrange(4)
        if op == 0:
            del chars[i]
        elif op == 1:
            chars.insert(i, rng.choice(_JUNK))
        elif op == 2 and i + 1 < len(chars):
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        else:
            chars.insert(i, chars[i])
    return "".join(chars)


def _junk(rng: random.Random) -> str:
    length = rng.choice([rng.randrange(1, 12), rng.randrange(12, 60), rng.randrange(150, 210)])
    return "".join(rng.choice(_JUNK) for _ in range(length))


def corpus(seed: int = SEED, count: int = COUNT) -> list[tuple[str, str | None, str | None]]:
    """``(address, today, require)`` triples, deterministic for a seed."""
    rng = random.Random(seed)
    every = [
        d
        for d in divisions.all_divisions()
        if d.level != "province" and d.name not in ("市辖区", "县") and "直辖" not in d.name
    ]
    current = [d for d in every if d.current]
    historic = [d for d in every if not d.current]
    makers: list[tuple[float, Callable[[], str]]] = [
        (0.35, lambda: _address(rng, current)),
        (0.12, lambda: _address(rng, historic)),
        (0.18, lambda: _trap(rng, current)),
        (0.07, lambda: _mixed(rng, current)),
        (0.1, lambda: _edited(rng, _address(rng, current))),
        (0.08, lambda: _address(rng, current)[: rng.randrange(1, 12)]),
        (0.1, lambda: _junk(rng)),
    ]
    found: dict[tuple[str, str | None, str | None], None] = {}
    while len(found) < count:
        roll = rng.random()
        chosen = makers[-1][1]
        for weight, make in makers:
            roll -= weight
            if roll < 0:
                chosen = make
                break
        text = chosen()
        if rng.random() < 0.1:
            text = _wide(text)
        today = None
        if rng.random() < 0.2:
            today = datetime.date(rng.randrange(1985, 2027), rng.randrange(1, 13), 1).isoformat()
        require = rng.choice(address.LEVELS) if rng.random() < 0.2 else None
        found[(text, today, require)] = None
    return list(found)


def verdict(text: str, today: str | None, require: str | None) -> dict[str, Any]:
    """What ``address.check`` returns, as JSON-ready data."""
    options: dict[str, Any] = {}
    if today:
        options["today"] = datetime.date.fromisoformat(today)
    if require:
        options["require"] = require
    result = address.check(text, **options)
    info = result.info
    record: dict[str, Any] = {"a": text}
    if today:
        record["t"] = today
    if require:
        record["r"] = require
    record["v"] = result.value
    record["p"] = [[p.code, p.severity.value, dict(p.params)] for p in result.problems]
    record["i"] = None if info is None else [getattr(info, f) for f in _INFO_FIELDS]
    return json.loads(json.dumps(record, ensure_ascii=False))


def main() -> None:
    cases = [(c["address"], c.get("today"), None) for c in json.loads(VECTORS.read_text())["cases"]]
    cases += corpus()
    commit = subprocess.run(
        ["git", "-C", str(Path(address.__file__).parent), "rev-parse", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    header = {
        "source": (
            "Verdicts of custinfo.validators.address.check frozen from the implementation"
            f" at commit {commit or '?'} (before the faster parser), on the address vectors"
            f" and a corpus generated by update/address_verdicts.py (seed {SEED})"
        ),
        "fields": {
            "a": "the input",
            "t": "optional reference day (ISO)",
            "r": "optional require level",
            "v": "Check.value",
            "p": "problems: [code, severity, params]",
            "i": f"info fields {list(_INFO_FIELDS)} (null: no info)",
        },
    }
    lines = [json.dumps(verdict(*case), ensure_ascii=False) for case in cases]
    body = json.dumps(header, ensure_ascii=False, indent=1)[:-2]
    FIXTURE.write_text(body + ',\n "cases": [\n' + ",\n".join(lines) + "\n ]\n}\n", "utf-8")
    print(f"{len(lines)} verdicts written to {FIXTURE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
