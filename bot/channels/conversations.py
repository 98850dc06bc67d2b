"""Who a web conversation belongs to, and which buttons it was offered.

The web app issues conversation ids itself, signed into a cookie, so naming an id proves
nothing; and it lets a payload reach Rasa as a button (an intent) only when the bot offered it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from collections import OrderedDict
from typing import Any

# "web-" and 32 URL-safe characters (192 random bits): a valid Rasa sender id and a safe file name.
COOKIE_VALUE = re.compile(r"(web-[A-Za-z0-9_-]{32})\.([A-Za-z0-9_-]{43})")
MAX_CONVERSATIONS_WITH_BUTTONS = 10_000


class ConversationCookies:
    """Issues conversation ids and signs them (HMAC-SHA256), so a cookie names only one we issued."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    @staticmethod
    def new_id() -> str:
        """A fresh, unguessable conversation id."""
        return "web-" + secrets.token_urlsafe(24)

    def sign(self, conversation_id: str) -> str:
        """The cookie value naming ``conversation_id``."""
        return f"{conversation_id}.{self._mac(conversation_id)}"

    def verify(self, value: str | None) -> str | None:
        """The conversation id a cookie value names, or ``None`` if we did not sign it."""
        match = COOKIE_VALUE.fullmatch(value or "")
        if match is None:
            return None
        conversation_id, mac = match.groups()
        return conversation_id if hmac.compare_digest(mac, self._mac(conversation_id)) else None

    def _mac(self, conversation_id: str) -> str:
        message = b"mingbao-conversation:" + conversation_id.encode("ascii")
        digest = hmac.new(self._key, message, hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


class OfferedButtons:
    """The button payloads the bot offered each conversation in its latest replies.

    Only these may reach Rasa as a button (and so as an intent). Bounded: the conversations that
    waited longest are forgotten first, and their buttons then count as typed text.
    """

    def __init__(self, max_conversations: int = MAX_CONVERSATIONS_WITH_BUTTONS) -> None:
        self._payloads: OrderedDict[str, frozenset[str]] = OrderedDict()
        self._max_conversations = max_conversations

    def remember(self, conversation_id: str, replies: list[dict[str, Any]]) -> None:
        """Replace what the conversation was offered with the buttons in ``replies``."""
        payloads = frozenset(
            button["payload"]
            for reply in replies
            if isinstance(reply.get("buttons"), list)
            for button in reply["buttons"]
            if isinstance(button, dict) and isinstance(button.get("payload"), str)
        )
        self._payloads.pop(conversation_id, None)
        if payloads:
            self._payloads[conversation_id] = payloads
            if len(self._payloads) > self._max_conversations:
                self._payloads.popitem(last=False)

    def offered(self, conversation_id: str, payload: str) -> bool:
        """Whether the bot's latest replies to the conversation had a button with ``payload``."""
        return payload in self._payloads.get(conversation_id, frozenset())
