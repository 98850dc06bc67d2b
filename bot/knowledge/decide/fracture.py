"""Fracture benefits: the broken bone's share in the wording's table × the plan's fracture sum.

The wording lists bones (or parts) with a percentage each, some per unit (肋骨骨折，每根 5%，以25%
为限); the sum is the customer's plan's fracture sum insured, from the table of plans. The bone is
matched by the longest run of characters the customer's words share with a row's part.
"""

from __future__ import annotations

import re

from bot.knowledge.decide.disability import plan_sum
from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.explain import money
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.plans import plan_amount
from bot.knowledge.situation import Situation
from bot.knowledge.text import arabic_numerals, chinese_number, table_rows

FRACTURE = re.compile(r"骨折")
TOLD = re.compile(r"骨折|骨裂|断了|摔断|撞断")
PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")
PER_UNIT = re.compile(r"每(根|处|节|块|个)")
UNIT_CAP = re.compile(r"以\s*(\d+(?:\.\d+)?)\s*%\s*为限")
FRACTURE_SUM = re.compile(r"骨折")
BENEFIT_NAMED = re.compile(r"骨折(保险)?金|骨折.{0,3}(赔|给付)")


def decide_fracture(
    product: ProductKnowledge, situation: Situation, with_expenses: bool = False
) -> Verdict | None:
    """ "摔断了3根肋骨，骨折金赔多少": the bone's share × the plan's fracture sum.

    A story that tells expenses asks about them unless it names the fracture benefit, or the
    caller (``with_expenses``) asks for every benefit the story bears on.
    """
    if "amount" not in situation.asks or not TOLD.search(situation.text):
        return None
    if (
        not with_expenses
        and situation.expenses is not None
        and not BENEFIT_NAMED.search(situation.text)
    ):
        return None  # "骨折住院花了2万，能报多少" asks about the expenses
    table = _fracture_table(product)
    if table is None:
        return None
    article, rows = table
    found = _bone(rows, situation.text)
    if found is None:
        return None
    part, share, unit_cap = found
    units = _units(part, situation.text)
    shown = f"{share:g}%"
    if units is not None:
        share = share * units
        shown = f"{units} × {shown}"
        if unit_cap is not None and share > unit_cap:
            share = unit_cap
            shown += f"，以{unit_cap:g}%为限"
    reasons = [Reason(f"骨折给付比例：{part}为{_cell_share(rows, part)}", article)]
    conditions = (
        "须为意外导致的骨折，以医院的X光、CT等影像学检查报告为准；病理性骨折等以条款约定为准。",
    )
    plans = product.facts.plans
    insured = plan_sum(product, situation.plan, FRACTURE_SUM)
    if insured is None and situation.plan is None and plans:
        each = [(p, plan_sum(product, p, FRACTURE_SUM)) for p in plans]
        if all(amount for _, amount in each):
            lines = "；".join(f"{p}{money(a * share / 100)}" for p, a in each if a)
            table_article = next(a.article for a in product.facts.plan_amounts)
            return Verdict(
                "fracture",
                "depends",
                f"按{part}给付骨折保险金额的{shown}，金额看您的保障计划：{lines}。"
                "请告诉我保单上载明的计划，我按它给您确认。",
                (*reasons, Reason("骨折保险金额按保障计划不同", table_article)),
                conditions,
            )
    if insured is None:
        return Verdict(
            "fracture",
            "yes",
            f"按{part}给付骨折保险金额的{shown}。",
            tuple(reasons),
            conditions,
        )
    amount_row = plan_amount(product.facts.plan_amounts, situation.plan or "", FRACTURE_SUM)
    if amount_row is not None:
        reasons.append(
            Reason(f"{situation.plan}的骨折保险金额为{money(insured)}", amount_row.article)
        )
    payable = insured * share / 100
    formula = f"{money(insured)} × {share:g}% = {money(payable)}"
    answer = (
        f"按{part}给付：{formula}。" if units is None else f"按{part}（{shown}）给付：{formula}。"
    )
    paid = situation.paid_before
    if paid and paid < insured and payable > insured - paid:
        left = insured - paid
        answer = (
            f"这次最多还能赔{money(left)}：按{part}应为{formula}，但骨折保险金累计以"
            f"{money(insured)}为限，已赔{money(paid)}，只剩{money(left)}。"
        )
        formula += f"，累计限额{money(insured)}已赔{money(paid)}，最多还能赔{money(left)}"
    paid_now = min(payable, insured - paid) if paid and paid < insured else payable
    return Verdict(
        "fracture", "yes", answer, tuple(reasons), conditions, sum=formula, paid=paid_now
    )


def _fracture_table(
    product: ProductKnowledge,
) -> tuple[str, list[tuple[str, float, float | None, str]]] | None:
    """``(article, [(part, percent, cap of a per-unit row, the cell as written)])`` from the
    first table whose rows name fractures with a percentage."""
    for article in product.document.articles:
        rows: list[tuple[str, float, float | None, str]] = []
        for row in table_rows(arabic_numerals(article.body)):
            part = next((c for c in row if FRACTURE.search(c)), None)
            cell = next((c for c in row if PERCENT.search(c)), None)
            if part is None or cell is None:
                continue
            share = PERCENT.search(cell)
            cap = UNIT_CAP.search(cell)
            if share is not None:
                rows.append(
                    (part, float(share.group(1)), float(cap.group(1)) if cap else None, cell)
                )
        if len(rows) >= 3:
            return article.number, rows
    return None


def _cell_share(rows: list[tuple[str, float, float | None, str]], part: str) -> str:
    return next(cell for p, _, _, cell in rows if p == part)


def _bone(
    rows: list[tuple[str, float, float | None, str]], text: str
) -> tuple[str, float, float | None] | None:
    """The row whose part shares the longest run (2 characters or more, 骨折 aside) with the
    customer's words; ``None`` when two rows share as much."""
    told = FRACTURE.sub("|", text)
    scored = sorted(
        (
            (_common(FRACTURE.sub("|", part), told), part, share, cap)
            for part, share, cap, _ in rows
        ),
        reverse=True,
    )
    best = scored[0] if scored else None
    if best is None or best[0] < 2 or (len(scored) > 1 and scored[1][0] == best[0]):
        return None
    return best[1], best[2], best[3]


def _common(a: str, b: str) -> int:
    """The length of the longest run of characters ``a`` and ``b`` share."""
    longest = 0
    for i in range(len(a)):
        for j in range(i + longest + 1, len(a) + 1):
            if a[i:j] in b and "|" not in a[i:j]:
                longest = j - i
            else:
                break
    return longest


def _units(part: str, text: str) -> int | None:
    """How many units a per-unit row counts ("断了6根肋骨" → 6), or ``None`` for a row per part."""
    unit = PER_UNIT.search(part)
    if unit is None:
        return None
    told = re.search(r"(\d+|[一二两三四五六七八九十]+)\s*" + unit.group(1), text)
    if told is None:
        return 1
    value = (
        chinese_number(told.group(1).replace("两", "二"))
        if not told.group(1).isdigit()
        else int(told.group(1))
    )
    return int(value) if value else 1
