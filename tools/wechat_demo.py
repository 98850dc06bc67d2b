"""``make wechat-demo``: a scripted WeChat customer, through a local fake of WeChat's servers,
against the whole assistant — the answers, a hand-off, an agent's reply from the desk pushed
through WeChat's customer-service API, and the bot answering again.

It starts the fake (tests/channels/wechat/fake_wechat.py), then ``python -m bot.runtime.run`` with the
WeChat channel on in safe mode and pointed at the fake, on ports of its own and a database of its
own (var/demo/), and prints the conversation as the customer would see it on WeChat.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import subprocess
import sys
from dataclasses import dataclass
from typing import Any

import aiohttp
from defusedxml import ElementTree

from bot.runtime.run import NotReady, started
from bot.settings import PROJECT_ROOT
from tests.channels.wechat.fake_wechat import (
    APP_ID,
    APP_SECRET,
    CALLBACK_TOKEN,
    ENCODING_AES_KEY,
    OPENID,
    FakeWeChat,
    event_xml,
    text_xml,
)

PORTS = {"RASA_PORT": "27005", "ACTIONS_PORT": "27055", "DESK_PORT": "28080"}
AGENT, PASSWORD = "demo-agent", "demo agent password"
CUSTOMER_TURNS_BEFORE = ["康宁重疾的等待期多久", "原位癌算重疾吗", "我要转人工"]
AGENT_REPLY = "您好，我是人工客服，已经看过您和智能助手的对话。原位癌的理赔问题我帮您登记核实，稍后电话联系您。"
CUSTOMER_TURNS_AFTER = ["康宁重疾的宽限期多久"]


@dataclass
class Demo:
    """The fake, the running assistant's URLs and what has been printed of the pushes."""

    wechat: FakeWeChat
    rasa: str
    desk: str
    token: str
    pushed: int = 0
    msg_id: int = 7_000_000_000_000_000

    def show_pushes(self) -> None:
        texts = self.wechat.texts_to(OPENID)
        for text in texts[self.pushed :]:
            print(f"  明保（推送）: {text}")
        self.pushed = len(texts)

    async def customer(self, text: str | None, event: str | None = None) -> None:
        if event is not None:
            print(f"客户: [{event}]")
            xml = event_xml(event)
        else:
            print(f"客户: {text}")
            self.msg_id += 1
            xml = text_xml(text or "", self.msg_id)
        done = await self.wechat.deliver(f"{self.rasa}/webhooks/wechat/webhook", xml)
        if done.reply and done.reply != "success":
            content = ElementTree.fromstring(done.reply).findtext("Content") or ""
            print(f"  明保: {content}")
        await asyncio.sleep(1.5)  # an answer that took longer than the deadline is pushed
        self.show_pushes()

    async def desk_call(
        self, session: aiohttp.ClientSession, method: str, path: str, **kw: Any
    ) -> Any:
        headers = {"Authorization": f"Bearer {self.token}"}
        async with session.request(method, f"{self.desk}{path}", headers=headers, **kw) as response:
            body = await response.json()
            if response.status != 200:
                raise RuntimeError(f"{method} {path}: HTTP {response.status} {body}")
            return body

    async def agent(self) -> None:
        async with aiohttp.ClientSession() as session:
            queue = await self.desk_call(session, "GET", "/desk/api/tickets?status=open")
            ticket = next(t for t in queue["tickets"] if t["conversation_id"] == OPENID)
            print(
                f"（坐席 {AGENT} 在工作台看到工单 {ticket['id']}：{ticket['reason_label']}，渠道 {ticket['channel']}）"
            )
            await self.desk_call(session, "POST", f"/desk/api/tickets/{ticket['id']}/claim")
            self.show_pushes()
            print(f"坐席 {AGENT}: {AGENT_REPLY}")
            sent = await self.desk_call(
                session,
                "POST",
                f"/desk/api/tickets/{ticket['id']}/messages",
                json={"text": AGENT_REPLY},
            )
            print(f"（微信送达：{sent['delivery']}）")
            self.show_pushes()
            await self.desk_call(
                session,
                "POST",
                f"/desk/api/tickets/{ticket['id']}/resolve",
                json={"category": "answered", "note": "原位癌理赔待电话核实"},
            )
            print(f"（坐席结束服务，工单 {ticket['id']} 已解决）")
            self.show_pushes()


def desk_account(env: dict[str, str]) -> str:
    """A desk agent for the demo and an API token of theirs."""
    add = [sys.executable, "-m", "bot.desk", "users", "add", AGENT, "--role", "agent"]
    made = subprocess.run(
        add, input=PASSWORD + "\n", env=env, cwd=PROJECT_ROOT, capture_output=True, text=True
    )
    if made.returncode != 0 and "already a user" not in made.stderr:
        raise RuntimeError(made.stderr)
    token = subprocess.run(
        [sys.executable, "-m", "bot.desk", "tokens", "add", AGENT],
        env=env,
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return token.stdout.strip()


async def run() -> int:
    wechat = FakeWeChat(safe_mode=True)
    await wechat.start()
    (PROJECT_ROOT / "var" / "demo").mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        **PORTS,
        "DATABASE_URL": f"sqlite:///{PROJECT_ROOT / 'var' / 'demo' / 'mingbao.db'}",
        "MINGBAO_RASA_TOKEN": secrets.token_hex(16),
        "MINGBAO_DESK_HOURS": "always",
        "WECHAT_TOKEN": CALLBACK_TOKEN,
        "WECHAT_APP_ID": APP_ID,
        "WECHAT_APP_SECRET": APP_SECRET,
        "WECHAT_ENCODING_AES_KEY": ENCODING_AES_KEY,
        "WECHAT_API_BASE": wechat.api_base,
    }
    print(
        "starting the assistant with the WeChat channel on (safe mode) against a local fake of WeChat …"
    )
    try:
        with started(env):
            token = desk_account(env)
            demo = Demo(
                wechat,
                rasa=f"http://127.0.0.1:{PORTS['RASA_PORT']}",
                desk=f"http://127.0.0.1:{PORTS['DESK_PORT']}",
                token=token,
            )
            print("\n—— 微信对话 ——")
            await demo.customer(None, event="subscribe")
            for text in CUSTOMER_TURNS_BEFORE:
                await demo.customer(text)
            await demo.agent()
            for text in CUSTOMER_TURNS_AFTER:
                await demo.customer(text)
            print("—— 结束 ——")
            return 0
    except NotReady as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    finally:
        await wechat.close()


def main() -> int:
    return asyncio.run(run())


if __name__ == "__main__":
    sys.exit(main())
