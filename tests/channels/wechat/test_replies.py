"""What MingBao answers WeChat: reply XML byte for byte as the fixtures and vectors have it,
``]]>`` and control characters that cannot break it, numbered choices, and texts that fit."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from bot.channels.wechat.crypto import WeChatCrypto
from bot.channels.wechat.errors import MessageError
from bot.channels.wechat.messages import TextMessage, parse_envelope, parse_fields, parse_message
from bot.channels.wechat.replies import (
    ACK_BODY,
    MAX_TEXT_BYTES,
    cdata,
    choice_payload,
    encrypted_reply,
    numbered_choices,
    reply_to,
    seal,
    split_text,
    text_reply,
    transfer_reply,
    with_choices,
)
from tests.channels.wechat.research import FIXTURES, VECTORS

REPLIES = FIXTURES["replies"]
SEALED = [vector for vector in VECTORS["encrypt"] if "reply_xml" in vector]
CDATA_TERMINATOR = next(v for v in VECTORS["negative"] if v["kind"] == "cdata_terminator")
BUTTONS = [("查保单", "/my_policy"), ("我要报案", "/report_claim"), ("转人工", "/human_handoff")]


# --- the fixtures and vectors ------------------------------------------------------------------


def test_the_text_reply_fixture_byte_for_byte() -> None:
    fixture = REPLIES["text_reply_to_text"]
    inbound = parse_message(FIXTURES["inbound"][fixture["in_reply_to"]]["xml"])
    assert reply_to(inbound, fixture["content"], fixture["create_time"]) == fixture["xml"]
    assert text_reply("fromUser", "toUser", "你好", 12345678) == fixture["xml"]


def test_the_transfer_fixtures_byte_for_byte() -> None:
    assert (
        transfer_reply("fromUser", "toUser", 12345678)
        == REPLIES["transfer_customer_service"]["xml"]
    )
    assert (
        transfer_reply("fromUser", "toUser", 12345678, kf_account="test1@test")
        == REPLIES["transfer_customer_service_to_account"]["xml"]
    )


def test_the_acknowledgement_is_the_recommended_body() -> None:
    assert REPLIES["ack_no_retry"]["bodies"][0] == ACK_BODY == "success"


@pytest.mark.parametrize("vector", SEALED, ids=lambda v: v["id"])
def test_sealed_reply_vectors_byte_for_byte(vector: dict[str, Any]) -> None:
    crypto = WeChatCrypto(vector["token"], vector["encoding_aes_key"], vector["appid"])
    sealed = seal(
        crypto, vector["plaintext"], vector["timestamp"], vector["nonce"], vector["random"].encode()
    )
    assert sealed == vector["reply_xml"]


@pytest.mark.parametrize("vector", VECTORS["encrypt"], ids=lambda v: v["id"])
def test_every_sealed_reply_opens_to_what_was_sealed(vector: dict[str, Any]) -> None:
    crypto = WeChatCrypto(vector["token"], vector["encoding_aes_key"], vector["appid"])
    sealed = seal(crypto, vector["plaintext"], vector["timestamp"], vector["nonce"])
    fields = parse_fields(sealed)
    assert fields["TimeStamp"] == vector["timestamp"]
    assert fields["Nonce"] == vector["nonce"]
    opened = crypto.decrypt(
        parse_envelope(sealed).encrypt, fields["MsgSignature"], vector["timestamp"], vector["nonce"]
    )
    assert opened == vector["plaintext"]


def test_a_text_reply_sealed_and_opened_reads_as_the_customer_will_see_it() -> None:
    crypto = WeChatCrypto(
        "spamtest", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "wx2c2769f8efd9abc2"
    )
    reply = text_reply("oyORnuP8q7ou2gfYjqLzSIWZf0rs", "gh_10f6c3c3ac5a", "你好]]>再见", 1409735670)
    sealed = seal(crypto, reply, "1409735670", "1320562132")
    envelope = parse_envelope(sealed)
    signed = parse_fields(sealed)["MsgSignature"]
    message = parse_message(crypto.decrypt(envelope.encrypt, signed, "1409735670", "1320562132"))
    assert isinstance(message, TextMessage)
    assert message.content == "你好]]>再见"


def test_the_encrypted_reply_refuses_a_timestamp_that_is_not_seconds() -> None:
    with pytest.raises(ValueError, match="Unix seconds"):
        encrypted_reply("x", "y", "<TimeStamp>", "n")


# --- what cannot break the XML -----------------------------------------------------------------


def test_a_cdata_terminator_is_split_across_two_sections() -> None:
    content = CDATA_TERMINATOR["content"]
    assert f"<Content>{cdata(content)}</Content>" == CDATA_TERMINATOR["safe_xml"]
    with pytest.raises(MessageError, match="not well-formed"):
        parse_fields(f"<xml>{CDATA_TERMINATOR['naive_xml']}</xml>")


@pytest.mark.parametrize(
    "content",
    [
        "a]]>b",
        "]]>",
        "]]>]]>",
        "a]",
        "a]]",
        "]]]>>",
        "<![CDATA[x]]>",
        "</Content></xml>",
        "&amp;<>",
    ],
)
def test_any_content_comes_back_unchanged(content: str) -> None:
    message = parse_message(
        text_reply("o1", "gh_x", content, 1).replace("<xml>", "<xml><MsgId>1</MsgId>")
    )
    assert isinstance(message, TextMessage)
    assert message.content == content


def test_control_characters_in_an_answer_are_dropped_not_sent() -> None:
    reply = text_reply("o1", "gh_x", "理赔\x00\x1d材料\x0b：\n1. 身份证", 1)
    assert parse_fields(reply)["Content"] == "理赔材料：\n1. 身份证"


# --- buttons as numbered choices ---------------------------------------------------------------


def test_buttons_become_numbered_lines() -> None:
    assert numbered_choices(BUTTONS) == "回复1：查保单\n回复2：我要报案\n回复3：转人工"
    assert with_choices("请问您要办理什么？", BUTTONS) == (
        "请问您要办理什么？\n回复1：查保单\n回复2：我要报案\n回复3：转人工"
    )
    assert with_choices("好的。", []) == "好的。"


@pytest.mark.parametrize(
    ("reply", "payload"),
    [
        ("1", "/my_policy"),
        ("3", "/human_handoff"),
        (" 2 ", "/report_claim"),
        ("２", "/report_claim"),
        ("2。", "/report_claim"),
        ("\u30002\n", "/report_claim"),
        ("02", "/report_claim"),
    ],
)
def test_a_number_chooses_its_button(reply: str, payload: str) -> None:
    assert choice_payload(reply, BUTTONS) == payload


@pytest.mark.parametrize(
    "reply", ["0", "4", "-1", "1个", "第1个", "1 2", "一", "", "1.5", "9" * 400]
)
def test_anything_else_is_ordinary_text(reply: str) -> None:
    assert choice_payload(reply, BUTTONS) is None


def test_a_number_without_buttons_is_text() -> None:
    assert choice_payload("1", []) is None


# --- long answers ------------------------------------------------------------------------------


def size(text: str) -> int:
    return len(text.encode("utf-8"))


def test_a_short_answer_is_one_message() -> None:
    assert split_text("  犹豫期为15天。\n") == ["犹豫期为15天。"]
    assert split_text("") == []
    assert split_text(" \n ") == []


def test_a_long_answer_is_cut_at_sentence_ends() -> None:
    sentences = [f"第{i}条：等待期内确诊的疾病不在保障范围内。" for i in range(100)]
    text = "".join(sentences)
    messages = split_text(text)
    assert len(messages) > 1
    assert all(size(message) <= MAX_TEXT_BYTES for message in messages)
    assert all(message.endswith("。") for message in messages)
    assert "".join(messages) == text
    # As full as whole sentences allow: the next sentence would not have fitted.
    for message, following in itertools.pairwise(messages):
        first_sentence = following[: following.index("。") + 1]
        assert size(message + first_sentence) > MAX_TEXT_BYTES


def test_every_kind_of_sentence_end_counts() -> None:
    text = "能赔吗？能！条款写明：“保险责任”。另见第三条；谢谢…好\n下一段"
    # 36 bytes: the quoted sentence exactly, its closing quote kept before the full stop.
    assert split_text(text, max_bytes=36) == [
        "能赔吗？能！",
        "条款写明：“保险责任”。",
        "另见第三条；谢谢…好",
        "下一段",
    ]
    assert split_text(text, max_bytes=21) == [
        "能赔吗？能！",
        "条款写明：",
        "“保险责任”。",
        "另见第三条；",
        "谢谢…好",
        "下一段",
    ]


def test_a_sentence_longer_than_a_message_is_cut_at_commas() -> None:
    clause = "被保险人在等待期后首次确诊，"
    text = clause * 300 + "保险公司按基本保额给付。"
    messages = split_text(text, max_bytes=500)
    assert all(size(message) <= 500 for message in messages)
    assert all(message.endswith("，") for message in messages[:-1])
    assert "".join(messages) == text


@pytest.mark.parametrize("text", ["保" * 3000, "😀" * 1000, "a" * 5000, "理赔" * 700 + "😀"])
def test_text_without_any_break_is_cut_between_characters(text: str) -> None:
    messages = split_text(text, max_bytes=100)
    assert all(0 < size(message) <= 100 for message in messages)
    assert "".join(messages) == text


def test_nothing_is_lost_but_whitespace_between_messages() -> None:
    text = "第一段。\n\n" * 200 + "  最后一句  "
    messages = split_text(text, max_bytes=64)
    assert all(message == message.strip() and message for message in messages)
    assert "".join(messages).replace("\n", "") == text.replace("\n", "").replace(" ", "")


def test_the_limit_must_hold_a_character() -> None:
    with pytest.raises(ValueError, match="one character"):
        split_text("x", max_bytes=3)
