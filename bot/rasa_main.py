"""Rasa's command line with MingBao's fixes to Rasa 3.6 installed first.

``python -m bot.rasa_main run …`` takes the same arguments as ``rasa``. The fixes:

- Rasa checks every reply of the action server against its JSON schema for action results with
  ``jsonschema.validate``, which first checks that schema against the meta-schema, on every
  call: measured as half of the Rasa server's CPU time per turn. Here the validator is built once;
  what is accepted and rejected, and the error raised, are unchanged.
- When the action server cannot be reached or fails, Rasa logs it and the customer gets nothing
  at all. Here the customer gets ``utter_actions_unavailable`` (an apology and the offer of a
  person) once per turn instead.
- ``--auth-token`` is read from ``MINGBAO_RASA_TOKEN`` when ``--enable-api`` is given without one,
  so the token never appears in a process list.
"""

from __future__ import annotations

import logging
import os
import sys
from functools import cache
from typing import Any

from jsonschema.exceptions import best_match
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for
from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.core.channels.channel import OutputChannel
from rasa.core.nlg import NaturalLanguageGenerator
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException

APOLOGY_RESPONSE = "utter_actions_unavailable"
# Used only when the domain lacks the response above.
APOLOGY_TEXT = "抱歉，系统暂时出了点问题，请稍后再试；需要人工服务请回复“转人工”。"
TOKEN_VARIABLE = "MINGBAO_RASA_TOKEN"

logger = logging.getLogger(__name__)
_run_remote_action = RemoteAction.run


@cache
def action_result_validator() -> Validator:
    """Rasa's schema for an action server's reply, compiled once."""
    schema = RemoteAction.action_response_format_spec()
    return validator_for(schema)(schema)


def validate_action_result(_action: RemoteAction, result: dict[str, Any]) -> bool:
    """``RemoteAction._validate_action_result`` without re-checking the schema itself."""
    error = best_match(action_result_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (
        ". Failed to validate Action server response from API, make sure your response from "
        f"the Action endpoint is valid. For more information about the format visit "
        f"{DOCS_BASE_URL}/custom-actions"
    )
    raise error


async def run_or_apologise(
    action: RemoteAction,
    output_channel: OutputChannel,
    nlg: NaturalLanguageGenerator,
    tracker: DialogueStateTracker,
    domain: Domain,
) -> list[Event]:
    """``RemoteAction.run``, but a failed call says sorry to the customer (once per turn).

    A rejection (a form slot not filled) is not a failure and is raised as before.
    """
    try:
        events: list[Event] = await _run_remote_action(action, output_channel, nlg, tracker, domain)
        return events
    except ActionExecutionRejection:
        raise
    except RasaException as exc:
        logger.error("action %s failed, the customer is told: %s", action.name(), exc)
        if apologised_this_turn(tracker):
            return []
        return [await apology(nlg, tracker, output_channel.name())]


def apologised_this_turn(tracker: DialogueStateTracker) -> bool:
    """Whether the bot already said sorry since the customer's latest message."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, BotUttered) and event.metadata.get("utter_action") == APOLOGY_RESPONSE:
            return True
    return False


async def apology(
    nlg: NaturalLanguageGenerator, tracker: DialogueStateTracker, channel: str
) -> BotUttered:
    """The apology as a bot message, from the domain's response when it has one."""
    message = await nlg.generate(APOLOGY_RESPONSE, tracker, channel) or {"text": APOLOGY_TEXT}
    text = message.pop("text", None) or APOLOGY_TEXT
    return BotUttered(text, data=message, metadata={"utter_action": APOLOGY_RESPONSE})


def with_token(argv: list[str], environ: dict[str, str]) -> list[str]:
    """``argv`` with ``--auth-token`` from the environment when the API is on and has none."""
    token = environ.get(TOKEN_VARIABLE)
    if "--enable-api" in argv and "--auth-token" not in argv and token:
        return [*argv, "--auth-token", token]
    return argv


def install() -> None:
    """Put the fixes in place (idempotent)."""
    RemoteAction._validate_action_result = validate_action_result
    RemoteAction.run = run_or_apologise


def main() -> None:
    install()
    sys.argv = with_token(sys.argv, dict(os.environ))
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
