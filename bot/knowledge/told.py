"""What a customer's story tells besides when: amounts by role, who, why, what was paid before.

"保额30万，住院花了6万，医保报了2万", "轻症赔过一次", "孩子9岁", "酒驾", "三级伤残", "计划二".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from bot.knowledge.timeline import NUM, number

MONEY = re.compile(
    NUM
    + r"\s*(万元|万块|万|w|千元|千|k|元|块|(?<=\d{3})(?=[，,。；\s]|$|[^\d.%万千元块天日次年岁级个月周号期]))"
    # "3千次" is a count, "2190元一次交清" is money
    # "2万今年…", "20万首年" are money followed by a year word
    r"(?:(?<=[元块])|(?![日天次岁级]|年(?!度|交|缴|付))"
    r"(?!(?![今去明前首每当同这那上下本])[\u4e00-\u9fff](?:[日天次岁级]|年(?!度|交|缴|付))))"
)
SUM_INSURED_WORDS = ("保额", "基本保险金额", "保险金额", "买了", "投保", "投的", "保了", "买的")
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
    "医保支付",
    "医保付",
    "社保支付",
    "社保付",
    # a third party who caused the accident (对方, 肇事方, 侵权人) paying the expenses
    "对方赔",
    "对方给",
    "对方付",
    "肇事方赔",
    "第三方赔",
)
PAID_BEFORE = re.compile(
    r"(已经|已|之前|前面|今年|去年)?(赔了|赔过|理赔了|给付了|领了|领过|拿了|拿过)(一次)?[^，。；\d]{0,8}$"
)
GRADE = re.compile(
    r"(?:伤残(?:等级)?|(?:评(?:定)?|鉴定)(?:都|均)?(?:为|了|是)?)?" + NUM + r"\s*级(?:伤残)?"
)
CATEGORY_WORDS = {
    "severe": ("重疾", "重大疾病", "重度"),
    "moderate": ("中症", "中度疾病", "中度"),
    "mild": ("轻症", "轻度疾病", "轻度", "轻疾"),
}


# ---- amounts, ages, claims, causes ----------------------------------------------------------

TOTAL_WORDS = ("一共", "总共", "合计", "共计", "总计", "加起来")
# an expense named by what it paid for, right before its amount: "救护车费2600"; not a premium
NAMED_FEE = re.compile(r"(?<![保险])费(用)?(是|为|花了|共)?$")


PREMIUM_BEFORE = re.compile(r"(年|月|期|季)(交|缴)|保费|保险费|一次(性)?(交|缴)")


# "住院8万": an amount right after the care it paid for is what that care cost
CARE_COST = re.compile(r"(?:住院|看病|治病|治疗|手术|门诊)(?:了|共|总共|一共)?$")


def expenses(text: str) -> float | None:
    """What the treatment cost: a stated total, or the sum of each stay's cost."""
    amounts: list[float] = []
    for match in MONEY.finditer(text):
        before = text[max(0, match.start() - 8) : match.start()]
        if (
            not any(w in before for w in EXPENSE_WORDS)
            and not NAMED_FEE.search(before)
            and not CARE_COST.search(before)
        ):
            continue
        if any(r in before[-4:] for r in REIMBURSED_WORDS) or PAID_BEFORE.search(before):
            continue
        if PREMIUM_BEFORE.search(before):
            continue  # "一年交了1200": a premium, not what treatment cost
        value = money_value(match)
        if value is None:
            continue
        if any(w in before for w in TOTAL_WORDS):
            return value
        if re.search(r"各(花|付|交|自)", before[-4:]):
            value *= _how_many(text[: match.start()])
        amounts.append(value)
    if len(amounts) > 1 and re.search(r"第二次|两次|又.{0,6}花", text):
        return sum(amounts)
    return amounts[0] if amounts else None


