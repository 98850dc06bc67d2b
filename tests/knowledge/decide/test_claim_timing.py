"""When a definition lets a claim be made: days after onset, the age at the claim, the evidence."""

from __future__ import annotations

from bot.knowledge.decide.claim_timing import histology_missing, onset_ago_days, too_young

HISTOLOGY = "指恶性细胞不受控制的进行性增长，须经组织病理学检查明确诊断，且已接受手术治疗。"


def test_a_cytology_report_is_not_the_histology_the_definition_asks_for() -> None:
    missing = histology_missing(HISTOLOGY, "TCT报告写的HSIL，还没做活检，能先申请吗")
    assert missing is not None and missing[0] == "须经组织病理学检查明确诊断"


def test_a_biopsy_told_is_histology() -> None:
    assert histology_missing(HISTOLOGY, "细针穿刺怀疑，后来活检病理是乳头状癌") is None


def test_months_ago_and_a_childs_age() -> None:
    assert onset_ago_days("我妈3个月前脑梗") == 90
    required = too_young("被保险人申请理赔时须年满3周岁。", "宝宝1岁半")
    assert required is not None and required[1] == "现在1.5岁"
    assert too_young("被保险人申请理赔时须年满3周岁。", "孩子5岁") is None


def test_months_ago_of_something_else_is_no_onset() -> None:
    assert onset_ago_days("他们其实2个月前就知道了") is None
