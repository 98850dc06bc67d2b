"""The customer's own policy, after the identity check: status, dates, agent, claims, orphan care."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import ServiceAction
from actions.handoff import hand_off
from actions.identity import identity_given
from actions.personal import personal_answer
from actions.services import customer_messages, say, services, verified_policy
from bot.clock import china_today
from bot.desk.tickets import Priority
from bot.records.errors import NoActiveAgentError
from bot.records.model import Policy

PERSONAL_INTENTS = ("policy_status", "policy_dates", "my_agent", "claim_status", "orphan_policy")
SERVICE_LINE = "您也可以随时通过本公众号或客服热线办理保单服务。"
LOCKED = "本次对话中身份核验已锁定，不能查询个人保单。如需帮助请回复“转人工”。"


def personal_request(tracker: Tracker) -> tuple[str | None, list[str]]:
    """The latest personal question the customer asked, and its clause topics."""
    for intent, event in customer_messages(tracker):
        if intent in PERSONAL_INTENTS:
            entities = (event.get("parse_data") or {}).get("entities", [])
            return intent, [e["value"] for e in entities if e["entity"] == "clause_topic"]
    return None, []


class ActionMyPolicy(ServiceAction):
    """Answers a question about the verified customer's policy."""

    def name(self) -> str:
        return "action_my_policy"

    def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        identity = tracker.get_slot("identity")
        if identity == "locked":
            say(dispatcher, LOCKED)
            return []
        if identity != "verified":  # the customer left the check; its validation said so
            return []
        intent, topics = personal_request(tracker)
        # "我另一张MB2024000018也是我的 身份证还是0826": another policy is checked and asked about
        given = identity_given(dispatcher, tracker, tracker.latest_message.get("text") or "")
        if given is not None and given.policy is None:
            return given.events
        switched = given.events if given is not None else []
        policy = given.policy if given is not None else verified_policy(tracker)
        if policy is None:  # the check expired, or the slots were never earned
            say(
                dispatcher,
                "为保护您的信息，需要重新核验身份后才能查询保单，请再问一次，我会先请您核验。",
            )
            return [
                SlotSet(slot, value)
                for slot, value in (
                    ("identity", "unverified"),
                    ("verified_policy", None),
                    ("policy_number", None),
                    ("identity_proof", None),
                )
            ]
        product = services().knowledge.products.get(policy.product_code)
        events: list[EventType] = [*switched, SlotSet("product", policy.product_code)]
        if intent == "my_agent":
            return events + self._agent(dispatcher, tracker, policy)
        if intent == "orphan_policy":
            return events + orphan_care(dispatcher, tracker, policy)
        text, citations = personal_answer(policy, product, intent, topics, china_today())
        say(dispatcher, text, citations)
        return events

    def _agent(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, policy: Policy
    ) -> list[EventType]:
        agent = services().records.agent(policy.service_agent_code)
        if agent is None or not agent.is_active:
            return orphan_care(dispatcher, tracker, policy)
        say(
            dispatcher,
            f"您的保单{policy.policy_number}由{agent.name}为您服务，联系电话{agent.mobile}。"
            + SERVICE_LINE,
        )
        return []


def orphan_care(
    dispatcher: CollectingDispatcher, tracker: Tracker, policy: Policy
) -> list[EventType]:
    """The agent left: the contract stands, a new service person is assigned, a ticket opened."""
    records = services().records
    agent = records.agent(policy.service_agent_code)
    assigned = agent is None or not agent.is_active
    if agent is None or not agent.is_active:
        try:
            agent = records.assign_service_person(policy.policy_number, "原服务人员离职")
        except NoActiveAgentError:
            return hand_off(dispatcher, tracker, "orphan_policy")
    ticket, _ = services().tickets.open_ticket(
        conversation_id=tracker.sender_id,
        reason="orphan_policy",
        priority=Priority.NORMAL,
        summary=(
            f"保单{policy.policy_number}原服务人员离职，已分配新服务人员{agent.name}（{agent.code}），请联系客户。"
            if assigned
            else f"客户反映保单{policy.policy_number}的服务人员离职，记录中{agent.name}（{agent.code}）仍在职，请核实并联系客户。"
        ),
        slots={"verified_policy": policy.policy_number, "new_service_agent": agent.code},
    )
    say(
        dispatcher,
        "请放心：保险合同是您和保险公司签订的，业务员离职不影响合同效力，保障、理赔和保单服务都照常。"
        + (
            f"我们已为您安排新的服务人员{agent.name}（电话{agent.mobile}），"
            if assigned
            else f"您的保单目前登记的服务人员是{agent.name}（电话{agent.mobile}），我们会核实服务安排，"
        )
        + f"并登记了服务工单（编号{ticket.id}），服务人员会主动联系您。请按时交费，保单就不会因此中断。"
        + SERVICE_LINE,
    )
    return []
