"""The customer-service API client: pushes answers to WeChat customers, asynchronously (aiohttp).

One access_token per AppID is shared by every process through :class:`~bot.channels.wechat.store.
WeChatStore`: it is refreshed ahead of expiry by whichever process claims the refresh first (a
conditional update), while the others wait for its token instead of fetching their own — each
fetch would replace the token the others hold. On 40001/40014/42001 the token is refreshed once
(only if no other process did it already) and the send retried once.

``custom/send`` is not idempotent: a send that timed out may have been delivered, so it is never
retried after a timeout (WxJava #2098); only when the connection could not be made or WeChat
answered "busy" (-1), with backoff, a bounded number of times. 45015 (outside the 48 h window)
and 45047 (over the per-turn quota) come back as :class:`SendOutcome` values for the caller to
record; they are not errors of ours.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

import aiohttp

from bot.channels.wechat.api import (
    CUSTOM_SEND_PATH,
    DEFAULT_API_BASE,
    MAX_PUSHES_PER_TURN,
    TOKEN_PATH,
    AccessToken,
    ApiError,
    ErrorAction,
    check_result,
    custom_text_body,
    encode_json,
    error_action,
    read_token,
    token_query,
)
from bot.channels.wechat.replies import MAX_TEXT_BYTES, split_text
from bot.channels.wechat.store import StoredToken, WeChatStore

logger = logging.getLogger(__name__)

REFRESH_AHEAD_SECONDS = 300.0
"""A token is refreshed when it has less than this left (WeChat gives 7200 s)."""
REFRESH_LEASE_SECONDS = 15.0
"""How long a process's claim on the refresh holds before another may take it over."""
DEFAULT_TIMEOUT = aiohttp.ClientTimeout(total=10, connect=3)


class SendOutcome(Enum):
    """How a push went."""

    SENT = "pushed"
    OUTSIDE_WINDOW = "outside_window"  # 45015: no customer message in 48 h, or unfollowed
    OVER_QUOTA = "over_quota"  # 45047: more pushes than this turn allows
    INVALID_USER = "invalid_user"  # 40003: not an OpenID of this account
    UNFOLLOWED = "unfollowed"  # the customer unfollowed the account: not sent at all
    FAILED = "failed"  # anything else, after the bounded retries


@dataclass(frozen=True)
class SendResult:
    """What :meth:`WeChatClient.send_text` did.

    Attributes:
        outcome: ``SENT`` when every message went out, else why the first failure stopped it.
        sent: Messages delivered before it stopped.
        errcode: WeChat's code of the failure, ``None`` for a network failure or success.
    """

    outcome: SendOutcome
    sent: int
    errcode: int | None = None


_OUTCOMES = {
    ErrorAction.OUTSIDE_WINDOW: SendOutcome.OUTSIDE_WINDOW,
    ErrorAction.OVER_QUOTA: SendOutcome.OVER_QUOTA,
    ErrorAction.INVALID_USER: SendOutcome.INVALID_USER,
}


class TokenUnavailableError(RuntimeError):
    """No access_token could be had: WeChat refused (wrong secret, IP not whitelisted) or is down."""


