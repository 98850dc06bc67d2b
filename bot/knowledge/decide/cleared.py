"""What the cover pays once a waiting period or an exclusion does not hold a claim back.

"还在观察期里是不是不赔" answered "意外不受观察期限制" and "自杀两年后还赔吗" answered "免责已不适用"
leave the customer without the payout itself: the death (or 全残) benefit follows, with the sum
insured told. A cleared exclusion asked "管不管" under a life or accident cover says which of the
cover's benefits would pay.
"""

from __future__ import annotations

import dataclasses
import re

from bot.knowledge.decide.greater import AGE_BOUND, ITEM_MARK, branches
from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import amount_text
from bot.knowledge.explain import clip
from bot.knowledge.facts import Benefit, ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.text import arabic_numerals, strip_markdown

DEATH = re.compile(r"身故|去世|过世|死亡|走了|离世|病故|没了|自杀(?!未遂)|身亡|猝死")
TOTAL = re.compile(r"全残")
ILLNESS = re.compile(r"猝死|心脏病|心梗|脑溢血|脑出血|突发")
LIFE_TYPES = ("term_life", "whole_life")


def _benefit(product: ProductKnowledge, situation: Situation) -> Benefit | None:
    """The death benefit for a death told, the 全残 benefit for a 全残 told; one that pays only
    for an accident when the story's cause is an accident."""
    if DEATH.search(situation.text):
        word = "身故"
    elif TOTAL.search(situation.text):
        word = "全残"
    else:
        return None
    named = [
        b for b in product.facts.benefits if word in b.name and not re.search(r"前|期间内", b.name)
    ]
    if len(named) != 1:
        return None  # several (before/after a start day, by cause): their own deciders choose
    benefit = named[0]
    if "意外" in benefit.name and (situation.cause != "accident" or ILLNESS.search(situation.text)):
        return None  # an accident benefit for a death that may have been an illness's
    return benefit


def _payout(benefit: Benefit, situation: Situation) -> str:
    if benefit.percent is not None:
        return f"可以赔{benefit.name}：{amount_text(situation, benefit.percent)}。"
    return f"可以赔{benefit.name}，金额按第{benefit.article}条的约定。"


def with_payout(product: ProductKnowledge, situation: Situation, cleared: Verdict) -> Verdict:
    """``cleared`` (a waiting period passed or lifted, an exclusion that does not apply) followed
    by what the death or 全残 benefit pays for the story."""
    if cleared.decision not in ("yes", "info") or cleared.sum is not None:
        return cleared
    if re.search(r"可以赔", cleared.answer):
        return _with_rule(product, cleared)  # it names the payout already
    benefit = _benefit(product, situation)
    if benefit is None:
        return _cover_asked(product, situation, cleared)
    reason = Reason(f"条款约定：“{clip(benefit.sentences[0], 80)}”", benefit.article)
    return dataclasses.replace(
        cleared,
        answer=f"{cleared.answer.rstrip('。')}。{_payout(benefit, situation)}",
        reasons=(*cleared.reasons, reason),
        conditions=(*cleared.conditions, "须不属于其他责任免除的情形，以理赔审核为准。"),
    )


COVER_ASKED = re.compile(r"管不管|赔不赔|保不保|能不能赔|能赔吗|会赔吗|还赔吗|能报吗|出事")


def _cover_asked(product: ProductKnowledge, situation: Situation, cleared: Verdict) -> Verdict:
    """ "去蹦极万一出事管不管" under a life cover: an exclusion that is not listed leaves the death
    and 全残 benefits to pay."""
    if cleared.kind != "exclusion" or not COVER_ASKED.search(situation.text):
        return cleared
    if product.document.product_type == "accident":
        return _injury_cover(product, situation, cleared)
    if product.document.product_type not in LIFE_TYPES:
        return cleared
    benefits = [b for b in product.facts.benefits if re.search(r"身故|全残", b.name)]
    if not benefits or len(benefits) != len(product.facts.benefits):
        return cleared
    names = "或".join(b.name for b in benefits)
    return dataclasses.replace(
        cleared,
        answer=f"{cleared.answer.rstrip('。')}。因此导致身故或全残的，可以赔{names}（金额按条款约定）。",
        reasons=(
            *cleared.reasons,
            *(Reason(f"条款约定：“{clip(b.sentences[0], 60)}”", b.article) for b in benefits),
        ),
    )


INJURED = re.compile(r"受伤|摔伤|骨折|撕裂|扭伤|划伤|割伤|烫伤|咬伤|擦伤|韧带|脱臼|伤口|外伤")


def _injury_cover(product: ProductKnowledge, situation: Situation, cleared: Verdict) -> Verdict:
    """ "踢球把韧带撕裂了，能报吗" under an accident cover, the sport not excluded: the benefits
    for an injury (medical, disability, fracture, hospital) are the ones to claim."""
    if not INJURED.search(situation.text):
        return cleared
    benefits = [b for b in product.facts.benefits if re.search(r"医疗|伤残|骨折|住院", b.name)]
    if not benefits:
        return cleared
    names = "、".join(b.name for b in benefits[:4])
    return dataclasses.replace(
        cleared,
        answer=f"{cleared.answer.rstrip('。')}。因意外受伤的，可以申请{names}等，按保险责任的约定给付。",
        conditions=(*cleared.conditions, "须符合各项保险金的给付条件，以理赔审核为准。"),
    )


def _with_rule(product: ProductKnowledge, cleared: Verdict) -> Verdict:
    """A payout named without its amount ("可以赔开始领取日前身故保险金"): the benefit's rule when it
    is the greater of listed amounts (已交保险费, 现金价值) for everyone."""
    benefit = next((b for b in product.facts.benefits if b.name in cleared.answer), None)
    if benefit is None:
        return cleared
    article = product.document.article(benefit.article)
    text = arabic_numerals(strip_markdown(article.body)) if article else ""
    branch = next((b for b in branches(text) if not AGE_BOUND.search(b[0])), None)
    if branch is None:
        return cleared
    line, items = branch
    named = "与".join(ITEM_MARK.sub("", i).rstrip("；;。") for i in items)
    return dataclasses.replace(
        cleared,
        answer=f"{cleared.answer.rstrip('。')}（按{named}中较大的给付）。",
        reasons=(*cleared.reasons, Reason(f"条款约定：“{clip(line, 60)}”", benefit.article)),
    )
