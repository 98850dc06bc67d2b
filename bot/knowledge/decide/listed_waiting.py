"""Whether the illness told is one of the diseases with a longer waiting period (特定疾病), asked
without dates ("阑尾炎是特定疾病吗，要等90天吗"), and what to say when it is not."""

from __future__ import annotations

import re

from bot.knowledge.decide.timing import waiting_name
from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.explain import clip
from bot.knowledge.facts import Period, ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.waiting_lists import REFERENCE, matching_item

# an illness named by its kind of name (阑尾炎, 胃溃疡, 甲状腺癌): without one, a story cannot be
# said to name an unlisted disease (隔板歪了 may be the listed 鼻中隔偏曲)
ILLNESS_NAME = re.compile(
    r"[\u4e00-\u9fff]{1,6}(?:炎|症|病|癌|瘤|结石|结节|囊肿|息肉|疝|溃疡|出血|梗死|梗塞|中风)"
)
WAITING_WORDS = r"等待期|观察期|免责期|等多久|等几天|多久才能"


def _asked(period: Period, text: str) -> bool:
    days = f"{period.amount:g}"
    return bool(re.search(rf"特定疾病|特殊疾病|{days}\s*[天日]|{WAITING_WORDS}", text))


def _list_article(period: Period) -> str:
    reference = REFERENCE.search(period.sentence)
    return reference.group(1) if reference else period.article


def unlisted_reason(product: ProductKnowledge, situation: Situation) -> Reason | None:
    """Why the illness told does not take the listed diseases' longer waiting period: an item's
    carve-out it meets, or no item naming it — said only when the question asks about them."""
    listed = product.facts.periods.get("waiting_listed")
    if listed is None or situation.cause == "accident":
        return None
    if not re.search(rf"特定疾病|特殊疾病|{listed.amount:g}\s*[天日]", situation.text):
        return None
    item, carve = matching_item(product.document, listed, situation.text)
    if item is not None:
        return None
    if carve is not None:
        return Reason(f"不属于特定疾病：条款写明“{clip(carve[0], 60)}”", carve[1])
    if ILLNESS_NAME.search(situation.text):
        return Reason(
            f"您说的疾病不在条款所列适用{listed.label}{waiting_name(listed)}的特定疾病之内",
            _list_article(listed),
        )
    return None


def decide_listed_waiting(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "胆结石要等90天吗" with no dates told: the listed diseases' period when the illness is
    one of them, the general one (with why) when the question asks and it is not."""
    listed = product.facts.periods.get("waiting_listed")
    general = product.facts.periods.get("waiting")
    if listed is None or general is None or situation.cause == "accident":
        return None
    if situation.days_between("effective", "diagnosis") is not None or not _asked(
        listed, situation.text
    ):
        return None
    name = waiting_name(general)
    item, _ = matching_item(product.document, listed, situation.text)
    if item is not None:
        return Verdict(
            "waiting",
            "depends",
            f"属于条款所列的特定疾病，{name}为{listed.label}（一般疾病为{general.label}），"
            f"从合同生效之日起算；{listed.label}后首次出现症状、就诊或确诊的才按保险责任处理。",
            (
                Reason(f"所患疾病属于适用{listed.label}{name}的特定疾病", item.article),
                Reason(f"条款约定：“{clip(listed.sentence, 80)}”", listed.article),
            ),
        )
    unlisted = unlisted_reason(product, situation)
    if unlisted is None:
        return None
    return Verdict(
        "waiting",
        "depends",
        f"不属于条款所列的特定疾病，不适用{listed.label}的{name}，"
        f"按一般疾病{general.label}的{name}算，从合同生效之日起算。",
        (unlisted, Reason(f"条款约定：“{clip(general.sentence, 60)}”", general.article)),
        ("是否属于特定疾病以医院的诊断为准。",),
    )
