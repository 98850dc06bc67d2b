"""Grades of one illness: the definition the customer's own figures meet pays, not a higher one."""

from __future__ import annotations

import pytest

from bot.knowledge.decide import decide
from bot.knowledge.decide.grades import meets
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story

GRADED = """---
code: T-CI-GRADES
name: 测试多级重大疾病保险
insurer: 测试人寿保险股份有限公司
type: critical_illness
version: "1"
effective_from: 2025-01-01
---
# 测试多级重大疾病保险条款

## 2 保险利益
### 2.1 等待期
自本合同生效之日起九十日为等待期。因意外伤害导致的，无等待期。
### 2.2 重度疾病保险金
被保险人于等待期后确诊初次发生重度疾病，我们按基本保险金额的百分之一百给付，本合同终止。
### 2.3 中度疾病保险金
被保险人于等待期后确诊初次发生中度疾病，我们按基本保险金额的百分之五十给付，每种疾病限一次。
### 2.4 轻度疾病保险金
被保险人于等待期后确诊初次发生轻度疾病，我们按基本保险金额的百分之二十给付，每种疾病限一次。

## 8 释义
### 8.1 重度疾病
#### 8.1.1 严重脑中风后遗症
指脑血管突发病变，在疾病确诊一百八十天后，仍遗留下列至少一种障碍：（1）一肢（含）以上肢体肌力二级（含）以下；（2）语言能力完全丧失。
#### 8.1.2 重度烧伤
指Ⅲ度烧伤的面积达到全身体表面积的百分之二十或以上。
#### 8.1.3 多个肢体缺失
指因疾病或意外伤害导致两个或两个以上肢体自腕关节或踝关节近端以上完全性断离。
#### 8.1.4 深度昏迷
指意识丧失，格拉斯哥昏迷分级（GCS）结果为五分或五分以下，且已经持续使用呼吸机九十六小时以上。
#### 8.1.5 心脏瓣膜手术
指已经实施了切开心脏进行的心脏瓣膜置换或修复的手术。
#### 8.1.6 双耳失聪
指双耳听力永久不可逆性丧失，平均听阈大于等于九十一分贝。被保险人申请理赔时须年满三周岁。
### 8.2 中度疾病
#### 8.2.1 中度脑中风后遗症
指脑血管突发病变，在疾病确诊一百八十天后，仍遗留下列至少一种障碍：（1）两肢（含）以上肢体肌力为三级；（2）一肢（含）以上肢体肌力为三级，且无法独立完成六项基本日常生活活动中的两项。
#### 8.2.2 中度烧伤
指Ⅲ度烧伤的面积达到全身体表面积的百分之十或以上，但未达到百分之二十。
#### 8.2.3 单个肢体缺失
指因疾病或意外伤害导致一个肢体自腕关节或踝关节近端以上完全性断离。
### 8.3 轻度疾病
#### 8.3.1 轻度昏迷
指意识障碍，格拉斯哥昏迷分级（GCS）结果为八分或八分以下，且持续四十八小时以上。
#### 8.3.2 心脏瓣膜介入手术
指已经实施了未切开心脏的经皮经导管心脏瓣膜置换或修复手术。
"""


@pytest.fixture(scope="module")
def graded() -> ProductKnowledge:
    return product(GRADED)


@pytest.mark.parametrize(
    ("question", "disease", "answer"),
    [
        (
            "中风确诊已经7个月了，右手右腿肌力都是3级，保额50万，能赔多少",
            "脑中风后遗症",
            "按中症赔，50万元 × 50% = 25万元",
        ),
        ("Ⅲ度烧伤面积15%，保额20万，能赔多少", "烧伤", "按中症赔，20万元 × 50% = 10万元"),
        (
            "溺水后昏迷，GCS评分7分，昏了3天，没上呼吸机，保额10万，能按深度昏迷赔吗",
            "深度昏迷",
            "按轻症赔，10万元 × 20% = 2万元",
        ),
        ("被车撞了，左腿膝盖以下截肢，保额30万，能赔多少", None, "按中症赔，30万元 × 50% = 15万元"),
        (
            "被车撞了，两条腿膝盖以上都截了，保额30万，能赔多少",
            None,
            "按重疾赔，30万元 × 100% = 30万元",
        ),
        (
            "做了经导管主动脉瓣置换，没开胸，保额20万，能赔多少",
            None,
            "按轻症赔，20万元 × 20% = 4万元",
        ),
    ],
)
def test_the_grade_the_figures_meet_is_paid(
    graded: ProductKnowledge, question: str, disease: str | None, answer: str
) -> None:
    verdict = decide(graded, story(question), default_thesaurus(), disease)
    assert verdict is not None and verdict.decision == "yes"
    assert answer in verdict.answer


