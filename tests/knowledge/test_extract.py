"""Extraction of every fact kind, from a test-only product and from each sample product."""

from __future__ import annotations

import pytest

from bot.knowledge.document import parse_clause_document, read_clause_document
from bot.knowledge.extract import extract_facts
from bot.knowledge.facts import ProductFacts
from tests.conftest import POLICIES_DIR
from tests.knowledge.new_product import NEW_PRODUCT


@pytest.fixture(scope="module")
def new_facts() -> ProductFacts:
    return extract_facts(parse_clause_document(NEW_PRODUCT.encode(), "fr.md"))


def sample(code: str) -> ProductFacts:
    return extract_facts(read_clause_document(POLICIES_DIR / f"{code}.md"))


def test_periods_are_found_under_synonym_titles_and_chinese_numerals(
    new_facts: ProductFacts,
) -> None:
    periods = {kind: (p.label, p.article) for kind, p in new_facts.periods.items()}
    assert periods == {
        "cooling_off": ("21日", "1.2"),
        "waiting": ("120日", "2.1"),
        "grace": ("45日", "4.1"),
        "reinstatement": ("3年", "4.2"),
        "limitation": ("5年", "3.3"),
        "claim_notice": ("7日", "3.1"),
    }
    assert any(
        "无息返还已交保费" in d
        for d in [new_facts.periods["waiting"].sentence, *new_facts.periods["waiting"].details]
    )


def test_benefits_carry_payout_times_and_contract_end(new_facts: ProductFacts) -> None:
    found = {b.name: (b.category, b.percent, b.times, b.ends_contract) for b in new_facts.benefits}
    assert found == {
        "重大疾病保险金": ("severe", 100.0, None, True),
        "中症疾病保险金": ("moderate", 45.0, 2, False),
        "轻度疾病保险金": ("mild", 25.0, 4, False),
    }


def test_each_exclusion_is_a_separate_item_and_the_tail_is_a_note(new_facts: ProductFacts) -> None:
    assert [e.text.rstrip("。") for e in new_facts.exclusions] == [
        "投保人对被保险人的故意杀害、故意伤害",
        "被保险人服用、吸食或注射毒品",
        "被保险人从事潜水、跳伞、攀岩运动",
        "核爆炸、核辐射或核污染",
    ]
    assert {e.article for e in new_facts.exclusions} == {"2.3"}
    assert new_facts.exclusion_notes[0].startswith("发生上述第（1）项情形的")


def test_diseases_get_their_category_from_the_heading_and_their_excluded_conditions(
    new_facts: ProductFacts,
) -> None:
    diseases = {d.name: d for d in new_facts.diseases}
    assert {n: d.category for n, d in diseases.items()} == {
        "恶性肿瘤——重度": "severe",
        "急性心肌梗死": "severe",
        "原位癌": "moderate",
        "轻度脑中风后遗症": "mild",
    }
    cancer = diseases["恶性肿瘤——重度"]
    assert cancer.exclusions[0].startswith("原位癌")
    assert "甲状腺癌" in cancer.exclusions[1]
    assert "下列疾病" not in cancer.definition
    assert diseases["原位癌"].category_label == "中症疾病"


def test_claim_materials_are_listed_per_benefit(new_facts: ProductFacts) -> None:
    (materials,) = new_facts.materials
    assert materials.benefit == "重大疾病保险金"
    assert materials.article == "3.2"
    assert len(materials.items) == 3
    assert materials.items[0] == "保险金给付申请书"


def test_kn_ci_follows_the_2020_definitions_and_pays_no_carcinoma_in_situ() -> None:
    facts = sample("KN-CI-2024")
    labels = {k: p.label for k, p in facts.periods.items()}
    assert (labels["cooling_off"], labels["waiting"], labels["grace"]) == ("15日", "90日", "60日")
    assert (labels["reinstatement"], labels["limitation"], labels["claim_notice"]) == (
        "2年",
        "2年",
        "10日",
    )
    severe = [d for d in facts.diseases if d.category == "severe"]
    mild = [d for d in facts.diseases if d.category == "mild"]
    assert len(severe) == 28 and len(mild) == 3
    in_situ = [d for d in facts.diseases if "原位癌" in d.name]
    assert in_situ == []
    excluding = {d.name for d in facts.diseases if any("原位癌" in x for x in d.exclusions)}
    assert excluding == {"恶性肿瘤——重度", "恶性肿瘤——轻度"}
    payouts = {
        b.category: (b.percent, b.times) for b in facts.benefits if b.category and not b.is_waiver
    }
    assert payouts == {"severe": (100.0, 1), "mild": (30.0, 2)}
    assert len(facts.exclusions) >= 8
    assert {m.benefit for m in facts.materials} >= {
        "重度疾病保险金",
        "轻度疾病保险金",
        "身故保险金",
    }
    assert all(len(m.items) >= 3 for m in facts.materials)


