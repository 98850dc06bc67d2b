"""Plain-Chinese explanations of one product's facts, each with the articles it rests on."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.knowledge.facts import Benefit, ClaimMaterials, Disease, Period, ProductKnowledge
from bot.knowledge.text import normalize, sentences, split_items, strip_markdown
from bot.knowledge.vocabulary import (
    CATEGORY_LABELS,
    CATEGORY_NAMES,
    CLAIM_CIRCUMSTANCES,
    TOPIC_WORDS,
    category_of,
    disease_cores,
)

PERIOD_NAMES = {
    "cooling_off": "犹豫期",
    "waiting": "等待期",
    "grace": "宽限期",
    "reinstatement": "申请复效的期限",
    "limitation": "诉讼时效",
    "claim_notice": "出险后通知我们（报案）的期限",
    "claim_decision": "核定期限",
}
MAX_QUOTE = 160


@dataclass
class Section:
    """A part of an answer and the articles it cites."""

    text: str
    articles: list[str] = field(default_factory=list)


def clip(sentence: str, limit: int = MAX_QUOTE) -> str:
    """``sentence`` shortened to ``limit`` characters, ending in an ellipsis when cut."""
    sentence = sentence.strip().rstrip("；;，,。")
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"


def quote(lines: Iterable[str], limit: int = 3) -> str:
    """Up to ``limit`` clause sentences as one quoted passage."""
    picked = [clip(s) for s in lines][:limit]
    if not picked:
        return ""
    text = "".join(p if p.endswith(("：", ":", "，")) else p + "。" for p in picked)
    return f"条款约定：“{text}”"


def money(amount: float) -> str:
    """``100000`` → ``10万元``; ``5000`` → ``5000元``."""
    if amount >= 10_000:
        return f"{amount / 10_000:g}万元"
    return f"{amount:g}元"


def payout(benefit: Benefit, sum_insured: float | None = None) -> str:
    """``按基本保险金额的20%给付轻症疾病保险金，最多给付3次`` from a benefit's facts."""
    if benefit.percent is None:
        return f"按第{benefit.article}条约定给付{benefit.name}"
    text = f"按基本保险金额的{benefit.percent:g}%给付{benefit.name}"
    if sum_insured:
        text += f"（按{money(sum_insured)}保额计算为{money(sum_insured * benefit.percent / 100)}）"
    if benefit.times_each and benefit.times and benefit.times > benefit.times_each:
        text += f"，每种疾病限{benefit.times_each}次，累计最多给付{benefit.times}次"
    elif benefit.times and benefit.times > 1:
        text += f"，最多给付{benefit.times}次"
    elif benefit.times == 1:
        text += "，以1次为限"
    if benefit.ends_contract and (benefit.times or 1) <= 1:
        text += "，给付后本合同终止"
    return text


def period_section(product: ProductKnowledge, kind: str, focus: tuple[str, ...] = ()) -> Section:
    """The period ``kind`` (犹豫期, 等待期 …) with its number and what the wording ties to it."""
    period = product.facts.periods.get(kind)
    name = PERIOD_NAMES[kind]
    if period is None:
        return Section(f"《{product.name}》的条款里没有找到关于{name}的约定。")
    lines = [period.sentence, *_relevant(period, focus)]
    if not period.amount:
        return Section(f"《{product.name}》没有{name}。{quote(lines)}", [period.article])
    text = f"《{product.name}》的{name}为{period.label}。{quote(lines)}"
    listed = product.facts.periods.get(f"{kind}_listed")
    if listed is not None:
        text += f"另外，条款所列特定疾病的{name}为{listed.label}：“{clip(listed.sentence, 80)}”"
        return Section(text, [period.article, listed.article])
    return Section(text, [period.article])


def _relevant(period: Period, focus: tuple[str, ...]) -> list[str]:
    words = focus or ("退还", "终止", "中止", "意外", "复效", "扣除", "现金价值", "不承担", "恢复")
    ranked = sorted(
        (min(i for i, w in enumerate(words) if w in s), n, s)
        for n, s in enumerate(period.details)
        if any(w in s for w in words)
    )
    picked = {n for _, n, _ in ranked[:2]}
    return [s for n, s in enumerate(period.details) if n in picked]


