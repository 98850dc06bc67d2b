"""Treatment in the outpatient clinic that a medical wording pays like a stay (特殊门诊: 门诊化疗、
放疗、靶向、内分泌治疗, 肾透析, 抗排异): whether the story's diagnosis is the cancer the item means
(an in-situ cancer the wording leaves out; a cytology finding where it requires histology), the
benefit paying it with that benefit's deductible, ratio and limit, and the ordinary outpatient
benefit for what it leaves out."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.document import ClauseArticle
from bot.knowledge.explain import clip, money
from bot.knowledge.facts import Benefit, MedicalTerm, ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.text import arabic_numerals

# the story's treatment → the wording's words for it
TREATMENTS: dict[str, tuple[str, str]] = {
    "化疗": (r"化疗|化学治疗|化学疗法", r"化学疗法|化疗|化学治疗"),
    "放疗": (r"放疗|放射治疗|放射疗法", r"放射疗法|放疗|放射治疗"),
    "靶向治疗": (r"靶向", r"靶向"),
    "免疫治疗": (r"免疫治疗|免疫疗法", r"免疫疗法|免疫治疗"),
    "内分泌治疗": (r"内分泌治疗|内分泌疗法|吃.{0,4}内分泌", r"内分泌疗法|内分泌治疗"),
    "肾透析": (r"透析", r"透析"),
    "抗排异治疗": (r"抗排异|抗排斥", r"抗排异|抗排斥"),
}
CANCER_TREATMENTS = ("化疗", "放疗", "靶向治疗", "免疫治疗", "内分泌治疗")
CANCER_TOLD = re.compile(r"癌|恶性|肉瘤|白血病|淋巴瘤|骨髓瘤")
IN_SITU_TOLD = re.compile(r"原位癌|原位[\u4e00-\u9fff]{0,4}?癌|上皮内瘤变|CIN|癌前病变")
CYTOLOGY_TOLD = re.compile(
    r"细胞学|细针穿刺|可疑恶性|脱落细胞|肿瘤标志物|(胸水|腹水)[^，。,]{0,6}(癌细胞|肿瘤细胞)"
)
HISTOLOGY_TOLD = re.compile(r"组织病理|病理确诊|活检确诊|术后病理|病理报告|病理结果")
OUTPATIENT_TOLD = re.compile(r"门诊")
STAY_TOLD = re.compile(r"住院|入院")
LEFT_OUT = re.compile(r"不属于|不在|不予|除外|不包括|不承担")
REFERENCE = re.compile(r"见\s*(\d+(?:\.\d+)+)")
PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")
ZERO_DEDUCTIBLE = re.compile(r"零免赔|免赔额为(零|0)|不设免赔|无免赔|不扣除?免赔|0\s*免赔")
TREATMENT_ASKED = re.compile(r"化疗|放疗|靶向|免疫治疗|内分泌|透析|抗排异|抗排斥|特殊门诊")


@dataclass(frozen=True)
class OutpatientItem:
    """The wording's special-outpatient provision: its sentence, article and paying benefit."""

    sentence: str
    article: str
    benefit: Benefit | None
    texts: tuple[tuple[str, str], ...]  # (sentence, article) of it and the articles it refers to


def _articles_of(product: ProductKnowledge) -> list[ClauseArticle]:
    return [a for a in product.document.articles if not re.search(r"材料|申请|释义", a.title)]


def outpatient_item(product: ProductKnowledge, treatment: str) -> OutpatientItem | None:
    """The sentence paying ``treatment`` in the outpatient clinic, under a benefit."""
    words = TREATMENTS[treatment][1]
    for article in _articles_of(product):
        for sentence in plain_sentences(article.body):
            if "门诊" not in sentence + article.title or not re.search(words, sentence):
                continue
            if treatment in CANCER_TREATMENTS and "恶性肿瘤" not in sentence + article.title:
                continue
            if LEFT_OUT.search(sentence) and "特殊门诊" not in sentence:
                continue
            benefit = _benefit_of(product, article.number)
            texts = [(s, article.number) for s in plain_sentences(article.body)]
            for number in dict.fromkeys(REFERENCE.findall(sentence)):
                referred = product.document.article(number)
                if referred is not None:
                    texts += [(s, number) for s in plain_sentences(referred.body)]
            return OutpatientItem(sentence, article.number, benefit, tuple(texts))
    return None


def _benefit_of(product: ProductKnowledge, number: str) -> Benefit | None:
    found = [
        b
        for b in product.facts.benefits
        if number == b.article or number.startswith(b.article + ".")
    ]
    return max(found, key=lambda b: len(b.article)) if found else None


