"""End to end: ``python -m bot.runtime.run`` with the test model, real HTTP on loopback, then SIGTERM.

Needs the test model (``make conversation`` trains it first) and the test database prepared.
"""

from __future__ import annotations

import json
import signal
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.async_api import expect
from sqlalchemy import select

from bot.db import make_engine
from bot.desk.tables import tickets
from bot.settings import load_settings
from tests.browser import chromium_page
from tests.conversation.conftest import RASA_TOKEN, running_assistant, socketio_replies
from tools.evaluate import check_case, load_answer_cases, rest_chat

pytestmark = pytest.mark.conversation

PORTS = {"RASA_PORT": "15005", "ACTIONS_PORT": "15055", "DESK_PORT": "18080"}
RASA = f"http://127.0.0.1:{PORTS['RASA_PORT']}"


@pytest.fixture(scope="module")
def started() -> Iterator[tuple[subprocess.Popen[str], str]]:
    yield from running_assistant(PORTS)


@pytest.fixture(scope="module")
def assistant(started: tuple[subprocess.Popen[str], str]) -> subprocess.Popen[str]:
    return started[0]


def post(url: str, body: dict[str, Any]) -> Any:
    request = urllib.request.Request(
        url, json.dumps(body).encode(), {"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)


def chat(sender: str, message: str) -> str:
    replies = post(f"{RASA}/webhooks/rest/webhook", {"sender": sender, "message": message})
    return "\n".join(reply.get("text", "") for reply in replies)


def test_prints_where_to_chat(started: tuple[subprocess.Popen[str], str]) -> None:
    output = started[1]
    assert f"http://127.0.0.1:{PORTS['DESK_PORT']}/chat" in output
    assert f"{RASA}/webhooks/rest/webhook" in output


def test_consultation_keeps_the_product_across_turns(assistant: subprocess.Popen[str]) -> None:
    sender = f"e2e-consult-{time.time_ns()}"
    first = chat(sender, "安心多倍保 原位癌算重疾吗？")
    assert "轻症" in first and "20%" in first and "依据《安心多倍保重大疾病保险条款》" in first
    assert "理赔审核" in first
    follow_up = chat(sender, "那等待期呢")
    assert "180日" in follow_up and "安心多倍保" in follow_up
    assert "90日" not in follow_up


def test_traditional_characters_and_the_web_chat_page(assistant: subprocess.Popen[str]) -> None:
    replies = post(
        f"http://127.0.0.1:{PORTS['DESK_PORT']}/chat/messages",
        {"sender": f"e2e-page-{time.time_ns()}", "message": "金康百萬醫療的免賠額是多少"},
    )
    text = "\n".join(reply["text"] for reply in replies)
    assert "1万" in text or "10000" in text or "1 万" in text
    assert "金康百万医疗保险" in text


async def test_a_customer_in_a_browser_gets_cited_answers_in_context(
    assistant: subprocess.Popen[str],
) -> None:
    async with chromium_page() as page:
        await page.goto(f"http://127.0.0.1:{PORTS['DESK_PORT']}/chat")
        box = page.locator("#message-input")
        await box.fill("康宁重疾 原位癌算重疾吗")
        await box.press("Enter")
        answer = page.locator("li.line.bot").first
        await expect(answer).to_contain_text("依据《康宁终身重大疾病保险条款》（2024版）")
        await expect(answer).to_contain_text("不在本产品的保障范围内")
        await expect(answer).to_contain_text("理赔审核")
        await expect(page.locator("#send-button")).to_be_enabled()
        await box.fill("那等待期呢")
        await box.press("Enter")
        follow_up = page.locator("li.line.bot").nth(1)
        await expect(follow_up).to_contain_text("等待期为90日")
        await expect(follow_up).to_contain_text("第2.3条")
        assert "一定赔" not in (await page.locator("#messages").inner_text())


def test_identity_check_then_personal_dates(assistant: subprocess.Popen[str]) -> None:
    sender = f"e2e-identity-{time.time_ns()}"
    assert "保单号" in chat(sender, "我的等待期过了吗")
    assert "后4位" in chat(sender, "MB2024000002")
    reply = chat(sender, "身份证后四位0446")
    assert "身份核验通过" in reply
    assert "等待期90日" in reply and "第2.3条" in reply


def test_three_wrong_proofs_lock_personal_data(assistant: subprocess.Popen[str]) -> None:
    sender = f"e2e-lock-{time.time_ns()}"
    chat(sender, "帮我查下保单状态")
    for _ in range(2):
        chat(sender, "MB2024000002")
        assert "还可尝试" in chat(sender, "后四位9999")
    chat(sender, "MB2024000002")
    assert "锁定" in chat(sender, "后四位9999")
    reply = chat(sender, "我的保单还有效吗")
    assert "MB2024000002" not in reply


def test_complaint_opens_a_ticket_keeps_listening_and_leaves_provenance(
    assistant: subprocess.Popen[str],
) -> None:
    sender = f"e2e-complaint-{time.time_ns()}"
    chat(sender, "康宁重疾等待期多久")
    reply = chat(sender, "你们这服务太差了，我要投诉到银保监会！")
    assert "工单号" in reply
    waiting = chat(sender, "人呢？")  # never silent while the customer waits (rule 10)
    assert waiting != "" and "康宁终身重大疾病保险条款" not in waiting
    engine = make_engine(load_settings().database_url)
    with engine.connect() as conn:
        row = conn.execute(select(tickets).where(tickets.c.conversation_id == sender)).one()
    engine.dispose()
    assert (row.reason, row.priority, row.status) == ("complaint", "high", "open")
    assert "银保监会" in row.summary and row.slots["product"] == "KN-CI-2024"
    tracker_url = f"{RASA}/conversations/{sender}/tracker?token={RASA_TOKEN}"
    with urllib.request.urlopen(tracker_url, timeout=30) as response:
        tracker = json.load(response)
    assert tracker["paused"] is False
    assert tracker["slots"]["waiting_for_person"] == str(row.id)
    bot = [e for e in tracker["events"] if e["event"] == "bot"]
    consult = bot[0]["metadata"]
    assert consult["intent"] == "ask_waiting_period" and consult["intent_confidence"] > 0.5
    assert consult["action"] == "action_consult"
    assert {"product": "KN-CI-2024", "version": "2024", "article": "2.3"} in consult["citations"]
    assert all("intent" in e["metadata"] and "action" in e["metadata"] for e in bot)


def test_socketio_channel_answers(assistant: subprocess.Popen[str]) -> None:
    session = f"e2e-socket-{time.time_ns()}"
    [reply] = socketio_replies(RASA, session, ["康宁重疾犹豫期多久"])
    assert "15日" in reply and "第1.4条" in reply


@pytest.mark.parametrize("case", load_answer_cases(), ids=lambda case: case["name"])
def test_answers_hold_the_facts(assistant: subprocess.Popen[str], case: dict[str, Any]) -> None:
    result = check_case(case, rest_chat(RASA), f"e2e-answers-{time.time_ns()}")
    assert result.problems == []


def test_sigterm_stops_every_process(assistant: subprocess.Popen[str]) -> None:
    assistant.send_signal(signal.SIGTERM)
    out, _ = assistant.communicate(timeout=60)
    assert assistant.returncode == 0
    assert "MingBao stopped." in out
    with pytest.raises(OSError):
        urllib.request.urlopen(f"{RASA}/", timeout=2)
