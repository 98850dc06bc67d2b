"""A hospital daily allowance: days × the day's amount, less the deductible days, within the caps.

The rules are the wording's (:mod:`bot.knowledge.allowance_terms`): the amount a day per ward (and
per plan), the days deducted per stay (and whether days in intensive care are), the days paid per
stay and in the period. The customer tells the days by ward and what was paid before.
"""

from __future__ import annotations

import dataclasses
import re

from bot.knowledge.decide.medical import PLAN, _for_plan
from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.explain import clip
from bot.knowledge.facts import MedicalTerm, ProductKnowledge
from bot.knowledge.situation import Situation

ALLOWANCE_KINDS = (
    "daily_allowance",
    "deductible_days",
    "icu_no_deductible",
    "stay_days_cap",
    "period_days_cap",
    "deductible_waived_from",
    "merge_gap_days",
)
ASKED = re.compile(r"津贴|补贴|日额|按.{0,4}天算|领多少|给多少")


def _one(terms: list[MedicalTerm], kind: str, ward: str | None = None) -> MedicalTerm | None:
    found = [t for t in terms if t.kind == kind and (ward is None or t.item in (ward, None))]
    if kind == "daily_allowance" and ward is not None:
        # a ward's own amount before one for any ward
        found.sort(key=lambda t: t.item is None)
    if len({t.amount for t in found}) > 1 and kind == "daily_allowance" and not found[0].item:
        return None
    return found[0] if found else None


