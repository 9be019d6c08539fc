"""The open-data API's documents: public ones only, their fields, pages, filters and changes."""

import re
from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from disclosure.models import CatalogueItem, Publication
from disclosure.services.publications import (
    publication_save_draft,
    publication_start_revision,
    publication_withdraw,
)
from tests.factories import (
    PDF,
    item_by_path,
    make_draft,
    make_published,
    publish,
    submitted_draft,
    with_attachment,
)

pytestmark = pytest.mark.django_db

ISO_BEIJING = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$")
BEIJING = timezone.get_fixed_timezone(8 * 60)


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["title"] for row in response.json()["results"]]


@pytest.fixture
def documents(people):
    """Documents in every state; the public ones published oldest to newest as listed last."""
    now = timezone.now()
    hidden = {
        "draft": make_draft(people.editor, title="草稿的信息"),
        "submitted": submitted_draft(people.editor, title="待审核的信息"),
        "scheduled": make_published(
            people, title="定时的信息", published_at=now + timedelta(days=1)
        ),
        "withdrawn": make_published(people, title="撤回的信息"),
        "inactive": make_published(people, "zfxxgk/ndbg", title="停用栏目下的信息"),
    }
    publication_withdraw(publication=hidden["withdrawn"], actor=people.reviewer, reason="内容有误")
    CatalogueItem.objects.filter(pk=hidden["inactive"].item.parent_id).update(is_active=False)
    older = make_published(people, title="较早的答复")
    policy = publish(
        make_draft(
            people.other_editor,
            "zcfg/zcwj",
            title="关于就业补贴的通知",
            office=people.employment,
            doc_number="扎人社发〔2026〕1号",
            written_on=timezone.localdate() - timedelta(days=3),
        ),
        people.other_reviewer,
    )
    with_attachment(policy, name="补贴申请表.pdf")
    revision = publication_start_revision(publication=older, actor=people.editor)
    revision.title = "修改中尚未审核的标题"
    publication_save_draft(publication=revision, actor=people.editor)
    newest = make_published(people, title="最新的答复")
    return {"older": older, "policy": policy, "newest": newest, "hidden": hidden}


def test_lists_public_documents_only_newest_first(client, documents):
    response = client.get("/api/v1/documents/")
    assert titles(response) == ["最新的答复", "关于就业补贴的通知", "较早的答复"]
    assert response.json()["count"] == 3
    assert "修改中尚未审核的标题" not in response.content.decode()


def test_nothing_unpublished_has_a_detail(client, documents):
    for key in ("draft", "submitted", "scheduled", "inactive"):
        response = client.get(f"/api/v1/documents/{documents['hidden'][key].pk}/")
        assert response.status_code == 404, key
        assert response.json() == {"error": "没有这条公开的信息。"}
    revision = Publication.objects.get(revision_of=documents["older"])
    assert client.get(f"/api/v1/documents/{revision.pk}/").status_code == 404
    assert client.get("/api/v1/documents/99999999999999999999/").status_code == 404


def test_a_withdrawn_document_answers_410_with_its_date_only(client, documents):
    withdrawn = documents["hidden"]["withdrawn"]
    withdrawn.refresh_from_db()
    response = client.get(f"/api/v1/documents/{withdrawn.pk}/")
    assert response.status_code == 410
    assert response.json() == {
        "error": "该信息已撤回。",
        "id": withdrawn.pk,
        "withdrawn_at": timezone.localtime(withdrawn.withdrawn_at).isoformat(timespec="seconds"),
    }
    assert "撤回的信息" not in response.content.decode()


def test_a_scheduled_document_joins_at_its_time(client, documents, time_machine):
    scheduled = documents["hidden"]["scheduled"]
    assert "定时的信息" not in titles(client.get("/api/v1/documents/"))
    time_machine.move_to(scheduled.published_at + timedelta(minutes=1))
    assert titles(client.get("/api/v1/documents/"))[0] == "定时的信息"
    assert client.get(f"/api/v1/documents/{scheduled.pk}/").status_code == 200


