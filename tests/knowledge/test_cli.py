"""The CLI end to end, in a subprocess, as insurers' product teams and scripts use it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import POLICIES_DIR
from tests.knowledge.new_product import NEW_PRODUCT

# The CLI in a subprocess, on a SQLite database.
pytestmark = pytest.mark.integration


def cli(db: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db}",
        "MINGBAO_JIEBA_DICTIONARY": str(db.with_suffix(".dict.txt")),
        "TF_CPP_MIN_LOG_LEVEL": "3",
    }
    return subprocess.run(
        [sys.executable, "-m", "bot.knowledge", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli")
    product = folder / "FR-CI-2025.md"
    product.write_text(NEW_PRODUCT, encoding="utf-8")
    database = folder / "kb.db"
    done = cli(database, "ingest", str(product), *map(str, sorted(POLICIES_DIR.glob("*.md"))))
    assert done.returncode == 0, done.stderr
    assert "FR-CI-2025 福瑞安康终身疾病保险 version 2025A: ingested" in done.stdout
    dictionary = database.with_suffix(".dict.txt").read_text(encoding="utf-8").splitlines()
    assert {"福瑞安康 2000", "原位癌 2000", "冷静期 2000"} <= set(dictionary)
    return database


def test_reingesting_reports_nothing_changed(db: Path, tmp_path: Path) -> None:
    product = tmp_path / "FR-CI-2025.md"
    product.write_text(NEW_PRODUCT, encoding="utf-8")
    done = cli(db, "ingest", str(product))
    assert done.returncode == 0
    assert "already ingested, nothing changed" in done.stdout


def test_a_bad_file_fails_with_its_line_and_a_nonzero_exit(db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text(NEW_PRODUCT.replace("## 2 保障内容", "## 保障内容"), encoding="utf-8")
    done = cli(db, "ingest", str(bad))
    assert done.returncode == 1
    assert f"error: {bad}:18: unnumbered heading" in done.stderr


def test_a_shrunk_new_version_is_refused_unless_allowed(tmp_path: Path) -> None:
    database = tmp_path / "shrink.db"
    first = tmp_path / "FR-CI-2025.md"
    first.write_text(NEW_PRODUCT, encoding="utf-8")
    truncated = tmp_path / "FR-CI-2025-2026.md"
    newer = NEW_PRODUCT.replace('version: "2025A"', 'version: "2026"')
    truncated.write_text(newer[: newer.index("## 4 保险费的支付")], encoding="utf-8")
    refused = cli(database, "ingest", str(first), str(truncated))
    assert refused.returncode == 1
    assert "version 2025A: ingested" in refused.stdout
    assert (
        f"error: {truncated}: FR-CI-2025 v2026 lacks what v2025A had: 宽限期 (grace period)"
        in refused.stderr
    )
    assert "--allow-shrink" in refused.stderr
    allowed = cli(database, "ingest", "--allow-shrink", str(truncated))
    assert allowed.returncode == 0, allowed.stderr
    assert "version 2026: ingested" in allowed.stdout


def test_ask_json_names_product_and_citations(db: Path) -> None:
    done = cli(db, "ask", "--json", "福瑞安康 原位癌算重疾吗")
    assert done.returncode == 0, done.stderr
    line = json.loads(done.stdout)
    assert line["product"] == "FR-CI-2025"
    assert {"product": "FR-CI-2025", "version": "2025A", "article": "5.2.1"} in line["citations"]
    assert "45%" in line["answer"]


def test_ask_reads_questions_from_stdin_one_per_line(db: Path) -> None:
    done = cli(db, "ask", "--json", "--product", "FR-CI-2025", stdin="犹豫期多久\n\n等待期呢\n")
    lines = [json.loads(x) for x in done.stdout.splitlines()]
    assert len(lines) == 2
    assert "21日" in lines[0]["answer"] and "120日" in lines[1]["answer"]


def test_ask_explain_shows_the_situation_and_the_verdict(db: Path) -> None:
    done = cli(
        db, "ask", "--explain", "--product", "FR-CI-2025", "3月1号生效，5月20号确诊肺癌，能赔吗"
    )
    assert done.returncode == 0, done.stderr
    assert "situation.dated:" in done.stdout
    assert "verdict: waiting / no" in done.stdout
    assert "because (第2.1条)" in done.stdout
    plain = cli(db, "ask", "--explain", "--product", "FR-CI-2025", "受益人怎么写")
    assert "verdict: none" in plain.stdout


def test_ask_with_an_unknown_product_says_which_exist(db: Path) -> None:
    done = cli(db, "ask", "--product", "NOPE", "犹豫期")
    assert done.returncode == 2
    assert "unknown product NOPE" in done.stderr and "FR-CI-2025" in done.stderr


def test_show_lists_facts_and_one_article(db: Path) -> None:
    summary = cli(db, "show", "FR-CI-2025")
    assert summary.returncode == 0
    assert "犹豫期 21日  （第1.2条）" in summary.stdout
    assert "2.2.3 轻度疾病保险金：25% ×4次" in summary.stdout
    article = cli(db, "show", "FR-CI-2025", "2.1")
    assert "依据《福瑞安康终身疾病保险条款》（2025A版）第2.1条" in article.stdout
    assert "120天为观察期" in article.stdout
    missing = cli(db, "show", "FR-CI-2025", "9.9")
    assert missing.returncode == 2 and "has no article 9.9" in missing.stderr
