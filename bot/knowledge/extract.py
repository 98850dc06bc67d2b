"""Derive facts from a clause document's wording, matching titles by meaning, not by one title."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from bot.knowledge.allowance_terms import allowance_terms
from bot.knowledge.document import ClauseArticle, ClauseDocument
from bot.knowledge.facts import (
    Benefit,
    ClaimMaterials,
    Disease,
    Exclusion,
    MedicalTerm,
    Period,
    PlanAmount,
    ProductFacts,
    SurrenderRule,
    Term,
)
from bot.knowledge.plans import plan_columns, read_plan_tables
from bot.knowledge.text import (
    NUMBER,
    arabic_numerals,
    chinese_number,
    sentences,
    split_items,
    strip_markdown,
    table_rows,
    table_sentences,
    without_tables,
)
from bot.knowledge.vocabulary import TOPIC_WORDS, category_of
from bot.knowledge.waiting_lists import listed_waiting

# kind → (words naming it, units its length is given in)
PERIOD_SPECS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "cooling_off": (TOPIC_WORDS["cooling_off"], ("日", "天")),
    "waiting": (TOPIC_WORDS["waiting"], ("日", "天")),
    "grace": (TOPIC_WORDS["grace"], ("日", "天")),
    "reinstatement": (
        ("复效", "效力恢复", "恢复效力", "恢复合同效力", "合同效力的恢复"),
        ("年", "个月", "日", "天"),
    ),
    "limitation": (("诉讼时效",), ("年",)),
    "claim_notice": (("保险事故通知", "事故通知", "通知我们", "报案"), ("日", "天", "小时")),
    "claim_decision": (("作出核定", "核定"), ("日", "天", "个工作日", "工作日")),
    "interval": (("间隔期",), ("日", "天")),
}
AMOUNT_WITH_UNIT = re.compile(
    NUMBER + r"\s*(个工作日|工作日|个月|小时|年|日|天)(?!龄|度|金|满|期交)"
)
PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*[%％]")
TIMES = re.compile(r"(?:以|限|最多|累计|共|为)[^。；，]{0,10}?" + NUMBER + r"\s*次")
MONEY = re.compile(r"(?:人民币)?\s*(\d+(?:\.\d+)?)\s*(万元|万|元)")
ZERO_DEDUCTIBLE = re.compile(r"0\s*免赔|免赔额为\s*0|不设免赔|无免赔|免赔额为零")
EXCLUSION_LEAD = re.compile(
    r"[^，,。；：:\n]*(?:下列|以下|如下|下述)[^，,。；：:\n]*(?:不属于|不在|不包括|除外|不予|不承担)"
)
BENEFIT_NAME = re.compile(r"(保险金|津贴|给付|金)$|豁免|保险金(?!额)")
NOT_A_BENEFIT = re.compile(r"申请|受益人|关系|如何|怎样|共同|约定|说明|材料|资料|限额|计划")
NOT_DISEASE_CONTAINER = re.compile(r"保险金|豁免|责任|给付|申请")


def extract_facts(document: ClauseDocument) -> ProductFacts:
    """Every fact the knowledge base needs from ``document``.

    Numbers written in words (百分之三十, 一百八十日) are read as digits first, so the rules below
    see one style whatever the insurer's.
    """
    articles = tuple(
        dataclasses.replace(a, body=arabic_numerals(a.body), title=arabic_numerals(a.title))
        for a in document.articles
    )
    benefits = _benefits(articles)
    diseases, disease_articles = _diseases(articles)
    exclusions, notes = _exclusions(articles)
    plan_amounts, _ = read_plan_tables(articles)
    return ProductFacts(
        periods=_periods(articles),
        benefits=tuple(benefits),
        exclusions=tuple(exclusions),
        exclusion_notes=tuple(notes),
        diseases=tuple(diseases),
        materials=tuple(_materials(articles, [b.name for b in benefits])),
        medical=tuple(_medical_terms(articles, benefits, plan_amounts)),
        terms=tuple(_terms(articles, disease_articles)),
        surrender=tuple(_surrender_rules(articles, [b.name for b in benefits])),
        plan_amounts=tuple(plan_amounts),
    )


def unread_plan_cells(document: ClauseDocument) -> list[str]:
    """The cells of the wording's plan tables that are not read as an amount, by article."""
    articles = [dataclasses.replace(a, body=arabic_numerals(a.body)) for a in document.articles]
    return read_plan_tables(articles)[1]


