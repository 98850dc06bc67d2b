"""The bases every action and form of MingBao builds on: each request's work is done in one unit
of work (:func:`actions.services.unit_of_work`), committed when the action returns and rolled back
when it fails. They are ABCs, so rasa_sdk does not register them as actions."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.services import unit_of_work


class ServiceAction(Action, ABC):
    """An action whose work (:meth:`act`) runs in one unit of work."""

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        with unit_of_work():
            return self.act(dispatcher, tracker, domain)

    @abstractmethod
    def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """What the action does: say, read and write through :func:`actions.services.services`."""


class ServiceForm(FormValidationAction, ABC):
    """A form's validation whose extractions and validations run in one unit of work."""

    @abstractmethod
    def name(self) -> str:
        """The form's validation action, ``validate_<form name>``."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        with unit_of_work():
            events: list[EventType] = await super().run(dispatcher, tracker, domain)
            return events
