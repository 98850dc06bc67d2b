"""A thing the story paid for (心脏支架) that a covered expense item lists by name, in the item or
in the definition it refers to (医用耗材费（见9.2.11）: 起搏器、支架、人工关节), and no exclusion
names: it is within the benefit's expenses."""

from __future__ import annotations

import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.explain import clip
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.text import split_items, strip_markdown

REFERENCE = re.compile(r"见\s*(\d+(?:\.\d+)+)")
ASKED = re.compile(r"能报|能赔|能不能报|可以报|给报|报不报|管吗")
LEAD = re.compile(r"^(以及|及|和|包括|如|例如|植入体内的|其他)+")
TAIL = re.compile(r"(等|等医用材料|等材料|等费用|的费用|费用)$")


def _named_things(text: str) -> list[str]:
    """The things an enumeration of three or more names (甲、乙、丙等) lists."""
    found = []
    for sentence in plain_sentences(text):
        for run in re.split(r"[，,；;：:（）()]", sentence):
            pieces = run.split("、")
            if len(pieces) < 3:
                continue
            for piece in pieces:
                piece = TAIL.sub("", LEAD.sub("", piece.strip()))
                piece = re.sub(r"^.*的", "", piece)
                if 2 <= len(piece) <= 8:
                    found.append(piece)
    return found


def decide_expense_item(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "住院放了两个心脏支架，这个能报吗"."""
    text = situation.text
    if product.document.product_type != "medical" or situation.expenses or not ASKED.search(text):
        return None
    excluded = " ".join(e.text for e in product.facts.exclusions)
    setting = "住院" if re.search(r"住院|入院", text) else "门" if "门诊" in text else None
    ordered = sorted(product.facts.benefits, key=lambda b: setting is None or setting not in b.name)
    for benefit in ordered:
        own = [
            a
            for a in product.document.articles
            if a.number == benefit.article or a.number.startswith(benefit.article + ".")
        ]
        for article, item in ((a, i) for a in own for i in split_items(strip_markdown(a.body))[1]):
            if not re.search(r"费", item):
                continue
            referred = [product.document.article(n) for n in REFERENCE.findall(item)]
            texts = [(item, article.number)] + [(a.body, a.number) for a in referred if a]
            head = re.sub(
                r"^[（(]?\d+[）)]", "", re.split(r"[（(，,：:]", item.lstrip("（(0123456789）)"))[0]
            )
            texts += [
                (t.definition, t.article) for t in product.facts.terms if head and t.name == head
            ]
            for body, number in texts:
                for thing in _named_things(body):
                    if thing not in text or thing in excluded:
                        continue
                    name = head or re.split(r"[（(，,：:]", item)[0]
                    return Verdict(
                        "medical",
                        "yes",
                        f"能报：{thing}属于{name}，在{benefit.name}的费用范围内，按{benefit.name}"
                        "的约定报销（仍须属于保险责任、费用合理且必要）。",
                        (
                            Reason(f"条款约定：“{clip(item, 70)}”", article.number),
                            *(
                                [Reason(f"条款约定：“{clip(body, 90)}”", number)]
                                if number != article.number
                                else []
                            ),
                        ),
                    )
    return None
