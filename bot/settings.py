"""Configuration, read once from the environment, with defaults that work on a laptop."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    """Everything MingBao reads from the environment.

    Attributes:
        database_url: SQLAlchemy URL for the knowledge base and every other table.
        policies_dir: Folder of clause documents ingested by ``make run``.
        jieba_dictionary: The jieba user dictionary written from the knowledge base's own words.
    """

    database_url: str
    policies_dir: Path
    jieba_dictionary: Path


def default_database_url() -> str:
    """The local SQLite file under ``var/``, created on first use."""
    return f"sqlite:///{PROJECT_ROOT / 'var' / 'mingbao.db'}"


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    """Build the settings from ``environ`` (the process environment by default)."""
    env = dict(os.environ if environ is None else environ)
    return Settings(
        database_url=env.get("DATABASE_URL") or default_database_url(),
        policies_dir=Path(env.get("MINGBAO_POLICIES_DIR") or PROJECT_ROOT / "data" / "policies"),
        jieba_dictionary=Path(
            env.get("MINGBAO_JIEBA_DICTIONARY") or PROJECT_ROOT / "var" / "jieba" / "mingbao.txt"
        ),
    )
