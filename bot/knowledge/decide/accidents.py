"""Accident products: what an illness, which they do not cover, gets; what counts as an accident."""

from __future__ import annotations

import re

from bot.knowledge.decide.deaths import DEATH
from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import wording_sentences
from bot.knowledge.explain import clip
from bot.knowledge.facts import Benefit, ProductKnowledge
from bot.knowledge.situation import Situation


def decide_illness_under_accident_cover(
    product: ProductKnowledge, situation: Situation, disease: str | None
) -> Verdict | None:
    """An accident product asked about an illness: it pays for accidental injury only."""
    if product.document.product_type != "accident" or situation.cause == "accident":
        return None
    if disease is None and situation.cause != "illness":
        return None
    if not (situation.asks & {"whether", "amount"}):
        return None
    if _sudden_death_benefit(product) is not None and DEATH.search(situation.text):
        return None  # its 猝死 benefit answers (decide_death_benefit), after the waiting period
    defined = next((t for t in product.facts.terms if t.name.startswith("意外伤害")), None)
    reasons = []
    if defined is not None:
        reasons.append(
            Reason(f"条款对意外伤害的定义：“{clip(defined.definition, 80)}”", defined.article)
        )
    if product.facts.benefits:
        first = product.facts.benefits[0]
        reasons.append(Reason(f"各项保险金都以遭受意外伤害为前提（如{first.name}）", first.article))
    return Verdict(
        "accident",
        "no",
        "不能赔：这是意外险，只保外来、突发、非本意、非疾病的意外伤害；"
        f"{disease or '疾病'}属于疾病，不在保障范围内，可以看看医疗险或重疾险是否能赔。",
        tuple(reasons),
    )


def _sudden_death_benefit(product: ProductKnowledge) -> Benefit | None:
    return next((b for b in product.facts.benefits if "猝死" in b.name), None)


ASKED_ACCIDENT = re.compile(r"算(不算)?(是)?意外|是不是意外|属(不属)?于意外|是意外吗")
EXAMPLES = re.compile(r"(?:例如|比如|包括|如)[:：]?([^。]+)")
NOT_ACCIDENT = re.compile(r"([^。]+?)(?:均|都)?不属于[^。]{0,8}意外")


def decide_accident_meaning(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "被狗咬伤算意外吗": the wording's own examples of 意外伤害 (or of what is not) decide it;
    the rest of the story (what is paid) follows from the benefits."""
    if product.document.product_type != "accident" or not ASKED_ACCIDENT.search(situation.text):
        return None  # elsewhere (a life cover pays any death) whether it is an accident is moot
    defined = next((t for t in product.facts.terms if t.name.startswith("意外伤害")), None)
    if defined is None:
        return None
    listed = [
        (item.strip(), included)
        for pattern, included in ((EXAMPLES, True), (NOT_ACCIDENT, False))
        for match in pattern.finditer(defined.definition)
        for item in re.split(r"[、，,]|以及|或", match.group(1))
        if item.strip()
    ]
    scored = sorted(
        ((_shared(item, situation.text), item, included) for item, included in listed),
        reverse=True,
    )
    if not scored or scored[0][0] < 2 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    _, item, included = scored[0]
    said = next(
        (x for x in re.split(r"(?<=。)", defined.definition) if item in x), defined.definition
    )
    reason = Reason(f"条款对意外伤害的定义：“{clip(said.strip(), 90)}”", defined.article)
    if included:
        answer = f"算意外伤害：条款对意外伤害的定义明确列举了“{item}”，可以按意外伤害的保险责任申请理赔。"
        return Verdict(
            "accident",
            "yes",
            answer,
            (reason,),
            ("费用须合理必要、在约定医院就医，以理赔审核为准。",),
        )
    answer = f"不算意外伤害：条款写明“{item}”不属于意外伤害。"
    return Verdict("accident", "no", answer, (reason,))


def _shared(a: str, b: str) -> int:
    """The length of the longest run of characters ``a`` and ``b`` share."""
    longest = 0
    for i in range(len(a)):
        for j in range(i + longest + 1, len(a) + 1):
            if a[i:j] in b:
                longest = j - i
            else:
                break
    return longest


FALL = re.compile(r"摔倒|跌倒|摔了|晕倒|坠落|摔下|绊倒|栽倒")
INJURY = re.compile(r"骨折|外伤|摔伤|摔破|擦伤|骨裂|磕破|扭伤")
ILLNESS_CAUSE = re.compile(
    r"疾病|犯病|发病|病发|发作|低血糖|低血压|头晕|眩晕|晕厥|癫痫|中风|脑梗|脑卒中|心脏病|供血不足"
)
DEEMED = re.compile(r"疾病[^。]{0,20}(跌倒|坠落|摔倒)[^。]{0,40}视为意外")
UNDERTAKES = re.compile(r"承担([^。，；]{2,60}?)责任")
BUT_NOT = re.compile(r"但不承担([^。，；]{2,40}?)责任")


def decide_illness_fall(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "低血糖头晕摔倒把手腕摔骨折了，还管吗": a fall an illness caused, whose injury the wording
    deems an accident's, paid by the benefits it names (and not by those it leaves out)."""
    text = situation.text
    if product.document.product_type != "accident":
        return None
    if not (FALL.search(text) and INJURY.search(text) and ILLNESS_CAUSE.search(text)):
        return None
    if DEATH.search(text):
        return None  # a death is not what the deemed injury is paid for
    found = next(
        ((n, s) for n, s in wording_sentences(product) if DEEMED.search(s)),
        None,
    )
    if found is None:
        return None
    number, sentence = found
    undertakes = UNDERTAKES.search(sentence)
    paid = f"按{undertakes.group(1)}的约定赔" if undertakes else "按意外伤害的保险责任赔"
    but = BUT_NOT.search(sentence)
    left = f"；但{but.group(1)}不赔" if but else ""
    return Verdict(
        "accident",
        "yes",
        f"能赔：疾病突然发作跌倒造成的骨折或外伤，条款视为意外伤害所致，{paid}{left}。",
        (Reason(f"条款约定：“{clip(sentence, 120)}”", number),),
        ("治疗引起跌倒的疾病本身的费用，以条款约定和理赔审核为准。",),
    )
