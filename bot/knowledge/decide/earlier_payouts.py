"""Earlier payouts in the story: which diagnosis is the one asked about, and whether what was
paid before is taken off this payout.

"去年赔过一次原位癌4.5万，今年又查出浸润癌" asks about the invasive cancer, not the carcinoma in
situ paid last year; "会不会扣掉之前那4.5万" is answered by the wording's own rule on earlier
payouts ("重度疾病保险金不扣减此前已给付的轻度疾病保险金"), and "一共能拿多少" adds them up.
"""

from __future__ import annotations

import dataclasses
import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import amount_text, plain_sentences
from bot.knowledge.explain import benefit_for, clip, money, payout
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.text import arabic_numerals
from bot.knowledge.told import asked_categories
from bot.knowledge.vocabulary import CATEGORY_NAMES

PAID_WORDS = re.compile(
    r"赔过|赔了|已赔|理赔过|给付过|给付了|拿过|领过|拿了|领了|赔的是|赔付的是|给付的是"
)
ASKING = re.compile(r"能|可以|会不会|吗|多少|要不要|是不是|\?")
CANCER = re.compile(r"癌|恶性肿瘤|白血病|淋巴瘤|肉瘤")
GRADES = re.compile(r"严重|重度|中度|轻度|较重|较轻|——|-")


def before_paid(text: str) -> str:
    """``text`` with what it tells of earlier payouts blanked: a clause telling a payout, with
    the clauses before it in the same sentence ("保额30万，去年赔过一次原位癌4.5万")."""
    out = []
    for sentence in re.split(r"(?<=[。！!？?])", text):
        clauses = re.split(r"(?<=[，,；;])", sentence)
        last_paid = max(
            (n for n, c in enumerate(clauses) if _tells_payout(c) and not ASKING.search(c)),
            default=-1,
        )
        kept = ["_" * len(c) if n <= last_paid else c for n, c in enumerate(clauses)]
        out.append("".join(kept))
    return "".join(out)


def _tells_payout(clause: str) -> bool:
    """Whether ``clause`` tells of a payout made ("赔过一次"), not of none ("没赔过")."""
    return any(
        not re.search(r"(没|未|没有|从没|从未|不曾)$", clause[: m.start()])
        for m in PAID_WORDS.finditer(clause)
    )


def current_diagnosis(
    product: ProductKnowledge, situation: Situation, disease: str | None
) -> str | None:
    """The diagnosis the question is about: ``disease`` unless it is only told as paid before,
    then the wording's disease the rest of the story names (in the category asked), or 恶性肿瘤
    for a cancer."""
    if disease is None or disease not in situation.text:
        return disease
    rest = before_paid(situation.text)
    if disease in rest or rest == situation.text:
        return disease
    named = []
    for found in product.facts.diseases:
        core = GRADES.sub("", found.name)
        if any(core[i : i + 2] in rest for i in range(len(core) - 1)):
            named.append(found)
    categories = asked_categories(rest)
    asked = [d for d in named if d.category in categories] or named
    if len({d.name for d in asked}) == 1:
        return asked[0].name
    if CANCER.search(rest):
        cancer = [d.name for d in product.facts.diseases if "恶性肿瘤" in d.name]
        return "恶性肿瘤" if cancer else disease
    return disease


NO_DEDUCTION = re.compile(
    r"(不扣除|不扣减|不抵扣|不减少|无需扣除)[^。；]{0,20}(已给付|已经给付|已赔付)"
    r"|(已给付|已经给付|已领取|已获得?|已赔付)[^。；]{0,40}"
    r"(不扣除|不扣减|不予扣除|不作扣除|不作扣减|不予扣减|不从.{0,12}扣除|不影响[^。；]{0,10}给付金额)"
    r"|不减少[^。；]{0,16}保险金的给付金额"
    r"|不因[^。；]{0,16}(已给付|已经给付|给付过)[^。；]{0,30}而(扣减|扣除|减少)"
)
DEDUCTION = re.compile(
    r"(扣除|减去|扣减|抵扣)[^。；]{0,16}(已给付|已经给付|已支付|已赔付)"
    r"|(已给付|已经给付)[^。；]{0,30}(从中|予以|应当|将)(扣除|扣减)"
)
PAID_AS = re.compile(r"按(重疾|中症|轻症)赔")
CATEGORY_WORDS = {"重疾": "重度|重大疾病|重疾", "中症": "中度|中症", "轻症": "轻度|轻症"}
ASKS_DEDUCTION = re.compile(r"扣|减掉|减去|抵")
ASKS_TOTAL = re.compile(r"一共|总共|合计|加起来|总计")


def deduction_rule(product: ProductKnowledge, paid_as: str) -> tuple[str, str, bool] | None:
    """``(article, sentence, deducted)``: the wording's rule on earlier payouts for a payout of
    ``paid_as`` (重疾, 中症, 轻症), the one naming it first."""
    found: list[tuple[str, str, bool]] = []
    for article in product.document.articles:
        for sentence in plain_sentences(arabic_numerals(article.body)):
            if NO_DEDUCTION.search(sentence):
                found.append((article.number, sentence, False))
            elif DEDUCTION.search(sentence):
                found.append((article.number, sentence, True))
    naming = [f for f in found if re.search(CATEGORY_WORDS[paid_as], f[1])]
    chosen = naming or found
    return chosen[0] if chosen else None