def _how_many(told_before: str) -> int:
    """How many visits "各花了700" speaks of: "两个科室", "先看了内科又看了骨科" (2)."""
    counted = re.search(NUM + r"\s*(?:个|家|次|项|科)", told_before)
    value = number(counted.group(1)) if counted else None
    if value and 1 < value < 10:
        return int(value)
    return 1 + len(re.findall(r"又", told_before)) if "又" in told_before else 1


def deductible_left(text: str) -> float | None:
    """What is left of the year's deductible, when told: "免赔额早扣完了" (0), "免赔额还剩3000"."""
    for clause in re.split(r"[，,。；;！!]", text):
        if re.search(r"是不是|吗|么|算不算|能不能|会不会|[？?]", clause):
            continue  # "是不是那1万免赔额就算抵完了？" asks, it does not tell
        if re.search(r"免赔(额)?.{0,6}(扣完|用完|抵完|扣满|抵满|已经扣|已扣|扣过|用掉了)", clause):
            return 0.0
    match = re.search(r"免赔(额)?.{0,4}(还剩|剩下|剩)" + NUM, text)
    if match:
        after = MONEY.search(text, match.start(3))
        return money_value(after) if after else None
    return None


def deductible_used(text: str) -> float | None:
    """How much of the year's deductible earlier bills used: "已经用掉了6000免赔额",
    "免赔额之前扣了5000"."""
    for match in MONEY.finditer(text):
        before = text[max(0, match.start() - 10) : match.start()]
        after = text[match.end() : match.end() + 6]
        if re.search(r"(用掉|用了|扣了|抵了|抵扣了|扣掉)[^，。；\d]{0,2}$", before) and (
            "免赔" in after[:4] or re.search(r"免赔[^，。；\d]{0,6}$", before)
        ):
            return money_value(match)
    return None


def paid_before(text: str) -> float | None:
    """What this policy already paid: "今年已经赔了295万", "赔过一次轻症拿了15万"."""
    for match in MONEY.finditer(text):
        before = text[max(0, match.start() - 12) : match.start()]
        if PAID_BEFORE.search(before) and not re.search(
            r"医保|社保|统筹|农合|团险|单位|别的|对方|肇事|第三方", before
        ):
            return money_value(match)
    return None


PLAN_TOLD = re.compile(
    r"(计划|方案|档次)\s*([一二三四五六七八九十abcdefABCDEF1-9])"
    r"|第?([一二三四五六七八九1-9])\s*档"
    r"|(基础|标准|普通|升级|高级|尊享|豪华|优享|至尊|精英|经济|全面)(版|型|款)"
    r"|(?<![A-Za-z])([A-Fa-f])\s*(计划|方案)"
)


def plan(text: str) -> str | None:
    """The plan the customer bought: "计划2" → ``计划二``, "C计划" → ``计划C``, "第二档" → ``第二档``,
    "基础版" as said.

    The wording's own name for it (方案二, 二档) is matched where the product is known
    (:func:`bot.knowledge.plans.wording_plan`).
    """
    match = PLAN_TOLD.search(text)
    if match is None:
        return None
    if match.group(4):
        return match.group(4) + match.group(5)
    word = match.group(1) or match.group(7) or ""
    mark = (match.group(2) or match.group(3) or match.group(6)).upper()
    mark = "一二三四五六七八九"[int(mark) - 1] if mark.isdigit() else mark
    return f"{word}{mark}" if word else f"第{mark}档"


def years_paid(text: str) -> int | None:
    match = re.search(r"(?:已经|已)?(?:交|缴)了" + NUM + r"\s*年", text)
    value = number(match.group(1)) if match else None
    return int(value) if value else None


CLAIM_FREE = re.compile(
    r"(?:前|过去|之前|头|连续)"
    + NUM
    + r"\s*(?:个)?(?:年|保险期间|保单年度)[^，。,；;]{0,4}(?:都|均|一直)?"
    r"(?:没|没有|未|无|从没|从未)(?:理赔|出险|赔过|报销|报过|申请过理赔|用过)"
)


