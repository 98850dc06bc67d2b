"""The channel's shared state on a real database: one delivery processed once across processes
and restarts, forgotten after a day; the token refresh claimed by one process; offered buttons;
WeChat's agent sessions and unfollowing, whatever order their events are handled in."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from bot.channels.wechat.store import DELIVERY_TTL_SECONDS, WeChatStore
from bot.channels.wechat.tables import deliveries
from bot.db import make_engine, migrate
from tests.conftest import postgres_database

NOW = 1_800_000_000.0
KEY = "MsgId:1234567890123456"


@pytest.fixture(params=["sqlite", "postgresql"])
def two_processes(request: pytest.FixtureRequest, database_url: str) -> Iterator[list[WeChatStore]]:
    """Two stores on one database, each on its own engine, as two Rasa processes have."""
    if request.param == "sqlite":
        engines = [make_engine(database_url), make_engine(database_url)]
        migrate(engines[0])
        yield [WeChatStore(engine) for engine in engines]
        for engine in engines:
            engine.dispose()
        return
    with postgres_database(f"mingbao_wechat_{os.getpid()}") as engine:
        migrate(engine)
        other = make_engine(str(engine.url))
        yield [WeChatStore(engine), WeChatStore(other)]
        other.dispose()


def test_a_delivery_is_claimed_once_across_processes(two_processes: list[WeChatStore]) -> None:
    first, second = two_processes
    assert first.claim_delivery(KEY, "openid-1", NOW)
    assert not second.claim_delivery(KEY, "openid-1", NOW + 5)
    assert not first.claim_delivery(KEY, "openid-1", NOW + 10)
    assert second.claim_delivery("MsgId:1234567890123457", "openid-1", NOW + 10)


def test_a_delivery_is_remembered_after_a_restart(database_url: str, engine: Engine) -> None:
    assert WeChatStore(engine).claim_delivery(KEY, "openid-1", NOW)
    restarted = make_engine(database_url)
    assert not WeChatStore(restarted).claim_delivery(KEY, "openid-1", NOW + 60)
    restarted.dispose()


def test_deliveries_older_than_a_day_are_pruned(store: WeChatStore, engine: Engine) -> None:
    assert store.claim_delivery(KEY, "openid-1", NOW)
    assert store.claim_delivery("MsgId:2", "openid-1", NOW + DELIVERY_TTL_SECONDS)
    assert store.prune_deliveries(NOW + DELIVERY_TTL_SECONDS + 1) == 1
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(deliveries)).scalar_one() == 1
    assert store.claim_delivery(KEY, "openid-1", NOW + DELIVERY_TTL_SECONDS + 2)


def test_the_outcome_is_recorded_on_the_delivery(store: WeChatStore) -> None:
    store.claim_delivery(KEY, "openid-1", NOW)
    assert store.outcome(KEY) is None
    store.record_outcome(KEY, "outside_window")
    assert store.outcome(KEY) == "outside_window"


def test_one_process_claims_the_token_refresh(two_processes: list[WeChatStore]) -> None:
    first, second = two_processes
    assert first.read_token("wx1") is None
    assert first.claim_refresh("wx1", 0, NOW, lease=15)
    assert not second.claim_refresh("wx1", 0, NOW + 1, lease=15)
    assert first.save_token("wx1", 0, "token-1", NOW + 7200)
    stored = second.read_token("wx1")
    assert stored is not None
    assert (stored.token, stored.version, stored.expires_at) == ("token-1", 1, NOW + 7200)
    assert stored.refreshing_until is None
    assert "token-1" not in repr(stored)
    # A refresh of version 0 is over: nobody may claim it or save over version 1.
    assert not second.claim_refresh("wx1", 0, NOW + 2, lease=15)
    assert not second.save_token("wx1", 0, "token-x", NOW + 7200)


def test_a_lapsed_claim_may_be_taken_over(store: WeChatStore) -> None:
    assert store.claim_refresh("wx1", 0, NOW, lease=15)
    assert not store.claim_refresh("wx1", 0, NOW + 14, lease=15)
    assert store.claim_refresh("wx1", 0, NOW + 16, lease=15)
    store.release_refresh("wx1", 0)
    assert store.claim_refresh("wx1", 0, NOW + 17, lease=15)


def test_offered_buttons_are_kept_per_customer(two_processes: list[WeChatStore]) -> None:
    first, second = two_processes
    first.offer_buttons(
        "openid-1", [("查保单", "/policy_status"), ("转人工", "/request_human")], NOW
    )
    assert second.offered("openid-1") == [
        ("查保单", "/policy_status"),
        ("转人工", "/request_human"),
    ]
    assert second.offered("openid-2") == []
    second.offer_buttons("openid-1", [("是", "/affirm")], NOW + 1)
    assert first.offered("openid-1") == [("是", "/affirm")]
    first.offer_buttons("openid-1", [], NOW + 2)
    assert second.offered("openid-1") == []
    second.offer_buttons("openid-1", [("是", "/affirm")], NOW + 3)
    second.record_unfollow("openid-1", 100, NOW + 4)
    assert first.offered("openid-1") == []


def test_an_agent_session_is_open_until_a_later_close(two_processes: list[WeChatStore]) -> None:
    first, second = two_processes
    assert first.record_kf_event("openid-1", "kf_create_session", "a@x", 100) == "a@x"
    assert second.kf_session("openid-1") == "a@x" and second.kf_session("openid-2") is None
    assert second.record_kf_event("openid-1", "kf_switch_session", "b@x", 110) == "b@x"
    assert first.record_kf_event("openid-1", "kf_close_session", "b@x", 120) is None
    # An older create handled late does not reopen it; a newer one does.
    assert second.record_kf_event("openid-1", "kf_create_session", "a@x", 105) is None
    assert second.record_kf_event("openid-1", "kf_create_session", None, 130) == ""
    with pytest.raises(ValueError, match="not a kf session event"):
        first.record_kf_event("openid-1", "subscribe", None, 140)


def test_an_unfollow_stands_until_a_later_follow(two_processes: list[WeChatStore]) -> None:
    first, second = two_processes
    first.offer_buttons("openid-1", [("是", "/affirm")], NOW)
    first.record_kf_event("openid-1", "kf_create_session", "a@x", 100)
    second.record_unfollow("openid-1", 200, NOW)
    assert first.has_unfollowed("openid-1") and not first.has_unfollowed("openid-2")
    assert first.offered("openid-1") == [] and first.kf_session("openid-1") is None
    second.record_follow("openid-1", 150)  # an older follow handled late
    assert first.has_unfollowed("openid-1")
    second.record_unfollow("openid-1", 200, NOW + 1)  # WeChat's repeat, or another process
    first.record_follow("openid-1", 300)
    assert not second.has_unfollowed("openid-1")
