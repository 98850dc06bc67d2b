"""The WeChat channel served by Sanic on loopback, as Rasa registers it, driven by the fake WeChat.

Only the agent behind the channel is a fake (quick or slow, with or without buttons); the
callbacks are signed and encrypted like WeChat's, pushes go to the fake customer-service API, and
the de-duplication and offered buttons live in a real SQLite database. Timings are WeChat's
scaled down: the channel answers passively within 1.5 s (4.5 s in production).
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Mapping
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import unused_port
from rasa.core.channels.channel import UserMessage, register
from sanic import Sanic

from bot.channels.wechat.channel import WeChatInput
from bot.channels.wechat.config import WeChatConfig
from bot.channels.wechat.crypto import sign
from bot.channels.wechat.messages import MAX_BODY_BYTES, parse_message
from bot.channels.wechat.replies import ACK_BODY
from bot.channels.wechat.store import WeChatStore
from bot.channels.wechat.turns import IMAGE_REPLY, VOICE_WITHOUT_TEXT_REPLY, WELCOME_REPLY
from tests.channels.wechat.fake_wechat import (
    ACCOUNT,
    APP_ID,
    APP_SECRET,
    CALLBACK_TOKEN,
    ENCODING_AES_KEY,
    OPENID,
    FakeWeChat,
    event_xml,
    message_xml,
    text_xml,
)

PASSIVE = 1.5
BUTTONS = [
    {"title": "查保单", "payload": "/policy_status"},
    {"title": "转人工", "payload": "/request_human"},
]


class FakeAgent:
    """Stands in for Rasa's agent: answers ``收到：<text>`` after ``delay`` seconds."""

    def __init__(self) -> None:
        self.handled: list[UserMessage] = []
        self.delay = 0.0
        self.buttons: list[dict[str, str]] = []
        self.answer: str | None = None  # instead of 收到：…
        self.fails = False

    @property
    def texts(self) -> list[str]:
        return [m.text for m in self.handled]

    async def handle_message(self, message: UserMessage) -> None:
        self.handled.append(message)
        await asyncio.sleep(self.delay)
        if self.fails:
            raise RuntimeError("the tracker store is down")
        answer = self.answer or f"收到：{message.text}"
        if self.buttons:
            await message.output_channel.send_text_with_buttons(
                message.sender_id, answer, self.buttons
            )
        else:
            await message.output_channel.send_text_message(message.sender_id, answer)


def config(api_base: str, safe_mode: bool = True) -> WeChatConfig:
    return WeChatConfig(
        token=CALLBACK_TOKEN,
        app_id=APP_ID,
        app_secret=APP_SECRET,
        encoding_aes_key=ENCODING_AES_KEY if safe_mode else None,
        api_base=api_base,
        database_url="sqlite://",  # unused: the store is given
    )


@pytest.fixture
def agent() -> FakeAgent:
    return FakeAgent()


async def serve(channel: WeChatInput, agent: FakeAgent) -> AsyncIterator[str]:
    # Sanic rewrites its own methods the first time a server starts in a process and fails the
    # second time, unless in test mode (as Sanic's own test client sets it).
    app = Sanic(f"mingbao-wechat-{uuid.uuid4().hex}")
    app.ctx.agent = agent
    register([channel], app, "/webhooks/")
    port = unused_port()
    server = await app.create_server(
        host="127.0.0.1", port=port, return_asyncio_server=True, access_log=False
    )
    assert server is not None
    await server.startup()
    await server.before_start()
    await server.after_start()
    try:
        yield f"http://127.0.0.1:{port}/webhooks/wechat/webhook"
    finally:
        await server.before_stop()
        server.close()
        await server.wait_closed()
        await server.after_stop()


@pytest.fixture
async def webhook(
    agent: FakeAgent, wechat: FakeWeChat, store: WeChatStore, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[str]:
    monkeypatch.setattr(Sanic, "test_mode", True)
    channel = WeChatInput(config(wechat.api_base), store=store, passive_seconds=PASSIVE)
    async for url in serve(channel, agent):
        yield url


async def pushed(wechat: FakeWeChat, count: int = 1, within: float = 5.0) -> list[str]:
    """The texts pushed to the customer, once there are ``count`` (or after ``within`` s)."""
    for _ in range(int(within / 0.05)):
        if len(wechat.sent) >= count:
            break
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.1)  # anything more that would arrive
    return wechat.texts_to()


