"""What the actions run on: services opened (and the database migrated) at start-up; each request
off the event loop, in a unit of work whose writes are kept only when the action ends normally;
the service person assigned to an orphan policy and the ticket about it are one transaction."""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
from pathlib import Path

import pytest
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from sqlalchemy import inspect

from actions.claims import ValidateClaimReportForm
from actions.my_policy import ActionMyPolicy
from actions.services import Services, open_services, unit_of_work, use_services
from bot.db import make_engine
from bot.desk.tickets import Priority, SqlTicketDesk
from bot.knowledge.store import SqlKnowledgeRepository
from bot.records.store import SqlPolicyRecords
from tests.actions.conftest import ON_SQLITE_TOO, tracker, user_event


class DeskDown(RuntimeError):
    """The ticket desk failed in the middle of a request."""


@ON_SQLITE_TOO
def test_a_unit_of_work_keeps_its_writes_when_it_ends_normally(services: Services) -> None:
    with unit_of_work() as work:
        work.tickets.open_ticket("uow-kept", "complaint", Priority.HIGH, "投诉", {})
        work.records.report_claim("MB2024000003", event="住院", event_date=dt.date(2026, 1, 5))
    assert services.tickets.open_ticket_for("uow-kept") is not None
    assert len(services.records.claims("MB2024000003")) == 1


@ON_SQLITE_TOO
def test_a_unit_of_work_that_fails_leaves_nothing_behind(services: Services) -> None:
    with pytest.raises(DeskDown), unit_of_work() as work:
        work.records.report_claim("MB2024000003", event="住院", event_date=dt.date(2026, 1, 5))
        work.tickets.open_ticket("uow-failed", "complaint", Priority.HIGH, "投诉", {})
        raise DeskDown
    assert services.tickets.open_ticket_for("uow-failed") is None
    assert services.records.claims("MB2024000003") == []


@ON_SQLITE_TOO
async def test_no_service_person_is_assigned_when_the_ticket_about_it_cannot_be_opened(
    services: Services, dispatcher: CollectingDispatcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    message = user_event("我的业务员是谁", "my_agent")
    state = tracker(
        "verified_dates",
        slots={"verified_policy": "MB2024000010"},
        events=[*tracker("verified_dates").events, message],
    )

    def desk_down(*args: object, **kwargs: object) -> None:
        raise DeskDown

    with unit_of_work() as work:
        desk_class = type(work.tickets)
    monkeypatch.setattr(desk_class, "open_ticket", desk_down)
    with pytest.raises(DeskDown):
        await ActionMyPolicy().run(dispatcher, state, {})
    assert services.records.service_assignments("MB2024000010") == []
    policy = services.records.policy("MB2024000010")
    assert policy is not None and policy.service_agent_code == policy.agent_code


@pytest.mark.integration
def test_the_services_open_at_start_up_on_a_migrated_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'start.db'}")
    use_services(None)
    try:
        opened = open_services()
        assert opened.records.policy("MB2024000001") is None  # the tables are there
        assert opened.tickets.open_ticket_for("nobody") is None
        assert open_services() is opened
    finally:
        use_services(None)


@pytest.mark.integration
def test_repositories_leave_the_schema_to_start_up(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'bare.db'}")
    SqlPolicyRecords(engine), SqlTicketDesk(engine), SqlKnowledgeRepository(engine)
    assert inspect(engine).get_table_names() == []
    engine.dispose()


async def test_an_action_at_work_leaves_the_event_loop_free(
    services: Services, dispatcher: CollectingDispatcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, release = threading.Event(), threading.Event()

    def slow_query(*args: object) -> list[object]:
        started.set()
        release.wait(5)
        return []

    monkeypatch.setattr(ActionMyPolicy, "act", slow_query)
    running = asyncio.create_task(ActionMyPolicy().run(dispatcher, tracker("fresh"), {}))
    assert await asyncio.to_thread(started.wait, 5)
    assert not running.done()  # the loop answers others while the action waits on its query
    release.set()
    assert await running == []


async def test_a_form_at_work_leaves_the_event_loop_free(
    services: Services, dispatcher: CollectingDispatcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, release = threading.Event(), threading.Event()

    async def slow_validation(*args: object) -> list[object]:
        started.set()
        release.wait(5)
        return []

    monkeypatch.setattr(FormValidationAction, "run", slow_validation)
    running = asyncio.create_task(ValidateClaimReportForm().run(dispatcher, tracker("fresh"), {}))
    assert await asyncio.to_thread(started.wait, 5)
    assert not running.done()
    release.set()
    assert await running == []
