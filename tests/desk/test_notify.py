"""The desk's webhook: signed POSTs to a real receiver on loopback, retried, sent once, never in
the way of a ticket."""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import hmac
import json
import logging
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import unused_port
from multidict import CIMultiDict
from sqlalchemy.engine import Engine, RowMapping

from bot.db import make_engine
from bot.desk.config import DeskConfig
from bot.desk.notify import (
    MAX_ATTEMPTS,
    Notifier,
    backoff,
    find_sla_breaches,
    run_notifications,
    signature,
)
from bot.desk.tables import notifications
from bot.desk.tickets import Priority, SqlTicketDesk

SECRET = "shared-secret-明保"
DESK_URL = "https://desk.example.cn"


@dataclass
class Received:
    headers: CIMultiDict[str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))


@dataclass
class Receiver:
    """A webhook receiver: records each request, answers the statuses queued in ``answers``."""

    url: str = ""
    answers: list[int] = field(default_factory=list)
    requests: list[Received] = field(default_factory=list)

    async def handle(self, request: web.Request) -> web.Response:
        self.requests.append(Received(CIMultiDict(request.headers), await request.read()))
        status = self.answers.pop(0) if self.answers else 200
        return web.Response(status=status, text="ok" if status < 300 else "receiver is broken")


class Clock:
    """A clock the test moves by hand; starts just after now, so new rows are due."""

    def __init__(self) -> None:
        self.now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None) + dt.timedelta(seconds=1)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


