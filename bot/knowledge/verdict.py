"""Decide: a customer's situation × a product's rules → a verdict with reasons tied to articles.

A verdict is data — the decision, the amount with its sum, the reasons, the conditions that could
change it — and :mod:`bot.knowledge.render` turns it into the reply. Each ``_decide_*`` function
looks at one kind of question and returns ``None`` when the situation is not of its kind, so the
caller falls back to explaining the wording.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.knowledge.facts import Disease, MedicalTerm, Period, ProductKnowledge
from bot.knowledge.situation import DaySpan, Situation
from bot.knowledge.text import arabic_numerals, normalize, sentences, split_items, strip_markdown
from bot.knowledge.explain import benefit_for, clip, is_medical, money, payout, rule_on_disease
from bot.knowledge.vocabulary import CATEGORY_NAMES
from bot.knowledge.thesaurus import Concept, Thesaurus


@dataclass(frozen=True)
class Reason:
    """One reason for a verdict and the article it rests on."""

    text: str
    article: str


@dataclass(frozen=True)
class Verdict:
    """What the wording decides for the customer's situation.

    ``decision`` is ``yes``, ``no``, ``depends`` or ``info`` (a figure, not a yes/no); ``answer``
    is the first sentence of the reply and answers what was asked with the customer's numbers.
    """

    kind: str
    decision: str
    answer: str
    reasons: tuple[Reason, ...] = ()
    conditions: tuple[str, ...] = ()
    sum: str | None = None
    coverage: bool = True
    facts: dict[str, float | str] = field(default_factory=dict)

    @property
    def articles(self) -> list[str]:
        return list(dict.fromkeys(r.article for r in self.reasons))


def decide(
    product: ProductKnowledge,
    situation: Situation,
    thesaurus: Thesaurus,
    disease: str | None = None,
) -> Verdict | None:
    """The verdict for ``situation`` under ``product``, or ``None`` when no rule decides it.

    ``disease`` is the disease or condition the question names, as the knowledge base found it.
    """
    deciders: tuple[Callable[[], Verdict | None], ...] = (
        lambda: _decide_exclusion(product, situation, thesaurus),
        lambda: _decide_disclosure(product, situation),
        lambda: _decide_waiting(product, situation),
        lambda: _decide_cooling_off(product, situation),
        lambda: _decide_reinstatement(product, situation),
        lambda: _decide_grace(product, situation),
        lambda: _decide_medical(product, situation),
        lambda: _decide_disease(product, situation, disease),
        lambda: _decide_absent_death_benefit(product, situation),
        lambda: _decide_death_benefit(product, situation),
    )
    for decider in deciders:
        verdict = decider()
        if verdict is not None:
            if verdict.kind in ("disease", "medical"):
                notes = tuple(timing_notes(product, situation))
                verdict = dataclasses.replace(verdict, reasons=verdict.reasons + notes)
            return verdict
    return None


# ---- timing ---------------------------------------------------------------------------------

EVENT_NAMES = {
    "diagnosis": "确诊",
    "symptom": "出现症状",
    "hospital": "住院",
    "death": "身故",
    "accident": "出险",
}
CONSEQUENCE = re.compile(r"(确诊|发生|出险|患|症状|就诊|住院|身故).{0,60}(不承担|退还|终止|不予|无息)")
ACCIDENT_EXEMPT = re.compile(
    r"意外.{0,30}(无等待期|没有等待期|不受.{0,10}限制|不适用|不设|无观察期|不计|除外)"
    r"|(无等待期|不设等待期|不受等待期).{0,20}意外"
)


def _period_text(period: Period) -> list[str]:
    return [period.sentence, *period.details]


def _waiting_since(situation: Situation) -> tuple[str, str, DaySpan] | None:
    for since in ("reinstated", "effective"):
        for until in ("diagnosis", "symptom", "hospital", "death", "accident"):
            span = situation.days_between(since, until)
            if span is not None:
                return since, until, span
    return None


def _decide_waiting(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    period = product.facts.periods.get("waiting")
    timing = _waiting_since(situation)
    if period is None or timing is None or period.unit != "日":
        return None
    since, until, span = timing
    lines = _period_text(period)
    exempt = next((s for s in lines if ACCIDENT_EXEMPT.search(s)), None)
    start = "最后一次复效" if since == "reinstated" else "合同生效"
    event = EVENT_NAMES[until]
    if situation.cause == "accident" and exempt is not None:
        return None  # the benefit decides; timing_notes says the waiting period does not apply
    inside = span.before(period.amount)
    reason = Reason(f"等待期为{period.label}，从{start}之日起算", period.article)
    if inside is None and span.high - span.low > 31:
        return None
    if inside is None:
        return Verdict(
            "waiting",
            "depends",
            f"要看具体日期：您说的{event}时间距{start}约{span}，正落在{period.label}等待期的边界上，"
            f"在第{period.amount:g}日之后{event}的才按保险责任处理。",
            (reason,),
            ("请提供准确的生效日期和确诊（就诊）日期，我可以帮您再算一遍。",),
        )
    if inside:
        consequence = next((s for s in lines if CONSEQUENCE.search(s)), None)
        text = (
            f"按条款不能赔：{event}在{start}后第{span}，还在{period.label}的等待期内。"
            if span.low == span.high
            else f"按条款不能赔：{event}在{start}后约{span}，还在{period.label}的等待期内。"
        )
        reasons = [reason]
        if consequence:
            reasons.append(Reason(f"条款约定：“{clip(consequence)}”", period.article))
        conditions = []
        if since == "reinstated":
            conditions.append("复效后等待期从复效之日起重新计算。")
        if exempt is not None:
            conditions.append("如果是意外导致的，不受等待期限制。")
        return Verdict("waiting", "no", text, tuple(reasons), tuple(conditions))
    if re.search(r"等待|观察期|免责期", situation.text):
        return Verdict(
            "waiting",
            "yes",
            f"等待期已经过了：{event}在{start}后约{span}，{period.label}的等待期已满，"
            "等待期不影响这次理赔；是否赔付看病情是否符合保险责任和疾病定义。",
            (reason,),
        )
    return None


def timing_notes(product: ProductKnowledge, situation: Situation) -> list[Reason]:
    """Facts of the story that bear on any answer: a waiting period already over, for one."""
    period = product.facts.periods.get("waiting")
    timing = _waiting_since(situation)
    if period is None or timing is None or period.unit != "日":
        return []
    since, until, span = timing
    if situation.cause == "accident" and any(ACCIDENT_EXEMPT.search(s) for s in _period_text(period)):
        return [Reason(f"意外导致的不受{period.label}等待期限制", period.article)]
    if span.before(period.amount) is False:
        start = "最后一次复效" if since == "reinstated" else "合同生效"
        return [
            Reason(
                f"{EVENT_NAMES[until]}在{start}后约{span}，{period.label}的等待期已经过了",
                period.article,
            )
        ]
    return []


def _elapsed_now(situation: Situation, *kinds: str) -> DaySpan | None:
    for kind in kinds:
        span = situation.days_between(kind, "now")
        if span is not None:
            return span
    return None


def _decide_cooling_off(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    period = product.facts.periods.get("cooling_off")
    if period is None or not re.search(r"退|犹豫|冷静|解除|不想要|不要了", situation.text):
        return None
    span = (
        situation.days_between("signed", "surrender")
        or situation.days_between("effective", "surrender")
        or _elapsed_now(situation, "signed", "effective")
    )
    if span is None:
        return None
    inside = span.before(period.amount)
    lines = _period_text(period)
    refund = next((s for s in lines if re.search(r"退还|退回", s)), period.sentence)
    reasons = (
        Reason(f"犹豫期为签收次日起{period.label}", period.article),
        Reason(f"条款约定：“{clip(refund)}”", period.article),
    )
    if inside is None:
        return Verdict(
            "cooling_off",
            "depends",
            f"正好在{period.label}犹豫期的边界上，要看签收日期：签收次日起第{period.amount:g}日"
            "内（含当日）申请的，退还全部保险费。",
            reasons,
            coverage=False,
        )
    if inside:
        return Verdict(
            "cooling_off",
            "yes",
            f"可以全额退：您在签收后{span}内申请，还在{period.label}犹豫期内，"
            "解除合同退还已交的保险费。",
            reasons,
            coverage=False,
        )
    cash = _article_with(product, ("现金价值",))
    extra = (Reason("过了犹豫期退保，退还的是保单的现金价值", cash),) if cash else ()
    return Verdict(
        "cooling_off",
        "no",
        f"不能全额退了：签收后已过{span}，超过了{period.label}犹豫期；现在退保只能退保单的现金价值，"
        "通常少于已交保费。",
        (reasons[0], *extra),
        coverage=False,
    )


def _decide_reinstatement(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    period = product.facts.periods.get("reinstatement")
    if period is None or not re.search(r"复效|恢复|失效|中止", situation.text):
        return None
    span = _elapsed_now(situation, "lapsed", "due")
    if span is None:
        return None
    limit = period.amount * {"年": 365, "个月": 30, "日": 1}.get(period.unit, 1)
    inside = span.before(limit)
    needs = [s for s in _period_text(period) if re.search(r"补交|补缴|利息|告知|同意|审核", s)]
    reasons = [Reason(f"效力中止之日起{period.label}内可以申请复效", period.article)]
    reasons += [Reason(f"条款约定：“{clip(s)}”", period.article) for s in needs[:1]]
    if inside is None:
        return Verdict(
            "reinstatement",
            "depends",
            f"要看准确日期：复效须在效力中止之日起{period.label}内申请，您说的时间正在这个期限附近。",
            tuple(reasons),
            coverage=False,
        )
    if inside:
        conditions = ["复效后等待期可能重新计算，请看等待期条款。"] if _restarts_waiting(
            product
        ) else []
        return Verdict(
            "reinstatement",
            "yes",
            f"还可以申请复效：效力中止约{span}，仍在{period.label}的复效期限内，"
            "需要补交欠交的保险费及利息，并经我们审核同意。",
            tuple(reasons),
            tuple(conditions),
            coverage=False,
        )
    return Verdict(
        "reinstatement",
        "no",
        f"不能复效了：效力中止已约{span}，超过了{period.label}的复效期限，"
        "合同按条款约定解除，可以申请退还现金价值。",
        tuple(reasons),
        coverage=False,
    )


def _restarts_waiting(product: ProductKnowledge) -> bool:
    waiting = product.facts.periods.get("waiting")
    return waiting is not None and "复效" in "".join(_period_text(waiting))


def _decide_grace(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    period = product.facts.periods.get("grace")
    if period is None or re.search(r"复效|恢复", situation.text):
        return None
    if not re.search(r"宽限|没交|忘|欠|扣款|逾期|断交|停交|交费|保费|过期", situation.text):
        return None
    event = next(
        (
            (kind, span)
            for kind in ("diagnosis", "hospital", "accident", "death", "symptom")
            for since in ("due", "lapsed")
            if (span := situation.days_between(since, kind)) is not None
        ),
        None,
    )
    span = event[1] if event else _elapsed_now(situation, "due", "lapsed")
    if span is None:
        return None
    inside = span.before(period.amount)
    reason = Reason(f"宽限期为约定交费日次日起{period.label}", period.article)
    if event is not None:
        what = EVENT_NAMES[event[0]]
        if inside:
            return Verdict(
                "grace",
                "yes",
                f"能赔：{what}时保费才逾期{span}，还在{period.label}宽限期内，合同有效，"
                "理赔时会扣除欠交的保险费。",
                (reason,),
            )
        if inside is False:
            return Verdict(
                "grace",
                "no",
                f"不能赔：{what}时保费已逾期{span}，超过了{period.label}宽限期，合同效力已中止，"
                "效力中止期间发生的事故不承担保险责任，事后补交或复效也不能追溯。",
                (reason,),
            )
    if inside:
        return Verdict(
            "grace",
            "yes",
            f"保障还在：保费逾期{span}，仍在{period.label}宽限期内，期间出险照常承担，"
            "但会扣除欠交的保险费；请在宽限期结束前补交。",
            (reason,),
            coverage=False,
        )
    if inside is None:
        return Verdict(
            "grace",
            "depends",
            f"正在{period.label}宽限期的边界上，要看约定交费日：宽限期过后仍未交费，合同效力中止。",
            (reason,),
            coverage=False,
        )
    return Verdict(
        "grace",
        "no",
        f"已经过了宽限期：保费逾期{span}，超过了{period.label}宽限期，合同效力已中止，"
        "中止期间出险不赔；可以在复效期限内申请恢复效力。",
        (reason,),
        coverage=False,
    )


def _article_with(product: ProductKnowledge, words: tuple[str, ...]) -> str | None:
    """The first article titled with one of ``words`` that has text of its own."""
    return next(
        (
            a.number
            for a in product.document.articles
            if a.body and any(w in a.title for w in words)
        ),
        None,
    )


# ---- exclusions -----------------------------------------------------------------------------

EXCLUSION_ASK = re.compile(r"免责|除外|责任免除|属于不赔|在不在.{0,4}(不赔|免责)|是不是不赔")


def _decide_exclusion(
    product: ProductKnowledge, situation: Situation, thesaurus: Thesaurus
) -> Verdict | None:
    concepts = thesaurus.concepts_in(situation.text)
    if not concepts:
        return None
    exclusions = product.facts.exclusions
    for concept in concepts:
        hits = [e for e in exclusions if concept.named_in(e.text)]
        if hits:
            hit = hits[0]
            number = _item_number(product, hit.article, hit.index)
            return Verdict(
                "exclusion",
                "no",
                f"不能赔：{concept.label}属于本产品的责任免除{number}，即使住院或就医也不赔。",
                (Reason(f"条款列明：“{clip(hit.text)}”", hit.article),),
            )
    if exclusions and EXCLUSION_ASK.search(situation.text):
        concept = concepts[0]
        return Verdict(
            "exclusion",
            "info",
            f"不属于责任免除：本产品列明的{len(exclusions)}项责任免除中没有{concept.label}；"
            "是否赔付还要看是否符合保险责任的约定。",
            (Reason("责任免除条款", exclusions[0].article),),
        )
    return None


def _item_number(product: ProductKnowledge, article: str, index: int) -> str:
    same = [e for e in product.facts.exclusions if e.article == article]
    position = next((i for i, e in enumerate(same, 1) if e.index == index), None)
    return f"（第{article}条第（{position}）项）" if position and len(same) > 1 else f"（第{article}条）"


# ---- medical arithmetic ---------------------------------------------------------------------


OFFSET = re.compile(r"(抵扣|冲抵|抵减|抵消|抵免|计入)免赔额|免赔额.{0,10}(抵扣|冲抵|抵减|扣除)")
SERVICES = {
    "outpatient": (re.compile(r"门诊|急诊|看病|挂号|拿药|开药"), re.compile(r"门")),
    "inpatient": (re.compile(r"住院|住了.{0,3}天|入院|手术"), re.compile(r"住院")),
}


def _service(text: str) -> str | None:
    inpatient = SERVICES["inpatient"][0].search(text)
    if inpatient:
        return "inpatient"
    return "outpatient" if SERVICES["outpatient"][0].search(text) else None


def _decide_medical(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    if situation.expenses is None or not product.facts.medical:
        return None
    terms = _for_service(product, _service(situation.text))
    deductible = _first(terms, "deductible")
    ratio_term = _ratio(terms, situation)
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
    article = product.document.article(number)
    return article is not None and bool(pattern.search(strip_markdown(article.body)))


def _for_service(product: ProductKnowledge, service: str | None) -> list[MedicalTerm]:
    """The medical terms of the benefit that pays for ``service`` (门急诊 or 住院), if it has one."""
    terms = list(product.facts.medical)
    if service is None:
        return terms
    owner = SERVICES[service][1]
    own = [t for t in terms if owner.search(t.benefit or "") or owner.search(t.sentence[:12])]
    if service == "inpatient":
        own = [t for t in own if not re.search(r"门", t.benefit or "")]
    return own or terms


def _first(terms: list[MedicalTerm], kind: str) -> MedicalTerm | None:
    found = [t for t in terms if t.kind == kind and t.amount is not None]
    return (found or [None])[0]


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

    return next((t for t in ratios if fits(t)), ratios[0])


# ---- diseases -------------------------------------------------------------------------------


def _decide_disease(
    product: ProductKnowledge, situation: Situation, disease: str | None
) -> Verdict | None:
    if disease is None or not product.facts.diseases or is_medical(product):
        return None
    ruling = rule_on_disease(product, disease)
    stage = _stage(situation.text)
    reasons: list[Reason] = []
    paid: list[tuple[Disease, str]] = []  # (disease, "yes" | "depends")
    exact = [d for d in ruling.covered_as if normalize(disease) in normalize(d.name)]
    for found in exact or ruling.covered_as:
        hit = next((x for x in found.exclusions if _describes(x, disease, situation.text, stage)), None)
        if hit is not None:
            reasons.append(Reason(f"“{found.name}”的定义不包括“{clip(hit, 50)}”", found.article))
        else:
            paid.append((found, "yes"))
    for found, item in ruling.excluded_from:
        reasons.append(Reason(f"{disease}不属于“{found.name}”，该定义明确排除了它", found.article))
    otherwise: list[str] = []
    for found, item in ruling.partly_excluded_from:
        if _describes(item, disease, situation.text, stage):
            reasons.append(Reason(f"“{found.name}”的定义排除了“{clip(item, 50)}”", found.article))
            benefit = benefit_for(product, found.category)
            if benefit is not None and benefit.percent is not None:
                otherwise.append(
                    f"如果诊断不属于上述排除情形、符合“{found.name}”定义，"
                    f"则{payout(benefit, situation.sum_insured)}。"
                )
        else:
            paid.append((found, "depends"))
            reasons.append(Reason(f"“{found.name}”的定义排除了“{clip(item, 50)}”", found.article))
    for found, sentence in ruling.defined_in:
        sentence = _mention(found.definition, disease, stage) or sentence
        fits = stage is not None and stage in _stages(sentence)
        paid.append((found, "yes" if fits else "depends"))
        reasons.append(Reason(f"“{found.name}”的定义包括：“{clip(sentence, 60)}”", found.article))
    asked = set(situation.categories)
    chosen = [p for p in paid if p[0].category in asked] or paid
    if len(chosen) > 1:
        fitting = [p for p in chosen if _fits_listed_items(p[0], situation.text, stage) is not False]
        chosen = fitting or chosen
    if not chosen:
        if not reasons:
            return None
        return Verdict(
            "disease",
            "no",
            f"不能赔：{disease}不在本产品的保障范围内，本产品不赔付。",
            tuple(reasons),
            tuple(otherwise),
        )
    unmet = _unmet_threshold(chosen, situation)
    if unmet is not None:
        found, requirement, told = unmet
        category = CATEGORY_NAMES.get(found.category or "", found.category_label)
        return Verdict(
            "disease",
            "no",
            f"暂时还不符合“{found.name}”的定义：定义要求{requirement}，您说的{told}还没有达到；"
            f"达到后可以按{category}申请。",
            (Reason(f"“{found.name}”的定义：“{clip(requirement, 80)}”", found.article),),
            ("是否符合以专科医生的诊断和理赔审核为准。",),
        )
    used = _limit_used(product, chosen, situation)
    if used is not None:
        return used
    lines: list[str] = []
    for found, how in _by_category(chosen):
        benefit = benefit_for(product, found.category)
        category = CATEGORY_NAMES.get(found.category or "", found.category_label)
        if benefit is not None and benefit.percent is not None:
            amount = _amount(situation, benefit.percent)
            reasons.append(Reason(payout(benefit), benefit.article))
            if situation.earlier_claims or re.search(r"扣", situation.text):
                note = _deduction_note(product, benefit.article)
                if note is not None:
                    reasons.append(note)
        else:
            amount = "按保险责任条款给付"
        condition = "" if how == "yes" else f"符合“{found.name}”定义的，"
        lines.append(f"{condition}按{category}赔，{amount}")
        if how == "yes" and found.category is not None:
            reasons.insert(0, Reason(f"“{found.name}”属于本产品的{found.category_label}", found.article))
    certain = all(how == "yes" for _, how in chosen) and len(lines) == 1
    answer = ("能赔：" if certain else "要看具体诊断：") + "；".join(lines) + "。"
    conditions = ("须符合条款对该疾病的定义（确诊依据、分期或程度），以理赔审核为准。",)
    return Verdict(
        "disease", "yes" if certain else "depends", answer, tuple(_unique(reasons)), conditions
    )


STAGE = re.compile(r"(?:tnm)?(?:分期)?(?:为)?([ⅠⅡⅢⅣⅰⅱⅲⅳ]|[1-4一二三四]|iv|iii|ii|i)\s*期")
ROMAN = {"1": "Ⅰ", "一": "Ⅰ", "i": "Ⅰ", "ⅰ": "Ⅰ", "ⅱ": "Ⅱ", "ⅲ": "Ⅲ", "ⅳ": "Ⅳ", "2": "Ⅱ", "二": "Ⅱ", "ii": "Ⅱ", "3": "Ⅲ", "三": "Ⅲ",
         "iii": "Ⅲ", "4": "Ⅳ", "四": "Ⅳ", "iv": "Ⅳ"}  # fmt: skip


def _stages(text: str) -> set[str]:
    return {ROMAN.get(m.group(1).lower(), m.group(1)) for m in STAGE.finditer(text.lower())}


def _stage(question: str) -> str | None:
    found = _stages(question)
    return next(iter(found)) if len(found) == 1 else None


def _named_exclusion(item: str, term: str, question: str) -> bool:
    """Whether the customer named one of the conditions an exclusion item lists (垂体瘤, 热性惊厥)."""
    key = normalize(term)
    for segment in re.split(r"[，,、；;。：:（）()及或和与]", normalize(item)):
        named = re.sub(r"^(包括|如|例如|即|指|由|因|单纯的?|其他)", "", segment)
        named = re.sub(r"(等|引起的|导致的|所致的?)$", "", named)
        if 3 <= len(named) <= 12 and named != key and named in question:
            return True
    return False


def _describes(item: str, term: str, question: str, stage: str | None) -> bool:
    """Whether an exclusion ``item`` of a definition fits what the customer described."""
    if _named_exclusion(item, term, question):
        return True
    key = normalize(term)
    for segment in re.split(r"[，,、；;。：:（）()]", normalize(item)):
        if key not in segment:
            continue
        named = re.sub(r"^(包括|如|例如|即|指)", "", segment)
        if len(named) <= 10 and named in question:
            return True
        stages = _stages(segment)
        if stage is not None and stages and (stage in stages or "更轻" in segment and stage == "Ⅰ"):
            return True
    return False


REQUIREMENT = re.compile(r"(\d+(?:\.\d+)?)\s*(个月|日|天|小时|%)")
REQUIREMENT_WORDS = re.compile(r"持续|至少|满|超过|连续|不少于|以上|后仍|之后仍|届满|规律|达到?|≥")


def _requirements(definition: str) -> list[tuple[float, str, str]]:
    """Thresholds a definition sets: (days or percent, unit kind, the phrase stating it)."""
    found = []
    for sentence in re.split(r"[。；;]", arabic_numerals(definition)):
        for match in REQUIREMENT.finditer(sentence):
            window = sentence[max(0, match.start() - 12) : match.end() + 6]
            if not REQUIREMENT_WORDS.search(window):
                continue
            value, unit = float(match.group(1)), match.group(2)
            kind = "percent" if unit == "%" else "days"
            days = value / 24 if unit == "小时" else value * 30 if unit == "个月" else value
            phrase = sentence[max(0, match.start() - 24) : match.end() + 8].strip("，, ")
            found.append((days if kind == "days" else value, kind, phrase))
    return found


def _unmet_threshold(
    chosen: list[tuple[Disease, str]], situation: Situation
) -> tuple[Disease, str, str] | None:
    """A definition threshold the customer's own figures fall short of (透析两个月 < 90日)."""
    told_percent = [float(m) for m in re.findall(r"(\d+(?:\.\d+)?)\s*%", situation.text)]
    for found, _ in chosen:
        for value, kind, phrase in _requirements(found.definition):
            if kind == "days":
                for span in situation.durations:
                    if value * 0.1 <= span.high < value:
                        return found, phrase, str(span)
            elif told_percent and all(p < value for p in told_percent) and max(told_percent) >= value * 0.2:
                return found, phrase, f"{max(told_percent):g}%"
    return None


