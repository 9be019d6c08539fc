"""Public pages kept for anonymous visitors: served from the cache, and never stale."""

import re
from datetime import timedelta

import pytest
import redis
from django.core.cache import caches
from django.test import Client
from django.utils import timezone

from disclosure.models import Publication, SiteProfile
from disclosure.selectors.content import content_state
from disclosure.services.catalogue import catalogue_item_save
from disclosure.services.publications import (
    publication_approve,
    publication_start_revision,
    publication_submit,
    publication_withdraw,
)
from portal.cache import RedisCache
from tests.citizens import application_form, comment_form, make_consultation
from tests.factories import item_by_path, make_draft, make_published, publish, with_attachment
from tests.portal.test_cache import redis_answers, use_redis

pytestmark = pytest.mark.django_db

LIST = "/xxgk/jyta/"


@pytest.fixture(autouse=True, params=["local memory", "Redis"])
def page_cache_on(request, settings):
    """Every test runs with each process's own cache, as one server has it, and with
    Redis, as several servers share it (REDIS_URL)."""
    prefix = None
    if request.param == "Redis":
        if not redis_answers():
            pytest.skip("Redis does not answer on 127.0.0.1:6379")
        use_redis(settings, "redis://127.0.0.1:6379/0")
        assert isinstance(caches["default"], RedisCache)
        prefix = settings.CACHES["default"]["KEY_PREFIX"]
    settings.PAGE_CACHE = True
    settings.PAGE_CACHE_SECONDS = 600
    yield
    if prefix:
        server = redis.Redis.from_url("redis://127.0.0.1:6379/0")
        keys = list(server.scan_iter(f"{prefix}:*"))
        if keys:
            server.delete(*keys)


def kept(client, url: str, **extra):
    """A page asked for twice: the second answer comes from the cache."""
    first = client.get(url, **extra)
    second = client.get(url, **extra)
    assert first["X-Cache"] == "miss" and second["X-Cache"] == "hit", url
    assert second.content == first.content
    return second


def text(response) -> str:
    return response.content.decode()


def test_a_kept_page_costs_one_query_and_says_who_may_keep_it(
    client, people, django_assert_max_num_queries
):
    document = make_published(people, title="关于缓存测试的通知")
    for url in ("/", "/xxgk/", LIST, document.get_absolute_url(), "/feeds/rss.xml"):
        kept(client, url)
        with django_assert_max_num_queries(1):
            response = client.get(url)
        assert response["X-Cache"] == "hit"
        assert "public" in response["Cache-Control"] and "max-age=0" in response["Cache-Control"]
        assert "Cookie" in response.get("Vary", "") or not url.endswith("/")
        assert response["ETag"] and response["Last-Modified"]
        # The headers the page was built with come back with it.
        assert "default-src 'self'" in response["Content-Security-Policy"]
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"


def test_the_version_read_gives_the_next_release_as_an_aware_time(people):
    later = timezone.now() + timedelta(days=2)
    publish(make_draft(people.editor, title="定时发布的通知", published_at=later), people.reviewer)
    state = content_state()
    assert state.next_release_at == later
    assert timezone.is_aware(state.next_release_at)
    assert 2 * 86400 - 60 < state.seconds_to_release() <= 2 * 86400


def test_a_published_document_appears_at_once(client, people):
    assert "关于缓存测试的通知" not in text(kept(client, LIST))
    document = make_published(people, title="关于缓存测试的通知")
    assert "关于缓存测试的通知" in text(client.get(LIST))
    assert "关于缓存测试的通知" in text(client.get("/"))
    assert client.get(document.get_absolute_url()).status_code == 200


def test_a_withdrawn_document_is_gone_at_once(client, people):
    document = make_published(people, title="关于缓存测试的通知")
    kept(client, document.get_absolute_url())
    assert "关于缓存测试的通知" in text(kept(client, LIST))
    publication_withdraw(publication=document, actor=people.reviewer, reason="内容有误")
    page = client.get(document.get_absolute_url())
    assert page.status_code == 410 and "内容有误" in text(page)
    assert "关于缓存测试的通知" not in text(client.get(LIST))


def test_a_revision_shows_its_new_text_at_once(client, people):
    document = make_published(people, body="<p>旧的正文内容</p>")
    assert "旧的正文内容" in text(kept(client, document.get_absolute_url()))
    revision = publication_start_revision(publication=document, actor=people.editor)
    revision.body = "<p>新的正文内容</p>"
    revision.change_note = "更正正文"
    revision.save()
    # The revision in review changes nothing public: the kept page is still right.
    assert client.get(document.get_absolute_url())["X-Cache"] == "hit"
    publication_submit(publication=revision, actor=people.editor)
    publication_approve(publication=revision, actor=people.reviewer, confidentiality_note="不涉密")
    page = text(client.get(document.get_absolute_url()))
    assert "新的正文内容" in page and "旧的正文内容" not in page


