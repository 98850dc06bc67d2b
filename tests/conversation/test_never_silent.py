"""Never silence, never stranded (DESIGN.md rule 10): every kind of message, in every state a
conversation can be in — fresh, inside each form, waiting for a person — gets a reply that says
something. Each case is a new customer who first walks into the state, then sends the message.
Needs the test model.
"""

from __future__ import annotations

import json
import subprocess
import time
import urllib.request
from collections.abc import Iterator

import pytest

from tests.conversation.conftest import running_assistant

pytestmark = pytest.mark.conversation

PORTS = {"RASA_PORT": "17505", "ACTIONS_PORT": "17555", "DESK_PORT": "18082"}
RASA = f"http://127.0.0.1:{PORTS['RASA_PORT']}"

# How a customer gets into each state (the demo records: MB2024000002, ID ending 0446).
STATES = {
    "fresh": [],
    "asked for the policy number": ["我的保单还有效吗"],
    "asked for the proof": ["我的保单还有效吗", "MB2024000002"],
    "claim report": ["我要报案", "MB2024000002 0446"],
    "contact change": ["我要改手机号", "MB2024000002 0446"],
    "return visit": ["我要做回访", "MB2024000002 0446"],
    "waiting for a person": ["转人工"],
}
# Every kind of message a customer sends.
MESSAGES = [
    "你好",
    "康宁重疾等待期多久",
    "asdfghjkl",
    "安心多倍保",
    "MB2024000002",
    "0446",
    "你们理赔一直拖着 我要投诉",
    "转人工",
    "不用人工了",
    "算了",
    "😀😀😀",
    "請問猶豫期幾天",
    "我妈去年买的金康医疗 今年住院花了5万 医保报了2万 能报多少 要什么材料",
    "？？？",
]


@pytest.fixture(scope="module")
def assistant() -> Iterator[subprocess.Popen[str]]:
    for process, _output in running_assistant(PORTS):
        yield process


def chat(sender: str, message: str) -> list[str]:
    body = json.dumps({"sender": sender, "message": message}).encode()
    request = urllib.request.Request(
        f"{RASA}/webhooks/rest/webhook", body, {"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return [reply.get("text") or "" for reply in json.loads(response.read())]


@pytest.mark.parametrize("state", list(STATES))
def test_every_message_in_every_state_gets_a_reply(
    assistant: subprocess.Popen[str], state: str
) -> None:
    silent = []
    for number, message in enumerate(MESSAGES):
        sender = f"e2e-silent-{state}-{number}-{time.time_ns()}"
        for earlier in STATES[state]:
            chat(sender, earlier)
        replies = chat(sender, message)
        if not "".join(replies).strip():
            silent.append(message)
    assert silent == [], f"no reply in the state {state!r} to {silent}"
