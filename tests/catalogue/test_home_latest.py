"""The home page's latest documents and blocks, and a branch page's latest documents."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from disclosure.models import CatalogueItem, Publication
from disclosure.services.publications import publication_withdraw
from tests.factories import item_by_path, make_draft, make_published, publish

pytestmark = pytest.mark.django_db


def section(html: str, heading: str) -> str:
    """The HTML of the section whose heading reads `heading`."""
    match = re.search(rf"<h2 id=\"([\w-]+)\"[^>]*>{heading}</h2>(.*?)</section>", html, re.DOTALL)
    assert match, heading
    return match.group(2)


def listed(html: str) -> list[tuple[str, str, str]]:
    """Each listed document's title, column name (if shown) and date."""
    return [
        (title, column, date)
        for title, column, date in re.findall(
            r'<li>\s*<a href="/xxgk/doc/\d+/">([^<]+)</a>\s*<span class="document-list__meta">\s*'
            r'(?:<a class="latest-list__column" href="[^"]+">([^<]+)</a>)?\s*'
            r'<time datetime="[^"]+">([\d-]+)</time>',
            html,
        )
    ]


def document(people, path: str = "jyta", **fields):
    """A published document under `path` by 行政办公室, with the fields its item requires."""
    item_by_path(path).offices.add(people.admin_office)
    if path == "zcfg/zcwj":
        fields.setdefault("doc_number", f"扎人社发〔2026〕{Publication.objects.count() + 1}号")
        fields.setdefault("written_on", timezone.localdate())
    if path == "zcfg/zcjd" and "interprets" not in fields:
        # A 解读 names its policy: the newest one, or one made for it.
        fields["interprets"] = Publication.objects.filter(
            item=item_by_path("zcfg/zcwj")
        ).first() or document(people, "zcfg/zcwj", title="解读的政策文件")
    return make_published(people, path, **fields)


@pytest.fixture
def dated(people, time_machine):
    """Publishes a document at a given moment, then comes back to now."""
    now = timezone.now()

    def publish_at(when, path="jyta", **fields):
        time_machine.move_to(when)
        publication = document(people, path, **fields)
        time_machine.move_to(now)
        return publication

    time_machine.move_to(now)
    return publish_at


def test_latest_lists_the_newest_public_documents_with_date_and_column(client, dated):
    now = timezone.now()
    for day in range(12):
        dated(now - timedelta(days=day + 1), title=f"第{day + 1}天前的答复")
    policy = dated(now - timedelta(hours=1), "zcfg/zcwj", title="最新的政策文件")
    rows = listed(section(client.get("/").content.decode(), "最新公开信息"))
    assert len(rows) == 10
    assert rows[0] == (
        "最新的政策文件",
        "政策文件",
        timezone.localtime(policy.published_at).strftime("%Y-%m-%d"),
    )
    assert [title for title, _, _ in rows[1:]] == [f"第{day}天前的答复" for day in range(1, 10)]
    assert rows[1][1] == "人大建议、政协提案办理情况"
    dates = [date for _, _, date in rows]
    assert dates == sorted(dates, reverse=True)
    html = client.get("/").content.decode()
    assert f'href="{policy.item.get_absolute_url()}">政策文件</a>' in html


def test_a_new_document_appears_and_a_withdrawn_one_leaves_at_once(client, people):
    assert "本局新发布的通知" not in client.get("/").content.decode()
    notice = document(people, title="本局新发布的通知")
    assert listed(section(client.get("/").content.decode(), "最新公开信息"))[0][:2] == (
        "本局新发布的通知",
        "人大建议、政协提案办理情况",
    )
    publication_withdraw(publication=notice, actor=people.reviewer, reason="内容有误")
    assert "本局新发布的通知" not in client.get("/").content.decode()


