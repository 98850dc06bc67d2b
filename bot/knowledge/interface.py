"""What the actions may ask of the knowledge base; :class:`bot.knowledge.answer.KnowledgeBase`
implements it over the ingested wordings."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from bot.knowledge.answer import Answer
from bot.knowledge.facts import ProductKnowledge


class Knowledge(Protocol):
    """Answers from the current version of every ingested product."""

    @property
    def products(self) -> Mapping[str, ProductKnowledge]:
        """Every product by its code."""

    @property
    def version(self) -> str:
        """The wordings answered from, e.g. ``AX-CI-2023@2023;KN-CI-2024@2024`` (provenance)."""

    def ask(self, question: str, product: str | None = None) -> Answer:
        """Answer ``question``; ``product`` is the code known from context, if any."""

    def product_in(self, text: str, context: str | None = None) -> tuple[str, str] | None:
        """``(code, name as written)`` of the product named in normalised ``text``, if any; a
        name two products share is the ``context`` product's when it is one of them."""

    def disease_in(self, text: str) -> str | None:
        """The most specific disease or condition named in normalised ``text``."""
