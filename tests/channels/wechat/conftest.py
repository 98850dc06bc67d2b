"""Fixtures of the WeChat channel's tests: a migrated SQLite store, the desk's tickets in it and
the fake WeChat servers."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from bot.channels.wechat.store import WeChatStore
from bot.db import make_engine, migrate
from bot.desk.tickets import SqlTicketDesk
from tests.channels.wechat.fake_wechat import FakeWeChat


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'mingbao.db'}"


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def store(engine: Engine) -> WeChatStore:
    return WeChatStore(engine)


@pytest.fixture
def tickets(engine: Engine) -> SqlTicketDesk:
    """The desk's tickets, in the channel's database."""
    return SqlTicketDesk(engine)


@pytest.fixture
async def wechat() -> AsyncIterator[FakeWeChat]:
    fake = FakeWeChat()
    fake.api_base = await fake.start()
    yield fake
    await fake.close()
