"""The web chat page: a plain page on localhost that talks to Rasa's REST channel.

``python -m bot.channels.webchat`` serves it on ``127.0.0.1:DESK_PORT``. The page posts each
message to ``/chat/messages``; this app checks it and forwards it to Rasa's REST webhook with one
shared client session, so the browser never talks to Rasa directly and bad input never reaches it.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import re
import socket
import sys
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

from bot.settings import Settings, load_settings

HOST = "127.0.0.1"
STATIC_DIR = Path(__file__).resolve().parent / "static"
RASA_TIMEOUT_SECONDS = 30.0
MAX_MESSAGE_CHARS = 2000
MAX_BODY_BYTES = 16 * 1024
SENDER_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")

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

RASA_WEBHOOK_URL = web.AppKey("rasa_webhook_url", str)
RASA_TIMEOUT = web.AppKey("rasa_timeout", float)
RASA_SESSION = web.AppKey("rasa_session", aiohttp.ClientSession)

logger = logging.getLogger(__name__)
_dumps = functools.partial(json.dumps, ensure_ascii=False)


@dataclass(frozen=True)
class ChatMessage:
    """One customer message as the page sends it.

    Attributes:
        sender: The conversation id the page made up for its browser tab.
        message: What the customer typed, or the payload of the button they clicked.
    """

    sender: str
    message: str


class InvalidMessage(ValueError):
    """A message the page should not have sent; the text says what is wrong in both languages."""

    def __init__(self, chinese: str, english: str) -> None:
        super().__init__(f"{chinese} / {english}")


class RasaUnavailable(RuntimeError):
    """Rasa did not answer, answered with an error, or answered something that is not replies."""


def parse_message(payload: object) -> ChatMessage:
    """Check a decoded request body and return the message it carries.

    Raises:
        InvalidMessage: a field is missing, empty, not a string, too long, or the sender id
            is not 1-64 letters, digits, ``_`` or ``-``.
    """
    if not isinstance(payload, dict):
        raise InvalidMessage(
            "请求体必须是包含 sender 和 message 的 JSON 对象",
            "the body must be a JSON object with sender and message",
        )
    for field in ("sender", "message"):
        value = payload.get(field)
        if not isinstance(value, str) or not value.strip():
            raise InvalidMessage(f"{field} 必须是非空字符串", f"{field} must be a non-empty string")
    sender, message = payload["sender"], payload["message"]
    if not SENDER_PATTERN.fullmatch(sender):
        raise InvalidMessage(
            "sender 只能由 1-64 个字母、数字、下划线或连字符组成",
            "sender must be 1-64 letters, digits, '_' or '-'",
        )
    if len(message) > MAX_MESSAGE_CHARS:
        raise InvalidMessage(
            f"消息过长：最多 {MAX_MESSAGE_CHARS} 个字，收到 {len(message)} 个",
            f"the message is too long: at most {MAX_MESSAGE_CHARS} characters, got {len(message)}",
        )
    return ChatMessage(sender=sender, message=message)


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
    body = {"sender": message.sender, "message": message.message}
    try:
        async with session.post(webhook_url, json=body) as response:
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


async def chat_page(request: web.Request) -> web.StreamResponse:
    """``GET /chat``: the page itself."""
    return web.FileResponse(STATIC_DIR / "chat.html", headers=PAGE_HEADERS)


async def post_message(request: web.Request) -> web.Response:
    """``POST /chat/messages``: check the message, forward it to Rasa, return the replies."""
    if request.content_type != "application/json":
        # Also what keeps other sites' plain HTML forms from posting here.
        return error_response(
            415,
            "请以 JSON 格式发送消息 / send the message as JSON (Content-Type: application/json)",
        )
    try:
        body = await request.read()
    except web.HTTPRequestEntityTooLarge:
        return error_response(
            413,
            f"请求过大：最多 {MAX_BODY_BYTES // 1024} KB / "
            f"the request is too large: at most {MAX_BODY_BYTES // 1024} KB",
        )
    try:
        message = parse_message(json.loads(body))
    except InvalidMessage as exc:
        return error_response(400, str(exc))
    except ValueError:
        return error_response(400, "请求体不是有效的 JSON / the body is not valid JSON")
    webhook_url = request.app[RASA_WEBHOOK_URL]
    try:
        replies = await ask_rasa(request.app[RASA_SESSION], webhook_url, message)
    except RasaUnavailable as exc:
        logger.warning("Rasa at %s did not answer %s: %s", webhook_url, message.sender, exc)
        return error_response(
            502,
            "暂时无法连接智能助手，请稍后再试 / the assistant is not reachable, please try again later",
        )
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
    settings: Settings, *, rasa_timeout: float = RASA_TIMEOUT_SECONDS
) -> web.Application:
    """Build the chat page app.

    Args:
        settings: Where Rasa listens (``settings.rasa_url``).
        rasa_timeout: Seconds to wait for Rasa's answer before telling the customer it is down.
    """
    app = web.Application(client_max_size=MAX_BODY_BYTES)
    app[RASA_WEBHOOK_URL] = f"{settings.rasa_url}/webhooks/rest/webhook"
    app[RASA_TIMEOUT] = rasa_timeout
    app.cleanup_ctx.append(rasa_session)
    setup_routes(app)
    return app


def _announce(url: str, rasa_url: str) -> Callable[..., None]:
    """What ``run_app`` prints once it listens: the page's URL rather than its own banner."""

    def announce(*_banner: object) -> None:
        print(f"MingBao chat page: {url} (Rasa at {rasa_url}; Ctrl-C stops)", flush=True)

    return announce


def listening_socket(port: int) -> socket.socket:
    """A socket bound to ``127.0.0.1:port``, so a taken port is reported before anything starts."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((HOST, port))
    except OSError:
        sock.close()
        raise
    return sock


def main() -> int:
    """Serve the chat page on ``127.0.0.1:DESK_PORT`` until Ctrl-C or SIGTERM."""
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    try:
        settings = load_settings()
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        sock = listening_socket(settings.desk_port)
    except OSError as exc:
        print(
            f"error: cannot serve the chat page on {HOST}:{settings.desk_port}: "
            f"{exc.strerror or exc}; stop what uses that port or set DESK_PORT to a free one",
            file=sys.stderr,
        )
        return 1
    web.run_app(
        create_app(settings),
        sock=sock,
        print=_announce(f"http://{HOST}:{settings.desk_port}/chat", settings.rasa_url),
        # An open request waits for Rasa at most this long once we are told to stop.
        shutdown_timeout=5.0,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
