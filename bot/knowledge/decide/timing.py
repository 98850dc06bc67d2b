"""When cover runs, against the days of the customer's story.

The wording's own periods decide: cover from the day after the premium is paid (次日零时), a
reinstatement in force from the day after it is paid and never past a one-year term, the waiting
period again after it, late renewal within the days after the end, a stay continuing past the end,
a monthly due day in a short month, the interval between two payouts. Each ``decide_*`` returns
``None`` when the story is not of its kind.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.explain import clip
from bot.knowledge.facts import Period, ProductKnowledge
from bot.knowledge.situation import Dated, DaySpan, Situation
from bot.knowledge.text import arabic_numerals
from bot.knowledge.vocabulary import TOPIC_WORDS

INSURED_EVENTS = ("accident", "diagnosis", "hospital", "symptom", "death")
EVENT_NAMES = {
    "accident": "事故",
    "diagnosis": "确诊",
    "hospital": "住院",
    "symptom": "就医",
    "death": "身故",
}
NEXT_DAY = re.compile(r"次日零时")


def day_text(day: dt.date, *, year: bool = False) -> str:
    """``3月6日`` (``2026年3月31日`` with ``year``)."""
    return f"{day.year}年{day.month}月{day.day}日" if year else f"{day.month}月{day.day}日"


def _first(situation: Situation, *kinds: str) -> Dated | None:
    return next((d for d in situation.dated if d.kind in kinds), None)


def one_day(situation: Situation, kind: str) -> Dated | None:
    found = _first(situation, kind)
    return found if found is not None and found.first == found.last else None


def _insured_event(situation: Situation, since: dt.date) -> Dated | None:
    """The first accident, diagnosis, stay … told on or after ``since``."""
    events = [d for d in situation.dated if d.kind in INSURED_EVENTS and d.last >= since]
    return min(events, key=lambda d: d.first) if events else None


def waiting_name(period: Period | None) -> str:
    """The wording's own name for its waiting period (观察期, 等待期 …)."""
    if period is None:
        return "等待期"
    text = "".join([period.sentence, *period.details])
    named = [(text.find(w), w) for w in TOPIC_WORDS["waiting"] if w in text]
    return min(named)[1] if named else "等待期"  # the name the wording uses first


# ---- cover from the day after the premium is paid ----------------------------------------------


