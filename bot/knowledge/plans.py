"""Tables of plans (保障计划): each plan's amounts per benefit, read from the wording at ingest.

A product with plans (计划一/计划二/计划三, 方案A/方案B, 基础版/升级版) states its amounts in a table
whose header names the plans and whose rows name what the amount is: a benefit's sum insured
(``意外身故、伤残保险金（基本保险金额） | 100,000 | 200,000``), a deductible, a ratio, a per-visit
or yearly limit, a daily allowance. Each cell becomes a :class:`~bot.knowledge.facts.PlanAmount`;
a cell that is not an amount (``承担``, ``在年度总限额内赔付``) is reported as not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.knowledge.document import ClauseArticle
from bot.knowledge.facts import PlanAmount
from bot.knowledge.text import table_rows

ORDINALS = "一二三四五六七八九十"
# a plan's name in a table header or a customer's words: 计划二, 方案B, 第二档, 基础版, 升级款
PLAN_NAME = re.compile(
    r"^(?:(?:保障)?(?:计划|方案|档次)[一二三四五六七八九十A-Fa-f1-9]|第?[一二三四五六七八九十1-9]档"
    r"|[\u4e00-\u9fff]{1,3}[版型款]|[A-Fa-f](?:款|版|型|计划|档))$"
)
# a plan named by its order: (word, ordinal)
ORDINAL_PLAN = re.compile(
    r"(计划|方案|档次)([一二三四五六七八九十A-Fa-f1-9])|第?([一二三四五六七八九十1-9])档"
)
MONEY = re.compile(r"(\d+(?:\.\d+)?)\s*(万元|万|元)?")
PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*[%％]")
PER_DAY = re.compile(r"每日|每天|/日|/天|日额|日津贴|一日")
PER_VISIT = re.compile(r"每次|单次|/次")


def plan_columns(header: list[str]) -> dict[int, str]:
    """``{column: plan name}`` of a table header that names at least two plans."""
    found = {
        i: cell.replace(" ", "")
        for i, cell in enumerate(header)
        if i and PLAN_NAME.match(cell.replace(" ", "")) and not re.search(r"[%\d]", cell)
    }
    return found if len(found) >= 2 else {}


def read_plan_tables(
    articles: Iterable[ClauseArticle],
) -> tuple[list[PlanAmount], list[str]]:
    """Every plan's amounts in the plan tables of ``articles`` (numbers already in digits), and
    what could not be read, one line per cell: ``"第2.1条 高费用医院 / 计划一: 承担"``."""
    amounts: list[PlanAmount] = []
    unread: list[str] = []
    for article in articles:
        rows = _plans_as_columns(table_rows(article.body))
        header: list[str] = []
        columns: dict[int, str] = {}
        for row in rows:
            if plan_columns(row):
                header, columns = row, plan_columns(row)
                continue
            if not columns or not row or len(row) < len(header):
                continue
            label = row[0]
            for column, plan in columns.items():
                cell = row[column]
                amount = read_cell(label, cell)
                if amount is None:
                    if cell and cell not in ("—", "-", "/"):
                        unread.append(f"第{article.number}条 {label} / {plan}: {cell}")
                    continue
                kind, value, unit = amount
                amounts.append(PlanAmount(plan, label, kind, value, unit, article.number, cell))
    return amounts, unread


def _plans_as_columns(rows: list[list[str]]) -> list[list[str]]:
    """A table with a plan a row (``| 计划一 | 10万 | 1万 |``) turned so that plans are columns,
    as most wordings lay them out; any other table as it is."""
    if len(rows) < 3 or plan_columns(rows[0]):
        return rows
    names = [row[0].replace(" ", "") for row in rows[1:] if row]
    if len(names) < 2 or not all(PLAN_NAME.match(n) for n in names):
        return rows
    width = len(rows[0])
    if any(len(row) < width for row in rows):
        return rows
    return [
        [rows[0][0], *names],
        *([rows[0][i], *(row[i] for row in rows[1:])] for i in range(1, width)),
    ]


def read_cell(label: str, cell: str) -> tuple[str, float, str] | None:
    """``(kind, amount, unit)`` of one plan's cell in the row ``label``, or ``None``.

    Kinds: ``deductible``, ``ratio`` (%), ``per_visit_limit``, ``daily`` (an allowance or a
    per-day cap), ``days`` (days paid), ``sum`` (a sum insured or a limit for the period).
    """
    both = f"{label} {cell}"
    percent = PERCENT.search(cell)
    if percent and not MONEY_WITH_UNIT.search(cell):
        return "ratio", float(percent.group(1)), "%"
    money = MONEY_WITH_UNIT.search(cell) or _bare_number(cell)
    if money is None:
        days = re.search(r"(\d+)\s*[日天]", cell)
        if days and re.search(r"日数|天数", label):
            return "days", float(days.group(1)), "日"
        return None
    value = float(money.group(1)) * (10_000 if (money.group(2) or "").startswith("万") else 1)
    if "免赔" in both:
        return "deductible", value, "元"
    if PER_DAY.search(both):
        return "daily", value, "元"
    if PER_VISIT.search(both):
        return "per_visit_limit", value, "元"
    return "sum", value, "元"


MONEY_WITH_UNIT = re.compile(r"(\d+(?:\.\d+)?)\s*(万元|万|元)")


def _bare_number(cell: str) -> re.Match[str] | None:
    """A figure without a unit (a table "单位：元"): the whole cell a number, or ``150/日``."""
    return re.fullmatch(r"(?:人民币)?\s*(\d+(?:\.\d+)?)()\s*(?:/[日天次])?", cell.strip())


def plan_order(name: str) -> int | None:
    """The position (1, 2, …) of a plan named by its order: 计划二 → 2, 方案B → 2, 第三档 → 3."""
    match = ORDINAL_PLAN.search(name)
    if match is None:
        return None
    mark = (match.group(2) or match.group(3)).upper()
    if mark in ORDINALS:
        return ORDINALS.index(mark) + 1
    if mark.isdigit():
        return int(mark)
    return "ABCDEF".index(mark) + 1


def wording_plan(plans: Iterable[str], told: str | None) -> str | None:
    """The wording's name for the plan the customer told: ``计划二`` is ``方案二`` or ``第二档`` in a
    wording that names its plans so; ``基础版`` only itself."""
    names = list(dict.fromkeys(plans))
    if told is None or not names:
        return told
    if told in names:
        return told
    order = plan_order(told)
    if order is not None:
        ranked = [n for n in names if plan_order(n) == order]
        if ranked:
            return ranked[0]
    same = [n for n in names if told[:2] in n]
    return same[0] if len(same) == 1 else told


def plans_of(amounts: Iterable[PlanAmount]) -> list[str]:
    """The plans a wording names, in the order of its table."""
    return list(dict.fromkeys(a.plan for a in amounts))


def plan_amount(
    amounts: Iterable[PlanAmount], plan: str, row: re.Pattern[str], kind: str = "sum"
) -> PlanAmount | None:
    """The amount of ``kind`` for ``plan`` in the first row whose label matches ``row``."""
    return next(
        (a for a in amounts if a.plan == plan and a.kind == kind and row.search(a.label)), None
    )
