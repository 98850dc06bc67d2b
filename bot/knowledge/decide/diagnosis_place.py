"""A diagnosis made outside the hospitals the wording defines ("在香港私家医院确诊的"): the
wording's 医院 is 中华人民共和国境内（不含港澳台）二级以上…, so such a diagnosis counts once one of
those hospitals confirms it (复核), as the wording says.
"""

from __future__ import annotations

import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences, wording_sentences
from bot.knowledge.explain import clip, is_medical
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation

ABROAD = re.compile(r"香港|澳门|台湾|港澳台|国外|境外|海外|美国|日本|新加坡|泰国|韩国|英国|德国")
DIAGNOSED = re.compile(r"医院|确诊|诊断|病理|查出|报告|体检")
DOMESTIC = re.compile(r"境内|大陆|内地")
RECHECK = re.compile(r"(境外|港澳台|国外)[^。]{0,40}(复核|确认|认可)")


def decide_diagnosed_abroad(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "在香港医院确诊的癌症认不认": the wording's own hospital and what it says of a diagnosis
    made elsewhere."""
    text = situation.text
    place = ABROAD.search(text)
    if place is None or not DIAGNOSED.search(text) or is_medical(product):
        return None
    hospital = next(
        (
            (a.number, s)
            for a in product.document.articles
            if re.fullmatch(r"(医院|指定医院|认可的医院)", a.title.strip())
            for s in plain_sentences(a.body)
            if DOMESTIC.search(s)
        ),
        None,
    )
    if hospital is None:
        return None
    reasons = [Reason(f"条款所称医院：“{clip(hospital[1], 80)}”", hospital[0])]
    recheck = next(
        ((n, s) for n, s in wording_sentences(product) if RECHECK.search(s)),
        None,
    )
    where = place.group(0)
    scope = clip(re.sub(r"^(医院[，,]?)?(是)?指", "", hospital[1]), 45)
    answer = f"不能直接按{where}医院的诊断理赔：条款所称医院是{scope}；"
    if recheck is not None:
        reasons.append(Reason(f"条款约定：“{clip(recheck[1], 90)}”", recheck[0]))
        answer += (
            "按条款，境外（含港澳台）的诊断须经条款所称医院的专科医生复核确认后，才能按条款申请。"
        )
    else:
        answer += "须由这样的医院的专科医生确诊后才能按条款申请。"
    return Verdict(
        "diagnosis_place",
        "depends",
        answer,
        tuple(reasons),
        ("具体以理赔审核为准；可以先咨询客服需要准备哪些原始病理资料。",),
    )