def decide_cover_start(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "2月28号付的保费，3月1号出的事": cover starts at 0:00 the day after the payment."""
    period = product.facts.periods.get("cover_start")
    paid = one_day(situation, "paid")
    if period is None or paid is None:
        return None
    start = paid.first + dt.timedelta(days=int(period.amount))
    reason = Reason(f"条款约定：“{clip(period.sentence, 70)}”", period.article)
    event = _insured_event(situation, paid.first)
    if event is None:
        if not re.search(r"哪天|什么时候|几号|开始|生效|起算|算起", situation.text):
            return None
        return Verdict(
            "cover_start",
            "info",
            f"从{day_text(start)}零时起生效：合同自收到保险费的次日零时起生效，"
            f"您{day_text(paid.first)}交费，次日{day_text(start)}零时起开始承担保险责任；"
            "具体以保险单载明的生效日为准。",
            (reason,),
            coverage=False,
        )
    what = EVENT_NAMES[event.kind]
    if event.last < start:
        return Verdict(
            "cover_start",
            "no",
            f"不能赔：合同自收到保险费的次日零时起生效，即{day_text(start)}零时，"
            f"{day_text(event.first)}发生{what}时合同尚未生效，不在保险期间内。",
            (reason,),
        )
    if event.first < start:
        return None
    conditions = []
    waiting = product.facts.periods.get("waiting")
    if waiting is not None and waiting.amount == 0:
        conditions.append(f"本产品不设{waiting_name(waiting)}（第{waiting.article}条）。")
    elif waiting is not None and situation.cause != "accident":
        conditions.append(
            f"因疾病的还要看{waiting.label}{waiting_name(waiting)}（第{waiting.article}条）。"
        )
    return Verdict(
        "cover_start",
        "yes",
        f"合同已经生效：合同自收到保险费的次日零时起生效，即{day_text(start)}零时，"
        f"{day_text(event.first)}发生的{what}在保险期间内，按保险责任的约定处理。",
        (reason,),
        tuple(conditions),
    )


# ---- reinstatement ------------------------------------------------------------------------------


def reinstatement_lines(product: ProductKnowledge) -> tuple[str, list[str]] | None:
    """The reinstatement article and its sentences (from its period, or by its title)."""
    period = product.facts.periods.get("reinstatement")
    if period is not None:
        return period.article, [period.sentence, *period.details]
    for article in product.document.articles:
        if article.body and re.search(r"复效|效力恢复|恢复效力|效力的恢复", article.title):
            return article.number, plain_sentences(arabic_numerals(article.body))
    return None


def decide_reinstated_same_day(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "8月3号补交复效，当天晚上出了车祸": a reinstatement runs from the next day's 0:00."""
    lines = reinstatement_lines(product)
    back = one_day(situation, "reinstated")
    if lines is None or back is None:
        return None
    article, sentences = lines
    rule = next((s for s in sentences if NEXT_DAY.search(s) and "恢复" in s), None)
    event = _insured_event(situation, back.first)
    if rule is None or event is None or event.first != back.first:
        return None
    start = back.first + dt.timedelta(days=1)
    return Verdict(
        "reinstated_same_day",
        "no",
        f"不能赔：复效自次日零时起恢复效力，即{day_text(start)}零时，{day_text(back.first)}当天"
        f"发生的{EVENT_NAMES[event.kind]}仍在效力中止期间，不承担保险责任。",
        (Reason(f"条款约定：“{clip(rule, 90)}”", article),),
    )


TERM_END = re.compile(r"保险期间(?:届满|内)|不晚于[^。；]{0,8}届满")


def decide_reinstatement_term(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """A one-year term: reinstatement no later than its end, whatever the years allowed."""
    if not re.search(r"复效|恢复", situation.text):
        return None
    lines = reinstatement_lines(product)
    end = one_day(situation, "expiry")
    if lines is None or end is None:
        return None
    article, sentences = lines
    limit = next((s for s in sentences if TERM_END.search(s)), None)
    if limit is None:
        return None
    reasons = [Reason(f"条款约定：“{clip(limit, 90)}”", article)]
    ended = next((s for s in sentences if s != limit and re.search(r"届满.{0,20}终止", s)), None)
    if ended is not None:
        reasons.append(Reason(f"条款约定：“{clip(ended, 80)}”", article))
    conditions = _interest(sentences)
    asked = one_day(situation, "now") or _first(situation, "now", "reinstated")
    if re.search(r"最晚|什么时候|多久|截止|期限", situation.text):
        return Verdict(
            "reinstatement",
            "info",
            f"最晚在保险期间届满之日（{day_text(end.first, year=True)}）前申请复效："
            "本合同保险期间届满时效力仍未恢复的，合同于届满时终止，不能再复效。",
            tuple(reasons),
            conditions,
            coverage=False,
        )
    if asked is not None and asked.first > end.first:
        return Verdict(
            "reinstatement",
            "no",
            f"不能复效了：保险期间已于{day_text(end.first, year=True)}届满，届满时合同仍处于"
            "效力中止状态的，合同于届满时终止，不再恢复；需要保障只能重新投保（按新投保处理）。",
            tuple(reasons),
            coverage=False,
        )
    return None


def _interest(sentences: list[str]) -> tuple[str, ...]:
    said = next((s for s in sentences if "利息" in s), None)
    if said is None:
        return ()
    if re.search(
        r"不[^。；，]{0,6}(计收|收取|计算|计)[^。；，]{0,4}利息|无须[^。；，]{0,4}利息", said
    ):
        return ("补交欠交的保险费，不计利息。",)
    return (f"条款约定：“{clip(said, 60)}”。",)


# ---- renewal of a one-year term -----------------------------------------------------------------


def decide_renewal(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "到期20天后才去交续保的钱": within the wording's days after the end it stays continuous."""
    period = product.facts.periods.get("renewal")
    if period is None or not re.search(r"续", situation.text):
        return None
    gap = _renewal_gap(situation)
    if gap is None:
        return None
    days, end = gap
    waiting = product.facts.periods.get("waiting")
    name = waiting_name(waiting)
    lines = [period.sentence, *period.details]
    reasons = [Reason(f"条款约定：“{clip(period.sentence, 90)}”", period.article)]
    if days.high <= period.amount:
        conditions = []
        between = [
            d
            for d in situation.dated
            if d.kind in INSURED_EVENTS and end is not None and d.first > end
        ]
        gap_rule = next(
            (s for s in lines if re.search(r"(期内|日内)[^。；]{0,30}(不承担|不赔|不负)", s)), None
        )
        if between and gap_rule is not None:
            conditions.append(
                f"但{day_text(between[0].first)}的{EVENT_NAMES[between[0].kind]}发生在原合同期满后、"
                "续保合同生效前，不承担保险责任。"
            )
            reasons.append(Reason(f"条款约定：“{clip(gap_rule, 70)}”", period.article))
        if not_guaranteed(product):
            conditions.append("本产品不保证续保，续保须经保险公司审核同意。")
        if between and gap_rule is not None and re.search(r"赔|报|管", situation.text):
            # "这次住院能赔吗": the event in the gap is what is asked
            event = f"{day_text(between[0].first)}的{EVENT_NAMES[between[0].kind]}"
            return Verdict(
                "renewal",
                "no",
                f"{event}不赔：它发生在原合同期满后、续保保险费交上之前，条款约定这段时间的保险事故"
                f"不承担保险责任；续保本身在期满后{period.label}内办理，仍算连续投保。",
                tuple(reasons),
                tuple(c for c in conditions if not c.startswith("但")),
            )
        return Verdict(
            "renewal",
            "yes",
            f"能续，算连续投保：期满后第{days}办理，仍在期满后{period.label}的期限内，"
            f"视为连续投保，不重新计算{name}。",
            tuple(reasons),
            tuple(conditions),
            coverage=False,
        )
    if days.low <= period.amount:
        return None
    beyond = next((s for s in lines if re.search(r"超过", s)), None)
    if beyond is not None:
        # the sentence of the case that applies, not the one for a renewal in time
        reasons = [
            Reason(f"续保须在期满后{period.label}内办理", period.article),
            Reason(f"条款约定：“{clip(beyond, 70)}”", period.article),
        ]
    return Verdict(
        "renewal",
        "no",
        f"不算连续投保：期满后第{days}才续，超过了期满后{period.label}的期限，按新投保处理，"
        f"需要重新投保、重新健康告知，{name}重新计算。",
        tuple(reasons),
        coverage=False,
    )


def not_guaranteed(product: ProductKnowledge) -> bool:
    """Whether the wording says renewal is not guaranteed (不保证续保)."""
    return any(
        "不保证续保" in sentence
        for article in product.document.articles
        for sentence in plain_sentences(article.body)
    )


def _renewal_gap(situation: Situation) -> tuple[DaySpan, dt.date | None] | None:
    for told in situation.elapsed:
        if told.since == "expiry" and told.until in ("renewed", "now", "paid"):
            return told.span, None
    end = one_day(situation, "expiry")
    renewed = _first(situation, "renewed", "now", "paid")
    if end is None or renewed is None or renewed.first <= end.first:
        return None
    return DaySpan((renewed.first - end.first).days, (renewed.last - end.first).days), end.first


# ---- a stay continuing past the end -------------------------------------------------------------


def decide_extension(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "12月31号到期，12月20号住进去，1月25号出院": the stay is covered up to the wording's days."""
    period = product.facts.periods.get("extension")
    end = one_day(situation, "expiry")
    admitted = _first(situation, "hospital", "accident")
    if period is None or end is None or admitted is None or admitted.first > end.first:
        return None
    if not re.search(r"住院|住进|出院|住到", situation.text):
        return None
    last = end.first + dt.timedelta(days=int(period.amount))
    reason = Reason(f"条款约定：“{clip(period.sentence, 90)}”", period.article)
    out = _first(situation, "discharge")
    start = f"到期时仍在住院的，继续承担该次住院的保险责任，最长至期满后第{period.label}"
    if out is None:
        return Verdict(
            "extension",
            "yes",
            f"还管，但有期限：{start}（{day_text(last)}）。",
            (reason,),
        )
    first, final = out.first, out.last
    if final < admitted.first:  # "12月20号住进去，1月25号出院": the following year
        first, final = first.replace(year=first.year + 1), final.replace(year=final.year + 1)
    if final <= last:
        return Verdict(
            "extension",
            "yes",
            f"还赔：{start}（{day_text(last)}）；{day_text(first)}出院在这个期限内。",
            (reason,),
        )
    return Verdict(
        "extension",
        "yes",
        f"还管一部分：{start}（{day_text(last)}）为止，此后的费用不赔。",
        (reason,),
    )


AFTER_REINSTATEMENT = re.compile(
    r"(复效|恢复)[^。？?！!]{0,6}(以后|之后|后)[^。？?！!]{0,8}(生病|得病|住院|确诊|查出|出险|看病)"
)
# "恢复以后等待期要重新算吗": whether the waiting period starts again, asked outright
RESTART_ASKED = re.compile(
    r"(复效|恢复)[^。？?！!]{0,8}(等待期|观察期)[^。？?！!]{0,6}(重新|再|还要|要不要|还得|算)"
)


def decide_after_reinstatement(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "恢复以后马上生病住院能赔吗", "恢复以后等待期要重新算吗": the waiting period starts again
    from the reinstatement."""
    asked = RESTART_ASKED.search(situation.text) is not None
    after = AFTER_REINSTATEMENT.search(situation.text) is not None
    if not asked and not after:
        return None
    waiting = product.facts.periods.get("waiting")
    if waiting is None or waiting.amount == 0:
        return None
    lines = reinstatement_lines(product)
    told = [(waiting.article, s) for s in (waiting.sentence, *waiting.details)]
    if lines is not None:
        told += [(lines[0], s) for s in lines[1]]
    restart = next(
        (
            (a, s)
            for a, s in told
            if re.search(r"复效|恢复", s) and re.search(r"重新|最后一次复效|最后1次复效", s)
        ),
        None,
    )
    if restart is None:
        return None
    name = waiting_name(waiting)
    conditions = []
    if any(re.search(r"意外", s) for s in (waiting.sentence, *waiting.details)):
        conditions.append(f"意外伤害导致的，按{name}条款的约定不受{name}限制。")
    reasons = (
        Reason(f"{name}为{waiting.label}", waiting.article),
        Reason(f"条款约定：“{clip(restart[1], 80)}”", restart[0]),
    )
    if asked and not after:
        return Verdict(
            "waiting",
            "yes",
            f"要重新算：复效后{name}从复效之日起重新计算，为{waiting.label}；"
            f"{waiting.label}内因疾病发生的保险事故不承担保险责任。",
            reasons,
            tuple(conditions),
        )
    return Verdict(
        "waiting",
        "no",
        f"复效后马上因病住院不赔：复效后{name}重新计算，自复效之日起{waiting.label}内"
        f"因疾病发生的保险事故不承担保险责任，{waiting.label}后才按保险责任处理。",
        reasons,
        tuple(conditions),
    )


# ---- a monthly due day in a month without that day ----------------------------------------------

MISSING_DAY = re.compile(r"(\d{1,2})月(?:份)?(?:没有|无|没)\s*(\d{1,2})\s*[号日]")
LAST_DAY_RULE = re.compile(r"无(?:对应|对应的同一)日[^。]*最后(?:一|1)日")


def decide_due_day(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "1月31号生效，月缴，2月没有31号，哪天扣款": the wording's rule for a month without it."""
    asked = MISSING_DAY.search(situation.text)
    if asked is None:
        return None
    rule = None
    for article in product.document.articles:
        for sentence in plain_sentences(arabic_numerals(article.body)):
            if LAST_DAY_RULE.search(sentence):
                rule = (article.number, sentence)
                break
        if rule:
            break
    if rule is None:
        return None
    month = int(asked.group(1))
    if not 1 <= month <= 12:
        return None
    start = one_day(situation, "effective")
    year = start.first.year if start is not None else situation.today.year
    if start is not None and month <= start.first.month:
        year += 1
    last = calendar.monthrange(year, month)[1]
    reasons = [Reason(f"条款约定：“{clip(rule[1], 90)}”", rule[0])]
    conditions = []
    grace = product.facts.periods.get("grace")
    if grace is not None:
        conditions.append(
            f"错过交费日的，自交费日次日起有{grace.label}宽限期（第{grace.article}条）。"
        )
        reasons.append(Reason(f"宽限期为约定交费日次日起{grace.label}", grace.article))
    return Verdict(
        "due_day",
        "info",
        f"{month}月{last}日：当月没有对应日的，以该月最后一日为约定交费日，"
        f"所以{month}月的交费日是{month}月{last}日。",
        tuple(reasons),
        tuple(conditions),
        coverage=False,
    )


# ---- the interval between two payouts -----------------------------------------------------------


def decide_interval(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "1月10号赔过一次重疾，5月20号又查出肺癌": the next payout only after the interval."""
    period = product.facts.periods.get("interval")
    if period is None or not re.search(r"第二次|又|再次|再", situation.text):
        return None
    if not situation.earlier_claims.get("severe"):
        return None  # the interval runs from a payout for a severe illness, not a mild one
    days = [d for d in situation.dated if d.kind in ("diagnosis", "told") and d.first == d.last]
    if len(days) < 2:
        return None
    first, then = days[0], days[-1]
    gap = (then.first - first.first).days
    if gap <= 0 or gap >= period.amount:
        return None
    reasons = [Reason(f"条款约定：“{clip(period.sentence, 90)}”", period.article)]
    inside = next(
        (s for s in period.details if re.search(r"间隔期内[^。]*(不予|不给付|不承担)", s)), None
    )
    if inside is not None:
        reasons.append(Reason(f"条款约定：“{clip(inside, 90)}”", period.article))
    conditions = []
    if re.search(r"等|再申请|以后申请", situation.text):
        conditions.append(
            f"间隔期从上一次确诊日算到这次确诊日，等满{period.label}再申请也不改变这次确诊的日期。"
        )
    return Verdict(
        "interval",
        "no",
        f"这次确诊不能赔：距上一次确诊才{gap}天，还在{period.label}的间隔期内；间隔期内确诊的"
        "按条款不予给付。",
        tuple(reasons),
        tuple(conditions),
    )