def titled(articles: Iterable[ClauseArticle], words: Iterable[str]) -> list[ClauseArticle]:
    """The articles whose title contains one of ``words``."""
    words = tuple(words)
    return [a for a in articles if any(w in a.title for w in words)]


def descendants(articles: Iterable[ClauseArticle], parent: ClauseArticle) -> list[ClauseArticle]:
    """Every article below ``parent`` (children, grandchildren …) in document order."""
    prefix = parent.number + "."
    return [a for a in articles if a.number.startswith(prefix)]


def _periods(articles: tuple[ClauseArticle, ...]) -> dict[str, Period]:
    periods: dict[str, Period] = {}
    for kind, (words, units) in PERIOD_SPECS.items():
        found = _find_period(kind, articles, words, units)
        if found is not None:
            periods[kind] = found
    for kind, pattern in PERIOD_SENTENCES.items():
        found = _period_sentence(kind, articles, pattern)
        if found is not None:
            periods[kind] = found
    listed = _listed_waiting(articles, periods.get("waiting"))
    if listed is not None:
        periods["waiting_listed"] = listed
    if "grace" in periods:
        grace = periods["grace"]
        periods["grace"] = dataclasses.replace(grace, not_for=_not_for(grace))
    if "waiting" in periods:
        restart = _restart_article(periods)
        periods["waiting"] = dataclasses.replace(periods["waiting"], restart_article=restart)
    return periods


PAYMENT_WAY = re.compile(r"半年[交缴]|年[交缴]|季[交缴]|月[交缴]|趸[交缴]")


def _not_for(period: Period) -> tuple[str, ...]:
    """The ways of paying a period's own article excludes: "选择年交的，不适用本条宽限期"."""
    found: list[str] = []
    for sentence in (period.sentence, *period.details):
        if "不适用" in sentence:
            found.extend(way.replace("缴", "交") for way in PAYMENT_WAY.findall(sentence))
    return tuple(dict.fromkeys(found))


def _restart_article(periods: dict[str, Period]) -> str | None:
    """The article where the waiting period starts again from a reinstatement, if one says so."""
    for kind in ("waiting", "reinstatement"):
        period = periods.get(kind)
        if period is None:
            continue
        for sentence in (period.sentence, *period.details):
            if "复效" in sentence and ("重新计算" in sentence or "最后一次复效" in sentence):
                return period.article
    return None


def _listed_waiting(articles: tuple[ClauseArticle, ...], waiting: Period | None) -> Period | None:
    """A longer waiting period for the diseases a list gives (对于9.3.5所列的疾病，观察期为90日)."""
    if waiting is None:
        return None
    return listed_waiting(titled(articles, TOPIC_WORDS["waiting"]), waiting)


# Periods told by a sentence's shape rather than by a period's name:
# cover_start — 自收到首期保险费的次日零时起生效 (1 day after the premium is paid);
# renewal — 期满后15日内续保视为连续投保 (days after the end a late renewal is still continuous);
# extension — 届满时仍在住院的，继续承担…最长至届满之日起第30日 (days a stay is covered after the end).
PERIOD_SENTENCES: dict[str, re.Pattern[str]] = {
    "cover_start": re.compile(
        r"(?:收到|收取|交纳|交付|支付|缴纳)(?:您的|投保人的)?(?:首期|首次|全部)?(?:保险费|保费)"
        r"[^。；，]{0,6}次日零时起[^。；]{0,12}(?:生效|承担)"
    ),
    "renewal": re.compile(
        r"^(?=[^。]*(?:续保|连续投保))(?![^。]*住院)[^。]*?"
        r"(?:期满|届满|到期)(?:日|之日)?(?:后|之日起|次日起|起)\s*(\d+)\s*[日天]"
    ),
    "extension": re.compile(
        r"(?:届满|期满|终止)[^。]{0,12}(?:仍在|仍然在|尚未出院|仍未出院)[^。]*(?:继续|仍)[^。]*?"
        r"(?:届满|期满|终止)[^。]{0,6}?(?:第)?\s*(\d+)\s*[日天]"
    ),
}


def _period_sentence(
    kind: str, articles: tuple[ClauseArticle, ...], pattern: re.Pattern[str]
) -> Period | None:
    for article in articles:
        body = sentences(strip_markdown(article.body))
        for sentence in body:
            match = pattern.search(sentence)
            if match is None or (kind == "cover_start" and "续保" in match.group(0)):
                continue
            amount = float(match.group(1)) if match.groups() else 1.0
            details = tuple(s for s in body if s != sentence)
            return Period(kind, amount, "日", article.number, sentence, details)
    return None


