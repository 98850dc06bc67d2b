"""Outpatient treatment paid like a stay (特殊门诊), and what a wording leaves out of it."""

from __future__ import annotations

from bot.knowledge.decide import Verdict, decide
from bot.knowledge.decide.severe_route import severe_and_general
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story

HEAD = """---
code: T-MED-S
name: 测试康泰医疗保险
insurer: 测试健康保险股份有限公司
type: medical
version: "1"
effective_from: 2025-01-01
---
# 测试康泰医疗保险条款

## 2 保险责任
"""

MID = (
    HEAD
    + """### 2.1 门急诊医疗保险金
被保险人在门诊就诊的，我们按百分之八十的比例给付门急诊医疗保险金，每次门急诊以500元为限。
### 2.2 住院医疗保险金
被保险人住院治疗的，我们按百分之百的比例给付住院医疗保险金。
#### 2.2.1 特殊门诊
下列门诊费用视同住院医疗费用，按百分之百的比例在住院医疗保险金项下给付：
（1）门诊肾透析费；
（2）恶性肿瘤（见9.1）门诊治疗费，含化学疗法、放射疗法及肿瘤内分泌疗法的费用。

## 9 释义
### 9.1 恶性肿瘤
指经组织病理学检查明确诊断的恶性肿瘤。原位癌不属于本合同所称的恶性肿瘤。
### 9.2 组织病理学检查
指取得病变组织制成切片检查的方法。细胞病理学检查不属于组织病理学检查。
"""
)

MILLION = (
    HEAD
    + """### 2.1 年度免赔额
一般医疗保险金的年度免赔额为一万元；重大疾病医疗保险金不设免赔额。
### 2.2 一般医疗保险金
被保险人住院治疗的，我们扣除年度免赔额后给付一般医疗保险金。
#### 2.2.1 特殊门诊医疗费用
被保险人在门诊接受恶性肿瘤化学疗法、放射疗法、内分泌疗法的费用。
### 2.3 重大疾病医疗保险金
被保险人确诊重大疾病的，我们给付重大疾病医疗保险金。

## 8 释义
### 8.1 重大疾病
#### 8.1.1 恶性肿瘤——重度
指恶性细胞不受控制地进行性增长和扩散的疾病。下列疾病不属于“恶性肿瘤——重度”：
（1）原位癌；
（2）TNM分期为Ⅰ期或更轻分期的甲状腺癌。
"""
)


def ask(wording: str, question: str, disease: str | None = None) -> Verdict | None:
    return decide(product(wording), story(question), default_thesaurus(), disease)


def test_an_outpatient_cancer_treatment_is_paid_by_the_item_at_its_ratio() -> None:
    verdict = ask(MID, "甲状腺癌病理确诊，门诊做内分泌治疗，能按特殊门诊报吗")
    assert verdict is not None and verdict.decision == "yes"
    assert "100%" in verdict.answer and "住院医疗保险金" in verdict.answer


def test_an_in_situ_cancer_is_left_out_and_paid_as_an_ordinary_visit() -> None:
    verdict = ask(MID, "宫颈原位癌，在门诊开药复查，算特殊门诊吗")
    assert verdict is not None and "不能按特殊门诊" in verdict.answer
    assert "80%" in verdict.answer and "500元" in verdict.answer


def test_a_cytology_finding_is_not_yet_the_cancer_a_histology_definition_needs() -> None:
    verdict = ask(MID, "细针穿刺细胞学检查说可疑恶性，门诊化疗能按特殊门诊报吗")
    assert verdict is not None and verdict.decision == "depends"
    assert "组织病理" in verdict.answer


def test_a_cancer_left_out_of_the_severe_definition_is_paid_by_the_general_benefit() -> None:
    assert severe_and_general(product(MILLION)) is not None
    verdict = ask(MILLION, "甲状腺癌TNM分期Ⅰ期，能走重疾医疗吗", "恶性肿瘤——重度")
    assert verdict is not None and "一般医疗保险金" in verdict.answer
    assert "1万元" in verdict.answer


def test_outpatient_treatment_of_such_a_cancer_names_the_item_and_the_deductible() -> None:
    verdict = ask(MILLION, "甲状腺癌TNM分期Ⅰ期，门诊做内分泌治疗，按重疾赔吗", "恶性肿瘤——重度")
    assert verdict is not None and "特殊门诊" in verdict.answer and "免赔" in verdict.answer


def test_a_severe_illness_diagnosed_during_a_stay_counts_from_admission() -> None:
    wording = MILLION.replace(
        "被保险人确诊重大疾病的，我们给付重大疾病医疗保险金。",
        "被保险人确诊重大疾病的，我们给付重大疾病医疗保险金。被保险人在一次住院期间被确诊重大疾病的，"
        "该次住院自入院之日起的医疗费用，以及入院前七日内的相关门急诊费用，均按本项处理。",
    )
    verdict = ask(wording, "住院第5天确诊白血病，前面4天的检查费也能算重疾医疗吗")
    assert verdict is not None and "自入院之日起" in verdict.answer and "7日" in verdict.answer
