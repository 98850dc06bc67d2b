"""A case a benefit's own text leaves out, told beside a sum the benefit pays."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story

WORDING = """---
code: T-MED-C
name: 测试安途医疗保险
insurer: 测试健康保险股份有限公司
type: medical
version: "1"
effective_from: 2025-01-01
---
# 测试安途医疗保险条款

## 2 保险责任
### 2.1 救护车费用保险金
被保险人因急诊使用救护车转运至医院的，我们按百分之百给付救护车费用保险金，年度限额为二千元。出院回家的转运及航空救援费用不在此限。
"""


def test_a_left_out_case_told_after_the_sum_is_said() -> None:
    verdict = decide(
        product(WORDING), story("救护车费1500，能报多少？出院回家叫的车能报吗"), default_thesaurus()
    )
    assert verdict is not None and "出院回家的转运不在" in verdict.answer


def test_no_left_out_case_told_adds_nothing() -> None:
    verdict = decide(product(WORDING), story("救护车费1500，能报多少"), default_thesaurus())
    assert verdict is not None and "另外" not in verdict.answer
