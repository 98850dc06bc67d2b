"""Errors the policy records raise, worded for the person who must act on them."""

from __future__ import annotations


class RecordsError(Exception):
    """Base class of every policy-records error."""


class UnknownPolicyError(RecordsError):
    """No policy has the number that was asked for."""

    def __init__(self, policy_number: str) -> None:
        self.policy_number = policy_number
        super().__init__(
            f"no policy {policy_number!r} in the records; check the number (MB + 10 digits) "
            "and verify the customer before writing"
        )


class InvalidContactError(RecordsError):
    """A new mobile or address was refused; nothing was written.

    Attributes:
        field: ``"mobile"`` or ``"address"`` (or the unknown field that was asked for).
        reason: ``"unknown_field"``, ``"format"``, ``"empty"``, ``"too_long"`` or ``"unchanged"``,
            for the action to choose what to say to the customer.
    """

    def __init__(self, field: str, reason: str, message: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(message)


class NoActiveAgentError(RecordsError):
    """No active agent can take over a policy's service."""


class RecordsDataError(RecordsError):
    """A demo records file breaks its format.

    Attributes:
        path: The file that was being read.
        record: Which record, e.g. ``"policy MB2024000007"`` or ``"item 3"``; empty for the whole file.
        fault: What is wrong and what to do about it.
    """

    def __init__(self, path: str, record: str, fault: str) -> None:
        self.path = path
        self.record = record
        self.fault = fault
        where = f"{path}: {record}" if record else path
        super().__init__(f"{where}: {fault}")