def test_a_document_has_its_metadata_and_attachments(client, documents):
    policy = documents["policy"]
    policy.refresh_from_db()
    response = client.get(f"/api/v1/documents/{policy.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "关于就业补贴的通知" in response.content.decode()  # readable, not \u escapes
    data = response.json()
    attachment = policy.attachments.get()
    assert data == {
        "id": policy.pk,
        "index_number": policy.index_number,
        "title": "关于就业补贴的通知",
        "doc_number": "扎人社发〔2026〕1号",
        "written_on": policy.written_on.isoformat(),
        "formed_on": policy.formed_on.isoformat(),
        "published_at": data["published_at"],
        "validity": None,
        "validity_changed_on": None,
        "item": {"id": policy.item_id, "path": "zcfg/zcwj", "name": "政策文件"},
        "office": {"id": policy.office_id, "name": "就业服务中心"},
        "url": f"http://testserver/xxgk/doc/{policy.pk}/",
        "attachments": [
            {
                "name": "补贴申请表.pdf",
                "type": "application/pdf",
                "size": attachment.size,
                "url": f"http://testserver/xxgk/doc/{policy.pk}/files/{attachment.pk}/",
            }
        ],
        "updated_at": data["updated_at"],
        "changed_at": data["changed_at"],
    }
    assert policy.index_number
    for field in ("published_at", "updated_at", "changed_at"):
        assert ISO_BEIJING.match(data[field]), data[field]
    assert datetime.fromisoformat(data["published_at"]) == policy.published_at.replace(
        microsecond=0
    )
    # The listed attachment is the file citizens download.
    download = client.get(data["attachments"][0]["url"].removeprefix("http://testserver"))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF


def test_validity_is_shown_as_its_chinese_name(client, people):
    document = make_published(
        people,
        "gfxwj/gfxwj/gfxwj",
        title="规范性文件",
        doc_number="扎人社规〔2026〕1号",
        written_on=timezone.localdate(),
        validity=Publication.Validity.VALID,
    )
    data = client.get(f"/api/v1/documents/{document.pk}/").json()
    assert data["validity"] == "有效"
    assert data["item"]["path"] == "gfxwj/gfxwj/gfxwj"


def test_pages_link_to_each_other_and_keep_the_filters(client, people):
    for number in range(5):
        make_published(people, title=f"答复{number}")
    first = client.get("/api/v1/documents/?page_size=2&item=jyta").json()
    assert first["count"] == 5
    assert [row["title"] for row in first["results"]] == ["答复4", "答复3"]
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/documents/?page_size=2&item=jyta&page=2"
    second = client.get(first["next"].removeprefix("http://testserver")).json()
    assert [row["title"] for row in second["results"]] == ["答复2", "答复1"]
    assert second["previous"] == "http://testserver/api/v1/documents/?page_size=2&item=jyta&page=1"
    last = client.get(second["next"].removeprefix("http://testserver")).json()
    assert [row["title"] for row in last["results"]] == ["答复0"]
    assert last["next"] is None


def test_documents_published_at_the_same_moment_keep_one_order(client, people):
    made = [make_published(people, title=f"同时{number}") for number in range(4)]
    moment = timezone.now() - timedelta(hours=1)
    Publication.objects.filter(pk__in=[doc.pk for doc in made]).update(published_at=moment)
    pages = [
        client.get(f"/api/v1/documents/?page_size=1&page={page}").json()["results"][0]["id"]
        for page in (1, 2, 3, 4)
    ]
    assert pages == sorted((doc.pk for doc in made), reverse=True)


def test_a_page_past_the_last_is_404_and_no_documents_is_an_empty_first_page(client, people):
    empty = client.get("/api/v1/documents/")
    assert empty.status_code == 200
    assert empty.json() == {"count": 0, "next": None, "previous": None, "results": []}
    make_published(people)
    for page in ("2", "99999999999999999999999", "9" * 5000):
        response = client.get(f"/api/v1/documents/?page={page}")
        assert response.status_code == 404
        assert response.json() == {"error": "没有这一页，共 1 页。"}


def test_default_and_largest_page_size(client, people):
    draft = make_published(people, title="模板")
    rows = [
        Publication(
            item=draft.item,
            office=draft.office,
            title=f"批量{number}",
            status=Publication.Status.PUBLISHED,
            published_at=draft.published_at - timedelta(minutes=number + 1),
            formed_on=draft.formed_on,
            created_by=draft.created_by,
            index_number=f"{draft.index_number}-{number}",
        )
        for number in range(120)
    ]
    Publication.objects.bulk_create(rows)
    assert len(client.get("/api/v1/documents/").json()["results"]) == 20
    big = client.get("/api/v1/documents/?page_size=100").json()
    assert big["count"] == 121
    assert len(big["results"]) == 100


def test_filter_by_item_includes_its_sub_items(client, documents, people):
    leaf = documents["policy"]
    interpretation = make_published(people, "zcfg/zcjd", title="政策解读稿", interprets=leaf)
    by_path = titles(client.get("/api/v1/documents/?item=zcfg"))
    assert by_path == [interpretation.title, "关于就业补贴的通知"]
    by_id = titles(client.get(f"/api/v1/documents/?item={item_by_path('zcfg').pk}"))
    assert by_id == by_path
    assert titles(client.get("/api/v1/documents/?item=zcfg/zcwj/")) == ["关于就业补贴的通知"]
    assert titles(client.get("/api/v1/documents/?item=jyta")) == ["最新的答复", "较早的答复"]


def test_an_inactive_item_is_not_a_filter(client, documents):
    response = client.get("/api/v1/documents/?item=zfxxgk/ndbg")
    assert response.status_code == 400
    assert response.json()["error"] == "没有这个公开的目录事项，请从 /api/v1/items/ 中选择。"


def test_filter_by_office(client, documents, people):
    assert titles(client.get(f"/api/v1/documents/?office={people.employment.pk}")) == [
        "关于就业补贴的通知"
    ]
    assert titles(client.get(f"/api/v1/documents/?office={people.admin_office.pk}")) == [
        "最新的答复",
        "较早的答复",
    ]


def at(time_machine, text: str):
    time_machine.move_to(datetime.fromisoformat(text).replace(tzinfo=BEIJING), tick=False)


def test_changed_since_lists_published_or_revised_documents_oldest_change_first(
    client, people, time_machine
):
    at(time_machine, "2026-01-10T09:00:00")
    early = make_published(people, title="一月初的答复")
    at(time_machine, "2026-02-01T09:00:00")
    make_published(people, title="二月的答复")
    scheduled = make_published(
        people, title="定时三月的答复", published_at=datetime(2026, 3, 1, 9, tzinfo=BEIJING)
    )
    assert titles(client.get("/api/v1/documents/?changed_since=2026-01-20")) == ["二月的答复"]

    at(time_machine, "2026-02-05T09:00:00")
    revision = publication_start_revision(publication=early, actor=people.editor)
    revision.title = "一月初的答复（修订）"
    revision.change_note = "更正错字"
    publication_save_draft(publication=revision, actor=people.editor)
    # A revision under review changes nothing public.
    assert titles(client.get("/api/v1/documents/?changed_since=2026-02-03")) == []
    at(time_machine, "2026-02-06T09:00:00")
    publish(revision, people.reviewer)
    changed = client.get("/api/v1/documents/?changed_since=2026-01-20").json()["results"]
    assert [row["title"] for row in changed] == ["二月的答复", "一月初的答复（修订）"]
    assert changed[1]["changed_at"] == "2026-02-06T09:00:00+08:00"
    assert changed[1]["published_at"] == "2026-01-10T09:00:00+08:00"

    # The scheduled document is not there before its time, and is, as changed then, after.
    assert "定时三月的答复" not in titles(client.get("/api/v1/documents/?changed_since=2026-02-01"))
    at(time_machine, "2026-03-02T09:00:00")
    response = client.get("/api/v1/documents/?changed_since=2026-02-28T00:00:00%2B08:00")
    assert titles(response) == ["定时三月的答复"]
    assert response.json()["results"][0]["changed_at"] == "2026-03-01T09:00:00+08:00"
    assert response.json()["results"][0]["id"] == scheduled.pk


def test_changed_since_reads_times_with_and_without_an_offset(client, people, time_machine):
    at(time_machine, "2026-01-10T09:00:00")
    make_published(people, title="九点的答复")
    for since, listed in [
        ("2026-01-10T09:00:00", True),  # Beijing time when no offset is given
        ("2026-01-10T09:00:01", False),
        ("2026-01-10T01:00:00Z", True),
        ("2026-01-10T01:00:01+00:00", False),
        ("2026-01-10", True),
        ("2026-01-11", False),
    ]:
        query = since.replace("+", "%2B")
        found = titles(client.get(f"/api/v1/documents/?changed_since={query}"))
        assert found == (["九点的答复"] if listed else []), since


def test_a_page_of_100_documents_takes_a_bounded_number_of_queries(
    client, people, django_assert_max_num_queries
):
    first = make_published(people, title="第一份")
    with_attachment(first)
    policy = make_published(
        people,
        "zcfg/zcwj",
        title="第二份",
        doc_number="扎人社发〔2026〕2号",
        written_on=timezone.localdate(),
    )
    with_attachment(policy)
    for number in range(120):
        copy = Publication.objects.get(pk=first.pk if number % 2 else policy.pk)
        copy.pk = None
        copy.index_number = f"{copy.index_number}-{number}"
        copy.published_at -= timedelta(minutes=number + 1)
        copy.save()
        with_attachment(copy, name=f"附件{number}.pdf")
    client.get("/api/v1/")  # the limiter's first count of this client makes its lock row
    client.get("/api/v1/documents/?page_size=1")  # the tree is read once, then kept
    with CaptureQueriesContext(connection) as one:
        client.get("/api/v1/documents/?page_size=1")
    # The limiter's seven or so, the content version (the tree is kept), the count,
    # the page's ids, rows and attachments.
    with django_assert_max_num_queries(15), CaptureQueriesContext(connection) as hundred:
        response = client.get("/api/v1/documents/?page_size=100")
    assert len(hundred) == len(one)
    data = response.json()
    assert len(data["results"]) == 100
    assert all(len(row["attachments"]) == 1 for row in data["results"])
    with django_assert_max_num_queries(15):
        response = client.get("/api/v1/documents/?page_size=100&changed_since=2020-01-01&item=zcfg")
    assert response.json()["count"] == 61


def test_withdrawn_documents_are_listed_apart_by_their_withdrawal(client, people, time_machine):
    at(time_machine, "2026-01-10T09:00:00")
    first = make_published(people, title="一月撤回的答复")
    second = make_published(people, title="二月撤回的答复")
    make_published(people, title="仍然公开的答复")
    draft = make_draft(people.editor, title="从未公开的草稿")
    publication_withdraw(publication=first, actor=people.reviewer, reason="内容有误")
    at(time_machine, "2026-02-10T09:00:00")
    publication_withdraw(publication=second, actor=people.reviewer, reason="已被替代")

    response = client.get("/api/v1/withdrawn/")
    assert titles(response) == ["二月撤回的答复", "一月撤回的答复"]
    row = response.json()["results"][0]
    assert row == {
        "id": second.pk,
        "index_number": second.index_number,
        "title": "二月撤回的答复",
        "withdrawn_at": "2026-02-10T09:00:00+08:00",
        "url": f"http://testserver/xxgk/doc/{second.pk}/",
    }
    assert "已被替代" not in response.content.decode()
    assert titles(client.get("/api/v1/withdrawn/?changed_since=2026-02-01")) == ["二月撤回的答复"]
    assert titles(client.get("/api/v1/withdrawn/?changed_since=2026-01-01")) == [
        "一月撤回的答复",
        "二月撤回的答复",
    ]
    assert "从未公开的草稿" not in client.get("/api/v1/withdrawn/").content.decode()
    assert draft.pk not in [row["id"] for row in client.get("/api/v1/withdrawn/").json()["results"]]
    bad = client.get("/api/v1/withdrawn/?changed_since=%E6%98%A8%E5%A4%A9")
    assert bad.status_code == 400
    assert bad.json()["error"].startswith("changed_since 不是有效的日期或时间")


def test_a_withdrawn_document_under_an_inactive_item_is_not_listed(client, people):
    document = make_published(people, "zfxxgk/ndbg", title="停用栏目下撤回的信息")
    publication_withdraw(publication=document, actor=people.reviewer, reason="内容有误")
    assert titles(client.get("/api/v1/withdrawn/")) == ["停用栏目下撤回的信息"]
    CatalogueItem.objects.filter(pk=document.item.parent_id).update(is_active=False)
    assert titles(client.get("/api/v1/withdrawn/")) == []
