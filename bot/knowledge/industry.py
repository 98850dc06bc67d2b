"""The 2020 disease definitions' lists, for what they say of a disease a question names.

Used when no product is known; each answer says that the product's own wording decides. The
other general rules (the 保险法, the regulators' rules, what each illness category means) are
data with their sources: ``data/general/general-rules.yml``, read by ``bot.knowledge.general``.
"""

from __future__ import annotations

from bot.knowledge.general import rule_on_disease
from bot.knowledge.vocabulary import core_disease_name

STANDARD = "《重大疾病保险的疾病定义使用规范（2020年修订版）》"
SEVERE_2020 = (
    "恶性肿瘤——重度",
    "较重急性心肌梗死",
    "严重脑中风后遗症",
    "重大器官移植术或造血干细胞移植术",
    "冠状动脉搭桥术（或称冠状动脉旁路移植术）",
    "严重慢性肾衰竭",
    "多个肢体缺失",
    "急性重症肝炎或亚急性重症肝炎",
    "严重非恶性颅内肿瘤",
    "严重慢性肝衰竭",
    "严重脑炎后遗症或严重脑膜炎后遗症",
    "深度昏迷",
    "双耳失聪",
    "双目失明",
    "瘫痪",
    "心脏瓣膜手术",
    "严重阿尔茨海默病",
    "严重脑损伤",
    "严重原发性帕金森病",
    "严重Ⅲ度烧伤",
    "严重特发性肺动脉高压",
    "严重运动神经元病",
    "语言能力丧失",
    "重型再生障碍性贫血",
    "主动脉手术",
    "严重慢性呼吸衰竭",
    "严重克罗恩病",
    "严重溃疡性结肠炎",
)
MILD_2020 = ("恶性肿瘤——轻度", "较轻急性心肌梗死", "轻度脑中风后遗症")
# Conditions the 2020 definitions keep out of 恶性肿瘤——重度, and where each goes instead.
CANCER_EXCLUSIONS: dict[str, str] = {
    "原位癌": "既不属于“恶性肿瘤——重度”，也不属于“恶性肿瘤——轻度”（肿瘤形态学编码为2的原位癌、非浸润性癌都被两者排除）",
    "癌前病变": "既不属于“恶性肿瘤——重度”，也不属于“恶性肿瘤——轻度”",
    "交界性肿瘤": "既不属于“恶性肿瘤——重度”，也不属于“恶性肿瘤——轻度”",
    "上皮内瘤变": "既不属于“恶性肿瘤——重度”，也不属于“恶性肿瘤——轻度”",
    "甲状腺癌": "TNM分期为Ⅰ期或更轻的，不属于“恶性肿瘤——重度”，其中Ⅰ期属于“恶性肿瘤——轻度”；Ⅰ期以上的属于“恶性肿瘤——重度”",
    "前列腺癌": "TNM分期为T1N0M0或更轻的，不属于“恶性肿瘤——重度”，其中T1N0M0期属于“恶性肿瘤——轻度”",
    "皮肤癌": "黑色素瘤以外、未发生淋巴结和远处转移的皮肤恶性肿瘤，不属于“恶性肿瘤——重度”，属于“恶性肿瘤——轻度”",
    "慢性淋巴细胞白血病": "相当于Binet分期A期的，不属于“恶性肿瘤——重度”，属于“恶性肿瘤——轻度”",
    "何杰金氏病": "相当于Ann Arbor分期Ⅰ期的，不属于“恶性肿瘤——重度”，属于“恶性肿瘤——轻度”",
    "神经内分泌肿瘤": "无淋巴结和远处转移且WHO分级为G1级或更轻的，不属于“恶性肿瘤——重度”，属于“恶性肿瘤——轻度”",
}


def general_disease_answer(term: str) -> str | None:
    """What the 2020 definitions say of ``term`` (a disease or condition), if they say anything;
    a general rule said for the condition (``diseases`` in general-rules.yml) comes first."""
    rule = rule_on_disease(term)
    if rule is not None:
        return rule.said()
    for condition, ruling in CANCER_EXCLUSIONS.items():
        if condition in term or term in condition:
            return f"按{STANDARD}，{condition}{ruling}。"
    core = core_disease_name(term)
    severe = [d for d in SEVERE_2020 if core in d or term in d]
    mild = [d for d in MILD_2020 if core in d or term in d]
    if not severe and not mild:
        return None
    parts = []
    if severe:
        parts.append(f"28种重度疾病中有“{'”“'.join(severe)}”")
    if mild:
        parts.append(f"3种轻度疾病中有“{'”“'.join(mild)}”")
    return f"按{STANDARD}，{'；'.join(parts)}，须符合各自的定义（诊断标准、分期或手术方式）才算。"
