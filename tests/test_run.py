"""``make run``'s entry point: ingests, answers in the foreground, stops cleanly on SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path


def start(tmp_path: Path) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'run.db'}",
        "TF_CPP_MIN_LOG_LEVEL": "3",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "bot.run"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_run_answers_with_context_and_stops_at_end_of_input(tmp_path: Path) -> None:
    process = start(tmp_path)
    out, err = process.communicate("康宁重疾 原位癌算重疾吗\n那等待期呢？\n", timeout=120)
    assert process.returncode == 0, err
    assert "KN-CI-2024 康宁终身重大疾病保险 version 2024: ingested" in out
    assert "不在本产品的保障范围内" in out
    assert "《康宁终身重大疾病保险》的等待期为90日" in out
    assert out.rstrip().endswith("MingBao stopped.")


def test_run_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    process = start(tmp_path)
    assert process.stdout is not None
    deadline = time.monotonic() + 120
    seen = ""
    while "Ctrl-C stops" not in seen and time.monotonic() < deadline:
        seen += process.stdout.readline()
    process.send_signal(signal.SIGTERM)
    rest, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "MingBao stopped." in rest
