"""Exclusions: everyday words mapped to the wording's items, or said to be absent from them."""

from __future__ import annotations

import re

from bot.knowledge.decide.annuity import spared_after_start
from bot.knowledge.decide.referred_exception import referred_exception
from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.explain import clip
from bot.knowledge.facts import Exclusion, ProductKnowledge, Term
from bot.knowledge.situation import Situation
from bot.knowledge.text import arabic_numerals, normalize, sentences, split_items, strip_markdown
from bot.knowledge.thesaurus import Concept, Thesaurus

EXCLUSION_ASK = re.compile(
    r"免责|除外|责任免除|属于不赔|在不在.{0,4}(不赔|免责)|是不是不赔"
    r"|(有没有|是否|是不是)(说|写|规定|约定)[^。？?，,]{0,12}不(赔|保)"
)
PAYING_ASK = re.compile(r"会不会不赔|不赔吧|能赔吗|能报吗|管不管|管吗|赔不赔|影响理赔")


TOLD = re.compile(r"(如实)?告知了|(已经|已)(如实)?告知|说(过|了)|(正常|同意|标准体)承保")
UNTOLD = re.compile(r"(没|没有|未)(如实)?(告知|说|告诉)")

CARVE_OUT = re.compile(
    r"但(?:因|由)?([^。；]{2,70}?)(?:导致|所致|引起)?的?除外|但([^。；]{2,40}?)不在此限"
    r"|但([^。；]{2,40}?)[，,]?不适用本(?:项|款|条)"
)


def decide_exclusion(
    product: ProductKnowledge,
    situation: Situation,
    thesaurus: Thesaurus,
    disease: str | None = None,
) -> Verdict | None:
    exclusions = product.facts.exclusions
    concepts = thesaurus.concepts_in(situation.text)
    if not concepts:
        return _not_listed(product, situation, thesaurus) or _unnamed_cause(
            product, situation, disease
        )
    for concept in concepts:
        words = concept.words_in(situation.text)
        # A customer who names the wording's own word (蹦极) is answered on that word, not on
        # the whole category an item may name (高风险运动).
        specific = [w for w in words if w in concept.wording] if concept.each else []
        # the item naming the customer's own word (自杀) first, then the wording's order
        # (and, of those, one naming the event told: "…运动结束后24小时内发生的猝死" for a 猝死)
        events = [w for w in EVENTS if w in situation.text]
        ranked = sorted(
            _naming_first(exclusions, concept),
            key=lambda e: (
                not any(w in e.text for w in words),
                not any(w in e.text for w in events),
            ),
        )
        for item in ranked:
            if not _names(product, item.text, concept, specific):
                continue
            number = _item_number(product, item.article, item.index)
            quoted = (
                Reason(f"条款列明：“{clip(item.text)}”", item.article),
                *_defined_terms(product, item.text, concept),
            )
            bounded = _time_bound(product, item, situation, number, quoted[0], words)
            if bounded is not None:
                return bounded
            if concept.spares(situation.text):
                who = concept.spared_as or "您说的情况不是被保险人本人所为"
                return Verdict(
                    "exclusion",
                    "yes",
                    f"不属于该项责任免除，可以申请理赔（按保险责任的约定）：责任免除{number}说的是"
                    f"被保险人本人{concept.label}，{who}。{_death_paid(product, situation)}",
                    quoted,
                )
            exception = _carved_out(product, item.text, situation, disease)
            if exception is not None:
                return Verdict(
                    "exclusion",
                    "yes",
                    f"这项免责不适用，可以赔（仍须符合保险责任的约定）：该项责任免除{number}"
                    f"写明{exception}除外。",
                    quoted,
                )
            referred = referred_exception(product, situation, item.text, item.article)
            if referred is not None:
                return referred
            left_out = _left_out_by_definition(product, item.text, concept, situation.text)
            if left_out is not None:
                thing, term = left_out
                return Verdict(
                    "exclusion",
                    "yes",
                    f"{thing}不属于条款所说的{term.name}，不在责任免除{number}之内；"
                    f"{'因意外受伤的，' if situation.cause == 'accident' else ''}"
                    "可以申请理赔（按保险责任的约定给付）。",
                    (
                        Reason(f"“{term.name}”的定义：{clip(term.definition)}", term.article),
                        quoted[0],
                    ),
                )
            condition = _condition(item.text, concept)
            if condition is not None and not _condition_told(condition, situation, thesaurus):
                return Verdict(
                    "exclusion",
                    "depends",
                    f"要看情况：责任免除{number}只排除“{condition}”的{concept.label}；"
                    f"不是这种情况的，不属于这项责任免除，按保险责任的约定处理。",
                    quoted,
                )
            position = _position(product, item)
            after_start = spared_after_start(product, item.article, position, situation.text)
            if after_start is not None:
                return Verdict(
                    "exclusion",
                    "yes",
                    f"不影响给付：已经开始领取后身故的，只有责任免除第（{after_start[0]}）至"
                    f"第（{after_start[1]}）项适用，{concept.label}是第（{position}）项，不在其中，"
                    "按保险责任的约定给付。",
                    quoted,
                )
            refused = "不能豁免保费" if "豁免" in situation.text else "不能赔"
            then = _consequence(product, item)
            return Verdict(
                "exclusion",
                "no",
                f"{refused}：{concept.label}属于本产品的责任免除{number}，即使住院或就医也不赔。",
                (*quoted, *([then] if then else [])),
            )
        verdict = _not_listed(product, situation, thesaurus, concept)
        if verdict is not None:
            return verdict
    asked = EXCLUSION_ASK.search(situation.text) or (
        PAYING_ASK.search(situation.text) and not _worded_anywhere(product, concepts[0])
    )
    if exclusions and asked:
        concept = concepts[0]
        words = concept.words_in(situation.text)
        named = words[0] if concept.each and words else concept.label
        return Verdict(
            "exclusion",
            "info",
            f"不属于责任免除：本产品列明的{len(exclusions)}项责任免除中没有{named}；"
            + (_death_paid(product, situation) or "是否赔付还要看是否符合保险责任的约定。"),
            (Reason("责任免除条款", exclusions[0].article),),
        )
    return None


