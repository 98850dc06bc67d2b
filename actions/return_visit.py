"""回访: the regulatory return visit, one yes/no question per item, after the identity check.

Each answer is stored as it is given (``record_return_visit_answer`` flags any answer but "yes").
A "no" or "not sure" gets a short explanation from the policy's wording, with its citation. At
the end the customer hears a summary; flagged answers open a follow-up ticket for a person, while
the bot keeps answering.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.base import ServiceAction, ServiceForm, SlotValidator
from actions.services import say, services, verified_policy
from bot.desk.tickets import Priority
from bot.knowledge.answer import Citation
from bot.records.model import RETURN_VISIT_ANSWERS, Policy, ReturnVisitAnswer


@dataclass(frozen=True)
class VisitItem:
    """One question of the return visit.

    Attributes:
        key: The ``item_key`` stored with the answer; the form's slot is ``rv_<key>``.
        label: The item in the summary.
        question: What to ask the knowledge base to explain the item after "no" or "not sure".
        lead: The sentence before that explanation.
    """

    key: str
    label: str
    question: str
    lead: str

    @property
    def slot(self) -> str:
        return f"rv_{self.key}"


ITEMS = (
    VisitItem("in_person", "本人投保", "如实告知", "保险合同应由投保人本人投保，并如实告知。"),
    VisitItem(
        "signed_in_person",
        "投保单本人亲笔签名",
        "本人亲笔签名 投保单",
        "投保单是保险合同的组成部分，投保人签名应由本人亲笔签署。",
    ),
    VisitItem(
        "understood_coverage", "了解保险责任", "保险责任", "为您简要说明这份保单的保险责任："
    ),
    VisitItem(
        "understood_exclusions",
        "了解责任免除",
        "责任免除",
        "以下情形保险公司不承担保险责任，请重点了解：",
    ),
    VisitItem("knows_cooling_off", "知道犹豫期及犹豫期内退保的权利", "犹豫期", "关于犹豫期："),
    VisitItem("knows_surrender_loss", "知道犹豫期后退保可能有损失", "退保", "关于犹豫期后退保："),
    VisitItem("knows_payment", "清楚交费期间和交费金额", "交费期间和交费金额", "关于交费："),
)
ITEMS_BY_SLOT = {item.slot: item for item in ITEMS}
ANSWER_NAMES = {"yes": "是", "no": "否", "unsure": "不清楚"}
FOLLOW_UP = "return_visit_follow_up"


def payment_line(policy: Policy) -> str:
    """``"年交，交费期20年，每年保险费9860.00元"`` from the policy record."""
    return f"{policy.payment_label}，每年保险费{policy.annual_premium:.2f}元"


def visit_answers(policy_number: str, conversation_id: str) -> dict[str, ReturnVisitAnswer]:
    """The latest stored answer to each item in this conversation's visit."""
    stored = services().records.return_visit_answers(policy_number)
    return {a.item_key: a for a in stored if a.conversation_id == conversation_id}


def reset_visit_slots() -> list[EventType]:
    """Events that forget the visit's answers, so the next visit starts from question 1."""
    return [SlotSet(item.slot, None) for item in ITEMS]


