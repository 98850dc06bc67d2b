"""A hospital daily allowance's rules, read from one sentence of the wording."""

from __future__ import annotations

from bot.knowledge.allowance_terms import allowance_terms

BENEFIT = "住院津贴保险金"

# ---- added: allowance_terms ---------------------------------------------------------------------


def kinds(sentence: str) -> list[tuple[str, float, str | None]]:
    """``(kind, amount, ward)`` of each rule ``sentence`` states."""
    return [(t.kind, t.amount, t.item) for t in allowance_terms(sentence, BENEFIT, "2.4")]


def test_the_daily_amount_and_the_days_paid_per_stay_are_read() -> None:
    assert kinds("住院津贴每日200元，每次住院以30日为限。") == [
        ("daily_allowance", 200.0, None),
        ("stay_days_cap", 30.0, None),
    ]


def test_the_deductible_days_are_read() -> None:
    assert kinds("住院津贴每日200元，免赔天数为3天。") == [
        ("daily_allowance", 200.0, None),
        ("deductible_days", 3.0, None),
    ]


def test_an_intensive_care_allowance_is_for_that_ward() -> None:
    assert kinds("重症监护室住院津贴每日500元。") == [("daily_allowance", 500.0, "重症监护室")]


def test_days_in_intensive_care_not_deducted_and_the_cap_for_the_period() -> None:
    assert kinds("入住重症监护室的，不扣除免赔日数，累计给付日数以180日为限。") == [
        ("icu_no_deductible", 0.0, None),
        ("period_days_cap", 180.0, None),
    ]


def test_the_terms_keep_their_benefit_article_and_sentence() -> None:
    (term,) = allowance_terms("重症监护室住院津贴每日500元。", BENEFIT, "2.5")
    assert (term.benefit, term.article, term.unit) == (BENEFIT, "2.5", "元")
    assert term.sentence == "重症监护室住院津贴每日500元。"


def test_a_sentence_of_another_benefit_states_no_allowance_rule() -> None:
    assert allowance_terms("被保险人住院治疗的，我们按约定给付。", "住院医疗保险金", "2.1") == []


def test_an_allowance_outside_hospital_is_not_read() -> None:
    assert allowance_terms("交通补贴每日50元。", "交通补贴", "2.6") == []


def test_an_allowance_named_inside_the_daily_amount_and_bare_deductible_days() -> None:
    assert kinds("被保险人住院的，按每日津贴300元给付，每次住院2日免赔。") == [
        ("daily_allowance", 300.0, None),
        ("deductible_days", 2.0, None),
    ]
    assert ("deductible_days", 5.0, None) not in kinds("住院津贴每日100元，5日免赔额另计。")


def test_a_long_stay_without_deductible_days_and_close_stays_counted_as_one_are_read() -> None:
    assert kinds("但该次住院的实际住院天数达到15日（含）以上的，我们不扣除免赔天数") == [
        ("deductible_waived_from", 15.0, None)
    ]
    assert kinds(
        "被保险人因同一意外伤害多次住院，且前次出院与后次入院间隔未超过30日的，视为同一次住院"
    ) == [("merge_gap_days", 30.0, None)]
