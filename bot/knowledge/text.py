"""Text helpers shared by extraction, search and answers: normalising, numbers, sentences, items."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.text import half_width, to_simplified

CHINESE_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}
NUMBER = r"(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)"
SENTENCE_END = re.compile(r"(?<=[。；;！？!?])|\n+")
ITEM_MARKER = re.compile(
    r"(?<![第至和、])(?:（\d{1,2}）|\(\d{1,2}\)|（[一二三四五六七八九十]{1,3}）|[①-⑳]|(?<![\d.])\d{1,2}[.、](?!\d)|[a-z][.、](?=\S))"
)
LINE_ITEM = re.compile(
    r"^\s*(?:[-*]\s+)?(?:（\d{1,2}）|\(\d{1,2}\)|（[一二三四五六七八九十]{1,3}）|[①-⑳]|\d{1,2}[.、](?!\d))\s*"
)


@lru_cache(maxsize=16384)
def normalize(text: str) -> str:
    """Simplified, half-width, lower-case text without spaces, for matching only (never shown).

    缴 becomes 交: customers write 缴费 where clauses write 交费, and the reverse; 2万5 becomes
    2.5万. Cached: the same thesaurus words and clause sentences are folded for every question.
    """
    text = half_width(to_simplified(text))
    text = re.sub(r"\s+", "", text).lower().replace("缴", "交")
    return SPOKEN_THOUSANDS.sub(r"\1.\2千", SPOKEN_TEN_THOUSANDS.sub(r"\1.\2万", text))


# "2万5" and "1万5千" are 2.5万 and 1.5万 as customers say them; "3千5" is 3.5千 (not "30万5年")
SPOKEN_TEN_THOUSANDS = re.compile(r"(\d+)万(\d)千?(?![\d.年天日个岁次期月周号级%万])")
SPOKEN_THOUSANDS = re.compile(r"(\d+)千(\d)百?(?![\d.年天日个岁次期月周号级%万千])")


def chinese_number(token: str) -> float | None:
    """``"15"`` → 15, ``"十五"`` → 15, ``"一百八十"`` → 180, ``"两"`` → 2; ``None`` if not a number."""
    if not token:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", token):
        return float(token)
    total, current = 0, 0
    for char in token:
        if char in CHINESE_DIGITS:
            current = CHINESE_DIGITS[char]
        elif char in CHINESE_UNITS:
            total += (current or 1) * CHINESE_UNITS[char]
            current = 0
        else:
            return None
    return float(total + current)


CHINESE_NUMERAL = r"[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?"
PERCENT_WORDS = re.compile(r"百分之(" + CHINESE_NUMERAL + r"|\d+(?:\.\d+)?)")
COUNTED = re.compile(
    r"(?<![零〇一二两三四五六七八九十百千])("
    + CHINESE_NUMERAL
    + r")(?=万元|万|元|日|天|年|个月|周岁|岁|次|级|倍|项|种|小时|周|个工作日)"
)
# Words that merely contain 一 (同一次, 统一, 万一): not a count.
NOT_A_COUNT = tuple("同任某唯单统其之万每")


def _numeral(token: str) -> str:
    whole, _, fraction = token.partition("点")
    value = chinese_number(whole) if whole else 0.0
    if value is None:
        return token
    if fraction:
        digits = "".join(str(CHINESE_DIGITS.get(c, c)) for c in fraction)
        return f"{value:g}.{digits}"
    return f"{value:g}"


def arabic_numerals(text: str) -> str:
    """Numbers in words as digits, so one reading serves every insurer's style.

    ``百分之三十`` → ``30%``, ``一百八十日`` → ``180日``, ``人民币二十万元`` → ``人民币20万元``,
    ``第十级`` → ``第10级``, ``3,000,000元`` → ``3000000元``. Words that merely contain a numeral (同一次, 统一) stay as they are.
    """
    text = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", text)
    text = PERCENT_WORDS.sub(lambda m: _numeral(m.group(1)) + "%", text)
    return COUNTED.sub(lambda m: _count(m, text), text)


def _count(match: re.Match[str], text: str) -> str:
    numeral = match.group(1)
    if numeral == "一" and match.start() and text[match.start() - 1] in NOT_A_COUNT:
        return numeral
    return _numeral(numeral)


def sentences(text: str) -> list[str]:
    """Split clause text into sentences (。；！？ and line breaks), dropping table rules."""
    return list(_sentences(text))


@lru_cache(maxsize=4096)
def _sentences(text: str) -> tuple[str, ...]:
    parts = (part.strip() for part in SENTENCE_END.split(text))
    return tuple(p for p in parts if p and not re.fullmatch(r"[|:\-\s]+", p))


def split_items(text: str) -> tuple[str, list[str], str]:
    """Split a body into (lead-in, numbered items, tail).

    Items may be one per line (``（1）…``, ``1.``, ``①``) or run on inside a paragraph. A
    paragraph without a marker after the items is the tail (e.g. what happens after an exclusion).
    """
    lead: list[str] = []
    items: list[str] = []
    tail: list[str] = []
    for paragraph in (p.strip() for p in text.split("\n")):
        if not paragraph:
            continue
        if tail or (items and not LINE_ITEM.match(paragraph)):
            tail.append(paragraph)
            continue
        pieces = [p.strip() for p in ITEM_MARKER.split(paragraph)]
        if len(pieces) < 2 or (not LINE_ITEM.match(paragraph) and len(pieces) < 3):
            lead.append(paragraph)
            continue
        if pieces[0]:
            lead.append(pieces[0])
        items.extend(p.rstrip("；;，,") for p in pieces[1:] if p)
    return "".join(lead), items, "\n".join(tail)


@lru_cache(maxsize=4096)
def strip_markdown(text: str) -> str:
    """Text with Markdown emphasis and table pipes turned into plain separators."""
    text = re.sub(r"\*\*|__|`", "", text)
    return re.sub(r"\s*\|\s*", " ", text).strip()


def without_tables(text: str) -> str:
    """``text`` without its Markdown table lines (read them with :func:`table_sentences`)."""
    return "\n".join(line for line in text.splitlines() if not line.strip().startswith("|"))


def table_sentences(text: str) -> list[str]:
    """Each table cell as a sentence with its row label and column header.

    ``| 保障项目 | 年度限额 |`` / ``| 一般医疗保险金 | 300万元 |`` → ``一般医疗保险金：年度限额为300万元``.
    """
    rows = table_rows(text)
    if len(rows) < 2:
        return []
    header, *data = rows
    return [
        f"{_row_label(row[:i])}：{header[i]}为{cell}"
        for row in data
        for i, cell in enumerate(row[1:], start=1)
        if i < len(header) and cell
    ]


def _row_label(cells: list[str]) -> str:
    """A row's label: its first cell and the later cells that describe rather than state a figure
    (``以参加社保身份投保 | 未经社保结算 | 60%`` → ``以参加社保身份投保，未经社保结算``)."""
    return "，".join([cells[0], *(c for c in cells[1:] if c and not re.search(r"\d", c))])


def table_rows(text: str) -> list[list[str]]:
    """Cells of each data row of the Markdown tables in ``text`` (header rows included)."""
    rows = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("|") and not re.fullmatch(r"\|[\s:\-|]+\|?", line):
            rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows
