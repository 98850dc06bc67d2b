"""A case a benefit's own text leaves out (救护车: "出院回家的转运…不在此限"), told beside a sum the
benefit pays ("救护车费2600能报多少？出院回家叫的车能报吗"): said after the sum."""

from __future__ import annotations

import dataclasses
import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.explain import clip
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation

LEFT_OUT = re.compile(r"不在此限|不包括|不属于本项|不予给付|不在保障范围|不承担")
MIN_SHARED = 4


def _shared(phrase: str, text: str) -> str | None:
    """The longest run of at least four Chinese characters ``phrase`` and ``text`` share."""
    best = None
    for start in range(len(phrase)):
        for end in range(len(phrase), start + MIN_SHARED - 1, -1):
            piece = phrase[start:end]
            if not re.fullmatch(r"[\u4e00-\u9fff]+", piece):
                continue
            if piece in text and (best is None or len(piece) > len(best)):
                best = piece
                break
    return best


def _left_out_phrases(sentence: str, found: re.Match[str]) -> list[str]:
    """The things a carve-out names: the clause before "不在此限", or what follows "不包括"."""
    before = re.split(r"[，,；;：:]", sentence[: found.start()])[-1].strip()
    if not before:
        before = re.split(r"[，,；;。]", sentence[found.end() :])[0]
    return [p for p in re.split(r"[、及和或]", before) if p.strip()]


def with_carve_outs(product: ProductKnowledge, situation: Situation, verdict: Verdict) -> Verdict:
    """A paying medical verdict, with a case the benefit's text leaves out that the story tells."""
    if verdict.kind != "medical" or verdict.decision == "no":
        return verdict
    for benefit in product.facts.benefits:
        article = product.document.article(benefit.article)
        if article is None:
            continue
        for sentence in plain_sentences(article.body):
            found = LEFT_OUT.search(sentence)
            if found is None:
                continue
            for phrase in _left_out_phrases(sentence, found):
                shared = _shared(phrase, situation.text)
                if shared is None or shared in verdict.answer:
                    continue
                return dataclasses.replace(
                    verdict,
                    answer=f"{verdict.answer.rstrip('。')}。另外，{clip(phrase.strip(), 20)}不在"
                    f"{benefit.name}的保障范围内。",
                    reasons=(
                        *verdict.reasons,
                        Reason(f"条款约定：“{clip(sentence, 80)}”", benefit.article),
                    ),
                )
    return verdict
