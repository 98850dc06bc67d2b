"""Diseases: the customer's diagnosis against the definitions, their stages, thresholds and limits."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge.decide.anniversaries import age_turns
from bot.knowledge.decide.claim_timing import histology_missing, onset_ago_days, too_young
from bot.knowledge.decide.earlier_payouts import deduction_rule
from bot.knowledge.decide.grades import failing_clause, grade_met, illness_core, meets
from bot.knowledge.decide.timing import day_text
from bot.knowledge.decide.totals import separate_times
from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import amount_text
from bot.knowledge.explain import (
    benefit_for,
    clip,
    extras_for,
    is_medical,
    money,
    payout,
    rule_on_disease,
)
from bot.knowledge.facts import Benefit, Disease, ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.text import arabic_numerals, normalize, sentences, split_items, strip_markdown
from bot.knowledge.thesaurus import default_thesaurus
from bot.knowledge.timeline import DaySpan
from bot.knowledge.told import age_at_claim
from bot.knowledge.vocabulary import CATEGORY_NAMES


def decide_disease(
    product: ProductKnowledge, situation: Situation, disease: str | None
) -> Verdict | None:
    if disease is None or not product.facts.diseases:
        return None
    if (
        is_medical(product)
        and not situation.categories
        and not DEFINITION_ASK.search(situation.text)
    ):
        return None  # a medical product pays costs; only "算不算重疾" is a question of definitions
    ruling = rule_on_disease(product, disease)
    stage = _stage(situation.text)
    reasons: list[Reason] = []
    paid: list[tuple[Disease, str]] = []  # (disease, "yes" | "depends")
    ruled_out: list[tuple[Disease, str]] = []  # a definition's own exclusion the case fits
    exact = [d for d in ruling.covered_as if normalize(disease) in normalize(d.name)]
    for found in exact or ruling.covered_as:
        hit = next(
            (x for x in found.exclusions if _describes(x, disease, situation.text, stage)), None
        )
        if hit is not None:
            reasons.append(Reason(f"“{found.name}”的定义不包括“{clip(hit, 50)}”", found.article))
            ruled_out.append((found, hit))
        else:
            paid.append((found, "yes"))
    named_out = {
        illness_core(found.name)
        for found, hit in ruled_out
        if _named_exclusion(hit, disease, situation.text)
    }
    if named_out:  # "短暂性脑缺血发作（TIA）不在保障范围内" holds for every grade of the illness
        paid = [p for p in paid if illness_core(p[0].name) not in named_out]
    for found, _item in ruling.excluded_from:
        reasons.append(Reason(f"{disease}不属于“{found.name}”，该定义明确排除了它", found.article))
    otherwise: list[str] = []
    for found, item in ruling.partly_excluded_from:
        if exact and paid:
            break  # the disease is named by the wording itself (少儿白血病 for 急性白血病)
        if _describes(item, disease, situation.text, stage):
            reasons.append(Reason(f"“{found.name}”的定义排除了“{clip(item, 50)}”", found.article))
            benefit = benefit_for(product, found.category)
            if benefit is not None and benefit.percent is not None:
                otherwise.append(
                    f"如果诊断不属于上述排除情形、符合“{found.name}”定义，"
                    f"则{payout(benefit, situation.sum_insured)}。"
                )
        else:
            paid.append((found, "depends"))
            reasons.append(Reason(f"“{found.name}”的定义排除了“{clip(item, 50)}”", found.article))
    for found, sentence in ruling.defined_in:
        sentence = _mention(found.definition, disease, stage) or sentence
        fits = stage is not None and stage in _stages(sentence)
        paid.append((found, "yes" if fits else "depends"))
        reasons.append(Reason(f"“{found.name}”的定义包括：“{clip(sentence, 60)}”", found.article))
    fitting = [p for p in paid if _fits_listed_items(p[0], situation.text, stage) is not False]
    paid = fitting or paid
    asked = set(situation.categories)
    chosen = [p for p in paid if p[0].category in asked] or paid
    chosen = [(found, _certainty(found, how, disease, situation)) for found, how in chosen]
    grade = grade_met(product, [found for found, _ in chosen], situation.text) if chosen else None
    lead = ""
    if grade is not None:
        chosen = [(grade.met, "yes")]
        for higher in grade.failed:
            clause = failing_clause(higher.definition, situation.text)
            reasons.append(
                Reason(f"“{higher.name}”要求“{clip(clause, 50)}”，您说的情况未达到", higher.article)
            )
            if normalize(higher.name) in normalize(situation.text):
                lead = f"不能按“{higher.name}”赔，您说的情况未达到它的标准；"
        if lead:
            lead += f"符合“{grade.met.name}”的，"
    if not chosen:
        if not reasons:
            return None
        if ruled_out:
            found, hit = ruled_out[0]
            reasons.extend(_graded_kept(found, situation.text))
            then = (
                "医疗费用仍按一般医疗费用的约定报销。"
                if is_medical(product)
                else "不能按这一项赔。"
            )
            return Verdict(
                "definition",
                "no",
                f"{'' if is_medical(product) else '不能赔，'}不属于“{found.name}”："
                f"该定义明确排除了“{clip(hit, 30)}”，您说的情况正是被排除的；{then}",
                tuple(reasons),
                tuple(otherwise),
            )
        return Verdict(
            "disease",
            "no",
            f"不能赔：{disease}不在本产品的保障范围内，本产品不赔付。",
            tuple(reasons),
            tuple(otherwise),
        )
    short = {id(found): _unmet_threshold(found, situation) for found, _ in chosen}
    met = [p for p in chosen if short[id(p[0])] is None]
    if not met:
        found = chosen[0][0]
        unmet = short[id(found)]
        assert unmet is not None
        requirement, told = unmet
        category = CATEGORY_NAMES.get(found.category or "", found.category_label)
        if told in (APPROACH_UNMET, MEASURED_UNMET):
            then = "医疗费用仍按一般医疗费用的约定报销。" if is_medical(product) else ""
            return Verdict(
                "disease",
                "no",
                f"不算“{found.name}”：定义要求{requirement}，您说的{told}，不符合这一项。{then}",
                (Reason(f"“{found.name}”的定义：“{clip(requirement, 80)}”", found.article),),
                ("是否符合以专科医生的诊断和理赔审核为准。",),
            )
        return Verdict(
            "disease",
            "no",
            f"暂时还不能按“{found.name}”赔：定义要求{requirement}，您说的{told}，还不符合；"
            f"符合后可以按{category}申请。",
            (Reason(f"“{found.name}”的定义：“{clip(requirement, 80)}”", found.article),),
            ("是否符合以专科医生的诊断和理赔审核为准。",),
        )
    for found, _ in chosen:
        unmet = short[id(found)]
        if unmet is not None:
            reasons.append(
                Reason(
                    f"您说的{unmet[1]}未达到“{found.name}”要求的{clip(unmet[0], 40)}", found.article
                )
            )
    chosen = met
    if chosen and all(used_up(product, situation, [f.category]) is not None for f, _ in chosen):
        chosen = chosen + _open_siblings(product, situation, [f for f, _ in chosen])
    open_ = [p for p in chosen if used_up(product, situation, [p[0].category]) is None]
    if open_ and len(open_) < len(chosen):
        # "中症已经赔满了": a category whose times are used up gives way to one still open
        for found, _ in chosen:
            spent = used_up(product, situation, [found.category])
            if spent is not None:
                reasons.append(Reason(spent.answer.split("：")[-1], spent.articles[0]))
        chosen = open_
    used = _limit_used(product, chosen, situation)
    if used is not None:
        return used
    lines: list[str] = []
    figures: list[float] = []
    for found, how in _by_category(chosen):
        benefit = benefit_for(product, found.category)
        extras = extras_for(product, found.category)
        if benefit is not None and benefit.adds_to:  # a list paid on top of, e.g., 重疾
            extras, benefit = [benefit], benefit_for(product, benefit.adds_to)
        category = CATEGORY_NAMES.get(
            benefit.category if benefit is not None and benefit.category else found.category or "",
            found.category_label,
        )
        line_figure: float | None = None
        if benefit is not None and benefit.percent is not None:
            own = own_percent(product, found, benefit)
            percent = own[0] if own else benefit.percent
            amount = amount_text(situation, percent)
            if situation.sum_insured:
                line_figure = situation.sum_insured * percent / 100
                figures.append(line_figure)
            reasons.append(Reason(payout(benefit), benefit.article))
            if own is not None:
                reasons.append(Reason(f"“{found.name}”按基本保险金额的{own[0]:g}%给付", own[1]))
            if situation.earlier_claims or re.search(r"扣", situation.text):
                note = _deduction_note(product, benefit.article)
                if note is not None:
                    reasons.append(note)
        else:
            amount = "按保险责任条款给付"
        condition = "" if how == "yes" else f"符合“{found.name}”定义的，"
        extra = extra_payout(extras[:1], situation, line_figure)
        reasons.extend(extra.reasons)
        if extra.total is not None:
            figures[-1] = extra.total
        lines.append(f"{condition}按{category}赔，{amount}{extra.text}")
        if how != "yes" and not any(r.article == found.article for r in reasons):
            reasons.append(
                Reason(f"“{found.name}”的定义：“{clip(found.definition, 90)}”", found.article)
            )
        untold = [
            phrase
            for _value, kind, phrase in _requirements(found.definition)
            if kind != "days" and not re.search(TOLD[kind], situation.text)
        ]
        if how == "yes" and untold:
            reasons.append(
                Reason(f"“{found.name}”的定义要求：“{clip(untold[0], 60)}”", found.article)
            )
        if how == "yes" and found.category is not None:
            reasons.insert(
                0, Reason(f"“{found.name}”属于本产品的{found.category_label}", found.article)
            )
    certain = all(how == "yes" for _, how in chosen) and len(lines) == 1
    answer = lead + ("能赔：" if certain else "要看具体诊断：") + "；".join(lines) + "。"
    answer += separate_times(product, situation, {found.category for found, _ in chosen})
    conditions = ("须符合条款对该疾病的定义（确诊依据、分期或程度），以理赔审核为准。",)
    return Verdict(
        "disease",
        "yes" if certain else "depends",
        answer,
        tuple(_unique(reasons)),
        conditions,
        paid=figures[0] if certain and len(figures) == 1 else None,
    )


@dataclass(frozen=True)
class ExtraPayout:
    """What an extra payout (关爱金, 额外给付) adds to a line of the answer.

    Attributes:
        text: the words appended to the line ("；另外给付…"), empty when nothing is added.
        reasons: the reasons citing the extra payout's article.
        total: the line's amount with the extra included, when the sum can be computed.
    """

    text: str = ""
    reasons: tuple[Reason, ...] = ()
    total: float | None = None


def extra_payout(
    extras: list[Benefit], situation: Situation, base: float | None = None
) -> ExtraPayout:
    """What an extra payout adds to a line whose own amount is ``base``, judged by the age told.

    Pure: the caller adds the returned reasons and total to its own lists.
    """
    extra = extras[0] if extras else None
    if extra is None or extra.percent is None:
        return ExtraPayout()
    percent = extra.percent
    reasons = (Reason(payout(extra), extra.article),)
    amount = amount_text(situation, percent)
    age = age_at_claim(situation.text)
    limit = extra.before_age
    turns = (
        age_turns(situation, limit, "周年日" in (extra.age_limit or ""))
        if limit is not None
        else None
    )
    diagnosed = next((d for d in situation.dated if d.kind == "diagnosis"), None)
    rule = re.sub(r"(零时)?(之前|以前)$", "", extra.age_limit or "")
    if turns is not None and diagnosed is not None and diagnosed.last < turns:
        total = (
            base + situation.sum_insured * percent / 100 if situation.sum_insured and base else None
        )
        tail = f"，合计{money(total)}" if total is not None else ""
        return ExtraPayout(
            f"；确诊在{day_text(turns, year=True)}（{rule}）之前，另外给付{extra.name}，{amount}{tail}",
            reasons,
            total,
        )
    if turns is not None and diagnosed is not None and diagnosed.first >= turns:
        return ExtraPayout(
            f"；确诊已在{day_text(turns, year=True)}（{rule}）当日或之后，不再额外给付{extra.name}",
            reasons,
        )
    if limit is not None and age is not None and age > limit:
        return ExtraPayout(
            f"；您说的{age}岁已过“{extra.age_limit}”的约定，不再额外给付{extra.name}", reasons
        )
    if limit is not None and (age is None or age == limit):
        return ExtraPayout(f"；在{extra.age_limit}确诊的，另外给付{extra.name}，{amount}", reasons)
    if situation.sum_insured and base is not None:
        total = base + situation.sum_insured * percent / 100
        return ExtraPayout(f"；另外给付{extra.name}，{amount}，合计{money(total)}", reasons, total)
    return ExtraPayout(f"；另外给付{extra.name}，{amount}", reasons)


STAGE = re.compile(r"(?:tnm)?(?:分期)?(?:为)?([ⅠⅡⅢⅣⅰⅱⅲⅳ]|[1-4一二三四]|iv|iii|ii|i)\s*期")
ROMAN = {"1": "Ⅰ", "一": "Ⅰ", "i": "Ⅰ", "ⅰ": "Ⅰ", "ⅱ": "Ⅱ", "ⅲ": "Ⅲ", "ⅳ": "Ⅳ", "2": "Ⅱ", "二": "Ⅱ", "ii": "Ⅱ", "3": "Ⅲ", "三": "Ⅲ",
         "iii": "Ⅲ", "4": "Ⅳ", "四": "Ⅳ", "iv": "Ⅳ"}  # fmt: skip


def _stages(text: str) -> set[str]:
    return {ROMAN.get(m.group(1).lower(), m.group(1)) for m in STAGE.finditer(text.lower())}


def _stage(question: str) -> str | None:
    found = _stages(question)
    return next(iter(found)) if len(found) == 1 else None


def _named_exclusion(item: str, term: str, question: str) -> bool:
    """Whether the customer named one of the conditions an exclusion item lists (垂体瘤, 热性惊厥)."""
    key = normalize(term)
    for segment in re.split(r"[，,、；;。：:（）()及或和与]", normalize(item)):
        named = re.sub(r"^(包括|如|例如|即|指|由|因|单纯的?|其他)", "", segment)
        named = re.sub(r"(等|引起的|导致的|所致的?)$", "", named)
        if 3 <= len(named) <= 12 and named != key and named in question:
            return True
    return False


def _describes(item: str, term: str, question: str, stage: str | None) -> bool:
    """Whether an exclusion ``item`` of a definition fits what the customer described."""
    listed, told = _grades(item), _grades(question)
    if {a for a, _ in listed} & {a for a, _ in told}:
        return bool(listed & told)  # graded findings decide by grade: CIN Ⅲ is not CIN Ⅰ、Ⅱ
    if _named_exclusion(item, term, question):
        return True
    if any(c.named_in(item) for c in default_thesaurus().concepts_in(question)):
        return True  # the case told in everyday words (捐了一个肾 for 作为器官捐献者)
    if stage is not None and _staged_cancer(item, question, stage):
        return True
    key = normalize(term)
    for segment in re.split(r"[，,、；;。：:（）()]", normalize(item)):
        if key not in segment:
            continue
        named = re.sub(r"^(包括|如|例如|即|指)", "", segment)
        if len(named) <= 10 and named in question:
            return True
        stages = _stages(segment)
        if (
            stage is not None
            and stages
            and (stage in stages or ("更轻" in segment and stage == "Ⅰ"))
        ):
            return True
    return False


ORGAN_CANCER = re.compile(r"([\u4e00-\u9fff]{2,5})癌")


def _staged_cancer(item: str, question: str, stage: str) -> bool:
    """Whether an exclusion item naming one organ's cancer at some stages ("Ⅰ期或更轻分期的甲状腺癌")
    fits the customer's cancer of that organ at that stage ("甲状腺乳头状癌一期")."""
    for segment in re.split(r"[，,；;。：:（）()]", normalize(item)):
        stages = _stages(segment)
        if not stages or not (stage in stages or ("更轻" in segment and stage == "Ⅰ")):
            continue
        for match in ORGAN_CANCER.finditer(segment):
            organ = re.split(r"[的为期或]", match.group(1))[-1]
            if len(organ) >= 2 and re.search(organ + r"[\u4e00-\u9fff]{0,6}?癌", question):
                return True
    return False