DEDUCTION = re.compile(r"(扣除|减去|扣减|抵扣)[^。；]{0,16}(已给付|已经给付|已支付|已赔付)")
NO_DEDUCTION = re.compile(r"(不扣除|不扣减|不抵扣|不减少|无需扣除)[^。；]{0,20}(已给付|已经给付|已赔付)|(已给付|已经给付)[^。；]{0,30}(不扣除|不扣减|不予扣除|不作扣除|不影响)")


def _limit_used(
    product: ProductKnowledge, chosen: list[tuple[Disease, str]], situation: Situation
) -> Verdict | None:
    """The customer has used up a benefit's times already (轻症赔过3次, 最多3次)."""
    for found, _ in chosen:
        benefit = benefit_for(product, found.category)
        claimed = situation.earlier_claims.get(found.category or "")
        if benefit is None or not benefit.times or claimed is None or claimed < benefit.times:
            continue
        category = CATEGORY_NAMES.get(found.category or "", found.category_label)
        return Verdict(
            "disease",
            "no",
            f"不能再赔{category}了：{category}最多赔{benefit.times}次，您已经赔过{claimed}次，次数已经用完。",
            (Reason(payout(benefit), benefit.article),),
        )
    return None


def _deduction_note(product: ProductKnowledge, benefit_article: str) -> Reason | None:
    """Whether earlier payouts are deducted from this benefit, as the wording says."""
    article = product.document.article(benefit_article)
    if article is None:
        return None
    for sentence in sentences(strip_markdown(arabic_numerals(article.body))):
        if NO_DEDUCTION.search(sentence):
            return Reason(f"此前已给付的不从中扣除：“{clip(sentence, 70)}”", benefit_article)
        if DEDUCTION.search(sentence):
            return Reason(f"要扣除此前已给付的部分：“{clip(sentence, 70)}”", benefit_article)
    return None


