"""Days counted from an accident: the wording's window for medical costs, disability and death.

"自意外伤害发生之日起180日内…" bounds what a benefit pays for; "第180日时治疗仍未结束的，以该日的
身体状况评定" says when disability is assessed; "给付伤残保险金后180日内身故的…扣除已给付的伤残
保险金" says what a later death pays. The numbers come from the wording.
"""

from __future__ import annotations

import datetime as dt
import re

from bot.knowledge.decide.anniversaries import past_the_age
from bot.knowledge.decide.diseases import decide_disease, is_severe
from bot.knowledge.decide.timing import day_text
from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.explain import benefit_for, clip, money
from bot.knowledge.facts import Benefit, ProductKnowledge
from bot.knowledge.situation import Dated, Situation
from bot.knowledge.text import arabic_numerals, chinese_number

WINDOW = re.compile(r"(?:意外|伤害|事故)[^。；，]{0,8}发生之日起\s*(\d+)\s*日(?:内|以内)")
ASSESSED_ON = re.compile(r"第\s*(\d+)\s*日[^。；]{0,6}治疗仍未结束")
# What the customer asks about, and the benefit that pays for it.
ASKED_BENEFIT = (
    (re.compile(r"医疗|医药费|手术费|治疗费|报销|费用"), re.compile(r"医疗")),
    (re.compile(r"身故|去世|死亡|过世|走了"), re.compile(r"身故")),
    (re.compile(r"伤残|残疾"), re.compile(r"伤残")),
)
# A visit, stay or death that began after the accident (a discharge ends a stay begun in time).
LATER_EVENTS = ("treatment", "hospital", "death", "symptom", "told")


def _benefit_sentences(product: ProductKnowledge, benefit: Benefit) -> list[str]:
    return [arabic_numerals(s) for s in benefit.sentences]


def _window(product: ProductKnowledge, text: str) -> tuple[Benefit, int, str] | None:
    """The benefit the question asks about and the days after the accident it is bounded by."""
    for asked, named in ASKED_BENEFIT:
        if not asked.search(text):
            continue
        for benefit in product.facts.benefits:
            if not named.search(benefit.name):
                continue
            for sentence in _benefit_sentences(product, benefit):
                found = WINDOW.search(sentence)
                if found:
                    return benefit, int(found.group(1)), sentence
    return None


def _accident(situation: Situation) -> Dated | None:
    return next((d for d in situation.dated if d.kind == "accident"), None)


def _carved_out(benefit: Benefit, days: int, text: str) -> str | None:
    """The benefit's sentence lifting its window (宣告死亡的…不受180日的限制) for a case the
    question tells in the wording's own words."""
    for sentence in benefit.sentences:
        plain = arabic_numerals(sentence)
        if not re.search(rf"不受[^。；]{{0,6}}{days}\s*日[^。；]{{0,4}}限制", plain):
            continue
        head = plain[: plain.find("不受")]
        shared = {
            head[i : i + 4]
            for i in range(len(head) - 3)
            if head[i : i + 4] in text and not re.search(r"意外|伤害|保险|本合同", head[i : i + 4])
        }
        if shared:
            return plain
    return None