REQUIREMENT = re.compile(r"(\d+(?:\.\d+)?)\s*(个月|日|天|小时|%|倍)")
REQUIREMENT_WORDS = re.compile(r"持续|至少|满|超过|连续|不少于|以上|后|届满|规律|达到?|≥")
TOLD = {"percent": r"(\d+(?:\.\d+)?)\s*%", "times": r"(\d+(?:\.\d+)?)\s*倍"}


def _requirements(definition: str) -> list[tuple[float, str, str]]:
    """Thresholds a definition sets: (days, percent or times, the kind, the phrase stating it)."""
    found = []
    for sentence in re.split(r"[。；;]", arabic_numerals(definition)):
        for match in REQUIREMENT.finditer(sentence):
            window = sentence[max(0, match.start() - 12) : match.end() + 6]
            if not REQUIREMENT_WORDS.search(window):
                continue
            if re.search(r"(未达到?|不足|低于|小于|不到)$", sentence[: match.start()]):
                continue  # an upper bound (10%或以上，但未达到20%): a figure under it is met
            value, unit = float(match.group(1)), match.group(2)
            kind = {"%": "percent", "倍": "times"}.get(unit, "days")
            days = value / 24 if unit == "小时" else value * 30 if unit == "个月" else value
            phrase = _clause_around(sentence, match.start())
            found.append((days if kind == "days" else value, kind, phrase))
    return found


