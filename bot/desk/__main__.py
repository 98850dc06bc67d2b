"""``python -m bot.desk``: serve the chat page and the desk, or manage desk accounts.

python -m bot.desk serve                       the web app on 127.0.0.1:DESK_PORT
python -m bot.desk users add NAME --role ROLE  a new account; the password is read from stdin
python -m bot.desk tokens add NAME             a new API token for NAME, printed once
"""

from __future__ import annotations

import argparse
import getpass
import socket
import sys
from collections.abc import Sequence
from typing import TextIO

from aiohttp import web

from bot.db import make_engine, migrate
from bot.desk.accounts import AccountError, Role, SqlAccounts
from bot.desk.app import create_app
from bot.desk.config import load_desk_config
from bot.settings import Settings, configure_logging, load_settings

HOST = "127.0.0.1"


def listening_socket(port: int) -> socket.socket:
    """A socket bound to ``127.0.0.1:port``, so a taken port is reported before anything starts."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((HOST, port))
    except OSError:
        sock.close()
        raise
    return sock


def serve(settings: Settings) -> int:
    """Serve until Ctrl-C or SIGTERM."""
    try:
        config = load_desk_config()
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        sock = listening_socket(settings.desk_port)
    except OSError as exc:
        print(
            f"error: cannot serve the chat page and desk on {HOST}:{settings.desk_port}: "
            f"{exc.strerror or exc}; stop what uses that port or set DESK_PORT to a free one",
            file=sys.stderr,
        )
        return 1
    base = f"http://{HOST}:{settings.desk_port}"

    def announce(*_banner: object) -> None:
        print(f"MingBao chat page: {base}/chat, agent desk: {base}/desk (Ctrl-C stops)", flush=True)

    web.run_app(
        create_app(settings, desk_config=config), sock=sock, print=announce, shutdown_timeout=5.0
    )
    return 0


def add_user(accounts: SqlAccounts, name: str, role: Role, stdin: TextIO, out: TextIO) -> int:
    """Create an account with the password from ``stdin`` (asked twice on a terminal)."""
    if stdin.isatty():
        password = getpass.getpass(f"password for {name}: ")
        if getpass.getpass("again: ") != password:
            print("error: the two passwords differ; nothing was created", file=sys.stderr)
            return 1
    else:
        password = stdin.readline().rstrip("\r\n")
    try:
        user = accounts.add_user(name, role, password)
    except AccountError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"added {user.username} ({user.role.value})", file=out)
    return 0


def add_token(accounts: SqlAccounts, name: str, out: TextIO) -> int:
    """Print a new API token for ``name``, alone on its line; it is not shown again."""
    try:
        token = accounts.add_token(name)
    except AccountError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(token, file=out)
    return 0


def main(
    argv: Sequence[str] | None = None, stdin: TextIO = sys.stdin, out: TextIO = sys.stdout
) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bot.desk",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("serve", help="serve the chat page and the desk")
    users = commands.add_parser("users", help="desk accounts").add_subparsers(
        dest="action", required=True
    )
    add = users.add_parser("add", help="add an account; the password is read from standard input")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=[role.value for role in Role])
    tokens = commands.add_parser("tokens", help="API tokens").add_subparsers(
        dest="action", required=True
    )
    tokens.add_parser("add", help="print a new API token for a user").add_argument("name")
    args = parser.parse_args(argv)
    configure_logging()
    try:
        settings = load_settings()
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.command == "serve":
        return serve(settings)
    engine = make_engine(settings.database_url)
    migrate(engine)
    accounts = SqlAccounts(engine)
    if args.command == "users":
        return add_user(accounts, args.name, Role(args.role), stdin, out)
    return add_token(accounts, args.name, out)


if __name__ == "__main__":
    sys.exit(main())