TUMOUR = re.compile(r"癌|瘤|白血病|淋巴|何杰金")
LISTED = re.compile(r"特指下列|仅指下列|限于下列|仅限于下列|是指下列|下列.{0,6}之一")


def _fits_listed_items(found: Disease, question: str, stage: str | None) -> bool | None:
    """For a definition that covers only the items it lists (恶性肿瘤——轻度 特指下列6项之一):
    whether the customer's diagnosis is one of them; ``None`` for an open definition."""
    if not LISTED.search(found.definition):
        return None
    _, items, _ = split_items(found.definition)
    if not items or sum(bool(TUMOUR.search(i)) for i in items) * 2 < len(items):
        return None
    named = [
        re.sub(r"^.*(得了|患了|患上|查出|确诊|诊断为?|是|有|发现)", "", n)
        for n in re.findall(r"([\u4e00-\u9fff]{1,10}?)(?:乳头状|滤泡状|浸润性|腺|鳞状?|导管|小细胞)*癌", question)
    ]
    named = [n for n in named if n and not re.search(r"症|恶性", n)]
    if not named:
        return None
    for item in items:
        item_n = normalize(item)
        organs = [n[:k] for n in named for k in (3, 2) if len(n) >= k] + [
            n + "癌" for n in named if len(n) == 1
        ]
        if not any(o in item_n for o in organs):
            continue
        item_stages = _stages(item_n)
        if stage is None or not item_stages or stage in item_stages:
            return True
    return False


