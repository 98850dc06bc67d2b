"""The research data the protocol tests run on is the copy its README names, unedited."""

from __future__ import annotations

import hashlib
import re

import pytest

from tests.channels.wechat.research import DATA


@pytest.mark.parametrize("name", ["wechat_vectors.json", "wechat_message_fixtures.json"])
def test_data_files_are_the_research_copies(name: str) -> None:
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    listed = re.search(rf"\| `{re.escape(name)}` \|.*\| `([0-9a-f]{{64}})` \|", readme)
    assert listed is not None, f"{name} is not listed with its hash in data/README.md"
    assert hashlib.sha256((DATA / name).read_bytes()).hexdigest() == listed.group(1)
