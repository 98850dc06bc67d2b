"""What customers answer in the forms, read into the records' terms.

Who the insured is (本人, 配偶, 子女, 父母 or a name), which contact detail they want to change and
its new value, and which detail of a claim report they correct. Pure text rules: the actions
decide what to do with the result.
"""

from __future__ import annotations

import re

from bot.records.identity import MOBILE
from bot.text import half_width

# The insured's relation to the policy holder, as a holder names them. Checked in this order:
# "我妈" is 父母 but "我婆婆" and "姑妈" are neither (其他).
OTHER_RELATIVES = (
    "婆婆", "公公", "岳父", "岳母", "丈母娘", "老丈人", "姑妈", "舅妈", "姨妈", "姑姑", "阿姨",
    "爷爷", "奶奶", "外公", "外婆", "姥姥", "姥爷", "哥哥", "姐姐", "弟弟", "妹妹", "朋友",
)  # fmt: skip
RELATION_WORDS: dict[str, tuple[str, ...]] = {
    "配偶": ("配偶", "老公", "老婆", "丈夫", "妻子", "爱人", "先生", "太太", "媳妇", "夫人"),
    "子女": ("子女", "儿子", "女儿", "孩子", "小孩", "宝宝", "闺女", "孩儿"),
    "父母": ("父母", "父亲", "母亲", "爸爸", "妈妈", "老爸", "老妈", "我爸", "我妈", "爸", "妈"),
}
SELF_WORDS = ("本人", "我自己", "自己")
SELF_ANSWERS = frozenset({"我", "是我", "就是我", "我本人"})

MOBILE_WORDS = ("手机", "电话", "号码", "换号", "改号", "新号")
ADDRESS_WORDS = ("地址", "住址", "搬家", "住处", "寄到", "邮寄")
_CHANGE_TO = r"(?:改成|改为|换成|换为|更新为|更新成|变更为|变更成|修改为|修改成)"
_ADDRESS_AFTER = re.compile(
    rf"(?:{_CHANGE_TO}|新地址(?:是|为)?|地址(?:是|为))[:：]?\s*(?P<value>.+)$"
)
_ADDRESS_PREFIX = re.compile(
    r"^(?:我的)?(?:新的?)?(?:联系|通讯|邮寄|收件|家庭)?(?:地址|住址)(?:是|为)?[:：]?"
)
_SEPARATORS = re.compile(r"[\s\-－—]")

# What a customer writes to stop a form, rather than to answer its question. A bare "no" is a
# stop too: it cannot answer "who", "what", "when" or "which hospital".
STOP_WORDS = (
    "算了", "不报", "不要报", "取消", "不用了", "不办了", "不改了", "不弄了", "先不", "放弃",
    "停止", "不想报", "不想改", "不想办", "不做了", "结束",
)  # fmt: skip
BARE_NO = frozenset(
    {"不", "不要", "不用", "不了", "没有", "不是", "不对", "否", "no", "不需要", "别"}
)

# The details of a claim report a customer may correct, by the words that name them, in the
# order they are looked for: "确诊时间是3月5日" corrects the date, not the diagnosis.
CLAIM_DETAIL_WORDS: dict[str, tuple[str, ...]] = {
    "event_date": ("日期", "时间", "哪天", "日子"),
    "hospital": ("医院",),
    "diagnosis": ("诊断", "确诊", "病名", "疾病"),
    "insured": ("被保险人", "被保人", "出险人", "出险的人"),
    "event": ("经过", "事情", "事故", "情况"),
}
_CORRECTED_TO = re.compile(rf"(?:应该是|应当是|{_CHANGE_TO}|写成|是|为)[:：]?\s*(?P<value>.+)$")
_NOT_A_VALUE = ("不对", "错", "不是", "有误", "改一下", "要改")
_TRAILING = "。.！!，,；;？?"


def plain(text: str) -> str:
    """``text`` with full-width characters made ASCII and surrounding spaces removed."""
    return half_width(text).strip()


