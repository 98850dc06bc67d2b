"""The web chat page: a plain page on localhost in front of Rasa's REST channel.

The desk app (``python -m bot.desk serve``, :mod:`bot.desk.app`) serves it on
``127.0.0.1:DESK_PORT`` beside the agent desk. The page posts each
message to ``/chat/messages``; this app checks it and forwards it to Rasa's REST webhook with one
shared client session, so the browser never talks to Rasa directly and bad input never reaches it.

This app owns the conversations. It issues each browser a random conversation id in a signed
cookie (``mingbao_conversation``: HttpOnly, SameSite=Strict, Path=/chat) and never takes a sender
id from the page, so nobody can read or write a conversation by naming it; a missing, forged or
tampered cookie starts a new conversation. The signing key is ``MINGBAO_COOKIE_SECRET``; without
it each process makes its own key and conversations do not survive a restart.

``POST /chat/messages`` takes ``{"message": "...", "button": true}`` (``button`` only for a
click on one of the bot's buttons) and answers:

* 200 with Rasa's replies, ``[{"recipient_id": ..., "text": ..., "buttons": [...]}, ...]``, or
  ``[]`` while a person has the conversation;
* 200 with this app's own polite reply in the same shape when the message is too long, blank or
  unreadable (see :mod:`bot.channels.customer_text`), which Rasa never sees;
* 400, 413 or 415 with ``{"error": "中文 / English"}`` for a request the page would never send;
  502 when Rasa does not answer.

Rasa receives ``{"sender": <conversation id>, "message": <cleaned text>, "metadata": {"client":
<remote address>, "channel": "web"}}``, plus ``"button": true`` only when the message is a payload
the bot offered this conversation in its latest replies. Anything else is typed text, whose
leading ``/`` is sent as ``／``, so a customer cannot pick an intent (``/restart``) by typing it.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import secrets
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

from bot.channels.conversations import ConversationCookies, OfferedButtons
from bot.channels.customer_text import Refusal, customer_text
from bot.settings import Settings

HOST = "127.0.0.1"
STATIC_DIR = Path(__file__).resolve().parent / "static"
RASA_TIMEOUT_SECONDS = 30.0
MAX_BODY_BYTES = 16 * 1024
COOKIE_SECRET_ENV = "MINGBAO_COOKIE_SECRET"
CONVERSATION_COOKIE = "mingbao_conversation"

# The page loads only its own files; a reply can therefore never pull in outside content.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
PAGE_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-cache",
}

logger = logging.getLogger(__name__)
_dumps = functools.partial(json.dumps, ensure_ascii=False)


RASA_WEBHOOK_URL = web.AppKey("rasa_webhook_url", str)
RASA_TIMEOUT = web.AppKey("rasa_timeout", float)
RASA_SESSION = web.AppKey("rasa_session", aiohttp.ClientSession)
COOKIES = web.AppKey("conversation_cookies", ConversationCookies)
OFFERED_BUTTONS = web.AppKey("offered_buttons", OfferedButtons)


@dataclass(frozen=True)
class ChatMessage:
    """One customer message, checked, as it goes to Rasa.

    Attributes:
        conversation_id: The id this app issued to the customer's browser.
        text: The cleaned text, or the payload of a button the bot offered.
        client: The address the message came from, for counting failures per client.
        button: Whether ``text`` is a payload the bot offered, and so may name an intent.
    """

    conversation_id: str
    text: str
    client: str | None
    button: bool = False

    def rasa_body(self) -> dict[str, Any]:
        """The body Rasa's REST webhook takes."""
        body: dict[str, Any] = {
            "sender": self.conversation_id,
            "message": self.text,
            "metadata": {"client": self.client, "channel": "web"},
        }
        if self.button:
            body["button"] = True
        return body


class RasaUnavailable(RuntimeError):
    """Rasa did not answer, answered with an error, or answered something that is not replies."""