def benefit_for(product: ProductKnowledge, category: str | None) -> Benefit | None:
    """The benefit that pays diseases of ``category`` (not a premium waiver; an extra payout
    only when nothing else pays the category)."""
    paying = [b for b in product.facts.benefits if category and b.category == category]
    return next((b for b in paying if not b.is_waiver and not b.adds_to), None) or next(
        (b for b in paying if not b.is_waiver), None
    )


def extras_for(product: ProductKnowledge, category: str | None) -> list[Benefit]:
    """The extra payouts (关爱金, 额外给付) a diagnosis of ``category`` may add to its benefit."""
    return [b for b in product.facts.benefits if b.adds_to and b.category == category]


def benefits_section(product: ProductKnowledge, sum_insured: float | None = None) -> Section:
    """Every benefit and what it pays."""
    lines, cited = [], []
    for benefit in product.facts.benefits:
        if benefit.is_waiver:
            lines.append(
                f"{benefit.name}（第{benefit.article}条）：{clip(benefit.sentences[0], 80)}"
            )
        elif benefit.percent is not None:
            lines.append(f"{benefit.name}（第{benefit.article}条）：{payout(benefit, sum_insured)}")
        else:
            medical = _medical_summary(product, benefit.name)
            lines.append(
                f"{benefit.name}（第{benefit.article}条）：{medical or clip(benefit.sentences[0], 90)}"
            )
        cited.append(benefit.article)
    if not lines:
        return Section(f"《{product.name}》的条款里没有找到保险责任的约定。")
    return Section(
        f"《{product.name}》的保险责任有：\n" + "\n".join(f"- {x}" for x in lines), cited
    )


def _medical_summary(product: ProductKnowledge, benefit: str) -> str:
    parts = []
    for kind, label in (("annual_limit", "年度限额"), ("deductible", "免赔额")):
        term = next(
            (t for t in product.facts.medical if t.kind == kind and t.benefit == benefit), None
        )
        if term is not None and term.amount is not None:
            parts.append(f"{label}{money(term.amount) if term.amount else '0元'}")
    return "，".join(parts)


def conditions_section(product: ProductKnowledge, *, waiting: bool = True) -> Section:
    """The waiting period and the exclusions that apply to any coverage answer."""
    parts, cited = [], []
    period = product.facts.periods.get("waiting")
    if waiting and period is not None:
        inside = [x for x in (period.sentence, *period.details) if "确诊" in x]
        consequence = f"：“{clip(inside[0], 90)}”" if inside else ""
        parts.append(f"等待期为{period.label}（第{period.article}条）{consequence}")
        cited.append(period.article)
    exclusions = product.facts.exclusions
    if exclusions:
        examples = "；".join(clip(e.text, 24) for e in exclusions[:3])
        parts.append(
            f"第{exclusions[0].article}条列明的{len(exclusions)}种责任免除情形不赔（如：{examples}等）"
        )
        cited.append(exclusions[0].article)
    return Section("另外请注意：" + "；".join(parts) + "。" if parts else "", cited)


def exclusions_section(product: ProductKnowledge) -> Section:
    """Every 责任免除 item, numbered as in the wording."""
    exclusions = product.facts.exclusions
    if not exclusions:
        return Section(f"《{product.name}》的条款里没有找到责任免除的约定。")
    lines = "\n".join(f"（{e.index}）{clip(e.text, 40)}" for e in exclusions)
    text = f"《{product.name}》在以下情形下不承担保险责任（责任免除）：\n{lines}"
    if product.facts.exclusion_notes:
        text += "\n" + clip(product.facts.exclusion_notes[0], 200)
    return Section(text, list(dict.fromkeys(e.article for e in exclusions)))


def materials_section(
    product: ProductKnowledge, benefit_hint: Benefit | None, question: str = ""
) -> Section:
    """The claim documents, for one benefit when the question names it; an item that sets
    what each disease needs ("甲状腺癌须提供TNM分期资料；白血病须提供…") keeps the parts for the
    disease the question names."""
    groups = list(product.facts.materials)
    if benefit_hint is not None:
        named = [g for g in groups if g.benefit == benefit_hint.name]
        groups = named + [g for g in groups if g.benefit == "各项保险金"] if named else groups
    if not groups:
        return Section(f"《{product.name}》的条款里没有找到申请材料的约定。")
    blocks = []
    for group in groups[:3]:
        listed = [y for x in group.items for y in _referred(x, product.facts.materials)]
        items = "\n".join(
            f"（{i}）{clip(_for_named(x, question), 100)}" for i, x in enumerate(listed, 1)
        )
        blocks.append(f"申请{group.benefit}需要（第{group.article}条）：\n{items}")
    return Section("\n".join(blocks), list(dict.fromkeys(g.article for g in groups[:3])))


