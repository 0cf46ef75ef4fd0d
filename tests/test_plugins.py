"""Third-party validators and forms arrive through entry points (tests/plugin_pkg)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

PLUGIN = Path(__file__).parent / "plugin_pkg"
SRC = Path(__file__).resolve().parents[1] / "src"

PROBE = """
import datetime, json
import custinfo
from custinfo import forms, validators
visit = forms.get("visit")
report = visit.validate({"customer_name": "某某", "wechat": "1abc"},
                        today=datetime.date(2026, 1, 1))
print(json.dumps({
    "validators": list(validators.available()),
    "forms": list(forms.available()),
    "codes": list(report.codes()),
    "message": report.findings[0].message("zh"),
    "valid": validators.get("wechat").is_valid("wx_abc123"),
}, ensure_ascii=False))
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("hatchling")
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(target),
            str(PLUGIN),
        ],
        check=True,
        capture_output=True,
    )
    return target


def test_an_installed_plugin_adds_its_validator_and_form(site: Path) -> None:
    env_path = f"{site}{__import__('os').pathsep}{SRC}"
    out = subprocess.run(
        [sys.executable, "-c", PROBE],
        check=True,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": env_path, "PATH": ""},
    )
    seen = json.loads(out.stdout)
    assert "wechat" in seen["validators"] and seen["validators"][0] == "text"
    assert {"collection", "enterprise", "visit"} <= set(seen["forms"])
    assert seen["codes"] == ["wechat.format"]
    assert seen["message"] == "微信号格式不正确"
    assert seen["valid"] is True


def test_without_the_plugin_its_names_are_unknown() -> None:
    from custinfo import DefinitionError, validators

    with pytest.raises(DefinitionError):
        validators.get("wechat")
