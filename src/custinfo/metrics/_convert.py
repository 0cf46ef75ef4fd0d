"""custinfo's own cattrs converter for the metrics classes (never cattrs' global one).

Extra keys are refused, so a dict from another schema fails loudly instead of
structuring into a report with silently missing counters.
"""

from __future__ import annotations

import cattrs

__all__ = ["converter"]

converter = cattrs.Converter(forbid_extra_keys=True)
