"""The words customers and insurers use for the same thing: topics, disease categories, synonyms.

Everything here is general insurance language, never a product's numbers: those come from the
ingested wording.
"""

from __future__ import annotations

import re

# Clause topics, each with the words that name it in titles, bodies and questions.
TOPIC_WORDS: dict[str, tuple[str, ...]] = {
    "cooling_off": ("犹豫期", "冷静期", "后悔期"),
    "waiting": ("等待期", "观察期", "免责期"),
    "grace": ("宽限期", "宽容期"),
    "suspension": ("效力中止", "合同中止", "保单中止", "失效"),
    "reinstatement": ("效力恢复", "复效", "恢复效力", "恢复合同"),
    "limitation": ("诉讼时效", "时效"),
    "claim_notice": ("保险事故通知", "事故通知", "报案"),
    "claim_materials": ("保险金申请", "申请材料", "理赔材料", "证明和资料", "资料"),
    "claim_payment": ("保险金给付", "给付", "赔付时间"),
    "benefits": ("保险责任", "保险利益", "保障内容", "保障责任", "我们保什么", "保什么"),
    "exclusions": (
        "责任免除",
        "除外责任",
        "免责条款",
        "我们不保什么",
        "我们不赔什么",
        "不保什么",
        "不赔什么",
        "不予赔付",
        "不予给付",
        "不承担保险责任",
        "不承担的责任",
        "不承担责任",
        "原因免责",
        "费用免责",
    ),
    "cash_value": ("现金价值",),
    "surrender": ("解除合同", "退保"),
    "definitions": ("释义", "名词解释", "名词的解释", "术语", "用语解释", "定义"),
    "deductible": ("免赔额", "免赔"),
    "reimbursement": ("赔付比例", "给付比例", "报销比例"),
    "annual_limit": ("年度限额", "保险金额", "限额"),
    "renewal": ("续保",),
    "pre_existing": ("既往症",),
    "hospital": ("指定医院", "医院范围", "医院"),
    "period": ("保险期间", "保障期间"),
    "premium": ("保险费的支付", "保险费", "交费"),
    "disclosure": ("如实告知", "明确说明"),
    "beneficiary": ("受益人",),
}

# What customers call a kind of product (the clause format's ``type``): "那医疗险呢".
PRODUCT_TYPE_WORDS: dict[str, tuple[str, ...]] = {
    "medical": ("医疗险", "医疗保险", "百万医疗", "住院险", "报销型"),
    "critical_illness": ("重疾险", "重大疾病保险", "重疾保险"),
    "accident": ("意外险", "意外伤害保险", "意外保险"),
    "term_life": ("定期寿险", "定寿"),
    "whole_life": ("终身寿险", "增额寿", "终身寿"),
    "annuity": ("年金险", "年金保险", "养老年金", "养老金保险"),
}


def product_type_in(text: str) -> str | None:
    """The kind of product a normalised text names by its kind ("医疗险"), if any."""
    for kind, words in PRODUCT_TYPE_WORDS.items():
        if any(word in text for word in words):
            return kind
    return None


# Disease categories: canonical key → labels used in headings and benefit names.
CATEGORY_LABELS: dict[str, tuple[str, ...]] = {
    "severe": ("重大疾病", "重度疾病", "重疾", "重度", "重症"),
    "moderate": ("中症疾病", "中度疾病", "中症", "中度"),
    "mild": ("轻症疾病", "轻度疾病", "轻症", "轻度", "轻疾"),
    "specific": ("特定疾病", "特种疾病", "特定"),
    "rare": ("罕见病", "罕见疾病"),
}
# "重症" is a customer's word for 重疾, but not in 重症监护室 (ICU) or 重症医学科
NOT_A_CATEGORY = re.compile(r"重症(?:监护|病房|医学|加强)")
CATEGORY_NAMES = {
    "severe": "重疾",
    "moderate": "中症",
    "mild": "轻症",
    "specific": "特定疾病",
    "rare": "罕见病",
}

