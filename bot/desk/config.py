"""How the desk runs, from the environment: SLA targets, service hours, reopening, the webhook."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field

from bot.desk.tickets import Priority

BEIJING = dt.timezone(dt.timedelta(hours=8))
DEFAULT_SLA_MINUTES = {
    Priority.URGENT: 5,
    Priority.HIGH: 30,
    Priority.NORMAL: 240,
    Priority.LOW: 1440,
}
_HOURS = re.compile(r"^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$")


@dataclass(frozen=True)
class ServiceHours:
    """When people answer, Beijing time, every day; ``opens == closes`` means around the clock."""

    opens: dt.time = dt.time(0, 0)
    closes: dt.time = dt.time(0, 0)

    def open_at(self, when: dt.datetime) -> bool:
        """Whether a person answers at ``when`` (aware, any zone)."""
        if self.opens == self.closes:
            return True
        now = when.astimezone(BEIJING).time()
        if self.opens < self.closes:
            return self.opens <= now < self.closes
        return now >= self.opens or now < self.closes

    def label(self) -> str:
        """``9:00–21:00`` or ``全天``."""
        if self.opens == self.closes:
            return "全天"
        return f"{self.opens:%H:%M}–{self.closes:%H:%M}"


@dataclass(frozen=True)
class DeskConfig:
    """Everything the desk reads from the environment.

    Attributes:
        sla: How soon a ticket of each priority should be claimed.
        hours: When people answer (``MINGBAO_DESK_HOURS``, e.g. ``09:00-21:00``, Beijing time).
        reopen_window: How long after closing a ticket may be reopened.
        webhook_url: Where new and SLA-breached tickets are announced (none when unset).
        webhook_secret: The key of the announcements' HMAC-SHA256 signature.
    """

    sla: dict[Priority, dt.timedelta] = field(
        default_factory=lambda: {p: dt.timedelta(minutes=m) for p, m in DEFAULT_SLA_MINUTES.items()}
    )
    hours: ServiceHours = ServiceHours()
    reopen_window: dt.timedelta = dt.timedelta(hours=72)
    webhook_url: str | None = None
    webhook_secret: str | None = None


def load_desk_config(environ: dict[str, str] | None = None) -> DeskConfig:
    """The desk's configuration from ``environ`` (the process environment by default).

    Raises:
        ValueError: A variable is set to something that cannot be read, saying which and how.
    """
    env = dict(os.environ if environ is None else environ)
    webhook_url = env.get("MINGBAO_DESK_WEBHOOK_URL") or None
    webhook_secret = env.get("MINGBAO_DESK_WEBHOOK_SECRET") or None
    if webhook_url and not webhook_secret:
        raise ValueError(
            "MINGBAO_DESK_WEBHOOK_URL is set but MINGBAO_DESK_WEBHOOK_SECRET is not: set a shared "
            "secret so the receiver can check the signature"
        )
    return DeskConfig(
        sla=_sla(env.get("MINGBAO_DESK_SLA_MINUTES", "")),
        hours=_hours(env.get("MINGBAO_DESK_HOURS", "09:00-21:00")),
        reopen_window=dt.timedelta(hours=_number(env, "MINGBAO_DESK_REOPEN_HOURS", 72)),
        webhook_url=webhook_url,
        webhook_secret=webhook_secret,
    )


def _sla(text: str) -> dict[Priority, dt.timedelta]:
    minutes = dict(DEFAULT_SLA_MINUTES)
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, _, value = part.partition("=")
        try:
            minutes[Priority(name.strip())] = int(value)
        except ValueError:
            raise ValueError(
                f"MINGBAO_DESK_SLA_MINUTES: {part!r} is not priority=minutes "
                f"(e.g. urgent=5,high=30,normal=240,low=1440)"
            ) from None
    return {priority: dt.timedelta(minutes=m) for priority, m in minutes.items()}


def _hours(text: str) -> ServiceHours:
    if text.strip() in ("", "always", "24h"):
        return ServiceHours()
    match = _HOURS.match(text.strip())
    if not match or int(match[1]) > 24 or int(match[3]) > 24:
        raise ValueError(
            f"MINGBAO_DESK_HOURS={text!r}: write HH:MM-HH:MM in Beijing time (e.g. 09:00-21:00), "
            "or 'always'"
        )
    opens = dt.time(int(match[1]) % 24, int(match[2]))
    closes = dt.time(int(match[3]) % 24, int(match[4]))
    return ServiceHours(opens, closes)


def _number(env: dict[str, str], name: str, default: int) -> int:
    value = env.get(name) or str(default)
    if not value.isdigit():
        raise ValueError(f"{name}={value!r} is not a whole number")
    return int(value)
