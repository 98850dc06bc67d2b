"""The 2020 disease definitions' lists: what they say of a disease a question names."""

from __future__ import annotations

from bot.knowledge.industry import STANDARD, general_disease_answer


def test_carcinoma_in_situ_is_neither_severe_nor_mild_cancer_and_cites_the_standard() -> None:
    ruling = general_disease_answer("原位癌")
    assert ruling is not None and ruling.startswith(f"按{STANDARD}")
    assert "既不属于“恶性肿瘤——重度”，也不属于“恶性肿瘤——轻度”" in ruling


def test_stage_one_thyroid_cancer_is_mild_under_the_2020_definitions() -> None:
    ruling = general_disease_answer("甲状腺癌")
    assert ruling is not None and "Ⅰ期属于“恶性肿瘤——轻度”" in ruling


def test_a_listed_severe_illness_is_named_with_its_list() -> None:
    ruling = general_disease_answer("帕金森")
    assert ruling is not None and "28种重度疾病中有“严重原发性帕金森病”" in ruling


def test_a_disease_the_definitions_do_not_list_gets_nothing() -> None:
    assert general_disease_answer("感冒") is None
