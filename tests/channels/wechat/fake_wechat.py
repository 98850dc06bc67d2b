"""A local fake of WeChat's servers (aiohttp, loopback), for the client and the channel's tests.

* ``GET /cgi-bin/token``: issues ``token-1``, ``token-2``, ... to the right AppID and secret;
  :meth:`FakeWeChat.expire_tokens` makes every issued token expired (42001 on use).
* ``POST /cgi-bin/message/custom/send``: records each message (its raw bytes too, to check the
  encoding) and answers 0, or the next errcode queued with :meth:`FakeWeChat.fail_next`.
* :meth:`FakeWeChat.deliver`: posts a message to a callback URL as WeChat does — signed, in safe
  mode encrypted with ``msg_signature`` — and delivers it again when no answer comes within the
  timeout, at most three deliveries in all (5 s each in WeChat; tests pass less).
"""

from __future__ import annotations

import asyncio
import json
import secrets
import time
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.channels.wechat.api import CUSTOM_SEND_PATH, TOKEN_PATH
from bot.channels.wechat.crypto import WeChatCrypto, sign
from bot.channels.wechat.messages import parse_envelope
from bot.channels.wechat.replies import ACK_BODY, cdata

APP_ID = "wx5823bf96d3bd56c7"
APP_SECRET = "fake-app-secret"
CALLBACK_TOKEN = "mingbao-callback-token"
ENCODING_AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
ACCOUNT = "gh_mingbao0001"
OPENID = "oMingBaoCustomer000000000001"


@dataclass
class Attempt:
    """One delivery: the HTTP status and body, or ``None`` for both when it timed out."""

    status: int | None
    body: str | None


@dataclass
class Delivery:
    """What happened to a message WeChat delivered: each attempt, and the reply it took."""

    attempts: list[Attempt] = field(default_factory=list)
    reply: str | None = None  # the decrypted reply XML, or ACK_BODY / "" as sent


def text_xml(content: str, msg_id: int, openid: str = OPENID, create_time: int = 0) -> str:
    """A customer's text message as WeChat posts it."""
    return (
        f"<xml><ToUserName>{cdata(ACCOUNT)}</ToUserName><FromUserName>{cdata(openid)}</FromUserName>"
        f"<CreateTime>{create_time or int(time.time())}</CreateTime><MsgType>{cdata('text')}</MsgType>"
        f"<Content>{cdata(content)}</Content><MsgId>{msg_id}</MsgId></xml>"
    )


def event_xml(
    event: str, key: str | None = None, openid: str = OPENID, create_time: int = 0, **fields: str
) -> str:
    """An event (``subscribe``, ``CLICK``, ``kf_create_session`` with ``KfAccount``, ...) as
    WeChat posts it."""
    key_xml = "" if key is None else f"<EventKey>{cdata(key)}</EventKey>"
    extra = "".join(f"<{name}>{cdata(value)}</{name}>" for name, value in fields.items())
    return (
        f"<xml><ToUserName>{cdata(ACCOUNT)}</ToUserName><FromUserName>{cdata(openid)}</FromUserName>"
        f"<CreateTime>{create_time or int(time.time())}</CreateTime><MsgType>{cdata('event')}</MsgType>"
        f"<Event>{cdata(event)}</Event>{key_xml}{extra}</xml>"
    )


def message_xml(msg_type: str, msg_id: int, openid: str = OPENID, **fields: str) -> str:
    """Any other message (``voice``, ``image``, ...) with the given fields."""
    extra = "".join(f"<{name}>{cdata(value)}</{name}>" for name, value in fields.items())
    return (
        f"<xml><ToUserName>{cdata(ACCOUNT)}</ToUserName><FromUserName>{cdata(openid)}</FromUserName>"
        f"<CreateTime>{int(time.time())}</CreateTime><MsgType>{cdata(msg_type)}</MsgType>"
        f"{extra}<MsgId>{msg_id}</MsgId></xml>"
    )


