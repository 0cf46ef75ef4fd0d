"""Rebuild src/custinfo/data/holidays_cn.csv from the State Council notices.

The input, update/notices/holidays_cn.txt, holds the operative clauses of each
year's 国务院办公厅关于XXXX年部分节假日安排的通知 (and of the notices that revised
one: the 2019 May Day adjustment, the 2020 Spring Festival extension). This
script parses them, checks every "共N天" count and that every make-up working
day (上班) falls on a weekend, and writes one row per day the notices name.

    python update/holidays_cn.py            # rewrite the table
    python update/holidays_cn.py --check    # exit 1 if the table is out of date
"""

from __future__ import annotations

import datetime
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTICES = ROOT / "update" / "notices" / "holidays_cn.txt"
TABLE = ROOT / "src" / "custinfo" / "data" / "holidays_cn.csv"

_HEADER = re.compile(r"\[(\d{4})\]\s*(\S+)\s*\|\s*(.+?)\s*\|\s*(\d{4}-\d{2}-\d{2})")
_DATE = re.compile(r"(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日")
_COUNT = re.compile(r"(?:共|放假)(\d+)天")
_PARENS = re.compile(r"\([^)]*\)")

Day = tuple[str, str, str]  # (kind, holiday, notice) of one date


class NoticeError(ValueError):
    """A clause the parser cannot read, or one that contradicts itself."""


def _dates(text: str, year: int) -> list[datetime.date]:
    # A range's second date may omit year and month ("2月4日至10日"): carry them over.
    found: list[datetime.date] = []
    month = 0
    for y, m, d in _DATE.findall(text):
        year = int(y) if y else year
        month = int(m) if m else month
        if not month:
            raise NoticeError(f"no month before {d}日 in {text!r}")
        found.append(datetime.date(year, month, int(d)))
    return found


def _span(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    return [first + datetime.timedelta(days=i) for i in range((last - first).days + 1)]


def _clause(year: int, text: str) -> tuple[list[datetime.date], list[datetime.date]]:
    """The rest days and make-up working days of one clause."""
    sentences = [s for s in text.split("。") if s]
    rest_part = sentences[0].split("放假")[0]
    bounds = _dates(rest_part, year)
    if len(bounds) not in (1, 2):
        raise NoticeError(f"cannot read the holiday range of {text!r}")
    rest = _span(bounds[0], bounds[-1])
    count = _COUNT.search(sentences[0])
    if count and int(count.group(1)) != len(rest):
        raise NoticeError(f"{text!r}: {len(rest)} days listed, notice says {count.group(1)}")
    work = [d for s in sentences[1:] if "上班" in s for d in _dates(s, year)]
    for day in work:
        if day.weekday() < 5:
            raise NoticeError(f"{text!r}: make-up working day {day} is not a weekend")
    return rest, work


def parse(text: str) -> list[tuple[int, datetime.date, str, str, str]]:
    """Rows (year, date, kind, holiday, notice) from the notices file."""
    plan: dict[tuple[int, str], dict[datetime.date, Day]] = {}
    year, notice = 0, ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        header = _HEADER.fullmatch(line)
        if header:
            year = int(header.group(1))
            number, _title, date = header.group(2), header.group(3), header.group(4)
            notice = number if number != "-" else f"国务院办公厅{date}通知"
            continue
        name, _, body = line.partition(":")
        key = (year, name)
        if "延长" in body:
            until = _dates(_PARENS.sub("", body.split("至", 1)[1]), year)[0]
            _extend(plan[key], (name, notice), until)
        else:
            rest, work = _clause(year, _PARENS.sub("", body))
            plan[key] = {d: ("rest", name, notice) for d in rest} | {
                d: ("work", name, notice) for d in work
            }
    return _rows(plan)


def _extend(days: dict[datetime.date, Day], by: tuple[str, str], until: datetime.date) -> None:
    # An extension turns every day up to `until` into a rest day, make-up days included.
    last = max(d for d, (kind, _, _) in days.items() if kind == "rest")
    for day in _span(last + datetime.timedelta(days=1), until):
        days[day] = ("rest", *by)


def _rows(
    plan: dict[tuple[int, str], dict[datetime.date, Day]],
) -> list[tuple[int, datetime.date, str, str, str]]:
    rows = []
    seen: dict[datetime.date, str] = {}
    for (year, _), days in plan.items():
        for day, (kind, name, notice) in days.items():
            if day in seen:
                raise NoticeError(f"{day} is named twice ({seen[day]}, {name})")
            seen[day] = name
            rows.append((year, day, kind, name, notice))
    return sorted(rows, key=lambda r: r[1])


def render(rows: list[tuple[int, datetime.date, str, str, str]], as_of: str) -> str:
    """The CSV text of the table, with its headers."""
    years = sorted({r[0] for r in rows})
    lines = [
        "# title: 中国大陆全国年节放假调休安排 (rest days and make-up working days), "
        f"{years[0]}–{years[-1]}",
        "# source: 国务院办公厅关于" + "、".join(str(y) for y in years) + "年部分节假日安排的通知, "
        "国办发明电〔2019〕3号 (2019 劳动节 adjustment), 国办发明电〔2020〕1号 (2020 春节 "
        "extension); built by update/holidays_cn.py from update/notices/holidays_cn.txt",
        f"# as-of: {as_of}",
        "# kind: rest = 放假 (a day off, weekend days inside a holiday included); "
        "work = 上班 (a make-up working day on a weekend)",
        "year,date,kind,holiday,notice",
    ]
    lines += [f"{y},{d.isoformat()},{k},{h},{n}" for y, d, k, h, n in rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    text = NOTICES.read_text(encoding="utf-8")
    rows = parse(text)
    latest = max(
        _HEADER.fullmatch(line.strip()).group(4)  # type: ignore[union-attr]
        for line in text.splitlines()
        if _HEADER.fullmatch(line.strip())
    )
    table = render(rows, latest)
    if "--check" in argv:
        current = TABLE.read_text(encoding="utf-8") if TABLE.exists() else ""
        if current != table:
            print(f"{TABLE} is out of date; run python update/holidays_cn.py")
            return 1
        print(f"{TABLE} is up to date ({len(rows)} days)")
        return 0
    TABLE.write_text(table, encoding="utf-8")
    print(f"wrote {len(rows)} days to {TABLE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
