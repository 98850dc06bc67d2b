"""The normaliser: what the models read, one character for each the customer wrote."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.normaliser import MAX_UNDERSTOOD_CHARS, TextNormaliser, normalise_message


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("猶豫期內退保能退多少錢", "犹豫期内退保能退多少钱"),
        ("ＭＢ２０２４０００００２", "MB2024000002"),
        ("等待期　多久？", "等待期 多久?"),
        ("康宁\t重疾\n原位癌", "康宁 重疾 原位癌"),
        ("", ""),
        ("等待期\ud800多久", "等待期 多久"),  # a lone surrogate, as JSON "\\ud800" decodes
        ("理赔\x00\x1b材料", "理赔  材料"),
        ("／restart", "／restart"),  # stays text: "/restart" would be read as an intent
    ],
)
def test_normalise_message(written: str, read: str) -> None:
    assert normalise_message(written) == read
    assert len(normalise_message(written)) == len(written)


def test_component_rewrites_message_text_in_place() -> None:
    message = Message({TEXT: "康寧重疾的等待期"})
    TextNormaliser().process([message])
    assert message.get(TEXT) == "康宁重疾的等待期"


def test_the_models_read_a_bounded_part_of_a_huge_message() -> None:
    message = Message({TEXT: "等待期多久" * 20_000})
    TextNormaliser().process([message])
    assert message.get(TEXT) == ("等待期多久" * 20_000)[:MAX_UNDERSTOOD_CHARS]
