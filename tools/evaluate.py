"""``make eval``: how well the assistant understands and answers, written to ``reports/``.

1. Held-out NLU test set (``tests/nlu/test_nlu.yml``): intent macro-F1, entity F1 per
   extractor, confusion matrix PNG (``rasa test nlu``). Short messages ("你好", "是的") are
   written the same way by anyone, so the held-out set shares some texts with the training data;
   the macro-F1 on the held-out texts found nowhere in training is reported beside the whole
   set's. The dev set (``tests/nlu/dev_nlu.yml``, a third writer's) is scored too: configuration
   choices are made on it, so the held-out figure stays a fair report.
2. Conversation tests (``tests/conversation/test_stories.yml``): ``rasa test core`` with
   ``--fail-on-prediction-errors``.
3. Answers over REST: the conversations in ``tests/conversation/answers.yml`` sent to a running
   assistant; every fact a reply must hold and none it must not.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml
from sklearn.metrics import f1_score

from bot.runtime.model import ModelSpec, ensure_trained, production_model
from bot.runtime.run import prepare, started
from bot.settings import PROJECT_ROOT, load_settings
from tools.qa import wrong_facts

ANSWER_CASES = PROJECT_ROOT / "tests" / "conversation" / "answers.yml"
NLU_TEST_SET = PROJECT_ROOT / "tests" / "nlu" / "test_nlu.yml"
# Written by a third hand, for choosing between configurations; the held-out set is for reporting.
DEV_SET = PROJECT_ROOT / "tests" / "nlu" / "dev_nlu.yml"
TRAINING_DATA = PROJECT_ROOT / "data" / "nlu"
CONFIG = PROJECT_ROOT / "config.yml"
TEST_STORIES = PROJECT_ROOT / "tests" / "conversation" / "test_stories.yml"
REPORTS = PROJECT_ROOT / "reports"
EVAL_PORTS = {"RASA_PORT": "25005", "ACTIONS_PORT": "25055", "DESK_PORT": "28080"}
TARGET_MACRO_F1 = 0.95
# Each extractor is scored on the entities it is there to find (Rasa scores every one on all).
EXTRACTOR_ENTITIES = {
    "KnowledgeEntityExtractor": ("product", "disease", "clause_topic"),
    "RegexEntityExtractor": ("policy_number", "mobile", "id_number", "date", "amount"),
}

Chat = Callable[[str, str], str]


@dataclass
class CaseResult:
    """One conversation of the answer check."""

    name: str
    problems: list[str] = field(default_factory=list)
    wrong_facts: int = 0


def load_answer_cases(path: Path = ANSWER_CASES) -> list[dict[str, Any]]:
    """The conversations to check: ``name`` and ``turns`` of ``say`` / ``must`` / ``must_not``."""
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(cases, list) or not all("turns" in c for c in cases):
        raise ValueError(f"{path}: expected a list of cases, each with a name and turns")
    return cases


def check_case(case: dict[str, Any], chat: Chat, sender: str) -> CaseResult:
    """Send each turn as ``sender`` and compare the replies with the facts."""
    result = CaseResult(case["name"])
    for turn in case["turns"]:
        reply = chat(sender, turn["say"])
        problems = wrong_facts(reply, turn)
        result.wrong_facts += sum(p.startswith("contains") for p in problems)
        result.problems += [f"{turn['say']!r}: {p}" for p in problems]
    return result


def rest_chat(rasa_url: str) -> Chat:
    """A ``chat(sender, message) -> reply text`` over Rasa's REST channel."""

    def chat(sender: str, message: str) -> str:
        body = json.dumps({"sender": sender, "message": message}).encode()
        request = urllib.request.Request(
            f"{rasa_url}/webhooks/rest/webhook", body, {"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            return "\n".join(reply.get("text", "") for reply in json.load(response))

    return chat


def test_nlu(test_set: Path, model: Path, out: Path) -> int:
    """``rasa test nlu`` on ``test_set``, successes kept for the unseen-text and fallback figures."""
    arguments = ["nlu", "--nlu", str(test_set), "--model", str(model), "--out", str(out)]
    return rasa_test([*arguments, "--successes"])


def rasa_test(arguments: list[str]) -> int:
    """Run ``rasa test …`` and return its exit code."""
    command = [sys.executable, "-m", "rasa", "test", *arguments]
    return subprocess.run(command, cwd=PROJECT_ROOT, check=False).returncode


def comparable(text: str) -> str:
    """A message without entity mark-up, spaces and punctuation, for spotting the same text."""
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    return "".join(c for c in text if c.isalnum())


def example_texts(paths: Iterable[Path]) -> set[str]:
    """Every example of the NLU files ``paths``, comparable."""
    texts: set[str] = set()
    for path in paths:
        for item in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu") or []:
            for line in str(item.get("examples", "")).splitlines():
                texts.add(comparable(line.strip().removeprefix("- ")))
    return texts


def predictions(out: Path) -> list[dict[str, Any]]:
    """Every held-out message with its intent and the classifier's prediction."""
    rows: list[dict[str, Any]] = []
    for name in ("intent_successes.json", "intent_errors.json"):
        if (out / name).exists():
            rows += json.loads((out / name).read_text())
    return rows


def fallback_threshold(config: Path = CONFIG) -> float:
    """The confidence under which the FallbackClassifier asks the customer to rephrase."""
    pipeline = yaml.safe_load(config.read_text(encoding="utf-8"))["pipeline"]
    return float(next(c for c in pipeline if c["name"] == "FallbackClassifier")["threshold"])


def fallback_rate(rows: list[dict[str, Any]], threshold: float) -> dict[str, float]:
    """How often a held-out message would be answered "please rephrase" (rasa test nlu undoes
    the FallbackClassifier, so its accuracy does not show this)."""
    confidences = [(r.get("intent_prediction") or {}).get("confidence") or 0.0 for r in rows]
    low = sum(c < threshold for c in confidences)
    return {"threshold": threshold, "rate": round(low / len(rows), 4) if rows else 0.0}


def unseen_macro_f1(rows: list[dict[str, Any]], seen: set[str]) -> dict[str, float | int]:
    """Intent macro-F1 over the held-out messages whose text is not in the training data."""
    unseen = [r for r in rows if comparable(r["text"]) not in seen]
    gold = [r["intent"] for r in unseen]
    predicted = [(r.get("intent_prediction") or {}).get("name") or "" for r in unseen]
    return {
        "messages": len(unseen),
        "macro_f1": round(
            float(f1_score(gold, predicted, labels=sorted(set(gold)), average="macro")), 4
        ),
    }


def nlu_summary(out: Path) -> dict[str, Any]:
    """Intent macro-F1, and each extractor's F1 on the entities it is there to find."""
    intents = json.loads((out / "intent_report.json").read_text())
    messages = predictions(out)
    summary: dict[str, Any] = {
        "intent_macro_f1": round(intents["macro avg"]["f1-score"], 4),
        "intent_accuracy": round(intents.get("accuracy", 0.0), 4),
        "unseen_texts": unseen_macro_f1(messages, example_texts(TRAINING_DATA.glob("*.yml"))),
        "fallback": fallback_rate(messages, fallback_threshold()),
        "confusion_matrix": str(out / "intent_confusion_matrix.png"),
        "entity_f1": {},
    }
    for extractor, names in EXTRACTOR_ENTITIES.items():
        report_path = out / f"{extractor}_report.json"
        if not report_path.exists():
            continue
        report = json.loads(report_path.read_text())
        rows = {name: report[name] for name in names if report.get(name, {}).get("support")}
        support = sum(row["support"] for row in rows.values())
        summary["entity_f1"][extractor] = {
            "weighted": round(sum(r["f1-score"] * r["support"] for r in rows.values()) / support, 4)
            if support
            else None,
            **{name: round(row["f1-score"], 4) for name, row in rows.items()},
        }
    return summary


@contextmanager
def serving(model: Path) -> Iterator[Chat]:
    """The assistant started on the evaluation ports with ``model``; a REST chat with it."""
    with started({**os.environ, **EVAL_PORTS}, "--model", str(model)):
        yield rest_chat(f"http://127.0.0.1:{EVAL_PORTS['RASA_PORT']}")


def answer_check(model: Path) -> list[CaseResult]:
    """Start the assistant on the evaluation ports, run every answer case, stop it."""
    with serving(model) as chat:
        stamp = time.time_ns()
        return [
            check_case(case, chat, f"eval-{stamp}-{number}")
            for number, case in enumerate(load_answer_cases())
        ]


def main(argv: list[str] | None = None) -> int:
    """Evaluate the model (the production one by default, trained first when stale)."""
    parser = argparse.ArgumentParser(prog="python -m tools.evaluate", description=__doc__)
    parser.add_argument("--model", type=Path, help="evaluate this model instead")
    args = parser.parse_args(argv)
    spec: ModelSpec = production_model()
    model = args.model or spec.path
    settings = load_settings()
    prepare(settings, sys.stdout)
    if args.model is None:
        print(ensure_trained(spec, settings), flush=True)
    REPORTS.mkdir(exist_ok=True)
    nlu_out, core_out = REPORTS / "nlu", REPORTS / "conversation"
    nlu_code = test_nlu(NLU_TEST_SET, model, nlu_out)
    dev_out = REPORTS / "nlu-dev"
    dev_code = test_nlu(DEV_SET, model, dev_out)
    stories = ["core", "--stories", str(TEST_STORIES), "--model", str(model)]
    core_code = rasa_test([*stories, "--out", str(core_out), "--fail-on-prediction-errors"])
    answers = answer_check(model)
    nlu = nlu_summary(nlu_out) if nlu_code == 0 else {"error": f"rasa test nlu exit {nlu_code}"}
    if dev_code == 0:
        dev = json.loads((dev_out / "intent_report.json").read_text())
        nlu["dev_macro_f1"] = round(dev["macro avg"]["f1-score"], 4)
    failures = [asdict(r) for r in answers if r.problems]
    summary: dict[str, Any] = {
        "model": str(model),
        "nlu": nlu,
        "conversation_tests_passed": core_code == 0,
        "answers": {
            "conversations": len(answers),
            "passed": len(answers) - len(failures),
            "wrong_facts": sum(r.wrong_facts for r in answers),
            "failures": failures,
        },
    }
    (REPORTS / "eval.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2))
    print_summary(summary)
    macro_f1 = float(nlu.get("intent_macro_f1", 0.0))
    ok = core_code == 0 and not failures and macro_f1 >= TARGET_MACRO_F1
    return 0 if ok else 1


def print_summary(summary: dict[str, Any]) -> None:
    """The numbers on screen, against their targets."""
    nlu, answers = summary["nlu"], summary["answers"]
    print("\nMingBao evaluation (reports/eval.json)")
    print(
        f"  intent macro-F1 (held-out)   {nlu.get('intent_macro_f1')}  target >= {TARGET_MACRO_F1}"
    )
    unseen = nlu.get("unseen_texts") or {}
    print(
        f"    on texts not in training   {unseen.get('macro_f1')}  ({unseen.get('messages')} messages)"
    )
    fallback = nlu.get("fallback") or {}
    print(
        f"    would fall back            {fallback.get('rate')}  "
        f"(confidence < {fallback.get('threshold')}: asked to rephrase)"
    )
    print(
        f"  intent macro-F1 (dev set)    {nlu.get('dev_macro_f1')}  (for choosing configurations)"
    )
    for extractor, f1 in nlu.get("entity_f1", {}).items():
        parts = ", ".join(f"{name} {value}" for name, value in f1.items() if name != "weighted")
        print(f"  entity F1 {extractor:<26} {f1['weighted']}  ({parts})")
    print(f"  confusion matrix             {nlu.get('confusion_matrix')}")
    print(
        f"  conversation tests           {'pass' if summary['conversation_tests_passed'] else 'FAIL'}"
    )
    print(
        f"  answers over REST            {answers['passed']}/{answers['conversations']} "
        f"conversations, {answers['wrong_facts']} wrong facts"
    )
    for failure in answers["failures"]:
        print(f"    {failure['name']}: " + "; ".join(failure["problems"]))


if __name__ == "__main__":
    sys.exit(main())