def _find_period(
    kind: str, articles: tuple[ClauseArticle, ...], words: tuple[str, ...], units: tuple[str, ...]
) -> Period | None:
    candidates = titled(articles, words)
    for strict in (True, False):
        for article in candidates:
            found = _period_in(kind, article, words, units, needs_word=strict)
            if found is not None:
                return found
    if kind == "waiting":
        # "本合同不设等待期" under its own title outweighs a number met elsewhere in the wording
        none = _no_period(candidates, words)
        if none is not None:
            return none
    for article in articles:
        found = _period_in(kind, article, words, units, needs_word=True)
        if found is not None:
            return found
    return None


def _no_period(candidates: list[ClauseArticle], words: tuple[str, ...]) -> Period | None:
    """A period the wording says there is none of (不设观察期): amount 0, with its sentence."""
    pattern = re.compile(r"(不设|无|没有|不存在)[^。；]{0,4}(" + "|".join(words) + ")")
    for article in candidates:
        body = sentences(strip_markdown(article.body))
        for sentence in body:
            if pattern.search(sentence):
                details = tuple(s for s in body if s != sentence)
                return Period("waiting", 0.0, "日", article.number, sentence, details)
    return None


def _period_in(
    kind: str,
    article: ClauseArticle,
    words: tuple[str, ...],
    units: tuple[str, ...],
    *,
    needs_word: bool,
) -> Period | None:
    body = sentences(strip_markdown(article.body))
    for sentence in body:
        positions = [sentence.find(w) for w in words if w in sentence]
        if needs_word and not positions:
            continue
        anchor = min(positions) if positions else 0
        amounts = [
            (abs(m.start() - anchor), m)
            for m in AMOUNT_WITH_UNIT.finditer(sentence)
            if m.group(2) in units
            and chinese_number(m.group(1))
            and not _names_other_period(kind, sentence[m.end() : m.end() + 4])
            and not re.search(r"保险期间(?:为|是)?$", sentence[max(0, m.start() - 6) : m.start()])
        ]
        if not amounts:
            continue
        _, match = min(amounts, key=lambda pair: pair[0])
        amount = chinese_number(match.group(1))
        assert amount is not None
        unit = {"天": "日", "个工作日": "工作日"}.get(match.group(2), match.group(2))
        details = tuple(s for s in body if s != sentence)
        return Period(kind, amount, unit, article.number, sentence, details)
    return None


def _names_other_period(kind: str, following: str) -> bool:
    """ "重新计算30日观察期" in a reinstatement article is the waiting period, not its window."""
    return any(
        following.startswith(word)
        for other, (words, _) in PERIOD_SPECS.items()
        if other != kind
        for word in words
        if len(word) > 2
    ) or any(following.startswith(w) for w in TOPIC_WORDS["waiting"] if kind != "waiting")


def _benefits(articles: tuple[ClauseArticle, ...]) -> list[Benefit]:
    """Each benefit under a 保险责任 / 保险利益 heading, with the text of its sub-articles."""
    benefits: dict[str, Benefit] = {}
    for container in titled(articles, TOPIC_WORDS["benefits"]):
        if "免除" in container.title or "不" in container.title:
            continue
        if NOT_A_BENEFIT.search(container.title):
            continue
        for article in descendants(articles, container):
            if not BENEFIT_NAME.search(article.title) or article.number in benefits:
                continue
            if NOT_A_BENEFIT.search(article.title):
                continue
            if any(article.number.startswith(number + ".") for number in benefits):
                continue
            body = "\n".join(a.body for a in (article, *descendants(articles, article)) if a.body)
            if body:
                benefits[article.number] = _benefit(article.title, article.number, body)
    return [
        b if b.times is not None else dataclasses.replace(b, times=_cumulative_times(articles, b))
        for b in benefits.values()
    ]


def _benefit(name: str, article: str, body: str) -> Benefit:
    text = strip_markdown(body)
    percent_match = re.search(r"基本保险金额(?:的)?\s*(\d+(?:\.\d+)?)\s*[%％]", text) or re.search(
        r"(\d+(?:\.\d+)?)\s*[%％]\s*(?:的)?\s*基本保险金额", text
    )
    percent: float | None = float(percent_match.group(1)) if percent_match else None
    if percent is None and re.search(r"按(?:本合同(?:的)?|合同)?基本保险金额(?:的100%)?给付", text):
        percent = 100.0
    each, total = _times(text)
    medical = "医疗" in name
    adds_to, age_limit, before_age = _extra_payout(text)
    return Benefit(
        name=name,
        article=article,
        category=None if medical else category_of(name),
        percent=percent,
        times=total,
        ends_contract="本合同终止" in text or "合同效力终止" in text,
        is_waiver="豁免" in name,
        sentences=tuple(sentences(text)),
        times_each=each,
        adds_to=adds_to,
        age_limit=age_limit,
        before_age=before_age,
    )


