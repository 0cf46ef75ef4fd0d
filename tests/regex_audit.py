r"""Find every regular expression in src/ and attack each with adversarial strings.

Patterns are collected two ways: compiled ``re.Pattern`` objects held by any
module (or class) of the package, and pattern literals written directly in
``re.compile/match/search/fullmatch/sub/subn/split/findall/finditer`` calls
(found in the source with :mod:`ast`). Patterns built at run time from
variables are listed by :func:`dynamic_calls` so a reader can audit them by hand.

The attack is the classic one against backtracking engines: for every repeated
part of a pattern, a prefix that reaches it (sampled from the pattern itself),
the repeated part pumped ``n`` times, and a suffix that makes the match fail.
Time (the CPU time of this thread, so other processes do not blur it) is
compared with itself at two sizes in the same run, never with a clock
constant: exponential backtracking multiplies the time by hundreds when ``n``
grows from 10 to 20; a polynomial of degree three or more by over 32 when ``n``
grows fourfold (quadratic, 16, is allowed: ``search`` for ``\d+x`` in a run of
digits is quadratic in Python's engine, and every input is bounded in length).
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

try:  # Python 3.11+: the parser lives in re._parser (sre_parse is deprecated)
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

_CALLS = {"compile", "match", "search", "fullmatch", "sub", "subn", "split", "findall", "finditer"}
_MARK = "\uf8ff"  # a private-use character no pattern here matches
_CANDIDATES = (
    "a", "Z", "1", "0", " ", "\t", "-", ".", "_", "@", "!", "(", ")", "/", "中", "市",
    "省", "号", "万", "元", "年", "月", "日", "·", "，", "：", "X", "\x00", "é", "１",
)  # fmt: skip
_SUFFIXES = ("", "\x00", "!", "\n")


def package_patterns(package: Any) -> dict[str, re.Pattern[str]]:
    """Every compiled pattern held by a module of ``package`` (or a class in one)."""
    found: dict[str, re.Pattern[str]] = {}
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if info.name.endswith("__main__"):  # running it would start the command line
            continue
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # an integration whose optional extra is not installed
            continue
        holders = [module, *(v for v in vars(module).values() if isinstance(v, type))]
        for holder in holders:
            for name, value in list(vars(holder).items()):
                if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                    found[f"{info.name}.{name}"] = value
    return found


def _is_re_call(node: ast.Call) -> bool:
    f = node.func
    return (
        isinstance(f, ast.Attribute)
        and f.attr in _CALLS
        and isinstance(f.value, ast.Name)
        and f.value.id == "re"
    )


def _re_calls(root: Path) -> Iterator[tuple[str, ast.Call]]:
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _is_re_call(node) and node.args:
                yield f"{path.relative_to(root)}:{node.lineno}", node


def literal_patterns(root: Path) -> dict[str, re.Pattern[str]]:
    """Patterns written as string literals in ``re.*`` calls under ``root``."""
    found = {}
    for where, node in _re_calls(root):
        first = node.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            found[where] = re.compile(first.value)
    return found


def dynamic_calls(root: Path) -> list[str]:
    """Where a pattern is built at run time (not a literal): audited by reading."""
    return [
        where
        for where, node in _re_calls(root)
        if not (isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str))
        and not (isinstance(node.args[0], ast.Name) and node.args[0].id.isupper())
    ]


# -- sampling strings from a parsed pattern ---------------------------------------

_CATEGORY: dict[Any, Callable[[str], bool]] = {
    C.CATEGORY_DIGIT: str.isdigit,
    C.CATEGORY_NOT_DIGIT: lambda c: not c.isdigit(),
    C.CATEGORY_SPACE: str.isspace,
    C.CATEGORY_NOT_SPACE: lambda c: not c.isspace(),
    C.CATEGORY_WORD: lambda c: c.isalnum() or c == "_",
    C.CATEGORY_NOT_WORD: lambda c: not (c.isalnum() or c == "_"),
}


def _in_class(items: list[tuple[Any, Any]], c: str) -> bool:
    negate = False
    hit = False
    for op, arg in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            hit = hit or ord(c) == arg
        elif op is C.RANGE:
            hit = hit or arg[0] <= ord(c) <= arg[1]
        elif op is C.CATEGORY:
            hit = hit or _CATEGORY.get(arg, lambda _: False)(c)
    return hit != negate


def _members(op: Any, arg: Any) -> list[str]:
    """Candidate characters a one-character node matches."""
    if op is C.LITERAL:
        return [chr(arg)]
    if op is C.NOT_LITERAL:
        return [c for c in _CANDIDATES if ord(c) != arg]
    if op is C.ANY:
        return list(_CANDIDATES)
    if op is C.IN:
        return [c for c in _CANDIDATES if _in_class(arg, c)] or _range_starts(arg)
    return []


def _range_starts(items: list[tuple[Any, Any]]) -> list[str]:
    return [chr(a[0]) for op, a in items if op is C.RANGE][:1]


class _Sampler:
    """A string the pattern matches (approximately), with a mark at one repeat."""

    def __init__(self, target: Any = None) -> None:
        self.target = target

    def seq(self, nodes: Any) -> str:
        return "".join(self.node(op, arg) for op, arg in nodes)

    def node(self, op: Any, arg: Any) -> str:
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
            low, _, body = arg
            if arg is self.target:
                return _MARK
            return self.seq(body) * low
        if op is C.SUBPATTERN:
            return self.seq(arg[-1])
        if op is C.BRANCH:
            return self.seq(arg[1][0])
        if op is getattr(C, "ATOMIC_GROUP", None):
            return self.seq(arg)
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT, C.GROUPREF, C.GROUPREF_EXISTS):
            return ""
        members = _members(op, arg)
        return members[0] if members else ""


def _repeats(nodes: Any) -> Iterator[tuple[Any, Any]]:
    for op, arg in nodes:
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
            if arg[1] > 1:
                yield op, arg
            yield from _repeats(arg[2])
        elif op is C.SUBPATTERN:
            yield from _repeats(arg[-1])
        elif op is C.BRANCH:
            for alternative in arg[1]:
                yield from _repeats(alternative)
        elif op in (C.ASSERT, C.ASSERT_NOT):
            yield from _repeats(arg[1])
        elif op is getattr(C, "ATOMIC_GROUP", None):
            yield from _repeats(arg)


def _pumps(body: Any) -> list[str]:
    sampled = _Sampler().seq(body)
    pumps = [sampled] if sampled else []
    if body and len(body) == 1:
        pumps += _members(*body[0])[:4]
    return list(dict.fromkeys(p for p in pumps if p))


def attacks(pattern: re.Pattern[str]) -> list[tuple[str, str, str]]:
    """``(prefix, pump, suffix)`` triples aimed at each repeated part."""
    tree = P.parse(pattern.pattern, pattern.flags)
    found = []
    for _, arg in _repeats(list(tree)):
        prefix = _Sampler(arg).seq(list(tree)).partition(_MARK)[0]
        for pump in _pumps(arg[2]):
            found += [(prefix, pump, suffix) for suffix in _SUFFIXES]
    return list(dict.fromkeys(found))


# -- timing --------------------------------------------------------------------------


def _cost(pattern: re.Pattern[str], text: str) -> float:
    """Seconds per round of search + fullmatch + sub (best of three, each round
    repeated until it lasts a measurable while)."""

    def once() -> None:
        pattern.search(text)
        pattern.fullmatch(text)
        pattern.sub("", text)

    best = float("inf")
    for _ in range(3):
        rounds, start = 0, time.thread_time()
        while True:
            once()
            rounds += 1
            elapsed = time.thread_time() - start
            if elapsed > 2e-4 or rounds >= 200:
                break
        best = min(best, elapsed / rounds)
    return best


EXPONENTIAL_GROWTH = 20.0  # time(20 pumps) / time(10 pumps); 2**10 for (a+)+, ~2 linear
POLYNOMIAL_GROWTH = 32.0  # time(4n) / time(n); 16 quadratic (allowed), 64 cubic


def _once(pattern: re.Pattern[str], text: str) -> float:
    start = time.thread_time()
    pattern.search(text)
    pattern.fullmatch(text)
    pattern.sub("", text)
    return time.thread_time() - start


_QUICK = 5e-5  # below this one call is no candidate for a closer look (a shortcut only)


def _grows(
    pattern: re.Pattern[str], parts: tuple[str, str, str], small: int, large: int, limit: float
) -> float:
    """How much slower ``large`` pumps are than ``small`` ones, when over ``limit`` (else 0).

    A suspicious growth is measured twice more and the smallest of the three
    kept: another process stealing the CPU inflates one measurement, not three.
    """
    prefix, pump, suffix = parts
    if _once(pattern, prefix + pump * large + suffix) < _QUICK:
        return 0.0
    growth = float("inf")
    for _ in range(3):
        large_cost = _cost(pattern, prefix + pump * large + suffix)
        growth = min(growth, large_cost / _cost(pattern, prefix + pump * small + suffix))
        if growth <= limit:
            return 0.0
    return growth


def verdict(
    pattern: re.Pattern[str], *, polynomial: bool = True, polynomial_size: int = 400
) -> str | None:
    """None when no attack slows ``pattern`` down disproportionately, else why.
    ``polynomial=False`` looks for exponential backtracking only.

    Both sizes are at least the pattern's shortest match: below it the engine
    fails at once without looking, which would fake a steep growth.
    """
    shortest = P.parse(pattern.pattern, pattern.flags).getwidth()[0]
    base = max(10, shortest)
    probes = [(base, 2 * base, EXPONENTIAL_GROWTH, "exponential")]
    if polynomial:
        base = max(polynomial_size // 4, shortest)
        probes.append((base, 4 * base, POLYNOMIAL_GROWTH, "super-quadratic"))
    for parts in attacks(pattern):
        for small, large, limit, kind in probes:
            growth = _grows(pattern, parts, small, large, limit)
            if growth:
                prefix, pump, suffix = parts
                return f"{kind}: {prefix!r} + {pump!r}*n + {suffix!r} ({growth:.0f}x)"
    return None