ASKED_THING = re.compile(
    r"([\u4e00-\u9fffA-Za-z0-9]{2,12}?)(?:是不是|算不算|算|是|属于|会不会|会)?(?:免责|除外|责任免除)"
)
POINTING = re.compile(r"(这|那)(个|种|样)?|因为|由于|所以|会$")
COMMON = frozenset(
    [
        "被保",
        "保险",
        "险人",
        "导致",
        "引起",
        "所致",
        "疾病",
        "本合",
        "合同",
        "我们",
        "期间",
        "治疗",
        "发生",
        "或者",
        "以及",
        "伤害",
        "意外",
        "不承",
        "承担",
        "责任",
        "情形",
        "下列",
        "因为",
        "患有",
        "约定",
        "本条",
        "给付",
        "投保",
        "保时",
        "确诊",
        "已经",
        "以后",
    ]
)
BEFORE_COVER = re.compile(r"(投保|买|参保|生效|保险)(之?前|以前)|既往|早就|本来就有|之前就")


def _unnamed_cause(
    product: ProductKnowledge, situation: Situation, disease: str | None
) -> Verdict | None:
    """ "查出BRCA基因突变，以后得了乳腺癌会因为这个免责吗": a cause no exclusion item speaks of,
    asked about beside a disease — the list's size and that the cause is not among them."""
    exclusions = product.facts.exclusions
    if disease is None or not exclusions or not EXCLUSION_ASK.search(situation.text):
        return None
    if BEFORE_COVER.search(situation.text):
        return None  # an illness from before the cover is a question of its own
    question = normalize(situation.text)
    key = normalize(disease)
    for item in exclusions:
        text = normalize(item.text)
        pairs = {text[i : i + 2] for i in range(len(text) - 1)}
        if any(
            pair in question
            and pair not in COMMON
            and pair not in key
            and re.fullmatch(r"[\u4e00-\u9fff]{2}", pair)
            for pair in pairs
        ):
            return None  # the customer may be describing this item in its own words
    asked = ASKED_THING.search(question)
    thing = asked.group(1) if asked else ""
    thing = re.sub(r"^.*(因为|由于|就是|这种|那种|像)", "", thing)
    named = "您说的这种情况" if not thing or POINTING.search(thing) or key in thing else thing
    articles = list(dict.fromkeys(e.article for e in exclusions))
    number = f"（第{'、'.join(articles)}条）"
    return Verdict(
        "exclusion",
        "info",
        f"不属于责任免除：本产品列明的{len(exclusions)}项责任免除{number}中没有{named}；"
        "是否赔付看是否符合保险责任的约定。",
        (Reason("责任免除条款", exclusions[0].article),),
    )


