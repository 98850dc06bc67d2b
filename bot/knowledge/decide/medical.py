"""Medical sums: (expenses − what others paid − deductible) × ratio, within the caps."""

from __future__ import annotations

import dataclasses
import re

from bot.knowledge.decide.conditions import (
    CONDITIONAL_DEDUCTIBLE,
    changed_deductible,
    changed_ratio,
)
from bot.knowledge.decide.items import items_told, other_expenses
from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.explain import clip, money
from bot.knowledge.facts import MedicalTerm, ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.text import arabic_numerals
from bot.knowledge.thesaurus import Thesaurus

# the terms of a sum of expenses; an allowance's (daily_allowance, …) are decided elsewhere
SUM_KINDS = ("deductible", "reimbursement", "per_visit_limit", "annual_limit", "item_limit")
SEVERE_NAMED = re.compile(r"(重疾|重大疾病)医疗")  # the benefit named, not the diagnosis asked
NO_OFFSET = re.compile(r"(不|不可|不可以|不能|不得)(用于|用来)?(抵扣|冲抵|抵减|抵消|计入)")
SERVICES = {
    "outpatient": (re.compile(r"门诊|急诊|看病|挂号|拿药|开药"), re.compile(r"门")),
    "inpatient": (re.compile(r"住院|住了.{0,3}[天院]|入院|手术"), re.compile(r"住院")),
    "critical": (re.compile(r"$^"), re.compile(r"重大疾病|重疾")),
}


NOT_ADMITTED = re.compile(r"(没|没有|未|不算|不是|没办)(办|办理)?(理)?住院|算(不算)?住院")


def _service(text: str, severe: bool) -> str | None:
    if severe:
        return "critical"
    text = NOT_ADMITTED.sub("", text)
    if SERVICES["inpatient"][0].search(text):
        return "inpatient"
    return "outpatient" if SERVICES["outpatient"][0].search(text) else None


def decide_medical(
    product: ProductKnowledge,
    situation: Situation,
    severe: bool = False,
    thesaurus: Thesaurus | None = None,
    service: str | None = None,
) -> Verdict | None:
    """What a medical product pays for the customer's expenses, under the customer's plan.

    A wording with plans and no plan told: when the plans pay the same, that sum (said to be
    the same for each plan); otherwise each plan's sum, and the question which plan it is.
    ``service`` (``outpatient``, ``inpatient``) overrides the kind of care the story's words
    suggest, for a caller that has decided it (a visit outside a stay's days is outpatient).
    """
    plans = product.facts.plans
    if situation.plan is not None or len(plans) < 2:
        return _medical(product, situation, severe, thesaurus, service)
    each = [
        (
            plan,
            _medical(
                product, dataclasses.replace(situation, plan=plan), severe, thesaurus, service
            ),
        )
        for plan in plans[:4]
    ]
    found = [(plan, v) for plan, v in each if v is not None]
    if len(found) < len(each):
        return _medical(product, situation, severe, thesaurus, service)
    first = found[0][1]
    if len({v.sum for _, v in found}) == 1:
        return dataclasses.replace(
            first, conditions=(*first.conditions, f"各保障计划（{'、'.join(plans)}）算下来相同。")
        )
    lines = "；".join(f"{plan}{_payable(v)}（{v.sum}）" for plan, v in found)
    return Verdict(
        "medical",
        "depends",
        f"要看您的保障计划：{lines}。请告诉我保单上载明的计划，我按它给您确认。",
        tuple(
            dict.fromkeys(
                [
                    *(r for r in first.reasons if not any(p in r.text for p in plans)),
                    *(r for _, v in found for r in v.reasons if any(p in r.text for p in plans)),
                ]
            )
        ),
        first.conditions,
    )


def _payable(verdict: Verdict) -> str:
    """``大约可赔2000元`` of a medical verdict's answer."""
    return verdict.answer.split("：", 1)[0]


