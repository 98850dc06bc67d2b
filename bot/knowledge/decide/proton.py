"""Proton and heavy-ion therapy (质子重离子) on a medical wording with a benefit for it: the
disease that benefit requires (恶性肿瘤——重度), a diagnosis its definition leaves out or the
benefit itself excludes (轻度, 原位癌), and what pays the rest of the stay."""

from __future__ import annotations

import dataclasses
import re

from bot.knowledge.decide.diseases import excluding_item
from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.explain import clip
from bot.knowledge.facts import Benefit, Disease, ProductKnowledge
from bot.knowledge.situation import Situation

PROTON_TOLD = re.compile(r"质子|重离子")
PROTON_BENEFIT = re.compile(r"质子|重离子")
IN_SITU_TOLD = re.compile(r"原位癌|原位[\u4e00-\u9fff]{0,4}?癌")
REST_TOLD = re.compile(r"住院|床位|检查|药费|药品")
SEVERE_BENEFIT = re.compile(r"重大疾病|重疾")


def _benefit(product: ProductKnowledge) -> Benefit | None:
    return next((b for b in product.facts.benefits if PROTON_BENEFIT.search(b.name)), None)


def _lines(product: ProductKnowledge, benefit: Benefit) -> list[str]:
    return [
        s
        for a in product.document.articles
        if a.number == benefit.article or a.number.startswith(benefit.article + ".")
        for s in plain_sentences(a.body)
    ]


def _required(product: ProductKnowledge, lines: list[str]) -> Disease | None:
    """The defined disease the benefit's own sentences name (恶性肿瘤——重度)."""
    text = "".join(lines)
    named = [d for d in product.facts.diseases if d.name in text]
    return max(named, key=lambda d: len(d.name)) if named else None


TNM = re.compile(r"T[0-4a-z]*N[0-3a-z]*M[01a-z]*", re.IGNORECASE)
ORGAN = re.compile(r"([\u4e00-\u9fff]{2,4}?)癌")


def _left_out_by_benefit(
    product: ProductKnowledge, lines: list[str], text: str
) -> tuple[Disease, str, str] | None:
    """A defined disease the benefit says it does not cover (恶性肿瘤——轻度…不适用本项), whose
    definition names the story's cancer with its TNM stage (T1N0M0期的前列腺癌)."""
    stages = {m.upper() for m in TNM.findall(text)}
    organs = {m.group(1)[-3:] for m in ORGAN.finditer(text)}
    if not stages or not organs:
        return None
    for said in lines:
        if not re.search(r"不适用|不属于本项|除外", said):
            continue
        for found in product.facts.diseases:
            if found.name not in said:
                continue
            for segment in re.split(r"[；;。]", found.definition):
                upper = segment.upper()
                if any(st in upper for st in stages) and any(o in segment for o in organs):
                    return found, segment.strip(), said
    return None


def decide_proton(
    product: ProductKnowledge, situation: Situation, disease: str | None
) -> Verdict | None:
    """ "前列腺癌T1N0M0，医生建议做质子治疗，能报吗"."""
    text = situation.text
    if not PROTON_TOLD.search(text) or situation.expenses or situation.paid_before:
        return None  # with costs or payouts told, the medical and limit deciders work it out
    if not re.search(r"癌|瘤|白血病", text) or re.search(r"还剩|额度|剩多少|赔了|赔过", text):
        return None
    benefit = _benefit(product)
    if benefit is None:
        return None
    lines = _lines(product, benefit)
    required = _required(product, lines)
    lead = Reason(f"条款约定：“{clip(lines[0], 90)}”", benefit.article) if lines else None
    reasons = [lead] if lead else []
    if IN_SITU_TOLD.search(situation.text):
        said = next(
            (s for s in lines if "原位癌" in s and re.search(r"不适用|不属于|除外", s)), None
        )
        if said is None:
            return None
        return Verdict(
            "medical",
            "no",
            f"不能：原位癌不在{benefit.name}的保障范围内。",
            (*reasons, Reason(f"条款约定：“{clip(said, 90)}”", benefit.article)),
        )
    if required is None:
        return None
    item = excluding_item(required, disease, situation) if disease else None
    left_out = _left_out_by_benefit(product, lines, situation.text)
    if item is None and left_out is not None:
        found, segment, said = left_out
        return Verdict(
            "medical",
            "no",
            f"不能按{benefit.name}报：您说的情况属于“{found.name}”（定义包括“{clip(segment, 40)}”），"
            f"而条款写明“{clip(said, 40)}”。",
            (
                *reasons,
                Reason(f"条款约定：“{clip(said, 90)}”", benefit.article),
                Reason(f"“{found.name}”的定义包括：“{clip(segment, 60)}”", found.article),
            ),
            ("其他治疗费用按条款其他保险责任的约定处理。",),
        )
    if item is not None:
        return Verdict(
            "medical",
            "no",
            f"不能按{benefit.name}报：它只保“{required.name}”，而该定义明确排除了"
            f"“{clip(item, 40)}”，您说的情况正属于被排除的。",
            (
                *reasons,
                Reason(f"“{required.name}”的定义排除了“{clip(item, 50)}”", required.article),
            ),
            ("其他治疗费用按条款其他保险责任的约定处理。",),
        )
    return Verdict(
        "medical",
        "depends",
        f"可以申请{benefit.name}：前提是确诊符合“{required.name}”的定义，并在条款约定的"
        "质子重离子医疗机构治疗。",
        tuple(reasons),
        ("是否符合定义以病理报告、分期和理赔审核为准。",),
    )


def with_rest_of_stay(product: ProductKnowledge, situation: Situation, verdict: Verdict) -> Verdict:
    """A sum for the therapy, with the stay's other costs named (床位、检查、药费): the benefit for
    重大疾病 pays those."""
    if verdict.kind != "medical" or not PROTON_TOLD.search(situation.text):
        return verdict
    rest = REST_TOLD.search(PROTON_TOLD.sub("", situation.text))
    severe = next(
        (b for b in product.facts.benefits if SEVERE_BENEFIT.search(b.name) and "医疗" in b.name),
        None,
    )
    if rest is None or severe is None or _benefit(product) is None:
        return verdict
    return dataclasses.replace(
        verdict,
        answer=f"{verdict.answer.rstrip('。')}（质子重离子治疗费用）；住院的床位、检查、药品等其他"
        f"费用按{severe.name}报销。",
        reasons=(*verdict.reasons, Reason(f"{severe.name}的保险责任", severe.article)),
    )
