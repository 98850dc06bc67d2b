"""What a customer's message may be before it reaches Rasa, for every channel alike.

Rasa reads a message that starts with ``/`` as an intent (``/restart``, ``/complain``), so typed
text must never start with one; only a button the bot itself offered may. Lone surrogates crash
Rasa's pipeline, control characters confuse it, and very long messages only slow it down. Each
channel (the web chat page, Rasa's REST webhook, later WeChat) runs :func:`customer_text` on what
it receives and either forwards the cleaned text or answers the customer with the polite refusal.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

MAX_CHARS = 2000
MAX_BYTES = 8 * 1024
INTENT_PREFIX = "/"
# The full-width solidus looks the same to a customer, but Rasa reads it as text.
NEUTRAL_PREFIX = "／"

RefusalReason = Literal["too_long", "blank", "unreadable"]

# Line and paragraph separators split words as a newline does; everything else is dropped.
_SEPARATORS = frozenset("\t\n\v\f\r\x1c\x1d\x1e\x85\u2028\u2029")


@dataclass(frozen=True)
class CustomerText:
    """A message fit to forward to Rasa.

    Attributes:
        text: The message with control characters and lone surrogates removed, line breaks and
            tabs turned into spaces, surrounding whitespace stripped and, for typed text, a
            leading ``/`` replaced by ``／``.
        neutralised: Whether a leading ``/`` was replaced, so Rasa reads it as text, not an intent.
    """

    text: str
    neutralised: bool = False


@dataclass(frozen=True)
class Refusal:
    """A message not to forward, and what to tell the customer instead.

    Attributes:
        reason: ``too_long``, ``blank`` (nothing but whitespace), or ``unreadable`` (nothing left
            once control characters and lone surrogates are removed).
        reply: The polite Chinese answer the channel sends as an ordinary bot message.
    """

    reason: RefusalReason
    reply: str


def too_long_reply(max_chars: int = MAX_CHARS) -> str:
    """The answer to a message over the limit, naming the limit the customer must keep to."""
    return f"消息太长了，我一次读不完。请分几条发送，每条不超过{max_chars}字。"


BLANK_REPLY = "您好像发了一条空消息，请输入您想咨询的问题。"
UNREADABLE_REPLY = "这条消息里的字符我无法识别，请换种说法重新输入。"


def clean(raw: str) -> str:
    """``raw`` without control characters or lone surrogates, line breaks and tabs as spaces.

    Format characters such as the zero-width joiner inside emoji are kept.
    """
    kept: list[str] = []
    for char in raw:
        if char in _SEPARATORS:
            kept.append(" ")
        elif unicodedata.category(char) not in ("Cc", "Cs"):
            kept.append(char)
    return "".join(kept)


def customer_text(
    raw: str,
    *,
    button: bool = False,
    max_chars: int = MAX_CHARS,
    max_bytes: int = MAX_BYTES,
) -> CustomerText | Refusal:
    """Check one message and return the text to forward, or the polite refusal.

    Args:
        raw: The message as the channel received it.
        button: ``True`` only for the payload of a button the bot offered to this conversation;
            such a payload keeps its leading ``/``. Anything else is typed text.
        max_chars: The most characters (code points) a message may have once cleaned.
        max_bytes: The most bytes its UTF-8 encoding may have once cleaned.

    Returns:
        The cleaned text, or a :class:`Refusal` when it is too long, blank, or nothing readable
        is left of it.
    """
    text = clean(raw).strip()
    if not text:
        if raw.strip():
            return Refusal("unreadable", UNREADABLE_REPLY)
        return Refusal("blank", BLANK_REPLY)
    if len(text) > max_chars or len(text.encode("utf-8")) > max_bytes:
        return Refusal("too_long", too_long_reply(max_chars))
    if button or not text.startswith(INTENT_PREFIX):
        return CustomerText(text)
    return CustomerText(NEUTRAL_PREFIX + text[len(INTENT_PREFIX) :], neutralised=True)