def _medical(
    product: ProductKnowledge,
    situation: Situation,
    severe: bool = False,
    thesaurus: Thesaurus | None = None,
    service: str | None = None,
) -> Verdict | None:
    """What a medical product pays for the customer's expenses.

    ``severe`` says the diagnosis is one of the product's 重大疾病, which some medical products
    pay from a benefit of its own (no deductible, a higher limit). Expenses the wording caps on
    their own (床位费每日) are taken at most at their cap, ``thesaurus`` giving the customer's
    words for them.
    """
    if not product.facts.medical:
        return None
    critical = (severe or bool(SEVERE_NAMED.search(situation.text))) and any(
        SERVICES["critical"][1].search(t.benefit or "") for t in product.facts.medical
    )
    care = service or _service(situation.text, critical)
    terms = _for_setting(
        product, _for_plan(_for_service(product, care), situation.plan), situation.text
    )
    named = named_benefit(product, situation.text)
    if named is not None:
        terms = _for_benefit(product, named, situation.plan)
    deductible = _deductible(terms, situation)
    if deductible is not None:
        deductible = changed_deductible(product, deductible, situation) or deductible
    if named is not None and _without_deductible(product, named):
        deductible = None
    ratio_term = _ratio(terms, situation)
    if ratio_term is not None:
        ratio_term = changed_ratio(product, ratio_term, situation.text) or ratio_term
    share = _ratio_share(product, terms, situation.text, named)
    if ratio_term is None and _ratios(terms):
        return None
    if deductible is None and ratio_term is None:
        return None
    items = items_told(product, terms, situation.text, thesaurus)
    days = situation.hospital_days
    if items is None or (items and any(i.per_day for i in items) and days is None):
        return None  # a daily amount with no item or no number of days: the sum would be a guess
    expenses = situation.expenses
    if items:
        told_total = sum(i.total(days) for i in items)
        rest = other_expenses(situation.text)
        if rest is not None:
            expenses = told_total + rest  # "床位费…，其他检查药品一共2万"
        elif expenses is None or expenses in {i.amount for i in items}:
            # no other expense told, or the only "total" read is an item's own
            expenses = told_total if expenses is None or len(items) == 1 else None
    if expenses is None:
        return None
    excess = sum(i.excess(days) for i in items)
    cap = _first(terms, "per_visit_limit")
    paid = situation.reimbursed or 0.0
    other = min(situation.other_paid or 0.0, paid)
    deduct = deductible.amount if deductible and deductible.amount is not None else 0.0
    step = _claim_free_step(product) if deduct and situation.claim_free_years else None
    if step is not None and deductible is not None and deductible.benefit:
        step = step if deductible.benefit in step[2] else None  # another benefit's deductible
    if step is not None and situation.claim_free_years:
        deduct = max(deduct - step[0] * situation.claim_free_years, step[1])
    if deduct and situation.deductible_left is not None:
        deduct = min(deduct, situation.deductible_left)  # used up, or partly, this year
    elif deduct and situation.deductible_used is not None:
        deduct = max(deduct - situation.deductible_used, 0.0)
    offsets = _offsets(product)
    denied_social = offsets.get("social") is False and paid > other
    if paid and deduct:
        # What the wording lets count toward the deductible: all that others paid, or only
        # what payers other than social insurance paid.
        counted = (paid - other if offsets.get("social") else 0.0) + (
            other if offsets.get("other") else 0.0
        )
        offset_note = (
            f"免赔额{money(deduct)}按条款可用已获得的补偿抵扣，"
            + (
                "这次已抵完。"
                if counted >= deduct
                else f"这次抵扣{money(counted)}后还剩{money(deduct - counted)}。"
            )
            if counted
            else None
        )
        deduct = max(deduct - counted, 0.0)
    else:
        offset_note = None
    ratio = ratio_term.amount if ratio_term and ratio_term.amount is not None else 100.0
    computed = max(expenses - excess - paid - deduct, 0.0) * ratio / 100
    if share is not None:
        computed = computed * share[0] / 100
    parts = [money(expenses)]
    if excess:
        parts.append(f"超出分项限额{money(excess)}")
    if paid:
        parts.append(f"已报销{money(paid)}")
    if deduct:
        parts.append(f"免赔额{money(deduct)}")
    applied = f"{ratio:g}%"
    if share is not None:
        applied += f" × {share[0]:g}%" + (
            f"（即{ratio * share[0] / 100:g}%）" if ratio != 100 else ""
        )
    formula = f"（{' − '.join(parts)}）× {applied} = {money(computed)}"
    payable = computed
    reasons = [
        Reason(f"{label}：{clip(term.sentence, 70)}", term.article)
        for term, label in ((deductible, "免赔额"), (ratio_term, "赔付比例"))
        if term is not None
    ]
    if share is not None:
        reasons.append(Reason(f"条款约定：“{clip(share[1].sentence, 60)}”", share[1].article))
    if step is not None:
        reasons.append(
            Reason(
                f"连续{situation.claim_free_years}年无理赔，免赔额按条款递减：“{clip(step[2], 60)}”",
                step[3],
            )
        )
    if named is not None and deductible is None and _without_deductible(product, named):
        reasons.append(Reason(f"{named}不适用年度免赔额", named_article(product, named)))
    for item in items:
        if item.cap is not None and item.cap.item and item.excess(days):
            each = item.cap.item[-2:]
            reasons.append(
                Reason(f"{item.name}{each}以{money(item.cap.amount or 0)}为限", item.cap.article)
            )
        elif item.exempt_sentence and item.exempt_article:
            reasons.append(
                Reason(f"条款约定：“{clip(item.exempt_sentence, 60)}”", item.exempt_article)
            )
    if cap is not None and cap.amount and cap.amount < payable:
        payable = cap.amount
        formula += f"，每次以{money(payable)}为限"
        reasons.append(Reason(f"每次限额：{clip(cap.sentence, 70)}", cap.article))
        one_visit = _one_visit(product, situation.text)
        if one_visit is not None:
            reasons.append(Reason(f"条款约定：“{clip(one_visit[1], 60)}”", one_visit[0]))
    limit = _year_limit(product, terms, situation, deductible or ratio_term, named)
    ends = None
    if limit is not None and limit.amount and not situation.paid_before and payable > limit.amount:
        payable = limit.amount
        formula += f"，以{named or ''}年度限额{money(limit.amount)}为限"
        reasons.append(Reason(f"限额：{clip(limit.sentence, 70)}", limit.article))
    elif (
        situation.paid_before
        and limit is not None
        and limit.amount
        and _paid_for_medical(product, situation.text)
    ):
        left = max(limit.amount - situation.paid_before, 0.0)
        ends = _limit_end(product, limit)
        if left < payable:
            payable = left
            formula += f"；限额{money(limit.amount)}已赔{money(situation.paid_before)}，最多还能赔{money(left)}"
            reasons.append(Reason(f"限额：{clip(limit.sentence, 70)}", limit.article))
    conditions = [
        "前提是等待期后发生、属于保险责任且费用合理必要；同一年其他就诊若已用掉部分免赔额，这次会多赔。"
        if deduct
        else "前提是等待期后发生、属于保险责任且费用合理必要。"
    ]
    if ends is not None and limit is not None and limit.amount:
        conditions.append(
            f"累计赔满{money(limit.amount)}后：{clip(ends[1], 50)}（第{ends[0]}条）。"
        )
    others = (
        _other_deductibles(terms, deductible, situation)
        if deductible is not None
        and deduct
        and step is None
        and not CONDITIONAL_DEDUCTIBLE.search(deductible.sentence)
        else []
    )
    if others and deductible is not None:
        conditions.append(
            f"上面按免赔额{money(deductible.amount or 0)}计算；条款另有年度免赔额"
            f"{'、'.join(money(a) for a in others)}（看是首次投保还是续保），以您的保险期间为准。"
        )
    if situation.social_insurance is None and len({t.amount for t in _ratios(terms)}) > 1:
        conditions.append("赔付比例要看是否经社保结算，上面按经社保结算计算。")
    if payable <= 0:
        answer = f"这次大概不赔：扣除已报销部分、免赔额或已用的限额后没有剩余，{formula}。"
        decision = "no"
    else:
        answer = f"大约可赔{money(payable)}：{formula}。"
        decision = "yes"
    if service is None and care == "outpatient" and NOT_ADMITTED.search(situation.text):
        # "急诊留观两天，没办住院，这算住院吗": the answer to that first
        answer = f"不算住院，按一次门急诊算。{answer}"
    exempt = next((i for i in items if i.exempt_sentence), None)
    if exempt is not None and re.search(
        r"封顶|限额|是不是|按.{0,8}(一天|每天|每日)", situation.text
    ):
        answer = f"不是：{exempt.name}不受那项限额约束（条款：“{clip(exempt.exempt_sentence or '', 40)}”）。{answer}"
    if offset_note is not None:
        conditions.append(offset_note)
    if denied_social and deductible is not None and re.search(r"抵", situation.text):
        answer = f"不是：医保（社保）报销的部分不能用于抵扣免赔额。{answer}"
    elif denied_social and deductible is not None and deduct:
        conditions.append("医保（社保）报销的部分不能用于抵扣免赔额。")
    return Verdict(
        "medical",
        decision,
        answer,
        tuple(reasons),
        tuple(conditions),
        sum=formula,
        paid=max(payable, 0.0),
    )


