"""What a verified customer hears about their own policy: where it stands, its periods today
(犹豫期, 等待期, 宽限期 …) and its claims, each period cited from the product's wording."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from actions.services import services
from bot.knowledge.answer import Citation
from bot.knowledge.cover import suspended_cover
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.policy_periods import policy_periods, premium_state
from bot.records.model import Policy

# The clause topics a policy's own dates answer (bot.knowledge.vocabulary.TOPIC_WORDS).
PERIOD_TOPICS = ("cooling_off", "waiting", "grace", "suspension", "reinstatement")
STATUS_NAMES = {
    "in_force": "有效",
    "lapsed": "效力中止",
    "surrendered": "已退保",
    "terminated": "已终止",
}
CLAIM_STATUS_NAMES = {
    "reported": "已报案，待提交材料",
    "reviewing": "审核中",
    "paid": "已赔付",
    "declined": "未予赔付",
}


def status_text(policy: Policy, product: ProductKnowledge | None) -> tuple[str, list[Citation]]:
    """One paragraph on where the policy stands, and the articles it cites."""
    name = product.name if product is not None else policy.product_code
    status = STATUS_NAMES.get(policy.status, policy.status)
    text = f"您的保单{policy.policy_number}（{name}）目前状态：{status}。生效日{policy.effective:%Y年%m月%d日}"
    if policy.paid_to is not None and policy.status == "in_force":
        text += f"，保险费已交至{policy.paid_to:%Y年%m月%d日}"
    text += f"，交费方式{policy.payment_label}。"
    if policy.status != "lapsed":
        return text, []
    suspended = suspended_cover(product)
    rule = suspended.rule.rstrip("。；")
    if product is None or suspended.article is None:
        return f"{text}{rule}；可以申请复效，问我“怎么复效”了解条件。", []
    text += f"按条款第{suspended.article}条，{rule}；可以申请复效，问我“怎么复效”了解条件。"
    text += f"\n{product.citation(suspended.article)}。"
    return text, [Citation(product.code, product.document.version, suspended.article)]


def status_reply(
    policy: Policy, product: ProductKnowledge | None, today: dt.date
) -> tuple[str, list[Citation]]:
    """Where the policy stands and, when a premium is overdue, what that means under the wording."""
    text, cited = status_text(policy, product)
    if product is None or policy.status != "in_force":
        return text, cited
    premium = premium_state(policy, product.facts, today)
    if premium is None or premium.status in ("current", "paid_up"):
        return text, []
    articles = list(premium.articles)
    text += "\n" + premium.describe()
    if articles:
        text += "\n" + product.citation(*articles) + "。"
    return text, [Citation(product.code, product.document.version, a) for a in articles]


def dates_text(
    policy: Policy, product: ProductKnowledge, topics: list[str], today: dt.date
) -> tuple[str, list[Citation]]:
    """The policy's cooling-off, waiting and premium periods today, cited from the wording."""
    periods = policy_periods(policy, product.facts, today)
    wanted = {
        "cooling_off": periods.cooling_off,
        "waiting": periods.waiting,
        "grace": periods.premium,
        "suspension": periods.premium,
        "reinstatement": periods.premium,
    }
    states = [wanted[t] for t in topics if t in wanted] or [
        periods.cooling_off,
        periods.waiting,
        periods.premium,
    ]
    lines: list[str] = []
    articles: list[str] = []
    for state in dict.fromkeys(s for s in states if s is not None):
        lines.append(state.describe())
        articles.extend(state.articles)
    if not lines:
        return status_text(policy, product)
    articles = list(dict.fromkeys(articles))
    lines.append(product.citation(*articles) + "。")
    citations = [Citation(product.code, product.document.version, a) for a in articles]
    return "\n".join(lines), citations


def claims_text(policy: Policy) -> str:
    """The policy's claims and where each stands."""
    claims = services().records.claims(policy.policy_number)
    if not claims:
        return f"保单{policy.policy_number}目前没有理赔案件。如需报案，请回复“我要报案”。"
    lines = [
        f"案件{c.case_number}：{c.event}，{CLAIM_STATUS_NAMES.get(c.status, c.status)}。"
        for c in claims
    ]
    return "\n".join(lines) + "\n审核结论以保险公司理赔部门的书面通知为准。"


def personal_answer(
    policy: Policy,
    product: ProductKnowledge | None,
    intent: str | None,
    topics: Sequence[str],
    today: dt.date,
) -> tuple[str, list[Citation]]:
    """What to tell the verified customer who asked ``intent`` about ``topics``: their claims,
    the periods they asked about as they stand today, or where the policy stands."""
    if intent == "claim_status":
        return claims_text(policy), []
    periods = [topic for topic in topics if topic in PERIOD_TOPICS]
    if product is not None and (intent == "policy_dates" or periods):
        return dates_text(policy, product, periods, today)
    return status_reply(policy, product, today)
