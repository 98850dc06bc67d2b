"""contact_change_form and its actions: the detail found in the request, checked values, a
read-back, then one audited write shown with the mobile masked."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.maintenance import (
    CONTACT_SLOTS,
    ActionStopContactChange,
    ActionSubmitContactChange,
    ValidateContactChangeForm,
)
from actions.services import Services
from tests.actions.conftest import ON_SQLITE_TOO, said, tracker, user_event

FORM = ValidateContactChangeForm()
REGISTERED_MOBILE = "13918452260"  # 李娜, holder of MB2024000003 and MB2024000004


def answering(text: str, intent: str = "inform", **slots: Any) -> Tracker:
    """The contact change tracker after the customer wrote ``text``."""
    message = user_event(text, intent)
    events = [*tracker("contact_change").events, message]
    return tracker(
        "contact_change", latest_message=message["parse_data"], events=events, slots=slots
    )


def starting(request: str) -> Tracker:
    """The form starting on ``request``, the customer already verified."""
    message = user_event(request, "change_contact")
    return tracker(
        "contact_change",
        latest_message=message["parse_data"],
        events=[message],
        slots={"requested_slot": None, "contact_field": None},
    )


def extract(state: Tracker) -> dict[str, Any]:
    """What the form's extraction finds in the latest message, slot by slot as rasa_sdk runs it."""
    found: dict[str, Any] = {}
    for method in (FORM.extract_contact_field, FORM.extract_contact_value):
        result = method(CollectingDispatcher(), state, {})
        state.slots.update(result)
        found |= result
    return found


def test_the_request_names_the_detail_and_the_new_number() -> None:
    assert extract(starting("保单上的电话号码改成139 1234 5678")) == {
        "contact_field": "mobile",
        "contact_value": "13912345678",
    }
    assert extract(starting("帮我把地址改成上海市浦东新区世纪大道100号")) == {
        "contact_field": "address",
        "contact_value": "上海市浦东新区世纪大道100号",
    }
    assert extract(starting("我的联系方式变了")) == {}  # the form asks which


def test_after_the_identity_check_the_request_is_read_not_the_proof() -> None:
    state = tracker("contact_change", slots={"requested_slot": None, "contact_field": None})
    assert state.latest_message["text"] == REGISTERED_MOBILE  # the proof was the registered mobile
    assert extract(state) == {"contact_field": "mobile"}


def test_a_new_mobile_is_normalised(services: Services, dispatcher: CollectingDispatcher) -> None:
    state = answering("新号码是 139-1845-9999")
    assert FORM.extract_contact_value(dispatcher, state, {}) == {"contact_value": "13918459999"}
    assert FORM.validate_contact_value("13918459999", dispatcher, state, {}) == {
        "contact_value": "13918459999"
    }


