"""Claims: late notice, how long a claim takes, the limitation period, which benefit is claimed."""

from __future__ import annotations

import re

from bot.knowledge.decide.timing import INSURED_EVENTS
from bot.knowledge.decide.verdict import Reason, Verdict
from bot.knowledge.decide.wording import plain_sentences
from bot.knowledge.explain import benefit_for, clip, rule_on_disease
from bot.knowledge.facts import Benefit, ProductKnowledge
from bot.knowledge.situation import Situation
from bot.knowledge.text import arabic_numerals, normalize
from bot.knowledge.vocabulary import CLAIM_CIRCUMSTANCES, SYNONYMS

# ---- limitation period --------------------------------------------------------------------------

CLAIMING = r"(申请|理赔|报销|索赔|报案|报|赔)"
LATE_CLAIM = re.compile(
    rf"忘(了|记)?{CLAIMING}|当时(没|不知道|未)|才(翻到|找到|知道)|时效|一直没{CLAIMING}"
    r"|没来得及|才想起|想起来|拖了|过了[^，。？?]{0,8}才"
)
LATE_ASKED = re.compile(
    r"时效|来得及|过期|晚了|太晚|还能.{0,4}(赔|理赔|申请|报)|还可以.{0,4}(赔|申请)"
)
DID_NOT_KNOW = re.compile(r"不知道|不晓得|才(发现|翻到|知道|找到)")


