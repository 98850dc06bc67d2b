"""General rules as data: each with its source; a malformed entry refused with its key."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge.answer import KnowledgeBase
from bot.knowledge.general import general_rules, read_general_rules


def test_the_orphan_policy_rule_says_the_policy_stays_in_force_and_cites_its_source() -> None:
    rule = general_rules()["orphan_policy"]
    assert "保单继续有效" in rule.said() and "保险销售行为管理办法" in rule.said()


def test_a_rule_without_a_source_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "rules.yml"
    path.write_text("general_rules:\n  x:\n    text: 某规则\n", "utf-8")
    with pytest.raises(ValueError, match=r"'x' lacks source"):
        read_general_rules(path)


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
    assert "30%" in text and "条款" in text