def test_a_malformed_mobile_is_asked_again(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    state = answering("1391845")
    assert FORM.validate_contact_value("1391845", dispatcher, state, {}) == {"contact_value": None}
    assert "11位数字" in said(dispatcher)


def test_the_registered_mobile_is_not_a_change(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    state = answering(REGISTERED_MOBILE)
    assert FORM.validate_contact_value(REGISTERED_MOBILE, dispatcher, state, {}) == {
        "contact_value": None
    }
    assert "相同，无需修改" in said(dispatcher)


def test_an_over_long_address_is_asked_again(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    state = answering("很长的地址", contact_field="address")
    value = "上海市" + "某某路" * 80
    assert FORM.validate_contact_value(value, dispatcher, state, {}) == {"contact_value": None}
    assert "超过了200字" in said(dispatcher)


def test_no_at_the_question_lets_the_form_reject_so_the_change_stops() -> None:
    assert FORM.extract_contact_value(CollectingDispatcher(), answering("算了", "deny"), {}) == {}
    with_number = answering("不是，新号是13918459999", "deny")
    assert FORM.extract_contact_value(CollectingDispatcher(), with_number, {}) == {
        "contact_value": "13918459999"
    }


def test_stop_at_the_read_back_rejects_but_no_is_an_answer() -> None:
    slots = {"requested_slot": "contact_confirmed"}
    stop = answering("算了，不改了", "deny", **slots)
    assert FORM.extract_contact_confirmed(CollectingDispatcher(), stop, {}) == {}
    no = answering("不对", "deny", **slots)
    assert FORM.extract_contact_confirmed(CollectingDispatcher(), no, {}) == {
        "contact_confirmed": "不对"
    }


def test_read_back_answers(services: Services, dispatcher: CollectingDispatcher) -> None:
    slots = {"requested_slot": "contact_confirmed", "contact_value": "13918459999"}
    yes = answering("是的", "affirm", **slots)
    assert FORM.extract_contact_confirmed(dispatcher, yes, {}) == {"contact_confirmed": "是的"}
    assert FORM.validate_contact_confirmed("是的", dispatcher, yes, {}) == {
        "contact_confirmed": "yes"
    }
    no = answering("不对", "deny", **slots)
    assert FORM.validate_contact_confirmed("不对", dispatcher, no, {}) == {
        "contact_confirmed": None,
        "contact_value": None,
    }
    other = answering("不对，我要改的是地址", "deny", **slots)
    assert FORM.validate_contact_confirmed("不对，我要改的是地址", dispatcher, other, {}) == {
        "contact_confirmed": None,
        "contact_field": "address",
        "contact_value": None,
    }


@ON_SQLITE_TOO
async def test_confirmed_mobile_is_written_audited_and_shown_masked(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    slots = {"contact_value": "13918459999", "contact_confirmed": "yes", "requested_slot": None}
    events = await ActionSubmitContactChange().run(
        dispatcher, tracker("contact_change", slots=slots), {}
    )
    holder = services.records.customer("C0003")
    assert holder is not None and holder.mobile == "13918459999"
    [change] = services.records.contact_changes("MB2024000003")
    assert (change.field, change.old_value, change.new_value) == (
        "mobile",
        REGISTERED_MOBILE,
        "13918459999",
    )
    assert change.conversation_id == "customer-contact"
    text = said(dispatcher)
    assert "139****9999" in text and "13918459999" not in text
    assert "全部2份保单" in text
    assert {e["name"]: e["value"] for e in events} == dict.fromkeys(CONTACT_SLOTS)


async def test_confirmed_address_is_written(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    slots = {
        "contact_field": "address",
        "contact_value": "上海市静安区南京西路1266号",
        "contact_confirmed": "yes",
    }
    await ActionSubmitContactChange().run(dispatcher, tracker("contact_change", slots=slots), {})
    holder = services.records.customer("C0003")
    assert holder is not None and holder.address == "上海市静安区南京西路1266号"
    assert "上海市静安区南京西路1266号" in said(dispatcher)


@ON_SQLITE_TOO
async def test_a_value_refused_at_writing_is_asked_again(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    slots = {"contact_value": REGISTERED_MOBILE, "contact_confirmed": "yes"}
    events = await ActionSubmitContactChange().run(
        dispatcher, tracker("contact_change", slots=slots), {}
    )
    assert services.records.contact_changes("MB2024000003") == []
    assert "无需修改" in said(dispatcher)
    assert events[-1] == {"event": "followup", "name": "contact_change_form", "timestamp": None}
    assert {e.get("name"): e.get("value") for e in events[:-1]} == {
        "contact_value": None,
        "contact_confirmed": None,
    }


async def test_stopping_writes_nothing(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    slots = {"contact_value": "13918459999", "contact_confirmed": None}
    await ActionStopContactChange().run(dispatcher, tracker("contact_change", slots=slots), {})
    assert services.records.contact_changes("MB2024000003") == []
    assert "没有修改" in said(dispatcher)


async def test_a_forged_verified_slot_changes_nothing(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    slots = {"contact_value": "13918459999", "contact_confirmed": "yes", "identity": "verified"}
    state = tracker("contact_change", slots=slots, proven=False)
    await ActionSubmitContactChange().run(dispatcher, state, {})
    holder = services.records.customer("C0003")
    assert holder is not None and holder.mobile == REGISTERED_MOBILE
    assert services.records.contact_changes("MB2024000003") == []


@ON_SQLITE_TOO
async def test_the_same_change_submitted_twice_is_written_once(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    slots = {"contact_value": "13918459999", "contact_confirmed": "yes", "requested_slot": None}
    for _ in range(2):  # the reply to the first was lost, the customer confirmed again
        await ActionSubmitContactChange().run(
            dispatcher, tracker("contact_change", slots=slots), {}
        )
    assert len(services.records.contact_changes("MB2024000003")) == 1
    first, second = (m["text"] for m in dispatcher.messages)
    assert first == second and "139****9999" in second
