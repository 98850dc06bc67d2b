"""How much a premium waiver spares: the installments left after those paid, at the yearly premium.

"20年期，每年3000，第5期已经交了" leaves 15 installments, 4.5万元; "年交6000，交20年，已经交了3年"
leaves 17, 10.2万元.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.explain import clip
from bot.knowledge.facts import ProductKnowledge
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


GRACE_WAIVED = re.compile(
    r"宽限期[^。]{0,40}(一并豁免|同时豁免|予以豁免)|宽限期[^。]{0,60}不再从[^。]{0,8}扣除"
)


def grace_premium_waived(
    product: ProductKnowledge, grace: Verdict, payout: Verdict | None
) -> Verdict:
    """A diagnosis in the grace period that the premium waiver covers: the premium owed is waived
    with the rest, not taken off the payout, when the waiver says so (宽限期内应交而未交的当期保险费
    也一并豁免)."""
    if payout is None or payout.decision != "yes" or "扣除欠交" not in grace.answer:
        return grace
    for benefit in product.facts.benefits:
        if not benefit.is_waiver:
            continue
        said = next((s for s in benefit.sentences if GRACE_WAIVED.search(s)), None)
        covers = "".join(benefit.sentences)
        if said is None or not any(w in covers for w in _paid_as_words(payout.answer)):
            continue
        answer = re.sub(r"[，,]?理赔时会扣除欠交的保险费。?$", "。", grace.answer.rstrip())
        answer = re.sub(r"可赔[^。]*扣除欠交的保险费[^。]*。", "", answer)
        return dataclasses.replace(
            grace,
            answer=f"{answer}按条款，欠交的当期保费随保费豁免一并豁免，不从保险金中扣除；{payout.answer.removeprefix('能赔：')}",
            reasons=(
                *grace.reasons,
                Reason(f"条款约定：“{clip(said, 70)}”", benefit.article),
                *payout.reasons,
            ),
            sum=None,
        )
    return grace


def _paid_as_words(answer: str) -> list[str]:
    """The wording's words for the category a payout answer names (按轻症赔 → 轻度, 轻症)."""
    named = re.search(r"按(重疾|中症|轻症|特定疾病)赔", answer)
    words = {"重疾": ["重度", "重大疾病"], "中症": ["中度", "中症"], "轻症": ["轻度", "轻症"]}
    return words.get(named.group(1), []) if named else []
