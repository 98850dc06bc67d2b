"""The live streams (server-sent events) of the desk and of the customer's chat page."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from typing import Any

from aiohttp import ClientResponse
from aiohttp.test_utils import TestClient

from bot.channels.conversations import ConversationCookies
from bot.channels.webchat import CONVERSATION_COOKIE, COOKIES
from bot.desk.tickets import Priority, SqlTicketDesk
from tests.desk.conftest import DeskServer
from tests.desk.fake_rasa import FakeRasa


async def next_events(response: ClientResponse, *kinds: str) -> dict[str, tuple[str | None, Any]]:
    """The id and data of the next event of each of ``kinds``, in whatever order they come."""

    async def read() -> dict[str, tuple[str | None, Any]]:
        found: dict[str, tuple[str | None, Any]] = {}
        event_id, event, data = None, None, None
        while set(found) != set(kinds):
            raw = await response.content.readline()
            if not raw:
                raise AssertionError(f"the stream ended (HTTP {response.status}) before {kinds}")
            line = raw.decode("utf-8").rstrip("\r\n")
            if line.startswith("id:"):
                event_id = line[3:].strip()
            elif line.startswith("event:"):
                event = line[6:].strip()
            elif line.startswith("data:"):
                data = json.loads(line[5:].strip())
            elif not line and data is not None:
                if event in kinds and event not in found:
                    found[event] = (event_id, data)
                event_id, event, data = None, None, None
        return found

    return await asyncio.wait_for(read(), timeout=10)


async def next_event(response: ClientResponse, kind: str) -> tuple[str | None, Any]:
    """The id and data of the next event of ``kind`` on the stream."""
    return (await next_events(response, kind))[kind]


def cookie_of(desk_server: DeskServer, conversation: str) -> dict[str, str]:
    """The headers of the customer's browser in ``conversation``."""
    signed = desk_server.server.app[COOKIES].sign(conversation)
    return {"Cookie": f"{CONVERSATION_COOKIE}={signed}"}


async def test_the_chat_page_hears_of_the_wait_the_person_and_their_messages(
    desk_server: DeskServer, tickets: SqlTicketDesk, rasa: FakeRasa, agent: tuple[TestClient, str]
) -> None:
    conversation = ConversationCookies.new_id()
    page = await desk_server.client()
    async with page.get("/chat/events", headers=cookie_of(desk_server, conversation)) as stream:
        assert (await next_event(stream, "state"))[1]["state"] == "bot"
        ticket, _ = tickets.open_ticket(conversation, "customer_request", Priority.NORMAL, "", {})
        state = (await next_event(stream, "state"))[1]
        assert (state["state"], state["position"], state["expected_wait_minutes"]) == (
            "waiting",
            1,
            240,
        )
        client, token = agent
        await client.post(f"/desk/api/tickets/{ticket.id}/claim", headers={"X-CSRF-Token": token})
        taken_over = await next_events(stream, "state", "message")
        assert taken_over["state"][1] == {
            "state": "agent",
            "agent": "li",
            "position": None,
            "expected_wait_minutes": None,
            "message": None,
        }
        joined_id, joined = taken_over["message"]
        assert joined["author"] == "desk" and "已接入" in joined["text"]
        await client.post(
            f"/desk/api/tickets/{ticket.id}/messages",
            json={"text": "您好"},
            headers={"X-CSRF-Token": token},
        )
        said_id, said = await next_event(stream, "message")
        assert (said["author"], said["agent"], said["text"]) == ("agent", "li", "您好")
    resume = {**cookie_of(desk_server, conversation), "Last-Event-ID": str(joined_id)}
    async with page.get("/chat/events", headers=resume) as resumed:
        assert (await next_event(resumed, "message"))[0] == said_id


async def test_the_chat_stream_needs_the_conversation_cookie(desk_server: DeskServer) -> None:
    stranger = await desk_server.client()
    assert (await stranger.get("/chat/events")).status == 204


async def test_the_queue_stream_announces_each_change(
    agent: tuple[TestClient, str], tickets: SqlTicketDesk
) -> None:
    client, _ = agent
    async with client.get("/desk/api/stream") as stream:
        first = (await next_event(stream, "queue"))[1]["version"]
        tickets.open_ticket("c9", "complaint", Priority.HIGH, "", {})
        assert (await next_event(stream, "queue"))[1]["version"] > first


async def test_the_ticket_stream_sends_new_lines_and_changes(
    agent: tuple[TestClient, str], tickets: SqlTicketDesk, rasa: FakeRasa
) -> None:
    client, _ = agent
    ticket, _ = tickets.open_ticket("c1", "customer_request", Priority.NORMAL, "", {})
    rasa.customer_says("c1", "我的手机13812345678")
    async with client.get(f"/desk/api/tickets/{ticket.id}/stream") as stream:
        first_id, first = await next_event(stream, "line")
        assert first["text"] == "我的手机138****5678"  # an agent sees personal data masked
        assert (await next_event(stream, "ticket"))[1]["status"] == "open"
        rasa.customer_says("c1", "人呢")
        assert (await next_event(stream, "line"))[1]["text"] == "人呢"
        tickets.claim(ticket.id, "wang")
        changed = await next_events(stream, "ticket", "history")  # in either order
        assert changed["ticket"][1]["assignee"] == "wang"
        claimed = changed["history"][1]["latest"]
        tickets.attach(
            ticket.id,
            kind="image",
            channel="wechat",
            url="http://mmbiz.qpic.cn/invoice/0",
            media_id="media-1",
            message_id="1",
            received_at=dt.datetime(2026, 12, 5, 1, 30),
        )  # a note alone: the status stays
        assert (await next_event(stream, "history"))[1]["latest"] > claimed
    assert first_id is not None


async def test_the_desk_streams_need_a_person(desk_server: DeskServer) -> None:
    stranger = await desk_server.client()
    assert (await stranger.get("/desk/api/stream")).status == 401