DENIED = re.compile(
    r"(?:没|没有|未|还没|并没有|不是|暂时不|暂不)(?:做|有|经过|进行|达到|上|用|开)?(?:过)?([\u4e00-\u9fff]{2,8})"
)


def _denied_requirement(definition: str, question: str) -> tuple[str, str] | None:
    """A requirement of the definition the customer says was not met ("没做基因检测")."""
    text = normalize(arabic_numerals(definition))
    for match in DENIED.finditer(question):
        phrase = match.group(1)
        for size in range(min(len(phrase), 6), 1, -1):
            word = phrase[:size]
            position = text.find(word)
            if position < 0:
                continue
            before = text[max(0, position - 10) : position]
            if re.search(r"(未|无|没有|不|非)[^，。；]{0,8}$", before):
                break  # the definition itself asks for its absence (未发生转移)
            if not re.search(r"须|经|已|实施|接受|进行|需|要求", before):
                break  # a property the definition describes (可以经…转移), not a requirement
            return _clause_around(text, position), match.group(0)
    return None


INTERVENTIONAL = re.compile(
    r"经导管|经皮|介入|tavr|tavi|(没|没有|未|不|无需)(开胸|开颅|开腹|切开|开刀)",
    re.IGNORECASE,
)
OPEN_REQUIRED = re.compile(
    r"(实施了?|进行了?|接受了?)[^。；，]{0,6}(切开心脏|开胸|开颅|开腹)[^。；，]{0,16}?(手术|术)"
)
APPROACH_UNMET = "是介入（未切开、经导管或经皮）的手术"
MEASURED_UNMET = "情况"