EXTRA = re.compile(
    r"额外(?:再)?(?:按|给付)|之外[，,]?(?:再|另|额外)|另行(?:按|给付)|的同时[，,]?另(?:按|给付)"
)
ON_TOP_OF = re.compile(
    r"([\u4e00-\u9fff]{2,10}保险金)(?:之外|以外|外)|已(?:因该疾病)?给付(?:了)?([\u4e00-\u9fff]{2,10}保险金)"
    # "在给付该次重度疾病保险金的同时，另按…"
    r"|给付(?:该次|本次|该项)?([\u4e00-\u9fff]{2,10}保险金)的同时"
)
AGE_LIMIT = re.compile(
    r"(?:年满|满)?"
    + NUMBER
    + r"\s*周岁(?:后的首个保单周年日(?:零时)?)?(?:[（(][^）)]{0,8}[）)])?(?:之前|以前|前)(?:（含）)?"
)


def _extra_payout(text: str) -> tuple[str | None, str | None, int | None]:
    """(the category paid on top of, the age phrase, the age) of a 关爱金/额外给付 benefit."""
    for sentence in sentences(text):
        if not EXTRA.search(sentence):
            continue
        main = ON_TOP_OF.search(sentence)
        category = category_of(next(g for g in main.groups() if g)) if main else None
        if category is None:
            continue
        age = AGE_LIMIT.search(sentence)
        value = chinese_number(age.group(1)) if age else None
        return category, (age.group(0) if age else None), (int(value) if value else None)
    return None, None, None


PER_DISEASE = re.compile(r"(每种|每一种|每1种|每项|每一项|同一种|该种|某一种|同种)[^。；，]{0,12}$")


def _times(text: str) -> tuple[int | None, int | None]:
    """(times per disease, times in all): "每种轻症以给付1次为限" is not "最多1次"."""
    each: int | None = None
    total: int | None = None
    for match in TIMES.finditer(text):
        value = chinese_number(match.group(1))
        if not value:
            continue
        before = text[max(0, match.start() - 14) : match.start() + len(match.group(0))]
        if PER_DISEASE.search(text[max(0, match.start() - 14) : match.start() + 2]) or re.search(
            r"每种|每一种|同一种", before
        ):
            each = each or int(value)
        else:
            total = total or int(value)
    return each, total


def _cumulative_times(articles: tuple[ClauseArticle, ...], benefit: Benefit) -> int | None:
    """A cumulative limit stated outside the benefit's own article (a table of limits)."""
    for article in articles:
        found = sentences(strip_markdown(without_tables(article.body)))
        for sentence in [*found, *table_sentences(article.body)]:
            if benefit.name not in sentence or not re.search(r"累计|上限|合计|总", sentence):
                continue
            match = re.search(r"(?:累计|上限|合计|总)[^。；]{0,12}?" + NUMBER + r"\s*次", sentence)
            value = chinese_number(match.group(1)) if match else None
            if value:
                return int(value)
    return None


def _exclusions(articles: tuple[ClauseArticle, ...]) -> tuple[list[Exclusion], list[str]]:
    exclusions: list[Exclusion] = []
    notes: list[str] = []
    seen: set[str] = set()  # 3 责任免除 and its own 3.1 责任免除: each article read once
    for container in titled(articles, TOPIC_WORDS["exclusions"]):
        for article in [container, *descendants(articles, container)]:
            if article.number in seen:
                continue
            seen.add(article.number)
            _, items, tail = split_items(strip_markdown(article.body))
            for item in items:
                exclusions.append(Exclusion(article.number, len(exclusions) + 1, item))
            if not items and article.body and article is not container:
                exclusions.append(
                    Exclusion(article.number, len(exclusions) + 1, strip_markdown(article.body))
                )
            notes.extend(sentences(strip_markdown(tail)))
    return exclusions, notes


