"""``make run``: ingest ``data/policies/`` and chat with the knowledge base in the terminal.

Runs in the foreground; Ctrl-C, SIGTERM or end of input stop it cleanly.
"""

from __future__ import annotations

import signal
import sys
from types import FrameType
from typing import TextIO

from bot.db import make_engine
from bot.knowledge.answer import KnowledgeBase
from bot.knowledge.ingest import ingest_files, policy_files
from bot.knowledge.store import SqlKnowledgeRepository
from bot.settings import load_settings


def _stop(signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt(signal.Signals(signum).name)


def main(stdin: TextIO = sys.stdin, out: TextIO = sys.stdout) -> int:
    """Ingest, then answer one question per line until interrupted or input ends."""
    signal.signal(signal.SIGTERM, _stop)
    settings = load_settings()
    engine = make_engine(settings.database_url)
    repository = SqlKnowledgeRepository(engine)
    for result in ingest_files(repository, policy_files(settings.policies_dir)):
        print(("error: " if result.status == "failed" else "") + result.message, file=out)
    knowledge = KnowledgeBase.load(repository)
    print(
        f"\nMingBao knowledge base: {len(knowledge.products)} products, database "
        f"{engine.url.render_as_string(hide_password=True)}",
        file=out,
    )
    print(
        "Products: " + "、".join(f"{p.name}（{p.code}）" for p in knowledge.products.values()),
        file=out,
    )
    print("Ask a question, one per line (e.g. 康宁重疾 原位癌算重疾吗). Ctrl-C stops.\n", file=out)
    context: str | None = None
    try:
        while True:
            print("您> ", end="", file=out, flush=True)
            line = stdin.readline()
            if not line:
                break
            if not line.strip():
                continue
            answer = knowledge.ask(line.strip(), product=context)
            context = answer.product or context
            print(f"明保> {answer.text}\n", file=out, flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        engine.dispose()
    print("\nMingBao stopped.", file=out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
