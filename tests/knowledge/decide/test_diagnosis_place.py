"""A diagnosis made outside the hospitals the wording defines."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import ILLNESS, product, story

HOSPITAL = """
#### 9.3 医院
指中华人民共和国境内（不含香港、澳门特别行政区及台湾地区）合法经营的二级或二级以上公立医院。
#### 9.4 境外诊断
被保险人在中华人民共和国境外（含港澳台地区）被诊断患病的，须经本合同所定义的医院的专科医生复核确认。
"""


def test_a_hong_kong_diagnosis_needs_the_wordings_hospital_to_confirm_it() -> None:
    verdict = decide(
        product(ILLNESS + HOSPITAL),
        story("在香港私家医院确诊的肺癌，能赔吗"),
        default_thesaurus(),
        "恶性肿瘤",
    )
    assert verdict is not None and verdict.kind == "diagnosis_place"
    assert "复核" in verdict.answer and "二级" in verdict.answer


def test_no_hospital_of_its_own_leaves_it_to_the_rest(illness: ProductKnowledge) -> None:
    verdict = decide(
        illness, story("在香港医院确诊的肺癌，能赔吗"), default_thesaurus(), "恶性肿瘤"
    )
    assert verdict is None or verdict.kind != "diagnosis_place"
