"""validate_identity_form: the proof is checked against the holder; three failures lock."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.identity import ActionAskPolicyNumber, only_a_proof, proof_in
from actions.identity_form import ValidateIdentityForm
from actions.services import Services
from tests.actions.conftest import ON_SQLITE_TOO, said, tracker, user_event


def validate_proof(dispatcher: CollectingDispatcher, text: str, **slots: Any) -> dict[str, Any]:
    state = tracker("fresh", slots={"policy_number": "MB2024000002", **slots})
    return ValidateIdentityForm().validate_identity_proof(text, dispatcher, state, {})


@pytest.mark.parametrize(
    ("text", "proof"),
    [
        ("后四位0446", "0446"),
        ("身份证后4位 023x", "023X"),
        ("手机号 136-0128-7744", "13601287744"),
        ("ＭＢ２０２４０００００２ 后四位是０４４６", "0446"),
        ("我不记得了", None),
    ],
)
def test_proof_in(text: str, proof: str | None) -> None:
    assert proof_in(text) == proof


def test_matching_id_ending_verifies(services: Services, dispatcher: CollectingDispatcher) -> None:
    slots = validate_proof(dispatcher, "身份证后四位0446")
    assert slots["identity"] == "verified"
    assert slots["verified_policy"] == "MB2024000002"
    assert "0446" not in str(slots.values())  # the proof itself is not kept in a slot


def test_registered_mobile_verifies(services: Services, dispatcher: CollectingDispatcher) -> None:
    assert validate_proof(dispatcher, "13601287744")["identity"] == "verified"


def test_wrong_proof_asks_both_again_without_saying_which(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    slots = validate_proof(dispatcher, "后四位9999")
    # the number stays pending so a corrected proof alone can be checked (and counted) next
    assert slots == {
        "identity_proof": None,
        "policy_number": "MB2024000002",
        "identity_failures": 1,
    }
    assert "还可尝试2次" in said(dispatcher) and "保单号和身份信息" in said(dispatcher)
    assert "身份证" not in said(dispatcher)


@ON_SQLITE_TOO
def test_third_failure_locks_even_when_the_slots_were_reset(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    validate_proof(CollectingDispatcher(), "后四位9999")
    validate_proof(CollectingDispatcher(), "后四位9998")
    slots = validate_proof(dispatcher, "后四位9997", identity_failures=0)  # e.g. after /restart
    assert slots["identity"] == "locked"
    assert "转人工" in said(dispatcher)


@ON_SQLITE_TOO
def test_a_policy_guessed_at_from_many_conversations_is_locked_for_everyone(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    for n in range(5):
        services.records.verify_identity("MB2024000002", "9999", conversation_id=f"bot-{n}")
    slots = validate_proof(dispatcher, "身份证后四位0446")  # the right proof, too late
    assert slots == {"identity_proof": "locked", "identity": "locked"}
    assert "30分钟后再试" in said(dispatcher) and "0446" not in said(dispatcher)


@ON_SQLITE_TOO
def test_the_client_address_from_the_channel_is_recorded(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    state = tracker("fresh", slots={"policy_number": "MB2024000002"})
    state.events.append(
        {"event": "user", "text": "9999", "metadata": {"client": "203.0.113.7"}, "parse_data": {}}
    )
    ValidateIdentityForm().validate_identity_proof("后四位9999", dispatcher, state, {})
    for n in range(9):
        services.records.verify_identity(
            f"MB20990000{n:02d}", "9999", conversation_id=f"x{n}", client="203.0.113.7"
        )
    assert services.records.verify_identity(
        "MB2024000002", "0446", conversation_id="y", client="203.0.113.7"
    ).locked_until


def test_a_message_without_a_proof_is_not_counted(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    assert validate_proof(dispatcher, "等待期多久啊") == {"identity_proof": None}


def test_policy_number_is_upper_cased_and_checked_for_form(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    form = ValidateIdentityForm()
    state = tracker("fresh")
    assert form.validate_policy_number("mb2024000002", dispatcher, state, {}) == {
        "policy_number": "MB2024000002"
    }
    assert form.validate_policy_number("12345", dispatcher, state, {}) == {"policy_number": None}


async def test_an_agent_who_left_hears_the_policy_is_safe_before_the_identity_check(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    from actions.identity import ActionAskPolicyNumber
    from tests.actions.conftest import user_event

    message = user_event("业务员离职了，我的保单还有效吗", "orphan_policy")
    state = tracker("fresh", latest_message=message["parse_data"], events=[message])
    await ActionAskPolicyNumber().run(dispatcher, state, {})
    first, second = (m["text"] for m in dispatcher.messages)
    assert "保单继续有效" in first and "保险销售行为管理办法" in first
    assert "保单号" in second
    other = CollectingDispatcher()
    await ActionAskPolicyNumber().run(other, tracker("fresh"), {})
    assert other.messages[0]["response"] == "utter_ask_policy_number"


def asked_for_proof(*answers: str) -> list[dict[str, Any]]:
    """The check given the policy number, asking for the proof, then the customer's answers."""
    events: list[dict[str, Any]] = [
        user_event("我的保单还有效吗", "policy_status"),
        {"event": "active_loop", "name": "identity_form"},
        {"event": "slot", "name": "requested_slot", "value": "policy_number"},
        user_event("MB2024000002", "inform"),
        {"event": "slot", "name": "policy_number", "value": "MB2024000002"},
        {"event": "slot", "name": "requested_slot", "value": "identity_proof"},
    ]
    for answer in answers:
        events.append(user_event(answer, "inform"))
        events.append({"event": "slot", "name": "requested_slot", "value": "identity_proof"})
    return events[:-1]


