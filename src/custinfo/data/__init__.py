"""Package data: dated tables read once, on first use, through importlib.resources.

Every table is UTF-8 text whose first lines are ``# key: value`` headers naming
at least ``title``, ``source`` and ``as-of``; :func:`data_sources` lists them,
together with the tables custinfo takes from its dependencies.

>>> names = [s.name for s in data_sources()]
>>> "divisions" in names
True
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from attrs import define

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["DataSource", "data_sources", "headers", "read_table"]

_SUFFIXES = (".csv", ".tsv", ".txt")


@define(frozen=True, slots=True)
class DataSource:
    """A table custinfo relies on: what it is, where it comes from, how recent."""

    name: str
    title: str
    source: str
    as_of: str


def _files() -> Traversable:
    from importlib import resources  # on first use: it costs more than the rest of the import

    return resources.files(__name__)


def _lines(name: str) -> list[str]:
    return _files().joinpath(name).read_text(encoding="utf-8").splitlines()


def headers(name: str) -> dict[str, str]:
    """The ``# key: value`` header lines of a bundled table."""
    found: dict[str, str] = {}
    for line in _lines(name):
        if not line.startswith("#"):
            break
        key, sep, value = line[1:].partition(":")
        if sep:
            found[key.strip().lower()] = value.strip()
    return found


@functools.cache
def read_table(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a bundled CSV table (comments and the column header skipped)."""
    import csv

    body = [line for line in _lines(name) if line and not line.startswith("#")]
    return tuple(tuple(row) for row in csv.reader(body[1:]))


def data_sources() -> tuple[DataSource, ...]:
    """Every table custinfo uses, with its source and as-of date."""
    from custinfo import divisions

    found = [
        DataSource(
            "divisions",
            "GB/T 2260 administrative division codes with their history",
            "python-stdnum stdnum/cn/loc.dat (from the Wikipedia lists of division codes)",
            divisions.as_of(),
        )
    ]
    for entry in sorted(_files().iterdir(), key=lambda e: e.name):
        if entry.name.endswith(_SUFFIXES):
            h = headers(entry.name)
            stem = entry.name.rsplit(".", 1)[0]
            found.append(
                DataSource(stem, h.get("title", stem), h.get("source", "?"), h.get("as-of", "?"))
            )
    extra = _dependency_sources()
    return (*found, *extra)


def _dependency_sources() -> tuple[DataSource, ...]:
    # Tables read at run time from dependencies' own metadata (no copy in custinfo).
    from importlib import metadata

    def version(dist: str) -> str:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:  # pragma: no cover
            return "?"

    return (
        DataSource(
            "phonenumbers",
            "Chinese number ranges, types and carriers",
            "phonenumbers (libphonenumber metadata)",
            f"phonenumbers {version('phonenumbers')}",
        ),
    )
