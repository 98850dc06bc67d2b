"""The listed diseases of a longer waiting period: a referred article, its sub-articles, or a
list after the period's own sentence."""

from __future__ import annotations

from tests.knowledge.decide.conftest import product

HEAD = """---
code: T-MED-W
name: 测试康宁医疗保险
insurer: 测试健康保险股份有限公司
type: medical
version: "1"
effective_from: 2025-01-01
---
# 测试康宁医疗保险条款

## 2 保险责任
"""

INLINE = (
    HEAD
    + """### 2.1 观察期
本合同的观察期分为两类：
（1）一般观察期：三十日；
（2）特定疾病观察期：九十日，仅适用于下列三类疾病：① 扁桃体疾病；② 甲状腺结节、乳腺结节；③ 痔疮、肛瘘。
（3）其他说明：意外伤害不设观察期。
"""
)

SUB_ARTICLES = (
    HEAD
    + """### 2.1 等待期
自本合同生效之日起三十日为一般疾病等待期。
自本合同生效之日起九十日为特定疾病等待期。特定疾病指本条款9.8所列的两种疾病。

## 9 释义
### 9.8 特定疾病
#### 9.8.1 甲状腺疾病
指甲状腺结节、甲状腺炎。经组织病理学检查确诊的甲状腺恶性肿瘤不属于本项特定疾病。
#### 9.8.2 胆道疾病
指胆囊结石、胆囊炎。
"""
)


def test_a_list_after_the_period_sentence_is_read_to_its_last_item_of_that_kind() -> None:
    from bot.knowledge.waiting_lists import matching_item

    wording = product(INLINE)
    listed = wording.facts.periods["waiting_listed"]
    assert listed.amount == 90
    assert listed.details == ("扁桃体疾病", "甲状腺结节、乳腺结节", "痔疮、肛瘘")
    item, _ = matching_item(wording.document, listed, "查出乳腺结节")
    assert item is not None


def test_sub_articles_of_the_referred_list_give_names_and_carve_outs() -> None:
    from bot.knowledge.waiting_lists import matching_item

    wording = product(SUB_ARTICLES)
    listed = wording.facts.periods["waiting_listed"]
    assert listed.amount == 90 and "9.8" in listed.sentence
    item, _ = matching_item(wording.document, listed, "体检查出胆结石")
    assert item is not None and item.article == "9.8.2"
    cancer, carve = matching_item(wording.document, listed, "甲状腺结节穿刺确诊甲状腺癌")
    assert cancer is None and carve is not None and carve[1] == "9.8.1"
