"""What the channel settles for a customer before, or instead of, asking Rasa.

* WeChat's own agent sessions (``WECHAT_KF_PAUSES_BOT``): a ``kf_*_session`` event pauses or
  resumes the bot (:mod:`bot.channels.wechat.kf`); a message that reaches us while a session is
  open goes back to the session's agent.
* A picture from a customer with an active ticket is kept on it and the ticket named
  (:mod:`bot.channels.wechat.desk_link`).
* Following again makes the customer reachable; unfollowing stops every push to them, forgets
  what the channel kept to talk with them, resumes the bot if only a WeChat agent's session had
  paused it, and says so on their active ticket. The transcript and the tickets are kept
  (compliance; ``docs/wechat.md``).

Everything else goes on to :func:`bot.channels.wechat.turns.turn_for`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass

from bot.channels.wechat.conversations import RasaConversations
from bot.channels.wechat.desk_link import attach_image, note_unfollowed
from bot.channels.wechat.kf import KF_EVENTS, align_pause, follow_kf_session
from bot.channels.wechat.messages import EventMessage, ImageMessage, InboundMessage
from bot.channels.wechat.replies import reply_to, transfer_reply
from bot.channels.wechat.store import WeChatStore
from bot.channels.wechat.turns import IMAGE_ATTACHED_REPLY
from bot.desk.tickets import SqlTicketDesk

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Settled:
    """A message dealt with here.

    Attributes:
        reply: The passive reply XML, ``None`` for ``success``.
        outcome: What the delivery records (``none``, ``passive``, ``transferred``).
    """

    reply: str | None
    outcome: str


class CustomerCare:
    """The channel's dealings with one account's customers beyond the conversation with Rasa.

    Args:
        store: The channel's shared state.
        tickets: The desk's tickets.
        kf_pauses_bot: Whether WeChat's own agent sessions pause the bot.
        clock: Unix seconds now.
    """

    def __init__(
        self,
        store: WeChatStore,
        tickets: SqlTicketDesk,
        kf_pauses_bot: bool,
        clock: Callable[[], float],
    ) -> None:
        self._store = store
        self._tickets = tickets
        self._kf_pauses_bot = kf_pauses_bot
        self._clock = clock

    async def settle(
        self, message: InboundMessage, conversations: RasaConversations
    ) -> Settled | None:
        """Deal with ``message`` here if it is ours to; ``None`` when it goes on to the turns."""
        openid = message.from_user
        if self._kf_pauses_bot:
            if isinstance(message, EventMessage) and message.event in KF_EVENTS:
                await follow_kf_session(message, self._store, conversations, self._tickets)
                return Settled(None, "none")
            agent = await asyncio.to_thread(self._store.kf_session, openid)
            if agent is not None and not isinstance(message, EventMessage):
                logger.info("%s is in a WeChat agent's session: handed back to it", openid)
                now = int(self._clock())
                handed = transfer_reply(message.from_user, message.to_user, now, agent or None)
                return Settled(handed, "transferred")
        if isinstance(message, EventMessage) and message.event == "unsubscribe":
            await self.unfollowed(message, conversations)
            return Settled(None, "none")
        if isinstance(message, EventMessage) and message.event == "subscribe":
            await asyncio.to_thread(self._store.record_follow, openid, message.create_time)
            return None  # and welcomed as before
        if isinstance(message, ImageMessage):
            ticket = await asyncio.to_thread(attach_image, self._tickets, message)
            if ticket is not None:
                text = IMAGE_ATTACHED_REPLY.format(ticket=ticket.id)
                return Settled(reply_to(message, text, int(self._clock())), "passive")
        return None

    async def unfollowed(self, message: EventMessage, conversations: RasaConversations) -> None:
        """The customer unfollowed: nothing more is pushed to them (the client checks), their
        buttons and agent session are forgotten, and their active ticket says so."""
        openid = message.from_user
        await asyncio.to_thread(
            self._store.record_unfollow, openid, message.create_time, self._clock()
        )
        if self._kf_pauses_bot:
            await align_pause(openid, self._store, conversations, self._tickets, "unfollowed")
        ticket = await asyncio.to_thread(
            note_unfollowed, self._tickets, openid, message.create_time
        )
        logger.info("%s unfollowed%s", openid, f"; noted on ticket {ticket.id}" if ticket else "")
