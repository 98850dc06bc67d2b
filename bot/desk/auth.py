"""Who is asking at ``/desk``: sign-in and sign-out, the session cookie, API tokens, CSRF, roles.

Nothing under ``/desk`` but the sign-in page and its static files answers without a person: a
browser signs in with the form (a session cookie, HttpOnly and SameSite=Strict, Path=/desk), a
program sends ``Authorization: Bearer <token>``. Every state change made with a session cookie
carries the session's CSRF token in ``X-CSRF-Token`` (or the form field ``csrf_token``).
"""

from __future__ import annotations

import asyncio
import functools
import hmac
import json
import logging
from collections.abc import Awaitable, Callable

from aiohttp import web

from bot.desk.accounts import AccountLocked, SqlAccounts, User
from bot.desk.pages import page

SESSION_COOKIE = "mingbao_desk"
PUBLIC = ("/desk/login", "/desk/static/")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

ACCOUNTS = web.AppKey("desk_accounts", SqlAccounts)
USER = "desk_user"
CSRF = "desk_csrf"

logger = logging.getLogger(__name__)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
_dumps = functools.partial(json.dumps, ensure_ascii=False)


def api_error(status: int, error: str) -> web.Response:
    """The JSON every desk API failure gets: ``{"error": "中文 / English"}``."""
    return web.json_response({"error": error}, status=status, dumps=_dumps)


def is_api(request: web.Request) -> bool:
    return request.path.startswith("/desk/api/")


@web.middleware
async def desk_auth(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Find the person behind a ``/desk`` request, or refuse it."""
    if not request.path.startswith("/desk") or request.path.startswith(PUBLIC):
        return await handler(request)
    accounts = request.app[ACCOUNTS]
    authorization = request.headers.get("Authorization", "")
    if authorization.startswith("Bearer "):
        user = await asyncio.to_thread(accounts.token_user, authorization[7:].strip())
        if user is None:
            return api_error(401, "API 令牌无效 / the API token is not valid")
        request[USER] = user
        return await handler(request)
    token = request.cookies.get(SESSION_COOKIE)
    session = await asyncio.to_thread(accounts.session, token) if token else None
    if session is None:
        if is_api(request) or request.method not in SAFE_METHODS:
            return api_error(401, "请先登录 / sign in first (POST /desk/login or a Bearer token)")
        raise web.HTTPSeeOther("/desk/login")
    if request.method not in SAFE_METHODS and not await _csrf_ok(request, session.csrf_token):
        return api_error(
            403,
            "缺少或错误的 CSRF 令牌，请刷新页面后重试 / missing or wrong CSRF token: send the "
            "csrf_token of GET /desk/api/me in the X-CSRF-Token header",
        )
    request[USER] = session.user
    request[CSRF] = session.csrf_token
    return await handler(request)


async def _csrf_ok(request: web.Request, expected: str) -> bool:
    sent = request.headers.get("X-CSRF-Token")
    if sent is None and request.content_type == "application/x-www-form-urlencoded":
        sent = str((await request.post()).get("csrf_token", ""))
    return sent is not None and hmac.compare_digest(sent, expected)


def user_of(request: web.Request) -> User:
    """The person the middleware found."""
    user: User = request[USER]
    return user


def require_handler(request: web.Request) -> User:
    """The person, if their role handles tickets; else 403."""
    user = user_of(request)
    if not user.role.handles_tickets:
        raise web.HTTPForbidden(
            text=_dumps(
                {
                    "error": f"角色 {user.role.value} 只能查看，不能处理工单 / role {user.role.value} may only read"
                }
            ),
            content_type="application/json",
        )
    return user


async def login_page(request: web.Request) -> web.StreamResponse:
    """``GET /desk/login``."""
    return page("login.html")


async def login(request: web.Request) -> web.StreamResponse:
    """``POST /desk/login`` with the form fields ``username`` and ``password``."""
    form = await request.post()
    username = str(form.get("username", "")).strip()
    password = str(form.get("password", ""))
    accounts = request.app[ACCOUNTS]
    try:
        user = await asyncio.to_thread(accounts.authenticate, username, password)
    except AccountLocked:
        logger.warning("Desk sign-in refused for %r: account locked", username)
        raise web.HTTPSeeOther("/desk/login?error=locked") from None
    if user is None:
        logger.info("Desk sign-in failed for %r from %s", username, request.remote)
        raise web.HTTPSeeOther("/desk/login?error=failed")
    token, _session = await asyncio.to_thread(accounts.start_session, user)
    response = web.HTTPSeeOther("/desk")
    response.set_cookie(
        SESSION_COOKIE,
        token,
        path="/desk",
        httponly=True,
        samesite="Strict",
        secure=request.secure,
    )
    logger.info("Desk sign-in: %s (%s)", user.username, user.role.value)
    raise response


async def logout(request: web.Request) -> web.StreamResponse:
    """``POST /desk/logout``: the session ends, the cookie goes."""
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        await asyncio.to_thread(request.app[ACCOUNTS].end_session, token)
    response = web.json_response({"signed_out": True})
    response.del_cookie(SESSION_COOKIE, path="/desk")
    return response


async def me(request: web.Request) -> web.Response:
    """``GET /desk/api/me``: who is signed in, and the CSRF token for their state changes."""
    user = user_of(request)
    return web.json_response(
        {"username": user.username, "role": user.role.value, "csrf_token": request.get(CSRF)}
    )
