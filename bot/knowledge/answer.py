"""The knowledge base at question time: find the product and the topic, explain, cite."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import yaml

from bot.clock import china_today
from bot.knowledge import explain, told
from bot.knowledge.decide import Verdict, decide, timing_notes
from bot.knowledge.decide.ages import decide_oldest_age, oldest_entry_age
from bot.knowledge.decide.claiming import claimed_benefit
from bot.knowledge.explain import Section
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.general import GeneralRule, general_index, rules_bearing_on
from bot.knowledge.industry import general_disease_answer
from bot.knowledge.names import disease_terms, near_name, product_names
from bot.knowledge.parts import asks_its_own, question_parts
from bot.knowledge.plans import wording_plan
from bot.knowledge.question import NEGATED_ILLNESS, Question
from bot.knowledge.render import MAX_CHARS, fit, hanzi, render
from bot.knowledge.search import ArticleIndex, Segmenter, SentenceIndex, domain_words
from bot.knowledge.situation import Situation, read_situation
from bot.knowledge.store import KnowledgeRepository
from bot.knowledge.subjects import Subject, subjects_in
from bot.knowledge.text import normalize
from bot.knowledge.thesaurus import default_thesaurus
from bot.knowledge.unsettled import unsettled_answer
from bot.knowledge.vocabulary import CATEGORY_NAMES, product_type_in
from bot.settings import PROJECT_ROOT

REMINDER = "以上为条款要点，是否赔付、赔付多少以您的保险合同条款和保险公司的理赔审核结果为准。"
WORDING_NOTE = "以上为条款要点，具体以您的保险合同条款为准。"
COVERAGE_TOPICS = frozenset(
    {
        "benefits",
        "exclusions",
        "waiting",
        "claim_materials",
        "claim_payment",
        "pre_existing",
        "deductible",
        "reimbursement",
        "annual_limit",
        "hospital",
    }
)
INSURERS = PROJECT_ROOT / "data" / "general" / "insurers.yml"
DISPUTE = re.compile(
    r"拒赔|不给.{0,2}(赔|退)|不让.{0,2}退|坑人|骗|误导|维权|投诉|不合理|太过分|讨个说法"
)
OFFER_PERSON = "如需工作人员帮您处理，请回复“转人工”。"
UNSURE = "如果这没有回答您的问题，说明条款可能没有直接约定这一点，可以转人工客服为您确认。"
# What a reply says when the wording does not settle the question: a hedge, not a verdict.
HEDGES = (UNSURE, "我没法根据条款答复您", "没有在《")
GENERAL_NOTE = "以上是行业通行规则，具体以您所购产品的条款约定为准。"
FOCUS = {
    "cooling_off": ("退还", "解除", "工本费", "现金价值"),
    "waiting": ("确诊", "等待期内", "退还", "终止", "意外", "复效", "续保"),
    "grace": ("宽限期内", "中止", "扣除", "欠交"),
    "reinstatement": ("复效", "恢复", "补交", "利息", "解除"),
    "limitation": ("知道", "起"),
    "claim_notice": ("通知", "故意", "重大过失", "无法确定"),
    "claim_decision": ("给付保险金的义务", "10日", "预付", "拒绝", "核定"),
}
REFERENCE = re.compile(r"(?:按|依|依照|按照|见)(?:本条款|本合同)?第?(?P<article>\d+(?:\.\d+)+)条?")
ACCIDENT_TOLD = re.compile(r"车祸|摔|撞|意外|受伤|骨折|烫伤|溺水|被狗咬")


def _asked_first(topic: str, question: str) -> tuple[str, ...]:
    """The period's focus words, those the question itself raises first: "等待期里出车祸呢"
    wants the sentence on accidents, not the one on refunds."""
    words = FOCUS.get(topic, ())
    raised = [w for w in words if w in question]
    if ACCIDENT_TOLD.search(question) and "意外" in words:
        raised.insert(0, "意外")
    return tuple(dict.fromkeys([*raised, *words])) if raised else words


TOPIC_SPECIFIC_WORDS = {
    "renewal": ("续保",),
    "pre_existing": ("既往症",),
    "hospital": ("医院",),
}


@dataclass(frozen=True)
class Citation:
    """The wording an answer rests on."""

    product: str
    version: str
    article: str


@dataclass
class Answer:
    """A plain-Chinese answer with its citations."""

    text: str
    citations: list[Citation] = field(default_factory=list)
    product: str | None = None
    topics: tuple[str, ...] = ()

    def to_json(self) -> str:
        """The CLI's ``--json`` line."""
        return json.dumps(
            {
                "answer": self.text,
                "citations": [c.__dict__ for c in self.citations],
                "product": self.product,
            },
            ensure_ascii=False,
        )