REFERRED = re.compile(
    r"^(?:本条款)?第?(?P<article>\d+(?:\.\d+)+)条?(?P<items>(?:[第及和、至]*（\d+）(?:项)?)+)所列的?(?:材料|资料|证明和资料)"
)


def _referred(item: str, groups: Iterable[ClaimMaterials]) -> list[str]:
    """An item that refers to another list ("第6.3.1条第（1）至（5）项及第（7）项所列的材料") as
    the items it refers to; any other item as itself."""
    found = REFERRED.match(item.strip())
    group = next((g for g in groups if found and g.article == found["article"]), None)
    if found is None or group is None:
        return [item]
    wanted: set[int] = set()
    numbers = [int(n) for n in re.findall(r"（(\d+)）", found["items"])]
    spans = re.findall(r"（(\d+)）项?至第?（(\d+)）", found["items"])
    for low, high in spans:
        wanted.update(range(int(low), int(high) + 1))
    wanted.update(numbers)
    picked = [x for i, x in enumerate(group.items, 1) if i in wanted]
    return picked or [item]


NEEDS = re.compile(r"^(?P<who>[^：:；;，,]{2,24}?)(?:须|需|应|需要|应当)(?:提供|提交|出具)")


def _for_named(item: str, question: str) -> str:
    """The parts of a per-case item ("…的资料：A须提供…；B须提供…") for the cases the question
    names, all of it when the question names none of them."""
    lead, colon, rest = item.partition("：")
    if not colon or not question:
        return item
    parts = [p for p in re.split(r"[；;]", rest) if p.strip()]
    cases = [NEEDS.match(p.strip()) for p in parts]
    if len(parts) < 2 or not all(cases):
        return item
    kept = [
        part
        for part, case in zip(parts, cases, strict=True)
        if case and any(len(n) >= 2 and n in question for n in re.split(r"[、和及或]", case["who"]))
    ]
    return f"{lead}：{'；'.join(kept)}" if kept else item


def circumstance_section(product: ProductKnowledge, question: str) -> Section:
    """What the wording says for the customer's own circumstances when claiming (someone applies
    for them, the insured has died, a child): the items and sentences naming what they need."""
    lines: list[str] = []
    cited: list[str] = []
    pieces = [
        (article.number, piece)
        for article in product.document.articles
        for body in [strip_markdown(article.body)]
        for piece in [*split_items(body)[1], *sentences(body)]
    ]
    for pattern, words in CLAIM_CIRCUMSTANCES.values():
        if not re.search(pattern, question):
            continue
        found = next(
            ((n, clip(p, 90)) for w in words for n, p in pieces if w in p), None
        )  # the most telling word first: 本人银行账户 before 继承
        if found is not None and found[1] not in lines:
            lines.append(found[1])
            cited.append(found[0])
    if not lines:
        return Section("")
    said = "；".join(
        f"{line.rstrip('。；;')}（第{number}条）" for line, number in zip(lines, cited, strict=True)
    )
    return Section(f"按您说的情况：{said}。", list(dict.fromkeys(cited)))


def medical_section(
    product: ProductKnowledge, kind: str, plan: str | None = None, care: str | None = None
) -> Section:
    """免赔额, 赔付比例 or 限额 as the wording states them: the customer's ``plan``'s where the
    wording states them per plan, and those of the kind of ``care`` asked about (住院, 门诊)
    where the wording tells them apart."""
    terms = [t for t in product.facts.medical if t.kind == kind]
    if plan is not None and plan in product.facts.plans:
        others = [p for p in product.facts.plans if p != plan]
        terms = [t for t in terms if not any(p in t.sentence for p in others)] or terms
    if care is not None:
        terms = (
            [
                t
                for t in terms
                if care in t.sentence[:12]
                or care in (t.benefit or "")
                # a term of every benefit together (年度总限额) bears on any kind of care
                or (t.benefit is None and not re.search(r"住院|门诊|急诊", t.sentence[:12]))
            ]
            or terms
        )
    label = {
        "deductible": "免赔额",
        "reimbursement": "赔付比例",
        "annual_limit": "保险金额（限额）",
    }[kind]
    if not terms:
        return Section(f"《{product.name}》的条款里没有找到关于{label}的约定。")
    seen: list[str] = []
    for term in terms:
        if term.sentence not in seen:
            seen.append(term.sentence)
    lines = "\n".join(f"- {clip(s, 150)}" for s in seen[:5])
    return Section(
        f"《{product.name}》关于{label}的约定：\n{lines}",
        list(dict.fromkeys(t.article for t in terms)),
    )


