"""The identity check before any personal data (DESIGN.md rule 6): policy number + proof.

The proof is the last 4 characters of the holder's ID number or the registered mobile. Every
check is recorded by the policy records, which count failures per conversation, per policy and
per client address (``bot/records/lockout.py``): three in a conversation lock personal data for
the rest of it; a locked policy or address is refused without comparing the proof. A failure
never says which part was wrong, so both are asked again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import ServiceAction
from actions.services import client_address, latest_intent, say_rules_first, services
from bot.forms.intake import mobile_in
from bot.knowledge.general import general_rules
from bot.nlu.normaliser import normalise_message
from bot.records.identity import policy_number_in
from bot.records.lockout import CONVERSATION_FAILURES, LOCK
from bot.records.model import Policy

MAX_FAILURES = CONVERSATION_FAILURES
LOCK_MINUTES = int(LOCK.total_seconds() // 60)
ID_LAST4 = re.compile(r"(?<![\dXx])\d{3}[\dXx](?![\dXx])")
# What may surround a proof sent on its own: "身份证后四位是0446", "手机号 13601287744".
PROOF_WORDS = re.compile(
    r"投保人|身份证号?码?|证件号?码?|后[四4]位|尾号|手机号?码?|电话|登记的|我的|是|号码?|[\dXx\-\s，,。.:：]"
    # a proof sent again after a failed check: "搞错了 那是手机尾号 身份证是0538"
    r"|搞错了?|弄错了?|错了|发错了?|不好意思|抱歉|那个|那是|应该是|其实是|改成|重新|再试一?下|还是"
)
ASK_PROOF = "请发送投保人身份证号的后4位，或投保时登记的11位手机号。"


def proof_in(text: str) -> str | None:
    """The mobile or ID-number ending the customer gave in ``text``, if any."""
    mobile = mobile_in(text)
    if mobile is not None:
        return mobile
    number = policy_number_in(normalise_message(text))
    rest = normalise_message(text).upper()
    if number is not None:
        rest = re.sub(r"\s?".join(number), " ", rest, count=1)
    endings = ID_LAST4.findall(rest.replace(" ", "").replace("-", ""))
    return endings[-1] if endings else None


IDENTITY_WORDS = re.compile(
    r"(我的)?(保单号?码?|保险单号?)?(是|为)?[:：\s]*MB\d{10}"
    r"|(投保人)?(的)?(身份证号?码?|证件号?码?)?(的)?(后[四4]位|尾号)(是|为)?[:：\s]*\d{3}[\dXx]"
    r"|(手机号?码?|电话)(是|为)?[:：\s]*1\d{10}"
)


def without_identity(text: str) -> str:
    """``text`` without the policy number and proof in it: the question that came with them."""
    plain = normalise_message(text)
    return IDENTITY_WORDS.sub(" ", re.sub(r"(?i)mb\s*(\d)", r"MB\1", plain)).strip(" ，,。")


def gives_identity(tracker: Tracker, text: str) -> bool:
    """Whether ``text`` holds a policy number, or the proof for the number given before."""
    if policy_number_in(normalise_message(text)):
        return True
    return bool(tracker.get_slot("policy_number")) and only_a_proof(text)


def only_a_proof(text: str) -> bool:
    """Whether ``text`` is a proof and nothing more ("0446", "身份证后四位是0446")."""
    return proof_in(text) is not None and not PROOF_WORDS.sub("", normalise_message(text))


@dataclass
class GivenIdentity:
    """What became of a policy number (and proof) sent outside the identity check: the slots
    to set, and the policy when the check passed."""

    events: list[EventType] = field(default_factory=list)
    policy: Policy | None = None


def identity_given(
    dispatcher: CollectingDispatcher, tracker: Tracker, text: str
) -> GivenIdentity | None:
    """A policy number sent in a question or on its own ("保单号MB2024000002 身份证后四位0446")
    starts the identity check there and then: checked when the proof came with it, else the
    proof is asked for, and a proof sent next is checked against that number. ``None`` when
    ``text`` gives neither, or personal data is locked in this conversation."""
    if tracker.get_slot("identity") == "locked":
        return None
    number = policy_number_in(normalise_message(text))
    if number is None:
        pending = tracker.get_slot("policy_number")
        proof = proof_in(text)
        if pending and proof and tracker.get_slot("identity") != "verified" and only_a_proof(text):
            return _checked(dispatcher, tracker, pending, proof)
        return None
    if number == tracker.get_slot("verified_policy") and tracker.get_slot("identity") == "verified":
        return None
    proof = proof_in(text)
    if proof is None:
        dispatcher.utter_message(text=f"收到保单号{number}。{ASK_PROOF}")
        return GivenIdentity([SlotSet("policy_number", number)])
    return _checked(dispatcher, tracker, number, proof)


def _checked(
    dispatcher: CollectingDispatcher, tracker: Tracker, number: str, proof: str
) -> GivenIdentity:
    slots = verify(dispatcher, tracker, number, proof)
    events: list[EventType] = [SlotSet(name, value) for name, value in slots.items()]
    if slots.get("identity") != "verified":
        return GivenIdentity(events)
    return GivenIdentity(events, services().records.policy(number))


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
                text="如需为您查询这份保单、安排新的服务人员，请先核验身份：请发送保单号（MB 开头，共12位）和投保人身份证号后4位。"
            )
            return []
        say_rules_first(dispatcher, tracker)  # "理赔两个月没结果": the 30-day rule, then the check
        dispatcher.utter_message(response="utter_ask_policy_number")
        return []


def verify(
    dispatcher: CollectingDispatcher, tracker: Tracker, number: str, proof: str
) -> dict[str, Any]:
    """The slots after checking ``proof`` against the holder of policy ``number``; what the
    customer is told is said on ``dispatcher``."""
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
    if not verification.known:
        dispatcher.utter_message(
            text=f"没有查到保单号{number}（还可尝试{MAX_FAILURES - failures}次）。"
            "请核对保单号后重新发送：保单号以 MB 开头，后面是10位数字。也可以直接问我条款问题。"
        )
        return {"identity_proof": None, "policy_number": None, "identity_failures": failures}
    dispatcher.utter_message(
        text=f"保单号与身份信息不匹配，没能核验通过（还可尝试{MAX_FAILURES - failures}次）。"
        "请核对保单号和身份信息后重新发送。"
    )
    # the number stays pending: a proof sent alone next is checked against it (and counted)
    return {"identity_proof": None, "policy_number": number, "identity_failures": failures}