class SharedAccessToken:
    """The access_token every process shares, refreshed by one of them at a time.

    Args:
        store: Where the token lives.
        app_id: The account's AppID (one token row per AppID).
        fetch: Asks WeChat for a new token.
        clock: Unix seconds now.
        refresh_ahead: Seconds before expiry at which a refresh is due.
        lease: Seconds a claim on the refresh holds.
        poll: Seconds between looks at the store while another process refreshes.
    """

    def __init__(
        self,
        store: WeChatStore,
        app_id: str,
        fetch: Callable[[], Awaitable[AccessToken]],
        clock: Callable[[], float] = time.time,
        refresh_ahead: float = REFRESH_AHEAD_SECONDS,
        lease: float = REFRESH_LEASE_SECONDS,
        poll: float = 0.1,
    ) -> None:
        self._store = store
        self._app_id = app_id
        self._fetch = fetch
        self._clock = clock
        self._ahead = refresh_ahead
        self._lease = lease
        self._poll = poll
        self._lock = asyncio.Lock()

    async def _read(self) -> StoredToken | None:
        return await asyncio.to_thread(self._store.read_token, self._app_id)

    async def current(self) -> StoredToken:
        """A token with time left, refreshed first when it is due."""
        stored = await self._read()
        if stored and stored.token and stored.expires_at - self._ahead > self._clock():
            return stored
        return await self._refresh(stored.version if stored else 0, still_valid=True)

    async def replace(self, rejected: StoredToken) -> StoredToken:
        """A token other than ``rejected``, which WeChat refused (40001/40014/42001)."""
        return await self._refresh(rejected.version, still_valid=False)

    async def _refresh(self, seen_version: int, still_valid: bool) -> StoredToken:
        # One refresher per process; across processes the store's conditional updates decide.
        async with self._lock:
            # Real time, whatever clock decides expiry: a claim that never ends must not hang us.
            deadline = time.monotonic() + 2 * self._lease
            while True:
                now = self._clock()
                stored = await self._read()
                if stored and stored.version != seen_version and stored.expires_at > now:
                    return stored  # another refresher (here or elsewhere) finished
                claimed = await asyncio.to_thread(
                    self._store.claim_refresh, self._app_id, seen_version, now, self._lease
                )
                if claimed:
                    return await self._fetch_and_save(seen_version)
                if stored and stored.version != seen_version:
                    seen_version = stored.version  # moved on but expired: refresh that one
                    continue
                if still_valid and stored and stored.token and stored.expires_at > now:
                    return stored  # due, but another process is on it; this one still works
                if time.monotonic() > deadline:
                    raise TokenUnavailableError(
                        "another process claimed the access_token refresh and stored nothing "
                        f"within {2 * self._lease:.0f} s"
                    )
                await asyncio.sleep(self._poll)

    async def _fetch_and_save(self, seen_version: int) -> StoredToken:
        try:
            fresh = await self._fetch()
        except BaseException:
            await asyncio.to_thread(self._store.release_refresh, self._app_id, seen_version)
            raise
        expires_at = self._clock() + fresh.expires_in
        saved = await asyncio.to_thread(
            self._store.save_token, self._app_id, seen_version, fresh.token, expires_at
        )
        if saved:
            logger.info("WeChat access_token refreshed (version %d)", seen_version + 1)
            return StoredToken(fresh.token, expires_at, seen_version + 1, None)
        stored = await self._read()  # our claim lapsed and another process stored its token
        if stored is None:
            raise TokenUnavailableError("the access_token row disappeared during a refresh")
        return stored