@dataclass(frozen=True)
class Reading:
    """A question as the knowledge base read it (``ask --explain`` shows it)."""

    asked: Question
    product: str | None
    disease: str | None
    situation: Situation
    verdict: Verdict | None


class KnowledgeBase:
    """Answers questions from the current version of every ingested product, in memory."""

    def __init__(self, products: Iterable[ProductKnowledge]) -> None:
        self.products = {p.code: p for p in products}
        self.segmenter = Segmenter(domain_words(self.products.values()))
        self._indexes = {code: ArticleIndex(p, self.segmenter) for code, p in self.products.items()}
        self._sentences = {
            code: SentenceIndex(p, self.segmenter) for code, p in self.products.items()
        }
        self._names = product_names(self.products.values())
        self._disease_terms = disease_terms(self.products.values())
        self._product_terms = {code: disease_terms([p]) for code, p in self.products.items()}
        # The wordings answered from, e.g. ``AX-CI-2023@2023;KN-CI-2024@2024`` (provenance).
        self.version = ";".join(
            f"{code}@{self.products[code].document.version}" for code in sorted(self.products)
        )

    @classmethod
    def load(cls, repository: KnowledgeRepository) -> KnowledgeBase:
        """The knowledge base over the current version of every stored product."""
        return cls(repository.current())

    def product_in(self, text: str, context: str | None = None) -> tuple[str, str] | None:
        """``(code, name as written)`` of the product named in normalised ``text``, if any.

        A name may carry one wrong or masked character (康林重疾, 康*重疾) when only one product
        fits; a name right after another insurer's (国寿康宁) is that insurer's product, not ours.
        A name two products share (臻医医疗险) is the ``context`` product's when it is one of
        them, and no product's otherwise.
        """
        for name, code in self._names:
            position = text.find(name)
            if position >= 0:
                if other_insurer_before(text, position):
                    return None
                sharing = {c for n, c in self._names if n == name}
                if len(sharing) > 1:
                    return (context, name) if context in sharing else None
                return (code, name)
        fits = {
            (code, written)
            for name, code in self._names
            if len(name) >= 4
            for written in near_names(text, name)
        }
        if len({code for code, _ in fits}) == 1:
            code, written = next(iter(fits))
            position = text.find(written)
            taken = other_insurer_before(text, position, len(written))
            return None if taken else (code, written)
        return None

    def disease_in(self, text: str, product: str | None = None) -> str | None:
        """The most specific disease or condition named in normalised ``text``.

        The names ``product``'s wording uses come first. A cancer named by its organ (肺癌,
        乳腺浸润性导管癌), a leukaemia or a lymphoma that the wording does not name is read as
        恶性肿瘤, the name every wording defines it under.
        """
        text = NEGATED_ILLNESS.sub("", text)  # "没得过癌" names no diagnosis
        own = self._product_terms.get(product or "", self._disease_terms)
        found = next((term for term in own if term in text), None)
        # a longer name written without a filler (溶血尿毒症) beats a shorter one inside it (尿毒症)
        found = near_name((t for t in own if len(t) > len(found or "") + 1), text) or found
        if found is not None:
            return found
        if MALIGNANT.search(text) and "恶性肿瘤" in self._disease_terms:
            return "恶性肿瘤"
        return next((term for term in self._disease_terms if term in text), None)

    def read(self, question: str, product: str | None = None) -> Reading:
        """What the knowledge base makes of ``question``: product, situation, verdict."""
        text = normalize(question)
        named = self.product_in(text, product)
        if named is not None:
            question = text.replace(named[1], " ")
        asked = Question.read(question)
        code = named[0] if named is not None else product
        if named is None and names_other_insurer(text):
            code = None  # 平安福, 国寿康宁: another insurer's product, not the one in context
        if code is not None and code not in self.products:
            code = None
        disease = self.disease_in(asked.text, code)
        situation = read_situation(question, china_today())
        verdict = None
        if code is not None:
            verdict = decide(self.products[code], situation, default_thesaurus(), disease)
        return Reading(asked, code, disease, situation, verdict)

    def ask(self, question: str, product: str | None = None) -> Answer:
        """Answer ``question``; ``product`` is the code known from context, if any. A message
        of several questions gets the answers to the parts the whole's answer leaves out."""
        answer = self._ask_one(question, product)
        parts = question_parts(question)
        if len(parts) < 2 or answer.product is None:
            return answer
        cited = {c.article for c in answer.citations}
        extras: list[Answer] = []
        for part in parts:
            said = "\n".join([answer.text, *(e.text for e in extras)])
            if len(extras) == MAX_EXTRA_PARTS or not asks_its_own(part, said):
                continue
            extra = self._ask_one(part, answer.product)
            if extra.product != answer.product or not extra.citations:
                continue
            if all(c.article in cited for c in extra.citations):
                continue
            cited |= {c.article for c in extra.citations}
            extras.append(extra)
        return _joined(self.products[answer.product], answer, extras) if extras else answer

    def _ask_one(self, question: str, product: str | None = None) -> Answer:
        reading = self.read(question, product)
        asked, code, disease = reading.asked, reading.product, reading.disease
        if code is None:
            return self._general(asked, disease, reading.situation)
        wording = self.products[code]
        subjects = subjects_in(asked.text)
        unprovided = unsettled_answer(wording, asked.text)
        if unprovided is not None and _payout(reading.verdict):
            # "赔款要交税吗": a payout's verdict does not answer what the wording leaves out
            return Answer(unprovided, [], product=code, topics=asked.topics)
        if reading.verdict is not None and not _beside_the_point(reading.verdict, subjects):
            return Answer(
                render(wording, reading.verdict),
                [Citation(code, wording.document.version, a) for a in reading.verdict.articles],
                product=code,
                topics=asked.topics,
            )
        if unprovided is not None:
            return Answer(unprovided, [], product=code, topics=asked.topics)
        answer = self._about(wording, asked, disease, subjects)
        for note in timing_notes(wording, reading.situation):
            answer.text = f"{note.text}（第{note.article}条）。\n{answer.text}"
            answer.citations.append(Citation(code, wording.document.version, note.article))
        return answer

    def _about(
        self,
        product: ProductKnowledge,
        asked: Question,
        disease: str | None,
        subjects: list[Subject] | None = None,
    ) -> Answer:
        sections: list[Section] = []
        topics = asked.topics
        lead = _lead_topic(topics, disease, asked.categories)
        provisions = [self._subject_section(product, s, asked) for s in subjects or []]
        provisions = [s for s in provisions if s.text]
        if subjects and not provisions and _weak(topics) and disease is None:
            # 加保 asked of a wording that never names it: say so, not an article sharing a word
            return Answer(
                f"《{product.name}》的条款没有约定{subjects[0].label}的事，我没法根据条款答复您。"
                "具体可以转人工客服，由工作人员向保险公司确认。",
                product=product.code,
                topics=topics,
            )
        if provisions:
            # 加保, 保单借款, 受益人: the provision asked about leads, then any sharp topic's answer
            lead = "topics"
            sections.extend(provisions[:2])
            set_aside = {kind for s in subjects or [] for kind in s.sets_aside}
            for topic in _answer_topics(topics):
                if topic in GENERIC_TOPICS or topic in set_aside:
                    continue
                more = self._topic_section(product, topic, asked, disease)
                if more.text and more.text not in (s.text for s in sections):
                    sections.append(more)
            sections.append(Section(UNSURE))
        elif lead == "disease" and disease is not None:
            sections.append(explain.disease_section(product, disease, asked.sum_insured))
            if "waiting" in topics:
                sections.append(explain.period_section(product, "waiting", FOCUS["waiting"]))
            sections.append(explain.conditions_section(product, waiting="waiting" not in topics))
        elif lead == "category":
            for category in asked.categories[:2]:
                sections.append(explain.category_section(product, category, asked.sum_insured))
            if "interval" in topics:
                sections.append(explain.interval_section(product, asked.categories))
            elif TIMES.search(asked.text):
                # "重疾能赔几次": on a wording that pays more than once, the time between payouts
                interval = explain.interval_section(product, asked.categories)
                if interval.articles:
                    sections.append(interval)
            sections.append(explain.conditions_section(product))
        else:
            for topic in _answer_topics(topics):
                sections.append(self._topic_section(product, topic, asked, disease))
            sections = [s for s in sections if s.text]
            if not sections:
                hits = self._indexes[product.code].search(asked.text, k=1)
                if hits:
                    guess = self._deciding_sentences(product, asked, hits[0].article)
                    sections.append(Section(f"{guess.text}\n{UNSURE}", guess.articles))
        sections = [s for s in sections if s.text]
        if not provisions:
            sections = self._with_wording(
                product, asked, sections, weak=lead == "topics" and _weak(topics)
            )
        if lead == "topics" and "claim_materials" not in topics:
            sections = self._with_referred(product, asked, sections)
        if "claim_materials" not in topics and CLAIMING.search(asked.text):
            own = explain.circumstance_section(product, asked.text)
            if own.text:
                sections = [own, *sections]
        if not sections:
            return Answer(
                f"抱歉，我没有在《{product.name}》的条款里找到与您问题相关的内容。您可以换个说法，"
                "或者问我犹豫期、等待期、保障范围、理赔材料、退保等问题；也可以转人工客服。",
                product=product.code,
                topics=topics,
            )
        coverage = lead != "topics" or bool(set(topics) & COVERAGE_TOPICS)
        return self._compose(product, sections, topics, coverage=coverage)

    def _with_wording(
        self, product: ProductKnowledge, asked: Question, sections: list[Section], *, weak: bool
    ) -> list[Section]:
        """The sections, with the article the question's own words point to when they missed it.

        Topic words find the usual questions; the customer's other words (保单贷款, 委托, 先予给付)
        find the article that settles an unusual one. Its most relevant sentences replace a weak
        answer (a list of every benefit or exclusion, a best-guess article) or follow a sharp one.
        """
        concepts = default_thesaurus().concepts_in(asked.text)
        query = asked.text + " " + " ".join(w for c in concepts for w in c.wording)
        hits = self._indexes[product.code].search(query, k=1)
        if not hits:
            return sections
        top = hits[0].article
        cited = {a for s in sections for a in s.articles}
        if any(_related(top, a) for a in cited):
            return sections
        quoted = self._sentences[product.code].search(query, k=3, within=top)
        if not quoted:
            return sections
        found = explain.quoted_section(product, top, [h.sentence for h in quoted])
        if weak or not sections:
            found.text += "\n" + UNSURE
            return [found]
        return [*sections, found]

    def _deciding_sentences(
        self, product: ProductKnowledge, asked: Question, number: str
    ) -> Section:
        """The sentences of article ``number`` the question's words point to, not its opening."""
        quoted = self._sentences[product.code].search(asked.text, k=3, within=number)
        if not quoted:
            return explain.article_section(product, number)
        return explain.quoted_section(product, number, [h.sentence for h in quoted])

    def _with_referred(
        self, product: ProductKnowledge, asked: Question, sections: list[Section]
    ) -> list[Section]:
        """The sections, with the sentence an answer's quote refers to ("按本条款3.6第三款的约定
        降低赔付比例" → 3.6's sentence on it) when the answer does not cite it yet."""
        cited = {a for s in sections for a in s.articles}
        for section in sections:
            for found in REFERENCE.finditer(section.text):
                number = found["article"]
                if product.document.article(number) is None or any(
                    _related(number, a) for a in cited
                ):
                    continue
                around = section.text[max(0, found.start() - 40) : found.end() + 20]
                hits = self._sentences[product.code].search(
                    f"{asked.text} {around}", k=1, within=number
                )
                if hits:
                    more = explain.quoted_section(product, number, [hits[0].sentence])
                    return [*sections, more]
        return sections

    def _subject_section(
        self, product: ProductKnowledge, subject: Subject, asked: Question
    ) -> Section:
        """The sentences that settle ``subject`` in ``product``'s wording: of the article titled
        with it, else those naming it; ranked by the question's own words."""
        passages = subject.passages(product)
        query = " ".join([asked.text, asked.text, *subject.wording, *subject.marks])
        hits = self._sentences[product.code].search_among(
            query, lambda number, sentence: (number, sentence) in passages, k=3
        )
        if not hits:
            return Section("")
        quoted = [
            explain.quoted_section(
                product, number, [h.sentence for h in hits if h.article == number]
            )
            for number in list(dict.fromkeys(h.article for h in hits))[:2]
        ]
        return Section("\n".join(q.text for q in quoted), [a for q in quoted for a in q.articles])

    def _topic_section(
        self, product: ProductKnowledge, topic: str, asked: Question, disease: str | None
    ) -> Section:
        if topic in explain.PERIOD_NAMES:
            return explain.period_section(product, topic, _asked_first(topic, asked.text))
        if topic == "claim_payment":
            section = explain.period_section(product, "claim_decision", FOCUS["claim_decision"])
            return section if section.articles else Section("")
        if topic == "surrender":
            return _surrender(product)
        if topic == "interval":
            return explain.interval_section(product)
        if topic == "benefits":
            return explain.benefits_section(product, asked.sum_insured)
        if topic == "exclusions":
            return explain.exclusions_section(product)
        if topic == "claim_materials":
            hint = claimed_benefit(product, asked.text, asked.categories, disease)
            listed = explain.materials_section(product, hint, asked.text)
            own = explain.circumstance_section(product, asked.text)
            if not own.text:
                return listed
            return Section(
                f"{own.text}\n{listed.text}", list(dict.fromkeys(own.articles + listed.articles))
            )
        if topic in ("deductible", "reimbursement", "annual_limit"):
            plan = wording_plan(product.facts.plans, told.plan(normalize(asked.text)))
            care = next((c for c in ("住院", "门急诊", "门诊", "急诊") if c in asked.text), None)
            return explain.medical_section(product, topic, plan, care)
        if topic == "pre_existing":
            return explain.pre_existing_section(product)
        relevance = tuple(
            h.article
            for h in self._indexes[product.code].search(
                asked.text, k=len(product.document.articles)
            )
        )
        return explain.topic_articles_section(
            product, topic, TOPIC_SPECIFIC_WORDS.get(topic, ()), relevance
        )

    def _compose(
        self,
        product: ProductKnowledge,
        sections: list[Section],
        topics: tuple[str, ...],
        *,
        coverage: bool,
    ) -> Answer:
        articles = list(dict.fromkeys(a for s in sections for a in s.articles))
        tail = "\n" + (product.citation(*articles) + "\n" if articles else "")
        tail += REMINDER if coverage else WORDING_NOTE
        body = fit("\n".join(s.text for s in sections), MAX_CHARS - hanzi(tail)) + tail
        version = product.document.version
        return Answer(
            body,
            [Citation(product.code, version, a) for a in articles],
            product=product.code,
            topics=topics,
        )

    def _general(
        self, asked: Question, disease: str | None, situation: Situation | None = None
    ) -> Answer:
        """No product: the general rules that bear on the question, with their sources.

        A dispute gets the rules whose ``when`` matches first, then a person. Otherwise the rules
        ranked for the question (``GeneralIndex.choose``: its topics, the ``when`` matches, its
        words), then what the 2020 definitions say of a disease it names. A question about what
        we cannot do (``outside_scope``) gets that said; one nothing bears on, which product.
        """
        if situation is not None:
            ages = self._ages_across_products(situation)
            if ages is not None:
                return ages
        first = rules_bearing_on(asked.text)
        precise = [t for t in asked.topics if t not in ("benefits", "exclusions")]
        ranked: list[GeneralRule] = []
        if disease is None or precise:
            # "等待期内查出癌症咋办": the waiting period is the question, the disease its case
            topics = _answer_topics(asked.topics)
            ranked = general_index().choose(asked.text, topics, asked.categories[:2], first)
        if first and DISPUTE.search(asked.text):
            # A personal dispute: the rules that bear on it, what the topic generally means, a person.
            rules = list(dict.fromkeys([*first, *(r for r in ranked if not r.outside)]))
            text = "\n".join([*(r.said() for r in rules[: len(first) + 1]), OFFER_PERSON])
            return Answer(fit(text, MAX_CHARS), topics=asked.topics)
        if ranked and ranked[0].outside:
            names = self._product_names()
            offer = (
                f"有保单条款方面的问题，告诉我产品名称（目前可以查询：{names}），我按条款回答您。"
            )
            return Answer(ranked[0].text + ("\n" + offer if names else ""), topics=asked.topics)
        rules = [r for r in ranked if not r.outside]
        if not ranked:
            # a disease asked of, unranked: the rules whose `when` it matches ("2019年买的…甲状腺癌")
            rules = [r for r in first if not r.outside]
        waiting = general_index().rule("waiting")
        if disease and situation and _soon_after_start(situation) and waiting not in rules:
            # "买了两个月查出乳腺癌": whether it falls in a waiting period decides it first
            rules = [r for r in (waiting, *rules) if r is not None]
        parts = [rule.said() for rule in rules]
        if disease is not None:
            ruling = general_disease_answer(disease)
            if ruling:
                parts.append(ruling)
            theirs = names_other_insurer(asked.text) or MASKED_NAME.search(asked.text)
            if not precise and not theirs:
                # our products' rulings, never beside another insurer's product (友邦的重疾)
                parts.append(self._across_products(disease))
        parts = [p for p in parts if p]
        if not parts:
            return Answer(self._which_product(), topics=asked.topics)
        text = "\n".join(parts) + "\n" + GENERAL_NOTE
        names = self._product_names()
        if names and not names_other_insurer(asked.text) and not MASKED_NAME.search(asked.text):
            # another insurer's product (安*长青树, 平安福) is not to be mistaken for one of ours
            text += f"告诉我您的产品名称（如{names}），我可以按条款为您确认。"
        return Answer(text, topics=asked.topics)

    def _ages_across_products(self, situation: Situation) -> Answer | None:
        """ "我爸62了 还能买你们哪个重疾": each of our products' oldest entry age against the
        age told (product kinds the question names only)."""
        if situation.age is None or not ENTRY_ASKED.search(situation.text):
            return None
        if names_other_insurer(situation.text):
            return None  # "我62了能买平安福吗": not ours to answer with our products' ages
        kind = product_type_in(situation.text)
        lines: list[str] = []
        citations: list[Citation] = []
        for code, product in sorted(self.products.items()):
            if kind is not None and product.document.product_type != kind:
                continue
            verdict = decide_oldest_age(product, situation)
            oldest = oldest_entry_age(product)
            if verdict is not None:
                lines.append(f"《{product.name}》：{verdict.answer}")
                articles = verdict.articles
            elif oldest is not None and situation.age <= oldest[0]:
                lines.append(
                    f"《{product.name}》：按年龄可以投保，投保年龄最高到{oldest[0]}周岁"
                    f"（第{oldest[1]}条）。"
                )
                articles = [oldest[1]]
            else:
                continue
            citations += [Citation(code, product.document.version, a) for a in articles]
        if not lines:
            return None
        text = "\n".join(
            [*lines, "具体能否投保还要看健康告知和保险公司的核保结论。" + WORDING_NOTE]
        )
        return Answer(text, citations, topics=("entry_age",))

    def _product_names(self) -> str:
        return "、".join(f"《{p.name}》" for p in self.products.values())

    def _which_product(self) -> str:
        names = self._product_names()
        return "请问您问的是哪一款产品？告诉我产品名称，我按该产品的条款回答您。" + (
            f"目前可以查询：{names}。" if names else ""
        )

    def _across_products(self, disease: str) -> str:
        lines = []
        for product in self.products.values():
            if not product.facts.diseases:
                continue
            ruling = explain.rule_on_disease(product, disease)
            if ruling.covered_as:
                found = ruling.covered_as[0]
                benefit = explain.benefit_for(product, found.category)
                how = explain.payout(benefit) if benefit else "按条款给付"
                category = CATEGORY_NAMES.get(found.category or "", found.category_label)
                lines.append(f"《{product.name}》把“{found.name}”列为{category}，{how}")
            elif ruling.defined_in:
                found = ruling.defined_in[0][0]
                lines.append(f"《{product.name}》在“{found.name}”的定义中有条件地涵盖{disease}")
            elif ruling.excluded_from:
                lines.append(f"《{product.name}》不保障{disease}")
        if not lines:
            return ""
        return "在已收录的产品中：" + "；".join(lines) + "。"


