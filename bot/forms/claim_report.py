"""A claim report (报案) outside Rasa: its details as the customer reads them back, and what the
wording says about it — the questions for the knowledge base and the waiting-period note.

A pre-check, never a decision: the claim assessment decides, and the texts here say so.
"""

from __future__ import annotations

import datetime as dt

from bot.civil_dates import chinese_date
from bot.knowledge import explain
from bot.knowledge.answer import FOCUS, Citation
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.interface import Knowledge
from bot.knowledge.policy_periods import waiting_state
from bot.knowledge.text import normalize
from bot.records.model import Policy

DETAILS = ("insured", "event", "event_date", "diagnosis", "hospital")
DETAIL_LABELS = {
    "insured": "被保险人",
    "event": "出险经过",
    "event_date": "出险日期",
    "diagnosis": "诊断",
    "hospital": "就诊医院",
}
# The longest text a free-text detail may have (the records' columns).
MAX_LENGTH = {"event": 200, "diagnosis": 300, "hospital": 200}
UNDIAGNOSED = "尚未明确诊断"
UNDIAGNOSED_WORDS = ("还没", "没有确诊", "未确诊", "没确诊", "不清楚", "不知道", "不确定", "待查")


def free_text(detail: str, text: str) -> tuple[str | None, str | None]:
    """A free-text detail as stored (spaces collapsed), or ``None`` and why it was refused."""
    value = " ".join(text.split())
    if not value:
        return None, None
    if len(value) > MAX_LENGTH[detail]:
        return None, f"{DETAIL_LABELS[detail]}请控制在{MAX_LENGTH[detail]}字以内，简要说明即可。"
    return value, None


def diagnosis_given(text: str, *, unsure: bool) -> tuple[str | None, str | None]:
    """The diagnosis as stored: :data:`UNDIAGNOSED` when there is none yet."""
    if unsure or any(word in text for word in UNDIAGNOSED_WORDS):
        return UNDIAGNOSED, None
    return free_text("diagnosis", text)


def read_back(details: dict[str, str]) -> str:
    """Every detail of the report, one per line, for the customer to confirm."""
    lines = []
    for detail in DETAILS:
        value = details.get(detail) or ""
        if detail == "event_date" and value:
            value = chinese_date(dt.date.fromisoformat(value))
        lines.append(f"{DETAIL_LABELS[detail]}：{value}")
    return "\n".join(lines)


def coverage_question(event: str, diagnosis: str) -> str:
    """What to ask the knowledge base about the diagnosis reported (the event, when none yet)."""
    if diagnosis == UNDIAGNOSED:
        return f"{event} 保险责任"
    return f"{diagnosis}能赔吗"


def coverage_lead(knowledge: Knowledge, diagnosis: str) -> str:
    """The sentence before the pre-check; it says so when the wording does not name the diagnosis."""
    if diagnosis == UNDIAGNOSED or knowledge.disease_in(normalize(diagnosis)) is not None:
        return "先按条款为您做个初步对照，仅供参考："
    return f"条款中没有直接列明“{diagnosis}”。以下是这份保单的保险责任，理赔时按条款的定义认定，仅供参考："


def materials_question(diagnosis: str) -> str:
    """What to ask the knowledge base for the claim materials of the diagnosis reported."""
    if diagnosis == UNDIAGNOSED:
        return "理赔材料"
    return f"{diagnosis} 理赔材料"


def waiting_note(
    policy: Policy, product: ProductKnowledge, event_date: dt.date
) -> tuple[str, list[Citation]] | None:
    """What the customer should know when ``event_date`` lies in the policy's waiting period.

    Returns:
        The note and the articles it cites, or ``None`` when the event lies outside the waiting
        period (or the wording states none).
    """
    state = waiting_state(policy, product.facts, event_date)
    if state is None or not state.active or state.not_yet_effective:
        return None
    start = "复效之日" if state.restarted else "生效之日"
    rule = explain.period_section(product, "waiting", FOCUS["waiting"])
    text = (
        f"请注意：出险日期{chinese_date(event_date)}在这份保单的等待期内（自{chinese_date(state.starts)}"
        f"{start}起算，至{chinese_date(state.ends)}届满）。{rule.text}\n"
        f"{product.citation(*state.articles)}。等待期内出险是否影响给付，以理赔审核结论为准。"
    )
    version = product.document.version
    return text, [Citation(product.code, version, article) for article in state.articles]
