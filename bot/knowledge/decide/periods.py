"""Periods in the customer's story: waiting period, cooling-off, grace period, reinstatement."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from bot.knowledge.decide.diseases import is_severe
from bot.knowledge.decide.listed_waiting import unlisted_reason
from bot.knowledge.decide.surrender import (
    PAST_COOLING_OFF,
    claim_told,
    cooling_off_refund,
    formulas_to_cite,
    refund_days,
    zero_after_claim,
    zero_note,
)
from bot.knowledge.decide.timing import day_text, waiting_name
from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import article_titled, plain_sentences
from bot.knowledge.explain import clip, money, rule_on_disease
from bot.knowledge.facts import MedicalTerm, Period, ProductKnowledge
from bot.knowledge.situation import DaySpan, Situation
from bot.knowledge.vocabulary import TOPIC_WORDS
from bot.knowledge.waiting_lists import matching_item

EVENT_NAMES = {
    "told": "发生",
    "treatment": "就医",
    "diagnosis": "确诊",
    "symptom": "出现症状",
    "hospital": "住院",
    "death": "身故",
    "accident": "出险",
}
CONSEQUENCE = re.compile(
    r"(确诊|发生|出现|出险|患|症状|就诊|住院|身故).{0,60}(不承担|退还|终止|不予|无息|不给付|不再承担)"
)
ACCIDENT_EXEMPT = re.compile(
    r"意外.{0,30}(无等待期|没有等待期|不受.{0,10}限制|不适用|不设|无观察期|不计|除外)"
    r"|(无等待期|不设等待期|不受等待期).{0,20}意外"
)


def period_name(period: Period, kind: str, default: str) -> str:
    """The wording's own name for a period (冷静期 or 犹豫期, 观察期 or 等待期)."""
    text = "".join([period.sentence, *period.details])
    named = [(text.find(w), w) for w in TOPIC_WORDS[kind] if w in text]
    return min(named)[1] if named else default  # the name the wording uses first


NOT_APPLYING_LEAD = re.compile(r"(下列|以下)[^。：:]{0,12}(不适用|不设|不受)[^。：:]{0,10}[：:]$")


def _period_text(period: Period) -> list[str]:
    """The period's sentences, an item under "下列情形不适用观察期：" carrying its lead."""
    lines = []
    lead = None
    for line in (period.sentence, *period.details):
        if NOT_APPLYING_LEAD.search(line):
            lead = line.rstrip("：:")
        elif lead is not None and ITEM_START.match(line):
            line = f"{line.rstrip('；;。')}，{lead}"
        else:
            lead = None
        lines.append(line)
    return lines


def _waiting_since(situation: Situation) -> tuple[str, str, DaySpan] | None:
    """From the last start of cover to the FIRST symptom, visit or diagnosis the story tells."""
    for since in ("reinstated", "effective"):
        found = [
            (span, until)
            for until in ("symptom", "diagnosis", "hospital", "treatment", "death", "accident")
            if (span := situation.days_between(since, until)) is not None
        ]
        if not found and (span := situation.days_between(since, "told")) is not None:
            found = [(span, "told")]  # a day told with no event word: the event asked about
        if found:
            span, until = min(found, key=lambda pair: (pair[0].low, pair[0].high))
            return since, until, span
    return None


BY_DEATH_DAY = re.compile(r"以[^。；]{0,8}身故之日[^。；]{0,16}为准")


def _judged_by_death(period: Period, situation: Situation) -> tuple[str, str, DaySpan] | None:
    """A wording that judges the waiting period by the day of death, not of diagnosis ("以被保险人
    身故之日为准，而不以首次确诊之日为准"): from the start of cover to the death told."""
    if not any(BY_DEATH_DAY.search(s) for s in _period_text(period)):
        return None
    for since in ("reinstated", "effective"):
        span = situation.days_between(since, "death")
        if span is not None:
            return since, "death", span
    return None


WAITING_ASKED = re.compile(r"等待|观察期|免责期")
# "等待期内查出癌症怎么办", "还在观察期里确诊的": the story puts the illness inside the period
# without dates.
TOLD_INSIDE = re.compile(
    r"(等待期|观察期|免责期)(内|里|之内|期间|中|的时候)|(还|仍)在(等待期|观察期|免责期)"
)
ILLNESS_EVENT = re.compile(r"查出|确诊|诊断|得了|患了?|生病|发现|住院|手术")


