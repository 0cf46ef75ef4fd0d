"""The shared normalizers."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from custinfo import normalize


def test_full_width_digits_letters_and_spaces_become_ascii() -> None:
    assert normalize.text("　ＡＢＣ１２３　") == "ABC123"


def test_zero_width_and_bidi_marks_are_removed() -> None:
    assert normalize.text("138\u200b0013\u200e8000\ufeff") == "13800138000"


def test_chinese_punctuation_maps_to_ascii_separators() -> None:
    assert normalize.punctuation("HT－2024—005，备注：无") == "HT-2024-005,备注:无"


def test_every_bracket_style_becomes_ascii_parentheses() -> None:
    assert normalize.brackets("某某（北京）科技有限公司 【简称：某某】") == (
        "某某(北京)科技有限公司(简称:某某)"
    )


def test_compact_removes_separators_but_keeps_what_is_asked() -> None:
    assert normalize.compact("010-1234 5678") == "01012345678"
    assert normalize.compact("HT-2024 005", keep="-") == "HT-2024005"


def test_as_text_refuses_floats_bytes_and_booleans() -> None:
    assert normalize.as_text(1.0) is None
    assert normalize.as_text(b"1") is None
    assert normalize.as_text(True) is None
    assert normalize.as_text(Decimal("12")) == "12"
    assert normalize.as_text(Decimal("NaN")) is None


def test_text_keeps_compatibility_ideographs_of_rare_names() -> None:
    assert normalize.text("\uf900") == "\uf900"


@given(st.text())
def test_text_is_idempotent(value: str) -> None:
    once = normalize.text(value)
    assert normalize.text(once) == once


@given(st.text())
def test_brackets_is_idempotent(value: str) -> None:
    once = normalize.brackets(value)
    assert normalize.brackets(once) == once


_FOLDED_OR_SPACE = "".join(map(chr, [*range(0xFF01, 0xFF5F), 0x3000, 0x200B, 0xFEFF, 0x00AD]))


@given(st.text() | st.text(alphabet="北京 市\t\n\u3000\u00a0\u2028１２ａ" + _FOLDED_OR_SPACE))
def test_text_is_translation_then_collapsed_whitespace_whatever_its_shortcuts(value: str) -> None:
    translated = value.translate(normalize._TEXT_TABLE)
    assert normalize.text(value) == normalize._SPACES.sub(" ", translated).strip()


def test_text_of_a_str_subclass_is_a_plain_str() -> None:
    class Tagged(str):
        pass

    assert type(normalize.text(Tagged("北京市"))) is str
