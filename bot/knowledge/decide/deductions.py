"""Debts taken off a payout: unpaid premium in the grace period, a policy loan with its interest.

"给付保险金时扣除欠交的保险费", "先行扣除未还清的保单借款及利息" — with "保额40万, 年交7200没交"
that is 40万 − 7200 = 39.28万. The payout is the verdict's one figure, or the sum insured the
asked category (or the one category the diagnosis falls in) pays; a diagnosis more than one
benefit pays for is left alone, so no partial sum is given as the whole.
"""

from __future__ import annotations

import dataclasses
import re

from bot.knowledge.decide.disability import plan_sum
from bot.knowledge.decide.diseases import is_severe
from bot.knowledge.decide.earlier_payouts import before_paid
from bot.knowledge.decide.surrender import zero_after_claim
from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.explain import clip, money, rule_on_disease
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation

DEDUCTED = re.compile(
    r"扣除[^。]{0,16}(欠交|欠缴|未还|借款|贷款|欠款)|(欠交|欠款|借款)[^。]{0,16}(先行)?扣除"
)
UNPAID = re.compile(
    r"忘了交|忘记交|没交|未交|欠交|没有交|还没补交|没补交|没扣成功|(没|未)扣款|扣款失败"
)
PAYOUTS = ("disease", "death", "grace", "misstatement", "disability")
RESULT = re.compile(r"=\s*(\d+(?:\.\d+)?)(万元|元)")


def _rule(product: ProductKnowledge, loan: bool) -> tuple[str, str] | None:
    for article in product.document.articles:
        for sentence in plain_sentences(article.body):
            if not DEDUCTED.search(sentence) or not re.search(r"给付|赔付|保险金", sentence):
                continue
            if re.search(r"(借款|贷款)金额|现金价值", sentence):
                continue  # what may be borrowed, or a refund: not a payout
            if loan and not re.search(r"借款|贷款|欠款", sentence):
                continue
            if not loan and not re.search(r"欠交|欠缴|欠款", sentence):
                continue
            return article.number, sentence
    return None


def _payout(
    product: ProductKnowledge, situation: Situation, verdict: Verdict | None, disease: str | None
) -> float | None:
    """The payout before the debts, when one figure is certain."""
    if verdict is not None:
        results = {m.group(0) for m in RESULT.finditer(verdict.answer)}
        if len(results) == 1:
            match = RESULT.search(verdict.answer)
            assert match is not None
            return float(match.group(1)) * (10_000 if match.group(2) == "万元" else 1)
    if not situation.sum_insured:
        return None
    category = situation.categories[0] if len(situation.categories) == 1 else None
    if category is None and disease is not None:
        ruling = rule_on_disease(product, disease)
        kinds = {d.category for d in ruling.covered_as}
        if len(kinds) == 1 and is_severe(product, situation, disease):
            category = "severe"
    if category is None and DEATH.search(situation.text):
        deaths = [b for b in product.facts.benefits if "身故" in b.name and b.percent]
        if len(deaths) == 1 and deaths[0].percent is not None:
            return situation.sum_insured * deaths[0].percent / 100
    if category is None:
        return None
    paying = [b for b in product.facts.benefits if b.category == category and b.percent]
    if len(paying) != 1 or paying[0].percent is None:
        return None
    return situation.sum_insured * paying[0].percent / 100


def with_debts(
    product: ProductKnowledge, situation: Situation, verdict: Verdict | None, disease: str | None
) -> Verdict | None:
    """``verdict`` with the debts the story tells taken off its payout, as the wording says."""
    if verdict is not None and (verdict.decision == "no" or verdict.kind not in PAYOUTS):
        return verdict
    debts: list[tuple[str, float, tuple[str, str]]] = []
    loan_rule = _rule(product, loan=True)
    if situation.debt and loan_rule is not None:
        debts.append(("未还借款本息", situation.debt, loan_rule))
    unpaid = situation.annual_premium or situation.premium
    premium_rule = _rule(product, loan=False)
    in_grace = (
        verdict is not None
        and verdict.kind == "grace"
        and verdict.decision == "yes"
        and verdict.sum is None  # the premium owed is not yet taken off
    )
    if in_grace and unpaid and UNPAID.search(situation.text) and premium_rule is not None:
        debts.append(("欠交保费", unpaid, premium_rule))
    if not debts:
        return verdict
    payout = _payout(product, situation, verdict, disease)
    if payout is None:
        return verdict
    left = payout - sum(amount for _, amount, _ in debts)
    if left <= 0:
        return verdict
    taken = " − ".join(f"{label}{money(amount)}" for label, amount, _ in debts)
    figures = f"{money(payout)} − {taken} = {money(left)}"
    answer = f"能赔，实得约{money(left)}：给付时先扣除欠款，{figures}。"
    if verdict is not None and verdict.kind == "grace":
        answer += re.sub(r"^能赔[：，]", "", verdict.answer)  # why it is paid: inside the grace
    reasons = tuple(Reason(f"条款约定：“{clip(rule[1], 60)}”", rule[0]) for _, _, rule in debts)
    if verdict is None:
        return Verdict("deduction", "yes", answer, reasons, sum=figures)
    return dataclasses.replace(
        verdict, answer=answer, reasons=(*verdict.reasons, *reasons), sum=figures
    )


