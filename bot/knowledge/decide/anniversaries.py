"""Days that turn on an age: the birthday of an age and the policy anniversary after it.

"年满18周岁后的首个保单周年日" with "2007年6月10日出生", "2015年9月1日生效" is 2025年9月1日: an
extra payout before it, the end of cover on it. Only days the customer tells are used.
"""

from __future__ import annotations

import datetime as dt
import re

from bot.knowledge.decide.timing import day_text
from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.explain import clip
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.text import arabic_numerals, sentences, strip_markdown


def birthday(born: dt.date, age: int) -> dt.date:
    """The day ``age`` is reached (29 February → 28 February in other years)."""
    try:
        return born.replace(year=born.year + age)
    except ValueError:
        return born.replace(year=born.year + age, day=28)


def next_anniversary(start: dt.date, after: dt.date) -> dt.date:
    """The first policy anniversary of a policy effective on ``start``, on or after ``after``."""
    year = after.year
    while True:
        try:
            day = start.replace(year=year)
        except ValueError:
            day = start.replace(year=year, day=28)
        if day >= after:
            return day
        year += 1


def _told_day(situation: Situation, kind: str) -> dt.date | None:
    found = next((d for d in situation.dated if d.kind == kind and d.first == d.last), None)
    return found.first if found is not None else None


def age_turns(situation: Situation, age: int, anniversary: bool) -> dt.date | None:
    """The day the wording's age rule turns: the birthday of ``age``, or with ``anniversary`` the
    first policy anniversary on or after it; ``None`` when the story lacks the dates."""
    born = next((d for d in situation.dated if d.kind == "birth"), None)
    if born is None:
        return None
    earliest, latest = birthday(born.first, age), birthday(born.last, age)
    if not anniversary:
        return earliest if earliest == latest else None
    start = _told_day(situation, "effective")
    if start is None:
        return None
    # "1966年3月出生": any day of March turns 60 before the same anniversary (4月1日)
    first, last = next_anniversary(start, earliest), next_anniversary(start, latest)
    return first if first == last else None


def past_the_age(situation: Situation, age: int, anniversary: bool) -> bool | None:
    """Whether the diagnosis fell on or after the day the wording's age rule turns."""
    diagnosed = next((d for d in situation.dated if d.kind == "diagnosis"), None)
    if any(d.kind == "birth" for d in situation.dated) and diagnosed is not None:
        turns = age_turns(situation, age, anniversary)
        if turns is None:
            return None
        if diagnosed.last < turns:
            return False
        if diagnosed.first >= turns:
            return True
        return None
    if situation.age is not None:
        if situation.age < age:
            return False
        if situation.age > age:
            return True if not anniversary or situation.age > age + 1 else None
    return None


END_ASK = re.compile(
    r"保到(哪|什么时候|几时|多久|多少岁|几岁)|(什么时候|哪天|哪一天|何时)(到期|结束|终止|满期)|保障到"
)
COVER_END = re.compile(r"(?:年满|满)(\d+)周岁(后的首个保单周年日|的保单周年日|之日)?")
MATURITY = re.compile(r"满期")


def decide_cover_end(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "我1990年5月10日出生，2025年8月1日生效，保到哪天": the wording's term ending at an age (or
    the anniversary after it), as a day, from the birth and effective dates told."""
    if not END_ASK.search(situation.text):
        return None
    for article in product.document.articles:
        if "保险期间" not in article.title + article.body:
            continue
        for sentence in sentences(arabic_numerals(strip_markdown(article.body))):
            found = COVER_END.search(sentence)
            if "保险期间" not in sentence or found is None or "至" not in sentence:
                continue
            age, anniversary = (
                int(found.group(1)),
                bool(found.group(2) and "周年日" in found.group(2)),
            )
            ends = age_turns(situation, age, anniversary)
            born = _told_day(situation, "birth")
            if ends is None or born is None:
                return None
            reached = birthday(born, age)
            how = (
                f"您{day_text(reached, year=True)}年满{age}周岁，此后首个保单周年日是"
                f"{day_text(ends, year=True)}"
                if anniversary
                else f"您{day_text(reached, year=True)}年满{age}周岁"
            )
            reasons = [Reason(f"条款约定：“{clip(sentence, 70)}”", article.number)]
            notes = []
            if MATURITY.search(situation.text) and not any(
                "满期" in b.name for b in product.facts.benefits
            ):
                notes.append("条款没有满期保险金的约定，保险期间届满时不给付满期金。")
            return Verdict(
                "cover_end",
                "info",
                f"保到{day_text(ends, year=True)}零时：{how}。{''.join(notes)}",
                tuple(reasons),
                ("具体起止时间以保险单载明的为准。",),
            )
    return None
