"""A customer who unfollows the account: nothing more is pushed to them, their ticket says so,
the channel forgets what it kept to talk with them; following again undoes it.

The channel as in ``test_channel.py``, with the desk's tickets in the same SQLite database.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

import pytest
from sanic import Sanic

from bot.channels.wechat.channel import WeChatInput
from bot.channels.wechat.replies import ACK_BODY
from bot.channels.wechat.store import WeChatStore
from bot.channels.wechat.turns import WELCOME_REPLY
from bot.desk.tickets import Priority, SqlTicketDesk, Status
from tests.channels.wechat.fake_wechat import OPENID, FakeWeChat, event_xml, text_xml
from tests.channels.wechat.test_channel import PASSIVE, FakeAgent, config, content, serve


@pytest.fixture
def agent() -> FakeAgent:
    return FakeAgent()


@pytest.fixture
def channel(wechat: FakeWeChat, store: WeChatStore, tickets: SqlTicketDesk) -> WeChatInput:
    return WeChatInput(
        config(wechat.api_base), store=store, tickets=tickets, passive_seconds=PASSIVE
    )


async def served(
    channel: WeChatInput, agent: FakeAgent, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[str]:
    monkeypatch.setattr(Sanic, "test_mode", True)
    async for url in serve(channel, agent):
        yield url


async def test_an_unfollow_stops_the_pending_answer_and_is_noted_on_the_ticket(
    channel: WeChatInput,
    agent: FakeAgent,
    wechat: FakeWeChat,
    store: WeChatStore,
    tickets: SqlTicketDesk,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ticket, _ = tickets.open_ticket(
        OPENID, "claim_dispute", Priority.HIGH, "[claim_dispute] 拒赔", {}, "wechat"
    )
    store.offer_buttons(OPENID, [("是", "/affirm")], time.time())
    agent.delay = PASSIVE + 1.5  # the answer is still being made when the customer leaves
    async for url in served(channel, agent, monkeypatch):
        asked = await wechat.deliver(url, text_xml("为什么拒赔", 4001), timeout=PASSIVE + 1)
        left = await wechat.deliver(url, event_xml("unsubscribe"))
    # Leaving the server waits for the pending answer (WeChatInput.close).
    assert [attempt.body for attempt in asked.attempts] == [ACK_BODY]
    assert left.reply == ACK_BODY
    assert agent.texts == ["为什么拒赔"]  # the message is in the conversation all the same
    assert wechat.sent == []
    assert store.outcome("MsgId:4001") == "unfollowed"
    assert store.has_unfollowed(OPENID) and store.offered(OPENID) == []
    note = tickets.history(ticket.id)[-1]
    assert note.actor == "customer" and "取消关注公众号" in note.note
    assert "人工回复不会推送" in note.note
    assert tickets.get(ticket.id).status is Status.OPEN  # the agents decide what follows


async def test_following_again_lets_answers_be_pushed(
    channel: WeChatInput,
    agent: FakeAgent,
    wechat: FakeWeChat,
    store: WeChatStore,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    now = int(time.time())
    async for url in served(channel, agent, monkeypatch):
        await wechat.deliver(url, event_xml("unsubscribe", create_time=now))
        welcome = await wechat.deliver(url, event_xml("subscribe", create_time=now + 1))
        agent.delay = PASSIVE + 0.3
        await wechat.deliver(url, text_xml("我回来了", 4002), timeout=PASSIVE + 1)
    assert content(welcome.reply) == WELCOME_REPLY
    assert not store.has_unfollowed(OPENID)
    assert wechat.texts_to(OPENID) == ["收到：我回来了"]


async def test_without_a_ticket_an_unfollow_notes_nothing(
    channel: WeChatInput,
    agent: FakeAgent,
    wechat: FakeWeChat,
    store: WeChatStore,
    tickets: SqlTicketDesk,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    closed, _ = tickets.open_ticket(OPENID, "customer_request", Priority.NORMAL, "", {}, "wechat")
    tickets.resolve(closed.id, "li", "answered", "")
    before = tickets.history(closed.id)
    async for url in served(channel, agent, monkeypatch):
        await wechat.deliver(url, event_xml("unsubscribe"))
    assert store.has_unfollowed(OPENID)
    assert tickets.history(closed.id) == before
