"""The facts of a customer's case told across turns: kept for later questions, changed one by one.

"保额30万 甲状腺癌一期能赔多少" then "那保额50万呢" asks the same question with one fact changed;
the question put to the knowledge base is the previous one with that fact in place of the old.
"""

from __future__ import annotations

import datetime as dt
import re

from bot.knowledge.situation import read_situation
from bot.knowledge.text import normalize

AMOUNT = r"\d+(?:\.\d+)?[万千]?(?:元|块)?"
SUM_INSURED = (
    r"(?:保额|基本保险金额)(?:是|为|换成|改成|变成|加到|提到|调到|调成)?\d+(?:\.\d+)?万?"
    r"|\d+(?:\.\d+)?万?(?:元)?(?:的)?保额"
)
AGE = r"(?:今年|才|刚|已经)?\d{1,3}(?:周)?岁(?:了)?|(?:今年|现在)\d{1,3}了"
START = (
    r"(?:\d{4}年|去年|前年|今年)?\d{1,2}月(?:\d{1,2}[日号])?[^，。！？?]{0,3}(?:生效|投保|买|签收)"
    r"|(?:去年|前年|今年|\d{4}年)[^，。！？?]{0,3}(?:生效|投保|买)"
)
SPENT = r"(?:住院|看病|治疗|手术|一共|总共)?花(?:了|费了?)" + AMOUNT
SOCIAL_PAYERS = r"医保|社保|新农合|农合"
OTHERS_PAID = rf"(?:{SOCIAL_PAYERS}|单位|团险|公司)(?:报销?|赔|付|结算)了?" + AMOUNT
NOT_THROUGH = r"(?:没|未|没有)(?:走|用|经过?|通过)(?:医保|社保)(?:结算|报销)?|全(?:是|部)?自(?:己|费)(?:掏|出|付)?的?"
SOCIAL_INSURANCE = r"(?:我|他|她)?(?:有|没有|没)(?:交)?社保|" + NOT_THROUGH
YEARS_PAID = r"(?:交了|已交|交满)\d+年"
PREMIUM = r"(?:年交|每年交?|一年交?)" + AMOUNT
STAY = r"住(?:院)?(?:了)?\d+天"
STAGE = r"(?<![第这那上下每])(?:[一二三四1-4ⅰⅱⅲⅳ]|i{1,3}|iv)期(?!保费|交费|的保费|间|限|满)"
TNM = r"t[0-4x][a-d]?n[0-3x][a-c]?m[01x]"
# Facts that, told alone, make a turn one of facts only (a sum insured, an age, a start).
FACTS = re.compile("|".join([SUM_INSURED, AGE, START]))
MONEY_FACTS = re.compile("|".join([SPENT, OTHERS_PAID, SOCIAL_INSURANCE]))
PAYMENTS = re.compile("|".join([YEARS_PAID, PREMIUM, STAY]))
# The facts a follow-up may change, each of its own kind; dates of events are changed by kind
# of event (:func:`_redated`).
CHANGEABLE = {
    kind: re.compile(pattern)
    for kind, pattern in {
        "sum_insured": SUM_INSURED,
        "age": AGE,
        "spent": SPENT,
        "others_paid": OTHERS_PAID,
        "social_insurance": SOCIAL_INSURANCE,
        "years_paid": YEARS_PAID,
        "premium": PREMIUM,
        "stay": STAY,
        "stage": STAGE,
        "tnm": TNM,
    }.items()
}
NOT_USED = re.compile(r"没|未|全(?:是|部)?自")
USED_SOCIAL_INSURANCE = re.compile(r"(?:走|用|刷)了?(?:医保|社保)|(?:医保|社保)(?:报销?|结算)")
NOT_THROUGH_SOCIAL_INSURANCE = re.compile(NOT_THROUGH)
PAID_BY_SOCIAL_INSURANCE = re.compile(rf"(?:{SOCIAL_PAYERS})(?:报销?|赔|付|结算)了?" + AMOUNT)
DATE = re.compile(
    r"(?:\d{4}年|去年|前年|今年)?\d{1,2}月(?:\d{1,2}[日号])?|\d{1,2}[日号]|\d{4}年|去年|前年|今年"
)
YEAR = re.compile(r"\d{4}年|去年|前年|今年")
DURATION = re.compile(
    r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十]+)(?:个)?(?:天|日|周|月|年)|半年|一年半"
)
STARTS = frozenset({"effective", "signed"})