def _in_situ_left_out(product: ProductKnowledge, item: OutpatientItem) -> tuple[str, str] | None:
    """The sentence leaving in-situ cancers out of the item (its own article, what it refers to,
    or a sentence anywhere naming 原位癌 with 特殊门诊)."""
    for sentence, number in item.texts:
        if "原位癌" in sentence and LEFT_OUT.search(sentence):
            return sentence, number
    for article in _articles_of(product):
        for sentence in plain_sentences(article.body):
            if "原位癌" in sentence and "特殊门诊" in sentence and LEFT_OUT.search(sentence):
                return sentence, article.number
    return None


def _histology_required(product: ProductKnowledge, item: OutpatientItem) -> tuple[str, str] | None:
    """The sentence requiring histology for the item's cancer, when the wording also says a
    cytology finding is not histology."""
    required = next(((s, a) for s, a in item.texts if "组织病理" in s), None)
    if required is None:
        return None
    for article in product.document.articles:
        for sentence in plain_sentences(article.body):
            if re.search(r"细胞(病理)?学?检查", sentence) and "不属于" in sentence:
                return required
    return None


def _terms(product: ProductKnowledge, benefit: Benefit | None, kind: str) -> list[MedicalTerm]:
    if benefit is None:
        return []
    return [
        t
        for t in product.facts.medical
        if t.kind == kind and t.benefit == benefit.name and t.amount is not None
    ]


def _told_treatment(text: str) -> str | None:
    return next((t for t, (told, _) in TREATMENTS.items() if re.search(told, text)), None)


def decide_special_outpatient(
    product: ProductKnowledge, situation: Situation, asked_severe: bool = True
) -> Verdict | None:
    """ "门诊做内分泌治疗能按特殊门诊报吗": the item, and whether the story's diagnosis is in it.

    Asked whether it is a 重疾 on a wording with a benefit for 重大疾病 (``asked_severe``), the
    disease deciders answer first and add this to a refusal (:mod:`severe_route`)."""
    text = situation.text
    if (
        asked_severe
        and re.search(r"重疾|重大疾病", text)
        and any(re.search(r"重大疾病|重疾", b.name) for b in product.facts.benefits)
    ):
        return None
    if (
        product.document.product_type != "medical"
        or not OUTPATIENT_TOLD.search(text)
        or STAY_TOLD.search(text)
    ):
        return None
    treatment = _told_treatment(text)
    cancer = CANCER_TOLD.search(text) is not None or IN_SITU_TOLD.search(text) is not None
    if treatment is None and cancer and "特殊门诊" in text:
        treatment = "化疗"  # "原位癌门诊复查算特殊门诊吗": the item for cancers
    if treatment in ("化疗", "放疗", "靶向治疗"):
        cancer = True  # treatments of cancer only
    if treatment is None or (treatment in CANCER_TREATMENTS and not cancer):
        return None
    item = outpatient_item(product, treatment)
    if item is None:
        return None
    own = "".join(s for s, a in item.texts if a == item.article)
    if treatment in CANCER_TREATMENTS and "重度" in own and "轻度" not in own:
        return None  # only a cancer of the severe definition: the disease deciders say which
    lead = Reason(f"条款约定：“{clip(item.sentence, 90)}”", item.article)
    if treatment in CANCER_TREATMENTS and IN_SITU_TOLD.search(text):
        left_out = _in_situ_left_out(product, item)
        if left_out is None:
            return None
        return _ordinary_instead(product, lead, left_out)
    if treatment in CANCER_TREATMENTS and CYTOLOGY_TOLD.search(text):
        required = _histology_required(product, item)
        confirmed = "确诊" in text and not re.search(r"细胞学|细针", text)
        if required is not None and not HISTOLOGY_TOLD.search(text) and not confirmed:
            return Verdict(
                "medical",
                "depends",
                "现在还不能按特殊门诊的恶性肿瘤报：条款要求恶性肿瘤经组织病理学检查确诊，"
                "细胞学检查不属于组织病理学检查；经组织病理学检查确诊后可以申请。",
                (Reason(f"条款约定：“{clip(required[0], 90)}”", required[1]), lead),
                ("是否确诊以病理报告和理赔审核为准。",),
            )
    return _paid_as_item(product, situation, item, treatment, lead)