DEATH = re.compile(r"身故|去世|过世|死亡|走了|离世|病故")
LESS_PAID = re.compile(r"扣除[^。；]{0,8}已(经)?给付(过)?的?([\u4e00-\u9fff]{2,12}保险金)")


def decide_death_after_payout(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """A death after a payout the death benefit is reduced by ("扣除已给付的意外伤残保险金"):
    the sum insured (the plan's) less what was paid; or after a payout that ended the contract
    ("给付全残保险金后，本合同终止")."""
    if not DEATH.search(situation.text):
        return None
    ended = _ended_by_payout(product, situation)
    if ended is not None or situation.paid_before is None:
        return ended
    for benefit in product.facts.benefits:
        if "身故" not in benefit.name:
            continue
        for sentence in benefit.sentences:
            rule = LESS_PAID.search(sentence)
            if rule is None:
                continue
            earlier = rule.group(3)
            word = re.sub(r"^(意外|疾病)|保险金$", "", earlier)[:2]
            if not word or word not in situation.text:
                continue
            insured = situation.sum_insured or plan_sum(product, situation.plan)
            if not insured or situation.paid_before >= insured:
                return None
            left = insured - situation.paid_before
            figures = (
                f"{money(insured)} − 已赔{earlier}{money(situation.paid_before)} = {money(left)}"
            )
            return Verdict(
                "death",
                "info",
                f"约{money(left)}：{benefit.name}要扣除已给付的{earlier}，{figures}。",
                (Reason(f"条款约定：“{clip(sentence, 70)}”", benefit.article),),
                ("身故须在条款约定的期限内、因同一意外所致，以理赔审核为准。",),
                sum=figures,
            )
    return None


CATEGORY_KEYS = {
    "severe": ("重疾", "重大疾病", "重度"),
    "moderate": ("中症", "中度"),
    "mild": ("轻症", "轻度"),
}
ENDS_DEATH = re.compile(r"不再给付身故|身故保险金的?责任[^。；]{0,4}终止|后[^。；]{0,4}本合同终止")


def _ended_by_payout(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """The payout told as made before is one after which no death benefit is paid ("我们给付全残
    保险金后，本合同终止"; "已给付过重大疾病保险金后被保险人身故的，不再给付身故保险金")."""
    rest = before_paid(situation.text)
    if rest == situation.text:
        return None
    for benefit in product.facts.benefits:
        if "身故" in benefit.name:
            continue
        own = re.sub(r"^(意外|疾病)|保险金$", "", benefit.name)[:2]
        keys = [k for k in (own, *CATEGORY_KEYS.get(benefit.category or "", ())) if len(k) == 2]
        told = [k for k in keys if k in situation.text and k not in rest]
        if not told:
            continue  # the payout told before is not this benefit
        stated = [
            (found.number, x)
            for found in product.document.articles
            for x in plain_sentences(found.body)
            if any(k in x for k in [*keys[:1], benefit.name]) and ENDS_DEATH.search(x)
        ]
        if not stated and not benefit.ends_contract:
            continue
        article, said = min(stated, key=lambda f: len(f[1]), default=(benefit.article, ""))
        said = said or next((x for x in benefit.sentences if "终止" in x), benefit.sentences[0])
        total = (
            f"这份保单一共就是已领的{money(situation.paid_before)}。"
            if situation.paid_before
            else ""
        )
        reasons = [Reason(f"条款约定：“{clip(said, 90)}”", article)]
        zero = zero_after_claim(product, situation)
        if zero is not None and zero[1] and re.search(r"现金价值|退", situation.text):
            total += "已经给付过保险金的，按条款现金价值为零，也退不到现金价值。"
            reasons.append(Reason(f"条款约定：“{clip(zero[0].sentence, 70)}”", zero[0].article))
        return Verdict(
            "death",
            "no",
            f"不能再领身故保险金：按条款，给付{benefit.name}后不再给付身故保险金。{total}",
            tuple(reasons),
        )
    return None
