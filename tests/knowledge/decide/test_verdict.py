"""A verdict's articles: those its reasons rest on, in order, each once."""

from __future__ import annotations

from bot.knowledge.decide.verdict import Reason, Verdict

# ---- added: Verdict.articles -------------------------------------------------------------------


def test_a_verdicts_articles_are_its_reasons_articles_in_order_without_repeats() -> None:
    verdict = Verdict(
        "mild",
        "yes",
        "能赔：按基本保险金额的25%给付。",
        (
            Reason("轻度疾病按基本保险金额的25%给付", "2.3"),
            Reason("观察期后确诊", "2.1"),
            Reason("累计给付以3次为限", "2.3"),
        ),
    )
    assert verdict.articles == ["2.3", "2.1"]


def test_a_verdict_without_reasons_cites_no_article() -> None:
    assert Verdict("info", "info", "您的保单还在宽限期内。").articles == []
