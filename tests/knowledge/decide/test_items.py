"""Expenses with caps of their own: what the customer told of each, and what its cap leaves out."""

from __future__ import annotations

import pytest

from bot.knowledge.decide.items import ItemTold, items_told, other_expenses
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story
from tests.knowledge.decide.test_medical import ITEMS

# ---- added: items_told, ItemTold.total/excess, other_expenses -----------------------------------


@pytest.fixture(scope="module")
def items() -> ProductKnowledge:
    return product(ITEMS)


def told(wording: ProductKnowledge, question: str) -> list[ItemTold] | None:
    """The capped items ``question`` tells, read against ``wording``'s own caps."""
    return items_told(
        wording, list(wording.facts.medical), story(question).text, default_thesaurus()
    )


def test_a_daily_item_is_taken_for_the_days_and_its_excess_over_the_cap_left_out(
    items: ProductKnowledge,
) -> None:
    found = told(items, "住院4天，床位费每天1500，伙食每天100，其他药费一共1万")
    assert found is not None
    assert [(i.name, i.amount, i.per_day) for i in found] == [
        ("床位费", 1500.0, True),
        ("膳食费", 100.0, True),
    ]
    assert [(i.total(4), i.excess(4)) for i in found] == [(6000.0, 2000.0), (400.0, 80.0)]


def test_an_item_exempt_from_the_cap_has_no_cap_and_no_excess(items: ProductKnowledge) -> None:
    found = told(items, "ICU住了2天，ICU床位费每天3000")
    assert found is not None
    (icu,) = found
    assert icu.name == "重症监护室床位费" and icu.cap is None
    assert icu.exempt_article == "2.1"
    assert (icu.total(2), icu.excess(2)) == (6000.0, 0.0)


def test_an_item_told_once_is_capped_once(items: ProductKnowledge) -> None:
    found = told(items, "急诊住院，救护车费800能报吗")
    assert found is not None
    (ambulance,) = found
    assert (ambulance.name, ambulance.per_day) == ("救护车使用费", False)
    assert (ambulance.total(4), ambulance.excess(4)) == (800.0, 300.0)


def test_a_daily_amount_the_wording_has_no_item_for_makes_the_items_unknown(
    items: ProductKnowledge,
) -> None:
    assert told(items, "住院4天，床位费每天1500，陪护每天200") is None


def test_no_capped_item_told_is_an_empty_list(items: ProductKnowledge) -> None:
    assert told(items, "门诊花了300") == []


def test_the_rest_of_the_bill_is_read_after_its_lead_word() -> None:
    assert other_expenses(story("住院4天，床位费每天1500，其他药费一共1万").text) == 10000.0
    assert other_expenses(story("床位费每天1500").text) is None


def test_a_days_amount_over_an_items_cap_asked_without_a_bill_says_what_is_left_out(
    items: ProductKnowledge,
) -> None:
    from bot.knowledge.decide.items import decide_item_cap

    verdict = decide_item_cap(
        items, story("单人间一天1500，住了4天，床位费能全报吗"), default_thesaurus()
    )
    assert verdict is not None and verdict.decision == "no"
    assert "2000元不赔" in verdict.answer
