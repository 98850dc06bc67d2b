"""bot.forms.intake: the customers' answers read into the records' terms."""

from __future__ import annotations

import pytest

from bot.forms.intake import (
    claim_correction,
    contact_field_named,
    contact_value_in,
    insured_matches,
    mobile_in,
    relation_named,
    wants_to_stop,
)


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("本人", "本人"),
        ("是我", "本人"),
        ("我自己", "本人"),
        ("我老公", "配偶"),
        ("我爱人", "配偶"),
        ("我女儿", "子女"),
        ("孩子", "子女"),
        ("我妈", "父母"),
        ("我爸爸", "父母"),
        ("我婆婆", "其他"),
        ("姑妈", "其他"),
        ("张三", None),
    ],
)
def test_relation_named(text: str, relation: str | None) -> None:
    assert relation_named(text) == relation


def test_the_insureds_name_or_relation_matches() -> None:
    assert insured_matches("王强", relation="配偶", insured_name="王强")
    assert insured_matches("我老公", relation="配偶", insured_name="王强")
    assert not insured_matches("我女儿", relation="配偶", insured_name="王强")
    assert not insured_matches("李四", relation="配偶", insured_name="王强")
    assert not insured_matches("我", relation="配偶", insured_name="王强")


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("我换手机号了要改一下", "mobile"),
        ("修改联系电话", "mobile"),
        ("新号码是18600001111", "mobile"),
        ("我搬家了 地址要改", "address"),
        ("邮寄地址更新一下", "address"),
        ("我想更新一下邮寄地址和电话", None),
        ("我的联系方式变了", None),
    ],
)
def test_contact_field_named(text: str, field: str | None) -> None:
    assert contact_field_named(text) == field


def test_the_last_mobile_written_is_the_new_one() -> None:
    assert mobile_in("我把原来的号13700001234换成177-8888-9999了") == "17788889999"
    assert mobile_in("身份证310104198411300578") is None


def test_an_address_in_a_request_follows_the_change_verb() -> None:
    assert (
        contact_value_in("帮我把地址改成上海市浦东新区世纪大道", "address", whole_answer=False)
        == "上海市浦东新区世纪大道"
    )
    assert contact_value_in("我搬家了 地址要改", "address", whole_answer=False) is None
    assert contact_value_in("能在线改地址吗", "address", whole_answer=False) is None


def test_an_address_answer_is_all_of_it() -> None:
    assert (
        contact_value_in("新地址是广州市天河区体育西路88号。", "address", whole_answer=True)
        == "广州市天河区体育西路88号"
    )
    assert (
        contact_value_in("杭州市西湖区文三路478号", "address", whole_answer=True)
        == "杭州市西湖区文三路478号"
    )


@pytest.mark.parametrize(
    ("text", "correction"),
    [
        ("医院是华山医院", ("hospital", "华山医院")),
        ("医院写错了，是华山医院", ("hospital", "华山医院")),
        ("日期不对，应该是3月6日", ("event_date", "3月6日")),
        ("确诊时间是3月5日", ("event_date", "3月5日")),
        ("诊断改成肺腺癌", ("diagnosis", "肺腺癌")),
        ("被保险人是我老婆", ("insured", "我老婆")),
        ("诊断不对", ("diagnosis", None)),
        ("日期是不对的", ("event_date", None)),
        ("都对", None),
    ],
)
def test_claim_correction(text: str, correction: tuple[str, str | None] | None) -> None:
    assert claim_correction(text) == correction


@pytest.mark.parametrize(
    ("text", "stop"),
    [
        ("算了", True),
        ("算了，不报了", True),
        ("先不改了", True),
        ("不", True),
        ("不对", True),
        ("我老公", False),
        ("还没确诊", False),
        ("不太清楚", False),
    ],
)
def test_wants_to_stop(text: str, stop: bool) -> None:
    assert wants_to_stop(text) is stop


def test_a_bare_no_answers_a_yes_no_question() -> None:
    assert not wants_to_stop("不对", bare_no=False)
    assert wants_to_stop("算了", bare_no=False)
