"""The customer's diagnosis against the definitions: categories, stages, thresholds, limits."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.decide.diseases import extra_payout, several_at_once
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import ILLNESS, MEDICAL, product, story


def test_a_stage_one_thyroid_cancer_is_paid_as_the_mild_category_with_the_sum(
    illness: ProductKnowledge,
) -> None:
    verdict = decide(
        illness, story("保额50万，甲状腺癌一期，赔多少"), default_thesaurus(), "甲状腺癌"
    )
    assert verdict is not None and verdict.decision == "yes"
    assert verdict.answer == "能赔：按轻症赔，50万元 × 25% = 12.5万元。"


def test_a_cancer_of_another_stage_is_the_severe_category_only(illness: ProductKnowledge) -> None:
    verdict = decide(
        illness, story("保额50万，确诊肺腺癌二期，能赔多少"), default_thesaurus(), "恶性肿瘤"
    )
    assert verdict is not None
    assert verdict.answer == "能赔：按重疾赔，50万元 × 100% = 50万元。"


def test_in_situ_cancer_excluded_everywhere_is_a_no(illness: ProductKnowledge) -> None:
    verdict = decide(illness, story("原位癌能赔吗"), default_thesaurus(), "原位癌")
    assert verdict is not None and verdict.decision == "no"


def test_a_threshold_the_customer_has_not_reached(illness: ProductKnowledge) -> None:
    verdict = decide(
        illness, story("透析两个月了能赔严重慢性肾衰竭吗"), default_thesaurus(), "严重慢性肾衰竭"
    )
    assert verdict is not None and verdict.decision == "no"
    assert verdict.answer.startswith("暂时还不能按“严重慢性肾衰竭”赔")
    assert "90日" in verdict.answer and "60–62天" in verdict.answer


def test_a_benefit_whose_times_are_used_up(illness: ProductKnowledge) -> None:
    verdict = decide(illness, story("轻症已经赔过三次了，还能赔轻症吗"), default_thesaurus())
    assert verdict is not None and verdict.decision == "no"
    assert "最多赔3次" in verdict.answer


def test_earlier_payouts_deducted_or_not_as_the_wording_says(illness: ProductKnowledge) -> None:
    verdict = decide(
        illness,
        story("保额50万，轻症赔过一次，现在确诊肺癌三期，会不会扣掉之前的"),
        default_thesaurus(),
        "恶性肿瘤",
    )
    assert verdict is not None
    assert any("不从中扣除" in r.text for r in verdict.reasons)


SEVERE_CARE = MEDICAL + (
    "\n## 8 释义\n### 8.1 重大疾病\n#### 8.1.1 严重非恶性颅内肿瘤\n"
    "指起源于脑的非恶性肿瘤，须已实施开颅进行的肿瘤切除手术。下列疾病不在保障范围内：脑垂体瘤、脑囊肿。\n"
)


def test_a_case_a_definition_rules_out_is_said_not_to_be_it_on_a_medical_product() -> None:
    verdict = decide(
        product(SEVERE_CARE),
        story("我查出脑垂体瘤，开颅切了，这个算严重非恶性颅内肿瘤吗"),
        default_thesaurus(),
        "严重非恶性颅内肿瘤",
    )
    assert verdict is not None and (verdict.kind, verdict.decision) == ("definition", "no")
    assert verdict.answer.startswith("不属于“严重非恶性颅内肿瘤”")
    assert "不能赔" not in verdict.answer  # a medical product still pays the costs
    assert "脑垂体瘤" in verdict.answer


def test_two_conditions_at_once_bring_the_wordings_rule_for_them() -> None:
    wording = product(
        ILLNESS.replace(
            "累计给付以三次为限。",
            "累计给付以三次为限。被保险人同一次确诊两种或两种以上轻度疾病的，我们仅按其中一种给付。",
        )
    )
    verdict = decide(
        wording,
        story("同一次查出甲状腺癌一期和前列腺癌T1N0M0期，两个轻症都能赔吗"),
        default_thesaurus(),
        "恶性肿瘤——轻度",
    )
    assert verdict is not None and verdict.kind == "disease"
    assert any("仅按其中一种给付" in r.text and r.article == "2.3" for r in verdict.reasons)


def test_a_case_a_definition_rules_out_is_not_paid_by_a_critical_illness_product() -> None:
    wording = ILLNESS.replace(
        "指慢性肾脏病5期，且确诊后已经进行了至少九十日的规律性透析治疗。",
        "指慢性肾脏病5期，且确诊后已经进行了至少九十日的规律性透析治疗。下列疾病不在保障范围内：急性肾损伤。",
    )
    verdict = decide(
        product(wording),
        story("急性肾损伤透析了，这算严重慢性肾衰竭吗"),
        default_thesaurus(),
        "严重慢性肾衰竭",
    )
    assert verdict is not None and verdict.kind == "definition"
    assert verdict.answer.startswith("不能赔，不属于“严重慢性肾衰竭”")


CHILDREN = ILLNESS.replace(
    "### 2.5 轻度疾病豁免保险费",
    "### 2.6 少儿特定疾病关爱金\n"
    "被保险人在年满十八周岁后的首个保单周年日之前确诊本合同所列少儿特定疾病，且我们已因该疾病"
    "给付重大疾病保险金的，我们在重大疾病保险金之外，再按基本保险金额的百分之五十额外给付。\n"
    "### 2.5 轻度疾病豁免保险费",
).replace(
    "### 9.2 轻度疾病",
    "### 9.3 少儿特定疾病\n下列疾病属于本合同的重大疾病，同时属于少儿特定疾病。\n"
    "#### 9.3.1 少儿白血病\n指符合“恶性肿瘤——重度”定义的各类白血病。\n"
    "### 9.2 轻度疾病",
)


def test_an_extra_payout_is_read_with_what_it_adds_to_and_its_age() -> None:
    extra = next(b for b in product(CHILDREN).facts.benefits if b.adds_to)
    assert (extra.name, extra.category, extra.percent) == ("少儿特定疾病关爱金", "specific", 50.0)
    assert (extra.adds_to, extra.before_age) == ("severe", 18)


def test_a_listed_disease_before_the_age_is_paid_the_benefit_and_the_extra() -> None:
    wording = product(CHILDREN)
    verdict = decide(wording, story("孩子6岁，保额30万，确诊白血病"), default_thesaurus(), "白血病")
    assert verdict is not None and verdict.decision == "yes"
    assert verdict.answer == (
        "能赔：按重疾赔，30万元 × 100% = 30万元；"
        "另外给付少儿特定疾病关爱金，30万元 × 50% = 15万元，合计45万元。"
    )


def test_a_listed_disease_after_the_age_is_paid_the_benefit_only_and_says_why() -> None:
    wording = product(CHILDREN)
    told = story("儿子19岁确诊白血病，保单是他8岁时买的，保额30万，能拿两份吗")
    verdict = decide(wording, told, default_thesaurus(), "白血病")
    assert verdict is not None
    assert "30万元 × 100% = 30万元" in verdict.answer
    assert "19岁已过" in verdict.answer and "不再额外给付少儿特定疾病关爱金" in verdict.answer


def test_without_an_age_the_extra_is_stated_with_its_condition() -> None:
    verdict = decide(product(CHILDREN), story("确诊白血病能赔多少"), default_thesaurus(), "白血病")
    assert verdict is not None
    assert "在年满18周岁后的首个保单周年日之前确诊的，另外给付少儿特定疾病关爱金" in verdict.answer


def test_an_extra_payout_leaves_its_callers_lists_alone() -> None:
    extra = next(b for b in product(CHILDREN).facts.benefits if b.adds_to)
    told = story("孩子6岁，保额20万，确诊白血病")
    first = extra_payout([extra], told, 200000.0)
    again = extra_payout([extra], told, 200000.0)
    assert first == again
    assert first.total == 300000.0 and first.text.endswith("合计30万元")
    assert [r.article for r in first.reasons] == [extra.article]


def test_an_extra_payout_without_the_line_amount_adds_no_total() -> None:
    extra = next(b for b in product(CHILDREN).facts.benefits if b.adds_to)
    paid = extra_payout([extra], story("孩子6岁，保额20万，确诊白血病"), None)
    assert paid.total is None and "另外给付少儿特定疾病关爱金" in paid.text


STAGED = (
    ILLNESS.replace(
        "（2）TNM分期为Ⅰ期或更轻分期的甲状腺癌。",
        "（2）TNM分期为Ⅰ期或更轻分期的甲状腺癌；（3）TNM分期为Ⅰ期或更轻分期的膀胱癌。",
    )
    .replace("特指下列两项之一", "特指下列三项之一")
    .replace(
        "（2）TNM分期为T1N0M0期的前列腺癌。",
        "（2）TNM分期为T1N0M0期的前列腺癌；（3）TNM分期为Ⅰ期的膀胱癌。",
    )
)


def test_a_cancer_named_by_its_organ_and_histology_meets_a_staged_exclusion() -> None:
    wording = product(STAGED)
    told = story("保额20万，膀胱尿路上皮癌一期，赔多少")
    verdict = decide(wording, told, default_thesaurus(), "恶性肿瘤")
    assert verdict is not None and verdict.answer == "能赔：按轻症赔，20万元 × 25% = 5万元。"
    later = decide(
        wording, story("保额20万，膀胱尿路上皮癌三期，赔多少"), default_thesaurus(), "恶性肿瘤"
    )
    assert later is not None and later.answer == "能赔：按重疾赔，20万元 × 100% = 20万元。"


CANCER_ONLY = """---
code: T-CA-1
name: 测试安心防癌保险
insurer: 测试人寿保险股份有限公司
type: critical_illness
version: "1"
effective_from: 2025-01-01
---
# 测试安心防癌保险条款

