"""The desk's hand-off reasons: a dispute is urgent, anything unnamed is what the bot cannot do."""

from __future__ import annotations

from bot.desk.reasons import DISPUTES, reason_for
from bot.desk.tickets import Priority


def test_disputes_are_high_priority_and_the_rest_normal() -> None:
    assert all(reason_for(intent).priority is Priority.HIGH for intent in DISPUTES)
    assert reason_for("request_human") == ("customer_request", Priority.NORMAL, "好的")


def test_an_intent_without_a_reason_is_what_the_bot_cannot_do() -> None:
    assert reason_for(None).reason == reason_for("ask_weather").reason == "cannot_do"
