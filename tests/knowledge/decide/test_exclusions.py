"""Everyday words mapped to the wording's exclusions."""

from __future__ import annotations

from bot.knowledge.decide import decide
from bot.knowledge.facts import ProductKnowledge
from bot.knowledge.thesaurus import default_thesaurus
from tests.knowledge.decide.conftest import ILLNESS, MEDICAL, product, story


def test_an_excluded_thing_in_everyday_words_is_a_no_citing_its_item(
    medical: ProductKnowledge,
) -> None:
    verdict = decide(medical, story("割双眼皮住院能报吗"), default_thesaurus())
    assert verdict is not None and verdict.decision == "no"
    assert "第3.1条第（1）项" in verdict.answer


def test_a_thing_not_in_the_list_is_said_to_be_absent_from_it(illness: ProductKnowledge) -> None:
    verdict = decide(illness, story("蹦极算不算免责"), default_thesaurus())
    assert verdict is not None and verdict.decision == "info"
    assert "没有" in verdict.answer


def test_a_check_up_that_found_the_illness_is_not_a_claim_for_the_check_up(
    medical: ProductKnowledge,
) -> None:
    verdict = decide(medical, story("体检查出来甲状腺结节，住院花了5万能报吗"), default_thesaurus())
    assert verdict is None or verdict.kind != "exclusion"


DEFINED = MEDICAL.replace(
    "（3）体检及预防性检查费用。",
    "（3）体检及预防性检查费用；\n（4）被保险人酒后驾驶导致的费用；\n"
    "（5）既往症，但投保时已如实告知并经我们同意承保的除外。\n\n"
    "## 9 名词的解释\n### 9.1 酒后驾驶\n指驾驶人员血液中的酒精含量达到或者超过每一百毫升二十毫克。\n",
)


def test_a_passenger_of_a_drunk_driver_is_not_excluded(illness: ProductKnowledge) -> None:
    verdict = decide(illness, story("朋友喝了酒开车，我坐副驾受伤了能赔吗"), default_thesaurus())
    assert verdict is not None and (verdict.kind, verdict.decision) == ("exclusion", "yes")
    assert "不属于该项责任免除" in verdict.answer and "乘客" in verdict.answer


def test_drinking_told_in_the_customers_words_is_drink_driving_with_its_definition() -> None:
    verdict = decide(
        product(DEFINED), story("他喝了两瓶啤酒自己开车撞了护栏，住院能报吗"), default_thesaurus()
    )
    assert verdict is not None and verdict.decision == "no" and "酒后驾驶" in verdict.answer
    assert any("二十毫克" in r.text and r.article == "9.1" for r in verdict.reasons)


def test_a_thing_asked_whether_it_counts_as_the_listed_kind_is_said_not_to(
    illness: ProductKnowledge,
) -> None:
    verdict = decide(
        illness, story("打篮球扭伤了，篮球是不是算高风险运动不赔啊"), default_thesaurus()
    )
    assert verdict is not None and verdict.decision == "yes"
    assert verdict.answer.startswith("篮球不属于条款所说的高风险运动")


def test_a_condition_told_at_purchase_and_accepted_is_spared_by_the_items_own_exception() -> None:
    wording = product(DEFINED)
    told = decide(
        wording,
        story("投保的时候如实告知了有高血压，正常承保了，现在住院能赔吗"),
        default_thesaurus(),
    )
    assert told is not None and told.decision == "yes" and "如实告知" in told.answer
    untold = decide(
        wording, story("我妈有高血压好几年了，买的时候没说，现在住院能报吗"), default_thesaurus()
    )
    assert untold is not None and untold.decision == "no" and "既往症" in untold.answer


WITH_CONSEQUENCES = ILLNESS.replace(
    "（4）遗传性疾病、先天性畸形，但因意外伤害所致的除外。",
    "（4）遗传性疾病、先天性畸形，但因意外伤害所致的除外。\n"
    "### 3.2 发生免除情形后的处理\n"
    "（1）因3.1第（1）项情形导致被保险人身故的，本合同终止，我们向被保险人的继承人退还现金价值。\n"
    "（2）因3.1所列其他情形导致被保险人身故的，本合同终止，我们向您退还本合同的现金价值。",
)


