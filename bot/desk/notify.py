"""The desk's webhook: new and SLA-breached tickets announced to the URL the operator sets.

Notifications go through an outbox. The transaction that opens a ticket (or marks its SLA
breached) also writes a row in ``desk_notifications`` (see :mod:`bot.desk.tickets`), so no
notification is lost, and a ticket never waits for the webhook: :func:`run_notifications`, running
in the desk app, sends the rows afterwards. Each POST is signed
(``X-MingBao-Signature: sha256=<hex HMAC-SHA256 of the body>`` with the shared secret, see
:func:`signature`); a failed one is tried again after 2, 4, 8 … seconds (at most 300), and after
:data:`MAX_ATTEMPTS` failures the row stays unsent with its last error.

Several desk processes may share one database: before sending a row a process leases it (moves its
``next_attempt_at`` past the send, on condition that nobody else has), and only the process whose
lease took sends it. Delivery is at least once: if a process dies mid-send, its lease runs out and
the row is sent again, so a receiver should drop repeats of an ``X-MingBao-Delivery`` it has seen.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import hmac
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import aiohttp
from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from bot.clock import naive_utc_now
from bot.desk.config import DeskConfig
from bot.desk.tables import notifications, tickets
from bot.desk.tickets import EscalationTicket, Priority, SqlTicketDesk, Status, ticket_from_row

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
"""Failed sends after which a notification is given up (left unsent with its last error)."""
BATCH = 20
"""Notifications one :meth:`Notifier.deliver_due` sends at most."""
LEASE = dt.timedelta(seconds=60)
"""How long a process holds a row it is sending; longer than any one send takes."""
MAX_BACKOFF = dt.timedelta(seconds=300)
TIMEOUT = aiohttp.ClientTimeout(total=5)
_ERROR_CHARS = 300


def signature(secret: str, body: bytes) -> str:
    """The ``X-MingBao-Signature`` header of ``body``: ``sha256=`` and the hex HMAC-SHA256.

    A receiver recomputes it over the raw request body with the shared secret and compares the
    two with :func:`hmac.compare_digest`.
    """
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def backoff(attempts: int) -> dt.timedelta:
    """How long to wait after the ``attempts``-th failed send: 2, 4, 8 … seconds, at most 300."""
    return min(dt.timedelta(seconds=2 ** min(max(attempts, 1), 16)), MAX_BACKOFF)


def find_sla_breaches(desk: SqlTicketDesk, config: DeskConfig, now: dt.datetime) -> list[int]:
    """Queue the SLA-breach notification of every open ticket nobody claimed in time.

    A ticket is breached when it is still open (not claimed) at ``now`` (naive UTC) and
    ``created_at + config.sla[priority]`` is before ``now``; each is marked once
    (:meth:`SqlTicketDesk.mark_sla_notified`), whatever other processes do.

    Returns:
        The ids of the tickets this call marked, in id order.
    """
    with desk.engine.connect() as conn:
        rows = conn.execute(
            select(tickets.c.id, tickets.c.priority, tickets.c.created_at)
            .where(tickets.c.status == Status.OPEN.value, tickets.c.sla_notified_at.is_(None))
            .order_by(tickets.c.id)
        ).all()
    marked: list[int] = []
    for row in rows:
        sla = config.sla.get(Priority(row.priority))
        if sla is not None and row.created_at + sla < now and desk.mark_sla_notified(row.id):
            marked.append(row.id)
    return marked


@dataclass(frozen=True)
class _Due:
    id: int
    ticket_id: int
    kind: str
    attempts: int
    next_attempt_at: dt.datetime


class Notifier:
    """Sends the outbox's due notifications to ``config.webhook_url``.

    Args:
        engine: The desk's database.
        config: The webhook's URL and secret (nothing is sent without a URL), the SLA targets.
        session: The client session the POSTs go through.
        desk_url: Where the desk is reached, for the ticket links in the payload.
        clock: The time now, naive UTC.

    Raises:
        ValueError: A webhook URL is set without a secret.
    """

    def __init__(
        self,
        engine: Engine,
        config: DeskConfig,
        session: aiohttp.ClientSession,
        *,
        desk_url: str,
        clock: Callable[[], dt.datetime] = naive_utc_now,
    ) -> None:
        if config.webhook_url and not config.webhook_secret:
            raise ValueError(
                "the desk webhook URL is set without a secret: set MINGBAO_DESK_WEBHOOK_SECRET "
                "so the receiver can check the signature"
            )
        self.engine = engine
        self.config = config
        self.session = session
        self.desk_url = desk_url.rstrip("/")
        self.clock = clock

    async def deliver_due(self) -> int:
        """Send the due notifications, oldest first, at most :data:`BATCH`; how many went out.

        A row is due when unsent, its ``next_attempt_at`` has come and it has failed fewer than
        :data:`MAX_ATTEMPTS` times. A 2xx answer marks it sent; anything else (another status,
        no answer within 5 s, no connection) records the error and when to try again.
        """
        url, secret = self.config.webhook_url, self.config.webhook_secret
        if not url or not secret:
            return 0
        sent = 0
        for due in await self._due(self.clock()):
            if await self._deliver(due, url, secret):
                sent += 1
        return sent

    async def _due(self, now: dt.datetime) -> list[_Due]:
        return await asyncio.to_thread(self._read_due, now)

    def _read_due(self, now: dt.datetime) -> list[_Due]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(
                    notifications.c.id,
                    notifications.c.ticket_id,
                    notifications.c.kind,
                    notifications.c.attempts,
                    notifications.c.next_attempt_at,
                )
                .where(
                    notifications.c.sent_at.is_(None),
                    notifications.c.next_attempt_at <= now,
                    notifications.c.attempts < MAX_ATTEMPTS,
                )
                .order_by(notifications.c.created_at, notifications.c.id)
                .limit(BATCH)
            ).all()
        return [_Due(r.id, r.ticket_id, r.kind, r.attempts, r.next_attempt_at) for r in rows]

    async def _deliver(self, due: _Due, url: str, secret: str) -> bool:
        ticket = await asyncio.to_thread(self._lease, due, self.clock() + LEASE)
        if ticket is None:
            logger.debug("notification %d is being sent by another process", due.id)
            return False
        body = json.dumps(self._payload(due, ticket), ensure_ascii=False).encode("utf-8")
        error = await self._post(url, secret, due, body)
        if error is None:
            await asyncio.to_thread(self._record_sent, due, self.clock())
            return True
        await asyncio.to_thread(self._record_failure, due, error, self.clock())
        return False

    def _lease(self, due: _Due, until: dt.datetime) -> EscalationTicket | None:
        with self.engine.begin() as conn:
            leased = conn.execute(
                update(notifications)
                .where(
                    notifications.c.id == due.id,
                    notifications.c.sent_at.is_(None),
                    # As read: if another process leased it in between, this one matches nothing.
                    notifications.c.next_attempt_at == due.next_attempt_at,
                )
                .values(next_attempt_at=until)
            ).rowcount
            if not leased:
                return None
            row = conn.execute(select(tickets).where(tickets.c.id == due.ticket_id)).one()
        return ticket_from_row(row._mapping)

    def _payload(self, due: _Due, ticket: EscalationTicket) -> dict[str, Any]:
        sla = self.config.sla.get(ticket.priority)
        return {
            "event": due.kind,
            "delivery": due.id,
            "ticket": {
                "id": ticket.id,
                "conversation_id": ticket.conversation_id,
                "reason": ticket.reason,
                "priority": ticket.priority.value,
                "status": ticket.status.value,
                "created_at": _iso(ticket.created_at),
                "sla_due_at": None if sla is None else _iso(ticket.created_at + sla),
            },
            "url": f"{self.desk_url}/desk/tickets/{ticket.id}",
        }

    async def _post(self, url: str, secret: str, due: _Due, body: bytes) -> str | None:
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            "X-MingBao-Event": due.kind,
            "X-MingBao-Delivery": str(due.id),
            "X-MingBao-Signature": signature(secret, body),
        }
        try:
            async with self.session.post(
                url, data=body, headers=headers, timeout=TIMEOUT, allow_redirects=False
            ) as response:
                if 200 <= response.status < 300:
                    return None
                text = (await response.content.read(_ERROR_CHARS)).decode("utf-8", "replace")
                return f"HTTP {response.status} {response.reason or ''}: {text}"[:_ERROR_CHARS]
        except asyncio.TimeoutError:
            return f"no answer within {TIMEOUT.total:g} s"
        except Exception as exc:  # refused, DNS, TLS, a bad URL: each is worth another try later
            return f"{type(exc).__name__}: {exc}"[:_ERROR_CHARS]

    def _record_sent(self, due: _Due, now: dt.datetime) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(notifications)
                .where(notifications.c.id == due.id, notifications.c.sent_at.is_(None))
                .values(sent_at=now)
            )

    def _record_failure(self, due: _Due, error: str, now: dt.datetime) -> None:
        attempts = due.attempts + 1
        with self.engine.begin() as conn:
            conn.execute(
                update(notifications)
                .where(notifications.c.id == due.id, notifications.c.sent_at.is_(None))
                .values(
                    attempts=attempts, last_error=error, next_attempt_at=now + backoff(attempts)
                )
            )
        if attempts >= MAX_ATTEMPTS:
            logger.warning(
                "gave up sending notification %d (%s of ticket %d) to the desk webhook after %d "
                "attempts: %s. Fix the webhook (MINGBAO_DESK_WEBHOOK_URL) and set attempts to 0 "
                "on its desk_notifications row to send it again",
                due.id,
                due.kind,
                due.ticket_id,
                attempts,
                error,
            )
        else:
            logger.info(
                "the desk webhook did not take notification %d (attempt %d of %d): %s",
                due.id,
                attempts,
                MAX_ATTEMPTS,
                error,
            )


async def run_notifications(
    notifier: Notifier, desk: SqlTicketDesk, config: DeskConfig, *, interval: float = 2.0
) -> None:
    """Every ``interval`` seconds, queue SLA breaches and send what is due, until cancelled.

    A failure (the webhook, the database) is logged and the next round goes on regardless.
    """
    while True:
        try:
            await asyncio.to_thread(find_sla_breaches, desk, config, notifier.clock())
        except Exception:
            logger.exception("could not look for SLA breaches; trying again in %g s", interval)
        try:
            await notifier.deliver_due()
        except Exception:
            logger.exception("could not send desk notifications; trying again in %g s", interval)
        await asyncio.sleep(interval)


def _iso(naive_utc: dt.datetime) -> str:
    return naive_utc.replace(tzinfo=dt.timezone.utc).isoformat()
