"""Address parsing: cost against plain text validation and against the previous parser.

No reference library parses addresses among custinfo's dependencies, so the
yardsticks are `text.check` (what a free-text field costs) on the same inputs,
and the previous implementation of `address.check` (the parser before the memo of
division heads, taken from git at ``BASELINE`` and run in a subprocess on the same
inputs; the two are measured in alternation, so load from other processes hits
both alike). Every address in every corpus is different; what repeats, as in real
data, is the division part:

- typical: the four addresses of issue 9 (北京市海淀区中关村大街27号 ...), each
  with a different house number;
- form stream: the addresses of the collection-form benchmark corpus (14 county
  heads, streets and numbers varied);
- mixed stream: counties drawn with a Zipf law over every county in use, written
  in full, with short forms, levels left out or separators, streets and numbers
  varied;
- whole table: the validator's own generated addresses, counties drawn uniformly
  from every county in use (written in full, with towns, buildings and rooms);
- new heads: one address per county, every head seen for the first time (the
  memo is emptied before each run): the cost of reading a division head at all.

Times are CPU time of this process (``time.process_time``), the best of a few runs:
other processes on a shared machine slow both implementations less than wall time.

The growth table shows the time per character for inputs of increasing length
built to provoke the parser (division names, placeholders, zones and road words
repeated), every head read anew: a linear parser keeps the ratio near 1 (or
below, as the fixed costs spread).

Run: PYTHONPATH=src python benchmarks/address.py [--baseline REV | --baseline-src DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tarfile
import tempfile
import time
import timeit
from collections.abc import Callable
from pathlib import Path

BASELINE = "85c82142cb739ccf549bcb34ad79ba788e0f6a12"  # the parser before the memo of heads
ROUNDS = 3

TYPICAL = (
    "北京市海淀区中关村大街",
    "广东省深圳市南山区科技园路",
    "浙江杭州西湖区文三路",
    "重庆市渝北区人民路",
)
ROADS = (
    "中关村大街",
    "建国路",
    "人民路",
    "解放路",
    "科技园路",
    "文三路",
    "长江路",
    "和平街",
    "中山北路",
)
DETAILS = ("", "3栋2单元501室", "阳光大厦12层", "幸福小区7号楼1203室", "A座1001")


def per_call(func: Callable[[str], object], values: list[str], setup: Callable[[], None]) -> float:
    """Seconds per value, the best of a few runs (``setup`` before each)."""
    best = float("inf")
    for _ in range(5):
        setup()
        best = min(
            best,
            timeit.timeit(lambda: [func(v) for v in values], number=1, timer=time.process_time),
        )
    return best / len(values)


def measure(corpora: dict[str, list[str]]) -> dict[str, dict[str, float]]:
    """µs per address for address.check and text.check on each corpus (whatever
    custinfo is importable: this one, or the baseline in a subprocess)."""
    from custinfo.validators import address, text

    address.check("北京市朝阳区建国路88号")  # build the name index outside the measurement
    try:
        from custinfo.validators import _address_parse

        memo = _address_parse._MEMO

        def forget() -> None:
            if hasattr(memo, "clear"):
                memo.clear()
            else:
                memo.heads.clear()
                memo.lengths.clear()
    except AttributeError:  # the baseline remembers nothing

        def forget() -> None:
            pass

    def nothing() -> None:
        pass

    found = {}
    for name, values in corpora.items():
        setup = forget if name == "new heads" else nothing
        found[name] = {
            "address": per_call(address.check, values, setup) * 1e6,
            "text": per_call(text.check, values, nothing) * 1e6,
        }
    return found


def _wrote(rng: random.Random, names: list[str]) -> str:
    shown = []
    for i, name in enumerate(names):
        roll = rng.random()
        if roll < 0.1 and i < len(names) - 1:
            continue
        short = roll < 0.35 and len(name) > 2 and name[-1] in "省市区县"
        shown.append(name[:-1] if short else name)
    return rng.choice(("", "", "", " ", "-")).join(shown)


def corpora() -> dict[str, list[str]]:
    """The inputs, the same for both implementations (built with this one)."""
    sys.path.insert(0, str(Path(__file__).parent))
    from corpus import REGIONS, STREETS

    from custinfo import divisions
    from custinfo.validators import address

    rng = random.Random(7)

    def street() -> str:
        return f"{rng.choice(ROADS)}{rng.randrange(1, 1000)}号{rng.choice(DETAILS)}"

    typical = [f"{head}{n}号" for n in range(1, 251) for head in TYPICAL]
    form = [f"{rng.choice(REGIONS)[1]}{rng.choice(STREETS)}{n}号" for n in range(1, 1001)]
    leaves = list(address._leaves())
    rng.shuffle(leaves)
    weights = [1 / (rank + 1) ** 1.1 for rank in range(len(leaves))]
    mixed = []
    for code in rng.choices(leaves, weights, k=2000):
        names = [d.name for d in divisions.path(code) if d.name not in ("市辖区", "县")]
        mixed.append(_wrote(rng, [n for n in names if "直辖" not in n]) + street())
    fresh = []
    for code in leaves[:1000]:
        names = [d.name for d in divisions.path(code) if d.name not in ("市辖区", "县")]
        fresh.append("".join(n for n in names if "直辖" not in n) + street())
    table = [address.generate(rng) for _ in range(2000)]
    return {
        "typical": typical,
        "form stream": form,
        "mixed stream": mixed,
        "whole table": table,
        "new heads": fresh,
    }


def baseline_src(rev: str, into: Path) -> Path | None:
    """The ``src`` directory of custinfo at ``rev``, extracted from git."""
    root = Path(__file__).resolve().parent.parent
    archive = into / "src.tar"
    done = subprocess.run(
        ["git", "-C", str(root), "archive", "--format=tar", "-o", str(archive), rev, "src"],
        capture_output=True,
        check=False,
    )
    if done.returncode:
        print(f"(no baseline: git archive {rev} failed: {done.stderr.decode().strip()})")
        return None
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def run_baseline(src: Path, inputs: Path) -> dict[str, dict[str, float]]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run(
        [sys.executable, __file__, "--measure", str(inputs)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    found: dict[str, dict[str, float]] = json.loads(done.stdout)
    return found


def growth() -> None:
    from custinfo.validators import _address_parse, address

    memo = _address_parse._MEMO

    def fresh(value: str) -> object:
        memo.clear()  # every head read anew: the parser's own cost
        return address.check(value, max_length=400)

    rng = random.Random(7)
    print("\ngrowth with length (adversarial input, max_length raised), µs per address:")
    print(f"{'chars':>7}{'heads read anew':>17}{'per char vs 25':>16}{'as used':>10}")
    pieces = ["北京", "朝阳", "鼓楼区", "中山路", "市", "街道", "新津县", "广西", "新区", "市辖区"]
    base = None
    for length in (25, 50, 100, 200, 400):
        values = []
        for _ in range(50):
            s = ""
            while len(s) < length:
                s += rng.choice(pieces)
            values.append(s[:length])
        cold = per_call(fresh, values, lambda: None)
        used = per_call(lambda v: address.check(v, max_length=400), values, lambda: None)
        base = base or cold / length
        print(f"{length:>7}{cold * 1e6:>17.1f}{cold / length / base:>16.2f}{used * 1e6:>10.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", default=BASELINE, help="git revision of the old parser")
    parser.add_argument("--baseline-src", type=Path, help="src directory of the old parser")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:  # the subprocess: measure whatever custinfo PYTHONPATH gives
        print(json.dumps(measure(json.loads(args.measure.read_text("utf-8")))))
        return

    inputs = corpora()
    with tempfile.TemporaryDirectory() as tmp:
        src = args.baseline_src or baseline_src(args.baseline, Path(tmp))
        saved = Path(tmp) / "corpora.json"
        saved.write_text(json.dumps(inputs, ensure_ascii=False), "utf-8")
        new: dict[str, dict[str, float]] = {}
        old: dict[str, dict[str, float]] = {}
        for _ in range(ROUNDS):  # alternated: the best of each
            for store, found in (
                (new, measure(inputs)),
                (old, run_baseline(src, saved) if src else {}),
            ):
                for name, figures in found.items():
                    kept = store.setdefault(name, figures)
                    for key, value in figures.items():
                        kept[key] = min(kept[key], value)

    print(f"address.check, µs per address (baseline: {args.baseline_src or args.baseline[:12]})")
    print(
        f"{'corpus':<14}{'n':>6}{'now':>9}{'before':>9}{'speed-up':>10}"
        f"{'text.check':>12}{'now/text':>10}{'before/text':>13}"
    )
    for name, values in inputs.items():
        now = new[name]
        before = old.get(name)
        print(
            f"{name:<14}{len(values):>6}{now['address']:>9.1f}"
            + (f"{before['address']:>9.1f}" if before else f"{'-':>9}")
            + (f"{before['address'] / now['address']:>9.1f}x" if before else f"{'-':>10}")
            + f"{now['text']:>12.2f}{now['address'] / now['text']:>9.1f}x"
            + (f"{before['address'] / before['text']:>12.1f}x" if before else "")
        )
    growth()


if __name__ == "__main__":
    main()
