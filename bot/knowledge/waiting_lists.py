"""A longer waiting period for listed diseases (特定疾病等待期 90日): where the wording lists them and
whether the story's illness is one.

The list may be an article the period refers to (``对于9.3.5所列的疾病``, or in the next sentence
``特定疾病指本条款9.8所列的十二种疾病``) — its items, or its sub-articles with their titles and
``指……`` definitions —, or follow the period's own sentence (``仅适用于下列八类疾病：① …；② …``).
An item's own carve-out (``经组织病理学检查确诊的甲状腺恶性肿瘤不属于本项特定疾病``) keeps a
cancer or an accident told by the story out of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.knowledge.document import ClauseArticle, ClauseDocument
from bot.knowledge.facts import Period
from bot.knowledge.text import sentences, split_items, strip_markdown

REFERENCE = re.compile(r"(\d+(?:\.\d+)+)\s*条?(?:所列|列明|约定)")
DAYS = re.compile(r"(\d+)\s*[日天]")
LIST_LEAD = re.compile(r"下列[^：:。]{0,20}(?:疾病|情形|病种)")
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
MARKER = re.compile(rf"^\s*(?:[{CIRCLED}]|[（(]\d+[）)]|\d+[.、．](?!\d))")
CARVE_OUT = re.compile(r"不属于(本项|本类|特定疾病|上述)|不适用(本项|特定疾病)")
CANCER_TOLD = re.compile(r"癌|恶性|肉瘤|白血病|淋巴瘤")


@dataclass(frozen=True)
class ListedItem:
    """One item of a waiting period's list: the disease names it gives and its carve-outs."""

    names: tuple[str, ...]
    carve_outs: tuple[str, ...]
    article: str


def listed_waiting(articles: Iterable[ClauseArticle], waiting: Period) -> Period | None:
    """The longer waiting period a waiting-period article gives listed diseases; its sentence
    carries the list's article number, or its ``details`` the items listed after it."""
    for article in articles:
        lines = sentences(strip_markdown(article.body))
        for at, sentence in enumerate(lines):
            days = DAYS.search(sentence)
            if days is None or float(days.group(1)) == waiting.amount:
                continue
            if not re.search(r"特定|下列|所列|列明|以下", sentence):
                continue
            said = _with_reference(lines, at)
            if said is not None:
                return Period("waiting_listed", float(days.group(1)), "日", article.number, said)
            items = _inline_items(lines, at)
            if items:
                return Period(
                    "waiting_listed",
                    float(days.group(1)),
                    "日",
                    article.number,
                    sentence,
                    details=items,
                )
    return None


def _with_reference(lines: list[str], at: int) -> str | None:
    """The period's sentence (with the next one when that names the list's article)."""
    if REFERENCE.search(lines[at]):
        return lines[at]
    for after in lines[at + 1 : at + 3]:
        if DAYS.search(after):
            return None  # another period's sentence
        if REFERENCE.search(after):
            return f"{lines[at].rstrip('。；;')}。{after}"
    return None


def _inline_items(lines: list[str], at: int) -> tuple[str, ...]:
    """The items following "下列…疾病：" (in the same sentence and the lines after it), of the
    first item's marker kind only (an outer list's next item is not one of them)."""
    lead = LIST_LEAD.search(lines[at])
    if lead is None:
        return ()
    rest = re.split(r"[：:]", lines[at][lead.end() :], maxsplit=1)
    pieces = [rest[1].strip()] if len(rest) > 1 and rest[1].strip() else []
    pieces += lines[at + 1 :]
    if not pieces or not MARKER.match(pieces[0]):
        return ()
    kind = _marker_kind(pieces[0])
    items = []
    for piece in pieces:
        if not MARKER.match(piece) or _marker_kind(piece) != kind:
            break
        items.append(MARKER.sub("", piece).strip().rstrip("；;。"))
    return tuple(items)


def _marker_kind(piece: str) -> str:
    first = piece.strip()[:1]
    return "circled" if first in CIRCLED else "bracket" if first in "（(" else "number"


def listed_items(document: ClauseDocument, period: Period) -> list[ListedItem]:
    """The items of ``period``'s list: its own details, or the article it refers to."""
    if period.details:
        return [ListedItem(tuple(disease_names(i)), (), period.article) for i in period.details]
    reference = REFERENCE.search(period.sentence)
    listing = document.article(reference.group(1)) if reference else None
    if listing is None:
        return []
    _, items, _ = split_items(strip_markdown(listing.body))
    if items:
        return [ListedItem(tuple(disease_names(i)), (), listing.number) for i in items]
    prefix = listing.number + "."
    found = []
    for sub in (a for a in document.articles if a.number.startswith(prefix)):
        lines = sentences(strip_markdown(sub.body))
        meant = [s for s in lines if s.startswith("指")][:1]
        names = [*disease_names(sub.title), *(n for s in meant for n in disease_names(s))]
        carve = tuple(s for s in lines if CARVE_OUT.search(s))
        found.append(ListedItem(tuple(dict.fromkeys(names)), carve, sub.number))
    return found


def disease_names(item: str) -> list[str]:
    """The disease names of one item: "胆囊结石、胆囊息肉及胆囊炎" → three names; a definition
    "指需要手术的慢性扁桃体炎、扁桃体肥大" loses its lead-in."""
    item = re.sub(r"[（(][^）)]*[）)]", "", item.strip())
    item = re.sub(r"^[（(]?\d+[）)]|[；;。，,]$", "", item)
    item = re.sub(r"^指(?:[^、，。]*?的)?", "", item)
    parts = re.split(r"、|及|和|与|或|以及|，|,", item)
    names = [re.sub(r"^(各类|各种|其他|其它)", "", p.strip()) for p in parts]
    return [n for n in names if len(n) >= 2]


def names_disease(name: str, text: str) -> bool:
    """``name`` told in ``text`` as it is, or shortened by one character (胆囊结石 → 胆结石)."""
    if len(name) < 2:
        return False
    if name in text:
        return True
    if len(name) < 4:
        return False
    return any(name[:i] + name[i + 1 :] in text for i in range(1, len(name) - 1))


def carved_out(item: ListedItem, text: str, accident: bool) -> str | None:
    """The item's carve-out sentence the story meets: a cancer told, or an accident."""
    for sentence in item.carve_outs:
        if re.search(r"恶性肿瘤|原位癌|癌", sentence) and CANCER_TOLD.search(text):
            return sentence
        if "意外" in sentence and accident:
            return sentence
    return None


def matching_item(
    document: ClauseDocument, period: Period, text: str, accident: bool = False
) -> tuple[ListedItem | None, tuple[str, str] | None]:
    """The listed item the story's illness is (or ``None``), and the carve-out (sentence,
    article) that kept a named item out (``None`` when none did)."""
    kept_out = None
    for item in listed_items(document, period):
        if not any(names_disease(n, text) for n in item.names):
            continue
        carve = carved_out(item, text, accident)
        if carve is None:
            return item, None
        kept_out = kept_out or (carve, item.article)
    return None, kept_out
