"""What each WeChat message means for the conversation, and how Rasa's answer reads in WeChat."""

from __future__ import annotations

from bot.channels.wechat.messages import parse_message
from bot.channels.wechat.turns import (
    MENU_INTENTS,
    UNKNOWN_MENU_REPLY,
    UNSUPPORTED_REPLY,
    Answer,
    AnswerHere,
    NoAnswer,
    ToBot,
    compose,
    turn_for,
)
from bot.settings import PROJECT_ROOT
from tests.channels.wechat.fake_wechat import event_xml, message_xml, text_xml

OFFERED = [("查保单", "/policy_status"), ("转人工", "/request_human")]


def test_a_number_chooses_an_offered_button_and_is_text_otherwise() -> None:
    assert turn_for(parse_message(text_xml(" 2。", 1)), OFFERED) == ToBot("/request_human", True)
    assert turn_for(parse_message(text_xml("3", 1)), OFFERED) == ToBot("3")
    assert turn_for(parse_message(text_xml("2", 1))) == ToBot("2")


def test_every_menu_key_is_an_intent_of_the_domain_and_others_are_answered_here() -> None:
    domain = (PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8")
    for intent in MENU_INTENTS.values():
        assert f"  - {intent.removeprefix('/')}\n" in domain
    assert turn_for(parse_message(event_xml("CLICK", "MENU_HUMAN"))) == ToBot(
        "/request_human", True
    )
    assert turn_for(parse_message(event_xml("CLICK", "NO_SUCH_KEY"))) == AnswerHere(
        UNKNOWN_MENU_REPLY
    )


def test_links_scans_and_agent_sessions_need_no_answer() -> None:
    for event in ("VIEW", "SCAN", "kf_create_session", "LOCATION"):
        assert turn_for(parse_message(event_xml(event, "x"))) == NoAnswer()
    assert turn_for(parse_message(event_xml("unsubscribe"))) == NoAnswer()
    video = parse_message(message_xml("video", 7, MediaId="m"))
    assert turn_for(video) == AnswerHere(UNSUPPORTED_REPLY)


def test_the_collected_messages_read_as_one_text_with_numbered_choices() -> None:
    collected = [
        {"recipient_id": "o", "text": "您的保单有效。"},
        {"recipient_id": "o", "image": "https://example.com/card.png"},
        {
            "recipient_id": "o",
            "text": "还需要什么帮助？",
            "buttons": [
                {"title": "查保单", "payload": "/policy_status"},
                {"title": "转人工", "payload": "/request_human"},
                {"title": "坏按钮"},
            ],
        },
    ]
    assert compose(collected) == Answer(
        "您的保单有效。\n\nhttps://example.com/card.png\n\n还需要什么帮助？\n"
        "回复1：查保单\n回复2：转人工",
        OFFERED,
    )
    assert compose([]) == Answer("", [])