def _diseases(articles: tuple[ClauseArticle, ...]) -> tuple[list[Disease], set[str]]:
    diseases: list[Disease] = []
    numbers: set[str] = set()
    for heading in articles:
        category = category_of(heading.title)
        if category is None or NOT_DISEASE_CONTAINER.search(heading.title):
            continue
        children = [a for a in articles if a.parent_number == heading.number]
        if not children:
            continue
        numbers.add(heading.number)
        leaves: list[ClauseArticle] = []
        for child in children:
            grouped = [a for a in articles if a.parent_number == child.number]
            if grouped and category_of(child.title) is None:
                # 第一组：恶性肿瘤类 — a group of diseases inside the category, not a disease
                numbers.add(child.number)
                leaves.extend(grouped)
            else:
                leaves.append(child)
        for child in leaves:
            definition, exclusions = _definition_and_exclusions(child.body)
            diseases.append(
                Disease(
                    name=child.title,
                    category=category,
                    category_label=heading.title,
                    article=child.number,
                    definition=definition,
                    exclusions=tuple(exclusions),
                )
            )
            numbers.add(child.number)
    return diseases, numbers


def _definition_and_exclusions(body: str) -> tuple[str, list[str]]:
    text = strip_markdown(body)
    leads = list(EXCLUSION_LEAD.finditer(text))
    if not leads:
        return text, _trailing_exclusions(text)
    start = leads[-1].start()
    _, items, tail = split_items(text[start:])
    if not items:
        items = [s for s in sentences(text[start:])[:1]]
    return text[:start].strip(), [*items, *sentences(tail)]


NOT_THIS_DISEASE = re.compile(
    r"^(?P<what>[^。；]{4,80}?)[，,]?(?:均|也|亦)?(?:不在(?:本合同的?|本项的?)?保障范围(?:内|之内)?"
    r"|不属于本(?:项|条|合同所指的?)(?:疾病|保障范围)?|不在此列)"
)


def _trailing_exclusions(text: str) -> list[str]:
    """What a definition leaves out in a sentence of its own with no "下列" lead-in
    ("肾脏部分切除，以及作为器官捐献者而接受的肾脏切除，不在保障范围内"), one item each."""
    found: list[str] = []
    for sentence in sentences(text):
        match = NOT_THIS_DISEASE.match(sentence.strip())
        if match is None:
            continue
        what = re.sub(r"^(但|且|其中|另外|此外)", "", match.group("what"))
        found.extend(
            p.strip("，, ") for p in re.split(r"[，,]?以及|；|;", what) if len(p.strip()) >= 2
        )
    return found


def _materials(
    articles: tuple[ClauseArticle, ...], benefit_names: list[str]
) -> list[ClaimMaterials]:
    names = sorted(dict.fromkeys(benefit_names), key=len, reverse=True)
    found: list[ClaimMaterials] = []
    by_number = {a.number: a for a in articles}
    for article in articles:
        if not (
            re.search(r"申请.{0,12}(保险金|津贴)|保险金.{0,4}申请|证明和资料|材料", article.title)
            or _ancestor_titled(article, by_number, re.compile(r"材料|资料"))
        ):
            continue
        titled_names = [n for n in names if n in article.title]
        titled_names = [n for n in titled_names if not any(n in m and n != m for m in titled_names)]
        titled_names.sort(key=article.title.find)  # 申请中度疾病保险金或轻度疾病保险金: both
        default = titled_names[0] if titled_names else "各项保险金"
        current = default
        groups: dict[str, list[str]] = {}
        for paragraph in strip_markdown(article.body).split("\n"):
            lead, items, _ = split_items(paragraph)
            named = next((n for n in names if n in lead), None)
            if lead and named:
                current = named
            elif (
                lead
                and not titled_names  # "申请人填写保险金给付申请书" under 申请全残保险金 names none
                and re.search(r"申请.{0,12}保险金|保险金.{0,6}申请", lead)
            ):
                generic = re.search(r"([\u4e00-\u9fff]{2,12}保险金)", lead)
                current = generic.group(1) if generic else default
            if items:
                groups.setdefault(current, []).extend(items)
        if list(groups) == [default]:
            for other in titled_names[1:]:
                groups[other] = groups[default]
        found.extend(
            ClaimMaterials(name, article.number, tuple(items)) for name, items in groups.items()
        )
    return found


def _ancestor_titled(
    article: ClauseArticle, by_number: dict[str, ClauseArticle], pattern: re.Pattern[str]
) -> bool:
    parent = article.parent_number
    while parent is not None:
        above = by_number.get(parent)
        if above is not None and pattern.search(above.title):
            return True
        parent = above.parent_number if above is not None else None
    return False


