"""Who receives an illness benefit: "重疾的钱能打给我老婆吗" when the wording says the illness
benefits' beneficiary is the insured (重大疾病保险金…的受益人为被保险人本人)."""

from __future__ import annotations

import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import wording_sentences
from bot.knowledge.explain import clip
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation

ASKS_RECEIVER = re.compile(r"受益人|打给|给谁|指定给|钱给|写(我|她|他)")
ILLNESS_MONEY = re.compile(r"重疾|重大疾病|轻症|中症|疾病保险金|确诊")
DEATH_ASKED = re.compile(r"身故|去世|死亡|走了")
INSURED_RECEIVES = re.compile(
    r"(疾病|重疾)[^。；]{0,30}受益人(为|是)被保险人本人|被保险人本人为[^。；]{0,30}(疾病|重疾)[^。；]{0,10}受益人"
)


def decide_living_beneficiary(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "重疾的钱受益人能写我老婆吗": the illness benefits go to the insured, as the wording says."""
    text = situation.text
    if not ASKS_RECEIVER.search(text) or not ILLNESS_MONEY.search(text) or DEATH_ASKED.search(text):
        return None
    said = next(
        ((n, s) for n, s in wording_sentences(product) if INSURED_RECEIVES.search(s)),
        None,
    )
    if said is None:
        return None
    return Verdict(
        "beneficiary",
        "no",
        "不能指定给别人：按条款，重疾等疾病保险金的受益人是被保险人本人，钱付给被保险人自己；"
        "可以指定他人的是身故保险金的受益人。",
        (Reason(f"条款约定：“{clip(said[1], 70)}”", said[0]),),
        ("被保险人本人领取后如何使用由本人决定；无法亲自办理的，可以委托他人代办。",),
    )
