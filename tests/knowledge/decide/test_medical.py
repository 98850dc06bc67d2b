"""Medical sums from the wording's deductible, ratio and caps, with the customer's numbers."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story


def test_expenses_less_what_others_paid_less_the_deductible(medical: ProductKnowledge) -> None:
    verdict = decide(medical, story("住院花了6万，医保报了2万，能赔多少"), default_thesaurus())
    assert verdict is not None
    assert verdict.answer.startswith("大约可赔3万元")
    assert verdict.sum == "（6万元 − 已报销2万元 − 免赔额1万元）× 100% = 3万元"


def test_outpatient_uses_its_own_terms_the_ratio_for_not_using_social_insurance_and_its_cap(
    medical: ProductKnowledge,
) -> None:
    verdict = decide(medical, story("门诊自费2000，没走医保，能报多少"), default_thesaurus())
    assert verdict is not None
    assert verdict.answer.startswith("大约可赔800元")
    assert "60%" in verdict.answer and "每次以800元为限" in verdict.answer


def test_nothing_left_after_the_deductible_is_a_no(medical: ProductKnowledge) -> None:
    verdict = decide(medical, story("住院花了8000，能赔多少"), default_thesaurus())
    assert verdict is not None and verdict.decision == "no"


LIMITED = """---
code: T-MED-2
name: 测试安康百万医疗保险
insurer: 测试健康保险股份有限公司
type: medical
version: "1"
effective_from: 2025-01-01
---
# 测试安康百万医疗保险条款

## 2 保险责任
### 2.1 一般医疗保险金
被保险人住院治疗的，我们扣除年度免赔额后按赔付比例给付一般医疗保险金。一般医疗保险金在一个保险期间内累计以二百万元为限。
### 2.2 重大疾病医疗保险金
被保险人确诊重大疾病的，我们不扣除免赔额，按赔付比例给付重大疾病医疗保险金。重大疾病医疗保险金在一个保险期间内累计以四百万元为限。
### 2.3 保险金额
一般医疗保险金与重大疾病医疗保险金在一个保险期间内累计给付以四百万元为限。累计给付达到该限额时，本合同终止。
### 2.4 年度免赔额
年度免赔额为人民币五千元。抵扣年度免赔额时：
（1）从社会医疗保险获得的补偿，不能用于抵扣年度免赔额；
（2）从其他商业保险、工作单位等其他途径获得的补偿，可以用于抵扣年度免赔额。
### 2.5 赔付比例
（1）已经使用社会医疗保险结算，或者医院不支持社会医疗保险结算的，赔付比例为百分之一百；
（2）以有社会医疗保险身份投保，医院支持社会医疗保险结算而未使用的，赔付比例为百分之六十。
"""


def test_what_social_insurance_paid_does_not_count_toward_the_deductible_what_others_paid_does() -> (
    None
):
    limited = product(LIMITED)
    verdict = decide(
        limited,
        story("住院花了2万，医保报了8000，单位团险又报了3000，能赔多少"),
        default_thesaurus(),
    )
    assert verdict is not None
    # (20000 − 11000 − (5000 − 3000)) × 100%
    assert verdict.answer.startswith("大约可赔7000元")


def test_asked_whether_social_insurance_used_up_the_deductible_the_answer_is_no_first() -> None:
    verdict = decide(
        product(LIMITED), story("住院花了2万医保报了8000，免赔额是不是抵完了"), default_thesaurus()
    )
    assert verdict is not None and verdict.answer.startswith("不是：医保（社保）报销的部分不能")
    assert "7000元" in verdict.answer  # 20000 − 8000 − 5000


def test_the_limit_left_caps_the_payout_and_the_wording_says_what_ends() -> None:
    verdict = decide(
        product(LIMITED),
        story("今年重疾医疗已经赔了390万，又花了30万，还能赔多少"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.answer.startswith("大约可赔10万元")
    assert any("本合同终止" in c for c in verdict.conditions)


def test_the_limit_left_without_a_new_bill() -> None:
    verdict = decide(
        product(LIMITED), story("今年已经赔了150万了，额度还剩多少"), default_thesaurus()
    )
    assert verdict is not None and verdict.answer.startswith("还剩约")


def test_not_using_social_insurance_is_not_read_from_a_hospital_that_does_not_support_it() -> None:
    verdict = decide(
        product(LIMITED), story("住院花了1万5，忘带医保卡没走医保，能赔多少"), default_thesaurus()
    )
    assert verdict is not None and "× 60%" in verdict.answer


ITEMS = """---
code: T-MED-4
name: 测试中端医疗保险
insurer: 测试健康保险股份有限公司
type: medical
version: "1"
effective_from: 2025-01-01
---
# 测试中端医疗保险条款