def test_a_scheduled_document_appears_only_at_its_time(client, people, time_machine):
    when = timezone.now() + timedelta(days=2)
    publish(make_draft(people.editor, title="定时发布的答复", published_at=when), people.reviewer)
    assert "定时发布的答复" not in client.get("/").content.decode()
    assert "定时发布的答复" not in client.get("/xxgk/zcfg/").content.decode()
    time_machine.move_to(when + timedelta(minutes=1))
    assert listed(section(client.get("/").content.decode(), "最新公开信息"))[0][0] == (
        "定时发布的答复"
    )


def test_documents_of_inactive_items_never_show(client, people):
    document(people, "zdly/wgjy/wgjy", title="稳岗就业的公告")
    document(people, "zcfg/zcjd", title="一份政策解读")
    CatalogueItem.objects.filter(slug="zdly", level=1).update(is_active=False)
    CatalogueItem.objects.filter(slug="zcjd").update(is_active=False)
    html = client.get("/").content.decode()
    assert "稳岗就业的公告" not in html and "一份政策解读" not in html
    assert 'class="card__title">通知公告</h2>' not in html
    assert 'class="card__title">政策解读</h2>' not in html
    assert 'class="card__title">政策文件</h2>' in html


def test_home_blocks_show_their_columns_newest_documents_and_link_to_them(client, people):
    document(people, "zdly/wgjy/wgjy", title="春风行动招聘会公告")
    document(people, "zdly/shbx/shbx", title="养老保险集中缴费的通知")
    document(people, "zcfg/zcwj", title="一份政策文件")
    document(people, "zcfg/zcjd", title="一份政策解读")
    html = client.get("/").content.decode()
    notices = section(html, "通知公告")
    assert [row[0] for row in listed(notices)] == ["养老保险集中缴费的通知", "春风行动招聘会公告"]
    assert '<a href="/xxgk/zdly/">更多' in notices
    policies = section(html, "政策文件")
    assert [row[0] for row in listed(policies)] == ["一份政策文件"]
    assert '<a href="/xxgk/zcfg/zcwj/">更多' in policies
    readings = section(html, "政策解读")
    assert [row[0] for row in listed(readings)] == ["一份政策解读"]
    assert '<a href="/xxgk/zcfg/zcjd/">更多' in readings


def test_a_branch_page_lists_its_descendants_newest_documents(client, dated):
    now = timezone.now()
    dated(now - timedelta(days=3), "zcfg/zcwj", title="较早的政策文件")
    dated(now - timedelta(days=1), "zcfg/zcjd", title="较新的政策解读")
    dated(now - timedelta(hours=1), "jyta", title="别处的答复")
    response = client.get("/xxgk/zcfg/")
    html = response.content.decode()
    assert 'href="/xxgk/zcfg/zcwj/">政策文件</a>' in section(html, "下级事项")
    assert [row[:2] for row in listed(section(html, "最新信息"))] == [
        ("较新的政策解读", "政策解读"),
        ("较早的政策文件", "政策文件"),
    ]
    deep = client.get("/xxgk/zdly/").content.decode()
    assert "本栏目暂无公开信息。" in section(deep, "最新信息")


@pytest.mark.usefixtures("uncached_pages")
def test_home_and_branch_pages_run_a_bounded_number_of_queries(
    client, people, django_assert_max_num_queries
):
    for path in ("jyta", "zcfg/zcwj", "zcfg/zcjd", "zdly/wgjy/wgjy", "zdly/shbx/shbx") * 3:
        document(people, path, title=f"{path}的信息")
    # The first page after a change reads the catalogue tree and the site profile
    # again (four queries more than the pages after it, which take them from the cache).
    for url in ("/", "/xxgk/zcfg/", "/xxgk/zdly/"):
        with django_assert_max_num_queries(10):
            assert client.get(url).status_code == 200


def test_standing_pages_are_not_listed_as_news(client, people):
    document(people, "zfxxgk/gkzn", title="政府信息公开指南（修订）", body="<p>指南正文</p>")
    document(people, title="一份答复")
    rows = listed(section(client.get("/").content.decode(), "最新公开信息"))
    assert [row[0] for row in rows] == ["一份答复"]
    assert "指南正文" in client.get("/xxgk/zfxxgk/gkzn/").content.decode()
