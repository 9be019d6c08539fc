"""Public document pages and lists: only public documents, metadata, filters, related documents."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from disclosure.models import Publication
from disclosure.services.content import content_changed
from disclosure.services.publications import (
    publication_return,
    publication_start_revision,
    publication_withdraw,
)
from tests.factories import (
    PDF,
    make_draft,
    make_leader,
    make_published,
    submitted_draft,
    with_attachment,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def every_state(people, media):
    """A publication in each state, each with an attachment."""
    draft = make_draft(people.editor, title="草稿的信息")
    submitted = submitted_draft(people.editor, title="待审核的信息")
    returned = submitted_draft(people.editor, title="退回的信息")
    publication_return(publication=returned, actor=people.reviewer, reason="重写")
    scheduled = make_published(
        people, title="定时的信息", published_at=timezone.now() + timedelta(days=1)
    )
    published = make_published(people, title="已发布的信息")
    withdrawn = make_published(people, title="撤回的信息")
    withdrawn = publication_withdraw(
        publication=withdrawn, actor=people.reviewer, reason="内容有误"
    )
    revision = publication_start_revision(publication=published, actor=people.editor)
    states = {
        "draft": draft,
        "submitted": submitted,
        "returned": returned,
        "scheduled": scheduled,
        "published": published,
        "withdrawn": withdrawn,
        "revision": revision,
    }
    for publication in states.values():
        with_attachment(publication)
    return states


def test_only_public_documents_are_served(client, every_state):
    public = set(Publication.objects.public().values_list("pk", flat=True))
    assert public == {every_state["published"].pk}
    for name, publication in every_state.items():
        page = client.get(publication.get_absolute_url())
        attachment = client.get(publication.attachments.first().get_absolute_url())
        if attachment.streaming:
            b"".join(attachment.streaming_content)  # the test client closes the file
        if publication.pk in public:
            assert page.status_code == 200 and attachment.status_code == 200, name
        elif name == "withdrawn":
            assert page.status_code == 410
            assert attachment.status_code == 404
        else:
            assert page.status_code == 404 and attachment.status_code == 404, name


def test_lists_show_only_public_documents(client, every_state):
    html = client.get("/xxgk/jyta/").content.decode()
    assert "已发布的信息" in html
    for name in ("草稿的信息", "待审核的信息", "退回的信息", "定时的信息", "撤回的信息"):
        assert name not in html


def test_a_withdrawn_document_keeps_its_page_with_the_reason(client, every_state):
    response = client.get(every_state["withdrawn"].get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 410
    assert "撤回的信息" in html and "本信息已于" in html and "内容有误" in html
    assert "attachment-list" not in html


def test_every_public_url_is_a_public_document(client, every_state):
    """Every document link a citizen can follow leads to a document in public()."""
    pages = ["/", "/xxgk/", "/xxgk/jyta/", every_state["published"].get_absolute_url()]
    linked = set()
    for url in pages:
        linked |= {
            int(pk)
            for pk in re.findall(r'href="/xxgk/doc/(\d+)/"', client.get(url).content.decode())
        }
    assert linked == set(Publication.objects.public().values_list("pk", flat=True))


def test_the_document_page_shows_the_metadata_box(client, people, media):
    published = make_published(
        people,
        "gfxwj/gfxwj/gfxwj",
        title="扎兰屯市就业补助资金管理办法",
        doc_number="扎人社规〔2026〕1号",
        written_on=timezone.localdate(),
        validity="valid",
        keywords="就业 补助",
    )
    with_attachment(published)
    html = client.get(published.get_absolute_url()).content.decode()
    meta = re.search(r'<table class="doc-meta">.*?</table>', html, re.S).group(0)
    for label, value in (
        ("索引号", published.index_number),
        ("发布机构", "扎兰屯市人力资源和社会保障局"),
        ("文号", "扎人社规〔2026〕1号"),
        ("有效性", "有效"),
        ("主题词", "就业 补助"),
    ):
        assert label in meta and value in meta
    assert "成文日期" in meta and "发布日期" in meta
    assert "通知.pdf" in html
    assert 'href="/xxgk/doc/' in html and "打印本页" in html


def test_related_documents_link_both_ways(client, people):
    policy = make_published(
        people, "zcfg/zcwj", title="政策文件甲", doc_number="1号", written_on=timezone.localdate()
    )
    reply = make_published(people, title="关于政策文件甲的提案答复")
    policy.related.add(reply)
    assert "关于政策文件甲的提案答复" in client.get(policy.get_absolute_url()).content.decode()
    assert "政策文件甲" in client.get(reply.get_absolute_url()).content.decode()


def test_related_unpublished_documents_are_not_linked(client, people):
    policy = make_published(people, title="公开的")
    draft = make_draft(people.editor, title="未公开的相关草稿")
    policy.related.add(draft)
    assert "未公开的相关草稿" not in client.get(policy.get_absolute_url()).content.decode()


def test_the_print_view_has_the_document_and_no_navigation(client, people):
    published = make_published(people, title="打印测试")
    html = client.get(published.print_url()).content.decode()
    assert "打印测试" in html and "catalogue-nav" not in html and "data-print" in html


def test_attachments_are_served_safely_under_their_own_name(client, every_state):
    attachment = every_state["published"].attachments.first()
    response = client.get(attachment.get_absolute_url())
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=utf-8''%E9%80%9A%E7%9F%A5.pdf" in disposition
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF
    assert "sandbox" in response["Content-Security-Policy"]


def list_titles(client, url, **query) -> list[str]:
    html = client.get(url, query).content.decode()
    block = re.search(r'<ol class="document-list">(.*?)</ol>', html, re.S)
    return re.findall(r'<a href="/xxgk/doc/\d+/">([^<]+)</a>', block.group(1)) if block else []


@pytest.fixture
def rules(people):
    """Three normative documents of different years, numbers and validity."""
    made = []
    for title, number, validity in (
        ("就业补助资金管理办法", "扎人社规〔2026〕1号", "valid"),
        ("职业培训补贴细则", "扎人社规〔2022〕2号", "repealed"),
        ("失业保险金申领办法", "扎人社规〔2021〕3号", "expired"),
    ):
        extra = {"validity_changed_on": timezone.localdate()} if validity != "valid" else {}
        made.append(
            make_published(
                people,
                "gfxwj/gfxwj/gfxwj",
                title=title,
                doc_number=number,
                written_on=timezone.localdate(),
                validity=validity,
                keywords=title[:2],
                **extra,
            )
        )
    made[1].published_at = made[2].published_at = timezone.now() - timedelta(days=400)
    Publication.objects.bulk_update(made, ["published_at"])
    return made


URL = "/xxgk/gfxwj/gfxwj/gfxwj/"


def test_filters_by_keyword_number_year_and_validity(client, rules):
    last_year = str(timezone.localdate().year - 1) if timezone.localdate().month > 2 else None
    assert list_titles(client, URL, q="补助") == ["就业补助资金管理办法"]
    assert list_titles(client, URL, doc_number="2022") == ["职业培训补贴细则"]
    assert list_titles(client, URL, validity="expired") == ["失业保险金申领办法"]
    assert set(list_titles(client, URL, year=str(timezone.localdate().year))) >= {
        "就业补助资金管理办法"
    }
    if last_year:
        assert set(list_titles(client, URL, year=last_year)) == {
            "职业培训补贴细则",
            "失业保险金申领办法",
        }
    assert len(list_titles(client, URL)) == 3


@pytest.mark.parametrize("query", [{"year": "abc"}, {"year": "1900"}, {"validity": "nonsense"}])
def test_bad_filter_values_show_the_whole_list_with_a_message(client, rules, query):
    response = client.get(URL, query)
    assert response.status_code == 200
    assert "筛选条件有误" in response.content.decode()
    assert len(list_titles(client, URL, **query)) == 3


def test_a_nul_character_in_a_filter_is_a_chinese_400(client, rules):
    response = client.get(URL, {"year": "2026\x00"})
    assert response.status_code == 400
    assert "请求有误" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"office": "999999"},
        {"office": "x"},
        {"page": "zz"},
        {"page": "-1"},
        {"page": "99999"},
        {"q": "x" * 5000},
        {"unknown": "1"},
    ],
)
def test_odd_query_values_never_fail(client, rules, query):
    for url in (URL, "/xxgk/zcfg/zcwj/"):
        assert client.get(url, query).status_code == 200


def test_a_bad_office_shows_the_whole_list_with_a_message(client, people):
    response = client.get("/xxgk/zcfg/zcwj/", {"office": "999999"})
    assert "筛选条件有误" in response.content.decode()


def test_filters_that_do_not_apply_are_not_shown(client, people):
    html = client.get("/xxgk/jyta/").content.decode()
    assert 'name="validity"' not in html and 'name="doc_number"' not in html
    assert 'name="q"' in html and 'name="year"' in html
    html = client.get(URL).content.decode()
    assert 'name="validity"' in html and 'name="doc_number"' in html
    html = client.get("/xxgk/zcfg/zcwj/").content.decode()
    assert 'name="office"' in html


def test_lists_are_paginated(client, people):
    for n in range(23):
        make_published(people, title=f"分页测试{n:02d}")
    first = client.get("/xxgk/jyta/").content.decode()
    second = client.get("/xxgk/jyta/", {"page": 2}).content.decode()
    assert first.count("分页测试") == 20 and second.count("分页测试") == 3
    assert "共信息23条" in first and "第2页，共2页" in second


def test_standing_pages_and_leaders_render_from_publications(client, people, media):
    page = make_published(people, "jgjj/jbxx", title="基本信息", body="<p>办公地址：某路1号</p>")
    html = client.get("/xxgk/jgjj/jbxx/").content.decode()
    assert "办公地址：某路1号" in html and page.get_absolute_url() in html
    leader = make_leader(people)
    html = client.get("/xxgk/jgjj/ldjj/").content.decode()
    assert "王建华" in html and "局长" in html and f"/xxgk/doc/{leader.pk}/photo/" in html
    photo = client.get(f"/xxgk/doc/{leader.pk}/photo/")
    assert photo.status_code == 200 and photo["Content-Type"] == "image/png"
    assert b"".join(photo.streaming_content).startswith(b"\x89PNG")


@pytest.mark.usefixtures("uncached_pages")
def test_public_pages_use_a_bounded_number_of_queries(
    client, people, django_assert_max_num_queries
):
    published = [make_published(people, title=f"查询{n}") for n in range(5)]
    for publication in published[1:]:
        published[0].related.add(publication)
    for url in (
        "/xxgk/jyta/",
        "/xxgk/jyta/?q=查询&year=2026",
        published[0].get_absolute_url(),
        published[0].print_url(),
    ):
        with django_assert_max_num_queries(10):
            assert client.get(url).status_code == 200


def test_a_repealed_rule_says_so_and_links_the_rule_that_replaced_it(client, rules):
    current, repealed, expired = rules
    repealed.replaced_by = current
    repealed.save(update_fields=["replaced_by"])
    page = client.get(repealed.get_absolute_url()).content.decode()
    banner = page[page.index('class="notice notice--invalid"') :]
    assert f"本文件已于{timezone.localdate():%Y年}" in banner and "废止" in banner[:200]
    assert f'href="{current.get_absolute_url()}"' in banner[:400]
    expired_page = client.get(expired.get_absolute_url()).content.decode()
    assert "notice--invalid" in expired_page and "现行文件" not in expired_page
    assert "notice--invalid" not in client.get(current.get_absolute_url()).content.decode()


def test_validity_shows_only_under_items_that_have_it(client, rules, people):
    assert "有效性" in client.get(rules[0].get_absolute_url()).content.decode()
    reply = make_published(people, title="建议答复")
    assert "有效性" not in client.get(reply.get_absolute_url()).content.decode()


def test_only_a_repealed_or_expired_rule_names_a_replacement(rules):
    from django.core.exceptions import ValidationError

    current, repealed, _ = rules
    current.replaced_by = repealed
    with pytest.raises(ValidationError, match="只有失效或废止的文件"):
        current.full_clean()
    repealed.replaced_by = repealed
    with pytest.raises(ValidationError, match="不能是本文件自己"):
        repealed.full_clean()


@pytest.mark.parametrize(
    "typed",
    [
        "扎人社规〔2022〕2号",
        "扎人社规[2022]2号",
        "扎人社规（2022）2号",
        "扎人社规(2022)2号",
        "扎人社规【2022】2号",
        "扎人社规〔２０２２〕２号",
        "扎人社规 [2022] 2号",
        "(2022)",
    ],
)
def test_a_doc_number_is_found_whichever_brackets_and_digits_it_is_typed_with(client, rules, typed):
    assert list_titles(client, URL, doc_number=typed) == ["职业培训补贴细则"]


def test_staff_search_finds_a_doc_number_typed_with_other_brackets(client, rules, people):
    client.force_login(people.editor)
    page = client.get("/admin/disclosure/publication/", {"q": "扎人社规[2022]2号"}).content.decode()
    assert "职业培训补贴细则" in page and "就业补助资金管理办法" not in page


def test_year_filters_offer_only_years_with_documents_and_the_year_written(client, rules, people):
    this_year = timezone.localdate().year
    published_years = {timezone.localtime(p.published_at).year for p in rules}
    page = client.get(URL).content.decode()
    offered = set(
        map(
            int,
            re.findall(
                r'<option value="(\d{4})"', page.split('name="year"')[1].split("</select>")[0]
            ),
        )
    )
    assert offered == published_years
    assert 'name="written_year"' in page
    old = rules[2]
    old.written_on = timezone.localdate().replace(year=2019)
    old.save(update_fields=["written_on"])
    content_changed()  # as the service that changes a public document does
    page = client.get(URL).content.decode()
    written = page.split('name="written_year"')[1].split("</select>")[0]
    assert set(map(int, re.findall(r'<option value="(\d{4})"', written))) == {this_year, 2019}
    assert list_titles(client, URL, written_year="2019") == [old.title]
    # An item without 成文日期 has no such filter.
    assert 'name="written_year"' not in client.get("/xxgk/jyta/").content.decode()
