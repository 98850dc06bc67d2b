"""A benefit paid as the greater of amounts the customer tells (已交保费, 现金价值)."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.thesaurus import default_thesaurus
from bot.knowledge.told import age_at_claim, policy_year
from tests.knowledge.decide.conftest import product, story

LIFE = """---
code: T-WL-1
name: 测试长青终身寿险
insurer: 测试人寿保险股份有限公司
type: whole_life
version: "1"
effective_from: 2025-01-01
---
# 测试长青终身寿险条款

## 2 保险责任
### 2.1 身故保险金
被保险人身故的，我们按下列约定给付身故保险金，本合同终止。
### 2.2 给付金额
（一）被保险人身故时未满十八周岁的，给付金额为下列两项中的较大者：
（1）本合同的已交保险费；
（2）被保险人身故当日本合同的现金价值。
（二）被保险人身故时已满十八周岁的，给付金额为下列两项中的较大者：
（1）本合同的已交保险费乘以百分之一百六十；
（2）本合同的基本保险金额。
"""


def test_the_greater_of_premiums_paid_and_cash_value_for_a_minor() -> None:
    verdict = decide(
        product(LIFE),
        story("孩子12岁生病走了，年交5000交了4年，现金价值1.6万，身故能赔多少"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.kind == "death"
    assert verdict.answer.startswith("约2万元：身故时未满18周岁，按已交保费2万元、现金价值1.6万元")


def test_an_adult_gets_the_branch_for_adults() -> None:
    verdict = decide(
        product(LIFE),
        story("我老公40岁走了，基本保额10万，一共交了8万保费，能赔多少"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.answer.startswith("约12.8万元")


def test_an_amount_the_story_does_not_give_leaves_the_sum_to_the_wording() -> None:
    verdict = decide(
        product(LIFE), story("孩子12岁生病走了，年交5000交了4年，能赔多少"), default_thesaurus()
    )
    assert verdict is None or verdict.sum is None


GROWING = """---
code: T-WL-2
name: 测试增盈终身寿险
insurer: 测试人寿保险股份有限公司
type: whole_life
version: "1"
effective_from: 2025-01-01
---
# 测试增盈终身寿险条款

## 2 保险利益
### 2.1 有效保险金额
首个保单年度的有效保险金额为基本保险金额，此后每个保单年度的有效保险金额按年增长率百分之三，以复利方式递增。
### 2.2 身故保险金
被保险人身故的，我们按第2.3条的金额给付身故保险金，本合同终止。
### 2.3 给付金额
（一）被保险人身故时已满十八周岁的，给付金额为下列三项中的最大者：
（1）已交保险费乘以下表对应的比例；
（2）身故当日的现金价值；
（3）身故时所处保单年度的有效保险金额。

