"""``make bench-kb``: ingest time per product and answer latency over the QA table.

Prints the numbers and writes them to ``reports/bench-kb.json``.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bot.db import make_engine, migrate
from bot.knowledge.answer import KnowledgeBase
from bot.knowledge.document import read_clause_document
from bot.knowledge.ingest import ingest_file, policy_files
from bot.knowledge.store import SqlKnowledgeRepository
from bot.settings import PROJECT_ROOT, load_settings
from tools.qa import load_qa_cases, wrong_facts

REPORT = PROJECT_ROOT / "reports" / "bench-kb.json"
ROUNDS = 20


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> int:
    """Run the benchmark; returns the exit code."""
    policies = policy_files(load_settings().policies_dir)
    report: dict[str, Any] = {"ingest": [], "answers": {}}
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{Path(folder) / 'bench.db'}")
        migrate(engine)
        repository = SqlKnowledgeRepository(engine)
        for path in policies:
            chars = read_clause_document(path).char_count
            result = ingest_file(repository, path)
            report["ingest"].append(
                {
                    "product": result.code,
                    "characters": chars,
                    "seconds": round(result.seconds, 4),
                    "status": result.status,
                }
            )
        started = time.perf_counter()
        knowledge = KnowledgeBase.load(repository)
        load_seconds = time.perf_counter() - started
        cases = load_qa_cases()
        timings: list[float] = []
        passed = sum(
            not wrong_facts(knowledge.ask(case["q"], product=case.get("product")).text, case)
            for case in cases
        )
        for _ in range(ROUNDS):
            for case in cases:
                begin = time.perf_counter()
                knowledge.ask(case["q"], product=case.get("product"))
                timings.append((time.perf_counter() - begin) * 1000)
        engine.dispose()
    report["answers"] = {
        "questions": len(cases),
        "asked": len(timings),
        "qa_pass_rate": round(passed / len(cases), 4),
        "p50_ms": round(statistics.median(timings), 3),
        "p95_ms": round(percentile(timings, 0.95), 3),
        "p99_ms": round(percentile(timings, 0.99), 3),
        "max_ms": round(max(timings), 3),
    }
    report["load_seconds"] = round(load_seconds, 3)
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    for row in report["ingest"]:
        print(
            f"ingest {row['product']}: {row['characters']:,} characters in "
            f"{row['seconds'] * 1000:.0f} ms ({row['status']})"
        )
    a = report["answers"]
    print(f"knowledge base load (jieba + BM25 indexes): {load_seconds * 1000:.0f} ms")
    print(
        f"answers: {a['asked']} over {a['questions']} questions — p50 {a['p50_ms']:.2f} ms, "
        f"p95 {a['p95_ms']:.2f} ms, p99 {a['p99_ms']:.2f} ms; QA pass rate {a['qa_pass_rate']:.1%}"
    )
    print(f"written to {REPORT.relative_to(PROJECT_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