def _medical_terms(
    articles: tuple[ClauseArticle, ...],
    benefits: list[Benefit],
    plan_amounts: Iterable[PlanAmount] = (),
) -> list[MedicalTerm]:
    names = sorted((b.name for b in benefits), key=len, reverse=True)
    terms: list[MedicalTerm] = [
        t for a in plan_amounts for t in _plan_terms(a, [b.name for b in benefits])
    ]
    for article in articles:
        owner = next(
            (
                b.name
                for b in benefits
                if article.number == b.article or article.number.startswith(b.article + ".")
            ),
            None,
        )
        found = sentences(strip_markdown(without_tables(article.body)))
        tables = [] if _has_plan_table(article) else table_sentences(article.body)
        for sentence in dict.fromkeys([*found, *tables]):
            benefit = next((n for n in names if n in sentence), owner)
            found_terms = _medical_in(sentence, benefit, article.number)
            found_terms += allowance_terms(sentence, benefit, article.number)
            if owner is not None and not MEDICAL_BENEFIT.search(owner):
                # a lump sum's table (伤残 grades, 骨折 parts) gives shares of a sum insured,
                # never the ratio a medical expense is reimbursed at
                found_terms = [t for t in found_terms if t.kind != "reimbursement"]
            if len({n for n in names if n in sentence}) > 1:
                # "门急诊医疗保险金和住院医疗保险金合计不超过": a limit of them all, not of one
                found_terms = [
                    dataclasses.replace(t, benefit=None) if t.kind == "annual_limit" else t
                    for t in found_terms
                ]
            terms.extend(found_terms)
    terms.sort(key=lambda t: (t.article, t.kind, t.sentence))
    return terms


RATIO_CHANGE = re.compile(
    r"由\s*\d+(?:\.\d+)?\s*[%％]\s*(?:调整|降低|下调|降)(?:为|至|到)\s*(\d+(?:\.\d+)?)\s*[%％]"
)
MEDICAL_BENEFIT = re.compile(r"医疗|门诊|急诊|住院|费用|药|手术|治疗|津贴|补贴")


def _has_plan_table(article: ClauseArticle) -> bool:
    return any(plan_columns(row) for row in table_rows(article.body))


def _plan_benefit(label: str, names: list[str]) -> str | None:
    """The benefit a plan table's row is about: the one whose name (less 保险金, 医疗, 费用) the
    row's label holds, the longest such."""
    found: list[tuple[int, str]] = []
    for name in names:
        core = re.sub(r"保险金$", "", name)
        for key in (core, re.sub(r"(医疗|费用)$", "", core)):
            if len(key) >= 2 and key in label:
                found.append((len(key), name))
                break
    return max(found)[1] if found else None


def _plan_terms(amount: PlanAmount, names: list[str]) -> list[MedicalTerm]:
    """The medical terms one plan's cell states, each with the plan in its sentence (so the
    customer's plan picks them) and the benefit its row names."""
    label = re.sub(r"^其中[：:]", "", amount.label)
    # "计划二住院医疗免赔额为0元": the plan first, as a customer says it; a figure the table
    # states without its unit (单位：元) with it
    cell = (
        re.sub(r"^(\d+(?:\.\d+)?)(?=$|/)", r"\1元", amount.cell)
        if amount.unit == "元"
        else amount.cell
    )
    sentence = f"{amount.plan}{label}为{cell}"
    benefit = _plan_benefit(label, names)
    medical = MEDICAL_BENEFIT.search(benefit or label) is not None
    kind = amount.kind
    article = amount.article
    if kind in ("days", "daily") and re.search(r"津贴|补贴", label):
        found = [
            t for t in allowance_terms(sentence, benefit, article) if t.kind != "daily_allowance"
        ]
        if kind == "daily":
            ward = (
                "重症监护室"
                if re.search(r"重症|监护|ICU", label)
                else ("普通病房" if "普通" in label else None)
            )
            found.append(
                MedicalTerm(
                    "daily_allowance", benefit, article, amount.amount, "元", sentence, ward
                )
            )
        return found
    if (
        not medical
        and not (kind == "sum" and "限额" in label)
        and not (kind == "daily" and "费" in label)
    ):
        return []
    if kind == "daily":
        item = re.search(r"([\u4e00-\u9fff]{1,10}?费)", label)
        if item is None:
            return []
        return [
            MedicalTerm(
                "item_limit",
                benefit,
                article,
                amount.amount,
                "元",
                sentence,
                item=f"{item.group(1)}每日",
            )
        ]
    kinds = {
        "deductible": "deductible",
        "ratio": "reimbursement",
        "per_visit_limit": "per_visit_limit",
        "sum": "annual_limit",
    }
    if kind not in kinds:
        return []
    return [MedicalTerm(kinds[kind], benefit, article, amount.amount, amount.unit, sentence)]


