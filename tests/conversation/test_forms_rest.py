"""End to end over REST: the claim report, the contact change and the return visit.

``python -m bot.runtime.run`` with the test model on its own ports (so this module and test_rest.py can run
in one session), real NLU, real actions and the test database; ``make conversation`` trains the
model and prepares the database first.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from bot.clock import china_today
from bot.db import make_engine
from bot.desk.tickets import tickets
from bot.records.store import SqlPolicyRecords
from bot.settings import load_settings
from tests.conversation.conftest import running_assistant

pytestmark = pytest.mark.conversation

PORTS = {"RASA_PORT": "16005", "ACTIONS_PORT": "16055", "DESK_PORT": "19080"}
RASA = f"http://127.0.0.1:{PORTS['RASA_PORT']}"
DEMO_MOBILE = "13918452260"  # 李娜's, data/records/customers.yml


@pytest.fixture(scope="module")
def assistant() -> Iterator[subprocess.Popen[str]]:
    for process, _output in running_assistant(PORTS):
        yield process


@pytest.fixture(scope="module")
def records() -> Iterator[SqlPolicyRecords]:
    engine = make_engine(load_settings().database_url)
    yield SqlPolicyRecords(engine)
    engine.dispose()


def chat(sender: str, message: str) -> str:
    body = json.dumps({"sender": sender, "message": message}).encode()
    request = urllib.request.Request(
        f"{RASA}/webhooks/rest/webhook", body, {"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        replies: list[dict[str, Any]] = json.load(response)
    return "\n".join(reply.get("text", "") for reply in replies)


def verify(sender: str, request: str, policy: str, proof: str) -> str:
    """Ask for something personal, pass the identity check; the reply to the proof."""
    assert "保单号" in chat(sender, request)
    assert "后4位" in chat(sender, policy)
    reply = chat(sender, proof)
    assert "身份核验通过" in reply
    return reply


def test_claim_report_is_stored_with_a_case_number(
    assistant: subprocess.Popen[str], records: SqlPolicyRecords
) -> None:
    sender = f"e2e-claim-{time.time_ns()}"
    before = {c.case_number for c in records.claims("MB2024000012")}
    assert "出险的是哪位" in verify(sender, "我要报案", "MB2024000012", "身份证后四位0229")
    assert "描述" in chat(sender, "是我本人")
    assert "哪一天" in chat(sender, "住院做了手术")
    assert "诊断" in chat(sender, "前天")
    assert "医院" in chat(sender, "原位癌")
    read_back = chat(sender, "复旦大学附属中山医院")
    assert "请核对报案信息" in read_back and "何丽（本人）" in read_back
    assert "复旦大学附属中山医院" in read_back
    reply = chat(sender, "是的")
    [claim] = [c for c in records.claims("MB2024000012") if c.case_number not in before]
    assert (claim.diagnosis, claim.hospital) == ("原位癌", "复旦大学附属中山医院")
    assert claim.event_date == china_today() - dt.timedelta(days=2)  # "前天"
    assert f"案件号：{claim.case_number}" in reply
    assert "第9.26.1条" in reply and "保险金给付申请书" in reply
    assert "理赔审核结论为准" in reply and "一定赔" not in reply


def test_contact_change_is_written_and_shown_masked(
    assistant: subprocess.Popen[str], records: SqlPolicyRecords
) -> None:
    sender = f"e2e-contact-{time.time_ns()}"
    new_mobile = f"139{time.time_ns() % 10**8:08d}"
    assert "新的手机号" in verify(
        sender, "我换手机号了要改一下", "MB2024000003", "身份证后四位028X"
    )
    assert f"修改为 {new_mobile}" in chat(sender, new_mobile)
    reply = chat(sender, "是的")
    masked = f"{new_mobile[:3]}****{new_mobile[-4:]}"
    assert f"修改为{masked}" in reply and new_mobile not in reply
    holder = records.customer("C0003")
    assert holder is not None and holder.mobile == new_mobile
    assert records.contact_changes("MB2024000003")[-1].conversation_id == sender
    # Other tests may prove 李娜's identity with the demo mobile: put it back (audited too).
    records.change_contact("MB2024000003", "mobile", DEMO_MOBILE, f"{sender}-restore")


def test_return_visit_flags_and_follows_up_without_pausing(
    assistant: subprocess.Popen[str], records: SqlPolicyRecords
) -> None:
    sender = f"e2e-visit-{time.time_ns()}"
    first = verify(sender, "我要做回访", "MB2024000001", "身份证后四位0315")
    assert "第1个问题" in first
    assert "第2个问题" in chat(sender, "是的")
    assert "第3个问题" in chat(sender, "是我自己签的名")
    assert "第4个问题" in chat(sender, "是的")
    unsure = chat(sender, "不太清楚")
    assert "已记录您的回答：不清楚" in unsure and "第2.5条" in unsure
    assert "有15日的犹豫期" in unsure and "第1.4条" in unsure  # question 5, from the wording
    assert "第6个问题" in chat(sender, "知道的")
    assert "最后一个问题" in chat(sender, "是的")
    summary = chat(sender, "清楚")
    assert "回访已完成" in summary and "4. 了解责任免除：不清楚" in summary
    assert "工单号" in summary
    answers = [
        a for a in records.return_visit_answers("MB2024000001") if a.conversation_id == sender
    ]
    assert len(answers) == 7 and [a.item_key for a in answers if a.flagged] == [
        "understood_exclusions"
    ]
    engine = make_engine(load_settings().database_url)
    with engine.connect() as conn:
        row = conn.execute(select(tickets).where(tickets.c.conversation_id == sender)).one()
    engine.dispose()
    assert (row.reason, row.priority, row.status) == ("return_visit_follow_up", "normal", "open")
    assert chat(sender, "谢谢") != ""  # not paused: the bot still answers