## 2 保险责任
### 2.1 住院医疗保险金
被保险人住院治疗的，我们对住院医疗费用扣除已获补偿后按百分之百的比例给付住院医疗保险金，不设免赔额。住院医疗费用包括：
（1）床位费，每日以人民币1,000元为限；
（2）膳食费，每日以人民币80元为限；
（3）重症监护室床位费，不受本条第（1）项床位费限额的约束；
（4）救护车使用费，每次以人民币500元为限。
"""


def test_items_told_a_day_are_taken_at_most_at_their_cap_for_the_days_in_hospital() -> None:
    verdict = decide(
        product(ITEMS),
        story("住院4天，床位费每天1500，伙食每天100，其他药费一共1万，医保报了3000，能赔多少"),
        default_thesaurus(),
    )
    assert verdict is not None
    # 6000 + 400 + 10000 = 16400; over the caps 2000 + 80; less 3000
    assert verdict.sum == "（1.64万元 − 超出分项限额2080元 − 已报销3000元）× 100% = 1.132万元"


def test_an_item_exempt_from_the_cap_is_said_first_when_asked() -> None:
    verdict = decide(
        product(ITEMS),
        story("ICU住了2天，ICU床位费每天3000，是不是也按1000一天封顶"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.answer.startswith("不是")
    assert "6000元" in verdict.answer


def test_an_item_told_once_is_capped_once() -> None:
    verdict = decide(product(ITEMS), story("急诊住院，救护车费800能报吗"), default_thesaurus())
    assert verdict is not None and verdict.answer.startswith("大约可赔500元")


def test_a_daily_amount_the_wording_has_no_item_for_is_not_summed() -> None:
    verdict = decide(
        product(ITEMS), story("住院4天，床位费每天1500，陪护每天200，能赔多少"), default_thesaurus()
    )
    assert verdict is None or verdict.kind != "medical"


SETTINGS = """---
code: T-MED-5
name: 测试网络医疗保险
insurer: 测试健康保险股份有限公司
type: medical
version: "1"
effective_from: 2025-01-01
---
# 测试网络医疗保险条款

## 2 保险责任
### 2.1 保险金额
| 保险利益 | 给付比例 | 年度给付限额 |
|---|---|---|
| 住院医疗保险金（网络医院） | 100% | 1,000,000元 |
| 住院医疗保险金（非网络医院急诊入院） | 80% | 30,000元 |
### 2.2 门诊医疗保险金
门诊医疗保险金不设免赔额。一个保险期间内累计以人民币10,000元为限；累计给付达到该限额时，本项保险利益终止。
### 2.3 住院医疗保险金
住院医疗保险金不设免赔额。
"""


def test_an_exception_setting_applies_only_when_the_customer_names_it() -> None:
    settings = product(SETTINGS)
    network = decide(settings, story("住院花了1万，能赔多少"), default_thesaurus())
    assert network is not None and "× 100%" in network.answer
    elsewhere = decide(
        settings,
        story("急诊送到一家非网络的医院住院，今年已经赔过2.5万了，这次花了1万，能赔多少"),
        default_thesaurus(),
    )
    assert elsewhere is not None
    assert elsewhere.answer.startswith("大约可赔5000元")  # 8000, within the 30000 − 25000 left
    # the outpatient benefit's end is not this limit's
    assert not any("本项保险利益终止" in c for c in elsewhere.conditions)


def test_the_ratio_asked_without_a_bill_is_the_one_for_the_case_told() -> None:
    verdict = decide(
        product(LIMITED),
        story("投保时填的没社保，其实一直交着新农合，这次住院没用农合结算，赔付比例是多少"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.answer.startswith("按60%赔付")
    unknown = decide(product(LIMITED), story("有社保的话赔付比例是多少"), default_thesaurus())
    assert unknown is None or not unknown.answer.startswith("按")


ONE_VISIT = ITEMS.replace(
    "## 2 保险责任",
    "## 2 保险责任\n### 2.0 门诊医疗保险金\n被保险人门诊就诊的，按百分之百的比例给付，"
    "每次门诊以人民币600元为限。同一日于同一家医院就诊多个科室的，视为一次门诊。",
)


def test_several_departments_on_one_day_are_one_visit_under_its_cap() -> None:
    verdict = decide(
        product(ONE_VISIT),
        story("同一天在同一家医院先看了内科又看了骨科，门诊各花了500"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.answer.startswith("大约可赔600元")
    assert any("视为一次门诊" in r.text for r in verdict.reasons)


def test_the_limit_left_is_the_one_of_the_benefit_asked_about() -> None:
    verdict = decide(
        product(SETTINGS), story("今年门诊已经赔了8000，门诊额度还剩多少"), default_thesaurus()
    )
    assert verdict is not None and verdict.answer.startswith("还剩约2000元")
    assert any("本项保险利益终止" in c for c in verdict.conditions)


def test_a_deductible_used_up_by_what_others_paid_is_said() -> None:
    verdict = decide(
        product(LIMITED), story("住院花了2万，单位团险报了6000，能赔多少"), default_thesaurus()
    )
    assert verdict is not None and verdict.answer.startswith("大约可赔1.4万元")
    assert any("这次已抵完" in c for c in verdict.conditions)


def test_a_deductible_not_used_up_last_year_is_not_carried_over_when_the_wording_says_so() -> None:
    wording = LIMITED.replace(
        "年度免赔额为人民币五千元。",
        "年度免赔额为人民币五千元，每一保险期间单独计算，上一保险期间未抵扣完的部分不结转。",
    )
    verdict = decide(
        product(wording), story("去年免赔额只用了2000，续保后剩下的能接着用吗"), default_thesaurus()
    )
    assert verdict is not None and verdict.decision == "no"
    assert verdict.answer.startswith("不能") and "5000元" in verdict.answer


WITH_DEFINITIONS = (
    LIMITED
    + """