def wants_to_stop(text: str, *, bare_no: bool = True) -> bool:
    """Whether ``text`` asks to stop the form ("算了", "不报了") instead of answering.

    Args:
        text: What the customer wrote.
        bare_no: Whether a bare "不"/"不对" stops too; not where it answers a yes/no question.
    """
    said = plain(text).strip(_TRAILING).lower()
    return (bare_no and said in BARE_NO) or any(word in said for word in STOP_WORDS)


def relation_named(text: str) -> str | None:
    """The relation to the holder that ``text`` names: 本人, 配偶, 子女, 父母, 其他, or ``None``."""
    said = plain(text).strip(_TRAILING)
    if any(word in said for word in OTHER_RELATIVES):
        return "其他"
    for relation, words in RELATION_WORDS.items():
        if any(word in said for word in words):
            return relation
    if said in SELF_ANSWERS or any(word in said for word in SELF_WORDS):
        return "本人"
    return None


def insured_matches(text: str, *, relation: str, insured_name: str) -> bool:
    """Whether the person the holder names in ``text`` is the policy's insured.

    The insured's full name counts wherever it is written; otherwise the relation named must be
    the policy's (the insured's relation to the holder).
    """
    if insured_name and insured_name in plain(text):
        return True
    return relation_named(text) == relation


def contact_field_named(text: str) -> str | None:
    """``"mobile"`` or ``"address"`` when ``text`` asks about exactly one of them, else ``None``."""
    said = plain(text)
    mobile = any(word in said for word in MOBILE_WORDS) or mobile_in(said) is not None
    address = any(word in said for word in ADDRESS_WORDS)
    if mobile == address:
        return None
    return "mobile" if mobile else "address"


def mobile_in(text: str) -> str | None:
    """The last mainland mobile number written in ``text`` (spaces and hyphens allowed)."""
    digits = _SEPARATORS.sub("", plain(text)).replace("+86", "")
    found = re.findall(rf"(?<!\d){MOBILE.pattern}(?!\d)", digits)
    return found[-1] if found else None


def contact_value_in(text: str, field: str, *, whole_answer: bool) -> str | None:
    """The new mobile or address written in ``text``.

    Args:
        text: What the customer wrote.
        field: ``"mobile"`` or ``"address"``.
        whole_answer: ``True`` when ``text`` answers "what is the new address?", so all of it is
            the address (a leading "新地址是" is dropped); ``False`` for a request such as
            "帮我把地址改成…", where only what follows the change verb is the address.
    """
    if field == "mobile":
        return mobile_in(text)
    said = plain(text).strip(_TRAILING)
    match = _ADDRESS_AFTER.search(said)
    if match is not None:
        value = match.group("value").strip(_TRAILING + " ")
        return value if len(value) >= 4 and not value.endswith(("吗", "么")) else None
    return (_ADDRESS_PREFIX.sub("", said).strip() or None) if whole_answer else None


def claim_correction(text: str) -> tuple[str, str | None] | None:
    """Which detail of a claim report ``text`` corrects, and its new value when it gives one.

    ``"医院是华山医院"`` → ``("hospital", "华山医院")``; ``"日期不对"`` → ``("event_date", None)``;
    ``None`` when no detail is named. When several are named, the first in
    :data:`CLAIM_DETAIL_WORDS` wins; the customer corrects the others at the next read-back.
    """
    said = plain(text)
    named = next(
        (
            (detail, word)
            for detail, words in CLAIM_DETAIL_WORDS.items()
            for word in words
            if word in said
        ),
        None,
    )
    if named is None:
        return None
    detail, word = named
    match = _CORRECTED_TO.search(said[said.find(word) + len(word) :])
    value = match.group("value").strip(_TRAILING + " ") if match else ""
    if not value or any(word in value for word in _NOT_A_VALUE):
        return detail, None
    return detail, value
