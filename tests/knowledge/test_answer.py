"""A product written inside the test, with numbers no sample uses, is answered from its wording."""

from __future__ import annotations

import json

import pytest

from bot.knowledge.answer import KnowledgeBase
from bot.knowledge.document import parse_clause_document
from bot.knowledge.extract import extract_facts
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.text import normalize
from tests.knowledge.decide.conftest import ILLNESS
from tests.knowledge.decide.conftest import product as illness_wording
from tests.knowledge.new_product import NEW_PRODUCT


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    document = parse_clause_document(NEW_PRODUCT.encode(), "fr.md")
    return KnowledgeBase([ProductKnowledge(document, extract_facts(document))])


CITE = "依据《福瑞安康终身疾病保险条款》（2025A版）"


@pytest.mark.parametrize(
    ("question", "must", "must_not"),
    [
        ("福瑞安康的冷静期有几天", ["21日", "工本费", CITE + "第1.2条"], ["15日"]),
        ("福瑞重疾 犹豫期内退保能全退吗", ["21日", "无息退还"], ["现金价值表"]),
        ("福瑞安康观察期多长", ["120日", "本合同终止", "第2.1条"], ["90日", "180日"]),
        (
            "福瑞安康 原位癌算重疾吗",
            ["不属于“恶性肿瘤——重度”", "中症", "45%", "最多给付2次", "第5.2.1条", "第2.2.2条"],
            ["不赔付", "一定"],
        ),
        ("福瑞安康 我保额50万，原位癌赔多少", ["22.5万元"], []),
        ("福瑞安康 甲状腺癌一期赔吗", ["Ⅰ期或更轻分期的甲状腺癌", "100%"], []),
        ("福瑞安康 轻症能赔几次", ["25%", "4次"], ["30%"]),
        ("福瑞安康 宽限期", ["45日", "扣减"], ["60日"]),
        ("福瑞安康 保单中止了多久内能复效", ["3年", "第4.2条"], []),
        ("福瑞安康 诉讼时效多久", ["5年"], []),
        ("福瑞安康 出险了几天内报案", ["7日"], ["10日"]),
        ("福瑞安康 理赔要准备什么材料", ["保险金给付申请书", "病理显微镜检查报告"], []),
        ("福瑞安康 哪些情况不赔", ["潜水、跳伞、攀岩", "核爆炸"], []),
        ("福瑞安康 保什么", ["重大疾病保险金", "中症疾病保险金", "45%", "轻度疾病保险金"], []),
    ],
)
def test_answers_come_from_the_new_wording(
    kb: KnowledgeBase, question: str, must: list[str], must_not: list[str]
) -> None:
    answer = kb.ask(question)
    assert answer.product == "FR-CI-2025"
    for fact in must:
        assert fact in answer.text, f"{fact!r} missing from:\n{answer.text}"
    for fact in must_not:
        assert fact not in answer.text, f"{fact!r} wrongly in:\n{answer.text}"
    assert answer.citations


def test_the_context_product_is_used_when_the_question_names_none(kb: KnowledgeBase) -> None:
    answer = kb.ask("那等待期呢？", product="FR-CI-2025")
    assert "120日" in answer.text


def test_a_general_question_gets_the_industry_rule_and_the_products_that_differ(
    kb: KnowledgeBase,
) -> None:
    answer = kb.ask("原位癌算重疾吗")
    assert answer.product is None and answer.citations == []
    assert "既不属于“恶性肿瘤——重度”，也不属于“恶性肿瘤——轻度”" in answer.text
    assert "《福瑞安康终身疾病保险》把“原位癌”列为中症" in answer.text
    assert "以您所购产品的条款约定为准" in answer.text


def test_a_question_with_no_product_and_no_rule_asks_which_product(kb: KnowledgeBase) -> None:
    answer = kb.ask("你好")
    assert "哪一款产品" in answer.text and "福瑞安康终身疾病保险" in answer.text


def test_traditional_characters_and_full_width_forms_are_understood(kb: KnowledgeBase) -> None:
    answer = kb.ask("福瑞安康 猶豫期有幾天？ＯＫ")
    assert "21日" in answer.text


