"""Write a seed corpus for the fuzzers: valid and spoiled values of every
validator and records of every form, in the byte format of ``targets.py``.

Usage: ``python fuzz/seeds.py DIR`` (run.sh does this on every run, so seeds
follow the registries).
"""

from __future__ import annotations

import hashlib
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import targets

from custinfo import testing

PER_TARGET = 24


def _validator_seeds(name: str, rng: random.Random) -> list[bytes]:
    values: list[str] = []
    for _ in range(PER_TARGET // 2):
        try:
            values.append(testing.valid(name, rng))
            values.append(testing.invalid(name, rng))
        except testing.CannotGenerate:
            break
    return [v.encode("utf-8", "surrogatepass") for v in values]


def _form_seeds(name: str, rng: random.Random) -> list[bytes]:
    out = []
    for i in range(PER_TARGET):
        error = None if i % 3 == 0 else rng.choice(testing.record_errors(name))
        try:
            record = testing.record(name, rng, error=error, keys="mixed")
        except testing.CannotGenerate:
            continue
        lines = [f"{k}\t{v}" for k, v in record.items()]
        out.append("\n".join(lines).encode("utf-8", "surrogatepass"))
    return out


def write(directory: Path, seed: int = 0) -> int:
    """Write the seeds into ``directory``; returns how many different ones."""
    directory.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    count = 0
    for index, (kind, name) in enumerate(targets.targets()):
        payloads = (_validator_seeds if kind == "validator" else _form_seeds)(name, rng)
        for payload in payloads:
            shape = 0 if rng.random() < 0.7 else rng.randrange(256)
            data = bytes([index, shape]) + payload
            path = directory / hashlib.sha1(data).hexdigest()
            count += not path.exists()
            path.write_bytes(data)
    return count


if __name__ == "__main__":
    print(f"{write(Path(sys.argv[1]))} seeds written to {sys.argv[1]}")
