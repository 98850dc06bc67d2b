"""The WeChat Official Account channel: WeChat's callbacks in, Rasa's answers out.

Rasa serves it at ``/webhooks/wechat/webhook`` (``credentials.yml`` names :class:`WeChatInput`).
It is configured from the environment only (:class:`WeChatConfig`); without ``WECHAT_TOKEN`` it is
off and its webhook answers 404.

Each POST, before anything reaches Rasa: body size, ``signature``, timestamp, and in safe mode
``msg_signature``, decryption and the AppID; then the XML is read (no DOCTYPE, no entities) and
the delivery claimed in the database — a repeat of a delivery any process has seen gets
``success`` and nothing else. Anything wrong is a 4xx and a log line. The message then goes to
Rasa (the OpenID is the conversation id) with a collecting output channel: an answer ready within
:data:`PASSIVE_SECONDS` is the HTTP reply; otherwise WeChat gets ``success`` at once and the answer
is pushed through the customer-service API when it is ready.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import aiohttp
from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.rest import checked
from bot.channels.wechat.care import CustomerCare
from bot.channels.wechat.client import WeChatClient
from bot.channels.wechat.config import WeChatConfig
from bot.channels.wechat.conversations import RasaConversations
from bot.channels.wechat.crypto import check_signature, check_timestamp
from bot.channels.wechat.errors import (
    BodyTooLargeError,
    ConfigurationError,
    DecryptError,
    SignatureError,
    StaleRequestError,
    WeChatProtocolError,
)
from bot.channels.wechat.messages import (
    MAX_BODY_BYTES,
    InboundMessage,
    TextMessage,
    parse_envelope,
    parse_message,
)
from bot.channels.wechat.replies import (
    ACK_BODY,
    MAX_TEXT_BYTES,
    reply_to,
    seal,
    split_text,
)
from bot.channels.wechat.store import WeChatStore
from bot.channels.wechat.turns import (
    MENU_INTENTS,
    Answer,
    AnswerHere,
    NoAnswer,
    ToBot,
    compose,
    turn_for,
)
from bot.db import make_engine, migrate
from bot.desk.tickets import SqlTicketDesk

logger = logging.getLogger(__name__)

PASSIVE_SECONDS = 4.5
"""How long a POST waits for Rasa before answering ``success`` (WeChat gives up after 5 s)."""

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


def _refusal(error: WeChatProtocolError) -> HTTPResponse:
    if isinstance(error, BodyTooLargeError):
        status = 413
    elif isinstance(error, SignatureError | StaleRequestError | DecryptError):
        status = 403
    else:
        status = 400
    logger.warning("WeChat callback refused (%d): %s", status, error)
    return response.text("refused", status=status)


async def _capped_body(request: Request) -> bytes:
    """The body, read (streamed) no further than :data:`MAX_BODY_BYTES`."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise BodyTooLargeError(f"Content-Length {declared} over the {MAX_BODY_BYTES}-byte limit")
    if request.stream is None:  # a route not streamed: Sanic read the body already
        body: bytes = request.body or b""
        if len(body) > MAX_BODY_BYTES:
            raise BodyTooLargeError(f"body over the {MAX_BODY_BYTES}-byte limit")
        return body
    chunks: list[bytes] = []
    size = 0
    while (chunk := await request.stream.read()) is not None:
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise BodyTooLargeError(f"body over the {MAX_BODY_BYTES}-byte limit")
        chunks.append(chunk)
    return b"".join(chunks)