| 身故时年龄 | 比例 |
|---|---|
| 18-45周岁 | 百分之一百五十 |
| 满46周岁，未满66周岁 | 百分之一百三十 |
| 66周岁及以上 | 百分之一百一十 |
"""


def test_the_factor_is_read_from_the_table_by_the_age_at_death() -> None:
    verdict = decide(
        product(GROWING),
        story(
            "我妈50岁买的，一次性交了20万，基本保额20万，第3个保单年度去世，去世时70岁，现金价值19万，能赔多少"
        ),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.kind == "death"
    assert verdict.answer.startswith("约22万元")  # 20万 × 110%, not the 130% of the age at buying
    assert "已交保费×110%=22万元" in verdict.answer


def test_the_effective_sum_grows_by_the_wordings_rate_over_the_policy_years() -> None:
    verdict = decide(
        product(GROWING),
        story(
            "老公40岁，年交1万交了2年共2万，基本保额30万，第4个保单年度身故，现金价值1.5万，赔多少"
        ),
        default_thesaurus(),
    )
    assert verdict is not None
    assert verdict.answer.startswith("约32.78万元（327,818.10元）")  # 30万 × 1.03³


def test_the_effective_sum_asked_alone() -> None:
    verdict = decide(
        product(GROWING), story("基本保额10万，第二年的有效保额是多少"), default_thesaurus()
    )
    assert verdict is not None and verdict.kind == "effective_sum"
    assert verdict.answer.startswith("第2个保单年度的有效保额约10.3万元")
    assert "复利" in verdict.answer


def test_a_reduced_sum_leaves_the_amount_to_the_wording() -> None:
    verdict = decide(
        product(GROWING),
        story(
            "一次性交了10万，基本保额10万，第2年减保了一半，第4个保单年度身故，50岁，现金价值6万，能赔多少"
        ),
        default_thesaurus(),
    )
    assert verdict is None or verdict.sum is None


def test_an_age_told_for_buying_is_not_the_age_at_death() -> None:
    assert age_at_claim("第11个保单年度去世，去世时65周岁。投保时不是55岁吗") == 65
    assert policy_year("第二年我老公走了") == 2
    assert policy_year("交了3年，第4个保单年度走的") == 4


SCALED = GROWING.replace(
    "## 2 保险利益",
    "## 6 保单权益\n### 6.1 减保\n减保后，本合同的已交保险费、现金价值均按减少后的基本保险金额占减少前"
    "基本保险金额的比例同步减少；有效保险金额按减保后的基本保险金额重新计算。\n\n## 2 保险利益",
)


def test_a_reduction_scales_the_premiums_paid_where_the_wording_says_so() -> None:
    verdict = decide(
        product(SCALED),
        story(
            "一次交清10万，基本保额12万，第3年减保了20%，基本保额变成9.6万，第5个保单年度我老公50周岁走了，现金价值8.5万，能赔多少"
        ),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.kind == "death"
    assert verdict.answer.startswith("约10.80万元")  # 9.6万 × 1.03⁴, over 10万 × 80% × 130%
    assert "=10.4万元" in verdict.answer


def test_the_policy_year_is_counted_from_the_effective_day_to_the_death() -> None:
    verdict = decide(
        product(GROWING),
        story(
            "2023年3月1号生效，基本保额10万，一共交了2万，2025年4月10号我老公（40周岁）走了，现金价值1.5万，能赔多少"
        ),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.answer.startswith("约10.61万元")  # 10万 × 1.03²


GRACE = (
    GROWING
    + """
## 4 保险费
### 4.1 宽限期
您到期未交保险费的，自约定交费日次日起六十日为宽限期。宽限期内发生保险事故的，我们仍承担保险责任，但扣除欠交的保险费。
"""
)


def test_a_death_in_the_grace_period_is_paid_less_the_premium_owed() -> None:
    verdict = decide(
        product(GRACE),
        story(
            "2023年3月1号生效，基本保额10万，年交1万，交了两期共2万，2025年3月1号那期没交，"
            "4月10号我老公（40周岁）走了，现金价值1.5万，能赔多少"
        ),
        default_thesaurus(),
    )
    assert verdict is not None and "宽限期" in verdict.answer
    assert "− 1万元" in verdict.answer


MINOR_CAP = (
    LIFE
    + """
## 1 投保
### 1.1 投保范围
父母为其未成年子女投保本保险的，被保险人成年以前，所有人身保险合同约定的身故保险金总和，不得超过监管机构规定的限额。
"""
)


def test_a_childs_death_without_figures_is_told_the_rule_and_the_minors_cap() -> None:
    told = story("给3岁孩子买的，成年前要是身故最多能赔多少")
    verdict = decide(product(MINOR_CAP), told, default_thesaurus())
    assert verdict is not None and verdict.sum is None
    assert "已交保险费与被保险人身故当日本合同的现金价值中较大的" in verdict.answer
    assert "限额" in verdict.answer


def test_an_items_remark_in_parentheses_is_not_what_it_pays() -> None:
    worded = """---
code: T-CI-DEATH
name: 测试守护重大疾病保险
insurer: 测试人寿保险股份有限公司
type: critical_illness
version: "1"
effective_from: 2025-01-01
---
# 测试守护重大疾病保险条款

## 2 保险责任
### 2.1 重度疾病保险金
被保险人确诊初次发生重度疾病，我们按基本保险金额的百分之一百给付，本合同终止。
### 2.2 身故保险金
被保险人身故的，我们按下列二者中的较大者给付身故保险金，本合同终止：
（1）您已交的本合同保险费（不计利息；基本保险金额曾减少的，按减少后的金额对应计算）；
（2）被保险人身故当时本合同的现金价值。

## 8 释义
### 8.1 重度疾病
#### 8.1.1 恶性肿瘤——重度
指恶性细胞不受控制的进行性增长和扩散。
"""
    verdict = decide(
        product(worded),
        story("保额50万，年交6800，交了7年，现金价值3万。今年猝死了，能赔50万吗"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.answer.startswith("约4.76万元")