def topic_articles_section(
    product: ProductKnowledge,
    topic: str,
    words: tuple[str, ...],
    relevance: tuple[str, ...] = (),
) -> Section:
    """The key sentences of an article titled with ``topic``'s words (续保, 既往症, 医院 …): the
    first in ``relevance`` (article numbers, the question's best match first) when given, else
    the first in the wording."""
    titles = TOPIC_WORDS.get(topic, ()) + words
    found = [a for a in product.document.articles if any(w in a.title for w in titles) and a.body]
    if not found and topic == "pre_existing":
        found = [a for a in product.document.articles if "既往症" in a.body]
    if not found:
        return Section("")
    rank = {number: i for i, number in enumerate(relevance)}
    article = min(found, key=lambda a: rank.get(a.number, len(rank)))
    body = sentences(strip_markdown(article.body))
    return Section(
        f"《{product.name}》第{article.number}条“{article.title}”：{quote(body, 4)}",
        [article.number],
    )


INTERVAL = re.compile(r"间隔|相隔|(距|自)(前|上)一次")


def interval_section(product: ProductKnowledge, categories: tuple[str, ...] = ()) -> Section:
    """How long must pass between two payouts (间隔期, 距前一次确诊已满365日), in the wording's
    own sentences; those naming the category asked about (重度, 轻症) first."""
    labels = [label for c in categories for label in CATEGORY_LABELS.get(c, ())]
    found: list[tuple[str, str]] = []
    for article in product.document.articles:
        for sentence in sentences(strip_markdown(article.body)):
            if INTERVAL.search(sentence):
                found.append((article.number, sentence))
    if labels:
        found.sort(key=lambda pair: not any(label in pair[1] for label in labels))
    found = found[:2]
    if not found:
        return Section(f"《{product.name}》的条款里没有找到两次给付之间间隔期的约定。")
    lines = "；".join(f"“{clip(s)}”（第{n}条）" for n, s in found)
    return Section(f"《{product.name}》关于两次给付之间的间隔：{lines}", [n for n, _ in found])


def quoted_section(product: ProductKnowledge, number: str, lines: list[str]) -> Section:
    """The few sentences of one article that bear on a question, in the article's order."""
    article = product.document.article(number)
    if article is None or not lines:
        return Section("")
    body = sentences(strip_markdown(article.body))
    ordered = [s for s in body if s in lines] or lines
    return Section(
        f"《{product.name}》第{article.number}条“{article.title}”：{quote(ordered, 3)}",
        [article.number],
    )


def article_section(product: ProductKnowledge, number: str) -> Section:
    """The opening sentences of one article, for questions no fact answers."""
    article = product.document.article(number)
    if article is None:
        return Section("")
    body = sentences(strip_markdown(article.body))
    return Section(
        f"与您的问题最相关的是《{product.name}》第{article.number}条“{article.title}”。{quote(body, 3)}",
        [article.number],
    )


@dataclass(frozen=True)
class DiseaseRuling:
    """How one product treats a disease or condition the customer named."""

    term: str
    covered_as: tuple[Disease, ...]
    defined_in: tuple[tuple[Disease, str], ...]
    excluded_from: tuple[tuple[Disease, str], ...]
    partly_excluded_from: tuple[tuple[Disease, str], ...] = ()

    @property
    def paid(self) -> bool:
        return bool(self.covered_as or self.defined_in or self.partly_excluded_from)


