"""Rebuild src/custinfo/data/mobile_ranges.csv from the installed phonenumbers.

The table lists every prefix of a Chinese (+86) national number that
phonenumbers' metadata classifies as a mobile number, with the number type and
the carrier phonenumbers' carrier data names for it (the carrier the range was
allocated to; numbers move between carriers, 携号转网). Ranges change every
year, so rerun this when phonenumbers is upgraded:

    /work/main/.venv/bin/python update/mobile_ranges.py

How it works: every 7-digit prefix 1000000-1999999 of an 11-digit number is
classified by phonenumbers (``number_type``, carrier names in zh and en) with
several suffixes; the script stops if the suffixes disagree, which would mean
the metadata is finer than 7 digits and the table format no longer suffices.
Sibling prefixes with the same classification are then merged into their
parent, so the table holds the shortest prefixes that decide the verdict.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import sys
from pathlib import Path

import phonenumbers
from phonenumbers import carrier

COUNTRY_CODE = 86
LENGTH = 11  # digits of a Chinese mobile number
PREFIX_LENGTH = 7  # the finest granularity the script examines
SUFFIXES = ("0000", "9999", "5183", "2746")  # 4 digits complete a 7-digit prefix
TABLE = Path(__file__).resolve().parents[1] / "src" / "custinfo" / "data" / "mobile_ranges.csv"
MOBILE_TYPES = {
    phonenumbers.PhoneNumberType.MOBILE: "mobile",
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE: "fixed_line_or_mobile",
}

Row = tuple[str, str, str] | None  # (type, carrier_zh, carrier_en), None: not a mobile number


def classify(national: str) -> Row:
    """phonenumbers' verdict on one 11-digit national number."""
    number = phonenumbers.PhoneNumber(country_code=COUNTRY_CODE, national_number=int(national))
    if not phonenumbers.is_valid_number(number):
        return None
    kind = MOBILE_TYPES.get(phonenumbers.number_type(number))
    if kind is None:
        return None
    zh = carrier.name_for_valid_number(number, "zh")
    en = carrier.name_for_valid_number(number, "en")
    return (kind, zh, en)


def leaves() -> dict[str, Row]:
    """Every 7-digit prefix with its (suffix-independent) classification."""
    found: dict[str, Row] = {}
    for value in range(10 ** (PREFIX_LENGTH - 1), 2 * 10 ** (PREFIX_LENGTH - 1)):
        prefix = str(value)
        verdicts = {classify(prefix + suffix) for suffix in SUFFIXES}
        if len(verdicts) != 1:
            raise SystemExit(
                f"phonenumbers' metadata is finer than {PREFIX_LENGTH} digits at {prefix}: "
                f"{sorted(map(str, verdicts))}; the table format must change"
            )
        found[prefix] = verdicts.pop()
    return found


class _Mixed:
    """Marks a prefix whose children differ: it cannot be a row itself."""


_MIXED = _Mixed()


def merge(found: dict[str, Row]) -> dict[str, Row]:
    """Collapse ten siblings with one classification into their parent, bottom up.

    The result holds the shortest prefixes that decide the verdict; they do not
    overlap, and only mobile ones are kept.
    """
    level: dict[str, Row | _Mixed] = dict(found)
    decided: dict[str, Row] = {}
    for length in range(PREFIX_LENGTH, 1, -1):
        parents: dict[str, Row | _Mixed] = {}
        for parent in sorted({p[: length - 1] for p in level}):
            children = [level[parent + d] for d in "0123456789"]
            first = children[0]
            if not isinstance(first, _Mixed) and all(c == first for c in children):
                parents[parent] = first
                continue
            parents[parent] = _MIXED
            for d, child in zip("0123456789", children, strict=True):
                if not isinstance(child, _Mixed):
                    decided[parent + d] = child
        level = parents
    decided.update((p, r) for p, r in level.items() if not isinstance(r, _Mixed))
    return {p: r for p, r in sorted(decided.items()) if r is not None}


def render(rows: dict[str, Row], today: datetime.date) -> str:
    """The CSV text with its headers."""
    out = io.StringIO()
    out.write(
        "# title: Chinese mobile number ranges (allocated prefixes) and allocating carriers\n"
    )
    out.write(
        "# source: phonenumbers (libphonenumber) metadata for +86: number_type and carrier "
        "data, every 7-digit prefix examined by update/mobile_ranges.py\n"
    )
    out.write(f"# as-of: phonenumbers {phonenumbers.__version__}, {today.isoformat()}\n")
    out.write(
        "# note: the carrier is the one the range was allocated to; a number may have been "
        "ported since (携号转网). Empty carrier: phonenumbers does not name one.\n"
    )
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("prefix", "type", "carrier_zh", "carrier_en"))
    for prefix, row in rows.items():
        assert row is not None
        writer.writerow((prefix, *row))
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Derive the table and write it (or print it with --stdout)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stdout", action="store_true", help="print instead of writing")
    args = parser.parse_args(argv)
    found = leaves()
    mobile = sum(row is not None for row in found.values())
    print(f"{mobile} of {len(found)} 7-digit prefixes are mobile", file=sys.stderr)
    text = render(merge(found), datetime.date.today())
    if args.stdout:
        sys.stdout.write(text)
    else:
        TABLE.write_text(text, encoding="utf-8")
        print(f"wrote {TABLE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
