"""``python -m bot.desk users add`` and ``tokens add``: passwords from stdin, a token printed once."""

from __future__ import annotations

import io

import pytest

from bot.desk.__main__ import main
from bot.desk.accounts import Role, SqlAccounts


@pytest.fixture(autouse=True)
def database(database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", database_url)


def test_users_add_reads_the_password_from_standard_input(
    accounts: SqlAccounts, capsys: pytest.CaptureFixture[str]
) -> None:
    out = io.StringIO()
    code = main(
        ["users", "add", "sun", "--role", "supervisor"], io.StringIO("a long password\n"), out
    )
    assert code == 0 and out.getvalue() == "added sun (supervisor)\n"
    assert accounts.authenticate("sun", "a long password") == accounts.user("sun")
    assert accounts.user("sun").role is Role.SUPERVISOR  # type: ignore[union-attr]
    assert (
        main(["users", "add", "sun", "--role", "agent"], io.StringIO("a long password\n"), out) == 1
    )
    assert "already a user named 'sun'" in capsys.readouterr().err


def test_tokens_add_prints_the_token_alone_once(accounts: SqlAccounts) -> None:
    out = io.StringIO()
    assert main(["tokens", "add", "li"], io.StringIO(), out) == 0
    token = out.getvalue()
    assert token.endswith("\n") and token.count("\n") == 1
    assert accounts.token_user(token.strip()) == accounts.user("li")


def test_a_role_that_does_not_exist_is_refused() -> None:
    with pytest.raises(SystemExit):
        main(["users", "add", "x", "--role", "boss"], io.StringIO(), io.StringIO())
