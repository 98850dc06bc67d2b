"""Grades of one illness: the definition, among those the wording gives it at several grades
(严重/中度/轻度脑中风后遗症, 多个/单个肢体缺失, 深度/轻度昏迷), that the customer's own figures meet.

"肌力都是3级" fails "一肢（含）以上肢体肌力2级（含）以下" and meets "两肢（含）以上肢体肌力为3级";
"Ⅲ度烧伤面积15%" fails "20%或以上" and meets "10%或以上，但未达到20%"; "GCS 7分" fails "5分或5分
以下" and meets "8分或8分以下"; a valve replaced 经导管 fails "切开心脏进行的" and meets "未切开心脏
的经皮经导管…". The grade met that pays the most is the one the story is paid as.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.knowledge.explain import benefit_for
from bot.knowledge.facts import Disease, ProductKnowledge
from bot.knowledge.text import arabic_numerals, normalize, split_items
from bot.knowledge.thesaurus import default_thesaurus
from bot.knowledge.vocabulary import core_disease_name

GRADE_PREFIX = re.compile(
    r"^(?:严重|重度|中度|轻度|较重|较轻|深度|浅度|多个|单个|单侧|双侧|较小面积|较大面积|经导管|微创|早期|晚期)"
)
GENERIC = re.compile(r"后遗症|介入手术|介入治疗|手术|治疗|疾病|综合征|[病症术]$")


def illness_core(name: str) -> str:
    """A disease's name without its grade words (严重, 中度, 单个, 较小面积) and generic endings."""
    core = GRADE_PREFIX.sub("", core_disease_name(normalize(name)))
    return GENERIC.sub("", core) or core


def _shared(a: str, b: str) -> bool:
    """Whether two cores name the same illness: equal, or sharing three characters in a row."""
    if a == b:
        return len(a) >= 2
    return any(a[i : i + 3] in b for i in range(len(a) - 2))


def family(product: ProductKnowledge, members: list[Disease]) -> list[Disease]:
    """``members`` with the wording's other grades of the same illness, in other categories."""
    cores = {illness_core(d.name) for d in members}
    found = list(members)
    for disease in product.facts.diseases:
        if disease in found or benefit_for(product, disease.category) is None:
            continue
        if any(_shared(illness_core(disease.name), core) for core in cores):
            found.append(disease)
    return found


Check = Callable[[str, str], "bool | None"]
NUMBER = r"(\d+(?:\.\d+)?)"


def _bounded(clause: str, match: re.Match[str], told: float) -> bool | None:
    """Whether ``told`` meets the bound ``match`` states in ``clause`` (达到20%或以上, 未达到20%,
    5分或5分以下, 为3级)."""
    value = float(match.group(1))
    before = clause[max(0, match.start() - 6) : match.start()]
    after = clause[match.end() : match.end() + 12]
    if re.search(r"(未达到|未达|不足|低于|小于|未满|不到)$", before):
        return told < value
    if re.match(r"(（含）|\(含\))?(或[^，。；]{0,6})?(以下|及以下)", after) or re.search(
        r"(不超过|不高于|不大于|≤)$", before
    ):
        return told <= value
    if re.match(r"(（含）|\(含\))?(或[^，。；]{0,6})?(以上|及以上)", after) or re.search(
        r"(达到|超过|大于或?等于|大于|不低于|不少于|至少|≥)$", before
    ):
        return told >= value
    return told == value


def _all(results: list[bool | None]) -> bool | None:
    if any(r is False for r in results):
        return False
    return True if any(r is True for r in results) else None


PAYOUT_SHARE = re.compile(r"(赔|给付|按|报销|比例|只赔|赔付)[^，。,\d]{0,3}$")


def _percent(clause: str, text: str) -> bool | None:
    told = [
        float(m.group(1))
        for m in re.finditer(NUMBER + r"\s*%", text)
        if not PAYOUT_SHARE.search(text[max(0, m.start() - 6) : m.start()])
    ]
    if len(set(told)) != 1:
        return None
    return _all([_bounded(clause, m, told[0]) for m in re.finditer(NUMBER + r"\s*%", clause)])


COMMON_WORDS = re.compile(r"正常|上限|升高|升到|达到|超过|参考|以上")


def _times(clause: str, text: str) -> bool | None:
    """A marker's rise told in times ("肌钙蛋白升到正常上限20倍") against the definition's bound
    for the same marker ("肌钙蛋白（cTn）升高至正常参考值上限15倍以上")."""
    results: list[bool | None] = []
    for told in re.finditer(NUMBER + r"\s*多?倍", text):
        context = COMMON_WORDS.sub("", text[max(0, told.start() - 14) : told.start()])
        marks = {context[i : i + 2] for i in range(len(context) - 1)}
        for bound in re.finditer(NUMBER + r"\s*倍", clause):
            before = clause[max(0, bound.start() - 24) : bound.start()]
            if any(re.fullmatch(r"[\u4e00-\u9fff]{2}", m) and m in before for m in marks):
                results.append(_bounded(clause, bound, float(told.group(1))))
    return _all(results)


