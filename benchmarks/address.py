"""Address parsing: cost against plain text validation, and growth with input length.

No reference library parses addresses among custinfo's dependencies, so the
comparison is with `text.check` (what a free-text field costs) on the same
inputs, measured side by side in one run. The growth table shows the time per
character for inputs of increasing length built to provoke the parser (division
names and road words repeated): a linear parser keeps the ratio near 1.

Run: python benchmarks/address.py
"""

from __future__ import annotations

import random
import timeit

from custinfo.validators import address, text

REAL = [
    "广东省广州市天河区天河路385号太古汇",
    "北京朝阳区建国路88号SOHO现代城",
    "四川省成都市新津县五津镇兴园路88号",
    "甘肃兰州城关区庆阳路100号",
    "鼓楼区中山路1号",
    "广东省东莞市虎门镇连升路1号",
    "地址：510620 广东省 广州市 天河区 天河路３８５号",
    "内蒙古锡林郭勒盟锡林浩特市",
]


def per_call(func: object, values: list[str], repeat: int = 5) -> float:
    def run() -> None:
        for v in values:
            func(v)  # type: ignore[operator]

    return min(timeit.repeat(run, number=1, repeat=repeat)) / len(values)


def main() -> None:
    rng = random.Random(7)
    generated = [address.generate(rng) for _ in range(500)]
    corpus = REAL * 20 + generated
    address.check(corpus[0])  # build the name index outside the measurement

    parse = per_call(address.check, corpus)
    plain = per_call(text.check, corpus)
    print(f"address.check: {parse * 1e6:8.1f} µs per address ({len(corpus)} addresses)")
    print(f"text.check:    {plain * 1e6:8.1f} µs per address")
    print(f"ratio address/text: {parse / plain:.1f}x")

    print("\ngrowth with length (adversarial input, max_length raised):")
    pieces = ["北京", "朝阳", "鼓楼区", "中山路", "市", "街道", "新津县", "广西"]
    base = None
    for length in (25, 50, 100, 200, 400):
        values = []
        for _ in range(50):
            s = ""
            while len(s) < length:
                s += rng.choice(pieces)
            values.append(s[:length])
        t = per_call(lambda v: address.check(v, max_length=400), values)
        per_char = t / length
        base = base or per_char
        print(
            f"  {length:4d} chars: {t * 1e6:8.1f} µs,"
            f" time per char relative to 25 chars: {per_char / base:.2f}"
        )


if __name__ == "__main__":
    main()
