"""The shapes of WeChat's server API that MingBao calls, and what each error code asks of it.

Pure: the request bodies, their encoding and the reading of answers. The async client that sends
them (one shared access_token, timeouts, bounded retries) builds on this.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from bot.channels.wechat.errors import WeChatProtocolError

DEFAULT_API_BASE = "https://api.weixin.qq.com"
TOKEN_PATH = "/cgi-bin/token"
STABLE_TOKEN_PATH = "/cgi-bin/stable_token"
CUSTOM_SEND_PATH = "/cgi-bin/message/custom/send"

MAX_PUSHES_PER_TURN = 5
"""Customer-service messages WeChat allows per customer message (48 h window); 3 after a menu
click, a follow or a QR scan (1 min)."""


class ErrorAction(Enum):
    """What an ``errcode`` asks the caller to do."""

    OK = "ok"
    REFRESH_TOKEN = "refresh_token"  # refresh once, then retry once
    OUTSIDE_WINDOW = "outside_window"  # 45015: the customer has not written for 48 h, or left
    OVER_QUOTA = "over_quota"  # 45047: too many pushes for this turn; stop, merge the rest
    RATE_LIMITED = "rate_limited"  # API quota per day/minute: back off
    INVALID_USER = "invalid_user"  # not an OpenID of this account: drop
    BUSY = "busy"  # -1: WeChat is busy; retry later, boundedly
    FAILED = "failed"  # anything else: log and give up


_ACTIONS = {
    0: ErrorAction.OK,
    40001: ErrorAction.REFRESH_TOKEN,
    40014: ErrorAction.REFRESH_TOKEN,
    42001: ErrorAction.REFRESH_TOKEN,
    45015: ErrorAction.OUTSIDE_WINDOW,
    45047: ErrorAction.OVER_QUOTA,
    45009: ErrorAction.RATE_LIMITED,
    45011: ErrorAction.RATE_LIMITED,
    40003: ErrorAction.INVALID_USER,
    -1: ErrorAction.BUSY,
}


def error_action(errcode: int) -> ErrorAction:
    """What to do about an ``errcode`` (0 is success)."""
    return _ACTIONS.get(errcode, ErrorAction.FAILED)


class ApiError(WeChatProtocolError):
    """An answer of WeChat's API with a non-zero ``errcode``.

    Attributes:
        errcode: WeChat's code.
        errmsg: WeChat's message (may carry a ``hint`` to quote to Tencent support).
        action: What the code asks the caller to do.
    """

    def __init__(self, errcode: int, errmsg: str) -> None:
        self.errcode = errcode
        self.errmsg = errmsg
        self.action = error_action(errcode)
        super().__init__(f"WeChat API error {errcode} ({self.action.value}): {errmsg}")


def check_result(answer: Mapping[str, Any]) -> None:
    """Raise :class:`ApiError` unless ``answer`` is a success (no ``errcode`` or ``0``)."""
    errcode = answer.get("errcode", 0)
    if not isinstance(errcode, int) or isinstance(errcode, bool):
        raise ApiError(-2, f"answer without a numeric errcode: {str(answer)[:200]}")
    if errcode != 0:
        raise ApiError(errcode, str(answer.get("errmsg", "")))


@dataclass(frozen=True)
class AccessToken:
    """An access_token and how many seconds WeChat says it lasts (``expires_in``)."""

    token: str
    expires_in: int

    def __repr__(self) -> str:  # a live credential: never in logs
        return f"AccessToken(expires_in={self.expires_in})"


def read_token(answer: Mapping[str, Any]) -> AccessToken:
    """The token in an answer of ``/cgi-bin/token`` or ``/cgi-bin/stable_token``.

    Raises:
        ApiError: An error answer (e.g. 40013 invalid appid, 40164 IP not whitelisted), or one
            without a token and a positive ``expires_in``.
    """
    check_result(answer)
    token, expires_in = answer.get("access_token"), answer.get("expires_in")
    if (
        not isinstance(token, str)
        or not token
        or not isinstance(expires_in, int)
        or expires_in <= 0
    ):
        raise ApiError(-2, "token answer without access_token and a positive expires_in")
    return AccessToken(token, expires_in)


def token_query(app_id: str, secret: str) -> dict[str, str]:
    """The query of ``GET /cgi-bin/token``."""
    return {"grant_type": "client_credential", "appid": app_id, "secret": secret}


def stable_token_body(app_id: str, secret: str, force_refresh: bool = False) -> dict[str, Any]:
    """The JSON body of ``POST /cgi-bin/stable_token``."""
    return {
        "grant_type": "client_credential",
        "appid": app_id,
        "secret": secret,
        "force_refresh": force_refresh,
    }


def custom_text_body(openid: str, content: str, kf_account: str | None = None) -> dict[str, Any]:
    """The JSON body of a customer-service text message, sent as agent ``kf_account`` if given."""
    body: dict[str, Any] = {"touser": openid, "msgtype": "text", "text": {"content": content}}
    if kf_account is not None:
        body["customservice"] = {"kf_account": kf_account}
    return body


def encode_json(body: Mapping[str, Any]) -> bytes:
    """``body`` as UTF-8 JSON with Chinese as is: WeChat has shown ``\\u4f60`` escapes verbatim."""
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