def told_facts(text: str) -> str:
    """The facts of the customer's case a message gives (sum insured, age, when cover started,
    what was spent and what others paid, premiums paid, days in hospital), kept for the questions
    that follow."""
    plain = normalize(text)
    found = [*FACTS.finditer(plain), *MONEY_FACTS.finditer(plain), *PAYMENTS.finditer(plain)]
    return "，".join(m.group(0) for m in sorted(found, key=lambda m: m.start()))


def changed_case(previous: str, text: str, today: dt.date) -> str | None:
    """The previous question with the facts ``text`` tells put in place of those told before
    ("那保额50万呢", "那我妈48岁呢", "要是8月才查出来呢", "那要是没走医保呢"); ``None`` when
    ``text`` changes no fact of the case."""
    before, now = normalize(previous), normalize(text)
    changed = False
    if USED_SOCIAL_INSURANCE.search(now):
        # "那如果走了医保 报了1万呢": the earlier "没走医保, 全自费" no longer holds
        before = NOT_THROUGH_SOCIAL_INSURANCE.sub("", before)
        changed = True
    for kind, pattern in CHANGEABLE.items():
        new = pattern.search(now)
        if new is None:
            continue
        if kind == "social_insurance" and NOT_USED.search(new.group(0)):
            # not through social insurance: what it paid is no longer part of the case
            before = PAID_BY_SOCIAL_INSURANCE.sub("", before)
        old = pattern.search(before)
        if old is None:
            before = f"{before}，{new.group(0)}"
        else:
            before = before[: old.start()] + new.group(0) + before[old.end() :]
        changed = True
    redated = _redated(before, now, today)
    if redated is not None:
        before, changed = redated, True
    return before if changed else None


def _redated(before: str, now: str, today: dt.date) -> str | None:
    """``before`` with the day of each event ``now`` dates (确诊, 生效, 住院 …) put in place of
    the day it gave the same event; ``None`` when ``now`` redates none."""
    story, told = read_situation(before, today), read_situation(now, today)
    replacements: dict[int, tuple[int, str]] = {}
    events = [d for d in story.dated if d.kind not in STARTS]
    for event in told.dated:
        same = next((d for d in story.dated if d.kind == event.kind), None)
        if event.kind == "told" and len(events) == 1:
            same = events[0]  # "那要是6月1号呢": the one day of the story that is not its start
        new_day = DATE.match(now, event.position)
        old_day = DATE.match(before, same.position) if same is not None else None
        if new_day is not None and old_day is not None:
            year = YEAR.match(old_day.group(0))
            day = new_day.group(0)
            if year is not None and not YEAR.match(day):
                day = year.group(0) + day  # "6月1号" in a story of 2025 stays in 2025
            replacements[old_day.start()] = (old_day.end(), day)
    for span in told.elapsed:
        # "要是买了半年才查出来呢": the same stretch of the story, a new length
        new_length = DURATION.search(now, span.position)
        same_span = next(
            (e for e in story.elapsed if (e.since, e.until) == (span.since, span.until)), None
        )
        old_length = DURATION.search(before, same_span.position) if same_span else None
        if new_length is not None and old_length is not None:
            replacements[old_length.start()] = (old_length.end(), new_length.group(0))
    if not replacements:
        return None
    result = before
    for start in sorted(replacements, reverse=True):  # from the right: positions stay valid
        end, day = replacements[start]
        result = result[:start] + day + result[end:]
    return result
