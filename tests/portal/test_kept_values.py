"""Values kept under the content version: built once per version, never past a release."""

from datetime import timedelta

import pytest
from django.utils import timezone

from disclosure.selectors.content import content_state, kept
from disclosure.services.content import content_changed
from tests.factories import make_draft, publish

pytestmark = pytest.mark.django_db


def counter():
    calls = []

    def build():
        calls.append(1)
        return len(calls)

    return build


def test_a_kept_value_is_built_once_per_version():
    build = counter()
    assert kept("probe:1", build) == 1
    assert kept("probe:1", build) == 1
    assert kept("probe:2", build) == 2
    content_changed()
    assert kept("probe:1", build) == 3


def test_while_a_scheduled_document_is_due_the_value_is_built_each_time(people, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    when = timezone.now() + timedelta(minutes=5)
    publish(make_draft(people.editor, title="定时发布", published_at=when), people.reviewer)
    build = counter()
    assert kept("probe", build) == 1
    assert kept("probe", build) == 1
    time_machine.move_to(when + timedelta(seconds=1), tick=False)
    assert kept("probe", build) == 2
    assert kept("probe", build) == 3
    content_changed()
    assert kept("probe", build) == 4
    assert kept("probe", build) == 4


def test_without_the_page_cache_a_scheduled_document_shows_at_its_time(
    client, people, settings, time_machine
):
    settings.PAGE_CACHE = False
    time_machine.move_to(timezone.now(), tick=False)
    when = timezone.now() + timedelta(minutes=5)
    publish(
        make_draft(people.editor, title="关于定时发布的通知", published_at=when), people.reviewer
    )
    for url in ("/", "/xxgk/jyta/"):
        assert "关于定时发布的通知" not in client.get(url).content.decode()
    time_machine.move_to(when + timedelta(seconds=1), tick=False)
    for url in ("/", "/xxgk/jyta/"):
        assert "关于定时发布的通知" in client.get(url).content.decode(), url


def test_with_the_page_cache_off_a_due_release_still_moves_the_version(
    client, people, settings, time_machine
):
    settings.PAGE_CACHE = False
    time_machine.move_to(timezone.now(), tick=False)
    when = timezone.now() + timedelta(minutes=5)
    publish(make_draft(people.editor, title="定时发布", published_at=when), people.reviewer)
    before = content_state()
    time_machine.move_to(when + timedelta(seconds=1), tick=False)
    assert content_state().release_due()
    client.get("/")
    after = content_state()
    assert after.number > before.number
    assert not after.release_due()
