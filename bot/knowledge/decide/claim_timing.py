"""When a definition lets a claim be made: a state that must last (疾病确诊180天后, 持续90日) and
an age the insured must have reached when claiming (申请理赔时须年满3周岁).

"3个月前脑梗，现在能申请吗" is too early for "确诊180天后仍遗留…"; "宝宝1岁半…双耳失聪" is too
early for "被保险人申请理赔时须年满3周岁". Both are "not yet", not "never".
"""

from __future__ import annotations

import re

from bot.knowledge.text import arabic_numerals, normalize

ONSET_AGO = re.compile(
    r"(\d+)\s*(个多月|个月|天|日|周)(?:以前|之前|前)(?=[^，。,；;]{0,4}"
    r"(?:脑梗|中风|脑出血|梗|确诊|发病|患|得了|查出|出血|受伤|手术|住院|烧伤|昏迷|病))"
)
UNIT_DAYS = {"个多月": 30, "个月": 30, "天": 1, "日": 1, "周": 7}


def onset_ago_days(text: str) -> int | None:
    """How many days ago the illness began, told as "3个月前脑梗" (no date, no event word)."""
    found = ONSET_AGO.search(arabic_numerals(normalize(text)))
    if found is None:
        return None
    return int(found.group(1)) * UNIT_DAYS[found.group(2)]


CLAIM_AGE = re.compile(
    r"(?:申请理赔|理赔申请|申请给付|申请)时[^。；]{0,12}?(?:须|应|需)(?:已)?(?:年满|满|在)(\d+)周?岁(?:以上|或以上)?"
)
TOLD_AGE = re.compile(r"(\d+)\s*(?:周)?岁(半)?|(\d+)\s*个月大")


def claim_age(definition: str) -> tuple[float, str] | None:
    """The age the insured must have reached when claiming, and the sentence saying it."""
    plain = arabic_numerals(normalize(definition))
    found = CLAIM_AGE.search(plain)
    if found is None:
        return None
    start = max(plain.rfind("。", 0, found.start()), plain.rfind(",", 0, found.start())) + 1
    return float(found.group(1)), plain[start : found.end()]


def told_age(text: str) -> float | None:
    """The insured's age as a child's age is told: "1岁半", "孩子2岁", "8个月大"."""
    found = TOLD_AGE.search(arabic_numerals(normalize(text)))
    if found is None:
        return None
    if found.group(3):
        return int(found.group(3)) / 12
    return int(found.group(1)) + (0.5 if found.group(2) else 0.0)


def too_young(definition: str, text: str) -> tuple[str, str] | None:
    """``(requirement, told)`` when the insured is younger than the age the definition requires at
    the claim."""
    required = claim_age(definition)
    age = told_age(text)
    if required is None or age is None or age >= required[0]:
        return None
    return required[1], f"现在{age:g}岁"


HISTOLOGY_REQUIRED = re.compile(r"组织病理学?检查")
CYTOLOGY_ONLY = re.compile(r"细胞学|tct|液基|细针穿刺|涂片|hsil|lsil|asc-?us", re.IGNORECASE)
HISTOLOGY_TOLD = re.compile(
    r"活检|组织病理|术后病理|切除.{0,6}病理|病理(报告|结果)?(是|显示|为|确诊)"
)


def histology_missing(definition: str, text: str) -> tuple[str, str] | None:
    """``(requirement, told)`` when the definition asks for a histological diagnosis and the story
    has only a cytology report (细针穿刺, TCT) so far."""
    plain = normalize(definition)
    required = HISTOLOGY_REQUIRED.search(plain)
    story = re.sub(r"(没|未|没有|还没)(做|有)?(过)?(活检|病理)", "", normalize(text))
    if required is None or not CYTOLOGY_ONLY.search(story) or HISTOLOGY_TOLD.search(story):
        return None
    if re.search(r"(已经|已)(做|有)了?(活检|病理)", story):
        return None
    marks = ",，。;；:："
    start = max(plain.rfind(m, 0, required.start()) for m in marks) + 1
    end = min(i for i in [plain.find(m, required.end()) for m in marks] + [len(plain)] if i >= 0)
    return plain[start:end], "只有细胞学检查的报告（细胞学检查不是组织病理学检查）"
