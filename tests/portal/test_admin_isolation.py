"""No admin route shows one office another office's unpublished work.

The walk requests every URL the admin site has, with every publication of
the other office in every unpublished state, as an editor and as a reviewer
of a second office, and looks for the secret titles in every answer.
"""

import json
import re

import pytest
from django.contrib import admin
from django.urls import URLPattern, URLResolver, reverse

from disclosure.models import Publication
from disclosure.services.publications import publication_start_revision
from tests.factories import make_draft, make_published, submitted_draft

pytestmark = pytest.mark.django_db

SECRET = "机密草稿"


@pytest.fixture
def secrets_of_office_a(people):
    """Publications of 行政办公室 that nobody else may see: draft, submitted, revision."""
    draft = make_draft(people.editor, title=f"{SECRET}一")
    submitted = submitted_draft(people.editor, title=f"{SECRET}二")
    live = make_published(people, title="已公开的文件")
    revision = publication_start_revision(publication=live, actor=people.editor)
    revision.title = f"{SECRET}三"
    revision.save()
    secrets = [draft, submitted, revision]
    for secret in secrets:
        secret.refresh_from_db()
    return secrets


def admin_paths() -> list[tuple[str, URLPattern]]:
    """Every URL pattern of the admin site, with its route as a string."""
    found = []

    def walk(patterns, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern):
                found.append((route, pattern))

    walk(admin.site.get_urls(), "")
    return found


def fill(route: str, publication: Publication) -> list[str]:
    """Concrete URLs for a route, with the publication's id wherever an id goes."""
    history_id = publication.history.first().history_id
    route = route.lstrip("^").rstrip("$")
    route = re.sub(
        r"<int:object_id>|<path:object_id>|\(\?P<object_id>[^)]*\)", str(publication.pk), route
    )
    route = route.replace("<int:history_id>", str(history_id))
    route = route.replace("<str:action>", "{action}")
    route = re.sub(r"<[^>]+>|\(\?P<[^>]+>[^)]*\)", "x", route)
    route = route.replace("\\", "")
    urls = [f"/admin/{route}"]
    if "{action}" in urls[0]:
        urls = [
            urls[0].format(action=a) for a in ("submit", "return", "approve", "withdraw", "revise")
        ]
    return urls


@pytest.mark.parametrize("intruder", ["other_editor", "other_reviewer"])
def test_every_admin_url_keeps_other_offices_unpublished_work_hidden(
    client, people, secrets_of_office_a, intruder
):
    user = getattr(people, intruder)
    checked = 0
    for route, _pattern in admin_paths():
        for secret in secrets_of_office_a:
            for url in fill(route, secret):
                for method in ("get", "post"):
                    # Logging in before each request: the walk also posts to the logout URL.
                    client.force_login(user)
                    response = getattr(client, method)(url, follow=False)
                    body = response.content.decode(errors="replace")
                    assert SECRET not in body, f"{method.upper()} {url} shows a secret"
                    checked += 1
    assert checked > 100
    for secret in secrets_of_office_a:
        fresh = Publication.objects.get(pk=secret.pk)
        assert (fresh.status, fresh.title) == (secret.status, secret.title)


@pytest.mark.parametrize("intruder", ["other_editor", "other_reviewer"])
def test_lists_search_filters_and_autocomplete_show_only_own_office(
    client, people, secrets_of_office_a, intruder
):
    client.force_login(getattr(people, intruder))
    changelist = "/admin/disclosure/publication/"
    item = secrets_of_office_a[0].item_id
    for query in (
        {},
        {"q": "草稿"},
        {"item": item},
        {"office": people.admin_office.pk},
        {"state": "draft"},
        {"state": "submitted"},
        {"state": "revision"},
        {"q": "", "o": "1"},
    ):
        response = client.get(changelist, query)
        assert response.status_code == 200
        assert SECRET not in response.content.decode()
    autocomplete = client.get(
        "/admin/autocomplete/",
        {
            "app_label": "disclosure",
            "model_name": "publication",
            "field_name": "related",
            "term": SECRET,
        },
    )
    assert autocomplete.status_code == 200
    assert json.loads(autocomplete.content)["results"] == []
    public = client.get(
        "/admin/autocomplete/",
        {
            "app_label": "disclosure",
            "model_name": "publication",
            "field_name": "related",
            "term": "已公开",
        },
    )
    assert [r["text"] for r in json.loads(public.content)["results"]] == ["已公开的文件"]


def test_the_own_office_sees_its_work(client, people, secrets_of_office_a):
    client.force_login(people.reviewer)
    body = client.get("/admin/disclosure/publication/").content.decode()
    assert all(secret.title in body for secret in secrets_of_office_a)


def test_intruders_cannot_act_on_another_offices_submission(client, people, secrets_of_office_a):
    submitted = secrets_of_office_a[1]
    client.force_login(people.other_reviewer)
    url = reverse("admin:disclosure_publication_transition", args=[submitted.pk, "approve"])
    response = client.post(url, {"text": "同意"})
    assert response.status_code == 404
    submitted.refresh_from_db()
    assert submitted.status == Publication.Status.SUBMITTED


def test_editors_can_only_choose_their_offices_items(client, people):
    client.force_login(people.other_editor)
    body = client.get("/admin/disclosure/publication/add/").content.decode()
    assert "稳岗就业" in body and "人大建议" not in body
    response = client.get("/admin/disclosure/publication/add/", {"item": secrets_item(people)})
    assert "选择要发布信息的目录事项" in response.content.decode()


def secrets_item(people):
    from tests.factories import item_by_path

    return item_by_path("jyta").pk


def test_people_without_an_office_see_nothing(client, people, secrets_of_office_a):
    from django.contrib.auth.models import User

    clerk = User.objects.create_user("clerk", password="a-long-password-1", is_staff=True)
    client.force_login(clerk)
    assert client.get("/admin/disclosure/publication/").status_code == 403
    assert client.get(
        f"/admin/disclosure/publication/{secrets_of_office_a[0].pk}/change/"
    ).status_code in (302, 403)
