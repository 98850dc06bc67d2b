"""Tables of plans: each plan's amounts per benefit, the plan a customer names, what is unread."""

from __future__ import annotations

import dataclasses

from bot.knowledge.document import ClauseArticle, parse_clause_document
from bot.knowledge.extract import extract_facts, unread_plan_cells
from bot.knowledge.plans import plan_order, read_cell, read_plan_tables, wording_plan
from bot.knowledge.text import arabic_numerals

WORDING = """---
code: T-PLAN-1
name: 测试计划意外伤害保险
insurer: 测试人寿保险股份有限公司
type: accident
version: "1"
effective_from: 2025-01-01
---
# 测试计划意外伤害保险条款

## 2 保险责任
### 2.1 保障计划
各项保险金额如下（单位：人民币元）：

| 保障项目 | 方案一 | 方案二 |
|---|---|---|
| 意外伤残保险金（基本保险金额） | 100,000 | 人民币二十万元 |
| 意外医疗保险金（累计限额） | 10,000 | 20,000 |
| 意外医疗免赔额 | 每次事故人民币一百元 | 每次事故人民币五十元 |
| 门急诊每次就诊限额 | 500元 | 800元 |
| 意外住院津贴保险金（住院日津贴额） | 100/日 | 150/日 |
| 高费用医院 | 不承担 | 承担 |
### 2.2 意外伤残保险金
按伤残等级对应的给付比例乘以基本保险金额给付。

| 伤残等级 | 给付比例 |
|---|---|
| 第一级 | 100% |
| 第二级 | 90% |
| 第三级 | 80% |
### 2.3 意外医疗保险金
对合理且必要的医疗费用，扣除免赔额后按80%给付。
### 2.4 意外住院津贴保险金
每次住院的免赔天数为3日。
"""


def _articles() -> list[ClauseArticle]:
    document = parse_clause_document(WORDING.encode("utf-8"), "test.md")
    return [dataclasses.replace(a, body=arabic_numerals(a.body)) for a in document.articles]


def test_each_plans_amount_is_read_per_row_with_its_kind_and_article() -> None:
    amounts, _ = read_plan_tables(_articles())
    found = {(a.plan, a.label, a.kind, a.amount) for a in amounts}
    assert ("方案一", "意外伤残保险金（基本保险金额）", "sum", 100000.0) in found
    assert ("方案二", "意外伤残保险金（基本保险金额）", "sum", 200000.0) in found
    assert ("方案二", "意外医疗免赔额", "deductible", 50.0) in found
    assert ("方案一", "门急诊每次就诊限额", "per_visit_limit", 500.0) in found
    assert ("方案二", "意外住院津贴保险金（住院日津贴额）", "daily", 150.0) in found
    assert {a.article for a in amounts} == {"2.1"}


def test_a_cell_that_is_no_amount_is_reported_with_its_article_row_and_plan() -> None:
    _, unread = read_plan_tables(_articles())
    assert unread == ["第2.1条 高费用医院 / 方案一: 不承担", "第2.1条 高费用医院 / 方案二: 承担"]
    document = parse_clause_document(WORDING.encode("utf-8"), "test.md")
    assert unread_plan_cells(document) == unread


def test_a_table_of_grades_is_no_table_of_plans() -> None:
    amounts, _ = read_plan_tables(_articles())
    assert not any("级" in a.label for a in amounts)


def test_the_facts_keep_the_plans_in_their_order_and_the_medical_terms_per_plan() -> None:
    facts = extract_facts(parse_clause_document(WORDING.encode("utf-8"), "test.md"))
    assert facts.plans == ("方案一", "方案二")
    per_visit = [t for t in facts.medical if t.kind == "per_visit_limit"]
    assert {(t.amount, "方案二" in t.sentence) for t in per_visit} == {
        (500.0, False),
        (800.0, True),
    }
    daily = [t for t in facts.medical if t.kind == "daily_allowance"]
    assert {t.amount for t in daily} == {100.0, 150.0}
    assert all(t.benefit == "意外住院津贴保险金" for t in daily)
    limits = [t for t in facts.medical if t.kind == "annual_limit"]
    assert {(t.benefit, t.amount) for t in limits} == {
        ("意外医疗保险金", 10000.0),
        ("意外医疗保险金", 20000.0),
    }


def test_a_grade_tables_percentage_is_never_a_reimbursement_ratio() -> None:
    facts = extract_facts(parse_clause_document(WORDING.encode("utf-8"), "test.md"))
    ratios = [t for t in facts.medical if t.kind == "reimbursement"]
    assert [(t.article, t.amount) for t in ratios] == [("2.3", 80.0)]


def test_a_cell_is_read_by_its_row_and_its_own_words() -> None:
    assert read_cell("住院医疗赔付比例", "100%") == ("ratio", 100.0, "%")
    assert read_cell("年度总限额", "300万元") == ("sum", 3000000.0, "元")
    assert read_cell("床位费每日限额", "1000元/日") == ("daily", 1000.0, "元")
    assert read_cell("住院津贴给付日数上限", "每次住院60日") == ("days", 60.0, "日")
    assert read_cell("高费用医院", "承担") is None


def test_the_customers_plan_is_the_wordings_name_for_it() -> None:
    assert plan_order("计划二") == 2
    assert plan_order("方案B") == 2
    assert plan_order("第三档") == 3
    assert plan_order("基础版") is None
    assert wording_plan(["方案一", "方案二"], "计划二") == "方案二"
    assert wording_plan(["计划一", "计划二"], "第一档") == "计划一"
    assert wording_plan(["基础版", "升级版"], "升级版") == "升级版"
    assert wording_plan([], "计划二") == "计划二"
    assert wording_plan(["计划一"], None) is None


def test_a_table_with_a_plan_a_row_is_read_the_same() -> None:
    article = ClauseArticle(
        "2.1",
        "保障计划",
        "| 保障计划 | 意外身故保险金（基本保险金额） | 意外医疗免赔额 |\n|---|---|---|\n"
        "| 基础版 | 10万元 | 100元 |\n| 升级版 | 30万元 | 0元 |\n",
        1,
    )
    amounts, unread = read_plan_tables([article])
    assert unread == []
    assert [(a.plan, a.label, a.kind, a.amount) for a in amounts] == [
        ("基础版", "意外身故保险金（基本保险金额）", "sum", 100000.0),
        ("升级版", "意外身故保险金（基本保险金额）", "sum", 300000.0),
        ("基础版", "意外医疗免赔额", "deductible", 100.0),
        ("升级版", "意外医疗免赔额", "deductible", 0.0),
    ]
