"""Where the insured is treated against where a medical wording pays (二级及以上公立医院, 不含
特需部/国际部, 中国大陆境内, 高费用医院 on some plans): the wording's sentences naming the kind
of place the story tells, or its requirement when a private hospital is asked about."""

from __future__ import annotations

import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.explain import clip
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation

# the story's words for a kind of place → the wording's words for it
PLACES: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"香港|港澳"), ("香港",)),
    (re.compile(r"澳门"), ("澳门",)),
    (re.compile(r"台湾"), ("台湾",)),
    (re.compile(r"国外|境外|出国|海外"), ("境外", "国外", "海外")),
    (re.compile(r"特需"), ("特需",)),
    (re.compile(r"国际部|国际医疗部"), ("国际医疗部", "国际部")),
    (re.compile(r"VIP|vip"), ("VIP",)),
    (re.compile(r"高费用医院"), ("高费用医院",)),
    (re.compile(r"诊所|卫生所|卫生室"), ("诊所", "卫生所")),
)
PRIVATE_TOLD = re.compile(r"私立|民营|私人医院|私人诊所")
PRIVATE_WORDS = re.compile(r"私立|民营|非公立")
REQUIRED = re.compile(r"(二级|一级|三级)[^。；]{0,12}公立")
ASKED = re.compile(r"能报|能赔|能不能|可以报|可以赔|管吗|管不管|保吗|算吗|报吗|赔吗|给报")
REFUSED = re.compile(r"不包括|不含|除外|不属于|不承担|不予|不在|仅承担|只承担|不得")
PLACE_ARTICLE = re.compile(r"医院|医疗机构|就医|就诊|中国大陆|境内|地域")
PLAN = re.compile(r"(计划|方案)([一二三四五六七八九十ABCD])")


def _place_sentences(product: ProductKnowledge) -> list[tuple[str, str]]:
    found = []
    for article in product.document.articles:
        if not PLACE_ARTICLE.search(article.title):
            continue
        found += [(s, article.number) for s in plain_sentences(article.body)]
    return found


def _ruling(sentence: str, words: tuple[str, ...]) -> bool | None:
    """Whether the clause naming the place refuses it (``True``), includes it (``False``), or
    says neither (``None``)."""
    before: bool | None = None  # "包括A，以及B": a list's verb carries to its later clauses
    for clause in re.split(r"[，,；;]", sentence):
        own = (
            True
            if REFUSED.search(clause)
            else False
            if re.search(r"包括|同等对待|视同|可以", clause)
            else None
        )
        if any(w in clause for w in words):
            if own is not None:
                return own
            return before if re.match(r"以及|及|和|或", clause) else None
        before = own if own is not None else before
    return None


def _for_plan(found: list[tuple[str, str]], text: str) -> list[tuple[str, str]]:
    """Sentences of the plan told, where they name plans."""
    told = PLAN.search(text)
    if told is None:
        return found
    own = [p for p in found if told.group(0) in p[0] or not PLAN.search(p[0])]
    return own or found


def decide_hospital(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "去香港看病能报吗", "私立医院住院能报吗", "计划一去高费用医院做手术能报吗"."""
    text = situation.text
    if product.document.product_type != "medical" or not ASKED.search(text):
        return None
    sentences = _place_sentences(product)
    for told, words in PLACES:
        if not told.search(text):
            continue
        named = _for_plan([p for p in sentences if any(w in p[0] for w in words)], text)
        ruled = [(p, _ruling(p[0], words)) for p in named]
        ruled = [(p, r) for p, r in ruled if r is not None]
        if not ruled:
            continue
        if len({r for _, r in ruled}) > 1 and not any(PLAN.search(s) for (s, _), _ in ruled):
            return None  # refused in one sentence, admitted in another (扩展医院): not settled here
        plans = {m.group(0) for (s, _), _ in ruled if (m := PLAN.search(s))}
        if len(plans) > 1:
            return Verdict(
                "hospital",
                "depends",
                f"要看您的保障计划：{'；'.join(f'“{clip(s, 70)}”' for (s, _), _ in ruled[:2])}",
                tuple(Reason(f"条款约定：“{clip(s, 90)}”", a) for (s, a), _ in ruled[:2]),
            )
        (sentence, _), refused = ruled[0]
        if not refused and situation.expenses:
            return None  # covered there: the medical decider works the sum out
        if refused:
            only = re.search(r"仅承担|只承担", sentence) and "急诊" in sentence
            lead = "一般不能报（急诊除外）" if only else "不能报"
        else:
            lead = "可以报（仍须符合保险责任）"
        return Verdict(
            "hospital",
            "no" if refused else "yes",
            f"{lead}：条款约定“{clip(sentence, 110)}”",
            tuple(Reason(f"条款约定：“{clip(s, 90)}”", a) for (s, a), _ in ruled[:2]),
            ("以保险公司公布的医院名单和理赔审核为准。",),
        )
    if PRIVATE_TOLD.search(text):
        return _private(sentences, text)
    return None


def _private(sentences: list[tuple[str, str]], text: str) -> Verdict | None:
    """A private hospital: a sentence naming private ones, else the public-hospital requirement."""
    mentioned = [p for p in sentences if PRIVATE_WORDS.search(p[0])]
    named = _for_plan(
        [p for p in mentioned if _ruling(p[0], ("私立", "民营", "非公立")) is not None], text
    )
    if mentioned and not named:
        return None  # private places named without a rule for them
    if named:
        sentence, article = named[0]
        listed = re.search(r"名单|名录|指定|认可|列明", sentence)
        return Verdict(
            "hospital",
            "depends" if listed else "no",
            ("只有列入条款所说名单（或经认可）的私立医疗机构才可以报" if listed else "不能报")
            + f"：条款约定“{clip(sentence, 110)}”",
            tuple(Reason(f"条款约定：“{clip(s, 90)}”", a) for s, a in named[:2]),
            ("以保险公司公布的医院名单和理赔审核为准。",),
        )
    required = next((p for p in sentences if REQUIRED.search(p[0])), None)
    if required is None:
        return None
    sentence, article = required
    unless = "；经保险公司认可的其他医疗机构除外" if re.search(r"认可|指定", sentence) else ""
    return Verdict(
        "hospital",
        "no",
        f"一般不能报：条款要求在二级及以上公立医院就诊，私立医院不在其内{unless}。"
        f"条款约定“{clip(sentence, 90)}”",
        (Reason(f"条款约定：“{clip(sentence, 90)}”", article),),
        ("以保险公司的医院要求和理赔审核为准。",),
    )
