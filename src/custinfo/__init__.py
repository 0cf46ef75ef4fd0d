"""custinfo: validation of Chinese customer information.

Standard forms as code, validators for Chinese identifiers and contacts, a
cross-field rule engine and accuracy metrics. The core does no I/O.

>>> import datetime, custinfo
>>> report = custinfo.forms.collection.validate(
...     {"customer_type": "企业", "phone": "1380013800"}, today=datetime.date(2026, 1, 5))
>>> report.ok
False
>>> "required" in report.codes()
True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from custinfo.findings import (
    Check,
    CustinfoError,
    DataUnavailable,
    DefinitionError,
    Finding,
    InvalidValue,
    Problem,
    Report,
    Severity,
)
from custinfo.model import Field, Form
from custinfo.rules import Rule, RuleContext, find_duplicates, rule

if TYPE_CHECKING:
    from custinfo import forms, metrics, validators
    from custinfo.data import DataSource, data_sources

__version__ = "0.1.0.dev0"

__all__ = [
    "Check",
    "CustinfoError",
    "DataSource",
    "DataUnavailable",
    "DefinitionError",
    "Field",
    "Finding",
    "Form",
    "InvalidValue",
    "Problem",
    "Report",
    "Rule",
    "RuleContext",
    "Severity",
    "__version__",
    "data_sources",
    "find_duplicates",
    "forms",
    "metrics",
    "rule",
    "validators",
]

_LAZY = {"dask", "forms", "metrics", "pandas", "spark", "testing", "validators"}


def __getattr__(name: str) -> Any:
    # Submodules load on first use, so `import custinfo` stays light.
    if name in _LAZY:
        return importlib.import_module(f"{__name__}.{name}")
    if name in ("DataSource", "data_sources"):
        return getattr(importlib.import_module(f"{__name__}.data"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
