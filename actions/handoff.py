"""Handing a conversation to a person (DESIGN.md rules 7 and 10): a ticket and a message; the bot
keeps answering while the customer waits, and says a person will reply."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import ServiceAction
from actions.case import changed_case
from actions.consult import (
    ADVICE_CUE,
    ADVICE_OFFER,
    ELLIPSIS,
    ActionConsult,
    asks_something,
    consult,
    only_facts,
)
from actions.identity import gives_identity
from actions.services import (
    channel_of,
    customer_messages,
    entity_value,
    latest_intent,
    offer_person,
    say,
    say_rules_first,
    services,
)
from bot.clock import china_today, utc_now
from bot.desk.config import load_desk_config
from bot.desk.reasons import DISPUTES, reason_for
from bot.desk.tickets import EscalationTicket, Status, TicketStateError
from bot.knowledge.interface import Knowledge
from bot.knowledge.question import Question
from bot.knowledge.text import normalize

# What the bot cannot do but a person can, offered rather than handed over (DESIGN.md rule 7):
# the customer keeps the bot, and a ticket is made only when they take the offer.
OFFERS: dict[str, str] = {"ask_sales_advice": ADVICE_OFFER}
# Changes that need paperwork a person handles: the customer hears the rules, and is offered one.
PAPERWORK = frozenset({"change_beneficiary", "change_payment_method"})
TAKE_BACK_BUTTONS = [{"title": "不用人工了", "payload": "/cancel_human"}]
SUMMARY_MESSAGES = 6


def conversation_summary(tracker: Tracker) -> str:
    """The customer's last messages with their intents, oldest first, for the agent."""
    latest = customer_messages(tracker)[:SUMMARY_MESSAGES]
    return "\n".join(f"[{intent}] {event.get('text')}" for intent, event in reversed(latest))


def hand_off(
    dispatcher: CollectingDispatcher, tracker: Tracker, intent: str | None
) -> list[EventType]:
    """Open (or find) the conversation's ticket and tell the customer; the bot does not fall silent.

    What the bot merely cannot do (buying advice) is offered instead (:func:`offer_person`).
    """
    text = tracker.latest_message.get("text") or ""
    knowledge = services().knowledge
    previous = tracker.get_slot("last_question")
    if (
        intent in OFFERS
        and previous
        and ELLIPSIS.search(normalize(text))
        and changed_case(previous, text, china_today()) is not None
    ):
        # "保额换成50万呢": the previous question with one fact changed, not advice asked
        return consult(dispatcher, tracker, text, None)
    if intent in OFFERS and knowledge.product_in(normalize(text)) is not None:
        # "我老公买的安心多倍保 保额50万", "我妈58了还能买康宁吗": one of our products, so the
        # wording answers; a person is offered when a choice is asked for.
        answered = consult(dispatcher, tracker, text, None)
        if not only_facts(knowledge, text) and not ADVICE_CUE.search(normalize(text)):
            offer_person(dispatcher, OFFERS[intent])
        return answered
    if intent in OFFERS:
        say_rules_first(dispatcher, tracker)
        return offer_person(dispatcher, OFFERS[intent])
    if intent in PAPERWORK:
        # "受益人能改吗": what the wording or the law says of it, then a person for the paperwork
        answered = consult(dispatcher, tracker, text, None)
        offer_person(dispatcher, f"{reason_for(intent).opening}，我这里不能直接办理。")
        return answered
    waiting = tracker.get_slot("waiting_for_person")
    if waiting and intent == "request_human":
        # "人呢？" while waiting: acknowledged; the ticket keeps why it was opened.
        say(
            dispatcher,
            f"已转人工客服（工单号 {waiting}），工作人员会尽快回复您；在此之前您也可以继续问我条款问题。",
        )
        return []
    reason, priority, opening = reason_for(intent)
    slots = {k: v for k, v in tracker.current_slot_values().items() if v not in (None, "", [])}
    desk = services().tickets
    ticket, _created = desk.open_ticket(
        conversation_id=tracker.sender_id,
        reason=reason,
        priority=priority,
        summary=conversation_summary(tracker),
        slots=slots,
        channel=channel_of(tracker),
    )
    events: list[EventType] = []
    if intent in DISPUTES and wording_settles(knowledge, tracker, text):
        # "你们说要扣手续费 合同上不是写全额退吗": what the wording says comes first.
        events = consult(dispatcher, tracker, text, None)
    elif intent in DISPUTES:
        # The rule the customer can hold the insurer to comes first (2 years, the right to
        # surrender, where to complain); the person decides the case.
        say_rules_first(dispatcher, tracker)
    dispatcher.utter_message(
        text=f"{opening}。已为您转接人工客服（工单号 {ticket.id}），{when_a_person_answers(ticket)}"
        "工作人员会查看我们的对话记录；在此之前您也可以继续问我条款问题。",
        buttons=TAKE_BACK_BUTTONS,
    )
    return [*events, SlotSet("waiting_for_person", str(ticket.id))]


