"""The API shapes of the research fixtures (token, stable token, customer-service send) and what
each error code asks the client to do."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest

from bot.channels.wechat.api import (
    CUSTOM_SEND_PATH,
    DEFAULT_API_BASE,
    STABLE_TOKEN_PATH,
    TOKEN_PATH,
    AccessToken,
    ApiError,
    ErrorAction,
    check_result,
    custom_text_body,
    encode_json,
    error_action,
    read_token,
    stable_token_body,
    token_query,
)
from tests.channels.wechat.research import FIXTURES

SEND = FIXTURES["customer_service_send"]
TOKEN = FIXTURES["access_token"]


def test_the_token_request_is_the_fixtures() -> None:
    url = f"{DEFAULT_API_BASE}{TOKEN_PATH}?{urlencode(token_query('APPID', 'APPSECRET'))}"
    assert (TOKEN["request"]["method"], url) == ("GET", TOKEN["request"]["url"])


def test_the_stable_token_request_is_the_fixtures() -> None:
    stable = TOKEN["stable_token"]
    assert f"{DEFAULT_API_BASE}{STABLE_TOKEN_PATH}" == stable["url"]
    assert stable_token_body("APPID", "APPSECRET") == stable["json"]


def test_a_token_answer_is_read_and_kept_out_of_repr() -> None:
    token = read_token(TOKEN["ok_response"])
    assert token == AccessToken("ACCESS_TOKEN", 7200)
    assert "ACCESS_TOKEN" not in repr(token)


def test_a_token_error_is_raised_with_its_code() -> None:
    with pytest.raises(ApiError, match=r"40013 .*invalid appid") as raised:
        read_token(TOKEN["error_example"])
    assert raised.value.action is ErrorAction.FAILED


@pytest.mark.parametrize(
    "answer",
    [{}, {"access_token": "", "expires_in": 7200}, {"access_token": "t", "expires_in": 0}],
)
def test_a_token_answer_without_a_token_is_an_error(answer: dict[str, object]) -> None:
    with pytest.raises(ApiError, match="without access_token"):
        read_token(answer)


def test_the_send_request_is_the_fixtures() -> None:
    request = SEND["request"]
    assert f"{DEFAULT_API_BASE}{CUSTOM_SEND_PATH}?access_token=ACCESS_TOKEN" == request["url"]
    assert custom_text_body("OPENID", "Hello World") == request["json"]
    check_result(SEND["ok_response"])


def test_an_agent_reply_names_the_agent() -> None:
    body = custom_text_body("OPENID", "您好", kf_account="test1@kftest")
    assert body["customservice"] == {"kf_account": "test1@kftest"}


def test_chinese_is_sent_as_utf8_not_escaped() -> None:
    encoded = encode_json(custom_text_body("OPENID", "您好，已收到"))
    assert "您好，已收到".encode() in encoded
    assert b"\\u" not in encoded
    assert json.loads(encoded) == custom_text_body("OPENID", "您好，已收到")


@pytest.mark.parametrize(
    ("errcode", "action"),
    [
        (45015, ErrorAction.OUTSIDE_WINDOW),
        (40001, ErrorAction.REFRESH_TOKEN),
        (42001, ErrorAction.REFRESH_TOKEN),
    ],
)
def test_the_fixtures_error_answers_say_what_to_do(errcode: int, action: ErrorAction) -> None:
    answer = next(e for e in SEND["error_examples"] if e["errcode"] == errcode)
    with pytest.raises(ApiError) as raised:
        check_result(answer)
    assert (raised.value.errcode, raised.value.action) == (errcode, action)
    assert answer["errmsg"] in str(raised.value)


@pytest.mark.parametrize(
    ("errcode", "action"),
    [
        (0, ErrorAction.OK),
        (40014, ErrorAction.REFRESH_TOKEN),
        (45047, ErrorAction.OVER_QUOTA),
        (45009, ErrorAction.RATE_LIMITED),
        (45011, ErrorAction.RATE_LIMITED),
        (40003, ErrorAction.INVALID_USER),
        (-1, ErrorAction.BUSY),
        (40164, ErrorAction.FAILED),
    ],
)
def test_every_code_in_the_spec_has_its_action(errcode: int, action: ErrorAction) -> None:
    assert error_action(errcode) is action


@pytest.mark.parametrize("answer", [{"errcode": "0"}, {"errcode": None}, {"errcode": True}])
def test_an_answer_with_a_garbled_errcode_is_an_error(answer: dict[str, object]) -> None:
    with pytest.raises(ApiError, match="without a numeric errcode"):
        check_result(answer)
