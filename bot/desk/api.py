"""``/desk/api``: the desk's JSON operations, for the desk pages and for insurers' own systems.

Each change to a ticket that the conversation must follow (a person joins, a person gives it back)
is made in the database first and then in Rasa; if Rasa does not take it, the ticket is put back
as it was and the caller gets 502, so the two never disagree.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import json
import logging
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from bot.channels.wechat.client import SendOutcome, WeChatClient
from bot.clock import naive_utc_now
from bot.desk.accounts import Role, SqlAccounts
from bot.desk.auth import api_error, require_handler, user_of
from bot.desk.config import DeskConfig
from bot.desk.rasa_link import RasaLink, RasaUnreachable, desk_note
from bot.desk.tickets import (
    EscalationTicket,
    SqlTicketDesk,
    Status,
    TicketNotFound,
    TicketStateError,
)
from bot.desk.transcripts import read_transcript
from bot.desk.views import (
    Customer,
    DeskWords,
    attachment_json,
    change_json,
    queue_positions,
    ticket_json,
)
from bot.records.store import SqlPolicyRecords

MAX_MESSAGE_CHARS = 2000
MAX_NOTE_CHARS = 2000
CLOSED_LISTED = 200

logger = logging.getLogger(__name__)
_dumps = functools.partial(json.dumps, ensure_ascii=False)


@dataclass(frozen=True)
class Desk:
    """What the desk's handlers work with."""

    tickets: SqlTicketDesk
    accounts: SqlAccounts
    records: SqlPolicyRecords
    config: DeskConfig
    words: DeskWords
    rasa: RasaLink
    wechat: WeChatClient | None = None  # pushes agents' replies to WeChat customers


DESK = web.AppKey("desk", Desk)

STATUS_FILTERS = {
    "active": (Status.OPEN, Status.CLAIMED),
    "open": (Status.OPEN,),
    "claimed": (Status.CLAIMED,),
    "resolved": (Status.RESOLVED,),
    "cancelled": (Status.CANCELLED,),
    "closed": (Status.RESOLVED, Status.CANCELLED),
}


def ok(body: dict[str, Any]) -> web.Response:
    return web.json_response(body, dumps=_dumps)


async def list_tickets(request: web.Request) -> web.Response:
    """``GET /desk/api/tickets?status=&reason=&channel=&product=&assignee=``."""
    desk = request.app[DESK]
    user = user_of(request)
    status = request.query.get("status", "active")
    if status not in STATUS_FILTERS:
        return api_error(
            400, f"未知的状态 {status!r} / unknown status: use one of {', '.join(STATUS_FILTERS)}"
        )
    found = await asyncio.to_thread(desk.tickets.find, STATUS_FILTERS[status])
    if status in ("resolved", "cancelled", "closed"):
        found = sorted(found, key=lambda t: t.closed_at or t.created_at, reverse=True)
        found = found[:CLOSED_LISTED]
    wanted = {
        key: request.query[key]
        for key in ("reason", "channel", "product")
        if request.query.get(key)
    }
    assignee = request.query.get("assignee")
    if assignee == "me":
        assignee = user.username
    chosen = [
        t
        for t in found
        if all(_field(t, key) == value for key, value in wanted.items())
        and (not assignee or t.assignee == assignee)
    ]
    positions = queue_positions(await asyncio.to_thread(desk.tickets.find, (Status.OPEN,)))
    now = naive_utc_now()
    views = []
    for ticket in chosen:
        customer = await asyncio.to_thread(customer_of, desk.records, ticket.conversation_id)
        views.append(_view(desk, user.role, ticket, positions.get(ticket.id), customer, now))
    return ok({"tickets": views})


