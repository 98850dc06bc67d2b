"""Sections explained from the wording: the claim documents kept to the case asked about."""

from __future__ import annotations

from bot.knowledge.explain import materials_section
from tests.knowledge.decide.conftest import ILLNESS, product

WITH_DOCUMENTS = ILLNESS.replace(
    "## 9 释义",
    "## 6 保险金申请\n### 6.1 轻度疾病保险金的申请\n"
    "（1）保险金给付申请书；\n"
    "（2）分期证明资料：膀胱癌、肾癌须提供TNM分期报告；淋巴瘤须提供骨髓检查报告；"
    "黑色素瘤须提供转移检查资料。\n\n## 9 释义",
)


def test_a_per_case_item_keeps_the_case_the_customer_names() -> None:
    section = materials_section(product(WITH_DOCUMENTS), None, "膀胱癌一期申请轻症要什么材料")
    assert "膀胱癌、肾癌须提供TNM分期报告" in section.text
    assert "骨髓" not in section.text and "黑色素瘤" not in section.text


def test_a_per_case_item_stays_whole_when_no_case_is_named() -> None:
    section = materials_section(product(WITH_DOCUMENTS), None, "申请轻症要什么材料")
    assert "骨髓检查报告" in section.text and "TNM分期报告" in section.text
