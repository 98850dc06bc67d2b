"""Claim documents for the customer's own circumstances: someone applies for them, a death."""

from __future__ import annotations

from bot.knowledge.explain import circumstance_section
from bot.knowledge.text import normalize
from tests.knowledge.decide.conftest import MEDICAL, product

CLAIMS = MEDICAL + (
    "\n## 6 保险金申请\n### 6.1 申请资料\n"
    "（1）保险金给付申请书；\n（2）被保险人本人银行账户信息；\n"
    "（3）委托他人代为申请的，须提供授权委托书及受托人的身份证件。\n"
    "### 6.2 受益人\n本合同的受益人为被保险人本人。被保险人身故后尚未领取的保险金，作为遗产给付其继承人。\n"
)


def test_someone_applying_for_the_insured_is_told_of_the_power_of_attorney() -> None:
    section = circumstance_section(product(CLAIMS), normalize("我妈不会弄，我替她申请理赔行吗"))
    assert "授权委托书" in section.text and section.articles == ["6.1"]


def test_a_death_before_payment_is_told_who_receives_it() -> None:
    section = circumstance_section(product(CLAIMS), normalize("理赔款还没到人就走了，这钱给谁"))
    assert "继承人" in section.text and "6.2" in section.articles


def test_no_circumstance_no_section() -> None:
    assert circumstance_section(product(CLAIMS), normalize("理赔要什么材料")).text == ""
