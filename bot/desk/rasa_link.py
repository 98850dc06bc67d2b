"""What the desk does to a conversation in Rasa, through Rasa's HTTP API (with its token).

Taking a conversation over pauses the bot (Rasa logs the customer's messages and answers none);
giving it back resumes the bot and ends the wait. Agent messages and desk notes are appended to
the conversation as bot messages with ``metadata.author``, so the transcript is one conversation.
"""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import quote

import aiohttp

from bot.desk.transcripts import AGENT, DESK

TIMEOUT_SECONDS = 10.0


class RasaUnreachable(RuntimeError):
    """Rasa did not take the change; nothing about the conversation changed."""


class RasaLink:
    """Appends events to conversations in the Rasa server at ``rasa_url``."""

    def __init__(self, session: aiohttp.ClientSession, rasa_url: str, token: str | None) -> None:
        self.session = session
        self.rasa_url = rasa_url
        self.token = token

    async def take_over(self, conversation_id: str, note: str) -> None:
        """Pause the bot and tell the customer a person has joined."""
        await self.append(conversation_id, [{"event": "pause"}, desk_note(note)])

    async def give_back(self, conversation_id: str, note: str) -> None:
        """Resume the bot, end the wait for a person, and tell the customer."""
        await self.append(
            conversation_id,
            [
                {"event": "resume"},
                {"event": "slot", "name": "waiting_for_person", "value": None},
                desk_note(note),
            ],
        )

    async def end_wait(self, conversation_id: str, note: str) -> None:
        """The bot keeps the conversation (it was never paused); the wait for a person ends."""
        await self.append(
            conversation_id,
            [{"event": "slot", "name": "waiting_for_person", "value": None}, desk_note(note)],
        )

    async def say(self, conversation_id: str, agent: str, text: str) -> None:
        """An agent's message to the customer."""
        await self.append(
            conversation_id,
            [{"event": "bot", "text": text, "metadata": {"author": AGENT, "agent": agent}}],
        )

    async def append(self, conversation_id: str, events: list[dict[str, Any]]) -> None:
        """Append ``events`` to the conversation's tracker.

        Raises:
            RasaUnreachable: Rasa is down, too slow or refused them.
        """
        url = f"{self.rasa_url}/conversations/{quote(conversation_id, safe='')}/tracker/events"
        params = {"include_events": "NONE"}
        if self.token:
            params["token"] = self.token
        try:
            async with self.session.post(
                url,
                json=events,
                params=params,
                timeout=aiohttp.ClientTimeout(total=TIMEOUT_SECONDS),
            ) as response:
                if response.status != 200:
                    raise RasaUnreachable(
                        f"Rasa answered HTTP {response.status}: {(await response.text())[:200]}"
                    )
        except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
            raise RasaUnreachable(f"{type(exc).__name__}: {exc}") from exc


def desk_note(text: str) -> dict[str, Any]:
    """A note from the desk to the customer (a person joined, left)."""
    return {"event": "bot", "text": text, "metadata": {"author": DESK}}