async def ask_rasa(
    session: aiohttp.ClientSession, webhook_url: str, message: ChatMessage
) -> list[dict[str, Any]]:
    """Send one message to Rasa's REST channel and return the bot's replies.

    Returns:
        Rasa's bot messages (``recipient_id``, ``text``, ``buttons``, …); empty while a person
        has taken the conversation over.

    Raises:
        RasaUnavailable: Rasa is down, too slow, answered an HTTP error or not a list of messages.
    """
    try:
        async with session.post(webhook_url, json=message.rasa_body()) as response:
            if response.status != 200:
                raise RasaUnavailable(f"Rasa answered HTTP {response.status}")
            replies = await response.json(content_type=None)
    except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as exc:
        raise RasaUnavailable(f"{type(exc).__name__}: {exc}") from exc
    if not isinstance(replies, list) or not all(isinstance(reply, dict) for reply in replies):
        raise RasaUnavailable(f"Rasa answered {type(replies).__name__}, not a list of messages")
    return replies


def error_response(status: int, error: str) -> web.Response:
    """The JSON error every failure gets: ``{"error": "中文 / English"}``."""
    return web.json_response({"error": error}, status=status, dumps=_dumps)


async def index(request: web.Request) -> web.StreamResponse:
    """``GET /``: the chat page is the only thing here."""
    raise web.HTTPFound("/chat")


def conversation_of(request: web.Request) -> tuple[str, bool]:
    """The conversation the request's cookie names, or a new one; and whether it is new."""
    conversation_id = request.app[COOKIES].verify(request.cookies.get(CONVERSATION_COOKIE))
    if conversation_id is None:
        return ConversationCookies.new_id(), True
    return conversation_id, False


def give_cookie(request: web.Request, response: web.StreamResponse, conversation_id: str) -> None:
    """Set the cookie naming ``conversation_id``; a session cookie, sent only to ``/chat``."""
    response.set_cookie(
        CONVERSATION_COOKIE,
        request.app[COOKIES].sign(conversation_id),
        path="/chat",
        httponly=True,
        samesite="Strict",
    )


async def chat_page(request: web.Request) -> web.StreamResponse:
    """``GET /chat``: the page itself, and the conversation cookie if the browser has none."""
    response = web.FileResponse(STATIC_DIR / "chat.html", headers=PAGE_HEADERS)
    conversation_id, new = conversation_of(request)
    if new:
        give_cookie(request, response, conversation_id)
    return response


@dataclass(frozen=True)
class PageMessage:
    """What the page posted.

    Attributes:
        text: The ``message`` field, as received.
        clicked: Whether the page says it is the payload of a button the customer clicked.
    """

    text: str
    clicked: bool


async def read_message(request: web.Request) -> PageMessage | web.Response:
    """The message of the request's JSON body, or the error response to answer.

    Any ``sender`` in the body is ignored: the conversation is the one the cookie names.
    """
    if request.content_type != "application/json":
        # Also what keeps other sites' plain HTML forms from posting here.
        return error_response(
            415,
            "请以 JSON 格式发送消息 / send the message as JSON (Content-Type: application/json)",
        )
    try:
        payload = json.loads(await request.read())
    except web.HTTPRequestEntityTooLarge:
        return error_response(
            413,
            f"请求过大：最多 {MAX_BODY_BYTES // 1024} KB / "
            f"the request is too large: at most {MAX_BODY_BYTES // 1024} KB",
        )
    except ValueError:
        return error_response(400, "请求体不是有效的 JSON / the body is not valid JSON")
    if not isinstance(payload, dict) or not isinstance(payload.get("message"), str):
        return error_response(
            400,
            "请求体必须是包含字符串 message 的 JSON 对象 / "
            "the body must be a JSON object whose message is a string",
        )
    return PageMessage(payload["message"], clicked=payload.get("button") is True)


