"""Earlier payouts in the story: the diagnosis asked about, deductions and totals as worded."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.decide.earlier_payouts import before_paid, current_diagnosis
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import ILLNESS, product, story


def test_what_was_paid_before_is_blanked_with_the_clauses_leading_to_it() -> None:
    text = story("保额20万，前年理赔过原位癌3万，上个月又确诊了胃癌，会扣钱吗").text
    assert before_paid(text).lstrip("_") == "上个月又确诊了胃癌,会扣钱吗"


def test_the_diagnosis_asked_about_is_not_the_one_paid_before(illness: ProductKnowledge) -> None:
    told = story("前年理赔过原位癌3万，上个月又确诊了胃癌，这次能赔多少")
    assert current_diagnosis(illness, told, "原位癌") == "恶性肿瘤"
    assert current_diagnosis(illness, story("原位癌能赔多少"), "原位癌") == "原位癌"


def test_an_earlier_payout_not_taken_off_says_so_and_adds_up(illness: ProductKnowledge) -> None:
    verdict = decide(
        illness,
        story("保额20万，前年赔过一次轻症5万，今年确诊胃癌晚期，会不会扣掉那5万，一共能拿多少"),
        default_thesaurus(),
        "恶性肿瘤",
    )
    assert verdict is not None and verdict.answer.startswith("不扣")
    assert "一共25万元" in verdict.answer
    assert "2.2" in verdict.articles


def test_an_earlier_payout_the_wording_takes_off_is_not_called_free() -> None:
    taken = product(
        ILLNESS.replace(
            "此前已给付的轻度疾病保险金不从中扣除。", "已给付的轻度疾病保险金应当从中扣除。"
        )
    )
    verdict = decide(
        taken,
        story("保额20万，前年赔过一次轻症5万，今年确诊胃癌晚期，会不会扣掉那5万"),
        default_thesaurus(),
        "恶性肿瘤",
    )
    assert verdict is not None and verdict.answer.startswith("要扣")


def test_a_rule_that_earlier_payouts_do_not_change_the_amount_is_not_deducting() -> None:
    from bot.knowledge.decide.earlier_payouts import deduction_rule

    wording = product(
        ILLNESS.replace(
            "此前已给付的轻度疾病保险金不从中扣除。",
            "被保险人此前已领取轻度疾病保险金的，不影响本项保险金的给付金额。",
        )
    )
    rule = deduction_rule(wording, "重疾")
    assert rule is not None and rule[2] is False
    verdict = decide(
        wording,
        story("保额20万，前年确诊甲状腺癌赔了25%，今年转移成晚期了，之前赔的会扣掉吗"),
        default_thesaurus(),
        "恶性肿瘤",
    )
    assert verdict is not None and verdict.answer.startswith("不扣")


def test_a_payout_said_never_made_is_not_blanked() -> None:
    text = story("交了3年，一直没赔过重疾，今年走了，身故能拿多少").text
    assert before_paid(text) == text


def test_a_deduction_asked_of_a_category_with_no_diagnosis_named() -> None:
    worded = ILLNESS.replace(
        "此前已给付的轻度疾病保险金不从中扣除。",
        "重大疾病保险金的给付金额，不因我们此前已经给付过轻度疾病保险金而扣减。",
    )
    verdict = decide(
        product(worded),
        story("之前赔过轻症5万，后来又得了重疾，会不会把之前赔的5万扣掉"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.kind == "earlier_payouts"
    assert verdict.answer.startswith("不扣") and "100%" in verdict.answer


def test_the_category_asked_is_read_past_the_payouts_told(illness: ProductKnowledge) -> None:
    verdict = decide(
        illness,
        story("保额20万，之前赔过两次轻症，现在确诊了胃癌，重疾是不是要扣掉之前赔的钱"),
        default_thesaurus(),
        "恶性肿瘤",
    )
    assert verdict is not None and verdict.answer.startswith("不扣")


def test_the_cash_value_after_a_payout_is_said_when_asked() -> None:
    worded = (
        ILLNESS + "\n### 9.9 现金价值\n自我们给付重大疾病保险金之日起，本合同的现金价值降为零。\n"
    )
    verdict = decide(
        product(worded),
        story("我爸赔过一次重疾，今年去世了，能不能退点现金价值"),
        default_thesaurus(),
    )
    assert verdict is not None and "现金价值为零" in verdict.answer
    mild = decide(
        product(worded), story("赔过一次轻症，现在能不能退点现金价值"), default_thesaurus()
    )
    assert mild is None or "现金价值为零" not in mild.answer