def interventional(text: str) -> bool:
    """Whether the customer's operation was done without opening (经导管, 介入, 没开胸)."""
    return INTERVENTIONAL.search(text) is not None


def _open_surgery_required(definition: str) -> str | None:
    """The definition's requirement of an open operation (实施了切开心脏进行的…手术), if any."""
    text = normalize(definition)
    found = OPEN_REQUIRED.search(text)
    if found is None or re.search(r"(未|不)$", text[max(0, found.start(2) - 1) : found.start(2)]):
        return None
    return found.group(0)


OWN_PERCENT = re.compile(r"按基本保险金额的(\d+(?:\.\d+)?)%给付")


def own_percent(
    product: ProductKnowledge, found: Disease, benefit: Benefit
) -> tuple[float, str] | None:
    """A share the wording pays for this one disease rather than its category's ("但所确诊的轻度
    疾病为“原位癌”的，按基本保险金额的15%给付"; "本项按基本保险金额的15%给付")."""
    own_article = product.document.article(found.article)
    own_body = own_article.body if own_article is not None else found.definition
    for sentence in sentences(arabic_numerals(strip_markdown(own_body))):
        share = OWN_PERCENT.search(sentence)
        if share and re.search(r"本项|本疾病", sentence):
            return float(share.group(1)), found.article
    article = product.document.article(benefit.article)
    body = arabic_numerals(strip_markdown(article.body)) if article is not None else ""
    for sentence in sentences(body):
        named = sentence.find(found.name)
        share = OWN_PERCENT.search(sentence, named) if named >= 0 else None
        if share is not None and float(share.group(1)) != benefit.percent:
            return float(share.group(1)), benefit.article
    return None


