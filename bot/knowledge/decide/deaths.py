"""Deaths: what a death pays, by age and within minors' caps; a wording with no death benefit."""

from __future__ import annotations

import re

from bot.knowledge.decide.disability import plan_sum
from bot.knowledge.decide.extras import is_extra, plus_extra
from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import amount_text, plain_sentences, wording_sentences
from bot.knowledge.explain import clip, money
from bot.knowledge.facts import Benefit, ProductKnowledge
from bot.knowledge.plans import plan_amount
from bot.knowledge.situation import Situation
from bot.knowledge.text import arabic_numerals, strip_markdown

NO_DEATH_BENEFIT = re.compile(r"(不提供|不含|不包括|不包含|没有|无)身故保险金")
DEATH = re.compile(r"身故|去世|过世|死亡|走了|离世|病故|病逝|逝世|猝死|没了")


def decide_absent_death_benefit(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """A death the wording pays no benefit for: say so, and what it does say about a death."""
    if not DEATH.search(situation.text) or not product.facts.benefits:
        return None
    if any(re.search(r"身故|死亡", b.name) for b in product.facts.benefits):
        return None
    if any(
        "身故保险金" in a.title
        or any(
            "身故保险金" in s and not NO_DEATH_BENEFIT.search(s) for s in plain_sentences(a.body)
        )
        for a in product.document.articles
    ):
        return None
    said = [
        (n, s)
        for n, s in wording_sentences(product)
        if re.search(r"身故", s) and re.search(r"现金价值|退还|终止", s)
    ]
    reasons = [Reason("保险责任中没有身故保险金", product.facts.benefits[0].article)]
    then = "请以条款约定为准。"
    if said:
        number, sentence = said[0]
        reasons.append(Reason(f"条款约定：“{clip(sentence, 90)}”", number))
        then = "被保险人身故的，按条款退还现金价值或保费，合同终止。"
        refund = what_is_paid(sentence)
        paid = situation.premiums_paid or (
            situation.annual_premium * situation.years_paid
            if situation.annual_premium and situation.years_paid
            else None
        )
        if refund == "已交保险费" and paid:
            then = (
                f"被保险人身故的，按条款返还已交保险费，合同终止：按您说的交费，约{money(paid)}。"
            )
    return Verdict(
        "death", "no", f"《{product.name}》没有身故保险金，不按保额赔付身故；{then}", tuple(reasons)
    )


ADULT_AGE = re.compile(r"(\d+)周岁")
PAY_WORDS = (
    (r"基本保险金额", "基本保险金额"),
    (r"已(交|缴|支付)(纳|付)?的?(本合同的?|本主险合同的?)?保险费", "已交保险费"),
    (r"现金价值", "现金价值"),
)


def what_is_paid(sentence: str) -> str | None:
    """What a death-benefit sentence pays when that is not simply a share of the sum insured:
    "已交保险费", or "已交保险费与现金价值中较大的一项"; ``None`` for a share of the sum insured."""
    named = [label for word, label in PAY_WORDS if re.search(word, sentence)]
    if len(named) > 1 and re.search(r"较大|较高|最大|最高|较多", sentence):
        return "与".join(named) + "中较大的一项"
    if named and "基本保险金额" not in named:
        return "、".join(named)
    return None


def _greatest(what: str, situation: Situation) -> str:
    """ "已交保险费与现金价值中较大的一项" with the customer's figures: "：12万元与8万元中较大的是12万元"."""
    if "较大" not in what:
        return ""
    premiums = situation.premiums_paid or (
        situation.annual_premium * situation.years_paid
        if situation.annual_premium and situation.years_paid
        else None
    )
    told = {
        "已交保险费": premiums,
        "现金价值": situation.cash_value,
        "基本保险金额": situation.sum_insured,
    }
    named = [(label, told.get(label)) for _, label in PAY_WORDS if label in what]
    if len(named) < 2 or any(value is None for _, value in named):
        return ""
    figures = "、".join(f"{label}{money(value or 0)}" for label, value in named)
    return f"：按您说的{figures}，较大的是{money(max(value or 0 for _, value in named))}"


def _age_at_death(situation: Situation) -> int | None:
    birth = next((d for d in situation.dated if d.kind == "birth"), None)
    death = next((d for d in situation.dated if d.kind == "death"), None) or next(
        (d for d in situation.dated if d.kind == "accident"), None
    )  # "9月10号出车祸去世了": the day of the accident told with the death
    if birth is not None and death is not None and birth.first == birth.last:
        day = death.first
        years = day.year - birth.first.year
        if (day.month, day.day) < (birth.first.month, birth.first.day):
            years -= 1
        return years
    return situation.age


def decide_death_benefit(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """What a death pays: the death benefit's own rule, by age where the wording splits it."""
    if not DEATH.search(situation.text) or not (situation.asks & {"amount", "whether"}):
        return None
    # an extra (航空意外身故保险金: 另按…额外给付) is added to the death benefit, never instead of it
    benefits = [b for b in product.facts.benefits if re.search(r"身故", b.name) and not is_extra(b)]
    if situation.cause == "accident":
        benefits = [b for b in benefits if "意外" in b.name] or benefits
    elif benefits and all("意外" in b.name for b in benefits) and SUDDEN.search(situation.text):
        # a death from a sudden illness is no accident: an accident cover pays it only where it
        # has a benefit for sudden death (猝死保险金), at that benefit's own sum
        return _sudden_death(product, situation)
    if not benefits:
        return None
    benefit = benefits[0]
    rules = []
    for sentence in benefit.sentences:
        plain = arabic_numerals(sentence)
        stated = ADULT_AGE.search(plain)
        if stated is None:
            continue
        minor = bool(re.search(r"未满|不满|未达|以前|之前|前(?!款)", plain[: stated.end() + 4]))
        rules.append((int(stated.group(1)), minor, plain))
    age = _age_at_death(situation)
    reason = Reason(f"条款约定：“{clip(benefit.sentences[0], 80)}”", benefit.article)
    if rules and age is not None:
        limit = rules[0][0]
        fitting = [r for r in rules if r[1] == (age < limit)]
        if fitting:
            plain = fitting[0][2]
            reasons = (Reason(f"条款约定：“{clip(plain, 90)}”", benefit.article),)
            paid = (
                f"，按您说的年交{money(situation.annual_premium)}、交了{situation.years_paid}年，"
                f"已交保险费约为{money(situation.annual_premium * situation.years_paid)}"
                if situation.annual_premium and situation.years_paid
                else ""
            )
            what = what_is_paid(plain)
            if age < limit:
                return Verdict(
                    "death",
                    "info",
                    f"身故时未满{limit}周岁，不按保额赔，按{what or '条款约定的金额'}给付{paid}。",
                    reasons,
                )
            if what is not None:
                # "已满18周岁的，为已交保险费与现金价值二者中的较大者": not a share of the sum insured
                greatest = _greatest(what, situation)
                return Verdict(
                    "death",
                    "yes" if greatest else "info",
                    f"身故时已满{limit}周岁，按{what}给付{greatest or paid}。",
                    reasons,
                )
            percent = re.search(r"(\d+(?:\.\d+)?)%", plain)
            share = float(percent.group(1)) if percent else 100.0
            adult = Verdict(
                "death",
                "yes",
                f"身故时已满{limit}周岁，按基本保险金额的{share:g}%给付：{amount_text(situation, share)}。",
                reasons,
            )
            return plus_extra(product, situation, share, adult)
    if rules and age is None:
        return _by_age(situation, benefit, rules)
    if benefit.percent is not None:
        cap = _minor_cap(product, age)
        if cap is not None and situation.sum_insured and situation.sum_insured > cap[0]:
            return Verdict(
                "death",
                "info",
                f"按未成年人身故保险金的限额，最多赔{money(cap[0])}，不是保单上的{money(situation.sum_insured)}。",
                (reason, Reason(f"条款约定：“{clip(cap[2], 90)}”", cap[1])),
            )
        each = _per_plan(product, situation, benefit.percent)
        death = Verdict(
            "death",
            "yes",
            f"可以赔{benefit.name}：{each or amount_text(situation, benefit.percent)}。",
            (reason,),
            ("须不属于责任免除的情形，以理赔审核为准。",),
            paid=situation.sum_insured * benefit.percent / 100
            if situation.sum_insured and not each
            else None,
        )
        return death if each else plus_extra(product, situation, benefit.percent, death)
    return None


def _by_age(situation: Situation, benefit: Benefit, rules: list[tuple[int, bool, str]]) -> Verdict:
    """Each age's rule when the age at death is not told: "未满18周岁的按已交保险费；已满18周岁的
    按已交保险费与现金价值中较大的一项"."""
    parts = []
    for limit, minor, plain in rules:
        what = what_is_paid(plain)
        if what is None:
            percent = re.search(r"(\d+(?:\.\d+)?)%", plain)
            what = f"基本保险金额的{float(percent.group(1)) if percent else 100.0:g}%"
        parts.append(f"身故时{'未满' if minor else '已满'}{limit}周岁的，按{what}给付")
    text = "身故保险金按身故时的年龄给付：" + "；".join(parts) + "。"
    if situation.sum_insured and all(what_is_paid(plain) for _, _, plain in rules):
        text += f"不是按保额{money(situation.sum_insured)}给付。"
    return Verdict(
        "death",
        "info",
        text,
        tuple(Reason(f"条款约定：“{clip(plain, 90)}”", benefit.article) for _, _, plain in rules),
        ("须不属于责任免除的情形，以理赔审核为准。",),
    )


MINOR_CAP = re.compile(r"(?:未满|不满)(\d+)周岁[^。；]{0,40}?(\d+(?:\.\d+)?)\s*(万元|万|元)")


def _minor_cap(product: ProductKnowledge, age: int | None) -> tuple[float, str, str] | None:
    """The cap on a minor's death benefit the wording states, for a child of ``age``."""
    if age is None or age >= 18:
        return None
    for article in product.document.articles:
        for sentence in strip_markdown(arabic_numerals(article.body)).split("\n"):
            if "身故" not in sentence and "身故" not in article.title:
                continue
            for match in MINOR_CAP.finditer(sentence):
                limit = int(match.group(1))
                if age < limit:
                    amount = float(match.group(2)) * (
                        10_000 if match.group(3).startswith("万") else 1
                    )
                    return amount, article.number, sentence
    return None


def _per_plan(product: ProductKnowledge, situation: Situation, percent: float) -> str | None:
    """``按基本保险金额的100%给付，计划一10万元；计划二20万元（以保单载明的计划为准）`` when the
    wording has plans and neither the plan nor the sum insured is told."""
    if situation.sum_insured or situation.plan or len(product.facts.plans) < 2:
        return None
    each = [(plan, plan_sum(product, plan)) for plan in product.facts.plans]
    if not all(amount for _, amount in each):
        return None
    lines = "；".join(f"{plan}{money((amount or 0) * percent / 100)}" for plan, amount in each)
    return f"按基本保险金额的{percent:g}%给付，{lines}（以保单载明的计划为准）"


SUDDEN = re.compile(r"突发|突然|猝死|急性|心脏病|心梗|心肌梗|脑溢血|脑出血|发病")


def _sudden_death(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """A sudden death under an accident cover: the sudden-death benefit, its plan's sum."""
    benefit = next((b for b in product.facts.benefits if "猝死" in b.name), None)
    if benefit is None:
        return None
    reasons = [Reason(f"条款约定：“{clip(benefit.sentences[0], 80)}”", benefit.article)]
    conditions = (
        "须符合条款对猝死的定义（如急性症状出现后的时限），并已过该项等待期，以理赔审核为准。",
    )
    sum_row = re.compile(re.escape(re.sub(r"保险金$", "", benefit.name)))
    found = (
        plan_amount(product.facts.plan_amounts, situation.plan, sum_row) if situation.plan else None
    )
    if found is None:
        paid = f"：{amount_text(situation, benefit.percent)}" if benefit.percent is not None else ""
        return Verdict(
            "death",
            "yes",
            f"按{benefit.name}的约定给付（不是意外身故保险金）{paid}。",
            tuple(reasons),
            conditions,
        )
    amount = found.amount
    reasons.append(Reason(f"{situation.plan}的{found.label}为{money(amount)}", found.article))
    return Verdict(
        "death",
        "yes",
        f"按{benefit.name}赔：{situation.plan}为{money(amount)}（不是意外身故保险金）。",
        tuple(reasons),
        conditions,
    )


LAPSE_TOLD = re.compile(r"停效|失效|效力中止|断交|欠费|没交|停交")
NOT_REINSTATED = re.compile(r"(还)?没(有)?(复效|恢复)|未复效")
DEATH_IN_LAPSE = re.compile(r"(效力)?中止期间[^。；]{0,8}身故[^。]*(退还|终止)")
NO_COVER_IN_LAPSE = re.compile(
    r"(?<![条项])(效力)?中止期间[^。；]{0,8}(不承担|不负)[^。；]{0,4}保险责任"
)


def decide_death_in_lapse(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "停效了半年，还没复效人就走了": no cover while the contract is suspended, and what the
    wording pays back instead (the cash value), in its own sentences."""
    text = situation.text
    if not (DEATH.search(text) and LAPSE_TOLD.search(text) and NOT_REINSTATED.search(text)):
        return None
    found = none = None
    for article in product.document.articles:
        for sentence in plain_sentences(article.body):
            if found is None and DEATH_IN_LAPSE.search(sentence):
                found = (article.number, sentence)
            if none is None and NO_COVER_IN_LAPSE.search(sentence):
                none = (article.number, sentence)
    if found is None:
        return None
    reasons = [Reason(f"条款约定：“{clip(found[1], 90)}”", found[0])]
    if none is not None:
        reasons.insert(0, Reason(f"条款约定：“{clip(none[1], 60)}”", none[0]))
    refund = "退还现金价值" if "现金价值" in found[1] else "按条款退还"
    return Verdict(
        "death",
        "no",
        f"不给付身故保险金：效力中止期间不承担保险责任，合同终止，{refund}（见下方条款）。",
        tuple(reasons),
    )


AGE_ASKED = re.compile(r"(\d+|几十)\s*岁|年纪|年龄")
SAME_ASKED = re.compile(r"一样|相同|(会|就)?(减少|变少|递减|少了|降低)")
NOT_BY_AGE = re.compile(r"不(随|受)[^。；]{0,16}年龄[^。；]{0,20}(递减|影响|变化|减少|降低)")


def decide_same_at_every_age(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "40岁出事和65岁出事赔的一样吗": the wording's sentence that the sum does not fall with age,
    where the death benefit has no rule by age of its own."""
    text = situation.text
    if not (AGE_ASKED.search(text) and SAME_ASKED.search(text)):
        return None
    benefit = next((b for b in product.facts.benefits if "身故" in b.name), None)
    if benefit is None or benefit.percent is None:
        return None
    if any(ADULT_AGE.search(arabic_numerals(s)) for s in benefit.sentences):
        return None
    said = [(n, s) for n, s in wording_sentences(product) if NOT_BY_AGE.search(s)]
    if not said:
        return None
    paid = (
        f"，都是{money(situation.sum_insured * benefit.percent / 100)}"
        if situation.sum_insured
        else ""
    )
    return Verdict(
        "death",
        "info",
        f"一样：{benefit.name}按基本保险金额给付，不随年龄递减，出事时年龄不同赔的也相同{paid}。",
        tuple(Reason(f"条款约定：“{clip(s, 90)}”", number) for number, s in said[:2]),
    )


UNKNOWN_CAUSE = re.compile(
    r"(无法|不能|难以)确定[^。]{0,10}(原因|死因)[^。]{0,30}(较低|较少|孰低|低者)"
)
CAUSE_UNTOLD = re.compile(
    r"说不清|不确定|搞不清|不清楚|不知道是|分不清|无法确定|(不同意|不做|拒绝|没做)尸检"
)


def decide_unknown_cause(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "说不清是摔死的还是猝死的，家里不同意尸检": the wording pays the lower of the two deaths
    benefits when the cause cannot be found ("无法确定身故原因的，按…两者中较低者给付")."""
    text = situation.text
    if not (DEATH.search(text) and CAUSE_UNTOLD.search(text)):
        return None
    found = next(
        ((n, s) for n, s in wording_sentences(product) if UNKNOWN_CAUSE.search(s)),
        None,
    )
    if found is None:
        return None
    number, sentence = found
    named = [
        b
        for b in product.facts.benefits
        if b.name in sentence and re.search(r"身故|死亡|猝死", b.name)
    ]
    reasons = [Reason(f"条款约定：“{clip(sentence, 100)}”", number)]
    amounts = [(b, _benefit_sum(product, situation, b)) for b in named]
    if len(amounts) == 2 and all(a is not None for _, a in amounts):
        lower_benefit, lower = min(amounts, key=lambda pair: pair[1] or 0.0)
        shown = "、".join(f"{b.name}{money(a or 0)}" for b, a in amounts)
        return Verdict(
            "death",
            "info",
            f"身故原因无法确定的，按两项中较低者给付：{shown}，较低的是{lower_benefit.name}"
            f"{money(lower or 0)}。",
            tuple(reasons),
            ("能查明身故原因（如尸检、公安或医疗机构的死亡原因证明）的，按查明的原因给付。",),
        )
    return Verdict(
        "death",
        "info",
        "身故原因无法确定的，按条款约定的两项保险金中较低者给付（见下方条款）。",
        tuple(reasons),
        ("能查明身故原因的，按查明的原因给付。",),
    )


def _benefit_sum(product: ProductKnowledge, situation: Situation, benefit: Benefit) -> float | None:
    """A benefit's amount: its own row of the plan's table, else its share of the sum insured."""
    if situation.plan is not None:
        row = re.compile(re.escape(re.sub(r"保险金$", "", benefit.name)))
        found = plan_amount(product.facts.plan_amounts, situation.plan, row)
        if found is not None:
            return found.amount
    if benefit.percent is not None and situation.sum_insured:
        return situation.sum_insured * benefit.percent / 100
    return None
