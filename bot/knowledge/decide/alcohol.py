"""A blood alcohol level told against the wording's definitions of 醉酒 and 酒后驾驶.

"血液酒精50毫克每100毫升，算醉酒吗": the wording defines 醉酒 ("达到或超过每百毫升80毫克") and
酒后驾驶 ("…20毫克") by a level; the level told decides whether the exclusion naming the term
applies — the driving one for a story of driving, the drinking one otherwise.
"""

from __future__ import annotations

import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.explain import clip
from bot.knowledge.facts import ProductKnowledge, Term
from bot.knowledge.situation import Situation
from bot.knowledge.text import chinese_number

LEVEL = re.compile(r"(\d+(?:\.\d+)?)\s*(?:毫克|mg)", re.IGNORECASE)
DRIVING = re.compile(r"开车|驾驶|驾车|开着车|开的车|骑摩托")
DRINK = re.compile(r"酒")


def _told_level(text: str) -> float | None:
    if not DRINK.search(text):
        return None
    found = LEVEL.search(text)
    return float(found.group(1)) if found else None


def _threshold(term: Term) -> float | None:
    """ "达到或者超过每一百毫升八十毫克" → 80."""
    found = re.search(r"(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)\s*毫克", term.definition)
    if found is None:
        return None
    value = found.group(1)
    return float(value) if value[0].isdigit() else chinese_number(value)


def _term(product: ProductKnowledge, driving: bool) -> Term | None:
    for term in product.facts.terms:
        if "酒精" not in term.definition or "酒" not in term.name:
            continue
        if driving == bool(re.search(r"驾", term.name)):
            return term
    return None


def decide_blood_alcohol(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """Whether the level told reaches the level the wording's exclusion is defined by."""
    level = _told_level(situation.text)
    if level is None:
        return None
    term = _term(product, bool(DRIVING.search(situation.text)))
    if term is None:
        return None
    threshold = _threshold(term)
    item = next((e for e in product.facts.exclusions if term.name in e.text), None)
    if threshold is None or item is None:
        return None
    reasons = (
        Reason(f"条款列明：“{clip(item.text)}”", item.article),
        Reason(f"“{term.name}”的定义：{clip(term.definition, 90)}", term.article),
    )
    standard = f"每100毫升{threshold:g}毫克"
    if level >= threshold:
        return Verdict(
            "exclusion",
            "no",
            f"不能赔：您说的血液酒精含量每100毫升{level:g}毫克，达到条款“{term.name}”的标准"
            f"（{standard}），属于责任免除（第{item.article}条）。",
            reasons,
        )
    conditions: tuple[str, ...] = ()
    if re.search(r"认定|诊断", term.definition):
        conditions = (f"条款另有医院诊断或公安机关认定为{term.name}的情形，以其认定为准。",)
    return Verdict(
        "exclusion",
        "yes",
        f"不算{term.name}：您说的血液酒精含量每100毫升{level:g}毫克，未达到条款“{term.name}”的"
        f"标准（{standard}），不属于这项责任免除，按保险责任的约定处理。",
        reasons,
        conditions,
    )


ALTITUDE_TOLD = re.compile(r"海拔\s*(\d+(?:\.\d+)?)\s*(多)?\s*(米|m)")
CLIMBING = re.compile(r"爬|登山|攀登|登顶|登|徒步")
ALTITUDE_SET = re.compile(r"海拔\s*(\d+|[零〇一二两三四五六七八九十百千]+)\s*米(以上|及以上)")


def decide_altitude(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "去爬海拔5000多米的山，管不管": the altitude told against the one the wording's defined
    term sets ("攀登海拔3500米以上的山峰"), with the exclusion naming the term."""
    told = ALTITUDE_TOLD.search(situation.text)
    if told is None or not CLIMBING.search(situation.text):
        return None  # being high up (a trip to a high city) is not the climbing defined
    height = float(told.group(1))
    for term in product.facts.terms:
        found = ALTITUDE_SET.search(term.definition)
        if found is None:
            continue
        raw = found.group(1)
        limit = float(raw) if raw.isdigit() else chinese_number(raw)
        item = next((e for e in product.facts.exclusions if term.name in e.text), None)
        if limit is None or item is None:
            continue
        reasons = (
            Reason(f"条款列明：“{clip(item.text)}”", item.article),
            Reason(f"“{term.name}”的定义：{clip(term.definition, 90)}", term.article),
        )
        if height >= limit:
            return Verdict(
                "exclusion",
                "no",
                f"不能赔：海拔{height:g}米超过条款“{term.name}”所说的海拔{limit:g}米以上，"
                f"攀登时发生的意外属于责任免除（第{item.article}条）。",
                reasons,
            )
        return Verdict(
            "exclusion",
            "yes",
            f"海拔{height:g}米不到条款“{term.name}”所说的海拔{limit:g}米以上，不属于这项责任免除，"
            "按保险责任的约定处理。",
            reasons,
        )
    return None
