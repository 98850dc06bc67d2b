"""Extra payouts for how an accident happened, on top of the death benefit.

"坐飞机出事身故" under a wording that pays 航空意外身故保险金 "除按身故保险金给付外，另按基本保险金额的
200%额外给付", or a 交通工具意外额外保险金 by a table of multiples (民航班机 10倍 … 私家车 2倍): the
conveyance the customer names (``data/general/conveyances.yml``) finds the sentence or row, and the
extra is added to what the death benefit pays. Where a story names several, the highest applies.
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.explain import clip, money
from bot.knowledge.facts import Benefit, ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.text import (
    arabic_numerals,
    sentences,
    strip_markdown,
    table_sentences,
    without_tables,
)
from bot.knowledge.thesaurus import Thesaurus, read_thesaurus
from bot.settings import PROJECT_ROOT

CONVEYANCES = PROJECT_ROOT / "data" / "general" / "conveyances.yml"
EXTRA = re.compile(r"另(行)?(按|给付)|额外给付|另外给付|除按[^。]{0,30}给付[^。]{0,30}外")
MISHAP = re.compile(r"出事|失联|翻了|沉了")
MULTIPLE = re.compile(r"基本保险金额(?:的)?\s*(\d+(?:\.\d+)?)\s*(倍|%)")


@lru_cache(maxsize=1)
def conveyances() -> Thesaurus:
    """The conveyances customers name, read once."""
    return read_thesaurus(CONVEYANCES)


def is_extra(benefit: Benefit) -> bool:
    """Whether ``benefit`` is paid on top of another one (另按…额外给付), not on its own."""
    return "额外" in benefit.name or any(EXTRA.search(s) for s in benefit.sentences[:2])


@dataclasses.dataclass(frozen=True)
class Extra:
    """The extra a conveyance earns: a share of the sum insured, from the sentence or row."""

    name: str
    percent: float
    article: str
    said: str
    times: float | None = None  # "基本保险金额的10倍": the multiple, as the wording says it

    def of(self, sum_insured: float) -> str:
        """``20万元 × 4倍 = 80万元`` or ``30万元 × 200% = 60万元``."""
        paid = money(sum_insured * self.percent / 100)
        if self.times is not None:
            return f"{money(sum_insured)} × {self.times:g}倍 = {paid}"
        return f"{money(sum_insured)} × {self.percent:g}% = {paid}"

    @property
    def share(self) -> str:
        return f"{self.times:g}倍" if self.times is not None else f"{self.percent:g}%"


def extra_for(product: ProductKnowledge, situation: Situation) -> Extra | None:
    """The highest extra the conveyances the story names earn under ``product``'s wording."""
    told = conveyances().concepts_in(situation.text)
    if not told:
        return None
    found: list[Extra] = []
    for benefit in product.facts.benefits:
        if not is_extra(benefit):
            continue
        for number, line in _lines(product, benefit.article):
            plain = arabic_numerals(line)
            share = MULTIPLE.search(plain)
            if share is None or not any(c.named_in(plain[: share.start()]) for c in told):
                continue
            value = float(share.group(1))
            times = value if share.group(2) == "倍" else None
            percent = value * 100 if times is not None else value
            found.append(Extra(benefit.name, percent, number, line, times))
    return max(found, key=lambda e: e.percent, default=None)


def _lines(product: ProductKnowledge, article: str) -> list[tuple[str, str]]:
    """The sentences and table rows of ``article`` and the articles under it."""
    lines = []
    for a in product.document.articles:
        if a.number == article or a.number.startswith(article + "."):
            body = a.body
            lines += [(a.number, s) for s in sentences(strip_markdown(without_tables(body)))]
            lines += [(a.number, s) for s in table_sentences(body)]
    return lines


def plus_extra(
    product: ProductKnowledge, situation: Situation, percent: float, verdict: Verdict
) -> Verdict:
    """``verdict`` (the death benefit's ``percent`` of the sum insured) with the extra the
    conveyance earns and the total, when the cause is an accident."""
    if verdict.decision != "yes":
        return verdict
    extra = extra_for(product, situation)
    if extra is None:
        return verdict
    reason = Reason(f"条款约定：“{clip(extra.said, 90)}”", extra.article)
    if situation.cause == "illness":
        # "在飞机上突发心梗": the extra is for an accident on the way, not an illness there
        return dataclasses.replace(
            verdict,
            answer=f"{verdict.answer.rstrip('。')}。{extra.name}不赔：它只在意外伤害导致时给付，"
            "因疾病身故的只赔上面这一项。",
            reasons=(*verdict.reasons, reason),
        )
    mishap = situation.cause is None and MISHAP.search(situation.text)  # "坐飞机出事身故了"
    if situation.cause != "accident" and not mishap:
        return verdict
    main = more = 0.0
    if situation.sum_insured:
        main = situation.sum_insured * percent / 100
        more = situation.sum_insured * extra.percent / 100
        total = f"{money(main)} + {money(more)} = {money(main + more)}"
        told = f"另外还可以赔{extra.name}：{extra.of(situation.sum_insured)}；合计{total}。"
    else:
        total = f"基本保险金额的{percent + extra.percent:g}%"
        told = f"另外还可以赔{extra.name}，按基本保险金额的{extra.share}；合计{total}。"
    return dataclasses.replace(
        verdict,
        answer=f"{verdict.answer.rstrip('。')}。{told}",
        reasons=(*verdict.reasons, reason),
        sum=total,
        paid=main + more if situation.sum_insured else None,
    )