MALIGNANT = re.compile(
    r"(?<!原位)(?<!皮肤原位)(?<![防抗])癌(?!前|症?(?:险|保险|医疗))|白血病|淋巴瘤|肉瘤|骨髓瘤"
)


GENERIC_TOPICS = frozenset({"benefits"})


# Verdicts on a payout: beside the point when the question asks about a provision (加保, 受益人)
# that the verdict does not answer.
PAYOUT_KINDS = frozenset(
    {
        "disease",
        "death",
        "definition",
        "waiting",
        "interval",
        "disability",
        "total_disability",
        "second_payout",
        "total",
        "earlier_payouts",
        "first_occurrence",
        "diagnosis_place",
    }
)


def _soon_after_start(situation: Situation) -> bool:
    """Whether the story puts the diagnosis within a year of the start, where a waiting period
    may still run."""
    span = situation.days_between("effective", "diagnosis")
    return span is not None and span.low <= 365


def _payout(verdict: Verdict | None) -> bool:
    return verdict is not None and verdict.kind in PAYOUT_KINDS


def _beside_the_point(verdict: Verdict, subjects: list[Subject]) -> bool:
    """Whether ``verdict`` answers a payout, or another question, that was not asked."""
    if any(verdict.kind in s.sets_aside for s in subjects):
        return True
    if verdict.kind not in PAYOUT_KINDS:
        return False
    return (
        bool(subjects)
        and all(s.not_a_claim for s in subjects)
        and not any(verdict.kind in s.decided_by for s in subjects)
    )


