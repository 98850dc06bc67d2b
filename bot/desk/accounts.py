"""The people who use the desk: accounts with roles, passwords, sign-in sessions and API tokens.

Passwords are kept as argon2id hashes. Session and API tokens are random and only their SHA-256
is stored, so a copy of the database signs nobody in. Five wrong passwords in a row lock the
account for fifteen minutes; a locked account is refused without looking at the password.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import re
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from bot.clock import naive_utc_now
from bot.desk.tables import api_tokens, sessions, users

FAILURES_BEFORE_LOCK = 5
LOCK = dt.timedelta(minutes=15)
SESSION_LIFETIME = dt.timedelta(hours=12)
MIN_PASSWORD_LENGTH = 10
USERNAME = re.compile(r"^[A-Za-z0-9_.-]{2,64}$")

_hasher = PasswordHasher()
# Compared against when the name is unknown, so a wrong name takes as long as a wrong password.
_UNKNOWN_USER_HASH = _hasher.hash(secrets.token_urlsafe(16))


class Role(str, enum.Enum):
    """What a person may do at the desk."""

    AGENT = "agent"
    SUPERVISOR = "supervisor"
    COMPLIANCE = "compliance"
    ADMIN = "admin"

    @property
    def handles_tickets(self) -> bool:
        """Claims, answers, transfers, resolves and reopens tickets."""
        return self is not Role.COMPLIANCE

    @property
    def sees_personal_data(self) -> bool:
        """Sees customers' names and policy numbers unmasked."""
        return self in (Role.SUPERVISOR, Role.ADMIN)


@dataclass(frozen=True)
class User:
    """A person with a desk account."""

    id: int
    username: str
    role: Role


@dataclass(frozen=True)
class Session:
    """A signed-in browser: who, and the token its state changes must carry."""

    user: User
    csrf_token: str


class AccountError(ValueError):
    """A request to add an account or token that cannot be done as asked."""


class AccountLocked(RuntimeError):
    """Too many wrong passwords: the account is locked until ``until`` (UTC)."""

    def __init__(self, until: dt.datetime) -> None:
        super().__init__(f"locked until {until:%H:%M} UTC")
        self.until = until


class SqlAccounts:
    """Desk accounts in any SQL database SQLAlchemy reaches, migrated at start-up."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add_user(self, username: str, role: Role, password: str) -> User:
        """Create an account.

        Raises:
            AccountError: The name is malformed or taken, or the password too short.
        """
        if not USERNAME.match(username):
            raise AccountError(f"username {username!r}: use 2-64 letters, digits, '.', '_' or '-'")
        if len(password) < MIN_PASSWORD_LENGTH:
            raise AccountError(f"the password needs at least {MIN_PASSWORD_LENGTH} characters")
        try:
            with self.engine.begin() as conn:
                user_id = conn.execute(
                    users.insert().values(
                        username=username,
                        role=role.value,
                        password_hash=_hasher.hash(password),
                        failed_logins=0,
                        created_at=naive_utc_now(),
                    )
                ).inserted_primary_key[0]
        except IntegrityError:
            raise AccountError(f"there is already a user named {username!r}") from None
        return User(user_id, username, role)

    def user(self, username: str) -> User | None:
        """The account named ``username``, if there is one."""
        with self.engine.connect() as conn:
            row = conn.execute(select(users).where(users.c.username == username)).first()
        return None if row is None else User(row.id, row.username, Role(row.role))

    def usernames(self, roles: set[Role] | None = None) -> list[str]:
        """Everyone's name (with one of ``roles`` when given), sorted."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(users.c.username, users.c.role)).all()
        return sorted(row.username for row in rows if roles is None or Role(row.role) in roles)

    def authenticate(self, username: str, password: str) -> User | None:
        """The account if the password is its own; ``None`` for a wrong name or password.

        Raises:
            AccountLocked: The account is locked after repeated wrong passwords.
        """
        with self.engine.connect() as conn:
            row = conn.execute(select(users).where(users.c.username == username)).first()
        if row is None:
            _verify(_UNKNOWN_USER_HASH, password)
            return None
        now = naive_utc_now()
        if row.locked_until is not None and row.locked_until > now:
            raise AccountLocked(row.locked_until)
        if not _verify(row.password_hash, password):
            failures = (0 if row.locked_until is not None else row.failed_logins) + 1
            locked = now + LOCK if failures >= FAILURES_BEFORE_LOCK else None
            with self.engine.begin() as conn:
                conn.execute(
                    update(users)
                    .where(users.c.id == row.id)
                    .values(failed_logins=0 if locked else failures, locked_until=locked)
                )
            if locked is not None:
                raise AccountLocked(locked)
            return None
        with self.engine.begin() as conn:
            conn.execute(
                update(users).where(users.c.id == row.id).values(failed_logins=0, locked_until=None)
            )
        return User(row.id, row.username, Role(row.role))

    def start_session(self, user: User) -> tuple[str, Session]:
        """A new sign-in for ``user``: the cookie's token and the session it names."""
        token = secrets.token_urlsafe(32)
        csrf_token = secrets.token_urlsafe(32)
        now = naive_utc_now()
        with self.engine.begin() as conn:
            conn.execute(delete(sessions).where(sessions.c.expires_at < now))
            conn.execute(
                sessions.insert().values(
                    token_hash=_digest(token),
                    user_id=user.id,
                    csrf_token=csrf_token,
                    created_at=now,
                    expires_at=now + SESSION_LIFETIME,
                )
            )
        return token, Session(user, csrf_token)

    def session(self, token: str) -> Session | None:
        """The live session ``token`` names, if any."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(sessions.c.csrf_token, users.c.id, users.c.username, users.c.role)
                .join(users, users.c.id == sessions.c.user_id)
                .where(
                    sessions.c.token_hash == _digest(token), sessions.c.expires_at > naive_utc_now()
                )
            ).first()
        if row is None:
            return None
        return Session(User(row.id, row.username, Role(row.role)), row.csrf_token)

    def end_session(self, token: str) -> None:
        """Sign the session out."""
        with self.engine.begin() as conn:
            conn.execute(delete(sessions).where(sessions.c.token_hash == _digest(token)))

    def add_token(self, username: str) -> str:
        """A new API token for ``username``; only its hash is kept, so this is the one chance to
        read it.

        Raises:
            AccountError: There is no such user.
        """
        user = self.user(username)
        if user is None:
            raise AccountError(
                f"there is no user named {username!r}: add one first "
                f"(python -m bot.desk users add {username} --role agent)"
            )
        token = "mbd_" + secrets.token_urlsafe(32)
        with self.engine.begin() as conn:
            conn.execute(
                api_tokens.insert().values(
                    token_hash=_digest(token), user_id=user.id, created_at=naive_utc_now()
                )
            )
        return token

    def token_user(self, token: str) -> User | None:
        """The user an API token belongs to, if it is one of ours."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(users.c.id, users.c.username, users.c.role)
                .join(api_tokens, api_tokens.c.user_id == users.c.id)
                .where(api_tokens.c.token_hash == _digest(token))
            ).first()
        return None if row is None else User(row.id, row.username, Role(row.role))


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
