"""Periods in the story against the wording's: waiting period, cooling-off, grace, reinstatement."""

from __future__ import annotations

from bot.knowledge.decide import decide, timing_notes
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import story


def test_a_diagnosis_inside_the_waiting_period_is_not_paid_and_says_what_happens(
    illness: ProductKnowledge,
) -> None:
    verdict = decide(
        illness, story("保单3月1号生效，5月20号确诊乳腺癌，能赔吗"), default_thesaurus()
    )
    assert verdict is not None and verdict.decision == "no"
    assert "第80天" in verdict.answer and "120日" in verdict.answer
    assert any("退还" in r.text for r in verdict.reasons)
    assert verdict.articles == ["2.1"]


def test_a_waiting_period_over_is_a_note_on_the_answer_not_the_answer(
    illness: ProductKnowledge,
) -> None:
    situation = story("2025年3月1日生效，2025年10月确诊乳腺癌，能赔吗")
    notes = timing_notes(illness, situation)
    assert notes and "已经过了" in notes[0].text


def test_an_accident_is_not_held_back_by_the_waiting_period(illness: ProductKnowledge) -> None:
    situation = story("合同3月1号生效，4月1号出车祸受伤")
    assert situation.cause == "accident"
    assert "不受" in timing_notes(illness, situation)[0].text


def test_cooling_off_counted_to_the_day_the_refund_is_asked(illness: ProductKnowledge) -> None:
    inside = decide(illness, story("2月1号签收的，2月15号想退保，能全退吗"), default_thesaurus())
    after = decide(illness, story("2月1号签收的，2月25号想退保，能全退吗"), default_thesaurus())
    assert inside is not None and inside.decision == "yes"
    assert after is not None and after.decision == "no" and "现金价值" in after.answer


def test_an_event_after_the_grace_period_is_not_paid(illness: ProductKnowledge) -> None:
    verdict = decide(
        illness, story("5月10号那期保费忘了交，7月20号确诊癌症，能赔吗"), default_thesaurus()
    )
    assert verdict is not None and verdict.kind == "grace" and verdict.decision == "no"
    assert "71天" in verdict.answer and "60日" in verdict.answer


def test_reinstatement_within_its_window_and_after_it(illness: ProductKnowledge) -> None:
    within = decide(illness, story("保单失效22个月了还能复效吗"), default_thesaurus())
    beyond = decide(illness, story("保单失效三年了还能复效吗"), default_thesaurus())
    assert within is not None and within.decision == "yes"
    assert beyond is not None and beyond.decision == "no"
