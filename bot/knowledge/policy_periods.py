"""Where a policy stands in its periods (犹豫期, 等待期, 宽限期, 复效), from its dates and wording.

Every length and rule comes from the product's :class:`~bot.knowledge.facts.Period` (read from
the wording at ingestion), and every state names the articles it rests on, for
``ProductKnowledge.citation(*state.articles)``. Days are counted as the Civil Code counts them
(:func:`bot.civil_dates.period_end`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.civil_dates import chinese_date
from bot.knowledge.facts import Period, ProductFacts
from bot.records.model import ENDED_STATUSES, Policy

PREMIUM_STATUSES = ("paid_up", "current", "grace", "overdue", "lapsed", "reinstatement_closed")


def _days_left(today: dt.date, last_day: dt.date) -> int:
    return max((last_day - today).days, 0)


def _remaining(days_left: int) -> str:
    return "今天是最后一天" if days_left == 0 else f"距届满还有{days_left}天"


@dataclass(frozen=True)
class CoolingOffState:
    """The cooling-off period (犹豫期), counted from the day after receipt (签收).

    Attributes:
        ends: Its last day.
        active: Whether ``today`` is on or before ``ends``.
        days_left: Whole days after today until ``ends``; 0 on the last day and once over.
    """

    period: Period
    received: dt.date
    ends: dt.date
    active: bool
    days_left: int

    @property
    def articles(self) -> tuple[str, ...]:
        """The articles this state rests on."""
        return (self.period.article,)

    def describe(self) -> str:
        """One line of plain Chinese for the customer."""
        head = f"您于{chinese_date(self.received)}签收保单，犹豫期{self.period.label}，"
        if self.active:
            return f"您还在犹豫期内：{head}至{chinese_date(self.ends)}届满，{_remaining(self.days_left)}。"
        return f"您的犹豫期已经过了：{head}已于{chinese_date(self.ends)}届满。"


@dataclass(frozen=True)
class WaitingState:
    """The waiting period (等待期), from the effective date or, where the wording says so, the
    last reinstatement.

    Attributes:
        starts: The day it counts from.
        ends: Its last day.
        restarted: Whether it counts from a reinstatement (复效) rather than the effective date.
        active: Whether ``today`` is on or before ``ends``.
        days_left: Whole days after today until ``ends``; 0 on the last day and once over.
        articles: The waiting-period article, and the reinstatement article when that is where
            the wording restarts it.
        not_yet_effective: Whether ``today`` is before ``starts``.
    """

    period: Period
    starts: dt.date
    ends: dt.date
    restarted: bool
    active: bool
    days_left: int
    articles: tuple[str, ...]
    not_yet_effective: bool = False

    def describe(self) -> str:
        """One line of plain Chinese for the customer."""
        label = self.period.label
        if self.restarted:
            head = f"您的保单于{chinese_date(self.starts)}复效，等待期{label}自复效之日起重新计算，"
        elif self.not_yet_effective:
            head = f"您的保单将于{chinese_date(self.starts)}生效，等待期{label}，"
        else:
            head = f"您的保单于{chinese_date(self.starts)}生效，等待期{label}，"
        if self.not_yet_effective:
            return f"{head}至{chinese_date(self.ends)}届满。"
        if self.active:
            return (
                f"您还在等待期内：{head}将于{chinese_date(self.ends)}届满，"
                f"{_remaining(self.days_left)}。"
            )
        return f"您的等待期已经过了：{head}已于{chinese_date(self.ends)}届满。"


@dataclass(frozen=True)
class PremiumState:
    """Where the premium stands: paid, in the grace period (宽限期), lapsed (效力中止) …

    Attributes:
        status: ``paid_up`` (no premium due any more), ``current`` (paid to a future or today's
            due date), ``grace`` (due date passed, inside the grace period), ``overdue`` (due
            date passed and the wording gives no grace period for this way of paying),
            ``lapsed`` (grace period over, inside the reinstatement window) or
            ``reinstatement_closed`` (the reinstatement window is over too).
        paid_to: The date premiums are paid up to (the due date).
        grace_ends: Last day of the grace period.
        days_left: Whole days after today until ``grace_ends``; 0 outside the grace period.
        lapsed_on: The first day the policy is lapsed (效力中止).
        reinstate_by: Last day to apply for reinstatement (复效).
    """

    status: str
    paid_to: dt.date | None = None
    grace: Period | None = None
    grace_ends: dt.date | None = None
    days_left: int = 0
    lapsed_on: dt.date | None = None
    reinstatement: Period | None = None
    reinstate_by: dt.date | None = None

    @property
    def articles(self) -> tuple[str, ...]:
        """The articles this state rests on."""
        used = [self.grace] if self.status in ("grace", "lapsed", "reinstatement_closed") else []
        if self.status in ("lapsed", "reinstatement_closed"):
            used.append(self.reinstatement)
        return tuple(p.article for p in used if p is not None)

    def describe(self) -> str:
        """One line of plain Chinese for the customer."""
        if self.status == "paid_up" or self.paid_to is None:
            return "您的保险费已全部交清，无需再交。"
        due = f"您的保险费应于{chinese_date(self.paid_to)}交纳"
        if self.status == "current":
            return f"您的保险费已按时交纳，下次交费日为{chinese_date(self.paid_to)}。"
        if self.status == "overdue":
            return f"{due}，目前尚未交纳，请尽快交纳。"
        assert self.grace is not None and self.grace_ends is not None
        grace = f"宽限期{self.grace.label}"
        if self.status == "grace":
            return (
                f"{due}，目前尚未交纳，仍在{grace}内，宽限期至{chinese_date(self.grace_ends)}，"
                f"{_remaining(self.days_left)}。"
            )
        assert self.lapsed_on is not None
        line = (
            f"{due}，{grace}已于{chinese_date(self.grace_ends)}届满，"
            f"保单自{chinese_date(self.lapsed_on)}起效力中止"
        )
        if self.reinstatement is None or self.reinstate_by is None:
            return f"{line}。"
        window = f"自效力中止之日起{self.reinstatement.label}内可申请恢复合同效力"
        if self.status == "lapsed":
            return f"{line}；{window}，即至{chinese_date(self.reinstate_by)}止。"
        return f"{line}；{window}，该期限已于{chinese_date(self.reinstate_by)}届满。"


def cooling_off_state(
    policy: Policy, facts: ProductFacts, today: dt.date
) -> CoolingOffState | None:
    """The policy's cooling-off period on ``today``.

    Returns ``None`` when the wording states no cooling-off period or the contract has ended.
    """
    period = facts.periods.get("cooling_off")
    if period is None or policy.status in ENDED_STATUSES:
        return None
    ends = period.last_day(policy.received)
    # Before receipt the contract can be cancelled all the more: that counts as inside.
    active = today <= ends
    return CoolingOffState(period, policy.received, ends, active, _days_left(today, ends))


def waiting_state(policy: Policy, facts: ProductFacts, today: dt.date) -> WaitingState | None:
    """The policy's waiting period on ``today``, restarted by a reinstatement where the wording
    says so.

    Returns ``None`` when the wording states no waiting period or the contract has ended.
    """
    period = facts.periods.get("waiting")
    if period is None or policy.status in ENDED_STATUSES:
        return None
    starts, restarted = policy.effective, False
    articles: tuple[str, ...] = (period.article,)
    reinstated = policy.reinstated
    if reinstated is not None and reinstated > policy.effective and period.restart_article:
        starts, restarted = reinstated, True
        articles = tuple(dict.fromkeys((period.article, period.restart_article)))
    ends = period.last_day(starts)
    active = today <= ends
    return WaitingState(
        period=period,
        starts=starts,
        ends=ends,
        restarted=restarted,
        active=active,
        days_left=_days_left(today, ends),
        articles=articles,
        not_yet_effective=today < starts,
    )


def premium_state(policy: Policy, facts: ProductFacts, today: dt.date) -> PremiumState | None:
    """Where the policy's premium stands on ``today``: paid, in grace, lapsed, …

    Returns ``None`` when the contract has ended (surrendered or terminated).
    """
    if policy.status in ENDED_STATUSES:
        return None
    if policy.paid_to is None or policy.payment_frequency == "趸交":
        return PremiumState("paid_up")
    if today <= policy.paid_to:
        return PremiumState("current", policy.paid_to)
    grace = facts.periods.get("grace")
    if grace is None or policy.payment_frequency.replace("缴", "交") in grace.not_for:
        return PremiumState("overdue", policy.paid_to)
    grace_ends = grace.last_day(policy.paid_to)
    if today <= grace_ends:
        return PremiumState(
            "grace", policy.paid_to, grace, grace_ends, _days_left(today, grace_ends)
        )
    lapsed_on = grace_ends + dt.timedelta(days=1)
    reinstatement = facts.periods.get("reinstatement")
    reinstate_by = reinstatement.last_day(lapsed_on) if reinstatement is not None else None
    closed = reinstate_by is not None and today > reinstate_by
    return PremiumState(
        "reinstatement_closed" if closed else "lapsed",
        policy.paid_to,
        grace,
        grace_ends,
        0,
        lapsed_on,
        reinstatement,
        reinstate_by,
    )


@dataclass(frozen=True)
class PolicyPeriods:
    """Every period state of a policy on one day."""

    cooling_off: CoolingOffState | None
    waiting: WaitingState | None
    premium: PremiumState | None

    @property
    def articles(self) -> tuple[str, ...]:
        """Every article the states rest on, without repeats."""
        found: list[str] = []
        for state in (self.cooling_off, self.waiting, self.premium):
            if state is not None:
                found.extend(state.articles)
        return tuple(dict.fromkeys(found))

    def describe(self) -> str:
        """The states' lines, in the order a policy lives through them."""
        return "".join(
            state.describe()
            for state in (self.cooling_off, self.waiting, self.premium)
            if state is not None
        )


def policy_periods(policy: Policy, facts: ProductFacts, today: dt.date) -> PolicyPeriods:
    """Cooling-off, waiting and premium state of ``policy`` on ``today``."""
    return PolicyPeriods(
        cooling_off_state(policy, facts, today),
        waiting_state(policy, facts, today),
        premium_state(policy, facts, today),
    )
