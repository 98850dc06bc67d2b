"""Child processes of ``make run``: start them, wait until they answer, restart the ones that die.

A child that exits is logged and started again after a pause that doubles with each quick death
(1, 2, 4 … 30 s); one that ran for a minute before dying starts again after 1 s.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

READY_TIMEOUT = 180.0
STOP_TIMEOUT = 15.0
FIRST_RESTART_DELAY = 1.0
MAX_RESTART_DELAY = 30.0
STABLE_SECONDS = 60.0
POLL_SECONDS = 0.5

logger = logging.getLogger(__name__)


class StartError(RuntimeError):
    """A process did not start; the message says which and what to look at."""


@dataclass
class Process:
    """A child process, how to start it again and the URL that answers once it is ready."""

    name: str
    popen: subprocess.Popen[bytes]
    ready_url: str
    command: list[str] = field(default_factory=list)
    cwd: Path | None = None
    env: Mapping[str, str] | None = None
    started_at: float = field(default_factory=time.monotonic)
    quick_deaths: int = 0
    restart_at: float | None = None


def spawn(
    name: str,
    command: Sequence[str],
    ready_url: str,
    *,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> Process:
    """Start ``command`` in its own session, so only we decide when it stops."""
    popen = subprocess.Popen(list(command), cwd=cwd, env=env, start_new_session=True)
    return Process(name, popen, ready_url, list(command), cwd, env)


def restart_delay(quick_deaths: int) -> float:
    """Seconds to wait before starting a child again after ``quick_deaths`` deaths in a row."""
    return min(MAX_RESTART_DELAY, FIRST_RESTART_DELAY * 2.0 ** max(0, quick_deaths - 1))


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
        if answers(process.ready_url):
            return
        time.sleep(POLL_SECONDS)
    raise StartError(f"{process.name} did not answer {process.ready_url} within {timeout:.0f} s")


def answers(url: str) -> bool:
    """Whether ``url`` answers 200 within 2 seconds."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def tend(process: Process, now: float) -> Process:
    """One look at a child: note its death and when to restart it, or restart it when due.

    Returns:
        The same child, or the restarted one.
    """
    if process.restart_at is None:
        code = process.popen.poll()
        if code is None:
            return process
        quick = now - process.started_at < STABLE_SECONDS
        process.quick_deaths = process.quick_deaths + 1 if quick else 1
        delay = restart_delay(process.quick_deaths)
        process.restart_at = now + delay
        logger.error(
            "%s exited with code %s; starting it again in %.0f s", process.name, code, delay
        )
        return process
    if now < process.restart_at:
        return process
    restarted = spawn(
        process.name, process.command, process.ready_url, cwd=process.cwd, env=process.env
    )
    restarted.quick_deaths = process.quick_deaths
    logger.warning("%s started again (pid %d)", process.name, restarted.popen.pid)
    return restarted


def supervise(processes: list[Process]) -> None:
    """Restart children that die, until KeyboardInterrupt (Ctrl-C or SIGTERM in ``bot.runtime.run``).

    ``processes`` is updated in place, so the caller stops the children that run at the end.
    """
    while True:
        for index, process in enumerate(processes):
            processes[index] = tend(process, time.monotonic())
        time.sleep(POLL_SECONDS)


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
