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
    promoted = _promotion(product, article, situation.text, grade)
    told_grade = grade
    if promoted is not None and grade - 1 in shares:
        grade -= 1
    share = shares[grade]
    insured = situation.sum_insured or plan_sum(product, situation.plan)
    reasons: tuple[Reason, ...] = (
        Reason(f"伤残等级给付比例：第{grade}级为基本保险金额的{share:g}%", article),
    )
    if grade != told_grade and promoted is not None:
        reasons = (
            Reason(
                f"几处伤残同为{told_grade}级的，晋升一级按{grade}级给付：“{promoted[1]}”",
                promoted[0],
            ),
            *reasons,
        )
    if not insured and situation.plan is None and len(product.facts.plans) > 1:
        each = [(p, plan_sum(product, p)) for p in product.facts.plans]
        if all(amount for _, amount in each):
            lines = "；".join(f"{p}{money((a or 0) * share / 100)}" for p, a in each)
            return Verdict(
                "disability",
                "depends",
                f"按{grade}级伤残给付基本保险金额的{share:g}%，金额看您的保障计划：{lines}。"
                "请告诉我保单上载明的计划，我按它给您确认。",
                reasons,
                (
                    "伤残须由认可的鉴定机构按《人身保险伤残评定标准》评定，并在条款约定的期限内因该次意外所致。",
                ),
            )
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


SEVERAL = re.compile(r"(两|2|几|多|三|3)处|都(是|评了|评为|评|鉴定为|定为|定了)")
PROMOTION = re.compile(r"(等级相同|同属[^。；]{0,6}等级|同一等级)[^。；]{0,30}晋[升级](?:一|1)级")


def _promotion(
    product: ProductKnowledge, article: str, text: str, grade: int
) -> tuple[str, str] | None:
    """The wording's sentence that promotes several disabilities of one grade by a grade, when
    the story tells several of the same grade ("两处伤残，鉴定都是八级")."""
    if grade <= 1 or not SEVERAL.search(text):
        return None
    for found in product.document.articles:
        if found.number != article and not found.number.startswith(article.rsplit(".", 1)[0]):
            continue
        for sentence in re.split(r"[。；]", arabic_numerals(found.body)):
            if PROMOTION.search(sentence):
                return found.number, re.sub(r"^[（(]\d+[）)]", "", sentence.strip())
    return None


def _grade_table(product: ProductKnowledge) -> tuple[str, dict[int, float]] | None:
    """``(article, {grade: percent})`` from the first table that pairs 级 with a percentage."""
    for article in product.document.articles:
        shares: dict[int, float] = {}
        for row in table_rows(arabic_numerals(article.body)):
            # a grade and the percentage after it; a wide table holds two pairs a row
            for i, cell in enumerate(row[:-1]):
                grade = GRADE_CELL.fullmatch(cell.strip())
                percent = PERCENT_CELL.search(row[i + 1])
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
