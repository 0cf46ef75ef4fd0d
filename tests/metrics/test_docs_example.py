"""docs/metrics.md runs as written, as one notebook."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[2] / "docs" / "metrics.md"


def test_metrics_notebook_example_runs() -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 8
    namespace: dict[str, object] = {}
    for block in blocks:
        exec(compile(block, str(DOC), "exec"), namespace)
    assert namespace["combined"] == namespace["accuracy"]
    import matplotlib.pyplot as plt

    plt.close("all")
