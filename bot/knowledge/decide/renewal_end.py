"""The end of a guaranteed-renewal period (保证续保期间届满): no renewal by right after it; the
wording's new application, underwritten again."""

from __future__ import annotations

import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.explain import clip
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation

ASKED = re.compile(
    r"保证续保[^。？?，,]{0,8}(满|到了|到期|届满|结束|过了|以后|之后)"
    r"|(满|到了|届满|结束)[^。？?，,]{0,6}(以后|之后)?[^。？?]{0,8}(续|接着保|继续保)"
)
END = re.compile(r"保证续保期间?[^。；]{0,6}(届满|期满|结束)")
AGAIN = re.compile(r"重新(投保|申请|提出投保|审核|核保)|审核|核保")


def decide_renewal_end(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "保证续保6年到了还能接着保吗": a new application the insurer underwrites again."""
    if "保证续保" not in situation.text or not ASKED.search(situation.text):
        return None
    for article in product.document.articles:
        lines = plain_sentences(article.body)
        for at, sentence in enumerate(lines):
            if not END.search(sentence):
                continue
            said = [s for s in lines[at : at + 3] if AGAIN.search(s)]
            if not said:
                continue
            reasons = tuple(Reason(f"条款约定：“{clip(s, 90)}”", article.number) for s in said[:2])
            return Verdict(
                "renewal",
                "depends",
                "保证续保期间届满后，原合同不再续保：需要重新投保，由保险公司按届时的规则"
                "重新审核（包括健康状况），能否继续承保看审核结果。",
                reasons,
                ("已经得过的疾病可能影响重新审核的结果，以保险公司审核为准。",),
                coverage=False,
            )
    return None
