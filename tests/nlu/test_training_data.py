"""The NLU training data: read by Rasa without a warning, every intent of the domain taught."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
import yaml
from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader

from bot.settings import PROJECT_ROOT

NLU_FILES = sorted((PROJECT_ROOT / "data" / "nlu").glob("*.yml"))
MIN_EXAMPLES = 40


@pytest.mark.parametrize("path", NLU_FILES, ids=lambda p: p.name)
def test_rasa_reads_every_line_as_an_example(path: Path) -> None:
    """A blank or unmarked line inside ``examples`` is skipped by Rasa with only a warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)
        RasaYAMLReader().reads(path.read_text(encoding="utf-8"))


def test_every_intent_of_the_domain_has_enough_examples() -> None:
    counts: dict[str, int] = {}
    for path in NLU_FILES:
        data = RasaYAMLReader().reads(path.read_text(encoding="utf-8"))
        for intent, number in data.number_of_examples_per_intent.items():
            counts[intent] = counts.get(intent, 0) + number
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    too_few = {i: counts.get(i, 0) for i in domain["intents"] if counts.get(i, 0) < MIN_EXAMPLES}
    assert not too_few, f"intents with fewer than {MIN_EXAMPLES} examples in data/nlu: {too_few}"
    assert set(counts) <= set(domain["intents"]), "data/nlu teaches intents domain.yml lacks"