def rule_on_disease(product: ProductKnowledge, term: str) -> DiseaseRuling:
    """Find ``term`` among the product's diseases, their definitions and their exclusions."""
    key = normalize(term)
    covered: list[Disease] = []
    defined: list[tuple[Disease, str]] = []
    excluded: list[tuple[Disease, str]] = []
    partly: list[tuple[Disease, str]] = []
    for disease in product.facts.diseases:
        name = normalize(disease.name)
        cores = {normalize(core) for core in disease_cores(disease.name)}
        if key in name or any(len(core) >= 2 and core in key for core in cores):
            covered.append(disease)
            continue
        hits = [x for x in disease.exclusions if key in normalize(x)]
        if hits:
            hit = min(hits, key=lambda x: (not _named_alone(x, key), len(x)))
            (partly if _qualified(hit, key) else excluded).append((disease, hit))
            continue
        sentence = next((s for s in sentences(disease.definition) if key in normalize(s)), None)
        if sentence is not None:
            defined.append((disease, sentence))
    if covered:
        defined = []
    return DiseaseRuling(term, tuple(covered), tuple(defined), tuple(excluded), tuple(partly))


QUALIFIER = re.compile(r"期|级|转移|更轻|以下|以内|小于|低于|未达|T\d|直径|单纯|局限")


def _segments(item: str) -> list[str]:
    return re.split(r"[，,、；;。：:]", item)


def _named_alone(item: str, key: str) -> bool:
    return any(normalize(segment) == key for segment in _segments(item))


def _qualified(item: str, key: str) -> bool:
    """Whether the exclusion names only some forms of the condition (e.g. Ⅰ期 thyroid cancer)."""
    for segment in _segments(item):
        if key in normalize(segment):
            return bool(QUALIFIER.search(segment.replace(key, "")))
    return False


def disease_section(
    product: ProductKnowledge, term: str, sum_insured: float | None = None
) -> Section:
    """Is ``term`` a 重疾, 中症, 轻症 or nothing under this product, how much, and why."""
    ruling = rule_on_disease(product, term)
    if is_medical(product):
        return medical_disease_section(product, ruling)
    lines: list[str] = []
    cited: list[str] = []
    for disease, item in ruling.excluded_from:
        lines.append(
            f"按本产品条款，{term}不属于“{disease.name}”（第{disease.article}条），"
            f"该定义明确排除：“{_around(item, term)}”"
        )
        cited.append(disease.article)
    for disease, item in ruling.partly_excluded_from:
        lines.append(
            f"按本产品条款，“{disease.name}”（第{disease.article}条）的定义排除了"
            f"“{_around(item, term)}”；不属于这种情形、且符合“{disease.name}”定义的{term}，"
            + _category_payout(product, disease, sum_insured, cited)
        )
        cited.append(disease.article)
    for disease in ruling.covered_as:
        lines.append(_covered(product, disease, term, sum_insured, cited))
    for disease, sentence in ruling.defined_in:
        lines.append(
            f"“{disease.name}”（第{disease.article}条，{disease.category_label}）的定义中提到{term}："
            f"“{clip(sentence, 120)}”，符合该定义的，"
            + _category_payout(product, disease, sum_insured, cited)
        )
        cited.append(disease.article)
    if not ruling.paid:
        if ruling.excluded_from:
            lines.append(
                f"本产品没有其他保险责任保障{term}，因此{term}不在本产品的保障范围内，本产品不赔付"
            )
        elif product.facts.diseases:
            lines.append(
                f"《{product.name}》条款定义的疾病中没有“{term}”，"
                f"是否符合某一项疾病的定义，要看具体诊断和分期，以理赔审核为准"
            )
    if not lines:
        return Section("")
    return Section("。".join(lines) + "。", cited)


def _covered(
    product: ProductKnowledge,
    disease: Disease,
    term: str,
    sum_insured: float | None,
    cited: list[str],
) -> str:
    category = CATEGORY_NAMES.get(disease.category or "", disease.category_label)
    text = (
        f"{'但' if cited else ''}“{disease.name}”属于本产品的{category}"
        f"（{disease.category_label}，第{disease.article}条），"
        + _category_payout(product, disease, sum_insured, cited)
    )
    cited.append(disease.article)
    relevant = [x for x in disease.exclusions if normalize(term) in normalize(x)] or list(
        disease.exclusions
    )
    if relevant:
        text += f"；该定义不包括：“{'；'.join(clip(x, 60) for x in relevant[:2])}”"
    return text


