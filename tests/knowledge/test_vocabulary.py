"""The words of the wording and the customers' own words for them."""

from __future__ import annotations

from bot.knowledge.vocabulary import canonical, category_of, core_disease_name, disease_cores

# ---- added (mirror of bot/knowledge/vocabulary.py): category_of, core names, canonical -----------


def test_a_heading_names_its_category() -> None:
    assert category_of("轻度疾病保险金") == "mild"
    assert category_of("重大疾病保险金") == "severe"
    assert category_of("中症疾病") == "moderate"


def test_a_heading_of_no_category_is_none() -> None:
    assert category_of("保险期间") is None


def test_a_disease_name_loses_its_grade() -> None:
    assert core_disease_name("恶性肿瘤——重度") == "恶性肿瘤"
    assert core_disease_name("较重急性心肌梗死") == "急性心肌梗死"
    assert core_disease_name("严重慢性肾衰竭") == "慢性肾衰竭"


def test_a_name_that_would_be_too_short_keeps_its_grade() -> None:
    assert core_disease_name("重症") == "重症"


def test_a_childrens_disease_is_also_known_by_its_shorter_names() -> None:
    assert disease_cores("少儿恶性淋巴瘤") == {"少儿恶性淋巴瘤", "恶性淋巴瘤", "淋巴瘤"}
    assert disease_cores("儿童白血病") == {"儿童白血病", "白血病"}
    assert disease_cores("恶性肿瘤——重度") == {"恶性肿瘤"}


def test_a_customers_word_becomes_the_clause_word() -> None:
    assert canonical("忘了交") == "宽限期"
    assert canonical("心梗") == "急性心肌梗死"
    assert canonical("免赔额") == "免赔额"
