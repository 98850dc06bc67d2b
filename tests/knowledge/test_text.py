"""Numbers in words read as digits, whatever the insurer's style."""

from __future__ import annotations

import pytest

from bot.knowledge.text import arabic_numerals, split_items


@pytest.mark.parametrize(
    ("wording", "read"),
    [
        ("按基本保险金额的百分之三十给付", "按基本保险金额的30%给付"),
        ("自意外伤害发生之日起一百八十日内", "自意外伤害发生之日起180日内"),
        ("每次事故人民币一百元", "每次事故人民币100元"),
        ("计划三：人民币二十万元", "计划三：人民币20万元"),
        ("年度限额为3,000,000元", "年度限额为3000000元"),
        ("第十级", "第10级"),
        ("百分之零点五", "0.5%"),
        ("同一次意外伤害，统一结算", "同一次意外伤害，统一结算"),
    ],
)
def test_numbers_in_words(wording: str, read: str) -> None:
    assert arabic_numerals(wording) == read


def test_items_numbered_with_chinese_numerals_in_brackets_are_split() -> None:
    lead, items, _ = split_items(
        "仅限于下列三种情形之一：\n（一）甲情形；\n（二）乙情形；\n（三）丙情形。"
    )
    assert lead == "仅限于下列三种情形之一："
    assert items == ["甲情形", "乙情形", "丙情形。"]


def test_a_table_cell_is_labelled_by_every_describing_cell_before_it() -> None:
    from bot.knowledge.text import table_sentences

    table = "| 身份 | 结算 | 比例 |\n|---|---|---|\n| 有医保身份 | 未走医保 | 55% |\n"
    assert "有医保身份，未走医保：比例为55%" in table_sentences(table)