class ValidateReturnVisitForm(ServiceForm):
    """Stores each answer and explains the item from the wording after "no" or "not sure"."""

    def name(self) -> str:
        return "validate_return_visit_form"

    def slot_validators(self) -> dict[str, SlotValidator]:
        """Every item's answer is recorded the same way."""
        return {item.slot: functools.partial(self._record, item.slot) for item in ITEMS}

    def _record(
        self,
        slot: str,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        item = ITEMS_BY_SLOT[slot]
        policy = verified_policy(tracker)
        if value not in RETURN_VISIT_ANSWERS or policy is None:
            return {slot: None}
        stored = services().records.record_return_visit_answer(
            policy.policy_number, item.key, value, tracker.sender_id
        )
        if stored.flagged:
            text, citations = explanation(item, policy)
            say(dispatcher, f"已记录您的回答：{ANSWER_NAMES[value]}。{text}", citations)
        return {slot: value}


def explanation(item: VisitItem, policy: Policy) -> tuple[str, list[Citation]]:
    """The item explained from the policy's wording, and the articles cited."""
    answer = services().knowledge.ask(item.question, product=policy.product_code)
    lead = item.lead
    if item.key == "knows_payment":
        lead += f"您的保单为{payment_line(policy)}（以保险单载明为准）。"
    return f"{lead}\n{answer.text}", answer.citations


class ActionAskRvKnowsCoolingOff(ServiceAction):
    """Question 5, with the product's cooling-off period from its wording."""

    def name(self) -> str:
        return "action_ask_rv_knows_cooling_off"

    def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        policy = verified_policy(tracker)
        product = services().knowledge.products.get(policy.product_code) if policy else None
        period = product.facts.periods.get("cooling_off") if product else None
        if product is None or period is None:
            say(
                dispatcher,
                "第5个问题：您是否知道这份保单有犹豫期，以及犹豫期内可以申请退保的权利？",
            )
            return []
        say(
            dispatcher,
            f"第5个问题：您是否知道，这份保单自您签收次日起有{period.label}的犹豫期，犹豫期内您可以申请"
            f"解除合同（退保）？\n{product.citation(period.article)}",
            [Citation(product.code, product.document.version, period.article)],
        )
        return []


class ActionAskRvKnowsPayment(ServiceAction):
    """Question 7, with the payment period and premium from the policy record."""

    def name(self) -> str:
        return "action_ask_rv_knows_payment"

    def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        policy = verified_policy(tracker)
        terms = f"：{payment_line(policy)}" if policy else ""
        say(dispatcher, f"最后一个问题：您是否清楚这份保单的交费期间和交费金额{terms}？")
        return []


def follow_up(
    tracker: Tracker, policy: Policy, answers: dict[str, ReturnVisitAnswer], *, finished: bool
) -> str:
    """Open the follow-up ticket for the flagged answers; what to tell the customer about it."""
    flagged = [item for item in ITEMS if item.key in answers and answers[item.key].flagged]
    if not flagged:
        return ""
    state = "回访已完成" if finished else "回访未完成"
    ticket, _ = services().tickets.open_ticket(
        conversation_id=tracker.sender_id,
        reason=FOLLOW_UP,
        priority=Priority.NORMAL,
        summary=f"保单{policy.policy_number}{state}，需跟进："
        + "；".join(f"{i.label}（{ANSWER_NAMES[answers[i.key].answer]}）" for i in flagged),
        slots={
            "verified_policy": policy.policy_number,
            "flagged_items": [item.key for item in flagged],
            "answers": {key: answer.answer for key, answer in answers.items()},
        },
    )
    return (
        f"其中{len(flagged)}项需要进一步向您说明，已登记回访跟进（工单号 {ticket.id}），"
        "工作人员会尽快与您联系。"
    )


class ActionSubmitReturnVisit(ServiceAction):
    """Summarises the visit; flagged answers open a follow-up ticket (the bot is not paused)."""

    def name(self) -> str:
        return "action_submit_return_visit"

    def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        policy = verified_policy(tracker)
        if policy is None:
            say(dispatcher, "没有查到已核验的保单，回访未能完成。请回复“转人工”。")
            return reset_visit_slots()
        answers = visit_answers(policy.policy_number, tracker.sender_id)
        lines = [
            f"{n}. {item.label}：{ANSWER_NAMES[answers[item.key].answer]}"
            for n, item in enumerate(ITEMS, start=1)
            if item.key in answers
        ]
        text = f"保单{policy.policy_number}的回访已完成，感谢您的配合。您的回答：\n" + "\n".join(
            lines
        )
        text += "\n" + (follow_up(tracker, policy, answers, finished=True) or "各项均已确认。")
        say(dispatcher, text)
        return reset_visit_slots()


class ActionStopReturnVisit(ServiceAction):
    """The customer paused the visit: what was answered stays recorded."""

    def name(self) -> str:
        return "action_stop_return_visit"

    def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        policy = verified_policy(tracker)
        answers = visit_answers(policy.policy_number, tracker.sender_id) if policy else {}
        notice = follow_up(tracker, policy, answers, finished=False) if policy else ""
        say(
            dispatcher,
            "好的，回访先到这里，已回答的内容已记录。回访还没有完成，您可以随时回复“我要做回访”重新开始。"
            + notice,
        )
        return reset_visit_slots()
