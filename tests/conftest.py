import pytest
from django.core.management import call_command
from django.utils import timezone

from disclosure.models import CatalogueItem, Office


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Uploaded files of a test go to its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def catalogue(db):
    """The bureau's real catalogue, as `make run` loads it."""
    call_command("loaddata", "catalogue", verbosity=0)


@pytest.fixture
def office(db) -> Office:
    return Office.objects.create(name="测试股", kind=Office.Kind.SECTION)


def make_item(name: str, parent: CatalogueItem | None = None, **fields) -> CatalogueItem:
    """A saved item through the same service the admin uses."""
    from disclosure.services.catalogue import catalogue_item_save

    return catalogue_item_save(item=CatalogueItem(name=name, parent=parent, **fields))


def item_by_path(path: str) -> CatalogueItem:
    """The item at a slug path such as "zcfg/zcwj"."""
    return CatalogueItem.objects.get_by_path(path)


def make_staff(username: str, office: Office, role: str):
    from django.contrib.auth.models import User

    from disclosure.models import StaffMember

    user = User.objects.create_user(username, password="a-long-password-1", is_staff=True)
    StaffMember.objects.create(user=user, office=office, role=role)
    return user


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


def make_draft(author, item_path: str = "jyta", **fields):
    from disclosure.models import Publication
    from disclosure.services.publications import publication_save_draft

    item = item_by_path(item_path)
    fields.setdefault("title", "关于政协提案办理情况的答复")
    fields.setdefault("body", "<p>答复正文</p>")
    fields.setdefault("office", Office.objects.get(name="行政办公室"))
    fields.setdefault("formed_on", timezone.localdate())
    publication = Publication(item=item, **fields)
    return publication_save_draft(publication=publication, actor=author)


def publish(draft, reviewer, **extra):
    from disclosure.services.publications import publication_approve, publication_submit

    publication_submit(publication=draft, actor=draft.created_by)
    return publication_approve(
        publication=draft, actor=reviewer, confidentiality_note="经审查，不涉密", **extra
    )
