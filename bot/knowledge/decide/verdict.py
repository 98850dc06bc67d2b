"""A verdict: what the wording decides for the customer's situation, with its reasons."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Reason:
    """One reason for a verdict and the article it rests on."""

    text: str
    article: str


@dataclass(frozen=True)
class Verdict:
    """What the wording decides for the customer's situation.

    ``decision`` is ``yes``, ``no``, ``depends`` or ``info`` (a figure, not a yes/no); ``answer``
    is the first sentence of the reply and answers what was asked with the customer's numbers.
    """

    kind: str
    decision: str
    answer: str
    reasons: tuple[Reason, ...] = ()
    conditions: tuple[str, ...] = ()
    sum: str | None = None
    coverage: bool = True
    paid: float | None = None  # the payout in yuan, when the verdict computes one

    @property
    def articles(self) -> list[str]:
        return list(dict.fromkeys(r.article for r in self.reasons))