async def get_ticket(request: web.Request) -> web.Response:
    """``GET /desk/api/tickets/{id}``: the ticket, its conversation, its history and what the
    customer sent for it."""
    desk = request.app[DESK]
    user = user_of(request)
    ticket = await _ticket(request)
    lines = await asyncio.to_thread(read_transcript, desk.tickets.engine, ticket.conversation_id)
    history = await asyncio.to_thread(desk.tickets.history, ticket.id)
    attachments = await asyncio.to_thread(desk.tickets.attachments, ticket.id)
    positions = queue_positions(await asyncio.to_thread(desk.tickets.find, (Status.OPEN,)))
    customer = await asyncio.to_thread(customer_of, desk.records, ticket.conversation_id)
    plain = user.role.sees_personal_data
    handlers = {r for r in Role if r.handles_tickets}
    return ok(
        {
            "ticket": _view(
                desk, user.role, ticket, positions.get(ticket.id), customer, naive_utc_now()
            ),
            "transcript": [(line if plain else line.masked()).as_json() for line in lines],
            "history": [change_json(change) for change in history],
            "attachments": [attachment_json(attachment) for attachment in attachments],
            "canned_replies": desk.words.replies_for(ticket.reason),
            "categories": [{"value": k, "label": v} for k, v in desk.words.categories.items()],
            "agents": await asyncio.to_thread(desk.accounts.usernames, handlers),
        }
    )


async def claim(request: web.Request) -> web.Response:
    """``POST /desk/api/tickets/{id}/claim``: take the conversation over from the bot."""
    desk = request.app[DESK]
    user = require_handler(request)
    before = await _ticket(request)
    ticket = await _change(desk.tickets.claim, before.id, user.username)
    joined = f"人工客服 {user.username} 已接入，正在为您服务。"
    try:
        await desk.rasa.take_over(ticket.conversation_id, joined)
    except RasaUnreachable as exc:
        return await _undo(desk, before, user.username, exc)
    await _to_wechat(desk, ticket, user.username, joined)
    return ok({"ticket": await _fresh_view(request, ticket.id)})


async def post_message(request: web.Request) -> web.Response:
    """``POST /desk/api/tickets/{id}/messages`` ``{"text": ...}``: say something to the customer."""
    desk = request.app[DESK]
    user = require_handler(request)
    body = await _json_body(request)
    text = body.get("text")
    if not isinstance(text, str) or not text.strip():
        return api_error(400, '消息不能为空 / the body must be {"text": "..."} with some text')
    if len(text) > MAX_MESSAGE_CHARS:
        return api_error(
            400, f"消息过长：最多 {MAX_MESSAGE_CHARS} 字 / at most {MAX_MESSAGE_CHARS} characters"
        )
    ticket = await _ticket(request)
    if ticket.status is not Status.CLAIMED or ticket.assignee != user.username:
        return api_error(
            409,
            f"请先接入工单 {ticket.id} 再回复 / claim ticket {ticket.id} before replying "
            f"(it is {ticket.status.value}, assignee {ticket.assignee or 'none'})",
        )
    try:
        await desk.rasa.say(ticket.conversation_id, user.username, text.strip())
    except RasaUnreachable as exc:
        logger.warning("Agent message on ticket %s not delivered: %s", ticket.id, exc)
        return api_error(
            502,
            "消息未送达：智能助手服务暂不可用，请稍后重试 / Rasa did not take the message; try again",
        )
    delivery = await _to_wechat(desk, ticket, user.username, text.strip())
    lines = await asyncio.to_thread(
        read_transcript, desk.tickets.engine, ticket.conversation_id, authors={"agent"}
    )
    return ok({"line": lines[-1].as_json() if lines else None, "delivery": delivery})


WECHAT_FAILURES = {
    SendOutcome.OUTSIDE_WINDOW: "客户48小时内没有发消息（或已取消关注），微信不允许再主动发送；请改用电话等方式联系",
    SendOutcome.OVER_QUOTA: "本轮可发送的消息条数已用完，需等客户再发消息后才能继续发送",
    SendOutcome.INVALID_USER: "微信不认这个客户标识（OpenID）",
    SendOutcome.FAILED: "微信接口暂时不可用",
    SendOutcome.UNFOLLOWED: "客户已取消关注公众号，微信无法再送达；请改用电话等方式联系",
}


