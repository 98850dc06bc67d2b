"""The web chat page over real HTTP on loopback, against a fake Rasa REST channel."""

from __future__ import annotations

import asyncio
import re
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, unused_port

from bot.channels.webchat import RASA_SESSION
from tests.channels.fake_rasa import REPLIES, FakeRasa, webchat


async def post_json(client: TestClient, payload: object) -> tuple[int, Any]:
    response = await client.post("/chat/messages", json=payload)
    return response.status, await response.json()


async def test_root_redirects_to_the_chat_page(client: TestClient) -> None:
    response = await client.get("/", allow_redirects=False)
    assert response.status == 302
    assert response.headers["Location"] == "/chat"


async def test_chat_page_serves_the_input_box_and_its_script(client: TestClient) -> None:
    response = await client.get("/chat")
    assert response.status == 200
    assert response.content_type == "text/html"
    page = await response.text()
    assert '<html lang="zh-CN">' in page
    assert '<input id="message-input"' in page
    assert 'id="messages"' in page
    script = await client.get("/chat/static/chat.js")
    assert script.status == 200
    code = await script.text()
    assert 'fetch("/chat/messages"' in code
    assert "sessionStorage" in code
    assert "textContent" in code
    assert "innerHTML" not in code


async def test_page_loads_nothing_from_outside(client: TestClient) -> None:
    page = await client.get("/chat")
    assert "default-src 'self'" in page.headers["Content-Security-Policy"]
    for path in ("/chat", "/chat/static/chat.js", "/chat/static/chat.css"):
        response = await client.get(path)
        assert response.status == 200, path
        text = await response.text()
        assert not re.search(r"https?://|[\"'(]//|@import", text), path
        for reference in re.findall(r'(?:src|href)="([^"]+)"', text):
            assert reference.startswith("/chat/static/"), reference
            assert (await client.get(reference)).status == 200, reference


async def test_message_is_forwarded_and_the_replies_returned(
    client: TestClient, rasa: FakeRasa
) -> None:
    status, replies = await post_json(client, {"sender": "tab-1", "message": "原位癌算重疾吗？"})
    assert status == 200
    assert replies == REPLIES
    assert rasa.received == [{"sender": "tab-1", "message": "原位癌算重疾吗？"}]


async def test_empty_reply_list_while_a_person_has_taken_over(
    client: TestClient, rasa: FakeRasa
) -> None:
    rasa.replies = []
    status, replies = await post_json(client, {"sender": "tab-1", "message": "还在吗"})
    assert (status, replies) == (200, [])
    assert len(rasa.received) == 1


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        pytest.param(b"hello", "application/json", 400, id="not-json"),
        pytest.param(b"\xff\xfe{", "application/json", 400, id="not-utf8"),
        pytest.param(b"", "application/json", 400, id="empty-body"),
        pytest.param(b'["tab-1", "hi"]', "application/json", 400, id="not-an-object"),
        pytest.param(b'{"message": "hi"}', "application/json", 400, id="sender-missing"),
        pytest.param(b'{"sender": "tab-1"}', "application/json", 400, id="message-missing"),
        pytest.param(
            b'{"sender": "", "message": "hi"}', "application/json", 400, id="sender-empty"
        ),
        pytest.param(
            b'{"sender": "tab-1", "message": ""}', "application/json", 400, id="message-empty"
        ),
        pytest.param(
            b'{"sender": "tab-1", "message": " \\n "}', "application/json", 400, id="message-blank"
        ),
        pytest.param(
            b'{"sender": "tab-1", "message": 42}', "application/json", 400, id="message-number"
        ),
        pytest.param(
            b'{"sender": "tab-1", "message": null}', "application/json", 400, id="message-null"
        ),
        pytest.param(
            b'{"sender": ["tab-1"], "message": "hi"}', "application/json", 400, id="sender-list"
        ),
        pytest.param(
            b'{"sender": "tab 1", "message": "hi"}', "application/json", 400, id="sender-space"
        ),
        pytest.param(
            b'{"sender": "../admin", "message": "hi"}', "application/json", 400, id="sender-path"
        ),
        pytest.param(
            b'{"sender": "tab-1\\n", "message": "hi"}', "application/json", 400, id="sender-newline"
        ),
        pytest.param(
            b'{"sender": "' + b"a" * 65 + b'", "message": "hi"}',
            "application/json",
            400,
            id="sender-65-chars",
        ),
        pytest.param(
            b'{"sender": "tab-1", "message": "hi"}', "text/plain", 415, id="not-json-content-type"
        ),
        pytest.param(
            b'{"sender": "tab-1", "message": "hi", "padding": "' + b"x" * (16 * 1024) + b'"}',
            "application/json",
            413,
            id="body-over-16KB",
        ),
    ],
)
async def test_bad_input_is_refused_and_never_forwarded(
    client: TestClient, rasa: FakeRasa, body: bytes, content_type: str, status: int
) -> None:
    response = await client.post(
        "/chat/messages", data=body, headers={"Content-Type": content_type}
    )
    assert response.status == status
    error = (await response.json())["error"]
    assert isinstance(error, str)
    assert re.search(r"[\u4e00-\u9fff]", error), "the error says it in Chinese"
    assert re.search(r"[a-z]{3}", error), "and in English"
    assert rasa.received == []


