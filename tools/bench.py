"""``make bench``: the assistant measured side by side with a bare Rasa bot, in the same run.

The bare bot has the same tokenizer, featurizers, DIET and policies, trained on the same NLU data,
but no custom components, no actions and no knowledge base: each intent has one fixed reply.
Measured over REST on loopback, for both:

- sequential round trip (one conversation at a time) p50/p95/p99;
- 10, 20 and 50 conversations at once, as customers write: each starts at its own moment within the
  first second and writes again 0.5–1.5 s after the reply (a fast typist; seeded, the same in
  every run): latency and messages per second as customers see them;
- capacity: 50 conversations whose clients send again as soon as the reply arrives, so the
  rate is the most the server carries (latency there is queueing, not service);
- resident memory of every process, training time of both models;
- after the load, every conversation's tracker holds each message once, in the order sent.

Prints the numbers and writes ``reports/bench.json``.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import random
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import yaml

from bot.runtime.model import ModelSpec, ensure_trained, production_model
from bot.runtime.run import action_server, prepare, rasa_server, start, with_secrets
from bot.runtime.supervisor import Process, stop_all, wait_ready
from bot.settings import PROJECT_ROOT, Settings, load_settings

REPORT = PROJECT_ROOT / "reports" / "bench.json"
BARE_DIR = PROJECT_ROOT / "var" / "bench" / "bare"
ASSISTANT_PORTS = {"rasa": 35005, "actions": 35055}
BARE_PORT = 36005
CONVERSATION = (
    "你好",
    "康宁重疾 原位癌算重疾吗",
    "那等待期呢",
    "犹豫期退保能退多少",
    "宽限期是多久",
    "理赔要准备什么材料",
    "理赔流程是怎样的",
    "免赔额是多少",
    "哪些情况不赔",
    "谢谢",
)
SEQUENTIAL_CONVERSATIONS = 10
CUSTOMERS = (10, 20, 50)  # conversations at once; 20 offer about the 20 msg/s of DESIGN.md
CUSTOMER_PAUSE = (0.5, 1.5)  # seconds between a reply and the customer's next message
CAPACITY_CONVERSATIONS = 50


@dataclass
class Run:
    """Latencies of one load pattern."""

    latencies: list[float] = field(default_factory=list)
    seconds: float = 0.0
    errors: int = 0

    def summary(self) -> dict[str, float | int]:
        ordered = sorted(self.latencies) or [0.0]

        def pct(fraction: float) -> float:
            return round(1000 * ordered[min(len(ordered) - 1, int(fraction * len(ordered)))], 1)

        return {
            "messages": len(self.latencies),
            "errors": self.errors,
            "p50_ms": pct(0.50),
            "p95_ms": pct(0.95),
            "p99_ms": pct(0.99),
            "mean_ms": round(1000 * statistics.fmean(ordered), 1),
            "messages_per_s": round(len(self.latencies) / self.seconds, 1) if self.seconds else 0,
        }


async def send(session: aiohttp.ClientSession, url: str, sender: str, text: str, run: Run) -> None:
    """One message and its reply, timed."""
    started = time.perf_counter()
    try:
        async with session.post(url, json={"sender": sender, "message": text}) as response:
            await response.read()
            if response.status != 200:
                run.errors += 1
                return
    except aiohttp.ClientError:
        run.errors += 1
        return
    run.latencies.append(time.perf_counter() - started)


Pause = tuple[float, float] | None


async def conversation(
    session: aiohttp.ClientSession, url: str, sender: str, run: Run, pauses: list[float]
) -> None:
    for number, text in enumerate(CONVERSATION):
        if number and pauses:
            await asyncio.sleep(pauses[number])
        await send(session, url, sender, text, run)


async def at_once(url: str, tag: str, users: int, rounds: int = 1, pause: Pause = None) -> Run:
    """``users`` conversations at once, ``rounds`` each.

    With ``pause`` (shortest, longest seconds) each conversation starts at a random moment within
    the first second and the customer waits that long between a reply and the next message, as
    people do; without, clients send as soon as the reply arrives.
    """
    run = Run()
    connector = aiohttp.TCPConnector(limit=0)
    chance = random.Random(users)
    starts = [chance.random() if pause else 0.0 for _ in range(users)]
    pauses = [[chance.uniform(*pause) for _ in CONVERSATION] if pause else [] for _ in range(users)]
    async with aiohttp.ClientSession(connector=connector) as session:
        started = time.perf_counter()

        async def user(number: int) -> None:
            await asyncio.sleep(starts[number])
            for round_ in range(rounds):
                sender = sender_id(tag, users, number, round_)
                await conversation(session, url, sender, run, pauses[number])

        await asyncio.gather(*(user(n) for n in range(users)))
        run.seconds = time.perf_counter() - started
    return run


def sender_id(tag: str, users: int, number: int, round_: int = 0) -> str:
    return f"{tag}-{users}-{number}-{round_}"


async def events_in_order(
    rasa_url: str, senders: Sequence[str], token: str | None = None
) -> dict[str, int]:
    """Check each conversation's tracker: every message once, in the order it was sent."""
    problems = 0
    params = {"token": token} if token else {}
    async with aiohttp.ClientSession() as session:
        for sender in senders:
            tracker_url = f"{rasa_url}/conversations/{sender}/tracker"
            async with session.get(tracker_url, params=params) as response:
                tracker = await response.json()
            texts = [e["text"] for e in tracker["events"] if e["event"] == "user"]
            problems += texts != list(CONVERSATION)
    return {"conversations_checked": len(senders), "lost_or_reordered": problems}