class FakeWeChat:
    """WeChat's API and callback sender for one Official Account.

    Args:
        safe_mode: Deliver messages encrypted (``encrypt_type=aes``) and expect sealed replies.
        expires_in: The ``expires_in`` of each token issued.
    """

    def __init__(self, *, safe_mode: bool = True, expires_in: int = 7200) -> None:
        self.safe_mode = safe_mode
        self.expires_in = expires_in
        self.crypto = WeChatCrypto(CALLBACK_TOKEN, ENCODING_AES_KEY, APP_ID)
        self.issued: list[str] = []
        self.expired: set[str] = set()
        self.sent: list[dict[str, Any]] = []
        self.raw_sent: list[bytes] = []
        self.send_calls: list[str] = []  # the access_token of every send, accepted or not
        self._errors: list[int] = []
        self._server: TestServer | None = None
        self.api_base = ""  # set by start()

    # The API.

    def fail_next(self, *errcodes: int) -> None:
        """Answer the next sends with these errcodes, one each (0: accept), then accept."""
        self._errors.extend(errcodes)

    def expire_tokens(self) -> None:
        """Every token issued so far is expired: using it gets 42001."""
        self.expired.update(self.issued)

    async def _token(self, request: web.Request) -> web.Response:
        query = request.query
        if query.get("grant_type") != "client_credential" or query.get("appid") != APP_ID:
            return web.json_response({"errcode": 40013, "errmsg": "invalid appid"})
        if query.get("secret") != APP_SECRET:
            return web.json_response({"errcode": 40125, "errmsg": "invalid appsecret"})
        token = f"token-{len(self.issued) + 1}"
        self.issued.append(token)
        return web.json_response({"access_token": token, "expires_in": self.expires_in})

    async def _send(self, request: web.Request) -> web.Response:
        token = request.query.get("access_token", "")
        self.send_calls.append(token)
        if token in self.expired:
            return web.json_response({"errcode": 42001, "errmsg": "access_token expired"})
        if token not in self.issued:
            return web.json_response({"errcode": 40001, "errmsg": "invalid credential"})
        code = self._errors.pop(0) if self._errors else 0
        if code:
            return web.json_response({"errcode": code, "errmsg": f"fake error {code}"})
        raw = await request.read()
        self.raw_sent.append(raw)
        self.sent.append(json.loads(raw.decode("utf-8")))
        return web.json_response({"errcode": 0, "errmsg": "ok"})

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get(TOKEN_PATH, self._token)
        app.router.add_post(CUSTOM_SEND_PATH, self._send)
        return app

    async def start(self) -> str:
        """Serve the API on a free loopback port; its base URL (``WECHAT_API_BASE``)."""
        self._server = TestServer(self.app(), host="127.0.0.1")
        await self._server.start_server()
        self.api_base = f"http://127.0.0.1:{self._server.port}"
        return self.api_base

    async def close(self) -> None:
        if self._server is not None:
            await self._server.close()

    def texts_to(self, openid: str = OPENID) -> list[str]:
        """The texts pushed to ``openid``, in order."""
        return [m["text"]["content"] for m in self.sent if m["touser"] == openid]

    # The callback sender.

    def signed_request(
        self, xml: str, timestamp: str | None = None, openid: str = OPENID
    ) -> tuple[dict[str, str], str]:
        """The query and body WeChat posts for ``xml``: signed, and sealed in safe mode."""
        timestamp = timestamp or str(int(time.time()))
        nonce = str(secrets.randbelow(10**10))
        query = {
            "signature": sign(CALLBACK_TOKEN, timestamp, nonce),
            "timestamp": timestamp,
            "nonce": nonce,
            "openid": openid,
        }
        if not self.safe_mode:
            return query, xml
        encrypt = self.crypto.encrypt(xml)
        query |= {
            "encrypt_type": "aes",
            "msg_signature": self.crypto.msg_signature(timestamp, nonce, encrypt),
        }
        body = f"<xml><ToUserName>{cdata(ACCOUNT)}</ToUserName><Encrypt>{cdata(encrypt)}</Encrypt></xml>"
        return query, body

    def open_reply(self, body: str, query: dict[str, str]) -> str:
        """The reply XML in a response body (checked and decrypted in safe mode), or ``success``."""
        if body in (ACK_BODY, "") or not self.safe_mode:
            return body
        envelope = parse_envelope(body)
        fields = envelope.fields
        assert fields["TimeStamp"] == query["timestamp"] and fields["Nonce"] == query["nonce"]
        return self.crypto.decrypt(
            envelope.encrypt, fields["MsgSignature"], fields["TimeStamp"], fields["Nonce"]
        )

    async def deliver(
        self, url: str, xml: str, *, timeout: float = 5.0, deliveries: int = 3
    ) -> Delivery:
        """Post ``xml`` as WeChat does, again after each ``timeout`` without an answer.

        Each delivery is signed afresh (whether WeChat's retries carry a new nonce is not
        documented; the channel checks each on its own either way).
        """
        done = Delivery()
        async with aiohttp.ClientSession() as session:
            for _ in range(deliveries):
                query, body = self.signed_request(xml)
                try:
                    async with session.post(
                        url,
                        params=query,
                        data=body.encode("utf-8"),
                        timeout=aiohttp.ClientTimeout(total=timeout),
                    ) as response:
                        text = await response.text()
                        done.attempts.append(Attempt(response.status, text))
                except (asyncio.TimeoutError, aiohttp.ClientError):
                    done.attempts.append(Attempt(None, None))
                    continue
                if response.status == 200:
                    done.reply = self.open_reply(text, query)
                return done
        return done
