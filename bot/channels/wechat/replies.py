"""What MingBao answers WeChat: passive reply XML, sealed in safe mode, and texts that fit.

One HTTP response carries one message (or ``success``: "nothing now, don't retry"). Text is put in
CDATA with ``]]>`` split across two sections and XML-illegal characters removed, so no answer
can break the XML. WeChat has no buttons in plain text, so the bot's buttons become numbered
choices ("回复1：…") and a reply that is only such a number is read back as the button.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from bot.channels.wechat.crypto import WeChatCrypto
from bot.channels.wechat.messages import Inbound, strip_illegal_xml_chars
from bot.text import half_width

ACK_BODY = "success"
"""The body that tells WeChat the message was received and will not be answered passively."""

MAX_TEXT_BYTES = 2048
"""Longest text per message, in UTF-8 bytes. WeChat documents no limit; ~2048 bytes is what a
user measured for passive replies (MamaShip/Observer #77), so every message is kept within it."""

Button = tuple[str, str]
"""A button the bot offered: (title shown, payload sent to Rasa)."""


def cdata(text: str) -> str:
    """``text`` as CDATA: ``]]>`` split across two sections, XML-illegal characters removed."""
    return "<![CDATA[" + strip_illegal_xml_chars(text).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _head(to_user: str, from_user: str, create_time: int, msg_type: str) -> str:
    return (
        f"<ToUserName>{cdata(to_user)}</ToUserName><FromUserName>{cdata(from_user)}</FromUserName>"
        f"<CreateTime>{int(create_time)}</CreateTime><MsgType>{cdata(msg_type)}</MsgType>"
    )


def text_reply(to_user: str, from_user: str, content: str, create_time: int) -> str:
    """A passive text reply.

    Args:
        to_user: The customer's OpenID (the inbound ``FromUserName``).
        from_user: The account's id (the inbound ``ToUserName``).
        content: The text; newlines are kept.
        create_time: Unix seconds.
    """
    head = _head(to_user, from_user, create_time, "text")
    return f"<xml>{head}<Content>{cdata(content)}</Content></xml>"


def transfer_reply(
    to_user: str, from_user: str, create_time: int, kf_account: str | None = None
) -> str:
    """A passive reply handing the customer to WeChat's customer service, or one agent of it."""
    head = _head(to_user, from_user, create_time, "transfer_customer_service")
    if kf_account is None:
        return f"<xml>{head}</xml>"
    return f"<xml>{head}<TransInfo><KfAccount>{cdata(kf_account)}</KfAccount></TransInfo></xml>"


def reply_to(message: Inbound, content: str, create_time: int) -> str:
    """The passive text reply to ``message``: to its sender, from the account it was sent to."""
    return text_reply(message.from_user, message.to_user, content, create_time)


def encrypted_reply(encrypt: str, msg_signature: str, timestamp: str, nonce: str) -> str:
    """The safe-mode reply body: the official samples' four fields, byte for byte."""
    if not (timestamp.isascii() and timestamp.isdigit()):
        raise ValueError(f"timestamp must be Unix seconds, got {timestamp[:20]!r}")
    return (
        f"<xml>\n<Encrypt>{cdata(encrypt)}</Encrypt>\n"
        f"<MsgSignature>{cdata(msg_signature)}</MsgSignature>\n"
        f"<TimeStamp>{timestamp}</TimeStamp>\n<Nonce>{cdata(nonce)}</Nonce>\n</xml>"
    )


def seal(
    crypto: WeChatCrypto,
    reply_xml: str,
    timestamp: str,
    nonce: str,
    random16: bytes | None = None,
) -> str:
    """``reply_xml`` encrypted for safe mode, signed over the timestamp and nonce it carries."""
    encrypt = crypto.encrypt(reply_xml, random16)
    return encrypted_reply(
        encrypt, crypto.msg_signature(timestamp, nonce, encrypt), timestamp, nonce
    )


def numbered_choices(buttons: Sequence[Button]) -> str:
    """The buttons as lines a customer can answer by number: ``回复1：查保单``."""
    return "\n".join(f"回复{number}：{title}" for number, (title, _) in enumerate(buttons, 1))


def with_choices(text: str, buttons: Sequence[Button]) -> str:
    """``text`` followed by its buttons as numbered choices (just ``text`` without buttons)."""
    return f"{text}\n{numbered_choices(buttons)}" if buttons else text


_AROUND_NUMBER = " \t\r\n\u3000。.，,！!？?、"


def choice_payload(reply: str, buttons: Sequence[Button]) -> str | None:
    """The payload of the button a reply chooses by number, or ``None`` if it chooses none.

    Full-width digits (``１``) and surrounding spaces or punctuation are accepted; anything else
    (``1个``, ``第1``, a number with no such button) is ordinary text.
    """
    number = half_width(reply).strip(_AROUND_NUMBER)
    if not (number.isascii() and number.isdigit()) or len(number) > 3:
        return None
    index = int(number)
    return buttons[index - 1][1] if 1 <= index <= len(buttons) else None


_SENTENCE_ENDS = frozenset("。！？!?；;…\n")
_CLAUSE_ENDS = frozenset("，,、：: \t")
_CLOSERS = frozenset("”’」』）)]】\"'")


def _pieces(text: str, ends: frozenset[str]) -> Iterator[str]:
    """``text`` cut after each run of ``ends`` (and closing quotes/brackets that follow)."""
    start = i = 0
    while i < len(text):
        if text[i] in ends:
            i += 1
            while i < len(text) and (text[i] in ends or text[i] in _CLOSERS):
                i += 1
            yield text[start:i]
            start = i
        else:
            i += 1
    if start < len(text):
        yield text[start:]


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def _hard_cut(text: str, max_bytes: int) -> Iterator[str]:
    piece = ""
    for char in text:
        if _size(piece + char) > max_bytes:
            yield piece
            piece = ""
        piece += char
    if piece:
        yield piece


def _units(text: str, max_bytes: int) -> Iterator[str]:
    """Sentences; a sentence too long is cut at clauses, a clause too long at the limit."""
    for sentence in _pieces(text, _SENTENCE_ENDS):
        if _size(sentence) <= max_bytes:
            yield sentence
            continue
        for clause in _pieces(sentence, _CLAUSE_ENDS):
            if _size(clause) <= max_bytes:
                yield clause
            else:
                yield from _hard_cut(clause, max_bytes)


def split_text(text: str, max_bytes: int = MAX_TEXT_BYTES) -> list[str]:
    """``text`` as messages of at most ``max_bytes`` UTF-8 bytes, cut at sentence ends.

    As many whole sentences as fit go in each message; only a sentence longer than a message is
    cut, at a comma or space if it has one. Whitespace around each message is dropped, and no
    message is empty. A text that fits is returned whole (stripped).
    """
    if max_bytes < 4:
        raise ValueError("max_bytes must leave room for one character (4 bytes)")
    messages: list[str] = []
    current = ""
    for unit in _units(text, max_bytes):
        if _size(current + unit) <= max_bytes:
            current += unit
            continue
        messages.append(current)
        current = unit
    messages.append(current)
    return [message.strip() for message in messages if message.strip()]