SOCIAL_PAYER = re.compile(r"社保|社会医疗保险|社会基本医疗|基本医疗保险|公费医疗|医保|统筹")
OTHER_PAYER = re.compile(r"其他途径|其他商业保险|商业保险|工作单位|第三方|侵权|团体|其他保险")
OFFSET_NAMED = re.compile(r"(抵扣|冲抵|抵减|抵消|抵免|计入)[^。；，]{0,6}免赔额")


def _year_limit(
    product: ProductKnowledge,
    terms: list[MedicalTerm],
    situation: Situation,
    applied: MedicalTerm | None,
    named: str | None = None,
) -> MedicalTerm | None:
    """The smallest limit for the period that bounds this payout: the benefit's own, or one for
    every benefit together (the plan's, when the wording states one per plan)."""
    limits = [t for t in terms if t.kind == "annual_limit" and t.amount]
    owner = named or (applied.benefit if applied is not None else None)
    own = [t for t in limits if owner is not None and t.benefit == owner][:1]
    together = _for_plan(
        [
            t
            for t in product.facts.medical
            if t.kind == "annual_limit" and t.benefit is None and t.amount
        ],
        situation.plan,
    )
    if (
        len({t.amount for t in together}) > 1
        and situation.plan is None
        and PLAN.search(" ".join(t.sentence for t in together))
    ):
        together = []  # one per plan, and the plan is not known
    candidates = own + together[:1] if own or together else limits[:1]
    return min(candidates, key=lambda t: t.amount or 0.0) if candidates else None


