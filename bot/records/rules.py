"""The records' own rules, the same whichever store keeps them (SQL here, an insurer's core
system, the tests' fakes): what a claim report must say, how its case number reads, who takes
over a policy, what a return-visit answer is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from bot.clock import china_today
from bot.records.errors import NoActiveAgentError
from bot.records.model import RETURN_VISIT_ANSWERS, Agent, Claim, Policy, ReturnVisitAnswer

MAX_CLAIMS_A_DAY = 9999


def new_claim(
    policy: Policy,
    *,
    event: str,
    event_date: dt.date,
    now: dt.datetime,
    sequence: int,
    diagnosis: str = "",
    hospital: str = "",
    note: str = "",
    conversation_id: str | None = None,
    submission_key: str | None = None,
) -> Claim:
    """A claim report (报案) on ``policy``'s insured, the day's ``sequence``-th, status ``reported``.

    Raises:
        ValueError: no event, an event date after today (Beijing time), or too many reports today.
    """
    event = event.strip()
    if not event:
        raise ValueError("a claim needs the event (出险经过), e.g. '确诊疾病' or '住院'")
    if event_date > china_today(now):
        raise ValueError(
            f"event date {event_date.isoformat()} is in the future; ask the customer again"
        )
    return Claim(
        case_number=case_number(now, sequence),
        policy_number=policy.policy_number,
        insured_id=policy.insured_id,
        event=event,
        event_date=event_date,
        diagnosis=diagnosis.strip(),
        hospital=hospital.strip(),
        reported_at=naive_utc(now),
        status="reported",
        note=note.strip(),
        conversation_id=conversation_id,
        submission_key=submission_key,
    )


def case_prefix(now: dt.datetime) -> str:
    """``CL`` + the report date in Beijing time: every case number of that day starts so."""
    return f"CL{china_today(now):%Y%m%d}"


def case_number(now: dt.datetime, sequence: int) -> str:
    """``CL20260310`` + the day's 4-digit sequence."""
    if not 1 <= sequence <= MAX_CLAIMS_A_DAY:
        raise RuntimeError(
            f"claim sequence {sequence} on {case_prefix(now)[2:]} is outside 1–{MAX_CLAIMS_A_DAY}; "
            "widen the case number"
        )
    return f"{case_prefix(now)}{sequence:04d}"


def successor(policy_number: str, current: Agent, candidates: Iterable[tuple[Agent, int]]) -> Agent:
    """Who takes over a policy from ``current``: an active agent of the same branch first, then
    the one serving fewest policies (``candidates`` pairs each agent with that count), then by code.

    Raises:
        NoActiveAgentError: no other active agent.
    """
    active = [
        (a, served) for a, served in candidates if a.status == "active" and a.code != current.code
    ]
    if not active:
        raise NoActiveAgentError(
            f"no active agent can take over policy {policy_number}: add or reactivate "
            "an agent in the records, or hand the case to a person"
        )
    chosen, _ = min(
        active, key=lambda pair: (pair[0].branch != current.branch, pair[1], pair[0].code)
    )
    return chosen


def return_visit_answer(
    policy_number: str,
    item_key: str,
    answer: str,
    conversation_id: str,
    *,
    expected: str,
    now: dt.datetime,
) -> ReturnVisitAnswer:
    """A return-visit (回访) answer, flagged when it is not the ``expected`` one.

    Raises:
        ValueError: an answer other than :data:`RETURN_VISIT_ANSWERS`, an expected answer other
            than yes/no, or no question key.
    """
    if answer not in RETURN_VISIT_ANSWERS:
        raise ValueError(f"answer {answer!r} is not one of {', '.join(RETURN_VISIT_ANSWERS)}")
    if expected not in ("yes", "no"):
        raise ValueError(f"expected answer {expected!r} must be 'yes' or 'no'")
    if not item_key.strip():
        raise ValueError("a return-visit answer needs the key of the question it answers")
    return ReturnVisitAnswer(
        policy_number=policy_number,
        item_key=item_key.strip(),
        answer=answer,
        flagged=answer != expected,
        conversation_id=conversation_id,
        answered_at=naive_utc(now),
    )


def naive_utc(moment: dt.datetime) -> dt.datetime:
    """``moment`` as the records keep it: naive UTC."""
    return moment.astimezone(dt.timezone.utc).replace(tzinfo=None)
