"""Medical terms set for a condition, applied only when the story meets it."""

from __future__ import annotations

from bot.knowledge.decide.conditions import changed_ratio
from bot.knowledge.facts import MedicalTerm
from tests.knowledge.decide.conftest import product
from tests.knowledge.decide.test_medical_plans import PLANS

HUNDRED = MedicalTerm(
    "reimbursement", "住院医疗保险金", "1.1", 100.0, "%", "计划一住院医疗赔付比例为100%"
)


def test_a_lowered_ratio_applies_when_the_story_denies_what_the_condition_denies() -> None:
    found = changed_ratio(product(PLANS), HUNDRED, "择期住院，没提前申请预授权")
    assert found is not None and found.amount == 80.0 and found.kind == "reimbursement"


def test_a_lowered_ratio_does_not_apply_when_the_story_meets_the_requirement() -> None:
    assert changed_ratio(product(PLANS), HUNDRED, "住院前已经申请了预授权") is None
    assert changed_ratio(product(PLANS), HUNDRED, "住院花了6万") is None
