"""A benefit paid as the greater of several amounts, computed with the customer's numbers.

"按下列两项中金额较大者给付身故保险金：（1）已交保险费；（2）现金价值" — with "交了3年，每年8000"
and "现金价值查了是1.5万" that is max(2.4万, 1.5万) = 2.4万. Only amounts the customer told (or
the sum insured) are compared, and two the wording lets us compute from the story: a factor
from the wording's table by the age at death (已交保险费 × 给付系数), and the effective sum
insured of a growing policy (有效保险金额, the wording's yearly rate over the policy years told).
An item the story does not give leaves the sum to the wording.
"""

from __future__ import annotations

import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.explain import clip, money
from bot.knowledge.facts import Benefit, ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.text import arabic_numerals, sentences, strip_markdown, table_rows
from bot.knowledge.told import age_at_claim, policy_year

GREATER = re.compile(r"较大者|较高者|较大的|最大者|较大值|孰高|孰大")
ITEM = re.compile(r"^\s*(?:[（(][\d一二三四五六七八九十]+[）)]|\d+[.、．]|[①-⑩])")
AGE_BOUND = re.compile(r"(未满|不满|已满|满)(\d+)周岁")
DEATH = re.compile(r"身故|去世|过世|死亡|走了|离世|病故|病逝|逝世|猝死")


def branches(text: str) -> list[tuple[str, list[str]]]:
    """Each "greater of" sentence of ``text`` with the items listed after it."""
    lines = sentences(text)
    found = []
    for n, line in enumerate(lines):
        if not GREATER.search(line):
            continue
        items: list[str] = []
        for following in lines[n + 1 :]:
            if items and items[-1].count("（") > items[-1].count("）"):
                items[-1] += following  # an item's parenthesis split at its "；"
                continue
            if not ITEM.search(following) or GREATER.search(following):
                break
            items.append(following)
        if items:
            found.append((line, items))
    return found


def _fits_age(line: str, age: int | None) -> bool | None:
    """Whether the branch's age bound (未满18周岁, 已满18周岁) fits ``age``; ``None``: unknown."""
    bound = AGE_BOUND.search(line)
    if bound is None:
        return True
    if age is None:
        return None
    under = bound.group(1) in ("未满", "不满")
    return age < int(bound.group(2)) if under else age >= int(bound.group(2))


def _value(
    item: str, situation: Situation, product: ProductKnowledge, article: str
) -> tuple[str, float] | None:
    """The customer's figure for one listed amount, or ``None`` when the story does not give it."""
    item = re.sub(r"（[^）]*）|\([^)]*\)", "", item)  # what the amount is, not its remarks
    if "有效保险金额" in item or "有效保额" in item:
        grown = effective_sum(product, situation)
        return ("有效保额", grown[0]) if grown else None
    percent = re.search(r"(\d+(?:\.\d+)?)\s*%", item)
    share = float(percent.group(1)) / 100 if percent else 1.0
    label = "已交保费"
    if re.search(r"系数|表", item):
        body = product.document.article(article)
        factor = age_factor(body.body if body else "", age_at_claim(situation.text))
        if factor is None:
            return None
        share, label = factor / 100, f"已交保费×{factor:g}%"
    if re.search(r"(已交|所交)[^，。；]{0,6}保险费", item):
        paid = situation.premiums_paid
        if paid and CHANGED_BASE.search(situation.text):
            ratio = reduced_ratio(product, situation)
            if ratio is None:
                return None  # premiums paid before a reduction the wording does not scale
            paid, label = paid * ratio, f"{label}（减保后按{ratio:.0%}计）"
        return (label, paid * share) if paid else None
    if re.search(r"系数|表", item):
        return None
    if "现金价值" in item:
        return ("现金价值", situation.cash_value) if situation.cash_value else None
    if "基本保险金额" in item or "保险金额" in item:
        sum_insured = situation.sum_insured
        return ("基本保额", sum_insured * share) if sum_insured else None
    return None


AGE_LOW = re.compile(r"(?<![未不])满(\d+)周?岁|(\d+)周?岁(?:\(含\)|（含）)?(?:及|或)?以上")
AGE_HIGH = re.compile(r"(?:未满|不满|不足)(\d+)周?岁|(\d+)周?岁以下")
AGE_SPAN = re.compile(r"(\d+)\s*(?:周岁|岁)?\s*[-—–~～至到]\s*(\d+)\s*周?岁")


