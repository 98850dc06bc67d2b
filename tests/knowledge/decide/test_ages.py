"""Who may be insured, by age in days and years, and rights that open in a later policy year."""

from __future__ import annotations

from tests.knowledge.decide.conftest import product
from tests.knowledge.decide.test_timing import NOTICE, ask


def test_a_baby_younger_than_the_wording_allows_cannot_be_insured_yet() -> None:
    wording = product(
        NOTICE.replace(
            "## 8 理赔",
            "## 1 投保\n### 1.1 投保范围\n投保时出生满二十八日且已出院的婴儿至五十周岁的人，"
            "可以作为被保险人。\n\n## 8 理赔",
        )
    )
    young = ask(wording, "宝宝刚出生20天 还在新生儿科住院 现在能给他买这个吗")
    old_enough = ask(wording, "宝宝出生40天了，能给他买这个吗")
    assert young is not None and young.decision == "no"
    assert "28日" in young.answer and "出院" in young.answer
    assert old_enough is not None and old_enough.decision == "yes"


def test_the_oldest_age_for_renewal_and_for_a_first_purchase() -> None:
    wording = product(
        NOTICE.replace(
            "## 8 理赔",
            "## 1 投保\n### 1.1 投保范围\n投保时出生满二十八日至六十周岁的人，可以作为被保险人。"
            "续保时被保险人年龄不得超过七十周岁。\n\n## 8 理赔",
        )
    )
    renewal = ask(wording, "我爸明年续保的时候就71周岁了，还能续吗")
    first = ask(wording, "我妈62周岁了，还能买吗")
    claim = ask(wording, "我爸55岁买的，现在71岁确诊了，能赔吗")
    assert renewal is not None and renewal.decision == "no" and "70周岁" in renewal.answer
    assert first is not None and first.decision == "no" and "60周岁" in first.answer
    assert claim is None or claim.kind != "oldest_age"


def test_ages_below_a_limit_and_in_words_and_renewal_within_the_age() -> None:
    wording = product(
        NOTICE.replace(
            "## 8 理赔",
            "## 1 投保\n### 1.1 投保范围\n投保时出生满二十八日、且未满五十六周岁的人，可以作为被保险人。"
            "续保时被保险人年龄不得超过八十周岁。本产品不保证续保。\n\n## 8 理赔",
        )
    )
    too_old = ask(wording, "我妈今年56周岁了还能买吗")
    renew = ask(wording, "我爸今年79岁 能一直续下去吗")
    assert too_old is not None and too_old.decision == "no" and "未满56周岁" in too_old.answer
    assert renew is not None and renew.decision == "yes" and "80周岁" in renew.answer
    assert "不保证续保" in " ".join(renew.conditions)


def test_a_right_that_opens_in_a_later_policy_year() -> None:
    wording = product(
        NOTICE
        + """## 6 保单权益
### 6.2 减保
自本合同第二个保单年度开始，投保人可以申请减少本合同的基本保险金额。
"""
    )
    early = ask(wording, "2024年9月1号生效的 2025年6月想减保拿点钱出来应急 现在可以吗")
    later = ask(wording, "2024年9月1号生效的 2025年10月想减保 现在可以吗")
    assert early is not None and early.decision == "no" and "2025年9月1日" in early.answer
    assert later is None or later.kind != "policy_year"


def test_a_baby_age_told_in_a_claim_is_not_an_insurability_question() -> None:
    wording = product(
        NOTICE.replace(
            "## 8 理赔",
            "## 1 投保\n### 1.1 投保范围\n投保时出生满二十八日的婴儿可以作为被保险人。\n\n## 8 理赔",
        )
    )
    verdict = ask(wording, "孩子出生20天住院了，去年买的保险能赔吗")
    assert verdict is None or verdict.kind != "youngest_age"
