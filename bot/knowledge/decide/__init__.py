"""Decide: a customer's situation × a product's rules → a verdict with reasons tied to articles.

A verdict is data — the decision, the amount with its sum, the reasons, the conditions that could
change it — and :mod:`bot.knowledge.render` turns it into the reply. Each ``decide_*`` function
looks at one kind of question and returns ``None`` when the situation is not of its kind, so the
caller falls back to explaining the wording.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from bot.knowledge.decide.accidents import decide_illness_under_accident_cover
from bot.knowledge.decide.coverage import decide_expense_refund
from bot.knowledge.decide.deaths import decide_absent_death_benefit, decide_death_benefit
from bot.knowledge.decide.disability import decide_disability
from bot.knowledge.decide.disclosure import decide_disclosure
from bot.knowledge.decide.diseases import (
    decide_definition_unmet,
    decide_disease,
    decide_used_up,
    is_severe,
    several_at_once,
)
from bot.knowledge.decide.exclusions import decide_exclusion
from bot.knowledge.decide.medical import decide_medical
from bot.knowledge.decide.periods import (
    decide_cooling_off,
    decide_grace,
    decide_reinstatement,
    decide_waiting,
    timing_notes,
)
from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.waivers import HOLDER, decide_waiver
from bot.knowledge.facts import ProductKnowledge
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
    excluded = decide_exclusion(product, situation, thesaurus, disease)
    if excluded is not None and excluded.decision == "no":
        return excluded
    verdict = _first_verdict(product, situation, thesaurus, disease)
    if excluded is None:
        return verdict
    if verdict is None:
        return excluded
    return _together(excluded, verdict)


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
        lambda: decide_expense_refund(product, situation, disease),
        lambda: decide_illness_under_accident_cover(product, situation, disease),
        lambda: decide_disclosure(product, situation),
        lambda: decide_waiver(product, situation) if HOLDER.search(situation.text) else None,
        lambda: decide_waiting(product, situation),
        lambda: decide_cooling_off(product, situation),
        lambda: decide_reinstatement(product, situation),
        lambda: decide_grace(product, situation),
        lambda: decide_definition_unmet(product, situation, disease),
        lambda: decide_medical(product, situation, is_severe(product, situation, disease)),
        lambda: decide_disability(product, situation),
        lambda: decide_disease(product, situation, disease),
        lambda: decide_used_up(product, situation),
        lambda: decide_absent_death_benefit(product, situation),
        lambda: decide_death_benefit(product, situation),
        lambda: decide_waiver(product, situation),
    )
    for decider in deciders:
        verdict = decider()
        if verdict is not None:
            if verdict.kind in ("disease", "medical"):
                notes = tuple(timing_notes(product, situation))
                verdict = dataclasses.replace(verdict, reasons=verdict.reasons + notes)
            if verdict.kind == "disease" and verdict.decision != "no":
                verdict = _with_waiver(verdict, decide_waiver(product, situation))
                together = tuple(several_at_once(product, situation))
                verdict = dataclasses.replace(verdict, reasons=together + verdict.reasons)
            return verdict
    return None


def _with_waiver(verdict: Verdict, waiver: Verdict | None) -> Verdict:
    """A payout asked together with "后面的保费还要交吗": the waiver's answer follows it."""
    if waiver is None:
        return verdict
    return dataclasses.replace(
        verdict,
        reasons=verdict.reasons + waiver.reasons,
        conditions=(f"后面的保费：{waiver.answer}", *verdict.conditions),
    )
