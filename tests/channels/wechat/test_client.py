"""The customer-service client against the fake WeChat on loopback: one token for all processes,
refreshed ahead of expiry and once on 40001/42001, typed outcomes for 45015/45047, UTF-8 JSON,
long answers split, bounded retries."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

import aiohttp
import pytest
from aiohttp.test_utils import unused_port
from sqlalchemy.engine import Engine

from bot.channels.wechat.api import AccessToken
from bot.channels.wechat.client import (
    REFRESH_AHEAD_SECONDS,
    SendOutcome,
    SendResult,
    SharedAccessToken,
    TokenUnavailableError,
    WeChatClient,
)
from bot.channels.wechat.replies import MAX_TEXT_BYTES
from bot.channels.wechat.store import WeChatStore
from tests.channels.wechat.fake_wechat import APP_ID, APP_SECRET, OPENID, FakeWeChat

ANSWER = "您的理赔申请已受理，预计3个工作日内完成审核。"


class Clock:
    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def make_client(
    session: aiohttp.ClientSession, wechat: FakeWeChat, engine: Engine, clock: Clock
) -> Callable[..., WeChatClient]:
    """A client as one process has it: its own store object on the shared database."""

    def make(secret: str = APP_SECRET, api_base: str | None = None) -> WeChatClient:
        return WeChatClient(
            session,
            WeChatStore(engine),
            APP_ID,
            secret,
            api_base or wechat.api_base,
            attempts=3,
            backoff=0.01,
            clock=clock,
        )

    return make


async def test_an_answer_is_pushed_as_utf8_json(
    make_client: Callable[..., WeChatClient], wechat: FakeWeChat
) -> None:
    result = await make_client().send_text(OPENID, ANSWER)
    assert result == SendResult(SendOutcome.SENT, 1)
    assert wechat.sent == [{"touser": OPENID, "msgtype": "text", "text": {"content": ANSWER}}]
    assert ANSWER.encode("utf-8") in wechat.raw_sent[0]  # not \\u escapes
    assert wechat.issued == ["token-1"]


async def test_every_process_uses_the_one_token(
    make_client: Callable[..., WeChatClient], wechat: FakeWeChat
) -> None:
    processes = [make_client() for _ in range(4)]
    results = await asyncio.gather(*(p.send_text(OPENID, ANSWER) for p in processes))
    assert {r.outcome for r in results} == {SendOutcome.SENT}
    assert wechat.issued == ["token-1"]
    assert set(wechat.send_calls) == {"token-1"}


async def test_the_token_is_refreshed_ahead_of_expiry(
    make_client: Callable[..., WeChatClient], wechat: FakeWeChat, clock: Clock
) -> None:
    client = make_client()
    await client.send_text(OPENID, ANSWER)
    clock.now += wechat.expires_in - REFRESH_AHEAD_SECONDS - 1
    await client.send_text(OPENID, ANSWER)
    assert wechat.issued == ["token-1"]
    clock.now += 2
    await client.send_text(OPENID, ANSWER)
    assert wechat.issued == ["token-1", "token-2"]
    assert wechat.send_calls == ["token-1", "token-1", "token-2"]  # never a refused send


async def test_a_token_expired_mid_send_is_refreshed_once(
    make_client: Callable[..., WeChatClient], wechat: FakeWeChat
) -> None:
    first, second = make_client(), make_client()
    await first.send_text(OPENID, ANSWER)
    wechat.expire_tokens()  # WeChat expired it early (another system fetched a token)
    results = await asyncio.gather(first.send_text(OPENID, "一"), second.send_text(OPENID, "二"))
    assert [r.outcome for r in results] == [SendOutcome.SENT, SendOutcome.SENT]
    assert wechat.issued == ["token-1", "token-2"]  # one refresh for both processes
    assert sorted(wechat.texts_to()) == sorted([ANSWER, "一", "二"])


@pytest.mark.parametrize("errcode", [40001, 40014, 42001])
async def test_a_refused_token_is_refreshed_once_and_the_send_retried_once(
    make_client: Callable[..., WeChatClient], wechat: FakeWeChat, errcode: int
) -> None:
    client = make_client()
    await client.send_text(OPENID, ANSWER)
    wechat.fail_next(errcode)
    assert (await client.send_text(OPENID, "再发一次")).outcome is SendOutcome.SENT
    assert wechat.issued == ["token-1", "token-2"]
    wechat.fail_next(errcode, errcode)
    result = await client.send_text(OPENID, "又被拒")
    assert result == SendResult(SendOutcome.FAILED, 0, errcode)
    assert wechat.issued == ["token-1", "token-2", "token-3"]  # not a refresh loop
    assert wechat.texts_to() == [ANSWER, "再发一次"]


@pytest.mark.parametrize(
    ("errcode", "outcome"),
    [(45015, SendOutcome.OUTSIDE_WINDOW), (45047, SendOutcome.OVER_QUOTA)],
)
async def test_window_and_quota_refusals_are_outcomes(
    make_client: Callable[..., WeChatClient],
    wechat: FakeWeChat,
    errcode: int,
    outcome: SendOutcome,
) -> None:
    wechat.fail_next(errcode)
    assert await make_client().send_text(OPENID, ANSWER) == SendResult(outcome, 0, errcode)
    assert wechat.sent == []
    assert wechat.issued == ["token-1"]


async def test_a_long_answer_is_split_at_sentence_ends(
    make_client: Callable[..., WeChatClient], wechat: FakeWeChat
) -> None:
    sentence = "理赔材料包括身份证明、病历和发票。"
    result = await make_client().send_text(OPENID, sentence * 130)  # about 6.6 KB
    texts = wechat.texts_to()
    assert result == SendResult(SendOutcome.SENT, len(texts))
    assert len(texts) == 4
    assert all(len(t.encode()) <= MAX_TEXT_BYTES and t.endswith("。") for t in texts)
    assert "".join(texts) == sentence * 130


async def test_no_more_than_five_messages_are_pushed_for_one_answer(
    make_client: Callable[..., WeChatClient], wechat: FakeWeChat
) -> None:
    result = await make_client().send_text(OPENID, "理赔材料包括身份证明、病历和发票。" * 300)
    assert result == SendResult(SendOutcome.SENT, 5)
    assert len(wechat.sent) == 5


async def test_a_push_stops_at_the_first_refusal(
    make_client: Callable[..., WeChatClient], wechat: FakeWeChat
) -> None:
    wechat.fail_next(0, 45047)  # the first message accepted, the second over quota
    result = await make_client().send_text(OPENID, "理赔材料包括身份证明、病历和发票。" * 200)
    assert result == SendResult(SendOutcome.OVER_QUOTA, 1, 45047)
    assert len(wechat.sent) == 1


async def test_a_busy_wechat_is_tried_again(
    make_client: Callable[..., WeChatClient], wechat: FakeWeChat
) -> None:
    wechat.fail_next(-1, -1)
    assert await make_client().send_text(OPENID, ANSWER) == SendResult(SendOutcome.SENT, 1)
    assert wechat.texts_to() == [ANSWER]
    wechat.fail_next(-1, -1, -1)
    assert await make_client().send_text(OPENID, ANSWER) == SendResult(SendOutcome.FAILED, 0, -1)


async def test_an_unreachable_wechat_is_a_failure_after_bounded_retries(
    make_client: Callable[..., WeChatClient],
) -> None:
    client = make_client(api_base=f"http://127.0.0.1:{unused_port()}")
    assert await client.send_text(OPENID, ANSWER) == SendResult(SendOutcome.FAILED, 0)


async def test_a_wrong_secret_sends_nothing(
    make_client: Callable[..., WeChatClient], wechat: FakeWeChat
) -> None:
    client = make_client(secret="wrong")
    assert await client.send_text(OPENID, ANSWER) == SendResult(SendOutcome.FAILED, 0)
    assert wechat.send_calls == []
    assert "wrong" not in repr(client)


def shared_token(engine: Engine, clock: Clock, fetched: list[str]) -> SharedAccessToken:
    async def fetch() -> AccessToken:
        fetched.append(f"own-{len(fetched) + 1}")
        return AccessToken(fetched[-1], 7200)

    return SharedAccessToken(WeChatStore(engine), APP_ID, fetch, clock, lease=0.3, poll=0.02)


async def test_a_process_waits_for_the_token_another_is_refreshing(
    engine: Engine, clock: Clock
) -> None:
    other = WeChatStore(engine)
    assert other.claim_refresh(APP_ID, 0, clock.now, lease=60)
    fetched: list[str] = []
    waiting = asyncio.ensure_future(shared_token(engine, clock, fetched).current())
    await asyncio.sleep(0.1)
    assert not waiting.done()
    assert other.save_token(APP_ID, 0, "theirs", clock.now + 7200)
    assert (await waiting).token == "theirs"
    assert fetched == []  # it did not fetch a token that would have replaced theirs


async def test_a_claim_never_completed_does_not_hang_a_process(
    engine: Engine, clock: Clock
) -> None:
    assert WeChatStore(engine).claim_refresh(APP_ID, 0, clock.now, lease=3600)
    with pytest.raises(TokenUnavailableError, match="claimed the access_token refresh"):
        await asyncio.wait_for(shared_token(engine, clock, []).current(), timeout=5)
