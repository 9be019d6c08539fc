"""Dated statements (情况说明): who publishes and withdraws them, and how citizens see them."""

from datetime import timedelta

import pytest
from django.utils import timezone

from disclosure.exceptions import WorkflowError
from disclosure.models import ItemStatement
from disclosure.services.catalogue import catalogue_items_set_active
from disclosure.services.statements import item_statement_publish, item_statement_withdraw
from tests.factories import item_by_path, make_published

pytestmark = pytest.mark.django_db

ADD = "/admin/disclosure/itemstatement/add/"
LIST = "/admin/disclosure/itemstatement/"
TEXT = "本单位2026年度无人大建议、政协提案办理事项。"


def today():
    return timezone.localdate()


def form(item_path="jyta", **fields) -> dict:
    data = {"item": str(item_by_path(item_path).pk), "text": TEXT, "stated_on": today().isoformat()}
    return data | fields


def published(people, item_path="jyta", stated_on=None, text=TEXT) -> ItemStatement:
    statement = ItemStatement(
        item=item_by_path(item_path),
        office=people.admin_office,
        text=text,
        stated_on=stated_on or today(),
    )
    return item_statement_publish(statement=statement, actor=people.reviewer)


# -- publishing in the admin ---------------------------------------------------------


def test_a_reviewer_publishes_a_statement_for_their_office(client, people):
    client.force_login(people.reviewer)
    response = client.post(ADD, form(office=str(people.employment.pk)))
    assert response.status_code == 302
    statement = ItemStatement.objects.get()
    # The office is the reviewer's own, whatever was posted.
    assert (statement.office, statement.created_by, statement.text) == (
        people.admin_office,
        people.reviewer,
        TEXT,
    )
    record = statement.history.get()
    assert (record.history_type, record.history_user) == ("+", people.reviewer)


def test_the_add_form_starts_with_the_item_from_the_dashboard(client, people):
    client.force_login(people.admin)
    item = item_by_path("zdly/wgjy/wgjy")
    page = client.get(f"{ADD}?item={item.pk}").content.decode()
    assert f'<option value="{item.pk}" selected>' in page
    assert f'<option value="{people.employment.pk}" selected>' in page
    assert f'value="{today().isoformat()}"' in page


def test_an_odd_item_in_the_add_link_is_ignored(client, people):
    client.force_login(people.reviewer)
    for value in ("abc", "99999999", "-1", "１"):
        assert client.get(f"{ADD}?item={value}").status_code == 200


def test_an_editor_may_see_but_not_publish_statements(client, people):
    statement = published(people)
    client.force_login(people.editor)
    assert client.get(ADD).status_code == 403
    assert client.post(ADD, form()).status_code == 403
    assert ItemStatement.objects.count() == 1
    assert TEXT in client.get(LIST).content.decode()
    page = client.get(f"{LIST}{statement.pk}/change/")
    assert page.status_code == 200 and 'name="text"' not in page.content.decode()


def test_another_office_neither_sees_nor_adds(client, people):
    statement = published(people)
    client.force_login(people.other_reviewer)
    assert TEXT not in client.get(LIST).content.decode()
    assert client.get(f"{LIST}{statement.pk}/change/").status_code in (302, 404)
    assert client.post(f"{LIST}{statement.pk}/delete/", {"post": "yes"}).status_code == 403
    response = client.post(ADD, form("jyta"))
    assert response.status_code == 200
    assert "请选择本科室或单位负责的、发布信息的目录事项。" in response.content.decode()
    assert ItemStatement.objects.count() == 1
    assert ItemStatement.objects.filter(pk=statement.pk).exists()


def test_an_item_the_office_does_not_answer_for_is_refused(client, people):
    client.force_login(people.admin)
    response = client.post(ADD, form("jyta", office=str(people.employment.pk)))
    page = response.content.decode()
    assert response.status_code == 200
    assert "说明单位不负责这个目录事项，或者这个事项不发布信息，不能为它发布情况说明。" in page
    assert TEXT in page  # what was typed is kept
    assert not ItemStatement.objects.exists()


def test_a_future_date_is_refused(client, people):
    client.force_login(people.reviewer)
    tomorrow = (today() + timedelta(days=1)).isoformat()
    response = client.post(ADD, form(stated_on=tomorrow))
    assert "说明日期不能晚于今天" in response.content.decode()
    assert not ItemStatement.objects.exists()


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"text": "   "}, "请填写说明内容。"),
        ({"text": "无" * 301}, "说明内容不能超过300字。"),
        ({"stated_on": "2026-13-45"}, "请按“2026-01-05”的格式填写日期。"),
        ({"stated_on": ""}, "请填写说明日期。"),
        ({"item": "abc"}, "请选择本科室或单位负责的、发布信息的目录事项。"),
        ({"item": ""}, "请选择目录事项。"),
    ],
)
def test_odd_input_gets_a_chinese_error(client, people, fields, error):
    client.force_login(people.reviewer)
    response = client.post(ADD, form(**fields))
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not ItemStatement.objects.exists()


