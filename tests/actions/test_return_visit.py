"""return_visit_form and its actions: every answer stored, "no"/"not sure" explained from the
wording and flagged, a summary at the end and a follow-up ticket that does not pause the bot."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.return_visit import (
    ITEMS,
    ActionAskRvKnowsCoolingOff,
    ActionAskRvKnowsPayment,
    ActionStopReturnVisit,
    ActionSubmitReturnVisit,
    ValidateReturnVisitForm,
)
from actions.services import Services
from bot.desk.tickets import Priority
from tests.actions.conftest import ON_SQLITE_TOO, said, tracker

FORM = ValidateReturnVisitForm()
SENDER = "customer-visit"


def visit(**slots: Any) -> Tracker:
    return tracker("return_visit", slots=slots)


def answer(slot: str, value: str, dispatcher: CollectingDispatcher, **slots: Any) -> Any:
    validate = getattr(FORM, f"validate_{slot}")
    return validate(value, dispatcher, visit(**slots), {})


def test_yes_is_stored_unflagged_without_explanation(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    assert answer("rv_in_person", "yes", dispatcher) == {"rv_in_person": "yes"}
    [stored] = services.records.return_visit_answers("MB2024000001")
    assert (stored.item_key, stored.answer, stored.flagged) == ("in_person", "yes", False)
    assert stored.conversation_id == SENDER
    assert dispatcher.messages == []


@ON_SQLITE_TOO
def test_no_to_exclusions_is_flagged_and_explained_citing_the_article(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    answer("rv_understood_exclusions", "no", dispatcher)
    [stored] = services.records.return_visit_answers("MB2024000001")
    assert stored.flagged
    text = said(dispatcher)
    assert text.startswith("已记录您的回答：否。")
    assert "责任免除" in text and "第2.5条" in text and "酒后驾驶" in text
    assert {"product": "KN-CI-2024", "version": "2024", "article": "2.5"} in dispatcher.messages[0][
        "citations"
    ]


def test_unsure_about_payment_explains_from_the_record_and_the_wording(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    answer("rv_knows_payment", "unsure", dispatcher)
    text = said(dispatcher)
    assert "已记录您的回答：不清楚。" in text
    assert "年交，交费期20年，每年保险费9860.00元" in text  # MB2024000001's record
    assert "第4.1条" in text


def test_an_answer_that_is_not_yes_no_or_unsure_is_not_stored(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    assert answer("rv_in_person", "maybe", dispatcher) == {"rv_in_person": None}
    assert services.records.return_visit_answers("MB2024000001") == []


@pytest.mark.parametrize(
    ("policy", "days", "article"),
    [
        ("MB2024000001", "15日", "1.4"),
        ("MB2024000017", "20日", "1.4"),
        ("MB2024000008", "10日", "1.4"),
    ],
)
async def test_cooling_off_question_gives_the_products_days_from_its_wording(
    services: Services, dispatcher: CollectingDispatcher, policy: str, days: str, article: str
) -> None:
    await ActionAskRvKnowsCoolingOff().run(dispatcher, visit(verified_policy=policy), {})
    text = said(dispatcher)
    assert f"有{days}的犹豫期" in text and f"第{article}条" in text
    assert dispatcher.messages[0]["citations"][0]["article"] == article


async def test_payment_question_gives_the_policys_terms(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    await ActionAskRvKnowsPayment().run(dispatcher, visit(verified_policy="MB2024000008"), {})
    assert "月交，交费期1年，每年保险费396.00元" in said(dispatcher)


def answer_all(services: Services, flagged: dict[str, str]) -> None:
    for item in ITEMS:
        services.records.record_return_visit_answer(
            "MB2024000001", item.key, flagged.get(item.key, "yes"), SENDER
        )


async def test_all_confirmed_summary_opens_no_ticket(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    answer_all(services, {})
    events = await ActionSubmitReturnVisit().run(dispatcher, visit(), {})
    text = said(dispatcher)
    assert (
        "回访已完成" in text and "各项均已确认" in text and "7. 清楚交费期间和交费金额：是" in text
    )
    assert services.tickets.all() == []
    assert all(e["event"] == "slot" and e["value"] is None for e in events)


@ON_SQLITE_TOO
async def test_flagged_answers_open_a_follow_up_ticket_without_pausing(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    answer_all(services, {"signed_in_person": "no", "understood_exclusions": "unsure"})
    events = await ActionSubmitReturnVisit().run(dispatcher, visit(), {})
    [ticket] = services.tickets.all()
    assert (ticket.reason, ticket.priority) == ("return_visit_follow_up", Priority.NORMAL)
    assert ticket.slots["flagged_items"] == ["signed_in_person", "understood_exclusions"]
    assert "投保单本人亲笔签名（否）" in ticket.summary
    text = said(dispatcher)
    assert "2. 投保单本人亲笔签名：否" in text and "4. 了解责任免除：不清楚" in text
    assert f"工单号 {ticket.id}" in text and "工作人员会尽快与您联系" in text
    assert "pause" not in [e["event"] for e in events]


async def test_an_answer_given_again_replaces_the_earlier_one(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    answer_all(services, {"in_person": "unsure"})
    services.records.record_return_visit_answer("MB2024000001", "in_person", "yes", SENDER)
    await ActionSubmitReturnVisit().run(dispatcher, visit(), {})
    assert services.tickets.all() == [] and "1. 本人投保：是" in said(dispatcher)


async def test_a_paused_visit_keeps_its_answers_and_follows_up_on_flags(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    services.records.record_return_visit_answer("MB2024000001", "in_person", "no", SENDER)
    await ActionStopReturnVisit().run(dispatcher, visit(), {})
    [ticket] = services.tickets.all()
    assert ticket.reason == "return_visit_follow_up" and "回访未完成" in ticket.summary
    assert "回访还没有完成" in said(dispatcher)
    assert len(services.records.return_visit_answers("MB2024000001")) == 1
