"""The desk's JSON API over real HTTP on loopback, with a fake Rasa that stores events as Rasa does."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.channels.wechat.config import WeChatConfig
from bot.channels.wechat.store import WeChatStore
from bot.desk.accounts import SqlAccounts
from bot.desk.app import create_app
from bot.desk.config import DeskConfig
from bot.desk.notify import signature
from bot.desk.tickets import Priority, SqlTicketDesk, Status
from bot.settings import load_settings
from tests.channels.wechat.fake_wechat import (
    APP_ID,
    APP_SECRET,
    CALLBACK_TOKEN,
    OPENID,
    FakeWeChat,
)
from tests.desk.conftest import DeskServer, sign_in
from tests.desk.fake_rasa import TOKEN, FakeRasa

CITATION = {"product": "KN-CI-2024", "version": "2024", "article": "2.3"}


def csrf(token: str) -> dict[str, str]:
    return {"X-CSRF-Token": token}


def waiting(tickets: SqlTicketDesk, conversation: str = "c1", **kw: Any) -> int:
    ticket, _ = tickets.open_ticket(
        conversation,
        kw.get("reason", "customer_request"),
        kw.get("priority", Priority.NORMAL),
        "[request_human] 转人工",
        kw.get("slots", {"product": "KN-CI-2024", "identity_proof": "0116"}),
        channel=kw.get("channel", "web"),
    )
    return ticket.id


async def test_nothing_under_desk_answers_without_signing_in(desk_server: DeskServer) -> None:
    client = await desk_server.client()
    page = await client.get("/desk", allow_redirects=False)
    assert page.status == 303 and page.headers["Location"] == "/desk/login"
    api = await client.get("/desk/api/tickets")
    assert api.status == 401 and "请先登录" in (await api.json())["error"]
    change = await client.post("/desk/api/tickets/1/claim")
    assert change.status == 401
    assert (await client.get("/desk/login")).status == 200


async def test_sign_in_sets_a_strict_http_only_cookie_and_wrong_passwords_lock(
    desk_server: DeskServer,
) -> None:
    client = await desk_server.client()
    wrong = await client.post(
        "/desk/login", data={"username": "li", "password": "nope"}, allow_redirects=False
    )
    assert wrong.headers["Location"] == "/desk/login?error=failed"
    unknown = await client.post(
        "/desk/login", data={"username": "nobody", "password": "x"}, allow_redirects=False
    )
    assert unknown.headers["Location"] == "/desk/login?error=failed"
    response = await client.post(
        "/desk/login",
        data={"username": "li", "password": "correct horse battery"},
        allow_redirects=False,
    )
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/desk" in cookie
    for _ in range(5):
        last = await client.post(
            "/desk/login", data={"username": "wang", "password": "nope"}, allow_redirects=False
        )
    assert last.headers["Location"] == "/desk/login?error=locked"
    right_but_locked = await client.post(
        "/desk/login",
        data={"username": "wang", "password": "correct horse battery"},
        allow_redirects=False,
    )
    assert right_but_locked.headers["Location"] == "/desk/login?error=locked"


async def test_state_changes_need_the_csrf_token(
    agent: tuple[TestClient, str], tickets: SqlTicketDesk
) -> None:
    client, token = agent
    ticket_id = waiting(tickets)
    refused = await client.post(f"/desk/api/tickets/{ticket_id}/claim")
    assert refused.status == 403 and "CSRF" in (await refused.json())["error"]
    forged = await client.post(f"/desk/api/tickets/{ticket_id}/claim", headers=csrf("forged"))
    assert forged.status == 403
    assert tickets.get(ticket_id).status is Status.OPEN
    claimed = await client.post(f"/desk/api/tickets/{ticket_id}/claim", headers=csrf(token))
    assert claimed.status == 200


async def test_sign_out_ends_the_session(agent: tuple[TestClient, str]) -> None:
    client, token = agent
    assert (await client.post("/desk/logout", headers=csrf(token))).status == 200
    assert (await client.get("/desk/api/me")).status == 401


async def test_an_api_token_works_without_a_cookie_and_a_wrong_one_does_not(
    desk_server: DeskServer, accounts: SqlAccounts, tickets: SqlTicketDesk
) -> None:
    client = await desk_server.client()
    bearer = {"Authorization": f"Bearer {accounts.add_token('wang')}"}
    ticket_id = waiting(tickets)
    listed = await client.get("/desk/api/tickets?status=open", headers=bearer)
    assert [t["id"] for t in (await listed.json())["tickets"]] == [ticket_id]
    claimed = await client.post(f"/desk/api/tickets/{ticket_id}/claim", headers=bearer)
    assert (await claimed.json())["ticket"]["assignee"] == "wang"
    wrong = await client.get("/desk/api/tickets", headers={"Authorization": "Bearer mbd_x"})
    assert wrong.status == 401


async def test_claim_pauses_the_bot_replies_reach_the_transcript_and_resolve_gives_it_back(
    agent: tuple[TestClient, str], tickets: SqlTicketDesk, rasa: FakeRasa
) -> None:
    client, token = agent
    ticket_id = waiting(tickets)
    rasa.customer_says("c1", "我要转人工")
    rasa.bot_says("c1", "等待期为90天。", [CITATION])
    claimed = await client.post(f"/desk/api/tickets/{ticket_id}/claim", headers=csrf(token))
    assert (await claimed.json())["ticket"]["status"] == "claimed"
    assert rasa.kinds("c1") == ["pause", "bot"]
    sent = await client.post(
        f"/desk/api/tickets/{ticket_id}/messages",
        json={"text": "您好，我是人工客服"},
        headers=csrf(token),
    )
    line = (await sent.json())["line"]
    assert (line["author"], line["agent"], line["text"]) == ("agent", "li", "您好，我是人工客服")
    view = await (await client.get(f"/desk/api/tickets/{ticket_id}")).json()
    authors = [(entry["author"], entry["text"][:6]) for entry in view["transcript"]]
    assert authors == [
        ("customer", "我要转人工"),
        ("bot", "等待期为90"),
        ("desk", "人工客服 l"),
        ("agent", "您好，我是人"),
    ]
    assert view["transcript"][1]["citations"] == [CITATION]
    assert "identity_proof" not in view["ticket"]["slots"]
    resolved = await client.post(
        f"/desk/api/tickets/{ticket_id}/resolve",
        json={"category": "answered", "note": "解释了等待期"},
        headers=csrf(token),
    )
    assert (await resolved.json())["ticket"]["resolution"] == {
        "category": "answered",
        "note": "解释了等待期",
    }
    assert rasa.kinds("c1")[-3:] == ["resume", "slot", "bot"]
    late = await client.post(
        f"/desk/api/tickets/{ticket_id}/messages", json={"text": "还在吗"}, headers=csrf(token)
    )
    assert late.status == 409
    history = [(h["actor"], h["to"]) for h in view["history"]]
    assert history == [("bot", "open"), ("li", "claimed")]


async def test_two_agents_claiming_at_once_one_wins_and_the_other_gets_409(
    desk_server: DeskServer, tickets: SqlTicketDesk
) -> None:
    first, second = await desk_server.client(), await desk_server.client()
    tokens = [await sign_in(first, "li"), await sign_in(second, "wang")]
    ticket_id = waiting(tickets)
    responses = await asyncio.gather(
        first.post(f"/desk/api/tickets/{ticket_id}/claim", headers=csrf(tokens[0])),
        second.post(f"/desk/api/tickets/{ticket_id}/claim", headers=csrf(tokens[1])),
    )
    assert sorted(r.status for r in responses) == [200, 409]
    loser = next(r for r in responses if r.status == 409)
    assert "已由" in (await loser.json())["error"]


async def test_when_rasa_does_not_take_the_change_nothing_changes(
    agent: tuple[TestClient, str], tickets: SqlTicketDesk, rasa: FakeRasa
) -> None:
    client, token = agent
    ticket_id = waiting(tickets)
    rasa.status = 503
    refused = await client.post(f"/desk/api/tickets/{ticket_id}/claim", headers=csrf(token))
    assert refused.status == 502 and "未生效" in (await refused.json())["error"]
    ticket = tickets.get(ticket_id)
    assert (ticket.status, ticket.assignee) == (Status.OPEN, None)
    rasa.status = 200
    again = await client.post(f"/desk/api/tickets/{ticket_id}/claim", headers=csrf(token))
    assert again.status == 200


async def test_compliance_reads_but_does_not_handle_and_sees_personal_data_masked(
    desk_server: DeskServer, tickets: SqlTicketDesk, rasa: FakeRasa
) -> None:
    reader, supervisor = await desk_server.client(), await desk_server.client()
    reader_token = await sign_in(reader, "chen")
    await sign_in(supervisor, "zhao")
    ticket_id = waiting(tickets)
    rasa.customer_says("c1", "我的手机13812345678，保单MB2024000020")
    masked = await (await reader.get(f"/desk/api/tickets/{ticket_id}")).json()
    assert masked["transcript"][0]["text"] == "我的手机138****5678，保单MB20****0020"
    plain = await (await supervisor.get(f"/desk/api/tickets/{ticket_id}")).json()
    assert "13812345678" in plain["transcript"][0]["text"]
    claim = await reader.post(f"/desk/api/tickets/{ticket_id}/claim", headers=csrf(reader_token))
    assert claim.status == 403


async def test_the_ticket_shows_what_the_customer_sent_for_it(
    agent: tuple[TestClient, str], tickets: SqlTicketDesk, rasa: FakeRasa
) -> None:
    client, _ = agent
    ticket_id = waiting(tickets, OPENID, channel="wechat")
    tickets.attach(
        ticket_id,
        kind="image",
        channel="wechat",
        url="http://mmbiz.qpic.cn/invoice/0",
        media_id="media-1",
        message_id="6054768590064713728",
        received_at=dt.datetime(2026, 12, 5, 1, 30),
    )
    view = await (await client.get(f"/desk/api/tickets/{ticket_id}")).json()
    assert view["attachments"] == [
        {
            "id": 1,
            "kind": "image",
            "channel": "wechat",
            "url": "http://mmbiz.qpic.cn/invoice/0",
            "media_id": "media-1",
            "received_at": "2026-12-05T01:30:00+00:00",
        }
    ]
    note = view["history"][-1]
    assert (note["actor"], note["from"], note["to"]) == ("customer", "open", "open")
    assert note["note"] == (
        "客户发来一张图片（wechat，北京时间 2026-12-05 09:30）：http://mmbiz.qpic.cn/invoice/0"
        "；MediaId media-1"
    )


async def test_the_queue_is_most_urgent_then_oldest_and_filters(
    agent: tuple[TestClient, str], tickets: SqlTicketDesk
) -> None:
    client, _ = agent
    normal = waiting(tickets, "c1")
    urgent = waiting(tickets, "c2", priority=Priority.URGENT, reason="complaint", channel="rest")
    later = waiting(tickets, "c3")
    queue = (await (await client.get("/desk/api/tickets")).json())["tickets"]
    assert [t["id"] for t in queue] == [urgent, normal, later]
    assert [t["position"] for t in queue] == [1, 2, 3]
    assert queue[0]["reason_label"] == "投诉" and queue[0]["sla_due_at"]
    complaints = await (await client.get("/desk/api/tickets?reason=complaint")).json()
    assert [t["id"] for t in complaints["tickets"]] == [urgent]
    web = await (await client.get("/desk/api/tickets?channel=web")).json()
    assert [t["id"] for t in web["tickets"]] == [normal, later]
    bad = await client.get("/desk/api/tickets?status=everything")
    assert bad.status == 400


async def test_transfer_and_reopen(
    agent: tuple[TestClient, str], tickets: SqlTicketDesk, rasa: FakeRasa
) -> None:
    client, token = agent
    ticket_id = waiting(tickets)
    await client.post(f"/desk/api/tickets/{ticket_id}/claim", headers=csrf(token))
    nobody = await client.post(
        f"/desk/api/tickets/{ticket_id}/transfer", json={"to": "ghost"}, headers=csrf(token)
    )
    assert nobody.status == 400
    moved = await client.post(
        f"/desk/api/tickets/{ticket_id}/transfer", json={"to": "zhao"}, headers=csrf(token)
    )
    assert (await moved.json())["ticket"]["assignee"] == "zhao"
    not_mine = await client.post(
        f"/desk/api/tickets/{ticket_id}/resolve", json={"category": "answered"}, headers=csrf(token)
    )
    assert not_mine.status == 403
    tickets.resolve(ticket_id, "zhao", "answered", "")
    reopened = await client.post(f"/desk/api/tickets/{ticket_id}/reopen", headers=csrf(token))
    assert (await reopened.json())["ticket"]["status"] == "open"
    assert rasa.appended[-1][1][0] == {
        "event": "slot",
        "name": "waiting_for_person",
        "value": str(ticket_id),
    }


async def test_bad_requests_get_errors_a_person_can_act_on(
    agent: tuple[TestClient, str], tickets: SqlTicketDesk
) -> None:
    client, token = agent
    ticket_id = waiting(tickets)
    missing = await client.post("/desk/api/tickets/999/claim", headers=csrf(token))
    assert missing.status == 404 and "没有工单" in (await missing.json())["error"]
    await client.post(f"/desk/api/tickets/{ticket_id}/claim", headers=csrf(token))
    not_json = await client.post(
        f"/desk/api/tickets/{ticket_id}/messages", data="hello", headers=csrf(token)
    )
    assert not_json.status == 415
    empty = await client.post(
        f"/desk/api/tickets/{ticket_id}/messages", json={"text": "  "}, headers=csrf(token)
    )
    assert empty.status == 400
    category = await client.post(
        f"/desk/api/tickets/{ticket_id}/resolve", json={"category": "whatever"}, headers=csrf(token)
    )
    assert category.status == 400 and "answered" in (await category.json())["error"]


async def test_the_desk_app_announces_a_new_ticket_to_the_configured_webhook(
    database_url: str, rasa: FakeRasa, tickets: SqlTicketDesk
) -> None:
    received: asyncio.Queue[dict[str, Any]] = asyncio.Queue()

    async def hook(request: web.Request) -> web.Response:
        body = await request.read()
        assert request.headers["X-MingBao-Signature"] == signature("s3cret", body)
        await received.put(json.loads(body))
        return web.Response()

    receiver = web.Application()
    receiver.router.add_post("/hook", hook)
    async with TestServer(receiver, host="127.0.0.1") as hook_server:
        config = DeskConfig(webhook_url=str(hook_server.make_url("/hook")), webhook_secret="s3cret")
        settings = load_settings(
            {**os.environ, "DATABASE_URL": database_url, "RASA_PORT": str(rasa.port)}
        )
        async with TestServer(create_app(settings, desk_config=config), host="127.0.0.1"):
            ticket_id = waiting(tickets)
            announced = await asyncio.wait_for(received.get(), timeout=10)
    assert (announced["event"], announced["ticket"]["id"]) == ("ticket_opened", ticket_id)


async def test_a_desk_restart_mid_takeover_loses_nothing(
    database_url: str, rasa: FakeRasa, tickets: SqlTicketDesk, accounts: SqlAccounts
) -> None:
    settings = load_settings(
        {
            **os.environ,
            "DATABASE_URL": database_url,
            "RASA_PORT": str(rasa.port),
            "MINGBAO_RASA_TOKEN": TOKEN,
        }
    )
    bearer = {"Authorization": f"Bearer {accounts.add_token('li')}"}
    ticket_id = waiting(tickets)
    async with TestClient(TestServer(create_app(settings, desk_config=DeskConfig()))) as before:
        claimed = await before.post(f"/desk/api/tickets/{ticket_id}/claim", headers=bearer)
        assert claimed.status == 200
    async with TestClient(TestServer(create_app(settings, desk_config=DeskConfig()))) as after:
        view = await (await after.get(f"/desk/api/tickets/{ticket_id}", headers=bearer)).json()
        assert (view["ticket"]["status"], view["ticket"]["assignee"]) == ("claimed", "li")
        sent = await after.post(
            f"/desk/api/tickets/{ticket_id}/messages", json={"text": "我还在"}, headers=bearer
        )
        assert sent.status == 200
        resolved = await after.post(
            f"/desk/api/tickets/{ticket_id}/resolve",
            json={"category": "answered", "note": ""},
            headers=bearer,
        )
        assert resolved.status == 200
    assert rasa.kinds("c1") == ["pause", "bot", "bot", "resume", "slot", "bot"]


async def test_a_reply_to_a_wechat_customer_is_pushed_and_a_refusal_noted_on_the_ticket(
    database_url: str, rasa: FakeRasa, tickets: SqlTicketDesk, accounts: SqlAccounts
) -> None:
    wechat = FakeWeChat()
    await wechat.start()
    settings = load_settings(
        {
            **os.environ,
            "DATABASE_URL": database_url,
            "RASA_PORT": str(rasa.port),
            "MINGBAO_RASA_TOKEN": TOKEN,
        }
    )
    config = WeChatConfig(
        token=CALLBACK_TOKEN,
        app_id=APP_ID,
        app_secret=APP_SECRET,
        encoding_aes_key=None,
        api_base=wechat.api_base,
        database_url=database_url,
    )
    bearer = {"Authorization": f"Bearer {accounts.add_token('li')}"}
    ticket_id = waiting(tickets, OPENID, channel="wechat")
    app = create_app(settings, desk_config=DeskConfig(), wechat_config=config)
    try:
        async with TestClient(TestServer(app)) as client:
            await client.post(f"/desk/api/tickets/{ticket_id}/claim", headers=bearer)
            sent = await client.post(
                f"/desk/api/tickets/{ticket_id}/messages", json={"text": "您好"}, headers=bearer
            )
            assert (await sent.json())["delivery"] == "pushed"
            assert wechat.texts_to(OPENID) == ["人工客服 li 已接入，正在为您服务。", "您好"]
            wechat.fail_next(45015)
            late = await client.post(
                f"/desk/api/tickets/{ticket_id}/messages", json={"text": "还在吗"}, headers=bearer
            )
            assert (await late.json())["delivery"] == "outside_window"
    finally:
        await wechat.close()
    notes = [change.note for change in tickets.history(ticket_id)]
    assert any("微信未送达（45015）" in note for note in notes)
    assert rasa.kinds(OPENID).count("bot") == 3  # both replies kept in the transcript anyway


async def test_a_reply_to_a_customer_who_unfollowed_is_not_pushed_and_noted(
    database_url: str, rasa: FakeRasa, tickets: SqlTicketDesk, accounts: SqlAccounts
) -> None:
    wechat = FakeWeChat()
    await wechat.start()
    settings = load_settings(
        {
            **os.environ,
            "DATABASE_URL": database_url,
            "RASA_PORT": str(rasa.port),
            "MINGBAO_RASA_TOKEN": TOKEN,
        }
    )
    config = WeChatConfig(
        token=CALLBACK_TOKEN,
        app_id=APP_ID,
        app_secret=APP_SECRET,
        encoding_aes_key=None,
        api_base=wechat.api_base,
        database_url=database_url,
    )
    WeChatStore(tickets.engine).record_unfollow(OPENID, 1_700_000_000, 1_700_000_000)
    bearer = {"Authorization": f"Bearer {accounts.add_token('li')}"}
    ticket_id = waiting(tickets, OPENID, channel="wechat")
    app = create_app(settings, desk_config=DeskConfig(), wechat_config=config)
    try:
        async with TestClient(TestServer(app)) as client:
            await client.post(f"/desk/api/tickets/{ticket_id}/claim", headers=bearer)
            sent = await client.post(
                f"/desk/api/tickets/{ticket_id}/messages", json={"text": "您好"}, headers=bearer
            )
            assert (await sent.json())["delivery"] == "unfollowed"
    finally:
        await wechat.close()
    assert wechat.sent == [] and wechat.issued == []  # WeChat was not even asked for a token
    notes = [change.note for change in tickets.history(ticket_id)]
    assert any("客户已取消关注公众号" in note for note in notes)
    assert rasa.kinds(OPENID).count("bot") == 2  # the reply is in the transcript all the same