def _mention(definition: str, term: str, stage: str | None) -> str | None:
    """The item of a definition that names ``term``, the one with the customer's stage first."""
    _, items, _ = split_items(definition)
    named = [i for i in items if normalize(term) in normalize(i)]
    staged = [i for i in named if stage is not None and stage in _stages(i)]
    return (staged or named or [None])[0]


def _by_category(chosen: list[tuple[Disease, str]]) -> list[tuple[Disease, str]]:
    seen: dict[str | None, tuple[Disease, str]] = {}
    for found, how in chosen:
        if found.category not in seen or how == "yes":
            seen[found.category] = (found, how)
    return list(seen.values())


def _unique(reasons: list[Reason]) -> list[Reason]:
    return list(dict.fromkeys(reasons))


def _amount(situation: Situation, percent: float) -> str:
    if situation.sum_insured:
        paid = situation.sum_insured * percent / 100
        return f"{money(situation.sum_insured)} × {percent:g}% = {money(paid)}"
    return f"按基本保险金额的{percent:g}%给付"


DEATH = re.compile(r"身故|去世|过世|死亡|走了|离世|病故|没了")


def _decide_absent_death_benefit(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """A death the wording pays no benefit for: say so, and what it does say about a death."""
    if not DEATH.search(situation.text) or not product.facts.benefits:
        return None
    if any(re.search(r"身故|死亡", b.name) for b in product.facts.benefits):
        return None
    if any("身故保险金" in a.body or "身故保险金" in a.title for a in product.document.articles):
        return None
    said = [
        (a.number, s)
        for a in product.document.articles
        for s in _plain(a.body)
        if re.search(r"身故", s) and re.search(r"现金价值|退还|终止", s)
    ]
    reasons = [Reason("保险责任中没有身故保险金", product.facts.benefits[0].article)]
    if said:
        number, sentence = said[0]
        reasons.append(Reason(f"条款约定：“{clip(sentence, 90)}”", number))
    return Verdict(
        "death",
        "no",
        f"《{product.name}》没有身故保险金，不按保额赔付身故；"
        + ("被保险人身故的，按条款退还现金价值或保费，合同终止。" if said else "请以条款约定为准。"),
        tuple(reasons),
    )


def _plain(body: str) -> list[str]:
    return sentences(strip_markdown(body))


# ---- death benefit by age -------------------------------------------------------------------

ADULT_AGE = re.compile(r"(\d+)周岁")
PAY_WORDS = (("基本保险金额", "基本保险金额"), ("已交保险费", "已交保险费"), ("现金价值", "现金价值"))


def _age_at_death(situation: Situation) -> int | None:
    birth = next((d for d in situation.dated if d.kind == "birth"), None)
    death = next((d for d in situation.dated if d.kind == "death"), None)
    if birth is not None and death is not None and birth.first == birth.last:
        day = death.first
        years = day.year - birth.first.year
        if (day.month, day.day) < (birth.first.month, birth.first.day):
            years -= 1
        return years
    return situation.age


def _decide_death_benefit(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """What a death pays: the death benefit's own rule, by age where the wording splits it."""
    if not DEATH.search(situation.text) or not (situation.asks & {"amount", "whether"}):
        return None
    benefits = [b for b in product.facts.benefits if re.search(r"身故", b.name)]
    if situation.cause == "accident":
        benefits = [b for b in benefits if "意外" in b.name] or benefits
    if not benefits:
        return None
    benefit = benefits[0]
    rules = []
    for sentence in benefit.sentences:
        plain = arabic_numerals(sentence)
        age = ADULT_AGE.search(plain)
        if age is None:
            continue
        minor = bool(re.search(r"未满|不满|未达|以前|之前|前(?!款)", plain[: age.end() + 4]))
        rules.append((int(age.group(1)), minor, plain))
    age = _age_at_death(situation)
    reason = Reason(f"条款约定：“{clip(benefit.sentences[0], 80)}”", benefit.article)
    if rules and age is not None:
        limit = rules[0][0]
        fitting = [r for r in rules if r[1] == (age < limit)]
        if fitting:
            plain = fitting[0][2]
            reasons = (Reason(f"条款约定：“{clip(plain, 90)}”", benefit.article),)
            if age < limit:
                paid = (
                    f"，按您说的年交{money(situation.annual_premium)}、交了{situation.years_paid}年，"
                    f"约为{money(situation.annual_premium * situation.years_paid)}"
                    if situation.annual_premium and situation.years_paid
                    else ""
                )
                what = "、".join(label for word, label in PAY_WORDS if word in plain) or "条款约定的金额"
                return Verdict(
                    "death",
                    "info",
                    f"身故时未满{limit}周岁，不按保额赔，按{what}给付{paid}。",
                    reasons,
                )
            percent = re.search(r"(\d+(?:\.\d+)?)%", plain)
            share = float(percent.group(1)) if percent else 100.0
            return Verdict(
                "death",
                "yes",
                f"身故时已满{limit}周岁，按基本保险金额的{share:g}%给付：{_amount(situation, share)}。",
                reasons,
            )
    if benefit.percent is not None:
        cap = _minor_cap(product, age)
        if cap is not None and situation.sum_insured and situation.sum_insured > cap[0]:
            return Verdict(
                "death",
                "info",
                f"按未成年人身故保险金的限额，最多赔{money(cap[0])}，不是保单上的{money(situation.sum_insured)}。",
                (reason, Reason(f"条款约定：“{clip(cap[2], 90)}”", cap[1])),
            )
        return Verdict(
            "death",
            "yes",
            f"可以赔{benefit.name}：{_amount(situation, benefit.percent)}。",
            (reason,),
            ("须不属于责任免除的情形，以理赔审核为准。",),
        )
    return None


MINOR_CAP = re.compile(r"(?:未满|不满)(\d+)周岁[^。；]{0,40}?(\d+(?:\.\d+)?)\s*(万元|万|元)")


def _minor_cap(product: ProductKnowledge, age: int | None) -> tuple[float, str, str] | None:
    """The cap on a minor's death benefit the wording states, for a child of ``age``."""
    if age is None or age >= 18:
        return None
    for article in product.document.articles:
        for sentence in strip_markdown(arabic_numerals(article.body)).split("\n"):
            if "身故" not in sentence and "身故" not in article.title:
                continue
            for match in MINOR_CAP.finditer(sentence):
                limit = int(match.group(1))
                if age < limit:
                    amount = float(match.group(2)) * (10_000 if match.group(3).startswith("万") else 1)
                    return amount, article.number, sentence
    return None


# ---- disclosure (如实告知) ----------------------------------------------------------------------

UNDISCLOSED = re.compile(
    r"(没|未|没有|不)(如实)?(告知|告诉|说|写|填|申报|报)|隐瞒|瞒着|漏报|漏填|健康告知.{0,6}(没|未)"
)
DISCLOSURE_TITLE = re.compile(r"告知|解除合同的权利|合同解除权|解除权|不可抗辩")


def _decide_disclosure(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """Undisclosed health facts: the insurer's right to rescind ends 2 years after the contract."""
    if not UNDISCLOSED.search(situation.text) or not re.search(
        r"解除|拒赔|不赔|能赔|赔吗|合理|退|有效", situation.text
    ):
        return None
    found = [
        (a.number, sentence)
        for a in product.document.articles
        if DISCLOSURE_TITLE.search(a.title)
        for sentence in sentences(strip_markdown(arabic_numerals(a.body)))
        if re.search(r"2年", sentence) and "解除" in sentence
    ]
    if not found:
        return None
    number, sentence = found[0]
    span = _contract_age(situation)
    reasons = [Reason(f"条款约定：“{clip(sentence, 90)}”", number)]
    thirty = next(
        (
            (a.number, s)
            for a in product.document.articles
            if DISCLOSURE_TITLE.search(a.title)
            for s in sentences(strip_markdown(arabic_numerals(a.body)))
            if re.search(r"30日", s) and "解除" in s
        ),
        None,
    )
    if thirty is not None:
        reasons.append(Reason(f"条款约定：“{clip(thirty[1], 70)}”", thirty[0]))
    asked_only = next(
        (
            (a.number, s)
            for a in product.document.articles
            if DISCLOSURE_TITLE.search(a.title)
            for s in sentences(strip_markdown(a.body))
            if "询问" in s
        ),
        None,
    )
    if asked_only is not None:
        reasons.insert(0, Reason(f"如实告知只限于保险公司询问的事项：“{clip(asked_only[1], 60)}”", asked_only[0]))
    if span is not None and span.before(730) is False:
        return Verdict(
            "disclosure",
            "yes",
            "合同成立已超过2年，保险公司不能再以未如实告知为由解除合同；发生保险事故的，应当按合同承担保险责任"
            "（《保险法》第16条也这样规定）。",
            tuple(reasons),
            ("既往症等条款另有约定的责任免除仍然适用。",),
        )
    if span is not None and span.before(730):
        return Verdict(
            "disclosure",
            "no",
            "合同成立还不满2年：故意或因重大过失没有如实告知、足以影响承保的，保险公司可以解除合同；"
            "故意不告知的，解除前发生的事故不赔、保费不退；重大过失的，不赔但退还保费。",
            tuple(reasons),
            ("保险公司须在知道解除事由之日起30日内行使解除权，过期不行使的，解除权消灭。",),
        )
    return Verdict(
        "disclosure",
        "depends",
        "要看合同成立了多久：成立满2年后，保险公司不能再以未如实告知为由解除合同；不满2年的，"
        "故意或重大过失未告知、足以影响承保的，保险公司可以解除合同。",
        tuple(reasons),
    )


def _contract_age(situation: Situation) -> DaySpan | None:
    for until in ("diagnosis", "death", "hospital", "accident", "now"):
        span = situation.days_between("effective", until)
        if span is not None:
            return span
    return None