def age_factor(body: str, age: int | None) -> float | None:
    """The percent a table of ``body`` sets for ``age`` ("满41周岁，未满61周岁 | 140%")."""
    if age is None:
        return None
    for row in table_rows(arabic_numerals(body)):
        if len(row) < 2:
            continue
        percent = re.search(r"(\d+(?:\.\d+)?)\s*%", row[-1])
        if percent is None:
            continue
        span = AGE_SPAN.search(row[0])
        if span is not None:
            low, high = int(span.group(1)), int(span.group(2)) + 1
        else:
            low_match, high_match = AGE_LOW.search(row[0]), AGE_HIGH.search(row[0])
            if low_match is None and high_match is None:
                continue
            low = int(next(g for g in low_match.groups() if g)) if low_match else 0
            high = int(next(g for g in high_match.groups() if g)) if high_match else 200
        if low <= age < high:
            return float(percent.group(1))
    return None


GROWTH = re.compile(r"(?:增长率|递增率|增长|递增|增加)[^。；]{0,12}?(\d+(?:\.\d+)?)\s*%")
COMPOUND = re.compile(r"复利|次方|次幂|\^")
SIMPLE = re.compile(r"单利")
CHANGED_BASE = re.compile(r"减保|减少(了)?(基本)?保(险金)?额|部分领取|减额")


def effective_sum(product: ProductKnowledge, situation: Situation) -> tuple[float, str, str] | None:
    """The effective sum insured in the policy year the customer tells, by the wording's yearly
    growth (有效保险金额 grows 2.5% a year, compound): (amount, the sum shown, the article)."""
    year = event_year(situation)
    if year is None or not situation.sum_insured:
        return None
    base = situation.sum_insured
    if CHANGED_BASE.search(situation.text):
        ratio = reduced_ratio(product, situation)
        if ratio is None:
            return None
        base = situation.sum_insured * ratio
    for article in product.document.articles:
        text = arabic_numerals(strip_markdown(article.body))
        if "有效保险金额" not in text:
            continue
        for sentence in sentences(text):
            rate = GROWTH.search(sentence)
            if "有效保险金额" not in sentence or rate is None:
                continue
            percent = float(rate.group(1))
            if COMPOUND.search(text) and not SIMPLE.search(sentence):
                amount = base * (1 + percent / 100) ** (year - 1)
                shown = f"{money(base)} × (1+{percent:g}%)^{year - 1}（按年{percent:g}%复利）"
            elif SIMPLE.search(text):
                amount = base * (1 + percent / 100 * (year - 1))
                shown = f"{money(base)} × (1+{percent:g}%×{year - 1})（按年{percent:g}%单利）"
            else:
                return None  # the wording does not say how the growth adds up
            return amount, shown, article.number
    return None