def _death_paid(product: ProductKnowledge, situation: Situation) -> str:
    """ "；身故的，可以赔身故保险金（第2.4条）": for a death the exclusion does not stop."""
    if not situation.mentions("death"):
        return ""
    benefit = next(
        (b for b in product.facts.benefits if "身故" in b.name and not b.is_waiver), None
    )
    if benefit is None:
        return ""
    return f"被保险人身故的，可以赔{benefit.name}（第{benefit.article}条），按保险责任的约定给付。"


def _worded_anywhere(product: ProductKnowledge, concept: Concept) -> bool:
    """Whether the wording names the concept anywhere (a hospital definition that leaves out
    private hospitals settles "私立医院能报吗" even with no exclusion item for it)."""
    return any(concept.named_in(f"{a.title}{a.body}") for a in product.document.articles)


def _not_listed(
    product: ProductKnowledge,
    situation: Situation,
    thesaurus: Thesaurus,
    only: Concept | None = None,
) -> Verdict | None:
    """ "打篮球是不是算高风险运动": the thing is not among what the wording's item lists."""
    for concept in (only,) if only else thesaurus.concepts:
        asked = _asked_whether_counts_as(situation.text, concept)
        if asked is None:
            continue
        listing = next((e for e in product.facts.exclusions if concept.named_in(e.text)), None)
        if listing is None or asked in normalize(listing.text):
            continue
        number = _item_number(product, listing.article, listing.index)
        return Verdict(
            "exclusion",
            "yes",
            f"{asked}不属于条款所说的{concept.label}，不在责任免除{number}之内；"
            f"{'因意外受伤的，' if situation.cause == 'accident' else ''}是否赔付按保险责任的约定。",
            (Reason(f"条款列明：“{clip(listing.text)}”", listing.article),),
        )
    return None


EVENTS = ("猝死", "身故", "伤残", "骨折", "全残")
TIME_BOUND = re.compile(r"(成立|生效|复效|效力恢复)[^。；]{0,20}?(\d+)\s*年内")


