"""保全: change the policy holder's mobile or address after the identity check.

``contact_change_form`` takes which detail and its new value from the request itself when it says
("保单上的电话改成139…"), asks for what is missing, reads the new value back and, once the
customer confirms, writes it with its audit record. A "no" at a question stops the change.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.base import ServiceAction, StoppableForm
from actions.handoff import hand_off
from actions.services import (
    HANDOFF_INTENTS,
    customer_messages,
    latest_intent,
    leaves_form,
    say,
    services,
    verified_policy,
)
from bot.forms.intake import contact_field_named, contact_value_in, wants_to_stop
from bot.records.errors import InvalidContactError, RecordsError
from bot.records.identity import ADDRESS_MAX_LENGTH, valid_contact
from bot.records.model import submission_key

CONTACT_SLOTS = ("contact_field", "contact_value", "contact_confirmed")
FIELD_NAMES = {"mobile": "手机号", "address": "联系地址"}
UNCHANGED = "好的，联系方式没有修改。需要时随时告诉我。"
# What to tell the customer when a value is refused; the form then asks for it again.
REFUSALS = {
    "format": "这个号码格式不对：大陆手机号是以1开头的11位数字。",
    "empty": "没有收到地址内容。",
    "too_long": f"地址超过了{ADDRESS_MAX_LENGTH}字，请只写省、市、区、街道和门牌号。",
    "unchanged": "这与您目前登记的{name}相同，无需修改。如果不改了，请回复“算了”。",
}


def change_request(tracker: Tracker) -> str:
    """The text of the customer's latest request to change a contact detail.

    After the identity check the latest message is the proof, so the request is looked up.
    """
    return next(
        (
            str(event.get("text") or "")
            for intent, event in customer_messages(tracker)
            if intent == "change_contact"
        ),
        "",
    )


def refusal(error: InvalidContactError) -> str:
    """Why a new value was refused, in words for the customer."""
    name = FIELD_NAMES.get(error.field, "联系方式")
    return REFUSALS.get(error.reason, "这个{name}无法登记。").format(name=name)


def reset_contact_slots() -> list[EventType]:
    """Events that forget a change, so the next one starts from the first question."""
    return [SlotSet(slot, None) for slot in CONTACT_SLOTS]


class ValidateContactChangeForm(StoppableForm):
    """Finds the detail and the new value in what the customer writes, and checks them;
    "算了，不改了" ends it unconfirmed, so nothing is written (see
    :class:`ActionSubmitContactChange`)."""

    def name(self) -> str:
        return "validate_contact_change_form"

    def stop_slots(self) -> tuple[str, ...]:
        return CONTACT_SLOTS

    def extract_contact_field(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        requested = tracker.get_slot("requested_slot")
        if requested is None:  # the form starts: the request may say which detail
            field = contact_field_named(change_request(tracker))
            return {"contact_field": field} if field else {}
        text = tracker.latest_message.get("text") or ""
        if requested != "contact_field" or leaves_form(tracker):
            return {}
        return {"contact_field": contact_field_named(text)}

    def validate_contact_field(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value not in FIELD_NAMES:
            say(dispatcher, "目前可以在线修改投保人的手机号和联系地址，请回复“手机号”或“地址”。")
            return {"contact_field": None}
        return {"contact_field": value}

    def extract_contact_value(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        requested = tracker.get_slot("requested_slot")
        field = tracker.get_slot("contact_field")
        if requested is None:  # "保单上的电话号码改成139…": the value comes with the request
            value = contact_value_in(change_request(tracker), field, whole_answer=False)
            return {"contact_value": value} if field and value else {}
        if requested != "contact_value":
            return {}
        text = tracker.latest_message.get("text") or ""
        found = contact_value_in(text, field or "", whole_answer=True)
        if found is None and leaves_form(tracker):
            return {}  # "不是，新号是139…" still gives the number
        return {"contact_value": found or text}

    def validate_contact_value(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        field = tracker.get_slot("contact_field") or ""
        try:
            new_value = valid_contact(field, str(value or ""))
        except InvalidContactError as error:
            say(dispatcher, refusal(error))
            return {"contact_value": None}
        policy = verified_policy(tracker)
        holder = services().records.customer(policy.holder_id) if policy else None
        if holder is not None and getattr(holder, field) == new_value:
            say(dispatcher, refusal(InvalidContactError(field, "unchanged", "")))
            return {"contact_value": None}
        return {"contact_value": new_value}

    def extract_contact_confirmed(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if tracker.get_slot("requested_slot") != "contact_confirmed":
            return {}
        text = tracker.latest_message.get("text") or ""
        intent = latest_intent(tracker)
        if intent in HANDOFF_INTENTS or (intent == "deny" and wants_to_stop(text, bare_no=False)):
            return {}  # the form rejects; a rule hands over, or stops the change on "算了"
        return {"contact_confirmed": text}

    def validate_contact_confirmed(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        intent = latest_intent(tracker)
        field = tracker.get_slot("contact_field")
        named = contact_field_named(str(value or ""))
        if named is not None and named != field:  # "不对，我要改的是地址"
            return {"contact_confirmed": None, "contact_field": named, "contact_value": None}
        if intent == "affirm":
            return {"contact_confirmed": "yes"}
        if intent == "deny":
            say(dispatcher, "好的，这次先不修改。如果不改了，请回复“算了”。")
            return {"contact_confirmed": None, "contact_value": None}
        say(dispatcher, "请回复“是”确认修改，或回复“不对”重新填写。")
        return {"contact_confirmed": None}


class ActionSubmitContactChange(ServiceAction):
    """Writes the confirmed change and its audit record, and says so with the mobile masked."""

    def name(self) -> str:
        return "action_submit_contact_change"

    def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        policy = verified_policy(tracker)
        field = tracker.get_slot("contact_field")
        value = tracker.get_slot("contact_value")
        if (
            policy is None
            or not field
            or not value
            or tracker.get_slot("contact_confirmed") != "yes"
        ):
            say(dispatcher, UNCHANGED)  # the form ended unconfirmed: the customer stopped it
            return reset_contact_slots()
        records = services().records
        try:
            key = submission_key(tracker.sender_id, "contact", policy.policy_number, field, value)
            change = records.change_contact(
                policy.policy_number, field, value, tracker.sender_id, submission_key=key
            )
        except InvalidContactError as error:
            # Refused after the read-back (changed meanwhile): ask for the value again.
            say(dispatcher, refusal(error) + "这次没有修改。")
            return [
                SlotSet("contact_value", None),
                SlotSet("contact_confirmed", None),
                FollowupAction("contact_change_form"),
            ]
        except RecordsError:
            return hand_off(dispatcher, tracker, None) + reset_contact_slots()
        holder = records.customer(change.customer_id)
        held = len(records.policies_of(change.customer_id))
        if field == "mobile":
            shown = holder.masked_mobile if holder else f"{value[:3]}****{value[-4:]}"
            done = f"已将投保人手机号修改为{shown}。"
        else:
            done = f"已将投保人联系地址修改为：{change.new_value}。"
        say(
            dispatcher,
            done
            + f"这项修改适用于您作为投保人的全部{held}份保单，之后的保单通知会按新的{FIELD_NAMES[field]}"
            "发送。如果不是您本人操作，请立即回复“转人工”。",
        )
        return reset_contact_slots()


class ActionStopContactChange(ServiceAction):
    """The customer stopped the change: nothing is written."""

    def name(self) -> str:
        return "action_stop_contact_change"

    def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        say(dispatcher, UNCHANGED)
        return reset_contact_slots()
