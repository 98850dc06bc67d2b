"""Every bot message carries its provenance, template replies included."""

from __future__ import annotations

from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered

from bot.compliance.provenance import add_provenance


def conversation() -> list[object]:
    return [
        UserUttered("你好", intent={"name": "greet", "confidence": 0.98}),
        ActionExecuted("utter_greet", policy="RulePolicy", confidence=1.0),
        BotUttered("您好", metadata={"utter_action": "utter_greet"}),
        UserUttered("等待期多久", intent={"name": "ask_waiting_period", "confidence": 0.91}),
        ActionExecuted("action_consult", policy="RulePolicy", confidence=1.0),
        BotUttered(
            "90日",
            metadata={
                "citations": [{"product": "KN-CI-2024", "version": "2024", "article": "2.3"}]
            },
        ),
    ]


def test_each_bot_message_gets_the_intent_and_action_it_answers() -> None:
    events = conversation()
    add_provenance(events)  # type: ignore[arg-type]
    greeting, answer = events[2], events[5]
    assert isinstance(greeting, BotUttered) and isinstance(answer, BotUttered)
    assert greeting.metadata["intent"] == "greet" and greeting.metadata["action"] == "utter_greet"
    assert greeting.metadata["citations"] == []
    assert answer.metadata["intent"] == "ask_waiting_period"
    assert answer.metadata["intent_confidence"] == 0.91
    assert answer.metadata["policy"] == "RulePolicy"
    assert answer.metadata["citations"][0]["article"] == "2.3"  # the action's own is kept
