"""The web chat page over real HTTP on loopback, against a fake Rasa REST channel."""

from __future__ import annotations

import asyncio
import re
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, unused_port

from bot.channels.webchat import RASA_SESSION
from tests.channels.fake_rasa import BUTTON_PAYLOAD, REPLIES, FakeRasa, webchat

CONVERSATION_ID = re.compile(r"web-[A-Za-z0-9_-]{32}")


async def post_json(client: TestClient, payload: object) -> tuple[int, Any]:
    response = await client.post("/chat/messages", json=payload)
    return response.status, await response.json()


def forwarded(rasa: FakeRasa) -> list[str]:
    return [received["message"] for received in rasa.received]


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
    assert "sender" not in code, "the conversation is the server's cookie, not the page's"
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


async def test_message_is_forwarded_with_its_conversation_and_address_and_replies_returned(
    client: TestClient, rasa: FakeRasa
) -> None:
    status, replies = await post_json(client, {"message": "原位癌算重疾吗？"})
    assert status == 200
    assert replies == REPLIES
    [received] = rasa.received
    assert CONVERSATION_ID.fullmatch(received.pop("sender"))
    assert received == {
        "message": "原位癌算重疾吗？",
        "metadata": {"client": "127.0.0.1", "channel": "web"},
    }


async def test_empty_reply_list_while_a_person_has_taken_over(
    client: TestClient, rasa: FakeRasa
) -> None:
    rasa.replies = []
    status, replies = await post_json(client, {"message": "还在吗"})
    assert (status, replies) == (200, [])
    assert len(rasa.received) == 1


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        pytest.param(b"hello", "application/json", 400, id="not-json"),
        pytest.param(b"\xff\xfe{", "application/json", 400, id="not-utf8"),
        pytest.param(b"", "application/json", 400, id="empty-body"),
        pytest.param(b'["tab-1", "hi"]', "application/json", 400, id="not-an-object"),
        pytest.param(b'{"sender": "tab-1"}', "application/json", 400, id="message-missing"),
        pytest.param(b'{"message": 42}', "application/json", 400, id="message-number"),
        pytest.param(b'{"message": null}', "application/json", 400, id="message-null"),
        pytest.param(b'{"message": ["hi"]}', "application/json", 400, id="message-list"),
        pytest.param(b'{"message": "hi"}', "text/plain", 415, id="not-json-content-type"),
        pytest.param(
            b'{"message": "hi", "padding": "' + b"x" * (16 * 1024) + b'"}',
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


async def test_message_of_2000_characters_is_forwarded_and_2001_answered_politely(
    client: TestClient, rasa: FakeRasa
) -> None:
    status, _ = await post_json(client, {"message": "保" * 2000})
    assert status == 200
    status, replies = await post_json(client, {"message": "保" * 2001})
    assert status == 200
    [reply] = replies
    assert reply["recipient_id"] == rasa.received[0]["sender"]
    assert reply["text"].startswith("消息太长了")
    assert "请分几条发送，每条不超过2000字" in reply["text"]
    assert [len(message) for message in forwarded(rasa)] == [2000]


@pytest.mark.parametrize(
    "message", ["", " ", " \n\t ", "\u3000"], ids=["empty", "space", "whitespace", "ideographic"]
)
async def test_a_blank_message_is_answered_politely_and_not_forwarded(
    client: TestClient, rasa: FakeRasa, message: str
) -> None:
    status, replies = await post_json(client, {"message": message})
    assert status == 200
    [reply] = replies
    assert CONVERSATION_ID.fullmatch(reply["recipient_id"])
    assert reply["text"].startswith("您好像发了一条空消息")
    assert rasa.received == []


async def test_control_characters_are_dropped_and_line_breaks_become_spaces(
    client: TestClient, rasa: FakeRasa
) -> None:
    status, _ = await post_json(client, {"message": "理赔\x00要什么\x07材料\r\n谢谢\t！\x7f"})
    assert status == 200
    assert forwarded(rasa) == ["理赔要什么材料  谢谢 ！"]


async def test_lone_surrogates_never_reach_rasa(client: TestClient, rasa: FakeRasa) -> None:
    response = await client.post(
        "/chat/messages",
        data='{"message": "\\ud800你好\\udfff"}'.encode(),
        headers={"Content-Type": "application/json"},
    )
    assert response.status == 200
    assert forwarded(rasa) == ["你好"]

    response = await client.post(
        "/chat/messages",
        data=b'{"message": "\\ud800"}',
        headers={"Content-Type": "application/json"},
    )
    assert response.status == 200
    [reply] = await response.json()
    assert "无法识别" in reply["text"]
    assert forwarded(rasa) == ["你好"]


@pytest.mark.parametrize(
    ("typed", "sent"),
    [
        pytest.param("/restart", "／restart", id="intent"),
        pytest.param("  /complain", "／complain", id="after-spaces"),
        pytest.param("\x00/restart", "／restart", id="after-a-control-character"),
        pytest.param(BUTTON_PAYLOAD, "／" + BUTTON_PAYLOAD[1:], id="a-payload-typed"),
        pytest.param("／restart", "／restart", id="full-width-already"),
        pytest.param("理赔/报案怎么做", "理赔/报案怎么做", id="slash-inside"),
    ],
)
async def test_typed_text_never_reaches_rasa_as_an_intent(
    client: TestClient, rasa: FakeRasa, typed: str, sent: str
) -> None:
    status, _ = await post_json(client, {"message": typed})
    assert status == 200
    assert forwarded(rasa) == [sent]
    assert "button" not in rasa.received[0]


def assert_not_reachable(status: int, body: Any) -> None:
    assert status == 502
    assert set(body) == {"error"}
    assert "助手" in body["error"]
    assert "not reachable" in body["error"]
    assert "Traceback" not in body["error"]


@pytest.mark.integration
async def test_rasa_down_gives_502() -> None:
    async with webchat(unused_port()) as client:
        status, body = await post_json(client, {"message": "你好"})
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
    status, body = await post_json(client, {"message": "你好"})
    assert_not_reachable(status, body)
    assert len(rasa.received) == 1


async def test_rasa_too_slow_gives_502(rasa: FakeRasa) -> None:
    rasa.delay = 5.0
    async with webchat(rasa.port, rasa_timeout=0.2) as client:
        started = asyncio.get_running_loop().time()
        status, body = await post_json(client, {"message": "你好"})
        elapsed = asyncio.get_running_loop().time() - started
    assert_not_reachable(status, body)
    assert elapsed < 3.0


async def test_one_rasa_session_shared_and_closed_on_shutdown(rasa: FakeRasa) -> None:
    async with webchat(rasa.port) as client:
        app = client.server.app
        assert app is not None
        session = app[RASA_SESSION]
        for text in ("一", "二"):
            status, _ = await post_json(client, {"message": text})
            assert status == 200
        assert app[RASA_SESSION] is session
        assert not session.closed
    assert session.closed
