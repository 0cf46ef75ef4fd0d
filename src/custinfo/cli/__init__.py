"""The ``custinfo`` command line: the only part of custinfo that touches files.

``custinfo check FILE... --form NAME`` validates CSV, JSON Lines and .xlsx
files, streaming, and exits 0, 1 (findings at the fail level) or 2 (could not
run); ``demo``, ``forms``, ``inspect`` and ``schema`` do the rest. See
``docs/cli.md``.
"""

from __future__ import annotations

from custinfo.cli.app import main

__all__ = ["main"]