## 9 释义
### 9.1 重大疾病
#### 9.1.1 恶性肿瘤——重度
指恶性细胞不受控制的进行性增长和扩散。下列疾病不属于“恶性肿瘤——重度”：（1）原位癌；（2）TNM分期为Ⅰ期或更轻分期的甲状腺癌。
"""
)


def test_asked_whether_it_is_a_severe_disease_the_definitions_answer_before_the_sum() -> None:
    verdict = decide(
        product(WITH_DEFINITIONS),
        story("查出原位癌，住院花了2万，医保报了8000，这算重疾吗？能赔多少"),
        default_thesaurus(),
        disease="原位癌",
    )
    assert verdict is not None
    assert verdict.answer.startswith("不算重大疾病，按一般医疗费用算。大约可赔7000元")
    assert verdict.reasons[0].article == "9.1.1"


def test_a_severe_disease_under_a_medical_product_is_said_to_be_paid_without_deductible() -> None:
    wording = WITH_DEFINITIONS.replace("我们不扣除免赔额，按赔付比例", "免赔额为0元，按赔付比例")
    verdict = decide(
        product(wording),
        story("确诊恶性肿瘤，算不算重疾？能不扣免赔赔吗"),
        default_thesaurus(),
        disease="恶性肿瘤",
    )
    assert verdict is not None and verdict.kind == "disease"
    assert "按重大疾病医疗保险金给付的，不扣免赔额" in verdict.answer


def test_a_hospital_that_cannot_settle_with_social_insurance_has_its_own_ratio() -> None:
    unsupported = story("那家医院不能刷医保，门诊花了1000，能报多少")
    assert unsupported.social_insurance == "unsupported"
    verdict = decide(product(LIMITED), unsupported, default_thesaurus())
    assert verdict is not None and "× 100%" in verdict.answer  # 医院不支持 → (1), not 60%
    asked = decide(product(LIMITED), story("医院没法走医保结算，这部分能赔吗"), default_thesaurus())
    assert asked is not None and asked.answer.startswith("按100%赔付")


ACCIDENT = """---
code: T-ACC-3
name: 测试行安意外伤害保险
insurer: 测试财产保险股份有限公司
type: accident
version: "1"
effective_from: 2025-01-01
---
# 测试行安意外伤害保险条款

## 2 保险责任
### 2.1 意外伤残保险金
被保险人因意外伤害致残的，我们按伤残等级对应的比例乘以基本保险金额给付意外伤残保险金。
### 2.2 意外医疗保险金
被保险人因意外伤害就医的，我们按百分之百的比例给付意外医疗保险金，不设免赔额。一个保险期间内累计以人民币二万元为限。
"""


def test_what_another_benefit_paid_is_not_taken_off_the_medical_limit() -> None:
    accident = product(ACCIDENT)
    disabled = decide(accident, story("伤残已经赔了5万，还能赔多少"), default_thesaurus())
    assert disabled is None or disabled.kind != "medical"
    treated = decide(
        accident, story("今年意外医疗已经赔了1.5万，额度还剩多少"), default_thesaurus()
    )
    assert treated is not None and treated.answer.startswith("还剩约5000元")


def test_an_items_whole_cost_and_the_rest_of_the_bill_are_added_not_confused() -> None:
    verdict = decide(
        product(ITEMS),
        story("住院5天，床位费一共花了6000，其他花了1万，医保报了2000，能赔多少"),
        default_thesaurus(),
    )
    assert verdict is not None
    # 6000 + 10000, over the bed cap 6000 − 5 × 1000 = 1000, less 2000
    assert verdict.sum == "（1.6万元 − 超出分项限额1000元 − 已报销2000元）× 100% = 1.3万元"


SPECIAL = """---
code: T-MED-9
name: 测试惠宁肿瘤医疗保险
insurer: 测试健康保险股份有限公司
type: medical
version: "1"
effective_from: 2025-01-01
---
# 测试惠宁肿瘤医疗保险条款

