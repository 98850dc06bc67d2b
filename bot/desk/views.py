"""Tickets as people at the desk see them: labels, SLA, queue position, personal data masked."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.compliance.masking import mask_name, mask_personal_data
from bot.desk.accounts import Role
from bot.desk.config import DeskConfig
from bot.desk.tickets import Attachment, EscalationTicket, Status, StatusChange
from bot.settings import PROJECT_ROOT

REPLIES_FILE = PROJECT_ROOT / "data" / "desk" / "replies.yml"
# Slots a person never needs to see: the customer's answer to the identity question.
HIDDEN_SLOTS = frozenset({"identity_proof"})


@dataclass(frozen=True)
class DeskWords:
    """The desk's reviewed words: reason labels, resolution categories, canned replies."""

    reasons: dict[str, str]
    categories: dict[str, str]
    canned_replies: dict[str, list[str]]

    def replies_for(self, reason: str) -> list[str]:
        """The canned replies for ``reason``, then the ones for every reason."""
        return [*self.canned_replies.get(reason, []), *self.canned_replies.get("default", [])]


def load_desk_words(path: Path = REPLIES_FILE) -> DeskWords:
    """Read ``data/desk/replies.yml``.

    Raises:
        ValueError: The file is missing a section or has the wrong shape, saying which.
    """
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for section in ("reasons", "categories", "canned_replies"):
        if not isinstance(data.get(section), dict):
            raise ValueError(f"{path}: the section {section!r} is missing or not a mapping")
    return DeskWords(
        reasons={str(k): str(v) for k, v in data["reasons"].items()},
        categories={str(k): str(v) for k, v in data["categories"].items()},
        canned_replies={str(k): [str(r) for r in v] for k, v in data["canned_replies"].items()},
    )


@dataclass(frozen=True)
class Customer:
    """Who the conversation's verified policy belongs to, if the customer proved it."""

    name: str
    policy_number: str


def ticket_json(
    ticket: EscalationTicket,
    *,
    role: Role,
    config: DeskConfig,
    words: DeskWords,
    position: int | None,
    customer: Customer | None,
    now: dt.datetime,
) -> dict[str, Any]:
    """The ticket as the desk API gives it."""
    due = ticket.created_at + config.sla[ticket.priority]
    answered_by = ticket.claimed_at or ticket.closed_at
    breached = (answered_by or now) > due
    plain = role.sees_personal_data
    return {
        "id": ticket.id,
        "conversation_id": ticket.conversation_id,
        "reason": ticket.reason,
        "reason_label": words.reasons.get(ticket.reason, ticket.reason),
        "priority": ticket.priority.value,
        "status": ticket.status.value,
        "summary": ticket.summary if plain else mask_personal_data(ticket.summary),
        "slots": shown_slots(ticket.slots, plain),
        "channel": ticket.channel,
        "product": ticket.slots.get("product"),
        "customer": None
        if customer is None
        else (customer.name if plain else mask_name(customer.name)),
        "policy_number": None
        if customer is None
        else (customer.policy_number if plain else mask_personal_data(customer.policy_number)),
        "assignee": ticket.assignee,
        "created_at": _iso(ticket.created_at),
        "claimed_at": _iso(ticket.claimed_at),
        "closed_at": _iso(ticket.closed_at),
        "sla_due_at": _iso(due),
        "sla_breached": breached,
        "position": position,
        "resolution": None
        if ticket.resolution_category is None
        else {"category": ticket.resolution_category, "note": ticket.resolution_note or ""},
    }


def shown_slots(slots: dict[str, Any], plain: bool) -> dict[str, Any]:
    """The collected slots a person may see."""
    shown = {}
    for name, value in slots.items():
        if name in HIDDEN_SLOTS:
            continue
        shown[name] = value if plain or not isinstance(value, str) else mask_personal_data(value)
    return shown


def change_json(change: StatusChange) -> dict[str, Any]:
    """One recorded change of status."""
    return {
        "at": _iso(change.at),
        "actor": change.actor,
        "from": change.from_status,
        "to": change.to_status,
        "note": change.note,
    }


def attachment_json(attachment: Attachment) -> dict[str, Any]:
    """One thing the customer sent for the ticket."""
    return {
        "id": attachment.id,
        "kind": attachment.kind,
        "channel": attachment.channel,
        "url": attachment.url,
        "media_id": attachment.media_id,
        "received_at": _iso(attachment.received_at),
    }


def queue_positions(waiting: list[EscalationTicket]) -> dict[int, int]:
    """Each open ticket's place in the queue (1 = next), given tickets in queue order."""
    open_tickets = [t for t in waiting if t.status is Status.OPEN]
    return {ticket.id: place for place, ticket in enumerate(open_tickets, start=1)}


def _iso(when: dt.datetime | None) -> str | None:
    return None if when is None else when.replace(tzinfo=dt.timezone.utc).isoformat()