def _paid_as(answer: str, situation: Situation) -> str | None:
    """The category this payout is of: the one the answer says, else the one the story asks."""
    said = PAID_AS.search(answer)
    if said is not None:
        return said.group(1)
    rest = before_paid(situation.text)
    asked = [name for name, words in CATEGORY_WORDS.items() if re.search(words, rest)]
    if not asked:
        named = [CATEGORY_NAMES.get(c, "") for c in situation.categories]
        asked = [name for name in named if name in CATEGORY_WORDS]
    return asked[0] if len(asked) == 1 else None


def with_earlier_payouts(
    product: ProductKnowledge, situation: Situation, verdict: Verdict
) -> Verdict:
    """A payout asked after earlier ones: whether they are taken off, as the wording says, and
    the total with them when asked."""
    paid_as = _paid_as(verdict.answer, situation)
    told = (
        situation.paid_before is not None
        or bool(situation.earlier_claims)
        or before_paid(situation.text) != situation.text
    )
    if paid_as is None or not told:
        return verdict
    asks_deduction = ASKS_DEDUCTION.search(before_paid(situation.text)) is not None
    asks_total = ASKS_TOTAL.search(situation.text) is not None
    if not asks_deduction and not asks_total:
        return verdict
    rule = deduction_rule(product, paid_as)
    if rule is None:
        return verdict
    article, sentence, deducted = rule
    reason = Reason(f"条款约定：“{clip(sentence, 70)}”", article)
    if deducted:
        lead = "要扣：按条款，此前已给付的部分要从这次的保险金中扣除。"
        return dataclasses.replace(
            verdict,
            answer=f"{lead}{verdict.answer}",
            decision="depends",
            reasons=(reason, *verdict.reasons),
            paid=None,
        )
    lead = f"不扣：此前已赔的不从这次的{paid_as}保险金中扣除。"
    if asks_total and situation.paid_before and verdict.paid:
        total = situation.paid_before + verdict.paid
        lead += (
            f"这次{money(verdict.paid)}，加上此前已赔的{money(situation.paid_before)}，"
            f"一共{money(total)}。"
        )
    return dataclasses.replace(
        verdict, answer=f"{lead}{verdict.answer}", reasons=(reason, *verdict.reasons)
    )


CATEGORY_KEYS = {"重疾": "severe", "中症": "moderate", "轻症": "mild"}


def decide_deduction(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "之前赔过轻症9万，后来又得了重疾，会不会把9万扣掉" with no diagnosis named: the wording's
    rule on earlier payouts for the category asked, with what that category pays."""
    text = situation.text
    rest = before_paid(text)
    if (rest == text and not situation.earlier_claims) or not ASKS_DEDUCTION.search(rest):
        return None
    paid_as = _paid_as("", situation)
    rule = deduction_rule(product, paid_as) if paid_as is not None else None
    if paid_as is None or rule is None:
        return None
    article, sentence, deducted = rule
    benefit = benefit_for(product, CATEGORY_KEYS[paid_as])
    pays = (
        f"{paid_as}仍{'按' if situation.sum_insured else ''}{amount_text(situation, benefit.percent)}"
        if benefit is not None and benefit.percent is not None
        else ""
    )
    reasons = [Reason(f"条款约定：“{clip(sentence, 70)}”", article)]
    if benefit is not None and benefit.percent is not None:
        reasons.append(Reason(payout(benefit), benefit.article))
    if deducted:
        answer = f"要扣：按条款，此前已给付的部分要从{paid_as}保险金中扣除。"
        return Verdict(
            "earlier_payouts",
            "depends",
            answer + (f"{pays}，扣除已给付的部分。" if pays else ""),
            tuple(reasons),
        )
    answer = f"不扣：此前已赔的不从{paid_as}保险金中扣除。" + (f"{pays}。" if pays else "")
    return Verdict(
        "earlier_payouts",
        "yes",
        answer,
        tuple(reasons),
        ("须符合条款对该疾病的定义，以理赔审核为准。",),
    )


ASKS_CASH_VALUE = re.compile(r"现金价值|退保|退点|退钱|能退多少")
ZERO_AFTER = re.compile(r"现金价值[^。；]{0,8}(降为|为|变为)(零|0)|(零|0)[^。；]{0,4}现金价值")
PAYOUT_NAMED = re.compile(r"给付|赔付|领取")


def with_cash_value_after_payout(
    product: ProductKnowledge, situation: Situation, verdict: Verdict | None
) -> Verdict | None:
    """ "赔过一次重疾…能不能退点现金价值": the wording's sentence that the cash value is nothing
    after such a payout, said with whatever else is decided."""
    text = situation.text
    if not ASKS_CASH_VALUE.search(text) or before_paid(text) == text:
        return verdict
    paid = "".join(c for c, t in zip(text, before_paid(text), strict=True) if t == "_")
    sentence = None
    for article in product.document.articles:
        for said in plain_sentences(article.body):
            if re.search(r"不因此|不减少|不变|不降低", said):
                continue  # "给付轻度疾病保险金后，现金价值不因此减少"
            if ZERO_AFTER.search(said) and PAYOUT_NAMED.search(said):
                named = [n for n, words in CATEGORY_WORDS.items() if re.search(words, said)]
                if not named or any(re.search(CATEGORY_WORDS[n], paid) for n in named):
                    sentence = (article.number, said)
                    break
        if sentence is not None:
            break
    if sentence is None:
        return verdict
    line = f"现金价值：按条款，此前给付后现金价值为零，退保也退不了钱（第{sentence[0]}条）。"
    reason = Reason(f"条款约定：“{clip(sentence[1], 70)}”", sentence[0])
    if verdict is None:
        return Verdict("earlier_payouts", "info", line, (reason,))
    return dataclasses.replace(
        verdict, answer=f"{verdict.answer}{line}", reasons=(*verdict.reasons, reason)
    )