def decide_limitation(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """A claim asked long after the event: the limitation period counts from knowing of it."""
    period = product.facts.periods.get("limitation")
    if period is None or not LATE_CLAIM.search(situation.text):
        return None
    if not re.search(r"还能|还可以|能不能|可以.{0,6}吗|来得及|赔|申请|理赔|报", situation.text):
        return None
    span = next(
        (s for kind in INSURED_EVENTS if (s := situation.days_between(kind, "now")) is not None),
        None,
    )
    if span is None and situation.durations:
        # "拖了一年半才想起来报": the longest time told is the time since the event
        span = max(situation.durations, key=lambda d: d.high)
    if span is None:
        return None
    limit = period.amount * {"年": 365, "个月": 30, "日": 1}.get(period.unit, 1)
    reason = Reason(f"条款约定：“{clip(period.sentence, 90)}”", period.article)
    notice = product.facts.periods.get("claim_notice")
    notes = (
        (
            f"条款约定知道保险事故后{notice.label}内通知（第{notice.article}条）；晚了不是不赔，"
            "只是因故意或重大过失晚报、以致事故性质原因难以确定的部分不赔。",
        )
        if notice is not None
        else ()
    )
    if span.high <= limit and not LATE_ASKED.search(situation.text):
        return None  # plainly within it, and not asked: the claim itself is the question
    if DID_NOT_KNOW.search(situation.text):
        return Verdict(
            "limitation",
            "depends",
            f"要看何时知道：请求给付保险金的诉讼时效为{period.label}，自知道或者应当知道"
            f"保险事故发生之日起计算，不是从出险之日起算；"
            "是否已过时效要看您何时知道或应当知道，建议尽快提交申请，并请人工客服核实。",
            (reason,),
            notes,
            coverage=False,
        )
    if span.low > limit:
        return Verdict(
            "limitation",
            "depends",
            f"可能已过诉讼时效：请求给付保险金的诉讼时效为{period.label}，自知道或者应当知道"
            f"保险事故发生之日起计算；您说的事情距今已超过{period.label}。"
            "仍可以提交申请，是否受理请联系人工客服确认。",
            (reason,),
            notes,
            coverage=False,
        )
    if span.high <= limit:
        return Verdict(
            "limitation",
            "yes",
            f"还来得及：请求给付保险金的诉讼时效为{period.label}，自知道或者应当知道保险事故"
            f"发生之日起计算；您说的事情距今未满{period.label}，还在时效内，请尽快申请。",
            (reason,),
            notes,
            coverage=False,
        )
    return None


LATE_NOTICE = re.compile(
    r"(才|晚|过了|超过|拖|没及时|没有及时|迟)[^。？?！!，,]{0,10}报案"
    r"|报案[^。？?！!]{0,6}(晚|迟|超过|过了)"
    r"|(才|晚|没及时|没有及时|迟)[^。？?！!，,]{0,6}通知(保险公司|你们|公司)"
    r"|(一直没|一直没有|还没|都没|没顾上|没来得及|忘了|没想起)[^。？?！!，,]{0,4}(报案|通知)"
)
LATE_NOTICE_COST = re.compile(r"未及时通知[^。]*(难以确定|无法确定)")


def decide_claim_notice(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "一个多月后才想起来报案，是不是就不赔了": late notice costs only what it leaves unknown."""
    period = product.facts.periods.get("claim_notice")
    if period is None:
        return None
    past_days = re.search(r"(超过|过了)\s*(\d+)\s*[天日]", situation.text)
    past_notice = past_days is not None and float(past_days.group(2)) == period.amount
    if not (LATE_NOTICE.search(situation.text) or past_notice):
        return None
    if not re.search(r"赔|理赔|申请|报销|来得及|还能报", situation.text):
        return None
    lines = [period.sentence, *period.details]
    cost = next((s for s in lines if LATE_NOTICE_COST.search(s)), None)
    if cost is None:
        return None
    reasons = [
        Reason(f"知道保险事故发生后应在{period.label}内通知", period.article),
        Reason(f"条款约定：“{clip(cost, 90)}”", period.article),
    ]
    conditions = []
    limitation = product.facts.periods.get("limitation")
    if limitation is not None:
        conditions.append(
            f"请求给付保险金的诉讼时效为{limitation.label}，自知道或者应当知道保险事故发生之日起"
            f"计算（第{limitation.article}条）。"
        )
    return Verdict(
        "claim_notice",
        "yes",
        f"晚报案也可以申请理赔：条款约定知道保险事故后{period.label}内通知；只有故意或者"
        "因重大过失未及时通知，致使保险事故的性质、原因、损失程度等难以确定的，对无法确定的部分"
        "不承担责任。",
        tuple(reasons),
        tuple(conditions),
    )


# ---- how long a claim takes ---------------------------------------------------------------------

OUTCOME = r"(出结果|理赔结果|审核结果|核定|打钱|到账|赔款|消息|回复|给付)"
HOW_LONG = r"(多久|几天|多少天|什么时候|最晚|多长时间|正常吗)"
CLAIM_WAIT = re.compile(rf"{HOW_LONG}[^。？?]{{0,10}}{OUTCOME}|{OUTCOME}[^。？?]{{0,10}}{HOW_LONG}")
CLAIMING_NOW = re.compile(r"理赔|材料|核定|审核|赔款|保险金|给付协议")
PAYING = re.compile(r"(给付|支付|赔付)[^，。]{0,4}(期限|时限)|迟延|^(保险金的)?(给付|支付)$")


def decide_claim_timing(product: ProductKnowledge, situation: Situation) -> Verdict | None:
    """ "材料交齐20天了还没消息，最晚多久": the wording's days to decide and to pay."""
    period = product.facts.periods.get("claim_decision")
    text = situation.text
    if period is None or not CLAIM_WAIT.search(text) or not CLAIMING_NOW.search(text):
        return None
    if re.search(r"退保|退掉|退钱|全额退|解除", text):
        return None  # a refund's days, not a claim's
    lines = [(period.article, s) for s in (period.sentence, *period.details)]
    for (
        article
    ) in product.document.articles:  # 给付期限与迟延给付, when it is an article of its own
        if article.number != period.article and PAYING.search(article.title):
            lines += [(article.number, s) for s in plain_sentences(arabic_numerals(article.body))]
    timed = [(a, s) for a, s in lines if re.search(r"\d+\s*(个工作日|日)", s)]
    if not timed:
        return None
    if re.search(r"协议|到账|打钱|给钱|付款|拿到钱", text):  # the days to pay come first
        paying = [(a, s) for a, s in timed if re.search(r"协议|履行|给付义务", s)]
        deciding = [(a, s) for a, s in timed if (a, s) not in paying]
        decided = re.search(r"结果(已经)?出来了|已经核定|协议.{0,3}签|签.{0,4}协议", text)
        if deciding and not decided and re.search(r"结果|核定|审核|定下来", text):
            timed = [deciding[0], *paying, *deciding[1:]]  # "多久给结果，多久能打钱": both
        else:
            timed = [*paying, *deciding]
    late = [(a, s) for a, s in lines if re.search(r"利息|赔偿", s)]
    if late and re.search(r"拖|不给|逾期|迟迟|一直", text):
        timed = [timed[0], late[0]]
    reasons = [Reason("核定与给付的时限", a) for a in dict.fromkeys(a for a, _ in timed[:2])]
    reasons += [Reason(f"条款约定：“{clip(s, 90)}”", a) for a, s in timed[2:3]]
    notice = product.facts.periods.get("claim_notice")
    if notice is not None and re.search(r"通知|报案", text):
        reasons.insert(0, Reason(f"知道保险事故发生后应在{notice.label}内通知", notice.article))
    return Verdict(
        "claim_timing",
        "info",
        "按条款约定的时限：" + "；".join(clip(s, 80) for _, s in timed[:2]) + "。",
        tuple(reasons),
        ("超过约定时限仍未收到结果的，可以联系人工客服催办。",),
        coverage=False,
    )


# ---- which benefit is claimed -------------------------------------------------------------------

DECEASED = re.compile(CLAIM_CIRCUMSTANCES["deceased"][0])
DISABLED = re.compile(r"全残|伤残|残疾")


def claimed_benefit(
    product: ProductKnowledge,
    question: str,
    categories: tuple[str, ...] = (),
    disease: str | None = None,
) -> Benefit | None:
    """The benefit a claim-documents question is about: the one it names (重疾医疗金 names
    重大疾病医疗保险金), the death benefit when the insured has died, a disability benefit when
    it tells one, else the one paying the category or disease it names, else a medical one."""
    folded = _folded(question)
    named = [b for b in product.facts.benefits if _core(b.name) and _core(b.name) in folded]
    if named:
        return max(named, key=lambda b: len(_core(b.name)))
    # 质子治疗 names 质子重离子医疗保险金: the one benefit sharing a word of its own with the question
    shared = [b for b in product.facts.benefits if _own_word_shared(_core(b.name), folded)]
    if len(shared) == 1:
        return shared[0]
    for told, word in ((DECEASED, "身故"), (DISABLED, "残")):
        if told.search(question):
            found = next((b for b in product.facts.benefits if word in b.name), None)
            if found is not None:
                return found
    category = categories[0] if categories else None
    if category is None and disease is not None:
        ruling = rule_on_disease(product, disease)
        if ruling.covered_as:
            category = ruling.covered_as[0].category
    if category is not None:
        return benefit_for(product, category)
    medical = [b for b in product.facts.benefits if "医疗" in b.name]
    return medical[0] if medical else None


def _folded(text: str) -> str:
    """``text`` with customers' words folded to the wording's (重大疾病 → 重疾) on both sides."""
    text = normalize(text)
    for word, clause_word in SYNONYMS.items():
        if len(word) >= 2 and clause_word in ("重疾", "轻症", "中症"):
            text = text.replace(word, clause_word)
    return text


def _core(name: str) -> str:
    """A benefit's name without 保险金/金 (重大疾病医疗保险金 → 重疾医疗), folded."""
    core = re.sub(r"保险金$|金$", "", _folded(name))
    return core if len(core) >= 2 else ""


COMMON_IN_NAMES = re.compile(r"医疗|疾病|保险|治疗|费用|伤害|给付|津贴|[的和与及或]")


def _own_word_shared(core: str, question: str) -> bool:
    """Whether ``question`` has two or more characters in a row of ``core`` that are not words
    every benefit's name uses (医疗, 疾病 …)."""
    own = [p for p in COMMON_IN_NAMES.split(core) if len(p) >= 2]
    return any(p[i : i + 2] in question for p in own for i in range(len(p) - 1))
