"""Rasa's REST channel with the customer text rules, for anything that posts to it directly.

``credentials.yml`` names :class:`LimitedRestInput` in place of ``rest:``. It keeps the name
``rest``, so the webhook stays ``/webhooks/rest/webhook``, and takes the same body, plus
``"button": true`` for the payload of a button the bot offered. Before Rasa processes a message it
runs :func:`bot.channels.customer_text.customer_text`: an over-long, blank or unreadable message
is answered with the polite reply (HTTP 200 and the usual reply list) and never processed, and
typed text starting with ``/`` reaches Rasa as ``／``, as text rather than an intent.

The web chat app is this channel's only client, and sends ``"button": true`` only for payloads
the bot offered the conversation; the webhook listens on loopback alone.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint
from sanic.request import Request

from bot.channels.customer_text import Refusal, customer_text

logger = logging.getLogger(__name__)


# Rasa ships no type information, so mypy sees RestInput as Any.
class LimitedRestInput(RestInput):  # type: ignore[misc]
    """Rasa's REST input channel that checks each message as the web chat app does."""

    def get_metadata(self, request: Request) -> dict[str, Any]:
        """The body's ``metadata``, with ``button``: whether the body says it is a button."""
        metadata = request.json.get("metadata")
        return {
            **(metadata if isinstance(metadata, dict) else {}),
            "button": request.json.get("button") is True,
        }

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Rasa's REST routes, handing Rasa only messages that pass the customer text rules."""
        routes: Blueprint = super().blueprint(checked(on_new_message))
        return routes


def checked(
    on_new_message: Callable[[UserMessage], Awaitable[Any]],
) -> Callable[[UserMessage], Awaitable[None]]:
    """``on_new_message`` behind the customer text rules: a refused message is answered with the
    polite reply on the message's own channel and never reaches Rasa; typed text is neutralised.
    Only a message whose metadata says ``button: true`` keeps a leading ``/``."""

    async def handle(message: UserMessage) -> None:
        raw = message.text if isinstance(message.text, str) else ""
        button = isinstance(message.metadata, dict) and message.metadata.get("button") is True
        verdict = customer_text(raw, button=button)
        if isinstance(verdict, Refusal):
            logger.info("Answered %s without Rasa: %s", message.sender_id, verdict.reason)
            await message.output_channel.send_text_message(message.sender_id, verdict.reply)
            return
        message.text = verdict.text
        await on_new_message(message)

    return handle