def _time_bound(
    product: ProductKnowledge,
    item: Exclusion,
    situation: Situation,
    number: str,
    quoted: Reason,
    words: list[str],
) -> Verdict | None:
    """ "自合同成立或复效之日起2年内自杀": the item applies only inside its years — its own, or
    those of the article it refers to ("自杀导致身故的，按3.3处理")."""
    said = _bounded_sentence(product, item)
    bound = TIME_BOUND.search(said) if said else None
    if said is None or bound is None:
        return None
    if said != arabic_numerals(item.text):
        if not any(normalize(w) in normalize(said) for w in words):
            return None  # the article referred to bounds another act (自杀, not 故意自伤)
        quoted = Reason(f"条款约定：“{clip(said)}”", _referred(item.text) or item.article)
    years = int(bound.group(2))
    reinstated = situation.days_between("reinstated", "death")
    span = reinstated or situation.days_between("effective", "death")
    if span is None:
        return Verdict(
            "exclusion",
            "depends",
            f"要看时间：合同成立（或最后一次复效）之日起{years}年内发生的不赔，属于本产品的责任免除"
            f"{number}；满{years}年后的，按保险责任的约定处理。",
            (quoted,),
        )
    if span.high <= years * 365:
        refund = _consequence(product, item)
        reasons = (quoted, *([refund] if refund else []))
        since = (
            f"{years}年的期限自复效之日起重新计算，身故发生在复效后{years}年内"
            if reinstated
            else f"身故发生在合同成立（或最后一次复效）后{years}年内"
        )
        return Verdict(
            "exclusion",
            "no",
            f"不能赔：{since}，属于本产品的责任免除{number}。",
            reasons,
        )
    if span.low > years * 365:
        return Verdict(
            "exclusion",
            "yes",
            f"这项免责已不适用：免责只限合同成立（或最后一次复效）之日起{years}年内，"
            f"您说的情况已超过{years}年，按保险责任的约定处理。",
            (quoted,),
        )
    return None


REFERS = re.compile(r"按\s*(?:第)?\s*(\d+(?:\.\d+)+)\s*条?(?:的约定)?(?:处理|办理|执行)")


def _referred(text: str) -> str | None:
    found = REFERS.search(text)
    return found.group(1) if found else None


def _bounded_sentence(product: ProductKnowledge, item: Exclusion) -> str | None:
    """The item's text when it states its years, else the sentence stating them in the article
    the item refers to."""
    if TIME_BOUND.search(arabic_numerals(item.text)):
        return arabic_numerals(item.text)
    number = _referred(item.text)
    article = product.document.article(number) if number else None
    if article is None:
        return None
    return next(
        (
            arabic_numerals(sentence)
            for sentence in sentences(strip_markdown(article.body))
            if TIME_BOUND.search(arabic_numerals(sentence))
        ),
        None,
    )


def _naming_first(exclusions: tuple[Exclusion, ...], concept: Concept) -> list[Exclusion]:
    """The items in the order of the concept's wording words they use: the item that says
    酒后驾驶 before the one that says only 醉酒."""

    def rank(item: Exclusion) -> int:
        text = normalize(item.text)
        found = [i for i, w in enumerate(concept.wording) if normalize(w) in text]
        return min(found, default=len(concept.wording))

    return sorted(exclusions, key=rank)


COUNTS_AS = re.compile(r"([^,，。;；!?！？\s]{1,8}?)(?:是不是|算不算|属不属于|是否)(?:算|属于|是)?")


def _asked_whether_counts_as(question: str, concept: Concept) -> str | None:
    """``篮球`` in "打篮球是不是算高风险运动": a thing the customer asks the wording's word about,
    when it is none of the concept's own words."""
    for match in COUNTS_AS.finditer(question):
        rest = question[match.end() : match.end() + 12]
        if not any(normalize(w) in rest for w in (*concept.wording, concept.label)):
            continue
        thing = re.sub(r"^(我|他|她|孩子|我们)?(打|玩|踢|跑|练|参加|去|做)?", "", match.group(1))
        if len(thing) >= 2 and not concept.words_in(thing):
            return thing
    return None


CONSEQUENCE = re.compile(r"现金价值|退还|无息返还|返还")
OTHER_CASES = re.compile(r"其他(情形|情况|原因|免除|各项)|所列其他|上述其他")


PHASE = re.compile(r"领取日(零时)?(后|以后|之后)")


def _joined(pieces: list[str]) -> list[str]:
    """Sentences cut at "；" joined again where the next one goes on (您已交足2年…的，退还…)."""
    joined: list[str] = []
    for piece in pieces:
        goes_on = joined and (
            joined[-1].endswith("；")
            # "发生第（1）项情形的，本合同终止。投保人已交足二年…的，退还…": the case's own refund
            or (OWN_CASE.match(joined[-1]) and not CONSEQUENCE.search(joined[-1]))
        )
        if goes_on and not ITEM_START.match(piece) and not OWN_CASE.match(piece):
            joined[-1] += piece
        else:
            joined.append(piece)
    return joined


