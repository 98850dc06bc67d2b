"""WeChat's own customer service (多客服): its sessions pause and resume the bot.

When the insurer's agents answer in WeChat's customer-service system (``WECHAT_KF_PAUSES_BOT``),
WeChat reports ``kf_create_session`` when an agent takes a customer, ``kf_switch_session`` when
the customer passes to another agent and ``kf_close_session`` when the agent ends it. The channel
notes each in ``wechat_kf_sessions`` and pauses the bot while a session is open, with the desk's
mechanism (Rasa's ``pause``/``resume`` events, :mod:`bot.channels.wechat.conversations`).

While a session is open WeChat sends the customer's messages to its agents, not to us; one that
reaches us anyway (WeChat stops forwarding after 30 minutes without an agent's answer) is handed
back to the session's agent with a ``transfer_customer_service`` reply rather than answered by
the paused bot or left unanswered.
"""

from __future__ import annotations

import asyncio
import logging

from bot.channels.wechat.conversations import RasaConversations
from bot.channels.wechat.messages import EventMessage
from bot.channels.wechat.store import WeChatStore
from bot.desk.tickets import SqlTicketDesk, Status

logger = logging.getLogger(__name__)

KF_EVENTS = frozenset({"kf_create_session", "kf_switch_session", "kf_close_session"})


async def follow_kf_session(
    message: EventMessage,
    store: WeChatStore,
    conversations: RasaConversations,
    tickets: SqlTicketDesk,
) -> bool:
    """Note a session event and pause or resume the bot to match; whether the bot is paused."""
    await asyncio.to_thread(
        store.record_kf_event,
        message.from_user,
        message.event,
        message.kf_account,
        message.create_time,
    )
    why = f"WeChat {message.event} ({message.kf_account or 'no agent named'})"
    return await align_pause(message.from_user, store, conversations, tickets, why)


async def align_pause(
    openid: str,
    store: WeChatStore,
    conversations: RasaConversations,
    tickets: SqlTicketDesk,
    why: str,
) -> bool:
    """Pause the bot for ``openid`` while a WeChat agent's session is open, resume it when none
    is; whether the bot is paused.

    The decision is made from the stored sessions under Rasa's lock for the conversation, so
    two events handled at once leave the tracker as the later one says. A conversation a person
    at the desk has claimed stays paused: the desk gives it back itself.
    """

    async def paused() -> bool:
        if await asyncio.to_thread(store.kf_session, openid) is not None:
            return True
        ticket = await asyncio.to_thread(tickets.open_ticket_for, openid)
        return ticket is not None and ticket.status is Status.CLAIMED

    return await conversations.set_paused(openid, paused, why)