# the customer's words for what a non-medical benefit pays for
PAYOUT_WORDS = {"身故": "身故|去世|过世|死亡|走了", "伤残": "伤残|残疾", "津贴": "津贴"}


def _paid_for_medical(product: ProductKnowledge, text: str) -> bool:
    """Whether what the story says was paid before is a medical payout, not one of the product's
    other benefits (a death or disability benefit no medical limit counts)."""
    for benefit in product.facts.benefits:
        if "医疗" in benefit.name:
            continue
        for key, words in PAYOUT_WORDS.items():
            if key in benefit.name and re.search(words, text):
                return False
        if (
            benefit.category
            and benefit.category in CATEGORY_NAMES
            and re.search(CATEGORY_NAMES[benefit.category], text)
        ):
            return False
    return True


CATEGORY_NAMES = {"severe": "重疾|重大疾病", "mild": "轻症|轻度", "moderate": "中症|中度"}


LIMIT_END = re.compile(r"(达到|用完|用尽|满)[^。]{0,20}(限额|为限)[^。]{0,12}(终止|不再)")


def _limit_end(product: ProductKnowledge, limit: MedicalTerm) -> tuple[str, str] | None:
    """What the wording says happens once ``limit`` is used up: the contract or the benefit ends.

    Read in the limit's own article, or where a sentence names the same amount; another
    benefit's end ("本项保险利益终止" of the outpatient cover) is not this limit's.
    """
    amount = limit.amount or 0.0
    figures = {f"{amount:.0f}元", f"{amount / 10_000:g}万"} if amount else set()
    for article in product.document.articles:
        body = plain_sentences(arabic_numerals(article.body))
        own = article.number == limit.article
        lead = next((s for s in body if re.search(r"下列.{0,8}本合同终止", s)), None)
        for sentence in body:
            if not own and not any(f in sentence for f in figures):
                continue
            if LIMIT_END.search(sentence):
                return article.number, sentence
            if lead and re.search(r"(达到|用完).{0,20}(累计给付限额|限额)", sentence):
                return article.number, f"{sentence.rstrip('；;。')}的，本合同终止"
    return None


