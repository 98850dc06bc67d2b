"""Identity checks counted in the database: lock-out per policy, per client, per conversation."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bot.records.lockout import (
    CLIENT_FAILURES,
    CONVERSATION_FAILURES,
    FAILED,
    LOCK,
    MATCHED,
    POLICY_FAILURES,
    VERIFIED_FOR,
    Check,
    failures_since_match,
    locked_until,
)
from bot.records.store import SqlPolicyRecords
from bot.records.tables import identity_checks
from tests.records.conftest import Clock

POLICY = "MB2024000003"  # held by 李娜, ID ends 028X
OTHER_POLICY = "MB2024000001"
T0 = dt.datetime(2026, 3, 10, 2, 30)


def test_a_match_clears_the_failures_before_it() -> None:
    minute = dt.timedelta(minutes=1)
    checks = [Check(FAILED, T0), Check(MATCHED, T0 + minute), Check(FAILED, T0 + 2 * minute)]
    assert failures_since_match(checks) == [T0 + 2 * minute]


def test_the_lock_starts_at_the_limit_and_ends_lock_after_the_last_failure() -> None:
    failures = [T0 + dt.timedelta(minutes=n) for n in range(POLICY_FAILURES)]
    assert locked_until(failures[:-1], POLICY_FAILURES, failures[-1]) is None
    assert locked_until(failures, POLICY_FAILURES, failures[-1]) == failures[-1] + LOCK
    assert locked_until(failures, POLICY_FAILURES, failures[-1] + LOCK) is None


def test_five_failures_lock_the_policy_across_conversations(
    demo: SqlPolicyRecords, clock: Clock
) -> None:
    for n in range(POLICY_FAILURES):
        demo.verify_identity(POLICY, "9999", conversation_id=f"guess-{n}", client=f"10.0.0.{n}")
    locked = demo.verify_identity(POLICY, "028X", conversation_id="fresh", client="10.0.1.1")
    assert not locked.matched and locked.customer is None
    assert locked.locked_until is not None
    assert demo.verified_policy_number("fresh") is None
    clock.now += LOCK + dt.timedelta(seconds=1)
    assert demo.verify_identity(POLICY, "028X", conversation_id="fresh").matched


def test_refused_checks_do_not_extend_the_lock(demo: SqlPolicyRecords, clock: Clock) -> None:
    for n in range(POLICY_FAILURES):
        demo.verify_identity(POLICY, "9999", conversation_id=f"guess-{n}")
    first = demo.verify_identity(POLICY, "1111", conversation_id="guess-x").locked_until
    clock.now += dt.timedelta(minutes=10)
    again = demo.verify_identity(POLICY, "2222", conversation_id="guess-y").locked_until
    assert first is not None and again == first


def test_one_client_guessing_many_policies_is_locked(demo: SqlPolicyRecords) -> None:
    for n in range(CLIENT_FAILURES):
        demo.verify_identity(
            f"MB20990000{n:02d}", "9999", conversation_id=f"c{n}", client="6.6.6.6"
        )
    refused = demo.verify_identity(POLICY, "028X", conversation_id="c-last", client="6.6.6.6")
    assert refused.locked_until is not None and not refused.matched
    elsewhere = demo.verify_identity(POLICY, "028X", conversation_id="c-home", client="1.2.3.4")
    assert elsewhere.matched


def test_failures_are_counted_per_conversation_and_a_restart_does_not_reset_them(
    demo: SqlPolicyRecords,
) -> None:
    counts = [
        demo.verify_identity(OTHER_POLICY, "9999", conversation_id="same").failures
        for _ in range(CONVERSATION_FAILURES)
    ]
    assert counts == [1, 2, 3]
    assert demo.verify_identity(POLICY, "9999", conversation_id="other").failures == 1


def test_a_match_verifies_the_conversation_for_a_while(
    demo: SqlPolicyRecords, clock: Clock
) -> None:
    assert demo.verified_policy_number("chat-1") is None
    demo.verify_identity(POLICY, "9999", conversation_id="chat-1")
    assert demo.verified_policy_number("chat-1") is None
    assert demo.verify_identity(POLICY, "028X", conversation_id="chat-1").matched
    assert demo.verified_policy_number("chat-1") == POLICY
    assert demo.verified_policy_number("chat-2") is None
    clock.now += VERIFIED_FOR + dt.timedelta(seconds=1)
    assert demo.verified_policy_number("chat-1") is None


def test_every_check_is_kept_for_the_audit(demo: SqlPolicyRecords) -> None:
    demo.verify_identity(POLICY, "9999", conversation_id="audit", client="1.2.3.4")
    demo.verify_identity(POLICY, "028X", conversation_id="audit", client="1.2.3.4")
    with demo.engine.connect() as conn:
        rows = conn.execute(
            select(identity_checks.c.outcome, identity_checks.c.client).where(
                identity_checks.c.conversation_id == "audit"
            )
        ).all()
    assert [tuple(row) for row in rows] == [(FAILED, "1.2.3.4"), (MATCHED, "1.2.3.4")]
