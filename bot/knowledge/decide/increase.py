"""A sum insured increased during the term, and the increase's own waiting period.

"原来保额60万，11月1号加保30万生效了，12月20号病故，能赔90万吗": the wording gives the added part a
waiting period of its own from the day the increase took effect ("另计九十日的观察期…按增加前的
基本保险金额给付"); within it an illness pays the sum before the increase, after it the whole.
"""

from __future__ import annotations

import re

from bot.knowledge.decide.cleared import DEATH
from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.explain import clip, money
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.text import arabic_numerals
from bot.knowledge.told import MONEY, money_value

INCREASE_TOLD = re.compile(r"加保|增保|(增加|加)(了)?(基本)?(保额|保险金额)")
OWN_WAITING = re.compile(r"增加[^。]{0,40}?(\d+)日的?(观察期|等待期)")
BEFORE_SUM = re.compile(r"增加前的基本保险金额")
# the sum told is the one before any increase only when the story says so
ORIGINAL = re.compile(r"(投保时|原来|最初|当初|原先|本来)[^，。；]{0,4}(保额|保了|买了)")


def _added(text: str) -> float | None:
    """The amount added: the money told right after 加保 / 增加保额."""
    found = INCREASE_TOLD.search(text)
    if found is None:
        return None
    amount = MONEY.search(text[found.end() : found.end() + 8])
    return money_value(amount) if amount else None


def _rule(product: ProductKnowledge) -> tuple[str, str, int] | None:
    for article in product.document.articles:
        for sentence in plain_sentences(article.body):
            plain = arabic_numerals(sentence)
            days = OWN_WAITING.search(plain)
            if days is not None and BEFORE_SUM.search(plain):
                return article.number, sentence, int(days.group(1))
    return None


def decide_increase_waiting(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """A death or 全残 told after an increase of the sum: within the increase's own waiting period
    an illness pays the sum before it, after it (or an accident) the sum with it."""
    text = situation.text
    added = _added(text)
    increased = next((d for d in situation.dated if d.kind == "effective"), None)
    event = next((d for d in situation.dated if d.kind in ("death", "accident", "diagnosis")), None)
    if added is None or increased is None or event is None or not ORIGINAL.search(text):
        return None
    if not (DEATH.search(text) or "全残" in text) or event.first < increased.first:
        return None
    rule = _rule(product)
    before = situation.sum_insured
    if rule is None or before is None or before == added:
        return None
    number, sentence, days = rule
    day = (event.first - increased.first).days + 1
    reasons = (Reason(f"条款约定：“{clip(sentence, 100)}”", number),)
    if day > days or situation.cause == "accident":
        return Verdict(
            "increase",
            "yes",
            f"可以按加保后的保额赔：{money(before)} + {money(added)} = {money(before + added)}；"
            f"加保部分的{days}日观察期已过（或属意外），不受其限制。",
            reasons,
            ("须不属于责任免除的情形，以理赔审核为准。",),
        )
    return Verdict(
        "increase",
        "info",
        f"不能按{money(before + added)}赔，按加保前的保额{money(before)}赔：加保的{money(added)}"
        f"自增加生效之日起另有{days}日的观察期，出事在第{day}天，还在其中；"
        "这部分不赔，退还为加保部分已交的保险费。",
        reasons,
        ("原来的保额不受加保部分观察期的影响，须不属于责任免除的情形，以理赔审核为准。",),
    )


ADDED_EACH = re.compile(r"(?:又)?(?:加保|增保|加了|增加了)\s*")
TOTAL_CAP = re.compile(
    r"累计增加[^。；]{0,6}不(超过|得超过|高于)[^。；]{0,6}基本保险金额的(\d+(?:\.\d+)?)%"
)
MORE_ASKED = re.compile(r"(还|再)(能|可以)(再)?(加|增加|加保)|能不能再加|还能加")


def decide_increase_left(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "投保时40万，加了20万，又加了20万，还能再加吗": the increases told against the wording's cap
    on all increases together (a share of the sum at the start)."""
    text = situation.text
    if not (MORE_ASKED.search(text) and ORIGINAL.search(text)) or situation.sum_insured is None:
        return None
    added = [
        money_value(m)
        for m in (MONEY.match(text, found.end()) for found in ADDED_EACH.finditer(text))
        if m is not None
    ]
    amounts = [a for a in added if a]
    cap = next(
        (
            (a.number, s, float(found.group(2)))
            for a in product.document.articles
            for s in plain_sentences(a.body)
            if (found := TOTAL_CAP.search(arabic_numerals(s)))
        ),
        None,
    )
    if not amounts or cap is None:
        return None
    number, sentence, percent = cap
    limit = situation.sum_insured * percent / 100
    used = sum(amounts)
    reasons = (Reason(f"条款约定：“{clip(sentence, 100)}”", number),)
    if used >= limit:
        return Verdict(
            "increase",
            "no",
            f"不能再加了：累计已加{money(used)}，已达到投保时保额{money(situation.sum_insured)}的"
            f"{percent:g}%（{money(limit)}）这一累计上限。",
            reasons,
            coverage=False,
        )
    return Verdict(
        "increase",
        "info",
        f"累计上限还剩{money(limit - used)}：投保时保额{money(situation.sum_insured)}的{percent:g}%"
        f"为{money(limit)}，已加{money(used)}；每次能加多少和其他条件见下方条款。",
        reasons,
        ("须符合条款约定的加保条件（事件、时限、年龄等），以审核为准。",),
        coverage=False,
    )
