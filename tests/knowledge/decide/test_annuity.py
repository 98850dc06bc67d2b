"""Annuities: one payment, a guaranteed period cut short by death, what may change, dividends."""

from __future__ import annotations

from bot.knowledge.decide import Verdict, decide
from bot.knowledge.decide.annuity import payments
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import product, story

ANNUITY = """---
code: T-ANN-1
name: 测试安享年金保险
insurer: 测试人寿保险股份有限公司
type: annuity
version: "1"
effective_from: 2025-01-01
---
# 测试安享年金保险条款

## 1 合同
### 1.1 合同构成
本合同为普通型年金保险合同，不参与红利分配。

## 2 保险利益
### 2.1 领取年龄
领取起始年龄在投保时约定，合同成立后不得变更。
### 2.1.1 开始领取日
开始领取日为被保险人年满约定领取起始年龄后的首个保单周年日；被保险人的生日与保单周年日为同一日的，以该日为开始领取日。
### 2.2 保证给付期
本合同的保证给付期为十年，自首个领取日起算。
### 2.3 养老年金
被保险人在每一领取日生存的，我们每年按基本保险金额的百分之十给付养老年金。
### 2.3.1 年金受益人
养老年金的受益人为被保险人本人，不得变更。
### 2.4 身故保险金
被保险人于保证给付期内身故的，我们按保证给付期内应给付的养老年金总额扣除已给付的养老年金后的余额给付身故保险金。

### 2.5 保证给付期满后身故
被保险人于保证给付期届满后身故的，我们不再给付身故保险金。被保险人身故后我们仍给付的养老年金，领取人应在30日内退还。
### 2.6 生存认证
被保险人须每年完成一次生存认证。未按时完成的，我们暂停给付养老年金，本合同效力不因此中止；补办后我们补发暂停期间的年金。

## 3 变更
### 3.1 领取方式
首个领取日前，您可以申请将领取方式改为按月领取。首个领取日后，领取方式不得变更。
### 3.2 保单借款
首个领取日后，您不得申请保单借款。开始领取日时仍有未还的借款的，我们从每期年金中扣除未还款项。扣除期间未还款项继续计息。
"""

MONTHLY = ANNUITY.replace(
    "我们每年按基本保险金额的百分之十给付养老年金。",
    "我们每年按基本保险金额的百分之十给付养老年金。选择按月领取的，每月给付金额为基本保险金额的百分之零点八。",
).replace("百分之零点八", "0.8%")


def _decide(wording: str, question: str) -> Verdict | None:
    return decide(product(wording), story(question), default_thesaurus())


def test_the_wordings_rules_for_one_payment_are_read_by_way_of_drawing() -> None:
    rules = payments(product(MONTHLY))
    assert [(p.monthly, p.percent) for p in rules] == [(False, 10.0), (True, 0.8)]


def test_a_monthly_payment_is_a_twelfth_of_the_yearly_rule_when_the_wording_has_no_other() -> None:
    verdict = _decide(ANNUITY, "保额12万，按月领的话每个月领多少")
    assert verdict is not None and verdict.kind == "annuity"
    assert verdict.answer.startswith("月领每月可领1000元：12万元 × 10% ÷ 12 = 1000元")


def test_the_wordings_own_monthly_rule_comes_before_a_twelfth() -> None:
    verdict = _decide(MONTHLY, "保额5万 月领每月能领多少钱")
    assert verdict is not None and verdict.answer.startswith("月领每月可领400元")


def test_death_in_the_guaranteed_period_pays_the_guaranteed_total_less_what_was_paid() -> None:
    verdict = _decide(ANNUITY, "我爸保额20万，年领，领了4年去世了，还能拿多少")
    assert verdict is not None and verdict.kind == "annuity"
    assert "2万元 × 10 − 2万元 × 4 = 12万元" in verdict.answer
    assert verdict.paid == 120_000


def test_changing_the_way_of_drawing_after_the_start_is_refused_by_the_wordings_sentence() -> None:
    verdict = _decide(ANNUITY, "已经开始领了，年领想改成月领行不行")
    assert verdict is not None and verdict.decision == "no"
    assert "领取方式不得变更" in verdict.answer


def test_changing_the_way_of_drawing_before_the_start_is_allowed() -> None:
    verdict = _decide(ANNUITY, "还没开始领，年领能改成月领吗")
    assert verdict is not None and verdict.decision == "yes"


def test_a_starting_age_fixed_by_the_wording_cannot_be_changed() -> None:
    verdict = _decide(ANNUITY, "选的60岁开始领，想推迟到65岁，可以改吗")
    assert verdict is not None and verdict.decision == "no"
    assert verdict.answer.startswith("不能变更领取起始年龄")


def test_a_loan_after_the_start_is_refused() -> None:
    verdict = _decide(ANNUITY, "开始领取以后还能办保单借款吗")
    assert verdict is not None and verdict.decision == "no"


def test_an_ordinary_annuity_has_no_dividends() -> None:
    verdict = _decide(ANNUITY, "这个年金有分红吗")
    assert verdict is not None and verdict.kind == "dividend" and verdict.decision == "no"


def test_a_question_about_changes_to_a_product_that_is_no_annuity_is_left_alone() -> None:
    wording = ANNUITY.replace("type: annuity", "type: whole_life")
    verdict = _decide(wording, "已经开始领了，年领想改成月领行不行")
    assert verdict is None or verdict.kind != "annuity_change"


