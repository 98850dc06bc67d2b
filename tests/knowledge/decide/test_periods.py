"""Periods in the story against the wording's: waiting period, cooling-off, grace, reinstatement."""

from __future__ import annotations

from bot.knowledge.decide import decide, timing_notes
from bot.knowledge.decide.periods import what_follows
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import ILLNESS as ILLNESS_TEXT
from tests.knowledge.decide.conftest import product, story


def test_a_diagnosis_inside_the_waiting_period_is_not_paid_and_says_what_happens(
    illness: ProductKnowledge,
) -> None:
    verdict = decide(
        illness, story("保单3月1号生效，5月20号确诊乳腺癌，能赔吗"), default_thesaurus()
    )
    assert verdict is not None and verdict.decision == "no"
    assert "第80天" in verdict.answer and "120日" in verdict.answer
    assert any("退还" in r.text for r in verdict.reasons)
    assert verdict.articles == ["2.1"]


def test_a_waiting_period_over_is_a_note_on_the_answer_not_the_answer(
    illness: ProductKnowledge,
) -> None:
    situation = story("2025年3月1日生效，2025年10月确诊乳腺癌，能赔吗")
    notes = timing_notes(illness, situation)
    assert notes and "已经过了" in notes[0].text


def test_an_accident_is_not_held_back_by_the_waiting_period(illness: ProductKnowledge) -> None:
    situation = story("合同3月1号生效，4月1号出车祸受伤")
    assert situation.cause == "accident"
    assert "不受" in timing_notes(illness, situation)[0].text


def test_cooling_off_counted_to_the_day_the_refund_is_asked(illness: ProductKnowledge) -> None:
    inside = decide(illness, story("2月1号签收的，2月15号想退保，能全退吗"), default_thesaurus())
    after = decide(illness, story("2月1号签收的，2月25号想退保，能全退吗"), default_thesaurus())
    assert inside is not None and inside.decision == "yes"
    assert after is not None and after.decision == "no" and "现金价值" in after.answer


def test_an_event_after_the_grace_period_is_not_paid(illness: ProductKnowledge) -> None:
    verdict = decide(
        illness, story("5月10号那期保费忘了交，7月20号确诊癌症，能赔吗"), default_thesaurus()
    )
    assert verdict is not None and verdict.kind == "grace" and verdict.decision == "no"
    assert "71天" in verdict.answer and "60日" in verdict.answer


def test_reinstatement_within_its_window_and_after_it(illness: ProductKnowledge) -> None:
    within = decide(illness, story("保单失效22个月了还能复效吗"), default_thesaurus())
    beyond = decide(illness, story("保单失效三年了还能复效吗"), default_thesaurus())
    assert within is not None and within.decision == "yes"
    assert beyond is not None and beyond.decision == "no"


