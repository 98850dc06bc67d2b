"""Read a customer's story into a situation: what happened, when, how much, and what is asked.

Customers rarely ask "等待期多久"; they say "保单3月1号生效，5月20号查出乳腺癌，能赔吗". This module
reads the facts such a question carries — the timeline of events (生效, 签收, 确诊, 住院, 出险,
停交 …) as day ranges, amounts by role (保额, 花费, 已报销), ages, earlier claims, the cause, the
disability grade — and what is asked (能不能, 多少, 几次, 多久, 哪些, 怎么办). It knows no product:
the verdict applies a product's rules to the situation.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from bot.knowledge.text import chinese_number, normalize

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
ASKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("amount", re.compile(r"多少|几万|几千|赔几|报几|能拿|拿多少|退多少|怎么算|算多少|金额")),
    ("times", re.compile(r"几次|多少次|几回")),
    ("duration", re.compile(r"多久|多长时间|几天|几年|什么时候|多少天|期限|来得及|还能.{0,4}吗")),
    ("documents", re.compile(r"材料|资料|证明|单据|准备什么|准备哪些|带什么|提交什么|要什么")),
    ("steps", re.compile(r"怎么办|怎么做|怎么弄|流程|手续|步骤|怎么申请|如何申请|怎么理赔")),
    ("which", re.compile(r"哪些|哪几|什么情况|哪种")),
    (
        "whether",
        re.compile(r"能不能|能否|可不可以|可以.{0,8}吗|能.{0,8}吗|算不算|是不是|会不会|吗|么|没有"),
    ),
)
# "材料都交齐了，多久出结果" asks how long, not which documents.
HANDED_IN = re.compile(r"(交|提交|递交|寄|准备)(齐|全|完|好|了)(了)?")
MONEY = re.compile(
    NUM
    + r"\s*(万元|万块|万|w|千元|千|k|元|块|(?<=\d{3})(?=[，,。；\s]|$|[^\d.%万千元块天日次年岁级个月周号期]))"
    r"(?![\u4e00-\u9fff]{0,1}[日天次年岁级])"
)
SUM_INSURED_WORDS = ("保额", "基本保险金额", "保险金额", "买了", "投保", "保了", "买的")
EXPENSE_WORDS = (
    "花了",
    "花费",
    "费用",
    "一共",
    "总共",
    "医疗费",
    "住院费",
    "治疗费",
    "手术费",
    "共花",
    "自费",
    "自付",
    "掏了",
    "付了",
    "交了",
    "账单",
)
REIMBURSED_WORDS = (
    "报了",
    "报销了",
    "报销",
    "统筹",
    "医保报",
    "社保报",
    "报掉",
    "给报",
    "已报",
    "单位报",
    "其他保险",
    "团险",
)
PAID_BEFORE = re.compile(
    r"(已经|已|之前|前面|今年|去年)?(赔了|赔过|理赔了|给付了|领了|领过|拿了|拿过)(一次)?[^，。；\d]{0,8}$"
)
GRADE = re.compile(
    r"(?:伤残(?:等级)?|评(?:定)?(?:为|了)?|鉴定(?:为|了)?)?" + NUM + r"\s*级(?:伤残)?"
)
CATEGORY_WORDS = {
    "severe": ("重疾", "重大疾病", "重度"),
    "moderate": ("中症", "中度疾病", "中度"),
    "mild": ("轻症", "轻度疾病", "轻度", "轻疾"),
}


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


@dataclass(frozen=True)
class Situation:
    """What a customer's question says happened and what it asks."""

    text: str
    asks: frozenset[str]
    today: dt.date = dt.date.min
    dated: tuple[Dated, ...] = ()
    elapsed: tuple[Elapsed, ...] = ()
    sum_insured: float | None = None
    expenses: float | None = None
    reimbursed: float | None = None
    social_insurance: str | None = None  # "used", "not_used", "none"
    age: int | None = None
    cause: str | None = None  # "accident", "illness"
    earlier_claims: dict[str, int] = field(default_factory=dict)
    disability_grade: int | None = None
    hospital_days: int | None = None
    categories: tuple[str, ...] = ()
    durations: tuple[DaySpan, ...] = ()  # lengths told of the illness or treatment, in days
    paid_before: float | None = None  # what this policy already paid
    annual_premium: float | None = None
    years_paid: int | None = None
    plan: str | None = None  # 计划二, 方案A: the column of a plan table that applies

    def events(self) -> set[str]:
        """Every event kind the story mentions with a date or a duration."""
        return (
            {d.kind for d in self.dated}
            | {e.since for e in self.elapsed}
            | {e.until for e in self.elapsed}
        )

    def mentions(self, kind: str) -> bool:
        """Whether the story names an event of ``kind`` at all, dated or not."""
        return any(w in self.text for k, words in EVENT_WORDS if k == kind for w in words)

    def days_between(self, since: str, until: str) -> DaySpan | None:
        """How many days after ``since`` the ``until`` event happened, from durations or dates."""
        for elapsed in self.elapsed:
            if elapsed.since == since and elapsed.until == until:
                return elapsed.span
        start = next((d for d in self.dated if d.kind == since), None)
        end = next((d for d in self.dated if d.kind == until), None)
        if end is None and until == "now" and self.today != dt.date.min:
            end = Dated("now", self.today, self.today, len(self.text))
        if start is None or end is None:
            return None
        low, high = (end.first - start.last).days, (end.last - start.first).days
        if high < 0:
            return None
        return DaySpan(max(low, 0), high)


