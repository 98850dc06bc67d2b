"""Fixtures of the desk tests: a database, a fake Rasa on loopback, the desk app and its people."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer, unused_port
from sqlalchemy.engine import Engine

from bot.db import make_engine, migrate
from bot.desk.accounts import Role, SqlAccounts
from bot.desk.app import create_app
from bot.desk.config import DeskConfig
from bot.desk.tickets import SqlTicketDesk
from bot.settings import load_settings
from tests.conftest import postgres_database
from tests.desk.fake_rasa import TOKEN, FakeRasa

PASSWORD = "correct horse battery"
PEOPLE = {"li": Role.AGENT, "wang": Role.AGENT, "zhao": Role.SUPERVISOR, "chen": Role.COMPLIANCE}


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Every desk test runs on SQLite (the default) and on PostgreSQL (production)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'desk.db'}"
        return
    with postgres_database(f"mingbao_desk_{os.getpid()}") as engine:
        yield engine.url.render_as_string(hide_password=False)


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    migrate(engine)  # as the desk's start-up does (bot.desk.app.create_app)
    yield engine
    engine.dispose()


@pytest.fixture
def tickets(engine: Engine) -> SqlTicketDesk:
    return SqlTicketDesk(engine)


@pytest.fixture
def accounts(engine: Engine) -> SqlAccounts:
    accounts = SqlAccounts(engine)
    for name, role in PEOPLE.items():
        accounts.add_user(name, role, PASSWORD)
    return accounts


@pytest.fixture
async def rasa(engine: Engine) -> AsyncIterator[FakeRasa]:
    fake = FakeRasa(engine)
    server = TestServer(fake.app(), host="127.0.0.1")
    await server.start_server()
    assert server.port is not None
    fake.port = server.port
    yield fake
    await server.close()


@dataclass
class DeskServer:
    """The desk app on loopback; each :meth:`client` has its own cookies."""

    server: TestServer
    clients: list[TestClient]

    async def client(self) -> TestClient:
        client = TestClient(self.server)
        await client.start_server()
        self.clients.append(client)
        return client


@pytest.fixture
async def desk_server(
    database_url: str, rasa: FakeRasa, accounts: SqlAccounts
) -> AsyncIterator[DeskServer]:
    settings = load_settings(
        {
            **os.environ,
            "DATABASE_URL": database_url,
            "RASA_PORT": str(rasa.port),
            "DESK_PORT": str(unused_port()),
            "MINGBAO_RASA_TOKEN": TOKEN,
        }
    )
    app = create_app(settings, desk_config=DeskConfig(), cookie_secret="test-cookie-secret")
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    desk = DeskServer(server, [])
    yield desk
    for client in desk.clients:
        await client.close()
    await server.close()


async def sign_in(client: TestClient, name: str, password: str = PASSWORD) -> str:
    """Sign ``name`` in on ``client``; the CSRF token of the session."""
    response = await client.post(
        "/desk/login", data={"username": name, "password": password}, allow_redirects=False
    )
    assert response.status == 303 and response.headers["Location"] == "/desk"
    me = await client.get("/desk/api/me")
    assert me.status == 200
    token: str = (await me.json())["csrf_token"]
    return token


@pytest.fixture
async def agent(desk_server: DeskServer) -> tuple[TestClient, str]:
    """``li`` signed in: the client and the CSRF token."""
    client = await desk_server.client()
    return client, await sign_in(client, "li")
