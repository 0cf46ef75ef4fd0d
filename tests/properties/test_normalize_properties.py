"""The shared normalizers are idempotent and never raise, on any text at all."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from custinfo import normalize

ANY_TEXT = st.text(alphabet=st.characters(codec=None), max_size=120)
NORMALIZERS = ["text", "punctuation", "brackets", "compact", "fold_width"]


@pytest.mark.parametrize("name", NORMALIZERS)
@given(value=ANY_TEXT)
def test_normalizing_twice_changes_nothing_more(name, value):
    function = getattr(normalize, name)
    once = function(value)
    assert function(once) == once


@given(value=ANY_TEXT)
def test_compact_reads_the_same_through_text_and_punctuation(value):
    assert normalize.compact(normalize.text(value)) == normalize.compact(value)
    assert normalize.compact(normalize.punctuation(value)) == normalize.compact(value)


@given(
    value=st.one_of(
        st.none(), st.integers(), st.floats(), st.decimals(), st.binary(), st.text(), st.booleans()
    )
)
def test_as_text_accepts_only_text_ints_and_finite_decimals(value):
    result = normalize.as_text(value)
    expected = (
        isinstance(value, str)
        or (isinstance(value, int) and not isinstance(value, bool))
        or (hasattr(value, "is_finite") and value.is_finite())
    )
    assert (result is not None) == expected
