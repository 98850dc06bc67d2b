"""Rasa's socket.io channel with the customer text rules, like the REST channel.

``credentials.yml`` names :class:`LimitedSocketIOInput` in place of ``socketio:``; it keeps the
name ``socketio`` and the same events. It is an internal channel (loopback only): the session id
a client names is taken as the conversation id.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from bot.channels.rest import checked


# Rasa ships no type information, so mypy sees SocketIOInput as Any.
class LimitedSocketIOInput(SocketIOInput):  # type: ignore[misc]
    """Rasa's socket.io input channel that checks each message as the web chat app does."""

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Rasa's socket.io routes, handing Rasa only messages that pass the rules."""
        routes: Blueprint = super().blueprint(checked(on_new_message))
        return routes
