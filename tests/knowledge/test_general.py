"""General rules as data: each with its source; a malformed entry refused with its key."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge.general import general_rules, read_general_rules


def test_the_orphan_policy_rule_says_the_policy_stays_in_force_and_cites_its_source() -> None:
    rule = general_rules()["orphan_policy"]
    assert "保单继续有效" in rule.said() and "保险销售行为管理办法" in rule.said()


def test_a_rule_without_a_source_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "rules.yml"
    path.write_text("rules:\n  x:\n    text: 某规则\n", "utf-8")
    with pytest.raises(ValueError, match=r"'x' lacks source"):
        read_general_rules(path)
