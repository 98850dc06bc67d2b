"""Whether the illness told takes the listed diseases' longer waiting period."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story
from tests.knowledge.test_waiting_lists import SUB_ARTICLES


def test_an_unlisted_illness_asked_about_takes_the_general_period() -> None:
    verdict = decide(
        product(SUB_ARTICLES), story("阑尾炎是特定疾病吗，要等90天吗"), default_thesaurus()
    )
    assert verdict is not None and verdict.kind == "waiting"
    assert "不属于" in verdict.answer and "30日" in verdict.answer


def test_a_listed_illness_asked_without_dates_takes_the_longer_period() -> None:
    verdict = decide(product(SUB_ARTICLES), story("胆囊炎的等待期多久"), default_thesaurus())
    assert verdict is not None and "90日" in verdict.answer


def test_a_carved_out_cancer_past_the_general_period_is_paid() -> None:
    verdict = decide(
        product(SUB_ARTICLES),
        story("生效后第50天查出甲状腺结节，穿刺确诊甲状腺癌，是按90天算吗，能赔吗"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.decision == "yes"
    assert "不属于特定疾病" in verdict.answer and "9.8.1" in verdict.articles


def test_an_illness_with_no_name_is_not_said_to_be_unlisted() -> None:
    verdict = decide(
        product(SUB_ARTICLES), story("鼻子里面隔板歪了，要等90天吗"), default_thesaurus()
    )
    assert verdict is None or "不属于" not in verdict.answer
