"""The knowledge base in SQL: products, versions, articles, facts, diseases and terms."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, Protocol

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    select,
    update,
)
from sqlalchemy.engine import Connection, Engine

from bot.clock import naive_utc_now
from bot.knowledge.document import ClauseArticle, ClauseDocument
from bot.knowledge.errors import ShrinkError, VersionConflictError
from bot.knowledge.facts import (
    Benefit,
    ClaimMaterials,
    Disease,
    Exclusion,
    MedicalTerm,
    Period,
    PlanAmount,
    ProductFacts,
    ProductKnowledge,
    SurrenderRule,
    Term,
)

metadata = MetaData()

products = Table(
    "kb_products",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(64), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("insurer", String(200), nullable=False),
    Column("product_type", String(32), nullable=False),
    Column("aliases", JSON, nullable=False),
)
versions = Table(
    "kb_product_versions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("product_id", ForeignKey("kb_products.id"), nullable=False),
    Column("version", String(64), nullable=False),
    Column("effective_from", Date, nullable=False),
    Column("title", String(300), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("source", String(500), nullable=False),
    Column("ingested_at", DateTime, nullable=False),
    Column("is_current", Boolean, nullable=False),
    UniqueConstraint("product_id", "version"),
)
articles = Table(
    "kb_articles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("version_id", ForeignKey("kb_product_versions.id"), nullable=False, index=True),
    Column("ordinal", Integer, nullable=False),
    Column("number", String(32), nullable=False),
    Column("title", String(300), nullable=False),
    Column("body", Text, nullable=False),
    Column("line", Integer, nullable=False),
)
facts = Table(
    "kb_facts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("version_id", ForeignKey("kb_product_versions.id"), nullable=False, index=True),
    Column("kind", String(32), nullable=False),
    Column("name", String(300), nullable=False),
    Column("article", String(32), nullable=False),
    Column("value", JSON, nullable=False),
)
diseases = Table(
    "kb_diseases",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("version_id", ForeignKey("kb_product_versions.id"), nullable=False, index=True),
    Column("name", String(200), nullable=False),
    Column("category", String(32)),
    Column("category_label", String(200), nullable=False),
    Column("article", String(32), nullable=False),
    Column("definition", Text, nullable=False),
    Column("exclusions", JSON, nullable=False),
)
terms = Table(
    "kb_terms",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("version_id", ForeignKey("kb_product_versions.id"), nullable=False, index=True),
    Column("name", String(200), nullable=False),
    Column("article", String(32), nullable=False),
    Column("definition", Text, nullable=False),
)

# fact kind in the table → the dataclass it holds
FACT_KINDS: dict[str, type[Any]] = {
    "period": Period,
    "benefit": Benefit,
    "exclusion": Exclusion,
    "materials": ClaimMaterials,
    "medical": MedicalTerm,
    "surrender": SurrenderRule,
    "plan_amount": PlanAmount,
    "exclusion_note": str,
}

# period kind → how a refused new version names it when it lacks that period
PERIOD_NAMES = {
    "cooling_off": "犹豫期 (cooling-off period)",
    "waiting": "等待期 (waiting period)",
    "grace": "宽限期 (grace period)",
    "reinstatement": "复效期限 (reinstatement period)",
    "limitation": "诉讼时效 (limitation period)",
    "claim_notice": "事故通知期限 (claim notice period)",
    "claim_decision": "核定期限 (claim decision period)",
    "interval": "间隔期 (interval between payouts)",
}
# the lists of facts a new version may not have fewer of: what they are, the heading in the
# wording, and the name of each item (exclusion notes are left out: they remark on exclusions)
COUNTED_PARTS: tuple[tuple[str, str, Callable[[ProductFacts], list[str]]], ...] = (
    ("benefits", "保险责任", lambda f: [b.name for b in f.benefits]),
    ("exclusions", "责任免除", lambda f: [e.text for e in f.exclusions]),
    ("defined diseases", "疾病释义", lambda f: [d.name for d in f.diseases]),
    ("claim-document lists", "申请材料", lambda f: [m.benefit for m in f.materials]),
    ("medical terms", "免赔额、赔付比例、限额", lambda f: [m.sentence for m in f.medical]),
    ("defined terms", "释义术语", lambda f: [t.name for t in f.terms]),
)
MISSING_NAMED = 3  # items a refusal names per list; more are shown as "…"


class KnowledgeRepository(Protocol):
    """What the rest of MingBao may ask of the stored knowledge base."""

    def add(
        self, document: ClauseDocument, facts: ProductFacts, *, allow_shrink: bool = False
    ) -> bool:
        """Store a product version whole; ``False`` when that exact wording is already stored.

        A new version that lacks parts of the current one is refused unless ``allow_shrink``.
        """

    def current(self) -> list[ProductKnowledge]:
        """The current version of every product."""

    def get(self, code: str, version: str | None = None) -> ProductKnowledge | None:
        """One product version (the current one when ``version`` is ``None``)."""

    def versions(self, code: str) -> list[str]:
        """Every stored version of a product, oldest first."""


class SqlKnowledgeRepository:
    """The knowledge base in any SQL database SQLAlchemy reaches, migrated at start-up."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(
        self, document: ClauseDocument, facts: ProductFacts, *, allow_shrink: bool = False
    ) -> bool:
        """Store ``document`` and its ``facts`` in one transaction; a new version becomes current.

        Args:
            document: The clause document, read and validated.
            facts: What was extracted from it.
            allow_shrink: Store a new version even when it lacks parts the current version has
                (see :func:`missing_parts`): the product really dropped them.

        Returns:
            ``False`` when this exact wording is stored and reads the same as before.

        Raises:
            VersionConflictError: the version was stored before with different wording.
            ShrinkError: the new version lacks parts of the current one and ``allow_shrink`` is
                false; nothing is stored and the current version stays current.
        """
        with self.engine.begin() as conn:
            product_id = conn.execute(
                select(products.c.id).where(products.c.code == document.code)
            ).scalar_one_or_none()
            if product_id is not None:
                stored = conn.execute(
                    select(versions.c.id, versions.c.sha256).where(
                        versions.c.product_id == product_id, versions.c.version == document.version
                    )
                ).one_or_none()
                existing = stored.sha256 if stored is not None else None
                if stored is not None and existing == document.sha256:
                    return _reread(conn, stored.id, document, facts)
                if existing is not None:
                    raise VersionConflictError(
                        f"{document.source}: {document.code} version {document.version} is already "
                        "ingested with different wording; give the new wording a new 'version' in "
                        "its front matter (answers already given cite the stored one)"
                    )
                if not allow_shrink:
                    _refuse_shrink(conn, product_id, document, facts)
                conn.execute(
                    update(products)
                    .where(products.c.id == product_id)
                    .values(_product_row(document))
                )
                conn.execute(
                    update(versions)
                    .where(versions.c.product_id == product_id)
                    .values(is_current=False)
                )
            else:
                product_id = conn.execute(
                    products.insert().values(code=document.code, **_product_row(document))
                ).inserted_primary_key[0]
            version_id = conn.execute(
                versions.insert().values(
                    product_id=product_id,
                    version=document.version,
                    effective_from=document.effective_from,
                    title=document.title,
                    sha256=document.sha256,
                    source=document.source,
                    ingested_at=naive_utc_now(),
                    is_current=True,
                )
            ).inserted_primary_key[0]
            _insert_contents(conn, version_id, document, facts)
        return True

    def current(self) -> list[ProductKnowledge]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                _version_query().where(versions.c.is_current).order_by(products.c.code)
            ).all()
            return [_load(conn, row) for row in rows]

    def get(self, code: str, version: str | None = None) -> ProductKnowledge | None:
        query = _version_query().where(products.c.code == code)
        query = query.where(
            versions.c.is_current if version is None else versions.c.version == version
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
            return _load(conn, row) if row is not None else None

    def versions(self, code: str) -> list[str]:
        with self.engine.connect() as conn:
            return list(
                conn.execute(
                    select(versions.c.version)
                    .join(products, products.c.id == versions.c.product_id)
                    .where(products.c.code == code)
                    .order_by(versions.c.ingested_at, versions.c.id)
                ).scalars()
            )


def missing_parts(current: ProductFacts, new: ProductFacts) -> tuple[str, ...]:
    """What ``new`` lacks of ``current``: the sign of a truncated or damaged document.

    A period ``current`` states and ``new`` does not is missing, and so is part of a list
    (benefits, exclusions, defined diseases, claim-document lists, medical terms, defined terms)
    when ``new`` has fewer of them. Changed numbers, renamed items and added ones are not: a new
    version may change those.

    Returns:
        One description per missing part, e.g. ``"等待期 (waiting period)"`` or
        ``"2 of 4 exclusions (责任免除: 被保险人从事潜水…; 核爆炸…)"``; empty when nothing is missing.
    """
    periods = [PERIOD_NAMES.get(kind, kind) for kind in current.periods if kind not in new.periods]
    lists = [
        _fewer(what, heading, names(current), names(new)) for what, heading, names in COUNTED_PARTS
    ]
    return (*periods, *(part for part in lists if part is not None))


def _fewer(what: str, heading: str, current: list[str], new: list[str]) -> str | None:
    """``"2 of 4 exclusions (责任免除: …)"`` when ``new`` has fewer items than ``current``."""
    if len(new) >= len(current):
        return None
    kept = set(new)
    gone = [_clip(name) for name in current if name not in kept]
    named = "; ".join(gone[:MISSING_NAMED]) + ("; …" if len(gone) > MISSING_NAMED else "")
    listed = f"{heading}: {named}" if named else heading
    return f"{len(current) - len(new)} of {len(current)} {what} ({listed})"


def _clip(name: str, limit: int = 24) -> str:
    name = name.strip().rstrip("；;，,。")
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _refuse_shrink(
    conn: Connection, product_id: int, document: ClauseDocument, found: ProductFacts
) -> None:
    """Raise :class:`ShrinkError` when ``found`` lacks parts of the product's current version."""
    row = conn.execute(
        _version_query().where(versions.c.product_id == product_id, versions.c.is_current)
    ).first()
    if row is None:
        return
    missing = missing_parts(_load(conn, row).facts, found)
    if missing:
        raise ShrinkError(document.source, document.code, document.version, row.version, missing)


def _product_row(document: ClauseDocument) -> dict[str, Any]:
    return {
        "name": document.name,
        "insurer": document.insurer,
        "product_type": document.product_type,
        "aliases": list(document.aliases),
    }


def _reread(
    conn: Connection, version_id: int, document: ClauseDocument, found: ProductFacts
) -> bool:
    """The same wording again: a no-op, unless the reading has improved since it was stored —
    then the facts (not the articles) are replaced, so answers use what the code reads now."""
    row = conn.execute(_version_query().where(versions.c.id == version_id)).one()
    if _load(conn, row).facts == found:
        return False
    for table in (facts, diseases, terms):
        conn.execute(table.delete().where(table.c.version_id == version_id))
    _insert_facts(conn, version_id, found)
    return True


def _insert_contents(
    conn: Connection, version_id: int, document: ClauseDocument, found: ProductFacts
) -> None:
    conn.execute(
        articles.insert(),
        [
            {
                "version_id": version_id,
                "ordinal": i,
                "number": a.number,
                "title": a.title,
                "body": a.body,
                "line": a.line,
            }
            for i, a in enumerate(document.articles)
        ],
    )
    _insert_facts(conn, version_id, found)


def _insert_facts(conn: Connection, version_id: int, found: ProductFacts) -> None:
    rows: list[dict[str, Any]] = []
    for kind, items in (
        ("period", found.periods.values()),
        ("benefit", found.benefits),
        ("exclusion", found.exclusions),
        ("materials", found.materials),
        ("medical", found.medical),
        ("surrender", found.surrender),
        ("plan_amount", found.plan_amounts),
    ):
        for item in items:
            value = dataclasses.asdict(item)
            name = str(value.get("name") or value.get("kind") or value.get("benefit") or kind)
            rows.append(
                {
                    "version_id": version_id,
                    "kind": kind,
                    "name": name,
                    "article": value["article"],
                    "value": value,
                }
            )
    rows.extend(
        {
            "version_id": version_id,
            "kind": "exclusion_note",
            "name": "note",
            "article": "",
            "value": note,
        }
        for note in found.exclusion_notes
    )
    if rows:
        conn.execute(facts.insert(), rows)
    if found.diseases:
        conn.execute(
            diseases.insert(),
            [{"version_id": version_id, **dataclasses.asdict(d)} for d in found.diseases],
        )
    if found.terms:
        conn.execute(
            terms.insert(),
            [{"version_id": version_id, **dataclasses.asdict(t)} for t in found.terms],
        )


def _version_query() -> Any:
    return select(
        versions.c.id,
        versions.c.version,
        versions.c.effective_from,
        versions.c.title,
        versions.c.sha256,
        versions.c.source,
        products.c.code,
        products.c.name,
        products.c.insurer,
        products.c.product_type,
        products.c.aliases,
    ).join(products, products.c.id == versions.c.product_id)


def _load(conn: Connection, row: Any) -> ProductKnowledge:
    article_rows = conn.execute(
        select(articles).where(articles.c.version_id == row.id).order_by(articles.c.ordinal)
    ).all()
    document = ClauseDocument(
        code=row.code,
        name=row.name,
        insurer=row.insurer,
        product_type=row.product_type,
        version=row.version,
        effective_from=row.effective_from,
        title=row.title,
        articles=tuple(ClauseArticle(a.number, a.title, a.body, a.line) for a in article_rows),
        source=row.source,
        sha256=row.sha256,
        aliases=tuple(row.aliases),
    )
    grouped: dict[str, list[Any]] = {kind: [] for kind in FACT_KINDS}
    for fact in conn.execute(
        select(facts.c.kind, facts.c.value).where(facts.c.version_id == row.id).order_by(facts.c.id)
    ):
        cls = FACT_KINDS[fact.kind]
        grouped[fact.kind].append(fact.value if cls is str else _revive(cls, fact.value))
    disease_rows = conn.execute(
        select(diseases).where(diseases.c.version_id == row.id).order_by(diseases.c.id)
    ).all()
    term_rows = conn.execute(
        select(terms).where(terms.c.version_id == row.id).order_by(terms.c.id)
    ).all()
    product_facts = ProductFacts(
        periods={p.kind: p for p in grouped["period"]},
        benefits=tuple(grouped["benefit"]),
        exclusions=tuple(grouped["exclusion"]),
        exclusion_notes=tuple(grouped["exclusion_note"]),
        materials=tuple(grouped["materials"]),
        medical=tuple(grouped["medical"]),
        surrender=tuple(grouped["surrender"]),
        plan_amounts=tuple(grouped["plan_amount"]),
        diseases=tuple(
            Disease(
                d.name, d.category, d.category_label, d.article, d.definition, tuple(d.exclusions)
            )
            for d in disease_rows
        ),
        terms=tuple(Term(t.name, t.article, t.definition) for t in term_rows),
    )
    return ProductKnowledge(document, product_facts)


def _revive(cls: type[Any], value: dict[str, Any]) -> Any:
    fields = {f.name for f in dataclasses.fields(cls)}
    kwargs = {k: tuple(v) if isinstance(v, list) else v for k, v in value.items() if k in fields}
    return cls(**kwargs)
