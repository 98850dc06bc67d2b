"""Starting the whole assistant (``python -m bot.runtime.run`` with the test model) for REST tests."""

from __future__ import annotations

import os
import queue
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest
import socketio

from bot.runtime.model import small_model
from bot.runtime.run import NotReady, started

# What the end-to-end tests use to read Rasa's API; bot.runtime.run would make one up otherwise.
RASA_TOKEN = "e2e-rasa-token"


def running_assistant(ports: dict[str, str]) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """Start the assistant on ``ports``; yield the process and what it printed until ready.

    The process is stopped with SIGTERM afterwards, unless a test already stopped it.
    """
    model = small_model().path
    if not model.exists():
        pytest.fail(f"no test model at {model}: run make conversation, which trains it first")
    env = {**os.environ, "MINGBAO_RASA_TOKEN": RASA_TOKEN, **ports}
    try:
        with started(env, "--model", str(model)) as (process, output):
            yield process, output
    except NotReady as error:
        pytest.fail(f"bot.runtime.run exited before it was ready:\n{error.output}")


def socketio_replies(rasa_url: str, session: str, messages: list[str]) -> list[str]:
    """Send ``messages`` over Rasa's socket.io channel in one session; the first reply to each."""
    client = socketio.Client()
    replies: queue.Queue[dict[str, Any]] = queue.Queue()
    client.on("bot_uttered", replies.put)
    client.connect(rasa_url, socketio_path="/socket.io", transports=["polling"])
    try:
        client.emit("session_request", {"session_id": session})
        texts = []
        for message in messages:
            client.emit("user_uttered", {"message": message, "session_id": session})
            texts.append(str(replies.get(timeout=60).get("text", "")))
        return texts
    finally:
        client.disconnect()