def rss_mb(process: Process) -> dict[str, float]:
    """Resident and peak resident memory of a process, from /proc."""
    values: dict[str, float] = {}
    status = Path(f"/proc/{process.popen.pid}/status").read_text()
    for line in status.splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[{"VmRSS": "rss_mb", "VmHWM": "peak_rss_mb"}[key]] = round(
                int(rest.split()[0]) / 1024, 1
            )
    return values


def write_bare_bot(directory: Path = BARE_DIR) -> ModelSpec:
    """The bare bot's config, domain and rules, generated from ours."""
    config = yaml.safe_load((PROJECT_ROOT / "config.yml").read_text(encoding="utf-8"))
    config["pipeline"] = [c for c in config["pipeline"] if not c["name"].startswith("bot.")]
    config["policies"] = [{**p} for p in config["policies"]]
    for policy in config["policies"]:
        policy.pop("core_fallback_action_name", None)
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    intents = [i if isinstance(i, str) else next(iter(i)) for i in domain["intents"]]
    bare_domain = {
        "version": "3.1",
        "intents": intents,
        "entities": domain.get("entities", []),
        "responses": {f"utter_{i}": [{"text": f"好的（{i}）"}] for i in intents},
    }
    rules = {
        "version": "3.1",
        "rules": [{"rule": i, "steps": [{"intent": i}, {"action": f"utter_{i}"}]} for i in intents],
    }
    (directory / "data").mkdir(parents=True, exist_ok=True)
    (directory / "endpoints.yml").write_text("# in-memory tracker store, no action server\n{}\n")
    for path, content in (
        (directory / "config.yml", config),
        (directory / "domain.yml", bare_domain),
        (directory / "data" / "rules.yml", rules),
    ):
        path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False))
    return ModelSpec(
        directory / "config.yml",
        directory / "models",
        "bare",
        domain=directory / "domain.yml",
        data=(PROJECT_ROOT / "data" / "nlu", directory / "data"),
    )


async def measure(rasa_url: str, tag: str, token: str | None = None) -> dict[str, Any]:
    """Every load pattern against one Rasa server."""
    url = f"{rasa_url}/webhooks/rest/webhook"
    await at_once(url, f"{tag}-warmup", 1)
    results: dict[str, Any] = {
        "sequential": (await at_once(url, tag, 1, SEQUENTIAL_CONVERSATIONS)).summary()
    }
    for users in CUSTOMERS:
        run = await at_once(url, f"{tag}-customers", users, pause=CUSTOMER_PAUSE)
        results[f"customers_{users}"] = run.summary()
    capacity = await at_once(url, f"{tag}-capacity", CAPACITY_CONVERSATIONS)
    results["capacity"] = capacity.summary()
    senders = [sender_id(f"{tag}-customers", max(CUSTOMERS), n) for n in range(max(CUSTOMERS))]
    results["events"] = await events_in_order(rasa_url, senders, token)
    return results


