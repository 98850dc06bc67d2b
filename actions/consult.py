"""保险咨询 and the coverage side of 协助理赔: questions answered from the clause wording."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import ServiceAction
from actions.case import FACTS, MONEY_FACTS, changed_case, told_facts
from actions.identity import identity_given, without_identity, wrong_policy_number
from actions.personal import PERIOD_TOPICS, personal_answer
from actions.services import (
    customer_messages,
    entity_value,
    latest_intent,
    offer_person,
    say,
    services,
    verified_policy,
)
from bot.clock import china_today
from bot.knowledge.answer import GENERIC_TOPICS, names_other_insurer
from bot.knowledge.general import general_index
from bot.knowledge.interface import Knowledge
from bot.knowledge.question import Question
from bot.knowledge.subjects import subjects_in
from bot.knowledge.text import normalize
from bot.knowledge.vocabulary import CATEGORY_LABELS, SYNONYMS, product_type_in
from bot.records.identity import mistyped_policy_number
from bot.records.model import Policy

# The clause word an intent is about, added when the message itself names no topic
# ("多久能到账？" asked as ask_claim_process).
INTENT_TOPIC_WORDS = {
    "ask_coverage": "保险责任",
    "claim_is_covered": "保险责任",
    "ask_exclusions": "责任免除",
    "ask_waiting_period": "等待期",
    "ask_cooling_off": "犹豫期",
    "ask_grace_period": "宽限期",
    "ask_surrender": "退保",
    "ask_claim_limitation": "诉讼时效",
    "ask_medical_reimbursement": "免赔额",
    "ask_claim_documents": "理赔材料",
    "ask_claim_process": "报案",
}
COVERAGE_INTENTS = frozenset({"ask_coverage", "claim_is_covered"})
CLAIM_STEPS = frozenset({"claim_notice", "claim_materials", "claim_payment"})
REPORT_OFFER = "如需现在报案，请回复“我要报案”，我会协助您登记。"
# A question about the customer's own policy, which only its records answer after the check.
PERSONAL_CUE = re.compile(
    r"(查|看)一?下?.{0,4}(保单|理赔进度|交费)|我(自己)?的保单|我(的)?(这|那)份保单"
    r"|我(现在)?(还在|还处于|过了).{0,3}(犹豫期|冷静期|等待期|观察期|宽限期)"
    r"|我的.{0,6}(犹豫期|冷静期|等待期|观察期|宽限期)"
    r"|(现在|目前)(还在|在不在|过没过|过了没)|还在不在|过了没|还(有|剩)几天|下次.{0,4}(交|缴)"
)
# A customer asking to be told what to choose: the facts, then a person offered (DESIGN.md rule 7).
ADVICE_CUE = re.compile(
    r"要不要|该不该|值不值|值得|划算|合算|哪(个|款|家|种)(更|比较)?好|推荐|换成(?![\d一二三四五六七八九十两])|换个|换一份|"
    r"还是[^，。？?]{0,10}(合适|好|划算)|"
    r"适不适合|有没有必要|怎么选|选哪|还能买|能买吗|能不能买|可以买吗|能投保吗|让不让买|不让买"
)
ADVICE_OFFER = (
    "选购建议要结合您的年龄、健康、预算和已有保障，由持证的专业人员分析，我不能替您推荐具体产品。"
    "能不能买，要看条款约定的投保年龄，以及投保时如实告知的健康情况和保险公司的核保结论。"
    "比较时一般看：保障范围（重疾、医疗、意外）、保额够不够、等待期和责任免除、续保条件，"
    "以及保费能否长期负担。"
)
CHECK_OFFER = (
    "如需按您自己的保单查询（生效日、各期限到哪天、交费和理赔进度），请先核验身份："
    "请发送保单号（MB 开头，共12位）和投保人身份证号后4位。"
)


def consultation_question(
    knowledge: Knowledge,
    text: str,
    intent: str | None,
    previous: str | None,
    *,
    general: bool = False,
) -> str:
    """The question to put to the knowledge base for the customer's latest message.

    A message that names nothing but a product continues the previous question ("安心多倍保
    呢？" after "原位癌算重疾吗？"). Otherwise the intent's clause word is added when the words
    alone point elsewhere ("出险三年了还能理赔吗" asked as ask_claim_limitation) — not to a
    ``general`` question (no product) whose words find a general rule of their own.
    """
    if previous and PERIOD_REFERENCE.search(text):
        # "这期间查出癌症" after "还在不在等待期": the period the previous question named
        period = next((t for t in Question.read(previous).topics if t in PERIOD_WORDS), None)
        if period is not None:
            text = PERIOD_REFERENCE.sub(PERIOD_WORDS[period] + "内", text)
    rest = without_product(knowledge, text)
    asked = Question.read(rest)
    disease = knowledge.disease_in(rest)
    # "能赔多少" asks only what any question about a payout asks: it leans on the previous one.
    sharp = [t for t in asked.topics if t not in GENERIC_TOPICS]
    # after a turn of facts only, "能给他买康宁重疾吗" is the question, asked with them
    leans = bool(previous) and not disease and not only_facts(knowledge, previous or "")
    if previous and leans and elliptical(rest):
        changed = changed_case(previous, rest, china_today())
        if changed is not None:
            # "那保额50万呢", "那要是没走医保呢": the same question, one fact of the case changed
            return changed
    if previous and leans and not sharp:
        if asked.categories:
            # "那中症呢" after "轻症赔多少": the same question about another category.
            return f"{rest} {without_subject(knowledge, previous)}"
        if elliptical(rest) and NEW_EVENT.search(rest):
            # "那要是孩子没了呢": another event in the same case; only its facts carry over.
            facts = told_facts(previous)
            return f"{facts}，{rest}" if facts else rest
        if not elliptical(rest) and asked.topics and knowledge.disease_in(normalize(previous)):
            # "他买的是康宁 保额20万 能赔多少" after the diagnosis was told: asked of it
            return f"{previous}，{text}"
        if elliptical(rest):
            # "那要是半年后还是这样呢": the previous question, with what the message adds.
            short = len(re.sub(r"[\s，,。！!？?呢吗啊吧]", "", rest)) <= 6
            return previous if short else f"{previous}，{rest}"
        # "赔完以后保费还要接着交吗": a question of its own, asked in the case told before.
    if previous and told_facts(previous) and not told_facts(text):
        # Facts given earlier (保额20万, 去年3月生效) stay part of the customer's case.
        text = f"{told_facts(previous)}，{text}"
    hint = INTENT_TOPIC_WORDS.get(intent or "")
    if hint is None or (disease and intent in COVERAGE_INTENTS):
        return text
    if general and not sharp and general_index().choose(normalize(rest)):
        return text  # no product: the general rule the words find beats the intent's guess
    hinted = set(Question.read(hint).topics)
    if hinted & set(asked.topics) or (hinted <= CLAIM_STEPS and CLAIM_STEPS & set(asked.topics)):
        return text  # the words name their own step of a claim ("多久能出结果" in a claim chat)
    return f"{text} {hint}"


class ActionConsult(ServiceAction):
    """Answers a question about a product's wording, in the product context of the chat."""

    def name(self) -> str:
        return "action_consult"

    def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = tracker.latest_message.get("text") or ""
        return consult(dispatcher, tracker, text, latest_intent(tracker))


def consult(
    dispatcher: CollectingDispatcher, tracker: Tracker, text: str, intent: str | None
) -> list[EventType]:
    """Answer ``text`` from the wording, in the product context of the chat; a policy number
    in it starts the identity check, and a verified customer's periods come from the policy."""
    given = identity_given(dispatcher, tracker, text)
    if given is not None:
        if given.policy is None:
            return given.events
        pending = pending_question(services().knowledge, tracker, text)
        return given.events + answer_for_policy(dispatcher, given.policy, pending)
    mistyped = mistyped_policy_number(text)
    if mistyped is not None:
        # "查一下我保单 MB20240002": a number in the wrong form is said so, not taken as a question.
        say(dispatcher, wrong_policy_number(mistyped) + "您也可以直接问我条款问题。")
        return []
    knowledge = services().knowledge
    policy = verified_policy(tracker) if tracker.get_slot("identity") == "verified" else None
    if policy is not None and asks_own_periods(knowledge, text, policy):
        # "我现在还在等待期吗" after the check: the policy's own dates, not the wording's rule.
        return answer_for_policy(dispatcher, policy, text, Question.read(text).topics)
    product = entity_value(tracker, "product") or tracker.get_slot("product")
    if product is None:
        product = policy.product_code if policy is not None else None
    kind = product_type_in(normalize(text))
    if kind is not None and knowledge.product_in(normalize(text)) is None:
        # "那医疗险呢": the medical product this chat named, or our only one.
        product = product_of_kind(knowledge, tracker, kind) or product
    previous = tracker.get_slot("last_question")
    if previous is None and PERIOD_REFERENCE.search(text):
        # "这期间…" after a question the identity check answered: that question is the context
        earlier = customer_messages(tracker)[1:2]
        previous = str(earlier[0][1].get("text") or "") if earlier else None
    named = products_named(knowledge, text)
    if only_facts(knowledge, text) and (product or named):
        # A turn that only tells the case ("我妈买的安心多倍保，保额20万"): acknowledge, ask.
        codes = named or [code for code in [product] if code is not None]
        names = "、".join(f"《{knowledge.products[code].name}》" for code in codes) or "您的保单"
        facts = told_facts(text)
        say(
            dispatcher,
            f"好的，记下了：{names}{('，' + facts) if facts else ''}。请问您想了解什么？"
            "比如能不能赔、能赔多少、等待期、理赔材料或退保。",
        )
        return [
            SlotSet("last_question", normalize(text)),
            SlotSet("product", codes[0] if len(codes) == 1 else None),
        ]
    general = product is None and not named
    question = consultation_question(knowledge, text, intent, previous, general=general)
    answer = knowledge.ask(question, product=product)
    reply = answer.text
    if intent == "claim_is_covered" and answer.product is not None:
        reply += "\n" + REPORT_OFFER
    say(dispatcher, reply, answer.citations)
    if PERSONAL_CUE.search(normalize(text)) and tracker.get_slot("identity") not in (
        "verified",
        "locked",
    ):
        say(dispatcher, CHECK_OFFER)
    if ADVICE_CUE.search(normalize(text)):
        offer_person(dispatcher, ADVICE_OFFER)
    return [
        SlotSet("last_question", without_product(knowledge, question)),
        SlotSet("product", answer.product or product),
    ]


# What only the policy's records answer: its progress, the day premiums are paid to, its agent.
RECORDS_CUE = re.compile(
    r"进度|到哪一?步|到哪了|交到哪|交到几号|保单号|MB\d|没人管|服务人员|查一?下|帮我查"
    r"|(业务员|代理人)(是谁|叫什么|姓什么|电话|手机|联系方式|在不在|还在吗|离职|走了|不干了|换了)"
    r"|还?没(有)?(结果|消息|动静|下文|到账)"
)


def answers_without_records(knowledge: Knowledge, text: str) -> bool:
    """Whether ``text`` is a question the wording or the general rules answer, so a personal
    intent ("我想知道过了没", "我老公昨天确诊了") need not wait for the identity check: another
    insurer's product, or our wording asked with the customer's own facts told in the message."""
    plain = normalize(text)
    if names_other_insurer(plain):
        return True
    if PERSONAL_CUE.search(plain) or RECORDS_CUE.search(plain):
        return False
    return asks_something(knowledge, text)


# An event of its own in a follow-up: a death, an accident, a stay in hospital.
NEW_EVENT = re.compile(r"没了|去世|过世|身故|走了|死亡|车祸|摔|意外|住院")
PERIOD_REFERENCE = re.compile(r"这期间|这段时间|这段期间|这个期间|期间内")
PERIOD_WORDS = {
    "waiting": "等待期",
    "cooling_off": "犹豫期",
    "grace": "宽限期",
    "suspension": "效力中止期间",
}

ELLIPSIS = re.compile(
    r"^(那|那么|还有|如果是|要是|换成|改成|这个|这种|这样)|呢[？?。！!]*$|的话[？?。]*$"
)


def elliptical(rest: str) -> bool:
    """Whether a message leans on the previous question ("那康宁呢", "换成年交的话"), rather
    than asking one of its own."""
    plain = re.sub(r"[\s，,。！!？?]", "", rest)
    return len(plain) <= 6 or ELLIPSIS.search(rest) is not None


def asks_something(knowledge: Knowledge, text: str, previous: str | None = None) -> bool:
    """Whether ``text`` holds a question for the wording (a topic or a disease), beyond chat;
    after a ``previous`` question, naming a category ("那重疾呢") is one too."""
    rest = without_product(knowledge, text)
    asked = Question.read(rest)
    return bool(
        asked.topics
        or knowledge.disease_in(rest)
        or subjects_in(normalize(rest))  # 受益人能改吗, 保单贷款
        or (previous and asked.categories)
        or general_index().choose(normalize(rest))  # 双录是啥, 没如实告知 三年了还能解约吗
    )


# "我家有康宁重疾", "我老公买的安心多倍保": the customer holds the product named.
HOLDING = re.compile(r"有|买了?|买的|投了?|投保了?|保了|参保了?|入了|签了")


def only_facts(knowledge: Knowledge, text: str) -> bool:
    """Whether a message tells facts of the case (sum insured, dates, a product held) and asks
    nothing yet."""
    rest = normalize(text)
    while (named := knowledge.product_in(rest)) is not None:
        rest = rest.replace(named[1], "，")
    asked = Question.read(rest)
    if asked.topics or asked.categories or knowledge.disease_in(rest):
        return False
    if re.search(
        r"[吗呢？?]|多少|几|怎么|能不能|可不可以|是否|哪些|什么|如何|请问|要不要|该不该", rest
    ) or ADVICE_CUE.search(rest):
        return False  # "康宁和安心多倍保哪个好", "降保额划算还是退了划算": a question
    plain = normalize(text)
    if MONEY_FACTS.search(plain):
        return False
    held = bool(products_named(knowledge, text)) and HOLDING.search(rest) is not None
    return held or FACTS.search(plain) is not None


def products_named(knowledge: Knowledge, text: str) -> list[str]:
    """Every one of our products ``text`` names, in order ("有康宁重疾 还有一份金康医疗")."""
    found: dict[str, int] = {}
    plain = rest = normalize(text)
    while (named := knowledge.product_in(rest)) is not None and named[0] not in found:
        found[named[0]] = plain.find(named[1])
        rest = rest.replace(named[1], "，")
    return sorted(found, key=found.__getitem__)


def product_of_kind(knowledge: Knowledge, tracker: Tracker, kind: str) -> str | None:
    """The product of ``kind`` the customer named earlier in the chat, else our only one."""
    for _intent, event in customer_messages(tracker):
        for code in products_named(knowledge, str(event.get("text") or "")):
            if knowledge.products[code].document.product_type == kind:
                return code
    ours = [c for c, p in knowledge.products.items() if p.document.product_type == kind]
    return ours[0] if len(ours) == 1 else None


def without_subject(knowledge: Knowledge, question: str) -> str:
    """The previous question without the category or disease it was about."""
    text = without_product(knowledge, question)
    for labels in CATEGORY_LABELS.values():
        for label in sorted(labels, key=len, reverse=True):
            text = text.replace(label, "")
    disease = knowledge.disease_in(Question.read(text).text)
    if disease is None:
        return text
    # "心脏支架" names 冠状动脉介入手术 in the customer's words: those go too
    words = [w for w, clause in SYNONYMS.items() if normalize(clause) == disease and w in text]
    for word in sorted([disease, *words], key=len, reverse=True):
        text = text.replace(word, "")
    return text


def without_product(knowledge: Knowledge, question: str) -> str:
    """The question with the product it names taken out, to ask again about another product."""
    text = normalize(question)
    named = knowledge.product_in(text)
    return text.replace(named[1], "") if named is not None else text


def asks_own_periods(knowledge: Knowledge, text: str, policy: Policy) -> bool:
    """Whether a verified customer asks about a period (犹豫期, 等待期 …) of their own policy,
    not of another product they name."""
    named = knowledge.product_in(normalize(text))
    if named is not None and named[0] != policy.product_code:
        return False
    return bool(set(Question.read(text).topics) & set(PERIOD_TOPICS))


def pending_question(knowledge: Knowledge, tracker: Tracker, text: str) -> str | None:
    """The question waiting for the identity check: asked with the policy number ("MB… 0446
    我犹豫期还有几天"), or in the message before it ("查下我的保单 现在退保能退多少")."""
    rest = without_identity(text)
    if asks_something(knowledge, rest):
        return rest
    earlier = customer_messages(tracker)[1:2]
    for _intent, event in earlier:
        previous = str(event.get("text") or "")
        if PERSONAL_CUE.search(normalize(previous)) and asks_something(knowledge, previous):
            return previous
    return None


# "看下我报案成功了没", "理赔款到了没": where the customer's own claim stands
CLAIM_PROGRESS = re.compile(
    r"报案(成功|了没|成了|上了)|(报|立)上案|(理赔|赔付|赔款|保险金|钱)[^，。？?]{0,4}(到了|到账|进度|到哪|结果|下来)"
    r"|审核(到哪|进度|结果|好了|完了)|结案|案子"
)


def answer_for_policy(
    dispatcher: CollectingDispatcher,
    policy: Policy,
    question: str | None,
    topics: tuple[str, ...] | None = None,
) -> list[EventType]:
    """Where the verified customer's policy stands (or the periods they asked about, today),
    then the question they asked with it, answered from their product's wording."""
    knowledge = services().knowledge
    product = knowledge.products.get(policy.product_code)
    if topics is None:
        topics = Question.read(question).topics if question else ()
    progress = bool(question and CLAIM_PROGRESS.search(normalize(question)))
    intent = "claim_status" if progress else None
    text, citations = personal_answer(policy, product, intent, topics, china_today())
    say(dispatcher, text, citations)
    if question and not progress and asks_beyond_periods(knowledge, question, topics):
        # "我现在还在等待期吗 要是查出病能赔吗": the period today, then what the wording does.
        answer = knowledge.ask(without_product(knowledge, question), product=policy.product_code)
        say(dispatcher, answer.text, answer.citations)
    return [SlotSet("product", policy.product_code)]


def asks_beyond_periods(knowledge: Knowledge, question: str, topics: tuple[str, ...]) -> bool:
    """Whether a question asks more than where the policy's periods stand: another topic, an
    illness, or whether it pays."""
    if not set(topics) & set(PERIOD_TOPICS) or set(topics) - set(PERIOD_TOPICS):
        return True
    rest = normalize(question)
    return bool(
        re.search(r"赔|报销|能报|保不保|退", rest)
        or knowledge.disease_in(rest)
        or Question.read(rest).categories
    )
