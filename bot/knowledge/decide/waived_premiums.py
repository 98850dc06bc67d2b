"""How much a premium waiver spares: the installments left after those paid, at the yearly premium.

"20年期，每年3000，第5期已经交了" leaves 15 installments, 4.5万元; "年交6000，交20年，已经交了3年"
leaves 17, 10.2万元.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge.situation import Situation
from bot.knowledge.text import arabic_numerals, normalize

TERM = re.compile(r"(?:交|缴)(?:费)?(\d+)年(?!前)|(\d+)年(?:期|交|缴)")
PAID = re.compile(r"第(\d+)期[^，。,；]{0,4}(?:已经|已)?交|(?:已经|已)交了?(\d+)(?:期|年)")
YEARLY = re.compile(r"(?:每年|年交|年缴)(?:交|缴)?(\d+(?:\.\d+)?)(万)?")


@dataclass(frozen=True)
class Waived:
    """The installments a waiver spares and what they come to."""

    installments: int
    amount: float | None


def waived(situation: Situation) -> Waived | None:
    """What is waived when the premiums left after those told as paid are waived."""
    raw = normalize(situation.text)
    text = arabic_numerals(raw)
    term = TERM.search(raw) or TERM.search(text)  # digits as told first: "守一年交" is a name
    paid_told = PAID.search(text)
    paid = int(paid_told.group(1) or paid_told.group(2)) if paid_told else situation.years_paid
    if term is None or paid is None:
        return None
    years = int(term.group(1) or term.group(2))
    if not 0 < paid < years:
        return None
    yearly = situation.annual_premium
    if yearly is None and (told := YEARLY.search(text)) is not None:
        yearly = float(told.group(1)) * (10_000 if told.group(2) else 1)
    left = years - paid
    return Waived(left, left * yearly if yearly else None)
