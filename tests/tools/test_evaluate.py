from __future__ import annotations

import json
from pathlib import Path

import yaml

from bot.settings import PROJECT_ROOT
from tools.evaluate import (
    DEV_SET,
    NLU_TEST_SET,
    TRAINING_DATA,
    comparable,
    example_texts,
    fallback_rate,
    fallback_threshold,
    predictions,
    unseen_macro_f1,
)


def test_comparable_drops_markup_spaces_and_punctuation() -> None:
    assert comparable("我住院花了[8000元](amount)， 能报吗？") == "我住院花了8000元能报吗"


def test_example_texts_reads_every_example(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_text(
        'version: "3.1"\nnlu:\n- intent: greet\n  examples: |\n    - 你好！\n    - 在吗\n',
        encoding="utf-8",
    )
    assert example_texts([tmp_path / "a.yml"]) == {"你好", "在吗"}


def test_unseen_macro_f1_scores_only_texts_not_trained_on(tmp_path: Path) -> None:
    def row(text: str, gold: str, predicted: str) -> dict[str, object]:
        return {"text": text, "intent": gold, "intent_prediction": {"name": predicted}}

    successes = [row("你好", "greet", "greet"), row("我要报案", "report_claim", "report_claim")]
    errors = [row("理赔咋弄", "ask_claim_process", "report_claim")]
    (tmp_path / "intent_successes.json").write_text(json.dumps(successes, ensure_ascii=False))
    (tmp_path / "intent_errors.json").write_text(json.dumps(errors, ensure_ascii=False))
    result = unseen_macro_f1(predictions(tmp_path), seen={"你好"})
    assert result["messages"] == 2
    assert result["macro_f1"] == 0.3333  # report_claim F1 2/3, ask_claim_process 0


def test_fallback_rate_counts_predictions_under_the_threshold() -> None:
    rows = [{"intent_prediction": {"confidence": c}} for c in (0.9, 0.35, 0.2, 0.6)]
    assert fallback_rate(rows, 0.4) == {"threshold": 0.4, "rate": 0.5}


def test_the_threshold_is_read_from_config(tmp_path: Path) -> None:
    config = tmp_path / "config.yml"
    config.write_text("pipeline:\n  - name: FallbackClassifier\n    threshold: 0.3\n")
    assert fallback_threshold(config) == 0.3


def test_the_dev_set_is_apart_from_training_and_held_out() -> None:
    dev = example_texts([DEV_SET])
    assert len(dev) >= 500
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    intents = {i if isinstance(i, str) else next(iter(i)) for i in domain["intents"]}
    dev_intents = {item["intent"] for item in yaml.safe_load(DEV_SET.read_text())["nlu"]}
    assert dev_intents <= intents
    # Short replies and common phrasings ("怎么变更受益人") coincide between writers; more
    # than a few longer ones would mean copying.
    longer = {t for t in dev if len(t) > 6}
    assert len(longer & example_texts(TRAINING_DATA.glob("*.yml"))) < 0.05 * len(dev)
    assert len(longer & example_texts([NLU_TEST_SET])) < 0.05 * len(dev)