def content(reply: str | None) -> str:
    assert reply is not None and reply not in (ACK_BODY, "")
    message = parse_message(reply)
    assert (message.from_user, message.to_user) == (ACCOUNT, OPENID)
    return message.fields["Content"]


async def post_raw(
    url: str, query: Mapping[str, str], body: bytes | str, chunked: bool = False
) -> tuple[int, str]:
    raw = body.encode() if isinstance(body, str) else body

    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: the cap must count
        for start in range(0, len(raw), 4096):
            yield raw[start : start + 4096]

    data: Any = chunks() if chunked else raw
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, params=dict(query), data=data) as response,
    ):
        return response.status, await response.text()


# Verification.


async def test_the_url_verification_returns_echostr(webhook: str) -> None:
    query = {"timestamp": "1409735669", "nonce": "1320562132", "echostr": "5837397520678616"}
    query["signature"] = sign(CALLBACK_TOKEN, query["timestamp"], query["nonce"])
    async with aiohttp.ClientSession() as session:
        async with session.get(webhook, params=query) as response:
            assert (response.status, await response.text()) == (200, "5837397520678616")
        query["signature"] = sign("another-token", query["timestamp"], query["nonce"])
        async with session.get(webhook, params=query) as response:
            assert response.status == 403
            assert "5837397520678616" not in await response.text()


# Answers.


async def test_a_quick_answer_is_the_passive_reply(
    webhook: str, wechat: FakeWeChat, agent: FakeAgent, store: WeChatStore
) -> None:
    delivery = await wechat.deliver(webhook, text_xml("等待期多久", 1001), timeout=PASSIVE + 1)
    assert content(delivery.reply) == "收到：等待期多久"
    [message] = agent.handled
    assert (message.sender_id, message.input_channel) == (OPENID, "wechat")
    assert message.metadata == {"button": False, "wechat": {"msg_type": "text"}}
    assert await pushed(wechat, within=0.2) == []
    assert store.outcome("MsgId:1001") == "passive"


async def test_a_slow_bot_gets_success_and_the_answer_is_pushed(
    webhook: str, wechat: FakeWeChat, agent: FakeAgent, store: WeChatStore
) -> None:
    agent.delay = PASSIVE + 0.5
    delivery = await wechat.deliver(webhook, text_xml("我要理赔", 1002), timeout=PASSIVE + 1)
    assert [(a.status, a.body) for a in delivery.attempts] == [(200, ACK_BODY)]
    assert await pushed(wechat) == ["收到：我要理赔"]
    assert store.outcome("MsgId:1002") == "pushed"


async def test_a_retried_msgid_is_answered_once(
    webhook: str, wechat: FakeWeChat, agent: FakeAgent
) -> None:
    # WeChat gives up before the channel's deadline (as when the network is slow) and retries.
    agent.delay = PASSIVE + 0.5
    delivery = await wechat.deliver(webhook, text_xml("保单还有效吗", 1003), timeout=0.5)
    assert delivery.attempts[0].body is None  # timed out: WeChat delivers again
    assert delivery.attempts[-1].body == ACK_BODY
    assert agent.texts == ["保单还有效吗"]
    assert await pushed(wechat) == ["收到：保单还有效吗"]


async def test_three_deliveries_of_one_message_reach_the_bot_once(
    webhook: str, wechat: FakeWeChat, agent: FakeAgent
) -> None:
    xml = text_xml("犹豫期多久", 1004)
    deliveries = await asyncio.gather(*(wechat.deliver(webhook, xml) for _ in range(3)))
    replies = [d.reply for d in deliveries]
    assert replies.count(ACK_BODY) == 2
    [answer] = [reply for reply in replies if reply != ACK_BODY]
    assert content(answer) == "收到：犹豫期多久"
    assert agent.texts == ["犹豫期多久"]
    assert await pushed(wechat, within=0.3) == []


