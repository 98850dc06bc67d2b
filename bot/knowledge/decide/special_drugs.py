"""Drugs bought outside the hospital from the wording's list (院外特定药品, 特药): the application
before buying it requires, how much one prescription may hold, and what a purchase that meets the
conditions is paid (the ratio for a drug outside the insurance catalogue, no deductible where the
wording says so). Decided before the exclusions: a listed drug bought at the named pharmacy is not
the excluded "自购药品"."""

from __future__ import annotations

import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.explain import clip, money
from bot.knowledge.facts import Benefit, ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.text import arabic_numerals, table_rows

DRUG_BENEFIT = re.compile(r"特定药品|特药|院外[\u4e00-\u9fff]{0,4}药")
DRUG_TOLD = re.compile(r"特药|特定药|靶向药|院外.{0,3}药|药房|药店|清单里的.{0,4}药")
FORM = re.compile(r"(片|胶囊|注射液|注射剂|颗粒|口服溶液|缓释片|肠溶片|混悬液|粉针剂)$")
SALT = re.compile(r"^[\u4e00-\u9fff]{0,3}?(酸|钠|钾)(?=[\u4e00-\u9fff]{3,})")
NOT_APPLIED = re.compile(
    r"没(有)?(提前|事先|事前|先)?(申请|报备|审批)|未(经)?(事前|提前)?申请|不知道要申请"
)
APPLIED = re.compile(r"申请(通过|批了|批下来|审核通过)|审核通过|审批通过")
QUANTITY = re.compile(r"几个月|多少量|多久的量|一次能开|一次开|续用|接着开|继续开|还要接着")
APPLICATION = re.compile(r"事前申请|购药前|事先申请|事前审核")
OUTSIDE_CATALOGUE = re.compile(r"不在(医保)?目录|目录外|不属于(医保)?目录|自费药")
AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(万元|万|元|块)?")


def _benefit(product: ProductKnowledge) -> Benefit | None:
    return next((b for b in product.facts.benefits if DRUG_BENEFIT.search(b.name)), None)


def _listed_drugs(product: ProductKnowledge) -> list[str]:
    """The names a customer would use for the drugs of the wording's list tables (奥希替尼 for
    甲磺酸奥希替尼片)."""
    names = []
    for article in product.document.articles:
        for row in table_rows(article.body):
            for cell in row:
                cell = cell.strip()
                if FORM.search(cell) and len(cell) >= 4:
                    core = SALT.sub("", FORM.sub("", cell))
                    names.append(core if len(core) >= 3 else cell)
    return names


def _sentences(product: ProductKnowledge, pattern: re.Pattern[str]) -> list[tuple[str, str]]:
    return [
        (sentence, article.number)
        for article in product.document.articles
        for sentence in plain_sentences(article.body)
        if pattern.search(sentence)
    ]


def _with_next(product: ProductKnowledge) -> list[tuple[str, str, str]]:
    """(article, sentence, the sentence after it): a rule split by "；" across two."""
    found = []
    for article in product.document.articles:
        lines = plain_sentences(article.body)
        found += [
            (article.number, s, lines[i + 1] if i + 1 < len(lines) else "")
            for i, s in enumerate(lines)
        ]
    return found


def _told_amount(situation: Situation) -> float | None:
    if situation.expenses:
        return situation.expenses
    found = [
        float(m.group(1)) * (10000 if m.group(2) in ("万", "万元") else 1)
        for m in AMOUNT.finditer(arabic_numerals(situation.text))
    ]
    found = [f for f in found if f >= 100]
    return found[0] if len(found) == 1 else None


def decide_special_drug(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "自己去药房买了奥希替尼，没提前申请，能补报吗", "特药一次能开几个月"."""
    benefit = _benefit(product)
    if benefit is None:
        return None
    text = situation.text
    if not DRUG_TOLD.search(text) and not any(n in text for n in _listed_drugs(product)):
        return None
    own = [
        (s, a.number)
        for a in product.document.articles
        if a.number == benefit.article or a.number.startswith(benefit.article + ".")
        for s in plain_sentences(a.body)
    ]
    if NOT_APPLIED.search(text):
        needed = [p for p in own if APPLICATION.search(p[0])]
        refused = [
            p for p in _sentences(product, re.compile(r"未经[^。；]{0,8}申请")) if "不" in p[0]
        ]
        if not needed and not refused:
            return None
        reasons = tuple(Reason(f"条款约定：“{clip(s, 90)}”", a) for s, a in (needed + refused)[:2])
        return Verdict(
            "special_drug",
            "no",
            f"不能补报：{benefit.name}要求在购药前提交事前申请并审核通过，"
            "没有事前申请、自行购药的费用不赔；以后用药请先申请，审核通过后在指定药店购买。",
            reasons,
        )
    if QUANTITY.search(text):
        said = [p for p in own if re.search(r"剂量|用量|个月|评估", p[0])]
        if not said:
            return None
        return Verdict(
            "special_drug",
            "info",
            f"条款对{benefit.name}的处方量是这样约定的：“{clip(said[0][0], 90)}”",
            tuple(Reason(f"条款约定：“{clip(s, 90)}”", a) for s, a in said[:2]),
        )
    if not APPLIED.search(text):
        return None
    return _paid(product, situation, benefit, own)


def _paid(
    product: ProductKnowledge,
    situation: Situation,
    benefit: Benefit,
    own: list[tuple[str, str]],
) -> Verdict | None:
    """A purchase meeting the conditions: the ratio for a drug outside the catalogue, and no
    deductible when the wording exempts the benefit."""
    name_words = re.compile(r"特定药品|特药|院外")
    reasons = []
    free = next(
        (
            p
            for p in own + _sentences(product, name_words)
            if re.search(r"不适用[^。；]{0,4}免赔|不设免赔|无免赔|不扣除?免赔", p[0])
        ),
        None,
    )
    ratio = None
    if OUTSIDE_CATALOGUE.search(situation.text):
        said = next(
            (
                (after if re.search(r"不属于[^。；]{0,6}目录", after) else s, a)
                for a, s, after in _with_next(product)
                if name_words.search(s) and re.search(r"不属于[^。；]{0,6}目录", s + after)
            ),
            None,
        )
        if said is not None:
            after = said[0][said[0].find("不属于") :]
            found = re.search(r"(\d+(?:\.\d+)?)\s*%", arabic_numerals(after))
            if found:
                ratio = float(found.group(1))
                reasons.append(Reason(f"条款约定：“{clip(said[0], 90)}”", said[1]))
    if free is not None:
        reasons.append(Reason(f"条款约定：“{clip(free[0], 70)}”", free[1]))
    amount = _told_amount(situation)
    if ratio is None:
        return None
    deduct = "不扣免赔额" if free is not None else "免赔额按条款约定扣除"
    answer = f"可以赔：按{benefit.name}给付，赔付比例{ratio:g}%，{deduct}。"
    paid = None
    if amount is not None and free is not None:
        paid = amount * ratio / 100
        answer = (
            f"可以赔，大约{money(paid)}：（{money(amount)}）× {ratio:g}% = {money(paid)}，"
            f"按{benefit.name}给付，{deduct}。"
        )
    return Verdict(
        "special_drug",
        "yes",
        answer,
        tuple(reasons),
        ("须是清单内药品、在适应症范围内、处方由专科医生开具，以理赔审核为准。",),
        paid=paid,
    )
