"""A long-term policy asked about renewal ("每年要续保吗", "保到30岁以后还能续吗"): its term, from
the wording, and that the wording provides no renewal."""

from __future__ import annotations

import datetime as dt
import re

from bot.knowledge.decide.anniversaries import birthday
from bot.knowledge.decide.timing import day_text
from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences, wording_sentences
from bot.knowledge.explain import clip
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.text import arabic_numerals, normalize

RENEWAL_ASKED = re.compile(r"续保|一年一保|每年.{0,4}(续|重新买|买一次)|(还能|能不能|可以)续")
TERM_TITLE = re.compile(r"保险期间|保障期间|保多久")
LONG_TERM = re.compile(r"终身|\d+\s*周岁|(?<!\d)(?:[2-9]|\d{2,})\s*年(?!度)")


def decide_term_renewal(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """No renewal to arrange: the wording's term is lifelong or many years, and it has no
    renewal provision of its own."""
    if not RENEWAL_ASKED.search(situation.text) or _has_renewal(product):
        return None
    found = _term_sentences(product)
    if found is None:
        return None
    number, lines = found
    lifelong = any("终身" in line for line in lines)
    span = "被保险人终身" if lifelong else "条款约定的多年期间（见下）"
    return Verdict(
        "term",
        "info",
        f"不需要续保：本合同不是一年一保，保险期间为{span}，一次投保保到期满，不用每年续保；"
        "条款没有约定期满后续保。",
        tuple(Reason(f"条款约定：“{clip(line, 110)}”", number) for line in lines),
        coverage=False,
    )


def _has_renewal(product: ProductKnowledge) -> bool:
    return "renewal" in product.facts.periods or any(
        "续保" in normalize(a.title) for a in product.document.articles
    )


def _term_sentences(product: ProductKnowledge) -> tuple[str, list[str]] | None:
    """The article titled with the term and its sentences stating it (终身, 至70周岁, 30年)."""
    for article in product.document.articles:
        if not TERM_TITLE.search(article.title):
            continue
        lines = [
            line
            for line in plain_sentences(article.body)
            if LONG_TERM.search(arabic_numerals(line)) and "交费" not in line
        ]
        if lines:
            return article.number, lines[:3]
    return None


END_ASKED = re.compile(r"保到(哪天|哪一天|什么时候|几号|哪年)|(哪天|什么时候|何时)(到期|结束|满期)")
YEARS_TOLD = re.compile(r"(\d+)\s*年(?:期|的)")
DAY_BEFORE = re.compile(r"满[^。；|，]{0,4}年的对应日(?:的)?前一日")
NOTHING_AT_END = re.compile(r"(届满|期满)[^。]{0,30}(不给付|不退还|不返还|不支付)")
REFUND_ASKED = re.compile(r"退|返还|返回|拿回|满期")


def decide_fixed_term_end(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "30年期的，2025年3月15日生效，保到哪天": the wording's "生效日起满N年的对应日前一日" with
    the customer's term and effective day; what is paid when the term ends, if asked."""
    text = situation.text
    effective = next((d for d in situation.dated if d.kind == "effective"), None)
    told = YEARS_TOLD.search(arabic_numerals(text))
    if not END_ASKED.search(text) or effective is None or told is None:
        return None
    rule = _sentence(product, DAY_BEFORE)
    if rule is None:
        return None
    years = int(told.group(1))
    end = birthday(effective.first, years) - dt.timedelta(days=1)
    reasons = [Reason(f"条款约定：“{clip(rule[1], 90)}”", rule[0])]
    answer = (
        f"保到{day_text(end, year=True)}：{years}年期的保险期间到生效日起满{years}年的对应日前一日"
        "二十四时为止。"
    )
    nothing = _sentence(product, NOTHING_AT_END)
    if nothing is not None and REFUND_ASKED.search(text):
        reasons.append(Reason(f"条款约定：“{clip(nothing[1], 90)}”", nothing[0]))
        answer += "到期时被保险人仍生存的，合同终止，不返还已交保险费（见下方条款）。"
    return Verdict("term", "info", answer, tuple(reasons), coverage=False)


def _sentence(product: ProductKnowledge, pattern: re.Pattern[str]) -> tuple[str, str] | None:
    """The first sentence (or table cell) ``pattern`` finds, with its article."""
    for article in product.document.articles:
        for line in article.body.splitlines():
            if pattern.search(line):
                cells = [c.strip() for c in line.split("|") if pattern.search(c)]
                if "|" in line:
                    return article.number, cells[0]
                said = [x for x in plain_sentences(line) if pattern.search(x)]
                return article.number, said[0] if said else line
    return None


CHANGE_ASKED = re.compile(
    r"(改成|改为|换成|变更|更改|调整)[^，。？?]{0,6}(\d+\s*年期|保险期间|保障期|保障期间|交费期|缴费期)"
    r"|(\d+\s*年期|保险期间|保障期间)[^，。？?]{0,8}(改|换|变更)"
)
FIXED = re.compile(r"(保险期间|交费期间)[^。；]{0,30}(不能|不得|不可|不予)(更改|变更|改变|调整)")
FREQUENCY_ASKED = re.compile(r"(改成|改为|换成)[^，。？?]{0,4}(月交|年交|月缴|年缴)")
FREQUENCY_SAID = re.compile(
    r"交费(方式|频率|频次)[^。；]{0,12}(变更|更改|转换|调整)|(变更|更改)[^。；]{0,6}交费(方式|频率)"
)


def decide_term_change(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "当时选了10年期，想改成20年期，可以吗": the wording's sentence that the term (and the
    paying period) cannot be changed once chosen."""
    text = situation.text
    if not CHANGE_ASKED.search(text):
        return None
    said = [(n, s) for n, s in wording_sentences(product) if FIXED.search(s)]
    if not said:
        return None
    answer = "不能改：保险期间一经确定不能变更（见下方条款）。"
    conditions: tuple[str, ...] = ()
    if FREQUENCY_ASKED.search(text) and not any(
        FREQUENCY_SAID.search(s) for _, s in wording_sentences(product)
    ):
        conditions = ("年交改月交等交费频率的变更，条款没有明确约定，可以联系客服确认。",)
    return Verdict(
        "term",
        "no",
        answer,
        tuple(Reason(f"条款约定：“{clip(s, 90)}”", n) for n, s in said[:2]),
        conditions,
        coverage=False,
    )
