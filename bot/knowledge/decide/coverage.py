"""What a product pays at all: a fixed sum on a covered event, not a refund of what was spent."""

from __future__ import annotations

import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.explain import clip
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.text import normalize

FIXED_SUM_TYPES = {
    "critical_illness": "重大疾病保险",
    "term_life": "定期寿险",
    "whole_life": "终身寿险",
    "annuity": "年金保险",
}
DIAGNOSED = re.compile(r"确诊|查出|诊断|癌|白血病|肿瘤")
REIMBURSE = re.compile(r"报销|(能|可以|可不可以|能不能|给)报|报(吗|不报|得了)|报多少")


def decide_expense_refund(
    product: ProductKnowledge, situation: Situation, disease: str | None
) -> Verdict | None:
    """ "割双眼皮花了一万能报销吗" asked of a critical illness product: it refunds no expenses; it
    pays its sums only on the events its benefits name."""
    kind = FIXED_SUM_TYPES.get(product.document.product_type)
    facts = product.facts
    if kind is None or facts.medical or not facts.benefits:
        return None
    if not REIMBURSE.search(situation.text) or _covered(product, disease):
        return None
    if DIAGNOSED.search(situation.text):
        return None  # a diagnosis told is a claim on the benefits, whatever word it uses
    names = "、".join(dict.fromkeys(b.name for b in facts.benefits))
    return Verdict(
        "coverage",
        "no",
        f"不能报销：本产品是{kind}，不按花费报销医疗费用，只在发生条款约定的保险事故时"
        "按保额给付；您说的情况不是条款约定的疾病或事故。",
        (Reason(f"本产品的保险责任只有：{names}", facts.benefits[0].article),),
        conditions=("如果后来确诊了条款约定的疾病，可以按那一项申请；医疗费用可以看看医疗险。",),
    )


def _covered(product: ProductKnowledge, disease: str | None) -> bool:
    """Whether the question names one of the product's defined diseases."""
    if disease is None:
        return False
    key = normalize(disease)
    return any(key in normalize(d.name) or normalize(d.name) in key for d in product.facts.diseases)


LUMP_SUM = re.compile(
    r"一次性[^。？?，,]{0,4}(给|赔|付|打)|(给|赔|先|拿)[^。？?，,]{0,6}一笔钱|不看发票|不要发票"
    r"|不用发票|确诊就(给|赔)|直接给钱"
)
INDEMNITY = re.compile(r"补偿原则|实际(发生|支出|自行负担)|以[^。]{0,10}实际[^。]{0,6}为限")


def decide_lump_sum(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "确诊后能不能先一次性给一笔钱，不看发票的" asked of a medical product: it refunds what
    was spent, as its own indemnity sentence says; it pays no sum on a diagnosis."""
    if product.document.product_type != "medical" or not LUMP_SUM.search(situation.text):
        return None
    if any(b.percent for b in product.facts.benefits):
        return None  # a benefit paying a share of a sum insured: not only refunds
    found = [
        (sentence, article.number)
        for article in product.document.articles
        for sentence in plain_sentences(f"{article.title}。{article.body}")
        if INDEMNITY.search(sentence)
    ]
    if not found:
        return None
    said = min(found, key=lambda pair: "补偿" not in pair[0])
    return Verdict(
        "coverage",
        "no",
        "不能：本产品是费用补偿型医疗保险，按实际发生的、合理且必要的医疗费用凭发票等材料报销，"
        "不是确诊后一次性给付一笔钱。",
        (Reason(f"条款约定：“{clip(said[0], 90)}”", said[1]),),
        conditions=("确诊后一次性给付的是重大疾病保险这类产品；本产品的费用报销可按条款申请。",),
    )


SEVERAL_TOLD = re.compile(r"各(买|投|保)了?一份|同一款|同样的|一样的|重复(买|投保)|买了两次")
SEVERAL_RULE = re.compile(r"(两|二|2)份(或(两|二|2)份)?以上|多份")


def decide_several_policies(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "两个渠道各买了一份，能两份都赔吗": the wording's rule for several policies of it."""
    if not SEVERAL_TOLD.search(situation.text) or not re.search(r"赔|报", situation.text):
        return None
    for article in product.document.articles:
        for sentence in plain_sentences(article.body):
            if not SEVERAL_RULE.search(sentence) or not re.search(r"一份|其中", sentence):
                continue
            refund = re.search(r"退还[^。；]{0,20}保险费", sentence)
            return Verdict(
                "coverage",
                "no",
                "不能两份都赔：条款约定同时投保多份本产品的，只按其中一份承担责任"
                + ("，其余各份无息退还已交保险费。" if refund else "。"),
                (Reason(f"条款约定：“{clip(sentence, 90)}”", article.number),),
            )
    return None
