"""The action server: rasa_sdk's app on loopback, answering only callers that know the secret.

``python -m bot.runtime.action_server`` serves the ``actions`` package on ``127.0.0.1:ACTIONS_PORT``
(``ACTIONS_HOST`` to listen elsewhere). Every request but ``GET /health`` must carry
``MINGBAO_ACTION_SECRET`` in the ``X-MingBao-Action-Secret`` header; the secret is checked
before the body is read as JSON, and a request without it gets 401 and runs nothing. Rasa sends
the header from ``endpoints.yml``.
"""

from __future__ import annotations

import hmac
import logging
import os
import sys

from rasa_sdk.endpoint import create_app as create_sdk_app
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.settings import configure_logging, load_settings

SECRET_HEADER = "X-MingBao-Action-Secret"
DEFAULT_HOST = "127.0.0.1"
# A tracker with every event of a long conversation stays well under this.
MAX_REQUEST_BYTES = 4 * 1024 * 1024
OPEN_PATHS = frozenset({"/health"})

logger = logging.getLogger(__name__)


def knows_secret(given: str | None, secret: str) -> bool:
    """Whether a request's header value is the shared secret (constant-time comparison)."""
    return given is not None and hmac.compare_digest(given.encode(), secret.encode())


def create_app(secret: str, actions_package: str = "actions") -> Sanic:
    """rasa_sdk's action server app with the secret checked on every request but the health check.

    Args:
        secret: The shared secret Rasa sends; must not be empty.
        actions_package: Where the actions are registered from.

    Raises:
        ValueError: ``secret`` is empty.
    """
    if not secret:
        raise ValueError("the action server needs a non-empty secret (MINGBAO_ACTION_SECRET)")
    app: Sanic = create_sdk_app(actions_package, cors_origins=None)
    app.config.REQUEST_MAX_SIZE = MAX_REQUEST_BYTES

    @app.on_request  # type: ignore[untyped-decorator]
    async def require_secret(request: Request) -> HTTPResponse | None:
        if request.path in OPEN_PATHS or knows_secret(request.headers.get(SECRET_HEADER), secret):
            return None
        logger.warning("refused a call to %s from %s: wrong or no secret", request.path, request.ip)
        return response.json({"error": f"missing or wrong {SECRET_HEADER}"}, status=401)

    return app


def main() -> int:
    """Serve the actions until stopped; exit 2 with a message when the secret is not set."""
    configure_logging()
    try:
        settings = load_settings()
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not settings.action_secret:
        print(
            "error: MINGBAO_ACTION_SECRET is not set; the action server refuses to run without it. "
            "make run sets one; to run it alone, export the same value Rasa's endpoints.yml sends",
            file=sys.stderr,
        )
        return 2
    app = create_app(settings.action_secret)
    # The database migrated and the knowledge base built now, not inside the first request.
    from actions.services import open_services

    open_services()
    host = os.environ.get("ACTIONS_HOST") or DEFAULT_HOST
    app.run(host, settings.actions_port, workers=1, access_log=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
