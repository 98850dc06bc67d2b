"""Medical sums: (expenses − what others paid − deductible) × ratio, within the caps."""

from __future__ import annotations

import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.explain import clip, money
from bot.knowledge.facts import MedicalTerm, ProductKnowledge
from bot.knowledge.situation import Situation

OFFSET = re.compile(
    r"(?<![不得能可以])(?<!不可以用于)(?<!不能用于)(?<!不得用于)(?<!不可用于)(抵扣|冲抵|抵减|抵消|抵免|计入)免赔额"
)
NO_OFFSET = re.compile(r"(不|不可|不可以|不能|不得)(用于|用来)?(抵扣|冲抵|抵减|抵消|计入)")
SERVICES = {
    "outpatient": (re.compile(r"门诊|急诊|看病|挂号|拿药|开药"), re.compile(r"门")),
    "inpatient": (re.compile(r"住院|住了.{0,3}天|入院|手术"), re.compile(r"住院")),
    "critical": (re.compile(r"$^"), re.compile(r"重大疾病|重疾")),
}


def _service(text: str, severe: bool) -> str | None:
    if severe:
        return "critical"
    if SERVICES["inpatient"][0].search(text):
        return "inpatient"
    return "outpatient" if SERVICES["outpatient"][0].search(text) else None


def decide_medical(
    product: ProductKnowledge, situation: Situation, severe: bool = False
) -> Verdict | None:
    """What a medical product pays for the customer's expenses.

    ``severe`` says the diagnosis is one of the product's 重大疾病, which some medical products
    pay from a benefit of its own (no deductible, a higher limit).
    """
    if situation.expenses is None or not product.facts.medical:
        return None
    critical = severe and any(
        SERVICES["critical"][1].search(t.benefit or "") for t in product.facts.medical
    )
    terms = _for_plan(_for_service(product, _service(situation.text, critical)), situation.plan)
    deductible = _first(terms, "deductible")
    ratio_term = _ratio(terms, situation)
    if ratio_term is None and _ratios(terms):
        return None
    if deductible is None and ratio_term is None:
        return None
    cap = _first(terms, "per_visit_limit")
    expenses = situation.expenses
    paid = situation.reimbursed or 0.0
    deduct = deductible.amount if deductible and deductible.amount is not None else 0.0
    if paid and deduct and _offsets(product):
        # The wording lets what others paid count toward the deductible.
        deduct = max(deduct - paid, 0.0)
    ratio = ratio_term.amount if ratio_term and ratio_term.amount is not None else 100.0
    computed = max(expenses - paid - deduct, 0.0) * ratio / 100
    parts = [money(expenses)]
    if paid:
        parts.append(f"已报销{money(paid)}")
    if deduct:
        parts.append(f"免赔额{money(deduct)}")
    formula = f"（{' − '.join(parts)}）× {ratio:g}% = {money(computed)}"
    payable = computed
    reasons = [
        Reason(f"{label}：{clip(term.sentence, 70)}", term.article)
        for term, label in ((deductible, "免赔额"), (ratio_term, "赔付比例"))
        if term is not None
    ]
    if cap is not None and cap.amount and cap.amount < payable:
        payable = cap.amount
        formula += f"，每次以{money(payable)}为限"
        reasons.append(Reason(f"每次限额：{clip(cap.sentence, 70)}", cap.article))
    limit = _first(terms, "annual_limit")
    if situation.paid_before and limit is not None and limit.amount:
        left = max(limit.amount - situation.paid_before, 0.0)
        if left < payable:
            payable = left
            formula += f"；年度限额{money(limit.amount)}已赔{money(situation.paid_before)}，最多还能赔{money(left)}"
            reasons.append(Reason(f"限额：{clip(limit.sentence, 70)}", limit.article))
    conditions = [
        "前提是等待期后发生、属于保险责任且费用合理必要；同一年其他就诊若已用掉部分免赔额，这次会多赔。"
        if deduct
        else "前提是等待期后发生、属于保险责任且费用合理必要。"
    ]
    if situation.social_insurance is None and len({t.amount for t in _ratios(terms)}) > 1:
        conditions.append("赔付比例要看是否经社保结算，上面按经社保结算计算。")
    if payable <= 0:
        answer = f"这次大概不赔：扣除已报销部分、免赔额或已用的限额后没有剩余，{formula}。"
        decision = "no"
    else:
        answer = f"大约可赔{money(payable)}：{formula}。"
        decision = "yes"
    return Verdict("medical", decision, answer, tuple(reasons), tuple(conditions), sum=formula)


def _offsets(product: ProductKnowledge) -> bool:
    """Whether the wording lets what others paid count toward the deductible (and does not deny it)."""
    return any(
        OFFSET.search(sentence) and not NO_OFFSET.search(sentence)
        for article in product.document.articles
        if "免赔" in article.body
        for sentence in plain_sentences(article.body)
    )


PLAN = re.compile(r"(计划|方案|档次?)([一二三四五六七八九十ABCDEF1-9])")


def _for_plan(terms: list[MedicalTerm], plan: str | None) -> list[MedicalTerm]:
    """The terms of the customer's plan (计划二) where the wording states them per plan."""
    if plan is None:
        return terms
    return [t for t in terms if plan in t.sentence or not PLAN.search(t.sentence)] or terms


def _for_service(product: ProductKnowledge, service: str | None) -> list[MedicalTerm]:
    """The medical terms of the benefit that pays for ``service``, if it has one."""
    terms = list(product.facts.medical)
    if service is None:
        return terms
    owner = SERVICES[service][1]
    own = [t for t in terms if owner.search(t.benefit or "") or owner.search(t.sentence[:12])]
    if service == "inpatient":
        own = [t for t in own if not re.search(r"门|重大疾病|重疾", t.benefit or "")]
    if not own:
        return terms
    # Terms no benefit claims (a ratio list for the whole product) apply to this one too.
    return own + [t for t in terms if t.benefit is None and t not in own]


def _first(terms: list[MedicalTerm], kind: str) -> MedicalTerm | None:
    found = [t for t in terms if t.kind == kind and t.amount is not None]
    return found[0] if found else None


def _ratios(terms: list[MedicalTerm]) -> list[MedicalTerm]:
    return [t for t in terms if t.kind == "reimbursement" and t.amount is not None]


def _ratio(terms: list[MedicalTerm], situation: Situation) -> MedicalTerm | None:
    ratios = _ratios(terms)
    if not ratios:
        return None
    want = situation.social_insurance or "used"

    def fits(term: MedicalTerm) -> bool:
        s = term.sentence
        if want == "none":
            return bool(re.search(r"(无|未参加|没有|不具有)(社会|社保|基本医疗)", s))
        if want == "not_used":
            return bool(re.search(r"(未|没有|不).{0,8}(结算|报销|经)", s)) and not re.search(
                r"无社会|未参加", s
            )
        return not re.search(r"未|没有|无社会|不具有|未参加", s)

    fitting = [t for t in ratios if fits(t)]
    if fitting:
        return fitting[0]
    # One ratio for everyone needs no fitting; several that do not name this case decide nothing.
    return ratios[0] if len({t.amount for t in ratios}) == 1 else None
