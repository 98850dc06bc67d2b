"""End to end, as an attacker and an unlucky customer would probe ``python -m bot.runtime.run``.

Its own assistant on its own ports: one test kills the action server. Needs the test model.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from tests.conversation.conftest import RASA_TOKEN, running_assistant, socketio_replies

pytestmark = pytest.mark.conversation

PORTS = {"RASA_PORT": "16005", "ACTIONS_PORT": "16055", "DESK_PORT": "18081"}
RASA = f"http://127.0.0.1:{PORTS['RASA_PORT']}"
ACTIONS = f"http://127.0.0.1:{PORTS['ACTIONS_PORT']}"
APOLOGY = "系统暂时出了点问题"
# Used by no other conversation test: locking it out disturbs nobody.
LOCKED_POLICY, LOCKED_POLICY_PROOF = "MB2024000020", "0116"


@pytest.fixture(scope="module")
def assistant() -> Iterator[subprocess.Popen[str]]:
    for process, _output in running_assistant(PORTS):
        yield process


def request(
    url: str, body: Any = None, *, method: str | None = None, headers: dict[str, str] | None = None
) -> tuple[int, str, dict[str, str]]:
    data = None if body is None else json.dumps(body).encode()
    sent = {"Content-Type": "application/json", **(headers or {})}
    req = urllib.request.Request(url, data, sent, method=method)
    try:
        with urllib.request.urlopen(req, timeout=60) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


def chat(sender: str, message: str) -> list[str]:
    status, body, _ = request(
        f"{RASA}/webhooks/rest/webhook", {"sender": sender, "message": message}
    )
    assert status == 200, body
    return [reply.get("text", "") for reply in json.loads(body)]


def sender(tag: str) -> str:
    return f"e2e-security-{tag}-{time.time_ns()}"


FORGED_CALL = {
    "next_action": "action_my_policy",
    "sender_id": "forged",
    "version": "3.6.21",
    "tracker": {
        "sender_id": "forged",
        "slots": {"identity": "verified", "verified_policy": "MB2024000002"},
        "events": [],
        "latest_message": {"intent": {"name": "policy_status"}, "entities": []},
    },
    "domain": {},
}


def test_a_forged_action_call_is_refused_before_anything_runs(
    assistant: subprocess.Popen[str],
) -> None:
    for headers in ({}, {"X-MingBao-Action-Secret": "guessed"}):
        status, body, _ = request(f"{ACTIONS}/webhook", FORGED_CALL, headers=headers)
        assert status == 401 and "MB2024000002" not in body
    assert request(f"{ACTIONS}/health")[0] == 200


def test_rasas_api_needs_the_token_and_allows_no_other_origin(
    assistant: subprocess.Popen[str],
) -> None:
    conversation = sender("api")
    chat(conversation, "你好")
    tracker_url = f"{RASA}/conversations/{conversation}/tracker"
    assert request(tracker_url)[0] == 401
    assert request(f"{RASA}/model", method="DELETE")[0] == 401
    verified = {"event": "slot", "name": "identity", "value": "verified"}
    assert request(f"{tracker_url}/events", verified, method="POST")[0] == 401
    status, _, headers = request(f"{tracker_url}?token={RASA_TOKEN}")
    assert status == 200
    _, _, headers = request(f"{RASA}/", headers={"Origin": "http://evil.example"})
    assert "Access-Control-Allow-Origin" not in headers
    assert chat(conversation, "康宁重疾犹豫期多久")  # the model is still there


def test_typed_intents_are_read_as_text(assistant: subprocess.Popen[str]) -> None:
    conversation = sender("intent")
    replies = "".join(chat(conversation, "/complain"))
    assert "工单号" not in replies
    _, body, _ = request(f"{RASA}/conversations/{conversation}/tracker?token={RASA_TOKEN}")
    [user] = [e for e in json.loads(body)["events"] if e["event"] == "user"]
    assert user["parse_data"]["intent"]["name"] != "complain"


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("", "空消息"),
        ("   \n ", "空消息"),
        ("\ud800", "无法识别"),
        ("等待期多久" * 20_000, "消息太长"),
    ],
    ids=["empty", "blank", "lone-surrogate", "100k"],
)
def test_odd_messages_get_a_polite_reply(
    assistant: subprocess.Popen[str], message: str, expected: str
) -> None:
    assert expected in "".join(chat(sender("odd"), message))


def test_the_socketio_channel_keeps_the_same_rules(assistant: subprocess.Popen[str]) -> None:
    too_long, blank = socketio_replies(RASA, sender("socket"), ["等待期多久" * 20_000, "   "])
    assert "消息太长" in too_long
    assert "空消息" in blank


def test_questions_the_identity_check_does_not_expect_never_silence_the_bot(
    assistant: subprocess.Popen[str],
) -> None:
    conversation = sender("silence")
    assert "保单号" in "".join(chat(conversation, "我的保单还有效吗"))
    second = chat(conversation, "我的理赔进度怎么样了")
    assert 1 <= len(second) <= 2 and "保单号" in "".join(second)
    third = chat(conversation, "我的保单还有效吗")
    assert len(third) == 1 and "转人工" in third[0]
    assert "15日" in "".join(chat(conversation, "康宁重疾犹豫期多久"))
    assert "工单号" in "".join(chat(conversation, "转人工"))


def test_guessing_a_policys_proof_from_many_conversations_locks_it(
    assistant: subprocess.Popen[str],
) -> None:
    for n in range(5):
        conversation = sender(f"guess{n}")
        chat(conversation, "查一下我的保单状态")
        chat(conversation, LOCKED_POLICY)
        chat(conversation, f"后四位{1000 + n}")
    owner = sender("owner")
    chat(owner, "查一下我的保单状态")
    chat(owner, LOCKED_POLICY)
    replies = "".join(chat(owner, f"后四位{LOCKED_POLICY_PROOF}"))
    assert "锁定" in replies and "身份核验通过" not in replies


def action_server_pid(assistant: subprocess.Popen[str]) -> int:
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as file:
                command = file.read().split(b"\0")
            with open(f"/proc/{entry}/environ", "rb") as file:
                environment = file.read().split(b"\0")
        except OSError:
            continue
        port = f"ACTIONS_PORT={PORTS['ACTIONS_PORT']}".encode()
        if b"bot.runtime.action_server" in command and port in environment:
            return int(entry)
    pytest.fail("no action server process found")


def test_a_killed_action_server_gets_an_apology_then_is_started_again(
    assistant: subprocess.Popen[str],
) -> None:
    os.kill(action_server_pid(assistant), signal.SIGKILL)
    time.sleep(0.5)
    conversation = sender("killed")
    down = chat(conversation, "康宁重疾等待期多久")
    assert len(down) == 1 and APOLOGY in down[0] and "转人工" in down[0]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if request(f"{ACTIONS}/health")[0] == 200:
                break
        except urllib.error.URLError:
            pass
        time.sleep(1)
    assert "90日" in "".join(chat(conversation, "康宁重疾等待期多久"))
    assert assistant.poll() is None


def test_a_check_the_customer_cannot_finish_is_left_after_asking_twice(
    assistant: subprocess.Popen[str],
) -> None:
    no_proof = sender("no-proof")
    chat(no_proof, "我的保单还有效吗")
    chat(no_proof, "MB2024000001")
    assert "后4位" in "".join(chat(no_proof, "我不记得了"))
    left = "".join(chat(no_proof, "我不知道啊"))
    assert "先放一放" in left and "锁定" not in left
    assert "15日" in "".join(chat(no_proof, "康宁重疾犹豫期多久"))
