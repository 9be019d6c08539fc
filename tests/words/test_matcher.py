"""The matcher of checked words (错敏词): exact, on normalised text, pointing at the original."""

import pytest

from disclosure.lib.words import (
    BLOCK,
    WARN,
    Term,
    WordLineError,
    WordList,
    normalise,
    parse_word_lines,
)

WORDS = WordList(
    [
        Term("中华人民共合国", "中华人民共和国", BLOCK),
        Term("国务院办公室", "国务院办公厅", BLOCK),
        Term("人力资源与社会保障局", "人力资源和社会保障局", BLOCK),
        Term("再接再励", "再接再厉", WARN),
        Term("社会主意", "社会主义", BLOCK),
        Term("ABC证书", "", WARN),
        Term("“两个确定”", "“两个确立”", BLOCK),
    ]
)


def terms(hits) -> list[str]:
    return [hit.term.term for hit in hits]


def test_it_finds_a_term_inside_longer_text_and_points_at_it():
    text = "依据《中华人民共合国劳动法》第三条"
    [hit] = WORDS.find(text, "正文")
    assert hit.term.correct == "中华人民共和国"
    assert text[hit.start : hit.end] == "中华人民共合国" == hit.found
    assert hit.before == "依据《"
    assert hit.after == "劳动法》第三条"
    assert hit.field == "正文"
    assert hit.is_block


def test_it_finds_nothing_in_correct_text():
    text = "国务院办公厅、扎兰屯市人力资源和社会保障局：再接再厉，坚持社会主义，“两个确立”。"
    assert WORDS.find(text) == []


def test_full_width_and_half_width_forms_are_one():
    assert terms(WORDS.find("持有ａｂｃ证书的人员")) == ["ABC证书"]
    assert terms(WORDS.find("持有Abc证书的人员")) == ["ABC证书"]
    [hit] = WORDS.find("持有ＡＢＣ证书")
    assert hit.found == "ＡＢＣ证书"


def test_full_width_terms_find_half_width_text():
    words = WordList([Term("ＧＢ／Ｔ９７０４", "", WARN)])
    assert len(words.find("按照GB/T9704的格式")) == 1


def test_spaces_line_breaks_and_zero_width_characters_inside_a_term_are_seen_through():
    text = "扎兰屯市人力资源与\n社会 保障\u200b局（盖章）"
    [hit] = WORDS.find(text)
    assert hit.found == "人力资源与\n社会 保障\u200b局"
    assert text[hit.end :] == "（盖章）"


def test_a_space_between_latin_letters_is_kept():
    """Between words written with spaces, a space still separates them; beside Chinese it is dropped."""
    assert WORDS.find("AB C证书") == []
    assert terms(WORDS.find("持有 ABC 证书")) == ["ABC证书"]
    assert normalise("A  B\u3000和 C")[0] == "a b和c"


def test_compatibility_ideographs_from_pdfs_are_their_usual_characters():
    # ⼈ (U+2F08, KANGXI RADICAL MAN) is what some PDFs hold for 人.
    [hit] = WORDS.find("⼈力资源与社会保障局")
    assert hit.term.term == "人力资源与社会保障局"
    assert hit.found == "⼈力资源与社会保障局"


def test_each_occurrence_is_a_hit_in_order():
    text = "社会主意……再接再励……社会主意"
    hits = WORDS.find(text)
    assert terms(hits) == ["社会主意", "再接再励", "社会主意"]
    assert [hit.start for hit in hits] == [0, 6, 12]


def test_a_term_within_a_longer_term_found_at_the_same_place_is_not_reported_apart():
    words = WordList(
        [Term("人力资源与社会保障局", "人力资源和社会保障局"), Term("社会保障局长", "")]
    )
    assert terms(words.find("人力资源与社会保障局")) == ["人力资源与社会保障局"]
    words = WordList([Term("共合国"), Term("中华人民共合国")])
    assert terms(words.find("中华人民共合国")) == ["中华人民共合国"]
    assert terms(words.find("共合国")) == ["共合国"]


def test_context_is_cut_at_twenty_characters_each_side():
    text = "甲" * 30 + "再接再励" + "乙" * 30
    [hit] = WORDS.find(text)
    assert hit.before == "甲" * 20
    assert hit.after == "乙" * 20


def test_an_empty_list_or_text_finds_nothing():
    assert WordList([]).find("中华人民共合国") == []
    assert len(WordList([])) == 0
    assert WORDS.find("") == []
    assert len(WORDS) == 7


def test_a_term_that_normalises_to_nothing_is_not_listed():
    assert len(WordList([Term("\u200b \u3000")])) == 0


def test_hostile_text_is_read_without_error():
    text = "\x00\ud800<script>再接再励</script>\U0010ffff" * 3
    assert terms(WORDS.find(text)) == ["再接再励"] * 3


def test_pasted_lines_are_read_as_term_correct_form_and_note():
    text = "国务院办公室\t国务院办公厅\t机构名称错误\n\n  再接再励 | 再接再厉 \n社会主意\n"
    assert parse_word_lines(text) == [
        ("国务院办公室", "国务院办公厅", "机构名称错误"),
        ("再接再励", "再接再厉", ""),
        ("社会主意", "", ""),
    ]


def test_pasted_lines_that_cannot_be_read_are_each_named():
    text = "再接再励\n\t再接再厉\n再接再勵\nＡＢＣ证书\nabc证书\na\tb\tc\td\n"
    with pytest.raises(WordLineError) as refusal:
        parse_word_lines(text)
    assert refusal.value.errors == [
        "第2行没有错误写法",
        "第5行的“abc证书”与第4行重复",
        "第6行多于三栏（错误写法、正确写法、说明）",
    ]
