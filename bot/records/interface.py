"""What MingBao may ask of an insurer's policy records; an insurer's core system implements it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Protocol

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

Clock = Callable[[], dt.datetime]


class PolicyRecords(Protocol):
    """Policies, their holders, insureds, agents and claims, and the writes MingBao may make.

    Every write is one transaction: it happens whole or not at all. Times are naive UTC.
    Personal data must only reach a customer after :meth:`verify_identity` matched.
    """

    def policy(self, policy_number: str) -> Policy | None:
        """One policy, or ``None`` when there is no such number."""

    def policies_of(self, customer_id: str) -> list[Policy]:
        """The policies a customer holds (as 投保人), by policy number."""

    def customer(self, customer_id: str) -> Customer | None:
        """One customer, or ``None``."""

    def agent(self, code: str) -> Agent | None:
        """One agent, or ``None``."""

    def add_missing(self, records: RecordSet) -> AddedRecords:
        """Add the records whose key is not stored yet; stored ones are never overwritten."""

    def verify_identity(
        self, policy_number: str, proof: str, *, conversation_id: str = "", client: str = ""
    ) -> Verification:
        """Check that the person who names ``policy_number`` is its holder, and record the check.

        ``proof`` is the last 4 characters of the holder's ID number (``X`` in either case) or
        the holder's full registered mobile; full-width digits and spaces are accepted. An
        unknown policy and a wrong proof give the same answer, so the result never tells which
        part was wrong. While the policy or the client address is locked out
        (:mod:`bot.records.lockout`) the proof is not compared and ``locked_until`` says until
        when.

        Args:
            policy_number: The policy the customer named.
            proof: What the customer gave as proof.
            conversation_id: The conversation asking; a match verifies it.
            client: The customer's network address as the channel saw it; empty when unknown.
        """

    def verified_policy_number(self, conversation_id: str) -> str | None:
        """The policy whose holder this conversation proved to be, in the last
        :data:`~bot.records.lockout.VERIFIED_FOR`; ``None`` when it proved nothing."""

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
        """Report a claim (报案) on the policy's insured, with status ``reported``.

        A second report with the same ``submission_key`` (:func:`~bot.records.model.submission_key`)
        writes nothing and returns the first one's claim.

        The case number is ``CL`` + the report date in Beijing time (YYYYMMDD) + a 4-digit
        sequence, unique within the day.

        Raises:
            UnknownPolicyError: no such policy.
            ValueError: ``event`` is empty or ``event_date`` lies in the future.
        """

    def claims(self, policy_number: str) -> list[Claim]:
        """The claims on a policy, oldest report first."""

    def change_contact(
        self,
        policy_number: str,
        field: str,
        new_value: str,
        conversation_id: str,
        *,
        submission_key: str | None = None,
    ) -> ContactChange:
        """Change the policy holder's ``mobile`` or ``address``, with its audit record.

        A second change with the same ``submission_key`` writes nothing and returns the first
        one's audit record.

        The new value and the audit row are written in one transaction; a refused value writes
        nothing. The change applies to the holder, hence to every policy they hold.

        Raises:
            InvalidContactError: see :func:`bot.records.identity.valid_contact`; also when the
                value is the one already registered (``reason == "unchanged"``).
            UnknownPolicyError: no such policy.
        """

    def contact_changes(self, policy_number: str) -> list[ContactChange]:
        """The audit records of contact changes made through a policy, oldest first."""

    def record_return_visit_answer(
        self,
        policy_number: str,
        item_key: str,
        answer: str,
        conversation_id: str,
        *,
        expected: str = "yes",
    ) -> ReturnVisitAnswer:
        """Store one answer of a return visit (回访).

        Args:
            policy_number: The policy visited.
            item_key: Which question, e.g. ``"signed_in_person"``.
            answer: ``"yes"``, ``"no"`` or ``"unsure"``.
            conversation_id: The conversation the answer was given in.
            expected: The answer that needs no follow-up; any other answer is flagged for a
                person to follow up.

        Raises:
            ValueError: ``answer``, ``expected`` or ``item_key`` is not valid.
            UnknownPolicyError: no such policy.
        """

    def return_visit_answers(self, policy_number: str) -> list[ReturnVisitAnswer]:
        """Every return-visit answer given for a policy, oldest first."""

    def assign_service_person(self, policy_number: str, reason: str) -> Agent:
        """Hand the policy to another active agent and record the assignment.

        The new agent is an active one of the current service agent's branch, else any active
        agent; among those, the one serving the fewest policies (then the lowest code).

        Raises:
            UnknownPolicyError: no such policy.
            NoActiveAgentError: no other agent is active.
        """

    def service_assignments(self, policy_number: str) -> list[ServiceAssignment]:
        """The policy's changes of service agent, oldest first."""
