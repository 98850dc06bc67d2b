"""A plan's amount asked outright, from the wording's table of plans."""

from __future__ import annotations

from bot.knowledge.decide.plan_amounts import decide_plan_amount
from tests.knowledge.decide.conftest import product, story
from tests.knowledge.decide.test_fracture import ACCIDENT


def test_the_told_plans_amount_of_the_row_the_question_names() -> None:
    verdict = decide_plan_amount(product(ACCIDENT), story("计划二骨折保额多少"))
    assert verdict is not None
    assert verdict.answer == "计划二的意外骨折保险金（骨折保险金额）为3万元。"
    assert verdict.articles == ["2.1"]


def test_without_the_plan_each_plans_amount() -> None:
    verdict = decide_plan_amount(product(ACCIDENT), story("伤残保额多少"))
    assert verdict is not None and verdict.decision == "depends"
    assert "计划一10万元；计划二20万元" in verdict.answer


def test_a_case_to_work_out_is_left_to_its_own_decider() -> None:
    assert decide_plan_amount(product(ACCIDENT), story("计划二，评了八级伤残，保额多少")) is None


def test_a_question_naming_no_row_decides_nothing() -> None:
    assert decide_plan_amount(product(ACCIDENT), story("计划二，保额多少")) is None
