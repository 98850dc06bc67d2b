"""A cancer the wording requires to be confirmed by histology (组织病理学检查): a finding told from
cells only (细针穿刺细胞学, 胸水里查到癌细胞) does not confirm it yet; a bone-marrow biopsy does
where the wording counts it ("含骨髓病理学检查")."""

from __future__ import annotations

import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.explain import clip
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation

CANCER_TOLD = re.compile(r"癌|恶性|肉瘤|白血病|淋巴瘤|骨髓瘤")
CELLS_TOLD = re.compile(
    r"细胞学|细针|脱落细胞|肿瘤标志物|(胸水|腹水|胸腔积液|腹腔积液)[^，。,]{0,6}(癌细胞|肿瘤细胞)"
)
NOT_DONE = re.compile(r"(没|未|还没|尚未|没有)(做|有)?[^，。,]{0,6}(活检|病理|手术)")
TISSUE_TOLD = re.compile(
    r"组织病理|病理确诊|活检确诊|术后病理|病理报告|病理结果|病理出来|病理是|病理诊断|活检"
)
MARROW_TOLD = re.compile(r"骨穿|骨髓(穿刺|活检|病理)")
ASKS_HISTOLOGY = re.compile(r"组织病理|病理学检查|算.{0,6}病理")


def _required(product: ProductKnowledge) -> tuple[str, str] | None:
    """A cancer definition's sentence requiring histology."""
    defined = [(d.definition, d.article, d.name) for d in product.facts.diseases]
    defined += [(t.definition, t.article, t.name) for t in product.facts.terms]
    for text, article, name in defined:
        if "恶性肿瘤" not in name and "癌" not in name:
            continue
        for sentence in plain_sentences(text):
            if "组织病理学检查" in sentence:
                return sentence, article
    return None


def _histology_term(product: ProductKnowledge) -> tuple[str, str] | None:
    """The definition of 组织病理学检查 (or a sentence anywhere) saying cells are not it."""
    for term in product.facts.terms:
        if "组织病理" in term.name:
            for sentence in plain_sentences(term.definition):
                if "细胞" in sentence and re.search(r"不属于|不包括|不视为", sentence):
                    return sentence, term.article
    return None


def decide_histology(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "细针穿刺细胞学说是乳头状癌，能先理赔吗", "骨髓活检算组织病理学检查吗"."""
    text = situation.text
    if not CANCER_TOLD.search(text):
        return None
    required = _required(product)
    if required is None:
        return None
    untold = NOT_DONE.sub("", text)
    tissue = TISSUE_TOLD.search(untold) is not None or (
        "确诊" in untold and not re.search(r"细胞学|细针", text)
    )
    if MARROW_TOLD.search(text) and ASKS_HISTOLOGY.search(text):
        if "骨髓" not in required[0]:
            return None
        return Verdict(
            "histology",
            "yes",
            "算：条款写明恶性肿瘤须经组织病理学检查确诊，其中包括骨髓病理学检查；骨髓活检确诊的"
            "可以作为确诊依据。",
            (Reason(f"条款约定：“{clip(required[0], 90)}”", required[1]),),
            ("须符合定义的其他条件，以理赔审核为准。",),
        )
    if not CELLS_TOLD.search(text) or tissue:
        return None
    cells = _histology_term(product)
    if cells is None:
        return None
    return Verdict(
        "histology",
        "depends",
        "现在还不能按恶性肿瘤确诊理赔：条款要求经组织病理学检查确诊，细胞学检查（细针穿刺、"
        "胸水或脱落细胞找到癌细胞）不属于组织病理学检查；经手术或穿刺活检取组织做病理确诊后"
        "再申请。",
        (
            Reason(f"条款约定：“{clip(required[0], 90)}”", required[1]),
            Reason(f"条款约定：“{clip(cells[0], 90)}”", cells[1]),
        ),
        ("是否确诊以组织病理学检查报告和理赔审核为准。",),
    )