def _one_visit(product: ProductKnowledge, text: str) -> tuple[str, str] | None:
    """The wording's rule that several consultations count as one visit ("同一日…视为一次"),
    when the customer tells of several on one day."""
    if not re.search(r"同一天|同一日|同一家|当天|一天之内", text):
        return None
    for article in product.document.articles:
        for sentence in plain_sentences(article.body):
            if re.search(r"(视为|算作|按)(1|一)次", sentence) and re.search(r"同一|同日", sentence):
                return article.number, sentence
    return None


def _offsets(product: ProductKnowledge) -> dict[str, bool]:
    """Whose payments the wording lets count toward the deductible: ``social``, ``other``.

    A sentence naming no payer ("已获得的补偿可以抵扣免赔额") speaks for both; a denial
    ("社保支付的部分不能用于抵扣") is ``False``; a payer not spoken of is absent.
    """
    found: dict[str, bool] = {}
    for article in product.document.articles:
        if "免赔" not in article.body:
            continue
        for sentence in plain_sentences(article.body):
            if not OFFSET_NAMED.search(sentence) or re.search(
                r"尚未抵扣|未抵扣完|下列|如下|以下|：$", sentence
            ):
                continue
            allowed = not NO_OFFSET.search(sentence)
            payers = [
                name
                for name, pattern in (("social", SOCIAL_PAYER), ("other", OTHER_PAYER))
                if pattern.search(sentence)
            ]
            if not payers and re.search(r"补偿|已获|报销|已支付", sentence):
                payers = ["social", "other"]  # what anyone paid
            for payer in payers:
                found.setdefault(payer, allowed)
    return found


PLAN = re.compile(r"(计划|方案|档次?)([一二三四五六七八九十ABCDEF1-9])")


def _for_plan(terms: list[MedicalTerm], plan: str | None) -> list[MedicalTerm]:
    """The terms of the customer's plan (计划二) where the wording states them per plan."""
    if plan is None:
        return terms
    return [t for t in terms if plan in t.sentence or not PLAN.search(t.sentence)] or terms


LABELLED = re.compile(r"^[^：:（(]{2,20}[（(]([^）)]{2,20})[）)][：:]")
EXCEPTION = re.compile(r"^(非|未|无|不)")


def _setting(product: ProductKnowledge, term: MedicalTerm) -> str | None:
    """Where a term applies, as its table row label or its article title says (网络医院,
    非网络医院急诊入院), or ``None`` when it says nothing of the kind."""
    label = LABELLED.search(term.sentence)
    if label:
        return label.group(1)
    article = product.document.article(term.article)
    return article.title if article is not None else None


def _told(setting: str, text: str) -> bool:
    """Whether the customer's words name the setting: "在非网络的医院" names 非网络医院急诊入院."""
    head = setting[:3] if EXCEPTION.search(setting) else setting
    return head in text or (head.replace("医院", "") in text and len(head) > 3)


def _for_setting(
    product: ProductKnowledge, terms: list[MedicalTerm], text: str
) -> list[MedicalTerm]:
    """The terms for where the customer was treated: a setting the question names wins over
    the others; a setting that is an exception (非网络医院) applies only when named."""
    settings = {id(t): _setting(product, t) for t in terms}
    named = {s for s in settings.values() if s and EXCEPTION.search(s) and _told(s, text)}
    if named:
        return [
            t
            for t in terms
            if settings[id(t)] in named
            or (
                not (settings[id(t)] and LABELLED.search(t.sentence))
                and t.kind not in ("reimbursement", "annual_limit")
            )
        ] or terms
    return [t for t in terms if not (settings[id(t)] and EXCEPTION.search(settings[id(t)] or ""))]


def _for_service(product: ProductKnowledge, service: str | None) -> list[MedicalTerm]:
    """The medical terms of the benefit that pays for ``service``, if it has one."""
    terms = [t for t in product.facts.medical if t.kind in SUM_KINDS]
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


# what a benefit's name shares with others, or names a service or category rather than it
SHARED_PARTS = re.compile(
    r"恶性肿瘤|医疗|费用|保险金|住院|门诊|急诊|手术|药品|特定|一般|疾病|重大|津贴"
)


