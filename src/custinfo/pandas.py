"""Validate a pandas DataFrame against a form: findings as a frame, plus an accuracy report.

Column names may be the form's keys, its Chinese labels or aliases, or be mapped
with ``columns``; blank cells (``None``, ``NaN``, ``NaT``) are blanks, and numbers
that pandas stored as floats because a column has blanks count as the integers
they hold. The input frame is never modified. Needs ``pip install 'custinfo[pandas]'``.

>>> import datetime
>>> import pandas as pd
>>> from custinfo import Field, Form
>>> visit = Form("visit", "拜访登记", "1.0", fields=[
...     Field("customer_name", "客户名称", required=True),
...     Field("visited_on", "拜访日期", kind="dates", required=True),
... ])
>>> df = pd.DataFrame({"客户名称": ["甲科技有限公司", None],
...                    "拜访日期": ["2024-05-06", "2024/5/7"]})
>>> result = validate_frame(df, visit, today=datetime.date(2024, 6, 1))
>>> result.findings[["row", "field", "code", "severity"]].values.tolist()
[[1, 'customer_name', 'required', 'error'], [1, 'visited_on', 'dates.lenient', 'warning']]
>>> result.report.records, result.report.accuracy
(2, 0.5)
"""

from __future__ import annotations

import datetime
from collections.abc import Hashable, Mapping

from attrs import define

try:
    import pandas as pd
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError("custinfo.pandas needs pandas: pip install 'custinfo[pandas]'") from exc

from custinfo._frames import FINDING_COLUMNS, Job
from custinfo.findings import DefinitionError
from custinfo.metrics import AccuracyReport
from custinfo.model import Form

__all__ = ["FINDING_COLUMNS", "FrameResult", "validate_frame"]


@define(frozen=True, slots=True, repr=False)
class FrameResult:
    """The outcome of :func:`validate_frame`.

    ``findings`` has one row per finding, columns :data:`FINDING_COLUMNS`: ``row``
    (the input's index label, or the value of the ``row`` column), ``field``
    (``None`` for findings about the whole record), ``code``, ``severity``
    (``"error"``, ``"warning"``, ``"info"``), ``message_zh``, ``message_en`` and
    ``value`` (masked like every finding's value). ``report`` counts every row.
    ``cleaned`` (when asked for) has the input's index and one column per form
    field: the normalized values of the fields that passed, masked unless
    ``reveal=True``, ``None`` elsewhere.
    """

    findings: pd.DataFrame
    report: AccuracyReport
    cleaned: pd.DataFrame | None = None

    @property
    def ok(self) -> bool:
        """True when no row has an error-level finding."""
        return bool((self.findings["severity"] != "error").all())

    def rows_with_errors(self) -> pd.Index:
        """The labels of the rows with at least one error, in order of first error."""
        errors = self.findings.loc[self.findings["severity"] == "error", "row"]
        return pd.Index(errors.drop_duplicates())

    def __repr__(self) -> str:
        return f"FrameResult(findings={len(self.findings)}, report={self.report!r})"


def validate_frame(
    df: pd.DataFrame,
    form: Form | str,
    *,
    columns: Mapping[Hashable, str | None] | None = None,
    today: datetime.date | None = None,
    row: Hashable | None = None,
    cleaned: bool = False,
    reveal: bool = False,
    collector_field: str = "collector",
    date_field: str = "confirmed_at",
) -> FrameResult:
    """Validate every row of ``df`` with ``form`` (a :class:`~custinfo.Form` or a form name).

    ``columns`` maps column names to form keys (or labels) where the headers
    differ from the form's names; a column mapped to ``None`` is ignored. Other
    columns the form does not know are reported, as ``form.validate`` does.
    ``row`` names a column that identifies rows in the findings (default: the
    index). ``today`` bounds every "not in the future" (default: the local
    date now). ``cleaned=True`` also returns the normalized values. The accuracy
    report reads each row's collector and month from ``collector_field`` and
    ``date_field`` (see :meth:`AccuracyReport.add_record`).
    """
    if not isinstance(df, pd.DataFrame):
        raise DefinitionError(f"expected a pandas DataFrame, not {type(df).__name__}")
    job = Job.prepare(
        form,
        df.columns,
        columns=columns,
        row=row,
        today=today or datetime.date.today(),
        collector_field=collector_field,
        date_field=date_field,
    )
    outcome = job.run(df, cleaned=cleaned, reveal=reveal)
    findings = outcome.findings.frame(job.row_labels(df))
    shown = None
    if outcome.cleaned is not None:
        keys = job.form.keys
        data = {k: pd.Series([r.get(k) for r in outcome.cleaned], dtype=object) for k in keys}
        shown = pd.DataFrame(data, columns=list(keys)).set_axis(df.index)
    return FrameResult(findings, outcome.report, shown)
