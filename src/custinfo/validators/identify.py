"""Which identifier is this? Every kind a value satisfies, with each kind's facts.

An 18-character value can satisfy more than one standard: the check character
of a unified social credit identifier is right for about one resident ID in 31,
and a few pass every other USCC rule as well. Rather than guess, :func:`identify`
lists every reading; a form that knows the customer type picks one.

>>> [(m.validator, m.kind) for m in identify("91110000600037341L")]
[('uscc', 'uscc')]
>>> [(m.validator, m.kind, m.info.gender) for m in identify("11010519491231002X")]
[('ric', 'resident', 'female')]
>>> [(m.validator, m.kind) for m in identify("131101196001100433")]
[('ric', 'resident'), ('uscc', 'uscc')]
>>> identify("not an identifier")
()
"""

from __future__ import annotations

import datetime
from typing import Any

from attrs import define

from custinfo.findings import Severity
from custinfo.validators import orgcode, ric, uscc

__all__ = ["Identification", "identify"]


@define(frozen=True, slots=True)
class Identification:
    """One reading of a value: the validator that accepts it and what it found.

    ``kind`` is the validator's finer kind (for ``ric``: ``resident``,
    ``hongkong_permit``…; otherwise the validator name), ``value`` the
    normalized value, ``info`` the validator's info object (None for
    organization codes) and ``warnings`` the codes of its warnings.
    """

    validator: str
    kind: str
    value: str
    info: Any
    warnings: tuple[str, ...] = ()


def _warnings(problems: tuple[Any, ...]) -> tuple[str, ...]:
    return tuple(p.code for p in problems if p.severity is Severity.WARNING)


def identify(value: object, *, today: datetime.date | None = None) -> tuple[Identification, ...]:
    """Every identifier kind ``value`` is valid as: resident-ID family, USCC, organization code.

    Never raises; an empty tuple means no kind accepts the value. ``today``
    bounds resident-ID birth dates as in :func:`custinfo.validators.ric.check`.
    """
    found: list[Identification] = []
    checked = ric.check(value, today=today)
    if checked.ok:
        kind = checked.info.kind
        found.append(
            Identification("ric", kind, checked.value, checked.info, _warnings(checked.problems))
        )
    checked = uscc.check(value)
    if checked.ok:
        found.append(
            Identification("uscc", "uscc", checked.value, checked.info, _warnings(checked.problems))
        )
    checked = orgcode.check(value)
    if checked.ok:
        found.append(Identification("orgcode", "orgcode", checked.value, None))
    return tuple(found)
