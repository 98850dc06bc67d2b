"""Decide: a customer's situation × a product's rules → a verdict with reasons tied to articles.

A verdict is data — the decision, the amount with its sum, the reasons, the conditions that could
change it — and :mod:`bot.knowledge.render` turns it into the reply. Each ``decide_*`` function
looks at one kind of question and returns ``None`` when the situation is not of its kind, so the
caller falls back to explaining the wording.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from bot.knowledge.decide.accidents import (
    decide_accident_meaning,
    decide_illness_fall,
    decide_illness_under_accident_cover,
)
from bot.knowledge.decide.ages import (
    decide_from_policy_year,
    decide_oldest_age,
    decide_youngest_age,
)
from bot.knowledge.decide.alcohol import decide_altitude, decide_blood_alcohol
from bot.knowledge.decide.allowance import decide_allowance, decide_stay_days
from bot.knowledge.decide.anniversaries import decide_cover_end
from bot.knowledge.decide.annuity import (
    decide_annuity_change,
    decide_annuity_payment,
    decide_dividend,
    decide_guaranteed_death,
    decide_lapse_over_start,
    decide_loan_at_start,
    decide_minimum_sum,
    decide_start_day,
    decide_survival_check,
)
from bot.knowledge.decide.carve_outs import with_carve_outs
from bot.knowledge.decide.claiming import (
    decide_claim_notice,
    decide_claim_timing,
    decide_limitation,
)
from bot.knowledge.decide.cleared import with_payout
from bot.knowledge.decide.coverage import (
    decide_expense_refund,
    decide_lump_sum,
    decide_several_policies,
)
from bot.knowledge.decide.deaths import (
    decide_absent_death_benefit,
    decide_death_benefit,
    decide_death_in_lapse,
    decide_same_at_every_age,
    decide_unknown_cause,
)
from bot.knowledge.decide.deductible import decide_deductible_carry
from bot.knowledge.decide.deductible_offsets import decide_deductible_offsets
from bot.knowledge.decide.deductions import decide_death_after_payout, with_debts
from bot.knowledge.decide.definitions import decide_outside_definition
from bot.knowledge.decide.diagnosis_place import decide_diagnosed_abroad
from bot.knowledge.decide.disability import decide_disability, plan_sum
from bot.knowledge.decide.disclosure import decide_disclosure
from bot.knowledge.decide.diseases import (
    decide_definition_unmet,
    decide_disease,
    decide_outside_cancer_cover,
    decide_used_up,
    deemed_disease,
    in_situ,
    is_severe,
    several_at_once,
)
from bot.knowledge.decide.earlier_payouts import (
    before_paid,
    current_diagnosis,
    decide_deduction,
    with_cash_value_after_payout,
    with_earlier_payouts,
)
from bot.knowledge.decide.entry_ages import decide_entry_age_by_start
from bot.knowledge.decide.exclusions import decide_exclusion
from bot.knowledge.decide.expense_items import decide_expense_item
from bot.knowledge.decide.first_occurrence import decide_not_first
from bot.knowledge.decide.fracture import decide_fracture
from bot.knowledge.decide.grades import told_grade
from bot.knowledge.decide.greater import decide_effective_sum, decide_greater_of
from bot.knowledge.decide.histology import decide_histology
from bot.knowledge.decide.hospitals import decide_hospital
from bot.knowledge.decide.increase import decide_increase_left, decide_increase_waiting
from bot.knowledge.decide.insured_status import decide_insured_status
from bot.knowledge.decide.items import decide_item_cap
from bot.knowledge.decide.life_cover import decide_diagnosis_under_life_cover
from bot.knowledge.decide.limits import decide_benefit_limit, decide_limit_left
from bot.knowledge.decide.listed_waiting import decide_listed_waiting
from bot.knowledge.decide.living_beneficiary import decide_living_beneficiary
from bot.knowledge.decide.loan import decide_policy_loan
from bot.knowledge.decide.medical import decide_medical
from bot.knowledge.decide.misstatement import with_premium_ratio
from bot.knowledge.decide.periods import (
    decide_cooling_off,
    decide_grace,
    decide_reinstatement,
    decide_waiting,
    less_premium_owed,
    timing_notes,
    with_premiums_returned,
)
from bot.knowledge.decide.plan_amounts import decide_plan_amount
from bot.knowledge.decide.proton import decide_proton, with_rest_of_stay
from bot.knowledge.decide.ratios import decide_ratio
from bot.knowledge.decide.reduction import (
    decide_reduction,
    decide_reduction_after_payout,
    decide_reduction_refund,
)
from bot.knowledge.decide.renewal_end import decide_renewal_end
from bot.knowledge.decide.repricing import decide_repricing
from bot.knowledge.decide.second_payouts import decide_same_group, decide_second_payout
from bot.knowledge.decide.severe_route import decide_stay_before_diagnosis, with_general_cover
from bot.knowledge.decide.shares import decide_beneficiary_shares, decide_unnamed_beneficiary
from bot.knowledge.decide.spared import spared_by_exclusion
from bot.knowledge.decide.special_drugs import decide_special_drug
from bot.knowledge.decide.special_outpatient import decide_special_outpatient
from bot.knowledge.decide.sum_rules import decide_sum_unit
from bot.knowledge.decide.surrender import decide_surrender, with_waiting_refund
from bot.knowledge.decide.term import (
    decide_fixed_term_end,
    decide_term_change,
    decide_term_renewal,
)
from bot.knowledge.decide.territory import decide_abroad
from bot.knowledge.decide.timing import (
    decide_after_reinstatement,
    decide_cover_start,
    decide_due_day,
    decide_extension,
    decide_interval,
    decide_reinstated_same_day,
    decide_reinstatement_term,
    decide_renewal,
)
from bot.knowledge.decide.together import decide_together
from bot.knowledge.decide.total_disability import decide_total_disability
from bot.knowledge.decide.totals import decide_maximum_total, decide_times
from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.waived_premiums import grace_premium_waived
from bot.knowledge.decide.waivers import HOLDER, decide_waiver
from bot.knowledge.decide.windows import (
    decide_accident_window,
    decide_age_split,
    decide_assessment_day,
    decide_earlier_than_the_days,
    decide_stay_window,
)
from bot.knowledge.explain import rule_on_disease
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.plans import wording_plan
from bot.knowledge.situation import Situation
from bot.knowledge.thesaurus import Thesaurus

__all__ = ["Reason", "Verdict", "decide", "timing_notes"]


def decide(
    product: ProductKnowledge,
    situation: Situation,
    thesaurus: Thesaurus,
    disease: str | None = None,
) -> Verdict | None:
    """The verdict for ``situation`` under ``product``, or ``None`` when no rule decides it.

    ``disease`` is the disease or condition the question names, as the knowledge base found it.
    A question for the claim documents is answered from the documents' articles, not decided.
    """
    if "documents" in situation.asks:
        return None
    if situation.plan is not None:
        # the customer's "第二档" is the wording's "计划二"
        situation = dataclasses.replace(
            situation, plan=wording_plan(product.facts.plans, situation.plan)
        )
        if situation.sum_insured is None and product.document.product_type != "medical":
            # "计划二" tells the sum insured a share of it is paid from (a medical product's
            # 基本保险金额 is a limit, decided with the other medical terms)
            situation = dataclasses.replace(
                situation, sum_insured=plan_sum(product, situation.plan, BASIC_SUM)
            )
    if disease is None:
        disease = deemed_disease(product, situation.text) or told_grade(product, situation.text)
    disease = in_situ(product, situation.text, disease)
    told = situation
    current = current_diagnosis(product, situation, disease)
    if current != disease:
        # the disease named was paid before: the rest of the story is the case asked about
        situation = dataclasses.replace(situation, text=before_paid(situation.text))
        disease = current
    assessed = decide_assessment_day(product, situation)
    if assessed is not None:
        return assessed  # "还在做康复，要等治好再评吗" asks when, not whether 康复 is paid
    # questions about the contract's own terms, which no exclusion answers
    for early in (decide_special_drug, decide_insured_status, decide_hospital):
        ruled = early(product, situation)
        if ruled is not None:
            return ruled
    not_first = decide_not_first(product, told, disease) or decide_diagnosed_abroad(product, told)
    if not_first is not None:
        return not_first
    excluded = decide_exclusion(product, situation, thesaurus, disease)
    settled = (
        decide_blood_alcohol(product, situation)
        or decide_altitude(product, situation)
        or decide_unknown_cause(product, situation)
        or (decide_outside_definition(product, situation) if excluded is None else None)
    )
    if settled is not None:
        if settled.kind == "definition" and "amount" in situation.asks:
            return _outside_then(settled, _first_verdict(product, situation, thesaurus, disease))
        if settled.kind != "exclusion" or settled.decision == "no":
            return settled
        # cleared, the question is what the cover pays
        paying = dataclasses.replace(situation, asks=situation.asks | {"amount"})
        rest = _first_verdict(product, paying, thesaurus, disease)
        return settled if rest is None else _together(settled, rest)
    untold = _untold(product, situation, thesaurus, excluded)
    if untold is not None:
        return _with_payout(untold, decide_disease(product, situation, disease))
    if excluded is not None and excluded.decision == "no":
        return spared_by_exclusion(product, situation, excluded)
    verdict = (
        decide_second_payout(product, told, disease)
        or decide_same_group(product, told, disease)
        or decide_maximum_total(product, told, disease)
        or decide_times(product, told)
        or _first_verdict(product, situation, thesaurus, disease)
        or decide_deduction(product, told)
    )
    if verdict is not None and verdict.kind == "disease" and verdict.decision != "no":
        verdict = with_earlier_payouts(product, told, verdict)  # told as the customer told it
    verdict = with_cash_value_after_payout(product, told, verdict)
    if excluded is None:
        return verdict
    if verdict is None:
        return with_payout(product, situation, excluded)
    return _together(excluded, verdict)


def _with_payout(cleared: Verdict, payout: Verdict | None) -> Verdict:
    """ "没告知高血压，会不会解除合同不赔" with a diagnosis told: once the contract cannot be
    rescinded, what the diagnosis is paid follows."""
    if cleared.decision != "yes" or payout is None or payout.decision == "no":
        return cleared
    return dataclasses.replace(
        cleared,
        answer=f"{cleared.answer}您说的情况按条款：{payout.answer}",
        reasons=cleared.reasons + payout.reasons,
    )


def _untold(
    product: ProductKnowledge,
    situation: Situation,
    thesaurus: Thesaurus,
    excluded: Verdict | None,
) -> Verdict | None:
    """ "投保时没说有高血压，会不赔吗": what the insurer may do about what was not disclosed (the
    2-year limit on rescinding) leads; a pre-existing condition's exclusion, which the same words
    also name, follows as what may still apply."""
    pre_existing = [c.label for c in thesaurus.concepts if c.key == "pre_existing"]
    if excluded is not None and not (
        excluded.decision == "no" and any(label in excluded.answer for label in pre_existing)
    ):
        return None
    told = decide_disclosure(product, situation)
    if told is None or excluded is None:
        return told
    exclusion = excluded.reasons[0]
    return dataclasses.replace(
        told,
        reasons=(*told.reasons, exclusion),
        conditions=(
            *(c for c in told.conditions if "既往症" not in c),
            f"投保前已有的疾病本身仍属责任免除（第{exclusion.article}条），与是否解除合同无关。",
        ),
    )


def _outside_then(outside: Verdict, verdict: Verdict | None) -> Verdict:
    """ "急诊留观两天，算住院吗，能赔多少": not the defined term, then what the rest of the
    wording pays (not a benefit for the very term it is not)."""
    if verdict is None or verdict.kind in ("allowance", "stay_window", "definition"):
        return outside
    said = re.match(r"不(算|属于)", verdict.answer)  # the payout says it already
    return dataclasses.replace(
        verdict,
        answer=verdict.answer if said else f"{outside.answer}{verdict.answer}",
        reasons=(*outside.reasons, *verdict.reasons),
    )


def _together(cleared: Verdict, verdict: Verdict) -> Verdict:
    """An exclusion that does not apply ("踢足球不算高风险运动") with what the rest of the wording
    decides: a refusal for another reason leads; otherwise the exclusion's answer does, followed by
    the payout."""
    if verdict.decision == "no":
        first = Reason(cleared.answer, cleared.articles[0]) if cleared.articles else None
        return dataclasses.replace(verdict, reasons=(*([first] if first else []), *verdict.reasons))
    then = Reason(verdict.answer, verdict.articles[0]) if verdict.articles else None
    return dataclasses.replace(
        cleared,
        reasons=(*cleared.reasons, *([then] if then else []), *verdict.reasons),
        conditions=verdict.conditions,
        sum=verdict.sum,
    )


def _first_verdict(
    product: ProductKnowledge,
    situation: Situation,
    thesaurus: Thesaurus,
    disease: str | None,
) -> Verdict | None:
    deciders: tuple[Callable[[], Verdict | None], ...] = (
        lambda: decide_assessment_day(product, situation),
        lambda: decide_earlier_than_the_days(product, situation),
        lambda: decide_expense_refund(product, situation, disease),
        lambda: decide_illness_fall(product, situation),
        lambda: decide_diagnosis_under_life_cover(product, situation, disease),
        lambda: decide_lump_sum(product, situation),
        lambda: decide_several_policies(product, situation),
        lambda: decide_illness_under_accident_cover(product, situation, disease),
        lambda: decide_accident_meaning(product, situation),
        lambda: decide_disclosure(product, situation),
        lambda: decide_living_beneficiary(product, situation),
        lambda: decide_beneficiary_shares(product, situation),
        lambda: decide_unnamed_beneficiary(product, situation),
        lambda: decide_guaranteed_death(product, situation),
        lambda: decide_annuity_payment(product, situation),
        lambda: decide_loan_at_start(product, situation),
        lambda: decide_annuity_change(product, situation),
        lambda: decide_dividend(product, situation),
        lambda: decide_survival_check(product, situation),
        lambda: decide_start_day(product, situation),
        lambda: decide_lapse_over_start(product, situation),
        lambda: decide_minimum_sum(product, situation),
        lambda: (
            _holder_waiver(product, situation, disease) if HOLDER.search(situation.text) else None
        ),
        lambda: decide_entry_age_by_start(product, situation),
        lambda: decide_sum_unit(product, situation),
        lambda: decide_youngest_age(product, situation),
        lambda: decide_oldest_age(product, situation),
        lambda: decide_cover_start(product, situation),
        lambda: decide_due_day(product, situation),
        lambda: decide_reinstated_same_day(product, situation),
        lambda: decide_increase_waiting(product, situation),
        lambda: decide_increase_left(product, situation),
        lambda: decide_waiting(product, situation, disease),
        lambda: decide_listed_waiting(product, situation),
        lambda: decide_death_in_lapse(product, situation),
        lambda: decide_interval(product, situation),
        lambda: decide_fixed_term_end(product, situation),
        lambda: decide_term_change(product, situation),
        lambda: decide_surrender(product, situation),
        lambda: decide_policy_loan(product, situation),
        lambda: decide_reduction_after_payout(product, situation),
        lambda: decide_reduction_refund(product, situation),
        lambda: decide_reduction(product, situation),
        lambda: decide_cooling_off(product, situation),
        lambda: decide_renewal(product, situation),
        lambda: decide_renewal_end(product, situation),
        lambda: decide_repricing(product, situation),
        lambda: decide_term_renewal(product, situation),
        lambda: decide_after_reinstatement(product, situation),
        lambda: decide_reinstatement_term(product, situation),
        lambda: decide_grace(product, situation),
        lambda: decide_reinstatement(product, situation),
        lambda: decide_extension(product, situation),
        lambda: decide_claim_notice(product, situation),
        lambda: decide_claim_timing(product, situation),
        lambda: decide_from_policy_year(product, situation),
        lambda: decide_cover_end(product, situation),
        lambda: decide_limitation(product, situation),
        lambda: decide_accident_window(product, situation),
        lambda: decide_stay_before_diagnosis(product, situation),
        lambda: decide_stay_window(product, situation),
        lambda: decide_proton(product, situation, disease),
        lambda: decide_special_outpatient(product, situation),
        lambda: decide_histology(product, situation),
        lambda: decide_outside_cancer_cover(product, situation, disease),
        lambda: decide_definition_unmet(product, situation, disease),
        lambda: decide_abroad(product, situation),
        lambda: decide_together(product, situation, thesaurus),
        lambda: decide_fracture(product, situation),
        lambda: decide_allowance(product, situation),
        lambda: decide_stay_days(product, situation),
        lambda: decide_deductible_offsets(product, situation),
        lambda: decide_expense_item(product, situation),
        lambda: decide_medical(
            product, situation, is_severe(product, situation, disease), thesaurus
        ),
        lambda: decide_item_cap(product, situation, thesaurus),
        lambda: decide_limit_left(product, situation),
        lambda: decide_benefit_limit(product, situation),
        lambda: decide_ratio(product, situation),
        lambda: decide_deductible_carry(product, situation),
        lambda: decide_death_after_payout(product, situation),
        lambda: decide_same_at_every_age(product, situation),
        lambda: decide_total_disability(product, situation),
        lambda: decide_disability(product, situation),
        lambda: decide_plan_amount(product, situation),
        lambda: decide_age_split(product, situation, disease),
        lambda: decide_disease(product, situation, disease),
        lambda: decide_used_up(product, situation),
        lambda: decide_absent_death_benefit(product, situation),
        lambda: decide_greater_of(product, situation),
        lambda: decide_effective_sum(product, situation),
        lambda: decide_death_benefit(product, situation),
        lambda: decide_waiver(product, situation),
    )
    verdict = None
    for decider in deciders:
        verdict = decider()
        if verdict is not None:
            if verdict.kind == "waiting" and verdict.decision == "no":
                verdict = with_premiums_returned(
                    with_waiting_refund(product, situation, verdict), situation
                )
            if verdict.kind == "stay_window" and verdict.decision == "yes" and situation.expenses:
                verdict = _with_sum(verdict, decide_medical(product, situation, False, thesaurus))
            elif verdict.kind == "stay_window" and situation.expenses:
                # outside the stay's days the visit is an ordinary outpatient one
                outpatient = decide_medical(product, situation, False, thesaurus, "outpatient")
                verdict = _with_sum(verdict, outpatient, "按普通门急诊算：")
            if verdict.kind == "medical" and disease is not None:
                verdict = _said_not_severe(product, situation, disease, verdict)
            verdict = with_general_cover(product, situation, verdict)
            verdict = with_rest_of_stay(product, situation, verdict)
            verdict = with_carve_outs(product, situation, verdict)
            if verdict.kind == "disease" and verdict.decision != "no":
                verdict = _deductible_free(product, situation, verdict)
            if verdict.kind in ("disease", "medical"):
                notes = tuple(timing_notes(product, situation))
                verdict = dataclasses.replace(verdict, reasons=verdict.reasons + notes)
            if verdict.kind == "disease" and verdict.decision != "no":
                verdict = _with_waiver(verdict, decide_waiver(product, situation))
                together = tuple(several_at_once(product, situation))
                verdict = dataclasses.replace(verdict, reasons=together + verdict.reasons)
            if (
                verdict.kind == "waiting"
                and verdict.decision == "yes"
                and disease is not None
                and ("amount" in situation.asks or situation.sum_insured)
            ):
                verdict = _benefit_first(verdict, decide_disease(product, situation, disease))
            if verdict.kind == "waiting" and verdict.decision == "yes":
                verdict = with_payout(product, situation, verdict)
            if verdict.kind == "grace" and verdict.decision == "yes" and verdict.coverage:
                payout = (
                    decide_disease(product, situation, disease)
                    or decide_greater_of(product, situation)
                    or decide_death_benefit(product, situation)
                )
                verdict = grace_premium_waived(
                    product, less_premium_owed(verdict, payout, situation), payout
                )
            break
    if situation.premium_shortfall is not None:
        # a premium paid short by a misstated age scales whatever the payout is
        verdict = with_premium_ratio(product, situation, verdict)
    return with_debts(product, situation, verdict, disease)


BASIC_SUM = re.compile(r"基本保险金额")
ASKS_SEVERE = re.compile(r"算(不算)?(是)?(重疾|重大疾病)|是不是(重疾|重大疾病)|是(重疾|重大疾病)吗")


def _said_not_severe(
    product: ProductKnowledge, situation: Situation, disease: str, verdict: Verdict
) -> Verdict:
    """ "这算重疾吗？能赔多少" on a medical product with a benefit for 重大疾病: when the wording's
    definitions leave the diagnosis out, the sum (the general benefit's) is preceded by that."""
    if not ASKS_SEVERE.search(situation.text):
        return verdict
    ruling = rule_on_disease(product, disease)
    if ruling.covered_as or is_severe(product, situation, disease):
        return verdict
    left_out = next((d for d, _ in ruling.excluded_from if d.category == "severe"), None)
    if left_out is None:
        return verdict
    return dataclasses.replace(
        verdict,
        answer=f"不算重大疾病，按一般医疗费用算。{verdict.answer}",
        reasons=(
            Reason(f"“{disease}”不属于“{left_out.name}”", left_out.article),
            *verdict.reasons,
        ),
    )


def _with_sum(verdict: Verdict, medical: Verdict | None, then: str = "") -> Verdict:
    """A cost that falls in a benefit's days, with what that benefit pays for it (or, ``then``,
    what another benefit pays for a cost outside them)."""
    if medical is None or medical.kind != "medical":
        return verdict
    lead = verdict.answer + then
    if medical.decision == "no":  # in the days, yet nothing left to pay after the deductible
        lead = re.sub(r"^能报：", "在可报销的天数内：", lead)
    return dataclasses.replace(
        verdict,
        answer=f"{lead}{medical.answer}",
        reasons=verdict.reasons + medical.reasons,
        conditions=medical.conditions,
        sum=medical.sum,
    )


def _deductible_free(product: ProductKnowledge, situation: Situation, verdict: Verdict) -> Verdict:
    """ "按重疾不扣免赔吗" on a medical product whose benefit for 重大疾病 has no deductible."""
    if "免赔" not in situation.text:
        return verdict
    free = next(
        (
            t
            for t in product.facts.medical
            if t.kind == "deductible"
            and t.amount == 0
            and t.benefit
            and re.search(r"重大疾病|重疾", t.benefit)
        ),
        None,
    )
    if free is None or free.benefit is None:
        return verdict
    return dataclasses.replace(
        verdict,
        answer=f"{verdict.answer.rstrip('。')}；按{free.benefit}给付的，不扣免赔额。",
        reasons=(*verdict.reasons, Reason(f"{free.benefit}不扣除免赔额", free.article)),
    )


def _holder_waiver(
    product: ProductKnowledge, situation: Situation, disease: str | None
) -> Verdict | None:
    """The holder's premium waiver, unless the holder's diagnosis fails the definition it needs
    (CIN 2 is not the 原位癌 a waiver for the holder's 原位癌 needs)."""
    waiver = decide_waiver(product, situation)
    if waiver is None or waiver.decision != "yes" or disease is None:
        return waiver
    unmet = decide_definition_unmet(product, situation, disease)
    if unmet is None:
        return waiver
    return dataclasses.replace(
        unmet,
        answer=f"{unmet.answer}投保人的这一情况不属于约定的疾病，保费不能因此豁免。",
        reasons=unmet.reasons + waiver.reasons,
    )


def _with_waiver(verdict: Verdict, waiver: Verdict | None) -> Verdict:
    """A payout asked together with "后面的保费还要交吗": the waiver's answer follows it."""
    if waiver is None:
        return verdict
    return dataclasses.replace(
        verdict,
        reasons=verdict.reasons + waiver.reasons,
        conditions=(f"后面的保费：{waiver.answer}", *verdict.conditions),
    )


def _benefit_first(waiting: Verdict, payout: Verdict | None) -> Verdict:
    """A waiting period that does not hold the claim back: the benefit's answer, with why."""
    if payout is None or payout.decision == "no":
        return waiting
    return dataclasses.replace(payout, reasons=payout.reasons + waiting.reasons)
