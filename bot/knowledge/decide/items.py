"""Expenses with caps of their own: "床位费每天2000" against the wording's 床位费每日1500元.

The wording lists some expenses with a cap (床位费每日以1500元为限, 救护车使用费每次800元) and may
exempt others from it (重症监护室床位费不受床位费限额的约束). The customer's words for those items
are the wording's own (床位, 救护车) or, through the reviewed thesaurus, everyday ones (伙食 for 膳食).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.explain import clip, money
from bot.knowledge.facts import MedicalTerm, ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.text import normalize
from bot.knowledge.thesaurus import Thesaurus
from bot.knowledge.told import MONEY, money_value

PER_DAY = re.compile(r"每天|每日|一天|1天|每晚")
EXEMPT = re.compile(r"不受[^。；]{0,16}限额|不受[^。；]{0,10}限制|不设[^。；]{0,6}限额")


@dataclass(frozen=True)
class ItemTold:
    """One capped expense the customer told, and what the wording allows of it."""

    name: str  # the wording's item: 床位费
    amount: float  # as told: a day's or the whole
    per_day: bool
    cap: MedicalTerm | None  # None: the wording exempts it from the cap
    exempt_sentence: str | None = None
    exempt_article: str | None = None

    def total(self, days: int | None) -> float:
        return self.amount * (days or 1) if self.per_day else self.amount

    def excess(self, days: int | None) -> float:
        """What the cap leaves out."""
        if self.cap is None or not self.cap.amount or self.cap.item is None:
            return 0.0
        cap_per_day = self.cap.item.endswith("每日")
        if self.per_day and cap_per_day:
            return max(self.amount - self.cap.amount, 0.0) * (days or 1)
        if not self.per_day and cap_per_day:
            return max(self.amount - self.cap.amount * days, 0.0) if days else 0.0
        if not self.per_day:
            return max(self.amount - self.cap.amount, 0.0)
        return 0.0


def _words(name: str, thesaurus: Thesaurus | None) -> list[str]:
    """The words a customer may use for the wording's item ``name`` (床位费 → 床位, 床费)."""
    core = re.sub(r"(使用)?费(用)?$", "", name)
    words = [core]
    if thesaurus is not None:
        for concept in thesaurus.concepts:
            if any(w in core for w in concept.wording):
                words.extend(concept.everyday)
    return sorted({normalize(w) for w in words}, key=len, reverse=True)


def _exempt_items(product: ProductKnowledge) -> list[tuple[str, str, str]]:
    """Items the wording lists as not bound by a cap: ``(item name, sentence, article)``."""
    found = []
    for article in product.document.articles:
        for sentence in plain_sentences(article.body):
            if not EXEMPT.search(sentence):
                continue
            named = re.search(r"^(?:[（(]?\d+[）)．.、]?)?\s*([\u4e00-\u9fff]{2,12}费)", sentence)
            if named:
                found.append((named.group(1), sentence, article.number))
    return found


