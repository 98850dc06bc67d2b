"""What changes while people watch, as server-sent events.

Every stream reads the database (the tickets, Rasa's transcript), so it shows changes made by any
process — the action server opening a ticket, another desk worker, Rasa logging a customer's
message — and a stream that reconnects resumes from the ``Last-Event-ID`` the browser sends.

* ``GET /desk/api/stream``: ``queue`` ``{"version": n}`` whenever any ticket changed.
* ``GET /desk/api/tickets/{id}/stream``: ``line`` for each new line of the conversation,
  ``ticket`` whenever the ticket's status or assignee changes, ``history`` whenever its history
  grows (also by a note alone: a picture the customer sent, a reply WeChat refused).
* ``GET /chat/events`` (the customer's page, its conversation cookie): ``state`` (``bot``,
  ``waiting`` with the place in the queue, ``agent``) and ``message`` for each agent message or
  desk note.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from typing import Any

from aiohttp import web
from aiohttp_sse import sse_response
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from bot.channels.webchat import CONVERSATION_COOKIE, COOKIES
from bot.clock import naive_utc_now
from bot.desk.api import DESK, Desk, customer_of
from bot.desk.auth import user_of
from bot.desk.tables import ticket_events
from bot.desk.tickets import EscalationTicket, Status, TicketNotFound
from bot.desk.transcripts import AGENT, has_rasa_events, rasa_events, read_transcript
from bot.desk.transcripts import DESK as DESK_AUTHOR
from bot.desk.views import queue_positions, ticket_json

POLL_SECONDS = 1.0
RETRY_MS = 2000


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


async def queue_stream(request: web.Request) -> web.StreamResponse:
    """``GET /desk/api/stream``."""
    engine = request.app[DESK].tickets.engine
    async with sse_response(request) as stream:
        version: int | None = None
        while stream.is_connected():
            latest = await asyncio.to_thread(_queue_version, engine)
            if latest != version:
                version = latest
                await stream.send(_dumps({"version": version}), event="queue", retry=RETRY_MS)
            await asyncio.sleep(POLL_SECONDS)
    return stream


async def ticket_stream(request: web.Request) -> web.StreamResponse:
    """``GET /desk/api/tickets/{id}/stream``."""
    desk = request.app[DESK]
    role = user_of(request).role
    raw = request.match_info["ticket_id"]
    try:
        ticket = await asyncio.to_thread(desk.tickets.get, int(raw) if raw.isdigit() else -1)
    except TicketNotFound:
        raise web.HTTPNotFound(
            text=_dumps({"error": f"没有工单 {raw} / no ticket {raw}"}),
            content_type="application/json",
        ) from None
    after = _last_event_id(request)
    async with sse_response(request) as stream:
        seen: tuple[str, str | None] | None = None
        noted = await asyncio.to_thread(_latest_history_id, desk.tickets.engine, ticket.id)
        while stream.is_connected():
            lines = await asyncio.to_thread(
                read_transcript, desk.tickets.engine, ticket.conversation_id, after=after
            )
            for line in lines:
                shown = line if role.sees_personal_data else line.masked()
                await stream.send(
                    _dumps(shown.as_json()), event="line", id=str(line.id), retry=RETRY_MS
                )
                after = line.id
            ticket = await asyncio.to_thread(desk.tickets.get, ticket.id)
            if (ticket.status.value, ticket.assignee) != seen:
                seen = (ticket.status.value, ticket.assignee)
                view = await _view(desk, role, ticket)
                await stream.send(_dumps(view), event="ticket")
            latest = await asyncio.to_thread(_latest_history_id, desk.tickets.engine, ticket.id)
            if latest != noted:  # a note without a change of status: a picture, a refusal
                noted = latest
                await stream.send(_dumps({"latest": latest}), event="history")
            await asyncio.sleep(POLL_SECONDS)
    return stream


async def chat_events(request: web.Request) -> web.StreamResponse:
    """``GET /chat/events``: the customer's own conversation, named by its cookie."""
    conversation_id = request.app[COOKIES].verify(request.cookies.get(CONVERSATION_COOKIE))
    if conversation_id is None:
        return web.Response(status=204)  # no conversation yet: EventSource stops asking
    desk = request.app[DESK]
    engine = desk.tickets.engine
    after = _last_event_id(request)
    if after == 0:
        after = await asyncio.to_thread(_latest_event_id, engine, conversation_id)
    async with sse_response(request) as stream:
        shown: dict[str, Any] | None = None
        while stream.is_connected():
            lines = await asyncio.to_thread(
                read_transcript, engine, conversation_id, after=after, authors={AGENT, DESK_AUTHOR}
            )
            for line in lines:
                message = {
                    "id": line.id,
                    "author": line.author,
                    "agent": line.agent,
                    "text": line.text,
                }
                await stream.send(_dumps(message), event="message", id=str(line.id), retry=RETRY_MS)
                after = line.id
            state = await asyncio.to_thread(customer_state, desk, conversation_id, naive_utc_now())
            if state != shown:
                shown = state
                await stream.send(_dumps(state), event="state")
            await asyncio.sleep(POLL_SECONDS)
    return stream


