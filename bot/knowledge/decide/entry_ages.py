"""Insurable ages by the choices made: a table of ages per start age (领取起始年龄60周岁/65周岁)
and per way of paying (趸交, 5年交, 20年交).

"56周岁，选60岁开始领可以吗" is read against the column for 60: no way of paying takes 56, so no;
"45岁，20年交，60岁开始领" against one cell (18周岁至40周岁).
"""

from __future__ import annotations

import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.text import arabic_numerals, table_rows

START_TOLD = re.compile(r"(\d+)\s*周?岁[^，。？?\d]{0,4}(开始)?(领|领取)")
PAYING_TOLD = re.compile(r"(\d+)\s*年(交|缴)|趸交|趸缴|一次(性)?(交|缴)(清)?")
SPAN = re.compile(r"(\d+)\s*周?岁\s*(?:至|到|-|—|~|～)\s*(\d+)\s*周?岁")
COLUMN_AGE = re.compile(r"(\d+)\s*周?岁")
SINGLE = re.compile(r"趸|一次")


def _paying(cell: str) -> str | None:
    years = re.search(r"(\d+)\s*年", cell)
    if years:
        return f"{years.group(1)}年"
    return "趸交" if SINGLE.search(cell) else None


def _table(product: ProductKnowledge) -> tuple[str, list[str], list[list[str]]] | None:
    """The article and the table whose header names start ages and whose rows are ways of
    paying, with age spans in the cells."""
    for article in product.document.articles:
        rows = table_rows(arabic_numerals(article.body))
        if len(rows) < 3 or not re.search(r"领取", " ".join(rows[0])):
            continue
        header = rows[0]
        body = [r for r in rows[1:] if len(r) == len(header) and _paying(r[0])]
        if body and all(SPAN.search(c) for r in body for c in r[1:]):
            return article.number, header, body
    return None


def decide_entry_age_by_start(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """Whether the insured's age fits the start age (and way of paying) the customer chose."""
    text = arabic_numerals(situation.text)
    start = START_TOLD.search(text)
    age = _insured_age(text, start) if start else None
    if start is None or age is None:
        return None
    found = _table(product)
    if found is None:
        return None
    number, header, rows = found
    column = next(
        (
            i
            for i, cell in enumerate(header)
            if (heading := COLUMN_AGE.search(cell)) and heading.group(1) == start.group(1)
        ),
        None,
    )
    if column is None:
        return None
    told = PAYING_TOLD.search(text)
    paying = _paying(told.group(0)) if told else None
    chosen = [r for r in rows if paying is None or _paying(r[0]) == paying]
    if not chosen:
        return None
    fits = []
    for row in chosen:
        span = SPAN.search(row[column])
        if span and int(span.group(1)) <= age <= int(span.group(2)):
            fits.append(row[0])
    cells = "；".join(f"{r[0]}：{r[column]}" for r in chosen)
    reason = Reason(f"{header[column]}的投保年龄：{cells}", number)
    chose = f"{start.group(1)}周岁开始领" + (f"、{chosen[0][0]}" if paying else "")
    if fits:
        return Verdict(
            "age",
            "yes",
            f"按年龄可以投保：{age}周岁选{chose}，在条款的投保年龄范围内（{'、'.join(fits)}）。",
            (reason,),
            ("还须符合健康告知和核保要求，以保险公司审核为准。",),
            coverage=False,
        )
    others = [
        f"{h}" for i, h in enumerate(header[1:], 1) if i != column and _fits_any(chosen, i, age)
    ]
    instead = f"可以看看{'、'.join(others)}的选项。" if others else ""
    return Verdict(
        "age",
        "no",
        f"不能这样投保：{age}周岁超出了选{chose}的投保年龄（{cells}）。{instead}",
        (reason,),
        coverage=False,
    )


def _fits_any(rows: list[list[str]], column: int, age: int) -> bool:
    for row in rows:
        span = SPAN.search(row[column])
        if span and int(span.group(1)) <= age <= int(span.group(2)):
            return True
    return False


AGE = re.compile(r"(\d+)\s*周?岁")


def _insured_age(text: str, start: re.Match[str]) -> int | None:
    """The insured's age: an age told that is not the start age chosen."""
    for found in AGE.finditer(text):
        if found.start() >= start.start() and found.start() < start.end():
            continue
        value = int(found.group(1))
        if 0 < value < 100:
            return value
    return None