def test_ax_ci_pays_carcinoma_in_situ_as_its_own_mild_disease() -> None:
    facts = sample("AX-CI-2023")
    labels = {k: p.label for k, p in facts.periods.items()}
    assert (labels["cooling_off"], labels["waiting"], labels["claim_notice"]) == (
        "20日",
        "180日",
        "5日",
    )
    counts = {
        c: sum(d.category == c for d in facts.diseases) for c in ("severe", "moderate", "mild")
    }
    assert counts == {"severe": 28, "moderate": 10, "mild": 15}
    (in_situ,) = [d for d in facts.diseases if d.name == "原位癌"]
    assert in_situ.category == "mild"
    assert any("皮肤原位癌" in x for x in in_situ.exclusions)
    payouts = {
        b.category: (b.percent, b.times) for b in facts.benefits if b.category and not b.is_waiver
    }
    assert payouts == {"mild": (20.0, 3), "moderate": (50.0, 2), "severe": (100.0, 3)}


def test_jk_med_medical_parameters_come_from_sentences_and_tables() -> None:
    facts = sample("JK-MED-2024")
    labels = {k: p.label for k, p in facts.periods.items()}
    assert (labels["cooling_off"], labels["waiting"], labels["grace"]) == ("10日", "30日", "30日")
    assert labels["reinstatement"] == "60日"

    def amounts(kind: str, benefit: str) -> set[float | None]:
        return {t.amount for t in facts.medical if t.kind == kind and t.benefit == benefit}

    assert amounts("deductible", "一般医疗保险金") == {10_000}
    assert amounts("deductible", "重大疾病医疗保险金") == {0}
    assert amounts("annual_limit", "一般医疗保险金") == {3_000_000}
    assert amounts("annual_limit", "重大疾病医疗保险金") == {6_000_000}
    ratios = {t.amount for t in facts.medical if t.kind == "reimbursement"}
    assert ratios == {100, 60}
    assert any("既往症" in e.text for e in facts.exclusions)
    assert {m.benefit for m in facts.materials} == {"一般医疗保险金", "重大疾病医疗保险金"}


SHARED_DOCUMENTS = """---
code: T-CI-2
name: 测试双康重大疾病保险
insurer: 测试人寿
type: critical_illness
version: "1"
effective_from: 2025-01-01
---
# 测试双康重大疾病保险条款

## 2 保险责任
### 2.1 中度疾病保险金
被保险人确诊中度疾病的，我们按基本保险金额的50%给付中度疾病保险金。
### 2.2 轻度疾病保险金
被保险人确诊轻度疾病的，我们按基本保险金额的30%给付轻度疾病保险金。

## 7 保险金申请
### 7.1 申请中度疾病保险金或轻度疾病保险金
受益人须提交：
（1）保险金给付申请书；
（2）疾病诊断证明书。
"""


def test_an_article_for_two_benefits_lists_its_documents_for_each() -> None:
    facts = extract_facts(parse_clause_document(SHARED_DOCUMENTS.encode("utf-8"), "t.md"))
    by_benefit = {m.benefit: m.items for m in facts.materials}
    assert set(by_benefit) == {"中度疾病保险金", "轻度疾病保险金"}
    assert by_benefit["轻度疾病保险金"] == by_benefit["中度疾病保险金"]
    assert len(by_benefit["轻度疾病保险金"]) == 2


SURRENDER_WORDING = """---
code: T-SUR-1
name: 测试安心医疗保险
insurer: 测试健康保险股份有限公司
type: medical
version: "1"
effective_from: 2025-01-01
---
# 测试安心医疗保险条款

## 2 保险责任
### 2.1 住院医疗保险金
被保险人住院治疗的，我们给付住院医疗保险金。

## 5 合同解除
### 5.1 如实告知
您故意不履行如实告知义务的，我们对合同解除前发生的保险事故不承担给付保险金的责任，并不退还保险费。
### 5.2 退还金额
未满期净保险费 = 已交保险费 ×（1 − 百分之十五）×（1 − 已经过天数 ÷ 保险期间天数）
本合同已经给付过保险金的，现金价值为零。
"""


