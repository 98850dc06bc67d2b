"""``make run``'s pieces that need no model: preparing the data, starting and stopping processes."""

from __future__ import annotations

import dataclasses
import io
import os
import sys
import time
from pathlib import Path

import pytest

from bot.db import make_engine
from bot.records.store import SqlPolicyRecords
from bot.runtime.run import (
    NotReady,
    child_environment,
    prepare,
    start,
    started,
    wechat_line,
    with_secrets,
)
from bot.runtime.supervisor import StartError, stop_all, wait_ready
from bot.settings import Settings, load_settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return dataclasses.replace(
        load_settings({"DATABASE_URL": f"sqlite:///{tmp_path / 'run.db'}"}),
        jieba_dictionary=tmp_path / "jieba" / "mingbao.txt",
    )


@pytest.mark.integration
def test_prepare_ingests_writes_the_dictionary_and_loads_records(settings: Settings) -> None:
    out = io.StringIO()
    assert prepare(settings, out) == 0
    assert "KN-CI-2024 康宁终身重大疾病保险 version 2024: ingested" in out.getvalue()
    assert "安心多倍保" in settings.jieba_dictionary.read_text(encoding="utf-8")
    engine = make_engine(settings.database_url)
    assert SqlPolicyRecords(engine).policy("MB2024000001") is not None
    engine.dispose()
    again = io.StringIO()
    assert prepare(settings, again) == 0
    assert "demo records: 0 added" in again.getvalue()


@pytest.mark.integration
def test_prepare_reports_a_bad_clause_document(settings: Settings, tmp_path: Path) -> None:
    folder = tmp_path / "policies"
    folder.mkdir()
    (folder / "broken.md").write_text("no front matter\n", encoding="utf-8")
    out = io.StringIO()
    assert prepare(dataclasses.replace(settings, policies_dir=folder), out) == 1
    assert "error: " in out.getvalue() and "broken.md" in out.getvalue()


@pytest.mark.integration
def test_a_process_that_exits_while_starting_is_reported(settings: Settings) -> None:
    process = start(
        "quitter", [sys.executable, "-c", "raise SystemExit(3)"], "http://127.0.0.1:9/", settings
    )
    with pytest.raises(StartError, match="quitter exited with code 3"):
        wait_ready(process, timeout=30)


@pytest.mark.integration
def test_stop_all_ends_every_process_group(settings: Settings) -> None:
    sleeper = [sys.executable, "-c", "import time; time.sleep(60)"]
    processes = [start(f"sleeper {n}", sleeper, "http://127.0.0.1:9/", settings) for n in range(2)]
    started = time.monotonic()
    stop_all(processes)
    assert all(p.popen.returncode is not None for p in processes)
    assert time.monotonic() - started < 10


def test_every_run_has_secrets_and_passes_them_to_the_children(settings: Settings) -> None:
    first, second = with_secrets(settings), with_secrets(settings)
    assert first.action_secret and first.rasa_token and first.action_secret != first.rasa_token
    assert first.action_secret != second.action_secret
    environment = child_environment(first)
    assert environment["MINGBAO_ACTION_SECRET"] == first.action_secret
    assert environment["MINGBAO_RASA_TOKEN"] == first.rasa_token
    assert environment["MINGBAO_COOKIE_SECRET"] == first.cookie_secret


def test_secrets_set_in_the_environment_are_kept(tmp_path: Path) -> None:
    chosen = load_settings(
        {
            "MINGBAO_ACTION_SECRET": "action-secret",
            "MINGBAO_RASA_TOKEN": "rasa-token",
            "MINGBAO_COOKIE_SECRET": "cookie-secret",
        }
    )
    assert with_secrets(chosen) == chosen


def test_the_banner_says_whether_the_wechat_channel_is_on(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WECHAT_TOKEN", raising=False)
    assert wechat_line(settings).startswith("off (set WECHAT_TOKEN")
    monkeypatch.setenv("WECHAT_TOKEN", "callback-token")
    assert (
        wechat_line(settings)
        == f"{settings.rasa_url}/webhooks/wechat/webhook (behind the insurer's proxy)"
    )


@pytest.mark.integration
def test_a_launcher_hears_of_an_assistant_that_stops_before_it_is_ready() -> None:
    with pytest.raises(NotReady) as raised, started(dict(os.environ), "--no-such-option"):
        pass
    assert "make run" in str(raised.value)