def items_told(
    product: ProductKnowledge,
    terms: list[MedicalTerm],
    text: str,
    thesaurus: Thesaurus | None,
) -> list[ItemTold] | None:
    """The capped (or exempted) expenses the question tells, ``None`` when it tells a daily
    amount the wording has no item for (the sum would be a guess)."""
    caps: dict[str, MedicalTerm] = {}
    for term in terms:
        if term.kind == "item_limit" and term.item and term.amount:
            caps.setdefault(term.item[:-2], term)
    if not caps:
        return []
    exempt = _exempt_items(product)
    found: list[ItemTold] = []
    taken: list[tuple[int, int]] = []
    for name, cap in caps.items():
        for word in _words(name, thesaurus):
            pattern = (
                re.escape(word)
                + r"费?(?:用)?(每天|每日|一天|1天|每晚)?(?:一共|总共|共)?(?:是|要|收|花了|花|付了)?"
            )
            match = next(
                (
                    m
                    for m in re.finditer(pattern + MONEY.pattern, text)
                    if not any(a <= m.start() < b for a, b in taken)
                ),
                None,
            )
            if match is None:
                continue
            money = MONEY.search(text, match.start() + len(word))
            amount = money_value(money) if money else None
            if amount is None:
                continue
            taken.append((match.start(), match.end()))
            before = text[max(0, match.start() - 6) : match.start()]
            exempted = next(
                (
                    (item, sentence, article)
                    for item, sentence, article in exempt
                    if any(w in before for w in _words(item, thesaurus) if w != word)
                ),
                None,
            )
            found.append(
                ItemTold(
                    exempted[0] if exempted else name,
                    amount,
                    bool(match.group(1)),
                    None if exempted else cap,
                    exempted[1] if exempted else None,
                    exempted[2] if exempted else None,
                )
            )
            break
    daily = list(re.finditer(f"(?:{PER_DAY.pattern})" + r"\s*" + MONEY.pattern, text))
    if len(daily) > sum(1 for f in found if f.per_day):
        return None
    return found


OTHERS = re.compile(r"(其他|其它|其余|另外|别的)[^，。；]{0,12}?")


def other_expenses(text: str) -> float | None:
    """What the rest of the bill came to: "其他检查药品手术一共2万"."""
    for lead in OTHERS.finditer(text):
        money = MONEY.search(text, lead.end())
        if money is not None and money.start() - lead.start() <= 14:
            return money_value(money)
    return None


def decide_item_cap(
    product: ProductKnowledge, situation: Situation, thesaurus: Thesaurus | None
) -> Verdict | None:
    """ "单人间一天1200，住了12天，床位费能全报吗": a day's amount told against an item's own
    daily cap, with no bill to work the payout from — what the cap leaves out."""
    if situation.expenses or re.search(r"重症|监护|ICU|icu", situation.text):
        return None
    daily = [
        money_value(m)
        for m in re.finditer(f"(?:{PER_DAY.pattern})" + r"\s*" + MONEY.pattern, situation.text)
    ]
    if len(daily) != 1 or daily[0] is None:
        return None
    amount = daily[0]
    caps: dict[str, list[MedicalTerm]] = {}
    for term in product.facts.medical:
        if term.kind == "item_limit" and term.item and term.item.endswith("每日") and term.amount:
            caps.setdefault(term.item[:-2], []).append(term)
    told = [
        (name, terms)
        for name, terms in caps.items()
        if any(w and w in situation.text for w in _words(name, thesaurus))
    ]
    if len(told) != 1:
        return None
    name, terms = told[0]
    if situation.plan is not None:
        terms = [t for t in terms if situation.plan in t.sentence] or terms
    if len({t.amount for t in terms}) != 1:
        return None  # a cap per plan and no plan told
    cap = terms[0]
    limit = cap.amount or 0.0
    reason = Reason(f"条款约定：“{clip(cap.sentence, 80)}”", cap.article)
    if amount <= limit:
        return Verdict(
            "medical",
            "yes",
            f"{name}没有超过每日{money(limit)}的限额，可以按实际金额计入报销（再按赔付比例和免赔额计算）。",
            (reason,),
        )
    days = situation.hospital_days or situation.ward_days
    if days is None:
        return Verdict(
            "medical",
            "no",
            f"不能全报：{name}每日以{money(limit)}为限，每天超出的{money(amount - limit)}不赔。",
            (reason,),
        )
    over = (amount - limit) * days
    return Verdict(
        "medical",
        "no",
        f"不能全报：{name}每日以{money(limit)}为限，超出部分不赔："
        f"（{money(amount)} − {money(limit)}）× {days}天 = {money(over)}不赔；"
        f"可以计入报销的是{money(limit)} × {days}天 = {money(limit * days)}"
        "（再按赔付比例和免赔额计算）。",
        (reason,),
    )
