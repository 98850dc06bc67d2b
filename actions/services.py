"""What the actions work with, opened once per action-server process from the settings."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Protocol

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.engine import Connection, Engine

from bot.db import make_engine, migrate
from bot.desk.tickets import SqlTicketDesk, TicketDesk
from bot.forms.intake import wants_to_stop
from bot.knowledge.answer import Citation, KnowledgeBase
from bot.knowledge.general import general_index, rules_bearing_on
from bot.knowledge.interface import Knowledge
from bot.knowledge.question import Question
from bot.knowledge.store import SqlKnowledgeRepository
from bot.knowledge.text import normalize
from bot.records.interface import PolicyRecords
from bot.records.model import Policy
from bot.records.store import SqlPolicyRecords
from bot.settings import load_settings

# Intents that end any form: a rule hands the conversation to a person.
HANDOFF_INTENTS = ("request_human", "complain")


class UnitOfWork(Protocol):
    """One request's work on the records and the tickets: kept by :meth:`commit`, rolled back
    otherwise (an error, or a return without commit)."""

    @property
    def records(self) -> PolicyRecords:
        """The policy records, inside this unit of work."""

    @property
    def tickets(self) -> TicketDesk:
        """The ticket desk, inside this unit of work."""

    def commit(self) -> None:
        """Keep everything done in this unit of work."""


@dataclass(frozen=True)
class Services:
    """The knowledge base, the policy records and the ticket desk, as the actions see them: any
    implementation of the Protocols (SQL in production, in-memory fakes in tests).

    ``begin`` opens a unit of work on the same records and tickets; see :func:`unit_of_work`.
    """

    knowledge: Knowledge
    records: PolicyRecords
    tickets: TicketDesk
    begin: Callable[[], AbstractContextManager[UnitOfWork]]


class SqlUnitOfWork:
    """The SQL records and tickets on one connection, so their writes share one transaction."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.records = SqlPolicyRecords(connection)
        self.tickets = SqlTicketDesk(connection)

    def commit(self) -> None:
        self.connection.commit()


@contextmanager
def sql_unit_of_work(engine: Engine) -> Iterator[UnitOfWork]:
    """A unit of work on ``engine``; whatever was not committed when it ends is rolled back."""
    with engine.connect() as connection:
        try:
            yield SqlUnitOfWork(connection)
        finally:
            connection.rollback()  # nothing left to undo after a commit


_opened: Services | None = None
# The services of the request being handled: its unit of work's records and tickets.
_in_request: ContextVar[Services | None] = ContextVar("mingbao_services", default=None)


def open_services() -> Services:
    """Open the process's services from the settings: migrate the database, build the knowledge
    base (jieba, BM25). The action server calls it at start-up, before the first request."""
    global _opened
    if _opened is None:
        engine = make_engine(load_settings().database_url)
        migrate(engine)
        _opened = Services(
            knowledge=KnowledgeBase.load(SqlKnowledgeRepository(engine)),
            records=SqlPolicyRecords(engine),
            tickets=SqlTicketDesk(engine),
            begin=functools.partial(sql_unit_of_work, engine),
        )
    return _opened


def services() -> Services:
    """The request's services inside :func:`unit_of_work`; else the process's (opened by
    :func:`open_services`, never at import)."""
    current = _in_request.get()
    return current if current is not None else open_services()


def use_services(opened: Services | None) -> None:
    """Make the actions use ``opened`` (tests); ``None`` opens from the settings again."""
    global _opened
    _opened = opened


@contextmanager
def unit_of_work() -> Iterator[Services]:
    """Bind :func:`services` to a new unit of work for the block: what the block writes is
    committed when it ends normally and rolled back when it raises."""
    opened = services()
    with opened.begin() as work:
        bound = dataclasses.replace(opened, records=work.records, tickets=work.tickets)
        token = _in_request.set(bound)
        try:
            yield bound
        finally:
            _in_request.reset(token)
        work.commit()


def say(dispatcher: CollectingDispatcher, text: str, citations: Iterable[Citation] = ()) -> None:
    """Send ``text`` with the articles it rests on in the message's metadata (provenance)."""
    dispatcher.utter_message(
        text=text,
        citations=[citation.__dict__ for citation in citations],
        kb_version=services().knowledge.version,
    )


