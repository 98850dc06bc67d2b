"""Restarting children that die: the delay policy and a real process killed and started again."""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Iterator

import pytest

from bot.runtime.supervisor import (
    MAX_RESTART_DELAY,
    STABLE_SECONDS,
    Process,
    restart_delay,
    spawn,
    stop_all,
    tend,
)

SLEEPER = [sys.executable, "-c", "import time; time.sleep(60)"]


def test_the_delay_doubles_with_each_quick_death_up_to_a_ceiling() -> None:
    delays = [restart_delay(deaths) for deaths in range(1, 9)]
    assert delays[:4] == [1.0, 2.0, 4.0, 8.0]
    assert max(delays) == MAX_RESTART_DELAY
    assert delays == sorted(delays)


@pytest.fixture
def sleeper() -> Iterator[Process]:
    process = spawn("sleeper", SLEEPER, "http://127.0.0.1:9/")
    yield process
    stop_all([process])


@pytest.mark.integration
def test_a_killed_child_is_noted_then_started_again_when_due(sleeper: Process) -> None:
    now = time.monotonic()
    assert tend(sleeper, now) is sleeper and sleeper.restart_at is None
    os.killpg(sleeper.popen.pid, signal.SIGKILL)
    sleeper.popen.wait()
    noted = tend(sleeper, now)
    assert noted is sleeper and noted.restart_at == pytest.approx(now + 1.0)
    assert tend(noted, now + 0.5) is noted  # not due yet
    restarted = tend(noted, now + 1.0)
    try:
        assert restarted is not noted and restarted.popen.poll() is None
        assert restarted.command == SLEEPER and restarted.quick_deaths == 1
    finally:
        stop_all([restarted])


@pytest.mark.integration
def test_a_child_that_ran_a_while_before_dying_starts_over_at_the_shortest_delay(
    sleeper: Process,
) -> None:
    sleeper.quick_deaths = 5
    os.killpg(sleeper.popen.pid, signal.SIGKILL)
    sleeper.popen.wait()
    noted = tend(sleeper, sleeper.started_at + STABLE_SECONDS + 1)
    assert noted.quick_deaths == 1
    assert noted.restart_at == pytest.approx(sleeper.started_at + STABLE_SECONDS + 2)


@pytest.mark.integration
def test_quick_deaths_in_a_row_wait_longer_each_time(sleeper: Process) -> None:
    sleeper.quick_deaths = 2
    os.killpg(sleeper.popen.pid, signal.SIGKILL)
    sleeper.popen.wait()
    noted = tend(sleeper, sleeper.started_at + 1)
    assert noted.quick_deaths == 3
    assert noted.restart_at == pytest.approx(sleeper.started_at + 1 + 4.0)