class WeChatInput(InputChannel):  # type: ignore[misc]  # Rasa ships no type information
    """Rasa input channel for a WeChat Official Account.

    Args:
        config: The settings; ``None`` turns the channel off.
        store: The shared state; by default the tables of ``config.database_url`` (migrated
            on first use).
        tickets: The desk's tickets, by default on the store's database.
        passive_seconds: How long a callback waits for Rasa's answer before ``success``.
        clock: Unix seconds now.
        menu: Menu ``CLICK`` keys and the intent each sends.
    """

    @classmethod
    def name(cls) -> str:
        """The channel's name, and the webhook's path segment."""
        return "wechat"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> WeChatInput:
        """The channel as ``credentials.yml`` opens it: everything comes from the environment."""
        config = WeChatConfig.from_env()
        if config is None:
            logger.info("WeChat channel off: WECHAT_TOKEN is not set")
        return cls(config)

    def __init__(
        self,
        config: WeChatConfig | None,
        *,
        store: WeChatStore | None = None,
        tickets: SqlTicketDesk | None = None,
        passive_seconds: float = PASSIVE_SECONDS,
        clock: Callable[[], float] = time.time,
        menu: Mapping[str, str] = MENU_INTENTS,
    ) -> None:
        self.config = config
        self._crypto = config.crypto() if config else None
        self._store = store
        self._tickets = tickets
        self._care: CustomerCare | None = None
        self._passive_seconds = passive_seconds
        self._clock = clock
        self._menu = menu
        self._session: aiohttp.ClientSession | None = None
        self._client: WeChatClient | None = None
        self._opening = asyncio.Lock()
        self._tasks: set[asyncio.Future[Any]] = set()

    # Resources, opened on first use in the server's loop.

    async def _open(self) -> tuple[WeChatStore, WeChatClient, CustomerCare]:
        assert self.config is not None
        async with self._opening:
            if self._store is None:
                engine = make_engine(self.config.database_url)
                await asyncio.to_thread(migrate, engine)
                self._store = WeChatStore(engine)
            if self._tickets is None:
                self._tickets = await asyncio.to_thread(SqlTicketDesk, self._store.engine)
            if self._care is None:
                self._care = CustomerCare(
                    self._store, self._tickets, self.config.kf_pauses_bot, self._clock
                )
            if self._client is None:
                self._session = aiohttp.ClientSession()
                self._client = WeChatClient(
                    self._session,
                    self._store,
                    self.config.app_id,
                    self.config.app_secret,
                    self.config.api_base,
                    clock=self._clock,
                )
            return self._store, self._client, self._care

    async def close(self, grace_seconds: float = 10.0) -> None:
        """Let pending pushes finish (up to ``grace_seconds``), then close the HTTP session."""
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=grace_seconds)
        if self._session is not None:
            await self._session.close()
            self._session, self._client = None, None

    def _spawn(self, work: Awaitable[Any]) -> asyncio.Future[Any]:
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    # Routes.

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        """``GET /`` (health), ``GET /webhook`` (verification) and ``POST /webhook`` (messages)."""
        routes = Blueprint("wechat_webhook", __name__)
        handle = checked(on_new_message)

        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok" if self.config else "off"})

        async def verify(request: Request) -> HTTPResponse:
            if self.config is None:
                return response.text("WeChat channel off: WECHAT_TOKEN is not set", status=404)
            args = request.args
            try:
                check_signature(
                    self.config.token,
                    args.get("signature"),
                    args.get("timestamp", ""),
                    args.get("nonce", ""),
                )
            except WeChatProtocolError as error:
                return _refusal(error)
            return response.text(args.get("echostr", ""))

        async def receive(request: Request) -> HTTPResponse:
            if self.config is None:
                return response.text("WeChat channel off: WECHAT_TOKEN is not set", status=404)
            started = time.monotonic()
            try:
                message = self._read(request, await _capped_body(request))
            except WeChatProtocolError as error:
                return _refusal(error)
            # Sanic cancels a handler whose client hung up, as WeChat does after 5 s; the work
            # goes on (shielded), and knows to push its answer rather than reply to nobody.
            hung_up = asyncio.Event()
            # Rasa's agent as it is now: Rasa replaces it when it loads another model.
            conversations = RasaConversations(lambda: request.app.ctx.agent)
            work = self._spawn(self._answer(message, handle, started, hung_up, conversations))
            try:
                reply: str | None = await asyncio.shield(work)
            except asyncio.CancelledError:
                hung_up.set()
                raise
            except Exception:  # never a 5xx: WeChat would show "该公众号暂时无法提供服务"
                logger.exception("WeChat message %s not processed", message.dedup_key)
                return response.text(ACK_BODY)
            if reply is None:
                return response.text(ACK_BODY)
            if self._crypto is not None:
                reply = seal(
                    self._crypto, reply, request.args["timestamp"][0], request.args["nonce"][0]
                )
            return response.text(reply, content_type="application/xml; charset=utf-8")

        async def stop(*_: Any) -> None:
            await self.close()

        routes.add_route(health, "/", methods=["GET"])
        routes.add_route(verify, "/webhook", methods=["GET"])
        routes.add_route(receive, "/webhook", methods=["POST"], stream=True)
        routes.listener("before_server_stop")(stop)
        return routes

    def _read(self, request: Request, body: bytes) -> InboundMessage:
        """The message of a callback, once every check passed."""
        assert self.config is not None
        args = request.args
        timestamp, nonce = args.get("timestamp", ""), args.get("nonce", "")
        check_signature(self.config.token, args.get("signature"), timestamp, nonce)
        check_timestamp(timestamp, self._clock())
        if args.get("encrypt_type", "raw").lower() == "aes":
            if self._crypto is None:
                raise ConfigurationError(
                    "an encrypted callback (encrypt_type=aes), but WECHAT_ENCODING_AES_KEY is "
                    "not set: set it to the platform's EncodingAESKey"
                )
            envelope = parse_envelope(body)
            plain = self._crypto.decrypt(
                envelope.encrypt, args.get("msg_signature"), timestamp, nonce
            )
            return parse_message(plain)
        if self._crypto is not None:
            # The plain signature does not cover the body; in safe mode only msg_signature does.
            raise SignatureError(
                "a plaintext callback, but the channel runs in safe mode (WECHAT_ENCODING_AES_KEY "
                "set): a forged body, or the platform is set to plaintext mode"
            )
        return parse_message(body)

    async def _answer(
        self,
        message: InboundMessage,
        handle: OnNewMessage,
        started: float,
        hung_up: asyncio.Event,
        conversations: RasaConversations,
    ) -> str | None:
        """The passive reply XML to ``message``, or ``None`` for ``success``.

        The answer is pushed instead when Rasa misses the deadline, or WeChat hung up meanwhile.
        """
        store, client, care = await self._open()
        openid, key = message.from_user, message.dedup_key
        if not await asyncio.to_thread(store.claim_delivery, key, openid, self._clock()):
            logger.info("WeChat delivery repeated, answered once already: %s", key)
            return None
        settled = await care.settle(message, conversations)
        if settled is not None:
            await asyncio.to_thread(store.record_outcome, key, settled.outcome)
            return settled.reply
        offered = (
            await asyncio.to_thread(store.offered, openid)
            if isinstance(message, TextMessage)
            else []
        )
        turn = turn_for(message, offered, self._menu)
        if isinstance(turn, NoAnswer):
            await asyncio.to_thread(store.record_outcome, key, "none")
            return None
        if isinstance(turn, AnswerHere):
            await asyncio.to_thread(store.record_outcome, key, "passive")
            return reply_to(message, turn.text, int(self._clock()))
        asked = asyncio.ensure_future(self._ask(handle, message, turn, store))
        remaining = self._passive_seconds - (time.monotonic() - started)
        try:
            answer = await asyncio.wait_for(asyncio.shield(asked), max(remaining, 0.0))
        except asyncio.TimeoutError:
            logger.info("Rasa slower than %.1f s for %s: answer pushed", self._passive_seconds, key)
            self._spawn(self._push(asked, message, store, client))
            return None
        except Exception:
            logger.exception("Rasa failed on WeChat message %s", key)
            await asyncio.to_thread(store.record_outcome, key, "failed")
            return None
        if hung_up.is_set():
            logger.info("WeChat hung up before the answer to %s: answer pushed", key)
            await self._push_text(client, store, message, answer.text)
            return None
        pieces = split_text(answer.text, MAX_TEXT_BYTES)
        if not pieces:
            await asyncio.to_thread(store.record_outcome, key, "none")
            return None
        if len(pieces) > 1:  # the first passively, the rest pushed
            self._spawn(self._push_text(client, store, message, "\n".join(pieces[1:])))
        else:
            await asyncio.to_thread(store.record_outcome, key, "passive")
        return reply_to(message, pieces[0], int(self._clock()))

    async def _ask(
        self, handle: OnNewMessage, message: InboundMessage, turn: ToBot, store: WeChatStore
    ) -> Answer:
        """Rasa's answer to ``turn``; the buttons it offers are remembered for the customer."""
        collector = CollectingOutputChannel()
        await handle(
            UserMessage(
                turn.text,
                collector,
                message.from_user,
                input_channel=self.name(),
                message_id=message.msg_id,
                metadata={"button": turn.button, "wechat": {"msg_type": message.msg_type}},
            )
        )
        answer = compose(collector.messages)
        await asyncio.to_thread(
            store.offer_buttons, message.from_user, answer.buttons, self._clock()
        )
        return answer

    async def _push(
        self,
        asked: asyncio.Future[Answer],
        message: InboundMessage,
        store: WeChatStore,
        client: WeChatClient,
    ) -> None:
        try:
            answer = await asked
        except Exception:
            logger.exception("Rasa failed on WeChat message %s", message.dedup_key)
            await asyncio.to_thread(store.record_outcome, message.dedup_key, "failed")
            return
        await self._push_text(client, store, message, answer.text)

    async def _push_text(
        self, client: WeChatClient, store: WeChatStore, message: InboundMessage, text: str
    ) -> None:
        """Push ``text`` and record how it went on the delivery (45015, 45047, ...)."""
        if not text.strip():
            await asyncio.to_thread(store.record_outcome, message.dedup_key, "none")
            return
        result = await client.send_text(message.from_user, text)
        await asyncio.to_thread(store.record_outcome, message.dedup_key, result.outcome.value)
