"""Duplicate detection over 100,000 generated enterprise records.

Prints wall-clock seconds (best of 3) and two ratios measured side by side in this run:

- scaling: time for 100,000 records / time for 10,000 (about 10 means linear);
- normalization cost: find_duplicates / a baseline that hashes the raw cell
  values with the same union-find (what exact matching alone would cost).

Run: PYTHONPATH=src python benchmarks/bench_duplicates.py [records]
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable

from custinfo import forms
from custinfo.rules import find_duplicates

_USCC = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_REGIONS = ("110108", "310115", "440300", "440106", "330106", "320505", "510107", "420106")
_CITIES = ("北京", "上海", "深圳", "广州", "杭州", "苏州", "成都", "武汉")
_WORDS = "华兴达信通泰安盛恒瑞宏康鑫源博创云智联科凯隆昌祥明远东方新天中"
_TRADES = ("科技", "信息技术", "贸易", "电子", "网络科技", "咨询", "软件", "实业")
_FORMS = ("有限公司", "有限责任公司", "股份有限公司")


def _uscc(rng: random.Random) -> str:
    org = "".join(rng.choice(_ORG) for _ in range(8))
    total = sum(
        (int(c) if c.isdigit() else ord(c) - 55) * w
        for c, w in zip(org, (3, 7, 9, 10, 5, 8, 4, 2), strict=True)
    )
    r = 11 - total % 11
    body = "91" + rng.choice(_REGIONS) + org + ("X" if r == 10 else "0" if r == 11 else str(r))
    check = sum(_USCC.index(c) * w for c, w in zip(body, _USCC_WEIGHTS, strict=True))
    return body + _USCC[(31 - check % 31) % 31]


def _record(rng: random.Random) -> dict[str, str]:
    return {
        "customer_name": rng.choice(_CITIES)
        + "".join(rng.choice(_WORDS) for _ in range(3))
        + rng.choice(_TRADES)
        + rng.choice(_FORMS),
        "uscc": _uscc(rng),
        "phone": "1" + str(rng.choice((3, 5, 7, 8, 9))) + f"{rng.randrange(10**9):09d}",
        "registered_address": rng.choice(_CITIES) + "市某区某路1号",
    }


def _variant(record: dict[str, str], rng: random.Random) -> dict[str, str]:
    """The same customer typed again: one key kept, spelled differently."""
    twin = _record(rng)
    kept = rng.choice(("uscc", "customer_name", "phone"))
    value = record[kept]
    if kept == "uscc":
        value = " ".join((value[:8], value[8:])).lower()
    elif kept == "customer_name":
        value = value.replace("有限公司", "有限责任公司") if rng.random() < 0.5 else value + " "
    else:
        value = "+86 " + value[:3] + "-" + value[3:7] + "-" + value[7:]
    twin[kept] = value
    return twin


def generate(count: int, seed: int = 2024) -> list[dict[str, str]]:
    rng = random.Random(seed)
    records: list[dict[str, str]] = []
    for _ in range(count):
        if records and rng.random() < 0.05:
            records.append(_variant(rng.choice(records), rng))
        else:
            records.append(_record(rng))
    return records


def exact_baseline(records: list[dict[str, str]]) -> int:
    """Union-find over raw values: what matching without normalization costs."""
    parent: dict[int, int] = {}
    first: dict[tuple[str, str], int] = {}

    def find(i: int) -> int:
        root = parent.setdefault(i, i)
        while root != parent[root]:
            parent[root] = parent[parent[root]]
            root = parent[root]
        return root

    for i, record in enumerate(records):
        for key in ("uscc", "customer_name", "phone"):
            value = record.get(key)
            if value:
                j = first.setdefault((key, value), i)
                if j != i:
                    a, b = find(i), find(j)
                    parent[max(a, b)] = min(a, b)
    return len({find(i) for i in parent})


def timed(fn: Callable[[], object], repeat: int = 3) -> tuple[float, object]:
    """Best of ``repeat`` runs (the machine is shared; the minimum is the least noisy)."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    small = generate(count // 10)
    large = generate(count)
    form = forms.enterprise
    find_duplicates(small[:100], form)  # warm the caches (column resolution, imports)

    t_small, _ = timed(lambda: find_duplicates(small, form))
    t_large, groups = timed(lambda: find_duplicates(large, form))
    t_exact, _ = timed(lambda: exact_baseline(large))
    assert isinstance(groups, list)
    in_groups = sum(len(g.indices) for g in groups)

    print(f"records                        {count:>10,}")
    print(f"groups found                   {len(groups):>10,}  ({in_groups:,} records)")
    print(f"find_duplicates, {count // 10:>7,} records {t_small:>8.2f} s")
    print(f"find_duplicates, {count:>7,} records {t_large:>8.2f} s")
    print(f"exact-match baseline, {count:>7,}   {t_exact:>8.2f} s")
    print(f"scaling ratio (10x records)    {t_large / t_small:>10.1f}  (10 = linear)")
    print(f"normalization cost ratio       {t_large / t_exact:>10.1f}  (vs exact matching)")


if __name__ == "__main__":
    main()
