"""The most a product pays in all ("最多一共能赔多少"): the wording's own cap on all payouts
(各项保险金的累计给付金额，以基本保险金额的245%为限), or each benefit's share times the times it
is paid, with times two categories share (中症与轻症合计最多给付4次) counted once at the higher
share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge.decide.earlier_payouts import before_paid
from bot.knowledge.decide.second_payouts import second_benefit
from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.explain import clip, interval_section, money, payout
from bot.knowledge.facts import Benefit, ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.text import arabic_numerals, strip_markdown
from bot.knowledge.vocabulary import CATEGORY_LABELS, CATEGORY_NAMES

ASKS_MOST = re.compile(
    r"(最多|一共|总共|合计|加起来|总计|累计)[^，。？?]{0,6}(赔|拿|领|给付|获赔)[^，。？?]{0,4}多少"
)
HYPOTHETICAL = re.compile(r"假如|假设|如果|所有|全部|都赔一遍|每次都|最倒霉")
CAP = re.compile(
    r"(累计|合计|总计|累积)[^。；]{0,16}(给付|赔付)[^。；]{0,10}(以|不超过|最高)[^。；]{0,8}"
    r"基本保险金额的(\d+(?:\.\d+)?)%"
)
SHARED = re.compile(
    r"(合计|累计|共计|共)[^。；]{0,6}(最多|以)?[^。；]{0,4}给付(\d+)次|(合计|累计)[^。；]{0,6}以(\d+)次为限"
)


@dataclass(frozen=True)
class Part:
    """One line of the total: what it pays, its share and how many times."""

    text: str
    percent: float
    article: str


def _cap(product: ProductKnowledge) -> tuple[float, str, str] | None:
    """The wording's cap on all payouts together: share, sentence, article."""
    for article in product.document.articles:
        for sentence in plain_sentences(arabic_numerals(article.body)):
            found = CAP.search(sentence)
            if found is not None and "各项" in sentence:
                return float(found.group(4)), sentence, article.number
    return None


def _percents(product: ProductKnowledge, benefit: Benefit) -> set[str]:
    article = product.document.article(benefit.article)
    body = arabic_numerals(strip_markdown(article.body)) if article is not None else ""
    return set(re.findall(r"基本保险金额的(\d+(?:\.\d+)?)%", body))


def _shared_times(product: ProductKnowledge) -> tuple[set[str], int, str] | None:
    """Two or more categories sharing a number of payouts ("中症疾病保险金与轻症疾病保险金合计
    最多给付4次"): the categories, the times, the article."""
    for article in product.document.articles:
        for sentence in plain_sentences(arabic_numerals(article.body)):
            found = SHARED.search(sentence)
            if found is None:
                continue
            named = {
                key
                for key, labels in CATEGORY_LABELS.items()
                if any(label in sentence[: found.start()] for label in labels)
            }
            if len(named) >= 2:
                return named, int(found.group(3) or found.group(5)), article.number
    return None


def _parts(product: ProductKnowledge) -> list[Part] | None:
    """Each benefit's most, or ``None`` when one cannot be counted (several shares, no times)."""
    shared = _shared_times(product)
    parts: list[Part] = []
    sharing: list[Benefit] = []
    follows = second_benefit(product)
    enders = [b for b in product.facts.benefits if b.ends_contract and b.percent and b != follows]
    last = max(enders, key=lambda b: b.percent or 0.0) if enders else None
    for benefit in product.facts.benefits:
        if benefit.is_waiver or (benefit.percent is None and benefit.category is None):
            continue  # a premium refund on death is no share of the sum insured
        if benefit.percent is None or len(_percents(product, benefit)) != 1:
            return None
        if benefit in enders and benefit != last:
            continue  # of the payouts that end the contract, only one is paid
        if shared is not None and benefit.category in shared[0]:
            sharing.append(benefit)
            continue
        if benefit.times is None and not benefit.ends_contract:
            return None
        times = benefit.times or 1
        parts.append(
            Part(
                f"{benefit.name}{benefit.percent:g}%×{times}次",
                benefit.percent * times,
                benefit.article,
            )
        )
    if shared is not None and sharing:
        top = max(sharing, key=lambda b: b.percent or 0.0)
        names = "、".join(CATEGORY_NAMES.get(b.category or "", b.name) for b in sharing)
        parts.append(
            Part(
                f"{names}合计最多{shared[1]}次，按{top.name}{top.percent:g}%算{shared[1]}次",
                (top.percent or 0.0) * shared[1],
                shared[2],
            )
        )
    return parts or None


