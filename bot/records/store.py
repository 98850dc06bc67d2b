"""Policy records in any SQL database SQLAlchemy reaches (see :mod:`bot.records.interface`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Table, func, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from bot.clock import utc_now
from bot.db import Database
from bot.records.errors import InvalidContactError, UnknownPolicyError
from bot.records.identity import proof_matches, valid_contact
from bot.records.interface import Clock
from bot.records.lockout import (
    FAILED,
    LOCK,
    LOCKED,
    MATCHED,
    VERIFIED_FOR,
    Check,
    failures_since_match,
    lock_end,
)
from bot.records.model import (
    AddedRecords,
    Agent,
    Claim,
    ContactChange,
    Customer,
    Policy,
    RecordSet,
    ReturnVisitAnswer,
    ServiceAssignment,
    Verification,
)
from bot.records.rules import case_prefix, naive_utc, new_claim, return_visit_answer, successor
from bot.records.tables import (
    agent_row,
    agents,
    claim_row,
    claims,
    contact_changes,
    customer_row,
    customers,
    identity_checks,
    policies,
    policy_row,
    return_visits,
    service_assignments,
    to_agent,
    to_claim,
    to_contact_change,
    to_customer,
    to_policy,
    to_return_visit_answer,
    to_service_assignment,
)

# Two reports racing for the same case number: the loser retries with the next one.
_CASE_NUMBER_ATTEMPTS = 5


class SqlPolicyRecords:
    """:class:`~bot.records.interface.PolicyRecords` in SQL, on a database :func:`bot.db.migrate`
    made at start-up.

    Args:
        bind: An engine from :func:`bot.db.make_engine` (each write its own transaction), or the
            connection of a unit of work (every write joins its transaction).
        clock: Returns the current aware time; the default is the system clock.
    """

    def __init__(self, bind: Engine | Connection, clock: Clock = utc_now) -> None:
        self.db = Database(bind)
        self.engine = self.db.engine
        self.clock = clock

    def policy(self, policy_number: str) -> Policy | None:
        with self.db.connect() as conn:
            row = conn.execute(
                select(policies).where(policies.c.policy_number == policy_number)
            ).first()
        return to_policy(row) if row is not None else None

    def policies_of(self, customer_id: str) -> list[Policy]:
        query = (
            select(policies)
            .where(policies.c.holder_id == customer_id)
            .order_by(policies.c.policy_number)
        )
        with self.db.connect() as conn:
            return [to_policy(row) for row in conn.execute(query)]

    def customer(self, customer_id: str) -> Customer | None:
        with self.db.connect() as conn:
            row = conn.execute(select(customers).where(customers.c.id == customer_id)).first()
        return to_customer(row) if row is not None else None

    def agent(self, code: str) -> Agent | None:
        with self.db.connect() as conn:
            row = conn.execute(select(agents).where(agents.c.code == code)).first()
        return to_agent(row) if row is not None else None

    def add_missing(self, records: RecordSet) -> AddedRecords:
        with self.db.begin() as conn:
            return AddedRecords(
                agents=_insert_missing(conn, agents, map(agent_row, records.agents)),
                customers=_insert_missing(conn, customers, map(customer_row, records.customers)),
                policies=_insert_missing(conn, policies, map(policy_row, records.policies)),
                claims=_insert_missing(conn, claims, map(claim_row, records.claims)),
            )

    def verify_identity(
        self, policy_number: str, proof: str, *, conversation_id: str = "", client: str = ""
    ) -> Verification:
        now = naive_utc(self.clock())
        with self.db.begin() as conn:
            recent = identity_checks.c.checked_at > now - LOCK
            owner = _holder_of(conn, policy_number)
            end = lock_end(
                _checks(conn, (identity_checks.c.policy_number == policy_number) & recent)
                if owner is not None
                else [],
                _checks(conn, (identity_checks.c.client == client) & recent) if client else [],
                now,
            )
            holder = None if end is not None else owner
            matched = holder is not None and proof_matches(holder, proof)
            outcome = LOCKED if end is not None else MATCHED if matched else FAILED
            conn.execute(
                identity_checks.insert().values(
                    policy_number=policy_number[:32],
                    conversation_id=conversation_id,
                    client=client[:64],
                    outcome=outcome,
                    checked_at=now,
                )
            )
            failures = len(
                failures_since_match(
                    _checks(conn, identity_checks.c.conversation_id == conversation_id)
                )
            )
        if not matched:
            known = owner is not None or end is not None  # a lock says nothing of the number
            return Verification(
                policy_number, False, locked_until=end, failures=failures, known=known
            )
        return Verification(policy_number, True, customer=holder)

    def verified_policy_number(self, conversation_id: str) -> str | None:
        since = naive_utc(self.clock()) - VERIFIED_FOR
        query = (
            select(identity_checks.c.policy_number)
            .where(identity_checks.c.conversation_id == conversation_id)
            .where(identity_checks.c.outcome == MATCHED)
            .where(identity_checks.c.checked_at >= since)
            .order_by(identity_checks.c.checked_at.desc(), identity_checks.c.id.desc())
            .limit(1)
        )
        with self.db.connect() as conn:
            number = conn.execute(query).scalar()
        return str(number) if number is not None else None

    def report_claim(
        self,
        policy_number: str,
        *,
        event: str,
        event_date: dt.date,
        diagnosis: str = "",
        hospital: str = "",
        note: str = "",
        conversation_id: str | None = None,
        submission_key: str | None = None,
    ) -> Claim:
        if submission_key is not None:
            earlier = self._submitted(claims, submission_key)
            if earlier is not None:
                return to_claim(earlier)
        now = self.clock()
        attempt = 1
        while True:
            try:
                with self.db.begin() as conn:
                    claim = new_claim(
                        _policy_in(conn, policy_number),
                        event=event,
                        event_date=event_date,
                        now=now,
                        sequence=_next_sequence(conn, now),
                        diagnosis=diagnosis,
                        hospital=hospital,
                        note=note,
                        conversation_id=conversation_id,
                        submission_key=submission_key,
                    )
                    conn.execute(claims.insert().values(claim_row(claim)))
                return claim
            except IntegrityError:
                earlier = self._submitted(claims, submission_key) if submission_key else None
                if earlier is not None:
                    return to_claim(earlier)  # the same submission, committed by a racing call
                if attempt == _CASE_NUMBER_ATTEMPTS:
                    raise
                attempt += 1

    def _submitted(self, table: Table, submission_key: str) -> Any | None:
        """The row ``table`` holds for ``submission_key``, if that submission was written."""
        with self.db.connect() as conn:
            return conn.execute(
                select(table).where(table.c.submission_key == submission_key)
            ).first()

    def claims(self, policy_number: str) -> list[Claim]:
        query = (
            select(claims)
            .where(claims.c.policy_number == policy_number)
            .order_by(claims.c.reported_at, claims.c.case_number)
        )
        with self.db.connect() as conn:
            return [to_claim(row) for row in conn.execute(query)]

    def change_contact(
        self,
        policy_number: str,
        field: str,
        new_value: str,
        conversation_id: str,
        *,
        submission_key: str | None = None,
    ) -> ContactChange:
        value = valid_contact(field, new_value)
        if submission_key is not None:
            earlier = self._submitted(contact_changes, submission_key)
            if earlier is not None:
                return to_contact_change(earlier)
        with self.db.begin() as conn:
            policy = _policy_in(conn, policy_number)
            holder = to_customer(
                conn.execute(select(customers).where(customers.c.id == policy.holder_id)).one()
            )
            old_value = str(getattr(holder, field))
            if old_value == value:
                raise InvalidContactError(
                    field, "unchanged", f"the new {field} is the one already registered"
                )
            conn.execute(
                update(customers).where(customers.c.id == holder.id).values({field: value})
            )
            change = ContactChange(
                policy_number=policy_number,
                customer_id=holder.id,
                field=field,
                old_value=old_value,
                new_value=value,
                changed_at=naive_utc(self.clock()),
                conversation_id=conversation_id,
                submission_key=submission_key,
            )
            conn.execute(contact_changes.insert().values(vars(change)))
        return change

    def contact_changes(self, policy_number: str) -> list[ContactChange]:
        rows = self._history(contact_changes, policy_number, contact_changes.c.changed_at)
        return [to_contact_change(row) for row in rows]

    def record_return_visit_answer(
        self,
        policy_number: str,
        item_key: str,
        answer: str,
        conversation_id: str,
        *,
        expected: str = "yes",
    ) -> ReturnVisitAnswer:
        stored = return_visit_answer(
            policy_number, item_key, answer, conversation_id, expected=expected, now=self.clock()
        )
        with self.db.begin() as conn:
            _policy_in(conn, policy_number)
            conn.execute(return_visits.insert().values(vars(stored)))
        return stored

    def return_visit_answers(self, policy_number: str) -> list[ReturnVisitAnswer]:
        rows = self._history(return_visits, policy_number, return_visits.c.answered_at)
        return [to_return_visit_answer(row) for row in rows]

    def assign_service_person(self, policy_number: str, reason: str) -> Agent:
        with self.db.begin() as conn:
            policy = _policy_in(conn, policy_number)
            current = to_agent(
                conn.execute(select(agents).where(agents.c.code == policy.service_agent_code)).one()
            )
            served = func.count(policies.c.policy_number).label("served")
            candidates = conn.execute(
                select(agents, served)
                .outerjoin(policies, policies.c.service_agent_code == agents.c.code)
                .where(agents.c.status == "active", agents.c.code != current.code)
                .group_by(*agents.c)
            ).all()
            new_agent = successor(
                policy_number, current, ((to_agent(row), row.served) for row in candidates)
            )
            conn.execute(
                update(policies)
                .where(policies.c.policy_number == policy_number)
                .values(service_agent_code=new_agent.code)
            )
            conn.execute(
                service_assignments.insert().values(
                    policy_number=policy_number,
                    old_agent_code=current.code,
                    new_agent_code=new_agent.code,
                    assigned_at=naive_utc(self.clock()),
                    reason=reason.strip(),
                )
            )
        return new_agent

    def service_assignments(self, policy_number: str) -> list[ServiceAssignment]:
        rows = self._history(service_assignments, policy_number, service_assignments.c.assigned_at)
        return [to_service_assignment(row) for row in rows]

    def _history(self, table: Table, policy_number: str, when: Any) -> list[Any]:
        query = (
            select(table).where(table.c.policy_number == policy_number).order_by(when, table.c.id)
        )
        with self.db.connect() as conn:
            return list(conn.execute(query).all())


def _holder_of(conn: Connection, policy_number: str) -> Customer | None:
    query = (
        select(customers)
        .join(policies, policies.c.holder_id == customers.c.id)
        .where(policies.c.policy_number == policy_number)
    )
    row = conn.execute(query).first()
    return to_customer(row) if row is not None else None


def _checks(conn: Connection, condition: Any) -> list[Check]:
    """The identity checks meeting ``condition``, oldest first."""
    query = (
        select(identity_checks.c.outcome, identity_checks.c.checked_at)
        .where(condition)
        .order_by(identity_checks.c.checked_at, identity_checks.c.id)
    )
    return [Check(row.outcome, row.checked_at) for row in conn.execute(query)]


def _policy_in(conn: Connection, policy_number: str) -> Policy:
    row = conn.execute(select(policies).where(policies.c.policy_number == policy_number)).first()
    if row is None:
        raise UnknownPolicyError(policy_number)
    return to_policy(row)


def _next_sequence(conn: Connection, now: dt.datetime) -> int:
    prefix = case_prefix(now)
    last = conn.execute(
        select(func.max(claims.c.case_number)).where(claims.c.case_number.like(f"{prefix}%"))
    ).scalar_one_or_none()
    return int(last[len(prefix) :]) + 1 if last else 1


def _insert_missing(conn: Connection, table: Table, rows: Iterable[dict[str, Any]]) -> int:
    key = next(iter(table.primary_key.columns))
    by_key = {row[key.name]: row for row in rows}
    if not by_key:
        return 0
    stored = set(conn.execute(select(key).where(key.in_(list(by_key)))).scalars())
    missing = [row for k, row in by_key.items() if k not in stored]
    if missing:
        conn.execute(table.insert(), missing)
    return len(missing)
