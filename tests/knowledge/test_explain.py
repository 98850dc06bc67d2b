"""Sections of an answer quoted from the wording: amounts, periods, exclusions, articles, diseases,
and the claim documents for the customer's own circumstances."""

from __future__ import annotations

import pytest

from bot.knowledge.explain import (
    article_section,
    benefit_for,
    circumstance_section,
    clip,
    exclusions_section,
    is_medical,
    materials_section,
    money,
    period_section,
    quote,
    rule_on_disease,
    topic_articles_section,
)
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.text import normalize
from tests.knowledge.decide.conftest import ILLNESS, MEDICAL, product
from tests.knowledge.test_extract import CLAIM_WORDING

# ---- moved from tests/knowledge/test_circumstances.py (circumstance_section) -------------------

CLAIMS = MEDICAL + (
    "\n## 6 保险金申请\n### 6.1 申请资料\n"
    "（1）保险金给付申请书；\n（2）被保险人本人银行账户信息；\n"
    "（3）委托他人代为申请的，须提供授权委托书及受托人的身份证件。\n"
    "### 6.2 受益人\n本合同的受益人为被保险人本人。被保险人身故后尚未领取的保险金，作为遗产给付其继承人。\n"
)


def test_someone_applying_for_the_insured_is_told_of_the_power_of_attorney() -> None:
    section = circumstance_section(product(CLAIMS), normalize("我妈不会弄，我替她申请理赔行吗"))
    assert "授权委托书" in section.text and section.articles == ["6.1"]


def test_a_death_before_payment_is_told_who_receives_it() -> None:
    section = circumstance_section(product(CLAIMS), normalize("理赔款还没到人就走了，这钱给谁"))
    assert "继承人" in section.text and "6.2" in section.articles


def test_no_circumstance_no_section() -> None:
    assert circumstance_section(product(CLAIMS), normalize("理赔要什么材料")).text == ""


# ---- added: the other sections and their small helpers ------------------------------------------


@pytest.fixture(scope="module")
def illness() -> ProductKnowledge:
    return product(ILLNESS)


@pytest.fixture(scope="module")
def medical() -> ProductKnowledge:
    return product(MEDICAL)


def test_money_is_said_in_wan_from_ten_thousand_yuan() -> None:
    assert money(300000) == "30万元"
    assert money(15000) == "1.5万元"
    assert money(9000) == "9000元"


def test_a_long_sentence_is_clipped_with_an_ellipsis_and_a_short_one_loses_its_full_stop() -> None:
    assert clip("一二三四五六七八九十" * 20, 20) == "一二三四五六七八九十一二三四五六七八九…"
    assert clip("宽限期六十日。", 20) == "宽限期六十日"


def test_only_the_first_lines_are_quoted() -> None:
    assert quote(["第一句。", "第二句。", "第三句。"], 2) == "条款约定：“第一句。第二句。”"


def test_the_benefit_for_a_category_is_the_wordings(illness: ProductKnowledge) -> None:
    mild = benefit_for(illness, "mild")
    assert mild is not None and (mild.name, mild.article, mild.percent) == (
        "轻度疾病保险金",
        "2.3",
        25.0,
    )


def test_only_a_medical_product_is_medical(
    illness: ProductKnowledge, medical: ProductKnowledge
) -> None:
    assert (is_medical(medical), is_medical(illness)) == (True, False)


def test_the_waiting_period_is_said_in_days_and_quoted(illness: ProductKnowledge) -> None:
    section = period_section(illness, "waiting")
    assert section.text.startswith("《测试安康重大疾病保险》的等待期为120日。")
    assert section.articles == ["2.1"]


def test_the_exclusions_are_listed_item_by_item(illness: ProductKnowledge) -> None:
    section = exclusions_section(illness)
    assert "（2）被保险人酒后驾驶、无合法有效驾驶证驾驶" in section.text
    assert section.articles == ["3.1"]


def test_an_article_is_named_and_quoted(illness: ProductKnowledge) -> None:
    section = article_section(illness, "4.1")
    assert "第4.1条“宽限期”" in section.text and "六十日为宽限期" in section.text
    assert section.articles == ["4.1"]