# What customers say → the word the clauses use.
SYNONYMS: dict[str, str] = {
    "冷静期": "犹豫期",
    "后悔期": "犹豫期",
    "观察期": "等待期",
    "免责期": "等待期",
    "宽容期": "宽限期",
    "重大疾病": "重疾",
    "大病": "重疾",
    "轻度疾病": "轻症",
    "轻疾": "轻症",
    "中度疾病": "中症",
    "零期癌": "原位癌",
    "0期癌": "原位癌",
    "原位肿瘤": "原位癌",
    "癌症": "恶性肿瘤",
    "得了癌": "恶性肿瘤",
    "心梗": "急性心肌梗死",
    "心肌梗塞": "急性心肌梗死",
    "中风": "脑中风后遗症",
    "脑梗": "脑中风后遗症",
    "脑卒中": "脑中风后遗症",
    "尿毒症": "慢性肾衰竭",
    "肾衰": "慢性肾衰竭",
    "搭桥": "冠状动脉搭桥术",
    "换肾": "器官移植",
    "老年痴呆": "阿尔茨海默病",
    "帕金森": "帕金森病",
    "渐冻症": "运动神经元病",
    "失明": "双目失明",
    "耳聋": "双耳失聪",
    "植物人": "深度昏迷",
    "支架": "冠状动脉介入手术",
    "脑溢血": "脑中风后遗症",
    "脑出血": "脑中风后遗症",
    "换肝": "器官移植",
    "元位癌": "原位癌",
    "原味癌": "原位癌",
    "等侍期": "等待期",
    "等代期": "等待期",
    "尤豫期": "犹豫期",
    "犹豫其": "犹豫期",
    "由于期": "犹豫期",
    "宽现期": "宽限期",
    "款限期": "宽限期",
    "理培": "理赔",
    "重急": "重疾",
    "轻证": "轻症",
    "中证": "中症",
    "甲状线癌": "甲状腺癌",
    "甲装腺癌": "甲状腺癌",
    "社保": "社会医疗保险",
    "医保": "社会医疗保险",
    "退钱": "退保",
    "不想要了": "退保",
    "不要了": "退保",
    "理赔": "保险金申请",
    "断交": "宽限期",
    "忘交": "宽限期",
    "欠费": "宽限期",
    "保费": "保险费",
    "忘了交": "宽限期",
    "忘记交": "宽限期",
}

# Qualifiers that grade a disease; removed to get its core name (较重急性心肌梗死 → 急性心肌梗死).
GRADE_WORDS = re.compile(
    r"——?(?:重度|中度|轻度)|[-－](?:重度|中度|轻度)|^(?:严重|较重|较轻|轻度|中度|重度|重型|重症|轻型|特定)"
    r"|(?:或亚急性重症肝炎)$"
)


def category_of(label: str) -> str | None:
    """The canonical category named by a heading or benefit title, e.g. ``轻度疾病`` → ``mild``."""
    label = NOT_A_CATEGORY.sub("", label)
    for category, labels in CATEGORY_LABELS.items():
        if any(word in label for word in labels):
            return category
    return None


def core_disease_name(name: str) -> str:
    """A disease name without its grade: ``恶性肿瘤——重度`` → ``恶性肿瘤``."""
    core = GRADE_WORDS.sub("", name)
    return core if len(core) >= 2 else name


POPULATION = re.compile(r"^(?:少儿|儿童|少年|青少年|婴幼儿|幼儿|成人|老年)")


def disease_cores(name: str) -> set[str]:
    """A disease's core name and the shorter names customers use for it: ``少儿恶性淋巴瘤`` →
    ``{少儿恶性淋巴瘤, 恶性淋巴瘤, 淋巴瘤}`` (a name shorter than three characters is not kept)."""
    core = core_disease_name(name)
    names = {core}
    plain = POPULATION.sub("", core)
    if plain != core and len(plain) >= 3:
        names.add(plain)
        benign = re.sub(r"^恶性", "", plain)
        if len(benign) >= 3:
            names.add(benign)
    return names


def canonical(term: str) -> str:
    """The clause word for a customer's word (itself when there is none)."""
    return SYNONYMS.get(term, term)


# The customer's circumstances that add claim documents or change who applies, and the words a
# wording uses for what they need: 替我妈办 → 委托书; 人走了 → 死亡证明, 户籍注销, 继承人.
CLAIM_CIRCUMSTANCES: dict[str, tuple[str, tuple[str, ...]]] = {
    "proxy": (
        r"替(他|她|我|老人|家人|家里人)?.{0,6}(办|申请|去|领|交)|代(办|为|领|交|申请)"
        r"|帮(他|她|我妈|我爸|老人|家人).{0,6}(办|申请|理赔)|不会弄|走不开|来不了",
        ("委托",),
    ),
    "deceased": (
        r"去世|身故|过世|人走了|就走了|离世|死亡|人没了"
        r"|(爸|妈|父亲|母亲|老公|老婆|丈夫|妻子|爷爷|奶奶|外公|外婆|姥姥|姥爷|儿子|女儿|孩子|哥|姐|弟|妹|舅|叔|姨)"
        r"[^，。,；;？?]{0,4}走了",
        ("死亡证明", "户籍注销", "户口注销", "继承", "遗产"),
    ),
    "minor": (r"孩子|儿子|女儿|宝宝|小孩|未成年", ("监护",)),
    "payee": (
        r"打(到|给|进).{0,6}(卡|账户|账号)|钱给谁|给谁",
        ("本人银行账户", "本人账户", "银行账户", "受益人为被保险人", "继承"),
    ),
}
