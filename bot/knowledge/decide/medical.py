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
}


def _service(text: str) -> str | None:
    inpatient = SERVICES["inpatient"][0].search(text)
    if inpatient:
        return "inpatient"
    return "outpatient" if SERVICES["outpatient"][0].search(text) else None


def decide_medical(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    if situation.expenses is None or not product.facts.medical:
        return None
    terms = _for_service(product, _service(situation.text))
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
    offsets = paid and deductible is not None and _says(product, deductible.article, OFFSET)
    if offsets:
        # The wording lets what others paid count toward the deductible.
        deduct = max(deduct - paid, 0.0)
    left = max(expenses - paid, 0.0)
    ratio = ratio_term.amount if ratio_term and ratio_term.amount is not None else 100.0
    computed = max(left - deduct, 0.0) * ratio / 100
    payable = min(computed, cap.amount) if cap and cap.amount else computed
    parts = [money(expenses)]
    if paid:
        parts.append(f"已报销{money(paid)}")
    if deduct:
        parts.append(f"免赔额{money(deduct)}")
    formula = f"（{' − '.join(parts)}）× {ratio:g}% = {money(computed)}"
    if payable < computed:
        formula += f"，每次以{money(payable)}为限"
    reasons = []
    for term, label in ((deductible, "免赔额"), (ratio_term, "赔付比例"), (cap, "每次限额")):
        if term is not None and (term is not cap or payable < computed):
            reasons.append(Reason(f"{label}：{clip(term.sentence, 70)}", term.article))
    conditions = [
        "前提是等待期后发生、属于保险责任且费用合理必要；同一年其他就诊若已用掉部分免赔额，这次会多赔。"
        if deduct
        else "前提是等待期后发生、属于保险责任且费用合理必要。"
    ]
    if situation.social_insurance is None and len({t.amount for t in _ratios(terms)}) > 1:
        conditions.append("赔付比例要看是否经社保结算，上面按经社保结算计算。")
    if payable <= 0:
        answer = f"这次大概不赔：扣除已报销部分和免赔额后没有剩余，{formula}。"
        decision = "no"
    else:
        answer = f"大约可赔{money(payable)}：{formula}。"
        decision = "yes"
    return Verdict("medical", decision, answer, tuple(reasons), tuple(conditions), sum=formula)


def _says(product: ProductKnowledge, number: str, pattern: re.Pattern[str]) -> bool:
    """Whether article ``number`` has a sentence that says ``pattern`` and does not deny it."""
    article = product.document.article(number)
    if article is None:
        return False
    return any(pattern.search(s) and not NO_OFFSET.search(s) for s in plain_sentences(article.body))


def _for_service(product: ProductKnowledge, service: str | None) -> list[MedicalTerm]:
    """The medical terms of the benefit that pays for ``service`` (门急诊 or 住院), if it has one."""
    terms = list(product.facts.medical)
    if service is None:
        return terms
    owner = SERVICES[service][1]
    own = [t for t in terms if owner.search(t.benefit or "") or owner.search(t.sentence[:12])]
    if service == "inpatient":
        own = [t for t in own if not re.search(r"门", t.benefit or "")]
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