async def post_message(request: web.Request) -> web.Response:
    """``POST /chat/messages``: check the message, forward it to Rasa, return the replies."""
    posted = await read_message(request)
    if isinstance(posted, web.Response):
        return posted
    conversation_id, new = conversation_of(request)
    # A click counts as a button only if the bot offered that payload; else it is typed text.
    button = posted.clicked and request.app[OFFERED_BUTTONS].offered(conversation_id, posted.text)
    checked = customer_text(posted.text, button=button)
    if isinstance(checked, Refusal):
        logger.info("Answered %s without Rasa: message %s", conversation_id, checked.reason)
        response = replies_response([{"recipient_id": conversation_id, "text": checked.reply}])
    else:
        message = ChatMessage(conversation_id, checked.text, request.remote, button=button)
        response = await forward(request, message)
    if new:
        give_cookie(request, response, conversation_id)
    return response


async def forward(request: web.Request, message: ChatMessage) -> web.Response:
    """Rasa's replies to ``message``, remembering the buttons it offers; 502 if it is down."""
    webhook_url = request.app[RASA_WEBHOOK_URL]
    try:
        replies = await ask_rasa(request.app[RASA_SESSION], webhook_url, message)
    except RasaUnavailable as exc:
        logger.warning(
            "Rasa at %s did not answer %s: %s", webhook_url, message.conversation_id, exc
        )
        return error_response(
            502,
            "暂时无法连接智能助手，请稍后再试 / the assistant is not reachable, please try again later",
        )
    request.app[OFFERED_BUTTONS].remember(message.conversation_id, replies)
    return replies_response(replies)


def replies_response(replies: list[dict[str, Any]]) -> web.Response:
    """Bot messages in the list shape Rasa's REST channel answers with."""
    return web.json_response(replies, dumps=_dumps)


async def rasa_session(app: web.Application) -> AsyncIterator[None]:
    """One client session for every call to Rasa, closed when the app stops."""
    timeout = aiohttp.ClientTimeout(total=app[RASA_TIMEOUT])
    async with aiohttp.ClientSession(timeout=timeout) as session:
        app[RASA_SESSION] = session
        yield


def setup_routes(app: web.Application) -> None:
    """The page, its static files and the message endpoint."""
    app.router.add_get("/", index)
    app.router.add_get("/chat", chat_page)
    app.router.add_post("/chat/messages", post_message)
    app.router.add_static("/chat/static", STATIC_DIR)


def create_app(
    settings: Settings,
    *,
    rasa_timeout: float = RASA_TIMEOUT_SECONDS,
    cookie_secret: str | None = None,
) -> web.Application:
    """Build the chat page app.

    Args:
        settings: Where Rasa listens (``settings.rasa_url``).
        rasa_timeout: Seconds to wait for Rasa's answer before telling the customer it is down.
        cookie_secret: The key that signs conversation cookies; ``settings.cookie_secret``
            (``MINGBAO_COOKIE_SECRET``) by default. Without one, a random key for this process.
    """
    cookie_secret = cookie_secret or settings.cookie_secret
    if cookie_secret:
        key = cookie_secret.encode("utf-8")
    else:
        logger.warning(
            "%s is not set: conversation cookies are signed with a key made for this process, "
            "so customers' conversations will not survive a restart; set it to a long random "
            "string (e.g. python -c 'import secrets; print(secrets.token_urlsafe(32))')",
            COOKIE_SECRET_ENV,
        )
        key = secrets.token_bytes(32)
    app = web.Application(client_max_size=MAX_BODY_BYTES)
    app[RASA_WEBHOOK_URL] = f"{settings.rasa_url}/webhooks/rest/webhook"
    app[RASA_TIMEOUT] = rasa_timeout
    app[COOKIES] = ConversationCookies(key)
    app[OFFERED_BUTTONS] = OfferedButtons()
    app.cleanup_ctx.append(rasa_session)
    setup_routes(app)
    return app
