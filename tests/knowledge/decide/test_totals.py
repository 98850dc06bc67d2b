"""The most a product pays in all: the wording's cap, or its benefits added up."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story

HEAD = """---
code: T-CI-TOTAL
name: 测试累计重疾保险
insurer: 测试人寿保险股份有限公司
type: critical_illness
version: "1"
effective_from: 2025-01-01
---
# 测试累计重疾保险条款

## 2 保险责任
### 2.1 重大疾病保险金
被保险人确诊初次发生重大疾病，我们按基本保险金额的百分之一百给付，本合同终止。
### 2.2 中症疾病保险金
被保险人确诊初次发生中症疾病，我们按基本保险金额的百分之六十给付，每种中症疾病以给付一次为限。
### 2.3 轻症疾病保险金
被保险人确诊初次发生轻症疾病，我们按基本保险金额的百分之二十给付，每种轻症疾病以给付一次为限。
### 2.4 共用给付次数
中症疾病保险金与轻症疾病保险金合计最多给付三次。
### 2.5 身故保险金
被保险人身故的，我们按基本保险金额的百分之一百给付，本合同终止。
"""
DEFINED = """
## 8 释义
### 8.1 重大疾病
#### 8.1.1 恶性肿瘤——重度
指恶性细胞不受控制的进行性增长和扩散。
### 8.2 中症疾病
#### 8.2.1 中度脑中风后遗症
指脑血管突发病变导致的功能障碍。
### 8.3 轻症疾病
#### 8.3.1 轻度脑中风后遗症
指脑血管突发病变导致的轻微功能障碍。
"""


def test_benefits_added_with_shared_times_at_the_higher_share() -> None:
    verdict = decide(
        product(HEAD + DEFINED), story("保额10万，最多一共能赔多少钱"), default_thesaurus()
    )
    assert verdict is not None and verdict.kind == "total"
    assert "280%" in verdict.answer and "28万元" in verdict.answer  # 100% + 3 × 60%


def test_the_wordings_own_cap_is_the_answer() -> None:
    capped = HEAD.replace(
        "### 2.5 身故保险金",
        "### 2.6 累计给付限额\n本合同各项保险金的累计给付金额，以基本保险金额的百分之二百为限。\n"
        "### 2.5 身故保险金",
    )
    verdict = decide(
        product(capped + DEFINED), story("保额10万，总共最多能拿多少"), default_thesaurus()
    )
    assert verdict is not None and verdict.kind == "total"
    assert "200%" in verdict.answer and "20万元" in verdict.answer


def test_premiums_asked_in_all_are_not_a_total_payout() -> None:
    verdict = decide(product(HEAD + DEFINED), story("保费一共交了多少"), default_thesaurus())
    assert verdict is None or verdict.kind != "total"


def test_times_two_categories_share_and_each_diseases_own() -> None:
    worded = HEAD.replace(
        "每种中症疾病以给付一次为限。", "每种中症疾病以给付一次为限，每种疾病限1次。"
    ).replace("每种轻症疾病以给付一次为限。", "每种轻症疾病以给付一次为限，每种疾病限1次。")
    verdict = decide(
        product(worded + DEFINED),
        story("中症轻症加起来一共能赔几次？同一种病能赔两次吗"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.kind == "times"
    assert "合计最多赔3次" in verdict.answer


def test_times_not_shared_are_said_to_be_counted_apart() -> None:
    apart = HEAD.replace(
        "### 2.4 共用给付次数\n中症疾病保险金与轻症疾病保险金合计最多给付三次。\n", ""
    )
    question = "中症已经赔了两次了，那轻症次数会不会被占掉，现在轻度脑中风后遗症能赔吗"
    verdict = decide(
        product(apart + DEFINED), story(question), default_thesaurus(), "轻度脑中风后遗症"
    )
    assert verdict is not None and "分别计算" in verdict.answer
    shared = decide(
        product(HEAD + DEFINED), story(question), default_thesaurus(), "轻度脑中风后遗症"
    )
    assert shared is not None and "分别计算" not in shared.answer
