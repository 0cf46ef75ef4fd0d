"""The fuzz harness (fuzz/) stays runnable: its targets follow the registries, and
its seed corpus and a few thousand random inputs pass its checks (atheris is
needed only for coverage-guided runs: see fuzz/README.md)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from custinfo import forms, validators

FUZZ = Path(__file__).resolve().parent.parent / "fuzz"
sys.path.insert(0, str(FUZZ))

import seeds  # noqa: E402
import targets  # noqa: E402


def test_the_targets_are_every_validator_and_every_form():
    assert targets.targets() == [("validator", n) for n in validators.available()] + [
        ("form", n) for n in forms.available()
    ]


def test_the_seed_corpus_covers_every_target_and_passes(tmp_path):
    count = seeds.write(tmp_path)
    files = sorted(tmp_path.iterdir())
    assert count == len(files)
    hit = {f.read_bytes()[0] % len(targets.targets()) for f in files}
    assert hit == set(range(len(targets.targets())))
    for f in files:
        targets.run(f.read_bytes())


@pytest.mark.parametrize("seed", range(4))
def test_random_inputs_pass_the_harness_checks(seed):
    rng = random.Random(seed)
    for _ in range(400):
        size = rng.choice((2, 3, 8, 40, 300))
        targets.run(bytes(rng.randrange(256) for _ in range(size)))


def test_every_input_shape_is_reachable():
    shapes = {type(targets.value(shape, b"12")).__name__ for shape in range(targets.SHAPES)}
    assert {"str", "int", "float", "Decimal", "bytes", "list", "dict", "Boom"} <= shapes