def test_surrender_formula_and_zero_after_payout_are_read_but_not_a_rescission() -> None:
    document = parse_clause_document(SURRENDER_WORDING.encode("utf-8"), "test.md")
    rules = extract_facts(document).surrender
    assert [(r.kind, r.article) for r in rules] == [("formula", "5.2"), ("zero", "5.2")]
    formula, zero = rules
    assert formula.fee_percent == 15.0 and formula.installment is None
    assert zero.benefits == ()  # any payout


ITEM_CAPS = """---
code: T-MED-3
name: 测试中端医疗保险
insurer: 测试健康保险股份有限公司
type: medical
version: "1"
effective_from: 2025-01-01
---
# 测试中端医疗保险条款

## 2 保险责任
### 2.1 住院医疗保险金
住院医疗费用包括下列各项：
（1）床位费（见9.1），每日以人民币1,200元为限；
（2）救护车使用费，限于急诊入院时使用，每次以人民币五百元为限。
### 2.2 门诊医疗保险金
每次门诊的给付金额以人民币600元为限。
### 2.3 限额
门诊医疗保险金和住院医疗保险金合计不超过年度累计给付限额人民币二百万元。
"""


def test_an_items_own_cap_is_not_a_cap_on_the_visit_and_a_shared_limit_has_no_benefit() -> None:
    document = parse_clause_document(ITEM_CAPS.encode("utf-8"), "test.md")
    terms = extract_facts(document).medical
    items = {(t.item, t.amount) for t in terms if t.kind == "item_limit"}
    assert items == {("床位费每日", 1200.0), ("救护车使用费每次", 500.0)}
    visits = [(t.benefit, t.amount) for t in terms if t.kind == "per_visit_limit"]
    assert visits == [("门诊医疗保险金", 600.0)]
    limits = [(t.benefit, t.amount) for t in terms if t.kind == "annual_limit"]
    assert limits == [(None, 2_000_000.0)]


def test_a_refund_share_kept_as_a_percentage_or_defined_in_words_is_read() -> None:
    kept = SURRENDER_WORDING.replace("×（1 − 百分之十五）", "× 百分之八十五")
    document = parse_clause_document(kept.encode("utf-8"), "test.md")
    formula = next(r for r in extract_facts(document).surrender if r.kind == "formula")
    assert formula.fee_percent == 15.0
    worded = SURRENDER_WORDING.replace(
        "未满期净保险费 = 已交保险费 ×（1 − 百分之十五）×（1 − 已经过天数 ÷ 保险期间天数）",
        "我们退还未满期净保险费。\n### 5.3 未满期净保险费\n指保险费扣除经营费用后按尚未经过的天数"
        "所占比例计算的部分，经营费用比例为百分之三十。",
    )
    document = parse_clause_document(worded.encode("utf-8"), "test.md")
    formula = next(r for r in extract_facts(document).surrender if r.kind == "formula")
    assert (formula.article, formula.fee_percent) == ("5.3", 30.0)


def test_a_number_that_names_another_period_is_not_the_reinstatement_window() -> None:
    wording = """---
code: T-MED-9
name: 测试短期医疗保险
insurer: 测试健康保险股份有限公司
type: medical
version: "1"
effective_from: 2025-01-01
---
# 测试短期医疗保险条款

## 4 保险费
### 4.4 效力恢复
本合同效力中止后，您可以在保险期间届满之前申请复效。本合同的保险期间为一年，复效只能在保险期间内办理。自复效之日起重新计算三十日观察期。
"""
    facts = extract_facts(parse_clause_document(wording.encode("utf-8"), "t.md"))
    assert "reinstatement" not in facts.periods


PREMIUM_WORDING = """---
code: T-CI-8
name: 测试终身重大疾病保险
insurer: 测试人寿保险股份有限公司
type: critical_illness
version: "1"
effective_from: 2025-01-01
---
# 测试终身重大疾病保险条款

## 2 保险责任
### 2.2 等待期
自本合同生效之日起九十日为等待期。

## 4 保险费
### 4.2 宽限期
分期支付保险费的，自保险费约定支付日的次日零时起六十日为宽限期。选择半年缴的，不适用本条宽限期。
### 4.3 效力恢复
自本合同效力中止之日起二年内，您可以申请恢复合同效力。等待期自最后一次复效之日起重新计算。
"""


def test_the_ways_of_paying_a_grace_period_excludes_are_read_whole() -> None:
    facts = extract_facts(parse_clause_document(PREMIUM_WORDING.encode("utf-8"), "t.md"))
    assert facts.periods["grace"].not_for == ("半年交",)