def customer_state(desk: Desk, conversation_id: str, now: dt.datetime) -> dict[str, Any]:
    """What the customer's page shows about people: nobody, waiting (and how long), or who."""
    ticket = desk.tickets.open_ticket_for(conversation_id)
    if ticket is None:
        return {
            "state": "bot",
            "agent": None,
            "position": None,
            "expected_wait_minutes": None,
            "message": None,
        }
    if ticket.status is Status.CLAIMED:
        return {
            "state": "agent",
            "agent": ticket.assignee,
            "position": None,
            "expected_wait_minutes": None,
            "message": None,
        }
    position = queue_positions(desk.tickets.find((Status.OPEN,))).get(ticket.id)
    minutes = int(desk.config.sla[ticket.priority].total_seconds() // 60)
    hours = desk.config.hours
    message = None
    if not hours.open_at(now.replace(tzinfo=dt.timezone.utc)):
        message = (
            f"现在不在人工服务时间（每天 {hours.label()}，北京时间），工作人员上班后会尽快回复您；"
            "在此之前您可以继续问我条款问题，或回复“不用人工了”取消。"
        )
    return {
        "state": "waiting",
        "agent": None,
        "position": position,
        "expected_wait_minutes": minutes,
        "message": message,
    }


async def _view(desk: Desk, role: Any, ticket: EscalationTicket) -> dict[str, Any]:
    positions = queue_positions(await asyncio.to_thread(desk.tickets.find, (Status.OPEN,)))
    customer = await asyncio.to_thread(customer_of, desk.records, ticket.conversation_id)
    return ticket_json(
        ticket,
        role=role,
        config=desk.config,
        words=desk.words,
        position=positions.get(ticket.id),
        customer=customer,
        now=naive_utc_now(),
    )


def _queue_version(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(
            conn.execute(select(func.coalesce(func.max(ticket_events.c.id), 0))).scalar_one()
        )


def _latest_history_id(engine: Engine, ticket_id: int) -> int:
    with engine.connect() as conn:
        latest = conn.execute(
            select(func.max(ticket_events.c.id)).where(ticket_events.c.ticket_id == ticket_id)
        ).scalar_one()
    return int(latest or 0)


def _latest_event_id(engine: Engine, conversation_id: str) -> int:
    if not has_rasa_events(engine):
        return 0
    with engine.connect() as conn:
        latest = conn.execute(
            select(func.max(rasa_events.c.id)).where(rasa_events.c.sender_id == conversation_id)
        ).scalar_one()
    return int(latest or 0)


def _last_event_id(request: web.Request) -> int:
    raw = request.headers.get("Last-Event-ID", "")
    return int(raw) if raw.isdigit() else 0


def setup_live(app: web.Application) -> None:
    """The event streams."""
    app.router.add_get("/desk/api/stream", queue_stream)
    app.router.add_get("/desk/api/tickets/{ticket_id}/stream", ticket_stream)
    app.router.add_get("/chat/events", chat_events)