def named_benefit(product: ProductKnowledge, text: str) -> str | None:
    """The one medical benefit the story names by what is its own (质子治疗 → 质子重离子医疗保险金,
    原位癌 → 原位癌医疗保险金, 门诊手术 → 恶性肿瘤门诊手术医疗保险金)."""
    names = sorted({t.benefit for t in product.facts.medical if t.benefit})
    found: list[tuple[int, str]] = []
    for name in names:
        core = re.sub(r"^恶性肿瘤|(医疗)?(费用)?保险金$", "", name)
        keys = {core} if len(core) >= 3 and not SHARED_PARTS.fullmatch(core) else set()
        for run in SHARED_PARTS.split(name):
            keys |= {run[i:j] for i in range(len(run)) for j in range(i + 2, len(run) + 1)}
        keys = {k for k in keys if not any(k in other for other in names if other != name)}
        told = [len(k) for k in keys if k in text]
        if told:
            found.append((max(told), name))
    found.sort(reverse=True)
    if not found or (len(found) > 1 and found[0][0] == found[1][0]):
        return None
    return found[0][1]


def named_article(product: ProductKnowledge, name: str) -> str:
    """The article of the benefit ``name`` (its terms' article when no benefit carries it)."""
    own = next((b.article for b in product.facts.benefits if b.name == name), None)
    return own or next(t.article for t in product.facts.medical if t.benefit == name)


def _for_benefit(product: ProductKnowledge, name: str, plan: str | None) -> list[MedicalTerm]:
    """The terms of benefit ``name``: its own of each kind, else those stated for every benefit."""
    terms = _for_plan([t for t in product.facts.medical if t.kind in SUM_KINDS], plan)
    own = [t for t in terms if t.benefit == name]
    kinds = {t.kind for t in own}
    shared = [
        t for t in terms if t.benefit is None and (t.kind not in kinds or t.kind == "annual_limit")
    ]
    return own + shared


NO_DEDUCTIBLE = re.compile(r"(不适用|不扣除?|无需扣除|不计)[^。；，]{0,4}免赔额|无免赔额")


def _without_deductible(product: ProductKnowledge, name: str) -> bool:
    """Whether the wording exempts benefit ``name`` from the deductible, in its own article or
    where the deductible names it (by name or article number)."""
    article = named_article(product, name)
    mark = re.compile(re.escape(name) + "|" + re.escape(article) + r"(?![\d.])")
    for found in product.document.articles:
        for sentence in plain_sentences(found.body):
            if NO_DEDUCTIBLE.search(sentence) and (
                found.number == article or mark.search(sentence)
            ):
                return True
    return False


FIRST_YEAR_TERM = re.compile(r"首次|首个|第一个|第一年|首年|非连续")
RENEWED_TERM = re.compile(r"连续投保的?第|续保|第[二三四五六七八九十2-9]个?|以后|起")


def _deductible(terms: list[MedicalTerm], situation: Situation) -> MedicalTerm | None:
    """The deductible for the customer's year of cover, where the first year and the renewed
    years differ ("首次投保10000元；自连续投保的第二个保险期间起5000元")."""
    found = [
        t
        for t in terms
        if t.kind == "deductible"
        and t.amount is not None
        and not EXAMPLE.match(t.sentence)
        and not CHANGED.search(t.sentence)
        and not CONDITIONAL_DEDUCTIBLE.search(t.sentence)
    ]
    if len({t.amount for t in found}) > 1 and situation.policy_year is not None:
        marked = FIRST_YEAR_TERM if situation.policy_year == 1 else RENEWED_TERM
        fitting = [t for t in found if marked.search(t.sentence)]
        if situation.policy_year > 1:
            fitting = [t for t in fitting if not FIRST_YEAR_TERM.search(t.sentence)] or fitting
        if fitting:
            return fitting[0]
    return found[0] if found else None


CLAIM_FREE_STEP = re.compile(
    r"未(发生|申请|获得|有)[^。]{0,40}免赔额(每年)?(减少|降低|递减|下调)(\d+)元[^。]{0,12}最低(减至|降至|为)(\d+)元"
)


