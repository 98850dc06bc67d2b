"""The WeChat research data (vectors and message fixtures) the tests check the protocol against."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"


def load(name: str) -> dict[str, Any]:
    """One of the JSON files in ``data/`` (see its README for where they came from)."""
    data: dict[str, Any] = json.loads((DATA / name).read_text(encoding="utf-8"))
    return data


VECTORS = load("wechat_vectors.json")
FIXTURES = load("wechat_message_fixtures.json")
