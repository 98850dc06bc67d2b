"""Fixtures of the chat page tests: a fake Rasa on loopback and the chat app in front of it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient, TestServer

from tests.channels.fake_rasa import FakeRasa, webchat


@pytest.fixture
async def rasa() -> AsyncIterator[FakeRasa]:
    fake = FakeRasa()
    server = TestServer(fake.app(), host="127.0.0.1")
    await server.start_server()
    assert server.port is not None
    fake.port = server.port
    yield fake
    await server.close()


@pytest.fixture
async def client(rasa: FakeRasa) -> AsyncIterator[TestClient]:
    async with webchat(rasa.port) as client:
        yield client