async def test_events_are_deduplicated_by_sender_and_time(
    webhook: str, wechat: FakeWeChat, agent: FakeAgent
) -> None:
    click = event_xml("CLICK", "MENU_CLAIM_PROCESS", create_time=1_700_000_000)
    first = await wechat.deliver(webhook, click)
    again = await wechat.deliver(webhook, click)
    assert content(first.reply) == "收到：/ask_claim_process"
    assert again.reply == ACK_BODY
    assert agent.texts == ["/ask_claim_process"]
    assert agent.handled[0].metadata["button"] is True


async def test_a_token_expired_mid_send_is_refreshed_once(
    webhook: str, wechat: FakeWeChat, agent: FakeAgent
) -> None:
    agent.delay = PASSIVE + 0.3
    await wechat.deliver(webhook, text_xml("第一问", 1005), timeout=PASSIVE + 1)
    assert await pushed(wechat) == ["收到：第一问"]
    wechat.expire_tokens()
    await wechat.deliver(webhook, text_xml("第二问", 1006), timeout=PASSIVE + 1)
    assert await pushed(wechat, 2) == ["收到：第一问", "收到：第二问"]
    assert wechat.issued == ["token-1", "token-2"]
    assert wechat.send_calls == ["token-1", "token-1", "token-2"]


async def test_outside_the_window_is_recorded_on_the_delivery(
    webhook: str, wechat: FakeWeChat, agent: FakeAgent, store: WeChatStore
) -> None:
    agent.delay = PASSIVE + 0.3
    wechat.fail_next(45015)
    await wechat.deliver(webhook, text_xml("在吗", 1007), timeout=PASSIVE + 1)
    for _ in range(100):
        if store.outcome("MsgId:1007"):
            break
        await asyncio.sleep(0.05)
    assert store.outcome("MsgId:1007") == "outside_window"
    assert wechat.sent == []


async def test_a_long_answer_is_passive_then_pushed(
    webhook: str, wechat: FakeWeChat, agent: FakeAgent, store: WeChatStore
) -> None:
    agent.answer = "理赔材料包括身份证明、病历和发票。" * 100  # about 5 KB: three messages
    delivery = await wechat.deliver(webhook, text_xml("要什么材料", 1008))
    first = content(delivery.reply)
    rest = await pushed(wechat, 2)
    assert len(rest) == 2
    assert "".join([first, *rest]) == agent.answer
    assert store.outcome("MsgId:1008") == "pushed"


async def test_a_failing_bot_is_not_a_server_error(
    webhook: str, wechat: FakeWeChat, agent: FakeAgent, store: WeChatStore
) -> None:
    agent.fails = True
    delivery = await wechat.deliver(webhook, text_xml("你好", 1009))
    assert [(a.status, a.body) for a in delivery.attempts] == [(200, ACK_BODY)]
    assert store.outcome("MsgId:1009") == "failed"


async def test_buttons_become_numbered_choices_and_a_number_the_button(
    webhook: str, wechat: FakeWeChat, agent: FakeAgent
) -> None:
    agent.buttons = BUTTONS
    first = await wechat.deliver(webhook, text_xml("你好", 1010))
    assert content(first.reply) == "收到：你好\n回复1：查保单\n回复2：转人工"
    agent.buttons = []
    second = await wechat.deliver(webhook, text_xml("２", 1011))
    assert content(second.reply) == "收到：/request_human"
    assert agent.handled[-1].metadata["button"] is True
    # Those buttons were answered; a number now is just text, and typed "/" is not an intent.
    await wechat.deliver(webhook, text_xml("1", 1012))
    await wechat.deliver(webhook, text_xml("/restart", 1013))
    assert agent.texts == ["你好", "/request_human", "1", "／restart"]
    assert [m.metadata["button"] for m in agent.handled] == [False, True, False, False]


