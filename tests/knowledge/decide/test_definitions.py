"""What a defined term leaves out, named by the story."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story

ACCIDENT = """---
code: T-ACC-11
name: 测试安康意外伤害保险
insurer: 测试人寿保险股份有限公司
type: accident
version: "1"
effective_from: 2025-01-01
---
# 测试安康意外伤害保险条款

## 2 保险责任
### 2.1 意外住院津贴保险金
被保险人因意外伤害在医院住院治疗的，我们按每日100元给付意外住院津贴保险金。
### 2.2 意外骨折保险金
被保险人因意外伤害骨折的，我们按基本保险金额的百分之十给付意外骨折保险金。但病理性骨折不属于本项保险责任。

## 9 释义
### 9.1 住院
指被保险人经医院正式办理入院手续并在病房治疗。不包括门诊观察室、急诊留观室、家庭病床。
### 9.2 骨折
指骨的连续性中断。骨挫伤、骨裂伤未造成骨皮质连续性中断的，不属于本合同所称骨折。
### 9.3 病理性骨折
指骨肿瘤等病变导致的骨折。骨质疏松性骨折不属于病理性骨折。
### 9.4 医院
指二级及以上公立医院，不包括诊所、社区卫生服务站。
"""


def test_a_stay_the_definition_leaves_out_is_not_a_stay() -> None:
    told = story("摔伤后在急诊留观室待了3天，这算住院吗")
    verdict = decide(product(ACCIDENT), told, default_thesaurus())
    assert verdict is not None and verdict.decision == "no"
    assert "不属于住院" in verdict.answer and "急诊留观室" in verdict.answer


def test_an_item_with_a_condition_of_its_own_depends_on_it() -> None:
    verdict = decide(product(ACCIDENT), story("拍片说骨裂，算骨折吗"), default_thesaurus())
    assert verdict is not None and verdict.decision == "depends"
    assert "骨皮质" in verdict.answer


def test_a_place_left_out_named_whole_with_a_payout_asked() -> None:
    told = story("在社区卫生服务站处理了伤口，花了200，能报吗")
    verdict = decide(product(ACCIDENT), told, default_thesaurus())
    assert verdict is not None and "社区卫生服务站" in verdict.answer


def test_a_term_the_cover_refuses_that_the_story_is_not_is_followed_by_the_payout() -> None:
    told = story("有骨质疏松，绊了一下骨折了，听说这是病理性骨折不赔，是真的吗")
    verdict = decide(product(ACCIDENT), told, default_thesaurus())
    assert verdict is not None and verdict.decision == "yes"
    assert "不属于病理性骨折" in verdict.answer


def test_a_story_naming_nothing_left_out_is_not_decided_here() -> None:
    verdict = decide(product(ACCIDENT), story("住院了10天，能领多少津贴"), default_thesaurus())
    assert verdict is None or verdict.kind != "definition"


def test_a_stay_left_out_is_not_paid_the_allowance_when_the_amount_is_asked() -> None:
    told = story("急诊留观室待了3天，算住院吗，住院津贴能领多少")
    verdict = decide(product(ACCIDENT), told, default_thesaurus())
    assert verdict is not None and verdict.kind == "definition" and verdict.decision == "no"


PUBLIC = ACCIDENT.replace(
    "指二级及以上公立医院，不包括诊所、社区卫生服务站。",
    "指二级及以上公立医院，或者我们认可的其他医疗机构。",
)


def test_a_private_hospital_under_public_hospitals_only_is_not_paid() -> None:
    told = story("摔伤后去了一家民营骨科医院住院（不是抢救），花的钱能报吗")
    verdict = decide(product(PUBLIC), told, default_thesaurus())
    assert verdict is not None and verdict.decision == "no" and "公立" in verdict.answer


def test_an_emergency_in_a_private_hospital_is_left_to_the_wording() -> None:
    told = story("摔伤后被送到民营医院抢救，花的钱能报吗")
    verdict = decide(product(PUBLIC), told, default_thesaurus())
    assert verdict is None or "公立" not in verdict.answer
