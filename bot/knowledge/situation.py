"""Read a customer's story into a situation: what happened, when, how much, and what is asked.

Customers rarely ask "等待期多久"; they say "保单3月1号生效，5月20号查出乳腺癌，能赔吗". The situation
gathers what :mod:`bot.knowledge.timeline` (events on dates, durations) and :mod:`bot.knowledge.told`
(amounts by role, who, why, earlier claims) read, and what is asked (能不能, 多少, 几次, 多久, 哪些,
怎么办). It knows no product: the verdict applies a product's rules to the situation.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from bot.clock import china_today
from bot.knowledge import told
from bot.knowledge.text import normalize
from bot.knowledge.timeline import (
    EVENT_WORDS,
    Dated,
    DaySpan,
    Elapsed,
    condition_durations,
    dated_durations,
    dated_events,
    elapsed,
)

__all__ = ["Dated", "DaySpan", "Elapsed", "Situation", "read_situation"]

ASKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("amount", re.compile(r"多少|几万|几千|赔几|报几|能拿|拿多少|退多少|怎么算|算多少|金额")),
    ("times", re.compile(r"几次|多少次|几回")),
    ("duration", re.compile(r"多久|多长时间|几天|几年|什么时候|多少天|期限|来得及|还能.{0,4}吗")),
    (
        "documents",
        re.compile(
            r"材料|资料|证明|单据|准备什么|准备哪些|带什么|提交什么|要什么"
            r"|准备啥|要啥|交啥|带啥|哪些东西|什么东西"
        ),
    ),
    ("steps", re.compile(r"怎么办|怎么做|怎么弄|流程|手续|步骤|怎么申请|如何申请|怎么理赔")),
    ("which", re.compile(r"哪些|哪几|什么情况|哪种")),
    (
        "whether",
        re.compile(
            r"能不能|能否|可不可以|可以.{0,8}吗|能.{0,8}吗|算不算|是不是|会不会|吗|么|没有"
            r"|赔不赔|报不报|管不管|给不给|保不保"
        ),
    ),
)
# "材料都交齐了，多久出结果" asks how long, not which documents.
HANDED_IN = re.compile(r"(交|提交|递交|寄|准备|送)(上去|过去|进去|上|到)?(齐|全|完|好|了)(了)?")
# "需要什么条件" asks for the conditions, not for documents.
CONDITIONS_ASKED = re.compile(r"(要|需要)(什么|哪些|啥)(条件|要求)")


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
    reimbursed: float | None = None  # what others paid: social insurance and any other payer
    other_paid: float | None = None  # of that, what payers other than social insurance paid
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
    premium: float | None = None  # the premium of the current period (a year's, a month's)
    installment: str | None = None  # "monthly", "single"
    days_passed: int | None = None  # days of the current period gone by
    period_days: int | None = None  # days in the current period
    premium_shortfall: tuple[float, float] | None = None  # (paid, due) after a misstated age
    told_payout: float | None = None  # a payout the customer states (按保单算的理赔金是20万)
    debt: float | None = None  # a policy loan still owed, with its interest
    cash_value: float | None = None  # the policy's cash value, as the customer was told it
    premiums_paid: float | None = None  # premiums paid in all
    deductible_used: float | None = None  # of the year's deductible, what earlier bills used
    deductible_left: float | None = None  # what is left of the year's deductible, when told
    icu_days: int | None = None  # days in intensive care
    ward_days: int | None = None  # days in an ordinary ward
    allowance_days_used: int | None = None  # hospital allowance days already paid
    policy_year: int | None = None  # which year of cover: 1 the first, 2 the first renewal …
    claim_free_years: int | None = None  # years just before this one without a claim

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
        for told_span in self.elapsed:
            if told_span.since == since and told_span.until == until:
                return told_span.span
        starts = [d for d in self.dated if d.kind == since]
        # "短信3月1日发来，3月5日才确认收到": a policy is signed for on the last day told.
        start = (starts[-1] if since == "signed" else starts[0]) if starts else None
        end = next((d for d in self.dated if d.kind == until), None)
        if end is None and until == "now" and self.today != dt.date.min:
            end = Dated("now", self.today, self.today, len(self.text))
        if start is None or end is None:
            return None
        low, high = (end.first - start.last).days, (end.last - start.first).days
        if high < 0:
            return None
        return DaySpan(max(low, 0), high)


def _only_conditions(text: str, documents: re.Pattern[str]) -> bool:
    """Whether the only words for documents in ``text`` are those of "需要什么条件"."""
    return bool(CONDITIONS_ASKED.search(text)) and not documents.search(
        CONDITIONS_ASKED.sub("", text)
    )


def read_situation(question: str, today: dt.date | None = None) -> Situation:
    """The situation in ``question``; ``today`` dates "今年", "去年" (default: the day asked)."""
    text = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", normalize(question))
    today = today or china_today()
    dated = dated_events(text, today)
    return Situation(
        text=text,
        asks=frozenset(
            name
            for name, pattern in ASKS
            if pattern.search(text)
            and not (
                name == "documents" and (HANDED_IN.search(text) or _only_conditions(text, pattern))
            )
        ),
        today=today,
        dated=dated,
        elapsed=elapsed(text),
        sum_insured=told.amount_near(
            text, ("保额", "基本保险金额", "保险金额"), after=("保额", "的保额")
        )
        or told.amount_near(text, told.SUM_INSURED_WORDS),
        expenses=told.expenses(text),
        reimbursed=told.reimbursed(text),
        other_paid=told.other_paid(text),
        social_insurance=told.social_insurance(text),
        age=told.age(text),
        cause=told.cause(text),
        earlier_claims=told.earlier_claims(text),
        disability_grade=told.grade(text),
        hospital_days=told.hospital_days(text),
        categories=told.asked_categories(text),
        durations=condition_durations(text) + dated_durations(dated),
        paid_before=told.paid_before(text),
        annual_premium=told.amount_near(
            text, ("年交", "年缴", "每年交", "每年缴", "保费", "保险费")
        ),
        years_paid=told.years_paid(text),
        plan=told.plan(text),
        premium=told.premium(text),
        installment=told.installment(text),
        days_passed=told.days_passed(text),
        period_days=told.period_days(text),
        premium_shortfall=told.premium_shortfall(text),
        told_payout=told.told_payout(text),
        debt=told.debt(text),
        cash_value=told.cash_value(text),
        premiums_paid=told.premiums_paid(
            text,
            told.amount_near(text, ("年交", "年缴", "每年交", "每年缴", "保费", "保险费")),
            told.years_paid(text),
        ),
        deductible_used=told.deductible_used(text),
        deductible_left=told.deductible_left(text),
        icu_days=told.icu_days(text),
        ward_days=told.ward_days(text),
        allowance_days_used=told.allowance_days_used(text),
        policy_year=told.cover_year(text),
        claim_free_years=told.claim_free_years(text),
    )
