"""``python -m bot.knowledge``: ingest clause documents, ask questions, show what is stored."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from bot.db import make_engine, migrate
from bot.knowledge.answer import KnowledgeBase, Reading
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.ingest import ingest_files
from bot.knowledge.search import domain_words, write_user_dictionary
from bot.knowledge.store import SqlKnowledgeRepository
from bot.settings import load_settings

PERIOD_LABELS = {
    "cooling_off": "犹豫期",
    "waiting": "等待期",
    "grace": "宽限期",
    "reinstatement": "复效期限",
    "limitation": "诉讼时效",
    "claim_notice": "事故通知期限",
    "claim_decision": "核定期限",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot.knowledge",
        description="MingBao clause knowledge base (uses DATABASE_URL).",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    ingest = commands.add_parser("ingest", help="ingest clause documents (Markdown, format v1)")
    ingest.add_argument("files", nargs="+", metavar="FILE")
    ingest.add_argument(
        "--allow-shrink",
        action="store_true",
        help="store a new version even when it lacks periods, benefits, exclusions … that the "
        "current version has (refused by default: the file may be truncated)",
    )
    ask = commands.add_parser("ask", help="ask a question; with no QUESTION, one per stdin line")
    ask.add_argument("--product", metavar="CODE", help="the product the question is about")
    ask.add_argument("--json", action="store_true", help="one JSON object per answer")
    ask.add_argument(
        "--explain", action="store_true", help="also show the situation read and the verdict"
    )
    ask.add_argument("question", nargs="?", metavar="QUESTION")
    show = commands.add_parser("show", help="show a product's facts, or one article")
    show.add_argument("code", metavar="CODE")
    show.add_argument("article", nargs="?", metavar="ARTICLE")
    show.add_argument("--version", help="a stored older version (default: the current one)")
    commands.add_parser("list", help="list the ingested products")
    return parser


def main(
    argv: Sequence[str] | None = None, stdin: TextIO = sys.stdin, out: TextIO = sys.stdout
) -> int:
    """Run the CLI; returns the process exit code."""
    args = build_parser().parse_args(argv)
    settings = load_settings()
    engine = make_engine(settings.database_url)
    migrate(engine)
    repository = SqlKnowledgeRepository(engine)
    if args.command == "ingest":
        failed = 0
        for result in ingest_files(repository, args.files, allow_shrink=args.allow_shrink):
            failed += result.status == "failed"
            stream = sys.stderr if result.status == "failed" else out
            prefix = "error: " if result.status == "failed" else ""
            print(f"{prefix}{result.message}", file=stream)
        words = domain_words(repository.current())
        path = write_user_dictionary(settings.jieba_dictionary, words)
        print(f"jieba user dictionary: {len(words)} words in {path}", file=out)
        return 1 if failed else 0
    if args.command == "list":
        for product in repository.current():
            print(f"{product.code}\t{product.name}\t{product.document.version}", file=out)
        return 0
    if args.command == "show":
        stored = repository.get(args.code, args.version)
        if stored is None:
            known = ", ".join(p.code for p in repository.current()) or "none yet"
            print(
                f"error: no product {args.code} (version {args.version or 'current'}); "
                f"ingested: {known}",
                file=sys.stderr,
            )
            return 2
        return _show(stored, args.article, repository.versions(args.code), out)
    knowledge = KnowledgeBase.load(repository)
    if args.product and args.product not in knowledge.products:
        known = ", ".join(knowledge.products) or "none yet (run: make ingest)"
        print(f"error: unknown product {args.product}; ingested: {known}", file=sys.stderr)
        return 2
    questions = [args.question] if args.question else (line.strip() for line in stdin)
    for question in questions:
        if not question:
            continue
        if args.explain:
            _explain(knowledge.read(question, product=args.product), out)
        answer = knowledge.ask(question, product=args.product)
        print(answer.to_json() if args.json else answer.text + "\n", file=out, flush=True)
    return 0


def _explain(reading: Reading, out: TextIO) -> None:
    """The situation read, the product and disease found, and the verdict (or none)."""
    told = {
        name: value
        for name, value in vars(reading.situation).items()
        if name not in ("text", "today") and value not in (None, (), {}, frozenset())
    }
    print(f"product: {reading.product or '-'}   disease: {reading.disease or '-'}", file=out)
    print(f"topics: {', '.join(reading.asked.topics) or '-'}", file=out)
    for name, value in told.items():
        print(f"situation.{name}: {value}", file=out)
    verdict = reading.verdict
    if verdict is None:
        print("verdict: none (the answer explains the wording)", file=out)
    else:
        print(f"verdict: {verdict.kind} / {verdict.decision}", file=out)
        for reason in verdict.reasons:
            print(f"  because (第{reason.article}条) {reason.text}", file=out)
    print(file=out)


def _show(product: ProductKnowledge, number: str | None, versions: list[str], out: TextIO) -> int:
    document = product.document
    if number is not None:
        article = document.article(number)
        if article is None:
            print(
                f"error: {document.code} version {document.version} has no article {number}",
                file=sys.stderr,
            )
            return 2
        print(
            f"{product.citation(article.number)}\n{article.number} {article.title}\n\n{article.body}",
            file=out,
        )
        return 0
    facts = product.facts
    print(f"{document.code}  {document.name}（{document.insurer}）", file=out)
    print(
        f"类型 {document.product_type}  版本 {document.version}  生效 {document.effective_from}"
        f"  已存版本 {', '.join(versions)}  别名 {'、'.join(document.aliases) or '无'}",
        file=out,
    )
    print("\n期间：", file=out)
    for kind, period in facts.periods.items():
        print(
            f"  {PERIOD_LABELS.get(kind, kind)} {period.label}  （第{period.article}条）", file=out
        )
    print("\n保险责任：", file=out)
    for b in facts.benefits:
        pays = f"{b.percent:g}%" if b.percent is not None else "见条款"
        times = f" ×{b.times}次" if b.times else ""
        ends = "，合同终止" if b.ends_contract else ""
        print(f"  {b.article} {b.name}：{pays}{times}{ends}", file=out)
    print(f"\n责任免除：{len(facts.exclusions)}项", file=out)
    for e in facts.exclusions:
        print(f"  （{e.index}）{e.text[:60]}  （第{e.article}条）", file=out)
    categories: dict[str, int] = {}
    for d in facts.diseases:
        categories[d.category_label] = categories.get(d.category_label, 0) + 1
    print("\n疾病：" + ("；".join(f"{k} {v}种" for k, v in categories.items()) or "无"), file=out)
    print("\n申请材料：", file=out)
    for m in facts.materials:
        print(f"  {m.benefit}（第{m.article}条）：{len(m.items)}项", file=out)
    if facts.medical:
        print("\n医疗参数：", file=out)
        for t in facts.medical:
            amount = f"{t.amount:,.0f}{t.unit}" if t.amount is not None else ""
            print(f"  {t.kind} {t.benefit or ''} {amount}（第{t.article}条）", file=out)
    print(f"\n条款共{len(document.articles)}条，释义术语{len(facts.terms)}个", file=out)
    return 0
