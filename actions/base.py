"""The bases every action and form of MingBao builds on, and the one way their work is done: off
rasa_sdk's event loop, in a bounded pool of threads, in one unit of work
(:func:`actions.services.unit_of_work`) committed when the action returns and rolled back when it
fails. A slow query then holds up its own conversation, not every customer's.

The bases are ABCs, so rasa_sdk does not register them as actions.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
from abc import ABC, abstractmethod
from collections.abc import Callable, Collection, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.services import unit_of_work, unread_stop

# Each request holds one database connection while it works: fewer threads than the engine's
# pool has connections (5, and 10 more on demand), so requests queue here, not on the pool.
WORKERS = 8
_workers = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="mingbao-action")

T = TypeVar("T")
# What rasa_sdk calls to validate a slot: (value, dispatcher, tracker, domain) → slots to set.
SlotValidator = Callable[[Any, CollectingDispatcher, Tracker, DomainDict], dict[str, Any]]


async def off_the_loop(work: Callable[[], T]) -> T:
    """``work()`` in the action pool, in a copy of the caller's context; awaited, not waited on."""
    context = contextvars.copy_context()
    return await asyncio.get_running_loop().run_in_executor(_workers, context.run, work)


class ServiceAction(Action, ABC):
    """An action whose work (:meth:`act`) runs off the event loop in one unit of work."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        return await off_the_loop(functools.partial(self._work, dispatcher, tracker, domain))

    def _work(
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
    """A form's validation whose extractions and validations run off the event loop in one unit
    of work."""

    @abstractmethod
    def name(self) -> str:
        """The form's validation action, ``validate_<form name>``."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        validate = super().run

        def work() -> list[EventType]:
            # rasa_sdk's form steps are coroutines that only call our synchronous extract_ and
            # validate_ methods: they run to the end on the worker thread's own short loop.
            with unit_of_work():
                events: list[EventType] = asyncio.run(validate(dispatcher, tracker, domain))
                return events

        return await off_the_loop(work)

    def slot_validators(self) -> Mapping[str, SlotValidator]:
        """Validators of slots that share one rule, by slot; a ``validate_<slot>`` method of the
        form comes first."""
        return {}

    def __getattr__(self, name: str) -> SlotValidator:
        # rasa_sdk finds a slot's validator as the attribute ``validate_<slot>``.
        validator = None
        if name.startswith("validate_"):
            validator = self.slot_validators().get(name.removeprefix("validate_"))
        if validator is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        return validator


class StoppableForm(ServiceForm, ABC):
    """A form the customer may stop with words the classifier did not read as "no" ("算了，不报
    了"): the detail asked for and ``requested_slot`` are emptied, so the form ends unconfirmed
    and its submit action writes nothing."""

    @abstractmethod
    def stop_slots(self) -> Collection[str]:
        """The form's slots: a stop while one of them is asked for ends the form."""

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        stop = unread_stop(tracker, self.stop_slots())
        if stop:
            return stop
        events: list[EventType] = await super().get_validation_events(dispatcher, tracker, domain)
        return events
