"""The chat page in a real browser (headless Chromium), against a fake Rasa on loopback."""

from __future__ import annotations

import re

import pytest
from aiohttp.test_utils import TestClient
from playwright.async_api import Page, expect

from tests.browser import chromium_page
from tests.channels.fake_rasa import FakeRasa

pytestmark = pytest.mark.browser


async def open_chat(page: Page, client: TestClient) -> None:
    await page.goto(str(client.make_url("/chat")))
    await expect(page.locator("#message-input")).to_be_focused()


async def ask(page: Page, text: str) -> None:
    await page.locator("#message-input").fill(text)
    await page.keyboard.press("Enter")


async def test_a_question_sent_with_enter_shows_the_replies_and_their_buttons(
    client: TestClient, rasa: FakeRasa
) -> None:
    async with chromium_page() as page:
        await open_chat(page, client)
        await ask(page, "原位癌算重疾吗？")
        bot = page.locator("li.line.bot")
        await expect(bot).to_have_count(2)
        await expect(bot.first).to_have_text("原位癌不属于重度恶性肿瘤。\n请以合同条款为准。")
        await expect(page.locator("li.buttons button")).to_have_text(["康宁重疾"])
        await expect(page.locator("li.line.user")).to_have_text(["原位癌算重疾吗？"])
        await expect(page.locator("#message-input")).to_have_value("")
    assert [m["message"] for m in rasa.received] == ["原位癌算重疾吗？"]
    assert re.fullmatch(r"web-[A-Za-z0-9_-]{32}", rasa.received[0]["sender"])


async def test_a_button_sends_its_payload_and_shows_its_title(
    client: TestClient, rasa: FakeRasa
) -> None:
    async with chromium_page() as page:
        await open_chat(page, client)
        await ask(page, "原位癌算重疾吗？")
        button = page.locator("li.buttons button", has_text="康宁重疾")
        await expect(button).to_be_visible()
        rasa.replies = [{"text": "康宁终身重大疾病保险：原位癌不在保障范围内。"}]
        await button.click()
        await expect(page.locator("li.line.user")).to_have_text(["原位癌算重疾吗？", "康宁重疾"])
        await expect(page.locator("li.line.bot").last).to_have_text(
            "康宁终身重大疾病保险：原位癌不在保障范围内。"
        )
    assert rasa.received[1]["message"] == '/inform{"product":"KN-CI-2024"}'
    assert rasa.received[1]["button"] is True


async def test_typed_text_that_looks_like_an_intent_reaches_rasa_as_text(
    client: TestClient, rasa: FakeRasa
) -> None:
    async with chromium_page() as page:
        await open_chat(page, client)
        await ask(page, "/restart")
        await expect(page.locator("li.line.user")).to_have_text(["/restart"])
        await expect(page.locator("li.line.bot")).to_have_count(2)
    assert [m["message"] for m in rasa.received] == ["／restart"]
    assert "button" not in rasa.received[0]


async def test_no_reply_shows_a_quiet_note_rather_than_nothing(
    client: TestClient, rasa: FakeRasa
) -> None:
    rasa.replies = []
    async with chromium_page() as page:
        await open_chat(page, client)
        await ask(page, "还在吗")
        await expect(page.locator("li.line.note")).to_have_text("暂时没有回复，请稍后再试")
        await expect(page.locator("li.line.bot, li.line.error")).to_have_count(0)


async def test_markup_in_a_reply_is_shown_as_text_never_run(
    client: TestClient, rasa: FakeRasa
) -> None:
    rasa.replies = [{"text": "<img src=x onerror=\"document.title='pwned'\"><b>粗体</b>"}]
    async with chromium_page() as page:
        await open_chat(page, client)
        await ask(page, "<script>document.title='pwned'</script>")
        await expect(page.locator("li.line.bot")).to_have_text(
            "<img src=x onerror=\"document.title='pwned'\"><b>粗体</b>"
        )
        await expect(page.locator("li.line.user")).to_have_text(
            "<script>document.title='pwned'</script>"
        )
        assert await page.locator("#messages img, #messages b, #messages script").count() == 0
        assert await page.title() == "明保 · 在线咨询"


async def test_when_the_assistant_is_down_the_message_is_kept_to_send_again(
    client: TestClient, rasa: FakeRasa
) -> None:
    rasa.status = 500
    async with chromium_page() as page:
        await open_chat(page, client)
        await ask(page, "理赔要什么材料")
        await expect(page.locator("li.line.error")).to_have_text(
            "消息未送达：暂时无法连接智能助手，请稍后再试"
        )
        await expect(page.locator("#message-input")).to_have_value("理赔要什么材料")
        await expect(page.locator("#send-button")).to_be_enabled()

        rasa.status = 200
        await page.locator("#send-button").click()
        await expect(page.locator("li.line.bot").first).to_contain_text("原位癌")
    assert [m["message"] for m in rasa.received] == ["理赔要什么材料", "理赔要什么材料"]


async def test_one_conversation_per_browser_kept_across_a_reload_in_a_cookie_scripts_cannot_read(
    client: TestClient, rasa: FakeRasa
) -> None:
    async with chromium_page() as page:
        await open_chat(page, client)
        await ask(page, "你好")
        await expect(page.locator("li.line.bot")).to_have_count(2)
        await page.reload()
        await open_chat(page, client)
        await ask(page, "在吗")
        await expect(page.locator("li.line.bot")).to_have_count(2)
        assert await page.evaluate("document.cookie") == ""
        [cookie] = await page.context.cookies()
        assert (cookie["httpOnly"], cookie["sameSite"], cookie["path"]) == (True, "Strict", "/chat")

        browser = page.context.browser
        assert browser is not None
        other_browser = await (await browser.new_context(locale="zh-CN")).new_page()
        await open_chat(other_browser, client)
        await ask(other_browser, "另一个浏览器")
        await expect(other_browser.locator("li.line.bot")).to_have_count(2)
    first, again, other = (m["sender"] for m in rasa.received)
    assert first == again != other


async def test_an_empty_message_is_not_sent(client: TestClient, rasa: FakeRasa) -> None:
    async with chromium_page() as page:
        await open_chat(page, client)
        await ask(page, "   ")
        await ask(page, "你好")
        await expect(page.locator("li.line.user")).to_have_text(["你好"])
    assert [m["message"] for m in rasa.received] == ["你好"]


async def test_the_page_asks_nothing_of_any_other_host(client: TestClient) -> None:
    async with chromium_page() as page:
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        await open_chat(page, client)
        await ask(page, "你好")
        await expect(page.locator("li.line.bot")).to_have_count(2)
    origin = str(client.make_url("/")).rstrip("/")
    assert requested and all(url.startswith(origin + "/") for url in requested), requested
