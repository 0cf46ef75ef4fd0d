"""mobile and landline against phonenumbers, side by side on the same inputs.

    PYTHONPATH=src python benchmarks/bench_phone.py [--n 20000] [--repeat 5]

Reference for mobile: ``phonenumbers.parse(x, "CN")`` + ``is_valid_number`` (what a
hand-written validator would call); custinfo's ``mobile.validate`` checks the
same verdict and also the mobile type. For landline the same reference (and, for
``info``, its number type and geocoder city) on distinct generated numbers of every
area code, 400 and 800, written the usual ways; landline's caches are emptied
before each of its runs, so every number is seen for the first time. Best of
``--repeat`` runs, throughput in numbers per second, ratio = custinfo /
phonenumbers (higher is better).
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable, Sequence

import phonenumbers
from phonenumbers import carrier, geocoder

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


def _split(value: str) -> tuple[str, str]:
    area, _, local = value.partition("-")
    return area, local.replace("-", "")


def _spaced(value: str) -> str:
    area, local = _split(value)
    return f"{area} {local[:-4]} {local[-4:]}"


LANDLINE_STYLES: dict[str, Callable[[str], str]] = {
    "hyphen 0755-12345678": lambda v: v,
    "spaced 0755 1234 5678": _spaced,
    "brackets (0755)1234 5678": lambda v: "({}){}".format(*_split(v)),
    "+86 755 1234 5678": lambda v: "+86 " + _spaced(v).removeprefix("0"),
    "extension 0755 1234 5678 转 123": lambda v: _spaced(v) + " 转 123",
    "full-width": lambda v: v.translate({c: c + 0xFEE0 for c in range(0x30, 0x3A)}),
    "invalid (one digit dropped)": lambda v: v[:-1],
}
# Shares of each style in the mixed workload.
LANDLINE_MIX = (0.45, 0.15, 0.1, 0.1, 0.1, 0.03, 0.07)


def cold(run: Callable[[], object]) -> Callable[[], object]:
    """``run`` with landline's caches emptied first: every number is seen for the first time."""

    def first_sight() -> object:
        parse = getattr(landline, "_pn_parse", None) or landline._parse  # before: _parse
        parse.cache_clear()
        landline._area_lengths.cache_clear()
        return run()

    return first_sight


def bench_landline(n: int, repeat: int) -> None:
    # Distinct numbers of every kind, from every area code: landline answers from
    # its range table (phonenumbers only for odd spellings), so first sight costs
    # what a repeat does.
    rng = random.Random(86)
    kinds = ("fixed_line",) * 8 + ("shared_cost", "toll_free")
    values = [landline.generate(rng, kind=rng.choice(kinds)) for _ in range(n)]
    ours = loop(landline.validate, (InvalidValue,))
    theirs = loop(reference_valid, (phonenumbers.NumberParseException,))
    header("landline.validate vs phonenumbers.parse + is_valid_number (first sight)")
    for label, style in LANDLINE_STYLES.items():
        written = [style(v) for v in values]
        row(
            label,
            n,
            best(cold(lambda w=written: ours(w)), repeat),
            best(lambda w=written: theirs(w), repeat),
        )
    styles = list(LANDLINE_STYLES.values())
    mixed = [rng.choices(styles, LANDLINE_MIX)[0](v) for v in values]
    row("MIXED", n, best(cold(lambda: ours(mixed)), repeat), best(lambda: theirs(mixed), repeat))
    row(
        "MIXED, seen before",
        n,
        best(lambda: ours(mixed), repeat),
        best(lambda: theirs(mixed), repeat),
    )
    info_ours = loop(landline.info, (InvalidValue,))
    info_theirs = loop(reference_city, (phonenumbers.NumberParseException,))
    header("landline.info vs parse + is_valid_number + number_type + geocoder (first sight)")
    row(
        "mixed",
        n,
        best(cold(lambda: info_ours(mixed)), repeat),
        best(lambda: info_theirs(mixed), repeat),
    )


def reference_city(value: str) -> tuple[object, str]:
    number = phonenumbers.parse(value, "CN")
    phonenumbers.is_valid_number(number)
    return phonenumbers.number_type(number), geocoder.description_for_number(number, "zh")


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
