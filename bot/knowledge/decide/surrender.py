"""Surrender refunds: what the wording's own formula gives back for the customer's numbers.

After the cooling-off period a one-year product refunds its 未满期净保险费 (已交保险费 × (1 − the
expense share) × (1 − 已经过天数 ÷ 当期天数), per installment when paid monthly), and nothing when
a payout the wording names has been made. Long-term products refund their 现金价值 (a table), which
is not computed here.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.explain import clip
from bot.knowledge.facts import ProductKnowledge, SurrenderRule
from bot.knowledge.situation import Situation
from bot.knowledge.text import arabic_numerals

SURRENDER = re.compile(r"退保|退掉|退了|解除|不想要|不要了|退钱|能退|退多少|退回|全退")
PAST_COOLING_OFF = re.compile(
    r"(冷静期|犹豫期)(已经|早就?|都|也)?(过|满|结束|届满)|(过|超过|过完)了?(冷静期|犹豫期)"
)
# "赔了我300多", "已经报销过一次", but not "一次没理赔过", "从未赔付过"
CLAIM = re.compile(r"(报销|赔付?|理赔|给付)(过|了)|已经?(报销|赔付|理赔|给付|赔)")
NEGATED = re.compile(r"(没|未|无|不|从没)(有)?(理|报|获)?$")


def claim_told(text: str) -> bool:
    """Whether the story says this policy (or another) paid something."""
    return any(
        not NEGATED.search(text[max(0, m.start() - 4) : m.start()]) for m in CLAIM.finditer(text)
    )


def yuan(amount: float) -> str:
    """``985.5`` → ``985.5元``; exact to the fen, never rounded to significant digits."""
    return f"{amount:.2f}".rstrip("0").rstrip(".") + "元"


FEE_KEPT = re.compile(
    r"(?<!不)(?<!不得)扣除[^。；，]{0,12}?(工本费|手续费|费用)[^。；，\d]{0,6}?(\d+(?:\.\d+)?)\s*元"
)


def cooling_off_refund(lines: list[str], situation: Situation) -> str:
    """What a surrender in the cooling-off period gives back, as the wording's sentences say:
    everything paid, or that less a fee (扣除工本费10元), with the customer's premium if told."""
    fee = next((m for line in lines if (m := FEE_KEPT.search(line)) is not None), None)
    premium = situation.premium or situation.annual_premium
    if fee is not None:
        amount = float(fee.group(2))
        sum_ = f"：{yuan(premium)} − {yuan(amount)} = {yuan(premium - amount)}" if premium else ""
        return f"可以退，但要扣除{fee.group(1)}{yuan(amount)}{sum_}"
    return f"可以全额退，退还已交的{yuan(premium)}保险费" if premium else "可以全额退已交的保险费"


def formula_for(product: ProductKnowledge, installment: str | None) -> SurrenderRule | None:
    """The refund formula for the customer's way of paying, or the one that serves every way."""
    formulas = [r for r in product.facts.surrender if r.kind == "formula"]
    fitting = [r for r in formulas if r.installment == installment]
    general = [r for r in formulas if r.installment is None]
    if fitting or general:
        return (fitting or general)[0]
    if installment is None and len({r.fee_percent for r in formulas}) == 1:
        return formulas[0]  # the same share kept whatever the way of paying
    return None


def formulas_to_cite(product: ProductKnowledge, installment: str | None) -> list[SurrenderRule]:
    """The formula for the customer's way of paying; every formula when that is not known."""
    formula = formula_for(product, installment)
    if formula is not None:
        return [formula]
    return [r for r in product.facts.surrender if r.kind == "formula"]


def zero_after_claim(
    product: ProductKnowledge, situation: Situation
) -> tuple[SurrenderRule, bool | None] | None:
    """The rule that makes the refund nothing after a payout, and whether the customer's applies.

    ``True``: the customer says a payout was made and the rule takes any payout (or one it names
    is mentioned); ``False``: the rule names payouts and the customer's is none of them;
    ``None``: no payout told.
    """
    rules = [r for r in product.facts.surrender if r.kind == "zero"]
    if not rules:
        return None
    rule = next((r for r in rules if not r.benefits), rules[0])
    if not claim_told(situation.text):
        return rule, None
    if not rule.benefits:
        return rule, True
    return rule, any(_mentioned(product, name, situation) for name in rule.benefits)


def _mentioned(product: ProductKnowledge, name: str, situation: Situation) -> bool:
    """Whether the customer's story names the benefit ``name`` (by its own word or category)."""
    names = [b.name.removesuffix("保险金") for b in product.facts.benefits]
    prefix = _common_prefix(names) if len(names) > 1 else ""
    core = name.removesuffix("保险金").removeprefix(prefix)
    benefit = next((b for b in product.facts.benefits if b.name == name), None)
    category = benefit.category if benefit else None
    return bool(core[:2] and core[:2] in situation.text) or (
        category is not None and category in situation.earlier_claims
    )


def _common_prefix(words: list[str]) -> str:
    """The characters every one of ``words`` starts with (意外 in 意外身故, 意外伤残)."""
    shortest = min(words, key=len)
    for n, char in enumerate(shortest):
        if any(w[n] != char for w in words):
            return shortest[:n]
    return shortest


def zero_note(rule: SurrenderRule, applies: bool | None) -> str:
    """What the zero rule means for the customer, in one sentence."""
    if applies is False and rule.spared:
        return f"只赔过{'、'.join(rule.spared)}的，不影响现金价值的计算。"
    if applies is False:
        return f"只有赔过{'、'.join(rule.benefits)}的，现金价值才为零，您说的理赔不在其列。"
    return f"条款约定：“{clip(rule.sentence, 60)}”"