SCALE = re.compile(r"[（(]([a-z]{2,5})[）)]")


def _score(clause: str, text: str) -> bool | None:
    """A scale's score (GCS, CDR) told against the definition's."""
    results: list[bool | None] = []
    for scale in SCALE.finditer(clause):
        told = re.search(scale.group(1) + r"[^\d，。,]{0,8}?" + NUMBER + r"\s*分", text)
        if told is None:
            continue
        rest = clause[scale.end() :]
        for bound in re.finditer(NUMBER + r"\s*分", rest[:40]):
            results.append(_bounded(rest, bound, float(told.group(1))))
            break
    return _all(results)


ARM = re.compile(r"(双|两|二)?(?:侧|条|只|个)?(胳膊|手臂|上肢|手)")
LEG = re.compile(r"(双|两|二)?(?:侧|条|只|个)?(腿|下肢|脚)")
LIMB_COUNT = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4}


def _limbs(text: str) -> int | None:
    if "四肢" in text:
        return 4
    count = sum(2 if m.group(1) else 1 for p in (ARM, LEG) for m in p.finditer(text))
    return count or None


def _limb_minimum(clause: str) -> int | None:
    found = re.search(
        r"([一两二三四\d])(?:个)?肢(?:（含）|\(含\))?(?:或[^，。；]{0,6})?以上", clause
    )
    if found is None:
        return None
    return LIMB_COUNT.get(found.group(1)) or int(found.group(1))


def _strength(clause: str, text: str) -> bool | None:
    """肌力 told ("肌力都是3级") against the definition's, with the number of limbs."""
    told = re.search(r"肌力[^\d，。,]{0,4}?(\d)\s*级", text)
    if told is None or "肌力" not in clause:
        return None
    results = [
        _bounded(clause, m, float(told.group(1)))
        for m in re.finditer(r"肌力[^\d，。；]{0,3}?(\d)\s*级", clause)
    ]
    minimum = _limb_minimum(clause)
    limbs = _limbs(text)
    if minimum is not None and limbs is not None:
        results.append(limbs >= minimum)
    return _all(results)


LOSS_TOLD = re.compile(r"截肢|截了|截掉|截去|断肢|离断|断离")
TWO_LOST = re.compile(r"(两|双|二)(条|只|侧)?(腿|下肢|手|胳膊|上肢|臂)|(两|二|2)个肢体")


def _limb_loss(clause: str, text: str) -> bool | None:
    """A limb lost (截肢) against "两个或两个以上肢体…完全断离" or "一个肢体…完全断离"."""
    if not LOSS_TOLD.search(text) or not re.search(r"断离|离断|缺失", clause):
        return None
    lost = 2 if TWO_LOST.search(text) else 1
    needed = re.search(r"([一两二\d])个(?:或[一两二\d]个以上)?肢体", clause)
    if needed is None:
        return None
    count = LIMB_COUNT.get(needed.group(1)) or int(needed.group(1))
    return lost >= count


INTERVENTIONAL_TOLD = re.compile(
    r"经导管|经皮|介入|tavr|tavi|(没|没有|未|不|无需)(开胸|开颅|开腹|切开|开刀)"
)
OPEN_NEEDED = re.compile(
    r"(实施了?|进行了?|接受了?)[^。；，]{0,6}(切开心脏|切开心包|开胸|开颅|开腹)"
)
CLOSED_DEFINED = re.compile(r"未切开|未开胸|经皮|经导管|介入")
CLOSED_LEFT_OUT = re.compile(
    r"(未切开|未开胸|未实施|经皮|经导管|介入)[^。；]{0,30}(不在|不属于|除外|不包括)"
)


def _approach(clause: str, text: str) -> bool | None:
    """An operation done without opening (经导管, 没开胸) against the approach a definition names."""
    if not INTERVENTIONAL_TOLD.search(text):
        return None
    needs_open = OPEN_NEEDED.search(clause)
    if needs_open is not None and not re.search(
        r"(未|不)$", clause[max(0, needs_open.start(2) - 1) : needs_open.start(2)]
    ):
        return False
    if CLOSED_LEFT_OUT.search(clause):
        return False
    return True if CLOSED_DEFINED.search(clause) else None


def _vision(clause: str, text: str) -> bool | None:
    """Corrected vision told ("矫正到1.0") against the definition's ("矫正视力低于0.02")."""
    told = re.search(r"(?:矫正|视力)[^\d，。,]{0,6}?(\d\.\d+)", text)
    if told is None or "视力" not in clause:
        return None
    bounds = [
        m
        for m in re.finditer(r"(\d\.\d+)", clause)
        if "视力" in clause[max(0, m.start() - 10) : m.start()]
    ]
    return _all([_bounded(clause, m, float(told.group(1))) for m in bounds])