def test_an_excluded_death_says_what_the_wording_does_then() -> None:
    verdict = decide(
        product(WITH_CONSEQUENCES),
        story("我哥喝了酒开车撞了护栏，人走了，能赔吗"),
        default_thesaurus(),
    )
    assert verdict is not None and verdict.decision == "no"
    consequence = verdict.reasons[-1]
    assert consequence.article == "3.2" and "其他情形" in consequence.text
    assert "现金价值" in consequence.text


def test_a_death_no_item_names_is_paid_as_the_death_benefit(illness: ProductKnowledge) -> None:
    verdict = decide(illness, story("我爸地震里去世了，这算免责吗，能赔吗"), default_thesaurus())
    assert verdict is not None and verdict.decision == "info"
    assert "没有地震等自然灾害" in verdict.answer
    assert "可以赔身故保险金（第2.4条）" in verdict.answer


def test_medicine_a_doctor_prescribed_is_not_taking_drugs() -> None:
    wording = product(
        DEFINED.replace("（4）被保险人酒后驾驶导致的费用；", "（4）被保险人吸食或注射毒品；")
    )
    verdict = decide(wording, story("医生开的吗啡止痛，会不会算吸毒不赔"), default_thesaurus())
    assert verdict is not None and verdict.decision == "yes" and "遵医嘱" in verdict.answer


def test_a_thing_the_wording_settles_elsewhere_is_not_said_to_be_absent(
    medical: ProductKnowledge,
) -> None:
    elsewhere = product(
        MEDICAL.replace(
            "## 3 责任免除",
            "## 8 释义\n### 8.1 医院\n指二级以上公立医院，不包括私立医院。\n\n## 3 责任免除",
        )
    )
    verdict = decide(elsewhere, story("私立医院住院能报吗"), default_thesaurus())
    assert verdict is None or verdict.kind != "exclusion"


SUICIDE_BOUND = """---
code: T-WL-1
name: 测试长青终身寿险
insurer: 测试人寿保险股份有限公司
type: whole_life
version: "1"
effective_from: 2025-01-01
---
# 测试长青终身寿险条款

## 2 保险责任
### 2.1 身故保险金
被保险人身故的，我们按基本保险金额给付身故保险金，本合同终止。

## 3 责任免除
### 3.1 不保的情形
因下列情形之一导致被保险人身故的，我们不承担给付保险金的责任：
（1）被保险人故意自伤、故意犯罪；
（2）被保险人自本合同成立或者最后一次复效之日起二年内自杀，但自杀时为无民事行为能力人的除外；
（3）战争、军事冲突。
### 3.2 免责后的处理
发生上述第（2）项情形的，本合同终止，我们向您退还本合同的现金价值。
"""


def test_suicide_is_excluded_only_inside_the_years_the_item_names() -> None:
    wording = product(SUICIDE_BOUND)
    inside = decide(
        wording, story("保单2024年5月10号成立，2025年12月1号他自杀了，能赔吗"), default_thesaurus()
    )
    after = decide(
        wording, story("保单2021年5月10号成立，2025年12月1号他自杀了，能赔吗"), default_thesaurus()
    )
    assert inside is not None and inside.decision == "no"
    assert "2年内" in inside.answer and "第3.1条第（2）项" in inside.answer
    assert any("现金价值" in r.text for r in inside.reasons)
    assert after is not None and after.decision == "yes" and "超过2年" in after.answer


def test_a_cause_no_item_speaks_of_beside_a_disease_is_not_in_the_list(
    illness: ProductKnowledge,
) -> None:
    told = story("我老公常年熬夜加班，今年查出严重慢性肾衰竭，熬夜是不是免责的")
    verdict = decide(illness, told, default_thesaurus(), "严重慢性肾衰竭")
    assert verdict is not None and verdict.kind == "exclusion"
    assert verdict.answer.startswith("不属于责任免除：本产品列明的4项责任免除（第3.1条）中没有熬夜")


