"""Pausing and resuming the bot for one WeChat customer, the way the desk does it.

The desk pauses a conversation by appending Rasa's ``pause`` event to its tracker (and resumes it
with ``resume``) through Rasa's HTTP API (:mod:`bot.desk.rasa_link`); while a tracker is paused,
Rasa logs the customer's messages and predicts nothing. The channel runs inside the Rasa server,
so it appends the same events in-process: under Rasa's lock for the conversation, to the tracker
Rasa's tracker store keeps (the SQL store of ``endpoints.yml``, so the pause outlives a restart).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.shared.core.events import ConversationPaused, ConversationResumed

logger = logging.getLogger(__name__)


class RasaConversations:
    """The conversations of the Rasa agent ``agent()`` returns (read at each use: Rasa replaces
    its agent when it loads another model).

    The agent needs ``tracker_store`` and ``lock_store``; with a model loaded (``processor``), a
    conversation that has no tracker yet starts its session first, as Rasa's own
    ``POST /conversations/{id}/tracker/events`` does.
    """

    def __init__(self, agent: Callable[[], Any]) -> None:
        self._agent = agent

    async def set_paused(
        self, conversation_id: str, paused: Callable[[], Awaitable[bool]], why: str
    ) -> bool:
        """Pause or resume the bot for ``conversation_id`` as ``paused()`` decides, under the
        conversation's lock; whether the bot is paused afterwards.

        A tracker already in that state gets no event; ``why`` goes to the log.
        """
        agent = self._agent()
        async with agent.lock_store.lock(conversation_id):
            wanted = await paused()
            processor = getattr(agent, "processor", None)
            if processor is not None:
                tracker = await processor.fetch_tracker_with_initial_session(conversation_id)
            else:
                tracker = await agent.tracker_store.get_or_create_tracker(conversation_id)
            if bool(tracker.is_paused()) == wanted:
                return wanted
            tracker.update(ConversationPaused() if wanted else ConversationResumed())
            await agent.tracker_store.save(tracker)
        logger.info("bot %s for %s: %s", "paused" if wanted else "resumed", conversation_id, why)
        return wanted

    async def is_paused(self, conversation_id: str) -> bool:
        """Whether the bot is paused for ``conversation_id`` (no tracker: not paused)."""
        tracker = await self._agent().tracker_store.retrieve(conversation_id)
        return tracker is not None and bool(tracker.is_paused())