def _category_payout(
    product: ProductKnowledge, disease: Disease, sum_insured: float | None, cited: list[str]
) -> str:
    benefit = benefit_for(product, disease.category)
    if benefit is None:
        return "具体给付见保险责任条款"
    cited.append(benefit.article)
    return payout(benefit, sum_insured)


def _around(text: str, term: str, width: int = 40) -> str:
    position = text.find(term)
    if position < 0 or len(text) <= width * 2:
        return clip(text, width * 2)
    start = max(0, position - width)
    return ("…" if start else "") + clip(text[start:], width * 2)


def category_section(
    product: ProductKnowledge, category: str, sum_insured: float | None = None
) -> Section:
    """What the product pays for a whole category (重疾 / 中症 / 轻症) and how many it defines."""
    name = CATEGORY_NAMES[category]
    diseases = [d for d in product.facts.diseases if d.category == category]
    benefit = benefit_for(product, category)
    if benefit is None and not diseases:
        return Section(f"《{product.name}》没有{name}的保险责任。")
    cited = [benefit.article] if benefit else []
    text = f"《{product.name}》的{name}"
    if diseases:
        text += f"共定义了{len(diseases)}种（{diseases[0].category_label}，第{diseases[0].article.rpartition('.')[0]}条）"
        cited.append(diseases[0].article.rpartition(".")[0])
    if benefit is not None:
        text += f"，{payout(benefit, sum_insured)}"
        extra = [s for s in benefit.sentences if re.search(r"间隔|不同|累计|终止|次", s)]
        if extra:
            return Section(f"{text}。{quote(extra, 2)}", cited)
    return Section(text + "。", cited)


def is_medical(product: ProductKnowledge) -> bool:
    """Whether the product reimburses costs (医疗保险金) rather than paying per disease."""
    benefits = [b for b in product.facts.benefits if not b.is_waiver]
    return bool(benefits) and all("医疗" in b.name for b in benefits)


def medical_disease_section(product: ProductKnowledge, ruling: DiseaseRuling) -> Section:
    """Which medical benefit reimburses the costs of a disease, with its deductible and limit."""
    term, cited = ruling.term, []
    by_category: dict[str | None, Benefit] = {}
    for benefit in product.facts.benefits:
        by_category.setdefault(category_of(benefit.name.replace("医疗", "")), benefit)
    general = by_category.get(None)
    lines = []
    matched = next(
        (d for d in ruling.covered_as if d.category is not None and d.category in by_category), None
    )
    if matched is not None:
        benefit = by_category[matched.category]
        lines.append(
            f"{term}属于本产品定义的{matched.category_label}“{matched.name}”（第{matched.article}条），"
            f"其医疗费用按{benefit.name}报销（第{benefit.article}条）：{_medical_summary(product, benefit.name)}"
        )
        cited += [matched.article, benefit.article]
    else:
        for disease, item in ruling.excluded_from[:1]:
            lines.append(
                f"{term}不属于本产品定义的{disease.category_label}“{disease.name}”（第{disease.article}条），"
                f"该定义排除：“{_around(item, term)}”"
            )
            cited.append(disease.article)
        if general is not None:
            lines.append(
                f"{term}的合理医疗费用按{general.name}报销（第{general.article}条）：{_medical_summary(product, general.name)}"
            )
            cited.append(general.article)
    ratios = [t for t in product.facts.medical if t.kind == "reimbursement"]
    if ratios:
        unique = list(dict.fromkeys(t.sentence for t in ratios))
        lines.append(
            f"赔付比例（第{ratios[0].article}条）：" + "；".join(clip(x, 60) for x in unique[:3])
        )
        cited.append(ratios[0].article)
    return Section("。".join(lines) + "。", cited)


def pre_existing_section(product: ProductKnowledge) -> Section:
    """What 既往症 means in this wording and the exclusions that name it."""
    definition = topic_articles_section(product, "pre_existing", ())
    named = [e for e in product.facts.exclusions if "既往症" in e.text]
    if not named:
        return definition
    lines = "；".join(f"（{e.index}）{clip(e.text, 100)}" for e in named)
    text = f"{definition.text}\n责任免除（第{named[0].article}条）：{lines}".strip()
    return Section(text, [*definition.articles, named[0].article])