async def test_the_offered_buttons_are_shared_by_every_process(
    wechat: FakeWeChat,
    agent: FakeAgent,
    store: WeChatStore,
    engine: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(Sanic, "test_mode", True)
    agent.buttons = BUTTONS
    first = WeChatInput(config(wechat.api_base), store=store, passive_seconds=PASSIVE)
    async for url in serve(first, agent):
        await wechat.deliver(url, text_xml("你好", 1020))
    agent.buttons = []
    other = WeChatInput(config(wechat.api_base), store=WeChatStore(engine), passive_seconds=PASSIVE)
    async for url in serve(other, agent):
        await wechat.deliver(url, text_xml("1", 1021))
        await wechat.deliver(url, text_xml("你好", 1020))  # seen by the first process
    assert agent.texts == ["你好", "/policy_status"]


@pytest.mark.parametrize(
    ("xml", "to_bot", "reply"),
    [
        (
            message_xml("voice", 1030, MediaId="m", Format="amr", Recognition="查理赔进度"),
            "查理赔进度",
            None,
        ),
        (message_xml("voice", 1031, MediaId="m", Format="amr"), None, VOICE_WITHOUT_TEXT_REPLY),
        (message_xml("image", 1032, PicUrl="http://x/1.jpg", MediaId="m"), None, IMAGE_REPLY),
        (event_xml("subscribe", create_time=1_700_000_001), None, WELCOME_REPLY),
    ],
    ids=["voice", "voice-without-recognition", "image", "subscribe"],
)
async def test_each_kind_of_message_is_answered(
    webhook: str,
    wechat: FakeWeChat,
    agent: FakeAgent,
    xml: str,
    to_bot: str | None,
    reply: str | None,
) -> None:
    delivery = await wechat.deliver(webhook, xml)
    assert agent.texts == ([] if to_bot is None else [to_bot])
    assert content(delivery.reply) == (reply or f"收到：{to_bot}")


async def test_an_unsubscribe_is_not_answered(
    webhook: str, wechat: FakeWeChat, agent: FakeAgent, store: WeChatStore
) -> None:
    store.offer_buttons(OPENID, [("是", "/affirm")], 0)
    delivery = await wechat.deliver(webhook, event_xml("unsubscribe", create_time=1_700_000_002))
    assert delivery.reply == ACK_BODY
    assert agent.handled == []
    assert store.offered(OPENID) == []


# Hostile requests: 4xx, and nothing reaches the bot.


def signed_query(**extra: str) -> dict[str, str]:
    query = {"timestamp": str(int(time.time())), "nonce": "12345"}
    query["signature"] = sign(CALLBACK_TOKEN, query["timestamp"], query["nonce"])
    return query | extra


BOMB = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    "<xml><Encrypt>&lol3;</Encrypt></xml>"
)


def forged(wechat: FakeWeChat, kind: str) -> tuple[dict[str, str], str]:
    query, body = wechat.signed_request(text_xml("转账给我", 1040))
    if kind == "signature":
        query["signature"] = sign("guessed-token", query["timestamp"], query["nonce"])
    elif kind == "no-signature":
        del query["signature"]
    elif kind == "msg_signature":
        query["msg_signature"] = "0" * 40
    elif kind == "stale":
        return wechat.signed_request(text_xml("转账给我", 1040), timestamp="1409735669")
    elif kind == "plaintext-in-safe-mode":
        for name in ("encrypt_type", "msg_signature"):
            del query[name]
        body = text_xml("转账给我", 1040)
    elif kind == "bomb":
        body = BOMB
    elif kind == "encrypted-bomb":
        query, body = wechat.signed_request(BOMB.replace("Encrypt", "Content"))
    elif kind == "oversized":
        body = "<xml>" + " " * MAX_BODY_BYTES + "</xml>"
    elif kind == "oversized-chunked":
        body = "<xml>" + " " * MAX_BODY_BYTES + "</xml>"
        query["chunked"] = "yes"
    elif kind == "not-xml":
        body = "{}"
    return query, body


