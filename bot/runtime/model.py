"""The trained Rasa model: is it stale, and training it when it is.

A model is stale when anything it is trained from changed since it was trained: the Rasa files,
the training data, the jieba dictionary written from the knowledge base (so a new product means a
new model), or our NLU components. The fingerprint of those inputs is kept next to the model.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.settings import PROJECT_ROOT, Settings, load_settings

TRAINING_DATA = tuple(PROJECT_ROOT / "data" / part for part in ("nlu", "rules", "stories"))
COMPONENTS = PROJECT_ROOT / "bot" / "nlu"
TEST_EPOCHS = {"DIETClassifier": 10}


@dataclass(frozen=True)
class ModelSpec:
    """Which model: what it is trained from, where it goes, under which fixed name."""

    config: Path
    out_dir: Path
    name: str
    domain: Path = PROJECT_ROOT / "domain.yml"
    data: tuple[Path, ...] = TRAINING_DATA

    @property
    def inputs(self) -> tuple[Path, ...]:
        """Every file or folder the model depends on (our NLU components included)."""
        return (self.config, self.domain, *self.data, COMPONENTS)

    @property
    def path(self) -> Path:
        return self.out_dir / f"{self.name}.tar.gz"

    @property
    def fingerprint_path(self) -> Path:
        return self.out_dir / f"{self.name}.fingerprint"

    @property
    def training_time_path(self) -> Path:
        """Seconds the last training took (make bench reports it)."""
        return self.out_dir / f"{self.name}.seconds"


def production_model() -> ModelSpec:
    """The model ``make run`` serves: ``config.yml`` → ``models/mingbao.tar.gz``."""
    return ModelSpec(PROJECT_ROOT / "config.yml", PROJECT_ROOT / "models", "mingbao")


def small_model() -> ModelSpec:
    """The small model the conversation tests use: fewer epochs, same pipeline and seeds."""
    return ModelSpec(
        PROJECT_ROOT / "var" / "test-config.yml", PROJECT_ROOT / "models" / "test", "mingbao-test"
    )


def write_test_config(source: Path, target: Path, epochs: dict[str, int] = TEST_EPOCHS) -> Path:
    """``source`` with the epochs of the named components replaced, written to ``target``."""
    config: dict[str, Any] = yaml.safe_load(source.read_text(encoding="utf-8"))
    for part in ("pipeline", "policies"):
        for component in config.get(part) or []:
            if component.get("name") in epochs:
                component["epochs"] = epochs[component["name"]]
    target.parent.mkdir(parents=True, exist_ok=True)
    header = f"# Written by bot.runtime.model from {source.name} for the conversation tests; do not edit.\n"
    target.write_text(header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
    return target


def fingerprint(spec: ModelSpec, settings: Settings) -> str:
    """A hash of everything the model is trained from, the jieba dictionary included."""
    digest = hashlib.sha256()
    files = [settings.jieba_dictionary]
    for path in spec.inputs:
        files += sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for path in files:
        if path.suffix == ".pyc" or not path.exists():
            continue
        name = path.relative_to(PROJECT_ROOT) if path.is_relative_to(PROJECT_ROOT) else path
        digest.update(str(name).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def is_stale(spec: ModelSpec, settings: Settings) -> bool:
    """Whether the model is missing or was trained from other inputs."""
    if not spec.path.exists() or not spec.fingerprint_path.exists():
        return True
    return spec.fingerprint_path.read_text().strip() != fingerprint(spec, settings)


def training_environment() -> dict[str, str]:
    """The environment of ``rasa train``: Rasa's component cache off.

    A component restored from the cache (``~/.rasa/cache``, shared by every model on the machine)
    hands DIET the same features in a way that trains it to a different model than computing them
    afresh does, so the model a fresh clone trained depended on what this machine had trained
    before. Without the cache, the same inputs give the same model; featurising again costs
    about a minute.
    """
    return {**os.environ, "RASA_MAX_CACHE_SIZE": "0"}


def train(spec: ModelSpec, settings: Settings) -> float:
    """Train the model with ``rasa train`` and record its fingerprint; the seconds it took.

    Raises:
        RuntimeError: training failed; Rasa's output says why.
    """
    started = time.perf_counter()
    inputs = fingerprint(spec, settings)
    command = [sys.executable, "-m", "rasa", "train", "--config", str(spec.config)]
    command += ["--domain", str(spec.domain), "--data", *(str(d) for d in spec.data)]
    command += ["--out", str(spec.out_dir), "--fixed-model-name", spec.name]
    result = subprocess.run(command, cwd=PROJECT_ROOT, env=training_environment(), check=False)
    if result.returncode != 0 or not spec.path.exists():
        raise RuntimeError(
            f"rasa train failed (exit {result.returncode}); read its output above, fix the "
            "training data or config, then run again"
        )
    seconds = time.perf_counter() - started
    spec.fingerprint_path.write_text(inputs + "\n")
    spec.training_time_path.write_text(f"{seconds:.1f}\n")
    return seconds


def ensure_trained(spec: ModelSpec, settings: Settings) -> str:
    """Train when stale; a line saying what happened."""
    if not is_stale(spec, settings):
        return f"model {spec.path.name} is up to date"
    print(f"training model {spec.path.name} (its inputs changed) …", flush=True)
    seconds = train(spec, settings)
    return f"model {spec.path.name} trained in {seconds:.0f} s"


def main(argv: list[str] | None = None) -> int:
    """``python -m bot.runtime.model [--test]``: train the model if stale and say so."""

    parser = argparse.ArgumentParser(prog="python -m bot.runtime.model", description=main.__doc__)
    parser.add_argument("--test", action="store_true", help="the small model of the tests")
    args = parser.parse_args(argv)
    spec = small_model() if args.test else production_model()
    if args.test:
        write_test_config(PROJECT_ROOT / "config.yml", spec.config)
    try:
        print(ensure_trained(spec, load_settings()), flush=True)
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
