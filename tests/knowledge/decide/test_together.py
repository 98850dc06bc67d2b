"""Several benefits for one accident added up, each by its own rule."""

from __future__ import annotations

from bot.knowledge.decide.together import decide_together
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story

ACCIDENT = """---
code: T-ACC-4
name: 测试综合意外伤害保险
insurer: 测试人寿保险股份有限公司
type: accident
version: "1"
effective_from: 2025-01-01
---
# 测试综合意外伤害保险条款

## 2 保险责任
### 2.1 保障计划
| 保险责任 | 计划一 | 计划二 |
|---|---|---|
| 意外骨折保险金（骨折保险金额） | 20,000 | 50,000 |
| 意外医疗保险金（医疗保险金额） | 10,000 | 30,000 |
| 意外住院津贴保险金（住院日津贴额） | 100/日 | 200/日 |
### 2.2 意外骨折保险金
按下表对应的给付比例乘以骨折保险金额给付。

| 序号 | 骨折部位 | 给付比例 |
|---|---|---|
| 1 | 股骨颈骨折 | 50% |
| 2 | 股骨干骨折 | 40% |
| 3 | 锁骨骨折 | 10% |
### 2.3 意外医疗保险金
对合理且必要的医疗费用，扣除年度免赔额人民币200元后按90%给付。
### 2.4 意外住院津贴保险金
每次住院的免赔天数为3日。
"""


def test_fracture_medical_and_allowance_are_each_decided_and_added() -> None:
    verdict = decide_together(
        product(ACCIDENT),
        story(
            "计划二，摔倒股骨颈骨折，住院12天，总费用2.5万，医保报了1.5万，骨折、医疗、住院津贴一共能赔多少"
        ),
        default_thesaurus(),
    )
    assert verdict is not None
    assert verdict.answer.startswith("一共约3.562万元：骨折保险金2.5万元")
    assert "医疗费用8820元" in verdict.answer and "住院津贴1800元" in verdict.answer
    assert verdict.paid == 35620.0


def test_one_benefit_asked_is_left_to_its_own_decider() -> None:
    assert (
        decide_together(
            product(ACCIDENT), story("计划二，股骨颈骨折，骨折金能赔多少"), default_thesaurus()
        )
        is None
    )
