"""The desk's pages: static HTML that reads everything else from ``/desk/api``."""

from __future__ import annotations

from pathlib import Path

from aiohttp import web

STATIC_DIR = Path(__file__).resolve().parent / "static"
PAGE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
}


def page(name: str) -> web.FileResponse:
    """One of the pages in ``bot/desk/static``, with the headers every desk page gets."""
    return web.FileResponse(STATIC_DIR / name, headers=PAGE_HEADERS)


async def queue_page(request: web.Request) -> web.StreamResponse:
    """``GET /desk``: the queue."""
    return page("queue.html")


async def ticket_page(request: web.Request) -> web.StreamResponse:
    """``GET /desk/tickets/{id}``: one ticket and its conversation."""
    return page("ticket.html")