def test_the_waiting_period_counts_to_the_first_symptom_not_the_stay(
    illness: ProductKnowledge,
) -> None:
    verdict = decide(
        illness,
        story("2025年6月1号生效的，7月18号开始胃疼去医院看，12月10号住院，能赔吗"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.kind == "waiting" and verdict.decision == "no"
    assert "出现症状" in verdict.answer and "观察期" in verdict.answer


def test_an_accident_asked_about_the_waiting_period_is_not_held_back(
    illness: ProductKnowledge,
) -> None:
    verdict = decide(
        illness, story("生效才第5天 孩子骑车摔骨折住院 是不是还在观察期不能赔"), default_thesaurus()
    )
    assert verdict is not None and verdict.decision == "yes"
    assert verdict.answer.startswith("意外伤害导致的不受观察期限制")


def test_an_event_in_the_suspension_is_not_paid_after_reinstatement(
    illness: ProductKnowledge,
) -> None:
    verdict = decide(
        illness,
        story("2024年3月1号那期保费没交，6月10号确诊胃癌，7月份补上复效了，6月那次还能报吗"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.kind == "grace" and verdict.decision == "no"


def test_a_payment_missed_on_its_yearly_day_is_inside_the_grace_period(
    illness: ProductKnowledge,
) -> None:
    verdict = decide(
        illness,
        story("保单2022年5月1号生效，每年5月1号交费，今年忘了交，6月15号确诊癌症，能赔吗"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.kind == "grace" and verdict.decision == "yes"
    assert "扣除" in verdict.answer


LISTED_WAITING = """---
code: T-MED-2
name: 测试安心医疗保险
insurer: 测试健康保险股份有限公司
type: medical
version: "1"
effective_from: 2025-01-01
---
# 测试安心医疗保险条款

## 2 保险责任
### 2.1 等待期
自本合同生效之日起三十日为等待期。对于9.2所列的特定疾病，等待期为自本合同生效之日起一百二十日。被保险人在等待期内确诊的疾病，我们不承担给付保险金的责任。
### 2.2 住院医疗保险金
被保险人于等待期后住院治疗的，我们按约定给付住院医疗保险金。

## 9 释义
### 9.2 特定疾病
指适用一百二十日等待期的下列疾病：
（1）甲状腺结节及甲状腺良性肿瘤；
（2）肾结石、输尿管结石；
（3）各类疝气。
"""


def test_a_listed_disease_has_the_longer_waiting_period_of_its_list() -> None:
    wording = product(LISTED_WAITING)
    assert wording.facts.periods["waiting_listed"].amount == 120
    inside = decide(
        wording, story("1月10号生效，4月15号查出输尿管结石，能赔吗"), default_thesaurus()
    )
    other = decide(wording, story("1月10号生效，4月15号查出胃溃疡，能赔吗"), default_thesaurus())
    after = decide(wording, story("1月10号生效，6月15号查出疝气，能赔吗"), default_thesaurus())
    assert inside is not None and inside.decision == "no" and "120日" in inside.answer
    assert "9.2" in inside.articles
    assert other is None or other.decision != "no"
    assert after is not None and after.decision == "yes" and "120日" in after.answer


def test_a_refund_asked_after_the_cooling_off_says_the_day_it_ended(
    illness: ProductKnowledge,
) -> None:
    verdict = decide(
        illness,
        story("电子保单6月10号晚上送达的，我7月1号才想起来要退，能全退吗"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.decision == "no" and "6月30日" in verdict.answer


def test_a_payout_inside_the_grace_period_is_less_the_premium_owed(
    illness: ProductKnowledge,
) -> None:
    verdict = decide(
        illness,
        story("保额30万，年交保费6000，每年5月1号交费，今年忘了交，6月15号确诊恶性肿瘤，能赔多少"),
        default_thesaurus(),
        disease="恶性肿瘤——重度",
    )
    assert verdict is not None and verdict.kind == "grace" and verdict.decision == "yes"
    assert "29.4万元" in verdict.answer


def test_a_diagnosis_inside_a_restarted_waiting_period_cites_what_differs_after_reinstatement() -> (
    None
):
    wording = product(
        ILLNESS_TEXT.replace(
            "我们无息退还已交保险费，本合同终止。",
            "我们无息退还已交保险费，本合同终止；但该观察期是因复效而重新计算的，我们退还本合同的"
            "现金价值，本合同终止。",
        )
    )
    verdict = decide(
        wording,
        story("2026年9月1号补交保费复效了，11月20号查出结肠癌，能赔吗"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.decision == "no"
    assert any("现金价值" in r.text for r in verdict.reasons)


def test_inside_the_waiting_period_the_consequence_is_the_one_for_the_category_told() -> None:
    wording = product(
        ILLNESS_TEXT.replace(
            "被保险人在观察期内因疾病确诊重大疾病的，我们无息退还已交保险费，本合同终止。",
            "观察期内因疾病确诊的，按下列方式处理：\n（1）确诊重大疾病的，我们无息退还已交保险费，"
            "本合同终止；\n（2）确诊轻度疾病的，我们不给付该种轻度疾病的保险金；\n本合同其他保险责任"
            "继续有效。",
        )
    )
    verdict = decide(
        wording,
        story("保单2025年3月1日生效的，孩子6月10日查出甲状腺癌，医生说是一期的，能赔吗"),
        default_thesaurus(),
        disease="甲状腺癌",
    )
    assert verdict is not None and verdict.kind == "waiting" and verdict.decision == "no"
    assert any("继续有效" in r.text for r in verdict.reasons)
    assert not any("本合同终止" in r.text for r in verdict.reasons)


def test_a_waiting_period_over_with_the_amount_asked_answers_with_the_benefit(
    illness: ProductKnowledge,
) -> None:
    verdict = decide(
        illness,
        story("保额30万，2025年3月1日生效，2025年10月5号确诊癌症，过了观察期没，能拿多少"),
        default_thesaurus(),
        disease="恶性肿瘤——重度",
    )
    assert verdict is not None and verdict.kind == "disease" and "30万元" in verdict.answer
    assert any("观察期" in r.text for r in verdict.reasons)


def test_inside_the_waiting_period_a_holder_asking_to_leave_is_told_the_wording_option() -> None:
    wording = product(
        LISTED_WAITING.replace(
            "我们不承担给付保险金的责任。",
            "我们不承担给付保险金的责任。本保险期间内未给付过保险金的，您可以选择解除本合同，"
            "我们无息退还本保险期间全部保险费。",
        )
    )
    verdict = decide(
        wording, story("买了第20天就查出胃溃疡，以后都不管了，那我退了行不行"), default_thesaurus()
    )
    assert verdict is not None and verdict.decision == "no"
    assert any("解除" in r.text and "全部保险费" in r.text for r in verdict.reasons)


def test_the_cooling_off_period_is_named_as_the_wording_names_it(
    illness: ProductKnowledge,
) -> None:
    verdict = decide(illness, story("2月1号签收的，2月25号想退保，能全退吗"), default_thesaurus())
    assert verdict is not None and "冷静期" in verdict.answer and "犹豫期" not in verdict.answer


def test_a_wording_without_a_waiting_period_adds_no_note_about_one() -> None:
    wording = product(
        LISTED_WAITING.replace(
            "自本合同生效之日起三十日为等待期。对于9.2所列的特定疾病，等待期为自本合同生效之日起一百二十日。"
            "被保险人在等待期内确诊的疾病，我们不承担给付保险金的责任。",
            "本合同不设等待期。",
        )
    )
    assert wording.facts.periods["waiting"].amount == 0
    assert timing_notes(wording, story("1月10号生效，1月15号摔伤住院")) == []


def test_a_listed_disease_past_its_waiting_period_is_paid_at_the_ratio_of_the_place_named() -> None:
    wording = product(
        LISTED_WAITING.replace(
            "## 9 释义",
            "### 2.3 给付比例\n住院医疗保险金（网络医院）：给付比例为100%；\n"
            "住院医疗保险金（非网络医院）：给付比例为70%。\n\n## 9 释义",
        )
    )
    verdict = decide(
        wording,
        story("1月10号生效，6月15号查出疝气，要在网络医院住院做手术，能报吗"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.decision == "yes"
    assert "100%" in verdict.answer and "2.3" in verdict.articles


def test_a_period_is_named_by_the_name_the_wording_uses_first() -> None:
    wording = product(
        ILLNESS_TEXT.replace(
            "自您签收本合同次日起二十日为冷静期。",
            "自您签收本合同的次日起，您享有二十日的冷静期（即通常所说的“犹豫期”）。",
        )
    )
    verdict = decide(
        wording,
        story("我4月3号在app上点了确认收到电子合同，现在4月22号了，能全额退吗"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.decision == "yes" and "冷静期" in verdict.answer


def test_an_illness_told_inside_the_waiting_period_without_dates_is_answered_by_the_period(
    illness: ProductKnowledge,
) -> None:
    verdict = decide(illness, story("观察期里查出肺癌了怎么办 能赔吗"), default_thesaurus())
    assert verdict is not None and verdict.kind == "waiting" and verdict.decision == "no"
    assert verdict.articles == ["2.1"]
    accident = decide(illness, story("还在观察期 出车祸骨折了能赔吗"), default_thesaurus())
    assert accident is None or accident.decision != "no"


def test_what_follows_a_diagnosis_inside_the_waiting_period() -> None:
    ends = "我们不承担给付责任，无息退还您已交的保险费，本合同终止"
    kept = "我们不承担给付保险金的责任，本合同继续有效；您也可以申请解除本合同，我们无息退还您已交纳的保险费"
    assert what_follows(ends) == "退还已交保险费，本合同终止"
    assert what_follows(kept) == "合同继续有效，您也可以申请解除合同，退还已交保险费"
    assert what_follows("我们不承担给付该项保险金的责任，本合同继续有效") is None


def test_reinstatement_asked_on_a_later_day_says_what_the_wording_does_then() -> None:
    wording = product(
        ILLNESS_TEXT.replace(
            "须补交欠交的保险费及利息。",
            "须补交欠交的保险费及利息。逾期未申请恢复的，本合同终止，我们退还现金价值。",
        ).replace("二年内", "九十日内")
    )
    verdict = decide(
        wording, story("3月2号效力中止的，7月8号打算补费恢复，行吗"), default_thesaurus()
    )
    assert verdict is not None and verdict.kind == "reinstatement" and verdict.decision == "no"
    assert "128天" in verdict.answer and "本合同终止，退还现金价值" in verdict.answer


def test_a_wording_without_reinstatement_says_no_whatever_the_dates() -> None:
    wording = product(
        ILLNESS_TEXT.replace(
            "本合同效力中止之日起二年内，您可以申请恢复合同效力，须补交欠交的保险费及利息。",
            "本合同为一年期保险，不设复效。宽限期届满未交费的，本合同终止；如需保障，须重新投保。",
        )
    )
    verdict = decide(wording, story("断交三个礼拜了，还能补交恢复吗"), default_thesaurus())
    assert verdict is not None and verdict.kind == "reinstatement" and verdict.decision == "no"
    assert any("重新投保" in c for c in verdict.conditions)


def test_a_waiting_period_the_wording_judges_by_the_day_of_death() -> None:
    wording = product(
        ILLNESS_TEXT.replace(
            "因意外伤害导致的，无观察期。",
            "因意外伤害导致的，无观察期。是否在观察期内，以被保险人身故之日为准，而不以确诊之日为准。",
        )
    )
    verdict = decide(
        wording,
        story("2025年1月10号生效，3月1号确诊肝癌，6月20号人走了，确诊在观察期里还能赔吗"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.kind == "waiting" and verdict.decision == "yes"
    assert "身故之日为准" in verdict.answer


def test_cooling_off_asked_by_its_days_gives_first_and_last_day(illness: ProductKnowledge) -> None:
    verdict = decide(
        illness,
        story("3月1日短信发来，3月5日才确认收到，犹豫期从哪天开始算？到哪天结束？"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.kind == "cooling_off" and verdict.decision == "info"
    assert "3月6日" in verdict.answer and "止" in verdict.answer


def test_cooling_off_inside_names_its_last_day(illness: ProductKnowledge) -> None:
    verdict = decide(illness, story("2月1号签收的，2月15号想退保，能全退吗"), default_thesaurus())
    assert verdict is not None and "到2月" in verdict.answer


def test_a_benefit_that_says_it_has_no_waiting_period_is_answered_so_with_what_it_pays() -> None:
    wording = product(
        ILLNESS_TEXT.replace(
            "### 2.1 观察期\n", "### 2.0 说明\n本合同的身故责任不设等待期。\n### 2.1 旧观察期\n"
        )
        .replace("自本合同生效（或最后一次复效）之日起一百二十日为观察期。", "")
        .replace(
            "被保险人在观察期内因疾病确诊重大疾病的，我们无息退还已交保险费，本合同终止。因意外伤害导致的，无观察期。",
            "",
        )
        .replace("于观察期后", "")
    )
    assert wording.facts.periods.get("waiting") is None
    verdict = decide(wording, story("刚买3个月人就走了，是不是在等待期里不赔"), default_thesaurus())
    assert verdict is not None and verdict.kind == "waiting"
    assert verdict.answer.startswith("没有等待期")


def test_a_category_told_inside_the_waiting_period_gets_that_categorys_rule() -> None:
    wording = product(
        ILLNESS_TEXT.replace(
            "被保险人在观察期内因疾病确诊重大疾病的，我们无息退还已交保险费，本合同终止。",
            "被保险人在观察期内因疾病确诊重大疾病的，我们无息退还已交保险费，本合同终止。"
            "被保险人在观察期内因疾病确诊轻度疾病的，我们不承担轻度疾病保险金责任，本合同继续有效。",
        )
    )
    verdict = decide(wording, story("观察期里查出轻症咋办"), default_thesaurus())
    assert verdict is not None and verdict.decision == "no"
    assert any("继续有效" in r.text for r in verdict.reasons)


def test_an_accident_listed_under_the_cases_without_a_waiting_period_is_not_held_back() -> None:
    wording = product(
        LISTED_WAITING.replace(
            "被保险人在等待期内确诊的疾病，我们不承担给付保险金的责任。",
            "被保险人在等待期内确诊的疾病，我们不承担给付保险金的责任。\n下列情形不适用等待期：\n"
            "（1）被保险人因意外伤害发生的医疗费用；\n（2）连续续保的合同。",
        )
    )
    verdict = decide(
        wording, story("生效第5天骑车摔骨折住院了，还在等待期里，能赔吗"), default_thesaurus()
    )
    assert verdict is not None and verdict.decision != "no"


def test_a_waiting_period_refund_is_said_in_the_customers_premium(
    illness: ProductKnowledge,
) -> None:
    verdict = decide(
        illness,
        story("保单3月1号生效，年交7200，5月20号确诊乳腺癌，能赔多少"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.decision == "no"
    assert "退还7200元" in verdict.answer


def test_the_grace_period_is_counted_to_the_day_of_the_event_told_after_the_lapse(
    illness: ProductKnowledge,
) -> None:
    verdict = decide(
        illness,
        story("保费5月10号该交 我忘交了 6月20号我出车祸住院了 能赔吗"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.kind == "grace" and verdict.decision == "yes"
    assert "41天" in verdict.answer


def test_inside_the_grace_period_a_told_payout_is_paid_less_the_premium_owed(
    illness: ProductKnowledge,
) -> None:
    verdict = decide(
        illness,
        story("月交的 3月15号那期没扣成功 4月10号我住院了 理赔算下来应赔2万 每月保费120 能拿多少"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.kind == "grace"
    assert "2万元 − 120元 = 1.988万元" in verdict.answer
