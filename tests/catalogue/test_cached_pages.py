"""Public pages keep the catalogue tree and the site profile under the content version."""

import datetime as dt

import pytest
from django.utils import timezone

from disclosure.models import Publication, SiteProfile
from disclosure.services.content import content_changed
from tests.factories import item_by_path, make_published


def test_a_renamed_item_shows_once_the_content_version_changes(client, catalogue):
    assert "规范性政策文件" not in client.get("/xxgk/").content.decode()
    item = item_by_path("zcfg/zcwj")
    old_name = item.name
    item.name = "规范性政策文件"
    item.save()
    # Saved outside the services, the version did not move: the kept tree is still shown.
    assert old_name in client.get("/xxgk/").content.decode()
    content_changed()
    for url in ("/xxgk/", "/", "/xxgk/zcfg/zcwj/"):
        html = client.get(url).content.decode()
        assert "规范性政策文件" in html, url


def test_an_item_renamed_in_the_admin_shows_at_once(admin_client, client, catalogue):
    item = item_by_path("jyta")
    client.get("/xxgk/")
    page = admin_client.get(f"/admin/disclosure/catalogueitem/{item.pk}/change/")
    form = page.context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update(name="建议提案办理答复", document_fields=form["document_fields"].value() or [])
    data["channels"] = [str(pk) for pk in data.get("channels", [])]
    data["offices"] = [str(pk) for pk in data.get("offices", [])]
    response = admin_client.post(f"/admin/disclosure/catalogueitem/{item.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "建议提案办理答复" in client.get("/xxgk/").content.decode()


def test_the_site_profile_saved_in_the_admin_shows_on_the_next_page(
    admin_client, client, catalogue
):
    client.get("/")
    SiteProfile.objects.update_or_create(id=1, defaults={"name": "扎兰屯市人社局"})
    assert "扎兰屯市人社局" not in client.get("/").content.decode()  # kept under the version
    profile = SiteProfile.load()
    page = admin_client.get(f"/admin/disclosure/siteprofile/{profile.pk}/change/")
    form = page.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data["name"] = "扎兰屯市人力资源和社会保障局（测试）"
    response = admin_client.post(f"/admin/disclosure/siteprofile/{profile.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "扎兰屯市人力资源和社会保障局（测试）" in client.get("/").content.decode()


@pytest.fixture
def documents(people):
    """Documents over several years under 政策文件, one a consultation-free policy with a 解读."""
    made = [
        make_published(
            people,
            "zcfg/zcwj",
            title=f"政策文件{n}",
            doc_number=f"扎人社发〔2026〕{n + 1}号",
            written_on=timezone.localdate(),
        )
        for n in range(6)
    ]
    for n, document in enumerate(made[:4]):
        document.published_at = timezone.now() - dt.timedelta(days=400 * (n + 1))
        document.written_on = timezone.localdate() - dt.timedelta(days=400 * (n + 1))
    Publication.objects.bulk_update(made, ["published_at", "written_on"])
    made[0].related.add(made[1])
    make_published(people, "zcfg/zcjd", title="政策文件5的解读", interprets=made[5])
    return made


def test_public_pages_stay_within_their_queries_cold_and_kept(
    client, documents, django_assert_max_num_queries
):
    urls = [
        "/",
        "/xxgk/",
        "/xxgk/zcfg/zcwj/",
        f"/xxgk/zcfg/zcwj/?year={timezone.localdate().year}&q=政策",
        documents[0].get_absolute_url(),
        documents[5].get_absolute_url(),
        documents[3].get_absolute_url(),
        "/feeds/rss.xml",
        "/sitemap.xml",
    ]
    for url in urls:
        content_changed()  # nothing kept: the first page after a change
        # The first page after a change also reads the catalogue tree, the channels
        # and the site profile (five queries); the 政策文件 list, eleven then.
        cold = 11 if url.startswith("/xxgk/zcfg/zcwj/") else 10
        with django_assert_max_num_queries(cold):
            assert client.get(url).status_code == 200, url
        with django_assert_max_num_queries(6):
            assert client.get(url).status_code == 200, url


def test_kept_pages_read_neither_the_tree_nor_the_profile(client, documents):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/xxgk/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/xxgk/").status_code == 200
    # The version, and nothing else: the tree and the profile come from the cache.
    assert len(queries) == 1, [query["sql"] for query in queries]
    page = client.get(documents[5].get_absolute_url()).content.decode()
    assert "政策文件5的解读" in page
    page = client.get(documents[0].get_absolute_url()).content.decode()
    assert "政策文件1" in page
