"""The stale-model check: a model is retrained exactly when what it is trained from changed."""

from __future__ import annotations

import dataclasses
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.runtime.model import ModelSpec, fingerprint, is_stale, train, write_test_config
from bot.settings import PROJECT_ROOT, Settings, load_settings


def spec_in(tmp_path: Path) -> tuple[ModelSpec, Settings]:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "nlu.yml").write_text("nlu: []\n")
    (tmp_path / "config.yml").write_text("language: zh\n")
    (tmp_path / "domain.yml").write_text("intents: [greet]\n")
    (tmp_path / "dict.txt").write_text("康宁重疾 2000\n")
    spec = ModelSpec(
        tmp_path / "config.yml",
        tmp_path / "models",
        "m",
        domain=tmp_path / "domain.yml",
        data=(tmp_path / "data",),
    )
    settings = dataclasses.replace(load_settings({}), jieba_dictionary=tmp_path / "dict.txt")
    return spec, settings


def trained(spec: ModelSpec, settings: Settings) -> None:
    spec.out_dir.mkdir(exist_ok=True)
    spec.path.write_bytes(b"model")
    spec.fingerprint_path.write_text(fingerprint(spec, settings))


def test_missing_model_is_stale(tmp_path: Path) -> None:
    spec, settings = spec_in(tmp_path)
    assert is_stale(spec, settings)
    trained(spec, settings)
    assert not is_stale(spec, settings)


def test_changed_training_data_makes_it_stale(tmp_path: Path) -> None:
    spec, settings = spec_in(tmp_path)
    trained(spec, settings)
    (tmp_path / "data" / "nlu.yml").write_text("nlu: [changed]\n")
    assert is_stale(spec, settings)


def test_a_new_product_changes_the_dictionary_and_makes_it_stale(tmp_path: Path) -> None:
    spec, settings = spec_in(tmp_path)
    trained(spec, settings)
    settings.jieba_dictionary.write_text("康宁重疾 2000\n福瑞安康 2000\n")
    assert is_stale(spec, settings)


def test_the_same_inputs_give_the_same_fingerprint(tmp_path: Path) -> None:
    spec, settings = spec_in(tmp_path)
    assert fingerprint(spec, settings) == fingerprint(spec, settings)


def test_test_config_keeps_the_pipeline_and_cuts_epochs(tmp_path: Path) -> None:
    target = write_test_config(PROJECT_ROOT / "config.yml", tmp_path / "test-config.yml")
    source = yaml.safe_load((PROJECT_ROOT / "config.yml").read_text())
    written = yaml.safe_load(target.read_text())
    assert [c["name"] for c in written["pipeline"]] == [c["name"] for c in source["pipeline"]]
    diet = next(c for c in written["pipeline"] if c["name"] == "DIETClassifier")
    assert diet["epochs"] == 10
    assert written["policies"] == source["policies"]
    assert (
        diet["random_seed"]
        == next(c for c in source["pipeline"] if c["name"] == "DIETClassifier")["random_seed"]
    )


def test_training_never_restores_components_from_rasas_shared_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec, settings = spec_in(tmp_path)
    monkeypatch.setenv("RASA_MAX_CACHE_SIZE", "1000")
    runs: list[dict[str, str]] = []

    def rasa_train(command: list[str], **options: Any) -> subprocess.CompletedProcess[str]:
        runs.append(options["env"])
        spec.out_dir.mkdir(exist_ok=True)
        spec.path.write_bytes(b"model")
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(subprocess, "run", rasa_train)
    train(spec, settings)
    assert runs[0]["RASA_MAX_CACHE_SIZE"] == "0"
    assert runs[0]["PATH"] == os.environ["PATH"]
    assert not is_stale(spec, settings)