def test_a_message_without_a_proof_asks_again_once_then_the_check_is_left(
    services: Services,
) -> None:
    form = ValidateIdentityForm()
    slots = {"policy_number": "MB2024000002", "requested_slot": "identity_proof"}
    first = tracker("fresh", events=asked_for_proof("我不记得了"), slots=slots)
    assert form.validate_identity_proof("我不记得了", CollectingDispatcher(), first, {}) == {
        "identity_proof": None
    }
    dispatcher = CollectingDispatcher()
    second = tracker("fresh", events=asked_for_proof("我不记得了", "等下再说吧"), slots=slots)
    assert form.validate_identity_proof("等下再说吧", dispatcher, second, {}) == {
        "identity_proof": None,
        "requested_slot": None,
    }
    assert "转人工" in said(dispatcher)
    wrong_then_none = asked_for_proof("后四位9999", "我不记得了")
    third = tracker("fresh", events=wrong_then_none, slots=slots)
    assert "requested_slot" not in form.validate_identity_proof(
        "我不记得了", CollectingDispatcher(), third, {}
    )


def test_a_proof_sent_with_the_policy_number_is_checked_at_once(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = {"text": "MB2024000002 0446", "intent": {"name": "inform"}, "entities": []}
    state = tracker("fresh", latest_message=message)
    slots = ValidateIdentityForm().validate_policy_number("MB2024000002", dispatcher, state, {})
    assert (slots["policy_number"], slots["identity"]) == ("MB2024000002", "verified")
    assert "身份核验通过" in said(dispatcher)


def test_a_wrong_proof_sent_with_the_number_asks_for_both_again(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = {
        "text": "保单号MB2024000002 后四位1234",
        "intent": {"name": "inform"},
        "entities": [],
    }
    state = tracker("fresh", latest_message=message)
    slots = ValidateIdentityForm().validate_policy_number("MB2024000002", dispatcher, state, {})
    assert slots["policy_number"] == "MB2024000002" and slots["identity_proof"] is None
    assert "不匹配" in said(dispatcher)


async def test_a_complaint_about_delay_hears_the_30_day_rule_before_the_identity_check(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = {
        "text": "理赔资料交上去两个月了，到现在还没结果，你们是不是故意拖",
        "intent": {"name": "claim_status", "confidence": 0.9},
        "entities": [],
    }
    await ActionAskPolicyNumber().run(dispatcher, tracker("fresh", latest_message=message), {})
    reply = said(dispatcher)
    assert "30日内作出核定" in reply and "《保险法》第23—25条" in reply


def test_a_number_longer_than_a_policy_number_is_not_cut_to_one() -> None:
    from bot.records.identity import policy_number_in

    assert policy_number_in("ＭＢ２０２４００００００３ ０２８Ｘ") is None
    assert policy_number_in("MB 2024 000 002") == "MB2024000002"
    assert proof_in("MB2024000002 0446") == "0446"


def test_a_corrected_proof_after_a_failure_is_a_proof() -> None:
    assert only_a_proof("搞错了 那是手机尾号 身份证是0538")


def test_a_number_no_policy_has_is_said_to_be_unknown(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    from actions.identity import verify

    slots = verify(dispatcher, tracker("fresh"), "MB2099999999", "1234")
    assert slots["policy_number"] is None and slots["identity_failures"] == 1
    assert "没有查到保单号MB2099999999" in said(dispatcher)
