"""General rules as data: each with its source; a malformed entry refused with what is wrong;
a question with no product gets the rule that bears on it, however it is worded."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge.answer import KnowledgeBase
from bot.knowledge.general import (
    GeneralIndex,
    GeneralRule,
    general_index,
    general_rule,
    general_rules,
    read_everyday,
    read_general_rules,
    read_outside_scope,
)
from bot.knowledge.question import Question
from bot.knowledge.text import normalize


def chosen(question: str) -> list[str]:
    """The keys of the rules chosen for ``question``, read as the knowledge base reads it."""
    asked = Question.read(normalize(question))
    rules = general_index().choose(asked.text, asked.topics[:2], asked.categories[:2])
    return [rule.key for rule in rules]


def test_every_rule_has_its_text_and_a_source_naming_a_law_regulation_or_standard() -> None:
    for rule in general_rules().values():
        assert rule.text and rule.source, rule.key
        assert rule.said().endswith(f"（依据{rule.source}）")
        assert "《" in rule.source or "条款" in rule.source, rule.key


def test_the_orphan_policy_rule_says_the_policy_stays_in_force_and_cites_its_source() -> None:
    rule = general_rules()["orphan_policy"]
    assert "保单继续有效" in rule.said() and "保险销售行为管理办法" in rule.said()


def test_a_rule_without_a_source_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "rules.yml"
    path.write_text("general_rules:\n  x:\n    text: 某规则\n", "utf-8")
    with pytest.raises(ValueError, match=r"'x' lacks source"):
        read_general_rules(path)


@pytest.mark.parametrize(
    ("entry", "error"),
    [
        ("    text: 某规则\n    source: 某法\n    when: '(未告知'\n", r"'x': when '\(未告知'"),
        ("    text: 某规则\n    source: 某法\n    topics: [refunds]\n", r"unknown topic refunds"),
        ("    text: 某规则\n    source: 某法\n    sourse: 某法\n", r"unknown field sourse"),
        ("    text: 某规则\n    source: 某法\n    asks: 7\n", r"asks must be a list"),
    ],
)
def test_a_malformed_rule_is_refused_with_its_key_and_what_is_wrong(
    tmp_path: Path, entry: str, error: str
) -> None:
    path = tmp_path / "rules.yml"
    path.write_text(f"general_rules:\n  x:\n{entry}", "utf-8")
    with pytest.raises(ValueError, match=error):
        read_general_rules(path)


def test_an_outside_scope_entry_needs_no_source_but_a_text_and_the_questions_it_is_for(
    tmp_path: Path,
) -> None:
    path = tmp_path / "rules.yml"
    path.write_text("general_rules: {}\noutside_scope:\n  x:\n    title: 某事\n", "utf-8")
    with pytest.raises(ValueError, match=r"'x' lacks text, when"):
        read_outside_scope(path)
    assert all(entry.outside and entry.when for entry in read_outside_scope().values())


def test_an_unknown_thesaurus_concept_or_a_malformed_everyday_entry_is_refused(
    tmp_path: Path,
) -> None:
    path = tmp_path / "rules.yml"
    path.write_text(
        "general_rules:\n  x:\n    text: 某规则\n    source: 某法\n    concepts: [tattoo]\n",
        "utf-8",
    )
    with pytest.raises(ValueError, match=r"'x': unknown concept tattoo"):
        read_general_rules(path)
    path.write_text("general_rules: {}\neveryday:\n  复效: 7\n", "utf-8")
    with pytest.raises(ValueError, match=r"everyday 复效.*must be a list"):
        read_everyday(path)


def _rules(*titles: str) -> list[GeneralRule]:
    # a handful of others, so that the rules' own words are not the words most rules share
    others = ["等待期 观察期", "宽限期 晚交", "受益人 变更", "回访 电话", "犹豫期 全额退"]
    return [
        GeneralRule(f"r{i}", "某规则。", "某法", title=t) for i, t in enumerate([*titles, *others])
    ]


def test_an_everyday_word_finds_the_rule_its_own_word_names() -> None:
    rules = _rules("效力中止 中止期间出险", "退保 现金价值")
    assert GeneralIndex(rules, {}).choose("保单停了快半年") == []
    everyday = GeneralIndex(rules, {"效力中止": ["停了", "断交"]})
    assert [r.key for r in everyday.choose("保单停了快半年")] == ["r0"]


@pytest.mark.parametrize(
    ("question", "rule", "source"),
    [
        ("保单失效一年多了 现在补交钱还能让它重新有效吗", "reinstatement", "第37条"),
        ("核赔下来说不属于保险责任 保险公司要不要出个书面说明", "refusal_notice", "第24条"),
        ("投保单上的出生年份比身份证早了一年 以后赔钱会打折吗", "misstated_age", "第32条"),
        ("被保险人去世了 保单上没写受益人 钱谁能领", "no_beneficiary", "第42条"),
        ("保险公司客服打来电话核对我买的保险 我应该怎么回答", "return_visit", "第35条"),
        ("在银行柜台买的保险全程录了像 那段录像我能要来看吗", "recorded_sale", "可回溯"),
        ("想了解一下现金价值怎么算", "surrender", "第47条"),
        ("宽容期是几天", "grace", "第36条"),
        ("赔款审核结束以后多少天内得打到我卡上", "claim_payment", "第23"),
        ("理赔资料递交后 法律规定多长时间内必须给答复", "claim_payment", "第23"),
        ("帮孩子退保 拿户口本证明关系可以吗", "surrender_documents", "第47条"),
        ("合同签了两年半 保险公司说我当初瞒了病情要解约", "incontestable", "第16条"),
        ("投保那会儿没讲自己有痛风 快三年了 现在申请理赔会被拒吗", "incontestable", "第16条"),
        ("出生时就有的先天性髋关节脱位 少儿医疗能报吗", "congenital", "条款"),
        ("心梗后放了支架 能按重疾赔吗", "coronary_stent", "疾病定义使用规范"),
        ("民营医院确诊的病 保险公司认吗", "hospital", "条款"),
        ("保单停交快一年了 想接着交 还来得及吗", "reinstatement", "第37条"),
        ("做隆鼻手术能报销吗", "exclusions", "条款"),
        ("条款上的话有歧义 应该按谁的理解", "ambiguous_clause", "第30条"),
        ("保单忘了续费 现在还在保障期吗", "grace", "第36条"),
        ("家里老人过世了 身故理赔要交什么", "claim_materials", "第22条"),
        ("投保时业务员没告诉我免责条款", "exemption_explained", "第25、26条"),
    ],
)
def test_a_question_gets_the_rule_that_bears_on_it_with_its_source(
    question: str, rule: str, source: str
) -> None:
    assert chosen(question)[0] == rule
    assert source in general_rule(rule).source


def test_a_topic_misread_from_one_word_does_not_outrank_the_rule_the_words_point_to() -> None:
    # "不符合" reads as the exclusions topic; the question is about the refusal notice
    assert chosen("理赔被判定不符合条件 保险公司得书面告诉我为什么不赔吗") == ["refusal_notice"]


def test_two_topics_asked_get_two_rules_and_one_topic_one() -> None:
    assert chosen("犹豫期有几天 过了以后退保能拿回多少") == ["cooling_off", "surrender"]
    assert chosen("被保险人去世了 保单上没写受益人 钱谁能领") == ["no_beneficiary"]


def test_a_question_nothing_bears_on_gets_no_rule() -> None:
    assert chosen("帮我写一首诗") == []
    assert chosen("明天会下雨吗") == []
    # a few shared characters (出事, 赔多少) are no reason to say the 中症 rule
    assert chosen("坐飞机出事 航空意外险赔多少") == []
    # a broken leg is no lapsed policy (断了), a stopped heart no suspended one (停了)
    assert chosen("腿摔断了 意外险赔不赔") == []
    # one shared character (改 of 改受益人) is no reason to say the beneficiary rule
    assert chosen("地址变了要改吗") == []


@pytest.mark.parametrize(
    "question",
    [
        "电瓶车的保险明年多少钱",
        "台风把窗户吹坏了 家财险怎么报",
        "帮我查一下航班有没有延误",
        "你们公司招不招理赔员",
        "交强险出险了多久能到账",
        "车子被刮了 找谁赔",
    ],
)
def test_property_vehicle_and_other_services_are_said_to_be_outside_what_we_do(
    sample_kb: KnowledgeBase, question: str
) -> None:
    text = sample_kb.ask(question).text
    assert "不在我的服务范围" in text and "人身保险" in text
    assert "依据" not in text  # no insurance rule said as if it answered


def test_a_product_whose_name_holds_yibao_is_no_question_about_the_yibao_office() -> None:
    yibao_product = chosen("众惠好医保 住院理赔要交哪些东西")
    assert yibao_product[0] == "claim_materials" and "social_insurance_office" not in yibao_product
    assert chosen("医保个人账户的钱能取出来吗") == ["social_insurance_office"]
    # the 医保 settlement of a medical-insurance claim is our question, not the office's
    assert chosen("用医保卡结算后 医疗险还能报吗") == ["reimbursement"]


def test_a_thing_the_thesaurus_knows_gets_the_rule_that_answers_it() -> None:
    assert chosen("孩子天生唇腭裂 做手术保险管吗") == ["congenital"]
    assert chosen("喝了酒开车撞了 住院能赔吗")[0] == "exclusions"


def test_a_stent_named_with_no_product_gets_the_bypass_definition_before_our_products(
    sample_kb: KnowledgeBase,
) -> None:
    text = sample_kb.ask("朋友买的那款重疾 我爸放了三个支架 够重疾标准吗").text
    assert text.startswith("放心脏支架一般不算重疾") and "切开心包" in text
    assert text.index("疾病定义使用规范") < text.index("在已收录的产品中")


def test_social_insurance_administration_is_said_to_be_outside_what_we_do(
    sample_kb: KnowledgeBase,
) -> None:
    answer = sample_kb.ask("社保卡换了新的 旧卡要去哪注销")
    assert "经办机构" in answer.text and "办不了" in answer.text
    assert "报销" not in answer.text.split("\n")[0][:10] and "100%" not in answer.text


def test_no_product_question_about_the_beneficiary_gets_the_estate_rule_not_disclosure(
    sample_kb: KnowledgeBase,
) -> None:
    text = sample_kb.ask("受益人那里当时没填 保险金会给谁").text
    assert text.startswith("没有指定受益人") and "遗产" in text and "《保险法》第42条" in text
    assert "如实告知" not in text and "以您所购产品的条款约定为准" in text


def test_a_personal_dispute_gets_the_rule_first_then_a_person(sample_kb) -> None:  # type: ignore[no-untyped-def]
    answer = sample_kb.ask("保险公司就是不给我退保 非要原来的业务员签字")
    assert answer.text.startswith("投保人有权解除合同")
    assert "《保险法》第15条" in answer.text and "转人工" in answer.text
    disclosure = sample_kb.ask("投保前有乙肝没告知 保险公司直接拒赔了 这合理吗")
    assert "2年后不得再以此解除合同" in disclosure.text and "12378" in disclosure.text


def test_a_general_question_about_a_period_is_answered_before_the_disease_it_names(
    sample_kb: KnowledgeBase,
) -> None:
    text = sample_kb.ask("重疾险等待期一般多久 等待期内查出癌症咋办").text
    assert text.index("多为90日或180日") < text.index("恶性肿瘤——重度")


def test_mild_illness_in_general_gets_the_2020_cap(sample_kb: KnowledgeBase) -> None:
    text = sample_kb.ask("轻症跟重疾有啥区别 轻症一般能赔多少").text
    assert "30%" in text and "条款" in text and "疾病定义使用规范" in text


def test_a_cancer_under_a_policy_bought_before_2021_hears_the_old_definitions(
    sample_kb: KnowledgeBase,
) -> None:
    text = sample_kb.ask("国寿福 2019年买的 现在查出甲状腺癌一期 能按重疾赔吗").text
    assert text.startswith("重疾的统一定义有两版") and "2007" in text