def test_a_scheduled_document_appears_at_its_time_and_not_before(client, people, time_machine):
    # Away from midnight in Beijing: pages are kept per day.
    morning = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
    time_machine.move_to(morning, tick=False)
    when = timezone.now() + timedelta(minutes=5)
    document = publish(
        make_draft(people.editor, title="关于定时发布的通知", published_at=when), people.reviewer
    )
    assert "关于定时发布的通知" not in text(kept(client, LIST))
    assert client.get(document.get_absolute_url()).status_code == 404
    time_machine.move_to(when - timedelta(seconds=1), tick=False)
    assert client.get(LIST)["X-Cache"] == "hit"
    time_machine.move_to(when + timedelta(seconds=1), tick=False)
    assert "关于定时发布的通知" in text(client.get(LIST))
    assert client.get(document.get_absolute_url()).status_code == 200


def test_the_site_profile_shows_in_the_footer_at_once(client, people, admin_client):
    assert "0470-1234567" not in text(kept(client, "/"))
    profile, _ = SiteProfile.objects.get_or_create(id=1)
    data = {
        field.name: getattr(profile, field.name) or ""
        for field in SiteProfile._meta.fields
        if field.name != "id"
    }
    data["phone"] = "0470-1234567"
    response = admin_client.post(f"/admin/disclosure/siteprofile/{profile.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "0470-1234567" in text(client.get("/"))


def test_a_renamed_catalogue_item_shows_at_once(client, people):
    assert "就业创业补贴公示" not in text(kept(client, "/xxgk/"))
    item = item_by_path("jyta")
    item.name = "就业创业补贴公示"
    catalogue_item_save(item=item)
    assert "就业创业补贴公示" in text(client.get("/xxgk/"))


def test_staff_always_see_live_pages_and_never_leave_theirs_behind(client, people):
    staff = Client()
    staff.force_login(people.editor)
    staff_page = staff.get("/")
    assert "X-Cache" not in staff_page
    assert "public" not in staff_page.get("Cache-Control", "")
    # Nothing the staff member was shown was kept for anonymous visitors.
    assert client.get("/")["X-Cache"] == "miss"
    kept(client, LIST)
    # And staff are never given the kept page.
    assert "X-Cache" not in staff.get(LIST)


def test_the_elder_mode_and_the_text_size_are_pages_of_their_own(client, people):
    document = make_published(people)
    standard = kept(client, document.get_absolute_url())
    client.cookies["mode"] = "elder"
    elder = client.get(document.get_absolute_url())
    assert elder["X-Cache"] == "miss" and elder.content != standard.content
    large = client.get(document.get_absolute_url() + "?size=large")
    assert large["X-Cache"] == "miss"


@pytest.mark.parametrize("form", ["consultation", "application"])
def test_form_pages_give_every_visitor_a_valid_token(people, settings, form):
    settings.SPAM_MIN_SECONDS = 0
    if form == "consultation":
        url = make_consultation(people).get_absolute_url()
        target, data = f"/xxgk/doc/{Publication.objects.get().pk}/yj/", comment_form()
    else:
        url, target, data = "/ysqgk/sq/", "/ysqgk/sq/", application_form()
    for _ in range(2):
        visitor = Client(enforce_csrf_checks=True)
        visitor.get(url)
        second = visitor.get(url)
        assert "X-Cache" not in second
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text(second)).group(1)
        response = visitor.post(target, {**data, "csrfmiddlewaretoken": token})
        assert response.status_code == 302 or "申请已提交" in text(response), response


def test_an_unchanged_page_is_answered_with_304(client, people):
    document = make_published(people)
    url = document.get_absolute_url()
    fresh = client.get(url)
    assert client.get(url, headers={"If-None-Match": fresh["ETag"]}).status_code == 304
    hit = client.get(url)
    assert hit["ETag"] == fresh["ETag"]
    assert client.get(url, headers={"If-None-Match": hit["ETag"]}).status_code == 304
    since = client.get(url, headers={"If-Modified-Since": hit["Last-Modified"]})
    assert since.status_code == 304
    publication_withdraw(publication=document, actor=people.reviewer, reason="内容有误")
    assert client.get(url, headers={"If-None-Match": hit["ETag"]}).status_code == 410


def test_an_unchanged_attachment_is_answered_with_304_until_withdrawn(client, people):
    draft = make_draft(people.editor)
    attachment = with_attachment(draft)
    document = publish(draft, people.reviewer)
    url = attachment.get_absolute_url()
    first = client.get(url)
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    assert "no-cache" in first["Cache-Control"]
    b"".join(first.streaming_content)
    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304
    since = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304
    publication_withdraw(publication=document, actor=people.reviewer, reason="内容有误")
    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 404


def test_nothing_is_kept_with_the_cache_off(client, people, settings):
    settings.PAGE_CACHE = False
    client.get("/")
    assert "X-Cache" not in client.get("/")


def test_the_api_and_the_admin_are_never_kept(client, people):
    for url in ("/api/v1/items/", "/admin/login/"):
        client.get(url)
        assert "X-Cache" not in client.get(url)