## 2 保险责任
### 2.1 肿瘤住院医疗保险金
被保险人因肿瘤住院治疗的，我们给付肿瘤住院医疗保险金。本项保险金的年度限额为300万元。
### 2.2 硼中子俘获治疗保险金
被保险人接受硼中子俘获治疗的，我们给付本项保险金。本项保险金的年度限额为50万元，赔付比例为100%，不适用年度免赔额。
### 2.3 交界性肿瘤医疗保险金
被保险人因交界性肿瘤住院的，我们给付本项保险金。本项保险金的年度限额为3万元。
### 2.4 年度免赔额
（1）首次投保的保险期间内，年度免赔额为8000元；
（2）自连续投保的第二个保险期间起，年度免赔额为3000元。
（3）上一保险期间未获得本合同给付的，续保后的年度免赔额减少500元，最低减至2000元。
### 2.5 赔付比例
经社会基本医疗保险结算的，赔付比例为100%；以参加社会基本医疗保险身份投保但未经社会基本医疗保险结算的，赔付比例为50%。
在协议医院住院的，按上述赔付比例的80%计算。
"""


def test_a_benefit_named_by_its_own_words_pays_by_its_own_ratio_without_the_deductible() -> None:
    verdict = decide(
        product(SPECIAL),
        story("做了硼中子治疗花了20万，没走医保，第一年，能赔多少"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.sum == "（20万元）× 100% = 20万元"


def test_a_named_benefit_is_capped_at_its_own_limit() -> None:
    verdict = decide(
        product(SPECIAL), story("交界性肿瘤住院花了6万，首年，能赔多少"), default_thesaurus()
    )
    assert verdict is not None and verdict.answer.startswith("大约可赔3万元")


def test_the_deductible_of_the_year_of_cover() -> None:
    first = decide(product(SPECIAL), story("住院花了2万，第一年，能赔多少"), default_thesaurus())
    renewed = decide(
        product(SPECIAL), story("住院花了2万，续保第二年，能赔多少"), default_thesaurus()
    )
    assert first is not None and "免赔额8000元" in (first.sum or "")
    assert renewed is not None and "免赔额3000元" in (renewed.sum or "")


def test_a_setting_the_wording_pays_a_share_of_the_ratio_for() -> None:
    verdict = decide(
        product(SPECIAL),
        story("在协议医院住院花了1.3万，没走医保，续保第二年，赔多少"),
        default_thesaurus(),
    )
    assert verdict is not None
    assert verdict.sum == "（1.3万元 − 免赔额3000元）× 50% × 80%（即40%） = 4000元"


def test_claim_free_years_take_the_deductible_down_to_its_floor() -> None:
    one = decide(
        product(SPECIAL),
        story("住院花了1万，续保第二年，前一年没理赔过，能赔多少"),
        default_thesaurus(),
    )
    many = decide(
        product(SPECIAL),
        story("住院花了1万，续保第五年，前四年都没理赔过，赔多少"),
        default_thesaurus(),
    )
    assert one is not None and "免赔额2500元" in (one.sum or "")
    assert many is not None and "免赔额2000元" in (many.sum or "")


def test_the_year_limit_of_a_benefit_named_with_its_deductible() -> None:
    shared = decide(product(SPECIAL), story("交界性肿瘤一年最多赔多少"), default_thesaurus())
    assert shared is not None and shared.answer.startswith(
        "按交界性肿瘤医疗保险金赔，年度限额3万元"
    )
    assert "8000元或3000元" in shared.answer


def test_a_sum_without_the_year_of_cover_names_the_other_deductible() -> None:
    verdict = decide(product(SPECIAL), story("住院花了2万，能赔多少"), default_thesaurus())
    assert verdict is not None and any("3000元" in c for c in verdict.conditions)
