"""mobile and landline against phonenumbers, side by side on the same inputs.

    PYTHONPATH=src python benchmarks/bench_phone.py [--n 20000] [--repeat 5]

Reference for mobile: ``phonenumbers.parse(x, "CN")`` + ``is_valid_number`` (what a
hand-written validator would call); custinfo's ``mobile.validate`` checks the
same verdict and also the mobile type. Best of ``--repeat`` runs, throughput in
numbers per second, ratio = custinfo / phonenumbers (higher is better).
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable, Sequence

import phonenumbers
from phonenumbers import carrier

from custinfo import InvalidValue
from custinfo.validators import landline, mobile

MOBILE_STYLES: dict[str, Callable[[str], str]] = {
    "plain 13800138000": lambda n: n,
    "spaced 138 0013 8000": lambda n: f"{n[:3]} {n[3:7]} {n[7:]}",
    "hyphens 138-0013-8000": lambda n: f"{n[:3]}-{n[3:7]}-{n[7:]}",
    "+86 138 0013 8000": lambda n: f"+86 {n[:3]} {n[3:7]} {n[7:]}",
    "full-width": lambda n: n.translate({c: c + 0xFEE0 for c in range(0x30, 0x3A)}),
    "invalid (one digit changed)": lambda n: n[:2] + str((int(n[2]) + 5) % 10) + n[3:],
}
# Shares of each style in the mixed workload (a CRM export: mostly plain digits).
MIX = (0.55, 0.15, 0.1, 0.1, 0.03, 0.07)


def best(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def loop(
    check: Callable[[str], object], errors: tuple[type[Exception], ...]
) -> Callable[..., None]:
    def run(values: Sequence[str]) -> None:
        for v in values:
            try:  # noqa: SIM105 (contextlib.suppress would add its own cost to both sides)
                check(v)
            except errors:
                pass

    return run


def reference_valid(value: str) -> bool:
    return bool(phonenumbers.is_valid_number(phonenumbers.parse(value, "CN")))


def reference_info(value: str) -> tuple[object, str]:
    number = phonenumbers.parse(value, "CN")
    phonenumbers.is_valid_number(number)
    return phonenumbers.number_type(number), carrier.name_for_number(number, "zh")


def row(label: str, n: int, ours: float, theirs: float) -> None:
    print(f"{label:<34} {n / ours:>12,.0f} {n / theirs:>14,.0f} {theirs / ours:>8.1f}x")


def header(title: str) -> None:
    print(f"\n{title}")
    print(f"{'input':<34} {'custinfo /s':>12} {'phonenumbers /s':>14} {'ratio':>9}")


def bench_mobile(n: int, repeat: int) -> None:
    rng = random.Random(2024)
    numbers = [mobile.generate(rng) for _ in range(n)]
    ours = loop(mobile.validate, (InvalidValue,))
    theirs = loop(reference_valid, (phonenumbers.NumberParseException,))
    header("mobile.validate vs phonenumbers.parse + is_valid_number")
    for label, style in MOBILE_STYLES.items():
        values = [style(x) for x in numbers]
        row(
            label,
            n,
            best(lambda v=values: ours(v), repeat),
            best(lambda v=values: theirs(v), repeat),
        )
    styles = list(MOBILE_STYLES.values())
    mixed = [rng.choices(styles, MIX)[0](x) for x in numbers]
    row(
        "MIXED (the target: >= 10x)",
        n,
        best(lambda: ours(mixed), repeat),
        best(lambda: theirs(mixed), repeat),
    )
    info_ours = loop(mobile.info, (InvalidValue,))
    info_theirs = loop(reference_info, (phonenumbers.NumberParseException,))
    header("mobile.info vs parse + is_valid_number + number_type + carrier")
    row(
        "mixed", n, best(lambda: info_ours(mixed), repeat), best(lambda: info_theirs(mixed), repeat)
    )


def bench_landline(n: int, repeat: int) -> None:
    # landline calls phonenumbers itself (and caches its verdicts): expect about 1x
    # on first sight of a number and more on repeats.
    rng = random.Random(86)
    kinds = ("fixed_line",) * 8 + ("shared_cost", "toll_free")
    values = [landline.generate(rng, kind=rng.choice(kinds)) for _ in range(n)]
    written = [v.replace("-", " ", 1) for v in values]
    ours = loop(landline.validate, (InvalidValue,))
    theirs = loop(reference_valid, (phonenumbers.NumberParseException,))
    header("landline.validate vs phonenumbers.parse + is_valid_number")
    landline._pn_parse.cache_clear()
    start = time.perf_counter()
    ours(written)
    cold = time.perf_counter() - start
    row("first sight (cache cold)", n, cold, best(lambda: theirs(written), 1))
    row(
        "seen before (cache warm)",
        n,
        best(lambda: ours(written), repeat),
        best(lambda: theirs(written), repeat),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"phonenumbers {phonenumbers.__version__}, {args.n} numbers, best of {args.repeat}")
    mobile.validate("13800138000")  # load the range table outside the timings
    landline.validate("010-66123456")
    bench_mobile(args.n, args.repeat)
    bench_landline(min(args.n, 5000), args.repeat)


if __name__ == "__main__":
    main()
