"""全残: the customer's losses read against the wording's list of states."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story

LIFE = """---
code: T-WL-3
name: 测试福寿终身寿险
insurer: 测试人寿保险股份有限公司
type: whole_life
version: "1"
effective_from: 2025-01-01
---
# 测试福寿终身寿险条款

## 2 保险责任
### 2.1 身故或全残保险金
被保险人身故或全残的，我们按基本保险金额给付身故或全残保险金，本合同终止。

## 9 释义
### 9.1 全残
指下列情形之一：
（1）双目永久完全失明的；
（2）两上肢腕关节以上或两下肢踝关节以上缺失的；
（3）一上肢腕关节以上及一下肢踝关节以上缺失的；
（4）一目永久完全失明及一上肢腕关节以上缺失的；
（5）四肢关节机能永久完全丧失的；
（6）中枢神经系统机能极度障碍，终身不能从事任何工作，为维持生命必要的日常生活活动全部需要他人扶助的。
### 9.2 失明
指眼球缺失或摘除，或矫正视力低于零点零二，或视野半径小于五度。
### 9.3 缺失
指肢体自腕关节或踝关节近端以上完全离断。
"""


def test_a_listed_pair_of_losses_is_total_disability() -> None:
    told = story("工伤左手从手腕上面截了，右眼摘除了，能赔全残吗")
    verdict = decide(product(LIFE), told, default_thesaurus())
    assert verdict is not None and verdict.decision == "yes"
    assert "第（4）项" in verdict.answer


def test_one_eye_alone_is_not_total_disability() -> None:
    verdict = decide(product(LIFE), story("我妈一只眼失明了，算全残吗"), default_thesaurus())
    assert verdict is not None and verdict.decision == "no"
    assert "双目" in verdict.answer


def test_an_acuity_above_the_wordings_threshold_is_not_blindness() -> None:
    told = story("两只眼矫正视力都是0.1，算全残吗")
    verdict = decide(product(LIFE), told, default_thesaurus())
    assert verdict is not None and verdict.decision == "no"
    assert "0.1不低于0.02" in verdict.answer


def test_fingers_are_not_a_limb_lost_above_the_wrist() -> None:
    verdict = decide(product(LIFE), story("三根手指被切断了，能按全残赔吗"), default_thesaurus())
    assert verdict is not None and verdict.decision == "no"
    assert "腕关节" in verdict.answer


def test_needing_help_for_everything_may_be_total_disability_after_assessment() -> None:
    told = story("中风后一直卧床，吃饭穿衣全靠人照顾，算全残吗")
    verdict = decide(product(LIFE), told, default_thesaurus())
    assert verdict is not None and verdict.decision == "depends"
    assert "第（6）项" in verdict.answer and "鉴定" in verdict.answer


def test_a_story_naming_no_loss_is_left_to_the_wording() -> None:
    verdict = decide(product(LIFE), story("全残要怎么申请"), default_thesaurus())
    assert verdict is None or verdict.kind != "total_disability"


TERM = """---
code: T-TL-4
name: 测试守护定期寿险
insurer: 测试人寿保险股份有限公司
type: term_life
version: "1"
effective_from: 2025-01-01
---
# 测试守护定期寿险条款

## 3 保险责任
### 3.1 身故保险金
被保险人身故的，我们按基本保险金额的百分之一百给付身故保险金，本合同终止。
### 3.2 全残保险金
被保险人全残的，我们按基本保险金额的百分之一百给付全残保险金，本合同终止。

## 9 名词解释
### 9.1 全残
指下列情形之一，且为永久性的：
（1）双眼永久完全失明；
（2）两上肢腕关节以上缺失，或者两下肢踝关节以上缺失；
（3）一眼永久完全失明，同时一上肢腕关节以上缺失或一下肢踝关节以上缺失；
（4）四肢关节机能永久完全丧失；
（5）中枢神经系统机能极度障碍，日常生活活动全部需要他人扶助。
### 9.2 永久完全
自意外伤害发生之日或疾病确诊之日起经过一百八十日的治疗，机能仍完全丧失。
### 9.3 失明
最佳矫正视力低于国际标准视力表零点零二的，视为失明。
"""


def test_losses_told_without_the_word_are_paid_as_total_disability_with_the_sum() -> None:
    told = story("车祸右眼摘除了，左腿从脚踝上面截了，保额40万，能赔多少")
    verdict = decide(product(TERM), told, default_thesaurus())
    assert verdict is not None and verdict.decision == "yes"
    assert "第（3）项" in verdict.answer and "40万元" in verdict.answer


def test_either_pair_of_limbs_in_one_item_is_total_disability() -> None:
    told = story("两条腿从脚踝上面都截了，算全残吗")
    verdict = decide(product(TERM), told, default_thesaurus())
    assert verdict is not None and verdict.decision == "yes" and "第（2）项" in verdict.answer


def test_an_acuity_below_the_threshold_written_after_words_is_blindness() -> None:
    told = story("两只眼睛矫正视力都只有0.01了，能赔全残吗")
    verdict = decide(product(TERM), told, default_thesaurus())
    assert verdict is not None and verdict.decision == "yes" and "第（1）项" in verdict.answer


def test_one_side_paralysed_is_told_the_days_before_a_loss_is_permanent() -> None:
    told = story("中风3个月了，半边身子不能动，能申请全残吗")
    verdict = decide(product(TERM), told, default_thesaurus())
    assert verdict is not None and verdict.decision == "no"
    assert any("180日" in r.text for r in verdict.reasons)


def test_losses_without_the_word_under_a_cover_paying_by_grade_are_not_read_as_total() -> None:
    graded = TERM.replace(
        "### 3.2 全残保险金", "### 3.3 意外伤残保险金\n按伤残等级给付。\n### 3.2 全残保险金"
    )
    told = story("车祸右眼摘除了，左腿从脚踝上面截了，能赔多少")
    verdict = decide(product(graded), told, default_thesaurus())
    assert verdict is None or verdict.kind != "total_disability"


def test_a_hand_off_at_the_wrist_is_a_limb_lost_above_it() -> None:
    verdict = decide(
        product(LIFE),
        story("中风后一只眼睛永久失明了 右手也从手腕截掉了 这算全残吗"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.decision == "yes"