# "第10级：给付比例为10%": a row of the disability scale, not what medical expenses are paid at
DISABILITY_SCALE = re.compile(r"伤残|第\s*[一二三四五六七八九十\d]{1,3}\s*级")


def _medical_in(sentence: str, benefit: str | None, article: str) -> list[MedicalTerm]:
    found: list[MedicalTerm] = []
    if "免赔" in sentence:
        money = MONEY.search(sentence[sentence.find("免赔") :])
        if ZERO_DEDUCTIBLE.search(sentence):
            found.append(MedicalTerm("deductible", benefit, article, 0.0, "元", sentence))
        elif money:
            found.append(MedicalTerm("deductible", benefit, article, *_money(money), sentence))
    change = RATIO_CHANGE.search(sentence)
    if change is not None:
        # "…未取得预授权的，赔付比例由100%调整为80%": the ratio when the condition is met
        found.append(
            MedicalTerm("ratio_change", benefit, article, float(change.group(1)), "%", sentence)
        )
    elif (
        "基本保险金额" not in sentence
        and not DISABILITY_SCALE.search(sentence)
        and (benefit is None or MEDICAL_BENEFIT.search(benefit))
        and re.search(r"赔付比例|给付比例|报销比例|按.{0,20}[%％].{0,4}(?:赔付|给付)", sentence)
    ):
        label, colon, _ = sentence.partition("：")
        for n, part in enumerate(re.split(r"[；;]", sentence)):
            stated = part if n == 0 or not colon else f"{label}：{part}"
            for percent in PERCENT.findall(part):
                found.append(
                    MedicalTerm("reimbursement", benefit, article, float(percent), "%", stated)
                )
    items = _item_limits(sentence, benefit, article)
    found.extend(items)
    # what the item caps say is not a cap on the visit or the year
    rest = ITEM_LIMIT.sub("", sentence) if items else sentence
    if re.search(r"每次.{0,16}(?:为限|限额|不超过)|(?:限额|为限).{0,6}每次", rest):
        money = MONEY.search(rest[rest.find("每次") :])
        if money:
            found.append(MedicalTerm("per_visit_limit", benefit, article, *_money(money), sentence))
    if (
        re.search(
            r"年度.{0,8}(?:限额|保险金额)|(?:限额|保险金额).{0,6}为|累计限额|累计.{0,12}为限", rest
        )
        and "免赔" not in rest
        and "基本保险金额" not in rest
        and not re.search(r"每次|每日|每天|单次", rest)
    ):
        money = MONEY.search(rest)
        if money:
            found.append(MedicalTerm("annual_limit", benefit, article, *_money(money), sentence))
    return found


# "床位费（见9.2.2），每日以人民币1500元为限", "救护车使用费每次800元": one expense's own cap
ITEM_LIMIT = re.compile(
    r"([\u4e00-\u9fff]{1,8}?费)(?:[（(][^）)]{0,12}[）)])?[^；;。]{0,30}?每(日|天|次)"
    r"(?:[^；;。\d]{0,6}?)(\d+(?:\.\d+)?)\s*(万元|万|元)"
)


def _item_limits(sentence: str, benefit: str | None, article: str) -> list[MedicalTerm]:
    found: list[MedicalTerm] = []
    for match in ITEM_LIMIT.finditer(sentence):
        item = re.sub(r"^.*(?:为|：|:|，|、|\d|的)", "", match.group(1))
        if len(item) < 2 or re.search(r"医疗费|保险费|门急诊", item):
            continue
        amount = float(match.group(3)) * (10_000 if match.group(4).startswith("万") else 1)
        unit = "每日" if match.group(2) in ("日", "天") else "每次"
        found.append(
            MedicalTerm(
                "item_limit", benefit, article, amount, "元", sentence, item=f"{item}{unit}"
            )
        )
    return found


def _money(match: re.Match[str]) -> tuple[float, str]:
    amount = float(match.group(1))
    return (amount * 10_000, "元") if match.group(2).startswith("万") else (amount, "元")


def _terms(articles: tuple[ClauseArticle, ...], disease_articles: set[str]) -> list[Term]:
    terms: list[Term] = []
    for root in titled(articles, TOPIC_WORDS["definitions"]):
        for article in descendants(articles, root):
            if article.number in disease_articles or not article.body:
                continue
            terms.append(Term(article.title, article.number, strip_markdown(article.body)))
    return terms


