"""Reading WeChat's callback XML: every official fixture, the research's safe-mode POST, and
hostile bodies (DTD/entities, billion laughs, oversized, control characters, garbage)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.channels.wechat.crypto import WeChatCrypto, check_signature
from bot.channels.wechat.errors import BodyTooLargeError, ForbiddenXmlError, MessageError
from bot.channels.wechat.messages import (
    MAX_BODY_BYTES,
    EventMessage,
    ImageMessage,
    Inbound,
    OtherMessage,
    TextMessage,
    VoiceMessage,
    parse_envelope,
    parse_fields,
    parse_message,
)
from tests.channels.wechat.research import FIXTURES, VECTORS

INBOUND = FIXTURES["inbound"]
NEGATIVE = {vector["kind"]: vector for vector in VECTORS["negative"]}
# wechatpy's class for each fixture, and ours.
CLASSES: dict[str, type[Inbound]] = {
    "TextMessage": TextMessage,
    "ImageMessage": ImageMessage,
    "VoiceMessage": VoiceMessage,
}


def text_xml(content: str, msg_id: str = "1234567890123456") -> str:
    return (
        "<xml><ToUserName><![CDATA[gh_x]]></ToUserName><FromUserName><![CDATA[o1]]></FromUserName>"
        "<CreateTime>1551481349</CreateTime><MsgType><![CDATA[text]]></MsgType>"
        f"<Content><![CDATA[{content}]]></Content><MsgId>{msg_id}</MsgId></xml>"
    )


def event_xml(event: str, key: str | None = None, create_time: int = 123456789) -> str:
    key_xml = "" if key is None else f"<EventKey><![CDATA[{key}]]></EventKey>"
    return (
        "<xml><ToUserName><![CDATA[gh_x]]></ToUserName><FromUserName><![CDATA[o1]]></FromUserName>"
        f"<CreateTime>{create_time}</CreateTime><MsgType><![CDATA[event]]></MsgType>"
        f"<Event><![CDATA[{event}]]></Event>{key_xml}</xml>"
    )


# --- the official fixtures ---------------------------------------------------------------------


@pytest.mark.parametrize(("name", "fixture"), INBOUND.items(), ids=list(INBOUND))
def test_every_inbound_fixture_is_read(name: str, fixture: dict[str, Any]) -> None:
    assert parse_fields(fixture["xml"]) == fixture["fields"]
    message = parse_message(fixture["xml"].encode())
    fields = fixture["fields"]
    expected_class = CLASSES.get(fixture["wechatpy"]["class"], EventMessage)
    assert type(message) is expected_class
    assert message.to_user == fields["ToUserName"]
    assert message.from_user == fields["FromUserName"]
    assert message.create_time == int(fields["CreateTime"])
    assert message.msg_type == fields["MsgType"]
    assert message.msg_id == fields.get("MsgId")
    if fixture["wechatpy"]["id"]:
        assert message.msg_id == str(fixture["wechatpy"]["id"])
    if isinstance(message, EventMessage):
        assert message.event == fields["Event"].lower()
        assert message.event_key == fields.get("EventKey")
        assert message.kf_account == fields.get("KfAccount")
        # WeChat's rule (FromUserName + CreateTime), then the kind, the event and its key.
        suffix = f"|event|{fields['Event']}|{fields.get('EventKey', '')}"
        assert message.dedup_key == fixture["dedup_key"] + suffix
    else:
        assert message.dedup_key == fixture["dedup_key"]


def test_the_fixtures_cover_every_kind_the_issue_names() -> None:
    events = {parse_message(f["xml"]).fields.get("Event", "").lower() for f in INBOUND.values()}
    assert events >= {"subscribe", "unsubscribe", "click", "view", "scan", "kf_create_session"}
    assert {"text", "voice", "voice_with_recognition", "image"} <= set(INBOUND)


def test_a_text_keeps_its_content() -> None:
    message = parse_message(INBOUND["text"]["xml"])
    assert isinstance(message, TextMessage)
    assert message.content == "this is a test"


def test_a_voice_message_carries_wechats_transcript_when_there_is_one() -> None:
    with_text = parse_message(INBOUND["voice_with_recognition"]["xml"])
    without = parse_message(INBOUND["voice"]["xml"])
    assert isinstance(with_text, VoiceMessage)
    assert isinstance(without, VoiceMessage)
    assert with_text.recognition == "腾讯微信团队"
    assert without.recognition is None
    assert (with_text.media_id, with_text.format) == ("media_id", "Format")


def test_an_image_has_its_url_and_media_id() -> None:
    message = parse_message(INBOUND["image"]["xml"])
    assert isinstance(message, ImageMessage)
    assert (message.pic_url, message.media_id) == ("this is a url", "media_id")


def test_a_menu_click_has_its_key() -> None:
    message = parse_message(INBOUND["event_click"]["xml"])
    assert isinstance(message, EventMessage)
    assert (message.event, message.event_key) == ("click", "EVENTKEY")


def test_a_kf_session_event_names_the_agent() -> None:
    message = parse_message(INBOUND["event_kf_close_session"]["xml"])
    assert isinstance(message, EventMessage)
    assert (message.event, message.kf_account) == ("kf_close_session", "test1@test")


def test_a_kf_switch_names_the_agent_switched_to() -> None:
    xml = event_xml("kf_switch_session").replace(
        "</xml>",
        "<FromKfAccount><![CDATA[a@test]]></FromKfAccount>"
        "<ToKfAccount><![CDATA[b@test]]></ToKfAccount></xml>",
    )
    message = parse_message(xml)
    assert isinstance(message, EventMessage)
    assert message.kf_account == "b@test"


@pytest.mark.parametrize("sent", ["CLICK", "click", "Click"])
def test_event_names_are_read_whatever_their_case(sent: str) -> None:
    message = parse_message(event_xml(sent, "MENU_CLAIM"))
    assert isinstance(message, EventMessage)
    assert message.event == "click"


def test_a_msg_id_beyond_a_float_stays_exact() -> None:
    message = parse_message(text_xml("x", msg_id="6054768590064713728"))
    assert message.msg_id == "6054768590064713728"  # float(...) would give ...3700


@pytest.mark.parametrize(
    "vector",
    [v for v in VECTORS["decrypt"] if v["plaintext"].startswith("<xml>")],
    ids=lambda v: v["id"],
)
def test_every_decrypted_vector_reads_as_a_message(vector: dict[str, Any]) -> None:
    message = parse_message(vector["plaintext"])
    assert isinstance(message, TextMessage)
    assert message.content in {"abcdteT", "hello", "test", "加密消息应答"}


def test_unknown_fields_are_kept_and_nested_ones_skipped() -> None:
    xml = text_xml("hi").replace(
        "</xml>",
        "<MsgDataId>7</MsgDataId><Idx>1</Idx><ScanCodeInfo><ScanType>q</ScanType></ScanCodeInfo></xml>",
    )
    message = parse_message(xml)
    assert message.fields["MsgDataId"] == "7"
    assert "ScanCodeInfo" not in message.fields


@pytest.mark.parametrize("msg_type", ["video", "shortvideo", "location", "link"])
def test_other_kinds_are_read_as_other(msg_type: str) -> None:
    xml = text_xml("x").replace("<![CDATA[text]]>", f"<![CDATA[{msg_type}]]>")
    message = parse_message(xml)
    assert isinstance(message, OtherMessage)
    assert (message.msg_type, message.msg_id) == (msg_type, "1234567890123456")


# --- de-duplication ----------------------------------------------------------------------------


def test_every_delivery_of_one_message_has_one_key() -> None:
    deliveries = [parse_message(INBOUND["event_click"]["xml"]) for _ in range(3)]
    assert len({message.dedup_key for message in deliveries}) == 1
    texts = [parse_message(text_xml("同一条")) for _ in range(3)]
    assert len({message.dedup_key for message in texts}) == 1


def test_different_events_in_the_same_second_are_not_merged() -> None:
    keys = {
        parse_message(event_xml("CLICK", "MENU_CLAIM")).dedup_key,
        parse_message(event_xml("CLICK", "MENU_POLICY")).dedup_key,
        parse_message(event_xml("kf_create_session")).dedup_key,
        parse_message(event_xml("CLICK", "MENU_CLAIM", create_time=123456790)).dedup_key,
    }
    assert len(keys) == 4


def test_messages_are_keyed_by_msg_id_alone() -> None:
    assert parse_message(text_xml("a", "42")).dedup_key == "MsgId:42"
    assert parse_message(text_xml("b", "42")).dedup_key == "MsgId:42"


# --- safe mode envelope ------------------------------------------------------------------------


def test_the_assembled_safe_mode_post_reads_end_to_end() -> None:
    post = VECTORS["assembled_safe_mode_post"]
    query = post["query"]
    crypto = WeChatCrypto(
        "spamtest", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "wx2c2769f8efd9abc2"
    )
    check_signature("spamtest", query["signature"], query["timestamp"], query["nonce"])
    envelope = parse_envelope(post["body"].encode())
    assert envelope.to_user == "gh_10f6c3c3ac5a"
    inner = crypto.decrypt(
        envelope.encrypt, query["msg_signature"], query["timestamp"], query["nonce"]
    )
    assert inner == post["decrypted"]
    message = parse_message(inner)
    assert isinstance(message, TextMessage)
    assert (message.content, message.from_user) == ("abcdteT", query["openid"])
    assert message.msg_id == "6054768590064713728"


def test_a_compatible_mode_body_has_both_plaintext_and_encrypt() -> None:
    post = VECTORS["assembled_safe_mode_post"]
    body = post["decrypted"].replace(
        "</xml>", f"<Encrypt><![CDATA[{parse_envelope(post['body']).encrypt}]]></Encrypt></xml>"
    )
    envelope = parse_envelope(body)
    assert envelope.encrypt.startswith("hyzAe4Oz")
    assert envelope.fields["Content"] == "abcdteT"


@pytest.mark.parametrize(
    "body", [text_xml("x"), "<xml><Encrypt><![CDATA[ ]]></Encrypt></xml>"], ids=["none", "blank"]
)
def test_a_safe_mode_body_without_encrypt_is_refused(body: str) -> None:
    with pytest.raises(MessageError, match="no <Encrypt>"):
        parse_envelope(body)


# --- hostile bodies ----------------------------------------------------------------------------

BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    + "]><xml><Content>&lol9;</Content></xml>"
)


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(NEGATIVE["dtd"]["xml"], id="research-xxe"),
        pytest.param(BILLION_LAUGHS, id="billion-laughs"),
        pytest.param(
            '<!DOCTYPE xml [<!ENTITY a "b">]><xml><Content>&a;</Content></xml>', id="small-entity"
        ),
        pytest.param('<!DOCTYPE xml SYSTEM "http://127.0.0.1/x.dtd"><xml/>', id="external-dtd"),
        pytest.param("<!DOCTYPE xml><xml/>", id="bare-doctype"),
        pytest.param(
            '<!DOCTYPE x [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><xml/>',
            id="parameter-entity",
        ),
    ],
)
def test_doctype_and_entities_are_refused(body: str) -> None:
    with pytest.raises(ForbiddenXmlError, match="DOCTYPE or entities"):
        parse_message(body)
    with pytest.raises(ForbiddenXmlError):
        parse_envelope(body)


def test_doctype_typed_by_a_customer_is_just_text() -> None:
    message = parse_message(text_xml('<!DOCTYPE x [<!ENTITY a "b">]>&a;'))
    assert isinstance(message, TextMessage)
    assert message.content == '<!DOCTYPE x [<!ENTITY a "b">]>&a;'


def test_a_body_at_the_limit_is_read_and_one_byte_more_is_refused() -> None:
    empty = len(text_xml("").encode())
    at_limit = text_xml(
        "保" * ((MAX_BODY_BYTES - empty) // 3) + "x" * ((MAX_BODY_BYTES - empty) % 3)
    )
    assert len(at_limit.encode()) == MAX_BODY_BYTES
    assert isinstance(parse_message(at_limit.encode()), TextMessage)
    with pytest.raises(BodyTooLargeError, match=f"{MAX_BODY_BYTES + 1} bytes refused"):
        parse_message((at_limit + " ").encode())


def test_the_limit_counts_bytes_not_characters() -> None:
    with pytest.raises(BodyTooLargeError):
        parse_message(text_xml("保" * (MAX_BODY_BYTES // 3)))  # fewer characters than the limit


def test_the_control_character_wechat_sends_is_removed_not_refused() -> None:
    message = parse_message(NEGATIVE["control_char"]["xml"])
    assert isinstance(message, TextMessage)
    assert message.content == " c"
    assert message.msg_id == "22211872600753510"


def test_every_illegal_character_is_removed_and_tab_newline_kept() -> None:
    illegal = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r") + "\ufffe\uffff\ud800"
    message = parse_message(text_xml(f"理{illegal}赔\t报\n案"))
    assert isinstance(message, TextMessage)
    assert message.content == "理赔\t报\n案"


@pytest.mark.parametrize(
    ("body", "error"),
    [
        pytest.param(b"", "not well-formed", id="empty"),
        pytest.param(b"success", "not well-formed", id="not-xml"),
        pytest.param(b"<xml><Content>x</xml>", "not well-formed", id="unclosed"),
        pytest.param(b'{"MsgType": "text"}', "not well-formed", id="json"),
        pytest.param(text_xml("x").replace("xml>", "root>").encode(), "not <xml>", id="other-root"),
        pytest.param(text_xml("理赔").encode("gbk"), "not UTF-8", id="gbk"),
        pytest.param(
            text_xml("x").replace("<FromUserName><![CDATA[o1]]></FromUserName>", "").encode(),
            "no <FromUserName>",
            id="no-sender",
        ),
        pytest.param(
            text_xml("x").replace("1551481349", "soon").encode(),
            "CreateTime 'soon'",
            id="create-time",
        ),
        pytest.param(text_xml("x", msg_id="1e3").encode(), "MsgId '1e3'", id="msg-id"),
        pytest.param(
            text_xml("x", msg_id="1" * 21).encode(), "is not a number", id="msg-id-over-64-bits"
        ),
        pytest.param(
            text_xml("x").replace("1551481349", "9" * 5000).encode(),
            "not Unix seconds",
            id="create-time-huge",
        ),
        pytest.param(
            event_xml("x").replace("<Event><![CDATA[x]]></Event>", "").encode(),
            "no <Event>",
            id="no-event",
        ),
    ],
)
def test_a_body_that_is_not_a_message_says_why(body: bytes, error: str) -> None:
    with pytest.raises(MessageError, match=error):
        parse_message(body)
