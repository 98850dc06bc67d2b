"""A hospital daily allowance's rules, read from the wording at ingest (住院津贴, 住院补贴).

Kinds (as :class:`MedicalTerm`): ``daily_allowance`` (the amount a day; ``item`` is the ward:
``普通病房`` or ``重症监护室``, ``None`` for any), ``deductible_days`` (免赔日 per stay),
``icu_no_deductible`` (days in intensive care are not deducted), ``stay_days_cap`` (days paid per
stay), ``period_days_cap`` (days paid in the period, in all), ``deductible_waived_from`` (a stay
of at least so many days has no deductible days) and ``merge_gap_days`` (stays for one cause
this many days apart or fewer count as one).
"""

from __future__ import annotations

import re

from bot.knowledge.facts import MedicalTerm

ALLOWANCE = re.compile(r"津贴|补贴|住院日额|住院给付日额")
INTENSIVE = re.compile(r"重症监护|ICU|监护室", re.IGNORECASE)
DAILY = re.compile(r"(?:每日|每天|日额)[^。；\d]{0,12}?(\d+(?:\.\d+)?)\s*(万元|元)")
DEDUCTIBLE_DAYS = re.compile(
    r"(\d+)\s*[日天]的?免赔(?:日|天数|期)?(?!额)|免赔(?:日|天数|期)[为是]?\s*(\d+)\s*[日天]"
)
STAY_CAP = re.compile(r"每次住院([^。；\d]{0,12}?)(\d+)\s*[日天]")
WAIVED_FROM = re.compile(
    r"住院天数(?:达到|满|超过|在)?\s*(\d+)\s*[日天][^。；]{0,8}的[^。；]{0,12}不(?:扣除?|计算)免赔"
)
MERGE_GAP = re.compile(
    r"间隔(?:未超过|不超过|不足|少于|在)?\s*(\d+)\s*[日天][^。]{0,12}(?:视为|按|作为)同一次住院"
)
PERIOD_CAP = re.compile(r"累计[^。；\d]{0,10}?(\d+)\s*[日天]")


def allowance_terms(sentence: str, benefit: str | None, article: str) -> list[MedicalTerm]:
    """The allowance rules one sentence of the wording states."""
    if not (ALLOWANCE.search(sentence) or ALLOWANCE.search(benefit or "")):
        return []
    if not re.search(r"住院|病房|监护", sentence + (benefit or "")):
        return []
    found: list[MedicalTerm] = []

    def add(kind: str, amount: float, item: str | None = None) -> None:
        found.append(MedicalTerm(kind, benefit, article, amount, "日", sentence, item=item))

    daily = DAILY.search(sentence)
    if daily and (
        ALLOWANCE.search(sentence[: daily.start()] + sentence[daily.end() :])
        or ALLOWANCE.search(daily.group(0)[2:])  # "每日津贴500元"
    ):
        amount = float(daily.group(1)) * (10_000 if daily.group(2) == "万元" else 1)
        ward = (
            "重症监护室"
            if INTENSIVE.search(sentence)
            else "普通病房"
            if "普通" in sentence
            else None
        )
        found.append(MedicalTerm("daily_allowance", benefit, article, amount, "元", sentence, ward))
    days = DEDUCTIBLE_DAYS.search(sentence)
    if days:
        add("deductible_days", float(days.group(1) or days.group(2)))
    if INTENSIVE.search(sentence) and re.search(r"不(扣除|扣|计算)免赔", sentence):
        add("icu_no_deductible", 0.0)
    stay = STAY_CAP.search(sentence)
    if (
        stay
        and not re.search(r"扣除|免赔", stay.group(1))
        and re.search(r"为限|上限|最多|最长|不超过", sentence)
    ):
        add("stay_days_cap", float(stay.group(2)))
    waived = WAIVED_FROM.search(sentence)
    if waived:
        add("deductible_waived_from", float(waived.group(1)))
    merge = MERGE_GAP.search(sentence)
    if merge:
        add("merge_gap_days", float(merge.group(1)))
    period = PERIOD_CAP.search(sentence)
    if period and re.search(r"日数|天数|给付", sentence):
        add("period_days_cap", float(period.group(1)))
    return found
