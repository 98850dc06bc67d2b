"""The unit of work a request runs in: what it writes is kept only when the action ends normally;
the service person assigned to an orphan policy and the ticket about it are one transaction."""

from __future__ import annotations

import datetime as dt

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.my_policy import ActionMyPolicy
from actions.services import Services, unit_of_work
from bot.desk.tickets import Priority
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
def test_no_service_person_is_assigned_when_the_ticket_about_it_cannot_be_opened(
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
        ActionMyPolicy().run(dispatcher, state, {})
    assert services.records.service_assignments("MB2024000010") == []
    policy = services.records.policy("MB2024000010")
    assert policy is not None and policy.service_agent_code == policy.agent_code
