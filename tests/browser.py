"""Headless Chromium for the browser tests: Debian's chromium, driven by Playwright.

Playwright's own browser download is never used (nothing is downloaded at run time);
``scripts/chromium.sh`` (run by ``make browser`` and ``make conversation``) installs Debian's
``chromium``. ``MINGBAO_CHROMIUM`` points at another binary.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from playwright.async_api import Browser, Page, async_playwright

CHROMIUM = Path(os.environ.get("MINGBAO_CHROMIUM", "/usr/bin/chromium"))
# Headless as root, and quiet: this machine has no outside network to phone home to.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 15_000


@asynccontextmanager
async def chromium_page() -> AsyncIterator[Page]:
    """A fresh page in a new headless Chromium, closed afterwards."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: run make browser (scripts/chromium.sh installs "
            "Debian's chromium package) or point MINGBAO_CHROMIUM at a Chromium binary"
        )
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        try:
            context = await browser.new_context(locale="zh-CN")
            context.set_default_timeout(TIMEOUT_MS)
            yield await context.new_page()
        finally:
            await browser.close()


@asynccontextmanager
async def chromium() -> AsyncIterator[Browser]:
    """A new headless Chromium, for tests that need several people's pages at once
    (``await browser.new_context(locale="zh-CN")`` for each)."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: run make browser (scripts/chromium.sh installs "
            "Debian's chromium package) or point MINGBAO_CHROMIUM at a Chromium binary"
        )
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        try:
            yield browser
        finally:
            await browser.close()