async def _to_wechat(desk: Desk, ticket: EscalationTicket, agent: str, text: str) -> str:
    """Push an agent's reply, or the desk's word that a person joined or left, to a WeChat
    customer: ``web`` for other channels (the chat page hears it from the transcript), else how
    it went; what did not reach the customer is noted on the ticket for whoever works it."""
    if ticket.channel != "wechat":
        return "web"
    if desk.wechat is None:
        note = "微信渠道未配置（WECHAT_TOKEN），回复已记录在对话中，未推送给客户"
        await asyncio.to_thread(desk.tickets.note, ticket.id, agent, note)
        return "queued"
    result = await desk.wechat.send_text(ticket.conversation_id, text)
    if result.outcome is not SendOutcome.SENT:
        code = f"（{result.errcode}）" if result.errcode is not None else ""
        note = f"微信未送达{code}：{WECHAT_FAILURES[result.outcome]}"
        await asyncio.to_thread(desk.tickets.note, ticket.id, agent, note)
    return result.outcome.value


async def resolve(request: web.Request) -> web.Response:
    """``POST /desk/api/tickets/{id}/resolve`` ``{"category", "note"}``: give the chat back."""
    desk = request.app[DESK]
    user = require_handler(request)
    body = await _json_body(request)
    category = body.get("category")
    note = body.get("note", "")
    if category not in desk.words.categories:
        return api_error(
            400,
            f"请选择结束类别 / category must be one of {', '.join(desk.words.categories)}",
        )
    if not isinstance(note, str) or len(note) > MAX_NOTE_CHARS:
        return api_error(
            400,
            f"备注须为文本，最多 {MAX_NOTE_CHARS} 字 / note must be text, at most {MAX_NOTE_CHARS} characters",
        )
    before = await _ticket(request)
    if (
        before.status is Status.CLAIMED
        and before.assignee != user.username
        and user.role is Role.AGENT
    ):
        return api_error(
            403,
            f"工单 {before.id} 由 {before.assignee} 处理 / ticket {before.id} is {before.assignee}'s",
        )
    ticket = await _change(desk.tickets.resolve, before.id, user.username, category, note.strip())
    back = "人工客服已结束本次服务，对话已交回智能助手。您可以继续问我条款、理赔和保单服务的问题，需要时可以再转人工。"
    try:
        if before.status is Status.CLAIMED:
            await desk.rasa.give_back(ticket.conversation_id, back)
        else:
            await desk.rasa.end_wait(ticket.conversation_id, back)
    except RasaUnreachable as exc:
        return await _undo(desk, before, user.username, exc)
    await _to_wechat(desk, ticket, user.username, back)
    return ok({"ticket": await _fresh_view(request, ticket.id)})


async def transfer(request: web.Request) -> web.Response:
    """``POST /desk/api/tickets/{id}/transfer`` ``{"to": username}``."""
    desk = request.app[DESK]
    user = require_handler(request)
    body = await _json_body(request)
    to = body.get("to")
    target = await asyncio.to_thread(desk.accounts.user, to) if isinstance(to, str) else None
    if target is None or not target.role.handles_tickets:
        return api_error(400, f"没有可接手工单的用户 {to!r} / no user {to!r} who handles tickets")
    before = await _ticket(request)
    if before.assignee != user.username and user.role is Role.AGENT:
        return api_error(403, "只能转接自己处理的工单 / agents transfer only their own tickets")
    ticket = await _change(desk.tickets.transfer, before.id, user.username, target.username)
    moved = f"已为您转接人工客服 {target.username}，请稍候。"
    try:
        await desk.rasa.append(ticket.conversation_id, [desk_note(moved)])
    except RasaUnreachable as exc:
        return await _undo(desk, before, user.username, exc)
    await _to_wechat(desk, ticket, user.username, moved)
    return ok({"ticket": await _fresh_view(request, ticket.id)})


async def reopen(request: web.Request) -> web.Response:
    """``POST /desk/api/tickets/{id}/reopen``: within the window, the customer waits again."""
    desk = request.app[DESK]
    user = require_handler(request)
    before = await _ticket(request)
    ticket = await _change(desk.tickets.reopen, before.id, user.username, desk.config.reopen_window)
    reopened = f"您的工单 {ticket.id} 已重新打开，人工客服会尽快回复您。"
    try:
        await desk.rasa.append(
            ticket.conversation_id,
            [
                {"event": "slot", "name": "waiting_for_person", "value": str(ticket.id)},
                desk_note(reopened),
            ],
        )
    except RasaUnreachable as exc:
        return await _undo(desk, before, user.username, exc)
    await _to_wechat(desk, ticket, user.username, reopened)
    return ok({"ticket": await _fresh_view(request, ticket.id)})


