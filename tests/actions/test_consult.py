"""action_consult: answers from the wording, cited, in the chat's product context."""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions.consult import ActionConsult
from actions.services import Services
from tests.actions.conftest import said, tracker, user_event


async def run(dispatcher: CollectingDispatcher, **changes: object) -> dict[str, object]:
    events = await ActionConsult().run(dispatcher, tracker("fresh", **changes), {})
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


async def test_follow_up_question_keeps_the_product(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    events = await ActionConsult().run(dispatcher, tracker("followup_waiting"), {})
    text = said(dispatcher)
    assert "90日" in text and "康宁终身重大疾病保险" in text
    citations = dispatcher.messages[0]["citations"]
    assert {"product": "KN-CI-2024", "version": "2024", "article": "2.3"} in citations
    assert dispatcher.messages[0]["kb_version"] == services.knowledge.version
    assert {"event": "slot", "timestamp": None, "name": "product", "value": "KN-CI-2024"} in events


async def test_carcinoma_in_situ_depends_on_the_product(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = user_event("安心多倍保 原位癌能赔吗", "ask_coverage")
    await run(dispatcher, latest_message=message["parse_data"])
    text = said(dispatcher)
    assert "轻症" in text and "20%" in text
    assert "一定赔" not in text and "保证" not in text


async def test_without_a_product_the_general_rule_and_a_question(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    slots = await run(
        dispatcher, latest_message=user_event("原位癌算重疾吗", "ask_coverage")["parse_data"]
    )
    text = said(dispatcher)
    assert "不属于" in text and "条款" in text
    assert "康宁终身重大疾病保险" in text  # the products to choose from
    assert slots["product"] is None
    assert slots["last_question"] == "原位癌算重疾吗"


async def test_naming_the_product_answers_the_previous_question(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = user_event("安心多倍保", "inform", [{"entity": "product", "value": "AX-CI-2023"}])
    slots = await run(
        dispatcher,
        latest_message=message["parse_data"],
        slots={"last_question": "原位癌算重疾吗"},
    )
    text = said(dispatcher)
    assert "轻症" in text and "20%" in text
    assert slots["product"] == "AX-CI-2023"


async def test_a_claim_question_offers_to_report(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = user_event("我确诊了急性心肌梗死，康宁重疾能赔吗", "claim_is_covered")
    await run(dispatcher, latest_message=message["parse_data"])
    assert "我要报案" in said(dispatcher)


async def test_intent_supplies_the_topic_the_words_leave_out(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = user_event("金康医疗的话要先自己出多少钱", "ask_medical_reimbursement")
    await run(dispatcher, latest_message=message["parse_data"])
    assert "免赔额" in said(dispatcher)


async def test_a_turn_that_only_tells_the_case_is_acknowledged_and_kept(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = user_event(
        "我妈前年8月买的安心多倍保 保额20万",
        "inform",
        [{"entity": "product", "value": "AX-CI-2023"}],
    )
    slots = await run(dispatcher, latest_message=message["parse_data"])
    text = said(dispatcher)
    assert "记下了" in text and "保额20万" in text and "想了解什么" in text
    assert slots["product"] == "AX-CI-2023"
    follow = CollectingDispatcher()
    question = user_event("上个月查出宫颈原位癌 能赔多少", "claim_is_covered")
    await run(
        follow,
        latest_message=question["parse_data"],
        slots={"product": "AX-CI-2023", "last_question": slots["last_question"]},
    )
    assert "4万元" in said(follow)


async def test_another_category_follows_the_previous_question(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = user_event("那中症呢", "ask_coverage")
    await run(
        dispatcher,
        latest_message=message["parse_data"],
        slots={"product": "AX-CI-2023", "last_question": "轻症赔多少"},
    )
    text = said(dispatcher)
    assert "中症" in text and "50%" in text


async def test_what_was_spent_and_reimbursed_is_kept_for_the_next_question(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = user_event("我有社保 半年前买的金康百万医疗 上个月住院花了5万 医保报了2万", "inform")
    slots = await run(dispatcher, latest_message=message["parse_data"])
    assert slots["product"] == "JK-MED-2024"
    follow = CollectingDispatcher()
    question = user_event("能赔多少", "ask_coverage")
    await run(
        follow,
        latest_message=question["parse_data"],
        slots={"product": "JK-MED-2024", "last_question": slots["last_question"]},
    )
    assert "2万元" in said(follow)


async def test_a_policy_number_in_the_wrong_form_is_said_so_with_the_right_form(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = user_event("帮我查查保单 MB20240017 后四位1234", "ask_surrender")
    slots = await run(dispatcher, latest_message=message["parse_data"])
    text = said(dispatcher)
    assert "“MB20240017”不是有效的保单号" in text and "10位数字" in text
    assert "哪一款产品" not in text and slots == {}


def conversation(*messages: tuple[str, str], **slots: object) -> dict[str, object]:
    """Tracker changes for a chat whose customer sent ``messages`` (text, intent), latest last."""
    events = [user_event(text, intent) for text, intent in messages]
    return {"latest_message": events[-1]["parse_data"], "events": events, "slots": slots}


async def test_a_policy_number_and_proof_in_a_question_check_identity_and_answer_from_the_policy(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    slots = await run(
        dispatcher, **conversation(("打错了 MB2024000002 0446 我犹豫期还有几天", "inform"))
    )
    text = said(dispatcher)
    assert slots["identity"] == "verified" and slots["verified_policy"] == "MB2024000002"
    assert "身份核验通过" in text
    assert "犹豫期已经过了" in text and "第1.4条" in text


async def test_a_policy_number_alone_asks_for_the_proof_and_the_proof_alone_is_checked_against_it(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    slots = await run(dispatcher, **conversation(("我的保单号是MB2024000002", "inform")))
    assert slots == {"policy_number": "MB2024000002"}
    assert "身份证号的后4位" in said(dispatcher)
    later = CollectingDispatcher()
    slots = await run(
        later, **conversation(("身份证后四位是0446", "inform"), policy_number="MB2024000002")
    )
    assert slots["identity"] == "verified"
    assert "目前状态：有效" in said(later)


async def test_a_number_that_does_not_match_is_said_plainly(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    slots = await run(
        dispatcher, **conversation(("查保单 MB2024099999 身份证后四位1234", "inform"))
    )
    assert slots["identity_failures"] == 1 and "identity" not in slots
    assert "没有查到保单号MB2024099999" in said(dispatcher) and "核对" in said(dispatcher)


async def test_a_question_about_my_own_policy_offers_the_check_and_is_answered_after_it(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    first = ("我想查下我自己的保单 现在退保能退多少", "ask_surrender")
    await run(dispatcher, **conversation(first))
    assert "现金价值" in said(dispatcher) and "保单号" in said(dispatcher)
    later = CollectingDispatcher()
    slots = await run(
        later, **conversation(first, ("保单号MB2024000002 身份证后四位0446", "inform"))
    )
    text = said(later)
    assert slots["identity"] == "verified"
    assert "目前状态：有效" in text
    assert "康宁终身重大疾病保险" in text and "现金价值" in text  # the question, from KN's wording


async def test_a_verified_customer_asking_about_a_period_hears_their_own_dates(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    changes = conversation(
        ("那我现在还在等待期吗", "ask_waiting_period"),
        identity="verified",
        verified_policy="MB2024000002",
    )
    await run(dispatcher, **changes)
    assert "您还在等待期内" in said(dispatcher) and "届满" in said(dispatcher)


async def test_asking_what_to_choose_gets_the_facts_and_a_person_offered(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    await run(
        dispatcher,
        **conversation(("手上有份别家的重疾 交了5年 要不要退了换个新的", "ask_surrender")),
    )
    assert "现金价值" in said(dispatcher)
    assert dispatcher.messages[-1]["buttons"][0]["payload"] == "/request_human"


async def test_a_fact_of_the_previous_turn_about_social_insurance_is_kept(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    slots = await run(
        dispatcher,
        **conversation(
            ("5月份在外地住院 花了3万 没走医保 全是自己掏的", "ask_medical_reimbursement")
        ),
        product="JK-MED-2024",
    )
    assert "没走医保" in str(slots["last_question"])
    assert "60%" in said(dispatcher)


async def test_saying_which_products_one_holds_is_acknowledged_with_a_question(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    slots = await run(
        dispatcher, **conversation(("我家有康宁重疾 还有一份金康医疗", "ask_sales_advice"))
    )
    text = said(dispatcher)
    assert "《康宁终身重大疾病保险》、《金康百万医疗保险》" in text and "想了解什么" in text
    assert slots["product"] is None


async def test_a_kind_of_product_continues_the_question_with_the_product_named_before(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    changes = conversation(
        ("我家有康宁重疾 还有一份金康医疗", "inform"),
        ("康宁的等待期多久", "ask_waiting_period"),
        ("那医疗险呢", "inform"),
        product="KN-CI-2024",
        last_question="等待期多久",
    )
    slots = await run(dispatcher, **changes)
    assert slots["product"] == "JK-MED-2024"
    assert "金康百万医疗保险" in said(dispatcher) and "30日" in said(dispatcher)


async def test_a_verified_customer_asking_whether_an_illness_now_pays_hears_the_period_and_its_rule(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    changes = conversation(
        ("我现在还在等待期吗 要是这会儿查出病能赔吗", "ask_waiting_period"),
        identity="verified",
        verified_policy="MB2024000002",
    )
    await run(dispatcher, **changes)
    text = said(dispatcher)
    assert text.index("您还在等待期内") < text.index("退还")


async def test_a_question_of_its_own_after_an_answer_is_not_taken_for_the_previous_one(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    changes = conversation(
        ("赔完以后保费还要接着交吗", "ask_coverage"),
        product="AX-CI-2023",
        last_question="保额20万 上个月查出宫颈原位癌 能赔多少",
    )
    slots = await run(dispatcher, **changes)
    assert "保费还要接着交" in str(slots["last_question"])
    assert "保额20万" in str(slots["last_question"])  # the case told before still holds


async def test_how_much_after_a_diagnosis_is_asked_of_that_diagnosis(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = user_event("能赔多少", "ask_coverage")
    await run(
        dispatcher,
        latest_message=message["parse_data"],
        slots={
            "product": "AX-CI-2023",
            "last_question": "保额50万 去年体检查出来甲状腺癌 医生说一期",
        },
    )
    text = said(dispatcher)
    assert "10万" in text and "轻症" in text


async def test_another_event_in_a_follow_up_keeps_only_the_facts_of_the_case(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = user_event("那要是孩子没了呢 赔多少", "ask_coverage")
    await run(
        dispatcher,
        latest_message=message["parse_data"],
        slots={"product": "AX-CI-2023", "last_question": "她才5岁 要是得了白血病 能赔几次"},
    )
    text = said(dispatcher)
    assert "已交" in text and "白血病" not in text


async def test_this_period_in_a_follow_up_is_the_period_asked_before(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = user_event("那要是这期间查出癌症能赔吗", "ask_coverage")
    await run(
        dispatcher,
        latest_message=message["parse_data"],
        slots={"product": "KN-CI-2024", "last_question": "康宁现在还在不在等待期"},
    )
    assert "退还" in said(dispatcher)


async def test_a_choice_between_our_products_is_a_question_not_facts(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = user_event("康宁重疾和安心多倍保哪个好 我该买哪个", "inform")
    await run(dispatcher, latest_message=message["parse_data"])
    text = said(dispatcher)
    assert "记下了" not in text and "不能替您推荐" in text


async def test_how_much_with_the_product_told_later_is_asked_of_the_diagnosis_told_before(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = user_event("他买的是康宁重疾 2024年1月买的 保额20万 能赔多少", "ask_coverage")
    await run(
        dispatcher,
        latest_message=message["parse_data"],
        slots={"last_question": "我老公上个月做了甲状腺手术 病理出来说是乳头状癌 分期Ⅰ期"},
    )
    assert "6万" in said(dispatcher)


async def test_another_category_after_a_diagnosis_drops_the_diagnosis_in_the_customers_words(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = user_event("那中症呢 中症赔多少", "ask_coverage")
    await run(
        dispatcher,
        latest_message=message["parse_data"],
        slots={"product": "AX-CI-2023", "last_question": "保额50万，他上个月放了个心脏支架"},
    )
    text = said(dispatcher)
    assert "25万" in text and "冠状动脉介入" not in text


async def test_a_question_after_a_turn_of_facts_only_is_asked_with_those_facts(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = user_event("能给他买康宁重疾吗", "buying_advice")
    await run(
        dispatcher, latest_message=message["parse_data"], slots={"last_question": "我爸今年62了"}
    )
    text = said(dispatcher)
    assert "55周岁" in text and "62" in text


async def test_a_topic_the_words_name_is_not_overruled_by_the_intent(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = user_event("康宁重疾理赔材料交上去了 审核一般要多久", "ask_claim_process")
    await run(dispatcher, latest_message=message["parse_data"])
    text = said(dispatcher)
    assert "30日" in text and "申请书" not in text


async def test_without_a_product_the_rule_the_words_find_beats_the_intents_guess(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    message = user_event(
        "保险买了超过两年就一定要赔吗 听说有个两年不可抗辩", "ask_claim_limitation"
    )
    await run(dispatcher, latest_message=message["parse_data"])
    text = said(dispatcher)
    assert "解除" in text and "诉讼时效" not in text


async def test_a_verified_customer_asking_where_the_claim_stands_hears_the_claim(
    services: Services, dispatcher: CollectingDispatcher
) -> None:
    await run(
        dispatcher, **conversation(("MB2024000012 身份证0229 看下我的理赔款到了没", "inform"))
    )
    text = said(dispatcher)
    assert "身份核验通过" in text and "案件" in text
