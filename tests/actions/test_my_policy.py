"""action_my_policy: personal answers only after the check, computed from dates and wording."""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions.my_policy import ActionMyPolicy
from actions.services import Services
from tests.actions.conftest import ON_SQLITE_TOO, said, tracker, user_event


async def ask(
    dispatcher: CollectingDispatcher, text: str, intent: str, policy: str, **changes: object
) -> str:
    message = user_event(text, intent)
    state = tracker(
        "verified_dates",
        slots={"verified_policy": policy},
        events=[*tracker("verified_dates").events, message],
        **changes,
    )
    await ActionMyPolicy().run(dispatcher, state, {})
    return said(dispatcher)


async def test_waiting_period_computed_and_cited(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    await ActionMyPolicy().run(dispatcher, tracker("verified_dates"), {})
    text = said(dispatcher)
    assert "等待期" in text and "90日" in text
    assert "第2.3条" in text
    assert {"product": "KN-CI-2024", "version": "2024", "article": "2.3"} in dispatcher.messages[0][
        "citations"
    ]


async def test_nothing_personal_before_verification(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    state = tracker("verified_dates", slots={"identity": "locked"})
    await ActionMyPolicy().run(dispatcher, state, {})
    text = said(dispatcher)
    assert "MB2024000002" not in text and "锁定" in text


async def test_status_of_a_lapsed_policy(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    text = await ask(dispatcher, "我的保单还有效吗", "policy_status", "MB2024000007")
    assert "效力中止" in text and "复效" in text
    assert "第6.1条" in text and "我们不承担保险责任" in text  # the wording's own rule, cited
    citation = {"product": "KN-CI-2024", "version": "2024", "article": "6.1"}
    assert citation in dispatcher.messages[0]["citations"]


async def test_claim_status(services: Services, dispatcher: CollectingDispatcher) -> None:
    text = await ask(dispatcher, "理赔到哪一步了", "claim_status", "MB2024000012")
    assert "审核中" in text


@ON_SQLITE_TOO
async def test_agent_who_left_gets_a_new_service_person_and_a_ticket(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    text = await ask(dispatcher, "我的业务员是谁", "my_agent", "MB2024000010")
    assert "不影响合同效力" in text
    assignments = services.records.service_assignments("MB2024000010")
    assert len(assignments) == 1
    new_agent = services.records.agent(assignments[0].new_agent_code)
    assert new_agent is not None and new_agent.name in text
    ticket = services.tickets.open_ticket_for("customer-verified")
    assert ticket is not None and ticket.reason == "orphan_policy"


async def test_status_in_the_grace_period_says_how_long_is_left(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    text = await ask(dispatcher, "我的保单还有效吗", "policy_status", "MB2024000005")
    assert "宽限期60日" in text and "第4.2条" in text
    assert {"product": "KN-CI-2024", "version": "2024", "article": "4.2"} in dispatcher.messages[0][
        "citations"
    ]


async def test_another_policy_number_with_its_proof_is_checked_and_answered(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = user_event(
        "我另一张MB2024000018康宁也是我的 身份证还是0826 它等待期还剩多久", "policy_dates"
    )
    text = await ask(
        dispatcher,
        message["text"],
        "policy_dates",
        "MB2024000019",
        latest_message=message["parse_data"],
    )
    assert "身份核验通过" in text and "复效" in text
