"""``make eval-conversations``: whole conversations written apart from the project, over REST.

Each conversation in ``tests/conversation/unseen/<writer>.yml`` is sent turn by turn, as a new
customer, to the running assistant (``python -m bot.runtime.run`` on the evaluation ports, the production
model unless ``--model`` names another). A turn is right when every ``must`` pattern is found in
the reply (all its messages joined by newlines) and no ``must_not`` pattern is; a conversation is
right when every turn is. ``split.yml`` says which writers are dev (failures printed) and which
are held-out (score only). Writes ``reports/eval-conversations.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import delete
from sqlalchemy.engine import Engine

from bot.clock import china_today
from bot.db import make_engine
from bot.records.demo import load_demo_records
from bot.records.store import SqlPolicyRecords
from bot.records.tables import (
    agents,
    claims,
    contact_changes,
    customers,
    identity_checks,
    policies,
    return_visits,
    service_assignments,
)
from bot.runtime.model import ensure_trained, production_model
from bot.runtime.run import prepare
from bot.settings import PROJECT_ROOT, load_settings
from tools.checks import compile_checks, judge
from tools.evaluate import Chat, serving

UNSEEN = PROJECT_ROOT / "tests" / "conversation" / "unseen"
REPORT = PROJECT_ROOT / "reports" / "eval-conversations.json"


@dataclass
class Conversation:
    """One conversation played and what went wrong in it."""

    id: str
    kind: str
    turns: list[dict[str, Any]] = field(default_factory=list)

    @property
    def right(self) -> bool:
        return all(not t["missing"] and not t["wrong"] for t in self.turns)

    @property
    def wrong_fact(self) -> bool:
        return any(t["wrong"] for t in self.turns)


def load_conversations(path: Path) -> list[dict[str, Any]]:
    """The conversations of one writer; a pattern that does not compile fails loudly."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    conversations = raw["conversations"]
    for conversation in conversations:
        for turn in conversation["turns"]:
            checks = [*(turn.get("must") or []), *(turn.get("must_not") or [])]
            compile_checks(path, conversation["id"], checks)
    return list(conversations)


def play(conversation: dict[str, Any], chat: Chat, sender: str) -> Conversation:
    """Send every turn as ``sender`` and check each reply."""
    played = Conversation(conversation["id"], conversation.get("kind", ""))
    for turn in conversation["turns"]:
        reply = chat(sender, turn["user"])
        missing, wrong = judge(reply, turn.get("must") or [], turn.get("must_not") or [])
        played.turns.append(
            {"user": turn["user"], "reply": reply, "missing": missing, "wrong": wrong}
        )
    return played


def evaluate(
    chat: Chat, unseen: Path = UNSEEN, fresh: Callable[[], None] = lambda: None
) -> dict[str, Any]:
    """Play every writer's conversations; the report ``make eval-conversations`` prints.

    ``fresh`` runs before each conversation: each is a customer of their own, so what the ones
    before did to the same 20 demo policies minutes apart (wrong proofs written on purpose, a
    mobile changed, a claim reported) must not lock or change them for the next one.
    """
    split = yaml.safe_load((unseen / "split.yml").read_text(encoding="utf-8"))
    stamp = time.time_ns()
    report: dict[str, Any] = {}
    for part in ("dev", "held_out"):
        played: list[Conversation] = []
        for writer in split.get(part) or []:
            for written in load_conversations(unseen / f"{writer}.yml"):
                fresh()
                played.append(play(written, chat, f"eval-conv-{stamp}-{written['id']}"))
        by_kind: dict[str, Counter[str]] = {}
        for conversation in played:
            counts = by_kind.setdefault(conversation.kind, Counter())
            counts["conversations"] += 1
            counts["right"] += conversation.right
        report[part] = {
            "writers": split.get(part) or [],
            "conversations": len(played),
            "right": sum(c.right for c in played),
            "wrong_facts": sum(c.wrong_fact for c in played),
            "by_kind": {kind: dict(counts) for kind, counts in sorted(by_kind.items())},
        }
        if part == "dev":
            report["dev_failures"] = [c.__dict__ for c in played if not c.right]
    return report


# children first: every table a conversation can change, and what they refer to
RECORD_TABLES = (
    identity_checks,
    contact_changes,
    return_visits,
    service_assignments,
    claims,
    policies,
    customers,
    agents,
)


def fresh_records(engine: Engine, records_dir: Path) -> None:
    """The demo records as loaded, for the next conversation (the evaluation's own database
    only): no identity checks of earlier customers, no mobile an earlier one changed."""
    with engine.begin() as connection:
        for table in RECORD_TABLES:
            connection.execute(delete(table))
    load_demo_records(SqlPolicyRecords(engine), records_dir, china_today())


def main(argv: list[str] | None = None) -> int:
    """Start the assistant, play the conversations, print and write the report."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--model", type=Path, help="the model to serve (default: production)")
    parser.add_argument("--quiet", action="store_true", help="scores only, no dev failures")
    args = parser.parse_args(argv)
    settings = load_settings()
    prepare(settings, sys.stdout)
    model = args.model
    if model is None:
        spec = production_model()
        print(ensure_trained(spec, settings), flush=True)
        model = spec.path
    engine = make_engine(settings.database_url)
    try:
        with serving(model) as chat:
            report = evaluate(chat, fresh=lambda: fresh_records(engine, settings.records_dir))
    finally:
        engine.dispose()
    if not args.quiet:
        for failure in report["dev_failures"]:
            print(f"--- {failure['id']} ({failure['kind']})")
            for turn in failure["turns"]:
                print(f"  > {turn['user']}")
                print("    " + turn["reply"].replace("\n", "\n    "))
                if turn["missing"] or turn["wrong"]:
                    print(f"    missing {turn['missing']}  wrong {turn['wrong']}")
    for part in ("dev", "held_out"):
        figures = report[part]
        total = figures["conversations"] or 1
        print(
            f"{part} ({', '.join(figures['writers'])}): {figures['right']}/"
            f"{figures['conversations']} = {figures['right'] / total:.1%} right, "
            f"wrong facts asserted in {figures['wrong_facts']}"
        )
        for kind, counts in figures["by_kind"].items():
            print(f"  {kind}: {counts.get('right', 0)}/{counts['conversations']}")
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
