"""industry, money and sensitive against the plainest reference code, side by side.

- sensitive.scan against python-stdnum's composition (a regex for digit runs, then
  ``luhn.is_valid`` and ``cn.ric.is_valid``), and scan time per character on a short
  and a 100 times longer text (about 1.0 means linear);
- money.validate on figures against ``Decimal(text.replace(",", ""))``, and on capital
  numerals;
- industry.validate on names against a bare dict lookup.

Run: ``python benchmarks/misc_validators.py``. Prints times and ``x`` = reference time /
custinfo time (above 1: custinfo is faster); asserts nothing.
"""

from __future__ import annotations

import random
import re
import timeit
from collections.abc import Callable
from decimal import Decimal

from stdnum import luhn
from stdnum.cn import ric

from custinfo.validators import industry, money, sensitive

RNG = random.Random(20241125)


def per_call(fn: Callable[[], object], number: int) -> float:
    """Best of five runs, seconds per call (the best is the least disturbed by neighbours)."""
    return min(timeit.repeat(fn, number=number, repeat=5)) / number


def luhn_number(length: int) -> str:
    body = "62" + "".join(RNG.choice("0123456789") for _ in range(length - 3))
    return body + luhn.calc_check_digit(body)


def note(with_card: bool) -> str:
    words = "客户已确认采购需求,预算约五万元,联系人电话13800138000,下周二回访。"
    return words + (f"卡号{luhn_number(19)}。" if with_card else "") + words


_RUN = re.compile(r"(?<!\d)(\d{15,19}|\d{17}[0-9Xx])(?![\dXx])")


def reference_scan(text: str) -> list[tuple[str, int, int]]:
    found = []
    for m in _RUN.finditer(text):
        if ric.is_valid(m[0]):
            found.append(("resident_id", m.start(), m.end()))
        elif 16 <= len(m[0]) <= 19 and luhn.is_valid(m[0]):
            found.append(("bank_card", m.start(), m.end()))
    return found


def ratio(name: str, ours: float, reference: float) -> None:
    print(
        f"{name:<58} {ours * 1e6:9.2f} µs  ref {reference * 1e6:9.2f} µs  x{reference / ours:6.2f}"
    )


def main() -> None:
    notes = [note(i % 3 == 0) for i in range(300)]
    ratio(
        "sensitive.scan vs regex+stdnum (300 notes)",
        per_call(lambda: [sensitive.scan(t) for t in notes], 5),
        per_call(lambda: [reference_scan(t) for t in notes], 5),
    )
    short = "".join(notes[:10])
    long = short * 100
    per_char_short = per_call(lambda: sensitive.scan(short), 200) / len(short)
    per_char_long = per_call(lambda: sensitive.scan(long), 2) / len(long)
    label = "sensitive.scan time per char, 100x longer text / short"
    print(f"{label:<58} {per_char_long / per_char_short:6.2f}")

    # 5000 distinct values: more than the parse cache holds, so every call parses.
    figures = [f"¥{Decimal(RNG.randrange(1, 10**11)) / 100:,.2f}" for _ in range(5000)]
    ratio(
        "money.validate on ¥ figures vs Decimal(str) (per 5000)",
        per_call(lambda: [money.validate(f) for f in figures], 1),
        per_call(lambda: [Decimal(f[1:].replace(",", "")) for f in figures], 1),
    )
    capitals = [money.to_capital(Decimal(RNG.randrange(1, 10**12)) / 100) for _ in range(5000)]
    ratio(
        "money.validate on capital numerals vs Decimal(str) (per 5000)",
        per_call(lambda: [money.validate(c) for c in capitals], 1),
        per_call(lambda: [Decimal(f[1:].replace(",", "")) for f in figures], 1),
    )

    names = [e.name for e in industry.all_industries()] * 5
    table = {e.name: e for e in industry.all_industries()}
    ratio(
        "industry.validate on names vs dict lookup",
        per_call(lambda: [industry.validate(n) for n in names], 5),
        per_call(lambda: [table[n].name for n in names], 5),
    )


if __name__ == "__main__":
    main()