## 2 保险责任
### 2.1 恶性肿瘤保险金
被保险人确诊初次发生恶性肿瘤——重度的，我们按基本保险金额的百分之一百给付。
### 2.2 早期癌症保险金
被保险人确诊初次发生早期恶性肿瘤的，我们按基本保险金额的百分之二十给付。

## 9 释义
### 9.1 重度疾病
#### 9.1.1 恶性肿瘤——重度
指恶性细胞不受控制的进行性增长和扩散，经组织病理学检查确诊。
### 9.2 轻度疾病
#### 9.2.1 早期恶性肿瘤
指TNM分期为Ⅰ期的甲状腺癌。
"""


def test_a_benign_growth_under_a_cancer_only_product_is_not_covered() -> None:
    told = story("切了个子宫肌瘤，病理是良性的，能赔吗")
    verdict = decide(product(CANCER_ONLY), told, default_thesaurus(), None)
    assert verdict is not None and verdict.decision == "no"
    assert verdict.answer.startswith("不能赔：良性的子宫肌瘤不在本产品的保障范围内")
    assert "恶性肿瘤——重度、早期恶性肿瘤" in verdict.answer


def test_an_illness_no_definition_names_under_a_cancer_only_product_is_not_covered() -> None:
    told = story("我爸脑中风住院了，能赔吗")
    verdict = decide(product(CANCER_ONLY), told, default_thesaurus(), "脑中风后遗症")
    assert verdict is not None and verdict.decision == "no"
    assert "脑中风后遗症不在本产品的保障范围内" in verdict.answer


def test_a_growth_told_with_cancer_is_left_to_the_definitions() -> None:
    told = story("甲状腺结节穿刺是乳头状癌一期，保额10万，能赔吗")
    verdict = decide(product(CANCER_ONLY), told, default_thesaurus(), "甲状腺癌")
    assert verdict is None or "不在本产品的保障范围内" not in verdict.answer


def test_a_benign_tumour_under_a_product_with_other_illnesses_is_not_refused_this_way(
    illness: ProductKnowledge,
) -> None:
    verdict = decide(illness, story("切了个良性纤维瘤，能赔吗"), default_thesaurus(), None)
    assert verdict is None or "只保条款定义的恶性肿瘤" not in verdict.answer


def test_a_choice_made_at_purchase_is_not_a_rule_for_several_diagnoses() -> None:
    wording = product(
        ILLNESS.replace(
            "## 2 保险利益\n",
            "## 2 保险利益\n### 2.0 保险期间\n本合同的保险期间分为两种，由您在投保时选择一种。\n",
        )
    )
    found = several_at_once(wording, story("同时查出两个轻症，都能赔吗"))
    assert not any("保险期间" in r.text for r in found)


def test_a_case_told_then_asked_as_a_named_definition_is_not_a_plain_yes() -> None:
    wording = product(
        ILLNESS.replace(
            "指慢性肾脏病5期，",
            "指双肾功能慢性不可逆性衰竭，经专科医生确诊为慢性肾脏病5期，肾小球滤过率低于15，",
        )
    )
    told = story("我爸肾不好，医生说是慢性肾病，在做透析，这个能赔严重慢性肾衰竭吗")
    verdict = decide(wording, told, default_thesaurus(), "严重慢性肾衰竭")
    assert verdict is not None and verdict.decision == "depends"
    assert verdict.answer.startswith("要看具体诊断：符合“严重慢性肾衰竭”定义的")


DONATION = ILLNESS.replace(
    "### 9.2 轻度疾病",
    "### 9.2 轻度疾病\n#### 9.2.7 单侧肺脏切除\n指因疾病或意外伤害已实施一侧全肺切除手术。"
    "作为器官捐献者而接受的肺脏切除，不在保障范围内。",
)


def test_a_case_a_definition_leaves_out_told_in_everyday_words_is_a_no() -> None:
    told = story("我给我妈捐了一个肝，这个算器官切除能赔吗")
    verdict = decide(product(DONATION), told, default_thesaurus(), "单侧肺脏切除")
    assert verdict is not None and verdict.decision == "no"
    assert "作为器官捐献者而接受的肺脏切除" in verdict.answer


def test_an_operation_without_opening_does_not_meet_a_definition_that_requires_it() -> None:
    wording = product(
        ILLNESS.replace(
            "#### 9.1.2 严重慢性肾衰竭",
            "#### 9.1.3 主动脉手术\n指为治疗主动脉疾病，实际实施了开胸进行的主动脉置换手术。\n"
            "#### 9.1.2 严重慢性肾衰竭",
        )
    )
    closed = decide(
        wording,
        story("我爸主动脉做的经皮腔内修复，算主动脉手术吗"),
        default_thesaurus(),
        "主动脉手术",
    )
    opened = decide(
        wording, story("我爸开胸做了主动脉置换，算主动脉手术吗"), default_thesaurus(), "主动脉手术"
    )
    assert closed is not None and closed.decision == "no" and closed.answer.startswith("不算")
    assert opened is not None and opened.decision == "yes"


GRADED_WORDING = ILLNESS.replace(
    "### 9.2 轻度疾病",
    "### 9.2 轻度疾病\n#### 9.2.5 原位癌\n指恶性细胞局限于上皮内。肛管上皮内瘤变Ⅲ级（AIN Ⅲ）视为原位癌。"
    "下列情形不属于本项保障范围：（1）肛管上皮内瘤变Ⅰ级、Ⅱ级（AIN Ⅰ、AIN Ⅱ）。本项按基本保险金额的百分之十给付。",
)


def test_a_finding_the_definition_deems_a_disease_is_paid_by_that_disease_own_share() -> None:
    wording = product(GRADED_WORDING)
    deemed = decide(wording, story("活检是AIN3，保额20万，赔多少"), default_thesaurus())
    assert deemed is not None and deemed.answer == "能赔：按轻症赔，20万元 × 10% = 2万元。"


def test_a_lower_grade_the_definition_lists_as_excluded_is_not_paid() -> None:
    wording = product(GRADED_WORDING)
    lower = decide(wording, story("活检是AIN 2，算原位癌吗"), default_thesaurus(), "原位癌")
    assert lower is not None and lower.decision == "no"


def test_a_carcinoma_in_situ_told_by_histology_is_not_the_malignant_tumour() -> None:
    wording = product(GRADED_WORDING)
    verdict = decide(
        wording, story("病理是原位鳞癌，保额20万赔多少"), default_thesaurus(), "恶性肿瘤"
    )
    assert verdict is not None and "10%" in verdict.answer


SIBLINGS = ILLNESS.replace(
    "### 2.4 身故保险金",
    "### 2.6 中度疾病保险金\n被保险人于观察期后确诊初次发生中度疾病，我们按基本保险金额的百分之五十给付，"
    "累计给付以一次为限。\n### 2.4 身故保险金",
).replace(
    "### 9.2 轻度疾病",
    "### 9.3 中度疾病\n#### 9.3.1 中度帕金森病\n指帕金森病，自主生活能力部分丧失。\n"
    "### 9.2 轻度疾病\n#### 9.2.7 轻度帕金森病\n指帕金森病，经药物治疗仍有症状。",
)


def test_a_used_up_category_gives_way_to_the_same_illness_at_a_lower_grade() -> None:
    verdict = decide(
        product(SIBLINGS),
        story("保额20万，中症1次已经赔完了，现在帕金森病，还能赔吗"),
        default_thesaurus(),
        "中度帕金森病",
    )
    assert verdict is not None and verdict.answer == "能赔：按轻症赔，20万元 × 25% = 5万元。"


def test_a_used_up_category_says_what_the_other_asked_about_still_pays(
    illness: ProductKnowledge,
) -> None:
    verdict = decide(
        illness,
        story("保额30万，轻症已经赔了3次，又查出一种轻症，以后得重疾还能赔吗"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.answer.startswith("不能再赔轻症了")
    assert "重疾的保障不受影响" in verdict.answer and "30万元" in verdict.answer


def test_cervical_grades_written_out_are_cins() -> None:
    from bot.knowledge.decide.diseases import _grades

    assert _grades("宫颈、阴道上皮内瘤变Ⅰ级、Ⅱ级及其他") == {("cin", "1"), ("cin", "2")}
    assert _grades("活检病理是CIN2") == {("cin", "2")}
