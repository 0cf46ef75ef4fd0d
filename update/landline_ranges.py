"""Rebuild src/custinfo/data/landline_ranges.csv from the installed phonenumbers.

The table gives phonenumbers' verdict on every Chinese (+86) national significant
number of a possible length (7 to 12 digits) that is valid: its number type, for a
geographic number the geocoder's names (zh, en) and for a non-geographic one the
shape of phonenumbers' national format (``ddd ddd dddd``). Numbers in no row are
invalid. Rerun it when phonenumbers is upgraded:

    /work/main/.venv/bin/python update/landline_ranges.py

How it works, and why the table is exact (not sampled): a row is a *block*, every
number of one length that starts with one prefix. phonenumbers decides a number's
type from its length and from which of the metadata's patterns (general, premium
rate, toll free, shared cost, …, fixed line, mobile) match it in full; the
geocoder takes the longest key of its data that is a prefix of ``86`` + the
number; the national format takes the first format whose leading-digits pattern
matches a prefix and whose pattern matches in full. Each pattern is turned into
a finite automaton over the digits 0-9, and the script decides for a block
whether *all*, *none* or only *some* of its numbers match a pattern (exactly, by
following the automaton through every possible suffix). Starting from the empty
prefix, a block where every pattern that matters gives all or none, no geocoder
key is longer than the block's prefix, and the chosen format splits the digits
into fixed-width groups, gets one verdict for all its numbers: phonenumbers'
verdict on any one of them, which becomes the row. Any other block is split into
its ten sub-blocks. Blocks of invalid numbers are left out.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import phonenumbers
from phonenumbers import geocoder
from phonenumbers.geodata import GEOCODE_DATA
from phonenumbers.phonemetadata import PhoneMetadata

COUNTRY_CODE = 86
REGION = "CN"
TABLE = Path(__file__).resolve().parents[1] / "src" / "custinfo" / "data" / "landline_ranges.csv"
DIGITS = "0123456789"
# The number descriptions phonenumbers' number_type reads (_number_type_helper).
TYPE_DESCS = (
    "general_desc",
    "premium_rate",
    "toll_free",
    "shared_cost",
    "voip",
    "personal_number",
    "pager",
    "uan",
    "voicemail",
    "fixed_line",
    "mobile",
)
GEOGRAPHIC = ("fixed_line", "fixed_line_or_mobile")  # the types landline asks the geocoder about
NO_GROUPING = ("mobile",)  # the types landline does not format
TYPE_NAMES = {
    getattr(phonenumbers.PhoneNumberType, n): n.lower()
    for n in vars(phonenumbers.PhoneNumberType)
    if n.isupper()
}

Row = tuple[str, str, str, str]  # (type, city_zh, city_en, grouping)

# --- regular expressions as automata over the digits ------------------------------------


class Automaton:
    """A nondeterministic automaton accepting the digit strings a pattern matches.

    ``prefix=True`` accepts every digit string that *starts* with a match (what
    ``re.match`` tests); otherwise only full matches (``re.fullmatch``). Only the
    constructs phonenumbers' metadata uses are supported (literals, classes,
    groups, alternation, bounded and unbounded repetition); anything else stops
    the script rather than being guessed at.
    """

    def __init__(self, pattern: str, *, prefix: bool = False) -> None:
        from re import _constants as c
        from re import _parser

        self._c = c
        self.moves: list[list[tuple[frozenset[str], int]]] = []
        self.empty: list[list[int]] = []
        start = self._state()
        self.final = self._build(_parser.parse(pattern).data, start)
        if prefix:
            self.moves[self.final].append((frozenset(DIGITS), self.final))
        self.start = self.closure({start})
        self._memo: dict[tuple[frozenset[int], int], tuple[bool, bool]] = {}

    def _state(self) -> int:
        self.moves.append([])
        self.empty.append([])
        return len(self.moves) - 1

    def _build(self, items: Any, start: int) -> int:
        current = start
        for op, arg in items:
            current = self._item(op, arg, current)
        return current

    def _item(self, op: Any, arg: Any, start: int) -> int:
        c = self._c
        if op is c.LITERAL or op is c.IN:
            end = self._state()
            chars = {chr(arg)} if op is c.LITERAL else self._charset(arg)
            self.moves[start].append((frozenset(chars & set(DIGITS)), end))
            return end
        if op is c.SUBPATTERN:
            _, add_flags, del_flags, inner = arg
            if add_flags or del_flags:
                raise SystemExit(f"unsupported flags in a pattern: {arg}")
            return self._build(inner, start)
        if op is c.BRANCH:
            end = self._state()
            for alternative in arg[1]:
                self.empty[self._build(alternative, start)].append(end)
            return end
        if op is c.MAX_REPEAT or op is c.MIN_REPEAT:  # greediness does not change the language
            low, high, inner = arg
            current = start
            for _ in range(low):
                current = self._build(inner, current)
            if high == c.MAXREPEAT:
                loop = self._build(inner, current)
                self.empty[loop].append(current)
                return current
            end = self._state()
            for _ in range(high - low):
                self.empty[current].append(end)
                current = self._build(inner, current)
            self.empty[current].append(end)
            return end
        raise SystemExit(f"unsupported construct in a pattern: {op} {arg}")

    def _charset(self, items: Any) -> set[str]:
        c = self._c
        chars: set[str] = set()
        negate = False
        for op, arg in items:
            if op is c.LITERAL:
                chars.add(chr(arg))
            elif op is c.RANGE:
                chars.update(chr(n) for n in range(arg[0], arg[1] + 1))
            elif op is c.CATEGORY and arg is c.CATEGORY_DIGIT:
                chars.update(DIGITS)
            elif op is c.NEGATE:
                negate = True
            else:
                raise SystemExit(f"unsupported class item in a pattern: {op} {arg}")
        return set(DIGITS) - chars if negate else chars

    def closure(self, states: set[int]) -> frozenset[int]:
        """The states reachable from ``states`` without reading a digit."""
        todo = list(states)
        seen = set(states)
        while todo:
            for nxt in self.empty[todo.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return frozenset(seen)

    def step(self, states: frozenset[int], digit: str) -> frozenset[int]:
        """The states after reading ``digit`` from ``states``."""
        found = {nxt for s in states for chars, nxt in self.moves[s] if digit in chars}
        return self.closure(found) if found else frozenset()

    def after(self, prefix: str) -> frozenset[int]:
        """The states after reading ``prefix`` from the start."""
        states = self.start
        for digit in prefix:
            states = self.step(states, digit)
        return states

    def matches(self, states: frozenset[int], remaining: int) -> tuple[bool, bool]:
        """(some, all): whether some / all of the ``remaining``-digit suffixes are accepted."""
        key = (states, remaining)
        found = self._memo.get(key)
        if found is not None:
            return found
        if remaining == 0:
            found = (self.final in states, self.final in states)
        elif not states:
            found = (False, False)
        else:
            children = [self.matches(self.step(states, d), remaining - 1) for d in DIGITS]
            found = (any(s for s, _ in children), all(a for _, a in children))
        self._memo[key] = found
        return found


def uniform(machine: Automaton, states: frozenset[int], remaining: int) -> bool:
    """True when the block's numbers all match, or all do not."""
    some, every = machine.matches(states, remaining)
    return every or not some


