"""The records' rules every store shares: claim reports, case numbers, successors, return visits."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.records.errors import NoActiveAgentError
from bot.records.model import Agent
from bot.records.rules import case_number, new_claim, return_visit_answer, successor
from tests.records.conftest import make_policy

# 2026-03-10 01:30 in Beijing is still 2026-03-09 in UTC: the case number follows Beijing.
NOW = dt.datetime(2026, 3, 9, 17, 30, tzinfo=dt.timezone.utc)


def agent(code: str, branch: str = "上海", status: str = "active") -> Agent:
    return Agent(code, f"代理人{code}", "13800000000", status, branch)


def test_a_claim_is_numbered_by_the_beijing_day_and_cleaned() -> None:
    claim = new_claim(
        make_policy(), event=" 住院 ", event_date=dt.date(2026, 3, 9), now=NOW, sequence=7
    )
    assert (claim.case_number, claim.event, claim.status) == ("CL202603100007", "住院", "reported")
    assert claim.reported_at == dt.datetime(2026, 3, 9, 17, 30)


def test_a_claim_without_event_or_dated_tomorrow_is_refused() -> None:
    with pytest.raises(ValueError, match="event"):
        new_claim(make_policy(), event=" ", event_date=dt.date(2026, 3, 9), now=NOW, sequence=1)
    with pytest.raises(ValueError, match="future"):
        new_claim(make_policy(), event="住院", event_date=dt.date(2026, 3, 11), now=NOW, sequence=1)


def test_a_day_has_at_most_9999_case_numbers() -> None:
    assert case_number(NOW, 9999) == "CL202603109999"
    with pytest.raises(RuntimeError, match="widen the case number"):
        case_number(NOW, 10000)


def test_the_successor_is_from_the_same_branch_then_serves_fewest() -> None:
    leaving = agent("A1", status="left")
    candidates = [
        (agent("B9", branch="北京"), 0),
        (agent("C2"), 5),
        (agent("C1"), 5),
        (agent("C3"), 2),
        (agent("C4", status="left"), 0),
    ]
    assert successor("MB0000000001", leaving, candidates).code == "C3"
    assert successor("MB0000000001", leaving, candidates[:3]).code == "C1"


def test_no_active_agent_left_says_what_to_do() -> None:
    with pytest.raises(NoActiveAgentError, match="hand the case to a person"):
        successor("MB0000000001", agent("A1"), [(agent("A1"), 3), (agent("B1", status="left"), 0)])


def test_a_return_visit_answer_other_than_expected_is_flagged() -> None:
    stored = return_visit_answer("MB0000000001", " q1 ", "no", "conv-1", expected="yes", now=NOW)
    assert (stored.item_key, stored.flagged) == ("q1", True)
    with pytest.raises(ValueError, match="not one of"):
        return_visit_answer("MB0000000001", "q1", "maybe", "conv-1", expected="yes", now=NOW)