OFFER_BUTTONS = [{"title": "转人工客服", "payload": "/request_human"}]


def offer_person(dispatcher: CollectingDispatcher, explanation: str) -> list[EventType]:
    """Say what the bot cannot do and offer a person; nothing is opened, nothing paused."""
    dispatcher.utter_message(
        text=f"{explanation}\n如需人工客服帮您分析，请点“转人工客服”或回复“转人工”；您也可以继续问我条款问题。",
        buttons=OFFER_BUTTONS,
    )
    return []


def say_rules_first(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """The general rules the customer's message bears on (at most two), said before anything
    else: what the customer may hold the insurer to does not wait for a person or a form."""
    text = normalize(tracker.latest_message.get("text") or "")
    asked = Question.read(text)
    matched = rules_bearing_on(text)
    # the rule on the substance (退保 → 现金价值) before the general route for complaints
    chosen = general_index().choose(text, asked.topics, asked.categories, matched) or matched
    for rule in chosen[:2]:
        say(dispatcher, rule.said())


def customer_messages(tracker: Tracker) -> list[tuple[str | None, dict[str, Any]]]:
    """Every ``user`` event of the conversation with its intent name, newest first."""
    return [
        (((event.get("parse_data") or {}).get("intent") or {}).get("name"), event)
        for event in reversed(tracker.events)
        if event.get("event") == "user"
    ]


def latest_intent(tracker: Tracker) -> str | None:
    """The intent of the customer's latest message."""
    intent = tracker.latest_message.get("intent") or {}
    name = intent.get("name")
    return name if isinstance(name, str) else None


def leaves_form(tracker: Tracker) -> bool:
    """Whether a form should reject the customer's latest message so that a rule takes over: a
    person asked for, or a "no" that reads like a stop ("算了")."""
    intent = latest_intent(tracker)
    text = tracker.latest_message.get("text") or ""
    return intent in HANDOFF_INTENTS or (intent == "deny" and wants_to_stop(text))


def unread_stop(tracker: Tracker, slots: Collection[str]) -> list[EventType]:
    """Events that end a form on a stop ("算了，不报了") the classifier did not read as "no": the
    detail asked for (one of ``slots``) and ``requested_slot`` emptied; none for other messages."""
    requested = tracker.get_slot("requested_slot")
    text = tracker.latest_message.get("text") or ""
    if requested in slots and latest_intent(tracker) != "deny" and wants_to_stop(text):
        return [SlotSet(requested, None), SlotSet("requested_slot", None)]
    return []


def verified_policy(tracker: Tracker) -> Policy | None:
    """The policy this conversation proved it holds, as the database recorded the check.

    The slots alone prove nothing (anyone who can call the action server can send any slot):
    the policy is returned only when the records hold a passed check of this conversation for
    the policy named in the ``verified_policy`` slot, recently enough.
    """
    number = tracker.get_slot("verified_policy")
    if not number or services().records.verified_policy_number(tracker.sender_id) != number:
        return None
    return services().records.policy(number)


def message_metadata(tracker: Tracker) -> dict[str, Any]:
    """What the channel passed on with the customer's latest message."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            metadata = event.get("metadata")
            return metadata if isinstance(metadata, dict) else {}
    return {}


def client_address(tracker: Tracker) -> str:
    """The customer's network address as the channel passed it on (``metadata.client``)."""
    client = message_metadata(tracker).get("client")
    return client if isinstance(client, str) else ""


def channel_of(tracker: Tracker) -> str | None:
    """Where the customer writes from: ``web`` (the chat page), ``wechat``, ``rest``, …"""
    channel = message_metadata(tracker).get("channel") or tracker.get_latest_input_channel()
    return channel if isinstance(channel, str) else None


def entity_value(tracker: Tracker, entity: str) -> str | None:
    """The first value of ``entity`` in the customer's latest message."""
    value = next(tracker.get_latest_entity_values(entity), None)
    return value if isinstance(value, str) else None
