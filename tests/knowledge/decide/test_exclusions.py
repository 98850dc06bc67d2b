"""Everyday words mapped to the wording's exclusions."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import story


def test_an_excluded_thing_in_everyday_words_is_a_no_citing_its_item(
    medical: ProductKnowledge,
) -> None:
    verdict = decide(medical, story("割双眼皮住院能报吗"), default_thesaurus())
    assert verdict is not None and verdict.decision == "no"
    assert "第3.1条第（1）项" in verdict.answer


def test_a_thing_not_in_the_list_is_said_to_be_absent_from_it(illness: ProductKnowledge) -> None:
    verdict = decide(illness, story("蹦极算不算免责"), default_thesaurus())
    assert verdict is not None and verdict.decision == "info"
    assert "没有" in verdict.answer


def test_a_check_up_that_found_the_illness_is_not_a_claim_for_the_check_up(
    medical: ProductKnowledge,
) -> None:
    verdict = decide(medical, story("体检查出来甲状腺结节，住院花了5万能报吗"), default_thesaurus())
    assert verdict is None or verdict.kind != "exclusion"