def _weak(topics: tuple[str, ...]) -> bool:
    """Whether the topics found are only the vague ones (or none)."""
    return not topics or set(topics) <= GENERIC_TOPICS


def _related(one: str, other: str) -> bool:
    """The same article, or one within the other."""
    return one == other or one.startswith(other + ".") or other.startswith(one + ".")


# What may follow a product's name: a pronoun, a particle or punctuation, not more of a word.
NAME_ENDS = frozenset("我你他她的了呢吗吧啊呀是有在要想买和跟与还也都，,。.？?！! ")


def near_names(text: str, name: str) -> list[str]:
    """The spans of ``text`` that are ``name`` with one character wrong or masked (*)."""
    found = []
    for start in range(len(text) - len(name) + 1):
        span = text[start : start + len(name)]
        wrong = [i for i, (a, b) in enumerate(zip(span, name, strict=True)) if a != b]
        masked = all(span[i] in "*＊x×" for i in wrong)
        # A wrong first or last character is more often another word running on (安途意外计划),
        # unless the name ends there (金康医了我选的月交).
        end = start + len(name)
        ends_there = end == len(text) or text[end] in NAME_ENDS
        inside = all(0 < i < len(name) - 1 or (i == len(name) - 1 and ends_there) for i in wrong)
        if len(wrong) <= 1 and (masked or inside):
            found.append(span)
    return found