def bench_assistant(settings: Settings, model: Path, tag: str) -> dict[str, Any]:
    """Start the action server and Rasa on bench ports, load them, read their memory."""
    ours = dataclasses.replace(
        settings, rasa_port=ASSISTANT_PORTS["rasa"], actions_port=ASSISTANT_PORTS["actions"]
    )
    processes = [action_server(ours), rasa_server(ours, model)]
    try:
        for process in processes:
            wait_ready(process)
        results = asyncio.run(measure(ours.rasa_url, tag, ours.rasa_token))
        results["memory"] = {p.name: rss_mb(p) for p in processes}
        return results
    finally:
        stop_all(processes)


def bench_bare(settings: Settings, model: Path, tag: str) -> dict[str, Any]:
    """Start the bare bot (in-memory tracker store, no action server), load it."""
    command = [sys.executable, "-m", "rasa", "run", "--model", str(model), "--enable-api"]
    command += ["--interface", "127.0.0.1", "--port", str(BARE_PORT)]
    # Without --endpoints Rasa reads ./endpoints.yml: our tracker store and action server.
    command += ["--endpoints", str(BARE_DIR / "endpoints.yml")]
    url = f"http://127.0.0.1:{BARE_PORT}"
    process = start("bare Rasa bot", command, f"{url}/status", settings)
    try:
        wait_ready(process)
        results = asyncio.run(measure(url, tag))
        results["memory"] = {process.name: rss_mb(process)}
        return results
    finally:
        stop_all([process])


def main() -> int:
    """Train what is stale, measure both bots, print and save the comparison."""
    settings = with_secrets(load_settings())
    prepare(settings, sys.stdout)
    ours, bare = production_model(), write_bare_bot()
    for spec in (ours, bare):
        print(ensure_trained(spec, settings), flush=True)
    tag = f"bench-{time.time_ns()}"
    report: dict[str, Any] = {
        "training_seconds": {
            "assistant": float(ours.training_time_path.read_text()),
            "bare": float(bare.training_time_path.read_text()),
        },
        "bare": bench_bare(settings, bare.path, f"{tag}-bare"),
        "assistant": bench_assistant(settings, ours.path, f"{tag}-assistant"),
    }
    a, b = report["assistant"], report["bare"]
    report["comparison"] = {
        "sequential_p50_ratio": round(a["sequential"]["p50_ms"] / b["sequential"]["p50_ms"], 2),
        "capacity_ratio": round(
            a["capacity"]["messages_per_s"] / b["capacity"]["messages_per_s"], 2
        ),
    }
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(json.dumps(report, ensure_ascii=False, indent=2))
    print_report(report)
    return 0


def print_report(report: dict[str, Any]) -> None:
    """The table on screen."""
    print(f"\nMingBao benchmark ({REPORT.relative_to(PROJECT_ROOT)})")
    print(f"{'':34}{'assistant':>22}{'bare Rasa':>22}")
    for key in report["assistant"]:
        if key in ("memory", "events"):
            continue
        a, b = report["assistant"][key], report["bare"][key]
        for metric in ("p50_ms", "p95_ms", "p99_ms", "messages_per_s", "errors"):
            print(f"  {key + ' ' + metric:<32}{a[metric]:>22}{b[metric]:>22}")
    for side in ("assistant", "bare"):
        for name, memory in report[side]["memory"].items():
            print(f"  memory {name:<25} {memory}")
        print(f"  events ({side}): {report[side]['events']}")
    print(f"  training seconds: {report['training_seconds']}")
    print(f"  comparison: {report['comparison']}")
    for users in CUSTOMERS[:2]:
        run = report["assistant"][f"customers_{users}"]
        print(
            f"  target: p95 < 100 ms with {users} conversations at once "
            f"({run['messages_per_s']} msg/s offered) — assistant {run['p95_ms']} ms"
        )


if __name__ == "__main__":
    sys.exit(main())
