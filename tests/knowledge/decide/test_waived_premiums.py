"""How much a premium waiver spares: the installments left, at the yearly premium."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.decide.waived_premiums import Waived, waived
from bot.knowledge.decide.waivers import AFTER
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import ILLNESS, product, story


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
    assert AFTER.search("宫颈活检是CINⅢ，已经做了锥切手术，以后保费还要交吗")


def test_the_premium_owed_in_the_grace_period_is_waived_not_deducted() -> None:
    worded = ILLNESS.replace(
        "直至交费期满。",
        "直至交费期满。确诊之日本合同正处于宽限期的，该宽限期内应交而未交的当期保险费也一并豁免，"
        "我们不再从保险金中扣除。",
    )
    verdict = decide(
        product(worded),
        story("每年6月1号交费，今年忘了交，7月25号确诊甲状腺癌一期，保额20万，会从赔款里扣保费吗"),
        default_thesaurus(),
        "甲状腺癌",
    )
    assert verdict is not None and "不从保险金中扣除" in verdict.answer
    assert "5万元" in verdict.answer and "会扣除欠交" not in verdict.answer