def test_an_illness_from_before_the_cover_is_not_said_to_be_outside_the_list(
    illness: ProductKnowledge,
) -> None:
    told = story("投保之前就查出严重慢性肾衰竭了，算免责吗")
    verdict = decide(illness, told, default_thesaurus(), "严重慢性肾衰竭")
    # the cause-not-listed answer (which cites the list's articles) is not given here
    assert verdict is None or "（第3.1条）中没有" not in verdict.answer


def test_a_cause_an_item_names_in_other_words_is_left_to_that_item(
    illness: ProductKnowledge,
) -> None:
    told = story("孩子先天心脏畸形，后来查出严重慢性肾衰竭，这个免责吗")
    verdict = decide(illness, told, default_thesaurus(), "严重慢性肾衰竭")
    assert verdict is None or "（第3.1条）中没有" not in verdict.answer


def test_asking_whether_the_wording_says_it_is_not_paid_is_an_exclusion_question(
    illness: ProductKnowledge,
) -> None:
    verdict = decide(illness, story("条款有没有说蹦极出事不赔的"), default_thesaurus())
    assert verdict is not None and verdict.kind == "exclusion"
    assert verdict.answer.startswith("不属于责任免除：本产品列明的4项责任免除中没有蹦极")


DEFINED_SPORT = ILLNESS.replace(
    "## 9 释义",
    "## 9 释义\n### 9.9 攀岩\n指徒手或借助器械攀登天然岩壁的运动，室内攀岩馆以外的各类攀登均属之。"
    "在商场儿童乐园进行的攀爬游戏不属于攀岩。",
)


def test_a_thing_the_terms_definition_leaves_out_is_not_excluded() -> None:
    told = story("孩子在商场儿童乐园玩攀爬游戏摔伤了，攀岩不赔，那攀爬游戏也不赔吗")
    verdict = decide(product(DEFINED_SPORT), told, default_thesaurus())
    assert verdict is not None and verdict.decision == "yes"
    assert verdict.answer.startswith("攀爬游戏不属于条款所说的攀岩，不在责任免除")
    assert "可以申请理赔" in verdict.answer


def test_the_defined_term_itself_stays_excluded() -> None:
    verdict = decide(product(DEFINED_SPORT), story("去野外攀岩摔伤了能赔吗"), default_thesaurus())
    assert verdict is not None and verdict.decision == "no"


RARE_SPARED = ILLNESS.replace(
    "（4）遗传性疾病、先天性畸形，但因意外伤害所致的除外。",
    "（4）遗传性疾病、先天性畸形；但本合同第9.3条所列罕见病，不适用本项免除。",
).replace(
    "### 9.2 轻度疾病",
    "### 9.3 罕见病\n#### 9.3.1 进行性骨化性纤维发育不良\n指经基因检测确诊的遗传性骨化疾病。\n"
    "### 9.2 轻度疾病",
)


def test_an_item_that_does_not_apply_to_a_listed_category_spares_that_disease() -> None:
    told = story("孩子确诊进行性骨化性纤维发育不良，这是遗传病，是不是就免责不赔了")
    verdict = decide(product(RARE_SPARED), told, default_thesaurus(), "进行性骨化性纤维发育不良")
    assert verdict is not None and verdict.decision != "no"
    assert verdict.answer.startswith("这项免责不适用，可以赔")


def test_a_suicide_after_reinstatement_counts_the_two_years_from_it(
    illness: ProductKnowledge,
) -> None:
    wording = ILLNESS.replace(
        "（1）被保险人故意自伤、故意犯罪；",
        "（1）被保险人自本合同成立或者合同效力恢复之日起2年内自杀；",
    )
    told = story("2019年买的，2024年10月1号复效了，被保险人2025年12月1号自杀了，算不算免责")
    verdict = decide(product(wording), told, default_thesaurus())
    assert verdict is not None and verdict.decision == "no"
    assert "自复效之日起重新计算" in verdict.answer


