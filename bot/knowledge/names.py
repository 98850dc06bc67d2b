"""The names the knowledge base recognises in a customer's words: products and diseases.

Shared by the knowledge base's own answers and by the Rasa entity extractor, so both see the same
products and diseases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.industry import CANCER_EXCLUSIONS, MILD_2020, SEVERE_2020
from bot.knowledge.text import normalize
from bot.knowledge.vocabulary import SYNONYMS, core_disease_name, disease_cores

# Words too general to name a disease when a customer uses them.
NOT_A_DISEASE = frozenset({"疾病", "重疾", "轻症", "中症"})


def product_names(products: Iterable[ProductKnowledge]) -> list[tuple[str, str]]:
    """``(normalised name, product code)`` for every name, alias, brand and code, longest first."""
    named = {
        (normalize(name), product.code)
        for product in products
        for name in (product.name, *product.document.aliases, brand(product.name), product.code)
        if name
    }
    return sorted(named, key=lambda pair: len(pair[0]), reverse=True)


# The kind of cover at the end of a product's name: customers name the product without it
# (金康百万医疗保险 → 金康百万, 泽润安康定期重大疾病保险 → 泽润安康).
KIND_SUFFIX = re.compile(r"(?:（[^）]*）|\([^)]*\))?$")
KIND_WORDS = re.compile(
    r"(?:终身|定期|两全|少儿|儿童|个人|综合|老年人?)?"
    r"(?:重大疾病|防癌疾病|疾病|医疗|寿|意外伤害|意外|养老年金|年金|护理)?保险$"
)


def brand(name: str) -> str:
    """The product's own name without the kind of cover (at least 3 characters), else ``""``."""
    bare = KIND_WORDS.sub("", KIND_SUFFIX.sub("", name))
    return bare if len(bare) >= 3 and bare != name else ""


def disease_terms(products: Iterable[ProductKnowledge]) -> list[str]:
    """Normalised disease and condition names, longest first.

    Every disease a product defines (with and without its grade), the conditions its definitions
    exclude, the 2020 industry lists and the customers' own words for diseases.
    """
    terms: set[str] = set()
    for product in products:
        for disease in product.facts.diseases:
            terms.update({disease.name, *disease_cores(disease.name)})
            # 冠状动脉搭桥术（或称冠状动脉旁路移植术）: both names, each on its own
            bare = re.sub(r"（[^）]*）|\([^)]*\)", "", disease.name)
            aliases = re.findall(r"[（(](?:或称|又称|即)?([^）)]{2,})[）)]", disease.name)
            terms.update({bare, core_disease_name(bare), *aliases})
            for item in disease.exclusions:
                terms.update(condition_words(item))
    terms.update(CANCER_EXCLUSIONS)
    terms.update(core_disease_name(d) for d in (*SEVERE_2020, *MILD_2020))
    terms.update(
        v for k, v in SYNONYMS.items() if "癌" in k or v.endswith(("病", "癌", "死", "症"))
    )
    keyed = {normalize(t) for t in terms if len(t) >= 2 and normalize(t) not in NOT_A_DISEASE}
    return sorted(keyed, key=lambda t: (-len(t), t))  # a fixed order between names of a length


FILLERS = "性型状的脏部"


def near_name(terms: Iterable[str], text: str) -> str | None:
    """The wording's name the customer wrote without one of its filler characters
    (溶血尿毒症 for 溶血性尿毒症, 进行性肌营养不良 written 进行肌营养不良): the first of ``terms``
    (longest first) found in ``text`` once a 性, 型, 状, 的, 脏 or 部 inside it is left out (单侧肾切除)."""
    for term in terms:
        if len(term) < 5:
            continue
        for i in range(1, len(term) - 1):
            if term[i] in FILLERS and term[:i] + term[i + 1 :] in text:
                return term
    return None


def condition_words(item: str) -> list[str]:
    """Short names in an exclusion item: ``原位癌，癌前病变`` → ``[原位癌, 癌前病变]``."""
    words = re.split(r"[，,、；;：:（）()“”\"\s]|及|或|和|如", item)
    return [w for w in words if 2 <= len(w) <= 8 and re.search(r"癌|瘤|病|变|症", w)]
