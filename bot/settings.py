"""Configuration, read once from the environment, with defaults that work on a laptop."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


@dataclass(frozen=True)
class Settings:
    """Everything MingBao reads from the environment.

    Attributes:
        database_url: SQLAlchemy URL for the knowledge base and every other table.
        policies_dir: Folder of clause documents ingested by ``make run``.
        jieba_dictionary: The jieba user dictionary written from the knowledge base's own words.
        records_dir: Folder of demo policy records loaded by ``make run``.
        rasa_port: Port of the Rasa server (REST and socket.io channels).
        actions_port: Port of the action server.
        desk_port: Port of the desk app, which also serves the web chat page.
        action_secret: Shared secret every call to the action server carries
            (``MINGBAO_ACTION_SECRET``); ``None`` when unset, and ``make run`` makes one.
        rasa_token: Token of Rasa's HTTP API (``MINGBAO_RASA_TOKEN``); ``None`` when unset,
            and ``make run`` makes one.
        cookie_secret: Key that signs the chat page's conversation cookies
            (``MINGBAO_COOKIE_SECRET``); ``None`` when unset, and ``make run`` makes one.
    """

    database_url: str
    policies_dir: Path
    jieba_dictionary: Path
    records_dir: Path
    rasa_port: int
    actions_port: int
    desk_port: int
    action_secret: str | None = None
    rasa_token: str | None = None
    cookie_secret: str | None = None

    @property
    def rasa_url(self) -> str:
        """Base URL of the local Rasa server."""
        return f"http://127.0.0.1:{self.rasa_port}"


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
        records_dir=Path(env.get("MINGBAO_RECORDS_DIR") or PROJECT_ROOT / "data" / "records"),
        rasa_port=_port(env, "RASA_PORT", 5005),
        actions_port=_port(env, "ACTIONS_PORT", 5055),
        desk_port=_port(env, "DESK_PORT", 8080),
        action_secret=env.get("MINGBAO_ACTION_SECRET") or None,
        rasa_token=env.get("MINGBAO_RASA_TOKEN") or None,
        cookie_secret=env.get("MINGBAO_COOKIE_SECRET") or None,
    )


def _port(env: dict[str, str], name: str, default: int) -> int:
    value = env.get(name) or str(default)
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise ValueError(f"{name}={value!r} is not a port number: set it to 1-65535 or unset it")
    return int(value)


def configure_logging() -> None:
    """Log INFO and above to standard error, in the one format every MingBao process uses."""
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