def read_situation(question: str, today: dt.date | None = None) -> Situation:
    """The situation in ``question``; ``today`` dates "今年", "去年" (default: the day asked)."""
    text = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", normalize(question))
    today = today or dt.date.today()
    dated = _dated_events(text, today)
    return Situation(
        text=text,
        asks=frozenset(
            name
            for name, pattern in ASKS
            if pattern.search(text) and not (name == "documents" and HANDED_IN.search(text))
        ),
        today=today,
        dated=dated,
        elapsed=_elapsed(text),
        sum_insured=_amount_near(
            text, ("保额", "基本保险金额", "保险金额"), after=("保额", "的保额")
        )
        or _amount_near(text, SUM_INSURED_WORDS),
        expenses=_expenses(text),
        reimbursed=_reimbursed(text),
        social_insurance=_social_insurance(text),
        age=_age(text),
        cause=_cause(text),
        earlier_claims=_earlier_claims(text),
        disability_grade=_grade(text),
        hospital_days=_hospital_days(text),
        categories=_asked_categories(text),
        durations=_condition_durations(text),
        paid_before=_paid_before(text),
        annual_premium=_amount_near(text, ("年交", "年缴", "每年交", "每年缴", "保费", "保险费")),
        years_paid=_years_paid(text),
        plan=_plan(text),
    )


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


def _dated_events(text: str, today: dt.date) -> tuple[Dated, ...]:
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


def _elapsed(text: str) -> tuple[Elapsed, ...]:
    found: list[Elapsed] = []
    mentions: list[tuple[re.Match[str], DaySpan]] = []
    masked = _without_dates(text)
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


def _without_dates(text: str) -> str:
    """``text`` with its calendar dates blanked out, so "3月1日" is not read as "1日" long."""
    for pattern in (FULL_DATE, YEAR_WORD_DATE, YEAR_ONLY):
        text = pattern.sub(lambda m: "#" * len(m.group(0)), text)
    return text


# ---- amounts, ages, claims, causes ----------------------------------------------------------

TOTAL_WORDS = ("一共", "总共", "合计", "共计", "总计", "加起来")


def _expenses(text: str) -> float | None:
    """What the treatment cost: a stated total, or the sum of each stay's cost."""
    amounts: list[float] = []
    for match in MONEY.finditer(text):
        before = text[max(0, match.start() - 8) : match.start()]
        if not any(w in before for w in EXPENSE_WORDS):
            continue
        if any(r in before[-4:] for r in REIMBURSED_WORDS) or PAID_BEFORE.search(before):
            continue
        value = _money_value(match)
        if value is None:
            continue
        if any(w in before for w in TOTAL_WORDS):
            return value
        amounts.append(value)
    if len(amounts) > 1 and re.search(r"第二次|两次|又.{0,6}花", text):
        return sum(amounts)
    return amounts[0] if amounts else None


def _paid_before(text: str) -> float | None:
    """What this policy already paid: "今年已经赔了295万", "赔过一次轻症拿了15万"."""
    for match in MONEY.finditer(text):
        before = text[max(0, match.start() - 12) : match.start()]
        if PAID_BEFORE.search(before) and not re.search(
            r"医保|社保|统筹|农合|团险|单位|别的", before
        ):
            return _money_value(match)
    return None


def _plan(text: str) -> str | None:
    match = re.search(r"(计划|方案)([一二三四五六七八九十abcdef1-9])", text)
    if match is None:
        return None
    mark = match.group(2).upper()
    return match.group(1) + ("一二三四五六七八九"[int(mark) - 1] if mark.isdigit() else mark)


def _years_paid(text: str) -> int | None:
    match = re.search(r"(?:已经|已)?(?:交|缴)了" + NUM + r"\s*年", text)
    value = number(match.group(1)) if match else None
    return int(value) if value else None


CONTRACT_WORDS = re.compile(r"买|生效|投保|交|缴|保单|签收|岁|合同|续保|保了|这|那|今|去|明")
HOURS = re.compile(NUM + r"\s*(个)?(小时|钟头)")


