"""``python -m custinfo``: the same as the ``custinfo`` command."""

from __future__ import annotations

from custinfo.cli import main

raise SystemExit(main())
