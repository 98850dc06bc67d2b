"""The product and disease names the knowledge base recognises in a customer's words."""

from __future__ import annotations

import pytest

from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.names import condition_words, disease_terms, product_names
from tests.knowledge.decide.conftest import ILLNESS, product

# ---- added: product_names, disease_terms, condition_words ---------------------------------------


@pytest.fixture(scope="module")
def illness() -> ProductKnowledge:
    return product(ILLNESS)


def test_a_product_is_known_by_its_name_and_its_code(illness: ProductKnowledge) -> None:
    assert product_names([illness]) == [
        ("测试安康重大疾病保险", "T-CI-1"),
        ("t-ci-1", "T-CI-1"),
    ]


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
