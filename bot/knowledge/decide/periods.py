"""Periods in the customer's story: waiting period, cooling-off, grace period, reinstatement."""

from __future__ import annotations

import re

from bot.knowledge.decide.surrender import (
    PAST_COOLING_OFF,
    claim_told,
    cooling_off_refund,
    formulas_to_cite,
    refund_days,
    zero_after_claim,
    zero_note,
)
from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import article_titled
from bot.knowledge.explain import clip
from bot.knowledge.facts import Period, ProductKnowledge
from bot.knowledge.situation import DaySpan, Situation

EVENT_NAMES = {
    "diagnosis": "确诊",
    "symptom": "出现症状",
    "hospital": "住院",
    "death": "身故",
    "accident": "出险",
}
CONSEQUENCE = re.compile(
    r"(确诊|发生|出险|患|症状|就诊|住院|身故).{0,60}(不承担|退还|终止|不予|无息)"
)
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


def decide_waiting(product: ProductKnowledge, situation: Situation) -> Verdict | None:
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
    if situation.cause == "accident" and any(
        ACCIDENT_EXEMPT.search(s) for s in _period_text(period)
    ):
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


CLAIM_ENDS_REFUND = re.compile(
    r"(给付|赔付|理赔|报销)[^。；]{0,20}(不能|不再|不适用|不予|不退)|(不能|不再)[^。；]{0,10}全额退还"
)


def decide_cooling_off(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    period = product.facts.periods.get("cooling_off")
    if period is None or not re.search(r"退|犹豫|冷静|解除|不想要|不要了", situation.text):
        return None
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
    claimed = next((s for s in lines if CLAIM_ENDS_REFUND.search(s)), None)
    if inside and claimed is not None and claim_told(situation.text):
        return _claimed_in_cooling_off(product, situation, period, claimed)
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
            f"{cooling_off_refund(lines, situation)}：您在签收后{span}内申请，"
            f"还在{period.label}犹豫期内。",
            reasons,
            coverage=False,
        )
    cash = article_titled(product, ("现金价值",))
    formulas = formulas_to_cite(product, situation.installment)
    extra = [Reason(f"过了犹豫期退保，退还：{clip(f.sentence, 80)}", f.article) for f in formulas]
    if not extra and cash:
        extra.append(Reason("过了犹豫期退保，退还的是保单的现金价值", cash))
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
        f"不能全额退了：{since}，超过了{period.label}犹豫期；现在退保只能退保单的现金价值，"
        "通常少于已交保费。",
        (reasons[0], *extra),
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


def decide_grace(product: ProductKnowledge, situation: Situation) -> Verdict | None:
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