def test_the_holders_killing_is_excluded_with_its_own_refund_sentence() -> None:
    wording = ILLNESS.replace(
        "（1）被保险人故意自伤、故意犯罪；",
        "（1）投保人对被保险人的故意杀害、故意伤害；",
    ).replace(
        "## 4 保险费",
        "### 3.2 免责后的处理\n发生第3.1条第（1）项情形的，本合同终止。投保人已交足二年以上保险费的，"
        "我们向被保险人的继承人退还现金价值。\n发生第3.1条其他各项情形的，我们向投保人退还现金价值。\n\n"
        "## 4 保险费",
    )
    told = story("投保人是她老公，现在她老公把她打死了，这份保险还赔吗")
    verdict = decide(product(wording), told, default_thesaurus())
    assert verdict is not None and verdict.decision == "no"
    assert any("继承人" in r.text for r in verdict.reasons)


def test_the_item_naming_the_event_told_is_quoted_for_it() -> None:
    wording = ILLNESS.replace(
        "（3）被保险人从事潜水、跳伞、攀岩等高风险运动；",
        "（3）被保险人从事潜水、跳伞、攀岩等高风险运动；\n（5）被保险人参加潜水等高风险运动结束后24小时内发生的猝死；",
    )
    told = story("去潜水，回到酒店6个小时后突然猝死了，能赔吗")
    verdict = decide(product(wording), told, default_thesaurus())
    assert verdict is not None and any("24小时" in r.text for r in verdict.reasons)


def test_a_long_exception_the_story_meets_lifts_the_exclusion() -> None:
    worded = ILLNESS.replace(
        "（4）遗传性疾病、先天性畸形，但因意外伤害所致的除外。",
        "（4）遗传性疾病、先天性畸形，但因意外伤害所致的除外；\n"
        "（5）被保险人感染艾滋病病毒或患艾滋病，但被保险人因输血、因接受器官移植手术，"
        "或在从事医务、警务工作时因职业暴露而感染艾滋病病毒的除外。",
    )
    verdict = decide(
        product(worded),
        story("以前手术输血感染了艾滋病毒，后来查出淋巴瘤，艾滋是免责的吗，还能赔吗"),
        default_thesaurus(),
        "恶性肿瘤",
    )
    assert verdict is not None and verdict.decision == "yes"
    assert "输血" in verdict.answer


REFERRED = """---
code: T-TL-2
name: 测试守望定期寿险
insurer: 测试人寿保险股份有限公司
type: term_life
version: "1"
effective_from: 2025-01-01
---
# 测试守望定期寿险条款

## 2 保险责任
### 2.1 身故保险金
被保险人身故的，我们按基本保险金额给付身故保险金，本合同终止。

## 3 责任免除
### 3.1 责任免除
因下列情形之一导致被保险人身故的，我们不承担给付保险金的责任：
（1）投保人对被保险人的故意杀害、故意伤害；
（2）被保险人故意自伤（自杀导致身故的，按3.3处理）；
（3）被保险人醉酒驾驶机动车。
### 3.3 自杀
自本合同成立之日起，或者自本合同最后一次复效之日起，二年内被保险人自杀的，我们不承担给付身故保险金的责任，但被保险人自杀时为无民事行为能力人的除外。
"""


def test_an_item_referring_to_another_article_takes_its_years() -> None:
    wording = product(REFERRED)
    inside = decide(
        wording, story("2024年10月复效的，2025年9月自杀了，能赔吗"), default_thesaurus()
    )
    assert inside is not None and inside.decision == "no" and "复效后2年内" in inside.answer
    undated = decide(wording, story("自杀能赔吗"), default_thesaurus())
    assert undated is not None and undated.decision == "depends" and "2年" in undated.answer