ROMAN_GRADE = {"ⅰ": "1", "ⅱ": "2", "ⅲ": "3", "ⅳ": "4", "iv": "4", "iii": "3", "ii": "2", "i": "1"}
ABBREVIATION = re.compile(r"[（(]([a-z]{2,6}?)\s*(ⅰ|ⅱ|ⅲ|ⅳ|iv|iii|ii|i|[1-4])[）)]")
GRADED = re.compile(r"(?<![a-z])([a-z]{2,6}?)\s*(ⅳ|ⅲ|ⅱ|ⅰ|iv|iii|ii|i|[1-4])(?![a-z\d])")


CERVICAL = re.compile(
    r"宫颈[^，。；,;]{0,10}?上皮内瘤变((?:(?:iii|ii|i|[ⅰⅱⅲ123一二三])级?[、和或及]?)+)"
)
CHINESE_GRADE = {"一": "1", "二": "2", "三": "3"}


def _grades(text: str) -> set[tuple[str, str]]:
    """``(abbreviation, grade)`` told in ``text``: "CIN III", "cin3级" → ("cin", "3"); the
    cervical grades written out ("宫颈上皮内瘤变Ⅰ级、Ⅱ级") are CIN's."""
    plain = normalize(text).lower()
    found = {(m.group(1), ROMAN_GRADE.get(m.group(2), m.group(2))) for m in GRADED.finditer(plain)}
    for written in CERVICAL.finditer(plain):
        for grade in re.findall(r"iii|ii|i|[ⅰⅱⅲ123一二三]", written.group(1)):
            found.add(("cin", ROMAN_GRADE.get(grade, CHINESE_GRADE.get(grade, grade))))
    return found


IN_SITU = re.compile(r"原位[\u4e00-\u9fff]{0,4}?癌")


def in_situ(product: ProductKnowledge, text: str, disease: str | None) -> str | None:
    """A carcinoma in situ told by its histology (原位腺癌, 导管原位癌) is the wording's 原位癌,
    not its 恶性肿瘤."""
    if disease is None or "恶性肿瘤" not in disease or not IN_SITU.search(text):
        return disease
    named = [d.name for d in product.facts.diseases if d.name == "原位癌"]
    return named[0] if named else disease


DEEMED = re.compile(r"视为|符合本(条|项|定义)|属于本(条|项)")


def _graded_kept(found: Disease, question: str) -> list[Reason]:
    """The definition's sentence keeping another grade of the finding the customer told ("CIN Ⅲ
    视为原位癌" when the story's CIN 2 is left out)."""
    told = _grades(question)
    for sentence in sentences(found.definition):
        graded = _grades(sentence)
        named = {a for a, _ in graded} & {a for a, _ in told}
        if named and not graded & told and DEEMED.search(normalize(sentence)):
            return [Reason(f"“{found.name}”的定义包括：“{clip(sentence, 70)}”", found.article)]
    return []


def deemed_disease(product: ProductKnowledge, text: str) -> str | None:
    """The disease a definition deems the customer's finding to be ("子宫颈上皮内瘤变Ⅲ级（CIN Ⅲ）
    视为原位癌" for "病理是CIN3"), when the question names no disease itself."""
    told = _grades(text)
    if not told:
        return None
    for found in product.facts.diseases:
        for sentence in sentences(normalize(found.definition).lower()):
            said = DEEMED.search(sentence)
            deemed = said.start() if said is not None else -1
            if deemed < 0 or re.search(r"(不|不得|不能)$", sentence[:deemed]):
                continue
            for abbreviation in ABBREVIATION.finditer(sentence[:deemed]):
                grade = ROMAN_GRADE.get(abbreviation.group(2), abbreviation.group(2))
                if (abbreviation.group(1), grade) in told:
                    return found.name
    return None


