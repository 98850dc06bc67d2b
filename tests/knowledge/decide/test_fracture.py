"""Fracture benefits: the bone's share in the wording's table × the plan's fracture sum."""

from __future__ import annotations

from bot.knowledge.decide.fracture import decide_fracture
from tests.knowledge.decide.conftest import product, story

ACCIDENT = """---
code: T-ACC-2
name: 测试骨折意外伤害保险
insurer: 测试人寿保险股份有限公司
type: accident
version: "1"
effective_from: 2025-01-01
---
# 测试骨折意外伤害保险条款

## 2 保险责任
### 2.1 保障计划
| 保险责任 | 计划一 | 计划二 |
|---|---|---|
| 意外伤残保险金（基本保险金额） | 100,000 | 200,000 |
| 意外骨折保险金（骨折保险金额） | 20,000 | 30,000 |
### 2.2 意外骨折保险金
按下表对应的给付比例乘以骨折保险金额给付。累计给付以骨折保险金额为限。

| 序号 | 骨折部位 | 给付比例 |
|---|---|---|
| 1 | 股骨颈骨折 | 50% |
| 2 | 股骨干骨折 | 40% |
| 3 | 桡骨或尺骨单独骨折（含桡骨远端骨折） | 15% |
| 4 | 肋骨骨折，每根 | 5%（同一次意外伤害以25%为限） |
"""


def test_a_bone_pays_its_share_of_the_plans_fracture_sum() -> None:
    verdict = decide_fracture(product(ACCIDENT), story("计划一，摔了桡骨远端骨折，骨折金赔多少"))
    assert verdict is not None
    assert verdict.sum == "2万元 × 15% = 3000元"
    assert verdict.articles == ["2.2", "2.1"]


def test_a_per_rib_share_counts_the_ribs_up_to_its_cap() -> None:
    wording = product(ACCIDENT)
    three = decide_fracture(wording, story("计划二，断了3根肋骨，骨折金赔多少"))
    six = decide_fracture(wording, story("计划二，断了六根肋骨，能赔多少"))
    assert three is not None and three.sum == "3万元 × 15% = 4500元"
    assert six is not None and six.sum == "3万元 × 25% = 7500元"


def test_what_was_paid_before_leaves_the_rest_of_the_fracture_sum() -> None:
    verdict = decide_fracture(
        product(ACCIDENT), story("计划一，今年已经赔过骨折金1.5万了，又股骨干骨折，这次能赔多少")
    )
    assert verdict is not None
    assert verdict.answer.startswith("这次最多还能赔5000元")


def test_without_the_plan_each_plans_amount_is_said_and_the_plan_asked() -> None:
    verdict = decide_fracture(product(ACCIDENT), story("股骨颈骨折，骨折金能赔多少"))
    assert verdict is not None
    assert verdict.decision == "depends"
    assert "计划一1万元；计划二1.5万元" in verdict.answer


def test_an_expense_question_is_left_to_the_medical_sum() -> None:
    assert decide_fracture(product(ACCIDENT), story("计划一，骨折住院花了2万，能报多少")) is None


def test_a_bone_the_table_does_not_tell_apart_decides_nothing() -> None:
    assert decide_fracture(product(ACCIDENT), story("计划一，股骨骨折了，赔多少")) is None
