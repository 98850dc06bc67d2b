"""After a guaranteed-renewal period ends: a new application, underwritten again."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story

WORDING = """---
code: T-MED-G
name: 测试长安医疗保险
insurer: 测试健康保险股份有限公司
type: medical
version: "1"
effective_from: 2025-01-01
---
# 测试长安医疗保险条款

## 1 合同
### 1.1 保证续保
本合同的保证续保期间为五年。
### 1.2 期间届满后的重新投保
保证续保期间届满时，您可以重新申请投保。我们将重新审核被保险人的健康状况，决定是否承保。
"""


def test_the_end_of_the_guaranteed_period_means_a_new_application() -> None:
    verdict = decide(product(WORDING), story("保证续保5年到了，还能接着保吗"), default_thesaurus())
    assert verdict is not None and verdict.kind == "renewal"
    assert "重新投保" in verdict.answer and "审核" in verdict.answer
    assert "1.2" in verdict.articles


def test_a_renewal_question_inside_the_period_is_not_this() -> None:
    verdict = decide(product(WORDING), story("明年还能续保吗"), default_thesaurus())
    assert verdict is None or "重新投保" not in verdict.answer
