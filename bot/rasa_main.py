"""Rasa's command line with MingBao's fixes to Rasa 3.6 installed first.

``python -m bot.rasa_main run …`` takes the same arguments as ``rasa``. The fixes:

- Rasa checks every reply of the action server against its JSON schema for action results with
  ``jsonschema.validate``, which first checks that schema against the meta-schema, on every
  call: measured as half of the Rasa server's CPU time per turn. Here the validator is built once;
  what is accepted and rejected, and the error raised, are unchanged.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jsonschema.exceptions import best_match
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL


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


def install() -> None:
    """Put the fixes in place (idempotent)."""
    RemoteAction._validate_action_result = validate_action_result


def main() -> None:
    install()
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