def _paid_as_item(
    product: ProductKnowledge,
    situation: Situation,
    item: OutpatientItem,
    treatment: str,
    lead: Reason,
) -> Verdict:
    benefit = item.benefit
    name = benefit.name if benefit is not None else "特殊门诊医疗费用"
    parts = [f"能报：门诊{treatment}的费用按特殊门诊报销，由{name}给付"]
    reasons = [lead]
    own_text = [arabic_numerals(s) for s, a in item.texts if a == item.article]
    ratio_said = next((s for s in own_text if "比例" in s and PERCENT.search(s)), None)
    ratio = float(PERCENT.findall(ratio_said)[0]) if ratio_said else None
    zero = any(ZERO_DEDUCTIBLE.search(s) for s in own_text)
    deductibles = [t for t in _terms(product, benefit, "deductible") if t.amount]
    deductible = 0.0 if zero else (deductibles[0].amount or 0) if deductibles else None
    if deductible:
        parts.append(f"须先扣除免赔额{money(deductible)}")
        reasons.append(
            Reason(f"条款约定：“{clip(deductibles[0].sentence, 70)}”", deductibles[0].article)
        )
    elif deductible == 0 or _terms(product, benefit, "deductible"):
        parts.append("不扣免赔额")
        deductible = 0.0
    if ratio is None:
        ratios = sorted({t.amount for t in _terms(product, benefit, "reimbursement") if t.amount})
        ratio = ratios[0] if len(ratios) == 1 else None
    if ratio is not None:
        parts.append(f"赔付比例{ratio:g}%")
        if ratio_said is not None:
            reasons.append(Reason(f"条款约定：“{clip(ratio_said, 70)}”", item.article))
    limits = _terms(product, benefit, "annual_limit")
    if (
        limits
        and benefit is not None
        and TREATMENT_ASKED.search(benefit.name + item.sentence)
        and len({t.amount for t in limits}) == 1
    ):
        parts.append(f"年度限额{money(limits[0].amount or 0)}")
        reasons.append(Reason(f"条款约定：“{clip(limits[0].sentence, 60)}”", limits[0].article))
    answer = "，".join(parts) + "。"
    paid = None
    if situation.expenses and ratio is not None and deductible == 0:
        others = situation.reimbursed or 0
        paid = max(situation.expenses - others, 0) * ratio / 100
        less = f" − 已报销{money(others)}" if others else ""
        answer += (
            f"这次大约可赔{money(paid)}：（{money(situation.expenses)}{less}）× {ratio:g}% = "
            f"{money(paid)}。"
        )
    return Verdict(
        "medical",
        "yes",
        answer,
        tuple(reasons),
        ("须在条款约定的医院治疗，费用合理且必要，以理赔审核为准。",),
        paid=paid,
    )


def _ordinary_instead(
    product: ProductKnowledge, lead: Reason, left_out: tuple[str, str]
) -> Verdict:
    """An in-situ cancer's outpatient costs: not the item; the ordinary outpatient benefit's
    ratio and per-visit cap when the wording has one."""
    reasons = [Reason(f"条款约定：“{clip(left_out[0], 90)}”", left_out[1]), lead]
    ordinary = next(
        (
            b
            for b in product.facts.benefits
            if re.search(r"门急诊|门诊", b.name)
            and not re.search(r"特殊|住院|意外|手术|特定|恶性|原位", b.name)
        ),
        None,
    )
    answer = "原位癌不属于特殊门诊所说的恶性肿瘤，门诊治疗费用不能按特殊门诊报销"
    if ordinary is None:
        return Verdict("medical", "no", answer + "。", tuple(reasons))
    ratios = sorted({t.amount for t in _terms(product, ordinary, "reimbursement") if t.amount})
    caps = {t.amount for t in _terms(product, ordinary, "per_visit_limit")}
    said = [f"可以按{ordinary.name}报销"]
    if ratios:
        said.append(f"赔付比例{ratios[-1]:g}%")
        lower = [r for r in ratios[:-1]]
        if lower:
            said[-1] += f"（条款约定的情形下为{'、'.join(f'{r:g}%' for r in lower)}）"
    if len(caps) == 1:
        cap = next(iter(caps)) or 0
        said.append(f"每次以{money(cap)}为限")
    ratio_term = next(iter(_terms(product, ordinary, "reimbursement")), None)
    if ratio_term is not None:
        reasons.append(Reason(f"条款约定：“{clip(ratio_term.sentence, 70)}”", ratio_term.article))
    return Verdict(
        "medical",
        "depends",
        f"{answer}；{'，'.join(said)}。",
        tuple(reasons),
        ("以理赔审核为准。",),
    )