def test_json_lists_the_citations(kb: KnowledgeBase) -> None:
    line = json.loads(kb.ask("福瑞安康 等待期").to_json())
    assert line["product"] == "FR-CI-2025"
    assert line["citations"] == [{"product": "FR-CI-2025", "version": "2025A", "article": "2.1"}]
    assert "120日" in line["answer"]


def test_coverage_answers_never_promise_and_end_with_the_reminder(kb: KnowledgeBase) -> None:
    answer = kb.ask("福瑞安康 原位癌能赔吗")
    assert not any(word in answer.text for word in ("一定赔", "保证赔", "肯定能"))
    assert answer.text.endswith("以您的保险合同条款和保险公司的理赔审核结果为准。")


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("安心多被保等待期多久", "AX-CI-2023"),
        ("康林重疾 原位癌", "KN-CI-2024"),
        ("康*重疾", "KN-CI-2024"),
    ],
)
def test_a_product_name_with_one_wrong_or_masked_character(
    sample_kb: KnowledgeBase, written: str, code: str
) -> None:
    found = sample_kb.product_in(normalize(written))
    assert found is not None and found[0] == code


def test_another_insurers_product_is_not_ours_even_in_our_context(sample_kb: KnowledgeBase) -> None:
    assert sample_kb.product_in(normalize("国寿康宁终身重疾 犹豫期多长")) is None
    answer = sample_kb.ask("国寿康宁终身重疾 犹豫期多长", product="KN-CI-2024")
    assert answer.product is None and "具体以您所购产品的条款约定为准" in answer.text


def test_how_long_between_two_payouts_is_answered_from_the_benefit(
    sample_kb: KnowledgeBase,
) -> None:
    answer = sample_kb.ask("安心多倍保重疾能赔几次 中间要隔多久")
    assert "累计最多给付3次" in answer.text and "已满365日" in answer.text
    assert "2.4.3" in [c.article for c in answer.citations]


def test_an_accident_in_the_waiting_period_brings_the_wordings_accident_sentence(
    sample_kb: KnowledgeBase,
) -> None:
    answer = sample_kb.ask("等待期里出车祸受伤呢 也不赔吗", product="KN-CI-2024")
    assert "意外伤害导致本合同约定的保险事故的，无等待期" in answer.text


def test_an_insurers_name_is_not_read_as_a_misspelt_name_of_ours(sample_kb: KnowledgeBase) -> None:
    assert sample_kb.product_in(normalize("弘康的重疾险等待期180天 这正常吗")) is None
    assert sample_kb.product_in(normalize("康林重疾等待期多久")) == ("KN-CI-2024", "康林重疾")


def test_no_social_insurance_gets_both_readings_when_their_ratios_differ(
    sample_kb: KnowledgeBase,
) -> None:
    text = sample_kb.ask("没有社保的话报销比例是多少", product="JK-MED-2024").text
    assert text.startswith("按100%赔付") and "只是就诊时没用社保结算，按60%赔付" in text


def test_a_cancer_only_product_named_in_the_question_is_not_a_diagnosis(
    sample_kb: KnowledgeBase,
) -> None:
    assert sample_kb.disease_in("我爸做了心脏支架这个防癌险能报吗") != "恶性肿瘤"
    assert sample_kb.disease_in("确诊肺癌能报吗") == "恶性肿瘤"


def test_what_the_wording_leaves_out_is_said_rather_than_a_payout_not_asked_about() -> None:
    kb = KnowledgeBase([illness_wording(ILLNESS)])
    question = "我爸去世了，身故保险金下来以后要交个人所得税吗"
    assert kb.read(question, "T-CI-1").verdict is not None
    reply = kb.ask(question, "T-CI-1").text
    assert reply.startswith("《测试安康重大疾病保险》的条款没有约定保险金要不要交个人所得税")


