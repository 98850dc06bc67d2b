"""A WeChat customer's picture and their ticket at the desk, through the channel on a real server.

The channel as in ``test_channel.py``; the tickets are the desk's own, in the same SQLite
database as the channel's tables.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator

import pytest
from sanic import Sanic

from bot.channels.wechat.channel import WeChatInput
from bot.channels.wechat.messages import parse_message
from bot.channels.wechat.store import WeChatStore
from bot.channels.wechat.turns import IMAGE_ATTACHED_REPLY, IMAGE_REPLY
from bot.desk.tickets import Priority, SqlTicketDesk
from tests.channels.wechat.fake_wechat import OPENID, FakeWeChat, message_xml
from tests.channels.wechat.test_channel import PASSIVE, FakeAgent, config, content, serve

PIC_URL = "http://mmbiz.qpic.cn/mmbiz_jpg/invoice-0001/0"


@pytest.fixture
def agent() -> FakeAgent:
    return FakeAgent()


@pytest.fixture
async def webhook(
    agent: FakeAgent,
    wechat: FakeWeChat,
    store: WeChatStore,
    tickets: SqlTicketDesk,
    monkeypatch: pytest.MonkeyPatch,
) -> AsyncIterator[str]:
    monkeypatch.setattr(Sanic, "test_mode", True)
    channel = WeChatInput(
        config(wechat.api_base), store=store, tickets=tickets, passive_seconds=PASSIVE
    )
    async for url in serve(channel, agent):
        yield url


def image(msg_id: int) -> str:
    return message_xml("image", msg_id, PicUrl=PIC_URL, MediaId=f"media-{msg_id}")


def open_ticket(tickets: SqlTicketDesk, conversation: str = OPENID) -> int:
    ticket, _ = tickets.open_ticket(
        conversation, "claim_dispute", Priority.HIGH, "[claim_dispute] 理赔被拒", {}, "wechat"
    )
    return ticket.id


async def test_a_picture_is_attached_to_the_customers_open_ticket(
    webhook: str, wechat: FakeWeChat, agent: FakeAgent, tickets: SqlTicketDesk
) -> None:
    ticket_id = open_ticket(tickets)
    xml = image(3001)
    sent_at = dt.datetime.fromtimestamp(
        int(parse_message(xml).create_time), dt.timezone.utc
    ).replace(tzinfo=None)
    delivery = await wechat.deliver(webhook, xml)
    assert content(delivery.reply) == IMAGE_ATTACHED_REPLY.format(ticket=ticket_id)
    assert agent.handled == []
    [attachment] = tickets.attachments(ticket_id)
    assert (attachment.kind, attachment.channel, attachment.url, attachment.media_id) == (
        "image",
        "wechat",
        PIC_URL,
        "media-3001",
    )
    assert (attachment.message_id, attachment.received_at) == ("3001", sent_at)
    last = tickets.history(ticket_id)[-1]
    assert last.actor == "customer" and last.to_status == "open"
    assert "客户发来一张图片" in last.note and PIC_URL in last.note and "media-3001" in last.note


async def test_a_picture_on_a_claimed_ticket_is_attached_and_a_repeat_only_once(
    webhook: str, wechat: FakeWeChat, tickets: SqlTicketDesk
) -> None:
    ticket_id = open_ticket(tickets)
    tickets.claim(ticket_id, "li")
    xml = image(3002)
    await wechat.deliver(webhook, xml)
    again = await wechat.deliver(webhook, xml)  # WeChat's retry
    assert again.reply == "success"
    assert [a.media_id for a in tickets.attachments(ticket_id)] == ["media-3002"]


async def test_without_an_active_ticket_the_customer_is_asked_what_it_is_for(
    webhook: str, wechat: FakeWeChat, tickets: SqlTicketDesk
) -> None:
    other = open_ticket(tickets, "another-customer")
    closed = open_ticket(tickets)
    tickets.resolve(closed, "li", "answered", "")
    delivery = await wechat.deliver(webhook, image(3003))
    assert content(delivery.reply) == IMAGE_REPLY
    assert tickets.attachments(closed) == [] and tickets.attachments(other) == []
