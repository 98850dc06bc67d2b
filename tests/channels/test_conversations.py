"""Who owns a web chat conversation: the signed cookie, and the buttons the bot offered it."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from bot.channels.conversations import ConversationCookies, OfferedButtons
from bot.channels.webchat import CONVERSATION_COOKIE
from tests.channels.fake_rasa import BUTTON_PAYLOAD, TEST_COOKIE_SECRET, FakeRasa, webchat


async def say(client: TestClient, message: str, **extra: Any) -> list[dict[str, Any]]:
    response = await client.post("/chat/messages", json={"message": message, **extra})
    assert response.status == 200
    replies: list[dict[str, Any]] = await response.json()
    return replies


def senders(rasa: FakeRasa) -> list[str]:
    return [received["sender"] for received in rasa.received]


def cookie_of(client: TestClient) -> str:
    [cookie] = [c for c in client.session.cookie_jar if c.key == CONVERSATION_COOKIE]
    return cookie.value


async def test_the_page_hands_out_an_httponly_strict_session_cookie_for_chat_only(
    client: TestClient,
) -> None:
    response = await client.get("/chat")
    cookie = response.cookies[CONVERSATION_COOKIE]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Strict"
    assert cookie["path"] == "/chat"
    assert not cookie["max-age"] and not cookie["expires"], "ends with the browser session"

    again = await client.get("/chat")
    assert CONVERSATION_COOKIE not in again.cookies, "a valid cookie is kept, not replaced"


async def test_one_cookie_one_conversation_and_another_browser_another(
    client: TestClient, rasa: FakeRasa
) -> None:
    await client.get("/chat")
    await say(client, "你好")
    await say(client, "原位癌算重疾吗")
    async with webchat(rasa.port) as other_browser:
        await say(other_browser, "你好")
    first, second, other = senders(rasa)
    assert first == second != other


async def test_a_message_without_a_cookie_starts_a_conversation_and_keeps_it(
    client: TestClient, rasa: FakeRasa
) -> None:
    await say(client, "你好")
    await say(client, "在吗")
    first, again = senders(rasa)
    assert first == again


async def test_a_sender_in_the_body_is_ignored(client: TestClient, rasa: FakeRasa) -> None:
    async with webchat(rasa.port) as victim:
        await say(victim, "我的保单号是 P-2024-0001")
    victim_id = senders(rasa)[0]

    await say(client, "把上面的话再说一遍", sender=victim_id)
    assert senders(rasa)[1] != victim_id


@pytest.mark.parametrize(
    "forge",
    [
        pytest.param(
            lambda victim, own: victim.split(".")[0] + "." + own.split(".")[1],
            id="own-mac-on-victim-id",
        ),
        pytest.param(
            lambda victim, own: victim[:-1] + ("B" if victim.endswith("A") else "A"),
            id="tampered-mac",
        ),
        pytest.param(
            lambda victim, own: ConversationCookies(b"another key").sign(victim.split(".")[0]),
            id="signed-with-another-key",
        ),
        pytest.param(lambda victim, own: victim.split(".")[0], id="id-without-mac"),
        pytest.param(lambda victim, own: "garbage", id="garbage"),
    ],
)
async def test_a_forged_or_tampered_cookie_gets_a_new_conversation(
    client: TestClient, rasa: FakeRasa, forge: Any
) -> None:
    async with webchat(rasa.port) as victim:
        await say(victim, "我的保单号是 P-2024-0001")
        victim_cookie = cookie_of(victim)
    await client.get("/chat")
    forged = forge(victim_cookie, cookie_of(client))
    assert forged != victim_cookie

    response = await client.post(
        "/chat/messages", json={"message": "上面说了什么"}, cookies={CONVERSATION_COOKIE: forged}
    )
    assert response.status == 200
    victim_id, intruder_id = senders(rasa)
    assert intruder_id != victim_id
    assert response.cookies[CONVERSATION_COOKIE].value.startswith(intruder_id + ".")


async def test_conversations_survive_a_restart_with_the_same_secret_only(rasa: FakeRasa) -> None:
    async with webchat(rasa.port) as before:
        await say(before, "你好")
        cookie = {CONVERSATION_COOKIE: cookie_of(before)}
    async with webchat(rasa.port) as restarted:
        await restarted.post("/chat/messages", json={"message": "在吗"}, cookies=cookie)
    async with webchat(rasa.port, cookie_secret="a different secret") as rekeyed:
        await rekeyed.post("/chat/messages", json={"message": "在吗"}, cookies=cookie)
    first, after_restart, after_rekey = senders(rasa)
    assert first == after_restart != after_rekey


async def test_the_secret_comes_from_the_environment(
    rasa: FakeRasa, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MINGBAO_COOKIE_SECRET", TEST_COOKIE_SECRET)
    async with webchat(rasa.port, cookie_secret=None) as from_environment:
        await say(from_environment, "你好")
        cookie = {CONVERSATION_COOKIE: cookie_of(from_environment)}
    async with webchat(rasa.port) as given_the_same_secret:
        await given_the_same_secret.post("/chat/messages", json={"message": "在吗"}, cookies=cookie)
    first, again = senders(rasa)
    assert first == again


async def test_without_a_secret_each_process_signs_with_its_own_key_and_warns(
    rasa: FakeRasa, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delenv("MINGBAO_COOKIE_SECRET", raising=False)
    with caplog.at_level(logging.WARNING, logger="bot.channels.webchat"):
        async with webchat(rasa.port, cookie_secret=None) as before:
            await say(before, "你好")
            cookie = {CONVERSATION_COOKIE: cookie_of(before)}
        async with webchat(rasa.port, cookie_secret=None) as restarted:
            await restarted.post("/chat/messages", json={"message": "在吗"}, cookies=cookie)
    first, after_restart = senders(rasa)
    assert first != after_restart
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 2
    assert all("MINGBAO_COOKIE_SECRET" in w and "restart" in w for w in warnings)


async def test_an_offered_button_reaches_rasa_as_a_button(
    client: TestClient, rasa: FakeRasa
) -> None:
    await say(client, "原位癌算重疾吗")  # the fake answers with a 康宁重疾 button
    await say(client, BUTTON_PAYLOAD, button=True)
    clicked = rasa.received[1]
    assert (clicked["message"], clicked["button"]) == (BUTTON_PAYLOAD, True)


async def test_a_button_the_bot_never_offered_is_typed_text(
    client: TestClient, rasa: FakeRasa
) -> None:
    await say(client, "原位癌算重疾吗")
    await say(client, "/restart", button=True)
    assert rasa.received[1]["message"] == "／restart"
    assert "button" not in rasa.received[1]


async def test_a_button_offered_to_another_conversation_is_typed_text(
    client: TestClient, rasa: FakeRasa
) -> None:
    async with webchat(rasa.port) as other_browser:
        await say(other_browser, "原位癌算重疾吗")
    await say(client, BUTTON_PAYLOAD, button=True)
    assert rasa.received[1]["message"] == "／" + BUTTON_PAYLOAD[1:]


async def test_only_the_buttons_of_the_latest_replies_count(
    client: TestClient, rasa: FakeRasa
) -> None:
    await say(client, "原位癌算重疾吗")
    rasa.replies = [{"text": "好的。"}]
    await say(client, "谢谢")
    await say(client, BUTTON_PAYLOAD, button=True)
    assert rasa.received[2]["message"] == "／" + BUTTON_PAYLOAD[1:]


def test_offered_buttons_forget_the_longest_waiting_conversation_first() -> None:
    offered = OfferedButtons(max_conversations=2)
    with_button = [{"text": "哪款产品？", "buttons": [{"title": "康宁重疾", "payload": "/a"}]}]
    for conversation in ("web-1", "web-2", "web-3"):
        offered.remember(conversation, with_button)
    assert not offered.offered("web-1", "/a")
    assert offered.offered("web-2", "/a") and offered.offered("web-3", "/a")


def test_offered_buttons_skip_malformed_buttons() -> None:
    offered = OfferedButtons()
    offered.remember(
        "web-1",
        [
            {"text": "x", "buttons": "not a list"},
            {"buttons": [None, {"title": "no payload"}, {"payload": 7}, {"payload": "/ok"}]},
        ],
    )
    assert offered.offered("web-1", "/ok")
    assert not offered.offered("web-1", "7")
