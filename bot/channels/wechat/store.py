"""The WeChat channel's shared state behind a small repository: deliveries, token, buttons, and
the sessions of WeChat's own customer service.

Synchronous SQLAlchemy (2.0-style) on the engine of ``DATABASE_URL``; the async channel and client
call it through :func:`asyncio.to_thread`, so the event loop never waits on the database. Every
decision several processes may race is one statement: a primary-key insert for a delivery, an
``UPDATE ... WHERE version = :seen`` for the token.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from bot.channels.wechat.replies import Button
from bot.channels.wechat.tables import (
    access_tokens,
    deliveries,
    kf_sessions,
    offered_buttons,
    unfollowed,
)

DELIVERY_TTL_SECONDS = 24 * 3600
"""How long a delivery is remembered: WeChat's retries of one message come within ~15 s."""
PRUNE_EVERY_SECONDS = 600.0


def _at(epoch: float) -> dt.datetime:
    """Unix seconds as the naive UTC datetime the tables hold."""
    return dt.datetime.fromtimestamp(epoch, dt.timezone.utc).replace(tzinfo=None)


def _epoch(at: dt.datetime) -> float:
    return at.replace(tzinfo=dt.timezone.utc).timestamp()


def key_hash(dedup_key: str) -> str:
    """The column value of a de-dup key: fixed length whatever an event's key holds."""
    return hashlib.sha256(dedup_key.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class StoredToken:
    """The shared access_token as stored.

    Attributes:
        token: The token, ``""`` before the first refresh.
        expires_at: Unix seconds at which WeChat stops accepting it.
        version: Grows by one with every refresh; a refresh is decided on the version seen.
        refreshing_until: Unix seconds until which one process holds the refresh, or ``None``.
    """

    token: str
    expires_at: float
    version: int
    refreshing_until: float | None

    def __repr__(self) -> str:  # a live credential: never in logs
        return f"StoredToken(version={self.version}, expires_at={self.expires_at})"


class WeChatStore:
    """The channel's tables on one engine (migrated by :func:`bot.db.migrate` beforehand)."""

    def __init__(self, engine: Engine, ttl_seconds: int = DELIVERY_TTL_SECONDS) -> None:
        self._engine = engine
        self._ttl = ttl_seconds
        self._pruned_at = float("-inf")

    @property
    def engine(self) -> Engine:
        """The database the tables are in (the rest of MingBao's, the desk's tickets too)."""
        return self._engine

    # Deliveries.

    def claim_delivery(self, dedup_key: str, openid: str, now: float) -> bool:
        """Record a delivery; ``True`` for the first delivery of a message, ``False`` for a repeat.

        Whichever process inserts the row first processes the message; the others' inserts
        conflict on the primary key. Rows older than the TTL are pruned every few minutes.
        """
        if now - self._pruned_at >= PRUNE_EVERY_SECONDS:
            self.prune_deliveries(now)
            self._pruned_at = now
        try:
            with self._engine.begin() as conn:
                conn.execute(
                    insert(deliveries).values(
                        key_hash=key_hash(dedup_key), openid=openid, received_at=_at(now)
                    )
                )
        except IntegrityError:
            return False
        return True

    def prune_deliveries(self, now: float) -> int:
        """Forget deliveries older than the TTL; the number forgotten."""
        with self._engine.begin() as conn:
            done = conn.execute(
                delete(deliveries).where(deliveries.c.received_at < _at(now - self._ttl))
            )
        return int(done.rowcount)

    def record_outcome(self, dedup_key: str, outcome: str) -> None:
        """Note how the answer to a delivery went out (or why it could not)."""
        with self._engine.begin() as conn:
            conn.execute(
                update(deliveries)
                .where(deliveries.c.key_hash == key_hash(dedup_key))
                .values(outcome=outcome)
            )

    def outcome(self, dedup_key: str) -> str | None:
        """The outcome recorded for a delivery, ``None`` while there is none."""
        with self._engine.connect() as conn:
            value: str | None = conn.execute(
                select(deliveries.c.outcome).where(deliveries.c.key_hash == key_hash(dedup_key))
            ).scalar_one_or_none()
        return value

    # The access_token.

    def read_token(self, app_id: str) -> StoredToken | None:
        """The stored token of ``app_id``, ``None`` before any process stored one."""
        with self._engine.connect() as conn:
            row = conn.execute(
                select(access_tokens).where(access_tokens.c.app_id == app_id)
            ).one_or_none()
        if row is None:
            return None
        return StoredToken(
            token=row.token,
            expires_at=_epoch(row.expires_at),
            version=row.version,
            refreshing_until=None if row.refreshing_until is None else _epoch(row.refreshing_until),
        )

    def claim_refresh(self, app_id: str, seen_version: int, now: float, lease: float) -> bool:
        """Take the refresh of the token at ``seen_version`` for ``lease`` seconds.

        ``False`` when another process refreshed it already (the version moved on) or holds an
        unexpired claim: then wait for its token rather than fetch one that would replace it.
        """
        try:
            with self._engine.begin() as conn:
                conn.execute(
                    insert(access_tokens).values(
                        app_id=app_id, token="", expires_at=_at(0), version=0
                    )
                )
        except IntegrityError:
            pass
        with self._engine.begin() as conn:
            done = conn.execute(
                update(access_tokens)
                .where(
                    access_tokens.c.app_id == app_id,
                    access_tokens.c.version == seen_version,
                    (access_tokens.c.refreshing_until.is_(None))
                    | (access_tokens.c.refreshing_until < _at(now)),
                )
                .values(refreshing_until=_at(now + lease))
            )
        return int(done.rowcount) == 1

    def save_token(self, app_id: str, seen_version: int, token: str, expires_at: float) -> bool:
        """Store a fresh token as version ``seen_version + 1`` and end the claim.

        ``False`` if the version moved on meanwhile (the claim had lapsed and another process
        refreshed): the caller then uses the stored token.
        """
        with self._engine.begin() as conn:
            done = conn.execute(
                update(access_tokens)
                .where(access_tokens.c.app_id == app_id, access_tokens.c.version == seen_version)
                .values(
                    token=token,
                    expires_at=_at(expires_at),
                    version=seen_version + 1,
                    refreshing_until=None,
                )
            )
        return int(done.rowcount) == 1

    def release_refresh(self, app_id: str, seen_version: int) -> None:
        """Give up a claim after a failed refresh, so another process may try at once."""
        with self._engine.begin() as conn:
            conn.execute(
                update(access_tokens)
                .where(access_tokens.c.app_id == app_id, access_tokens.c.version == seen_version)
                .values(refreshing_until=None)
            )

    # Buttons offered as numbered choices.

    def offer_buttons(self, openid: str, buttons: list[Button], now: float) -> None:
        """Remember the buttons just offered to ``openid`` (none: forget the earlier ones)."""
        stored = [[title, payload] for title, payload in buttons]
        for _ in range(2):  # a second try only if another process inserted for this OpenID
            try:
                with self._engine.begin() as conn:
                    conn.execute(delete(offered_buttons).where(offered_buttons.c.openid == openid))
                    if stored:
                        conn.execute(
                            insert(offered_buttons).values(
                                openid=openid, buttons=stored, offered_at=_at(now)
                            )
                        )
                return
            except IntegrityError:
                continue

    def offered(self, openid: str) -> list[Button]:
        """The buttons last offered to ``openid``, in the order numbered."""
        with self._engine.connect() as conn:
            stored = conn.execute(
                select(offered_buttons.c.buttons).where(offered_buttons.c.openid == openid)
            ).scalar_one_or_none()
        if not isinstance(stored, list):
            return []
        return [(str(title), str(payload)) for title, payload in stored]

    # WeChat's own customer-service sessions (kf_create_session, kf_close_session, ...).

    def record_kf_event(
        self, openid: str, event: str, kf_account: str | None, create_time: int
    ) -> str | None:
        """Note a ``kf_*_session`` event; the agent who holds the session after it, if any.

        Each column only moves forward (``CreateTime``), so a close that overtook its create in
        another process still leaves the session closed. A switch is an open session with
        another agent.

        Raises:
            ValueError: ``event`` is not ``kf_create_session``, ``kf_switch_session`` or
                ``kf_close_session``.
        """
        if event not in ("kf_create_session", "kf_switch_session", "kf_close_session"):
            raise ValueError(f"{event!r} is not a kf session event")
        try:
            with self._engine.begin() as conn:
                conn.execute(
                    insert(kf_sessions).values(
                        openid=openid, kf_account="", opened_at=0, closed_at=0
                    )
                )
        except IntegrityError:
            pass  # the customer had a session before
        row = kf_sessions.c
        with self._engine.begin() as conn:
            if event == "kf_close_session":
                conn.execute(
                    update(kf_sessions)
                    .where(row.openid == openid, row.closed_at < create_time)
                    .values(closed_at=create_time)
                )
            else:
                conn.execute(
                    update(kf_sessions)
                    .where(row.openid == openid, row.opened_at <= create_time)
                    .values(opened_at=create_time, kf_account=kf_account or "")
                )
        return self.kf_session(openid)

    def kf_session(self, openid: str) -> str | None:
        """The agent (``KfAccount``) whose WeChat session with ``openid`` is open, else ``None``.

        An open session whose event named no agent is ``""``.
        """
        with self._engine.connect() as conn:
            account: str | None = conn.execute(
                select(kf_sessions.c.kf_account).where(
                    kf_sessions.c.openid == openid,
                    kf_sessions.c.opened_at > kf_sessions.c.closed_at,
                )
            ).scalar_one_or_none()
        return account

    # Following and unfollowing.

    def record_unfollow(self, openid: str, create_time: int, now: float) -> None:
        """Note that ``openid`` unfollowed the account (its ``unsubscribe`` at ``create_time``)
        and forget what the channel kept to talk with them: offered buttons, agent sessions."""
        with self._engine.begin() as conn:
            conn.execute(delete(offered_buttons).where(offered_buttons.c.openid == openid))
            conn.execute(delete(kf_sessions).where(kf_sessions.c.openid == openid))
            updated = conn.execute(
                update(unfollowed)
                .where(unfollowed.c.openid == openid, unfollowed.c.create_time < create_time)
                .values(create_time=create_time, noted_at=_at(now))
            ).rowcount
        if updated:
            return
        try:
            with self._engine.begin() as conn:
                conn.execute(
                    insert(unfollowed).values(
                        openid=openid, create_time=create_time, noted_at=_at(now)
                    )
                )
        except IntegrityError:
            pass  # noted already, as late or later

    def record_follow(self, openid: str, create_time: int) -> None:
        """``openid`` followed the account (again) at ``create_time``: pushes may go to them.

        An unfollow noted with a later ``CreateTime`` stands (the events were handled out of
        order).
        """
        with self._engine.begin() as conn:
            conn.execute(
                delete(unfollowed).where(
                    unfollowed.c.openid == openid, unfollowed.c.create_time <= create_time
                )
            )

    def has_unfollowed(self, openid: str) -> bool:
        """Whether ``openid`` unfollowed the account and has not followed it since."""
        with self._engine.connect() as conn:
            found = conn.execute(
                select(unfollowed.c.openid).where(unfollowed.c.openid == openid)
            ).first()
        return found is not None
