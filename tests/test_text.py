"""Text folded the one way: simplified and half-width, one character for one."""

from __future__ import annotations

from bot.text import half_width, to_simplified


def test_full_width_letters_digits_and_spaces_become_ascii() -> None:
    assert half_width("ＭＢ２０２４　１２３？ｘ") == "MB2024 123?x"


def test_a_character_that_would_become_several_is_kept_so_lengths_match() -> None:
    assert half_width("面积100㎡…") == "面积100㎡…"


def test_traditional_characters_become_simplified() -> None:
    assert to_simplified("猶豫期退保") == "犹豫期退保"