def claim_free_years(text: str) -> int | None:
    """How many years before this one passed without a claim: "前两年都没理赔过" (2)."""
    match = CLAIM_FREE.search(text)
    value = number(match.group(1)) if match else None
    return int(value) if value else None


FIRST_YEAR = re.compile(r"首年|头一年|刚买|新买|第一次买|今年(刚|才)?(买|投保)")


def cover_year(text: str) -> int | None:
    """Which year of cover the story is in: "续保第二年" (2), "第一年买的", "首年" (1)."""
    return policy_year(text) or (1 if FIRST_YEAR.search(text) else None)


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


OTHER_PAYERS = (
    "团险",
    "其他保险",
    "别的保险",
    "商业保险",
    "单位",
    "公司报",
    "另一份",
    "其他途径",
    "对方",
    "肇事",
    "第三方",
)


def other_paid(text: str) -> float | None:
    """What payers other than social insurance paid: "公司团险又报了6千", "单位报了2000"."""
    total = 0.0
    for match in MONEY.finditer(text):
        before = text[max(0, match.start() - 8) : match.start()]
        if any(w in before for w in OTHER_PAYERS) and re.search(r"报|赔|付|补", before[-4:]):
            total += money_value(match) or 0
    return total or None


UNSUPPORTED = re.compile(
    r"(不能|没法|无法|没办法|不可以|不支持)(刷|走|用|使用)?(社保|医保)(卡)?(结算)?"
    r"|(不是|非)(社保|医保)?定点|(医院|诊所|卫生院)(不支持|不能刷|没法走)"
)


