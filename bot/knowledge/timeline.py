"""When things happened in a customer's story: events on dates, and how long things lasted.

"保单3月1号生效，5月20号查出…", "签收后第12天", "失效22个月了", "透析两个月": events are tied to the
words told beside them (生效, 签收, 确诊, 住院, 出险, 停交, 复效, 身故 …) and kept as day ranges, as
precise as the story is.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from bot.knowledge.text import chinese_number

NUM = r"(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)"

# Event kinds and the words that name them in a story, most specific first.
EVENT_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("reinstated", ("复效", "恢复效力", "恢复了效力", "恢复合同", "补交", "补缴")),
    (
        "paid",
        (
            "付了",
            "付的",
            "交完钱",
            "交了钱",
            "交的钱",
            "交完保费",
            "交了保费",
            "交的保费",
            "交了首期",
            "交的首期",
            "付了首期",
            "付的首期",
            "付款",
            "扣了款",
            "扣的款",
        ),
    ),
    (
        "signed",
        (
            "签收",
            "收到保单",
            "拿到保单",
            "收到合同",
            "拿到合同",
            "签的回执",
            "回执",
            "送达",
            "收到电子保单",
            "确认收到",
            "发到我",
            "发给我",
            "发送到",
        ),
    ),
    (
        "lapsed",
        (
            "失效",
            "停效",
            "效力中止",
            "中止",
            "停交",
            "断交",
            "没交",
            "欠交",
            "停缴",
            "断缴",
            "没续",
            "忘了交",
            "忘交",
            "漏交",
            "没扣",
            "扣款失败",
        ),
    ),
    ("due", ("应交", "到期没交", "交费日", "扣款日", "该交")),
    (
        "effective",
        (
            "生效",
            "成立",
            "投保",
            "投的",
            "买的",
            "买了",
            "买保险",
            "承保",
            "上的保险",
            "保单开始",
            "入保",
            "参保",
        ),
    ),
    ("birth", ("出生", "出世")),
    ("surrender", ("想退", "申请退", "要退", "退保", "申请解除", "要解除", "不想要", "后悔")),
    (
        "symptom",
        (
            "症状",
            "不舒服",
            "不适",
            "难受",
            "疼",
            "痛",
            "第一次看病",
            "初次就诊",
            "就诊",
            "去医院",
            "看医生",
            "看病",
            "咳嗽",
            "发烧",
            "发热",
            "头晕",
            "胸闷",
        ),
    ),
    ("diagnosis", ("确诊", "查出", "诊断", "检查出", "查到", "发现", "得了", "患了", "患上")),
    ("hospital", ("住院", "入院", "住进", "住了", "住的院")),
    ("treatment", ("回医院", "复查", "做手术", "手术", "装了", "植入", "安装")),
    (
        "accident",
        (
            "出事",
            "车祸",
            "摔",
            "受伤",
            "意外",
            "撞",
            "出险",
            "骨折",
            "崴",
            "扭伤",
            "砸",
            "跌倒",
            "溺水",
            "烫伤",
            "烧伤",
            "交通事故",
        ),
    ),
    (
        "death",
        (
            "去世",
            "身故",
            "死亡",
            "过世",
            "走了",
            "离世",
            "病故",
            "病逝",
            "逝世",
            "自杀",
            "轻生",
            "人没了",
        ),
    ),
    ("expiry", ("到期", "期满", "届满")),
    ("renewed", ("续上", "续了", "交续保", "续保的钱", "续保费", "办续保", "办了续保")),
    ("discharge", ("出院", "住到")),
    ("now", ("现在", "今天", "目前", "才想起", "想起来")),
)


@dataclass(frozen=True)
class DaySpan:
    """A length of time in days, as precisely as the story gives it (``low`` ≤ true ≤ ``high``)."""

    low: int
    high: int

    def __str__(self) -> str:
        return f"{self.low}天" if self.low == self.high else f"{self.low}–{self.high}天"

    def before(self, limit: float) -> bool | None:
        """Whether the span lies within ``limit`` days (``None`` when it straddles it)."""
        if self.high <= limit:
            return True
        if self.low > limit:
            return False
        return None


@dataclass(frozen=True)
class Dated:
    """An event of the story on a calendar day (or a range of days, when only a month is given)."""

    kind: str
    first: dt.date
    last: dt.date
    position: int


@dataclass(frozen=True)
class Elapsed:
    """How long after one event (``since``) another happened (``until``; ``now`` = when asking)."""

    since: str
    until: str
    span: DaySpan
    position: int


def number(token: str) -> float | None:
    """``"22"``, ``"二十二"``, ``"两"`` → the number; ``None`` if the token is not one."""
    return chinese_number(token)


def _event_at(text: str, position: int, *, after: bool, reach: int = 10) -> str | None:
    """The event named closest to ``position``, looking after it (or before it)."""
    found = _nearest_event(text, position, after=after, reach=reach)
    return found[1] if found else None


def _nearest_event(
    text: str, position: int, *, after: bool, reach: int, anchors: bool = True
) -> tuple[int, str] | None:
    """``(distance, kind)`` of the event word nearest ``position`` within its clause."""
    window = (
        text[position : position + reach] if after else text[max(0, position - reach) : position]
    )
    # An event belongs to the clause it is told in: stop at the clause's end.
    if after:
        window = re.split(r"[，,。；;！？!?\s]", window, maxsplit=1)[0]
    else:
        window = re.split(r"[，,。；;！？!?\s]", window)[-1]
    best: tuple[int, str] | None = None
    best_rank: tuple[bool, int] | None = None
    for kind, words in EVENT_WORDS:
        for word in words:
            found = window.find(word) if after else window.rfind(word)
            if found < 0:
                continue
            if not anchors and not after and ANCHOR_AFTER.match(window, found + len(word)):
                continue  # "中止后我3月1号复效": the event before "后" only anchors the date
            distance = found if after else len(window) - found - len(word)
            # The day of asking ("现在", "才想起来") yields to any event told in the clause,
            # unless it is told right before the date ("签收的今天5月21号").
            rank = (kind == "now" and (after or distance > 1), distance)
            if best_rank is None or rank < best_rank:
                best, best_rank = (distance, kind), rank
    return best


PREMIUM_BEFORE = re.compile(r"(保费|保险费|交费|缴费|续期|那期)[^，。,；;]{0,4}$")
ANCHOR_AFTER = re.compile(r"(以后|之后|后|後|的$)")
# What a customer means to do on a day is asked on that day: the day is the story's "now".
INTENT = re.compile(
    r"(我|又|才|就|再|还)?(想|打算|准备|计划|要去|想去|想要|(能|可以)?去(办|交|申请|补交)"
    r"|(能|可以)(交|补交|补上|办))"
)
ASKED_ON_THE_DAY = ("reinstated", "renewed", "now")
# what befalls the insured (the 出险 of a claim), as against the policy's own states and dates
INCIDENTS = frozenset(("symptom", "diagnosis", "hospital", "treatment", "accident", "death"))


# ---- dates ---------------------------------------------------------------------------------

FULL_DATE = re.compile(
    r"(?<!\d)(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*(?:[月\-/.]\s*(\d{1,2})[日号]?|月)"
)
YEAR_WORD_DATE = re.compile(
    r"(前年|去年|今年|明年)?(\d{1,2}|[一二三四五六七八九十]{1,3})月(?:份)?(?:(\d{1,2}|[一二三四五六七八九十]{1,3})[日号]?)?"
    r"(初|上旬|中旬|下旬|底|末)?"
)
# the part of a month told: 初/上旬 the 1st–10th, 中旬 the 11th–20th, 下旬/底/末 the 21st on
MONTH_PART = {
    "初": (1, 10),
    "上旬": (1, 10),
    "中旬": (11, 20),
    "下旬": (21, 31),
    "底": (21, 31),
    "末": (21, 31),
}
YEAR_OFFSET = {"前年": -2, "去年": -1, "今年": 0, "明年": 1}
YEAR_ONLY = re.compile(
    r"(?<!\d)(\d{4})\s*年(?!\s*\d{1,2}\s*月)|(前年|去年|今年)(?![\d一二三四五六七八九十]{1,3}月)"
)


PRODUCT_KIND = re.compile(r"意外(伤害)?(保险|险)")


def dated_events(text: str, today: dt.date) -> tuple[Dated, ...]:
    # "安途意外险" names the product, not an accident.
    text = PRODUCT_KIND.sub(lambda m: "_" * len(m.group(0)), text)
    found: list[Dated] = []
    taken: list[tuple[int, int]] = []
    for match in FULL_DATE.finditer(text):
        year, month = int(match.group(1)), int(match.group(2))
        day = int(match.group(3)) if match.group(3) else None
        span = _span(year, month, day)
        if span is not None:
            taken.append(match.span())
            found.append(_place(text, match, span))
    for match in YEAR_ONLY.finditer(text):
        year = int(match.group(1)) if match.group(1) else today.year + YEAR_OFFSET[match.group(2)]
        if 1950 < year < 2100:
            taken.append(match.span())
            found.append(_place(text, match, (dt.date(year, 1, 1), dt.date(year, 12, 31))))
    # The year a date without one takes: the one told last before it (a recurring day has none).
    years = {d.position: d.first.year for d in found if not _recurring(text, d.position)}
    for match in YEAR_WORD_DATE.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        month_read = number(match.group(2))
        day_read = number(match.group(3)) if match.group(3) else None
        if month_read is None or not 1 <= month_read <= 12:
            continue
        month, day = int(month_read), int(day_read) if day_read else None
        earlier = [years[p] for p in sorted(years) if p < match.start()]
        if match.group(1):
            year = today.year + YEAR_OFFSET[match.group(1)]
        elif earlier:
            year = earlier[-1]
        else:
            year = today.year
        span = _span(year, month, day)
        if span is None:
            continue
        if day is None and match.group(4):
            first, last = MONTH_PART[match.group(4)]
            span = (span[0].replace(day=first), span[1].replace(day=min(last, span[1].day)))
        starts = [
            d for d in found if d.kind in ("effective", "signed", "reinstated", "due", "lapsed")
        ]
        if not match.group(1) and starts and found[-1] is starts[-1] and span[0] < starts[-1].first:
            # "3月1号生效，次年2月确诊" without a year word: a later event in an earlier month
            # is in the following year.
            span = _span(year + 1, month, day) or span
        placed = _place(text, match, span)
        told_before = [d.first for d in found if d.kind and d.position < match.start()]
        if not match.group(1) and placed.kind == "now" and told_before:
            # the day of asking comes after the story: "2025年9月20号车祸，到现在3月中旬"
            while placed.last < max(told_before):
                placed = Dated(
                    "now", _next_year(placed.first), _next_year(placed.last), placed.position
                )
        if not _recurring(text, match.start()):
            years[match.start()] = span[0].year
        found.append(placed)
    found.extend(_relative_days(text, found, taken))
    found.sort(key=lambda d: d.position)
    told = _period_ends(text, _recurring_due(found))
    # A day told with no event word beside it ("8月20号因为…装了支架") is still a day of the story.
    return tuple(
        d if d.kind else Dated("told", d.first, d.last, d.position)
        for d in told
        if d.kind or not _recurring(text, d.position)
    )


PERIOD_RANGE = re.compile(r"[\d日号]\s*(到|至|-|—|~|～)\s*$")
PERIOD_NAMED = re.compile(r"(保险期间|保单期间|保障期间|保险期|保障期|保单)[是为:：从自]*\s*$")


def _period_ends(text: str, found: list[Dated]) -> list[Dated]:
    """ "保险期间2025年5月1日到2026年4月30日": the first date is the start, the second the end."""
    placed = list(found)
    for n in range(len(placed) - 1):
        start, end = placed[n], placed[n + 1]
        between = text[start.position : end.position]
        before = text[max(0, start.position - 10) : start.position]
        if PERIOD_RANGE.search(between) and PERIOD_NAMED.search(before):
            placed[n] = Dated("effective", start.first, start.last, start.position)
            placed[n + 1] = Dated("expiry", end.first, end.last, end.position)
    return placed


RELATIVE_DAY = re.compile(r"(当天|当日|同一天|同天|第二天|次日|隔天|第三天)")
RELATIVE_OFFSET = {"第二天": 1, "次日": 1, "隔天": 1, "第三天": 2}


def _relative_days(text: str, found: list[Dated], taken: list[tuple[int, int]]) -> list[Dated]:
    """ "8月3号补交…，当天晚上出了车祸": a day told relative to the date told before it."""
    placed: list[Dated] = []
    for match in RELATIVE_DAY.finditer(text):
        earlier = [d for d in found if d.kind and d.position < match.start()]
        if not earlier or any(s <= match.start() < e for s, e in taken):
            continue
        base = max(earlier, key=lambda d: d.position)
        if base.first != base.last:
            continue
        day = base.first + dt.timedelta(days=RELATIVE_OFFSET.get(match.group(1), 0))
        kind = _event_at(text, match.end(), after=True, reach=30)
        if kind:
            placed.append(Dated(kind, day, day, match.start()))
    return placed


def _recurring_due(found: list[Dated]) -> list[Dated]:
    """ "每年5月1号交费，今年忘了交": the missed payment is that day of the year told."""
    recurring = [d for d in found if not d.kind and d.first == d.last]
    if not recurring:
        return found
    day = recurring[0].first
    placed: list[Dated] = []
    for d in found:
        whole_year = d.first.month == 1 and d.first.day == 1 and d.last.month == 12
        if d.kind in ("lapsed", "due") and whole_year and d.last.day == 31:
            due = _span(d.first.year, day.month, day.day)
            if due is not None:
                d = Dated("due", due[0], due[1], d.position)
        placed.append(d)
    return placed


def _next_year(day: dt.date) -> dt.date:
    """The same day a year later (28 February for a 29th)."""
    end = calendar.monthrange(day.year + 1, day.month)[1]
    return day.replace(year=day.year + 1, day=min(day.day, end))


def _span(year: int, month: int, day: int | None) -> tuple[dt.date, dt.date] | None:
    try:
        if day is None:
            return dt.date(year, month, 1), dt.date(
                year, month, calendar.monthrange(year, month)[1]
            )
        return dt.date(year, month, day), dt.date(year, month, day)
    except ValueError:
        return None


def _recurring(text: str, start: int) -> bool:
    """ "每年5月1号交费": a day that comes back, not an event of the story."""
    return bool(re.search(r"(每年|每月|每期|每个月)$", text[max(0, start - 3) : start]))


def _place(text: str, match: re.Match[str], span: tuple[dt.date, dt.date]) -> Dated:
    if _recurring(text, match.start()):
        return Dated("", span[0], span[1], match.start())  # a recurring day, not an event
    if re.match(r"(那期|的保费|那次)?(应)?(交|缴|扣)", text[match.end() :]):
        return Dated("due", span[0], span[1], match.start())
    if re.match(r"(生的|生人|出生|生日)", text[match.end() :]):
        return Dated("birth", span[0], span[1], match.start())  # "1964年5月1号生的"
    end = match.end()
    aside = re.match(r"[（(][^（()）]{0,20}[）)]", text[end:])
    if aside:
        end += aside.end()  # "9月10号（刚好生日那天）出车祸": the event follows the aside
    following = _nearest_event(text, end, after=True, reach=14)
    preceding = _nearest_event(text, match.start(), after=False, reach=6, anchors=False)
    if following is None and preceding is None:
        # "2月28号晚上十点多在app上把首期保费付了": a payment told further on in the clause.
        far = _nearest_event(text, end, after=True, reach=30)
        following = far if far is not None and far[1] == "paid" else None
    if following and following[1] == "expiry" and PREMIUM_BEFORE.search(text, 0, match.start()):
        following = (following[0], "due")  # "保费5月10号到期忘了交": a premium falling due
    if preceding and preceding[1] == "now" and preceding[0] <= 1:
        kind = "now"  # "现在9月10号了想复效": the day of asking
    elif INTENT.match(text, end) and (following is None or following[1] in ASKED_ON_THE_DAY):
        kind = "now"  # "4月22号想撤销", "3月1号打算去理赔": the day the customer asks or acts
    elif following and preceding:
        # "我忘交了7月20号我老公出车祸": what happened on the day follows it; a state told
        # before it (忘交, 生效) only leads up to it.
        incident = following[1] in INCIDENTS and preceding[1] not in INCIDENTS
        kind = following[1] if incident or following[0] <= preceding[0] + 2 else preceding[1]
    else:
        kind = (following or preceding or (0, ""))[1]
    return Dated(kind, span[0], span[1], match.start())


# ---- durations ------------------------------------------------------------------------------

DURATION = re.compile(
    r"(第)?" + NUM + r"\s*(个多月|多个月|个半月|个月|月|天|日|周|星期|年多|多年|年半|年)(多)?"
)
HALF_YEAR = re.compile(r"半年(多)?")
UNIT_DAYS = {"天": (1, 1), "日": (1, 1), "周": (7, 7), "星期": (7, 7)}


def _duration_span(amount: float, unit: str, more: bool, ordinal: bool) -> DaySpan:
    if unit in UNIT_DAYS:
        days = int(amount * UNIT_DAYS[unit][0])
        return DaySpan(days, days)
    if unit in ("个月", "月"):
        low, high = int(amount * 30), int(amount * 31)
    elif unit in ("个多月", "多个月"):
        low, high = int(amount * 30) + 1, int((amount + 1) * 30) - 1  # 一个多月: not yet two
    elif unit == "个半月":
        low, high = int((amount + 0.5) * 30), int((amount + 0.5) * 31)
    elif unit in ("年多", "多年"):
        low, high = int(amount * 365) + 1, int((amount + 1) * 366) - 1
    elif unit == "年半":
        low, high = int((amount + 0.5) * 365), int((amount + 0.5) * 366)
    else:
        low, high = int(amount * 365), int(amount * 366)
    if more:
        high = high + 29 if unit == "个月" else high + 180
    return DaySpan(low, high)


AGO = re.compile(NUM + r"\s*(年|个月)(?:零|又)?(?:" + NUM + r"\s*个?月)?(多)?(?:以前|之前|前)")


def _ago(text: str) -> list[Elapsed]:
    """ "两年零三个月前住院": an event that long before the day asked."""
    found: list[Elapsed] = []
    for match in AGO.finditer(text):
        amount = number(match.group(1))
        months = number(match.group(3)) if match.group(3) else 0
        if not amount or months is None:
            continue
        if match.group(2) == "年":
            span = _duration_span(amount, "年", False, False)
            extra = _duration_span(months, "个月", False, False) if months else DaySpan(0, 0)
            span = DaySpan(span.low + extra.low, span.high + extra.high)
        else:
            span = _duration_span(amount, "个月", bool(match.group(4)), False)
        if match.group(4) and match.group(2) == "年":
            span = DaySpan(span.low, span.high + 180)
        kind = _event_at(text, match.end(), after=True, reach=10)
        if kind and kind != "now":
            found.append(Elapsed(kind, "now", span, match.start()))
    return found


def elapsed(text: str) -> tuple[Elapsed, ...]:
    found: list[Elapsed] = _ago(text)
    mentions: list[tuple[re.Match[str], DaySpan]] = []
    masked = without_dates(text)
    for ago in AGO.finditer(masked):
        masked = masked[: ago.start()] + "#" * len(ago.group(0)) + masked[ago.end() :]
    for match in DURATION.finditer(masked):
        amount = number(match.group(2))
        if amount is None or amount <= 0 or amount > 120:
            continue
        if match.group(3) in ("天", "日") and re.match(
            r"[号]", text[match.end() : match.end() + 1]
        ):
            continue
        span = _duration_span(amount, match.group(3), bool(match.group(4)), bool(match.group(1)))
        mentions.append((match, span))
    for match in HALF_YEAR.finditer(text):
        mentions.append((match, DaySpan(180, 240) if match.group(1) else DaySpan(180, 184)))
    for match, span in mentions:
        before = _event_at(text, match.start(), after=False, reach=8)
        after_text = text[match.end() : match.end() + 10]
        after = _event_at(text, match.end(), after=True, reach=10)
        if before is None and after is None:
            continue
        if before is None:
            # "两个月后确诊" with no start named: counted from the start of cover.
            if re.match(r"(以|之)?后|了|就|才|内", after_text):
                found.append(Elapsed("effective", after or "now", span, match.start()))
            elif after in ("lapsed", "effective", "signed"):
                found.append(Elapsed(after, "now", span, match.start()))
            continue
        if before in ("hospital",) and after is None:
            continue
        if re.match(r"了[，,。]?(还|想|能|可以|要|怎么|是否|吗|$)", after_text) or after == before:
            after = None
        found.append(Elapsed(before, after or "now", span, match.start()))
    return tuple(found)


def without_dates(text: str) -> str:
    """``text`` with its calendar dates blanked out, so "3月1日" is not read as "1日" long."""
    for pattern in (FULL_DATE, YEAR_WORD_DATE, YEAR_ONLY):
        text = pattern.sub(lambda m: "#" * len(m.group(0)), text)
    return text


CONTRACT_WORDS = re.compile(r"买|生效|投保|交|缴|保单|签收|岁|合同|续保|保了|这|那|今|去|明")
HOURS = re.compile(NUM + r"\s*(个)?(小时|钟头)")


def condition_durations(text: str) -> tuple[DaySpan, ...]:
    """How long an illness, a treatment or a state lasted, as told (透析两个月, 昏迷3天, 72小时)."""
    masked = without_dates(text)
    found: list[DaySpan] = []
    for match in DURATION.finditer(masked):
        before = masked[max(0, match.start() - 6) : match.start()]
        amount = number(match.group(2))
        if amount is None or amount <= 0 or amount > 120 or CONTRACT_WORDS.search(before):
            continue
        if re.match(r"(前|以前|之前)", masked[match.end() : match.end() + 2]):
            continue
        found.append(_duration_span(amount, match.group(3), bool(match.group(4)), False))
    for match in HOURS.finditer(masked):
        amount = number(match.group(1))
        if amount:
            days = int(amount // 24)
            found.append(DaySpan(days, days))
    return tuple(found)


ONSET_KINDS = ("diagnosis", "treatment", "hospital", "told")


def dated_durations(dated: tuple[Dated, ...]) -> tuple[DaySpan, ...]:
    """How long an illness or its treatment had lasted at a later day told by dates: a check-up
    ("1月5日确诊，5月1日复查还在": 116 days) or the day of asking ("2月10号脑出血，现在5月中旬了",
    "1月5号开始透析，3月1号想去理赔")."""
    onset = next((d for d in dated if d.kind in ONSET_KINDS), None)
    if onset is None:
        return ()
    diagnosed = next((d for d in dated if d.kind == "diagnosis"), None)
    checks = [
        d
        for d in dated
        if (d.kind == "treatment" and diagnosed is not None and d.first > diagnosed.last)
        or (d.kind == "now" and d.position > onset.position)
    ]
    if not checks:
        return ()
    check = checks[-1]
    start = diagnosed if check.kind == "treatment" and diagnosed is not None else onset
    low, high = (check.first - start.last).days, (check.last - start.first).days
    return (DaySpan(max(low, 0), high),) if high >= 0 else ()