def _condition_durations(text: str) -> tuple[DaySpan, ...]:
    """How long an illness, a treatment or a state lasted, as told (透析两个月, 昏迷3天, 72小时)."""
    masked = _without_dates(text)
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


def _money_value(match: re.Match[str]) -> float | None:
    amount = number(match.group(1))
    if amount is None:
        return None
    unit = match.group(2)
    if not unit:
        return amount
    if unit.startswith("万") or unit == "w":
        return amount * 10_000
    if unit.startswith("千") or unit == "k":
        return amount * 1_000
    return amount


def _amount_near(text: str, words: tuple[str, ...], *, after: tuple[str, ...] = ()) -> float | None:
    for match in MONEY.finditer(text):
        before = text[max(0, match.start() - 8) : match.start()]
        following = text[match.end() : match.end() + 4]
        if any(w in before for w in words) or any(following.startswith(w) for w in after):
            if any(r in before[-4:] for r in REIMBURSED_WORDS) and words is EXPENSE_WORDS:
                continue
            if words is SUM_INSURED_WORDS and re.search(r"保费|保险费|交|缴|赔", before[-4:]):
                continue
            return _money_value(match)
    return None


def _reimbursed(text: str) -> float | None:
    total = 0.0
    for match in MONEY.finditer(text):
        before = text[max(0, match.start() - 8) : match.start()]
        if any(w in before[-5:] for w in REIMBURSED_WORDS) and not any(
            w in before[-5:] for w in ("自付", "自费", "自己", "还能", "能")
        ):
            value = _money_value(match)
            total += value or 0
    return total or None


def _social_insurance(text: str) -> str | None:
    if re.search(r"(没有|没|无|不是)(参加|买|交)?(社保|医保|社会医疗保险|农合)", text):
        if re.search(r"(没|没有)(用|走|通过|经过|使用)(社保|医保)", text):
            return "not_used"
        return "none"
    if re.search(
        r"(没|没有|未|不|忘|忘了)(用|走|通过|经过|使用|刷|带|去报|报|补报)(了)?(社保|医保|社会医疗保险)|全(部)?自费|全额自费",
        text,
    ):
        return "not_used"
    if re.search(
        r"(社保|医保|统筹|社会医疗保险|农合).{0,6}(报|结算|刷|走)|(走|刷|用)了?(社保|医保)", text
    ):
        return "used"
    if re.search(r"有(社保|医保)", text):
        return "has"
    return None


def _age(text: str) -> int | None:
    read = (number(m.group(1)) for m in re.finditer(NUM + r"\s*(?:周)?岁", text))
    ages = [int(a) for a in read if a is not None and 0 <= a < 120]
    return ages[-1] if ages else None


def _cause(text: str) -> str | None:
    text = re.sub(r"意外(伤害)?(险|线|保险)", "", text)  # the product's name is not the cause
    if re.search(r"意外|车祸|摔|撞|溺水|烫伤|烧伤|骨折|被.{0,3}咬|扭伤|砸|跌倒|交通事故", text):
        return "accident"
    if re.search(r"生病|病了|疾病|确诊|查出|得了|患", text):
        return "illness"
    return None


def _claim_told(words: tuple[str, ...]) -> re.Pattern[str]:
    """ "轻症赔过一次", "已经赔了两次重疾": a category paid before, and how many times."""
    names = "|".join(words)
    return re.compile(
        rf"(?:{names}).{{0,4}}(?:已经)?(?:赔|理赔|给付)(?:过|了)" + NUM + "?次?"
        r"|(?:赔|理赔|给付)(?:过|了)" + NUM + rf"?次?(?:{names})"
    )


def _earlier_claims(text: str) -> dict[str, int]:
    claims: dict[str, int] = {}
    for category, words in CATEGORY_WORDS.items():
        match = _claim_told(words).search(text)
        if match:
            count = number(match.group(1) or match.group(2) or "一")
            claims[category] = int(count) if count else 1
    return claims


def _asked_categories(text: str) -> tuple[str, ...]:
    """The categories the question asks about, not those it says were paid before."""
    asked = text
    for words in CATEGORY_WORDS.values():
        asked = _claim_told(words).sub("", asked)
    return tuple(c for c, words in CATEGORY_WORDS.items() if any(w in asked for w in words))


def _grade(text: str) -> int | None:
    for match in GRADE.finditer(text):
        if "伤残" in match.group(0) or "评" in match.group(0) or "鉴定" in match.group(0):
            value = number(match.group(1))
            if value is not None and 1 <= value <= 10:
                return int(value)
    return None


def _hospital_days(text: str) -> int | None:
    match = re.search(r"住(?:了)?(?:院)?" + NUM + r"\s*[天日]", text) or re.search(
        NUM + r"\s*[天日]的?院", text
    )
    if match is None:
        return None
    value = number(match.group(1))
    return int(value) if value else None
