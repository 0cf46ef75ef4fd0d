"""``custinfo demo`` and the bundled sample data it checks."""

from __future__ import annotations

import csv
import datetime
import importlib.util
import io
import sys
from importlib import resources
from pathlib import Path

import pytest
from cli_helpers import run

from custinfo import forms, validators
from custinfo.cli.commands import sample_manifest

SAMPLES = resources.files("custinfo.data").joinpath("samples")
ROOT = Path(__file__).resolve().parents[2]


def sample_rows(name: str) -> list[dict[str, str]]:
    text = SAMPLES.joinpath(f"{name}.csv").read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_demo_checks_both_forms_and_shows_the_accuracy_report():
    result = run("demo", "--locale", "en")
    assert result.code == 0, result.err
    assert result.err == ""
    assert "--form collection" in result.out and "--form enterprise" in result.out
    assert result.out.count("Records: 300; without errors: ") == 2
    assert result.out.count("Most frequent problems:") == 2


def test_demo_can_show_one_form():
    result = run("demo", "--form", "enterprise", "--max-findings", "0", "--locale", "en")
    assert "--form collection" not in result.out
    assert "findings not shown" in result.out


@pytest.mark.parametrize("name", ["collection", "enterprise"])
def test_the_samples_use_the_forms_chinese_labels_as_headers(name):
    rows = sample_rows(name)
    assert list(rows[0]) == [f.label for f in forms.get(name).fields]


@pytest.mark.parametrize("name", ["collection", "enterprise"])
def test_a_realistic_share_of_sample_records_has_errors(name):
    manifest = sample_manifest()
    today = datetime.date.fromisoformat(manifest["today"])
    rows = sample_rows(name)
    assert len(rows) == manifest["forms"][name]["records"] == 300
    planted = manifest["forms"][name]["with_mistakes"] / len(rows)
    assert 0.2 <= planted <= 0.3
    reports = list(forms.get(name).validate_many(rows, today=today))
    with_errors = sum(not r.ok for r in reports) / len(reports)
    # Every error found is a planted mistake; not every planted mistake is an error
    # (some are warnings, some need validators still to come).
    assert 0.05 <= with_errors <= planted
    assert not any(f.code == "unknown_field" for r in reports for f in r.findings)


def test_the_samples_were_made_with_every_generator_now_available():
    # TODO for whoever merges a validator with a generate(): rerun update/make_samples.py.
    stale = set(sample_manifest()["generators"]["fallback"]) & set(validators.available())
    assert not stale, f"rerun update/make_samples.py: {sorted(stale)} now have generators"


def test_the_bundled_samples_are_what_the_generator_makes(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location(
        "make_samples", ROOT / "update" / "make_samples.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "make_samples", module)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "OUT", tmp_path)
    module.make()
    for name in ("collection.csv", "enterprise.csv", "manifest.json"):
        bundled = SAMPLES.joinpath(name).read_bytes()
        assert (tmp_path / name).read_bytes() == bundled, f"{name} is stale: rerun make_samples"