class WeChatClient:
    """WeChat's customer-service message API for one Official Account.

    Args:
        session: The aiohttp session to send with (its owner closes it).
        store: Where the shared access_token lives.
        app_id: The account's AppID (``WECHAT_APP_ID``).
        app_secret: Its AppSecret (``WECHAT_APP_SECRET``); never logged.
        api_base: ``WECHAT_API_BASE``, WeChat's host unless tests point it at a fake.
        timeout: Per request.
        attempts: Tries per request when the connection fails or WeChat is busy (-1).
        backoff: Seconds before the second try, doubled for each further one.
        clock: Unix seconds now.
    """

    def __init__(
        self,
        session: aiohttp.ClientSession,
        store: WeChatStore,
        app_id: str,
        app_secret: str,
        api_base: str = DEFAULT_API_BASE,
        *,
        timeout: aiohttp.ClientTimeout = DEFAULT_TIMEOUT,
        attempts: int = 3,
        backoff: float = 0.5,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._session = session
        self._app_id = app_id
        self._secret = app_secret
        self._base = api_base.rstrip("/")
        self._timeout = timeout
        self._attempts = max(1, attempts)
        self._backoff = backoff
        self._store = store
        self.token = SharedAccessToken(store, app_id, self._fetch_token, clock)

    def __repr__(self) -> str:  # never the secret
        return f"WeChatClient(app_id={self._app_id!r}, api_base={self._base!r})"

    async def _fetch_token(self) -> AccessToken:
        # The token endpoint is idempotent, so a timeout may be retried too.
        for attempt in range(self._attempts):
            try:
                async with self._session.get(
                    self._base + TOKEN_PATH,
                    params=token_query(self._app_id, self._secret),
                    timeout=self._timeout,
                ) as response:
                    answer = await response.json(content_type=None)
                return read_token(answer)
            except ApiError as error:
                if error.action is not ErrorAction.BUSY or attempt + 1 == self._attempts:
                    raise TokenUnavailableError(str(error)) from None
            except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as error:
                if attempt + 1 == self._attempts:
                    raise TokenUnavailableError(
                        f"WeChat's token endpoint {self._base}{TOKEN_PATH} failed "
                        f"{self._attempts} times: {type(error).__name__}: {error}"
                    ) from None
            await asyncio.sleep(self._backoff * 2**attempt)
        raise AssertionError("unreachable")

    async def _post(self, path: str, token: str, body: Mapping[str, Any]) -> Mapping[str, Any]:
        """POST ``body`` as UTF-8 JSON; retried only when nothing can have been delivered."""
        for attempt in range(self._attempts):
            try:
                async with self._session.post(
                    self._base + path,
                    params={"access_token": token},
                    data=encode_json(body),
                    headers={"Content-Type": "application/json; charset=utf-8"},
                    timeout=self._timeout,
                ) as response:
                    answer = await response.json(content_type=None)
                if not isinstance(answer, dict):
                    return {"errcode": -2, "errmsg": f"not a JSON object: {str(answer)[:100]}"}
                if answer.get("errcode") != -1 or attempt + 1 == self._attempts:
                    return answer
            except aiohttp.ClientConnectorError:
                if attempt + 1 == self._attempts:
                    raise
            await asyncio.sleep(self._backoff * 2**attempt)
        raise AssertionError("unreachable")

    async def _send(self, body: Mapping[str, Any]) -> tuple[int, str]:
        """One customer-service message; WeChat's ``(errcode, errmsg)``."""
        token = await self.token.current()
        answer = await self._post(CUSTOM_SEND_PATH, token.token, body)
        try:
            check_result(answer)
        except ApiError as error:
            if error.action is not ErrorAction.REFRESH_TOKEN:
                return error.errcode, error.errmsg
            logger.info("WeChat refused the access_token (%d); refreshing once", error.errcode)
            token = await self.token.replace(token)
            answer = await self._post(CUSTOM_SEND_PATH, token.token, body)
            try:
                check_result(answer)
            except ApiError as again:
                return again.errcode, again.errmsg
        return 0, ""

    async def send_text(
        self, openid: str, text: str, max_messages: int = MAX_PUSHES_PER_TURN
    ) -> SendResult:
        """Push ``text`` to ``openid``, split at sentence ends into messages WeChat accepts.

        At most ``max_messages`` are sent (WeChat allows 5 per customer message); what does not
        fit in them is dropped, and the drop logged. Nothing is sent to a customer who unfollowed
        the account (WeChat would refuse it), whether the answer was pending when they did or an
        agent's reply comes later: ``UNFOLLOWED``.
        """
        if await asyncio.to_thread(self._store.has_unfollowed, openid):
            logger.info("not pushed to %s: the customer unfollowed the account", openid)
            return SendResult(SendOutcome.UNFOLLOWED, 0)
        pieces = split_text(text, MAX_TEXT_BYTES)
        if len(pieces) > max_messages:
            logger.warning(
                "WeChat answer to %s is %d messages; only the first %d are pushed",
                openid,
                len(pieces),
                max_messages,
            )
            pieces = pieces[:max_messages]
        sent = 0
        for piece in pieces:
            try:
                errcode, errmsg = await self._send(custom_text_body(openid, piece))
            except (aiohttp.ClientError, asyncio.TimeoutError, TokenUnavailableError) as error:
                logger.warning(
                    "WeChat push to %s failed: %s: %s", openid, type(error).__name__, error
                )
                return SendResult(SendOutcome.FAILED, sent)
            if errcode:
                outcome = _OUTCOMES.get(error_action(errcode), SendOutcome.FAILED)
                logger.warning("WeChat push to %s refused: %d %s", openid, errcode, errmsg)
                return SendResult(outcome, sent, errcode)
            sent += 1
        return SendResult(SendOutcome.SENT, sent)
