"""报案: report a claim after the identity check — collect, read back, store, pre-check, materials.

The form (``claim_report_form``) asks who, what, when, the diagnosis and the hospital, then reads
the details back. A "no" to the read-back asks what to correct; the answer may name the detail
and its new value at once ("医院是华山医院"). Only a confirmed report is stored. What the wording
says about it (coverage, the waiting period, the materials) comes from the knowledge base; the
claim assessment decides, and every message says so or stays clear of promising.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.base import ServiceAction, StoppableForm
from actions.handoff import hand_off
from actions.personal import STATUS_NAMES
from actions.services import (
    HANDOFF_INTENTS,
    latest_intent,
    leaves_form,
    say,
    services,
    verified_policy,
)
from bot.civil_dates import chinese_date
from bot.clock import china_today
from bot.forms.claim_report import (
    DETAILS,
    coverage_lead,
    coverage_question,
    diagnosis_given,
    free_text,
    materials_question,
    read_back,
    waiting_note,
)
from bot.forms.intake import claim_correction, insured_matches
from bot.forms.spoken_dates import spoken_date
from bot.knowledge.answer import Citation
from bot.knowledge.cover import before_cover
from bot.records.errors import RecordsError
from bot.records.model import submission_key

DETAIL_SLOTS = tuple(f"claim_{d}" for d in DETAILS)
CLAIM_SLOTS = (*DETAIL_SLOTS, "claim_confirmed", "claim_correcting")
RELATION_PHRASES = {"本人": "您本人", "其他": "您的家人（关系：其他）"}
CANCELLED = "好的，已取消本次报案，您提供的信息没有提交。需要时随时回复“我要报案”。"
ASSESSMENT = "是否赔付、赔付多少，以保险公司对您提交材料的理赔审核结论为准。"


def reset_claim_slots() -> list[EventType]:
    """Events that forget a report, so the next one starts from the first question."""
    return [SlotSet(slot, None) for slot in CLAIM_SLOTS]


def typed_answer(tracker: Tracker, slot: str) -> dict[str, Any]:
    """The customer's message as the answer to ``slot``, if that is what was asked.

    Empty when the form should reject the message, so that a rule takes over: a person asked
    for, or a "no" that reads like a stop ("算了"). A "no" that reads like an answer ("我老公",
    classified deny) is the answer.
    """
    if tracker.get_slot("requested_slot") != slot or leaves_form(tracker):
        return {}
    return {slot: tracker.latest_message.get("text") or ""}


class ValidateClaimReportForm(StoppableForm):
    """Reads and checks each detail of a claim report against the verified policy; "算了，不报了"
    ends it unconfirmed, so nothing is stored (see :class:`ActionSubmitClaimReport`)."""

    def name(self) -> str:
        return "validate_claim_report_form"

    def stop_slots(self) -> tuple[str, ...]:
        return CLAIM_SLOTS

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """The answer to the detail asked for (see :func:`typed_answer`), then the read-back's."""
        events: list[EventType] = await super().get_extraction_events(dispatcher, tracker, domain)
        requested = tracker.get_slot("requested_slot")
        if requested in DETAIL_SLOTS:
            events += [SlotSet(slot, v) for slot, v in typed_answer(tracker, requested).items()]
        return events

    def validate_claim_insured(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        policy = verified_policy(tracker)
        insured = services().records.customer(policy.insured_id) if policy else None
        if policy is None or insured is None:
            say(dispatcher, "没有查到已核验的保单，请回复“转人工”由工作人员协助报案。")
            return {"claim_insured": None}
        if insured_matches(str(value), relation=policy.relation, insured_name=insured.name):
            return {"claim_insured": f"{insured.name}（{policy.relation}）"}
        who = RELATION_PHRASES.get(policy.relation, f"您的{policy.relation}")
        say(
            dispatcher,
            f"保单{policy.policy_number}的被保险人是{who}，和您说的不是同一位。理赔要在承保出险人的那份"
            "保单上报案：如果出险的是其他家人，请回复“算了”结束本次报案，再用为其投保的保单号核验后报案。",
        )
        return {"claim_insured": None}

    def validate_claim_event(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {"claim_event": _refused_or(free_text("event", str(value or "")), dispatcher)}

    def validate_claim_event_date(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        today = china_today()
        day = spoken_date(str(value or ""), today)
        if day is None:
            say(dispatcher, "抱歉，没能识别出险日期。")
            return {"claim_event_date": None}
        if day > today:
            say(dispatcher, f"出险日期不能晚于今天（{chinese_date(today)}），请再核对一下。")
            return {"claim_event_date": None}
        policy = verified_policy(tracker)
        product = services().knowledge.products.get(policy.product_code) if policy else None
        outside = before_cover(product, policy.effective, day) if policy else None
        if policy is not None and outside is not None:
            cited, article, source = [], "", ""
            if product is not None and outside.article is not None:
                cited = [Citation(product.code, product.document.version, outside.article)]
                article = f"（第{outside.article}条）"
                source = f"\n{product.citation(outside.article)}。"
            say(
                dispatcher,
                f"您说的出险日期是{chinese_date(day)}，而保单{policy.policy_number}于"
                f"{chinese_date(policy.effective)}生效。{outside.rule}{article}。"
                f"如果日期说错了，请重新告诉我；如需人工协助，请回复“转人工”。{source}",
                cited,
            )
            return {"claim_event_date": None}
        return {"claim_event_date": day.isoformat()}

    def validate_claim_diagnosis(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        unsure = latest_intent(tracker) == "not_sure"
        given = diagnosis_given(str(value or "").strip(), unsure=unsure)
        return {"claim_diagnosis": _refused_or(given, dispatcher)}

    def validate_claim_hospital(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {"claim_hospital": _refused_or(free_text("hospital", str(value or "")), dispatcher)}

    def extract_claim_confirmed(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if tracker.get_slot("requested_slot") != "claim_confirmed":
            return {}
        intent = latest_intent(tracker)
        text = tracker.latest_message.get("text") or ""
        if intent in HANDOFF_INTENTS:
            return {}  # the form rejects, a rule hands over to a person
        if intent == "deny" and tracker.get_slot("claim_correcting") and not claim_correction(text):
            return {}  # "no" to "what should I correct?": a rule stops the report
        return {"claim_confirmed": text}

    def validate_claim_confirmed(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        correcting = bool(tracker.get_slot("claim_correcting"))
        correction = claim_correction(str(value or ""))
        intent = latest_intent(tracker)
        if intent == "affirm" and not correcting and (correction is None or correction[1] is None):
            return {"claim_confirmed": "yes"}  # "对，日期没错" names a detail but corrects none
        if correction is not None:
            detail, new_value = correction
            slots: dict[str, Any] = {
                "claim_confirmed": None,
                "claim_correcting": None,
                f"claim_{detail}": None,
            }
            if new_value is not None:
                validate = getattr(self, f"validate_claim_{detail}")
                slots |= validate(new_value, dispatcher, tracker, domain)
            return slots
        if intent == "deny":
            return {"claim_confirmed": None, "claim_correcting": True}
        if correcting:
            say(dispatcher, "抱歉，没能确定要更正哪一项。")
        return {"claim_confirmed": None}


def _refused_or(given: tuple[str | None, str | None], dispatcher: CollectingDispatcher) -> Any:
    value, refusal = given
    if refusal:
        say(dispatcher, refusal)
    return value


class ActionAskClaimConfirmed(ServiceAction):
    """Reads the report back, or asks what to correct after a "no"."""

    def name(self) -> str:
        return "action_ask_claim_confirmed"

    def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if tracker.get_slot("claim_correcting"):
            say(
                dispatcher,
                "请问哪一项需要更正？可以直接告诉我正确的内容，例如“医院是华山医院”“日期是3月6日”；"
                "如果不报案了，请回复“算了”。",
            )
            return []
        details = {d: tracker.get_slot(f"claim_{d}") for d in DETAILS}
        say(
            dispatcher,
            "请核对报案信息：\n"
            + read_back(details)
            + "\n信息无误请回复“是”；需要修改请回复“不对”，或直接告诉我要改的内容。",
        )
        return []


class ActionSubmitClaimReport(ServiceAction):
    """Stores the confirmed report, then the pre-check, the materials and the case number."""

    def name(self) -> str:
        return "action_submit_claim_report"

    def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        policy = verified_policy(tracker)
        details = {d: tracker.get_slot(f"claim_{d}") for d in DETAILS}
        confirmed = tracker.get_slot("claim_confirmed") == "yes"
        if policy is None or not confirmed or None in details.values():
            say(dispatcher, CANCELLED)  # the form ended unconfirmed: the customer stopped it
            return reset_claim_slots()
        event_date = dt.date.fromisoformat(details["event_date"])
        try:
            claim = services().records.report_claim(
                policy.policy_number,
                event=details["event"],
                event_date=event_date,
                diagnosis=details["diagnosis"],
                hospital=details["hospital"],
                note=f"被保险人：{details['insured']}；在线报案",
                conversation_id=tracker.sender_id,
                submission_key=submission_key(
                    tracker.sender_id, "claim", policy.policy_number, *details.values()
                ),
            )
        except (RecordsError, ValueError):
            return hand_off(dispatcher, tracker, None) + reset_claim_slots()
        knowledge = services().knowledge
        product = knowledge.products.get(policy.product_code)
        if product is not None:
            question = coverage_question(details["event"], details["diagnosis"])
            coverage = knowledge.ask(question, product=product.code)
            lead = coverage_lead(knowledge, details["diagnosis"])
            say(dispatcher, f"{lead}\n{coverage.text}", coverage.citations)
            waiting = waiting_note(policy, product, event_date)
            if waiting is not None:
                say(dispatcher, *waiting)
            materials = knowledge.ask(
                materials_question(details["diagnosis"]), product=product.code
            )
            say(dispatcher, "请准备以下理赔材料：\n" + materials.text, materials.citations)
        status = ""
        if policy.status != "in_force":
            status = (
                f"您的保单目前状态为“{STATUS_NAMES.get(policy.status, policy.status)}”，"
                "理赔审核时会核实出险时保单是否有效。"
            )
        say(
            dispatcher,
            f"已为您登记报案，案件号：{claim.case_number}。请保存好案件号，材料备齐后按理赔人员的指引提交；"
            f"之后回复“理赔进度”可以查询办理情况。{status}{ASSESSMENT}",
        )
        return reset_claim_slots()


class ActionStopClaimReport(ServiceAction):
    """The customer stopped the report: nothing is stored, the next report starts afresh."""

    def name(self) -> str:
        return "action_stop_claim_report"

    def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        say(dispatcher, CANCELLED)
        return reset_claim_slots()
