"""Desk accounts: argon2 hashes, lock-out, sessions and API tokens that are stored only as hashes."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, update

from bot.desk.accounts import AccountError, AccountLocked, Role, SqlAccounts
from bot.desk.tables import api_tokens, sessions, users
from tests.desk.conftest import PASSWORD


def test_a_password_is_kept_only_as_an_argon2_hash(accounts: SqlAccounts) -> None:
    with accounts.engine.connect() as conn:
        stored = conn.execute(
            select(users.c.password_hash).where(users.c.username == "li")
        ).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert accounts.authenticate("li", PASSWORD) == accounts.user("li")
    assert accounts.authenticate("li", "wrong password") is None
    assert accounts.authenticate("nobody", PASSWORD) is None


def test_bad_names_short_passwords_and_duplicates_are_refused(accounts: SqlAccounts) -> None:
    with pytest.raises(AccountError, match="letters"):
        accounts.add_user("li; drop", Role.AGENT, PASSWORD)
    with pytest.raises(AccountError, match="at least 10"):
        accounts.add_user("new", Role.AGENT, "short")
    with pytest.raises(AccountError, match="already"):
        accounts.add_user("li", Role.ADMIN, PASSWORD)


def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(
    accounts: SqlAccounts,
) -> None:
    for _ in range(4):
        assert accounts.authenticate("li", "wrong password") is None
    with pytest.raises(AccountLocked):
        accounts.authenticate("li", "wrong password")
    with pytest.raises(AccountLocked):
        accounts.authenticate("li", PASSWORD)
    with accounts.engine.begin() as conn:  # the lock has run out
        conn.execute(update(users).values(locked_until=dt.datetime(2000, 1, 1)))
    assert accounts.authenticate("li", PASSWORD) is not None


def test_a_session_is_found_by_its_token_only_until_it_ends_or_expires(
    accounts: SqlAccounts,
) -> None:
    user = accounts.user("li")
    assert user is not None
    token, session = accounts.start_session(user)
    assert accounts.session(token) == session and session.user.role is Role.AGENT
    with accounts.engine.connect() as conn:
        assert token not in str(conn.execute(select(sessions)).all())
    accounts.end_session(token)
    assert accounts.session(token) is None
    expired, _ = accounts.start_session(user)
    with accounts.engine.begin() as conn:
        conn.execute(update(sessions).values(expires_at=dt.datetime(2000, 1, 1)))
    assert accounts.session(expired) is None


def test_an_api_token_names_its_user_and_only_its_hash_is_kept(accounts: SqlAccounts) -> None:
    token = accounts.add_token("zhao")
    assert accounts.token_user(token) == accounts.user("zhao")
    assert accounts.token_user(token + "x") is None
    with accounts.engine.connect() as conn:
        assert token not in str(conn.execute(select(api_tokens)).all())
    with pytest.raises(AccountError, match="users add ghost"):
        accounts.add_token("ghost")


def test_roles_decide_who_handles_tickets_and_who_sees_personal_data() -> None:
    assert [r.value for r in Role if r.handles_tickets] == ["agent", "supervisor", "admin"]
    assert [r.value for r in Role if r.sees_personal_data] == ["supervisor", "admin"]
