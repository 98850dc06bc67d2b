"""A grievance against the insurer is a complaint or a claim dispute, whatever topic it names."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.grievance import Grievance, GrievanceClassifier, grievance


def message(text: str, intent: str) -> Message:
    return Message(
        {
            TEXT: text,
            INTENT: {"name": intent, "confidence": 0.9},
            INTENT_RANKING_KEY: [{"name": intent, "confidence": 0.9}],
        }
    )


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("提交了材料三个礼拜了 客服一直拖着说在审核", "complain"),
        ("业务员死活不给我办退保 说要等他回来", "complain"),
        ("明明条款上写的能退 你们说不行 凭什么", "complain"),
        ("这事我要去银保监会投诉你们", "complain"),
        ("理赔交了材料两个月了还没结果 到底怎么回事 耍人呢", "complain"),
        ("打电话也说在审核 你们到底赔不赔", "claim_dispute"),
        ("住院花的钱你们拒赔了 这合理吗", "claim_dispute"),
        ("醫院證明都給了還不給我賠 太過分了", "claim_dispute"),
    ],
)
def test_grievances_are_complaints_or_claim_disputes(text: str, intent: str) -> None:
    assert grievance().intent(text) == intent


@pytest.mark.parametrize(
    "text",
    [
        "我老婆最近查出乳腺原位癌 到底赔不赔",
        "什么情况下不给赔",
        "既往症是不是不给报",
        "理赔申请最晚能拖到什么时候",
        "换了手机号要告诉你们吗",
        "业务员离职了 我的保单没人管了吗",
        "回访电话是你们打的吗 不是骗子吧",
        "过了诉讼时效还能起诉吗",
    ],
)
def test_questions_with_the_same_words_are_not_grievances(text: str) -> None:
    assert grievance().intent(text) is None


def test_the_classifier_overrules_a_topic_but_not_a_request_for_a_person() -> None:
    story = message("理赔资料交上去两个月了 你们是不是故意拖", "claim_status")
    asked = message("故意拖 我要找人工", "request_human")
    processed = GrievanceClassifier().process([story, asked])
    assert processed[0].get(INTENT) == {"name": "complain", "confidence": 1.0}
    assert processed[0].get(INTENT_RANKING_KEY)[1]["name"] == "claim_status"
    assert processed[1].get(INTENT)["name"] == "request_human"


def test_a_malformed_pattern_file_says_what_it_needs(tmp_path: Path) -> None:
    broken = tmp_path / "grievance.yml"
    broken.write_text("grievance: [凭什么]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="'grievance' mapping"):
        Grievance.read(broken)


def test_a_grievance_the_classifier_was_unsure_of_is_made_clear_for_the_fallback() -> None:
    unsure = Message(
        {
            TEXT: "资料交上去两个月了 你们是不是故意拖",
            INTENT: {"name": "complain", "confidence": 0.47},
            INTENT_RANKING_KEY: [
                {"name": "complain", "confidence": 0.47},
                {"name": "claim_status", "confidence": 0.42},
            ],
        }
    )
    processed = GrievanceClassifier().process([unsure])[0]
    ranking = processed.get(INTENT_RANKING_KEY)
    assert processed.get(INTENT) == {"name": "complain", "confidence": 1.0}
    assert ranking[1] == {"name": "claim_status", "confidence": 0.21}


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("人工客服在吗 急！！我爸住院了 要报案", "request_human"),
        ("能不能找个真人 我问不明白", "request_human"),
        ("不用转人工了 我就问下等待期", None),
    ],
)
def test_asking_for_a_person_in_a_message_about_something_else(
    text: str, intent: str | None
) -> None:
    assert grievance().intent(text) == intent