# --- the metadata, the geocoder and phonenumbers' verdict on one number ------------------


class Plan:
    """phonenumbers' metadata for +86 as automata, and the geocoder's keys."""

    def __init__(self) -> None:
        metadata = PhoneMetadata.metadata_for_region(REGION)
        self.lengths = tuple(metadata.general_desc.possible_length)
        self.types = [
            Automaton(desc.national_number_pattern)
            for desc in (getattr(metadata, name) for name in TYPE_DESCS)
            if desc is not None and desc.national_number_pattern
        ]
        self.formats: list[Automaton] = []
        for fmt in metadata.number_format:
            if fmt.leading_digits_pattern:
                self.formats.append(Automaton(fmt.leading_digits_pattern[-1], prefix=True))
            self.formats.append(Automaton(fmt.pattern))
            _group_widths(fmt.pattern)  # stops the script on a pattern of another shape
        self.format_patterns = [fmt.pattern for fmt in metadata.number_format]
        # Every proper prefix of a geocoder key: a block whose "86"+prefix is one of
        # these holds numbers that different keys describe.
        cc = str(COUNTRY_CODE)
        self.geo_inner = {
            key[:n] for key in GEOCODE_DATA if key.startswith(cc) for n in range(1, len(key))
        }


def _group_widths(pattern: str) -> None:
    """Stop unless ``pattern`` is fixed-width digit groups, at most one of variable width.

    Then, for a number of a given length, the groups' widths are fixed, so every
    number of a block is split at the same places.
    """
    from re import _constants as c
    from re import _parser

    variable = 0
    for op, arg in _parser.parse(pattern).data:
        inner = arg[3] if op is c.SUBPATTERN else None
        if inner is None or len(inner) != 1 or inner[0][0] is not c.MAX_REPEAT:
            raise SystemExit(f"format pattern {pattern!r} is not digit groups")
        low, high, item = inner[0][1]
        if list(item) != [(c.IN, [(c.CATEGORY, c.CATEGORY_DIGIT)])]:
            raise SystemExit(f"format pattern {pattern!r} is not digit groups")
        variable += low != high
    if variable > 1:
        raise SystemExit(f"format pattern {pattern!r} has several groups of variable width")


