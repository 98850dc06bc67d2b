"""The articles with figures that no extracted rule comes from, reported at ingest."""

from __future__ import annotations

from bot.knowledge.unread import unread_articles
from tests.knowledge.decide.conftest import ILLNESS, product


def test_an_article_with_figures_no_fact_comes_from_is_reported() -> None:
    wording = product(
        ILLNESS.replace(
            "## 3 我们不保什么",
            "### 2.9 保单贷款\n您可以申请保单贷款，贷款金额不超过现金价值的80%，每次贷款期限最长6个月。\n\n"
            "## 3 我们不保什么",
        )
    )
    assert "第2.9条 保单贷款" in unread_articles(wording)


def test_articles_the_rules_come_from_are_not_reported() -> None:
    reported = unread_articles(product(ILLNESS))
    assert not any(line.startswith(("第2.1条", "第2.2条", "第2.3条")) for line in reported)
