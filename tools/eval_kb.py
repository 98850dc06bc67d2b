"""``make eval-kb``: the knowledge base on clause documents and questions it was not written against.

Every document in ``tests/knowledge/unseen/documents/`` is ingested beside the sample products
through the real path (SQLite repository, then ``KnowledgeBase.load``), and each question in
``tests/knowledge/unseen/questions/<code>.yml`` is asked with that product as context. A reply is
right when every ``must_match`` pattern is found and no ``must_not_match`` pattern is; a reply
that matches a ``must_not_match`` pattern asserts a wrong fact; one that is neither but says the
wording may not settle it and offers a person is counted as unsure. ``split.yml`` says which documents
are dev (failures printed) and which are held-out (score only). Writes ``reports/eval-kb.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.db import make_engine, migrate
from bot.knowledge.answer import HEDGES, KnowledgeBase
from bot.knowledge.ingest import ingest_file, policy_files
from bot.knowledge.store import SqlKnowledgeRepository
from bot.settings import PROJECT_ROOT
from tools.checks import compile_checks, judge
from tools.qa import load_qa_cases, wrong_facts

UNSEEN = PROJECT_ROOT / "tests" / "knowledge" / "unseen"
REPORT = PROJECT_ROOT / "reports" / "eval-kb.json"


@dataclass
class Outcome:
    """One question asked and what was wrong with its reply."""

    id: str
    question: str
    reply: str
    missing: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def right(self) -> bool:
        return not self.missing and not self.wrong

    @property
    def unsure(self) -> bool:
        """Not right, but said so: the reply hedges (the wording may not settle it, a person can
        confirm) and asserts nothing wrong."""
        return not self.right and not self.wrong and any(h in self.reply for h in HEDGES)


def load_split(folder: Path = UNSEEN) -> dict[str, str]:
    """``{product code: "dev" | "held_out"}`` from ``split.yml``."""
    raw = yaml.safe_load((folder / "split.yml").read_text(encoding="utf-8"))
    return {code: part for part in ("dev", "held_out") for code in raw.get(part) or []}


def load_questions(path: Path) -> list[dict[str, Any]]:
    """The questions of one document; each regex is compiled here so a bad one fails loudly."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    questions = raw["questions"]
    for q in questions:
        compile_checks(
            path, q["id"], [*(q.get("must_match") or []), *(q.get("must_not_match") or [])]
        )
    return list(questions)


def ask(knowledge: KnowledgeBase, code: str, q: dict[str, Any]) -> Outcome:
    """Ask one question with ``code`` as the product known from context and check the reply."""
    reply = knowledge.ask(q["question"], product=code).text
    missing, wrong = judge(reply, q.get("must_match") or [], q.get("must_not_match") or [])
    return Outcome(q["id"], q["question"], reply, missing, wrong)


def build_knowledge(documents: list[Path], folder: Path) -> KnowledgeBase:
    """The sample products and ``documents`` ingested into a fresh SQLite database."""
    engine = make_engine(f"sqlite:///{folder / 'eval-kb.db'}")
    migrate(engine)
    repository = SqlKnowledgeRepository(engine)
    for path in [*policy_files(PROJECT_ROOT / "data" / "policies"), *documents]:
        ingest_file(repository, path)
    return KnowledgeBase.load(repository)


def evaluate(unseen: Path = UNSEEN) -> dict[str, Any]:
    """Score every document with questions; the report ``make eval-kb`` prints and writes."""
    split = load_split(unseen)
    documents = sorted((unseen / "documents").glob("*.md"))
    with tempfile.TemporaryDirectory() as folder:
        knowledge = build_knowledge(documents, Path(folder))
        products: dict[str, Any] = {}
        for path in documents:
            code = path.stem
            questions_file = unseen / "questions" / f"{code}.yml"
            if not questions_file.exists() or code not in split:
                continue
            outcomes = [ask(knowledge, code, q) for q in load_questions(questions_file)]
            products[code] = {"part": split[code], "outcomes": outcomes}
        samples = load_qa_cases()
        sample_right = sum(
            not wrong_facts(knowledge.ask(c["q"], product=c.get("product")).text, c)
            for c in samples
        )
    report: dict[str, Any] = {"samples": {"right": sample_right, "questions": len(samples)}}
    for part in ("dev", "held_out"):
        chosen = {c: p for c, p in products.items() if p["part"] == part}
        outcomes = [o for p in chosen.values() for o in p["outcomes"]]
        report[part] = {
            "right": sum(o.right for o in outcomes),
            "questions": len(outcomes),
            "wrong_facts": sum(bool(o.wrong) for o in outcomes),
            "unsure": sum(o.unsure for o in outcomes),
            "products": {
                code: {
                    "right": sum(o.right for o in p["outcomes"]),
                    "questions": len(p["outcomes"]),
                    "wrong_facts": sum(bool(o.wrong) for o in p["outcomes"]),
                }
                for code, p in chosen.items()
            },
        }
    report["dev_failures"] = [
        {"product": code, **o.__dict__}
        for code, p in products.items()
        if p["part"] == "dev"
        for o in p["outcomes"]
        if not o.right
    ]
    return report


def _share(part: dict[str, Any]) -> str:
    total = part["questions"] or 1
    return f"{part['right']}/{part['questions']} = {part['right'] / total:.1%}"


def main(argv: list[str] | None = None) -> int:
    """Print the scores (and dev failures unless ``--quiet``); write the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quiet", action="store_true", help="scores only, no dev failures")
    parser.add_argument("--product", help="print the dev failures of this product only")
    args = parser.parse_args(argv)
    report = evaluate()
    if not args.quiet:
        for failure in report["dev_failures"]:
            if args.product and failure["product"] != args.product:
                continue
            print(f"--- {failure['id']}: {failure['question']}")
            print(f"    missing {failure['missing']}  wrong {failure['wrong']}")
            print("    " + failure["reply"].replace("\n", "\n    "))
    samples = report["samples"]
    print(f"sample products (QA table): {samples['right']}/{samples['questions']}")
    for part in ("dev", "held_out"):
        print(
            f"{part}: {_share(report[part])}, wrong facts asserted {report[part]['wrong_facts']}, "
            f"unsure (hedged, nothing wrong) {report[part]['unsure']}"
        )
        for code, figures in report[part]["products"].items():
            print(f"  {code}: {_share(figures)}, wrong facts {figures['wrong_facts']}")
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