def wording_settles(knowledge: Knowledge, tracker: Tracker, text: str) -> bool:
    """Whether a dispute turns on a period or a sum the wording of a product in the chat states
    (犹豫期, 免赔额 …), not on a diagnosis only the person handling the claim can judge."""
    product = knowledge.product_in(normalize(text)) or tracker.get_slot("product")
    rest = normalize(text)
    asked = Question.read(rest)
    # "第二次重疾被拒了 说离第一次不到一年": the category's own rules (interval, times) settle it
    named = asked.topics or asked.categories
    disease = knowledge.disease_in(rest)
    if product and disease is not None and SHARE_DISPUTED.search(rest):
        # "原位癌只给了20% 凭什么不是全额": the disease's share is the wording's, said first
        return True
    return bool(product and named and disease is None)


SHARE_DISPUTED = re.compile(r"只(给|赔|付)了?|全额|才(给|赔)|\d+\s*[%％]|一部分|打折")


def when_a_person_answers(ticket: EscalationTicket) -> str:
    """The customer's place in the queue and when to expect a person, in one clause."""
    config = load_desk_config()
    desk = services().tickets
    ahead = sum(1 for other in desk.find((Status.OPEN,)) if other.queue_key() < ticket.queue_key())
    now = utc_now()
    if not config.hours.open_at(now):
        return f"现在不在人工服务时间（每天 {config.hours.label()}，北京时间），工作人员上班后会尽快回复您；"
    minutes = int(config.sla[ticket.priority].total_seconds() // 60)
    wait = f"{minutes} 分钟" if minutes < 120 else f"{minutes // 60} 小时"
    place = f"您前面还有 {ahead} 位，" if ahead else ""
    return f"{place}预计 {wait}内有人回复；"


class ActionTakeBotBack(ServiceAction):
    """The customer no longer wants a person: the waiting ticket is cancelled, the bot goes on."""

    def name(self) -> str:
        return "action_take_bot_back"

    def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        desk = services().tickets
        ticket = desk.open_ticket_for(tracker.sender_id)
        if ticket is None:
            say(dispatcher, "好的，不转人工。条款、理赔和保单服务的问题都可以继续问我。")
            return [SlotSet("waiting_for_person", None), *answered_too(dispatcher, tracker)]
        try:
            desk.cancel(ticket.id, "customer")
        except TicketStateError:
            say(dispatcher, "人工客服已经接入，请直接和工作人员沟通；结束后对话会交回给我。")
            return []
        say(
            dispatcher,
            f"好的，已取消人工服务（工单号 {ticket.id}）。我继续为您服务，条款、理赔和保单服务的问题都可以问我；"
            "需要时再回复“转人工”。",
        )
        return [SlotSet("waiting_for_person", None), *answered_too(dispatcher, tracker)]


TAKE_BACK_WORDS = re.compile(
    r"(算了|好吧|那)?[，,。\s]*(不用|不要|不需要|取消|别)(转)?(人工|客服|人工客服)了?(吧)?"
    r"|我(还是)?自己(问|看)(吧)?|继续问(你|您)?"
)


def answered_too(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """ "算了不用人工了，宽限期多久": the question that came with taking the bot back, answered."""
    text = tracker.latest_message.get("text") or ""
    rest = TAKE_BACK_WORDS.sub(" ", text).strip(" ，,。")
    if not rest or not asks_something(services().knowledge, rest):
        return []
    return consult(dispatcher, tracker, rest, None)


class ActionHandoff(ServiceAction):
    """Hands the conversation to a person for the reason its latest intent gives."""

    def name(self) -> str:
        return "action_handoff"

    def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        return hand_off(dispatcher, tracker, latest_intent(tracker))


# A figure a follow-up tells: an amount, a length of time, an age, a stage, a day.
TOLD_FIGURE = re.compile(
    r"(\d+(\.\d+)?|[一二两三四五六七八九十半]+)(个多?月|个?半月|年|天|日|周|岁|万|千|元|块|期|号|次|%)"
)


FOLLOW_UP_MARKS = re.compile(r"^(那么?|还有|如果是?|要是|假如|换成|改成)|(的话)?呢?[？?。！!\s]*$")


def changes_the_case(text: str) -> bool:
    """Whether a follow-up ("那…呢") tells something new: a figure, or a few words of its own
    ("那要是他成年以后呢"), not just a pronoun ("人呢", "那我呢")."""
    if TOLD_FIGURE.search(text):
        return True
    return len(FOLLOW_UP_MARKS.sub("", text)) >= 3


class ActionFallback(ServiceAction):
    """Asks to rephrase once; the second misunderstanding in a row goes to a person.

    Inside a form whose question the message did not answer: the first time the question is
    asked again; the second time the form is left and the bot listens (DESIGN.md rule 10).
    """

    def name(self) -> str:
        return "action_fallback"

    def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        loop = (tracker.active_loop or {}).get("name")
        if loop and loop_rejections(tracker, loop) >= 1:
            return leave_or_ask_again(dispatcher, tracker, loop, domain)
        if entity_value(tracker, "product") is not None:
            # A bare product name ("康宁重疾") is the answer to "which product?": go on consulting.
            return ActionConsult().act(dispatcher, tracker, domain)
        text = tracker.latest_message.get("text") or ""
        previous = tracker.get_slot("last_question")
        if gives_identity(tracker, text) or asks_something(services().knowledge, text, previous):
            # "好的谢谢，那宽限期多久": the intent is unsure, but the wording's words are there
            return consult(dispatcher, tracker, text, None)
        if previous and ELLIPSIS.search(normalize(text)) and changes_the_case(normalize(text)):
            # "要是两次中间只隔了10个月呢", "那宫颈的CIN2呢": the previous question, asked again
            # with what the follow-up changes ("人呢？" changes nothing: it is not a follow-up)
            return consult(dispatcher, tracker, text, None)
        if fallbacks_in_a_row(tracker) >= 2:
            return hand_off(dispatcher, tracker, "nlu_fallback")
        dispatcher.utter_message(response="utter_ask_rephrase")
        return []


class ActionOutOfScope(ServiceAction):
    """Says what the assistant does not do, unless the message names one of our products
    ("康宁的保单能贷款吗"): then its wording answers."""

    def name(self) -> str:
        return "action_out_of_scope"

    def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = tracker.latest_message.get("text") or ""
        knowledge = services().knowledge
        if knowledge.product_in(normalize(text)) is not None:
            return consult(dispatcher, tracker, text, None)
        dispatcher.utter_message(response="utter_out_of_scope")
        return []


def loop_rejections(tracker: Tracker, loop: str) -> int:
    """How many times ``loop`` rejected the customer's message since it last asked afresh."""
    count = 0
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "active_loop" and event.get("name") == loop:
            break
        if kind == "action_execution_rejected" and event.get("name") == loop:
            count += 1
        if kind == "slot" and event.get("name") == "requested_slot" and count:
            break  # the form moved on to another question since
    return count


def leave_or_ask_again(
    dispatcher: CollectingDispatcher, tracker: Tracker, loop: str, domain: dict[str, Any]
) -> list[EventType]:
    """The form's question again after its first unanswered message; after the second, leave it."""
    requested = tracker.get_slot("requested_slot")
    if loop_rejections(tracker, loop) >= 2 or not requested:
        say(
            dispatcher,
            "好的，这一步先放一放。您可以直接问我条款、理赔方面的问题；需要办理保单业务时再告诉我，"
            "或回复“转人工”。",
        )
        return [ActiveLoop(None), SlotSet("requested_slot", None)]
    question = f"utter_ask_{requested}"
    if question in (domain.get("responses") or {}):
        dispatcher.utter_message(text="先完成这一步，我才能继续为您办理：")
        dispatcher.utter_message(response=question)
    else:
        dispatcher.utter_message(text="请先回答上面的问题；不办了的话，回复“算了”。")
    return []


def fallbacks_in_a_row(tracker: Tracker) -> int:
    """How many of the customer's latest messages in a row were not understood."""
    count = 0
    for intent, _event in customer_messages(tracker):
        if intent != "nlu_fallback":
            break
        count += 1
    return count