def _no_waiting(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """A wording without a waiting period, or an accident it does not hold back."""
    period = product.facts.periods.get("waiting")
    if period is None or not WAITING_ASKED.search(situation.text):
        return None
    name = waiting_name(period)
    if period.amount == 0:
        return Verdict(
            "waiting",
            "yes",
            f"没有{name}：本产品不设{name}，合同生效后发生的保险事故即按保险责任承担。",
            (Reason(f"条款约定：“{clip(period.sentence)}”", period.article),),
        )
    exempt = next((s for s in _period_text(period) if ACCIDENT_EXEMPT.search(s)), None)
    if situation.cause == "accident" and exempt is not None:
        if "amount" in situation.asks and product.facts.medical:
            return (
                None  # the medical sum says how much; timing_notes says the period does not apply
            )
        return Verdict(
            "waiting",
            "yes",
            f"意外伤害导致的不受{name}限制：即使在{period.label}{name}内，也按保险责任处理，"
            "是否赔付看是否属于保险责任。",
            (Reason(f"条款约定：“{clip(exempt)}”", period.article),),
        )
    return None


def _listed_waiting(product: ProductKnowledge, situation: Situation) -> tuple[Period, str] | None:
    """The longer waiting period of a listed disease the question names, with the list article."""
    period = product.facts.periods.get("waiting_listed")
    if period is None:
        return None
    item, _ = matching_item(product.document, period, situation.text, situation.cause == "accident")
    return (period, item.article) if item is not None else None


def applicable_waiting(
    product: ProductKnowledge, situation: Situation
) -> tuple[Period | None, str | None]:
    """The waiting period for the story (a listed disease's own, when it names one) and the
    article listing that disease."""
    period = product.facts.periods.get("waiting")
    listed = _listed_waiting(product, situation)
    if listed is None or period is None or situation.cause == "accident":
        return period, None
    own = dataclasses.replace(listed[0], kind="waiting", details=(period.sentence, *period.details))
    return own, listed[1]


CATEGORY_WORDS = {
    "severe": r"重大疾病|重度疾病|重疾",
    "moderate": r"中度疾病|中症",
    "mild": r"轻度疾病|轻症|轻度",
    "specific": r"特定疾病|特种疾病",
    "rare": r"罕见病|罕见疾病",
}


def told_category(
    product: ProductKnowledge, situation: Situation, disease: str | None
) -> str | None:
    """The category the diagnosis told falls in (重疾, 中症, 轻症), when the wording shows one;
    without a disease, the one category the customer names ("等待期里查出轻症")."""
    if not product.facts.diseases:
        return None
    if disease is None:
        named = situation.categories
        return named[0] if len(named) == 1 else None
    if is_severe(product, situation, disease):
        return "severe"
    ruling = rule_on_disease(product, disease)
    found = {d.category for d in ruling.covered_as} | {d.category for d, _ in ruling.defined_in}
    found.discard("severe")
    found.discard(None)
    return next(iter(found)) if len(found) == 1 else None


def _consequence(lines: list[str], category: str | None) -> str | None:
    """What the wording does with a diagnosis inside the waiting period, for its category."""
    said = [s for s in lines if CONSEQUENCE.search(s)]
    if category in CATEGORY_WORDS:
        own = [s for s in said if re.search(CATEGORY_WORDS[category], s)]
        if own:
            return _with_rest_of_item(lines, own[0])
    return _with_rest_of_item(lines, said[0]) if said else None


ITEM_START = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|[一二三四五六七八九十]+、)"
)
ITEM_GOES_ON = re.compile(r"继续有效|退还|终止|现金价值")


def _with_rest_of_item(lines: list[str], said: str) -> str:
    """``said`` and the sentences of its item that tell what happens next: "…不给付保险金。" then
    "我们无息退还您已交纳的保险费。本合同随即终止。" (up to the next item)."""
    at = lines.index(said)
    text = said
    for after in lines[at + 1 : at + 4]:
        if ITEM_START.match(after) or not ITEM_GOES_ON.search(after):
            break
        text = text.rstrip("；;。") + "；" + after
    return text


