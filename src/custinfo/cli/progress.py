"""A progress line on stderr for long runs: rows, percent read, rows per second.

It appears only on a terminal and only once a run has lasted a moment, so
small inputs and pipelines never see it; it is erased when the run ends.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

from custinfo.cli.tables import clean, width

__all__ = ["Progress"]

_EVERY = 512  # rows between clock reads
_INTERVAL = 0.2  # seconds between redraws


class Progress:
    """Call :meth:`update` per row and :meth:`done` at the end."""

    def __init__(
        self,
        stream: TextIO,
        *,
        enabled: bool,
        delay: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.enabled = enabled
        self.delay = delay
        self.clock = clock
        self.start = clock()
        self.next_draw = self.start + delay
        self.drawn = 0
        self.rows = 0

    def update(self, name: str, fraction: Callable[[], float | None]) -> None:
        """One more row of ``name`` read; ``fraction`` tells how much of it (None: unknown)."""
        self.rows += 1
        if not self.enabled or self.rows % _EVERY:
            return
        now = self.clock()
        if now < self.next_draw:
            return
        self.next_draw = now + _INTERVAL
        rate = self.rows / max(now - self.start, 1e-9)
        done = fraction()
        percent = f"  {done * 100:5.1f}%" if done is not None else ""
        text = clean(f"{name}: {self.rows:,} rows{percent}  {rate:,.0f} rows/s")
        columns = width(text)
        self.stream.write("\r" + text + " " * max(self.drawn - columns, 0))
        self.stream.flush()
        self.drawn = columns

    def done(self) -> None:
        """Erase the line, if one was drawn."""
        if self.drawn:
            self.stream.write("\r" + " " * self.drawn + "\r")
            self.stream.flush()
            self.drawn = 0