EARLIER_PERIOD = re.compile(
    r"(去年|前年|上一年|上个保险期间|上一期)[^，。；]{0,8}(赔|理赔|报销|给付)"
)
YEAR_PREMIUM = re.compile(r"年交|年缴|一年(的)?保费|每年交")
ONE_YEAR = re.compile(r"保险期间(?:为|是)?\s*(?:1|一)\s*年")


def decide_surrender(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """The refund of a surrender after the cooling-off period, computed with the customer's numbers.

    Decides only when the question gives the premium and the days gone by and the wording has a
    formula; whether the cooling-off period is over is left to the cooling-off decision unless
    the customer says so, or the days gone by exceed it.
    """
    if not SURRENDER.search(situation.text):
        return None
    zero = zero_after_claim(product, situation)
    earlier_period = EARLIER_PERIOD.search(situation.text) and "本保险期间" in (
        zero[0].sentence if zero else ""
    )
    if zero is not None and zero[1] and situation.premium is None and not earlier_period:
        # a payout this period leaves nothing to refund, whatever the premium and the days
        return Verdict(
            "surrender",
            "no",
            "退不到钱：您说本保险期间已经理赔过，按条款这种情况退保不再退还保险费。",
            (Reason(f"条款约定：“{clip(zero[0].sentence, 70)}”", zero[0].article),),
            coverage=False,
        )
    if situation.premium is None:
        return None
    passed = situation.days_passed
    formula = formula_for(product, situation.installment)
    if formula is None or formula.fee_percent is None or passed is None:
        return None
    cooling = product.facts.periods.get("cooling_off")
    past = bool(PAST_COOLING_OFF.search(situation.text))
    if (
        cooling is not None
        and not past
        and situation.installment != "monthly"
        and passed <= cooling.amount
    ):
        return None  # still in the cooling-off period: the cooling-off decision answers
    zero = zero_after_claim(product, situation)
    reasons = [Reason(f"过了犹豫期退保，退还：{clip(formula.sentence, 80)}", formula.article)]
    paid_out = refund_days(product)
    if paid_out is not None:
        reasons.append(Reason(f"条款约定：“{clip(paid_out[1], 70)}”", paid_out[0]))
    conditions: list[str] = []
    if zero is not None:
        rule, applies = zero
        if applies:
            return Verdict(
                "surrender",
                "no",
                "退不到钱：您说本保险期间已经理赔过，按条款这种情况现金价值为零，退保不退保险费。",
                (Reason(f"条款约定：“{clip(rule.sentence, 70)}”", rule.article), *reasons),
                coverage=False,
            )
        if applies is None:
            conditions.append(
                f"以上按本期没有理赔计算；{zero_note(rule, applies).removeprefix('条款约定：')}"
            )
        else:
            reasons.append(Reason(zero_note(rule, applies), rule.article))
    kept = f"(1 − {formula.fee_percent:g}%)"
    period_days = situation.period_days
    yearly = YEAR_PREMIUM.search(situation.text) or (
        situation.installment == "single" and one_year(product)
    )
    if period_days is None and yearly and passed <= 365:
        period_days = 365  # a year's premium pays a year's period
        conditions.append("以上按当期365天计算；当期跨2月29日的为366天，金额略有不同。")
    if period_days is None or passed > period_days:
        answer = (
            f"按条款退未满期净保险费：{yuan(situation.premium)} × {kept} × "
            f"(1 − 已经过天数 ÷ 当期天数)；请告诉我当期的天数，我帮您算出金额。"
        )
        return Verdict(
            "surrender", "info", answer, tuple(reasons), tuple(conditions), coverage=False
        )
    if re.search(r"个多?月|半年", situation.text):
        conditions.append(f"以上按约{passed}天估算，实际按保险期间已经过的天数计算。")
    refund = situation.premium * (1 - formula.fee_percent / 100) * (1 - passed / period_days)
    figures = (
        f"{yuan(situation.premium)} × {kept} × (1 − {passed} ÷ {period_days}) = {yuan(refund)}"
    )
    return Verdict(
        "surrender",
        "info",
        f"可退约{yuan(refund)}。按条款计算：{figures}。",
        tuple(reasons),
        tuple(conditions),
        sum=figures,
        coverage=False,
    )


def one_year(product: ProductKnowledge) -> bool:
    """Whether the wording says its period of cover is one year ("本合同保险期间为1年")."""
    return any(ONE_YEAR.search(a.body) for a in product.document.articles)


def refund_days(product: ProductKnowledge) -> tuple[str, str] | None:
    """The sentence saying within how many days a surrender is paid out."""
    for article in product.document.articles:
        if not re.search(r"解除|退保", article.title):
            continue
        for sentence in plain_sentences(arabic_numerals(article.body)):
            if re.search(r"\d+日内", sentence) and re.search(r"退还|支付|给付", sentence):
                return article.number, sentence
    return None


def with_waiting_refund(
    product: ProductKnowledge, situation: Situation, verdict: Verdict
) -> Verdict:
    """A claim refused in the waiting period, asked "那我退了行不行，钱能退多少": the wording's own
    refund for that case (解除合同，无息退还本期全部保险费), when it has one."""
    period = product.facts.periods.get("waiting")
    if period is None or not re.search(r"退|解除", situation.text):
        return verdict
    refund = next(
        (
            line
            for line in (period.sentence, *period.details)
            if re.search(r"退还", line) and re.search(r"解除|退保", line)
        ),
        None,
    )
    if refund is None:
        return verdict
    body = refund.split("；")[0] if "；" in refund else refund
    return replace(
        verdict,
        answer=f"{verdict.answer}可以解除合同退保：{clip(body, 60)}。",
        reasons=(*verdict.reasons, Reason("等待期内发病的退保约定", period.article)),
    )
