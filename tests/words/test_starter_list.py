"""The starter list of checked words, as the migration loads it into every database."""

from pathlib import Path

import pytest
from django.conf import settings

from disclosure.models import CatalogueItem, CheckedWord
from disclosure.selectors.words import word_list
from tests.words.official_text import OFFICIAL_NAMES, PARAGRAPHS

SEED = Path(settings.BASE_DIR) / "fixtures" / "seed" / "主动公开事项目录.txt"


@pytest.fixture
def starter(db) -> list[CheckedWord]:
    words = list(CheckedWord.objects.all())
    assert len(words) >= 150, "the migration's starter list is in the database"
    return words


def clean_text() -> str:
    """Correct text of the bureau's kind: official paragraphs and names, the catalogue, the seed table,
    and every correct form the starter list gives, each in a sentence."""
    catalogue = [
        text
        for item in CatalogueItem.objects.all()
        for text in (item.name, item.content, item.basis, item.publisher, item.deadline_text)
    ]
    corrections = [
        f"规范的写法是{word.correct}。" for word in CheckedWord.objects.exclude(correct="")
    ]
    parts = [
        *PARAGRAPHS,
        *OFFICIAL_NAMES,
        *catalogue,
        SEED.read_text(encoding="utf-8"),
        *corrections,
    ]
    return "\n".join(parts)


def test_the_starter_list_has_blocks_and_warnings(starter):
    severities = {word.severity for word in starter}
    assert severities == {CheckedWord.Severity.BLOCK, CheckedWord.Severity.WARN}
    by_term = {word.term: word for word in starter}
    assert by_term["中华人民共合国"].correct == "中华人民共和国"
    assert by_term["国务院办公室"].correct == "国务院办公厅"
    assert by_term["人力资源与社会保障局"].correct == "人力资源和社会保障局"
    assert by_term["扎兰屯县"].severity == CheckedWord.Severity.BLOCK
    assert by_term["劳动和社会保障局"].severity == CheckedWord.Severity.WARN


def test_the_list_finds_every_listed_term_inside_longer_text(starter):
    words = word_list()
    assert len(words) == len(starter)
    for word in starter:
        text = f"根据上级通知精神，{word.term}的有关事项如下。"
        found = [hit.term.term for hit in words.find(text)]
        assert word.term in found, word.term


def test_the_list_finds_every_term_written_in_full_width_forms_or_across_a_line(starter):
    words = word_list()
    for word in starter:
        half = word.term[: len(word.term) // 2]
        text = f"经查：{half}\n{word.term[len(half) :]}。"
        assert word.term in [hit.term.term for hit in words.find(text)], word.term
    assert [hit.term.term for hit in words.find("二０二六年")] == ["二0二"]


def test_the_list_finds_nothing_in_ten_thousand_characters_of_clean_text(catalogue, starter):
    text = clean_text()
    assert len(text) >= 10_000
    assert word_list().find(text) == []


def test_no_correct_form_contains_a_listed_term(starter):
    words = word_list()
    for word in starter:
        assert words.find(word.correct) == [], word.correct


def test_the_list_is_read_again_when_a_word_changes(starter):
    before = word_list()
    assert before.find("某某错敏词测试") == []
    word = CheckedWord(term="错敏词测试", correct="", severity=CheckedWord.Severity.BLOCK)
    word.full_clean()
    word.save()
    after = word_list()
    assert after is not before
    assert [hit.term.term for hit in after.find("某某错敏词测试")] == ["错敏词测试"]
    assert word_list() is after, "the automaton is kept while the list does not change"
    word.is_active = False
    word.save()
    assert word_list().find("某某错敏词测试") == []
    CheckedWord.objects.filter(term="再接再励").delete()
    assert word_list().find("再接再励") == []