def decide_greater_of(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """A death benefit "the greater of" amounts, when the story gives every one of them."""
    if not DEATH.search(situation.text) or not situation.asks & {"amount", "whether"}:
        return None
    benefits: list[Benefit] = [b for b in product.facts.benefits if "身故" in b.name]
    for benefit in benefits:
        article = next((a for a in product.document.articles if a.number == benefit.article), None)
        texts = [(benefit.article, "\n".join(benefit.sentences))]
        texts += [
            (a.number, strip_markdown(arabic_numerals(a.body)))
            for a in product.document.articles
            if a.number.startswith(benefit.article.rsplit(".", 1)[0] + ".")
            and a is not article
            and "身故" in a.body + a.title
        ]
        for number, text in texts:
            for line, items in branches(arabic_numerals(text)):
                fits = _fits_age(line, _claim_age(situation))
                if fits is None:
                    return None  # the amounts depend on an age the story does not give
                if not fits:
                    continue
                values = [_value(item, situation, product, number) for item in items]
                if any(v is None for v in values):
                    return _rule_only(product, situation, number, line, items)
                told = [v for v in values if v is not None]
                label, amount = max(told, key=lambda v: v[1])
                figures = "、".join(
                    f"{name}{'=' if '%' in name else ''}{_amount(value)}" for name, value in told
                )
                bound = AGE_BOUND.search(line)
                when = f"身故时{bound.group(0)}，" if bound else ""
                return Verdict(
                    "death",
                    "yes",
                    f"约{_amount(amount)}：{when}按{figures}中较大的给付，即{label}{'=' if '%' in label else ''}{_amount(amount)}。",
                    (
                        Reason(f"条款约定：“{clip(line, 50)}”", number),
                        *_grown(product, situation, told),
                    ),
                    ("前提是之前没有给付过终止该责任的保险金，以理赔审核为准。",),
                    sum=f"max({', '.join(_amount(v) for _, v in told)}) = {_amount(amount)}",
                    paid=amount,
                )
    return None


def _amount(value: float) -> str:
    """A computed amount: round figures as usual (8.4万元), others to the fen (10.77万元（107,689.06元）)."""
    if value >= 10_000 and round(value) % 100:
        return f"{value / 10_000:.2f}万元（{value:,.2f}元）"
    return money(round(value, 2))


def _grown(
    product: ProductKnowledge, situation: Situation, told: list[tuple[str, float]]
) -> tuple[Reason, ...]:
    """The sum behind an effective sum insured that was compared, with its article."""
    if not any(name == "有效保额" for name, _ in told):
        return ()
    grown = effective_sum(product, situation)
    if grown is None:
        return ()
    amount, shown, article = grown
    year = event_year(situation)
    return (Reason(f"第{year}个保单年度的有效保额：{shown} ≈ {_amount(amount)}", article),)


EFFECTIVE_ASK = re.compile(r"有效保(险金)?额")


def decide_effective_sum(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "第6个保单年度的有效保额是多少": the sum insured grown by the wording's yearly rate."""
    if not EFFECTIVE_ASK.search(situation.text) or DEATH.search(situation.text):
        return None
    grown = effective_sum(product, situation)
    if grown is None:
        return None
    amount, shown, article = grown
    year = event_year(situation)
    return Verdict(
        "effective_sum",
        "info",
        f"第{year}个保单年度的有效保额约{_amount(amount)}：{shown}。",
        (Reason("有效保额按条款约定的年增长率逐年递增", article),),
        ("减保后按减少后的基本保额重新计算，以保险单和保险公司的计算为准。",),
        sum=f"{shown} = {_amount(amount)}",
    )


def event_year(situation: Situation) -> int | None:
    """The policy year of the event: told ("第5个保单年度"), else from the effective day and the
    day of the death told."""
    told = policy_year(situation.text)
    if told is not None:
        return told
    start = next((d for d in situation.dated if d.kind == "effective"), None)
    event = next((d for d in situation.dated if d.kind == "death"), None)
    if start is None or event is None or event.first < start.first:
        return None
    begun, day = start.first, event.first
    years = day.year - begun.year - ((day.month, day.day) < (begun.month, begun.day))
    return years + 1


SCALED = re.compile(r"已交保险费[^。]{0,20}按[^。]{0,30}比例[^。]{0,6}减少")
REDUCED_TO = re.compile(r"(?:变成|变为|减到|减至|剩下?|只剩)\s*(\d+(?:\.\d+)?)\s*万")
REDUCED_BY = re.compile(r"减(?:保|少)了?\s*(\d+(?:\.\d+)?)\s*%")


def reduced_ratio(product: ProductKnowledge, situation: Situation) -> float | None:
    """What is left of the sum after a reduction the story tells (减保20%, 变成9.6万), when the
    wording scales the premiums paid by it ("已交保险费…按减少后…的比例同步减少")."""
    if not situation.sum_insured or not any(
        SCALED.search(s)
        for a in product.document.articles
        for s in sentences(strip_markdown(arabic_numerals(a.body)))
    ):
        return None
    to = REDUCED_TO.search(situation.text)
    if to is not None:
        ratio = float(to.group(1)) * 10_000 / situation.sum_insured
        return ratio if 0 < ratio < 1 else None
    by = REDUCED_BY.search(situation.text)
    if by is not None and 0 < float(by.group(1)) < 100:
        return 1 - float(by.group(1)) / 100
    return None


MINOR_TOTAL = re.compile(r"未成年[^。]{0,60}身故保险金[^。]{0,30}(限额|不得超过)")
ITEM_MARK = re.compile(r"^\s*(?:[（(][\d一二三四五六七八九十]+[）)]|\d+[.、．]|[①-⑩])\s*")


def _rule_only(
    product: ProductKnowledge, situation: Situation, number: str, line: str, items: list[str]
) -> Verdict | None:
    """ "孩子成年前身故最多赔多少" without the figures: the branch's rule for the age told, and
    the cap on a minor's death benefits where the wording states one."""
    bound = AGE_BOUND.search(line)
    age = _claim_age(situation)
    if bound is None or age is None or not re.search(r"最多|上限|多少", situation.text):
        return None
    named = "与".join(ITEM_MARK.sub("", i).rstrip("；;。") for i in items)
    reasons = [Reason(f"条款约定：“{clip(line, 50)}”", number)]
    answer = f"身故时{bound.group(0)}的，按{named}中较大的给付。"
    if age < 18:
        cap = next(
            (
                (a.number, s)
                for a in product.document.articles
                for part in a.body.splitlines()
                for s in sentences(strip_markdown(part))
                if MINOR_TOTAL.search(s)
            ),
            None,
        )
        if cap is not None:
            reasons.append(Reason(f"条款约定：“{clip(cap[1], 90)}”", cap[0]))
            answer += "另外未成年人的身故保险金总和不得超过监管规定的限额（见下方条款），条款没有写具体数额。"
    return Verdict("death", "info", answer, tuple(reasons), ("以保险单和理赔审核为准。",))


BEFORE_ADULT = re.compile(r"成年(前|以前|之前)|未成年")


def _claim_age(situation: Situation) -> int | None:
    """The age at death; a child's age told with "成年前身故" stands for it."""
    told = age_at_claim(situation.text)
    if told is None and BEFORE_ADULT.search(situation.text) and situation.age is not None:
        return situation.age if situation.age < 18 else None
    return told