def what_follows(consequence: str) -> str | None:
    """What the wording does after a diagnosis inside the waiting period, when it refunds
    premiums: ends the contract, or keeps it with the holder free to cancel for a refund."""
    if not re.search(r"退还[^。；]{0,12}保险费", consequence):
        return None
    if re.search(r"(可以|可)(申请|选择)?解除[^。；]{0,24}退还", consequence):
        return "合同继续有效，您也可以申请解除合同，退还已交保险费"
    ends = "，本合同终止" if re.search(r"(?<!不)终止", consequence) else ""
    return f"退还已交保险费{ends}"


def told_inside(situation: Situation, disease: str | None) -> bool:
    """Whether the story says an illness came inside the waiting period, without dates."""
    return (
        situation.cause != "accident"
        and TOLD_INSIDE.search(situation.text) is not None
        and (
            disease is not None
            or bool(situation.categories)
            or bool(ILLNESS_EVENT.search(situation.text))
        )
    )


def _told_inside(
    product: ProductKnowledge, situation: Situation, period: Period, disease: str | None
) -> Verdict:
    """What the wording does to an illness diagnosed inside its waiting period."""
    name = waiting_name(period)
    lines = _period_text(period)
    consequence = _consequence(lines, told_category(product, situation, disease))
    reasons = [
        Reason(f"{name}为{period.label}，从合同生效（或最后一次复效）之日起算", period.article)
    ]
    text = f"{name}内因疾病确诊的，按条款不能赔。"
    if consequence:
        reasons.append(Reason(f"条款约定：“{clip(consequence)}”", period.article))
        handled = what_follows(consequence)
        if handled:
            text = f"{name}内因疾病确诊的，按条款不能赔，条款约定的处理是{handled}。"
    conditions = [f"{name}为{period.label}，过了{name}才确诊的按保险责任处理。"]
    if any(ACCIDENT_EXEMPT.search(line) for line in lines):
        conditions.append(f"如果是意外导致的，不受{name}限制。")
    return Verdict("waiting", "no", text, tuple(reasons), tuple(conditions))


NO_WAITING_SAID = re.compile(r"不设(置)?(等待期|观察期)|无(等待期|观察期)")


