"""uscc.validate and ric.validate against python-stdnum, side by side in one run.

Both libraries validate the same inputs, interleaved round by round so machine
noise hits both alike; the script prints per-call times and the throughput
ratio (custinfo / stdnum). Run: ``PYTHONPATH=src python benchmarks/bench_identifiers.py``.
No assertion on time: the numbers are for reading.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence

from stdnum.cn import ric as stdnum_ric
from stdnum.cn import uscc as stdnum_uscc

from custinfo.validators import ric, uscc

ROUNDS = 7


def _valid_usccs(n: int) -> list[str]:
    rng = random.Random(1)
    # Digit authorities only: stdnum rejects letter authorities, and a rejection
    # (an exception) is not the same work as an acceptance.
    return [uscc.generate(rng, authority=rng.choice("123456789")) for _ in range(n)]


def _valid_rics(n: int) -> list[str]:
    rng = random.Random(2)
    out: list[str] = []
    while len(out) < n:
        number = ric.generate(rng)
        if stdnum_ric.is_valid(number):  # same inputs valid for both
            out.append(number)
    return out


def _invalid(values: Sequence[str]) -> list[str]:
    # The last character replaced: a check failure for both libraries.
    return [v[:-1] + ("1" if v[-1] != "1" else "2") for v in values]


def _run(fn: Callable[[str], object], values: Sequence[str]) -> float:
    start = time.perf_counter()
    for v in values:
        try:  # noqa: SIM105 - cheaper than contextlib.suppress inside a timing loop
            fn(v)
        except ValueError:
            pass
    return time.perf_counter() - start


def _compare(
    name: str, ours: Callable[[str], object], theirs: Callable[[str], object], values: Sequence[str]
) -> None:
    best_ours = best_theirs = float("inf")
    for _ in range(ROUNDS):
        best_ours = min(best_ours, _run(ours, values))
        best_theirs = min(best_theirs, _run(theirs, values))
    n = len(values)
    print(
        f"{name:<34} custinfo {best_ours / n * 1e6:7.2f} us   "
        f"stdnum {best_theirs / n * 1e6:7.2f} us   ratio {best_theirs / best_ours:5.1f}x"
    )


def main() -> None:
    usccs, rics = _valid_usccs(5000), _valid_rics(5000)
    uscc.validate(usccs[0])  # build the lazy tables outside the timing
    ric.validate(rics[0])
    _compare("uscc.validate (valid)", uscc.validate, stdnum_uscc.validate, usccs)
    _compare("ric.validate (valid)", ric.validate, stdnum_ric.validate, rics)
    _compare(
        "uscc.validate (wrong check char)", uscc.validate, stdnum_uscc.validate, _invalid(usccs)
    )
    _compare("ric.validate (wrong check digit)", ric.validate, stdnum_ric.validate, _invalid(rics))
    _compare("uscc.is_valid (valid)", uscc.is_valid, stdnum_uscc.is_valid, usccs)
    _compare("ric.is_valid (valid)", ric.is_valid, stdnum_ric.is_valid, rics)


if __name__ == "__main__":
    main()
