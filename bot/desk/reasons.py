"""Why the desk gets a conversation: the ticket's reason and priority, and the words the customer
hears first, by the intent that sent the conversation to a person (DESIGN.md rule 7)."""

from __future__ import annotations

from typing import NamedTuple

from bot.desk.tickets import Priority


class HandoffReason(NamedTuple):
    """What a hand-off opens: the ticket's ``reason`` and ``priority``, and the ``opening`` the
    customer hears."""

    reason: str
    priority: Priority
    opening: str


# Why a conversation goes to a person, by the intent that sent it there.
HANDOFF_REASONS: dict[str, HandoffReason] = {
    "complain": HandoffReason("complaint", Priority.HIGH, "您的意见我们非常重视"),
    "claim_dispute": HandoffReason(
        "claim_dispute", Priority.HIGH, "理赔结论的异议需要由理赔人员复核"
    ),
    "request_human": HandoffReason("customer_request", Priority.NORMAL, "好的"),
    "change_beneficiary": HandoffReason(
        "paperwork",
        Priority.NORMAL,
        "变更受益人需要投保人和被保险人签字确认的书面材料",
    ),
    "change_payment_method": HandoffReason(
        "paperwork",
        Priority.NORMAL,
        "变更交费账户需要核对银行账户信息并签署授权",
    ),
    "orphan_policy": HandoffReason(
        "orphan_policy", Priority.NORMAL, "您的保单需要重新安排服务人员"
    ),
    "nlu_fallback": HandoffReason(
        "not_understood", Priority.NORMAL, "抱歉，我两次都没能理解您的问题"
    ),
}
DEFAULT_REASON = HandoffReason("cannot_do", Priority.NORMAL, "这件事需要人工处理")
# Disputes: the customer first hears the rule they may hold the insurer to, then a person decides.
DISPUTES = frozenset({"complain", "claim_dispute"})


def reason_for(intent: str | None) -> HandoffReason:
    """The hand-off reason of ``intent``; what the bot cannot do when no reason names it."""
    return HANDOFF_REASONS.get(intent or "", DEFAULT_REASON)
