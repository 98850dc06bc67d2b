"""Premium waivers: whether the premiums still to come are waived, and from when."""

from __future__ import annotations

import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.waived_premiums import waived
from bot.knowledge.explain import clip, money
from bot.knowledge.facts import Benefit, ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.vocabulary import CATEGORY_LABELS

ASKS_WAIVER = re.compile(
    r"豁免|免交|(以后|后面|后续|接下来|剩下)的?(保费|保险费).{0,8}(交|免|怎么办)"
    r"|(保费|保险费).{0,4}(还要|还用|要不要|用不用)(接着|继续|再)?交|还(要|得|用|需要?)(接着|继续)交"
    r"|(以后|后面|后续|剩下)[^，。？?]{0,2}(还要|还得|要)交多少"
)
# The waiver follows an event: a diagnosis, a payout, a death or a disability.
AFTER = re.compile(
    r"确诊|查出|得了|赔了|赔过|赔完|理赔|轻症|中症|重疾|身故|去世|走了|全残|伤残|癌|瘤|病"
    r"|手术|活检|病理|支架|心梗|脑梗|中风"
)
SINGLE_PREMIUM = re.compile(r"一次(性)?交清|趸交|一次性交")
HOLDER = re.compile(r"投保人")
EVENTS = {
    "death": re.compile(r"身故|去世|过世|走了|死亡"),
    "disability": re.compile(r"全残|伤残"),
}


def decide_waiver(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """What the wording's waiver benefit does for the customer's case."""
    if not ASKS_WAIVER.search(situation.text) or not AFTER.search(situation.text):
        return None
    waivers = [b for b in product.facts.benefits if b.is_waiver]
    if not waivers:
        return None
    holder = bool(HOLDER.search(situation.text))
    chosen = [b for b in waivers if bool(HOLDER.search(b.name)) == holder] or waivers
    waiver = _fitting(chosen, situation) or chosen[0]
    said = next((s for s in waiver.sentences if "豁免" in s), waiver.sentences[0])
    reason = Reason(f"条款约定：“{clip(said, 110)}”", waiver.article)
    if SINGLE_PREMIUM.search(situation.text):
        return Verdict(
            "waiver",
            "no",
            "不适用豁免：一次交清的保单没有以后要交的保费，豁免保险费只对分期交费、还在交费期内的保单有意义。",
            (reason,),
        )
    waiting = product.facts.periods.get("waiting")
    since = situation.days_between("effective", "diagnosis")
    if waiting is not None and since is not None and since.before(waiting.amount):
        return Verdict(
            "waiver",
            "no",
            f"不能豁免：确诊在合同生效后第{since}，还在{waiting.label}的等待期内，等待期内发生的不豁免保险费。",
            (reason, Reason(f"等待期为{waiting.label}", waiting.article)),
        )
    event = _event(waiver, situation)
    if event is False:
        return Verdict(
            "waiver",
            "no",
            f"按条款，您说的情况不在{waiver.name}的条件里，后面的保费还要继续交。",
            (reason,),
            ("是否符合豁免条件以理赔审核为准；如条件有疑问，可以转人工确认。",),
        )
    spared = waived(situation)
    count = (
        f"按您说的，还剩{spared.installments}期"
        + (f"、共{money(spared.amount)}" if spared.amount else "")
        + "不用再交。"
        if spared is not None
        else ""
    )
    return Verdict(
        "waiver",
        "yes",
        f"符合条件的可以豁免：按{waiver.name}，确诊（或发生约定情形）后的首个交费日起，"
        f"以后各期保费不用再交，视为已交，合同继续有效。{count}",
        (reason,),
        ("须在等待期后发生、且不属于责任免除，以理赔审核为准。",),
    )


def _fitting(waivers: list[Benefit], situation: Situation) -> Benefit | None:
    """The waiver whose conditions name the customer's event or category."""
    for waiver in waivers:
        text = "".join(waiver.sentences)
        if any(
            pattern.search(situation.text) and pattern.search(text) for pattern in EVENTS.values()
        ):
            return waiver
        for category in situation.categories:
            if any(label in text or label in waiver.name for label in CATEGORY_LABELS[category]):
                return waiver
    return None


def _event(waiver: Benefit, situation: Situation) -> bool | None:
    """Whether the customer's event is among the waiver's conditions (``None``: not told)."""
    text = "".join(waiver.sentences) + waiver.name
    told = [name for name, pattern in EVENTS.items() if pattern.search(situation.text)]
    told += [c for c in situation.categories]
    if not told:
        return None
    for name in told:
        if name in EVENTS and EVENTS[name].search(text):
            return True
        if name in CATEGORY_LABELS and any(label in text for label in CATEGORY_LABELS[name]):
            return True
    return False