def _clause_around(sentence: str, position: int) -> str:
    """The clause of ``sentence`` holding ``position``, with the one before it when it is short."""
    clauses = re.split(r"(?<=[，,：:])", sentence)
    seen = 0
    for index, clause in enumerate(clauses):
        if seen + len(clause) > position:
            if len(clause) < 12 and index:
                clause = clauses[index - 1] + clause
            return clause.strip("，,：: ")
        seen += len(clause)
    return sentence


def _unmet_threshold(found: Disease, situation: Situation) -> tuple[str, str] | None:
    """A threshold of ``found``'s definition the customer's own figures fall short of
    (透析两个月 < 90日, 肌钙蛋白8倍 < 15倍): the requirement and what the customer told."""
    denied = _denied_requirement(found.definition, situation.text)
    if denied is not None:
        return denied
    open_only = _open_surgery_required(found.definition)
    if open_only is not None and interventional(situation.text):
        return open_only, APPROACH_UNMET
    young = too_young(found.definition, situation.text) or histology_missing(
        found.definition, situation.text
    )
    if young is not None:
        return young
    ago = onset_ago_days(situation.text)
    spans = situation.durations or ((DaySpan(ago, ago),) if ago else ())
    for value, kind, phrase in _requirements(found.definition):
        if kind == "days":
            for span in spans:
                if value * 0.1 <= span.high < value:
                    return phrase, str(span)
            continue
        told = [float(m) for m in re.findall(TOLD[kind], situation.text)]
        if told and all(t < value for t in told) and max(told) >= value * 0.2:
            unit = "%" if kind == "percent" else "倍"
            return phrase, f"{max(told):g}{unit}"
    if meets(found.definition, situation.text) is False:
        return failing_clause(found.definition, situation.text), MEASURED_UNMET
    return None


DEDUCTION = re.compile(r"(扣除|减去|扣减|抵扣)[^。；]{0,16}(已给付|已经给付|已支付|已赔付)")
NO_DEDUCTION = re.compile(
    r"(不扣除|不扣减|不抵扣|不减少|无需扣除)[^。；]{0,20}(已给付|已经给付|已赔付)|(已给付|已经给付)[^。；]{0,30}(不扣除|不扣减|不予扣除|不作扣除|不影响|不从.{0,4}扣除)"
)


GRADE_WORDS = re.compile(r"严重|重度|中度|轻度|较重|较轻|——")


def _open_siblings(
    product: ProductKnowledge, situation: Situation, spent: list[Disease]
) -> list[tuple[Disease, str]]:
    """The same illness at another grade (轻度脑中风后遗症 for 中度脑中风后遗症) in a category whose
    times are not used up, when the case meets that definition."""
    cores = {GRADE_WORDS.sub("", d.name) for d in spent}
    shares = [b.percent for d in spent if (b := benefit_for(product, d.category)) and b.percent]
    top = min(shares) if shares else 0.0
    return [
        (d, "yes")
        for d in product.facts.diseases
        if d not in spent
        and (b := benefit_for(product, d.category)) is not None
        and (b.percent or 0.0) < top  # a lower grade of the same illness only
        and GRADE_WORDS.sub("", d.name) in cores
        and used_up(product, situation, [d.category]) is None
        and benefit_for(product, d.category) is not None
        and _unmet_threshold(d, situation) is None
    ]


def _limit_used(
    product: ProductKnowledge, chosen: list[tuple[Disease, str]], situation: Situation
) -> Verdict | None:
    """The customer has used up a benefit's times already (轻症赔过3次, 最多3次)."""
    return used_up(product, situation, [found.category for found, _ in chosen])


def used_up(
    product: ProductKnowledge, situation: Situation, categories: list[str | None]
) -> Verdict | None:
    """A verdict when one of ``categories`` has been paid as many times as its benefit allows."""
    for key in categories:
        benefit = benefit_for(product, key)
        claimed = situation.earlier_claims.get(key or "")
        if benefit is None or not benefit.times or claimed is None or claimed < benefit.times:
            continue
        category = CATEGORY_NAMES.get(key or "", benefit.name)
        answer = f"不能再赔{category}了：{category}最多赔{benefit.times}次，您已经赔过{claimed}次，次数已经用完。"
        reasons = [Reason(payout(benefit), benefit.article)]
        for other in situation.categories:
            still = benefit_for(product, other)
            claims = situation.earlier_claims.get(other, 0)
            if other == key or still is None or (still.times and claims >= still.times):
                continue
            name = CATEGORY_NAMES.get(other, still.name)
            rule = deduction_rule(product, name) if name in ("重疾", "中症", "轻症") else None
            if rule is not None and rule[2]:
                answer += f"{name}仍可赔，但按条款要扣除此前已给付的部分（第{rule[0]}条）。"
                continue
            answer += f"{name}的保障不受影响：{payout(still, situation.sum_insured)}。"
            reasons.append(Reason(payout(still), still.article))
        return Verdict("disease", "no", answer, tuple(reasons))
    return None