@lru_cache(maxsize=1)
def other_insurers() -> tuple[str, ...]:
    """Other insurers' and platforms' names (``data/general/insurers.yml``), normalised, read once."""
    raw = yaml.safe_load(INSURERS.read_text(encoding="utf-8"))
    return tuple(normalize(name) for name in raw["insurers"])


TIMES = re.compile(r"几次|多少次|几回")
MASKED_NAME = re.compile(r"[\u4e00-\u9fff][*＊×][\u4e00-\u9fff]")


def names_other_insurer(text: str) -> bool:
    """Whether normalised ``text`` names another insurer or a sales platform."""
    return any(name in text for name in other_insurers())


def other_insurer_before(text: str, position: int, length: int = 0) -> bool:
    """Whether another insurer or platform is named right before ``position`` (国寿康宁), or
    inside the ``length`` characters taken for our name there (弘康的重疾 is not 康宁重疾)."""
    before = text[max(0, position - 8) : position]
    if any(before.endswith(name) or name in before[-6:] for name in other_insurers()):
        return True
    return any(
        start < position + length and start + len(name) > position
        for name in other_insurers()
        for start in _occurrences(text, name)
    )


def _occurrences(text: str, name: str) -> list[int]:
    found, start = [], text.find(name)
    while start >= 0:
        found.append(start)
        start = text.find(name, start + 1)
    return found


