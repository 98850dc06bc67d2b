"""Who may be insured, and when a right opens: ages in days and years, later policy years."""

from __future__ import annotations

import datetime as dt
import re

from bot.knowledge.decide.timing import day_text, not_guaranteed, one_day
from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.explain import clip
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.text import arabic_numerals, chinese_number

# ---- the youngest age cover can be bought at --------------------------------------------------

YOUNGEST = re.compile(r"出生(?:满|后满|后)\s*(\d+)\s*日")
BUYING = re.compile(r"买|投保|参保|能保|可以保|上保险")
# A policy already bought, a claim: an age told there is not about who may be insured.
CLAIM_TOLD = re.compile(r"买的|买了|赔|确诊|去世|身故|出险")


def decide_youngest_age(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "宝宝出生20天，能买吗": the wording's youngest age, in days since birth."""
    if not BUYING.search(situation.text) or CLAIM_TOLD.search(situation.text):
        return None
    days = next((e.span for e in situation.elapsed if e.since == "birth"), None)
    if days is None:
        return None
    found = _youngest(product)
    if found is None:
        return None
    article, sentence, limit = found
    discharged = "且已出院" if "出院" in sentence else ""
    reason = Reason(f"条款约定：“{clip(sentence, 80)}”", article)
    if days.high < limit:
        return Verdict(
            "youngest_age",
            "no",
            f"现在还不能投保：被保险人须出生满{limit}日{discharged}才可以投保，宝宝出生{days}，"
            f"等满{limit}日{discharged}后再投保。",
            (reason,),
            coverage=False,
        )
    if days.low >= limit:
        return Verdict(
            "youngest_age",
            "yes",
            f"按年龄可以投保：被保险人出生满{limit}日{discharged}即可投保，宝宝已出生{days}；"
            "能否承保还要看健康告知和核保。",
            (reason,),
            coverage=False,
        )
    return None


def _youngest(product: ProductKnowledge) -> tuple[str, str, int] | None:
    for article in product.document.articles:
        for sentence in plain_sentences(arabic_numerals(article.body)):
            found = YOUNGEST.search(sentence)
            if found and re.search(r"被保险人|投保", sentence):
                return article.number, sentence, int(found.group(1))
    return None


RENEWAL_AGE = re.compile(
    r"续保[^。；]{0,16}?(?:不得超过|不超过|最高|至|到)[^。；\d]{0,10}?(\d+|[一二两三四五六七八九十百]+)\s*[“”]?周岁"
)
ENTRY_AGE = re.compile(
    r"(?:出生满|投保时)[^。；]{0,20}?(?:至|到|－|-|~|未满)(?:年满)?\s*(\d+|[一二两三四五六七八九十百]+)\s*[“”]?周岁"
)


def decide_oldest_age(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "续保的时候就71周岁了，还能续吗": the oldest age the wording renews (or first insures) to."""
    if situation.age is None:
        return None
    text = situation.text
    if CLAIM_TOLD.search(text) or "住院" in text:
        return None  # an age told in a claim is not a question of who may be insured
    renewing = bool(re.search(r"(能|可以|还能|让)[^。？?]{0,4}续|续[^。？?]{0,4}(吗|不)", text))
    buying = bool(
        re.search(r"(能|可以|还能)[^。？?]{0,6}(买|投保|保)|买[^。？?]{0,16}(可以|能|行)吗", text)
    )
    if not renewing and not buying:
        return None
    pattern = RENEWAL_AGE if renewing else ENTRY_AGE
    for article in product.document.articles:
        for sentence in plain_sentences(arabic_numerals(article.body)):
            found = pattern.search(sentence)
            if found is None:
                continue
            read = chinese_number(found.group(1))
            if not read:
                continue
            limit = int(read)
            what = "续保" if renewing else "投保"
            below = "未满" in found.group(0)  # "未满56周岁": 56 itself is too old
            if situation.age > limit or (below and situation.age >= limit):
                rule, over = (
                    (f"须未满{limit}", "已经超过") if below else (f"年龄不得超过{limit}", "超过")
                )
                quoted = sentence if below else _clause_of(sentence, found.start())
                return Verdict(
                    "oldest_age",
                    "no",
                    f"不能{what}：{what}时被保险人{rule}周岁，您说的{situation.age}周岁{over}了这个年龄。",
                    (Reason(f"条款约定：“{clip(quoted, 80)}”", article.number),),
                    coverage=False,
                )
            if not renewing:
                return None
            conditions = (
                ("本产品不保证续保，续保须经保险公司审核同意。",) if not_guaranteed(product) else ()
            )
            return Verdict(
                "oldest_age",
                "yes",
                f"按年龄还能续保：续保时被保险人年龄不得超过{limit}周岁，您说的{situation.age}周岁"
                "还在这个范围内。",
                (Reason(f"条款约定：“{clip(sentence, 80)}”", article.number),),
                conditions,
                coverage=False,
            )
    return None


def oldest_entry_age(product: ProductKnowledge) -> tuple[int, str] | None:
    """The oldest age the wording first insures to, with its article."""
    for article in product.document.articles:
        for sentence in plain_sentences(arabic_numerals(article.body)):
            found = ENTRY_AGE.search(sentence)
            read = chinese_number(found.group(1)) if found else None
            if read:
                below = "未满" in found.group(0) if found else False
                return int(read) - (1 if below else 0), article.number
    return None


def _clause_of(sentence: str, position: int) -> str:
    """The sentence's part holding ``position``, from the clause start before it."""
    start = max(sentence.rfind("。", 0, position), sentence.rfind("；", 0, position)) + 1
    return sentence[start:]


# ---- a right that opens in a later policy year --------------------------------------------------

FROM_POLICY_YEAR = re.compile(
    r"(?:自|从)(?:本合同)?第\s*(\d+|[一二三四五六七八九十]+)\s*个?保单年度(?:开始|起)"
)


def decide_from_policy_year(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "2024年9月1号生效，2025年6月想减保，现在可以吗": a right that opens in a later year."""
    start = one_day(situation, "effective")
    if start is None or not re.search(r"可以吗|能吗|行吗|可不可以|能不能", situation.text):
        return None
    for article in product.document.articles:
        title = re.sub(r"[（(].*?[）)]", "", article.title).strip()
        if len(title) < 2 or title not in situation.text:
            continue
        for sentence in plain_sentences(arabic_numerals(article.body)):
            found = FROM_POLICY_YEAR.search(sentence)
            read = chinese_number(found.group(1)) if found else None
            if not read or read < 2:
                continue
            opens = _years_after(start.first, int(read) - 1)
            asked = [
                d for d in situation.dated if d.kind in ("now", "told") and d.first > start.first
            ]
            day = asked[-1].last if asked else situation.today
            if day >= opens:
                return None
            return Verdict(
                "policy_year",
                "no",
                f"现在还不能{title}：条款约定自第{int(read)}个保单年度开始才可以申请，"
                f"您的合同{day_text(start.first, year=True)}生效，第{int(read)}个保单年度从"
                f"{day_text(opens, year=True)}开始。",
                (Reason(f"条款约定：“{clip(sentence, 90)}”", article.number),),
                coverage=False,
            )
    return None


def _years_after(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 2月29日 in a year without it: the month's last day
        return day.replace(year=day.year + years, day=28)
