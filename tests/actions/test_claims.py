"""claim_report_form and its actions: checked against the verified policy, stored only when
confirmed, with the wording's pre-check and materials and never a promise of payment."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.claims import (
    CLAIM_SLOTS,
    ActionAskClaimConfirmed,
    ActionStopClaimReport,
    ActionSubmitClaimReport,
    ValidateClaimReportForm,
    typed_answer,
)
from actions.services import Services
from bot.civil_dates import chinese_date
from bot.clock import china_today
from bot.forms.claim_report import UNDIAGNOSED
from tests.actions.conftest import ON_SQLITE_TOO, said, tracker, user_event

FORM = ValidateClaimReportForm()
PROMISES = ("一定赔", "保证", "肯定能", "肯定赔", "必赔")


def answering(text: str, intent: str = "inform", **changes: Any) -> Tracker:
    """The claim report tracker after the customer wrote ``text``."""
    message = user_event(text, intent)
    events = [*tracker("claim_report").events, message]
    return tracker("claim_report", latest_message=message["parse_data"], events=events, **changes)


def filled(policy: str, event_date: dt.date, *, proven: bool = True, **slots: Any) -> Tracker:
    """A report with every detail given and confirmed, on ``policy``."""
    details = {
        "verified_policy": policy,
        "claim_insured": "王强（配偶）",
        "claim_event": "住院治疗",
        "claim_event_date": event_date.isoformat(),
        "claim_diagnosis": "原位癌",
        "claim_hospital": "复旦大学附属中山医院",
        "claim_confirmed": "yes",
        "requested_slot": None,
        **slots,
    }
    return tracker("claim_report", slots=details, active_loop={}, proven=proven)


@pytest.mark.parametrize("answer", ["我老公", "是我爱人王强", "王强"])
def test_the_policys_insured_is_accepted(
    services: Services, dispatcher: CollectingDispatcher, answer: str
) -> None:
    slots = FORM.validate_claim_insured(answer, dispatcher, answering(answer), {})
    assert slots == {"claim_insured": "王强（配偶）"}
    assert dispatcher.messages == []


def test_someone_this_policy_does_not_insure_is_sent_to_their_own_policy(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    slots = FORM.validate_claim_insured("我女儿", dispatcher, answering("我女儿"), {})
    assert slots == {"claim_insured": None}
    text = said(dispatcher)
    assert "被保险人是您的配偶" in text and "承保出险人的那份保单上报案" in text
    assert "王小雨" not in text  # the other policy's insured is not named


@pytest.mark.parametrize(
    ("answer", "days_ago"), [("昨天", 1), ("前天下午", 2), ("今天早上", 0), ("3天前", 3)]
)
def test_relative_event_dates(
    services: Services, dispatcher: CollectingDispatcher, answer: str, days_ago: int
) -> None:
    slots = FORM.validate_claim_event_date(answer, dispatcher, answering(answer), {})
    expected = china_today() - dt.timedelta(days=days_ago)
    assert slots == {"claim_event_date": expected.isoformat()}


def test_written_event_dates(services: Services, dispatcher: CollectingDispatcher) -> None:
    day = china_today() - dt.timedelta(days=40)
    for answer in (chinese_date(day), f"{day:%Y-%m-%d}", f"{day.month}月{day.day}号"):
        slots = FORM.validate_claim_event_date(answer, dispatcher, answering(answer), {})
        assert slots == {"claim_event_date": day.isoformat()}, answer


def test_an_event_date_in_the_future_is_asked_again(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    tomorrow = china_today() + dt.timedelta(days=1)
    answer = f"{tomorrow:%Y-%m-%d}"
    assert FORM.validate_claim_event_date(answer, dispatcher, answering(answer), {}) == {
        "claim_event_date": None
    }
    assert "不能晚于今天" in said(dispatcher)


def test_an_event_before_the_policy_took_effect_is_explained(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    policy = services.records.policy("MB2024000001")
    assert policy is not None
    day = policy.effective - dt.timedelta(days=20)
    state = answering(chinese_date(day), slots={"verified_policy": "MB2024000001"})
    assert FORM.validate_claim_event_date(chinese_date(day), dispatcher, state, {}) == {
        "claim_event_date": None
    }
    text = said(dispatcher)
    assert f"于{chinese_date(policy.effective)}生效" in text and "不在这份保单的保障范围内" in text
    assert "第1.2条" in text  # the wording's article on when cover starts, cited
    assert [c["article"] for c in dispatcher.messages[0]["citations"]] == ["1.2"]


def test_a_date_that_cannot_be_read_is_asked_again(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    assert FORM.validate_claim_event_date("记不清了", dispatcher, answering("记不清了"), {}) == {
        "claim_event_date": None
    }
    assert "没能识别" in said(dispatcher)


def test_no_diagnosis_yet(services: Services, dispatcher: CollectingDispatcher) -> None:
    state = answering("还没确诊，在做检查", "not_sure")
    assert FORM.validate_claim_diagnosis("还没确诊，在做检查", dispatcher, state, {}) == {
        "claim_diagnosis": UNDIAGNOSED
    }


async def test_read_back_lists_every_detail(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    day = china_today() - dt.timedelta(days=3)
    await ActionAskClaimConfirmed().run(dispatcher, filled("MB2024000003", day), {})
    text = said(dispatcher)
    for shown in ("王强（配偶）", "住院治疗", chinese_date(day), "原位癌", "复旦大学附属中山医院"):
        assert shown in text
    assert "回复“是”" in text and "不对" in text


async def test_no_to_the_read_back_asks_what_to_correct(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    state = answering("不对", "deny", slots={"requested_slot": "claim_confirmed"})
    assert FORM.extract_claim_confirmed(dispatcher, state, {}) == {"claim_confirmed": "不对"}
    slots = FORM.validate_claim_confirmed("不对", dispatcher, state, {})
    assert slots == {"claim_confirmed": None, "claim_correcting": True}
    await ActionAskClaimConfirmed().run(dispatcher, tracker("claim_report", slots=slots), {})
    assert "哪一项需要更正" in said(dispatcher) and "算了" in said(dispatcher)


def test_a_correction_with_its_value_is_applied_and_read_back_again(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    state = answering("医院写错了，是华山医院", slots={"claim_correcting": True})
    slots = FORM.validate_claim_confirmed("医院写错了，是华山医院", dispatcher, state, {})
    assert slots == {
        "claim_confirmed": None,
        "claim_correcting": None,
        "claim_hospital": "华山医院",
    }


def test_a_correction_without_a_value_asks_that_detail_again(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    slots = FORM.validate_claim_confirmed("日期不对", dispatcher, answering("日期不对", "deny"), {})
    assert slots["claim_event_date"] is None and slots["claim_confirmed"] is None


def test_yes_confirms(services: Services, dispatcher: CollectingDispatcher) -> None:
    state = answering("对的，日期没错", "affirm")
    assert FORM.validate_claim_confirmed("对的，日期没错", dispatcher, state, {}) == {
        "claim_confirmed": "yes"
    }


def test_no_to_what_to_correct_lets_the_form_reject_so_the_report_stops(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    slots = {"requested_slot": "claim_confirmed", "claim_correcting": True}
    assert (
        FORM.extract_claim_confirmed(dispatcher, answering("算了", "deny", slots=slots), {}) == {}
    )
    person = answering("转人工", "request_human", slots={"requested_slot": "claim_confirmed"})
    assert FORM.extract_claim_confirmed(dispatcher, person, {}) == {}


@ON_SQLITE_TOO
async def test_confirmed_report_is_stored_with_case_number_materials_and_no_promise(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    day = china_today() - dt.timedelta(days=2)
    events = await ActionSubmitClaimReport().run(dispatcher, filled("MB2024000003", day), {})
    claims = services.records.claims("MB2024000003")
    assert len(claims) == 1
    claim = claims[0]
    assert (claim.event, claim.event_date, claim.diagnosis) == ("住院治疗", day, "原位癌")
    assert claim.hospital == "复旦大学附属中山医院" and claim.conversation_id == "customer-claim"
    text = said(dispatcher)
    assert f"案件号：{claim.case_number}" in text
    assert "原位癌" in text and "第9.26.1条" in text  # the pre-check, from the wording
    assert "保险金给付申请书" in text and "第3.3." in text  # the materials, from the wording
    assert "理赔审核结论为准" in text
    assert not any(promise in text for promise in PROMISES)
    assert "等待期内（" not in text  # in force for over a year
    cited = {c["article"] for m in dispatcher.messages for c in m["citations"]}
    assert {"9.26.1", "3.3.1"} <= cited
    assert {e["name"]: e["value"] for e in events} == dict.fromkeys(CLAIM_SLOTS)


async def test_an_event_inside_the_waiting_period_is_pointed_out_citing_the_article(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    day = china_today() - dt.timedelta(days=1)
    state = filled("MB2024000002", day, claim_insured="陈晓燕（本人）")
    await ActionSubmitClaimReport().run(dispatcher, state, {})
    waiting = next(m for m in dispatcher.messages if "等待期内（" in m["text"])
    assert f"出险日期{chinese_date(day)}在这份保单的等待期内" in waiting["text"]
    assert "90日" in waiting["text"] and "第2.3条" in waiting["text"]
    assert {"product": "KN-CI-2024", "version": "2024", "article": "2.3"} in waiting["citations"]
    assert len(services.records.claims("MB2024000002")) == 1


async def test_an_unconfirmed_report_is_not_stored(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    state = filled("MB2024000003", china_today(), claim_confirmed=None)
    await ActionSubmitClaimReport().run(dispatcher, state, {})
    assert services.records.claims("MB2024000003") == []
    assert "已取消本次报案" in said(dispatcher)


async def test_stopping_stores_nothing_and_forgets_the_details(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    events = await ActionStopClaimReport().run(
        dispatcher, filled("MB2024000003", china_today()), {}
    )
    assert services.records.claims("MB2024000003") == []
    assert "已取消本次报案" in said(dispatcher)
    assert all(e["value"] is None for e in events)


@pytest.mark.parametrize(
    ("text", "intent", "answer"),
    [
        ("我老公", "deny", {"claim_insured": "我老公"}),  # a "no" that reads like an answer
        ("王强", "inform", {"claim_insured": "王强"}),
        ("算了", "deny", {}),  # the form rejects: the stop rule takes over
        ("不", "deny", {}),
        ("转人工", "request_human", {}),  # the form rejects: the hand-off rule takes over
    ],
)
def test_what_counts_as_an_answer(text: str, intent: str, answer: dict[str, Any]) -> None:
    assert typed_answer(answering(text, intent), "claim_insured") == answer


async def test_a_stop_not_understood_as_no_ends_the_form_unconfirmed(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    state = answering("算了，不报了", "ask_exclusions", slots={"requested_slot": "claim_event"})
    events = await FORM.get_validation_events(dispatcher, state, {})
    assert events == [
        {"event": "slot", "name": "claim_event", "value": None, "timestamp": None},
        {"event": "slot", "name": "requested_slot", "value": None, "timestamp": None},
    ]


@ON_SQLITE_TOO
async def test_a_report_submitted_twice_is_stored_once_with_one_case_number(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    day = china_today() - dt.timedelta(days=2)
    for _ in range(2):  # the action server died before the first reply reached the customer
        await ActionSubmitClaimReport().run(dispatcher, filled("MB2024000003", day), {})
    [claim] = services.records.claims("MB2024000003")
    texts = [m["text"] for m in dispatcher.messages if "案件号" in m["text"]]
    assert len(texts) == 2 and all(f"案件号：{claim.case_number}" in t for t in texts)


async def test_a_forged_verified_slot_files_no_claim(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    state = filled("MB2024000003", china_today(), proven=False)
    await ActionSubmitClaimReport().run(dispatcher, state, {})
    assert services.records.claims("MB2024000003") == []
    assert "案件号" not in said(dispatcher)