# 已交保险费 ×（1 − 25%）×（1 − 已经过天数 ÷ 天数）: the share kept for expenses, then the share left
UNEARNED = re.compile(r"[×xX*]\s*[（(]\s*1\s*[-−－–]\s*(\d+(?:\.\d+)?)\s*[%％]\s*[）)]")
ZERO_REFUND = re.compile(
    r"(?:现金价值|未满期净保(?:险)?费)(?:为|是|等于)(?:零|0)(?![.\d])|不(?:再)?退还?(?:任何)?保险费"
)
PAID_OUT = re.compile(r"给付|赔付|发生.{0,6}保险金")
NOT_PAID = re.compile(r"不(?:承担|予)?(?:给付|赔付)|告知")  # a rescission, not a payout
MONTHLY = re.compile(r"按月|月交|月缴|每月")
SINGLE = re.compile(r"(?:一|1)次(?:性)?交(?:清|纳|付)|趸交|按年|年交|每年")


def _surrender_rules(
    articles: tuple[ClauseArticle, ...], benefit_names: list[str]
) -> list[SurrenderRule]:
    """How the wording computes a surrender refund (未满期净保险费) and what makes it nothing."""
    names = sorted(set(benefit_names), key=len, reverse=True)
    rules: list[SurrenderRule] = []
    for article in articles:
        found = sentences(strip_markdown(article.body))
        for n, sentence in enumerate(found):
            fee = _expense_share(sentence)
            if fee is not None:
                head = sentence[: sentence.find("×")] if "×" in sentence else sentence[:12]
                installment = (
                    "monthly" if MONTHLY.search(head) else "single" if SINGLE.search(head) else None
                )
                rules.append(
                    SurrenderRule(
                        "formula",
                        article.number,
                        sentence,
                        fee_percent=fee,
                        installment=installment,
                    )
                )
            elif (
                ZERO_REFUND.search(sentence)
                and PAID_OUT.search(sentence)
                and not NOT_PAID.search(sentence)
            ):
                following = found[n + 1] if n + 1 < len(found) else ""
                spared = following if re.search(r"不影响|不受影响|仍(?:按|可)", following) else ""
                rules.append(
                    SurrenderRule(
                        "zero",
                        article.number,
                        sentence,
                        benefits=_named(sentence, names),
                        spared=_named(spared, names),
                    )
                )
    if not any(r.kind == "formula" for r in rules):
        rules.extend(_defined_unearned(articles))
    return rules


def _defined_unearned(articles: tuple[ClauseArticle, ...]) -> list[SurrenderRule]:
    """未满期净保险费 defined in words only: the expense share its definition states."""
    for article in articles:
        if "未满期" not in article.title and not re.search(r"未满期.{0,12}指", article.body):
            continue
        body = sentences(strip_markdown(article.body))
        if not any(re.search(r"尚未经过|未经过|未满期", s) for s in [article.title, *body]):
            continue
        for sentence in body:
            share = EXPENSE_SHARE.search(sentence)
            if share and 0 < float(share.group(1)) < 100:
                text = "".join(body)
                return [SurrenderRule("formula", article.number, text, float(share.group(1)))]
    return []


KEPT_SHARE = re.compile(r"保险费\s*[×xX*]\s*(\d+(?:\.\d+)?)\s*[%％]\s*[×xX*]\s*[（(]\s*1\s*[-−－–]")
EXPENSE_SHARE = re.compile(
    r"(?:经营|管理|营业)?费用(?:比例)?(?:为|按|占)?[^。；\d]{0,6}?(\d+(?:\.\d+)?)\s*[%％]"
)


def _expense_share(sentence: str) -> float | None:
    """The share a refund formula keeps back, in percent: ``×（1 − 25%）`` or ``× 75% ×`` in a
    formula by days elapsed, or "未满期…经营费用比例为25%" stated in words."""
    if "天数" in sentence:
        formula = UNEARNED.search(sentence)
        if formula:
            return float(formula.group(1))
        kept = KEPT_SHARE.search(sentence)
        if kept and 0 < float(kept.group(1)) < 100:
            return 100 - float(kept.group(1))
    if re.search(r"未满期|尚未经过|未经过", sentence) and re.search(r"扣除|费用", sentence):
        share = EXPENSE_SHARE.search(sentence)
        if share and 0 < float(share.group(1)) < 100:
            return float(share.group(1))
    return None


def _named(sentence: str, names: list[str]) -> tuple[str, ...]:
    """The benefits ``sentence`` names, longest names first, each once."""
    named: list[str] = []
    rest = sentence
    for name in names:
        if name in rest:
            named.append(name)
            rest = rest.replace(name, "")
    return tuple(sorted(named, key=sentence.find))