def test_a_branch_or_office_list_takes_no_statement(client, people):
    client.force_login(people.admin)
    for path in ("zcfg", "jgjj/ssdw"):
        response = client.post(ADD, form(path, office=str(people.admin_office.pk)))
        assert "请选择本科室或单位负责的、发布信息的目录事项。" in response.content.decode()
    assert not ItemStatement.objects.exists()


def test_markup_is_shown_as_text(client, people):
    published(people, text="<script>alert(1)</script>本年度无此类信息。")
    page = client.get("/xxgk/jyta/").content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page


# -- the service -------------------------------------------------------------------


def test_the_service_refuses_an_editor_and_a_changed_statement(people):
    statement = ItemStatement(
        item=item_by_path("jyta"), office=people.admin_office, text=TEXT, stated_on=today()
    )
    with pytest.raises(WorkflowError, match="只有科室或单位的审核人或系统管理员可以发布情况说明"):
        item_statement_publish(statement=statement, actor=people.editor)
    statement = published(people)
    with pytest.raises(WorkflowError, match="情况说明发布后不能修改"):
        item_statement_publish(statement=statement, actor=people.reviewer)


# -- withdrawing ---------------------------------------------------------------------


def test_the_reviewer_withdraws_and_the_history_keeps_it(client, people):
    statement = published(people)
    client.force_login(people.reviewer)
    response = client.post(f"{LIST}{statement.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not ItemStatement.objects.exists()
    record = ItemStatement.history.filter(id=statement.pk).first()
    assert (record.history_type, record.history_user, record.text) == ("-", people.reviewer, TEXT)


def test_an_editor_cannot_withdraw(client, people):
    statement = published(people)
    client.force_login(people.editor)
    assert client.post(f"{LIST}{statement.pk}/delete/", {"post": "yes"}).status_code == 403
    with pytest.raises(WorkflowError, match="只有本科室或单位的审核人或系统管理员可以撤回情况说明"):
        item_statement_withdraw(statement=statement, actor=people.editor)
    assert ItemStatement.objects.filter(pk=statement.pk).exists()


# -- the public page ----------------------------------------------------------------


def test_an_empty_column_shows_its_statement_with_its_date(client, people):
    published(people, stated_on=today().replace(month=1, day=5))
    page = client.get("/xxgk/jyta/").content.decode()
    assert (
        f'情况说明（<time datetime="{today().year}-01-05">{today().year}年1月5日</time>）：' in page
    )
    assert TEXT in page and "本栏目暂无公开信息。" not in page


def test_a_column_without_statement_or_document_says_it_is_empty(client, people):
    assert "本栏目暂无公开信息。" in client.get("/xxgk/jyta/").content.decode()


def test_a_statement_older_than_the_newest_document_is_not_shown(client, people):
    published(people, stated_on=today() - timedelta(days=3))
    make_published(people, title="一份答复")
    page = client.get("/xxgk/jyta/").content.decode()
    assert "一份答复" in page and TEXT not in page


def test_a_statement_newer_than_the_newest_document_shows_above_the_list(client, people):
    document = make_published(people, title="一份答复")
    day = today()
    document.published_at = timezone.now() - timedelta(days=10)
    document.save(update_fields=["published_at"])
    published(people, stated_on=day)
    page = client.get("/xxgk/jyta/").content.decode()
    assert TEXT in page and "一份答复" in page
    assert page.index(TEXT) < page.index("一份答复")


def test_a_standing_page_shows_its_statement_instead_of_nothing(client, people):
    published(people, "zfxxgk/gkzd", text="本局政府信息公开制度正在修订，修订后即公开。")
    page = client.get("/xxgk/zfxxgk/gkzd/").content.decode()
    assert "本局政府信息公开制度正在修订" in page and "本栏目暂无公开信息。" not in page


def test_nothing_shows_for_an_inactive_item(client, people):
    published(people)
    catalogue_items_set_active(items=[item_by_path("jyta")], active=False)
    assert client.get("/xxgk/jyta/").status_code == 404
    assert TEXT not in client.get("/").content.decode()


@pytest.mark.usefixtures("uncached_pages")
def test_the_column_page_stays_within_its_queries(client, people, django_assert_max_num_queries):
    make_published(people, title="一份答复")
    published(people)
    with django_assert_max_num_queries(10):
        assert client.get("/xxgk/jyta/").status_code == 200


def test_a_statement_of_the_same_day_shows_only_if_published_after_the_document(client, people):
    earlier = published(people, text="早于文件的说明。")
    make_published(people, title="一份答复")
    later = published(people, text="晚于文件的说明。")
    page = client.get("/xxgk/jyta/").content.decode()
    assert earlier.text not in page and later.text in page
