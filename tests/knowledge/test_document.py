"""Validation of clause documents: every fault names the file, the line and what is wrong."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.knowledge.document import parse_clause_document
from bot.knowledge.errors import ClauseFormatError
from tests.knowledge.new_product import NEW_PRODUCT

GOOD = """---
code: T-1
name: 测试保险
insurer: 测试人寿
type: critical_illness
version: "1"
effective_from: 2024-01-01
---
# 测试保险条款

## 1 您与我们的合同
### 1.1 犹豫期
自您签收本合同次日起，有15日的犹豫期。
## 2 我们提供的保障
"""


def parse(text: str) -> object:
    return parse_clause_document(text.encode("utf-8"), "policies/t.md")


def fault(text: str | bytes) -> ClauseFormatError:
    raw = text if isinstance(text, bytes) else text.encode("utf-8")
    with pytest.raises(ClauseFormatError) as caught:
        parse_clause_document(raw, "policies/t.md")
    return caught.value


def test_a_valid_document_is_split_into_numbered_articles() -> None:
    document = parse_clause_document(GOOD.encode(), "policies/t.md")
    assert document.code == "T-1"
    assert document.effective_from == dt.date(2024, 1, 1)
    assert document.title == "测试保险条款"
    assert [a.number for a in document.articles] == ["1", "1.1", "2"]
    assert document.article("1.1") is not None
    assert document.article("1.1").body == "自您签收本合同次日起，有15日的犹豫期。"  # type: ignore[union-attr]
    assert document.article("1.1").line == 12  # type: ignore[union-attr]
    assert document.article("1.1").parent_number == "1"  # type: ignore[union-attr]


def test_the_test_product_parses_with_its_aliases() -> None:
    document = parse_clause_document(NEW_PRODUCT.encode(), "fr.md")
    assert document.aliases == ("福瑞安康", "福瑞重疾")
    assert document.version == "2025A"


def test_byte_order_mark_is_accepted() -> None:
    assert parse_clause_document(b"\xef\xbb\xbf" + GOOD.encode(), "t.md").code == "T-1"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (GOOD.replace("---\ncode", "code", 1), 1, "missing front matter"),
        (GOOD.replace("insurer: 测试人寿\n", ""), 7, "missing front matter key 'insurer'"),
        (GOOD.replace('version: "1"\n', ""), 7, "missing front matter key 'version'"),
        (GOOD.replace("code: T-1", "code: t 1"), 2, "must match [A-Z0-9-]+"),
        (GOOD.replace("type: critical_illness", "type: car"), 5, "type 'car' is not one of"),
        (GOOD.replace("2024-01-01", "2024-13-45"), 7, "is not a date"),
        (GOOD.replace("name: 测试保险", "name: [测试"), 4, "not valid YAML"),
        (GOOD.replace("---\n# 测试", "# 测试"), 1, "front matter is not closed"),
        (GOOD.replace("### 1.1 犹豫期", "### 犹豫期"), 12, "unnumbered heading"),
        (GOOD.replace("### 1.1 犹豫期", "### 1.1犹豫期"), 12, "needs a space"),
        (
            GOOD.replace("## 2 我们提供的保障", "## 1.1 我们提供的保障"),
            14,
            "duplicate article number 1.1",
        ),
        (
            GOOD.replace("## 2 我们提供的保障", "#### 2.4.1 重疾保险金"),
            14,
            "article 2.4.1 has no parent",
        ),
        (GOOD.replace("# 测试保险条款\n", ""), 9, "missing document title"),
        (GOOD.split("## 1")[0], 9, "no numbered articles"),
        (
            GOOD.replace("aliases", "x").replace(
                "insurer: 测试人寿", "insurer: 测试人寿\naliases: 康宁"
            ),
            5,
            "aliases must be a list",
        ),
    ],
)
def test_each_format_fault_is_reported_with_file_and_line(text: str, line: int, words: str) -> None:
    error = fault(text)
    assert error.path == "policies/t.md"
    assert error.line == line
    assert words in error.fault
    assert str(error).startswith(f"policies/t.md:{line}: ")


def test_unreadable_encoding_names_the_line_of_the_bad_byte() -> None:
    raw = GOOD.encode("utf-8").replace("有15日".encode(), "有15日".encode("gbk"))
    error = fault(raw)
    assert error.line == 13
    assert "UTF-8" in error.fault


def test_a_binary_file_is_refused() -> None:
    assert "NUL" in fault(GOOD + "\x00\x01").fault


def test_a_huge_file_is_refused_before_parsing() -> None:
    assert "at most" in fault(GOOD + "字" * 1_000_000).fault


def test_a_heading_inside_a_code_fence_is_body_text() -> None:
    text = GOOD + "```\n# not a heading\n```\n"
    assert [a.number for a in parse_clause_document(text.encode(), "t.md").articles] == [
        "1",
        "1.1",
        "2",
    ]
