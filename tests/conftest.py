"""Fixtures shared by every test: settings for speed and isolation, the catalogue, the people."""

import pytest
from django.core.cache import cache
from django.core.management import call_command

from disclosure.models import Office
from disclosure.selectors.catalogue import forget_catalogue_in_process
from disclosure.selectors.content import forget_texts_in_process
from tests.factories import make_staff


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Uploaded files of a test go to its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with nothing kept: no page, no count of the rate limits; and each test's
    database starts again at content version 1."""
    cache.clear()
    forget_catalogue_in_process()
    forget_texts_in_process()
    yield
    cache.clear()
    forget_catalogue_in_process()
    forget_texts_in_process()


@pytest.fixture
def uncached_pages(settings):
    """For tests that count the queries a page's rendering costs: a page served from the
    cache costs none of them, and a page rendered costs the content version's query as
    well. tests/portal/test_page_cache.py counts those."""
    settings.PAGE_CACHE = False


@pytest.fixture
def catalogue(db):
    """The bureau's real catalogue, as `make run` loads it."""
    call_command("loaddata", "catalogue", verbosity=0)


@pytest.fixture
def office(db) -> Office:
    return Office.objects.create(name="测试股", kind=Office.Kind.SECTION)


@pytest.fixture
def people(catalogue):
    """An editor and a reviewer in two offices, and an administrator."""
    from types import SimpleNamespace

    from django.contrib.auth.models import User

    from disclosure.models import StaffMember

    admin_office = Office.objects.get(name="行政办公室")
    employment = Office.objects.get(name="就业服务中心")
    return SimpleNamespace(
        admin_office=admin_office,
        employment=employment,
        editor=make_staff("editor", admin_office, StaffMember.Role.EDITOR),
        reviewer=make_staff("reviewer", admin_office, StaffMember.Role.REVIEWER),
        other_editor=make_staff("other_editor", employment, StaffMember.Role.EDITOR),
        other_reviewer=make_staff("other_reviewer", employment, StaffMember.Role.REVIEWER),
        admin=User.objects.create_superuser("boss", password="a-long-password-1"),
    )


@pytest.fixture
def local_site(settings):
    """A web server on 127.0.0.1 with good, redirected, missing and slow pages (tests/link_server.py).

    The link checker may ask it, though it is on a private address.
    """
    settings.LINK_CHECK_PRIVATE_ADDRESSES = True
    from tests.link_server import local_site

    with local_site() as server:
        yield server
