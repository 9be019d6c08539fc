"""Every text staff and citizens read is Chinese, with Chinese punctuation."""

import gettext
import json
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import trans_real

LOCALE = Path(settings.BASE_DIR) / "disclosure" / "locale" / "zh_Hans" / "LC_MESSAGES"
IDEOGRAPH = r"[\u4e00-\u9fff]"
ENGLISH_PUNCTUATION_BESIDE_CHINESE = re.compile(
    rf"{IDEOGRAPH}[.,:;?!(]|[.,:;?!)]{IDEOGRAPH}|{IDEOGRAPH}\.\.\."
)
# Placeholders and code names are not words; a list that a filter splits on commas is no sentence.
NOT_WORDS = re.compile(r"%\(\w+\)[sdr]|%[sd]|\{\w*\}|\w+\(\)")
LISTS = {"yes,no,maybe"}


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_the_compiled_catalogue_is_the_one_in_the_po_file(domain):
    with (LOCALE / f"{domain}.mo").open("rb") as file:
        compiled = gettext.GNUTranslations(file)
    for entry in polib.pofile(str(LOCALE / f"{domain}.po")):
        if entry.msgid_plural:
            assert compiled.ngettext(entry.msgid, entry.msgid_plural, 1) == entry.msgstr_plural[0]
        else:
            assert compiled.gettext(entry.msgid) == entry.msgstr, entry.msgid


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_no_chinese_text_has_english_punctuation(domain):
    catalogue = trans_real.DjangoTranslation("zh-hans", domain=domain)._catalog
    wrong = []
    for key in set(catalogue.keys()):
        msgid = key[0] if isinstance(key, tuple) else key
        if not msgid or msgid in LISTS:
            continue
        text = NOT_WORDS.sub("X", catalogue[key])
        if ENGLISH_PUNCTUATION_BESIDE_CHINESE.search(text):
            wrong.append((msgid, catalogue[key]))
    assert wrong == []


def test_djangos_messages_read_as_chinese_sentences():
    with translation.override("zh-hans"):
        assert translation.gettext("You may edit it again below.") == "您可以在下面继续修改。"
        assert translation.gettext("Please correct the duplicate values below.").endswith("。")


@pytest.mark.django_db
def test_the_login_protection_section_is_chinese_and_for_administrators_only(client, people):
    client.force_login(people.admin)
    page = client.get("/admin/").content.decode()
    assert "登录保护" in page and "登录尝试" in page and "Access attempts" not in page
    client.force_login(people.editor)
    page = client.get("/admin/").content.decode()
    assert "登录保护" not in page
    assert client.get("/admin/axes/accessattempt/").status_code == 403


@pytest.mark.django_db
def test_the_editor_toolbar_has_chinese_names(client, people):
    client.force_login(people.editor)
    catalogue = client.get("/admin/jsi18n/").content.decode()
    for chinese in ("插入表格", "加粗", "正文段落", "撤销", "取消"):
        assert json.dumps(chinese) in catalogue
    form = client.get("/admin/disclosure/publication/add/?item=1").content.decode()
    assert "admin_extra/prose-editor-zh.js" in form or "选择要发布信息的目录事项" in form