def decide_maximum_total(
    product: ProductKnowledge, situation: Situation, disease: str | None
) -> Verdict | None:
    """ "保额30万，最多一共能赔多少": the wording's cap, or its benefits added up."""
    text = situation.text
    if not ASKS_MOST.search(text) or before_paid(text) != text or situation.earlier_claims:
        return None
    if disease is not None and not HYPOTHETICAL.search(text):
        return None
    if not any(b.percent for b in product.facts.benefits) or not product.facts.diseases:
        return None
    total = situation.sum_insured
    cap = _cap(product)
    if cap is not None:
        percent, sentence, article = cap
        amount = (
            f"，{money(total)} × {percent:g}% = {money(total * percent / 100)}" if total else ""
        )
        return Verdict(
            "total",
            "yes",
            f"最多一共能赔基本保险金额的{percent:g}%{amount}：条款约定各项保险金累计给付以此为限。",
            (Reason(f"条款约定：“{clip(sentence, 70)}”", article),),
            ("实际能赔多少取决于确诊的疾病和先后顺序，以理赔审核为准。",),
        )
    parts = _parts(product)
    if parts is None or len(parts) < 2:
        return None
    percent = sum(p.percent for p in parts)
    amount = f"，{money(total)} × {percent:g}% = {money(total * percent / 100)}" if total else ""
    return Verdict(
        "total",
        "yes",
        f"最多一共能赔基本保险金额的{percent:g}%{amount}（"
        + " + ".join(p.text for p in parts)
        + "）。",
        tuple(Reason(p.text, p.article) for p in parts),
        ("这是各项责任都赔满的最大值，实际能赔多少取决于确诊的疾病和先后顺序，以理赔审核为准。",),
    )


ASKS_TIMES = re.compile(
    r"(一共|总共|加起来|合计|最多|累计)[^，。？?]{0,6}(赔|给付|理赔)几次|能赔几次"
)
SAME_AGAIN = re.compile(r"同一(种|个)?(病|疾病)[^，。？?]{0,6}(两次|2次|再赔|多次)")


def decide_times(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "中症轻症加起来一共能赔几次？同一种病能赔两次吗": the times the categories share, and each
    disease's own limit."""
    if not ASKS_TIMES.search(situation.text) or not situation.categories:
        return None
    asked = [
        b
        for b in product.facts.benefits
        if not b.is_waiver and b.category in situation.categories and not b.adds_to
    ]
    if not asked:
        return None
    shared = _shared_times(product)
    lines: list[str] = []
    reasons: list[Reason] = []
    if shared is not None and {b.category for b in asked} <= shared[0] and len(asked) > 1:
        names = "、".join(CATEGORY_NAMES.get(b.category or "", b.name) for b in asked)
        shares = "、".join(
            f"{CATEGORY_NAMES.get(b.category or '', b.name)}按基本保险金额的{b.percent:g}%"
            for b in asked
            if b.percent
        )
        lines.append(f"{names}合计最多赔{shared[1]}次" + (f"（{shares}给付）" if shares else ""))
        reasons.append(Reason(f"{names}合计最多给付{shared[1]}次", shared[2]))
    else:
        for benefit in asked:
            if benefit.times:
                name = CATEGORY_NAMES.get(benefit.category or "", benefit.name)
                share = f"，每次按基本保险金额的{benefit.percent:g}%给付" if benefit.percent else ""
                lines.append(f"{name}最多赔{benefit.times}次{share}")
                reasons.append(Reason(payout(benefit), benefit.article))
    if not lines:
        return None
    if all(b.times_each == 1 for b in asked):
        lines.append("同一种疾病只能赔1次（每种疾病以给付一次为限）")
    elif SAME_AGAIN.search(situation.text):
        return None
    # on a wording that pays more than once, the time that must pass between two payouts
    interval = interval_section(product, tuple(b.category for b in asked if b.category))
    conditions = (interval.text,) if interval.articles else ()
    return Verdict("times", "info", "；".join(lines) + "。", tuple(reasons), conditions)


ASKS_SHARING = re.compile(r"占|次数[^，。？?]{0,6}(共用|一起|算在|合并)|共用")


def separate_times(
    product: ProductKnowledge, situation: Situation, paid_now: set[str | None]
) -> str:
    """ "中症赔满了，轻症次数会不会被占掉": the categories paid before count their own times when
    the wording sets no times they share."""
    if not ASKS_SHARING.search(situation.text):
        return ""
    before = {c for c in situation.earlier_claims if c not in paid_now}
    shared = _shared_times(product)
    if not before or (shared is not None and before | paid_now <= shared[0]):
        return ""
    names = "、".join(CATEGORY_NAMES.get(c, c) for c in sorted(before))
    now = "、".join(CATEGORY_NAMES.get(c or "", "") for c in paid_now if c)
    return f"{names}已赔的次数不占用{now}的次数，条款对两者的给付次数分别计算。"