@pytest.mark.parametrize(
    ("kind", "status"),
    [
        ("signature", 403),
        ("no-signature", 403),
        ("msg_signature", 403),
        ("stale", 403),
        ("plaintext-in-safe-mode", 403),
        ("bomb", 400),
        ("encrypted-bomb", 400),
        ("oversized", 413),
        ("oversized-chunked", 413),
        ("not-xml", 400),
    ],
)
async def test_a_hostile_request_is_refused_and_never_reaches_the_bot(
    webhook: str, wechat: FakeWeChat, agent: FakeAgent, kind: str, status: int
) -> None:
    query, body = forged(wechat, kind)
    got, text = await post_raw(webhook, query, body, chunked=query.pop("chunked", None) is not None)
    assert (got, text) == (status, "refused")
    assert agent.handled == []
    # A refused request is not a delivery: the real one is still answered.
    delivery = await wechat.deliver(webhook, text_xml("转账给我", 1040))
    assert content(delivery.reply) == "收到：转账给我"


# Configuration.


async def test_plaintext_mode_reads_and_answers_plain_xml(
    wechat: FakeWeChat, agent: FakeAgent, store: WeChatStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Sanic, "test_mode", True)
    wechat.safe_mode = False
    channel = WeChatInput(config(wechat.api_base, safe_mode=False), store=store)
    async for url in serve(channel, agent):
        delivery = await wechat.deliver(url, text_xml("你好", 1050))
        encrypted = FakeWeChat()
        query, body = encrypted.signed_request(text_xml("你好", 1051))
        assert (await post_raw(url, query, body))[0] == 400  # no key to decrypt with
    assert content(delivery.reply) == "收到：你好"


def test_the_channel_is_configured_from_the_environment() -> None:
    assert WeChatConfig.from_env({}) is None
    env = {
        "WECHAT_TOKEN": "123456",
        "WECHAT_APP_ID": APP_ID,
        "WECHAT_APP_SECRET": APP_SECRET,
        "WECHAT_ENCODING_AES_KEY": ENCODING_AES_KEY,
        "DATABASE_URL": "sqlite:///x.db",
    }
    loaded = WeChatConfig.from_env(env)
    assert loaded is not None
    assert (loaded.token, loaded.api_base, loaded.database_url) == (
        "123456",
        "https://api.weixin.qq.com",
        "sqlite:///x.db",
    )
    assert APP_SECRET not in repr(loaded) and ENCODING_AES_KEY not in repr(loaded)
    with pytest.raises(ValueError, match="WECHAT_APP_SECRET not"):
        WeChatConfig.from_env({"WECHAT_TOKEN": "t", "WECHAT_APP_ID": APP_ID})
    with pytest.raises(ValueError, match="43 letters"):
        WeChatConfig.from_env(env | {"WECHAT_ENCODING_AES_KEY": "short"})
    plain = WeChatConfig.from_env(
        env | {"WECHAT_ENCODING_AES_KEY": "", "WECHAT_API_BASE": "http://x"}
    )
    assert plain is not None and plain.crypto() is None and plain.api_base == "http://x"


async def test_without_a_token_the_webhook_is_off(
    agent: FakeAgent, wechat: FakeWeChat, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Sanic, "test_mode", True)
    monkeypatch.delenv("WECHAT_TOKEN", raising=False)
    channel = WeChatInput.from_credentials(None)
    assert channel.config is None
    async for url in serve(channel, agent):
        query, body = wechat.signed_request(text_xml("你好", 1060))
        assert (await post_raw(url, query, body))[0] == 404
        async with aiohttp.ClientSession() as session, session.get(url[: -len("webhook")]) as got:
            assert await got.json() == {"status": "off"}
    assert agent.handled == []


def test_credentials_yml_registers_the_channel_off_without_a_token(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from rasa.core.run import create_http_input_channels

    from bot.settings import PROJECT_ROOT

    monkeypatch.delenv("WECHAT_TOKEN", raising=False)
    channels = create_http_input_channels(None, str(PROJECT_ROOT / "credentials.yml"))
    [wechat] = [channel for channel in channels if channel.name() == "wechat"]
    assert isinstance(wechat, WeChatInput) and wechat.config is None
