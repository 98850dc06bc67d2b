"""``make run``: prepare the data, train when stale, start every process, stop them all together.

Foreground; a process that dies is started again (:mod:`bot.runtime.supervisor`); Ctrl-C or SIGTERM
stops the action server, the Rasa server and the chat page.
``--shell`` chats in the terminal (``rasa shell``) instead of serving.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import secrets
import signal
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TextIO

from bot.clock import china_today
from bot.db import make_engine, migrate
from bot.knowledge.ingest import ingest_files, policy_files
from bot.knowledge.search import domain_words, write_user_dictionary
from bot.knowledge.store import SqlKnowledgeRepository
from bot.records.demo import load_demo_records
from bot.records.store import SqlPolicyRecords
from bot.runtime.model import ModelSpec, ensure_trained, production_model
from bot.runtime.supervisor import Process, StartError, spawn, stop_all, supervise, wait_ready
from bot.settings import PROJECT_ROOT, Settings, configure_logging, load_settings

# The last line ``make run`` prints once every process answers: what a launcher waits for.
READY = "Ctrl-C stops everything"


class NotReady(RuntimeError):
    """``python -m bot.runtime.run`` exited before it was ready; ``output`` is what it printed."""

    def __init__(self, output: str) -> None:
        super().__init__("the assistant stopped before it was ready; run make run to see why")
        self.output = output


@contextmanager
def started(env: Mapping[str, str], *args: str) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """``python -m bot.runtime.run *args`` in the background with ``env``, once it is ready.

    Yields the process and what it printed until ready; stops it (SIGTERM) on leaving unless it
    has stopped already.

    Raises:
        NotReady: it exited before printing :data:`READY`.
    """
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.runtime.run", *args],
        cwd=PROJECT_ROOT,
        env=dict(env),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        lines: list[str] = []
        for line in process.stdout:
            lines.append(line)
            if READY in line:
                break
        else:
            raise NotReady("".join(lines))
        yield process, "".join(lines)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=60)


def prepare(settings: Settings, out: TextIO) -> int:
    """Ingest the clause documents, write the jieba dictionary, load the demo records.

    Returns:
        The number of clause documents that failed to ingest (each is reported).
    """
    engine = make_engine(settings.database_url)
    try:
        migrate(engine)
        repository = SqlKnowledgeRepository(engine)
        results = ingest_files(repository, policy_files(settings.policies_dir))
        for result in results:
            print(("error: " if result.status == "failed" else "") + result.message, file=out)
        products = repository.current()
        write_user_dictionary(settings.jieba_dictionary, domain_words(products))
        added = load_demo_records(SqlPolicyRecords(engine), settings.records_dir, china_today())
        print(f"demo records: {added.total} added", file=out)
        print(f"knowledge base: {len(products)} products", file=out)
        return sum(result.status == "failed" for result in results)
    finally:
        engine.dispose()


def with_secrets(settings: Settings) -> Settings:
    """``settings`` with the action server's secret, Rasa's API token and the cookie key made up
    where unset.

    Made-up values live for this run only (a conversation survives a restart of the chat page,
    not of ``make run``); set ``MINGBAO_ACTION_SECRET``, ``MINGBAO_RASA_TOKEN`` and
    ``MINGBAO_COOKIE_SECRET`` to choose them (e.g. to call Rasa's API from a script).
    """
    return dataclasses.replace(
        settings,
        action_secret=settings.action_secret or secrets.token_urlsafe(32),
        rasa_token=settings.rasa_token or secrets.token_urlsafe(32),
        cookie_secret=settings.cookie_secret or secrets.token_urlsafe(32),
    )


def child_environment(settings: Settings) -> dict[str, str]:
    """The environment every child gets: ours, plus the ports and secrets the Rasa files use."""
    environment = {
        **os.environ,
        "DATABASE_URL": settings.database_url,
        "ACTIONS_PORT": str(settings.actions_port),
        "RASA_PORT": str(settings.rasa_port),
        "DESK_PORT": str(settings.desk_port),
        "TF_CPP_MIN_LOG_LEVEL": os.environ.get("TF_CPP_MIN_LOG_LEVEL", "3"),
    }
    if settings.action_secret:
        environment["MINGBAO_ACTION_SECRET"] = settings.action_secret
    if settings.rasa_token:
        environment["MINGBAO_RASA_TOKEN"] = settings.rasa_token
    if settings.cookie_secret:
        environment["MINGBAO_COOKIE_SECRET"] = settings.cookie_secret
    return environment


def start(name: str, command: Sequence[str], ready_url: str, settings: Settings) -> Process:
    """Start one of MingBao's processes from the project folder with the child environment."""
    return spawn(name, command, ready_url, cwd=PROJECT_ROOT, env=child_environment(settings))


def action_server(settings: Settings) -> Process:
    """The action server (``bot.runtime.action_server``) on ``127.0.0.1:ACTIONS_PORT``."""
    command = [sys.executable, "-m", "bot.runtime.action_server"]
    return start(
        "action server", command, f"http://127.0.0.1:{settings.actions_port}/health", settings
    )


def rasa_server(settings: Settings, model: Path) -> Process:
    """The Rasa server on ``127.0.0.1:RASA_PORT``: REST and socket.io channels, and the HTTP
    API behind ``MINGBAO_RASA_TOKEN`` (``bot.runtime.rasa_main`` adds it, so no process list shows it).
    No CORS: browsers reach Rasa only through the chat page's own endpoint."""
    command = [
        sys.executable,
        "-m",
        "bot.runtime.rasa_main",
        "run",
        "--model",
        str(model),
        "--enable-api",
    ]
    command += ["--interface", "127.0.0.1", "--port", str(settings.rasa_port)]
    command += ["--endpoints", "endpoints.yml", "--credentials", "credentials.yml"]
    token = f"?token={settings.rasa_token}" if settings.rasa_token else ""
    return start("Rasa server", command, f"{settings.rasa_url}/status{token}", settings)


def chat_page(settings: Settings) -> Process:
    """The web chat page and the agent desk on ``DESK_PORT``."""
    command = [sys.executable, "-m", "bot.desk", "serve"]
    return start("chat page", command, f"http://127.0.0.1:{settings.desk_port}/chat", settings)


def _stop(signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt(signal.Signals(signum).name)


def wechat_line(settings: Settings) -> str:
    """Where WeChat calls in, or that the channel is off and how to turn it on."""
    if not os.environ.get("WECHAT_TOKEN", "").strip():
        return (
            "off (set WECHAT_TOKEN, WECHAT_APP_ID, WECHAT_APP_SECRET to turn it on; docs/wechat.md)"
        )
    return f"{settings.rasa_url}/webhooks/wechat/webhook (behind the insurer's proxy)"


def serve(settings: Settings, model: Path, out: TextIO) -> int:
    """Start the three processes, print where to chat, wait until stopped."""
    processes: list[Process] = []
    try:
        processes.append(action_server(settings))
        processes.append(rasa_server(settings, model))
        processes.append(chat_page(settings))
        for process in processes:
            wait_ready(process)
        print(
            "\nMingBao is running:\n"
            f"  chat page        http://127.0.0.1:{settings.desk_port}/chat\n"
            f"  agent desk       http://127.0.0.1:{settings.desk_port}/desk"
            "  (first account: .venv/bin/python -m bot.desk users add NAME --role admin)\n"
            f"  REST channel     {settings.rasa_url}/webhooks/rest/webhook\n"
            f"  socket.io        {settings.rasa_url}/socket.io\n"
            f"  action server    http://127.0.0.1:{settings.actions_port}/webhook\n"
            f"  WeChat channel   {wechat_line(settings)}\n"
            f"A process that stops is started again; {READY}.",
            file=out,
            flush=True,
        )
        supervise(processes)
        return 0
    except StartError as exc:
        print(f"error: {exc}", file=out)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        stop_all(processes)
        print("MingBao stopped.", file=out, flush=True)


def shell(settings: Settings, model: Path, out: TextIO) -> int:
    """Chat in the terminal with ``rasa shell`` while the action server runs."""
    actions = action_server(settings)
    try:
        wait_ready(actions)
        command = [sys.executable, "-m", "bot.runtime.rasa_main", "shell", "--model", str(model)]
        command += ["--endpoints", "endpoints.yml", "--port", str(settings.rasa_port)]
        return subprocess.run(
            command, cwd=PROJECT_ROOT, env=child_environment(settings), check=False
        ).returncode
    except (StartError, KeyboardInterrupt) as exc:
        print(f"stopped: {exc}", file=out)
        return 1
    finally:
        stop_all([actions])


def main(argv: Sequence[str] | None = None, out: TextIO = sys.stdout) -> int:
    """Prepare, train when stale, then serve (or ``--shell``)."""
    parser = argparse.ArgumentParser(prog="python -m bot.runtime.run", description=__doc__)
    parser.add_argument("--shell", action="store_true", help="chat in the terminal instead")
    parser.add_argument("--model", type=Path, help="serve this model instead of training one")
    parser.add_argument(
        "--prepare-only", action="store_true", help="ingest and load the demo records, then exit"
    )
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, _stop)
    configure_logging()
    settings = with_secrets(load_settings())
    try:
        failures = prepare(settings, out)
        if args.prepare_only:
            return 1 if failures else 0
        model: Path = args.model or train_if_stale(production_model(), settings, out)
        if not model.exists():
            print(
                f"error: no model at {model}; run make run without --model to train one", file=out
            )
            return 1
        return shell(settings, model, out) if args.shell else serve(settings, model, out)
    except KeyboardInterrupt:
        print("MingBao stopped.", file=out)
        return 0


def train_if_stale(spec: ModelSpec, settings: Settings, out: TextIO) -> Path:
    """The model, trained first when its inputs changed."""
    print(ensure_trained(spec, settings), file=out, flush=True)
    return spec.path


if __name__ == "__main__":
    sys.exit(main())
