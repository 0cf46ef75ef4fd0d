"""The fast paths of phone, mobile, person_name and company_name against their full paths.

Each validator's ``check`` answers the common, already clean value on a fast
path and keeps the full path as ``_check`` (the differential tests hold the two
to the same Check). Measured here side by side in one run, in microseconds per
call: on the four sample values of issue 9, and on thousands of *distinct*
generated values (real names and numbers do not repeat the way a small corpus
does, so no memo helps). Usage:

    python benchmarks/bench_fast_paths.py [--values 5000]
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable, Sequence

from custinfo.validators import _name_parts, _region, company_name, mobile, person_name, phone

Check = Callable[[object], object]


def _per_call(fast: Check, full: Check, values: Sequence[str], repeat: int = 7) -> list[float]:
    """The best µs per call of each check, timed in turns so both see the same load."""
    best = [float("inf"), float("inf")]
    for _ in range(repeat):
        for i, check in enumerate((fast, full)):
            start = time.perf_counter()
            for value in values:
                check(value)
            best[i] = min(best[i], time.perf_counter() - start)
    return [b / len(values) * 1e6 for b in best]


def _names(rng: random.Random, n: int) -> list[str]:
    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁"
    surnames += "谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    compound = sorted(_name_parts.compound_surnames())
    found: set[str] = set()
    while len(found) < n:
        surname = rng.choice(compound) if rng.random() < 0.05 else rng.choice(surnames)
        given = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(rng.randint(1, 2)))
        found.add(surname + given)
    return sorted(found)


def _companies(rng: random.Random, n: int) -> list[str]:
    regions = sorted(name for name in _region._index() if len(name) >= 2)
    industries = ("科技", "信息技术", "商贸", "建筑工程", "医药", "文化传媒", "物流", "")
    forms = ("有限公司", "有限公司", "有限公司", "股份有限公司", "有限责任公司")
    found: set[str] = set()
    while len(found) < n:
        trade = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(2))
        name = rng.choice(regions) + trade + rng.choice(industries) + rng.choice(forms)
        found.add(f"{name}（简称：{trade}）" if rng.random() < 0.1 else name)
    return sorted(found)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--values", type=int, default=5000)
    args = parser.parse_args(argv)
    rng = random.Random(2026)
    numbers = sorted({mobile.generate(rng) for _ in range(args.values)})
    cases: list[tuple[str, Check, Check, list[str]]] = [
        ("phone 13882437103", phone.check, phone._check, ["13882437103"] * args.values),
        ("mobile 13882437103", mobile.check, mobile._check, ["13882437103"] * args.values),
        ("phone, distinct", phone.check, phone._check, numbers),
        ("mobile, distinct", mobile.check, mobile._check, numbers),
    ]
    for name in ("王明", "欧阳娜娜"):
        cases.append((f"person {name}", person_name.check, person_name._check, [name] * 2000))
    cases.append(("person, distinct", person_name.check, person_name._check, _names(rng, 5000)))
    for name in ("武汉市博远信息技术有限公司", "深圳市天成股份有限公司（简称：天成）"):
        cases.append((f"company {name}", company_name.check, company_name._check, [name] * 2000))
    companies = _companies(rng, 5000)
    cases.append(("company, distinct", company_name.check, company_name._check, companies))
    for _, fast, full, values in cases:  # warm every table and cache first
        for value in values[:200]:
            fast(value), full(value)
    print(f"{'values':48s} {'fast µs':>8s} {'full µs':>8s} {'ratio':>6s}")
    for label, fast, full, values in cases:
        fast_us, full_us = _per_call(fast, full, values)
        print(f"{label:48s} {fast_us:8.2f} {full_us:8.2f} {full_us / fast_us:6.1f}")


if __name__ == "__main__":
    main()