def test_death_after_the_guaranteed_period_has_no_death_benefit_and_what_came_after_returns() -> (
    None
):
    verdict = _decide(ANNUITY, "我奶奶年领，领了12年，上个月去世了，这个月年金又打到卡里了，要退吗")
    assert verdict is not None and verdict.kind == "annuity" and verdict.decision == "no"
    assert verdict.answer.startswith("没有身故保险金了：保证领取期10年已经领满")
    assert any("30日内退还" in c for c in verdict.conditions)


def test_a_missed_survival_check_suspends_payments_without_lapsing_the_contract() -> None:
    verdict = _decide(ANNUITY, "忘了做生存认证，年金没到账，合同会失效吗")
    assert verdict is not None and verdict.kind == "survival_check"
    assert verdict.answer.startswith("合同不会因此失效") and "补发" in verdict.answer


AFTER_START_EXCLUSIONS = ANNUITY.replace(
    "## 3 变更\n",
    "### 2.7 责任免除\n因下列情形之一导致被保险人身故的，我们不承担给付身故保险金的责任：\n\n"
    "（1）投保人对被保险人的故意杀害、故意伤害；\n\n（2）被保险人酒后驾驶。\n\n"
    "发生上述第（1）项情形导致被保险人身故的，本合同终止；您已交足2年以上保险费的，"
    "我们向被保险人的继承人退还本合同的现金价值。发生上述第（2）项情形导致被保险人身故的，"
    "本合同终止，我们向您退还本合同的现金价值。\n\n"
    "被保险人于首个领取日后身故的，仅上述第（1）项至第（1）项情形适用。\n\n## 3 变更\n",
)


def test_an_exclusion_the_wording_lifts_once_payments_began_does_not_refuse() -> None:
    verdict = _decide(AFTER_START_EXCLUSIONS, "我爸已经领了3年了，这次酒后开车出事走了，还给吗")
    assert verdict is not None and verdict.kind == "exclusion" and verdict.decision == "yes"
    assert verdict.answer.startswith("不影响给付")


def test_before_the_start_the_exclusion_refuses_with_its_own_consequence() -> None:
    verdict = _decide(AFTER_START_EXCLUSIONS, "投保人故意伤害被保险人导致身故，保单里的钱怎么处理")
    assert verdict is not None and verdict.decision == "no"
    assert any("继承人" in r.text and r.article == "2.7" for r in verdict.reasons)


def test_the_start_day_is_the_first_anniversary_once_the_starting_age_is_reached() -> None:
    verdict = _decide(
        ANNUITY, "我1972年8月10日出生，2025年4月1日生效，选的65岁开始领，哪天能领第一笔"
    )
    assert verdict is not None and verdict.answer.startswith("开始领取日是2038年4月1日")


def test_a_birthday_on_the_anniversary_starts_that_day_where_the_wording_says_so() -> None:
    verdict = _decide(ANNUITY, "我1972年4月1日出生，2025年4月1日生效，选的60岁开始领，哪天开始领")
    assert verdict is not None and verdict.answer.startswith("开始领取日是2032年4月1日")


def test_a_loan_owed_when_payments_begin_is_deducted_as_the_wording_says() -> None:
    verdict = _decide(ANNUITY, "还有一笔保单借款没还完，马上就到开始领取日了，会怎么样")
    assert verdict is not None and verdict.kind == "annuity"
    assert "扣除未还款项" in verdict.answer and "继续计息" in verdict.answer


def test_the_payee_of_the_annuity_cannot_be_changed_where_the_wording_forbids_it() -> None:
    verdict = _decide(ANNUITY, "养老金的受益人能改成我儿子吗")
    assert verdict is not None and verdict.decision == "no"
    assert verdict.answer.startswith("不能变更年金的受益人")


def test_a_suspension_over_the_start_day_quotes_what_reinstatement_brings_back() -> None:
    wording = ANNUITY.replace(
        "## 3 变更\n",
        "### 2.8 复效\n效力中止期间经过开始领取日的，复效后，我们无息补发效力中止期间各给付日应给付的年金；"
        "保证给付期仍自原开始领取日起算，不因效力中止而顺延。\n\n## 3 变更\n",
    )
    verdict = _decide(wording, "停效期间过了开始领取日，复效以后那段时间的年金还补吗")
    assert (
        verdict is not None and "补发" in verdict.answer and "不因效力中止而顺延" in verdict.answer
    )


def test_the_lowest_sum_insured_is_the_wordings_floor() -> None:
    wording = ANNUITY.replace(
        "### 2.1 领取年龄\n", "### 2.0 保额\n基本保险金额不得低于1万元。\n### 2.1 领取年龄\n"
    )
    verdict = _decide(wording, "最低保额多少")
    assert verdict is not None and verdict.kind == "minimum_sum" and "1万元" in verdict.answer


def test_a_wording_silent_on_dividends_with_a_growing_sum_says_what_grows() -> None:
    from bot.knowledge.decide.annuity import decide_dividend
    from tests.knowledge.decide.conftest import product, story

    wording = product(
        """---
code: T-WL-16
name: 测试增福终身寿险
insurer: 测试人寿保险股份有限公司
type: whole_life
version: "1"
effective_from: 2025-01-01
---
# 测试增福终身寿险条款

## 2 保险利益
### 2.1 有效保险金额
本合同的有效保险金额在每个保单周年日自动增加，年增长率为百分之三，按复利计算。
### 2.2 身故保险金
被保险人身故的，按有效保险金额给付身故保险金。
"""
    )
    verdict = decide_dividend(wording, story("有没有分红啊？销售说每年还有分红"))
    assert verdict is not None and verdict.decision == "no" and "3%" in verdict.answer
