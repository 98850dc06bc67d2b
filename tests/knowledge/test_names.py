"""The product and disease names the knowledge base recognises in a customer's words."""

from __future__ import annotations

import pytest

from bot.knowledge.answer import KnowledgeBase
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.names import brand, condition_words, disease_terms, near_name, product_names
from bot.knowledge.text import normalize
from tests.knowledge.decide.conftest import ILLNESS, product

# ---- added: product_names, disease_terms, condition_words ---------------------------------------


@pytest.fixture(scope="module")
def illness() -> ProductKnowledge:
    return product(ILLNESS)


def test_a_product_is_known_by_its_name_its_brand_and_its_code(
    illness: ProductKnowledge,
) -> None:
    assert product_names([illness]) == [
        ("测试安康重大疾病保险", "T-CI-1"),
        ("t-ci-1", "T-CI-1"),
        ("测试安康", "T-CI-1"),
    ]


def test_the_brand_is_the_name_without_the_kind_of_cover() -> None:
    assert brand("金康百万医疗保险") == "金康百万"
    assert brand("泽润安康定期重大疾病保险") == "泽润安康"
    assert brand("丰屹安然百万医疗保险（六年保证续保版）") == "丰屹安然百万"
    assert brand("康宁终身重大疾病保险") == ""  # two characters are too few to stand alone


def test_disease_terms_are_longest_first(illness: ProductKnowledge) -> None:
    terms = disease_terms([illness])
    assert [len(t) for t in terms] == sorted((len(t) for t in terms), reverse=True)


def test_the_wordings_diseases_their_cores_and_excluded_conditions_are_terms(
    illness: ProductKnowledge,
) -> None:
    terms = disease_terms([illness])
    assert {"恶性肿瘤——重度", "恶性肿瘤", "严重慢性肾衰竭", "慢性肾衰竭", "原位癌"} <= set(terms)


def test_words_too_general_to_name_a_disease_are_not_terms(illness: ProductKnowledge) -> None:
    assert not {"疾病", "重疾", "轻症"} & set(disease_terms([illness]))


def test_an_exclusion_item_gives_its_short_condition_names() -> None:
    assert condition_words("原位癌，癌前病变") == ["原位癌", "癌前病变"]
    assert condition_words("TNM分期为Ⅰ期或更轻分期的甲状腺癌") == []


RARE = ILLNESS.replace(
    "### 9.2 轻度疾病",
    "#### 9.1.3 进行性肌营养不良症\n指以进行性加重的对称性肌无力为特征的遗传性肌病，"
    "且日常生活活动中有三项以上不能独立完成。\n### 9.2 轻度疾病",
)


def test_a_name_written_without_a_filler_character_is_found() -> None:
    terms = ["进行性肌营养不良症", "肌营养不良", "尿毒症"]
    assert near_name(terms, "孩子确诊进行肌营养不良症") == "进行性肌营养不良症"
    assert near_name(terms, "孩子确诊肌营养不良") is None  # short names must match exactly
    assert near_name(["溶血性尿毒症综合征"], "溶血尿毒症综合征") == "溶血性尿毒症综合征"


def test_the_near_longer_name_beats_a_shorter_exact_one_inside_it() -> None:
    knowledge = KnowledgeBase([product(RARE)])
    found = knowledge.disease_in(normalize("儿子确诊了进行肌营养不良症，能赔吗"), "T-CI-1")
    assert found == "进行性肌营养不良症"


def test_an_illness_the_customer_says_was_never_had_is_not_the_diagnosis() -> None:
    knowledge = KnowledgeBase([product(RARE)])
    assert knowledge.disease_in(normalize("我爸没得过肾衰竭，车祸走了，能赔吗"), "T-CI-1") is None
    found = knowledge.disease_in(normalize("投保前没查出过病，现在确诊严重慢性肾衰竭"), "T-CI-1")
    assert found == "严重慢性肾衰竭"
    assert near_name(["单侧肾脏切除"], "医生说要做单侧肾切除") == "单侧肾脏切除"
