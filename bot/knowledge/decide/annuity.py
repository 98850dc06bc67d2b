"""Annuities (年金): what each payment is, what is left of a guaranteed period, what may change.

"月领：每次给付金额等于基本保险金额的8.5%" with "保额5万 月领每月领多少" is 5万 × 8.5% = 4250元 a
month; a wording with only a yearly rule pays a twelfth of it a month. "保证领取期间为20年" with
"年领 保额3万 领了7年 去世了" leaves 3万 × 20 − 3万 × 7 = 39万 for the beneficiary. Whether the way
of drawing (领取方式), the starting age, a loan, 减保 or surrender is allowed before or after the
start day is read from the wording's own sentence ("开始领取日后，领取方式不得变更").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences, wording_sentences
from bot.knowledge.explain import clip, money
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.text import arabic_numerals

PAYMENT = re.compile(
    r"(?:(给付|领取)(的)?(金额|数额)?[^。；]{0,6}?(等于|为|按)[^。；]{0,4}?基本保险金额"
    r"(?:的\s*(?P<share>\d+(?:\.\d+)?)\s*%)?)"
    r"|按基本保险金额的\s*(?P<share_first>\d+(?:\.\d+)?)\s*%[^。；]{0,8}(给付|领取)"
)
MONTHLY_WORDING = re.compile(r"月领|按月(领取|给付)|每月")
YEARLY_WORDING = re.compile(r"年领|按年(领取|给付)|每年")
ANNUITY = re.compile(r"年金|养老金")
GUARANTEED = re.compile(r"保证(领取|给付)(期间|期)[^。；]{0,8}?(\d+)\s*年")
GUARANTEED_DEATH = re.compile(
    r"保证(领取|给付)期[^。；]*身故[^。；]*(扣除|减去)[^。；]*已[^。；]{0,4}给付"
)
CARRY_ON = re.compile(r"(继续|按原)[^。；]{0,12}领取[^。；]{0,10}剩余")

MONTHLY_TOLD = re.compile(r"月领|按月|每(个)?月")
YEARLY_TOLD = re.compile(r"年领|按年|每年领")
AMOUNT_ASKED = re.compile(r"(领|拿|给)[^，。；]{0,4}(多少|几千|几万)|多少钱")
DEATH = re.compile(r"去世|身故|过世|走了|死亡|没了|离世|病故")
RECEIVED = re.compile(r"领(了|过)[^，。；\d]{0,4}(\d+)\s*(年|个月|次|期)")


@dataclass(frozen=True)
class Payment:
    """One payment of the annuity as a share of the sum insured, by way of drawing."""

    monthly: bool
    percent: float
    article: str
    sentence: str


def payments(product: ProductKnowledge) -> list[Payment]:
    """Every rule the wording gives for one payment of the annuity, yearly and monthly."""
    found: list[Payment] = []
    for article in product.document.articles:
        if not (ANNUITY.search(article.title) or ANNUITY.search(article.body)):
            continue
        for sentence in plain_sentences(arabic_numerals(article.body)):
            rule = PAYMENT.search(sentence)
            if rule is None:
                continue
            monthly = bool(MONTHLY_WORDING.search(sentence) or "月领" in article.title)
            yearly = bool(YEARLY_WORDING.search(sentence) or "年领" in article.title)
            if monthly == yearly:
                continue
            share = rule.group("share") or rule.group("share_first")
            percent = float(share) if share else 100.0
            found.append(Payment(monthly, percent, article.number, sentence))
    return found


def _payment(product: ProductKnowledge, monthly: bool) -> tuple[float, str, str] | None:
    """(share of the sum insured per payment, how it is reckoned, article) for one way."""
    rules = payments(product)
    own = next((p for p in rules if p.monthly == monthly), None)
    if own is not None:
        return own.percent, f"{own.percent:g}%", own.article
    yearly = next((p for p in rules if not p.monthly), None)
    if monthly and yearly is not None:
        return yearly.percent / 12, f"{yearly.percent:g}% ÷ 12", yearly.article
    return None


def _told_monthly(text: str) -> bool | None:
    if re.search(r"月领|按月领", text):
        return True
    if re.search(r"年领|按年领", text):
        return False
    if MONTHLY_TOLD.search(text):
        return True
    if YEARLY_TOLD.search(text):
        return False
    return None


def decide_annuity_payment(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "保额5万 月领每月领多少": one payment, from the wording's rule and the sum insured."""
    if situation.sum_insured is None or DEATH.search(situation.text):
        return None
    if not AMOUNT_ASKED.search(situation.text):
        return None
    monthly = _told_monthly(situation.text)
    if monthly is None:
        return None
    rule = _payment(product, monthly)
    if rule is None:
        return None
    percent, reckoned, article = rule
    amount = round(situation.sum_insured * percent / 100, 2)
    figures = f"{money(situation.sum_insured)} × {reckoned} = {money(amount)}"
    way = "月领每月" if monthly else "年领每年"
    return Verdict(
        "annuity",
        "info",
        f"{way}可领{money(amount)}：{figures}。",
        (Reason(f"每期按基本保险金额的{reckoned}给付", article),),
        ("年金须被保险人在给付日生存（按条款完成生存确认）才给付。",),
        sum=figures,
    )


