"""Rasa's REST channel as credentials.yml configures it, served by Sanic on loopback.

The channel is registered on a Sanic app by Rasa's own ``register``, as ``rasa run`` does; only
the agent behind it is a fake that records what it is handed.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import unused_port
from rasa.core.channels.channel import UserMessage, register
from sanic import Sanic

from bot.channels.rest import LimitedRestInput
from bot.channels.socket_io import LimitedSocketIOInput
from bot.settings import PROJECT_ROOT

# Rasa's REST channel is served on loopback.
pytestmark = pytest.mark.integration

ANSWER = "您好，请问有什么可以帮您？"


class FakeAgent:
    """Stands in for Rasa's agent: records each message and answers it."""

    def __init__(self) -> None:
        self.handled: list[UserMessage] = []

    async def handle_message(self, message: UserMessage) -> None:
        self.handled.append(message)
        await message.output_channel.send_text_message(message.sender_id, ANSWER)


@pytest.fixture
def agent() -> FakeAgent:
    return FakeAgent()


@pytest.fixture
async def webhook(agent: FakeAgent, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[str]:
    # Sanic rewrites its own methods the first time a server starts in a process and fails the
    # second time, unless in test mode (as Sanic's own test client sets it).
    monkeypatch.setattr(Sanic, "test_mode", True)
    app = Sanic(f"mingbao-rest-{uuid.uuid4().hex}")
    app.ctx.agent = agent
    register([LimitedRestInput.from_credentials(None)], app, "/webhooks/")
    port = unused_port()
    server = await app.create_server(
        host="127.0.0.1", port=port, return_asyncio_server=True, access_log=False
    )
    assert server is not None
    await server.startup()
    await server.before_start()
    await server.after_start()
    try:
        yield f"http://127.0.0.1:{port}/webhooks/rest/webhook"
    finally:
        await server.before_stop()
        server.close()
        await server.wait_closed()
        await server.after_stop()


async def post(url: str, body: bytes | dict[str, Any]) -> list[dict[str, Any]]:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    async with aiohttp.ClientSession() as session, session.post(url, data=data) as response:
        assert response.status == 200
        replies: list[dict[str, Any]] = await response.json()
        return replies


def test_credentials_yml_opens_the_limited_channel_under_the_rest_name() -> None:
    # Imported here: it loads TensorFlow, which only this test needs.
    from rasa.core.run import create_http_input_channels

    channels = create_http_input_channels(None, str(PROJECT_ROOT / "credentials.yml"))
    [rest] = [channel for channel in channels if channel.name() == "rest"]
    assert isinstance(rest, LimitedRestInput)
    assert rest.url_prefix() == "rest"
    [socket_io] = [channel for channel in channels if channel.name() == "socketio"]
    assert isinstance(socket_io, LimitedSocketIOInput)
    assert socket_io.session_persistence and socket_io.user_message_evt == "user_uttered"


async def test_a_message_is_handed_to_rasa_with_its_metadata(
    webhook: str, agent: FakeAgent
) -> None:
    replies = await post(
        webhook,
        {"sender": "web-1", "message": "等待期多久", "metadata": {"client": "127.0.0.1"}},
    )
    assert replies == [{"recipient_id": "web-1", "text": ANSWER}]
    [message] = agent.handled
    assert (message.sender_id, message.text) == ("web-1", "等待期多久")
    assert message.metadata == {"client": "127.0.0.1", "button": False}


@pytest.mark.parametrize(
    ("body", "reply"),
    [
        pytest.param(
            {"message": "保" * 2001}, "请分几条发送，每条不超过2000字", id="too-many-chars"
        ),
        pytest.param({"message": "  \n "}, "您好像发了一条空消息", id="blank"),
        pytest.param({"message": None}, "您好像发了一条空消息", id="null"),
        pytest.param({}, "您好像发了一条空消息", id="missing"),
        pytest.param(b'{"sender": "web-1", "message": "\\ud800"}', "无法识别", id="lone-surrogate"),
    ],
)
async def test_a_message_rasa_must_not_process_gets_a_polite_reply_instead(
    webhook: str, agent: FakeAgent, body: bytes | dict[str, Any], reply: str
) -> None:
    if isinstance(body, dict):
        body = {"sender": "web-1", **body}
    replies = await post(webhook, body)
    assert len(replies) == 1
    assert replies[0]["recipient_id"] == "web-1"
    assert reply in replies[0]["text"]
    assert agent.handled == []


async def test_a_lone_surrogate_inside_a_message_is_removed(webhook: str, agent: FakeAgent) -> None:
    await post(webhook, b'{"sender": "web-1", "message": "\\udfff\\u7b49\\u5f85\\u671f"}')
    assert [message.text for message in agent.handled] == ["等待期"]


async def test_typed_text_is_never_an_intent(webhook: str, agent: FakeAgent) -> None:
    for typed in ("/restart", " /complain", '/inform{"product":"KN-CI-2024"}'):
        await post(webhook, {"sender": "web-1", "message": typed, "button": "true"})
    assert [message.text for message in agent.handled] == [
        "／restart",
        "／complain",
        '／inform{"product":"KN-CI-2024"}',
    ]


async def test_a_button_payload_keeps_its_slash(webhook: str, agent: FakeAgent) -> None:
    payload = '/inform{"product":"KN-CI-2024"}'
    await post(webhook, {"sender": "web-1", "message": payload, "button": True})
    [message] = agent.handled
    assert message.text == payload
    assert message.metadata["button"] is True


async def test_the_limits_hold_for_streamed_answers_too(webhook: str, agent: FakeAgent) -> None:
    async with (
        aiohttp.ClientSession() as session,
        session.post(
            webhook + "?stream=true", json={"sender": "web-1", "message": "保" * 2001}
        ) as response,
    ):
        assert response.status == 200
        lines = [json.loads(line) for line in (await response.text()).splitlines()]
    assert [line["text"] for line in lines] == [
        "消息太长了，我一次读不完。请分几条发送，每条不超过2000字。"
    ]
    assert agent.handled == []
