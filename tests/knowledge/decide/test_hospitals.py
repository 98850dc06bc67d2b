"""Where the insured is treated against where the wording pays."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story

WORDING = """---
code: T-MED-W
name: 测试仁安医疗保险
insurer: 测试健康保险股份有限公司
type: medical
version: "1"
effective_from: 2025-01-01
---
# 测试仁安医疗保险条款

## 2 保险责任
### 2.1 住院医疗保险金
被保险人住院治疗的，我们给付住院医疗保险金。
### 2.2 就诊医院
被保险人须在中国大陆境内的医院就诊。医院的特需医疗部、国际医疗部发生的费用不在保障范围内。
选择计划一的，我们仅承担在高费用医院急诊就诊的费用；选择计划二的，高费用医院与其他医院同等对待。

## 9 释义
### 9.1 医院
指经卫生主管部门评定的二级或二级以上公立医院的普通部。
### 9.2 中国大陆
指中华人民共和国境内，不包括香港特别行政区、澳门特别行政区和台湾地区。
"""


def ask(question: str):  # type: ignore[no-untyped-def]
    return decide(product(WORDING), story(question), default_thesaurus())


def test_a_place_the_wording_leaves_out_is_refused_with_its_sentence() -> None:
    hong_kong = ask("去香港看病能报吗")
    special = ask("去国际部看病能报吗")
    assert hong_kong is not None and hong_kong.decision == "no" and "9.2" in hong_kong.articles
    assert special is not None and special.decision == "no"


def test_a_private_hospital_meets_the_public_hospital_requirement() -> None:
    verdict = ask("私立医院住院能报吗")
    assert verdict is not None and verdict.decision == "no"
    assert "公立" in verdict.answer and "二级" in verdict.answer


def test_a_plan_told_picks_its_own_sentence() -> None:
    first = ask("我是计划一，去高费用医院做个不急的手术能报吗")
    unknown = ask("去高费用医院做手术能报吗")
    assert first is not None and first.decision == "no" and "急诊" in first.answer
    assert unknown is not None and unknown.decision == "depends"


def test_a_place_refused_in_one_sentence_and_admitted_in_another_is_left_to_the_wording() -> None:
    wording = product(
        WORDING.replace(
            "### 9.2 中国大陆",
            "### 9.3 扩展医院\n指名单所列医疗机构，包括部分非公立医院，以及部分公立医院的特需医疗部。\n"
            "### 9.2 中国大陆",
        )
    )
    verdict = decide(wording, story("去特需部住院能报吗"), default_thesaurus())
    assert verdict is None or verdict.kind != "hospital"