def test_a_higher_grade_named_but_not_met_is_said_not_to_fit(graded: ProductKnowledge) -> None:
    verdict = decide(
        graded, story("GCS评分7分，昏了3天，能按深度昏迷赔吗"), default_thesaurus(), "深度昏迷"
    )
    assert verdict is not None
    assert verdict.answer.startswith("不能按“深度昏迷”赔")
    assert "轻度昏迷" in verdict.answer


def test_days_since_onset_told_as_months_ago_are_too_few(graded: ProductKnowledge) -> None:
    verdict = decide(
        graded,
        story("我妈3个月前脑梗，现在左边胳膊腿肌力2级，能申请吗"),
        default_thesaurus(),
        "脑中风后遗症",
    )
    assert verdict is not None and verdict.decision == "no"
    assert verdict.answer.startswith("暂时还不能按“严重脑中风后遗症”赔")
    assert "180天" in verdict.answer


def test_an_age_the_definition_requires_at_the_claim(graded: ProductKnowledge) -> None:
    verdict = decide(
        graded, story("宝宝1岁半，听阈95分贝，能申请双耳失聪吗"), default_thesaurus(), "双耳失聪"
    )
    assert verdict is not None and verdict.decision == "no"
    assert "3周岁" in verdict.answer and "1.5岁" in verdict.answer


def test_nothing_measured_settles_nothing() -> None:
    assert meets("指Ⅲ度烧伤的面积达到全身体表面积的20%或以上。", "孩子烫伤了") is None
    assert meets("指Ⅲ度烧伤的面积达到全身体表面积的20%或以上。", "烧伤面积25%") is True
    assert meets("指Ⅲ度烧伤的面积达到10%或以上，但未达到20%。", "烧伤面积25%") is False


def test_a_rise_is_compared_with_the_same_markers_bound() -> None:
    definition = "须满足下列至少一项：（1）肌钙蛋白（cTn）升高至正常参考值上限15倍以上；（2）肌酸激酶同工酶（CK-MB）升高至正常参考值上限2倍以上。"
    assert meets(definition, "肌钙蛋白升到正常上限20倍") is True
    assert meets(definition, "肌钙蛋白升到正常上限8倍") is False


def test_corrected_vision_above_the_definitions_is_not_met() -> None:
    definition = "指一只眼睛视力永久不可逆性丧失，矫正视力低于0.02。"
    assert meets(definition, "近视600度，戴眼镜能矫正到1.0") is False
    assert meets(definition, "矫正视力0.01") is True


def test_a_payout_share_told_is_not_a_measured_figure() -> None:
    assert meets("指Ⅲ度烧伤的面积达到20%或以上。", "她说只赔30%") is None


def test_a_condition_one_grade_leaves_out_is_left_out_of_every_grade() -> None:
    worded = GRADED.replace(
        "且无法独立完成六项基本日常生活活动中的两项。",
        "且无法独立完成六项基本日常生活活动中的两项。短暂性脑缺血发作（TIA）不在保障范围内。",
    )
    verdict = decide(
        product(worded),
        story("短暂性脑缺血发作住院一周，没有后遗症，能按脑中风赔吗"),
        default_thesaurus(),
        "脑中风后遗症",
    )
    assert verdict is not None and verdict.decision == "no"


def test_a_list_of_what_a_definition_leaves_out_is_not_what_it_asks() -> None:
    severe = "指恶性肿瘤。下列情形不属于本项：（1）WHO分级为G1级（ki-67≤2%）的神经内分泌肿瘤；（2）原位癌。"
    mild = (
        "仅限于下列情形之一：（1）Ⅰ期的甲状腺癌；（2）WHO分级为G1级（ki-67≤2%）的神经内分泌肿瘤。"
    )
    story = "神经内分泌肿瘤，病理G1，ki-67 1%，没有转移"
    assert meets(severe, story) is None
    assert meets(mild, story) is True
