"""An exclusion whose exception is another article: the cases it pays, not a flat refusal."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story

WORDING = """---
code: T-MED-E
name: 测试既安医疗保险
insurer: 测试健康保险股份有限公司
type: medical
version: "1"
effective_from: 2025-01-01
---
# 测试既安医疗保险条款

## 1 合同
### 1.5 保险计划
| 项目 | 计划一 | 计划二 |
|---|---|---|
| 年度总限额 | 300万元 | 600万元 |
| 既往症保障 | 年度限额5万元 | 年度限额10万元 |

## 2 保险责任
### 2.1 住院医疗保险金
被保险人住院治疗的，我们给付住院医疗保险金。
### 2.8 既往症
被保险人的既往症所产生的医疗费用，我们不承担保险责任，但下列情形除外：
（1）投保时已如实告知并经我们同意承保的；
（2）连续投保满两个完整保险期间，且期间内未因该既往症就诊、服药的，自第三个保险期间起按约定承担，以“既往症保障”年度限额为限。

## 3 责任免除
### 3.1 责任免除事项
下列情形我们不承担保险责任：
（1）既往症，但本条款2.8约定的情形除外；
（2）美容手术。
"""


def test_the_referred_article_decides_with_the_plans_own_limit() -> None:
    verdict = decide(
        product(WORDING),
        story(
            "计划一，投保前就有胃炎，连续买满两年了，这两年没因为胃炎看过病吃过药，第三年住院能赔吗"
        ),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.decision == "depends"
    assert "5万元" in verdict.answer and "连续投保" in verdict.answer