def _lead_topic(topics: tuple[str, ...], disease: str | None, categories: tuple[str, ...]) -> str:
    vague = (
        ("benefits", "exclusions", "waiting", "interval")
        if categories
        else ("benefits", "exclusions", "waiting")
    )
    precise = [t for t in topics if t not in vague]
    if disease is not None and not precise:
        return "disease"
    if categories and not precise and ("benefits" in topics or not topics):
        return "category"
    return "topics"


def _answer_topics(topics: tuple[str, ...]) -> list[str]:
    """At most two topics, the vague ``benefits`` only when nothing sharper was asked."""
    sharp = [t for t in topics if t != "benefits"]
    picked = sharp[:2] or list(topics[:1])
    if "cooling_off" in picked and "surrender" in picked:
        picked.remove("surrender")
    return picked


MAX_EXTRA_PARTS = 2
ENTRY_ASKED = re.compile(r"(能|可以|还能|能不能|可不可以)[^。？?]{0,4}(买|投保|投|保)")
TAIL = re.compile(r"^(依据《|以上为条款要点)")


def _joined(product: ProductKnowledge, answer: Answer, extras: list[Answer]) -> Answer:
    """``answer`` with the bodies of ``extras`` (each part's answer) before its closing lines."""
    lines = answer.text.split("\n")
    tail = [line for line in lines if TAIL.match(line)]
    body = [line for line in lines if not TAIL.match(line)]
    for extra in extras:
        said = "\n".join(line for line in extra.text.split("\n") if not TAIL.match(line))
        body.append(fit(said, EXTRA_CHARS))
    citations = list(answer.citations)
    for extra in extras:
        citations += [c for c in extra.citations if c not in citations]
    articles = list(dict.fromkeys(c.article for c in citations))
    stop = "。" if any(line.startswith("依据《") and line.endswith("。") for line in tail) else ""
    notes = [line for line in tail if line.startswith("以上为")] or [WORDING_NOTE]
    tail = [product.citation(*articles) + stop, notes[0]]
    topics = tuple(dict.fromkeys(t for a in (answer, *extras) for t in a.topics))
    return Answer("\n".join(body + tail), citations, product=answer.product, topics=topics)


EXTRA_CHARS = 200


def _surrender(product: ProductKnowledge) -> Section:
    cooling = explain.period_section(product, "cooling_off", FOCUS["cooling_off"])
    cash = explain.topic_articles_section(product, "surrender", ("退保",))
    value = explain.topic_articles_section(product, "cash_value", ())
    text = "\n".join(s.text for s in (cooling, cash, value) if s.text)
    return Section(text, [*cooling.articles, *cash.articles, *value.articles])


CLAIMING = re.compile(r"申请|理赔|办理|领取|领钱|要带|带什么|要什么|交什么|准备什么")
