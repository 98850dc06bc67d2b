"""In-memory fakes of the seams the actions use: policy records, the ticket desk, the knowledge
repository and a unit of work over them. They keep the promises of the Protocols
(:class:`~bot.records.interface.PolicyRecords`, :class:`~bot.desk.tickets.TicketDesk`,
:class:`~bot.knowledge.store.KnowledgeRepository`), so a test of what an action says and writes
needs no database; the SQL implementations have their own integration tests."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from bot.clock import naive_utc_now, utc_now
from bot.desk.tickets import EscalationTicket, Priority, Status, TicketNotFound, TicketStateError
from bot.knowledge.document import ClauseDocument
from bot.knowledge.errors import VersionConflictError
from bot.knowledge.facts import ProductFacts, ProductKnowledge
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


@dataclasses.dataclass(frozen=True)
class _IdentityCheck:
    policy_number: str
    conversation_id: str
    client: str
    check: Check


class FakePolicyRecords:
    """:class:`~bot.records.interface.PolicyRecords` in dictionaries."""

    def __init__(self, clock: Clock = utc_now) -> None:
        self.clock = clock
        self.policies: dict[str, Policy] = {}
        self.customers: dict[str, Customer] = {}
        self.agents: dict[str, Agent] = {}
        self.claim_list: list[Claim] = []
        self.changes: list[ContactChange] = []
        self.visits: list[ReturnVisitAnswer] = []
        self.assignments: list[ServiceAssignment] = []
        self.checks: list[_IdentityCheck] = []

    def policy(self, policy_number: str) -> Policy | None:
        return self.policies.get(policy_number)

    def policies_of(self, customer_id: str) -> list[Policy]:
        return sorted(
            (p for p in self.policies.values() if p.holder_id == customer_id),
            key=lambda p: p.policy_number,
        )

    def customer(self, customer_id: str) -> Customer | None:
        return self.customers.get(customer_id)

    def agent(self, code: str) -> Agent | None:
        return self.agents.get(code)

    def add_missing(self, records: RecordSet) -> AddedRecords:
        def add(stored: dict[str, Any], items: Iterable[Any], key: str) -> int:
            missing = {getattr(i, key): i for i in items if getattr(i, key) not in stored}
            stored.update(missing)
            return len(missing)

        known_claims = {c.case_number: c for c in self.claim_list}
        added_claims = add(known_claims, records.claims, "case_number")
        self.claim_list = list(known_claims.values())
        return AddedRecords(
            agents=add(self.agents, records.agents, "code"),
            customers=add(self.customers, records.customers, "id"),
            policies=add(self.policies, records.policies, "policy_number"),
            claims=added_claims,
        )

    def verify_identity(
        self, policy_number: str, proof: str, *, conversation_id: str = "", client: str = ""
    ) -> Verification:
        now = naive_utc(self.clock())
        recent = [c for c in self.checks if c.check.checked_at > now - LOCK]
        policy = self.policies.get(policy_number)
        end = lock_end(
            [c.check for c in recent if c.policy_number == policy_number] if policy else [],
            [c.check for c in recent if c.client == client] if client else [],
            now,
        )
        holder = None if end is not None or policy is None else self.customers[policy.holder_id]
        matched = holder is not None and proof_matches(holder, proof)
        outcome = LOCKED if end is not None else MATCHED if matched else FAILED
        self.checks.append(
            _IdentityCheck(policy_number, conversation_id, client, Check(outcome, now))
        )
        failures = len(
            failures_since_match(
                [c.check for c in self.checks if c.conversation_id == conversation_id]
            )
        )
        if not matched:
            known = policy is not None or end is not None
            return Verification(
                policy_number, False, locked_until=end, failures=failures, known=known
            )
        return Verification(policy_number, True, customer=holder)

    def verified_policy_number(self, conversation_id: str) -> str | None:
        since = naive_utc(self.clock()) - VERIFIED_FOR
        passed = [
            c.policy_number
            for c in self.checks
            if c.conversation_id == conversation_id
            and c.check.outcome == MATCHED
            and c.check.checked_at >= since
        ]
        return passed[-1] if passed else None

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
        earlier = [
            c for c in self.claim_list if submission_key and c.submission_key == submission_key
        ]
        if earlier:
            return earlier[0]
        now = self.clock()
        prefix = case_prefix(now)
        claim = new_claim(
            self._policy(policy_number),
            event=event,
            event_date=event_date,
            now=now,
            sequence=sum(1 for c in self.claim_list if c.case_number.startswith(prefix)) + 1,
            diagnosis=diagnosis,
            hospital=hospital,
            note=note,
            conversation_id=conversation_id,
            submission_key=submission_key,
        )
        self.claim_list.append(claim)
        return claim

    def claims(self, policy_number: str) -> list[Claim]:
        return sorted(
            (c for c in self.claim_list if c.policy_number == policy_number),
            key=lambda c: (c.reported_at, c.case_number),
        )

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
        earlier = [c for c in self.changes if submission_key and c.submission_key == submission_key]
        if earlier:
            return earlier[0]
        holder = self.customers[self._policy(policy_number).holder_id]
        old_value = str(getattr(holder, field))
        if old_value == value:
            raise InvalidContactError(field, "unchanged", f"the new {field} is already registered")
        self.customers[holder.id] = dataclasses.replace(holder, **{field: value})
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
        self.changes.append(change)
        return change

    def contact_changes(self, policy_number: str) -> list[ContactChange]:
        return [c for c in self.changes if c.policy_number == policy_number]

    def record_return_visit_answer(
        self,
        policy_number: str,
        item_key: str,
        answer: str,
        conversation_id: str,
        *,
        expected: str = "yes",
    ) -> ReturnVisitAnswer:
        self._policy(policy_number)
        stored = return_visit_answer(
            policy_number, item_key, answer, conversation_id, expected=expected, now=self.clock()
        )
        self.visits.append(stored)
        return stored

    def return_visit_answers(self, policy_number: str) -> list[ReturnVisitAnswer]:
        return [v for v in self.visits if v.policy_number == policy_number]

    def assign_service_person(self, policy_number: str, reason: str) -> Agent:
        policy = self._policy(policy_number)
        current = self.agents[policy.service_agent_code]
        served = Counter(p.service_agent_code for p in self.policies.values())
        chosen = successor(
            policy_number, current, ((a, served[a.code]) for a in self.agents.values())
        )
        self.policies[policy_number] = dataclasses.replace(policy, service_agent_code=chosen.code)
        self.assignments.append(
            ServiceAssignment(
                policy_number, current.code, chosen.code, naive_utc(self.clock()), reason.strip()
            )
        )
        return chosen

    def service_assignments(self, policy_number: str) -> list[ServiceAssignment]:
        return [a for a in self.assignments if a.policy_number == policy_number]

    def _policy(self, policy_number: str) -> Policy:
        policy = self.policies.get(policy_number)
        if policy is None:
            raise UnknownPolicyError(policy_number)
        return policy


class FakeTicketDesk:
    """:class:`~bot.desk.tickets.TicketDesk` in a dictionary, with the desk's own moves a test
    makes (a person claiming a ticket)."""

    def __init__(self) -> None:
        self.tickets: dict[int, EscalationTicket] = {}

    def open_ticket(
        self,
        conversation_id: str,
        reason: str,
        priority: Priority,
        summary: str,
        slots: dict[str, Any],
        channel: str | None = None,
    ) -> tuple[EscalationTicket, bool]:
        existing = self.open_ticket_for(conversation_id)
        if existing is not None:
            raised = existing.priority.at_least(priority)
            updated = dataclasses.replace(
                existing, reason=reason, priority=raised, summary=summary, slots=dict(slots)
            )
            self.tickets[existing.id] = updated
            return updated, False
        ticket = EscalationTicket(
            id=len(self.tickets) + 1,
            conversation_id=conversation_id,
            reason=reason,
            priority=priority,
            summary=summary,
            slots=dict(slots),
            status=Status.OPEN,
            created_at=naive_utc_now(),
            channel=channel,
        )
        self.tickets[ticket.id] = ticket
        return ticket, True

    def open_ticket_for(self, conversation_id: str) -> EscalationTicket | None:
        return next(
            (
                t
                for t in self.tickets.values()
                if t.conversation_id == conversation_id and t.closed_at is None
            ),
            None,
        )

    def find(
        self, statuses: Iterable[Status] = (Status.OPEN, Status.CLAIMED)
    ) -> list[EscalationTicket]:
        wanted = set(statuses)
        return sorted(
            (t for t in self.tickets.values() if t.status in wanted),
            key=EscalationTicket.queue_key,
        )

    def all(self) -> list[EscalationTicket]:
        return list(self.tickets.values())

    def get(self, ticket_id: int) -> EscalationTicket:
        if ticket_id not in self.tickets:
            raise TicketNotFound(f"no ticket {ticket_id}")
        return self.tickets[ticket_id]

    def claim(self, ticket_id: int, agent: str) -> EscalationTicket:
        return self._move(ticket_id, {Status.OPEN}, Status.CLAIMED, assignee=agent)

    def cancel(self, ticket_id: int, actor: str) -> EscalationTicket:
        return self._move(ticket_id, {Status.OPEN}, Status.CANCELLED, closed_at=naive_utc_now())

    def _move(
        self, ticket_id: int, allowed: set[Status], to: Status, **values: Any
    ) -> EscalationTicket:
        ticket = self.get(ticket_id)
        if ticket.status not in allowed:
            raise TicketStateError(f"ticket {ticket_id} is {ticket.status.value}")
        self.tickets[ticket_id] = dataclasses.replace(ticket, status=to, **values)
        return self.tickets[ticket_id]


class InMemoryKnowledgeRepository:
    """:class:`~bot.knowledge.store.KnowledgeRepository` in a dictionary: versions in the order
    added, the latest one current."""

    def __init__(self) -> None:
        self.stored: dict[str, list[ProductKnowledge]] = {}

    def add(
        self, document: ClauseDocument, facts: ProductFacts, *, allow_shrink: bool = False
    ) -> bool:
        versions = self.stored.setdefault(document.code, [])
        for known in versions:
            if known.document.version == document.version:
                if known.document.sha256 != document.sha256:
                    raise VersionConflictError(f"{document.code} {document.version} differs")
                return False
        versions.append(ProductKnowledge(document, facts))
        return True

    def current(self) -> list[ProductKnowledge]:
        return [self.stored[code][-1] for code in sorted(self.stored)]

    def get(self, code: str, version: str | None = None) -> ProductKnowledge | None:
        versions = self.stored.get(code, [])
        if version is None:
            return versions[-1] if versions else None
        return next((v for v in versions if v.document.version == version), None)

    def versions(self, code: str) -> list[str]:
        return [v.document.version for v in self.stored.get(code, [])]


class FakeUnitOfWork:
    """A request's records and tickets that roll back unless committed (a snapshot restored)."""

    def __init__(self, records: FakePolicyRecords, tickets: FakeTicketDesk) -> None:
        self.records = records
        self.tickets = tickets
        self.committed = False

    def commit(self) -> None:
        self.committed = True


@contextmanager
def fake_unit_of_work(
    records: FakePolicyRecords, tickets: FakeTicketDesk
) -> Iterator[FakeUnitOfWork]:
    """Work on ``records`` and ``tickets``; what was not committed is undone."""
    saved = [(fake, _state(fake)) for fake in (records, tickets)]
    work = FakeUnitOfWork(records, tickets)
    try:
        yield work
    finally:
        if not work.committed:
            for fake, state in saved:
                vars(fake).update(state)


def _state(fake: object) -> dict[str, Any]:
    """A copy of what ``fake`` stores (its clock is kept as it is)."""
    return {k: copy.deepcopy(v) for k, v in vars(fake).items() if k != "clock"}
