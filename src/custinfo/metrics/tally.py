"""The counters of a group of records: what every breakdown of a report is made of.

>>> Tally(records=2, clean=1, errors=3) + Tally(records=1, clean=1)
Tally(records=3, clean=2, warned=0, errors=3, warnings=0)
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import attrs
from attrs import define, field

from custinfo.findings import DefinitionError
from custinfo.metrics.intervals import Interval, Method, proportion

__all__ = ["Tally", "one", "sum_tallies"]


def _non_negative(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise DefinitionError(f"{attribute.name} cannot be negative ({value})")


def _consistent(tally: Tally) -> None:
    # Each dirty record has at least one error, each warned record at least one warning.
    if tally.clean > tally.records or tally.warned > tally.records:
        raise DefinitionError(f"inconsistent counters: {tally!r}")
    if tally.errors < tally.records - tally.clean or tally.warnings < tally.warned:
        raise DefinitionError(f"inconsistent counters: {tally!r}")


@define(frozen=True, slots=True)
class Tally:
    """The counters of a group of records.

    ``clean`` records have no error-level finding, ``warned`` records have at
    least one warning; ``errors`` and ``warnings`` count findings.
    """

    records: int = field(default=0, validator=_non_negative)
    clean: int = field(default=0, validator=_non_negative)
    warned: int = field(default=0, validator=_non_negative)
    errors: int = field(default=0, validator=_non_negative)
    warnings: int = field(default=0, validator=_non_negative)

    def __attrs_post_init__(self) -> None:
        _consistent(self)

    def __add__(self, other: Tally) -> Tally:
        # The sum of two consistent tallies is consistent: skip the validators on this hot path.
        summed = object.__new__(Tally)
        for name in _FIELDS:
            object.__setattr__(summed, name, getattr(self, name) + getattr(other, name))
        return summed

    @property
    def with_errors(self) -> int:
        """Records with at least one error."""
        return self.records - self.clean

    @property
    def accuracy(self) -> float | None:
        """clean / records, or None when there are no records."""
        return self.clean / self.records if self.records else None

    def interval(
        self, *, confidence: float = 0.95, method: Method = "wilson", population: int | None = None
    ) -> Interval:
        """The accuracy with its confidence interval (see :mod:`~custinfo.metrics.intervals`)."""
        return proportion(
            self.clean, self.records, confidence=confidence, method=method, population=population
        )


_FIELDS = ("records", "clean", "warned", "errors", "warnings")


@functools.lru_cache(maxsize=1024)
def one(clean: bool, warned: bool, errors: int, warnings: int) -> Tally:
    """The tally of a single record (few distinct ones exist, so they are shared)."""
    return Tally(1, int(clean), int(warned), errors, warnings)


def sum_tallies(tallies: Iterable[Tally]) -> Tally:
    """The sum of ``tallies`` (an empty Tally for none)."""
    total = Tally()
    for t in tallies:
        total = total + t
    return total