def customer_of(records: SqlPolicyRecords, conversation_id: str) -> Customer | None:
    """The holder of the policy the conversation proved, if it proved one."""
    number = records.verified_policy_number(conversation_id)
    policy = records.policy(number) if number else None
    holder = records.customer(policy.holder_id) if policy else None
    return None if policy is None or holder is None else Customer(holder.name, policy.policy_number)


async def _ticket(request: web.Request) -> EscalationTicket:
    desk = request.app[DESK]
    raw = request.match_info["ticket_id"]
    if not raw.isdigit():
        raise _http_error(web.HTTPNotFound, f"没有工单 {raw} / no ticket {raw}")
    try:
        return await asyncio.to_thread(desk.tickets.get, int(raw))
    except TicketNotFound:
        raise _http_error(web.HTTPNotFound, f"没有工单 {raw} / no ticket {raw}") from None


async def _change(change: Any, *args: Any) -> EscalationTicket:
    try:
        ticket: EscalationTicket = await asyncio.to_thread(change, *args)
    except TicketStateError as exc:
        raise _http_error(web.HTTPConflict, str(exc)) from None
    return ticket


async def _undo(desk: Desk, before: EscalationTicket, actor: str, exc: Exception) -> web.Response:
    logger.warning("Rasa did not follow the change of ticket %s; undone: %s", before.id, exc)
    await asyncio.to_thread(
        desk.tickets.restore, before, actor, f"undone: Rasa unreachable ({exc})"
    )
    return api_error(
        502,
        "智能助手服务暂不可用，操作未生效，请稍后重试 / Rasa did not take the change, so nothing "
        "changed; try again when it is up",
    )


async def _fresh_view(request: web.Request, ticket_id: int) -> dict[str, Any]:
    desk = request.app[DESK]
    ticket = await asyncio.to_thread(desk.tickets.get, ticket_id)
    positions = queue_positions(await asyncio.to_thread(desk.tickets.find, (Status.OPEN,)))
    customer = await asyncio.to_thread(customer_of, desk.records, ticket.conversation_id)
    return _view(
        desk, user_of(request).role, ticket, positions.get(ticket.id), customer, naive_utc_now()
    )


def _view(
    desk: Desk,
    role: Role,
    ticket: EscalationTicket,
    position: int | None,
    customer: Customer | None,
    now: dt.datetime,
) -> dict[str, Any]:
    return ticket_json(
        ticket,
        role=role,
        config=desk.config,
        words=desk.words,
        position=position,
        customer=customer,
        now=now,
    )


async def _json_body(request: web.Request) -> dict[str, Any]:
    if request.content_type != "application/json":
        raise _http_error(
            web.HTTPUnsupportedMediaType,
            "请以 JSON 发送 / send JSON (Content-Type: application/json)",
        )
    try:
        body = json.loads(await request.read())
    except ValueError:
        raise _http_error(
            web.HTTPBadRequest, "请求体不是有效的 JSON / the body is not valid JSON"
        ) from None
    if not isinstance(body, dict):
        raise _http_error(
            web.HTTPBadRequest, "请求体必须是 JSON 对象 / the body must be a JSON object"
        )
    return body


def _http_error(kind: type[web.HTTPException], error: str) -> web.HTTPException:
    return kind(text=_dumps({"error": error}), content_type="application/json")


def _field(ticket: EscalationTicket, key: str) -> Any:
    return ticket.slots.get("product") if key == "product" else getattr(ticket, key)


def setup_api(app: web.Application) -> None:
    """The JSON routes."""
    app.router.add_get("/desk/api/tickets", list_tickets)
    app.router.add_get("/desk/api/tickets/{ticket_id}", get_ticket)
    app.router.add_post("/desk/api/tickets/{ticket_id}/claim", claim)
    app.router.add_post("/desk/api/tickets/{ticket_id}/messages", post_message)
    app.router.add_post("/desk/api/tickets/{ticket_id}/resolve", resolve)
    app.router.add_post("/desk/api/tickets/{ticket_id}/transfer", transfer)
    app.router.add_post("/desk/api/tickets/{ticket_id}/reopen", reopen)
