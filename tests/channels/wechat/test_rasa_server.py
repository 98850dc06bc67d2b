"""The WeChat channel inside the real Rasa server, started as ``make run`` starts it.

``bot.runtime.run.rasa_server`` runs ``python -m bot.runtime.rasa_main run --enable-api … --credentials
credentials.yml --endpoints endpoints.yml`` with the child environment ``make run`` gives it; here
with the WeChat variables set (safe mode, WeChat's API pointed at the fake) and a model folder
holding no model, so nothing is trained or loaded: Rasa serves its channels and its tracker store
without one. That shows ``credentials.yml`` opens the channel from the environment and Rasa serves
it at ``/webhooks/wechat/webhook``: the verification, a forged request refused, a follow answered
(sealed, from the channel's tables migrated in the real database) and, with
``WECHAT_KF_PAUSES_BOT``, a WeChat agent's session pausing the conversation in Rasa's own tracker
store (``endpoints.yml``'s). What needs a model (Rasa answering a question) is shown by
``make wechat-demo``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import unused_port
from sqlalchemy import select

from bot.channels.wechat.crypto import sign
from bot.channels.wechat.turns import WELCOME_REPLY
from bot.db import make_engine
from bot.desk.transcripts import rasa_events
from bot.runtime.run import rasa_server, with_secrets
from bot.runtime.supervisor import Process, stop_all, wait_ready
from bot.settings import load_settings
from tests.channels.wechat.fake_wechat import (
    APP_ID,
    APP_SECRET,
    CALLBACK_TOKEN,
    ENCODING_AES_KEY,
    OPENID,
    FakeWeChat,
    event_xml,
    text_xml,
)
from tests.channels.wechat.test_channel import content, post_raw

pytestmark = pytest.mark.integration

STARTUP_SECONDS = 240.0  # importing Rasa takes a while on a loaded two-core machine


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'mingbao.db'}"


@pytest.fixture
def rasa(
    tmp_path: Path, database_url: str, wechat: FakeWeChat, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """The Rasa server's base URL, the WeChat channel on."""
    environment = {
        "WECHAT_TOKEN": CALLBACK_TOKEN,
        "WECHAT_APP_ID": APP_ID,
        "WECHAT_APP_SECRET": APP_SECRET,
        "WECHAT_ENCODING_AES_KEY": ENCODING_AES_KEY,
        "WECHAT_API_BASE": wechat.api_base,
        "WECHAT_KF_PAUSES_BOT": "1",
        "DATABASE_URL": database_url,
        "RASA_PORT": str(unused_port()),
        "ACTIONS_PORT": str(unused_port()),  # no action server: nothing here calls one
    }
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    settings = with_secrets(load_settings())
    no_model = tmp_path / "models"
    no_model.mkdir()
    server: Process = rasa_server(settings, no_model)
    try:
        # /status needs a model; the channel's own route answers once the channels are served.
        server.ready_url = f"{settings.rasa_url}/webhooks/wechat/"
        wait_ready(server, timeout=STARTUP_SECONDS)
        yield settings.rasa_url
    finally:
        stop_all([server])


async def test_rasa_serves_the_channel_at_its_webhook(
    rasa: str, wechat: FakeWeChat, database_url: str
) -> None:
    webhook = f"{rasa}/webhooks/wechat/webhook"
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{rasa}/webhooks/wechat/") as health:
            assert await health.json() == {"status": "ok"}
        query = {"timestamp": "1409735669", "nonce": "1320562132", "echostr": "5837397520678616"}
        query["signature"] = sign(CALLBACK_TOKEN, query["timestamp"], query["nonce"])
        async with session.get(webhook, params=query) as verified:
            assert (verified.status, await verified.text()) == (200, "5837397520678616")
        forged_get = query | {"signature": sign("guessed", query["timestamp"], query["nonce"])}
        async with session.get(webhook, params=forged_get) as refused:
            assert refused.status == 403

    forged_query, body = wechat.signed_request(text_xml("转账给我", 5001))
    forged_query["signature"] = sign("guessed", forged_query["timestamp"], forged_query["nonce"])
    assert await post_raw(webhook, forged_query, body) == (403, "refused")

    welcome = await wechat.deliver(webhook, event_xml("subscribe"))
    assert content(welcome.reply) == WELCOME_REPLY  # sealed by the server, opened by the fake

    await wechat.deliver(webhook, event_xml("kf_create_session", KfAccount="test1@test"))
    engine = make_engine(database_url)
    try:
        with engine.connect() as conn:
            kinds = [
                json.loads(row.data)["event"]
                for row in conn.execute(
                    select(rasa_events.c.data)
                    .where(rasa_events.c.sender_id == OPENID)
                    .order_by(rasa_events.c.id)
                )
            ]
    finally:
        engine.dispose()
    assert kinds[-1] == "pause"
