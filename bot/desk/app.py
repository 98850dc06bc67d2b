"""The web app on ``DESK_PORT``: the customers' chat page (``/chat``) and the agent desk (``/desk``).

One aiohttp app: :func:`bot.channels.webchat.create_app` makes the chat page, and this module adds
the desk to it — sign-in, the JSON API, the pages, the live streams for agents and for the chat
page — with one database engine and one client session to Rasa.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import aiohttp
from aiohttp import web

from bot.channels.webchat import create_app as create_chat_app
from bot.channels.wechat.client import WeChatClient
from bot.channels.wechat.config import WeChatConfig
from bot.channels.wechat.store import WeChatStore
from bot.db import make_engine, migrate
from bot.desk import auth, pages
from bot.desk.accounts import SqlAccounts
from bot.desk.api import DESK, Desk, setup_api
from bot.desk.config import DeskConfig, load_desk_config
from bot.desk.live import setup_live
from bot.desk.notify import Notifier, run_notifications
from bot.desk.rasa_link import RasaLink
from bot.desk.tickets import SqlTicketDesk
from bot.desk.views import load_desk_words
from bot.records.store import SqlPolicyRecords
from bot.settings import Settings

DESK_STATIC = pages.STATIC_DIR


def create_app(
    settings: Settings,
    *,
    desk_config: DeskConfig | None = None,
    cookie_secret: str | None = None,
    rasa_timeout: float | None = None,
    wechat_config: WeChatConfig | None = None,
) -> web.Application:
    """Build the chat page and the desk as one app.

    Args:
        settings: The database, where Rasa listens and its token.
        desk_config: SLA targets, service hours, the webhook; from the environment by default.
        cookie_secret: Signs the chat page's conversation cookies (see the chat page).
        rasa_timeout: Seconds the chat page waits for Rasa's answer.
        wechat_config: Where agents' replies to WeChat customers go; from ``WECHAT_*`` by
            default (none without ``WECHAT_TOKEN``: those replies stay on the ticket).
    """
    extra = {} if rasa_timeout is None else {"rasa_timeout": rasa_timeout}
    app = create_chat_app(settings, cookie_secret=cookie_secret, **extra)
    config = desk_config or load_desk_config()
    engine = make_engine(settings.database_url)
    migrate(engine)
    tickets = SqlTicketDesk(engine)
    accounts = SqlAccounts(engine)
    app[auth.ACCOUNTS] = accounts
    app.middlewares.append(auth.desk_auth)

    wechat = WeChatConfig.from_env() if wechat_config is None else wechat_config

    async def desk_context(app: web.Application) -> AsyncIterator[None]:
        async with aiohttp.ClientSession() as session:
            app[DESK] = Desk(
                tickets=tickets,
                accounts=accounts,
                records=SqlPolicyRecords(engine),
                config=config,
                words=load_desk_words(),
                rasa=RasaLink(session, settings.rasa_url, settings.rasa_token),
                wechat=(
                    WeChatClient(
                        session,
                        WeChatStore(engine),
                        wechat.app_id,
                        wechat.app_secret,
                        wechat.api_base,
                    )
                    if wechat is not None
                    else None
                ),
            )
            notifying = None
            if config.webhook_url:
                notifier = Notifier(
                    engine, config, session, desk_url=f"http://127.0.0.1:{settings.desk_port}"
                )
                notifying = asyncio.create_task(run_notifications(notifier, tickets, config))
            yield
            if notifying is not None:
                notifying.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await notifying
        await asyncio.to_thread(engine.dispose)

    app.cleanup_ctx.append(desk_context)
    app.router.add_get("/desk/login", auth.login_page)
    app.router.add_post("/desk/login", auth.login)
    app.router.add_post("/desk/logout", auth.logout)
    app.router.add_get("/desk", pages.queue_page)
    app.router.add_get("/desk/tickets/{ticket_id}", pages.ticket_page)
    app.router.add_get("/desk/api/me", auth.me)
    if DESK_STATIC.is_dir():
        app.router.add_static("/desk/static", DESK_STATIC)
    setup_api(app)
    setup_live(app)
    return app


@contextlib.asynccontextmanager
async def running(app: web.Application, port: int) -> AsyncIterator[str]:
    """Serve ``app`` on ``127.0.0.1:port`` (0: any free port) while the block runs; its URL."""
    runner = web.AppRunner(app, shutdown_timeout=1.0)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", port)
    await site.start()
    try:
        bound = runner.addresses[0][1]
        yield f"http://127.0.0.1:{bound}"
    finally:
        await runner.cleanup()
