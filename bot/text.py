"""Text made comparable, wherever it comes from: 繁→简 (OpenCC t2s) and 全角→半角 (NFKC).

The one place text is folded; each reader adds only its own rule on top (the knowledge base drops
spaces for matching, the NLU keeps the length, identity drops separators).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import opencc


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional characters as simplified ones (OpenCC t2s)."""
    simplified: str = _t2s().convert(text)
    return simplified


def half_width(text: str) -> str:
    """Full-width letters, digits, punctuation and spaces as ASCII (NFKC), one character for one.

    A character NFKC would turn into several (``㎡``, ``…``) is kept, so offsets stay valid.

    >>> half_width("ＭＢ２０２４　１２３？")
    'MB2024 123?'
    """
    return "".join(_half_width_char(char) for char in text)


def _half_width_char(char: str) -> str:
    folded = unicodedata.normalize("NFKC", char)
    return folded if len(folded) == 1 else char
