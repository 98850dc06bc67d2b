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
    ("reinstated", ("复效", "恢复效力", "恢复了效力", "恢复合同")),
    ("signed", ("签收", "收到保单", "拿到保单", "收到合同", "拿到合同", "签的回执", "回执")),
    (
        "lapsed",
        (
            "失效",
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
        ("生效", "投保", "买的", "买了", "买保险", "承保", "上的保险", "保单开始", "入保", "参保"),
    ),
    ("birth", ("出生", "出世")),
    ("surrender", ("想退", "申请退", "要退", "退保", "申请解除", "要解除")),
    ("symptom", ("症状", "不舒服", "第一次看病", "初次就诊", "就诊", "去医院看")),
    ("diagnosis", ("确诊", "查出", "诊断", "检查出", "查到", "发现", "得了", "患了", "患上")),
    ("hospital", ("住院", "入院", "住进")),
    ("accident", ("出事", "车祸", "摔", "受伤", "意外", "撞", "出险", "骨折")),
    ("death", ("去世", "身故", "死亡", "过世", "走了", "离世", "病故")),
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


def _nearest_event(text: str, position: int, *, after: bool, reach: int) -> tuple[int, str] | None:
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
    for kind, words in EVENT_WORDS:
        for word in words:
            found = window.find(word) if after else window.rfind(word)
            if found < 0:
                continue
            distance = found if after else len(window) - found - len(word)
            if best is None or distance < best[0]:
                best = (distance, kind)
    return best


# ---- dates ---------------------------------------------------------------------------------

FULL_DATE = re.compile(
    r"(?<!\d)(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*(?:[月\-/.]\s*(\d{1,2})[日号]?|月)"
)
YEAR_WORD_DATE = re.compile(
    r"(前年|去年|今年|明年)?(\d{1,2}|[一二三四五六七八九十]{1,3})月(?:份)?(?:(\d{1,2}|[一二三四五六七八九十]{1,3})[日号]?)?"
)
YEAR_OFFSET = {"前年": -2, "去年": -1, "今年": 0, "明年": 1}
YEAR_ONLY = re.compile(
    r"(?<!\d)(\d{4})\s*年(?!\s*\d{1,2}\s*月)|(前年|去年|今年)(?![\d一二三四五六七八九十]{1,3}月)"
)


def dated_events(text: str, today: dt.date) -> tuple[Dated, ...]:
    found: list[Dated] = []
    taken: list[tuple[int, int]] = []
    for match in FULL_DATE.finditer(text):
        year, month = int(match.group(1)), int(match.group(2))
        day = int(match.group(3)) if match.group(3) else None
        span = _span(year, month, day)
        if span is not None:
            taken.append(match.span())
            found.append(_place(text, match, span))
    full_years = {d.position: d.first.year for d in found}
    for match in YEAR_ONLY.finditer(text):
        year = int(match.group(1)) if match.group(1) else today.year + YEAR_OFFSET[match.group(2)]
        if 1950 < year < 2100:
            taken.append(match.span())
            found.append(_place(text, match, (dt.date(year, 1, 1), dt.date(year, 12, 31))))
    last_year: int | None = None
    for match in YEAR_WORD_DATE.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        month_read = number(match.group(2))
        day_read = number(match.group(3)) if match.group(3) else None
        if month_read is None or not 1 <= month_read <= 12:
            continue
        month, day = int(month_read), int(day_read) if day_read else None
        earlier = [y for p, y in full_years.items() if p < match.start()]
        if match.group(1):
            year = today.year + YEAR_OFFSET[match.group(1)]
        elif last_year is not None:
            year = last_year
        elif earlier:
            year = earlier[-1]
        else:
            year = today.year
        span = _span(year, month, day)
        if span is None:
            continue
        starts = [
            d for d in found if d.kind in ("effective", "signed", "reinstated", "due", "lapsed")
        ]
        if not match.group(1) and starts and found[-1] is starts[-1] and span[0] < starts[-1].first:
            # "3月1号生效，次年2月确诊" without a year word: a later event in an earlier month
            # is in the following year.
            span = _span(year + 1, month, day) or span
        last_year = span[0].year
        found.append(_place(text, match, span))
    found.sort(key=lambda d: d.position)
    return tuple(d for d in found if d.kind)


def _span(year: int, month: int, day: int | None) -> tuple[dt.date, dt.date] | None:
    try:
        if day is None:
            return dt.date(year, month, 1), dt.date(
                year, month, calendar.monthrange(year, month)[1]
            )
        return dt.date(year, month, day), dt.date(year, month, day)
    except ValueError:
        return None


def _place(text: str, match: re.Match[str], span: tuple[dt.date, dt.date]) -> Dated:
    if re.search(r"(每年|每月|每期|每个月)$", text[max(0, match.start() - 3) : match.start()]):
        return Dated("", span[0], span[1], match.start())  # a recurring day, not an event
    if re.match(r"(那期|的保费|那次)?(应)?(交|缴|扣)", text[match.end() :]):
        return Dated("due", span[0], span[1], match.start())
    following = _nearest_event(text, match.end(), after=True, reach=14)
    preceding = _nearest_event(text, match.start(), after=False, reach=6)
    if following and preceding:
        kind = following[1] if following[0] <= preceding[0] + 2 else preceding[1]
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
        low, high = int(amount * 30) + 1, int((amount + 1) * 31) - 1
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


def elapsed(text: str) -> tuple[Elapsed, ...]:
    found: list[Elapsed] = []
    mentions: list[tuple[re.Match[str], DaySpan]] = []
    masked = without_dates(text)
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