OWN_CASE = re.compile(r"\s*(发生|出现)[^。；]{0,16}第[（(]\d+[)）]项")
ITEM_START = re.compile(r"\s*[（(]\d+[)）]|\s*\d+[.、]")
ITEM_RANGE = re.compile(r"第[（(](\d+)[)）](?:项)?至第[（(](\d+)[)）]项")


def _consequence(product: ProductKnowledge, item: Exclusion) -> Reason | None:
    """What the wording does when the item applies (本合同终止，退还现金价值): the sentence of the
    exclusions part that names the item's number first, then one for "其他情形", then any."""
    parent = item.article.rpartition(".")[0]
    articles = [
        a
        for a in product.document.articles
        if a.number == item.article or (parent and a.parent_number == parent)
    ]
    pieces = [
        (a.number, piece)
        for a in articles
        for body in [strip_markdown(a.body)]
        for piece in [*split_items(body)[1], *_joined(sentences(body))]
        if CONSEQUENCE.search(piece)
    ] + [(item.article, note) for note in product.facts.exclusion_notes if CONSEQUENCE.search(note)]
    if not pieces:
        return None
    same = [e for e in product.facts.exclusions if e.article == item.article]
    position = next((i for i, e in enumerate(same, 1) if e.index == item.index), 0)
    own = re.compile(rf"(?<!至)第[（(]{position}[)）]项(?!至)")

    def in_range(text: str) -> bool:
        return any(
            int(m.group(1)) <= position <= int(m.group(2)) for m in ITEM_RANGE.finditer(text)
        )

    def rank(found: tuple[str, str]) -> int:
        text = found[1]
        here = item.article in text or "上述" in text or "本条" in text
        if here and own.search(text):
            return 0
        if here and in_range(text):
            return 1
        return 2 if OTHER_CASES.search(text) else 3

    number, sentence = min(pieces, key=lambda found: (rank(found), bool(PHASE.search(found[1]))))
    return Reason(f"发生这种情况时：“{clip(sentence, 70)}”", number)


def _defined_terms(product: ProductKnowledge, item: str, concept: Concept) -> list[Reason]:
    """The definitions (释义) of the wording's terms for the concept that the item uses:
    酒后驾驶 with its threshold, 既往症 with what counts."""
    text = normalize(item)
    return [
        Reason(f"“{term.name}”的定义：{clip(term.definition)}", term.article)
        for term in product.facts.terms
        if normalize(term.name) in text and concept.named_in(term.name)
    ][:1]


LEFT_OUT = re.compile(
    r"([\u4e00-\u9fff]{2,8})以外|不包括([\u4e00-\u9fff]{2,8})|([\u4e00-\u9fff]{2,8})不属于"
)


def _left_out_by_definition(
    product: ProductKnowledge, item: str, concept: Concept, question: str
) -> tuple[str, Term] | None:
    """ "浮潜也不赔吗" where the item's term is defined so as to leave it out ("包括浮潜以外的水肺
    潜水"; "普通游泳不属于潜水"): the customer's thing and the term whose definition leaves it out."""
    text = normalize(item)
    asked = normalize(question)
    for term in product.facts.terms:
        name = normalize(term.name)
        if name not in text or not concept.named_in(term.name):
            continue
        for match in LEFT_OUT.finditer(normalize(term.definition)):
            phrase = next(g for g in match.groups() if g)
            for size in (4, 3, 2):
                thing = phrase[-size:] if match.group(2) is None else phrase[:size]
                if (
                    len(thing) == size
                    and thing in asked
                    and thing not in name
                    and name not in thing
                ):
                    return thing, term
    return None


