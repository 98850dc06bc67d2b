"""A policy loan: how much, from the cash value the customer was told, as the wording caps it.

"借款金额不超过…现金价值扣除各项欠款后余额的80%，每次借款期限不超过6个月" — with "现金价值12万，
欠了2万" that is (12万 − 2万) × 80% = 8万, for at most 6 months.
"""

from __future__ import annotations

import re

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.explain import clip, money
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.text import arabic_numerals

ASKED = re.compile(
    r"(借|贷)[^，。；]{0,8}(多少|最多|几万|上限|额度)|(多少|最多)[^，。；]{0,6}(借|贷)"
)
LOAN_CAP = re.compile(
    r"(借款|贷款)(?:金额|后)[^。；]{0,24}?不(得)?超过[^。；]{0,40}现金价值[^。；]{0,30}?(\d+(?:\.\d+)?)\s*%"
)
OWING = re.compile(r"借了|贷了|借过|贷过|已借|已贷|欠|没还|未还|垫交|没交|未交")
CLEAR = re.compile(r"没(有)?(别的|其他)?欠|也没借过|没借过|没有借过|都还清|已还清")
TERM = re.compile(r"(借款|贷款)[^。；]{0,8}期限[^。；]{0,8}?(\d+)\s*个月")


def decide_policy_loan(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """How much can be borrowed against the policy, with the customer's cash value."""
    if situation.cash_value is None or not ASKED.search(situation.text):
        return None
    cap = term = None
    for article in product.document.articles:
        for sentence in plain_sentences(arabic_numerals(article.body)):
            found = LOAN_CAP.search(sentence)
            if found and cap is None:
                cap = (article.number, sentence, float(found.group(3)), "扣除" in sentence)
            lasting = TERM.search(sentence)
            if lasting and term is None:
                term = (article.number, int(lasting.group(2)))
    if cap is None:
        return None
    number, sentence, percent, less_debts = cap
    if situation.debt is None and OWING.search(situation.text) and not CLEAR.search(situation.text):
        return None  # an earlier loan or unpaid premium told without its figure: no guess
    owed = (situation.debt or 0.0) if less_debts else 0.0
    base = situation.cash_value - owed
    if base <= 0:
        return None
    amount = base * percent / 100
    inner = (
        f"{money(situation.cash_value)} − 欠款{money(owed)}"
        if owed
        else money(situation.cash_value)
    )
    figures = (
        f"（{inner}）× {percent:g}% = {money(amount)}"
        if owed
        else f"{inner} × {percent:g}% = {money(amount)}"
    )
    lasting_text = f"，每次最长{term[1]}个月" if term else ""
    reasons = [Reason(f"条款约定：“{clip(sentence, 70)}”", number)]
    if term is not None and term[0] != number:
        reasons.append(Reason(f"每次借款期限不超过{term[1]}个月", term[0]))
    return Verdict(
        "loan",
        "info",
        f"最多约可借{money(amount)}：{figures}{lasting_text}。",
        tuple(reasons),
        ("须在冷静期后、合同有效且经审核同意；借款利率按保险公司届时公布的为准。",),
        sum=figures,
        coverage=False,
    )
