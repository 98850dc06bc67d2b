"""The rules every channel applies to a customer's message before Rasa sees it."""

from __future__ import annotations

import pytest

from bot.channels.customer_text import CustomerText, Refusal, customer_text


@pytest.mark.parametrize(
    ("typed", "forwarded"),
    [
        pytest.param("/restart", "／restart", id="intent"),
        pytest.param(
            '/inform{"product":"KN-CI-2024"}', '／inform{"product":"KN-CI-2024"}', id="entities"
        ),
        pytest.param(" \t/complain", "／complain", id="after-whitespace"),
        pytest.param("\u0000/restart", "／restart", id="after-a-control-character"),
        pytest.param("//restart", "／/restart", id="two-slashes"),
    ],
)
def test_typed_text_starting_with_a_slash_is_neutralised(typed: str, forwarded: str) -> None:
    assert customer_text(typed) == CustomerText(forwarded, neutralised=True)


@pytest.mark.parametrize("typed", ["／restart", "理赔/报案怎么做", "1/2 的保额", "\u200b/restart"])
def test_text_that_rasa_reads_as_text_anyway_is_left_alone(typed: str) -> None:
    assert customer_text(typed) == CustomerText(typed)


def test_a_button_payload_keeps_its_slash() -> None:
    payload = '/inform{"product":"KN-CI-2024"}'
    assert customer_text(payload, button=True) == CustomerText(payload)


def test_2000_characters_pass_and_2001_are_refused_with_the_limit_named() -> None:
    assert customer_text("保" * 2000) == CustomerText("保" * 2000)
    refusal = customer_text("保" * 2001)
    assert isinstance(refusal, Refusal)
    assert refusal.reason == "too_long"
    assert refusal.reply.startswith("消息太长了")
    assert "请分几条发送，每条不超过2000字" in refusal.reply


def test_the_utf8_size_is_limited_too() -> None:
    # 2000 code points are at most 8000 bytes, under 8 KB; the byte limit matters for a
    # channel that allows more characters.
    emoji = "😀" * 2049  # 8196 bytes
    assert customer_text(emoji[:-1], max_chars=5000) == CustomerText(emoji[:-1])
    refusal = customer_text(emoji, max_chars=5000)
    assert isinstance(refusal, Refusal) and refusal.reason == "too_long"
    assert "每条不超过5000字" in refusal.reply


def test_buttons_are_held_to_the_limits_too() -> None:
    refusal = customer_text("/" + "a" * 2000, button=True)
    assert isinstance(refusal, Refusal) and refusal.reason == "too_long"


def test_surrounding_whitespace_does_not_count_towards_the_limit() -> None:
    assert customer_text("  " + "保" * 2000 + "\n") == CustomerText("保" * 2000)


@pytest.mark.parametrize("blank", ["", " ", "\n\t\r", "\u3000\u3000"])
def test_a_blank_message_is_refused_politely(blank: str) -> None:
    refusal = customer_text(blank)
    assert isinstance(refusal, Refusal) and refusal.reason == "blank"
    assert refusal.reply.startswith("您好像发了一条空消息")


@pytest.mark.parametrize("unreadable", ["\ud800", "\x00\x07", " \udfff\x1b "])
def test_nothing_left_once_cleaned_is_refused_politely(unreadable: str) -> None:
    refusal = customer_text(unreadable)
    assert isinstance(refusal, Refusal) and refusal.reason == "unreadable"
    assert "无法识别" in refusal.reply


def test_control_characters_go_and_line_breaks_and_tabs_become_spaces() -> None:
    cleaned = customer_text("理赔\x00要\x1b[31m什么\x7f材料\u0085？\r\n谢谢\t\u2028您")
    assert cleaned == CustomerText("理赔要[31m什么材料 ？  谢谢  您")


def test_lone_surrogates_go_and_real_emoji_stay() -> None:
    cleaned = customer_text("\ud83d你好\ude00 👨\u200d👩\u200d👧 😀")
    assert cleaned == CustomerText("你好 👨\u200d👩\u200d👧 😀")
    assert isinstance(cleaned, CustomerText)
    cleaned.text.encode("utf-8")  # what Rasa's pipeline does; a lone surrogate fails here
