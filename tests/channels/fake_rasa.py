"""A fake of Rasa's REST channel, and the chat app in front of it, for the chat page tests."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer, unused_port

from bot.channels.webchat import create_app
from bot.settings import load_settings

TEST_COOKIE_SECRET = "test-cookie-secret-not-for-production"
BUTTON_PAYLOAD = '/inform{"product":"KN-CI-2024"}'
REPLIES = [
    {"recipient_id": "tab-1", "text": "原位癌不属于重度恶性肿瘤。\n请以合同条款为准。"},
    {
        "recipient_id": "tab-1",
        "text": "您问的是哪款产品？",
        "buttons": [{"title": "康宁重疾", "payload": BUTTON_PAYLOAD}],
    },
]


class FakeRasa:
    """Rasa's REST webhook: records what it receives, answers what the test sets."""

    def __init__(self) -> None:
        self.received: list[Any] = []
        self.replies: Any = REPLIES
        self.status = 200
        self.raw_body: bytes | None = None
        self.delay = 0.0
        self.port = 0

    async def webhook(self, request: web.Request) -> web.Response:
        self.received.append(await request.json())
        await asyncio.sleep(self.delay)
        if self.raw_body is not None:
            return web.Response(status=self.status, body=self.raw_body)
        return web.json_response(self.replies, status=self.status)

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/webhooks/rest/webhook", self.webhook)
        return app


@asynccontextmanager
async def webchat(rasa_port: int, **options: Any) -> AsyncIterator[TestClient]:
    """The chat app in front of Rasa on ``rasa_port``, signing cookies with the test secret
    unless ``options`` say otherwise."""
    options.setdefault("cookie_secret", TEST_COOKIE_SECRET)
    settings = load_settings(
        {**os.environ, "RASA_PORT": str(rasa_port), "DESK_PORT": str(unused_port())}
    )
    client = TestClient(TestServer(create_app(settings, **options), host="127.0.0.1"))
    await client.start_server()
    try:
        yield client
    finally:
        await client.close()
