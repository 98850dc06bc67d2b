"""The reply: the answer first, then why, then the citation and the reminder; one message long."""

from __future__ import annotations

from bot.knowledge.decide import Reason, Verdict
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.render import MAX_CHARS, REMINDER, hanzi, render
from tests.knowledge.decide.conftest import ILLNESS, product

WORDING: ProductKnowledge = product(ILLNESS)


def test_the_answer_comes_first_and_the_citation_last_but_one() -> None:
    verdict = Verdict(
        "disease",
        "yes",
        "能赔：按轻症赔，50万元 × 25% = 12.5万元。",
        (Reason("按基本保险金额的25%给付轻度疾病保险金", "2.3"),),
    )
    lines = render(WORDING, verdict).split("\n")
    assert lines[0] == "能赔：按轻症赔，50万元 × 25% = 12.5万元。"
    assert "（第2.3条）" in lines[1]
    assert lines[-2] == "依据《测试安康重大疾病保险条款》（1版）第2.3条。"
    assert lines[-1] == REMINDER


def test_a_long_verdict_is_shortened_to_one_message_keeping_answer_and_citation() -> None:
    reasons = tuple(Reason("很长的理由" * 20, f"2.{n}") for n in range(1, 6))
    verdict = Verdict("disease", "depends", "要看具体诊断。", reasons, ("条件" * 100,))
    text = render(WORDING, verdict)
    assert hanzi(text) <= MAX_CHARS
    assert text.startswith("要看具体诊断。")
    assert "依据《测试安康重大疾病保险条款》" in text


def test_a_long_explanation_is_cut_at_a_sentence_end() -> None:
    from bot.knowledge.render import fit

    text = "第一句话。" * 50
    cut = fit(text, 100)
    assert hanzi(cut) <= 100 and cut.endswith("。…")
    assert fit("短。", 100) == "短。"


def test_a_long_answer_alone_still_fits_one_message() -> None:
    verdict = Verdict("info", "info", "很长的回答。" * 200)
    assert hanzi(render(WORDING, verdict)) <= MAX_CHARS