def _guaranteed_years(product: ProductKnowledge) -> tuple[int, str] | None:
    for article in product.document.articles:
        for sentence in plain_sentences(arabic_numerals(article.body)):
            found = GUARANTEED.search(sentence)
            if found:
                return int(found.group(3)), article.number
    return None


def _sentence(product: ProductKnowledge, pattern: re.Pattern[str]) -> tuple[str, str] | None:
    return next(
        (
            (article.number, sentence)
            for article in product.document.articles
            for sentence in plain_sentences(arabic_numerals(article.body))
            if pattern.search(sentence)
        ),
        None,
    )


def decide_guaranteed_death(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """Death after payments began: the guaranteed total less what was paid, or nothing after it."""
    text = arabic_numerals(situation.text)
    received = RECEIVED.search(text)
    if received is None or not DEATH.search(text):
        return None
    guaranteed = _guaranteed_years(product)
    death_rule = _sentence(product, GUARANTEED_DEATH)
    if guaranteed is None or death_rule is None:
        return None
    monthly = _told_monthly(text.replace("每月领", "").replace("每年领", ""))
    count, unit = int(received.group(2)), received.group(3)
    if monthly is None:
        monthly = unit == "个月"
    if monthly and unit == "年":
        count *= 12
    if not monthly and unit == "个月":
        return None
    years, period_article = guaranteed
    periods = years * (12 if monthly else 1)
    if count >= periods:
        return _after_guarantee(product, situation, years, period_article)
    rule = _payment(product, monthly)
    if situation.sum_insured is None or rule is None:
        return None
    percent, reckoned, article = rule
    each = situation.sum_insured * percent / 100
    owed = each * periods - each * count
    way = "月领" if monthly else "年领"
    figures = f"{money(each)} × {periods} − {money(each)} × {count} = {money(owed)}"
    reasons = [
        Reason(f"保证领取期间为{years}年，{way}共{periods}期", period_article),
        Reason(f"每期按基本保险金额的{reckoned}给付", article),
        Reason(f"条款约定：“{clip(death_rule[1], 70)}”", death_rule[0]),
    ]
    conditions = []
    carry_on = _sentence(product, CARRY_ON)
    if carry_on is not None:
        conditions.append(f"受益人也可以选择按原方式继续领取剩余的{periods - count}期。")
        reasons.append(Reason("受益人可选择继续领取剩余各期", carry_on[0]))
    return Verdict(
        "annuity",
        "yes",
        f"还能领{money(owed)}：保证领取期内应领的总额减去已领的，{figures}。",
        tuple(reasons),
        tuple(conditions),
        sum=figures,
        paid=owed,
    )


NOTHING_AFTER = re.compile(r"(届满|期满)后[^。；]{0,8}身故[^。；]{0,16}不(再)?(给付|承担)")
PAID_AFTER_DEATH = re.compile(r"身故后[^。；]{0,16}(给付|领取)[^。；]*退(还|回)")
RETURN_ASKED = re.compile(r"退(还|回)?|打到|到账|多领|还要还")


def _after_guarantee(
    product: ProductKnowledge, situation: Situation, years: int, period_article: str
) -> Verdict | None:
    """Death after the guaranteed period: no death benefit, and what was paid after it returns."""
    nothing = _sentence(product, NOTHING_AFTER)
    if nothing is None:
        return None
    reasons = [
        Reason(f"保证领取期间为{years}年", period_article),
        Reason(f"条款约定：“{clip(nothing[1], 60)}”", nothing[0]),
    ]
    conditions = []
    back = _sentence(product, PAID_AFTER_DEATH)
    if back is not None and RETURN_ASKED.search(situation.text):
        conditions.append(
            f"身故后仍打来的年金要退还：条款约定“{clip(back[1], 90)}”（第{back[0]}条）。"
        )
        reasons.append(Reason("身故后多给付的年金须退还", back[0]))
    return Verdict(
        "annuity",
        "no",
        f"没有身故保险金了：保证领取期{years}年已经领满，之后身故不再给付身故保险金。",
        tuple(reasons),
        tuple(conditions),
    )


# what the customer wants to change, the wording's words for it, and how to say "not any more"
TOPICS: tuple[tuple[str, re.Pattern[str], str, str], ...] = (
    (
        "method",
        re.compile(
            r"(年领|月领|按年|按月)[^，。；]{0,6}(改|换|变)|(改|换|变)[^，。；]{0,4}(年领|月领|按年|按月)"
            r"|领取方式"
        ),
        r"领取方式",
        "变更领取方式",
    ),
    (
        "age",
        re.compile(
            r"(推迟|提前|延后|延迟|改|换|变更|调整)[^，。；]{0,8}(\d+\s*岁|周岁|年龄)"
            r"|(领取|起领|开始领)[^，。；]{0,4}年龄[^，。；]{0,6}(改|变|调)"
        ),
        r"领取(起始)?年龄|起领年龄|开始领取(的)?年龄",
        "变更领取起始年龄",
    ),
    (
        "payee",
        re.compile(r"(养老金|年金)[^，。；]{0,6}(受益人|领取人)"),
        r"年金的受益人|年金受益人|年金的领取人",
        "变更年金的受益人",
    ),
    ("loan", re.compile(r"贷款|借款|借钱"), r"保单贷款|保单借款|借款", "再申请保单贷款"),
    ("reduction", re.compile(r"减保|减少保额|降低保额"), r"减保|减少基本保险金额", "再申请减保"),
    ("surrender", re.compile(r"退保|解除合同"), r"解除(本)?合同|退保", "退保（解除合同）"),
)
PERMISSION = re.compile(r"能|可以|可不可以|行不行|行吗|允许|让不让|可否")
AFTER_START_TOLD = re.compile(
    r"已经开始领|开始领(了|取)?(以后|之后|后)|(已经|都)?领了[^，。；]{0,4}(年|个月|次|期)|正在领"
)
BEFORE_START_TOLD = re.compile(
    r"还没(开始)?领|还没到[^，。；]{0,4}领|没到领取|开始领取日前|就到开始领取日|还有[^，。；]{0,8}开始领"
)
AFTER_START = re.compile(r"(开始|首个|首次)领取(日)?(零时)?(起|后|以后|之后)")
BEFORE_START = re.compile(r"(开始|首个|首次)领取日(\d+日)?(前|之前)")
OTHER_STATE = re.compile(r"(犹豫期|冷静期)内|续领|中止期间|宽限期内")


def _rules(product: ProductKnowledge, words: str) -> tuple[list[tuple[str, str]], ...]:
    """(never, not after the start day, allowed before it) sentences on ``words``."""
    never: list[tuple[str, str]] = []
    after: list[tuple[str, str]] = []
    before: list[tuple[str, str]] = []
    forbidden = re.compile(
        rf"(?<!我们)不得(再)?(申请)?(新的)?(变更|更改|办理)?({words})|({words})[^，。；]{{0,2}}不得|({words})[^。；]{{0,12}}不得(变更|更改)"
    )
    allowed = re.compile(rf"可以[^，。；]{{0,8}}({words})")
    for article in product.document.articles:
        for sentence in plain_sentences(arabic_numerals(article.body)):
            if forbidden.search(sentence) and not OTHER_STATE.search(sentence):
                if AFTER_START.search(sentence):
                    after.append((article.number, sentence))
                elif not BEFORE_START.search(sentence) and not re.search(r"(期间|期)内", sentence):
                    never.append((article.number, sentence))
            elif allowed.search(sentence) and BEFORE_START.search(sentence):
                before.append((article.number, sentence))
    return never, after, before


def decide_annuity_change(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """Whether a change is allowed, by the wording's sentence for the start of payments."""
    if product.document.product_type != "annuity":
        return None
    text = arabic_numerals(situation.text)
    if "amount" in situation.asks or re.search(r"犹豫期|冷静期", text):
        return None  # what a surrender refunds, or the days to change one's mind, are asked
    topic = next((t for t in TOPICS if t[1].search(text)), None)
    if topic is None or not PERMISSION.search(text):
        return None
    _, _, words, action = topic
    never, after, before = _rules(product, words)
    is_after = bool(AFTER_START_TOLD.search(text))
    is_before = not is_after and bool(BEFORE_START_TOLD.search(text))
    if never:
        number, sentence = never[0]
        return _verdict("no", f"不能{action}", number, sentence)
    if after and is_after:
        number, sentence = after[0]
        return _verdict("no", f"不能{action}了，已经开始领取", number, sentence)
    if before and (is_before or (not is_after and not after)):
        number, sentence = before[0]
        return _verdict("yes", "可以，但要在开始领取日前按条款办理", number, sentence)
    if before and after and not is_after and "whether" in situation.asks:
        reasons = (
            Reason(f"条款约定：“{clip(before[0][1], 80)}”", before[0][0]),
            Reason(f"条款约定：“{clip(after[0][1], 60)}”", after[0][0]),
        )
        return Verdict(
            "annuity_change",
            "depends",
            f"开始领取日前可以{action.removeprefix('再')}，开始领取日后不能。",
            reasons,
            coverage=False,
        )
    return None


def _verdict(decision: str, lead: str, number: str, sentence: str) -> Verdict:
    return Verdict(
        "annuity_change",
        decision,
        f"{lead}：条款约定“{clip(sentence, 90)}”。",
        (Reason("见条款原文", number),),
        coverage=False,
    )


DIVIDEND_ASKED = re.compile(r"分红|红利")
NO_DIVIDEND = re.compile(
    r"不参与[^。；]{0,10}(红利|分红)|不(享有|具有)[^。；]{0,4}(红利|分红)|普通型"
)
DIVIDEND = re.compile(r"分红型|参与[^。；]{0,10}(红利|分红)(分配)?")


def decide_dividend(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "有分红吗": none where the wording says it is 普通型 or takes no part in dividends."""
    if not DIVIDEND_ASKED.search(situation.text):
        return None
    none = _sentence(product, NO_DIVIDEND)
    if none is not None:
        return _dividend("no", "没有分红", none)
    some = _sentence(product, DIVIDEND)
    if some is not None:
        return _dividend("yes", "有分红，但分红不保证", some)
    return _growth_not_dividend(product)


GROWTH_SAID = re.compile(
    r"有效保险金额[^。]{0,40}?(?:增长率|递增|增长)[^。]{0,12}?(\d+(?:\.\d+)?)\s*%"
)


def _growth_not_dividend(product: ProductKnowledge) -> Verdict | None:
    """A wording silent on dividends whose sum grows at a stated rate: what grows is the sum, by
    the wording, not a dividend."""
    if any(re.search(r"分红|红利", a.title + a.body) for a in product.document.articles):
        return None
    for article in product.document.articles:
        for sentence in plain_sentences(arabic_numerals(article.body)):
            grows = GROWTH_SAID.search(sentence)
            if grows is not None:
                return Verdict(
                    "dividend",
                    "no",
                    f"条款里没有分红（红利）的约定；条款写明的是有效保险金额每年按{grows.group(1)}%"
                    "递增，这是确定的增长，不是分红。销售的说法可以转人工向保险公司核实。",
                    (Reason(f"条款约定：“{clip(sentence, 90)}”", article.number),),
                    coverage=False,
                )
    return None


def _dividend(decision: str, lead: str, found: tuple[str, str]) -> Verdict:
    number, sentence = found
    return Verdict(
        "dividend",
        decision,
        f"{lead}：条款写明“{clip(sentence, 80)}”。",
        (Reason("见条款原文", number),),
        coverage=False,
    )


SURVIVAL_ASKED = re.compile(r"生存(确认|认证|证明|核验)|领取资格认证|资格认证")
SURVIVAL_WORDING = re.compile(r"生存(确认|认证|证明|核验)|资格认证")
HARDSHIP = re.compile(r"腿脚|卧床|行动不便|去不了|不会用|\d+\s*(岁|了)|年纪大|老人")
# what about the check is asked, and the sentences of the wording that answer it
SURVIVAL_TOPICS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (
        re.compile(r"忘(了|记)|没(做|办|去)|未(做|办)|错过|没到账|停(发|了)|失效|补(做|办|发)"),
        re.compile(r"暂停|补发|效力"),
    ),
    (
        re.compile(r"柜面|上门|手机|视频|腿脚|卧床|行动不便|去不了|怎么(做|办)|方式|非得|必须"),
        re.compile(r"上门|视频|人脸|柜面|授权"),
    ),
    (
        re.compile(r"每(个)?月|每年|多久(做)?(一|1)次|几次|频率|(每|都)[^，。；]{0,6}(一|1)次"),
        re.compile(r"每[^。；]{0,6}(年度|年|月)[^。；]{0,4}(一|1)次|适用于"),
    ),
    (
        re.compile(r"什么时候|何时|哪天|多久|提醒|通知|几天"),
        re.compile(r"\d+\s*日"),
    ),
)


def _survival_articles(product: ProductKnowledge) -> list[tuple[str, str]]:
    """(article, sentence) of the articles on the check, a child under a parent titled so too."""
    titled = {a.number for a in product.document.articles if SURVIVAL_WORDING.search(a.title)}
    found: list[tuple[str, str]] = []
    for article in product.document.articles:
        parts = article.number.split(".")
        ancestry = {".".join(parts[: i + 1]) for i in range(len(parts))}
        if ancestry & titled:
            found.extend((article.number, s) for s in plain_sentences(article.body))
    return found


def decide_survival_check(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """A question on the check that the insured is alive (生存确认): the wording's sentences on it.

    Whether the contract lapses ("效力不因此中止") leads when the customer asks; otherwise the
    sentences that answer the kind of question asked (missed, how, how often, when) are quoted.
    """
    if not SURVIVAL_ASKED.search(situation.text):
        return None
    sentences = _survival_articles(product)
    chosen: list[tuple[str, str]] = []
    for asked, answering in SURVIVAL_TOPICS:
        if asked.search(situation.text):
            chosen = [(n, s) for n, s in sentences if answering.search(arabic_numerals(s))]
        if chosen:
            break
    if not chosen:
        return None
    if HARDSHIP.search(situation.text):
        chosen.sort(key=lambda found: "上门" not in found[1])
    chosen = chosen[:3]
    lead = "条款对生存确认的约定"
    if re.search(r"失效|中止|有效", situation.text) and any(
        re.search(r"效力不(因此)?中止", s) for _, s in chosen
    ):
        lead = "合同不会因此失效，效力不中止"
    quoted = "；".join(f"“{clip(s, 90)}”（第{n}条）" for n, s in chosen)
    return Verdict(
        "survival_check",
        "info",
        f"{lead}：{quoted}。",
        tuple(Reason("见条款原文", n) for n in dict.fromkeys(n for n, _ in chosen)),
        coverage=False,
    )


ONLY_AFTER_START = re.compile(
    r"(开始|首个|首次)领取(日)?(零时)?(后|以后|之后)[^。；]{0,10}身故的[^。；]{0,6}仅[^。；]{0,6}"
    r"第[（(](\d+)[）)]项至第[（(](\d+)[）)]项[^。；]{0,6}适用"
)


def spared_after_start(
    product: ProductKnowledge, article: str, position: int, text: str
) -> tuple[int, int] | None:
    """The items (first, last) that alone apply once payments began, when the customer's death came
    after the start day and ``position`` is not among them ("开始领取日后身故的，仅第（1）项至第（3）项适用")."""
    if not AFTER_START_TOLD.search(arabic_numerals(text)):
        return None
    found = product.document.article(article)
    if found is None:
        return None
    rule = ONLY_AFTER_START.search(arabic_numerals(found.body))
    if rule is None:
        return None
    first, last = int(rule.group(5)), int(rule.group(6))
    return None if first <= position <= last else (first, last)


START_DAY = re.compile(
    r"开始领取日(为|是|指)[^。]*?年满[^。；]*?年龄(后|之后|以后)的首个保单周年日"
)
SAME_DAY = re.compile(r"生日与保单周年日为同一日的[^。；]{0,4}(以该日为|即为该日)")
START_AGE_TOLD = re.compile(r"(\d+)\s*周?岁(开始)?领")
FIRST_ASKED = re.compile(r"哪天|什么时候|何时|哪一天|几号")


def decide_start_day(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "1972年8月10日出生，2025年4月1日生效，65岁开始领，哪天领第一笔": the first policy
    anniversary once the starting age is reached, as the wording fixes the start day."""
    told_age = START_AGE_TOLD.search(arabic_numerals(situation.text))
    if told_age is None or not FIRST_ASKED.search(situation.text):
        return None
    birth = next(
        (d.first for d in situation.dated if d.kind == "birth" and d.first == d.last), None
    )
    start = next(
        (d.first for d in situation.dated if d.kind == "effective" and d.first == d.last), None
    )
    found = _sentence(product, START_DAY)
    if birth is None or start is None or found is None:
        return None
    age = int(told_age.group(1))
    reached = _anniversary(birth, birth.year + age)
    same_day_counts = bool(SAME_DAY.search(found[1])) or any(
        SAME_DAY.search(s) for _, s in wording_sentences(product)
    )
    year = reached.year
    day = _anniversary(start, year)
    if day < reached or (day == reached and not same_day_counts):
        day = _anniversary(start, year + 1)
    return Verdict(
        "annuity",
        "info",
        f"开始领取日是{day.year}年{day.month}月{day.day}日：您{reached.year}年{reached.month}月"
        f"{reached.day}日年满{age}周岁，之后的首个保单周年日（每年{start.month}月{start.day}日）。",
        (Reason(f"条款约定：“{clip(found[1], 70)}”", found[0]),),
        ("年金须在开始领取日前按条款完成生存确认后给付。",),
        coverage=False,
    )


def _anniversary(day: dt.date, year: int) -> dt.date:
    """``day`` in ``year``; 29 February falls on the month's last day."""
    try:
        return day.replace(year=year)
    except ValueError:
        return day.replace(year=year, day=28)


OWED_AT_START = re.compile(r"(贷款|借款|垫交)[^。？?]{0,12}(没还|未还|没有还|欠)")
DEDUCTED_AT_START = re.compile(r"开始领取日[^。；]{0,12}(尚未清偿|未还|未偿还)[^。]*扣除")


def decide_loan_at_start(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """A loan still owed when payments begin: what the wording does with it (deducted from each
    payment, interest still running), in its own sentences."""
    if not OWED_AT_START.search(situation.text) or not re.search(r"开始领|领取日", situation.text):
        return None
    found = _quoted_with_next(product, DEDUCTED_AT_START)
    if found is None:
        return None
    number, quoted = found
    return Verdict(
        "annuity",
        "info",
        f"开始领取后会先从每期年金里扣还欠款：条款约定{quoted}。",
        (Reason("见条款原文", number),),
        coverage=False,
    )


def _quoted_with_next(
    product: ProductKnowledge, pattern: re.Pattern[str]
) -> tuple[str, str] | None:
    """The article and the quoted first sentence ``pattern`` finds, with the sentence after it."""
    for article in product.document.articles:
        lines = plain_sentences(article.body)
        for n, sentence in enumerate(lines):
            if pattern.search(arabic_numerals(sentence)):
                return article.number, "".join(f"“{clip(s, 90)}”" for s in lines[n : n + 2])
    return None


LAPSE_OVER_START = re.compile(
    r"中止[^。；]{0,12}(经过|跨过|超过)?[^。；]{0,4}开始领取日[^。]*(补发|顺延)"
)
LAPSE_TOLD = re.compile(r"停效|失效|中止|断交")


def decide_lapse_over_start(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """A suspension that spans the start day: what reinstatement brings back (payments made up,
    the guaranteed period not moved), in the wording's sentence."""
    text = situation.text
    if not (LAPSE_TOLD.search(text) and re.search(r"开始领|领取日", text)):
        return None
    found = _quoted_with_next(product, LAPSE_OVER_START)
    if found is None:
        return None
    number, quoted = found
    return Verdict(
        "annuity",
        "info",
        f"复效后按条款处理：{quoted}。",
        (Reason("见条款原文", number),),
        coverage=False,
    )


MINIMUM_ASKED = re.compile(
    r"最低(保额|基本保险金额)|(保额|基本保险金额)最低|最少(买|投|保)|起投|起保"
)
MINIMUM = re.compile(r"基本保险金额[^。；]{0,12}不(得)?(低于|少于)\s*\d")


def decide_minimum_sum(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "最低保额多少": the wording's floor on the sum insured, in its own sentence."""
    if not MINIMUM_ASKED.search(situation.text):
        return None
    found = _sentence(product, MINIMUM)
    if found is None:
        return None
    number, sentence = found
    return Verdict(
        "minimum_sum",
        "info",
        f"条款约定：“{clip(sentence, 90)}”。",
        (Reason("见条款原文", number),),
        coverage=False,
    )
