"""What a customer's story tells besides when: amounts by role, who, why, what was paid before.

"保额30万，住院花了6万，医保报了2万", "轻症赔过一次", "孩子9岁", "酒驾", "三级伤残", "计划二".
"""

from __future__ import annotations

import re

from bot.knowledge.timeline import NUM, number

MONEY = re.compile(
    NUM
    + r"\s*(万元|万块|万|w|千元|千|k|元|块|(?<=\d{3})(?=[，,。；\s]|$|[^\d.%万千元块天日次年岁级个月周号期]))"
    r"(?![\u4e00-\u9fff]{0,1}[日天次年岁级])"
)
SUM_INSURED_WORDS = ("保额", "基本保险金额", "保险金额", "买了", "投保", "保了", "买的")
EXPENSE_WORDS = (
    "花了",
    "花费",
    "费用",
    "一共",
    "总共",
    "医疗费",
    "住院费",
    "治疗费",
    "手术费",
    "共花",
    "自费",
    "自付",
    "掏了",
    "付了",
    "交了",
    "账单",
)
REIMBURSED_WORDS = (
    "报了",
    "报销了",
    "报销",
    "统筹",
    "医保报",
    "社保报",
    "报掉",
    "给报",
    "已报",
    "单位报",
    "其他保险",
    "团险",
)
PAID_BEFORE = re.compile(
    r"(已经|已|之前|前面|今年|去年)?(赔了|赔过|理赔了|给付了|领了|领过|拿了|拿过)(一次)?[^，。；\d]{0,8}$"
)
GRADE = re.compile(
    r"(?:伤残(?:等级)?|评(?:定)?(?:为|了)?|鉴定(?:为|了)?)?" + NUM + r"\s*级(?:伤残)?"
)
CATEGORY_WORDS = {
    "severe": ("重疾", "重大疾病", "重度"),
    "moderate": ("中症", "中度疾病", "中度"),
    "mild": ("轻症", "轻度疾病", "轻度", "轻疾"),
}


# ---- amounts, ages, claims, causes ----------------------------------------------------------

TOTAL_WORDS = ("一共", "总共", "合计", "共计", "总计", "加起来")


def expenses(text: str) -> float | None:
    """What the treatment cost: a stated total, or the sum of each stay's cost."""
    amounts: list[float] = []
    for match in MONEY.finditer(text):
        before = text[max(0, match.start() - 8) : match.start()]
        if not any(w in before for w in EXPENSE_WORDS):
            continue
        if any(r in before[-4:] for r in REIMBURSED_WORDS) or PAID_BEFORE.search(before):
            continue
        value = money_value(match)
        if value is None:
            continue
        if any(w in before for w in TOTAL_WORDS):
            return value
        amounts.append(value)
    if len(amounts) > 1 and re.search(r"第二次|两次|又.{0,6}花", text):
        return sum(amounts)
    return amounts[0] if amounts else None


def paid_before(text: str) -> float | None:
    """What this policy already paid: "今年已经赔了295万", "赔过一次轻症拿了15万"."""
    for match in MONEY.finditer(text):
        before = text[max(0, match.start() - 12) : match.start()]
        if PAID_BEFORE.search(before) and not re.search(
            r"医保|社保|统筹|农合|团险|单位|别的", before
        ):
            return money_value(match)
    return None


def plan(text: str) -> str | None:
    match = re.search(r"(计划|方案)([一二三四五六七八九十abcdef1-9])", text)
    if match is None:
        return None
    mark = match.group(2).upper()
    return match.group(1) + ("一二三四五六七八九"[int(mark) - 1] if mark.isdigit() else mark)


def years_paid(text: str) -> int | None:
    match = re.search(r"(?:已经|已)?(?:交|缴)了" + NUM + r"\s*年", text)
    value = number(match.group(1)) if match else None
    return int(value) if value else None


def money_value(match: re.Match[str]) -> float | None:
    amount = number(match.group(1))
    if amount is None:
        return None
    unit = match.group(2)
    if not unit:
        return amount
    if unit.startswith("万") or unit == "w":
        return amount * 10_000
    if unit.startswith("千") or unit == "k":
        return amount * 1_000
    return amount


