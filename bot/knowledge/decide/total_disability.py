"""全残: the customer's losses (eyes, hands, legs, help needed) against the wording's list.

The wording lists the states that are 全残 ("双目永久完全失明的", "一上肢腕关节以上及一下肢踝关节以上
缺失的", "…全部需要他人扶助的"); a story tells which eyes, which limbs above which joint. A state
the story fully meets is 全残; a story that names its losses and meets none is not — with the
items and the defined words (失明, 缺失) that decide it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import amount_text
from bot.knowledge.explain import clip
from bot.knowledge.facts import ProductKnowledge, Term
from bot.knowledge.situation import Situation
from bot.knowledge.text import arabic_numerals, split_items

BOTH_EYES = re.compile(r"(两|双|2)(只)?眼|双目")
ONE_EYE = re.compile(r"(一|单|1)(只)?眼|(左|右)眼|一目|单眼|另一只(眼)?(还好|正常|没事|还行)")
BLIND = re.compile(r"看不见|看不到|失明|瞎|摘除|视力")
VISION = re.compile(r"视力[^，。；\d]{0,6}(\d\.\d+)")
UPPER = re.compile(
    r"(手腕|腕关节|腕)[^，。；]{0,3}(以上|上面|上方|近端|往上)[^，。；]{0,6}(截|断|没了|离断)|(前臂|上臂|胳膊|手臂)[^，。；]{0,6}(截|断|没了)"
    # "右手也从手腕截掉了": off at the wrist joint itself is off 腕关节以上
    r"|(从|在)(手腕|腕关节|腕部)(处)?(截|断|离断)"
)
LOWER = re.compile(
    r"(脚踝|踝关节|踝)[^，。；]{0,3}(以上|上面|上方|近端|往上)[^，。；]{0,6}(截|断|没了|离断)|(小腿|大腿|膝盖|腿)[^，。；]{0,6}(截|断掉|没了)"
    r"|(从|在)(脚踝|踝关节|踝部)(处)?(截|断|离断)"
)
FINGERS = re.compile(r"手指|指头|脚趾")
ONE_SIDE = re.compile(r"((左|右)(边|侧|半边)|半边)(的)?(手脚|肢体|身子|身体)|偏瘫|半身不遂")
ALL_HELP = re.compile(r"(全|都|全部)(靠|要|需要)(人|别人|他人|家人)|生活(完全)?不能自理")


@dataclass(frozen=True)
class Told:
    """What the story says was lost."""

    eyes: int | None = None  # eyes blind as the wording defines it
    upper: int = 0  # upper limbs lost above the wrist
    lower: int = 0  # lower limbs lost above the ankle
    fingers: bool = False
    one_side: bool = False
    all_help: bool = False
    vision: float | None = None


def _told(text: str) -> Told:
    eyes = None
    if BLIND.search(text):
        eyes = 2 if BOTH_EYES.search(text) else 1 if ONE_EYE.search(text) else None
    vision = VISION.search(text)
    upper = len(UPPER.findall(text))
    lower = len(LOWER.findall(text))
    if re.search(r"(两|双)(只)?手[^，。；]{0,8}(截|断)", text):
        upper = 2
    if re.search(r"(两|双)(条)?腿[^，。；]{0,8}(截|断)", text):
        lower = 2
    return Told(
        eyes,
        min(upper, 2),
        min(lower, 2),
        bool(FINGERS.search(text)) and not upper,
        bool(ONE_SIDE.search(text)),
        bool(ALL_HELP.search(text)),
        float(vision.group(1)) if vision else None,
    )


DIGITS = dict(zip("零〇一二三四五六七八九", "00123456789", strict=True))


def _vision_limit(definition: str) -> float | None:
    """The acuity below which the wording calls an eye blind ("矫正视力低于零点零二" → 0.02)."""
    found = re.search(
        r"视力低于[^\d零〇，。；]{0,8}(\d\.\d+|[零〇]点[零〇一二三四五六七八九]+)",
        arabic_numerals(definition),
    )
    if found is None:
        return None
    value = found.group(1)
    if "点" in value:
        value = "0." + "".join(DIGITS[c] for c in value.split("点")[1])
    return float(value)


def _need(item: str, both: str, one: str) -> int:
    return 2 if re.search(both, item) else 1 if re.search(one, item) else 0


def _alternatives(item: str) -> list[str]:
    """ "两上肢…缺失，或者两下肢…缺失" as two states; "一眼失明，同时一上肢…或一下肢…缺失" keeps
    what comes before 同时 in both."""
    parts = re.split(r"，?或者?", item, maxsplit=1)
    if len(parts) < 2 or not re.search(r"肢|目|眼", parts[1]):
        return [item]
    shared = re.search(r"^.*同时", parts[0])
    return [parts[0], (shared.group(0) if shared else "") + parts[1]]


def _term(product: ProductKnowledge, name: str) -> Term | None:
    return next((t for t in product.facts.terms if name in t.name), None)


def decide_total_disability(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "右手从手腕上面截了，左腿从脚踝上面截了，能赔全残吗": the wording's list of 全残 states."""
    text = situation.text
    term = _term(product, "全残")
    if term is None:
        return None
    _, items, _ = split_items(term.definition)
    if len(items) < 3:
        return None
    told = _told(text)
    asked = "全残" in text
    if not asked and not _losses_paid_only_as_total(product, situation, told):
        return None
    blind = _term(product, "失明")
    limit = _vision_limit(blind.definition) if blind is not None else None
    notes: list[Reason] = []
    eyes = told.eyes
    if told.vision is not None:
        if limit is None or blind is None:
            return None  # a told acuity the wording's threshold cannot be read against
        if told.vision >= limit:
            eyes = 0
            notes.append(
                Reason(f"“{blind.name}”的定义：{clip(blind.definition, 60)}", blind.article)
            )
        else:
            notes.append(
                Reason(
                    f"您说的矫正视力{told.vision:g}低于{limit:g}，属于条款所说的{blind.name}",
                    blind.article,
                )
            )
    for number, item in enumerate(items, 1):
        if "他人扶助" in item and told.all_help and asked:
            return Verdict(
                "total_disability",
                "depends",
                f"可能属于全残：符合第（{number}）项“{clip(item, 60)}”的，经鉴定认定后按全残给付。",
                (Reason(f"“{term.name}”第（{number}）项：{clip(item, 60)}", term.article),),
                ("全残须经鉴定机构鉴定，以鉴定结论和理赔审核为准。",),
            )
        if re.search(r"机能|障碍", item):
            continue
        if any(_met(state, eyes or 0, told) for state in _alternatives(item)):
            return _total(product, situation, term, number, item, notes)
    if not asked:
        return None
    if eyes is None and not (told.upper or told.lower or told.fingers or told.one_side):
        return None  # the story names no loss the list can be read against
    if told.vision is not None and eyes == 0:
        why = f"您说的矫正视力{told.vision:g}不低于{limit:g}，不算条款所说的失明"
    elif told.fingers:
        lost = _term(product, "缺失")
        why = "手指断离不是条款所说的缺失（须腕关节或踝关节以上完全离断）"
        if lost is not None:
            notes.append(Reason(f"“{lost.name}”的定义：{clip(lost.definition, 60)}", lost.article))
    elif told.one_side:
        why = "一侧手脚不能动，不是四肢关节机能全部丧失，生活也不是全部需要他人扶助"
        notes.extend(_permanence(product))
    elif eyes == 1 and not (told.upper or told.lower):
        why = "只有一眼失明、另一眼视力保存，全残要求双目失明，或一目失明同时有一上肢或一下肢缺失"
    else:
        return None  # a loss read but not one of the cases above: the wording decides
    listed = [
        Reason(f"“{term.name}”第（{n}）项：{clip(i, 40)}", term.article)
        for n, i in enumerate(items, 1)
        if (eyes is not None and "目" in i)
        or (told.fingers and "肢" in i and "缺失" in i)
        or (told.one_side and ("四肢" in i or "他人扶助" in i))
    ][:3]
    return Verdict(
        "total_disability",
        "no",
        f"按您说的情况，还不符合全残的定义：{why}。",
        (*listed, *notes) or (Reason(f"“{term.name}”的定义", term.article),),
        ("伤情如有变化，以鉴定结论和理赔审核为准。",),
    )