def _claim_free_step(product: ProductKnowledge) -> tuple[float, float, str, str] | None:
    """``(step, floor, sentence, article)``: the deductible a claim-free year takes off, as far
    down as the wording lets it go ("上一保险期间未发生给付的，免赔额减少1000元，最低减至5000元")."""
    for article in product.document.articles:
        for sentence in plain_sentences(arabic_numerals(article.body)):
            found = CLAIM_FREE_STEP.search(sentence.replace(",", ""))
            if found:
                return float(found.group(4)), float(found.group(6)), sentence, article.number
    return None


def _other_deductibles(
    terms: list[MedicalTerm], chosen: MedicalTerm, situation: Situation
) -> list[float]:
    """The other yearly deductibles the wording sets (first vs renewed years), when the story
    does not say which year of cover it is."""
    if situation.policy_year is not None:
        return []
    return sorted(
        {
            t.amount
            for t in terms
            if t.kind == "deductible"
            and t.amount
            and t.amount != chosen.amount
            and t.benefit == chosen.benefit
            and not EXAMPLE.match(t.sentence)
            and not CHANGED.search(t.sentence)
            and not CONDITIONAL_DEDUCTIBLE.search(t.sentence)
            and not (
                situation.plan and PLAN.search(t.sentence) and situation.plan not in t.sentence
            )
        },
        reverse=True,
    )


EXAMPLE = re.compile(r"(举例|例如|示例|比如)")
CHANGED = re.compile(r"(减少|降低|恢复为)\d+元")  # how a deductible changes, not what it is
SHARE_OF_RATIO = re.compile(r"(按|为)(上表|上述|前述|原|对应)?的?赔付比例的(\d+(?:\.\d+)?)%")
SHARE_SETTING = re.compile(r"在([^，。；]{2,12}?)(就诊|就医|住院|治疗)的")


def _ratio_share(
    product: ProductKnowledge, terms: list[MedicalTerm], text: str, named: str | None
) -> tuple[float, MedicalTerm] | None:
    """A share of the ratio for a setting the customer names ("在扩展医院就诊的…按上表赔付比例的
    70%计算"), unless the wording spares the benefit named."""
    for term in terms:
        share = SHARE_OF_RATIO.search(term.sentence)
        setting = SHARE_SETTING.search(term.sentence)
        if term.kind != "reimbursement" or share is None or setting is None:
            continue
        if setting.group(1) not in text:
            continue
        article = product.document.article(term.article)
        body = article.body if article is not None else ""
        if named is not None and re.search(r"不适用于[^。]{0,20}" + re.escape(named), body):
            return None
        return float(share.group(3)), term
    return None


def _first(terms: list[MedicalTerm], kind: str) -> MedicalTerm | None:
    found = [t for t in terms if t.kind == kind and t.amount is not None]
    return found[0] if found else None


def _ratios(terms: list[MedicalTerm]) -> list[MedicalTerm]:
    return [
        t
        for t in terms
        if t.kind == "reimbursement"
        and t.amount is not None
        and not SHARE_OF_RATIO.search(t.sentence)
    ]


def _ratio(terms: list[MedicalTerm], situation: Situation) -> MedicalTerm | None:
    ratios = _ratios(terms)
    if not ratios:
        return None
    want = situation.social_insurance or "used"
    if not any(SOCIAL_PAYER.search(t.sentence) for t in ratios):
        want = "used"  # the wording does not tell ratios apart by social insurance

    def fits(term: MedicalTerm) -> bool:
        s = term.sentence
        if want == "none":
            return bool(re.search(r"(无|未参加|没有|不具有)(社会|社保|基本医疗)", s))
        if want == "unsupported":
            return bool(re.search(r"不支持|无法结算|不能结算|非[^，。；]{0,12}定点", s))
        if want == "not_used":
            # "未使用社保结算", "未经社保结算", "未以参保人身份结算"; not "不支持社保结算"
            return bool(
                re.search(r"(未|没有|不|没)(使用|经|以|通过|走)|而未|未.{0,4}(结算|报销)", s)
            ) and not re.search(r"无社会|未参加", s)
        return not re.search(r"未|没有|无社会|无社保|无医保|不具有|未参加", s)

    fitting = [t for t in ratios if fits(t)]
    if fitting:
        return fitting[0]
    # One ratio for everyone needs no fitting; several that do not name this case decide nothing.
    return ratios[0] if len({t.amount for t in ratios}) == 1 else None