def decide_allowance(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """What the allowance pays for the days the customer tells."""
    if not ASKED.search(situation.text):
        return None
    every = [t for t in product.facts.medical if t.kind in ALLOWANCE_KINDS]
    if not any(t.kind == "daily_allowance" for t in every):
        return None
    order = "一二三四五六七八九十ABCDEF123456789"
    plans = sorted(
        {
            m.group(0)
            for t in every
            if t.kind == "daily_allowance" and (m := PLAN.search(t.sentence)) is not None
        },
        key=lambda plan: order.find(plan[-1]),
    )
    if situation.plan is None and len(plans) > 1:
        # "能按ICU的日额赔吗" asks about a rule, not a sum: only "多少" gets each plan's sum
        return _per_plan(every, situation, plans) if "amount" in situation.asks else None
    counted = counted_stay(product, situation) if situation.hospital_days is None else None
    if counted is not None:
        situation = dataclasses.replace(situation, hospital_days=counted[0])
    return _allowance(_for_plan(every, situation.plan), situation)


def _per_plan(every: list[MedicalTerm], situation: Situation, plans: list[str]) -> Verdict | None:
    """The plan is not told and the day's amount depends on it: the sum for each plan."""
    found = [(plan, _allowance(_for_plan(every, plan), situation)) for plan in plans[:4]]
    if any(v is None or v.sum is None for _, v in found):
        return None
    lines = "；".join(f"{plan}约{_total(v)}（{v.sum}）" for plan, v in found if v is not None)
    first = next(v for _, v in found if v is not None)
    table = next(t for t in every if t.kind == "daily_allowance")
    reasons = (
        Reason("津贴日额按保障计划不同", table.article),
        *(r for r in first.reasons if not PLAN.search(r.text)),
    )
    return Verdict(
        "allowance",
        "depends",
        f"要看您选的保障计划：{lines}。请告诉我保单上载明的计划，我按它给您确认。",
        reasons,
        first.conditions,
    )


STAY_DAYS = re.compile(r"住(?:了)?(?:院)?\s*(\d+)\s*[天日]")
GAP = re.compile(r"出院(?:后)?\s*(\d+)\s*[天日](?:后|以后|之后)?|间隔\s*(\d+)\s*[天日]")


def _merged_stays(terms: list[MedicalTerm], text: str) -> tuple[int, str, MedicalTerm] | None:
    """Two stays told ("住院8天，出院20天后又住院9天") that the wording counts as one because
    they are close enough: their days together, the note, and the rule."""
    rule = _one(terms, "merge_gap_days")
    stays = [int(m.group(1)) for m in STAY_DAYS.finditer(text)]
    gap = GAP.search(text)
    if rule is None or not rule.amount or len(stays) != 2 or gap is None:
        return None
    days = int(gap.group(1) or gap.group(2))
    if days > rule.amount:
        return None
    note = f"两次住院间隔{days}日，未超过{rule.amount:g}日，合并为一次共{sum(stays)}日"
    return sum(stays), note, rule


def _total(verdict: Verdict) -> str:
    return (verdict.sum or "").rsplit("= ", 1)[-1]


def _allowance(terms: list[MedicalTerm], situation: Situation) -> Verdict | None:
    """The allowance under ``terms`` (one plan's) for the days the customer tells."""
    icu = situation.icu_days or 0
    ward = situation.ward_days
    merged = _merged_stays(terms, situation.text)
    if ward is None:
        total = merged[0] if merged else situation.hospital_days
        ward = max(total - icu, 0) if total is not None else (0 if icu else None)
    if ward is None or (ward == 0 and icu == 0):
        return None
    ward_rate = _one(terms, "daily_allowance", "普通病房")
    icu_rate = _one(terms, "daily_allowance", "重症监护室") if icu else None
    if (ward and ward_rate is None) or (icu and icu_rate is None):
        return None
    deductible = _one(terms, "deductible_days")
    deduct = int(deductible.amount or 0) if deductible else 0
    waived = _one(terms, "deductible_waived_from")
    waived_note = None
    if deduct and waived is not None and waived.amount and ward + icu >= waived.amount:
        deduct = 0  # "住院天数达到15日以上的，不扣除免赔天数"
        waived_note = f"住院满{waived.amount:g}日不扣免赔天数"
    icu_spared = _one(terms, "icu_no_deductible") is not None
    # the deductible days come off the ordinary ward first when intensive care is spared
    ward_paid = max(ward - deduct, 0) if (icu_spared or not icu) else ward
    icu_paid = icu if (icu_spared or not deduct) else max(icu - max(deduct - ward, 0), 0)
    if not icu_spared and icu and ward < deduct:
        ward_paid = 0
    reasons: list[Reason] = []
    notes: list[str] = []
    for term in (ward_rate if ward else None, icu_rate, deductible):
        if term is not None:
            reasons.append(Reason(clip(term.sentence, 60), term.article))
    stay = _one(terms, "stay_days_cap")
    if stay is not None and stay.amount and ward_paid + icu_paid > stay.amount:
        over = int(ward_paid + icu_paid - stay.amount)
        cut = min(over, ward_paid)
        ward_paid -= cut
        icu_paid -= over - cut
        notes.append(f"每次住院最多给付{stay.amount:g}日")
        reasons.append(Reason(clip(stay.sentence, 60), stay.article))
    period = _one(terms, "period_days_cap")
    if period is not None and period.amount and situation.allowance_days_used is not None:
        left = max(int(period.amount) - situation.allowance_days_used, 0)
        if ward_paid + icu_paid > left:
            over = ward_paid + icu_paid - left
            cut = min(over, ward_paid)
            ward_paid -= cut
            icu_paid -= over - cut
            notes.append(
                f"累计给付日数以{period.amount:g}日为限，已领{situation.allowance_days_used}日，只剩{left}日"
            )
            reasons.append(Reason(clip(period.sentence, 60), period.article))
    parts = []
    amount = 0.0
    if icu_paid and icu_rate is not None and icu_rate.amount:
        parts.append(f"重症监护室{icu_paid}日 × {icu_rate.amount:g}元")
        amount += icu_paid * icu_rate.amount
    if ward_paid and ward_rate is not None and ward_rate.amount:
        parts.append(f"普通病房{ward_paid}日 × {ward_rate.amount:g}元")
        amount += ward_paid * ward_rate.amount
    if deduct and ward:
        notes.insert(
            0, f"普通病房扣除{deduct}日免赔日" if icu_spared or not icu else f"扣除{deduct}日免赔日"
        )
    if waived_note is not None:
        notes.insert(0, waived_note)
        if waived is not None:
            reasons.append(Reason(clip(waived.sentence, 60), waived.article))
    if merged is not None:
        notes.insert(0, merged[1])
        reasons.append(Reason(clip(merged[2].sentence, 60), merged[2].article))
    figures = f"{' + '.join(parts) or '0日'} = {amount:g}元"
    answer = (
        f"住院津贴约{amount:g}元：{figures}" + (f"（{'；'.join(notes)}）" if notes else "") + "。"
    )
    conditions: tuple[str, ...] = ()
    ends = next(
        (t for t in terms if t.kind == "period_days_cap" and re.search(r"终止", t.sentence)), None
    )
    if period is not None and period.amount and ends is not None:
        clause = next(p for p in re.split(r"[，,；]", ends.sentence) if "终止" in p)
        conditions = (
            f"累计领满{period.amount:g}日后，{clause.rstrip('。')}（第{ends.article}条）。",
        )
    return Verdict(
        "allowance",
        "yes" if amount > 0 else "no",
        answer,
        tuple(reasons),
        conditions,
        sum=figures,
        paid=amount,
    )


ONE_DAY = re.compile(
    r"入院当日[^。；]{0,6}出院当日[^。；]{0,6}(合计|合并|共)?[^。；]{0,2}(按|算|计)(1|一)日"
)
BOTH_DAYS = re.compile(r"入院当日[^。；]{0,6}出院当日[^。；]{0,4}(均|都)(计算|计入|算)")
DAYS_ASKED = re.compile(r"(算|按|是)几天|(算|按)多少天|住院天数")


def counted_stay(product: ProductKnowledge, situation: Situation) -> tuple[int, str, Reason] | None:
    """The days of a stay from the days of admission and discharge told, counted by the
    wording's rule ("入院当日与出院当日合计按一日计算", or both days counted)."""
    admitted = next((d for d in situation.dated if d.kind == "hospital"), None)
    discharged = next((d for d in situation.dated if d.kind == "discharge"), None)
    if admitted is None or discharged is None or discharged.first < admitted.first:
        return None
    span = (discharged.first - admitted.first).days
    for article in product.document.articles:
        for sentence in plain_sentences(article.body):
            if ONE_DAY.search(sentence):
                days, how = max(span, 1), "入院当日与出院当日合计按1日算"
            elif BOTH_DAYS.search(sentence):
                days, how = span + 1, "入院当日和出院当日都算"
            else:
                continue
            return days, how, Reason(f"条款约定：“{clip(sentence, 80)}”", article.number)
    return None


def decide_stay_days(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "3月1日入院，3月10日出院，住院天数算几天": the wording's way of counting the stay."""
    if not DAYS_ASKED.search(situation.text) or ASKED.search(situation.text):
        return None
    counted = counted_stay(product, situation)
    if counted is None:
        return None
    days, how, reason = counted
    return Verdict(
        "stay_days",
        "info",
        f"按条款算{days}天：{how}。",
        (reason,),
        ("以医院住院病历或出院小结记载的日期为准；擅自离院等天数按条款不计入。",),
        coverage=False,
    )
