"""A new version that lacks what the current one has is refused: it may be a truncated file."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest

from bot.knowledge.answer import KnowledgeBase
from bot.knowledge.document import parse_clause_document
from bot.knowledge.errors import ShrinkError
from bot.knowledge.extract import extract_facts
from bot.knowledge.ingest import ingest_file, ingest_files
from bot.knowledge.store import SqlKnowledgeRepository, missing_parts
from bot.runtime.run import prepare
from bot.settings import load_settings
from tests.fakes import InMemoryKnowledgeRepository
from tests.knowledge.new_product import NEW_PRODUCT

NEXT = NEW_PRODUCT.replace('version: "2025A"', 'version: "2026"')
# cut off in the middle of 责任免除: the rest of the wording never arrived
TRUNCATED = NEXT[: NEXT.index("（3）被保险人从事潜水")]
# the 观察期 article and the last two exclusions lost, everything else intact
WAITING_ARTICLE = NEXT[NEXT.index("### 2.1 观察期") : NEXT.index("### 2.2 保险责任")]
LAST_EXCLUSIONS = "（3）被保险人从事潜水、跳伞、攀岩运动；\n（4）核爆炸、核辐射或核污染。\n"
GAPPED = NEXT.replace(WAITING_ARTICLE, "").replace(LAST_EXCLUSIONS, "")
QUESTIONS = ("等待期多久", "核爆炸导致的疾病赔吗", "宽限期多长", "原位癌算重疾吗")


def write(tmp_path: Path, text: str, name: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def answers(repository: SqlKnowledgeRepository) -> list[str]:
    knowledge = KnowledgeBase.load(repository)
    return [knowledge.ask(q, product="FR-CI-2025").text for q in QUESTIONS]


@pytest.fixture
def stored(repository: SqlKnowledgeRepository, tmp_path: Path) -> SqlKnowledgeRepository:
    """The repository with FR-CI-2025 version 2025A ingested and current."""
    assert ingest_file(repository, write(tmp_path, NEW_PRODUCT, "v2025A.md")).status == "added"
    return repository


def test_a_truncated_new_version_is_refused_and_the_old_one_still_answers(
    stored: SqlKnowledgeRepository, tmp_path: Path
) -> None:
    before = answers(stored)
    assert "等待期为120日" in before[0] and "宽限期为45日" in before[2]
    result = ingest_file(stored, write(tmp_path, TRUNCATED, "v2026.md"))
    assert result.status == "failed"
    assert stored.versions("FR-CI-2025") == ["2025A"]
    current = stored.get("FR-CI-2025")
    assert current is not None and current.document.version == "2025A"
    assert answers(stored) == before
    # the whole file, once it arrives, is a normal new version
    assert ingest_file(stored, write(tmp_path, NEXT, "v2026.md")).status == "added"
    assert stored.versions("FR-CI-2025") == ["2025A", "2026"]


def test_the_refusal_names_what_went_missing_and_what_to_do(
    stored: SqlKnowledgeRepository, tmp_path: Path
) -> None:
    path = write(tmp_path, GAPPED, "v2026.md")
    message = ingest_file(stored, path).message
    assert message.startswith(f"{path}: FR-CI-2025 v2026 lacks what v2025A had: ")
    assert "等待期 (waiting period), 2 of 4 exclusions (责任免除: " in message
    assert "被保险人从事潜水、跳伞、攀岩运动; 核爆炸、核辐射或核污染)" in message
    assert "benefits" not in message and "宽限期" not in message  # those are all still there
    assert "may be truncated" in message
    assert f"python -m bot.knowledge ingest --allow-shrink {path}" in message


def test_a_truncated_file_is_reported_with_every_part_it_lost(
    stored: SqlKnowledgeRepository, tmp_path: Path
) -> None:
    message = ingest_file(stored, write(tmp_path, TRUNCATED, "v2026.md")).message
    for part in (
        "宽限期 (grace period)",
        "诉讼时效 (limitation period)",
        "事故通知期限 (claim notice period)",
        "2 of 4 exclusions",
        "4 of 4 defined diseases (疾病释义: 恶性肿瘤——重度; 急性心肌梗死; 原位癌; …)",
        "1 of 1 claim-document lists (申请材料: 重大疾病保险金)",
    ):
        assert part in message


def test_the_store_raises_the_refusal_with_its_parts(stored: SqlKnowledgeRepository) -> None:
    document = parse_clause_document(GAPPED.encode(), "v2026.md")
    with pytest.raises(ShrinkError) as refused:
        stored.add(document, extract_facts(document))
    assert refused.value.current_version == "2025A"
    assert refused.value.missing == (
        "等待期 (waiting period)",
        "2 of 4 exclusions (责任免除: 被保险人从事潜水、跳伞、攀岩运动; 核爆炸、核辐射或核污染)",
    )


def test_allow_shrink_stores_the_smaller_version_as_current(
    stored: SqlKnowledgeRepository, tmp_path: Path
) -> None:
    path = write(tmp_path, GAPPED, "v2026.md")
    assert ingest_file(stored, path, allow_shrink=True).status == "added"
    current = stored.get("FR-CI-2025")
    assert current is not None and current.document.version == "2026"
    assert "waiting" not in current.facts.periods and len(current.facts.exclusions) == 2
    older = stored.get("FR-CI-2025", "2025A")
    assert older is not None and "waiting" in older.facts.periods
    assert ingest_file(stored, path).status == "unchanged"  # the same wording again is no shrink


def test_allow_shrink_through_the_store(stored: SqlKnowledgeRepository) -> None:
    document = parse_clause_document(TRUNCATED.encode(), "v2026.md")
    assert stored.add(document, extract_facts(document), allow_shrink=True) is True
    assert stored.versions("FR-CI-2025") == ["2025A", "2026"]


def test_a_new_version_with_changed_numbers_and_more_parts_is_accepted(
    stored: SqlKnowledgeRepository, tmp_path: Path
) -> None:
    grown = (
        NEXT.replace("二十一日", "三十日")
        .replace("120天为观察期", "90天为观察期")
        .replace("基本保险金额的45%", "基本保险金额的60%")
        .replace(
            "（4）核爆炸、核辐射或核污染。", "（4）核爆炸、核辐射或核污染；\n（5）战争、军事冲突。"
        )
    )
    result = ingest_file(stored, write(tmp_path, grown, "v2026.md"))
    assert result.status == "added", result.message
    current = stored.get("FR-CI-2025")
    assert current is not None and current.document.version == "2026"
    assert current.facts.periods["waiting"].amount == 90
    assert len(current.facts.exclusions) == 5


def test_only_what_is_gone_counts_as_missing() -> None:
    full = extract_facts(parse_clause_document(NEW_PRODUCT.encode(), "fr.md"))
    assert missing_parts(full, full) == ()
    renamed = dataclasses.replace(
        full, benefits=tuple(dataclasses.replace(b, name=b.name + "（新）") for b in full.benefits)
    )
    assert missing_parts(full, renamed) == ()
    fewer = dataclasses.replace(full, benefits=full.benefits[:1])
    assert missing_parts(full, fewer) == (
        "2 of 3 benefits (保险责任: 中症疾病保险金; 轻度疾病保险金)",
    )


def test_ingesting_many_files_reports_the_refusal_and_goes_on(
    repository: SqlKnowledgeRepository, tmp_path: Path
) -> None:
    other = NEW_PRODUCT.replace("code: FR-CI-2025", "code: FR-CI-2026")
    results = ingest_files(
        repository,
        [
            write(tmp_path, NEW_PRODUCT, "a.md"),
            write(tmp_path, TRUNCATED, "b.md"),
            write(tmp_path, other, "c.md"),
        ],
    )
    assert [r.status for r in results] == ["added", "failed", "added"]
    assert [p.code for p in repository.current()] == ["FR-CI-2025", "FR-CI-2026"]


@pytest.mark.integration
def test_make_run_reports_a_refusal_as_a_failure(tmp_path: Path) -> None:
    folder = tmp_path / "policies"
    folder.mkdir()
    write(folder, NEW_PRODUCT, "FR-CI-2025-a.md")
    write(folder, TRUNCATED, "FR-CI-2025-b.md")
    settings = dataclasses.replace(
        load_settings({"DATABASE_URL": f"sqlite:///{tmp_path / 'run.db'}"}),
        policies_dir=folder,
        jieba_dictionary=tmp_path / "jieba" / "mingbao.txt",
    )
    out = io.StringIO()
    assert prepare(settings, out) == 1
    assert (
        "error: " in out.getvalue() and "FR-CI-2025 v2026 lacks what v2025A had" in out.getvalue()
    )
    assert "knowledge base: 1 products" in out.getvalue()


def test_plan_table_cells_that_are_no_amount_are_reported_at_ingest(tmp_path: Path) -> None:
    path = tmp_path / "T-PLAN-2.md"
    path.write_text(
        "---\ncode: T-PLAN-2\nname: 测试计划医疗保险\ninsurer: 测试\ntype: medical\n"
        'version: "1"\neffective_from: 2025-01-01\n---\n# 测试计划医疗保险条款\n\n'
        "## 1 保障计划\n| 项目 | 计划一 | 计划二 |\n|---|---|---|\n"
        "| 住院医疗赔付比例 | 100% | 100% |\n| 特需部 | 不承担 | 承担 |\n",
        encoding="utf-8",
    )
    result = ingest_file(InMemoryKnowledgeRepository(), path)
    assert result.status == "added", result.message
    assert result.unread == ("第1条 特需部 / 计划一: 不承担", "第1条 特需部 / 计划二: 承担")
    assert "第1条 特需部 / 计划一: 不承担" in result.message
