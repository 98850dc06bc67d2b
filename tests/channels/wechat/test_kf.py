"""WeChat's own customer service: its session events pause and resume the bot (WECHAT_KF_PAUSES_BOT).

The channel runs on a real Sanic server as in ``test_channel.py``; behind it, an agent with Rasa's
real SQL tracker store and lock store, which logs each message and answers only while the
conversation is not paused (what Rasa's processor does). The pause is read back from the tracker
store through a second store on the same database, as after a restart.
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from rasa.core.channels.channel import UserMessage
from rasa.core.lock_store import InMemoryLockStore
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import ConversationPaused, UserUttered
from sanic import Sanic

from bot.channels.wechat.channel import WeChatInput
from bot.channels.wechat.config import WeChatConfig
from bot.channels.wechat.messages import parse_message
from bot.channels.wechat.replies import ACK_BODY
from bot.channels.wechat.store import WeChatStore
from bot.desk.tickets import Priority, SqlTicketDesk
from tests.channels.wechat.fake_wechat import (
    ACCOUNT,
    APP_ID,
    APP_SECRET,
    CALLBACK_TOKEN,
    OPENID,
    FakeWeChat,
    event_xml,
    text_xml,
)
from tests.channels.wechat.test_channel import PASSIVE, FakeAgent, config, content, serve

T0 = 1_700_000_100


class TrackingAgent(FakeAgent):
    """Rasa's agent as far as pausing goes: its tracker and lock stores are Rasa's own, and a
    message to a paused conversation is logged and not answered."""

    def __init__(self, tracker_db: Path) -> None:
        super().__init__()
        self.tracker_store = SQLTrackerStore(dialect="sqlite", db=str(tracker_db))
        self.lock_store = InMemoryLockStore()
        self.processor = None  # no model: trackers are made by the store

    async def handle_message(self, message: UserMessage) -> None:
        async with self.lock_store.lock(message.sender_id):
            tracker = await self.tracker_store.get_or_create_tracker(message.sender_id)
            tracker.update(UserUttered(message.text))
            await self.tracker_store.save(tracker)
        if tracker.is_paused():
            self.handled.append(message)
            return
        await super().handle_message(message)


@pytest.fixture
def tracker_db(tmp_path: Path) -> Path:
    return tmp_path / "mingbao.db"  # the database of the channel's store (conftest.database_url)


@pytest.fixture
def tracking_agent(tracker_db: Path) -> TrackingAgent:
    return TrackingAgent(tracker_db)


async def kf_webhook(
    agent: TrackingAgent,
    wechat: FakeWeChat,
    store: WeChatStore,
    tickets: SqlTicketDesk,
    kf_pauses_bot: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> AsyncIterator[str]:
    monkeypatch.setattr(Sanic, "test_mode", True)
    channel = WeChatInput(
        dataclasses.replace(config(wechat.api_base), kf_pauses_bot=kf_pauses_bot),
        store=store,
        tickets=tickets,
        passive_seconds=PASSIVE,
    )
    async for url in serve(channel, agent):
        yield url


@pytest.fixture
async def webhook(
    tracking_agent: TrackingAgent,
    wechat: FakeWeChat,
    store: WeChatStore,
    tickets: SqlTicketDesk,
    monkeypatch: pytest.MonkeyPatch,
) -> AsyncIterator[str]:
    async for url in kf_webhook(tracking_agent, wechat, store, tickets, True, monkeypatch):
        yield url


async def paused_after_restart(tracker_db: Path, openid: str = OPENID) -> bool:
    """Whether the conversation is paused, read by a tracker store opened afresh."""
    tracker = await SQLTrackerStore(dialect="sqlite", db=str(tracker_db)).retrieve(openid)
    return tracker is not None and bool(tracker.is_paused())


def session_event(event: str, create_time: int, **fields: str) -> str:
    return event_xml(event, create_time=create_time, **fields)


async def test_an_agents_session_pauses_the_bot_and_its_close_resumes_it(
    webhook: str,
    wechat: FakeWeChat,
    tracking_agent: TrackingAgent,
    store: WeChatStore,
    tracker_db: Path,
) -> None:
    before = await wechat.deliver(webhook, text_xml("我要找人工", 2001))
    assert content(before.reply) == "收到：我要找人工"

    opened = await wechat.deliver(
        webhook, session_event("kf_create_session", T0, KfAccount="test1@test")
    )
    assert opened.reply == ACK_BODY
    assert await paused_after_restart(tracker_db)
    assert store.kf_session(OPENID) == "test1@test"

    # A message that reaches us during the session goes back to the session's agent.
    during = await wechat.deliver(webhook, text_xml("还在吗", 2002))
    handed = parse_message(during.reply or "")
    assert (handed.msg_type, handed.to_user, handed.from_user) == (
        "transfer_customer_service",
        OPENID,
        ACCOUNT,
    )
    assert "<KfAccount><![CDATA[test1@test]]></KfAccount>" in (during.reply or "")
    assert tracking_agent.texts == ["我要找人工"]  # the paused bot never saw it

    await wechat.deliver(
        webhook,
        session_event(
            "kf_switch_session", T0 + 5, FromKfAccount="test1@test", ToKfAccount="test2@test"
        ),
    )
    assert store.kf_session(OPENID) == "test2@test"
    assert await paused_after_restart(tracker_db)
    switched = await wechat.deliver(webhook, text_xml("换人了？", 2003))
    assert "<KfAccount><![CDATA[test2@test]]></KfAccount>" in (switched.reply or "")

    closed = await wechat.deliver(
        webhook, session_event("kf_close_session", T0 + 10, KfAccount="test2@test")
    )
    assert closed.reply == ACK_BODY
    assert not await paused_after_restart(tracker_db)
    assert store.kf_session(OPENID) is None
    after = await wechat.deliver(webhook, text_xml("等待期多久", 2004))
    assert content(after.reply) == "收到：等待期多久"
    assert tracking_agent.texts == ["我要找人工", "等待期多久"]


async def test_a_close_that_overtook_its_create_leaves_the_bot_answering(
    webhook: str, wechat: FakeWeChat, store: WeChatStore, tracker_db: Path
) -> None:
    # Two processes: the close is handled before the create it ends.
    await wechat.deliver(webhook, session_event("kf_close_session", T0 + 60, KfAccount="a@x"))
    await wechat.deliver(webhook, session_event("kf_create_session", T0, KfAccount="a@x"))
    assert store.kf_session(OPENID) is None
    assert not await paused_after_restart(tracker_db)
    reply = await wechat.deliver(webhook, text_xml("你好", 2010))
    assert content(reply.reply) == "收到：你好"
    # A later session pauses it again.
    await wechat.deliver(webhook, session_event("kf_create_session", T0 + 61, KfAccount="b@x"))
    assert await paused_after_restart(tracker_db)


async def test_a_close_does_not_resume_a_conversation_the_desk_has_claimed(
    webhook: str,
    wechat: FakeWeChat,
    tracking_agent: TrackingAgent,
    tickets: SqlTicketDesk,
    tracker_db: Path,
) -> None:
    ticket, _ = tickets.open_ticket(OPENID, "customer_request", Priority.NORMAL, "", {}, "wechat")
    tickets.claim(ticket.id, "li")
    tracker = await tracking_agent.tracker_store.get_or_create_tracker(OPENID)
    tracker.update(ConversationPaused())  # what the desk's claim appends through Rasa's API
    await tracking_agent.tracker_store.save(tracker)

    await wechat.deliver(webhook, session_event("kf_create_session", T0, KfAccount="a@x"))
    await wechat.deliver(webhook, session_event("kf_close_session", T0 + 1, KfAccount="a@x"))
    assert await paused_after_restart(tracker_db)


async def test_with_the_setting_off_session_events_change_nothing(
    tracking_agent: TrackingAgent,
    wechat: FakeWeChat,
    store: WeChatStore,
    tickets: SqlTicketDesk,
    tracker_db: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async for url in kf_webhook(tracking_agent, wechat, store, tickets, False, monkeypatch):
        opened = await wechat.deliver(url, session_event("kf_create_session", T0, KfAccount="a@x"))
        answered = await wechat.deliver(url, text_xml("你好", 2020))
    assert opened.reply == ACK_BODY
    assert content(answered.reply) == "收到：你好"
    assert store.kf_session(OPENID) is None
    assert not await paused_after_restart(tracker_db)


def test_the_setting_is_read_from_the_environment() -> None:
    env = {"WECHAT_TOKEN": CALLBACK_TOKEN, "WECHAT_APP_ID": APP_ID, "WECHAT_APP_SECRET": APP_SECRET}
    assert WeChatConfig.from_env(env) is not None
    assert not WeChatConfig.from_env(env).kf_pauses_bot  # type: ignore[union-attr]
    for yes in ("1", "true", "Yes", " on "):
        loaded = WeChatConfig.from_env(env | {"WECHAT_KF_PAUSES_BOT": yes})
        assert loaded is not None and loaded.kf_pauses_bot
    for no in ("0", "false", "off", ""):
        loaded = WeChatConfig.from_env(env | {"WECHAT_KF_PAUSES_BOT": no})
        assert loaded is not None and not loaded.kf_pauses_bot
    with pytest.raises(ValueError, match="WECHAT_KF_PAUSES_BOT='sometimes' is neither"):
        WeChatConfig.from_env(env | {"WECHAT_KF_PAUSES_BOT": "sometimes"})


async def test_an_unfollow_ends_the_agents_session_and_resumes_the_bot(
    webhook: str, wechat: FakeWeChat, store: WeChatStore, tracker_db: Path
) -> None:
    await wechat.deliver(webhook, session_event("kf_create_session", T0, KfAccount="a@x"))
    assert await paused_after_restart(tracker_db)
    await wechat.deliver(webhook, event_xml("unsubscribe", create_time=T0 + 1))
    assert store.kf_session(OPENID) is None
    assert not await paused_after_restart(tracker_db)