def social_insurance(text: str) -> str | None:
    """``used``, ``not_used``, ``none``, ``has``, or ``unsupported`` (the hospital cannot settle)."""
    if UNSUPPORTED.search(text):
        return "unsupported"
    if re.search(r"(没有|没|无|不是)(参加|买|交)?(社保|医保|社会医疗保险|农合)", text):
        if re.search(
            r"(没|没有|未)(用|走|通过|经过|使用)(了)?(社保|医保|新农合|农合|居民医保)", text
        ) or re.search(r"(其实|实际)(上)?.{0,6}(有|交|参加)", text):
            return "not_used"
        return "none"
    if re.search(
        r"(没|没有|未|不|忘|忘了)(用|走|通过|经过|使用|刷|带|去报|报|补报)(了)?(社保|医保|社会医疗保险)|全(部)?自费|全额自费"
        # "医保没结算上", "社保没能报", "没办异地备案": settled outside social insurance
        r"|(社保|医保|统筹)[^，。,；;]{0,4}(没|没有|未|不能|没能|无法)(能)?(结算|报销|报|走|刷)"
        r"|(没|没有|未)(办|做)?(异地)?(备案|转诊)",
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


PERSON = (
    r"我|本人|自己|孩子|儿子|女儿|宝宝|小孩|老公|老婆|丈夫|妻子|爱人|我爸|我妈|爸爸|妈妈|父亲|母亲|"
    r"爷爷|奶奶|外公|外婆|姥姥|姥爷|公公|婆婆|岳父|岳母|哥哥|姐姐|弟弟|妹妹|他|她"
)
TOLD_AGE = re.compile(
    rf"({PERSON})?(?:(?:今年|现在|已经|目前)?(?:才|都)?"
    + NUM
    + r"\s*(?:周)?岁|(?:(?:今年|现在)(?:才|都|已经)?|(?<=[爸妈公婆子儿女我他她])(?:都|已经|也)?)"
    + NUM
    + r"了(?![\d年月天日]))"  # "我爸今年62了", "我妈58了": an age without 岁
)
INSURED = re.compile(
    rf"(?:给|帮|替)({PERSON})(?:买|投|保|上|配)|({PERSON})[^，。,；;]{{0,6}}(?:能|可以|还能)(?:买|投|保)"
)


def age(text: str) -> int | None:
    """The insured's age: of several people's ("我今年45岁，孩子10岁"), the age of the one the
    question is for (给孩子买 → the child's, else the speaker's); else the last age told."""
    told = [(m.group(1), number(m.group(2) or m.group(3))) for m in TOLD_AGE.finditer(text)]
    owners = {who for who, _ in told if who}
    if len(owners) > 1:
        wanted = INSURED.search(text)
        who = (wanted.group(1) or wanted.group(2)) if wanted else "我"
        if who == "自己" or who == "本人":
            who = "我"
        mine = [a for w, a in told if w == who]
        if mine:
            return _latest_age(mine)
    return _latest_age(a for _, a in told)


def age_at_claim(text: str) -> int | None:
    """The insured's age when it happened: an age told with buying (8岁时买的) is not it."""
    return _latest_age(
        number(m.group(1) or m.group(2))
        for m in re.finditer(NUM + r"\s*(?:周)?岁|(?:今年|现在|已经)" + NUM + r"了", text)
        if not re.match(r"[^，。,；;]{0,4}(买|投保|参保|购买|上的保险)", text[m.end() :])
        and not re.search(
            r"(投保|购买|买的|买保险|参保)(时|的时候)[^，。,；;\d]{0,6}$", text[: m.start()]
        )
    )


def _latest_age(read: Iterable[float | None]) -> int | None:
    """The last age told that is a person's age."""
    ages = [int(a) for a in read if a is not None and 0 <= a < 120]
    return ages[-1] if ages else None


def cause(text: str) -> str | None:
    text = re.sub(r"意外(伤害)?(险|线|保险)", "", text)  # the product's name is not the cause
    text = re.sub(r"(不是|并非|非|没有|不属于|不算)(因为?|由于)?意外(导致|引起|造成)?的?", "", text)
    if re.search(
        r"意外|车祸|摔|撞|溺水|烫伤|烧伤|骨折|被.{0,3}咬|扭伤|崴|砸|跌倒|事故|失事|空难|坠机|翻船|翻车|沉船",
        text,
    ):
        return "accident"
    if re.search(
        r"生病|病了|疾病|确诊|查出|得了|患|病发|发病|突发|病故|病逝|心脏病|心梗|脑梗|脑溢血|脑出血|中风",
        text,
    ):
        return "illness"
    return None


def claim_told(words: tuple[str, ...]) -> re.Pattern[str]:
    """ "轻症赔过一次", "已经赔了两次重疾": a category paid before, and how many times."""
    names = "|".join(words)
    return re.compile(
        rf"(?:{names})" + NUM + r"次(?:都|已经|已)?(?:赔|理赔|给付)(?:过|了|完|满)"
        rf"|(?:{names}).{{0,4}}(?:已经)?(?:赔|理赔|给付)(?:过|了|完|满)(?:" + NUM + "次)?"
        r"|(?:赔|理赔|给付)(?:过|了)" + NUM + rf"?次?(?:{names})"
    )


def earlier_claims(text: str) -> dict[str, int]:
    claims: dict[str, int] = {}
    for category, words in CATEGORY_WORDS.items():
        match = next(
            (
                m
                for m in claim_told(words).finditer(text)
                if not re.search(
                    r"(没|未|没有|从没|从未|尚未|还没)$", text[max(0, m.start() - 3) : m.start()]
                )
            ),
            None,
        )
        if match:
            count = number(match.group(1) or match.group(2) or match.group(3) or "一")
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


# ---- what was paid for the policy, and how far into the period ------------------------------

PREMIUM_WORDS = (
    "保费",
    "保险费",
    "年交",
    "月交",
    "每月",
    "每期",
    "一期",
    "一次交清",
    "趸交",
    "交了",
)


def premium(text: str) -> float | None:
    """The premium of the current period: "年交2190元", "每月98块", "每期300", "保费600块"."""
    for match in MONEY.finditer(text):
        before = text[max(0, match.start() - 6) : match.start()]
        if any(w in before for w in PREMIUM_WORDS) and not re.search(r"赔|报|花|保额", before):
            return money_value(match)
    return None


def installment(text: str) -> str | None:
    """How the premium is paid: ``monthly`` (按月, 每月) or ``single`` (一次交清, 年交)."""
    if re.search(r"按月|月交|每月|月保费|每期", text):
        return "monthly"
    if re.search(r"(一|1)次(性)?(交|缴)(清|的|完|了)|趸交|年交|按年|每年交", text):
        return "single"
    return None


def days_passed(text: str) -> int | None:
    """How many days of the current period have passed: "现在过了146天", "已经过了15天"."""
    match = re.search(r"(?:已经|已)?过(?:去)?了?" + NUM + r"\s*[天日](?!内)", text) or re.search(
        r"(?:生效|保了|买了|投保|承保)(?:了|满|已经|已)?" + NUM + r"\s*[天日](?!内)", text
    )
    value = number(match.group(1)) if match else None
    if value:
        return int(value)
    months = re.search(
        r"(?:过|买|保|投保|生效|承保)(?:了|满)?(?:已经|已)?" + NUM + r"\s*个(?:多)?月", text
    )
    if months and (count := number(months.group(1))):
        return round(count * 365 / 12)  # "买了4个月": about 122 days
    if re.search(r"(?:过|买|保|投保|生效)(?:了|满)?(?:已经|已)?半年", text):
        return 182
    return None


def period_days(text: str) -> int | None:
    """How long the current period is: "保险期间365天", "本月30天", "这一期是30天", or its dates."""
    match = re.search(
        r"(?:保险期间|期间|当期|本期|这期|一期|本月|这个月|当月|这一年|全年)(?:是|为|共|有|一共)?"
        + NUM
        + r"\s*[天日]",
        text,
    )
    if match:
        value = number(match.group(1))
        return int(value) if value else None
    dates = re.search(
        r"(\d{4})[年.\-/](\d{1,2})[月.\-/](\d{1,2})[日号]?.{0,4}?(?:到|至|-|~|—)"
        r"(\d{4})[年.\-/](\d{1,2})[月.\-/](\d{1,2})",
        text,
    )
    if dates is None:
        return None
    try:
        start = dt.date(*(int(g) for g in dates.groups()[:3]))
        end = dt.date(*(int(g) for g in dates.groups()[3:]))
    except ValueError:
        return None
    days = (end - start).days + 1
    return days if 0 < days <= 366 else None


# ---- days in hospital by ward, and allowance days already paid ------------------------------

INTENSIVE_WORDS = r"(?:icu|ccu|nicu|重症监护室?|监护室|重症病房)"


def icu_days(text: str) -> int | None:
    """Days in intensive care: "先住ICU 3天", "重症监护室住了5天", "3天ICU", "有3天在ICU"."""
    match = re.search(
        INTENSIVE_WORDS + r"[^，。；\d]{0,4}?" + NUM + r"\s*[天日]", text
    ) or re.search(NUM + r"\s*[天日](?:的|在|住|是|住在|待在)?" + INTENSIVE_WORDS, text)
    value = number(match.group(1)) if match else None
    return int(value) if value else None


def ward_days(text: str) -> int | None:
    """Days in an ordinary ward: "普通病房10天", "住了70天普通病房"."""
    match = re.search(r"普通病房[^，。；\d]{0,4}?" + NUM + r"\s*[天日]", text) or re.search(
        NUM + r"\s*[天日]的?普通病房", text
    )
    value = number(match.group(1)) if match else None
    return int(value) if value else None


def allowance_days_used(text: str) -> int | None:
    """Allowance days already paid this period: "已经领了150天的住院津贴"."""
    match = re.search(r"(?:领|赔|给付|拿)(?:了|过)" + NUM + r"\s*[天日]", text)
    value = number(match.group(1)) if match else None
    return int(value) if value else None


def cash_value(text: str) -> float | None:
    """The cash value the customer was told: "现金价值查了是1.5万", "当天现金价值5.2万"."""
    for match in MONEY.finditer(text):
        before = text[max(0, match.start() - 10) : match.start()]
        if re.search(r"现金价值[^，。；\d]{0,8}$", before):
            return money_value(match)
    return None


def premiums_paid(text: str, annual: float | None, years: int | None) -> float | None:
    """What was paid in premiums: "一共交了6万", "交了3年，每年8000" (3 × 8000)."""
    for match in MONEY.finditer(text):
        before = text[max(0, match.start() - 8) : match.start()]
        if re.search(
            r"(一共|总共|共|累计|合计|一次性?|趸)(交|缴)(清|了)?[^，。；\d]{0,3}$|(交|缴)了.{0,4}共$",
            before,
        ):
            return money_value(match)
        # "已经交了15万保费": a sum paid, unless it is a year's or a month's
        after = text[match.end() : match.end() + 3]
        if (
            re.search(r"(已经|已|总共|一共)(交|缴)了$", before)
            and re.match(r"(的)?(保费|保险费)", after)
            and not re.search(r"每|年交|年缴|月交|月缴", before)
        ):
            return money_value(match)
    each = annual or _each_year(text)
    return each * years if each and years else None


def _each_year(text: str) -> float | None:
    for match in MONEY.finditer(text):
        before = text[max(0, match.start() - 4) : match.start()]
        if re.search(r"每年(交|缴)?$|年(交|缴)$", before):
            return money_value(match)
    return None


def premium_shortfall(text: str) -> tuple[float, float] | None:
    """(premium paid, premium due) when a misstatement left it short: "实际交8000，应该交10000"."""
    due = paid = None
    for match in MONEY.finditer(text):
        before = text[max(0, match.start() - 10) : match.start()]
        if re.search(r"(应该|应当|应)(交|缴)[^，。；\d]{0,6}$", before):
            due = due or money_value(match)
        elif re.search(r"(实际|实)(交|缴)[^，。；\d]{0,6}$|(交|缴)的是[^，。；\d]{0,3}$", before):
            paid = paid or money_value(match)
    if paid and due and 0 < paid < due:
        return paid, due
    return None


def told_payout(text: str) -> float | None:
    """A payout the customer states: "按保单算的理赔金是20万", "理赔算下来应赔2万"."""
    for match in MONEY.finditer(text):
        before = text[max(0, match.start() - 8) : match.start()]
        if re.search(
            r"(理赔金|保险金|赔款)[^，。；\d]{0,4}$|(应|应该|本来|本该)(赔|给付)[^，。；\d]{0,2}$",
            before,
        ):
            return money_value(match)
    return None


def debt(text: str) -> float | None:
    """What the customer still owes on a policy loan: "加利息一共还欠20600没还"."""
    for match in MONEY.finditer(text):
        before = text[max(0, match.start() - 8) : match.start()]
        if re.search(r"(还欠|欠款|欠了|欠|未还|没还)[^，。；\d]{0,4}$", before) and not re.search(
            r"欠交|欠缴|欠(的)?保(险)?费", before
        ):
            return money_value(match)
    return None


POLICY_YEAR = re.compile(
    r"第\s*"
    + NUM
    + r"\s*(?:个)?(?:保单|保险)?年度|(?:买了?|投保|生效)?[^，。；\d]{0,3}?第\s*"
    + NUM
    + r"\s*年(?![交缴期])"
)


def policy_year(text: str) -> int | None:
    """The policy year the event fell in: "第4个保单年度", "第二年我老公走了" (the last one told)."""
    years = [
        number(match.group(1) or match.group(2))
        for match in POLICY_YEAR.finditer(text)
        if not re.match(r"\s*(交|缴|的保费|那期)", text[match.end() :])
    ]
    found = [int(y) for y in years if y is not None and 1 <= y <= 120]
    return found[-1] if found else None
