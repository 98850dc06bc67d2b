"""What the 2020 industry definitions say of a disease the wording does not settle."""

from __future__ import annotations

from bot.knowledge.general import general_rule
from bot.knowledge.industry import STANDARD, general_disease_answer

# ---- added: general_disease_answer and the general topics ---------------------------------------


def test_a_condition_both_cancer_grades_exclude_is_said_to_be_neither() -> None:
    answer = general_disease_answer("原位癌")
    assert answer is not None
    assert answer.startswith("按《重大疾病保险的疾病定义使用规范（2020年修订版）》，原位癌既不属于")


def test_a_disease_with_a_severe_and_a_mild_grade_names_both() -> None:
    answer = general_disease_answer("急性心肌梗死")
    assert answer is not None
    assert "28种重度疾病中有“较重急性心肌梗死”" in answer
    assert "3种轻度疾病中有“较轻急性心肌梗死”" in answer


def test_a_disease_the_definitions_do_not_list_has_no_answer() -> None:
    assert general_disease_answer("感冒") is None


def test_the_grace_period_topic_cites_the_insurance_law() -> None:
    grace = general_rule("grace").said()
    assert "第36条" in grace and "60日" in grace


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
