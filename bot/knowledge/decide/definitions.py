"""What a defined term leaves out, met by the story: "急诊留观室待了3天，算住院吗".

Definitions list what they do not cover ("不包括门诊观察室、急诊留观室", "下列情形不属于住院：…",
"骨质疏松性骨折不属于病理性骨折"). A story naming one of those things, asked against the term,
is answered from that list: not the term — or, where the item carries a condition of its own
("骨裂伤未造成骨皮质连续性中断的"), not the term if the condition holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.explain import clip
from bot.knowledge.facts import ProductKnowledge, Term
from bot.knowledge.situation import Situation
from bot.knowledge.text import sentences

AFTER = re.compile(r"(?:不包括|下列情形不属于[^：:]{0,12}[：:])(.+)")
BEFORE = re.compile(r"^(.+?)[，,]?(?:均|也|都)?不属于")
SEPARATORS = re.compile(r"[、，,；;]|以及|或者|及其|也不包括|（\d+）|\(\d+\)")
LEADING = re.compile(r"^(入住|主要作为|主要用于|被保险人|因|在)")
CONDITION = re.compile(r"(未|没有|不|但|且|超过|少于).*$")
PAY_ASKED = re.compile(r"能(报|赔|领|算)|给(报|赔)|管(不管|吗)|报(不报|吗)|赔(不赔|吗)")


@dataclass(frozen=True)
class LeftOut:
    """One thing a definition leaves out, as written, and its head (what a story would name)."""

    item: str
    head: str
    conditional: bool
    sentence: str


def _left_out(term: Term) -> list[LeftOut]:
    found = []
    for sentence in sentences(term.definition):
        after = AFTER.search(sentence)
        before = BEFORE.search(sentence) if after is None else None
        part = after.group(1) if after else before.group(1) if before else None
        if part is None:
            continue
        for raw in SEPARATORS.split(part):
            item = LEADING.sub("", raw.strip(' 。“”"')).removesuffix("的医疗机构")
            head = CONDITION.sub("", item).removesuffix("的")
            if len(head) >= 2 and term.name not in head:
                found.append(LeftOut(item, head, head != item.removesuffix("的"), sentence))
    return found


def _named(head: str, text: str) -> bool:
    """The story names ``head`` (骨裂伤 → 骨裂, 骨质疏松性骨折 → 骨质疏松, 急诊留观 → 急诊留观室)."""
    need = min(4, len(head) - 1) if len(head) > 2 else 2
    return any(head[:k] in text for k in range(len(head), need - 1, -1))


def decide_outside_definition(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """The story names what a defined term's definition leaves out, and asks against the term
    (the term named, or a payout asked with the whole listed thing named)."""
    text = situation.text
    private = _private_hospital(product, text)
    if private is not None:
        return private
    for term in product.facts.terms:
        asked_by_name = term.name in text
        place = term.name.endswith(("医院", "医疗机构"))
        for left in _left_out(term):
            whole = len(left.head) >= 4 and left.head in text
            if not (asked_by_name and _named(left.head, text)) and not (
                place and whole and PAY_ASKED.search(text)
            ):
                continue
            first = sentences(term.definition)[0]
            said = (
                left.sentence if first == left.sentence else f"{clip(first, 70)}；{left.sentence}"
            )
            reason = Reason(f"“{term.name}”的定义：{clip(said, 150)}", term.article)
            if left.conditional:
                return Verdict(
                    "definition",
                    "depends",
                    f"要看情况：条款约定“{clip(left.sentence, 60)}”；符合这一情形的，不属于条款所说的"
                    f"{term.name}。",
                    (reason,),
                    ("以医院的诊断和检查结果、理赔审核为准。",),
                )
            named = _excluded_by_name(product, term.name)
            return Verdict(
                "exclusion" if named else "definition",
                "yes" if named else "no",
                f"不属于{term.name}：条款对“{term.name}”的定义不包括{left.head}"
                + (
                    f"，所以不适用“{term.name}”的责任免除，按保险责任的约定处理。"
                    if named
                    else f"，按条款不能按{term.name}算。"
                ),
                (reason,),
            )
    return None


def _excluded_by_name(product: ProductKnowledge, name: str) -> bool:
    """Whether the wording keeps the term out of its cover (an exclusion item, or a benefit's
    "但病理性骨折不属于本项保险责任"), not a word the benefits use for what they pay (医院, 住院)."""
    if any(name in b.name or name in b.sentences[0] for b in product.facts.benefits if b.sentences):
        return False
    refused = re.compile(rf"{re.escape(name)}[^。；]{{0,16}}(不属于|不承担|不给付|不予|除外)")
    return any(name in e.text for e in product.facts.exclusions) or any(
        refused.search(s.replace("“", "").replace("”", ""))
        for b in product.facts.benefits
        for s in b.sentences
    )


PRIVATE = re.compile(r"民营|私立|私人")
STAY_OR_COST = re.compile(r"住院|住了|花了|花的|费用|医药费|治疗了")
EMERGENCY_TOLD = re.compile(r"(?<!不是)(?<!没有)(抢救|急救)")


def _private_hospital(product: ProductKnowledge, text: str) -> Verdict | None:
    """ "去了一家民营医院住院，能报吗" under a wording whose hospitals are 公立 only."""
    kind = PRIVATE.search(text)
    if kind is None or not PAY_ASKED.search(text) or EMERGENCY_TOLD.search(text):
        return None
    if not STAY_OR_COST.search(text):
        return None  # "私立医院能报吗" asks the rule, answered with the wording's own articles
    term = next(
        (t for t in product.facts.terms if t.name.endswith("医院") and "公立" in t.definition),
        None,
    )
    if term is None:
        return None
    first = sentences(term.definition)[0]
    conditions = (
        ("条款另有保险公司认可的其他医疗机构的，以认可为准；急诊抢救按条款的约定。",)
        if re.search(r"认可", term.definition)
        else ()
    )
    return Verdict(
        "definition",
        "no",
        f"不能报：条款所说的{term.name}限于公立医院（见下方定义），"
        f"{kind.group(0)}医院不在其内，在那里发生的费用按条款不在保障范围。",
        (Reason(f"“{term.name}”的定义：{clip(first, 90)}", term.article),),
        conditions,
    )
