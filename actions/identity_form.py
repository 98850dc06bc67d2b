"""The identity check's form: the policy number's form, the proof against the holder, and a
question the wording answers, which is answered instead of holding the customer in the check
(issue 10: the customer can leave the flow at any time with another question)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.base import ServiceForm
from actions.consult import CHECK_OFFER, answers_without_records, consult
from actions.identity import (
    ASK_PROOF,
    messages_without_proof,
    proof_in,
    verify,
    wrong_policy_number,
)
from actions.services import latest_intent, say, services
from bot.knowledge.answer import names_other_insurer
from bot.knowledge.text import normalize
from bot.records.identity import mistyped_policy_number, policy_number_in

# Personal intents that ask something; a request to do something (我要报案, 改手机号, 回访)
# starts its check whatever words it shares with the wording.
QUESTION_INTENTS = frozenset(
    {"policy_status", "policy_dates", "claim_status", "my_agent", "orphan_policy"}
)
LEFT_CHECK = "身份核验先放一放；需要查询或办理保单时，发我保单号和投保人身份证号后4位即可。"


class ValidateIdentityForm(ServiceForm):
    """Checks the policy number's form and the proof against the policy's holder."""

    def name(self) -> str:
        return "validate_identity_form"

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        text = tracker.latest_message.get("text") or ""
        starting = tracker.get_slot("requested_slot") is None
        asking = not starting or latest_intent(tracker) in QUESTION_INTENTS
        if (
            asking
            and proof_in(text) is None
            and answers_without_records(services().knowledge, text)
        ):
            return self._answered(dispatcher, tracker, text)
        events: list[EventType] = await super().get_validation_events(dispatcher, tracker, domain)
        return events

    def _answered(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, text: str
    ) -> list[EventType]:
        """The question answered from the wording and the check left (or never started)."""
        events = consult(dispatcher, tracker, text, latest_intent(tracker))
        if tracker.get_slot("requested_slot") is not None:
            say(dispatcher, LEFT_CHECK)
        elif not names_other_insurer(normalize(text)):
            say(dispatcher, CHECK_OFFER)
        return [
            *events,
            SlotSet("identity_proof", None),
            SlotSet("requested_slot", None),
            FollowupAction("action_listen"),  # answered: no rule follows a check never made
        ]

    def validate_policy_number(
        self,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        number = policy_number_in(str(value or ""))
        if number is None:
            dispatcher.utter_message(
                text=wrong_policy_number(mistyped_policy_number(str(value or "")))
            )
            return {"policy_number": None}
        # "MB2024000002 0446": the proof came with the number; check it now, not ask for it again
        proof = proof_in(tracker.latest_message.get("text") or "")
        if proof is None or tracker.get_slot("identity_proof") is not None:
            return {"policy_number": number}
        return {"policy_number": number, **verify(dispatcher, tracker, number, proof)}

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
            dispatcher.utter_message(text=ASK_PROOF)
            return {"identity_proof": None}
        return verify(dispatcher, tracker, tracker.get_slot("policy_number") or "", proof)