def test_a_condition_a_definition_excludes_is_ruled_excluded(illness: ProductKnowledge) -> None:
    ruling = rule_on_disease(illness, "原位癌")
    assert ruling.covered_as == ()
    assert [d.article for d, _ in ruling.excluded_from] == ["9.1.1"]


def test_a_condition_one_grade_defines_and_another_partly_excludes(
    illness: ProductKnowledge,
) -> None:
    ruling = rule_on_disease(illness, "甲状腺癌")
    assert [d.article for d, _ in ruling.defined_in] == ["9.2.1"]
    assert [d.article for d, _ in ruling.partly_excluded_from] == ["9.1.1"]
    assert ruling.excluded_from == ()


WITH_DOCUMENTS = ILLNESS.replace(
    "## 9 释义",
    "## 6 保险金申请\n### 6.1 轻度疾病保险金的申请\n"
    "（1）保险金给付申请书；\n"
    "（2）分期证明资料：膀胱癌、肾癌须提供TNM分期报告；淋巴瘤须提供骨髓检查报告；"
    "黑色素瘤须提供转移检查资料。\n\n## 9 释义",
)


def test_a_per_case_item_keeps_the_case_the_customer_names() -> None:
    section = materials_section(product(WITH_DOCUMENTS), None, "膀胱癌一期申请轻症要什么材料")
    assert "膀胱癌、肾癌须提供TNM分期报告" in section.text
    assert "骨髓" not in section.text and "黑色素瘤" not in section.text


def test_a_per_case_item_stays_whole_when_no_case_is_named() -> None:
    section = materials_section(product(WITH_DOCUMENTS), None, "申请轻症要什么材料")
    assert "骨髓检查报告" in section.text and "TNM分期报告" in section.text


def test_documents_that_refer_to_another_list_are_listed_from_it() -> None:
    wording = product(CLAIM_WORDING)
    listed = materials_section(wording, wording.facts.benefits[1]).text
    assert listed.startswith("申请特定疾病医疗保险金需要（第6.2条）")
    assert "受益人的银行账户信息" in listed and "特定疾病诊断证明书" in listed
    assert "意外事故证明" not in listed and "所列的材料" not in listed


def test_of_the_articles_titled_with_a_topic_the_one_the_question_matches_is_quoted() -> None:
    wording = product(
        MEDICAL.replace(
            "## 3 责任免除",
            "### 2.4 非指定医院急诊\n情况危急来不及前往指定医院的，急诊入院前三日的费用按百分之七十给付。\n"
            "### 2.5 指定医院的预约\n在指定医院住院须提前二个工作日预约。\n\n## 3 责任免除",
        )
    )
    first = topic_articles_section(wording, "hospital", ("医院",))
    asked = topic_articles_section(wording, "hospital", ("医院",), ("2.5", "2.4"))
    assert first.articles == ["2.4"] and asked.articles == ["2.5"]


def test_a_medical_terms_list_keeps_to_the_customers_plan_and_kind_of_care() -> None:
    from bot.knowledge.document import parse_clause_document
    from bot.knowledge.explain import medical_section
    from bot.knowledge.extract import extract_facts
    from bot.knowledge.facts import ProductKnowledge

    wording = """---
code: T-MED-PLAN-2
name: 测试计划医疗保险
insurer: 测试
type: medical
version: "1"
effective_from: 2025-01-01
---
# 测试计划医疗保险条款

## 1 保障计划
| 项目 | 计划一 | 计划二 |
|---|---|---|
| 住院医疗免赔额 | 0元 | 0元 |
| 普通门急诊每次免赔额 | 200元 | 100元 |
"""
    document = parse_clause_document(wording.encode("utf-8"), "t.md")
    product = ProductKnowledge(document, extract_facts(document))
    section = medical_section(product, "deductible", "计划二", "门急诊")
    assert section.text.endswith("关于免赔额的约定：\n- 计划二普通门急诊每次免赔额为100元")
    assert "计划一" not in medical_section(product, "deductible", "计划二").text
