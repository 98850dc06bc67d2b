"""Read a customer's question: which product, which topics, which disease, what sum insured."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge.situation import CONDITIONS_ASKED, HANDED_IN
from bot.knowledge.text import normalize
from bot.knowledge.vocabulary import CATEGORY_LABELS, NOT_A_CATEGORY, SYNONYMS

# Question topics in priority order: the first that matches leads the answer.
QUESTION_TOPICS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "interval",
        (
            "间隔",
            "隔多久",
            "隔多长",
            "相隔",
            "隔几年",
            "隔一年",
            "要隔",
            "离第一次",
            "离上次",
            "距第一次",
            "距上次",
            "距离上次",
            "两次之间",
        ),
    ),
    (
        "claim_materials",
        (
            "材料",
            "资料",
            "证明",
            "单据",
            "准备什么",
            "准备哪些",
            "要带",
            "提交什么",
            "带什么",
            "需要什么",
            "准备啥",
            "要啥",
            "交啥",
            "带啥",
            "哪些东西",
            "什么东西",
        ),
    ),
    (
        "claim_notice",
        (
            "报案",
            "通知你们",
            "通知保险公司",
            "几天内通知",
            "多久内通知",
            "多久报",
            "几天内报",
            "出险后多久",
            "天内通知",
            "日内通知",
            "内通知保险",
            "通知期限",
            "没报案",
            "没有报案",
            "没通知",
        ),
    ),
    (
        "claim_payment",
        (
            "到账",
            "多久赔下来",
            "多久能拿到",
            "核定",
            "赔付时间",
            "多长时间赔",
            "多久赔付",
            "多久给钱",
            "几天赔",
            "出结果",
            "有结果",
            "审核一般要多久",
            "多久能批",
            "打钱",
            "打款",
            "放款",
            "什么时候赔",
            "审核要多久",
            "多久能赔下来",
        ),
    ),
    (
        "limitation",
        ("诉讼时效", "时效", "起诉", "打官司", "过了几年", "几年内", "几年之内", "多少年内"),
    ),
    ("cooling_off", ("犹豫期", "犹豫", "冷静期", "后悔期", "刚买", "刚签", "全额退", "全退")),
    (
        "grace",
        (
            "宽限期",
            "宽限",
            "宽容期",
            "忘了交",
            "忘记交",
            "没交",
            "晚交",
            "逾期",
            "交不上",
            "扣款失败",
            "断交",
            "没扣",
            "迟交",
            "缓交",
            "延迟交",
        ),
    ),
    ("reinstatement", ("复效", "恢复效力", "恢复合同", "效力中止", "中止", "失效", "恢复保单")),
    (
        "surrender",
        ("退保", "退钱", "不想要", "解除合同", "退多少", "能退", "不想交了", "不要了", "现金价值"),
    ),
    (
        "pre_existing",
        (
            "既往症",
            "以前就有",
            "以前有",
            "之前有",
            "投保前",
            "之前得过",
            "老毛病",
            "买之前",
            "已经有",
        ),
    ),
    ("deductible", ("免赔", "自付", "起付", "自己出")),
    ("reimbursement", ("比例", "报销多少", "报多少", "社保", "医保", "社会医疗保险")),
    ("annual_limit", ("限额", "最多报", "最高报", "最多赔多少", "额度", "保额多少")),
    ("renewal", ("续保", "明年还能", "停售", "续约", "续期", "续费", "续上", "接着续", "还能续")),
    ("hospital", ("医院", "私立", "特需", "国际部")),
    (
        "waiting",
        (
            "等待期",
            "等待",
            "观察期",
            "免责期",
            "多久生效",
            "多久后才能",
            "多久以后才",
            "什么时候开始保",
            "多久能赔",
            "多久才保",
        ),
    ),
    (
        "exclusions",
        ("责任免除", "除外责任", "免责", "不赔", "哪些情况", "什么情况不", "拒赔", "不保"),
    ),
    (
        "benefits",
        (
            "保什么",
            "保障",
            "保险责任",
            "赔多少",
            "赔几次",
            "能赔",
            "怎么赔",
            "赔付",
            "给付",
            "保哪些",
            "管什么",
            "赔吗",
            "赔不赔",
            "报销",
        ),
    ),
)
# An illness the customer says they do not have: "没得过癌", "没有心梗".
NEGATED_ILLNESS = re.compile(
    r"(?:没|没有|未|从没|从未|从来没|并没|不曾)(?:有)?(?:得|患|查出|确诊|生)(?:过|了)?"
    r"[\u4e00-\u9fff]{0,6}?(?:癌|瘤|病|症)"
    r"|(?:没有|并没有|也没有|(?<!是)不是|并非)[\u4e00-\u9fff]{0,3}?(?:梗死|梗|中风|癌|瘤)"  # 没有心梗
)
CATEGORY_QUESTION = re.compile("|".join(w for words in CATEGORY_LABELS.values() for w in words))
SUM_INSURED = re.compile(r"(\d+(?:\.\d+)?)\s*(万|w|千)(?:元|块)?(?:的)?(?:保额|基本保险金额)?")


@dataclass(frozen=True)
class Question:
    """What a question is about, after normalising (繁→简, 全角→半角, no spaces, lower case)."""

    text: str
    topics: tuple[str, ...]
    categories: tuple[str, ...]
    sum_insured: float | None

    @classmethod
    def read(cls, question: str) -> Question:
        """Understand ``question`` as far as words go (products and diseases are matched later)."""
        text = normalize(question)
        expanded = text
        affirmed = NEGATED_ILLNESS.sub("", text)  # "没有心梗" names no 急性心肌梗死
        for word, clause_word in SYNONYMS.items():
            if word in affirmed and clause_word not in expanded:
                expanded += f" {clause_word}"
        topics = tuple(
            topic
            for topic, words in QUESTION_TOPICS
            if any(normalize(w) in expanded for w in words)
            and not (
                topic == "claim_materials"
                and (
                    HANDED_IN.search(expanded)
                    or not any(normalize(w) in CONDITIONS_ASKED.sub("", expanded) for w in words)
                )
            )
        )
        categories = tuple(
            dict.fromkeys(
                category
                for category, labels in CATEGORY_LABELS.items()
                for label in labels
                if label in NOT_A_CATEGORY.sub("", expanded)
            )
        )
        return cls(expanded, topics, categories, _sum_insured(text))


def _sum_insured(text: str) -> float | None:
    match = SUM_INSURED.search(text)
    if not match or not re.search(r"保额|基本保险金额|买了|投保|保了", text):
        return None
    amount = float(match.group(1))
    return amount * (10_000 if match.group(2) in ("万", "w") else 1_000)
