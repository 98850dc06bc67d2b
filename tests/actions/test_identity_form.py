"""validate_identity_form: a question the wording answers is answered, not held in the check."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.identity_form import LEFT_CHECK, ValidateIdentityForm
from actions.services import Services
from tests.actions.conftest import said, tracker, user_event


async def validation(
    dispatcher: CollectingDispatcher, text: str, intent: str, **slots: Any
) -> dict[str, Any]:
    message = user_event(text, intent)
    state = tracker("fresh", latest_message=message["parse_data"], slots=slots)
    events = await ValidateIdentityForm().get_validation_events(dispatcher, state, {})
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


async def test_a_question_with_its_own_dates_is_answered_before_any_check(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    slots = await validation(
        dispatcher,
        "我妈那份安心多倍保去年11月1号生效的，今年3月查出乳腺癌，算不算在等待期里",
        "policy_dates",
    )
    assert slots["requested_slot"] is None
    text = said(dispatcher)
    assert "180日" in text and "核验身份" in text


async def test_another_insurers_product_gets_the_general_rule_and_no_check(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    slots = await validation(dispatcher, "泰康的重疾险 我18年买的 等待期早过了吧", "policy_dates")
    assert slots["requested_slot"] is None
    assert "保单号" not in said(dispatcher)


async def test_a_question_asked_inside_the_check_is_answered_and_the_check_left(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    slots = await validation(
        dispatcher,
        "验证太麻烦了 你就直接说康宁能不能复效",
        "ask_reinstatement",
        policy_number="MB2024000007",
        requested_slot="identity_proof",
    )
    assert slots["requested_slot"] is None
    text = said(dispatcher)
    assert "2年" in text and LEFT_CHECK in text


async def test_a_question_only_the_records_answer_goes_on_to_the_check(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    slots = await validation(dispatcher, "我的保单还有效吗", "policy_status")
    assert slots.get("requested_slot", "asked next") is not None
    assert said(dispatcher) == ""


async def test_a_request_to_report_a_claim_starts_the_check_whatever_it_shares_with_the_wording(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    slots = await validation(dispatcher, "我要报案", "report_claim")
    assert slots.get("requested_slot", "asked next") is not None
    assert said(dispatcher) == ""
