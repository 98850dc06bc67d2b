"""How much a premium waiver spares: the installments left, at the yearly premium."""

from __future__ import annotations

from bot.knowledge.decide.waived_premiums import Waived, waived
from tests.knowledge.decide.conftest import story


def test_the_installments_left_after_those_paid() -> None:
    assert waived(story("20年期，每年3000，第5期已经交了，确诊了轻症，一共免了多少")) == Waived(
        15, 45000.0
    )


def test_a_products_name_is_no_term() -> None:
    spared = waived(story("守一年交6000，交20年，已经交了3年，确诊轻症，后面还要交多少钱"))
    assert spared == Waived(17, 102000.0)


def test_nothing_without_the_term() -> None:
    assert waived(story("每年3000，交了5年，确诊轻症")) is None


def test_an_operation_told_is_an_event_a_waiver_follows() -> None:
    from bot.knowledge.decide.waivers import AFTER

    assert AFTER.search("宫颈活检是CINⅢ，已经做了锥切手术，以后保费还要交吗")
