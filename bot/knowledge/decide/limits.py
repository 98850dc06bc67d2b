"""Medical limits asked outright: what is left of the period's limit after what was paid (and
whether a payout the customer worked out fits in it), and the limit of a benefit the story names."""

from __future__ import annotations

import dataclasses
import re

from bot.knowledge.decide.medical import (
    SERVICES,
    SEVERE_NAMED,
    SOCIAL_PAYER,
    _deductible,
    _for_benefit,
    _for_plan,
    _for_service,
    _for_setting,
    _limit_end,
    _other_deductibles,
    _paid_for_medical,
    _service,
    _without_deductible,
    _year_limit,
    named_article,
    named_benefit,
)
from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.explain import clip, money
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation


def decide_limit_left(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "已经赔了290万，额度还剩多少": the period's limit less what was paid, and what then ends."""
    due = _payout_told(situation.text)
    if (
        situation.paid_before is None
        and due is not None
        and situation.reimbursed
        and not SOCIAL_PAYER.search(situation.text)
    ):
        # "今年门诊已经报了19500，这次算下来应该赔700": what this policy paid this year
        situation = dataclasses.replace(situation, paid_before=situation.reimbursed)
    if situation.paid_before is None or situation.expenses is not None:
        return None
    if due is None and not re.search(
        r"还剩|剩多少|剩下|剩余|额度|还能赔多少|还能报多少", situation.text
    ):
        return None
    if not _paid_for_medical(product, situation.text):
        return None
    critical = bool(SEVERE_NAMED.search(situation.text)) and any(
        SERVICES["critical"][1].search(t.benefit or "") for t in product.facts.medical
    )
    service = _service(situation.text, critical)
    terms = _for_setting(
        product, _for_plan(_for_service(product, service), situation.plan), situation.text
    )
    # the limit of the benefit the question is about (门诊额度), else the one for all together
    owned = next((t for t in terms if t.benefit is not None), None) if service else None
    limit = _year_limit(product, terms, situation, owned)
    if limit is None or not limit.amount:
        return None
    left = max(limit.amount - situation.paid_before, 0.0)
    reasons = [Reason(f"限额：{clip(limit.sentence, 70)}", limit.article)]
    conditions = []
    ends = _limit_end(product, limit)
    if ends is not None:
        reasons.append(Reason(f"条款约定：“{clip(ends[1], 60)}”", ends[0]))
        conditions.append(f"累计赔满{money(limit.amount)}后：{clip(ends[1], 50)}。")
    figures = f"{money(limit.amount)} − 已赔{money(situation.paid_before)} = {money(left)}"
    if due is not None:
        # "这次按公式算能赔800，能全赔吗": this payout, within what is left of the limit
        if due <= left:
            answer = f"能，这次{money(due)}在限额剩余的{money(left)}之内：{figures}。"
        else:
            answer = f"不能全赔，这次最多赔{money(left)}：{figures}，这次算出的{money(due)}超出部分不赔。"
        return Verdict(
            "medical",
            "yes" if left else "no",
            answer,
            tuple(reasons),
            tuple(conditions),
            sum=figures,
        )
    return Verdict(
        "medical",
        "info",
        f"还剩约{money(left)}：{figures}。",
        tuple(reasons),
        tuple(conditions),
        sum=figures,
    )


PAYOUT_TOLD = re.compile(
    r"(?:这次|本次|这一次)[^，。；]{0,12}?(?:应该|应|能|可以|可)(?:赔|报|给付)(?:付)?\s*"
    r"(\d+(?:\.\d+)?)\s*(万元|万|元|块)?"
)


def _payout_told(text: str) -> float | None:
    """This claim's payout as the customer already worked it out: "这次按公式算能赔800"."""
    match = PAYOUT_TOLD.search(text)
    if match is None:
        return None
    return float(match.group(1)) * (10_000 if (match.group(2) or "").startswith("万") else 1)


LIMIT_ASKED = re.compile(r"额度|限额|最多(能)?(赔|报)|最高(能)?(赔|报)|封顶|上限|保额多少")


def decide_benefit_limit(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "原位癌这项额度多少": the year limit of the benefit the story names, and whether the
    deductible applies to it."""
    if situation.expenses is not None or situation.paid_before is not None:
        return None
    if not LIMIT_ASKED.search(situation.text):
        return None
    named = named_benefit(product, situation.text)
    if named is None:
        return None
    terms = _for_benefit(product, named, situation.plan)
    limit = next((t for t in terms if t.kind == "annual_limit" and t.benefit == named), None)
    if limit is None or not limit.amount:
        return None
    reasons = [Reason(f"限额：{clip(limit.sentence, 70)}", limit.article)]
    if _without_deductible(product, named):
        deductible_note = "，不适用年度免赔额"
        reasons.append(Reason(f"{named}不适用年度免赔额", named_article(product, named)))
    elif (deductible := _deductible(terms, situation)) is not None and deductible.amount:
        others = _other_deductibles(terms, deductible, situation)
        amounts = "或".join(money(a) for a in [deductible.amount, *others])
        deductible_note = (
            f"，先扣年度免赔额（{amounts}{'，看是第几个保险期间' if others else ''}）再按比例赔"
        )
        reasons.append(Reason(f"免赔额：{clip(deductible.sentence, 70)}", deductible.article))
    else:
        deductible_note = ""
    return Verdict(
        "medical",
        "info",
        f"按{named}赔，年度限额{money(limit.amount)}{deductible_note}。",
        tuple(reasons),
        ("前提是等待期后发生、属于保险责任且费用合理必要。",),
    )
