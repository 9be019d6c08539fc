"""The list of checked words (错敏词) in the admin: administrators maintain it, staff read it."""

from disclosure.models import CheckedWord

LIST = "/admin/disclosure/checkedword/"
ADD = LIST + "add/"


def word_form(**fields) -> dict:
    data = {
        "term": "扎兰屯市人社厅",
        "correct": "扎兰屯市人力资源和社会保障局",
        "severity": "block",
        "note": "县级市设局",
        "is_active": "on",
    }
    data.update(fields)
    return data


def test_an_administrator_adds_a_word_that_is_checked_at_once(client, people):
    client.force_login(people.admin)
    response = client.post(ADD, word_form())
    assert response.status_code == 302
    word = CheckedWord.objects.get(term="扎兰屯市人社厅")
    assert word.history.get().history_user == people.admin
    from disclosure.selectors.words import word_list

    [hit] = word_list().find("报送扎兰屯市人社厅审核")
    assert hit.term.correct == "扎兰屯市人力资源和社会保障局"


def test_a_word_already_listed_in_another_width_or_case_is_refused(client, people):
    CheckedWord.objects.create(term="ABC证书")
    client.force_login(people.admin)
    response = client.post(ADD, word_form(term="ａｂｃ证书", correct=""))
    assert response.status_code == 200
    assert "已有相同的错敏词“ABC证书”" in response.content.decode()
    assert not CheckedWord.objects.filter(term="ａｂｃ证书").exists()


def test_a_correct_form_that_still_holds_the_word_is_refused_and_the_input_kept(client, people):
    client.force_login(people.admin)
    response = client.post(ADD, word_form(term="社会保障", correct="人力资源和社会保障局"))
    page = response.content.decode()
    assert "正确写法中含有这个错敏词，改正后仍会被查出。" in page
    assert 'value="人力资源和社会保障局"' in page


def test_a_single_character_or_blank_word_is_refused(client, people):
    client.force_login(people.admin)
    for term in ("局", "\u200b \u3000"):
        response = client.post(ADD, word_form(term=term, correct=""))
        assert response.status_code == 200
        assert (
            "错敏词至少要有2个字符。" in response.content.decode()
            or "这个字段是必填项" in response.content.decode()
        )
    assert not CheckedWord.objects.filter(term="局").exists()


def test_the_list_is_searchable_and_filtered(client, people):
    client.force_login(people.admin)
    page = client.get(LIST, {"q": "呼伦贝尔", "severity__exact": "block"}).content.decode()
    assert "呼仑贝尔" in page
    assert "呼伦贝尔盟" not in page, "a warning, filtered out"
    page = client.get(LIST, {"q": "呼伦贝尔", "severity__exact": "warn"}).content.decode()
    assert "呼伦贝尔盟" in page and "呼仑贝尔" not in page


def test_staff_read_the_list_but_do_not_change_it(client, people):
    client.force_login(people.editor)
    assert "呼仑贝尔" in client.get(LIST, {"q": "呼仑贝尔"}).content.decode()
    assert client.get(ADD).status_code == 403
    word = CheckedWord.objects.get(term="呼仑贝尔")
    response = client.post(f"{LIST}{word.pk}/change/", word_form(term="呼仑贝尔", severity="warn"))
    assert response.status_code == 403
    word.refresh_from_db()
    assert word.severity == CheckedWord.Severity.BLOCK
    assert client.post(f"{LIST}{word.pk}/delete/", {"post": "yes"}).status_code == 403
    assert CheckedWord.objects.filter(pk=word.pk).exists()


IMPORT = LIST + "import/"


def test_an_administrator_imports_many_words_pasted_from_a_sheet(client, people):
    client.force_login(people.admin)
    lines = "人社厅局\t人力资源和社会保障厅\t机构名称错误\n\n劳保局｜人力资源和社会保障局\nＡＢＣ证书\n再接再励\t再接再厉\n"
    response = client.post(IMPORT, {"lines": lines, "severity": "warn"}, follow=True)
    page = response.content.decode()
    assert "已导入3个错敏词。" in page
    assert "1个词已在列表中，未改动：再接再励。" in page
    word = CheckedWord.objects.get(term="人社厅局")
    assert (word.correct, word.note, word.severity) == (
        "人力资源和社会保障厅",
        "机构名称错误",
        "warn",
    )
    assert CheckedWord.objects.get(term="劳保局").correct == "人力资源和社会保障局"
    assert CheckedWord.objects.get(term="ＡＢＣ证书").history.get().history_user == people.admin


def test_an_import_with_a_bad_line_adds_nothing_and_keeps_the_text(client, people):
    client.force_login(people.admin)
    before = CheckedWord.objects.count()
    lines = "人社厅局\t人力资源和社会保障厅\n局\n社会保障\t人力资源和社会保障局\n人社厅局\n"
    response = client.post(IMPORT, {"lines": lines, "severity": "block"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "第4行的“人社厅局”与第1行重复" in page
    assert "人社厅局	人力资源和社会保障厅" in page, "what was pasted is kept"
    assert CheckedWord.objects.count() == before
    response = client.post(IMPORT, {"lines": "人社厅局\n局\n", "severity": "block"})
    assert "错敏词至少要有2个字符。" in response.content.decode()
    assert CheckedWord.objects.count() == before
    response = client.post(IMPORT, {"lines": "人社厅局", "severity": "<script>"})
    assert response.status_code == 200
    assert CheckedWord.objects.count() == before


def test_staff_cannot_import(client, people):
    client.force_login(people.editor)
    assert client.get(IMPORT).status_code == 403
    assert client.post(IMPORT, {"lines": "人社厅局", "severity": "warn"}).status_code == 403
    assert not CheckedWord.objects.filter(term="人社厅局").exists()
    assert "批量导入" not in client.get(LIST).content.decode()