async def test_message_of_2000_characters_is_forwarded_and_2001_refused(
    client: TestClient, rasa: FakeRasa
) -> None:
    status, _ = await post_json(client, {"sender": "tab-1", "message": "保" * 2000})
    assert status == 200
    status, body = await post_json(client, {"sender": "tab-1", "message": "保" * 2001})
    assert status == 400
    assert "2000" in body["error"]
    assert [len(received["message"]) for received in rasa.received] == [2000]


async def test_sender_of_64_allowed_characters_is_forwarded(
    client: TestClient, rasa: FakeRasa
) -> None:
    sender = "web-" + "A_z-9" * 12
    assert len(sender) == 64
    status, _ = await post_json(client, {"sender": sender, "message": "你好"})
    assert status == 200
    assert rasa.received == [{"sender": sender, "message": "你好"}]


def assert_not_reachable(status: int, body: Any) -> None:
    assert status == 502
    assert set(body) == {"error"}
    assert "助手" in body["error"]
    assert "not reachable" in body["error"]
    assert "Traceback" not in body["error"]


async def test_rasa_down_gives_502() -> None:
    async with webchat(unused_port()) as client:
        status, body = await post_json(client, {"sender": "tab-1", "message": "你好"})
    assert_not_reachable(status, body)


@pytest.mark.parametrize(
    ("status", "raw_body"),
    [
        pytest.param(500, b"Internal Server Error", id="http-500"),
        pytest.param(503, b"[]", id="http-503-with-a-list"),
        pytest.param(200, b"<html>not json</html>", id="not-json"),
        pytest.param(200, b'{"text": "not a list"}', id="not-a-list"),
    ],
)
async def test_rasa_error_gives_502(
    client: TestClient, rasa: FakeRasa, status: int, raw_body: bytes
) -> None:
    rasa.status, rasa.raw_body = status, raw_body
    status, body = await post_json(client, {"sender": "tab-1", "message": "你好"})
    assert_not_reachable(status, body)
    assert len(rasa.received) == 1


async def test_rasa_too_slow_gives_502(rasa: FakeRasa) -> None:
    rasa.delay = 5.0
    async with webchat(rasa.port, rasa_timeout=0.2) as client:
        started = asyncio.get_running_loop().time()
        status, body = await post_json(client, {"sender": "tab-1", "message": "你好"})
        elapsed = asyncio.get_running_loop().time() - started
    assert_not_reachable(status, body)
    assert elapsed < 3.0


async def test_one_rasa_session_shared_and_closed_on_shutdown(rasa: FakeRasa) -> None:
    async with webchat(rasa.port) as client:
        app = client.server.app
        assert app is not None
        session = app[RASA_SESSION]
        for text in ("一", "二"):
            status, _ = await post_json(client, {"sender": "tab-1", "message": text})
            assert status == 200
        assert app[RASA_SESSION] is session
        assert not session.closed
    assert session.closed
