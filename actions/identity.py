"""The identity check before any personal data (DESIGN.md rule 6): policy number + proof.

The proof is the last 4 characters of the holder's ID number or the registered mobile. Every
check is recorded by the policy records, which count failures per conversation, per policy and
per client address (``bot/records/lockout.py``): three in a conversation lock personal data for
the rest of it; a locked policy or address is refused without comparing the proof. A failure
never says which part was wrong, so both are asked again.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.base import ServiceAction, ServiceForm
from actions.services import client_address, latest_intent, say_rules_first, services
from bot.forms.intake import mobile_in
from bot.knowledge.general import general_rules
from bot.nlu.normaliser import normalise_message
from bot.records.identity import POLICY_NUMBER, mistyped_policy_number
from bot.records.lockout import CONVERSATION_FAILURES, LOCK

MAX_FAILURES = CONVERSATION_FAILURES
LOCK_MINUTES = int(LOCK.total_seconds() // 60)
ID_LAST4 = re.compile(r"(?<![\dXx])\d{3}[\dXx](?![\dXx])")


def proof_in(text: str) -> str | None:
    """The mobile or ID-number ending the customer gave in ``text``, if any."""
    mobile = mobile_in(text)
    if mobile is not None:
        return mobile
    plain = normalise_message(text).replace(" ", "").replace("-", "")
    endings = ID_LAST4.findall(POLICY_NUMBER.sub("", plain.upper()))
    return endings[-1] if endings else None


def messages_without_proof(tracker: Tracker) -> int:
    """How many of the customer's latest messages in a row answered the question for the proof
    without one (the latest included)."""
    requested = None
    answers: list[bool] = []  # for each message sent while the proof was asked: held a proof
    for event in tracker.events:
        kind = event.get("event")
        if kind == "slot" and event.get("name") == "requested_slot":
            requested = event.get("value")
        elif kind == "active_loop":
            requested = None
        elif kind == "user":
            if requested == "identity_proof":
                answers.append(proof_in(str(event.get("text") or "")) is not None)
            else:
                answers = []
    count = 0
    for held_proof in reversed(answers):
        if held_proof:
            break
        count += 1
    return count


def wrong_policy_number(given: str | None) -> str:
    """What to say of a policy number in the wrong form: what was given and what a right one is."""
    head = f"“{given}”不是有效的保单号：" if given else ""
    return f"{head}保单号以 MB 开头，后面是10位数字（如 MB2024000001），请核对后再发给我。"


class ActionAskPolicyNumber(ServiceAction):
    """Asks for the policy number; a customer worried that the agent left hears first that the
    policy is safe (the general rule), then why the number is needed."""

    def name(self) -> str:
        return "action_ask_policy_number"

    def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if latest_intent(tracker) == "orphan_policy":
            rule = general_rules()["orphan_policy"]
            dispatcher.utter_message(text=rule.said())
            dispatcher.utter_message(
                text="如需为您查询这份保单、安排新的服务人员，请先核验身份：请提供您的保单号（以 MB 开头）。"
            )
            return []
        say_rules_first(dispatcher, tracker)  # "理赔两个月没结果": the 30-day rule, then the check
        dispatcher.utter_message(response="utter_ask_policy_number")
        return []


class ValidateIdentityForm(ServiceForm):
    """Checks the policy number's form and the proof against the policy's holder."""

    def name(self) -> str:
        return "validate_identity_form"

    def validate_policy_number(
        self,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        match = POLICY_NUMBER.search(str(value or "").upper())
        if match is None:
            dispatcher.utter_message(
                text=wrong_policy_number(mistyped_policy_number(str(value or "")))
            )
            return {"policy_number": None}
        number = match.group()
        # "MB2024000002 0446": the proof came with the number; check it now, not ask for it again
        proof = proof_in(tracker.latest_message.get("text") or "")
        if proof is None or tracker.get_slot("identity_proof") is not None:
            return {"policy_number": number}
        return {"policy_number": number, **self._verify(dispatcher, tracker, number, proof)}

    def validate_identity_proof(
        self,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        proof = proof_in(str(value or ""))
        if proof is None:
            if messages_without_proof(tracker) >= 2:  # asked twice: leave the check, listen
                dispatcher.utter_message(
                    text="好的，身份核验先放一放。需要查询或办理保单时再告诉我；"
                    "条款问题可以直接问我，也可以回复“转人工”。"
                )
                return {"identity_proof": None, "requested_slot": None}
            dispatcher.utter_message(text="请发送投保人身份证号的后4位，或投保时登记的11位手机号。")
            return {"identity_proof": None}
        return self._verify(dispatcher, tracker, tracker.get_slot("policy_number") or "", proof)

    def _verify(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, number: str, proof: str
    ) -> dict[str, Any]:
        """The slots after checking ``proof`` against the holder of policy ``number``."""
        verification = services().records.verify_identity(
            number, proof, conversation_id=tracker.sender_id, client=client_address(tracker)
        )
        if verification.locked_until is not None:
            dispatcher.utter_message(
                text="这份保单（或您所在的网络）近期身份核验失败次数过多，为保护保单信息已暂时锁定，"
                f"请{LOCK_MINUTES}分钟后再试。条款问题仍可继续问我；如需办理保单业务，请回复“转人工”。"
            )
            return {"identity_proof": "locked", "identity": "locked"}
        if verification.matched:
            dispatcher.utter_message(text="身份核验通过。")
            return {
                "identity_proof": "matched",
                "identity": "verified",
                "verified_policy": number,
                "identity_failures": 0,
            }
        failures = verification.failures
        if failures >= MAX_FAILURES:
            dispatcher.utter_message(
                text=f"身份核验已连续{MAX_FAILURES}次未通过，为保护保单信息，本次对话中不能再查询个人保单。"
                "条款问题仍可继续问我；如需办理保单业务，请回复“转人工”。"
            )
            return {"identity_proof": "locked", "identity": "locked", "identity_failures": failures}
        dispatcher.utter_message(
            text=f"保单号与身份信息未能匹配（还可尝试{MAX_FAILURES - failures}次）。请重新提供保单号。"
        )
        return {"identity_proof": None, "policy_number": None, "identity_failures": failures}
