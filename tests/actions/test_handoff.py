"""action_handoff and action_fallback: a ticket with the context; the bot keeps listening."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import (
    ActionFallback,
    ActionHandoff,
    ActionOutOfScope,
    ActionTakeBotBack,
    hand_off,
)
from actions.services import Services
from bot.desk.tickets import Priority, Status
from tests.actions.conftest import ON_SQLITE_TOO, said, tracker, user_event


@ON_SQLITE_TOO
async def test_complaint_opens_one_high_priority_ticket_and_keeps_listening(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = user_event("你们拖了一个月还不赔，我要去银保监投诉", "complain")
    state = tracker("fresh", latest_message=message["parse_data"], events=[message])
    events = await ActionHandoff().run(dispatcher, state, {})
    ticket = services.tickets.open_ticket_for("customer-fresh")
    assert ticket is not None
    assert events == [
        {"event": "slot", "timestamp": None, "name": "waiting_for_person", "value": str(ticket.id)}
    ]
    assert "继续问我" in said(dispatcher)
    assert (ticket.reason, ticket.priority) == ("complaint", Priority.HIGH)
    assert "银保监" in ticket.summary
    assert f"工单号 {ticket.id}" in said(dispatcher)
    await ActionHandoff().run(CollectingDispatcher(), state, {})
    assert len(services.tickets.all()) == 1


async def test_ticket_carries_the_collected_slots(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = user_event("帮我转人工，受益人的事要办", "request_human")
    state = tracker("fresh", latest_message=message["parse_data"], slots={"product": "KN-CI-2024"})
    await ActionHandoff().run(dispatcher, state, {})
    ticket = services.tickets.open_ticket_for("customer-fresh")
    assert ticket is not None and ticket.reason == "customer_request"
    assert ticket.slots["product"] == "KN-CI-2024"


async def test_a_change_that_needs_paperwork_is_offered_a_person_not_handed_over(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = user_event("受益人想改成我女儿", "change_beneficiary")
    state = tracker("fresh", latest_message=message["parse_data"], slots={"product": "KN-CI-2024"})
    events = await ActionHandoff().run(dispatcher, state, {})
    assert services.tickets.all() == []
    assert all(e["name"] != "waiting_for_person" for e in events)
    assert "受益人" in dispatcher.messages[0]["text"]  # what the wording says of it comes first
    assert "签字" in said(dispatcher) and "不能直接办理" in said(dispatcher)
    assert dispatcher.messages[-1]["buttons"][0]["payload"] == "/request_human"


async def test_buying_advice_about_one_of_our_products_is_answered_from_its_wording(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = user_event("康宁交了两年了 想退了换成安心多倍保 划算吗", "ask_sales_advice")
    await ActionHandoff().run(
        dispatcher, tracker("fresh", latest_message=message["parse_data"]), {}
    )
    assert "现金价值" in said(dispatcher)  # the wording's answer on surrender
    assert "不能替您推荐" in said(dispatcher)  # and a person offered for the choice
    assert services.tickets.all() == []


async def test_a_dispute_over_a_period_hears_the_wording_then_a_person(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = user_event(
        "我在犹豫期内申请退康宁的保 你们说要扣手续费 合同上不是写全额退吗", "complain"
    )
    events = await ActionHandoff().run(
        dispatcher, tracker("fresh", latest_message=message["parse_data"]), {}
    )
    text = said(dispatcher)
    assert text.index("15日") < text.index("工单号")
    assert services.tickets.open_ticket_for("customer-fresh") is not None
    assert events[-1]["name"] == "waiting_for_person"


async def test_a_dispute_over_a_categorys_rule_hears_the_wording_then_a_person(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = user_event(
        "安心多倍保第二次重疾被拒了 说离第一次不到一年 可两次是不同的病啊", "claim_dispute"
    )
    await ActionHandoff().run(
        dispatcher, tracker("fresh", latest_message=message["parse_data"]), {}
    )
    text = said(dispatcher)
    assert text.index("365日") < text.index("工单号")


async def test_a_dispute_over_a_disease_s_share_hears_the_wording_then_a_person(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = user_event("我妈安心多倍保原位癌 你们只给了20% 凭什么不是全额", "claim_dispute")
    await ActionHandoff().run(
        dispatcher, tracker("fresh", latest_message=message["parse_data"]), {}
    )
    text = said(dispatcher)
    assert text.index("轻症") < text.index("工单号")


async def test_out_of_scope_naming_our_product_is_answered_from_its_wording(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = user_event("康宁重疾的等待期到底多久", "out_of_scope")
    await ActionOutOfScope().run(
        dispatcher, tracker("fresh", latest_message=message["parse_data"]), {}
    )
    assert "90日" in said(dispatcher)
    away = CollectingDispatcher()
    other = user_event("帮我查下机票退款到账没有", "out_of_scope")
    await ActionOutOfScope().run(away, tracker("fresh", latest_message=other["parse_data"]), {})
    assert away.messages[0]["response"] == "utter_out_of_scope"


async def test_first_fallback_asks_to_rephrase(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = user_event("嗯嗯啊", "nlu_fallback")
    events = await ActionFallback().run(dispatcher, tracker("fresh", events=[message]), {})
    assert events == []
    assert dispatcher.messages[0]["response"] == "utter_ask_rephrase"
    assert services.tickets.all() == []


async def test_second_fallback_in_a_row_hands_off(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    events = await ActionFallback().run(dispatcher, tracker("second_fallback"), {})
    assert [e["name"] for e in events] == ["waiting_for_person"]
    ticket = services.tickets.open_ticket_for("customer-lost")
    assert ticket is not None and ticket.reason == "not_understood"


async def test_a_bare_product_name_not_understood_continues_the_consultation(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = user_event("康宁重疾", "nlu_fallback", [{"entity": "product", "value": "KN-CI-2024"}])
    state = tracker(
        "fresh",
        latest_message=message["parse_data"],
        events=[message],
        slots={"last_question": "原位癌算不算重疾"},
    )
    await ActionFallback().run(dispatcher, state, {})
    assert "第9.26.1条" in said(dispatcher)
    assert services.tickets.all() == []


async def test_buying_advice_is_offered_a_person_without_a_ticket_or_a_pause(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = user_event("重疾险买哪家的好，推荐一个", "ask_sales_advice")
    state = tracker("fresh", latest_message=message["parse_data"], events=[message])
    events = await ActionHandoff().run(dispatcher, state, {})
    assert events == []
    assert services.tickets.open_ticket_for("customer-fresh") is None
    text = said(dispatcher)
    assert "不能替您推荐" in text and "转人工" in text and "工单号" not in text
    assert dispatcher.messages[-1]["buttons"][0]["payload"] == "/request_human"


async def test_asking_for_a_person_while_waiting_is_acknowledged_and_keeps_the_reason(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    complaint = user_event("我要投诉", "complain")
    state = tracker("fresh", latest_message=complaint["parse_data"], events=[complaint])
    await ActionHandoff().run(dispatcher, state, {})
    ticket = services.tickets.open_ticket_for("customer-fresh")
    assert ticket is not None
    again = user_event("人呢？", "request_human")
    waiting = tracker(
        "fresh",
        latest_message=again["parse_data"],
        events=[complaint, again],
        slots={"waiting_for_person": str(ticket.id)},
    )
    ack = CollectingDispatcher()
    assert await ActionHandoff().run(ack, waiting, {}) == []
    assert f"工单号 {ticket.id}" in said(ack)
    kept = services.tickets.open_ticket_for("customer-fresh")
    assert kept is not None and kept.reason == "complaint"


def in_identity_form(*rejections: str) -> list[dict[str, Any]]:
    """The identity check asking for the policy number, then messages it rejected."""
    events: list[dict[str, Any]] = [
        {"event": "active_loop", "name": "identity_form"},
        {"event": "slot", "name": "requested_slot", "value": "policy_number"},
    ]
    for text in rejections:
        events.append(user_event(text, "claim_status"))
        events.append({"event": "action_execution_rejected", "name": "identity_form"})
    return events


async def test_a_form_question_not_answered_is_asked_again_once(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    state = tracker(
        "fresh",
        events=in_identity_form("我的理赔进度怎么样了"),
        active_loop={"name": "identity_form"},
        slots={"requested_slot": "policy_number"},
    )
    domain = {"responses": {"utter_ask_policy_number": [{"text": "请提供您的保单号"}]}}
    assert await ActionFallback().run(dispatcher, state, domain) == []
    assert dispatcher.messages[-1]["response"] == "utter_ask_policy_number"
    assert services.tickets.all() == []


async def test_a_form_question_not_answered_twice_leaves_the_form(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    state = tracker(
        "fresh",
        events=in_identity_form("我的理赔进度怎么样了", "我的保单还有效吗"),
        active_loop={"name": "identity_form"},
        slots={"requested_slot": "policy_number"},
    )
    events = await ActionFallback().run(dispatcher, state, {})
    assert {"event": "active_loop", "name": None, "timestamp": None} in events
    assert any(e.get("name") == "requested_slot" and e["value"] is None for e in events)
    assert "转人工" in said(dispatcher)


async def test_the_hand_off_says_the_place_in_the_queue_and_offers_to_take_the_bot_back(
    services: Services, dispatcher: CollectingDispatcher, monkeypatch: Any
) -> None:
    monkeypatch.setenv("MINGBAO_DESK_HOURS", "always")
    services.tickets.open_ticket("someone-else", "complaint", Priority.HIGH, "", {})
    message = user_event("转人工", "request_human")
    message["metadata"] = {"channel": "web", "client": "127.0.0.1"}
    state = tracker("fresh", latest_message=message["parse_data"], events=[message])
    await ActionHandoff().run(dispatcher, state, {})
    ticket = services.tickets.open_ticket_for("customer-fresh")
    assert ticket is not None and ticket.channel == "web"
    assert "您前面还有 1 位" in said(dispatcher) and "4 小时内" in said(dispatcher)
    assert dispatcher.messages[-1]["buttons"] == [
        {"title": "不用人工了", "payload": "/cancel_human"}
    ]


async def test_outside_service_hours_the_hand_off_says_when_people_answer(
    services: Services, dispatcher: CollectingDispatcher, monkeypatch: Any
) -> None:
    monkeypatch.setenv("MINGBAO_DESK_HOURS", "00:00-00:01")
    message = user_event("转人工", "request_human")
    await ActionHandoff().run(
        dispatcher, tracker("fresh", latest_message=message["parse_data"]), {}
    )
    assert "不在人工服务时间（每天 00:00–00:01" in said(dispatcher)


@ON_SQLITE_TOO
async def test_taking_the_bot_back_cancels_the_waiting_ticket(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    ticket, _ = services.tickets.open_ticket(
        "customer-fresh", "customer_request", Priority.NORMAL, "", {}
    )
    events = await ActionTakeBotBack().run(dispatcher, tracker("fresh"), {})
    assert events == [
        {"event": "slot", "timestamp": None, "name": "waiting_for_person", "value": None}
    ]
    assert services.tickets.get(ticket.id).status is Status.CANCELLED
    assert f"已取消人工服务（工单号 {ticket.id}）" in said(dispatcher)
    again = CollectingDispatcher()
    await ActionTakeBotBack().run(again, tracker("fresh"), {})
    assert "不转人工" in said(again)


@ON_SQLITE_TOO
async def test_once_a_person_has_joined_the_bot_is_not_taken_back_from_them(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    ticket, _ = services.tickets.open_ticket(
        "customer-fresh", "customer_request", Priority.NORMAL, "", {}
    )
    services.tickets.claim(ticket.id, "li")
    assert await ActionTakeBotBack().run(dispatcher, tracker("fresh"), {}) == []
    assert services.tickets.get(ticket.id).status is Status.CLAIMED
    assert "人工客服已经接入" in said(dispatcher)


async def test_a_question_asked_while_taking_the_bot_back_is_answered_too(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    ticket, _ = services.tickets.open_ticket(
        "customer-fresh", "customer_request", Priority.NORMAL, "", {}
    )
    message = {
        "text": "算了不用人工了 我自己问吧 康宁重疾的等待期多久",
        "intent": {"name": "cancel_human", "confidence": 0.9},
        "entities": [],
    }
    events = await ActionTakeBotBack().run(dispatcher, tracker("fresh", latest_message=message), {})
    assert services.tickets.get(ticket.id).status is Status.CANCELLED
    reply = said(dispatcher)
    assert f"已取消人工服务（工单号 {ticket.id}）" in reply and "90日" in reply
    assert {"event": "slot", "timestamp": None, "name": "product", "value": "KN-CI-2024"} in events


async def test_taking_the_bot_back_alone_answers_nothing_more(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = {"text": "不用人工了", "intent": {"name": "cancel_human"}, "entities": []}
    events = await ActionTakeBotBack().run(dispatcher, tracker("fresh", latest_message=message), {})
    assert events == [
        {"event": "slot", "timestamp": None, "name": "waiting_for_person", "value": None}
    ]


def test_a_dispute_hears_the_rule_it_can_hold_the_insurer_to_before_the_person(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = {
        "text": "理赔被拒了，说投保时没告知高血压，可保单都买了3年了，这合理吗",
        "intent": {"name": "claim_dispute", "confidence": 0.9},
        "entities": [],
    }
    hand_off(dispatcher, tracker("fresh", latest_message=message), "claim_dispute")
    reply = said(dispatcher)
    assert "2年" in reply and "《保险法》第16条" in reply
    assert reply.index("第16条") < reply.index("已为您转接人工客服")


def test_buying_advice_names_what_decides_and_the_rule_the_message_bears_on(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = {
        "text": "我有高血压，当时问卷没问，现在还能买吗",
        "intent": {"name": "ask_sales_advice", "confidence": 0.9},
        "entities": [],
    }
    events = hand_off(dispatcher, tracker("fresh", latest_message=message), "ask_sales_advice")
    reply = said(dispatcher)
    assert "《保险法》第16条" in reply and "核保结论" in reply
    assert reply.index("第16条") < reply.index("选购建议")
    assert not any(e.get("name") == "waiting_for_person" for e in events)  # offered, not opened


async def test_a_message_not_understood_that_names_a_topic_is_answered_from_the_wording(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = user_event("好的谢谢，那宽限期多久", "nlu_fallback")
    state = tracker(
        "fresh",
        latest_message=message["parse_data"],
        events=[message],
        slots={"product": "KN-CI-2024"},
    )
    await ActionFallback().run(dispatcher, state, {})
    assert "60日" in said(dispatcher) and "没太理解" not in said(dispatcher)
    assert services.tickets.all() == []


async def test_a_follow_up_not_understood_asks_the_previous_question_again(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = user_event("那要是保额50万呢", "nlu_fallback")
    state = tracker(
        "fresh",
        latest_message=message["parse_data"],
        events=[message],
        slots={"product": "AX-CI-2023", "last_question": "保额30万 甲状腺癌一期能赔多少"},
    )
    await ActionFallback().run(dispatcher, state, {})
    assert "10万" in said(dispatcher)
    assert services.tickets.all() == []


async def test_a_fact_changed_in_a_follow_up_is_not_taken_for_advice(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = user_event("保额换成50万呢", "ask_sales_advice")
    state = tracker(
        "fresh",
        latest_message=message["parse_data"],
        slots={
            "product": "KN-CI-2024",
            "last_question": "康宁重疾 保额30万 要是得了轻度疾病能赔多少",
        },
    )
    await ActionHandoff().run(dispatcher, state, {})
    assert "15万" in said(dispatcher) and "不能替您推荐" not in said(dispatcher)


async def test_a_person_asked_for_in_a_fallback_is_not_taken_for_a_follow_up(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = user_event("人呢？", "nlu_fallback")
    state = tracker(
        "fresh",
        latest_message=message["parse_data"],
        events=[message],
        slots={"product": "KN-CI-2024", "last_question": "康宁重疾等待期多久"},
    )
    await ActionFallback().run(dispatcher, state, {})
    assert "90日" not in said(dispatcher)


def test_a_follow_up_that_tells_something_new_is_not_a_misunderstanding() -> None:
    from actions.handoff import changes_the_case

    assert changes_the_case("那宫颈的CIN2呢") and changes_the_case("那要是他成年以后呢")
    assert not changes_the_case("人呢？") and not changes_the_case("那我呢")
