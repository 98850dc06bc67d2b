"""Non-disclosure: the insurer's right to rescind, by how long the contract has run."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import ILLNESS, product, story


def test_after_two_years_the_contract_cannot_be_rescinded(illness: ProductKnowledge) -> None:
    verdict = decide(
        illness,
        story("2022年3月1日生效，投保时没告知高血压，2025年5月确诊脑梗，公司要解除合同合理吗"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.decision == "yes"
    assert "不能再以未如实告知为由解除合同" in verdict.answer
    assert any("询问" in r.text for r in verdict.reasons)


def test_within_two_years_it_can_with_the_thirty_days_that_bound_it(
    illness: ProductKnowledge,
) -> None:
    verdict = decide(
        illness,
        story("2025年3月1日生效，投保时没告知高血压，2025年10月确诊，公司说要解除合同"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.decision == "no"
    assert any("30日" in c for c in verdict.conditions)


def test_an_untold_condition_leads_with_the_limit_on_rescinding_not_the_exclusion() -> None:
    wording = product(
        ILLNESS.replace(
            "（4）遗传性疾病、先天性畸形，但因意外伤害所致的除外。",
            "（4）遗传性疾病、先天性畸形，但因意外伤害所致的除外；\n（5）既往症，即投保前已患的疾病。",
        )
    )
    verdict = decide(
        wording,
        story("2022年6月1日生效，投保的时候没说之前就有胃溃疡，2025年7月又住院了，会怎么样"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.kind == "disclosure"
    assert "不能再以未如实告知为由解除合同" in verdict.answer
    assert "3.1" in verdict.articles
    assert any("仍属责任免除" in c for c in verdict.conditions)


def test_an_exclusion_for_another_reason_still_refuses(illness: ProductKnowledge) -> None:
    verdict = decide(
        illness,
        story("投保时没说他爱喝酒，后来酒后驾驶出了车祸，会不赔吗"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.kind == "exclusion" and verdict.decision == "no"


def test_a_claim_not_reported_is_not_a_fact_not_disclosed(illness: ProductKnowledge) -> None:
    verdict = decide(illness, story("住院两个月了一直没报案，现在还能赔吗"), default_thesaurus())
    assert verdict is None or verdict.kind != "disclosure"


def test_no_claim_made_yet_is_not_a_fact_kept_back(illness: ProductKnowledge) -> None:
    from bot.knowledge.decide.disclosure import decide_disclosure

    assert decide_disclosure(illness, story("今年还没报过，查出胃癌能赔吗")) is None
    assert decide_disclosure(illness, story("投保时没说有胃病，查出胃癌能赔吗")) is not None


def test_past_the_two_years_the_diagnosis_told_is_paid_as_the_wording_says(
    illness: ProductKnowledge,
) -> None:
    verdict = decide(
        illness,
        story("2022年3月1日投保时没说高血压，2025年4月确诊肺癌三期，保额50万，会不会解除合同不赔"),
        default_thesaurus(),
        "恶性肿瘤",
    )
    assert verdict is not None and verdict.kind == "disclosure"
    assert "不能再以未如实告知为由解除合同" in verdict.answer and "50万元" in verdict.answer
