"""Non-disclosure (如实告知): what the insurer may still do, by how long the contract has run."""

from __future__ import annotations

import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.explain import clip
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import DaySpan, Situation
from bot.knowledge.text import arabic_numerals, sentences, strip_markdown

UNDISCLOSED = re.compile(
    # "今年没报过", "没报销", "没报案" tell of no claim, not of a fact kept back
    # "一直没报 现在…" (a claim never made) ends the clause: a fact kept back is named after it
    r"(没|未|没有|不)(如实)?(告知|告诉|说|写|填|申报|报(?![过销案警\s，。,？?！!]|现在|$))"
    r"|隐瞒|瞒着|漏报|漏填"
    r"|健康告知.{0,6}(没|未)"
)
DISCLOSURE_TITLE = re.compile(r"告知|(?<!您)解除合同|合同解除|解除权|不可抗辩")


def decide_disclosure(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """Undisclosed health facts: the insurer's right to rescind ends 2 years after the contract."""
    if not UNDISCLOSED.search(situation.text) or not re.search(
        r"解除|赔|合理|退|有效|怎么样|怎么办|会怎|影响|后果", situation.text
    ):
        return None
    said = _disclosure_sentences(product)
    found = [(n, s) for n, s in said if re.search(r"2年", s) and "解除" in s]
    if not found:
        return None
    number, sentence = found[0]
    span = _contract_age(situation)
    reasons = [Reason(f"条款约定：“{clip(sentence, 90)}”", number)]
    thirty = next(((n, s) for n, s in said if re.search(r"30日", s) and "解除" in s), None)
    if thirty is not None:
        reasons.append(Reason(f"条款约定：“{clip(thirty[1], 70)}”", thirty[0]))
    asked_only = next(((n, s) for n, s in said if "询问" in s), None)
    if asked_only is not None:
        reasons.insert(
            0,
            Reason(f"如实告知只限于保险公司询问的事项：“{clip(asked_only[1], 60)}”", asked_only[0]),
        )
    if span is not None and span.before(730) is False:
        return Verdict(
            "disclosure",
            "yes",
            "合同成立已超过2年，保险公司不能再以未如实告知为由解除合同；发生保险事故的，应当按合同承担保险责任"
            "（《保险法》第16条也这样规定）。",
            tuple(reasons),
            ("既往症等条款另有约定的责任免除仍然适用。",),
        )
    if span is not None and span.before(730):
        return Verdict(
            "disclosure",
            "no",
            "合同成立还不满2年：故意或因重大过失没有如实告知、足以影响承保的，保险公司可以解除合同；"
            "故意不告知的，解除前发生的事故不赔、保费不退；重大过失的，不赔但退还保费。",
            tuple(reasons),
            ("保险公司须在知道解除事由之日起30日内行使解除权，过期不行使的，解除权消灭。",),
        )
    return Verdict(
        "disclosure",
        "depends",
        "要看合同成立了多久：成立满2年后，保险公司不能再以未如实告知为由解除合同；不满2年的，"
        "故意或重大过失未告知、足以影响承保的，保险公司可以解除合同。",
        tuple(reasons),
    )


def _disclosure_sentences(product: ProductKnowledge) -> list[tuple[str, str]]:
    """``(article, sentence)`` of the articles on disclosure and rescission, numbers as digits."""
    return [
        (a.number, sentence)
        for a in product.document.articles
        if DISCLOSURE_TITLE.search(a.title)
        for sentence in sentences(strip_markdown(arabic_numerals(a.body)))
    ]


def _contract_age(situation: Situation) -> DaySpan | None:
    for until in ("diagnosis", "death", "hospital", "accident", "now"):
        span = situation.days_between("effective", until)
        if span is not None:
            return span
    return None
