"""``make run``: prepare the data, train when stale, start every process, stop them all together.

Foreground; Ctrl-C or SIGTERM stops the action server, the Rasa server and the chat page.
``--shell`` chats in the terminal (``rasa shell``) instead of serving.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import TextIO

from bot.db import make_engine
from bot.knowledge.ingest import ingest_files, policy_files
from bot.knowledge.search import domain_words, write_user_dictionary
from bot.knowledge.store import SqlKnowledgeRepository
from bot.model import ModelSpec, ensure_trained, production_model
from bot.records.demo import load_demo_records
from bot.records.store import SqlPolicyRecords
from bot.settings import PROJECT_ROOT, Settings, load_settings

READY_TIMEOUT = 180.0
STOP_TIMEOUT = 15.0


class StartError(RuntimeError):
    """A process did not start; the message says which and what to look at."""


def prepare(settings: Settings, out: TextIO) -> int:
    """Ingest the clause documents, write the jieba dictionary, load the demo records.

    Returns:
        The number of clause documents that failed to ingest (each is reported).
    """
    engine = make_engine(settings.database_url)
    try:
        repository = SqlKnowledgeRepository(engine)
        results = ingest_files(repository, policy_files(settings.policies_dir))
        for result in results:
            print(("error: " if result.status == "failed" else "") + result.message, file=out)
        products = repository.current()
        write_user_dictionary(settings.jieba_dictionary, domain_words(products))
        added = load_demo_records(SqlPolicyRecords(engine), settings.records_dir, dt.date.today())
        print(f"demo records: {added.total} added", file=out)
        print(f"knowledge base: {len(products)} products", file=out)
        return sum(result.status == "failed" for result in results)
    finally:
        engine.dispose()


@dataclass
class Process:
    """A child process and the URL that answers once it is ready."""

    name: str
    popen: subprocess.Popen[bytes]
    ready_url: str


def child_environment(settings: Settings) -> dict[str, str]:
    """The environment every child gets: ours, plus the ports the Rasa files refer to."""
    return {
        **os.environ,
        "DATABASE_URL": settings.database_url,
        "ACTIONS_PORT": str(settings.actions_port),
        "RASA_PORT": str(settings.rasa_port),
        "DESK_PORT": str(settings.desk_port),
        "TF_CPP_MIN_LOG_LEVEL": os.environ.get("TF_CPP_MIN_LOG_LEVEL", "3"),
    }


def spawn(name: str, command: Sequence[str], ready_url: str, settings: Settings) -> Process:
    """Start ``command`` in its own session, so only we decide when it stops."""
    popen = subprocess.Popen(
        list(command), cwd=PROJECT_ROOT, env=child_environment(settings), start_new_session=True
    )
    return Process(name, popen, ready_url)


def action_server(settings: Settings) -> Process:
    """The rasa_sdk action server on ``ACTIONS_PORT``."""
    command = [sys.executable, "-m", "rasa_sdk", "--actions", "actions"]
    command += ["--port", str(settings.actions_port)]
    return spawn(
        "action server", command, f"http://127.0.0.1:{settings.actions_port}/health", settings
    )


def rasa_server(settings: Settings, model: Path) -> Process:
    """The Rasa server with the REST and socket.io channels on ``RASA_PORT``."""
    command = [sys.executable, "-m", "bot.rasa_main", "run", "--model", str(model), "--enable-api"]
    command += ["--interface", "127.0.0.1", "--port", str(settings.rasa_port), "--cors", "*"]
    command += ["--endpoints", "endpoints.yml", "--credentials", "credentials.yml"]
    return spawn("Rasa server", command, f"{settings.rasa_url}/status", settings)


def chat_page(settings: Settings) -> Process:
    """The web chat page on ``DESK_PORT``."""
    command = [sys.executable, "-m", "bot.channels.webchat"]
    return spawn("chat page", command, f"http://127.0.0.1:{settings.desk_port}/chat", settings)


def wait_ready(process: Process, timeout: float = READY_TIMEOUT) -> None:
    """Poll the process's ready URL until it answers 200.

    Raises:
        StartError: the process exited or did not answer in time.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.popen.poll() is not None:
            raise StartError(
                f"{process.name} exited with code {process.popen.returncode} while starting; "
                "its output above says why"
            )
        try:
            with urllib.request.urlopen(process.ready_url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise StartError(f"{process.name} did not answer {process.ready_url} within {timeout:.0f} s")


def stop_all(processes: Sequence[Process]) -> None:
    """SIGTERM every process group, then SIGKILL what is still running after a grace time."""
    for process in processes:
        if process.popen.poll() is None:
            os.killpg(process.popen.pid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_TIMEOUT
    for process in processes:
        try:
            process.popen.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(process.popen.pid, signal.SIGKILL)
            process.popen.wait()


def _stop(signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt(signal.Signals(signum).name)


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
            f"  REST channel     {settings.rasa_url}/webhooks/rest/webhook\n"
            f"  socket.io        {settings.rasa_url}/socket.io\n"
            f"  action server    http://127.0.0.1:{settings.actions_port}/webhook\n"
            "Ctrl-C stops everything.",
            file=out,
            flush=True,
        )
        while all(process.popen.poll() is None for process in processes):
            time.sleep(0.5)
        failed = next(p for p in processes if p.popen.poll() is not None)
        print(f"error: {failed.name} exited with code {failed.popen.returncode}", file=out)
        return 1
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
        command = [sys.executable, "-m", "bot.rasa_main", "shell", "--model", str(model)]
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
    parser = argparse.ArgumentParser(prog="python -m bot.run", description=__doc__)
    parser.add_argument("--shell", action="store_true", help="chat in the terminal instead")
    parser.add_argument("--model", type=Path, help="serve this model instead of training one")
    parser.add_argument(
        "--prepare-only", action="store_true", help="ingest and load the demo records, then exit"
    )
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, _stop)
    settings = load_settings()
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
