"""MingBao's schema migrations (alembic): every table of ours, and nothing of Rasa's.

:func:`bot.db.migrate` upgrades a database to the newest revision; ``alembic.ini`` at the project
root points the ``alembic`` command here for writing new revisions.
"""

from __future__ import annotations

from sqlalchemy import MetaData

from bot.channels.wechat import tables as wechat_tables
from bot.desk import tables as desk_tables
from bot.knowledge import store
from bot.records import tables

# Rasa's tracker store creates and migrates these itself, in the same database.
RASA_TABLES = frozenset({"events"})

TARGET_METADATA: list[MetaData] = [
    store.metadata,
    tables.metadata,
    desk_tables.metadata,
    wechat_tables.metadata,
]


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Whether alembic's autogenerate looks at a database object: all but Rasa's tables."""
    return not (type_ == "table" and name in RASA_TABLES)
