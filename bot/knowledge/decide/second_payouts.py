"""A second payout after a first severe one (恶性肿瘤——重度二次保险金, 第二次恶性肿瘤保险金): paid
for a new diagnosis once the wording's interval since the first diagnosis has run, at the
benefit's own share.

"2024年5月确诊肺癌已经赔了，2026年又查出转移" is inside "间隔期为自首次重大疾病确诊之日起3年"
(the interval the wording sets when the first illness was a cancer); "2025年1月心梗赔了重疾，
2026年5月又确诊胃癌" is past the 1 year it sets when the first was not.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bot.knowledge.decide.earlier_payouts import before_paid
from bot.knowledge.decide.timing import day_text
from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import amount_text, plain_sentences
from bot.knowledge.explain import clip
from bot.knowledge.facts import Benefit, ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.text import arabic_numerals, split_items, strip_markdown, table_rows

CANCER = re.compile(r"癌|恶性肿瘤|白血病|淋巴瘤|肉瘤|骨髓瘤")
SEVERE_PAID = re.compile(r"重疾|重大疾病|重度|癌|恶性肿瘤|白血病|淋巴瘤")
AGAIN = re.compile(r"又|再次|第二次|二次|另一|新的|新发|复发|转移|持续|还能再")
INTERVAL = re.compile(r"(\d+)\s*(年|日|天)")
NOT_CANCER = re.compile(r"(不是|不属于|非|以外)[^，。；]{0,4}恶性肿瘤|恶性肿瘤[^，。；]{0,8}以外")


@dataclass(frozen=True)
class Interval:
    """How long after the first diagnosis the second is paid, and for which first illness."""

    days: int
    label: str
    first_cancer: bool | None  # None: whatever the first illness was
    sentence: str
    article: str


def second_benefit(product: ProductKnowledge) -> Benefit | None:
    """The benefit paid for a diagnosis after a first severe payout, with an interval."""
    for benefit in product.facts.benefits:
        if benefit.is_waiver or benefit.percent is None:
            continue
        article = product.document.article(benefit.article)
        body = strip_markdown(article.body) if article is not None else ""
        if re.search(r"二次|2次|第二|再次", benefit.name) and re.search(
            r"已(按[^，。]{0,12})?给付", body
        ):
            return benefit
    return None


def intervals(product: ProductKnowledge, benefit: Benefit) -> list[Interval]:
    """The intervals the wording sets, from the benefit's article or an article defining 间隔期."""
    found: list[Interval] = []
    for article in product.document.articles:
        if article.number != benefit.article and "间隔期" not in article.title:
            continue
        body = arabic_numerals(strip_markdown(article.body))
        _, items, _ = split_items(body)
        for piece in [*items, *plain_sentences(body)]:
            if "间隔期" not in piece and not re.search(r"届满\d+年", piece):
                continue
            start = max(piece.find("起"), 0)
            length = INTERVAL.search(piece, start)
            if length is None or not re.search(r"确诊|给付", piece):
                continue
            amount, unit = int(length.group(1)), length.group(2)
            days = amount * 365 if unit == "年" else amount
            before = piece[: length.start()]
            first_cancer = (
                False
                if NOT_CANCER.search(before)
                else True
                if "恶性肿瘤" in before and re.search(r"首次[^，。；]{0,6}为", before)
                else None
            )
            if any(i.days == days and i.first_cancer == first_cancer for i in found):
                continue
            found.append(
                Interval(days, f"{amount}{unit}", first_cancer, clip(piece, 80), article.number)
            )
    return found


def _paid_part(text: str) -> str:
    """What the story tells of the earlier payout: the part :func:`before_paid` blanks."""
    told = before_paid(text)
    return "".join(c for c, t in zip(text, told, strict=True) if t == "_")


def _first_was_cancer(text: str) -> bool:
    return CANCER.search(_paid_part(text)) is not None


KINDS = ("新发", "复发", "转移", "持续")


def _kind_told(product: ProductKnowledge, benefit: Benefit, text: str) -> Reason | None:
    """The wording's own description of the kind of second cancer the story tells (转移, 持续)."""
    told = "新发" if re.search(r"另一[个种]?原发|新的原发|新发", text) else None
    told = told or next((k for k in KINDS if k in text), None)
    if told is None and re.search(r"(肿瘤|癌|病灶)[^，。]{0,4}(还在|仍在|仍然存在|没消)", text):
        told = "持续"
    if told is None:
        return None
    for disease in product.facts.diseases:
        if disease.name.startswith(told):
            _, items, _ = split_items(arabic_numerals(disease.definition))
            said = (
                "；".join(clip(i, 50) for i in items[:3])
                if items
                else clip(disease.definition, 110)
            )
            return Reason(f"“{disease.name}”须符合：“{said}”", disease.article)
    article = product.document.article(benefit.article)
    if article is not None:
        for item in split_items(strip_markdown(article.body))[1]:
            if item.startswith(told):
                return Reason(f"“{clip(item, 100)}”", benefit.article)
    return None