def amount_near(text: str, words: tuple[str, ...], *, after: tuple[str, ...] = ()) -> float | None:
    for match in MONEY.finditer(text):
        before = text[max(0, match.start() - 8) : match.start()]
        following = text[match.end() : match.end() + 4]
        if any(w in before for w in words) or any(following.startswith(w) for w in after):
            if any(r in before[-4:] for r in REIMBURSED_WORDS) and words is EXPENSE_WORDS:
                continue
            if words is SUM_INSURED_WORDS and re.search(r"保费|保险费|交|缴|赔", before[-4:]):
                continue
            return money_value(match)
    return None


def reimbursed(text: str) -> float | None:
    total = 0.0
    for match in MONEY.finditer(text):
        before = text[max(0, match.start() - 8) : match.start()]
        if any(w in before[-5:] for w in REIMBURSED_WORDS) and not any(
            w in before[-5:] for w in ("自付", "自费", "自己", "还能", "能")
        ):
            value = money_value(match)
            total += value or 0
    return total or None


def social_insurance(text: str) -> str | None:
    if re.search(r"(没有|没|无|不是)(参加|买|交)?(社保|医保|社会医疗保险|农合)", text):
        if re.search(r"(没|没有)(用|走|通过|经过|使用)(社保|医保)", text):
            return "not_used"
        return "none"
    if re.search(
        r"(没|没有|未|不|忘|忘了)(用|走|通过|经过|使用|刷|带|去报|报|补报)(了)?(社保|医保|社会医疗保险)|全(部)?自费|全额自费",
        text,
    ):
        return "not_used"
    if re.search(
        r"(社保|医保|统筹|社会医疗保险|农合).{0,6}(报|结算|刷|走)|(走|刷|用)了?(社保|医保)", text
    ):
        return "used"
    if re.search(r"有(社保|医保)", text):
        return "has"
    return None


def age(text: str) -> int | None:
    read = (number(m.group(1)) for m in re.finditer(NUM + r"\s*(?:周)?岁", text))
    ages = [int(a) for a in read if a is not None and 0 <= a < 120]
    return ages[-1] if ages else None


def cause(text: str) -> str | None:
    text = re.sub(r"意外(伤害)?(险|线|保险)", "", text)  # the product's name is not the cause
    if re.search(r"意外|车祸|摔|撞|溺水|烫伤|烧伤|骨折|被.{0,3}咬|扭伤|砸|跌倒|交通事故", text):
        return "accident"
    if re.search(r"生病|病了|疾病|确诊|查出|得了|患", text):
        return "illness"
    return None


def claim_told(words: tuple[str, ...]) -> re.Pattern[str]:
    """ "轻症赔过一次", "已经赔了两次重疾": a category paid before, and how many times."""
    names = "|".join(words)
    return re.compile(
        rf"(?:{names}).{{0,4}}(?:已经)?(?:赔|理赔|给付)(?:过|了)" + NUM + "?次?"
        r"|(?:赔|理赔|给付)(?:过|了)" + NUM + rf"?次?(?:{names})"
    )


def earlier_claims(text: str) -> dict[str, int]:
    claims: dict[str, int] = {}
    for category, words in CATEGORY_WORDS.items():
        match = claim_told(words).search(text)
        if match:
            count = number(match.group(1) or match.group(2) or "一")
            claims[category] = int(count) if count else 1
    return claims


def asked_categories(text: str) -> tuple[str, ...]:
    """The categories the question asks about, not those it says were paid before."""
    asked = text
    for words in CATEGORY_WORDS.values():
        asked = claim_told(words).sub("", asked)
    return tuple(c for c, words in CATEGORY_WORDS.items() if any(w in asked for w in words))


def grade(text: str) -> int | None:
    for match in GRADE.finditer(text):
        if "伤残" in match.group(0) or "评" in match.group(0) or "鉴定" in match.group(0):
            value = number(match.group(1))
            if value is not None and 1 <= value <= 10:
                return int(value)
    return None


def hospital_days(text: str) -> int | None:
    match = re.search(r"住(?:了)?(?:院)?" + NUM + r"\s*[天日]", text) or re.search(
        NUM + r"\s*[天日]的?院", text
    )
    if match is None:
        return None
    value = number(match.group(1))
    return int(value) if value else None
