"""A customer's question read as far as words go: topics, categories, sum insured."""

from __future__ import annotations

from bot.knowledge.question import Question

# ---- added: Question.read -----------------------------------------------------------------------


def test_the_question_is_normalised_and_its_synonyms_added() -> None:
    question = Question.read("理赔需要什么材料")
    assert question.text == "理赔需要什么材料 保险金申请"
    assert question.topics == ("claim_materials",)


def test_documents_already_handed_in_are_not_a_materials_question() -> None:
    assert Question.read("材料已经交了，多久到账").topics == ("claim_payment",)


def test_the_interval_between_two_claims_is_its_own_topic() -> None:
    question = Question.read("保额30万，两次重疾要隔多久")
    assert question.topics == ("interval",)
    assert question.categories == ("severe",)


def test_the_categories_named_are_kept_in_order() -> None:
    assert Question.read("我买了50万保额的重疾险，轻症怎么赔？").categories == ("severe", "mild")


def test_a_sum_insured_is_read_in_wan_and_w() -> None:
    assert Question.read("我买了50万保额的重疾险，轻症怎么赔？").sum_insured == 500000.0
    assert Question.read("我投保了20w的醫療險").sum_insured == 200000.0


def test_an_amount_that_is_not_a_sum_insured_is_not_taken_for_one() -> None:
    assert Question.read("我有50万存款，能赔吗").sum_insured is None


def test_renewing_late_and_a_full_refund_are_asked_in_everyday_words() -> None:
    assert "renewal" in Question.read("到期两周了忘了续费，现在还能续上吗").topics
    assert "cooling_off" in Question.read("刚收到电子保单，现在退能全退吗").topics
    assert "claim_materials" in Question.read("申请身故金要准备啥").topics


def test_a_notice_period_the_customer_quotes_is_the_claim_notice_topic() -> None:
    assert "claim_notice" in Question.read("听说出事要7天内通知保险公司，我晚了会怎样").topics


def test_zhongzheng_is_a_customers_word_for_severe_illness_but_not_in_intensive_care() -> None:
    assert Question.read("重症能赔几次").categories == ("severe",)
    assert Question.read("住了3天重症监护室能报吗").categories == ()


def test_an_illness_said_not_to_be_there_is_not_read_as_named() -> None:
    assert "急性心肌梗死" not in Question.read("冠心病放支架赔吗 没有心梗 就是狭窄").text
    assert "急性心肌梗死" in Question.read("心梗放了支架赔吗").text