def verdict(national: str) -> Row | None:
    """phonenumbers' verdict on one national significant number (None: invalid)."""
    number = phonenumbers.PhoneNumber(country_code=COUNTRY_CODE, national_number=int(national))
    if not phonenumbers.is_valid_number(number):
        return None
    kind = TYPE_NAMES.get(phonenumbers.number_type(number), "unknown")
    if kind in GEOGRAPHIC:
        zh = geocoder.description_for_valid_number(number, "zh")
        en = geocoder.description_for_valid_number(number, "en")
        return (kind, zh, en, "")
    if kind in NO_GROUPING:
        return (kind, "", "", "")
    national_format = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return (kind, "", "", shape(national_format, national))


def shape(formatted: str, national: str) -> str:
    """The national format with the number's digits as ``d`` (a literal trunk 0 kept)."""
    literal = len(formatted.replace(" ", "")) - len(national)
    body = formatted[literal:]
    if (
        formatted.replace(" ", "")[literal:] != national
        or not body.replace(" ", "").isdigit()
        or (literal and not formatted[:literal].isdigit())
    ):
        raise SystemExit(f"unexpected national format {formatted!r} of {national}")
    result = formatted[:literal] + "".join("d" if ch.isdigit() else ch for ch in body)
    if apply_shape(result, national) != formatted:
        raise SystemExit(f"shape {result!r} does not rebuild {formatted!r}")
    return result


def apply_shape(pattern: str, national: str) -> str:
    """Fill the ``d`` places of ``pattern`` with the digits of ``national``, in order."""
    digits = iter(national)
    return "".join(next(digits) if ch == "d" else ch for ch in pattern)


# --- the blocks --------------------------------------------------------------------------


def rows(plan: Plan) -> Iterator[tuple[int, str, Row]]:
    """Every block of valid numbers with one verdict: (length, prefix, verdict)."""
    for length in plan.lengths:
        yield from _blocks(plan, length, "", [m.start for m in plan.types], None)


def _blocks(
    plan: Plan,
    length: int,
    prefix: str,
    states: list[frozenset[int]],
    format_states: list[frozenset[int]] | None,
) -> Iterator[tuple[int, str, Row]]:
    remaining = length - len(prefix)
    general = plan.types[0]
    if not general.matches(states[0], remaining)[0]:
        return  # no valid number here
    decided = all(uniform(m, s, remaining) for m, s in zip(plan.types, states, strict=True))
    found = verdict(prefix + "0" * remaining) if decided else None
    if decided and found is None:
        return  # every number is invalid
    if found is not None and found[0] in GEOGRAPHIC and "86" + prefix in plan.geo_inner:
        decided = False
    if found is not None and found[0] not in GEOGRAPHIC and found[0] not in NO_GROUPING:
        if format_states is None:
            format_states = [m.after(prefix) for m in plan.formats]
        if not all(
            uniform(m, s, remaining) for m, s in zip(plan.formats, format_states, strict=True)
        ):
            decided = False
    if decided and found is not None:
        yield length, prefix, found
        return
    for d in DIGITS:
        yield from _blocks(
            plan,
            length,
            prefix + d,
            [m.step(s, d) for m, s in zip(plan.types, states, strict=True)],
            None
            if format_states is None
            else [m.step(s, d) for m, s in zip(plan.formats, format_states, strict=True)],
        )


def render(found: list[tuple[int, str, Row]], today: datetime.date) -> str:
    """The CSV text with its headers."""
    out = io.StringIO()
    out.write("# title: Chinese landline and service number ranges: type, city, format\n")
    out.write(
        "# source: phonenumbers (libphonenumber) metadata for +86: number_type, geocoder "
        "and national format, every block decided exactly by update/landline_ranges.py\n"
    )
    out.write(f"# as-of: phonenumbers {phonenumbers.__version__}, {today.isoformat()}\n")
    out.write(
        "# note: a row is every national significant number of `length` digits starting "
        "with `prefix` (no trunk 0); numbers in no row are invalid. city: the geocoder's "
        "names (geographic types only); grouping: the national format, d for each digit "
        "(non-geographic types only)\n"
    )
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("length", "prefix", "type", "city_zh", "city_en", "grouping"))
    for length, prefix, row in sorted(found, key=lambda r: (r[1], r[0])):
        writer.writerow((length, prefix, *row))
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Derive the table and write it (or print it with --stdout)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stdout", action="store_true", help="print instead of writing")
    args = parser.parse_args(argv)
    found = list(rows(Plan()))
    print(f"{len(found)} blocks of valid numbers", file=sys.stderr)
    text = render(found, datetime.date.today())
    if args.stdout:
        sys.stdout.write(text)
    else:
        TABLE.write_text(text, encoding="utf-8")
        print(f"wrote {TABLE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