REFERRING = """---
code: T-MED-7
name: 测试安宁医疗保险
insurer: 测试健康保险股份有限公司
type: medical
version: "1"
effective_from: 2025-01-01
---
# 测试安宁医疗保险条款

## 2 保险责任
### 2.1 住院医疗保险金
被保险人住院治疗的，我们按约定给付住院医疗保险金。
### 2.2 就诊医院
被保险人须在二级及以上公立医院的普通部就诊。在我们公布的合作医院就诊的，按本条款2.4的约定给付。
### 2.3 免赔额
年免赔额为人民币八千元。
### 2.4 赔付比例
经社会医疗保险结算的，赔付比例为百分之一百。在合作医院发生的费用，按上述比例的百分之八十给付。
"""


def test_a_quoted_sentence_that_refers_to_another_article_brings_its_sentence() -> None:
    kb = KnowledgeBase([illness_wording(REFERRING)])
    reply = kb.ask("在合作医院住院能报吗", "T-MED-7").text
    assert "第2.2条" in reply and "第2.4条" in reply
    assert "按上述比例的80%给付" in reply or "按上述比例的百分之八十给付" in reply


def test_the_article_found_by_the_questions_words_is_quoted_at_its_deciding_sentence() -> None:
    wording = REFERRING.replace(
        "## 2 保险责任",
        "## 1 其他约定\n### 1.1 其他事项\n本合同以人民币计价。合同争议提交约定的仲裁委员会仲裁。"
        "被保险人出国留学期间，本合同效力暂停，回国后自动恢复。\n\n## 2 保险责任",
    )
    reply = KnowledgeBase([illness_wording(wording)]).ask("出国留学那段时间怎么算", "T-MED-7").text
    assert "第1.1条" in reply and "出国留学期间" in reply
    assert "人民币计价" not in reply


def test_a_name_two_products_share_is_the_context_products() -> None:
    from bot.knowledge.answer import KnowledgeBase
    from tests.knowledge.decide.conftest import ILLNESS, product

    first = product(
        ILLNESS.replace(
            "name: 测试安康重大疾病保险", "name: 测试安康重大疾病保险\naliases: [安康重疾]"
        )
    )
    second = product(
        ILLNESS.replace("code: T-CI-1", "code: T-CI-2").replace(
            "name: 测试安康重大疾病保险", "name: 另一安康重大疾病保险\naliases: [安康重疾]"
        )
    )
    knowledge = KnowledgeBase([first, second])
    assert knowledge.product_in("安康重疾等待期多久", "T-CI-2") == ("T-CI-2", "安康重疾")
    assert knowledge.product_in("安康重疾等待期多久") is None
    assert knowledge.product_in("另一安康重大疾病保险等待期多久") == (
        "T-CI-2",
        "另一安康重大疾病保险",
    )


def test_how_many_times_on_a_multi_payout_wording_says_the_time_between_payouts(
    sample_kb: KnowledgeBase,
) -> None:
    assert "365" in sample_kb.ask("安心多倍保重疾能赔几次").text
    assert "间隔" not in sample_kb.ask("康宁轻症能赔几次").text  # none in its wording: not said


def test_a_diagnosis_soon_after_buying_another_insurers_product_hears_the_waiting_period(
    kb: KnowledgeBase,
) -> None:
    text = kb.ask("友邦的重疾 我媳妇买了两个月查出乳腺结节 后来确诊乳腺癌 能赔吗").text
    assert text.index("等待期") < text.index("恶性肿瘤")
    assert "在已收录的产品中" not in text  # never our products beside another insurer's


def test_no_product_asked_whether_an_age_can_buy_hears_each_product_s_oldest_age() -> None:
    from tests.knowledge.decide.conftest import ILLNESS, MEDICAL, product

    older = ILLNESS.replace(
        "## 2 保险利益",
        "### 1.9 投保年龄\n本合同接受的被保险人投保年龄为出生满28日至55周岁。\n\n## 2 保险利益",
    )
    knowledge = KnowledgeBase([product(older), product(MEDICAL)])
    answer = knowledge.ask("我爸62了 还能买你们哪个重疾")
    assert "不能投保" in answer.text and "55周岁" in answer.text
    assert knowledge.ask("我62了还能买平安福吗").text.count("55周岁") == 0