def _names(product: ProductKnowledge, item: str, concept: Concept, specific: list[str]) -> bool:
    """Whether an exclusion item names what the customer asked about."""
    if not specific:
        return concept.named_in(item)
    text = normalize(item)
    if any(normalize(w) in text for w in specific):
        return True
    # 高风险运动 defined under 释义 as a list that names the customer's word
    return any(
        normalize(term.name) in text and any(w in normalize(term.definition) for w in specific)
        for term in product.facts.terms
    )


def _carved_out(
    product: ProductKnowledge, item: str, situation: Situation, disease: str | None
) -> str | None:
    """The item's own exception when it covers the customer's case: an accident (但因意外伤害
    所致的除外), or a disease the exception names by its category or article (罕见病)."""
    match = CARVE_OUT.search(item)
    if match is None:
        return None
    exception = next(g for g in match.groups() if g)
    if "意外" in exception and situation.cause == "accident":
        return "意外伤害所致的"
    if "告知" in exception and TOLD.search(situation.text) and not UNTOLD.search(situation.text):
        return "投保时已如实告知并经同意承保的"
    for piece in EXCEPTION_SPLIT.split(exception):
        if 2 <= len(piece) <= 6 and piece not in EXCEPTION_GENERIC and piece in situation.text:
            return f"因{piece}所致的"  # 但因输血…感染艾滋病病毒的除外, told "手术输血感染"
    if disease is None:
        return None
    key = normalize(disease)
    for found in product.facts.diseases:
        if key not in normalize(found.name):
            continue
        parent = found.article.rpartition(".")[0]
        if found.category_label in exception or re.search(rf"第?{re.escape(parent)}条", exception):
            return found.category_label
    return None


EXCEPTION_SPLIT = re.compile(
    r"[、，,；;]|或者?|和|及|因为?|由于|接受|从事|在|时|而|的|所致|导致|引起"
)
EXCEPTION_GENERIC = frozenset(
    {"被保险人", "感染", "艾滋病病毒", "艾滋病", "疾病", "工作", "手术", "治疗", "本合同", "我们"}
)


CONDITION_MARK = re.compile(r"期间|以内|之内|内|之后|以后|后|导致|引起|所致|因|由于|时")


def _condition(item: str, concept: Concept) -> str | None:
    """ "参加高风险运动期间或结束后24小时内发生的猝死": the circumstance an item limits the
    concept to, told before it as "…的", when there is one."""
    text = normalize(item)
    for word in concept.wording:
        at = text.find(normalize(word))
        if at < 2 or text[at - 1] != "的":
            continue
        before = re.split(r"[，,；;：:。、（(]", text[: at - 1])[-1]
        before = re.sub(r"^(被保险人|投保人|受益人)(在|于)?", "", before)
        before = re.sub(r"发生$", "", before)
        if len(before) >= 4 and CONDITION_MARK.search(before):
            return before
    return None


def _condition_told(condition: str, situation: Situation, thesaurus: Thesaurus) -> bool:
    """Whether the customer's story names what the item's condition names."""
    wanted = {c.key for c in thesaurus.concepts if c.named_in(condition)}
    wanted |= {c.key for c in thesaurus.concepts_in(condition)}
    return bool(wanted & {c.key for c in thesaurus.concepts_in(situation.text)})


def _position(product: ProductKnowledge, item: Exclusion) -> int:
    """Where ``item`` stands among its article's items, from 1."""
    same = [e for e in product.facts.exclusions if e.article == item.article]
    return next((i for i, e in enumerate(same, 1) if e.index == item.index), 0)


def _item_number(product: ProductKnowledge, article: str, index: int) -> str:
    """``（第3.1条第（2）项）``: where an exclusion item stands in its article."""
    same = [e for e in product.facts.exclusions if e.article == article]
    position = next((i for i, e in enumerate(same, 1) if e.index == index), None)
    if position and len(same) > 1:
        return f"（第{article}条第（{position}）项）"
    return f"（第{article}条）"
