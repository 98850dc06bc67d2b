"""What each WeChat message means for the conversation, and how the bot's answer reads in WeChat.

Pure: :func:`turn_for` decides whether a message goes to Rasa (and as what text), is answered
here (an image, a voice without transcript, a follow), or needs nothing (an unfollow, a link
menu); :func:`compose` turns the messages Rasa's collecting channel gathered into one text with
the buttons as numbered choices.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot.channels.wechat.messages import (
    EventMessage,
    ImageMessage,
    InboundMessage,
    TextMessage,
    VoiceMessage,
)
from bot.channels.wechat.replies import Button, choice_payload, with_choices

MENU_INTENTS: Mapping[str, str] = {
    "MENU_CLAIM_PROCESS": "/ask_claim_process",
    "MENU_REPORT_CLAIM": "/report_claim",
    "MENU_CLAIM_STATUS": "/claim_status",
    "MENU_POLICY_STATUS": "/policy_status",
    "MENU_COVERAGE": "/ask_coverage",
    "MENU_HUMAN": "/request_human",
}
"""Menu ``CLICK`` keys (set when the insurer defines the account's menu) and the intent each
sends to Rasa. A key not listed is answered with :data:`UNKNOWN_MENU_REPLY`."""

WELCOME_REPLY = (
    "您好，欢迎关注！我是明保的售后助手，可以帮您：\n"
    "1. 解答保障范围、等待期、犹豫期等条款问题\n"
    "2. 说明理赔流程和所需材料，帮您报案、查理赔进度\n"
    "3. 查询保单状态，变更联系方式、受益人、缴费方式\n"
    "4. 需要时为您转接人工客服\n"
    "请直接输入您的问题。"
)
VOICE_WITHOUT_TEXT_REPLY = "抱歉，这条语音我没能听清。请用文字输入您的问题，我马上为您解答。"
IMAGE_REPLY = (
    "收到您的图片。请问这张图片是做什么用的？例如理赔材料、保单或缴费凭证，请用文字说明一下。"
)
IMAGE_ATTACHED_REPLY = (
    "收到您的图片，已附在您的工单 {ticket} 上，处理工单的工作人员会查看。"
    "如需说明图片内容（例如发票、病历或诊断证明），请用文字补充。"
)
UNSUPPORTED_REPLY = "目前我只能看懂文字和语音消息，请用文字输入您的问题。"
UNKNOWN_MENU_REPLY = "这个菜单暂时无法使用，请直接输入您的问题。"


@dataclass(frozen=True)
class ToBot:
    """Hand Rasa ``text``; ``button`` when it is the payload of a button (a menu or a choice)."""

    text: str
    button: bool = False


@dataclass(frozen=True)
class AnswerHere:
    """Answer with ``text`` without asking Rasa."""

    text: str


@dataclass(frozen=True)
class NoAnswer:
    """Nothing to answer (``success``)."""


Turn = ToBot | AnswerHere | NoAnswer


def turn_for(
    message: InboundMessage,
    offered: Sequence[Button] = (),
    menu: Mapping[str, str] = MENU_INTENTS,
) -> Turn:
    """What to do with ``message``, given the buttons last ``offered`` to its sender."""
    if isinstance(message, TextMessage):
        payload = choice_payload(message.content, offered)
        return ToBot(message.content) if payload is None else ToBot(payload, button=True)
    if isinstance(message, VoiceMessage):
        if message.recognition and message.recognition.strip():
            return ToBot(message.recognition)
        return AnswerHere(VOICE_WITHOUT_TEXT_REPLY)
    if isinstance(message, ImageMessage):
        return AnswerHere(IMAGE_REPLY)
    if isinstance(message, EventMessage):
        if message.event == "subscribe":
            return AnswerHere(WELCOME_REPLY)
        if message.event == "unsubscribe":
            return NoAnswer()  # what else an unfollow means: bot.channels.wechat.care
        if message.event == "click":
            intent = menu.get((message.event_key or "").strip())
            return AnswerHere(UNKNOWN_MENU_REPLY) if intent is None else ToBot(intent, button=True)
        return NoAnswer()  # VIEW (a link), SCAN, location reports, kf_* sessions
    return AnswerHere(UNSUPPORTED_REPLY)


@dataclass(frozen=True)
class Answer:
    """The bot's answer as WeChat shows it: one text, buttons as numbered choices at the end.

    Attributes:
        text: Everything the bot said, one message after another, with the choices.
        buttons: The buttons offered, in the order numbered (none: earlier ones lapse).
    """

    text: str
    buttons: list[Button]


def compose(collected: Sequence[Mapping[str, Any]]) -> Answer:
    """The answer in the messages of a ``CollectingOutputChannel``.

    Texts are joined by blank lines; an image or attachment is given by its URL; the buttons of
    all messages are numbered together at the end (Rasa sends them with the last text).
    """
    parts: list[str] = []
    buttons: list[Button] = []
    for message in collected:
        for key in ("text", "image", "attachment"):
            value = message.get(key)
            if isinstance(value, str) and value.strip():
                parts.append(value.strip())
        for button in message.get("buttons") or []:
            if isinstance(button, Mapping):
                title, payload = button.get("title"), button.get("payload")
                if isinstance(title, str) and isinstance(payload, str):
                    buttons.append((title, payload))
    return Answer(with_choices("\n\n".join(parts), buttons).strip(), buttons)
