"""When identity checks are refused: too many failures on one policy, from one client, or in one
conversation (DESIGN.md rule 6). Counted in the database, so a new conversation, a ``/restart``
or a new sender id starts nothing over.

- a policy: 5 failures within 30 minutes since its last match lock it for 30 minutes;
- a client address: 10 failures within 30 minutes (on any policies) lock it for 30 minutes;
- a conversation: 3 failures since its last match end personal data for that conversation.

A refused check is recorded (``locked``) but does not count as a failure, so the lock ends on
time however often it is tried.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

POLICY_FAILURES = 5
CLIENT_FAILURES = 10
CONVERSATION_FAILURES = 3
LOCK = dt.timedelta(minutes=30)
# How long a passed check lets a conversation see the policy's personal data.
VERIFIED_FOR = dt.timedelta(hours=12)

MATCHED, FAILED, LOCKED = "matched", "failed", "locked"


@dataclass(frozen=True)
class Check:
    """One recorded identity check: its outcome and when (naive UTC)."""

    outcome: str
    checked_at: dt.datetime


def failures_since_match(checks: Sequence[Check]) -> list[dt.datetime]:
    """The times of the failures after the latest match, oldest first (``checks`` oldest first)."""
    times: list[dt.datetime] = []
    for check in checks:
        if check.outcome == MATCHED:
            times = []
        elif check.outcome == FAILED:
            times.append(check.checked_at)
    return times


def locked_until(
    failures: Sequence[dt.datetime], limit: int, now: dt.datetime
) -> dt.datetime | None:
    """When a lock from ``limit`` failures within :data:`LOCK` ends, or ``None`` if there is none.

    Args:
        failures: Failure times, oldest first.
        limit: How many failures within the window lock.
        now: The current time, naive UTC.
    """
    recent = [moment for moment in failures if moment > now - LOCK]
    if len(recent) < limit:
        return None
    return recent[-1] + LOCK


def lock_end(
    policy_checks: Sequence[Check], client_checks: Sequence[Check], now: dt.datetime
) -> dt.datetime | None:
    """The later end of the policy's and the client's locks, or ``None`` when neither is locked."""
    ends = [
        locked_until(failures_since_match(policy_checks), POLICY_FAILURES, now),
        locked_until(
            [c.checked_at for c in client_checks if c.outcome == FAILED], CLIENT_FAILURES, now
        ),
    ]
    present = [end for end in ends if end is not None]
    return max(present) if present else None
