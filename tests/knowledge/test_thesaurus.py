"""The thesaurus of everyday words: concepts found in questions; malformed entries refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge.text import normalize
from bot.knowledge.thesaurus import default_thesaurus, read_thesaurus


def test_everyday_words_name_the_wordings_concept() -> None:
    found = default_thesaurus().concepts_in(normalize("割双眼皮住院能报吗"))
    assert found[0].key == "cosmetic"
    assert found[0].named_in("美容、整形手术及其引起的费用")


def test_how_a_condition_was_found_is_not_what_is_claimed() -> None:
    thesaurus = default_thesaurus()
    assert thesaurus.concepts_in(normalize("体检查出来宫颈原位癌")) == []
    assert [c.key for c in thesaurus.concepts_in(normalize("体检费能报吗"))] == ["checkup"]


def test_an_entry_without_its_words_is_refused_with_its_key(tmp_path: Path) -> None:
    path = tmp_path / "thesaurus.yml"
    path.write_text("concepts:\n  dental:\n    label: 牙科\n    wording: [牙科]\n", "utf-8")
    with pytest.raises(ValueError, match=r"dental.*everyday"):
        read_thesaurus(path)


def test_a_concept_is_found_by_how_customers_describe_it(tmp_path: Path) -> None:
    path = tmp_path / "thesaurus.yml"
    path.write_text(
        "concepts:\n  drink:\n    label: 酒后驾驶\n    wording: [酒后驾驶]\n    everyday: [酒驾]\n"
        "    patterns: ['喝.{0,6}酒.{0,8}开车']\n",
        encoding="utf-8",
    )
    concept = read_thesaurus(path).concepts_in("他喝了两瓶啤酒自己开车")[0]
    assert concept.words_in("他喝了两瓶啤酒自己开车") == ["喝了两瓶啤酒自己开车"]
    path.write_text(path.read_text(encoding="utf-8").replace("开车']", "开车(']"), encoding="utf-8")
    with pytest.raises(ValueError, match=r"drink.*not a regex"):
        read_thesaurus(path)


def test_a_hospitals_special_department_is_a_non_agreed_hospital() -> None:
    found = default_thesaurus().concepts_in(normalize("在省医院的国际医疗部做的手术"))
    assert [c.key for c in found] == ["private_hospital"]


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("想去做个近视激光手术，医疗险报不报", "vision"),
        ("暑假打算去登一座海拔6200米的雪山", "extreme_sports"),
    ],
)
def test_a_concept_described_rather_than_named_is_found(question: str, key: str) -> None:
    assert key in [c.key for c in default_thesaurus().concepts_in(normalize(question))]


def test_depression_treated_at_a_psychiatric_clinic_is_a_mental_disorder() -> None:
    found = default_thesaurus().concepts_in(normalize("最近有点抑郁，去精神科开了药"))
    assert "mental" in [c.key for c in found]