def decide_definition_unmet(
    product: ProductKnowledge, situation: Situation, disease: str | None
) -> Verdict | None:
    """ "开颅切的脑垂体瘤算严重非恶性颅内肿瘤吗": a definition the customer's case does not meet
    decides before what the product would pay for it."""
    verdict = decide_disease(product, situation, disease)
    if verdict is None or verdict.decision != "no":
        return None
    # a medical product still pays the costs: only "is my case X" is refused there
    return verdict if verdict.kind == "definition" or not is_medical(product) else None


def is_severe(product: ProductKnowledge, situation: Situation, disease: str | None) -> bool:
    """Whether the diagnosis told is one of the product's 重大疾病 as far as the words show."""
    if disease is None or not product.facts.diseases:
        return False
    ruling = rule_on_disease(product, disease)
    stage = _stage(situation.text)
    severe = [d for d in ruling.covered_as if d.category == "severe"] + [
        d for d, item in ruling.partly_excluded_from if d.category == "severe"
    ]
    return any(
        not any(_describes(x, disease, situation.text, stage) for x in found.exclusions)
        for found in severe
    )


def decide_used_up(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "轻症已经赔过三次了，还能赔吗" with no disease named: the category's times, used or not."""
    asked = [c for c in situation.categories if c in situation.earlier_claims]
    return used_up(product, situation, list(asked)) if asked else None


def _deduction_note(product: ProductKnowledge, benefit_article: str) -> Reason | None:
    """Whether earlier payouts are deducted from this benefit, as the wording says."""
    article = product.document.article(benefit_article)
    if article is None:
        return None
    for sentence in sentences(strip_markdown(arabic_numerals(article.body))):
        if NO_DEDUCTION.search(sentence):
            return Reason(f"此前已给付的不从中扣除：“{clip(sentence, 70)}”", benefit_article)
        if DEDUCTION.search(sentence):
            return Reason(f"要扣除此前已给付的部分：“{clip(sentence, 70)}”", benefit_article)
    return None


TUMOUR = re.compile(r"癌|瘤|白血病|淋巴|何杰金")
LISTED = re.compile(r"特指下列|仅指下列|限于下列|仅限于下列|是指下列|下列.{0,6}之一")


def _fits_listed_items(found: Disease, question: str, stage: str | None) -> bool | None:
    """For a definition that covers only the items it lists (恶性肿瘤——轻度 特指下列6项之一):
    whether the customer's diagnosis is one of them; ``None`` for an open definition."""
    if not LISTED.search(found.definition):
        return None
    _, items, _ = split_items(found.definition)
    if not items or sum(bool(TUMOUR.search(i)) for i in items) * 2 < len(items):
        return None
    named = [
        re.sub(r"^.*(得了|患了|患上|查出|确诊|诊断为?|是|有|发现)", "", n)
        for n in re.findall(
            r"([\u4e00-\u9fff]{1,10}?)(?:乳头状|滤泡状|浸润性|腺|鳞状?|导管|小细胞)*癌", question
        )
    ]
    named = [n for n in named if n and not re.search(r"症|恶性", n)]
    if not named:
        return None
    for item in items:
        item_n = normalize(item)
        organs = [n[:k] for n in named for k in (3, 2) if len(n) >= k] + [
            n + "癌" for n in named if len(n) == 1
        ]
        if not any(o in item_n for o in organs):
            continue
        item_stages = _stages(item_n)
        if stage is None or not item_stages or stage in item_stages:
            return True
    return False


CONDITION_ASK = re.compile(
    r"算不算|算吗|算是|能不能算|能按|可以按|属于.{0,10}吗|符合|够不够|达到|这样(可以|行)|够吗"
    r"|(这|这个|这样|这种)(情况)?(能|可以)(赔|按)[\u4e00-\u9fff]{2,16}吗"
)
DEFINITION_ASK = re.compile(rf"{CONDITION_ASK.pattern}|算[^，。,？?]{{1,16}}吗")
QUALIFIED_NAME = re.compile(r"^(严重|重症|重型|较重|深度|持续|永久|完全|晚期)")


def _certainty(found: Disease, how: str, term: str, situation: Situation) -> str:
    """``depends`` where the customer's words do not settle the definition's own conditions:
    a name that grades the disease (严重, 重症, 深度) the customer did not use, or a question
    whether the case counts (算不算, 能按…赔吗)."""
    if how != "yes":
        return how
    qualifier = QUALIFIED_NAME.search(found.name)
    if qualifier and qualifier.group(0) not in situation.text:
        return "depends"
    if CONDITION_ASK.search(situation.text) and len(found.definition) > 40:
        return "depends"
    return how


def _mention(definition: str, term: str, stage: str | None) -> str | None:
    """The item of a definition that names ``term``, the one with the customer's stage first."""
    _, items, _ = split_items(definition)
    named = [i for i in items if normalize(term) in normalize(i)]
    staged = [i for i in named if stage is not None and stage in _stages(i)]
    chosen = staged or named
    return chosen[0] if chosen else None


def _by_category(chosen: list[tuple[Disease, str]]) -> list[tuple[Disease, str]]:
    seen: dict[str | None, tuple[Disease, str]] = {}
    for found, how in chosen:
        if found.category not in seen or how == "yes":
            seen[found.category] = (found, how)
    return list(seen.values())


def _unique(reasons: list[Reason]) -> list[Reason]:
    return list(dict.fromkeys(reasons))


SEVERAL_ASKED = re.compile(
    r"(两|几|多)(个|种|项|份|样|次)|都能赔|都赔|一起赔|各(拿|赔|领)|同时|同一(次|天|原因)"
)
SEVERAL_RULE = re.compile(
    r"(同时|同一次|同一原因|两种或两种以上|两项或两项以上|两种以上|两项以上|多种|多项)"
    r"[^。；]{0,40}(仅|只)(按|给付|赔付|选择|以|就)|(仅|只)按其中|择一|其中一项"
)


CHOSEN_AT_PURCHASE = re.compile(r"投保时|保险期间|交费方式|交费期间")  # 两种…选择一种 of a term


def several_at_once(product: ProductKnowledge, situation: Situation) -> list[Reason]:
    """ "两个轻症都能赔吗": what the wording says of conditions diagnosed together or from one
    cause (仅按其中一种给付, 仅给付重大疾病保险金)."""
    if not SEVERAL_ASKED.search(situation.text):
        return []
    found: list[Reason] = []
    for article in product.document.articles:
        body = strip_markdown(article.body)
        for piece in [*split_items(body)[1], *sentences(body)]:
            head = re.sub(r"^[（(][^）)]{1,3}[）)]", "", piece)[:30]
            if (
                SEVERAL_RULE.search(piece)
                and not CHOSEN_AT_PURCHASE.search(piece)
                and not any(head in r.text for r in found)
            ):
                found.append(Reason(f"同时符合几项时：“{clip(piece, 130)}”", article.number))
        if len(found) >= 2:
            break
    return found[:2]


BENIGN_TOLD = re.compile(r"良性|(?:纤维|腺|脂肪|血管|肌|神经鞘)瘤|囊肿|息肉|结节")
MALIGNANT_TOLD = re.compile(r"癌|恶性|白血病|淋巴瘤|肉瘤|黑色素瘤|骨髓瘤|转移")


def cancer_only(product: ProductKnowledge) -> bool:
    """Whether every disease the wording defines is a cancer (a 防癌 product)."""
    diseases = product.facts.diseases
    tumours = [d for d in diseases if TUMOUR.search(d.name)]
    return len(tumours) >= 2 and len(tumours) * 4 >= len(diseases) * 3


def decide_outside_cancer_cover(
    product: ProductKnowledge, situation: Situation, disease: str | None
) -> Verdict | None:
    """ "切了个纤维腺瘤，良性的，能赔吗" under a product that covers only cancers: a benign growth,
    or an illness no definition names, is not covered — the product pays only what it defines."""
    if is_medical(product) or not cancer_only(product):
        return None
    text = situation.text
    own = {normalize(d.name) for d in product.facts.diseases}
    if BENIGN_TOLD.search(text) and not MALIGNANT_TOLD.search(text):
        match = re.search(r"[\u4e00-\u9fff]{0,6}?(?:瘤|囊肿|息肉|结节)", text)
        growth = re.sub(r"^.*[个了出是有的]", "", match.group(0)) if match else ""
        what = f"良性的{growth}" if len(growth) >= 2 else "良性肿瘤"
    elif (
        disease is not None
        and not TUMOUR.search(disease)
        and not MALIGNANT_TOLD.search(text)
        and normalize(disease) not in own
    ):
        what = disease
    else:
        return None
    groups: dict[str, Disease] = {}
    for found in product.facts.diseases:
        groups.setdefault(found.category_label, found)
    names = "、".join(label if TUMOUR.search(label) else d.name for label, d in groups.items())
    reasons = [Reason(f"本产品保障的疾病：{names}", d.article) for d in list(groups.values())[:1]]
    for found in product.facts.diseases:
        benign = next((s for s in sentences(found.definition) if "良性" in s), None)
        if benign is not None and "良性" in what:
            reasons.append(Reason(f"“{found.name}”的定义：“{clip(benign, 70)}”", found.article))
            break
    return Verdict(
        "disease",
        "no",
        f"不能赔：{what}不在本产品的保障范围内。本产品只保条款定义的恶性肿瘤相关疾病"
        f"（{names}），{what}不属于其中。",
        tuple(reasons),
        ("若日后病理确诊为恶性肿瘤，再按条款定义申请。",),
    )


def excluding_item(found: Disease, disease: str, situation: Situation) -> str | None:
    """The exclusion item of ``found``'s definition the story fits, if any."""
    stage = _stage(situation.text)
    return next(
        (x for x in found.exclusions if _describes(x, disease, situation.text, stage)), None
    )
