"""What the knowledge base knows about a product, extracted from its wording alone."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from bot.civil_dates import period_end
from bot.knowledge.document import ClauseDocument


@dataclass(frozen=True)
class Period:
    """A period stated in the wording: 犹豫期 15日, 等待期 90日, 复效 2年 …"""

    kind: str
    amount: float
    unit: str
    article: str
    sentence: str
    details: tuple[str, ...] = ()
    # Ways of paying the period does not apply to ("选择年交的，不适用本条宽限期": ``("年交",)``).
    not_for: tuple[str, ...] = ()
    # A waiting period the wording restarts on reinstatement (复效): the article that says so.
    restart_article: str | None = None

    @property
    def label(self) -> str:
        """``"15日"``, ``"2年"``: the amount as the wording writes it."""
        return f"{self.amount:g}{self.unit}"

    def last_day(self, start: dt.date) -> dt.date:
        """The period's last day counted from ``start``, as the Civil Code counts.

        Raises:
            ValueError: the wording states it in a unit that cannot be counted on a calendar.
        """
        try:
            return period_end(start, self.amount, self.unit)
        except ValueError as error:
            raise ValueError(f"{self.kind} period of article {self.article}: {error}") from error


@dataclass(frozen=True)
class Benefit:
    """One benefit under 保险责任 and what it pays."""

    name: str
    article: str
    category: str | None
    percent: float | None
    times: int | None
    ends_contract: bool
    is_waiver: bool
    sentences: tuple[str, ...]
    times_each: int | None = None  # per disease ("每种限1次"); ``times`` is the total
    # An extra payout (关爱金, 额外给付) on top of the benefit of category ``adds_to``, for a
    # diagnosis before an age: ``age_limit`` as the wording says it, ``before_age`` its number.
    adds_to: str | None = None
    age_limit: str | None = None
    before_age: int | None = None


@dataclass(frozen=True)
class Exclusion:
    """One excluded situation under 责任免除."""

    article: str
    index: int
    text: str


@dataclass(frozen=True)
class Disease:
    """A disease defined under 释义, with the category its heading gives it."""

    name: str
    category: str | None
    category_label: str
    article: str
    definition: str
    exclusions: tuple[str, ...] = ()


@dataclass(frozen=True)
class ClaimMaterials:
    """The documents needed to claim one benefit (or every benefit, ``benefit='各项保险金'``)."""

    benefit: str
    article: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class MedicalTerm:
    """A medical-insurance parameter: 免赔额, 赔付比例 or a 限额, with the sentence stating it.

    ``kind``: ``deductible``, ``reimbursement``, ``per_visit_limit``, ``annual_limit`` or
    ``item_limit`` (one expense's own cap: 床位费每日1500元, 救护车使用费每次800元).
    """

    kind: str
    benefit: str | None
    article: str
    amount: float | None
    unit: str
    sentence: str
    item: str | None = None  # an item_limit's expense (床位费) and its unit ``每日``/``每次``


@dataclass(frozen=True)
class PlanAmount:
    """One plan's amount in a table of plans: ``计划二`` × ``意外骨折保险金（骨折保险金额）`` = 30000.

    ``kind``: ``sum`` (a sum insured or a limit for the period), ``deductible``, ``ratio`` (%),
    ``per_visit_limit``, ``daily`` (an allowance or a per-day cap) or ``days``; ``label`` is the
    row as the wording names it and ``cell`` the amount as the wording writes it.
    """

    plan: str
    label: str
    kind: str
    amount: float
    unit: str
    article: str
    cell: str


@dataclass(frozen=True)
class SurrenderRule:
    """What a surrender refunds, as the wording computes it.

    ``formula``: 未满期净保险费 = 已交保险费 × (1 − ``fee_percent``%) × (1 − 已经过天数 ÷ 天数),
    for one way of paying (``installment``: ``monthly``, ``single`` or ``None`` for any).
    ``zero``: a payout after which the refund is nothing; ``benefits`` names the payouts that
    do it (none named: any payout), ``spared`` those the wording says do not.
    """

    kind: str
    article: str
    sentence: str
    fee_percent: float | None = None
    installment: str | None = None
    benefits: tuple[str, ...] = ()
    spared: tuple[str, ...] = ()


@dataclass(frozen=True)
class Term:
    """A defined term under 释义 that is not a disease."""

    name: str
    article: str
    definition: str


@dataclass(frozen=True)
class ProductFacts:
    """Every fact extracted from one version of a product's wording."""

    periods: dict[str, Period] = field(default_factory=dict)
    benefits: tuple[Benefit, ...] = ()
    exclusions: tuple[Exclusion, ...] = ()
    exclusion_notes: tuple[str, ...] = ()
    diseases: tuple[Disease, ...] = ()
    materials: tuple[ClaimMaterials, ...] = ()
    medical: tuple[MedicalTerm, ...] = ()
    terms: tuple[Term, ...] = ()
    surrender: tuple[SurrenderRule, ...] = ()
    plan_amounts: tuple[PlanAmount, ...] = ()

    @property
    def plans(self) -> tuple[str, ...]:
        """The plans the wording's tables name (计划一, 计划二 …), in their order."""
        return tuple(dict.fromkeys(a.plan for a in self.plan_amounts))


@dataclass(frozen=True)
class ProductKnowledge:
    """A product version as the knowledge base answers from it: the wording and its facts."""

    document: ClauseDocument
    facts: ProductFacts

    @property
    def code(self) -> str:
        return self.document.code

    @property
    def name(self) -> str:
        return self.document.name

    def citation(self, *articles: str) -> str:
        """``依据《康宁终身重大疾病保险条款》（2024版）第2.3条、第2.4.1条``."""
        version = self.document.version
        version = version if version.endswith("版") else f"{version}版"
        numbers = "、".join(f"第{a}条" for a in articles)
        return f"依据《{self.document.name}条款》（{version}）{numbers}"