@pytest.fixture
def desk(engine: Engine) -> SqlTicketDesk:
    return SqlTicketDesk(engine)


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    receiver = Receiver()
    app = web.Application()
    app.router.add_post("/hook", receiver.handle)
    runner = web.AppRunner(app, shutdown_timeout=0.5)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    receiver.url = f"http://127.0.0.1:{runner.addresses[0][1]}/hook"
    yield receiver
    await runner.cleanup()


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def caplog_notify(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    caplog.set_level(logging.INFO, logger="bot.desk.notify")
    yield caplog


def webhook(url: str) -> DeskConfig:
    return DeskConfig(webhook_url=url, webhook_secret=SECRET)


def outbox(engine: Engine) -> list[RowMapping]:
    with engine.connect() as conn:
        rows = conn.execute(notifications.select().order_by(notifications.c.id)).all()
    return [row._mapping for row in rows]


def test_the_signature_is_the_hex_hmac_sha256_of_the_body() -> None:
    # RFC 4231, test case 2.
    assert signature("Jefe", b"what do ya want for nothing?") == (
        "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    )


def test_backoff_doubles_from_two_seconds_up_to_five_minutes() -> None:
    assert [backoff(n).total_seconds() for n in range(1, 10)] == [
        2,
        4,
        8,
        16,
        32,
        64,
        128,
        256,
        300,
    ]
    assert backoff(1000) == dt.timedelta(seconds=300)


async def test_a_new_ticket_is_posted_signed_with_its_details(
    desk: SqlTicketDesk,
    engine: Engine,
    receiver: Receiver,
    session: aiohttp.ClientSession,
    clock: Clock,
) -> None:
    ticket, _ = desk.open_ticket("微信-客户1", "complaint", Priority.HIGH, "我要投诉", {})
    notifier = Notifier(engine, webhook(receiver.url), session, desk_url=DESK_URL, clock=clock)

    assert await notifier.deliver_due() == 1

    [request] = receiver.requests
    [row] = outbox(engine)
    expected = hmac.new(SECRET.encode(), request.body, hashlib.sha256).hexdigest()
    assert request.headers["X-MingBao-Signature"] == f"sha256={expected}"
    assert request.headers["Content-Type"] == "application/json; charset=utf-8"
    assert request.headers["X-MingBao-Event"] == "ticket_opened"
    assert request.headers["X-MingBao-Delivery"] == str(row["id"])
    assert "微信-客户1".encode() in request.body  # UTF-8, not \u escapes
    created = ticket.created_at.replace(tzinfo=dt.timezone.utc)
    assert request.json() == {
        "event": "ticket_opened",
        "delivery": row["id"],
        "ticket": {
            "id": ticket.id,
            "conversation_id": "微信-客户1",
            "reason": "complaint",
            "priority": "high",
            "status": "open",
            "created_at": created.isoformat(),
            "sla_due_at": (created + dt.timedelta(minutes=30)).isoformat(),
        },
        "url": f"{DESK_URL}/desk/tickets/{ticket.id}",
    }
    assert request.json()["ticket"]["created_at"].endswith("+00:00")
    assert (row["sent_at"], row["attempts"], row["last_error"]) == (clock.now, 0, None)
    clock.advance(3600)
    assert await notifier.deliver_due() == 0
    assert len(receiver.requests) == 1


async def test_a_failing_receiver_is_retried_with_backoff_until_it_answers(
    desk: SqlTicketDesk,
    engine: Engine,
    receiver: Receiver,
    session: aiohttp.ClientSession,
    clock: Clock,
) -> None:
    desk.open_ticket("c1", "complaint", Priority.HIGH, "", {})
    receiver.answers = [500, 500, 200]
    notifier = Notifier(engine, webhook(receiver.url), session, desk_url=DESK_URL, clock=clock)
    start = clock.now

    assert await notifier.deliver_due() == 0
    [row] = outbox(engine)
    assert row["attempts"] == 1 and row["sent_at"] is None
    assert row["last_error"].startswith("HTTP 500")
    assert row["next_attempt_at"] == start + dt.timedelta(seconds=2)

    clock.advance(1)  # not due yet
    assert await notifier.deliver_due() == 0
    assert len(receiver.requests) == 1

    clock.advance(1)
    assert await notifier.deliver_due() == 0
    [row] = outbox(engine)
    assert row["attempts"] == 2
    assert row["next_attempt_at"] == start + dt.timedelta(seconds=2 + 4)

    clock.advance(4)
    assert await notifier.deliver_due() == 1
    [row] = outbox(engine)
    assert (row["sent_at"], row["attempts"]) == (start + dt.timedelta(seconds=6), 2)
    assert len(receiver.requests) == 3
    assert {r.headers["X-MingBao-Delivery"] for r in receiver.requests} == {str(row["id"])}


async def test_a_receiver_that_is_down_neither_loses_nor_changes_the_ticket(
    desk: SqlTicketDesk, engine: Engine, session: aiohttp.ClientSession, clock: Clock
) -> None:
    ticket, _ = desk.open_ticket("c1", "complaint", Priority.URGENT, "我要投诉", {"a": 1})
    down = f"http://127.0.0.1:{unused_port()}/hook"
    notifier = Notifier(engine, webhook(down), session, desk_url=DESK_URL, clock=clock)

    assert await notifier.deliver_due() == 0

    assert desk.get(ticket.id) == ticket
    assert [c.to_status for c in desk.history(ticket.id)] == ["open"]
    [row] = outbox(engine)
    assert (row["ticket_id"], row["sent_at"], row["attempts"]) == (ticket.id, None, 1)
    assert "ClientConnectorError" in row["last_error"]
    assert row["next_attempt_at"] > clock.now
    second, created = desk.open_ticket("c2", "complaint", Priority.LOW, "", {})
    assert created and desk.get(second.id).status == "open"


async def test_after_max_attempts_a_notification_is_no_longer_sent(
    desk: SqlTicketDesk,
    engine: Engine,
    receiver: Receiver,
    session: aiohttp.ClientSession,
    clock: Clock,
    caplog_notify: pytest.LogCaptureFixture,
) -> None:
    desk.open_ticket("c1", "complaint", Priority.HIGH, "", {})
    receiver.answers = [503] * 100
    notifier = Notifier(engine, webhook(receiver.url), session, desk_url=DESK_URL, clock=clock)

    for _ in range(MAX_ATTEMPTS + 3):
        assert await notifier.deliver_due() == 0
        clock.advance(301)

    assert len(receiver.requests) == MAX_ATTEMPTS
    [row] = outbox(engine)
    assert (row["attempts"], row["sent_at"]) == (MAX_ATTEMPTS, None)
    assert row["last_error"].startswith("HTTP 503")
    warnings = [r for r in caplog_notify.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "gave up" in warnings[0].getMessage()


def test_an_sla_breach_is_found_once_and_only_for_open_tickets_past_their_sla(
    desk: SqlTicketDesk, engine: Engine
) -> None:
    late, _ = desk.open_ticket("c1", "complaint", Priority.URGENT, "", {})  # 5 min
    claimed, _ = desk.open_ticket("c2", "complaint", Priority.URGENT, "", {})
    desk.claim(claimed.id, "li")
    resolved, _ = desk.open_ticket("c3", "complaint", Priority.URGENT, "", {})
    desk.resolve(resolved.id, "li", "answered", "")
    in_time, _ = desk.open_ticket("c4", "complaint", Priority.HIGH, "", {})  # 30 min
    config = DeskConfig()
    now = late.created_at + dt.timedelta(minutes=10)

    assert find_sla_breaches(desk, config, late.created_at + dt.timedelta(minutes=4)) == []
    assert find_sla_breaches(desk, config, now) == [late.id]
    assert find_sla_breaches(desk, config, now) == []
    assert desk.get(late.id).sla_notified_at is not None
    assert desk.get(claimed.id).sla_notified_at is None
    breaches = [row["ticket_id"] for row in outbox(engine) if row["kind"] == "sla_breached"]
    assert breaches == [late.id]
    assert find_sla_breaches(desk, config, in_time.created_at + dt.timedelta(minutes=31)) == [
        in_time.id
    ]


async def test_an_sla_breach_is_posted_as_its_own_event(
    desk: SqlTicketDesk,
    engine: Engine,
    receiver: Receiver,
    session: aiohttp.ClientSession,
    clock: Clock,
) -> None:
    ticket, _ = desk.open_ticket("c1", "complaint", Priority.URGENT, "", {})
    notifier = Notifier(engine, webhook(receiver.url), session, desk_url=DESK_URL, clock=clock)
    assert await notifier.deliver_due() == 1
    assert find_sla_breaches(desk, DeskConfig(), ticket.created_at + dt.timedelta(minutes=6))
    clock.advance(1)
    assert await notifier.deliver_due() == 1
    events = [(r.headers["X-MingBao-Event"], r.json()["event"]) for r in receiver.requests]
    assert events == [("ticket_opened", "ticket_opened"), ("sla_breached", "sla_breached")]


class ReadTogether(Notifier):
    """A notifier that, having read the due rows, waits until its rivals have read them too."""

    def __init__(self, *args: Any, arrived: list[int], all_read: asyncio.Event, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.arrived = arrived
        self.all_read = all_read

    async def _due(self, now: dt.datetime) -> Any:
        due = await super()._due(now)
        self.arrived.append(len(due))
        if len(self.arrived) == 2:
            self.all_read.set()
        await self.all_read.wait()
        return due


async def test_two_notifiers_racing_for_one_row_send_it_once(
    desk: SqlTicketDesk,
    engine: Engine,
    database_url: str,
    receiver: Receiver,
    session: aiohttp.ClientSession,
    clock: Clock,
) -> None:
    desk.open_ticket("c1", "complaint", Priority.HIGH, "", {})
    other_process = make_engine(database_url)
    arrived: list[int] = []
    all_read = asyncio.Event()
    rivals = [
        ReadTogether(
            e,
            webhook(receiver.url),
            session,
            desk_url=DESK_URL,
            clock=clock,
            arrived=arrived,
            all_read=all_read,
        )
        for e in (engine, other_process)
    ]
    try:
        sent = await asyncio.gather(*(rival.deliver_due() for rival in rivals))
    finally:
        other_process.dispose()

    assert arrived == [1, 1]  # both saw the row due
    assert sorted(sent) == [0, 1]
    assert len(receiver.requests) == 1
    [row] = outbox(engine)
    assert row["sent_at"] == clock.now and row["attempts"] == 0


async def test_without_a_webhook_nothing_is_sent_and_nothing_changes(
    desk: SqlTicketDesk, engine: Engine, session: aiohttp.ClientSession, clock: Clock
) -> None:
    ticket, _ = desk.open_ticket("c1", "complaint", Priority.URGENT, "", {})
    desk.mark_sla_notified(ticket.id)
    before = outbox(engine)
    notifier = Notifier(engine, DeskConfig(), session, desk_url=DESK_URL, clock=clock)

    assert await notifier.deliver_due() == 0
    assert outbox(engine) == before
    assert all(row["sent_at"] is None and row["attempts"] == 0 for row in before)


def test_a_webhook_url_without_a_secret_is_refused(engine: Engine) -> None:
    config = DeskConfig(webhook_url="http://127.0.0.1:1/hook")
    with pytest.raises(ValueError, match="MINGBAO_DESK_WEBHOOK_SECRET"):
        Notifier(engine, config, None, desk_url=DESK_URL)  # type: ignore[arg-type]


class HiccupOnce(Notifier):
    """A notifier whose first round fails, as if the database went away for a moment."""

    rounds = 0

    async def deliver_due(self) -> int:
        self.rounds += 1
        if self.rounds == 1:
            raise RuntimeError("database hiccup")
        return await super().deliver_due()


async def test_the_loop_goes_on_after_a_failure_and_stops_when_cancelled(
    desk: SqlTicketDesk,
    engine: Engine,
    receiver: Receiver,
    session: aiohttp.ClientSession,
    clock: Clock,
    caplog_notify: pytest.LogCaptureFixture,
) -> None:
    desk.open_ticket("c1", "complaint", Priority.URGENT, "", {})
    config = DeskConfig(
        sla={p: dt.timedelta(0) for p in Priority}, webhook_url=receiver.url, webhook_secret=SECRET
    )
    notifier = HiccupOnce(engine, config, session, desk_url=DESK_URL, clock=clock)
    loop = asyncio.create_task(run_notifications(notifier, desk, config, interval=0.01))
    try:
        for _ in range(500):
            if len(receiver.requests) == 2:
                break
            await asyncio.sleep(0.01)
    finally:
        loop.cancel()
        with pytest.raises(asyncio.CancelledError):
            await loop

    assert sorted(r.headers["X-MingBao-Event"] for r in receiver.requests) == [
        "sla_breached",
        "ticket_opened",
    ]
    assert notifier.rounds >= 2
    assert any("database hiccup" in (r.exc_text or "") for r in caplog_notify.records)
