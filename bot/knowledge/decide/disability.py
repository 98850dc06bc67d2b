"""Disability benefits: the grade's share of the sum insured, from the wording's grade table."""

from __future__ import annotations

import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.explain import money
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.plans import plan_amount
from bot.knowledge.situation import Situation
from bot.knowledge.text import arabic_numerals, chinese_number, table_rows

GRADE_CELL = re.compile(r"第?\s*(\d+|[一二三四五六七八九十]+)\s*级")
PERCENT_CELL = re.compile(r"(\d+(?:\.\d+)?)\s*%")


def decide_disability(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "评了八级伤残能拿多少": grade × share × the sum insured (the customer's plan's)."""
    grade = situation.disability_grade
    if grade is None:
        return None
    table = _grade_table(product)
    if table is None or grade not in table[1]:
        return None
    article, shares = table
    share = shares[grade]
    insured = situation.sum_insured or plan_sum(product, situation.plan)
    reasons = (Reason(f"伤残等级给付比例：第{grade}级为基本保险金额的{share:g}%", article),)
    conditions = (
        "伤残须由认可的鉴定机构按《人身保险伤残评定标准》评定，并在条款约定的期限内因该次意外所致。",
    )
    if insured:
        return Verdict(
            "disability",
            "yes",
            f"按{grade}级伤残给付：{money(insured)} × {share:g}% = {money(insured * share / 100)}。",
            reasons,
            conditions,
        )
    return Verdict(
        "disability",
        "yes",
        f"按{grade}级伤残给付基本保险金额的{share:g}%。",
        reasons,
        conditions,
    )


def _grade_table(product: ProductKnowledge) -> tuple[str, dict[int, float]] | None:
    """``(article, {grade: percent})`` from the first table that pairs 级 with a percentage."""
    for article in product.document.articles:
        shares: dict[int, float] = {}
        for row in table_rows(arabic_numerals(article.body)):
            grade = GRADE_CELL.search(row[0]) if row else None
            percent = next(
                (PERCENT_CELL.search(c) for c in row[1:] if PERCENT_CELL.search(c)), None
            )
            value = chinese_number(grade.group(1)) if grade else None
            if value is not None and percent is not None:
                shares[int(value)] = float(percent.group(1))
        if len(shares) >= 3:
            return article.number, shares
    return None


SUM_ROW = re.compile(r"基本保险金额|伤残")


def plan_sum(
    product: ProductKnowledge, plan: str | None, row: re.Pattern[str] = SUM_ROW
) -> float | None:
    """The sum insured of the customer's plan (计划二) from the table of plans: the row of the
    基本保险金额 by default, or the first row ``row`` matches (骨折保险金额)."""
    if plan is None:
        return None
    found = plan_amount(product.facts.plan_amounts, plan, row)
    return found.amount if found is not None else None
