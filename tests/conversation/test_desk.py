"""The whole hand-off round trip, end to end: ``python -m bot.runtime.run`` with the test model, a customer
on ``/chat`` and an agent on ``/desk``, each in their own headless Chromium page.

The customer asks for a person → the agent signs in and sees the ticket arrive live → claims it →
replies → the customer sees the reply live → the agent resolves → the bot answers again. Each
step's time and a screenshot go to ``reports/desk-round-trip/``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest
from playwright.async_api import Page, expect

from bot.settings import PROJECT_ROOT
from tests.browser import TIMEOUT_MS, chromium
from tests.conversation.conftest import running_assistant

pytestmark = pytest.mark.conversation

PORTS = {
    "RASA_PORT": "17005",
    "ACTIONS_PORT": "17055",
    "DESK_PORT": "19080",
    "MINGBAO_DESK_HOURS": "always",
}
DESK = f"http://127.0.0.1:{PORTS['DESK_PORT']}"
ARTIFACTS = PROJECT_ROOT / "reports" / "desk-round-trip"
AGENT, PASSWORD = "e2e-agent", "e2e agent password"


@pytest.fixture(scope="module")
def assistant() -> Iterator[subprocess.Popen[str]]:
    added = subprocess.run(
        [sys.executable, "-m", "bot.desk", "users", "add", AGENT, "--role", "agent"],
        input=PASSWORD + "\n",
        cwd=PROJECT_ROOT,
        env={**os.environ, **PORTS},
        capture_output=True,
        text=True,
        check=False,
    )
    assert added.returncode == 0 or "already a user" in added.stderr, added.stderr
    for process, _output in running_assistant(PORTS):
        yield process


class Steps:
    """Times each step from the start and keeps a screenshot of both pages after it."""

    def __init__(self, customer: Page, agent: Page) -> None:
        self.customer, self.agent = customer, agent
        self.start = time.monotonic()
        self.done: list[dict[str, object]] = []
        ARTIFACTS.mkdir(parents=True, exist_ok=True)

    async def step(self, name: str) -> None:
        seconds = round(time.monotonic() - self.start, 2)
        shots = []
        for who, page in (("customer", self.customer), ("agent", self.agent)):
            path = ARTIFACTS / f"{len(self.done) + 1:02d}-{name}-{who}.png"
            await page.screenshot(path=str(path), full_page=True)
            shots.append(str(path.relative_to(PROJECT_ROOT)))
        self.done.append({"step": name, "seconds": seconds, "screenshots": shots})

    def write(self) -> None:
        (ARTIFACTS / "timings.json").write_text(
            json.dumps(self.done, ensure_ascii=False, indent=2), encoding="utf-8"
        )


async def say(page: Page, text: str) -> None:
    box = page.locator("#message-input")
    await box.fill(text)
    await box.press("Enter")
    await expect(page.locator("#send-button")).to_be_enabled()


async def test_a_customer_gets_a_person_and_then_the_bot_back(
    assistant: subprocess.Popen[str],
) -> None:
    async with chromium() as browser:
        customer = await (await browser.new_context(locale="zh-CN")).new_page()
        agent = await (await browser.new_context(locale="zh-CN")).new_page()
        for page in (customer, agent):
            page.set_default_timeout(TIMEOUT_MS)
        steps = Steps(customer, agent)

        await agent.goto(f"{DESK}/desk")
        await expect(agent).to_have_url(f"{DESK}/desk/login")
        await agent.fill("#username", AGENT)
        await agent.fill("#password", PASSWORD)
        await agent.locator("#login-form button[type=submit]").click()
        await expect(agent).to_have_url(f"{DESK}/desk")
        await expect(agent.locator("#signed-in-user")).to_contain_text(AGENT)
        await steps.step("agent-signed-in")

        await customer.goto(f"{DESK}/chat")
        await say(customer, "转人工")
        told = customer.locator("li.line.bot").last
        await expect(told).to_contain_text("工单号")
        await expect(customer.locator("#status-bar")).to_contain_text("人工")
        await steps.step("customer-asked-for-a-person")

        number = re.search(r"工单号 (\d+)", await told.inner_text())
        assert number is not None, "the customer is told the ticket's number"
        ticket_id = number.group(1)
        row = agent.locator(f'#queue-table tr[data-ticket-id="{ticket_id}"]')
        await expect(row).to_be_visible()  # arrived without reloading the queue
        await steps.step("ticket-in-the-queue")

        await agent.goto(f"{DESK}/desk/tickets/{ticket_id}")
        await expect(agent.locator("#transcript li.customer").first).to_contain_text("转人工")
        await agent.locator("#claim").click()
        await expect(agent.locator("#ticket-status")).to_contain_text(AGENT)
        await expect(customer.locator("#status-bar")).to_contain_text(AGENT)
        await steps.step("agent-claimed")

        await say(customer, "我想问一下理赔进度")
        await expect(agent.locator("#transcript li.customer").last).to_contain_text("理赔进度")
        await agent.fill("#reply-input", "您好，我是人工客服，正在为您查询理赔进度。")
        await agent.locator("#send-reply").click()
        await expect(customer.locator("li.line.agent").last).to_contain_text("正在为您查询理赔进度")
        await steps.step("agent-replied-live")

        await agent.select_option("#resolve-category", "answered")
        await agent.fill("#resolve-note", "已告知理赔进度")
        await agent.locator("#resolve").click()
        await expect(customer.locator("li.line.desk").last).to_contain_text("交回智能助手")
        await expect(customer.locator("#status-bar")).to_be_hidden()
        await steps.step("agent-resolved")

        await say(customer, "康宁重疾的等待期多久")
        await expect(customer.locator("li.line.bot").last).to_contain_text("90日")
        await steps.step("bot-answers-again")
        steps.write()
        transcript = await customer.locator("#messages").inner_text()
        assert transcript.index("正在为您查询理赔进度") < transcript.index("交回智能助手")