CHECKS: tuple[Check, ...] = (_percent, _times, _score, _vision, _strength, _limb_loss, _approach)


def _clause_meets(clause: str, text: str) -> bool | None:
    return _all([check(clause, text) for check in CHECKS])


SMALL_NUMBER = {"一": "1", "二": "2", "两": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}  # fmt: skip


def _plain(text: str) -> str:
    """Normalised, lower-case, numbers as digits, "五分"/"二级" too."""
    text = re.sub(r"(?<=\d)\s+(?=\d)", "，", text)  # "ki-67 1%" is not 671%
    text = arabic_numerals(normalize(text)).lower()
    text = re.sub(r"ki-?67", "ki67指数", text)  # the marker's 67 is no figure ("ki-67 1%")
    return re.sub(r"[一二两三四五六七八九](?=分|级)", lambda m: SMALL_NUMBER[m.group(0)], text)


LEFT_OUT = re.compile(r"不属于|不在[^。；]{0,12}(保障|责任)?范围|除外|不包括|不予")


def _covered_items(lead: str, items: list[str]) -> list[str]:
    """The items a definition covers: none when its list is of what it leaves out ("下列情形不属
    于…"), and those before the item that starts such a list."""
    if LEFT_OUT.search(lead):
        return []
    kept: list[str] = []
    for item in items:
        if LEFT_OUT.search(item):
            break
        kept.append(item)
    return kept


def meets(definition: str, text: str) -> bool | None:
    """Whether the figures ``text`` tells meet ``definition``: ``True`` when a measured condition
    is met and none fails, ``False`` when one fails (or every listed alternative does), ``None``
    when the story measures nothing the definition sets."""
    plain, story = _plain(definition), _plain(text)
    lead, items, tail = split_items(plain)
    parts = [p for p in re.split(r"[。；;]", lead + "。" + tail) if p and not LEFT_OUT.search(p)]
    outer = _all([_clause_meets(p, story) for p in parts])
    items = _covered_items(lead, items)
    if not items:
        return outer
    listed = [_clause_meets(i, story) for i in items]
    if re.search(r"同时|全部|均须|均应", lead) and not re.search(r"至少|之一|任一", lead):
        inner = _all(listed)
    elif any(r is True for r in listed):
        inner = True
    else:
        inner = False if any(r is False for r in listed) else None
    if outer is False or inner is False:
        return False
    return True if (outer or inner) else None


@dataclass(frozen=True)
class Grade:
    """The grade the story meets and the higher grades it does not."""

    met: Disease
    failed: tuple[Disease, ...]


def _share(product: ProductKnowledge, disease: Disease) -> float:
    benefit = benefit_for(product, disease.category)
    return benefit.percent if benefit is not None and benefit.percent is not None else 0.0


def grade_met(product: ProductKnowledge, members: list[Disease], text: str) -> Grade | None:
    """Among ``members`` and their other grades, the one the story's figures meet that pays the
    most, when the figures settle it and there is more than one grade to choose from."""
    graded = family(product, members)
    if len(graded) < 2 or len({d.category for d in graded}) < 2:
        return None
    results = {d.name: meets(d.definition, text) for d in graded}
    met = [d for d in graded if results[d.name] is True]
    if not met:
        return None
    best = max(met, key=lambda d: _share(product, d))
    failed = tuple(
        d for d in graded if results[d.name] is False and _share(product, d) > _share(product, best)
    )
    return Grade(best, failed)


def told_grade(product: ProductKnowledge, text: str) -> str | None:
    """The disease the story tells by its figures when it names none the wording uses
    ("阿尔茨海默症…CDR 2分", "右腿膝盖以下截肢", "经导管主动脉瓣置换"): the grade it meets."""
    story = normalize(text).lower()
    named = [
        d
        for d in product.facts.diseases
        if (core := illness_core(d.name)) and len(core) >= 3 and core in story
    ]
    concepts = default_thesaurus().concepts_in(story)
    named += [
        d
        for d in product.facts.diseases
        if d not in named and any(c.named_in(d.name) for c in concepts)
    ]
    if LOSS_TOLD.search(story):
        named += [
            d
            for d in product.facts.diseases
            if d not in named
            and re.search(r"肢体", d.name)
            and re.search(r"断离|离断|缺失", d.definition)
        ]
    if not named:
        return None
    grade = grade_met(product, named, text)
    return grade.met.name if grade is not None else None


def failing_clause(definition: str, text: str) -> str:
    """The clause (or first listed alternative) of ``definition`` the story's figures fail."""
    plain, story = _plain(definition), _plain(text)
    lead, items, tail = split_items(plain)
    parts = [p for p in re.split(r"[。；;]", lead + "。" + tail) if p and not LEFT_OUT.search(p)]
    for part in parts + _covered_items(lead, items):
        if _clause_meets(part, story) is False:
            return part
    return plain
