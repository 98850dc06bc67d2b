"""Rasa's command line with MingBao's fixes to Rasa 3.6 installed first.

``python -m bot.runtime.rasa_main run …`` takes the same arguments as ``rasa``. The fixes:

- Rasa checks every reply of the action server against its JSON schema for action results with
  ``jsonschema.validate``, which first checks that schema against the meta-schema, on every
  call: measured as half of the Rasa server's CPU time per turn. Here the validator is built once;
  what is accepted and rejected, and the error raised, are unchanged.
- When the action server cannot be reached or fails, Rasa logs it and the customer gets nothing
  at all. Here the customer gets ``utter_actions_unavailable`` (an apology and the offer of a
  person) once per turn instead.
- A policy that predicts the action that just ran again (a form rejected, then the fallback, then
  the fallback …) spins until Rasa's circuit breaker trips after ten, and from then on every
  message of that conversation trips it at once: the customer gets nothing, ever. Here the same
  action twice in a row becomes listening instead, and a turn that still ends without listening
  ends with the apology, the active form left and the bot listening.
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
from rasa.core.actions.action import (
    Action,
    ActionExecutionRejection,
    RemoteAction,
    action_for_name_or_text,
)
from rasa.core.channels.channel import OutputChannel
from rasa.core.nlg import NaturalLanguageGenerator
from rasa.core.policies.policy import PolicyPrediction
from rasa.core.processor import MessageProcessor
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.constants import ACTION_LISTEN_NAME, ACTION_SESSION_START_NAME, REQUESTED_SLOT
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    BotUttered,
    Event,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException

APOLOGY_RESPONSE = "utter_actions_unavailable"
# Used only when the domain lacks the response above.
APOLOGY_TEXT = "抱歉，系统暂时出了点问题，请稍后再试；需要人工服务请回复“转人工”。"
TOKEN_VARIABLE = "MINGBAO_RASA_TOKEN"

logger = logging.getLogger(__name__)
_run_remote_action = RemoteAction.run
_predict_next = MessageProcessor.predict_next_with_tracker_if_should
_run_prediction_loop = MessageProcessor._run_prediction_loop
LOOP_GUARD = "mingbao_loop_guard"


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


def predict_or_listen(
    processor: MessageProcessor, tracker: DialogueStateTracker
) -> tuple[Action, PolicyPrediction]:
    """The next action, or listening when it is the action that just ran."""
    action, prediction = _predict_next(processor, tracker)
    latest = tracker.latest_action_name
    if action.name() != latest or latest in (ACTION_LISTEN_NAME, ACTION_SESSION_START_NAME):
        return action, prediction
    logger.warning("%s predicted twice in a row for %s: listening", latest, tracker.sender_id)
    listen = action_for_name_or_text(
        ACTION_LISTEN_NAME, processor.domain, processor.action_endpoint
    )
    return listen, PolicyPrediction.for_action_name(
        processor.domain, ACTION_LISTEN_NAME, LOOP_GUARD
    )


async def run_prediction_loop_then_listen(
    processor: MessageProcessor, output_channel: OutputChannel, tracker: DialogueStateTracker
) -> None:
    """Rasa's prediction loop; a turn it ends without listening (the circuit breaker) is closed:
    the apology, any active form left, the bot listening for the next message."""
    await _run_prediction_loop(processor, output_channel, tracker)
    if tracker.is_paused() or tracker.latest_action_name in (
        ACTION_LISTEN_NAME,
        ACTION_SESSION_START_NAME,
    ):
        return
    logger.error("the turn of %s ended without listening: closing it", tracker.sender_id)
    closing: list[Event] = [ActiveLoop(None), SlotSet(REQUESTED_SLOT, None)]
    if not apologised_this_turn(tracker):
        closing.append(await apology(processor.nlg, tracker, output_channel.name()))
    closing.append(ActionExecuted(ACTION_LISTEN_NAME, policy=LOOP_GUARD))
    for event in closing:
        tracker.update(event)
    await processor.execute_side_effects(closing, tracker, output_channel)


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
    MessageProcessor.predict_next_with_tracker_if_should = predict_or_listen
    MessageProcessor._run_prediction_loop = run_prediction_loop_then_listen


def main() -> None:
    install()
    sys.argv = with_token(sys.argv, dict(os.environ))
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
