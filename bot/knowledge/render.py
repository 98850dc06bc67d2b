"""Render a verdict as the reply: the answer first, then why, what could change it, the citation."""

from __future__ import annotations

from bot.knowledge.decide import Verdict
from bot.knowledge.facts import ProductKnowledge

REMINDER = "以上为条款要点，是否赔付、赔付多少以您的保险合同条款和保险公司的理赔审核结果为准。"
WORDING_NOTE = "以上为条款要点，具体以您的保险合同条款为准。"
MAX_CHARS = 600


def render(product: ProductKnowledge, verdict: Verdict) -> str:
    """The reply for ``verdict`` under ``product``, one WeChat message long."""
    lines = [verdict.answer]
    reasons = "；".join(f"{r.text}（第{r.article}条）" for r in verdict.reasons)
    if reasons:
        lines.append(f"《{product.name}》：{reasons}。")
    lines.extend(verdict.conditions)
    if verdict.articles:
        lines.append(product.citation(*verdict.articles) + "。")
    lines.append(REMINDER if verdict.coverage else WORDING_NOTE)
    text = "\n".join(line.replace("。。", "。").replace("”。”", "”") for line in lines)
    return text if hanzi(text) <= MAX_CHARS else _shorten(lines)


def _shorten(lines: list[str]) -> str:
    """Drop the middle lines (reasons, conditions) until the reply fits, keeping answer and citation."""
    if len(lines) < 3:
        return fit("\n".join(lines), MAX_CHARS)
    head, *middle, citation, note = lines
    while middle and hanzi("\n".join([head, *middle, citation, note])) > MAX_CHARS:
        middle.pop()
    return fit("\n".join([head, *middle, citation, note]), MAX_CHARS)


def hanzi(text: str) -> int:
    """How many Chinese characters ``text`` has (the measure of one WeChat message)."""
    return sum("\u4e00" <= c <= "\u9fff" for c in text)


def fit(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` Chinese characters at the last line or sentence end that fits."""
    if hanzi(text) <= limit:
        return text
    count = 0
    end = len(text)
    for index, char in enumerate(text):
        count += "\u4e00" <= char <= "\u9fff"
        if count >= limit:
            end = index
            break
    head = text[:end]
    cut = max(head.rfind("\n"), head.rfind("。"), head.rfind("；"))
    if cut < end // 2:
        cut = end - 1
    return head[: cut + 1].rstrip("\n") + "…"
