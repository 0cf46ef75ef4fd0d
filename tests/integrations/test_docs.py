"""docs/integrations.md: its pandas and Dask blocks run as written, in order."""

from __future__ import annotations

import pytest
from integration_tables import doc_blocks, run_blocks


def test_pandas_and_dask_examples_run() -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("dask.dataframe")
    pandas_blocks = doc_blocks("pandas")
    assert len(pandas_blocks) >= 4
    namespace = run_blocks(pandas_blocks, {})
    assert namespace["result"].report.records == 3
    run_blocks(doc_blocks("Dask"), namespace)
    assert namespace["result"].report.records == 3