def test_a_reinstatement_article_that_restarts_the_waiting_period_is_named_on_it() -> None:
    facts = extract_facts(parse_clause_document(PREMIUM_WORDING.encode("utf-8"), "t.md"))
    assert facts.periods["waiting"].restart_article == "4.3"
    silent = PREMIUM_WORDING.replace("等待期自最后一次复效之日起重新计算。", "")
    facts = extract_facts(parse_clause_document(silent.encode("utf-8"), "t.md"))
    assert facts.periods["waiting"].restart_article is None


def test_a_definitions_own_sentence_leaving_cases_out_gives_one_item_each() -> None:
    from tests.knowledge.decide.conftest import ILLNESS

    wording = ILLNESS.replace(
        "### 9.2 轻度疾病",
        "#### 9.1.4 单侧肺脏切除\n指因疾病或意外伤害已实施一侧全肺切除手术。"
        "肺叶部分切除，以及作为器官捐献者而接受的肺脏切除，不在保障范围内。\n### 9.2 轻度疾病",
    )
    document = parse_clause_document(wording.encode(), "t.md")
    found = next(d for d in extract_facts(document).diseases if d.name == "单侧肺脏切除")
    assert found.exclusions == ("肺叶部分切除", "作为器官捐献者而接受的肺脏切除")


CLAIM_WORDING = """---
code: T-CLM-1
name: 测试长乐医疗保险
insurer: 测试健康保险股份有限公司
type: medical
version: "1"
effective_from: 2025-01-01
---
# 测试长乐医疗保险条款

## 2 保险责任
### 2.1 住院医疗保险金
被保险人住院治疗的，我们给付住院医疗保险金。
### 2.2 特定疾病医疗保险金
被保险人确诊特定疾病后住院治疗的，我们给付特定疾病医疗保险金。

## 6 保险金的申请
### 6.1 住院医疗保险金的申请材料
（1）保险金给付申请书；
（2）被保险人的有效身份证件；
（3）因意外伤害就诊的，提供意外事故证明；
（4）受益人的银行账户信息。
### 6.2 申请特定疾病医疗保险金需要的材料
由被保险人作为申请人，填写保险金给付申请书，并提交下列材料：
（1）第6.1条第（1）至（2）项及第（4）项所列的材料；
（2）专科医生出具的特定疾病诊断证明书。

## 7 合同效力
### 7.1 申请恢复效力
申请时，您应当：
（1）填写复效申请书；
（2）补交欠交的保险费。
"""


def test_claim_documents_keep_the_benefit_their_title_names_and_skip_other_applications() -> None:
    facts = extract_facts(parse_clause_document(CLAIM_WORDING.encode("utf-8"), "t.md"))
    assert [(m.benefit, m.article) for m in facts.materials] == [
        ("住院医疗保险金", "6.1"),
        ("特定疾病医疗保险金", "6.2"),
    ]


def test_an_expenses_own_cap_is_named_by_the_expense_not_the_words_before_it() -> None:
    from bot.knowledge.extract import _item_limits

    found = _item_limits(
        "（9）住院期间的陪床费：被保险人未满18周岁的，每日限100元。", None, "2.5.1"
    )
    assert [(t.item, t.amount) for t in found] == [("陪床费每日", 100.0)]


def test_a_ratio_the_wording_changes_on_a_condition_is_read_as_the_changed_ratio() -> None:
    from bot.knowledge.extract import _medical_in

    found = _medical_in(
        "未事先取得我们预授权的，本次住院医疗费用的赔付比例由100%调整为80%", "住院医疗保险金", "2.5"
    )
    assert [(t.kind, t.amount) for t in found] == [("ratio_change", 80.0)]


def test_a_row_of_the_disability_scale_is_not_a_medical_ratio() -> None:
    from bot.knowledge.extract import _medical_in

    assert _medical_in("第10级：给付比例为10%", None, "10.1") == []
    found = _medical_in("给付比例为80%", "意外医疗保险金", "3.4.2")
    assert [(t.kind, t.amount) for t in found] == [("reimbursement", 80.0)]


def test_an_extra_paid_at_the_same_time_before_an_anniversary_age_is_read() -> None:
    from bot.knowledge.extract import _extra_payout

    adds_to, limit, age = _extra_payout(
        "若被保险人首次获得给付的重度疾病，其确诊之日在被保险人年满六十周岁后的首个保单周年日"
        "（不含当日）之前，我们在给付该次重度疾病保险金的同时，另按基本保险金额的百分之六十给付"
        "六十周岁前重度疾病额外保险金。"
    )
    assert adds_to == "severe" and age == 60 and limit is not None
