from __future__ import annotations

from typing import Any

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.utils.endpoints import EndpointConfig

from bot.runtime import rasa_main

RASAS_CHECK = RemoteAction._validate_action_result
WELL_FORMED: dict[str, Any] = {
    "events": [{"event": "slot", "name": "product", "value": "KN-CI-2024", "timestamp": None}],
    "responses": [{"text": "等待期为90天。", "citations": [{"article": "2.4"}]}],
}
MALFORMED = [
    {"events": [{"event": "no_such_event"}], "responses": []},
    {"events": "SlotSet", "responses": []},
    {"events": [], "responses": ["plain text"]},
    {"events": [{"event": "slot", "value": "x"}], "responses": []},
]


@pytest.fixture
def action() -> RemoteAction:
    rasa_main.install()
    return RemoteAction("action_consult", EndpointConfig("http://127.0.0.1:1/webhook"))


def test_install_replaces_rasas_check(action: RemoteAction) -> None:
    assert RemoteAction._validate_action_result is rasa_main.validate_action_result


def test_a_well_formed_reply_passes(action: RemoteAction) -> None:
    assert RASAS_CHECK(action, WELL_FORMED) is True
    assert action._validate_action_result(WELL_FORMED) is True


@pytest.mark.parametrize("reply", MALFORMED)
def test_a_malformed_reply_is_refused_as_rasa_would(
    action: RemoteAction, reply: dict[str, Any]
) -> None:
    with pytest.raises(ValidationError) as rasas:
        RASAS_CHECK(action, reply)
    with pytest.raises(ValidationError, match="Failed to validate Action server response") as ours:
        action._validate_action_result(reply)
    assert ours.value.message == rasas.value.message
