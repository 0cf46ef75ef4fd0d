"""The progress line: only on request, only after a delay, erased at the end."""

from __future__ import annotations

import io

from custinfo.cli.progress import Progress


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_nothing_is_drawn_when_disabled():
    stream, clock = io.StringIO(), Clock()
    progress = Progress(stream, enabled=False, clock=clock)
    clock.now = 10
    for _ in range(5000):
        progress.update("x.csv", lambda: 0.5)
    progress.done()
    assert stream.getvalue() == ""


def test_a_short_run_draws_nothing():
    stream, clock = io.StringIO(), Clock()
    progress = Progress(stream, enabled=True, clock=clock, delay=1.0)
    for _ in range(5000):
        progress.update("x.csv", lambda: 0.5)
    progress.done()
    assert stream.getvalue() == ""


def test_a_long_run_shows_rows_percent_and_rate_then_erases_the_line():
    stream, clock = io.StringIO(), Clock()
    progress = Progress(stream, enabled=True, clock=clock, delay=1.0)
    clock.now = 2.0
    for _ in range(512):
        progress.update("x.csv", lambda: 0.25)
    drawn = stream.getvalue()
    assert drawn == "\rx.csv: 512 rows   25.0%  256 rows/s"
    for _ in range(512):  # within 0.2 s of the last drawing: not redrawn
        progress.update("x.csv", lambda: 0.5)
    assert stream.getvalue() == drawn
    progress.done()
    assert stream.getvalue().endswith("\r" + " " * (len(drawn) - 1) + "\r")


def test_an_unknown_size_shows_no_percent():
    stream, clock = io.StringIO(), Clock()
    progress = Progress(stream, enabled=True, clock=clock, delay=0.0)
    clock.now = 1.0
    for _ in range(512):
        progress.update("<stdin>", lambda: None)
    assert "%" not in stream.getvalue()