def _waiting_not_set(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "本项责任不设等待期" said inside a benefit, with no waiting period article: none, and what
    the benefit pays."""
    if product.facts.periods.get("waiting") is not None or not WAITING_ASKED.search(situation.text):
        return None
    for article in product.document.articles:
        lines = plain_sentences(article.body)
        said = next((s for s in lines if NO_WAITING_SAID.search(s)), None)
        if said is None:
            continue
        benefit = "".join(lines[:3]) if said not in lines[:3] else lines[0]
        return Verdict(
            "waiting",
            "yes",
            f"没有等待期：条款写明“{clip(said, 70)}”。",
            (Reason(f"条款约定：“{clip(benefit, 110)}”", article.number),),
        )
    return None


def decide_waiting(
    product: ProductKnowledge, situation: Situation, disease: str | None = None
) -> Verdict | None:
    unset = _waiting_not_set(product, situation)
    if unset is not None:
        return unset
    period, listed = applicable_waiting(product, situation)
    timing = _waiting_since(situation)
    judged = _judged_by_death(period, situation) if period is not None else None
    timing = judged or timing
    if period is not None and (
        period.amount == 0
        or (
            situation.cause == "accident"
            and any(ACCIDENT_EXEMPT.search(s) for s in _period_text(period))
        )
    ):
        return _no_waiting(product, situation)
    if period is not None and timing is None and told_inside(situation, disease):
        return _told_inside(product, situation, period, disease)
    if period is None or timing is None or period.unit != "日":
        return None
    since, until, span = timing
    name = waiting_name(period)
    lines = _period_text(period)
    exempt = next((s for s in lines if ACCIDENT_EXEMPT.search(s)), None)
    start = "最后一次复效" if since == "reinstated" else "合同生效"
    event = EVENT_NAMES[until]
    if situation.cause == "accident" and exempt is not None:
        return None  # the benefit decides; timing_notes says the waiting period does not apply
    inside = span.before(period.amount)
    reason = Reason(f"{name}为{period.label}，从{start}之日起算", period.article)
    reasons = [reason]
    if listed is not None:
        reasons.append(Reason(f"所患疾病属于适用{period.label}{name}的特定疾病", listed))
    unlisted = unlisted_reason(product, situation) if listed is None else None
    if unlisted is not None:
        reasons.append(unlisted)
    if inside is None and span.high - span.low > 31:
        return None
    if inside is None:
        return Verdict(
            "waiting",
            "depends",
            f"要看具体日期：您说的{event}时间距{start}约{span}，正落在{period.label}{name}的边界上，"
            f"在第{period.amount:g}日之后{event}的才按保险责任处理。",
            (reason,),
            ("请提供准确的生效日期和确诊（就诊）日期，我可以帮您再算一遍。",),
        )
    if inside:
        consequence = _consequence(lines, told_category(product, situation, disease))
        text = (
            f"按条款不能赔：{event}在{start}后第{span}，还在{period.label}的{name}内。"
            if span.low == span.high
            else f"按条款不能赔：{event}在{start}后约{span}，还在{period.label}的{name}内。"
        )
        handled = what_follows(consequence) if consequence and since != "reinstated" else None
        if handled:
            text = text.rstrip("。") + f"，条款约定的处理是{handled}。"
        if consequence:
            reasons.append(Reason(f"条款约定：“{clip(consequence)}”", period.article))
        if re.search(r"退|解除", situation.text):
            # "那我退了行不行": what the wording lets the holder do about it
            leave = next(
                (s for s in lines if s != consequence and re.search(r"解除", s) and "退还" in s),
                None,
            )
            if leave:
                reasons.append(Reason(f"条款约定：“{clip(leave)}”", period.article))
        if since == "reinstated":
            # "但该观察期是因复效而重新计算的，我们退还本合同的现金价值": what differs after a
            # reinstatement.
            after_reinstatement = next(
                (
                    s
                    for s in lines
                    if s != consequence and "复效" in s and re.search(r"退还|不承担|不给付", s)
                ),
                None,
            )
            if after_reinstatement:
                reasons.append(Reason(f"条款约定：“{clip(after_reinstatement)}”", period.article))
        conditions = []
        if since == "reinstated":
            conditions.append(f"复效后{name}从复效之日起重新计算。")
        if exempt is not None:
            conditions.append(f"如果是意外导致的，不受{name}限制。")
        return Verdict("waiting", "no", text, tuple(reasons), tuple(conditions))
    if (
        re.search(r"等待|观察期|免责期", situation.text)
        or (listed is not None and "amount" not in situation.asks)
        or unlisted is not None
    ):
        ratio = _stay_ratio(product, situation) if listed is not None else None
        if ratio is not None:
            reasons.append(Reason(f"条款约定：“{clip(ratio.sentence, 70)}”", ratio.article))
            return Verdict(
                "waiting",
                "yes",
                f"{name}已经过了，可以按住院医疗保险金报：{event}在{start}后约{span}，"
                f"{period.label}的{name}已满；属于保险责任的住院费用按{ratio.amount:g}%给付。",
                tuple(reasons),
                ("前提是费用合理且必要、不属于既往症和责任免除，以理赔审核为准。",),
            )
        by_death = (
            f"按条款，是否在{name}内以身故之日为准，不以确诊之日为准。"
            if judged is not None
            else ""
        )
        if unlisted is not None or listed is not None:
            kind = "不属于特定疾病，按" if unlisted is not None else "属于特定疾病，按"
            return Verdict(
                "waiting",
                "yes",
                f"{kind}{period.label}的{name}算：{event}在{start}后约{span}，"
                f"{name}已满，可以赔付（仍须符合保险责任的约定）。",
                tuple(reasons),
            )
        return Verdict(
            "waiting",
            "yes",
            f"{name}已经过了：{event}在{start}后约{span}，{period.label}的{name}已满，"
            f"{name}不影响这次理赔；{by_death}是否赔付看病情是否符合保险责任和疾病定义。",
            tuple(reasons),
        )
    return None


def _stay_ratio(product: ProductKnowledge, situation: Situation) -> MedicalTerm | None:
    """The hospital-stay payout ratio for the place the question names ("网络医院住院"): a term
    whose sentence shares four characters with the question, not under a negation (非网络医院)."""
    if "住院" not in situation.text:
        return None
    text = situation.text
    found = []
    for term in product.facts.medical:
        if (
            term.kind != "reimbursement"
            or term.amount is None
            or "住院" not in (term.benefit or "")
        ):
            continue
        shared = [
            i
            for i in range(len(term.sentence) - 3)
            if term.sentence[i : i + 4] in text
            and "住院" not in term.sentence[i : i + 4]
            and term.sentence[i - 1 : i] != "非"
        ]
        if shared:
            found.append(term)
    return min(found, key=lambda t: len(t.sentence)) if found else None


def timing_notes(product: ProductKnowledge, situation: Situation) -> list[Reason]:
    """Facts of the story that bear on any answer: a waiting period already over, for one."""
    period, _ = applicable_waiting(product, situation)
    timing = _waiting_since(situation)
    if period is not None:
        timing = _judged_by_death(period, situation) or timing
    if period is None or timing is None or period.unit != "日" or period.amount == 0:
        return []  # no waiting period: nothing to say about one
    since, until, span = timing
    name = waiting_name(period)
    if situation.cause == "accident" and any(
        ACCIDENT_EXEMPT.search(s) for s in _period_text(period)
    ):
        return [Reason(f"意外导致的不受{period.label}{name}限制", period.article)]
    if span.before(period.amount) is False:
        start = "最后一次复效" if since == "reinstated" else "合同生效"
        return [
            Reason(
                f"{EVENT_NAMES[until]}在{start}后约{span}，{period.label}的{name}已经过了",
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


CLAIM_ENDS_REFUND = re.compile(
    r"(给付|赔付|理赔|报销)[^。；]{0,20}(不能|不再|不适用|不予|不退)|(不能|不再)[^。；]{0,10}全额退还"
)


ASKS_DAY = re.compile(r"哪天|哪一天|几号|几月几|到什么时候|从什么时候|截止")


def decide_cooling_off(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    period = product.facts.periods.get("cooling_off")
    if period is None or not re.search(r"退|犹豫|冷静|解除|不想要|不要了", situation.text):
        return None
    if ASKS_DAY.search(situation.text):
        days = _cooling_off_days(product, situation, period)
        if days is not None:
            return days
    span = (
        situation.days_between("signed", "surrender")
        or situation.days_between("effective", "surrender")
        or _elapsed_now(situation, "signed", "effective")
    )
    if span is None and situation.years_paid:
        span = DaySpan(365 * (situation.years_paid - 1) + 1, 366 * situation.years_paid)
    past = span is None and PAST_COOLING_OFF.search(situation.text) is not None
    if span is None and not past:
        return None
    inside = False if span is None else span.before(period.amount)
    lines = _period_text(period)
    name = period_name(period, "cooling_off", "犹豫期")
    claimed = next((s for s in lines if CLAIM_ENDS_REFUND.search(s)), None)
    if inside and claimed is not None and claim_told(situation.text):
        return _claimed_in_cooling_off(product, situation, period, claimed)
    refund = next((s for s in lines if re.search(r"退还|退回", s)), period.sentence)
    reasons = (
        Reason(f"{name}为签收次日起{period.label}", period.article),
        Reason(f"条款约定：“{clip(refund)}”", period.article),
    )
    if inside is None:
        return Verdict(
            "cooling_off",
            "depends",
            f"正好在{period.label}{name}的边界上，要看签收日期：签收次日起第{period.amount:g}日"
            "内（含当日）申请的，退还全部保险费。",
            reasons,
            coverage=False,
        )
    if inside:
        return Verdict(
            "cooling_off",
            "yes",
            f"{cooling_off_refund(lines, situation)}：您在签收后{span}内申请，"
            f"还在{period.label}{name}内{_last_day(situation, period)}。",
            reasons,
            coverage=False,
        )
    last_day = _last_day(situation, period)
    cash = article_titled(product, ("现金价值",))
    formulas = formulas_to_cite(product, situation.installment)
    extra = [Reason(f"过了{name}退保，退还：{clip(f.sentence, 80)}", f.article) for f in formulas]
    if not extra and cash:
        extra.append(Reason(f"过了{name}退保，退还的是保单的现金价值", cash))
    paid_out = refund_days(product)
    if paid_out is not None:
        extra.append(Reason(f"条款约定：“{clip(paid_out[1], 70)}”", paid_out[0]))
    if span is None:
        since = "您说已经过了犹豫期"
    elif span.low > 365 and situation.years_paid:
        since = f"已经交了{situation.years_paid}年保费"
    else:
        since = f"签收后已过{span}"
    return Verdict(
        "cooling_off",
        "no",
        f"不能全额退了：{since}，超过了{period.label}{name}{last_day}；现在退保只能退保单的现金价值，"
        "通常少于已交保费。",
        (reasons[0], *extra),
        coverage=False,
    )


def _last_day(situation: Situation, period: Period) -> str:
    """ "（签收次日起算，到3月23日止）" when the day signed for is told."""
    signed = [d for d in situation.dated if d.kind == "signed"]
    if not signed or signed[-1].first != signed[-1].last or period.unit != "日":
        return ""
    return f"（签收次日起算，到{day_text(signed[-1].first + dt.timedelta(days=int(period.amount)))}止）"


def _cooling_off_days(
    product: ProductKnowledge, situation: Situation, period: Period
) -> Verdict | None:
    """ "犹豫期到哪天": the period's first and last day from the day signed for, when no day of
    asking or of surrender is told to judge against."""
    signed = [d for d in situation.dated if d.kind == "signed" and d.first == d.last]
    acted = any(d.kind in ("now", "surrender") for d in situation.dated)
    if not signed or acted or period.unit != "日":
        return None
    day = signed[-1].first
    first, last = day + dt.timedelta(days=1), day + dt.timedelta(days=int(period.amount))
    name = period_name(period, "cooling_off", "犹豫期")
    lines = _period_text(period)
    refund = next((s for s in lines if re.search(r"退还|退回", s)), period.sentence)
    return Verdict(
        "cooling_off",
        "info",
        f"您{day_text(day)}签收，{name}从{day_text(first)}起算，到{day_text(last)}止，"
        f"共{period.label}；在这期间申请解除合同，{cooling_off_refund(lines, situation)}。",
        (
            Reason(f"{name}为签收次日起{period.label}", period.article),
            Reason(f"条款约定：“{clip(refund)}”", period.article),
        ),
        coverage=False,
    )


def _claimed_in_cooling_off(
    product: ProductKnowledge, situation: Situation, period: Period, claimed: str
) -> Verdict:
    """A refund asked in the cooling-off period after a payout: the wording's cash value rules."""
    reasons = [Reason(f"条款约定：“{clip(claimed)}”", period.article)]
    answer = "不能全额退：虽然还在犹豫期内，但已经发生过理赔，条款约定这种情况不再全额退还保费"
    zero = zero_after_claim(product, situation)
    cash = article_titled(product, ("现金价值",))
    if zero is not None and zero[1]:
        answer += "；解除合同只退现金价值，而已经给付过保险金的，现金价值为零，实际退不到钱。"
        reasons.append(Reason(zero_note(*zero), zero[0].article))
    elif zero is not None or cash is not None:
        answer += "，解除合同退的是现金价值。"
        if zero is not None:
            reasons.append(Reason(zero_note(*zero), zero[0].article))
    else:
        answer += "。"
    return Verdict("cooling_off", "no", answer, tuple(reasons), coverage=False)


def decide_reinstatement(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    period = product.facts.periods.get("reinstatement")
    if period is None or not re.search(r"复效|恢复|失效|中止", situation.text):
        return None
    lines = _period_text(period)
    barred = next((n for n, s in enumerate(lines) if NO_REINSTATEMENT.search(s)), None)
    if barred is not None:
        anew = next((s for s in lines if "重新投保" in s), None)
        return Verdict(
            "reinstatement",
            "no",
            "不能复效：本合同不设效力中止与复效，宽限期过后仍未交费的，合同终止。",
            (Reason(f"条款约定：“{clip(lines[barred], 110)}”", period.article),),
            (f"条款约定：“{clip(anew, 90)}”。",) if anew else (),
            coverage=False,
        )
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
        conditions = (
            ["复效后等待期可能重新计算，请看等待期条款。"] if _restarts_waiting(product) else []
        )
        return Verdict(
            "reinstatement",
            "yes",
            f"还可以申请复效：效力中止约{span}，仍在{period.label}的复效期限内，"
            "需要补交欠交的保险费及利息，并经我们审核同意。",
            tuple(reasons),
            tuple(conditions),
            coverage=False,
        )
    end, end_article = _lapse_end(product, period)
    return Verdict(
        "reinstatement",
        "no",
        f"不能复效了：效力中止已约{span}，超过了{period.label}的复效期限，{end}",
        tuple(reasons) + ((Reason("超过复效期限后的处理", end_article),) if end_article else ()),
        coverage=False,
    )


NO_REINSTATEMENT = re.compile(r"不设[^。；，]{0,6}复效|不(能|得|可)(申请)?(恢复效力|复效)")
LAPSE_END = re.compile(r"未[^。；，,]{0,8}(恢复|复效|申请|达成)[^。；]{0,30}(终止|解除)")
REFUND = re.compile(r"退还[^。；，,]{0,24}")


def _lapse_end(product: ProductKnowledge, period: Period) -> tuple[str, str | None]:
    """What the wording says happens when the window passes (合同终止, 退还未满期净保费 …), and
    the article saying it when that is not the period's own."""
    said = _lapse_sentences(_period_text(period))
    article = None
    if said is None:
        told = [
            (found.number, text)
            for found in product.document.articles
            if (text := _lapse_sentences(plain_sentences(found.body))) and "效力中止" in text
        ]
        told.sort(key=lambda found: REFUND.search(found[1]) is None)  # the one naming the refund
        if not told:
            return "之后怎么处理以条款约定为准。", None
        article, said = told[0]
    end = LAPSE_END.search(said)
    assert end is not None
    if end.group(2) == "终止":
        outcome = "本合同终止"
    elif "有权解除" in said:
        outcome = "保险公司有权解除本合同"
    else:
        outcome = "本合同解除"
    refund = REFUND.search(said, end.start())
    return outcome + (f"，{refund.group(0)}。" if refund else "。"), article


def _lapse_sentences(lines: list[str]) -> str | None:
    at = next((n for n, s in enumerate(lines) if LAPSE_END.search(s)), None)
    return None if at is None else "；".join(lines[at : at + 2])


def _restarts_waiting(product: ProductKnowledge) -> bool:
    waiting = product.facts.periods.get("waiting")
    return waiting is not None and "复效" in "".join(_period_text(waiting))


def decide_grace(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    period = product.facts.periods.get("grace")
    if period is None:
        return None
    if not re.search(r"宽限|没交|忘|欠|扣款|逾期|断交|停交|交费|保费|过期", situation.text):
        return None
    event = next(
        (
            (kind, span)
            # a day told after the premium fell due, with no event word, is the event's
            for kind in (
                "diagnosis",
                "hospital",
                "accident",
                "death",
                "symptom",
                "treatment",
                "told",
            )
            for since in ("due", "lapsed")
            if (span := situation.days_between(since, kind)) is not None
        ),
        None,
    )
    if event is None and re.search(r"复效|恢复", situation.text):
        return None  # reinstatement decides; an event told with it is judged against the grace
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


PREMIUMS_RETURNED = re.compile(
    r"(退还|按)[^。；]{0,8}(已交|所交|已经交纳|已交纳)[^。；]{0,6}保(险)?费(?![^。；]{0,12}(较大|孰高|与))"
)


def with_premiums_returned(verdict: Verdict, situation: Situation) -> Verdict:
    """A waiting period's refund of the premiums paid, in the customer's figure: the premiums told
    in all, or the one year's premium a first year's event has paid."""
    said = " ".join([verdict.answer, *(r.text for r in verdict.reasons)])
    if verdict.sum is not None or not PREMIUMS_RETURNED.search(said):
        return verdict
    paid = situation.premiums_paid
    if paid is None and situation.installment != "monthly" and not situation.mentions("reinstated"):
        paid = situation.annual_premium
    if not paid:
        return verdict
    return dataclasses.replace(
        verdict,
        answer=f"{verdict.answer.rstrip('。')}。按您说的已交保险费，退还{money(paid)}。",
        sum=f"退还已交保险费{money(paid)}",
    )


def less_premium_owed(grace: Verdict, payout: Verdict | None, situation: Situation) -> Verdict:
    """An event inside the grace period: the payout the benefit decides, less the premium owed."""
    owed = situation.premium if situation.installment == "monthly" else situation.annual_premium
    owed = owed or situation.premium or situation.annual_premium
    paid = payout.paid if payout is not None and payout.decision == "yes" else None
    paid = paid or situation.told_payout  # "理赔算下来应赔2万"
    if paid is None or not owed:
        return grace
    left = paid - owed
    figures = f"{money(paid)} − {money(owed)} = {money(left)}"
    return dataclasses.replace(
        grace,
        answer=f"{grace.answer}可赔{money(paid)}，扣除欠交的保险费{money(owed)}后约为{figures}。",
        reasons=grace.reasons + (payout.reasons if payout is not None and payout.paid else ()),
        conditions=payout.conditions if payout is not None and payout.paid else grace.conditions,
        sum=figures,
    )
