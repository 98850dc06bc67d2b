"""The social-insurance status declared at application (有社保/无社保身份) against the status the
story tells now: declared without it but in fact insured, insured then lost it, or joined since.
The wording's own sentences for that case decide (a ratio, a change to apply for, a notice)."""

from __future__ import annotations

import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.explain import clip
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.text import arabic_numerals

SCHEME = r"(社保|医保|新农合|农合|居民医保|职工医保|基本医疗保险)"
DECLARED_NONE = re.compile(
    rf"(投保|申报|填|买)[^，。,]{{0,8}}(没有?|无|未参加){SCHEME}|[按以]无(社保|社会医疗保险)"
)
DECLARED_SOME = re.compile(
    rf"(投保|申报|填|买)[^，。,]{{0,8}}(有|参加了?){SCHEME}|[按以]有(社保|社会医疗保险)"
)
NOW_SOME = re.compile(
    rf"(其实|实际|后来|现在|今年|已经|一直)[^，。,没未不无]{{0,8}}(有|交|参加|交上|上了|缴)"
    rf"[^，。,没未不无]{{0,6}}{SCHEME}"
    rf"|给我(交|缴)上?了?{SCHEME}"
)
NOW_NONE = re.compile(
    rf"{SCHEME}[^，。,]{{0,4}}(断了|停了|没了|停交|中断|断交)|(辞职|离职|失业)[^，。]{{0,10}}{SCHEME}"
    r"[^，。,]{0,4}(断|停|没)"
)
STATUS_WORDS = re.compile(r"社保|社会医疗保险|基本医疗保险|医保")
GAINED_RULE = re.compile(r"实际(已)?参加|申报为[^。；]{0,4}无|参加或者?退出|参加或退出|变更")
LOST_RULE = re.compile(r"丧失|退出|中断|不再参加|变更|通知")
FIRST = {
    "gained": re.compile(r"实际(已)?参加|申报为[^。；]{0,4}无"),
    "lost": re.compile(r"丧失[^。；]{0,10}(参保|资格|身份)|退出"),
}


def _uninsured_ratio(product: ProductKnowledge) -> float | None:
    """The ratio for those insured without social insurance, when the wording states one."""
    found = {
        t.amount
        for t in product.facts.medical
        if t.kind == "reimbursement"
        and t.amount
        and re.search(r"(未参加|无)(社保|社会[^，。]{0,8}保险)身份", t.sentence)
    }
    return next(iter(found)) if len(found) == 1 else None


def _direction(text: str) -> str | None:
    if DECLARED_NONE.search(text) and NOW_SOME.search(text):
        return "gained"
    if DECLARED_SOME.search(text) and NOW_NONE.search(text):
        return "lost"
    return None


def decide_insured_status(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "投保时填的没社保，其实一直有新农合，赔付比例多少", "投保时有社保，后来医保断了"."""
    if product.document.product_type != "medical":
        return None
    direction = _direction(situation.text)
    if direction is None:
        return None
    rule = GAINED_RULE if direction == "gained" else LOST_RULE
    found = []
    for article in product.document.articles:
        lines = plain_sentences(article.body)
        for at, sentence in enumerate(lines):
            if not STATUS_WORDS.search(sentence) or "---" in sentence:
                continue
            if at + 1 < len(lines) and re.match(r"(未通知|否则|不通知)", lines[at + 1]):
                sentence = f"{sentence}。{lines[at + 1]}"
            named = rule.search(sentence) and "身份" in sentence + article.title
            if named or FIRST[direction].search(sentence):
                found.append((sentence, article.number))
    found.sort(key=lambda pair: FIRST[direction].search(pair[0]) is None)
    if not found:
        return None
    said = found[:2]
    told = (
        "您投保时申报的是无社保身份，实际参加了社保"
        if direction == "gained"
        else "您投保时是有社保身份，之后社保中断了"
    )
    ratio = re.search(r"(\d+(?:\.\d+)?)\s*%", arabic_numerals(said[0][0]))
    asked = re.search(r"比例|赔多少|多少|按.{0,4}%|赔", situation.text)
    lead = f"按{ratio.group(1)}%计算：" if ratio and direction == "gained" and asked else ""
    if direction == "lost" and asked and re.search(r"通知", said[0][0]):
        uninsured = _uninsured_ratio(product)
        if uninsured is not None:
            lead = f"可以通知保险公司改按无社保身份处理，此后按{uninsured:g}%赔付；不通知的不变。"
    return Verdict(
        "insured_status",
        "info",
        f"{lead}{told}，条款对这种情况的约定是：“{clip(said[0][0], 110)}”",
        tuple(Reason(f"条款约定：“{clip(s, 90)}”", a) for s, a in said),
        ("身份变化请及时告知保险公司，以保险公司的处理为准。",),
        coverage=False,
    )