def decide_accident_window(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "去年11月5号骨折，今年8月10号回医院取钢板，还能报吗": beyond the window it is not paid."""
    found = _window(product, situation.text)
    if found is None:
        return None
    benefit, days, sentence = found
    lifted = _carved_out(benefit, days, situation.text)
    if lifted is not None:
        return Verdict(
            "accident_window",
            "yes",
            f"不受{days}日的限制：这种情况条款另有约定，{benefit.name}不受自意外发生之日起"
            f"{days}日内的限制，按保险责任的约定承担。",
            (Reason(f"条款约定：“{clip(lifted, 90)}”", benefit.article),),
        )
    accident = _accident(situation)
    if accident is None:
        return None
    later = [d for d in situation.dated if d.kind in LATER_EVENTS and d.first > accident.last]
    told = max((d.low for d in situation.durations), default=0)
    if later:
        low = max((later[-1].first - accident.last).days, told)
        when = f"{day_text(later[-1].first)}距意外发生已{low}天"
    elif told:
        low = told  # "前后差不多220天": the time told since the accident
        when = f"您说前后已有{low}天"
    else:
        return None
    if low <= days:
        return None
    return Verdict(
        "accident_window",
        "no",
        f"不能赔：{benefit.name}只承担自意外发生之日起{days}日内的责任，{when}，超过了{days}日。",
        (Reason(f"条款约定：“{clip(sentence, 90)}”", benefit.article),),
    )


ASSESSMENT_ASKED = re.compile(r"(伤残|残疾).{0,12}(评|鉴定)|(评|鉴定).{0,12}(伤残|残疾)")
WAIT_TO_HEAL = re.compile(r"等|治好|治疗结束|还在(治|做|康复)|康复|恢复")


def decide_assessment_day(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "还在康复，伤残要等治好了再评吗": the wording's day of assessment decides."""
    if not ASSESSMENT_ASKED.search(situation.text) or not WAIT_TO_HEAL.search(situation.text):
        return None
    for benefit in product.facts.benefits:
        if "伤残" not in benefit.name:
            continue
        for sentence in _benefit_sentences(product, benefit):
            found = ASSESSED_ON.search(sentence)
            if found is None:
                continue
            days = int(found.group(1))
            accident = _accident(situation)
            when = ""
            if accident is not None and accident.first == accident.last:
                day = accident.first + dt.timedelta(days=days - 1)
                when = f"（约{day_text(day, year=True)}）"
            told = "".join(_benefit_sentences(product, benefit))
            final = "此后伤情变化不再重新评定。" if re.search(r"不再重新(评定|鉴定)", told) else ""
            return Verdict(
                "assessment_day",
                "info",
                f"不用等到治好：自意外发生之日起第{days}日{when}治疗仍未结束的，"
                f"以第{days}日时的身体状况为依据评定伤残并给付；{final}",
                (Reason(f"条款约定：“{clip(sentence, 90)}”", benefit.article),),
            )
    return None


AROUND_STAY = re.compile(r"入院前\s*(\d+)\s*日[^。]*?出院后\s*(\d+)\s*日")
BEFORE_ADMISSION = re.compile(r"(?:入院|住院)前\s*(\d+|[一二两三四五六七八九十]+)\s*[天日]")
AFTER_DISCHARGE = re.compile(
    r"出院(?:后|以后|之后)(?:的)?(?:第)?\s*(\d+|[一二两三四五六七八九十]+)\s*[天日]"
)
OUTPATIENT = re.compile(r"门诊|门急诊|急诊|复查|开药|开了.{0,3}药|看病")


def decide_stay_window(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "出院后第28天回医院复查的门诊费能报吗": the days before admission and after discharge
    the wording pays outpatient costs for."""
    if not OUTPATIENT.search(situation.text):
        return None
    found = _around_stay(product)
    if found is None:
        return None
    article, sentence, before, after = found
    told = _days_from_stay(situation)
    if told is None:
        return None
    side, days = told
    limit = before if side == "before" else after
    where = "入院前" if side == "before" else "出院后"
    reason = Reason(f"条款约定：“{clip(sentence, 90)}”", article)
    if days <= limit:
        return Verdict(
            "stay_window",
            "yes",
            f"能报：这次门诊在{where}第{days}天，在{where}{limit}日内，与该次住院相同原因的门急诊"
            "费用按住院前后门急诊医疗费用报销。",
            (reason,),
        )
    return Verdict(
        "stay_window",
        "no",
        f"不能按住院前后门急诊报：这次门诊在{where}第{days}天，超过了{where}{limit}日。",
        (reason,),
    )


def _around_stay(product: ProductKnowledge) -> tuple[str, str, int, int] | None:
    for article in product.document.articles:
        for sentence in plain_sentences(arabic_numerals(article.body)):
            found = AROUND_STAY.search(sentence)
            if found:
                return article.number, sentence, int(found.group(1)), int(found.group(2))
    return None


def _days_from_stay(situation: Situation) -> tuple[str, int] | None:
    before = BEFORE_ADMISSION.search(situation.text)
    if before is not None:
        value = chinese_number(before.group(1))
        return ("before", int(value)) if value else None
    after = AFTER_DISCHARGE.search(situation.text)
    if after is not None:
        value = chinese_number(after.group(1))
        return ("after", int(value)) if value else None
    out = next((d for d in situation.dated if d.kind == "discharge"), None)
    if out is None or out.first != out.last:
        return None
    later = [
        d
        for d in situation.dated
        if d.kind in ("treatment", "symptom") and d.first == d.last and d.first > out.first
    ]
    if not later:
        return None
    return "after", (later[0].first - out.first).days


WAIT_ASKED = re.compile(r"(?:等满|等到|要等|满)\s*(\d+)\s*[天日]")


def decide_earlier_than_the_days(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "一定要等满180天才能申请全残吗": the wording's own cases that need not wait them out."""
    asked = WAIT_ASKED.search(situation.text)
    if asked is None or not re.search(r"吗|么|是不是|必须|一定", situation.text):
        return None
    days = asked.group(1)
    earlier = re.compile(
        rf"{days}\s*日内[^。；]*(?:已经|已)[^。；]*(?:结束|判断|不可能恢复|无法恢复)"
    )
    found: list[Reason] = []
    for article in product.document.articles:
        for sentence in plain_sentences(arabic_numerals(article.body)):
            if earlier.search(sentence) and len(found) < 2:
                found.append(Reason(f"条款约定：“{clip(sentence, 90)}”", article.number))
    if not found:
        return None
    return Verdict(
        "earlier_than_the_days",
        "yes",
        f"不一定要等满{days}天：条款约定了{days}日内就可以办理的情形，符合的不用等满期限。",
        tuple(found),
    )


AGE_SPLIT = re.compile(
    r"(?:确诊日?)?(?:早于|之前|前)[^。；]{0,4}?被保险人年满(\d+)周岁(后的首个保单周年日)?[^。；]{0,12}?(\d+(?:\.\d+)?)%"
    r"[^。]*?(?:当日或之后|之后|以后|后)[^。；]{0,12}?(\d+(?:\.\d+)?)%"
    r"|被保险人年满(\d+)周岁(后的首个保单周年日)?(?:前|之前)[^。；]{0,12}?(\d+(?:\.\d+)?)%"
    r"[^。]*?(?:当日或之后|之后|以后|后)[^。；]{0,12}?(\d+(?:\.\d+)?)%"
)


def decide_age_split(
    product: ProductKnowledge, situation: Situation, disease: str | None
) -> Verdict | None:
    """ "1964年5月1号生的…2025年1月10号确诊": a benefit paying one share before an age (or the
    policy anniversary after it) and another after, applied to the customer's dates."""
    if disease is None or not is_severe(product, situation, disease):
        return None
    if situation.earlier_claims.get("severe"):
        return None  # a later payout: the split is the first payout's
    benefit = benefit_for(product, "severe")
    if benefit is None:
        return None
    told = "".join(_benefit_sentences(product, benefit))  # the two shares sit either side of "；"
    for found in AGE_SPLIT.finditer(told):
        sentence = found.group(0)
        groups = found.groups()[:4] if found.group(1) else found.groups()[4:]
        age, anniversary, before, after = int(groups[0]), bool(groups[1]), groups[2], groups[3]
        on_or_after = past_the_age(situation, age, anniversary)
        if on_or_after is None:
            return None
        share = float(after if on_or_after else before)
        amount = (
            f"{money(situation.sum_insured)} × {share:g}% = "
            f"{money(situation.sum_insured * share / 100)}"
            if situation.sum_insured
            else f"按基本保险金额的{share:g}%给付"
        )
        when = "年满{age}周岁后的首个保单周年日" if anniversary else "年满{age}周岁"
        side = "当日或之后" if on_or_after else "之前"
        split = Reason(f"条款约定：“{clip(sentence, 110)}”", benefit.article)
        base = decide_disease(product, situation, disease)
        # The disease's own reasons (its category, deductions) stay; its one share does not.
        kept = tuple(
            r
            for r in (base.reasons if base is not None else ())
            if not (r.article == benefit.article and r.text.startswith("按基本保险金额"))
        )
        return Verdict(
            "disease",
            "yes",
            f"能赔，按{share:g}%赔：{amount}。确诊在被保险人{when.format(age=age)}{side}。",
            (split, *kept),
            ("须符合条款对该疾病的定义（确诊依据、分期或程度），以理赔审核为准。",),
            paid=situation.sum_insured * share / 100 if situation.sum_insured else None,
        )
    return None