def decide_second_payout(
    product: ProductKnowledge, situation: Situation, disease: str | None
) -> Verdict | None:
    """ "已经赔过重疾，又查出癌症，还能赔吗": the second payout, by the interval since the first."""
    text = situation.text
    told = before_paid(text)
    if told == text or not AGAIN.search(told):
        return None
    blanked = _paid_part(text)
    lesser = re.search(r"轻|原位|中症|中度|\d+%", blanked)
    if not situation.earlier_claims.get("severe") and (lesser or not SEVERE_PAID.search(blanked)):
        return None  # the interval runs from a severe payout, not a mild one
    if disease is None and not CANCER.search(told):
        return None
    benefit = second_benefit(product)
    if benefit is None:
        return None
    first_cancer = _first_was_cancer(text)
    own = [i for i in intervals(product, benefit) if i.first_cancer in (first_cancer, None)]
    interval = next((i for i in own if i.first_cancer is not None), own[0] if own else None)
    amount = amount_text(situation, benefit.percent or 0.0)
    pays = f"按{benefit.name}给付，{amount}"
    reasons = [Reason(clip(_payout_sentence(product, benefit), 90), benefit.article)]
    kind = _kind_told(product, benefit, told)
    if interval is None:
        return None
    reasons.append(Reason(f"间隔期：“{interval.sentence}”", interval.article))
    if kind is not None:
        reasons.append(kind)
    dates = [d for d in situation.dated if d.kind in ("diagnosis", "told")]
    first = next((d for d in dates if told[d.position] == "_"), None)
    then = next(
        (d for d in dates if told[d.position] != "_" and first and d.first > first.last), None
    )
    conditions = ("第二次确诊须符合条款对该情形的定义，以理赔审核为准。",)
    if first is None or then is None:
        return Verdict(
            "second_payout",
            "depends",
            f"要看这次确诊的时间：间隔期为首次确诊之日起{interval.label}，间隔期届满后确诊且符合条件的，"
            f"{pays}；间隔期内确诊的不赔。",
            tuple(reasons),
            conditions,
        )
    ends = first.first + dt.timedelta(days=interval.days)
    ends_text = (
        day_text(ends, year=True) if first.first == first.last else f"{ends.year}年{ends.month}月"
    )
    if then.last < ends:
        return Verdict(
            "second_payout",
            "no",
            f"这次确诊还在间隔期内，不能按{benefit.name}赔：间隔期为首次确诊之日起{interval.label}"
            f"（到{ends_text}左右届满），间隔期届满后确诊且符合条件的，才{pays}。",
            tuple(reasons),
            conditions,
        )
    if then.first >= first.last + dt.timedelta(days=interval.days):
        return Verdict(
            "second_payout",
            "yes",
            f"能赔：距首次确诊已过{interval.label}的间隔期，{pays}。",
            tuple(reasons),
            conditions,
        )
    return Verdict(
        "second_payout",
        "depends",
        f"要看准确日期：间隔期为首次确诊之日起{interval.label}（约到{ends_text}），届满后确诊的{pays}，"
        "届满前确诊的不赔。",
        tuple(reasons),
        conditions,
    )


def _payout_sentence(product: ProductKnowledge, benefit: Benefit) -> str:
    article = product.document.article(benefit.article)
    body = arabic_numerals(strip_markdown(article.body)) if article is not None else ""
    return next(
        (s for s in plain_sentences(body) if f"{benefit.percent:g}%" in s),
        f"按基本保险金额的{benefit.percent:g}%给付{benefit.name}",
    )


GROUP_LABEL = re.compile(r"第[一二三四五六七八九十\d]+组|[A-Za-z]组")
GROUP_RULE = re.compile(
    r"(每一?组|同一组|该组)[^。]{0,30}(最多|只|仅|以)[^。]{0,6}(给付|赔付)?[^。]{0,4}一次"
)


def _groups(product: ProductKnowledge) -> tuple[list[tuple[str, str]], str, str] | None:
    """The wording's groups of diseases ``(label, diseases)``, with the article and the sentence
    paying each group once."""
    for article in product.document.articles:
        prose = "\n".join(x for x in article.body.splitlines() if not x.strip().startswith("|"))
        rule = next((s for s in plain_sentences(prose) if GROUP_RULE.search(s)), None)
        if rule is None:
            continue
        rows = [
            (label.group(0), " ".join(row))
            for row in table_rows(article.body)
            if (label := GROUP_LABEL.search(" ".join(row[:2]))) is not None
        ]
        if rows:
            return rows, article.number, rule
    return None


def _group_of(rows: list[tuple[str, str]], name: str) -> str | None:
    return next((label for label, diseases in rows if name in diseases), None)


def decide_same_group(
    product: ProductKnowledge, situation: Situation, disease: str | None
) -> Verdict | None:
    """ "第一次赔的是肺癌，两年后又查出肝癌": a group paid once is not paid again."""
    text = situation.text
    told = before_paid(text)
    if disease is None or told == text or not AGAIN.search(told):
        return None
    groups = _groups(product)
    if groups is None:
        return None
    rows, article, rule = groups
    paid = _paid_part(text)
    names = [d.name for d in product.facts.diseases if d.category == "severe"]
    earlier = (
        next((n for n in names if "恶性肿瘤" in n), None)
        if CANCER.search(paid)
        else next((n for n in names if n in paid), None)
    )
    now = next((n for n in names if disease in n or n in disease), None)
    if now is None and CANCER.search(told):
        now = next((n for n in names if "恶性肿瘤" in n), None)
    if earlier is None or now is None:
        return None
    first, second = _group_of(rows, earlier), _group_of(rows, now)
    if first is None or first != second:
        return None
    return Verdict(
        "second_payout",
        "no",
        f"不能再赔：这次的“{now}”与第一次赔的“{earlier}”同属{first}，每一组只赔一次，"
        f"该组已经赔过，不再给付。",
        (Reason(f"条款约定：“{clip(rule, 80)}”", article),),
        ("其他组别的重大疾病仍按条款保障（须符合间隔期等约定）。",),
    )
