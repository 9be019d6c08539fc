"""Parts of built pages kept under the content version ({% kept %}, the document, the counts).

With the page cache off, as staff and pages with forms are served: every
change through the services shows on the next page, and nothing a visitor
typed is replaced by a kept part.
"""

import re
import threading
import time

import pytest
from django.db import connections
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from disclosure.selectors.content import kept
from disclosure.services.catalogue import catalogue_items_set_active
from disclosure.services.content import content_changed
from disclosure.services.publications import publication_withdraw
from tests.citizens import make_consultation
from tests.factories import item_by_path, make_published, with_attachment

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached_pages")]

LIST = "/xxgk/zcfg/zcwj/"
_numbers = iter(range(1, 10_000))


def policy(people, title: str):
    """A published 政策文件 (they need a 文号 and a 成文日期)."""
    return make_published(
        people,
        "zcfg/zcwj",
        title=title,
        doc_number=f"扎人社发〔2026〕{next(_numbers)}号",
        written_on=timezone.localdate(),
    )


def test_a_kept_fragment_is_rendered_once_per_version_and_per_value():
    template = Template(
        '{% load disclosure %}{% kept "probe" n %}{{ n }}:{{ calls.pop }}{% endkept %}'
    )

    def render(n, calls):
        return template.render(Context({"n": n, "calls": calls}))

    assert render(1, ["a"]) == "1:a"
    assert render(1, ["b"]) == "1:a"
    assert render(2, ["c"]) == "2:c"
    content_changed()
    assert render(1, ["d"]) == "1:d"


def test_threads_missing_the_same_value_build_it_once():
    built = []

    def build():
        built.append(1)
        time.sleep(0.2)
        return "值"

    results = []

    def visit():
        try:
            results.append(kept("probe:threads", build))
        finally:
            connections.close_all()  # each thread reads the version on its own connection

    threads = [threading.Thread(target=visit) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == ["值"] * 6
    assert len(built) == 1


def test_the_list_count_and_rows_follow_publish_and_withdraw(client, people):
    first = policy(people, "第一份政策文件")
    html = client.get(LIST).content.decode()
    assert "共信息1条" in html and "第一份政策文件" in html
    second = policy(people, "第二份政策文件")
    html = client.get(LIST).content.decode()
    assert "共信息2条" in html and "第二份政策文件" in html
    publication_withdraw(publication=first, actor=people.reviewer, reason="内容有误")
    html = client.get(LIST).content.decode()
    assert "共信息1条" in html and "第一份政策文件" not in html
    assert second.title in html


def test_each_page_of_a_list_has_its_own_rows(client, people):
    for n in range(21):
        policy(people, f"政策文件第{n:02d}号")
    first = client.get(LIST).content.decode()
    second = client.get(LIST + "?page=2").content.decode()
    assert "政策文件第20号" in first and "政策文件第00号" not in first
    assert "政策文件第00号" in second and "政策文件第20号" not in second
    assert "第2页，共2页" in second


def test_what_a_visitor_typed_stays_in_the_filter_form(client, people):
    policy(people, "关于社保缴费的通知")
    client.get(LIST)  # the empty form is kept
    for typed in ("社", "  ", "不存在的词语"):
        response = client.get(LIST, {"q": typed})
        assert response.status_code == 200
        form = response.content.decode().split('class="filter-form"')[1].split("</form>")[0]
        assert f'value="{typed}"' in form, typed
    html = client.get(LIST, {"year": "1900"}).content.decode()
    assert "筛选条件有误" in html
    assert "全部年份" in html


def test_a_filtered_list_is_counted_each_time(client, people):
    policy(people, "关于社保缴费的通知")
    assert "符合条件的信息1条" in client.get(LIST, {"q": "社保"}).content.decode()
    policy(people, "关于社保卡的通知")
    assert "符合条件的信息2条" in client.get(LIST, {"q": "社保"}).content.decode()


def test_a_document_page_shows_a_withdrawal_at_once(client, people):
    document = policy(people, "关于调整待遇的通知")
    assert client.get(document.get_absolute_url()).status_code == 200
    publication_withdraw(publication=document, actor=people.reviewer, reason="已被替代")
    response = client.get(document.get_absolute_url())
    assert response.status_code == 410
    assert "已被替代" in response.content.decode()


def test_a_missing_document_is_not_kept(client, people):
    assert client.get(reverse("disclosure:publication", args=[999_999])).status_code == 404
    # The page's address is taken by the next document, whose page shows at once.
    document = policy(people, "新发布的通知")
    assert client.get(document.get_absolute_url()).status_code == 200


def test_an_attachment_added_through_the_services_shows_on_the_document(client, people):
    document = policy(people, "附有表格的通知")
    assert "通知.pdf" not in client.get(document.get_absolute_url()).content.decode()
    with_attachment(document)
    content_changed()
    assert "通知.pdf" in client.get(document.get_absolute_url()).content.decode()


def test_a_preview_does_not_leave_inactive_items_in_the_public_navigation(client, people):
    hidden = item_by_path("zcfg/zcjd")
    catalogue_items_set_active(items=[hidden], active=False)
    document = policy(people, "公开的政策文件")
    staff = type(client)()
    staff.force_login(people.reviewer)
    preview = staff.get(reverse("admin:disclosure_publication_preview", args=[document.pk]))
    assert hidden.name in preview.content.decode()
    nav = client.get(document.get_absolute_url()).content.decode().split('class="catalogue-nav"')[1]
    assert hidden.name not in nav


def test_each_text_size_has_its_own_kept_text(client, people):
    document = policy(people, "关于字号的通知")
    for size in ("medium", "large", "small", "large", "medium"):
        html = client.get(document.get_absolute_url(), {"size": size}).content.decode()
        assert f"document--text-{size}" in html
        assert re.findall(r'data-text-size="(\w+)" aria-current="true"', html) == [size]


def test_the_site_header_marks_the_current_page_and_keeps_a_search_as_typed(client, people):
    home = client.get("/").content.decode().split("</header>")[0]
    assert 'aria-current="page">首页' in home
    directory = client.get("/xxgk/").content.decode().split("</header>")[0]
    assert 'aria-current="page">政府信息公开' in directory
    assert 'aria-current="page">首页' not in directory
    for typed in ("社保", "就业"):
        header = client.get("/search/", {"q": typed}).content.decode().split("</header>")[0]
        assert f'value="{typed}"' in header


def test_a_consultation_page_gives_each_visitor_a_comment_form(client, people):
    consultation = make_consultation(people)
    for _ in range(2):
        visitor = type(client)()
        html = visitor.get(consultation.get_absolute_url()).content.decode()
        assert "csrfmiddlewaretoken" in html
        assert "零工市场管理办法" in html