def _met(state: str, eyes: int, told: Told) -> bool:
    need_eyes = _need(state, r"(双|两)(目|眼)", r"一(目|眼)")
    need_upper = _need(state, r"两上肢", r"一上肢")
    need_lower = _need(state, r"两下肢", r"一下肢")
    if not (need_eyes or need_upper or need_lower):
        return False
    return eyes >= need_eyes and told.upper >= need_upper and told.lower >= need_lower


def _losses_paid_only_as_total(product: ProductKnowledge, situation: Situation, told: Told) -> bool:
    """ "右手从手腕上面截了，左腿截了，能赔多少" under a cover whose only benefit for a disability
    is 全残 (no 伤残 by grade): the story is read against the 全残 states without the word."""
    if not (situation.asks & {"amount", "whether"}) or not (told.upper or told.lower or told.eyes):
        return False
    names = [b.name for b in product.facts.benefits]
    return any("全残" in n for n in names) and not any("伤残" in n for n in names)


def _total(
    product: ProductKnowledge,
    situation: Situation,
    term: Term,
    number: int,
    item: str,
    notes: list[Reason],
) -> Verdict:
    benefit = next((b for b in product.facts.benefits if "全残" in b.name), None)
    paid = "按条款约定给付全残保险金。"
    reasons = [Reason(f"“{term.name}”第（{number}）项：{clip(item, 60)}", term.article)]
    if benefit is not None and benefit.percent is not None:
        paid = f"可以赔{benefit.name}：{amount_text(situation, benefit.percent)}。"
        reasons.append(Reason(f"条款约定：“{clip(benefit.sentences[0], 80)}”", benefit.article))
    return Verdict(
        "total_disability",
        "yes",
        f"能赔，属于全残：您说的情况符合全残第（{number}）项“{clip(item, 40)}”，{paid}",
        (*reasons, *notes),
        ("全残须经鉴定，以鉴定结论和理赔审核为准。",),
    )


def _permanence(product: ProductKnowledge) -> list[Reason]:
    """ "自…确诊之日起经过一百八十日的治疗，机能仍完全丧失": the days after which a loss of
    function counts as permanent."""
    for term in product.facts.terms:
        if "永久" not in term.name:
            continue
        days = re.search(r"(\d+)日", arabic_numerals(term.definition))
        if days is not None:
            return [
                Reason(
                    f"“{term.name}”须经过{days.group(1)}日的治疗后机能仍完全丧失："
                    f"{clip(term.definition, 60)}",
                    term.article,
                )
            ]
    return []
