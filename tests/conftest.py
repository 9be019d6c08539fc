import pytest
from django.core.management import call_command

from disclosure.models import CatalogueItem, Office


@pytest.fixture
def catalogue(db):
    """The bureau's real catalogue, as `make run` loads it."""
    call_command("loaddata", "catalogue", verbosity=0)


@pytest.fixture
def office(db) -> Office:
    return Office.objects.create(name="测试股", kind=Office.Kind.SECTION)


def make_item(name: str, parent: CatalogueItem | None = None, **fields) -> CatalogueItem:
    """A saved item through the same service the admin uses."""
    from disclosure.services import catalogue_item_save

    return catalogue_item_save(item=CatalogueItem(name=name, parent=parent, **fields))


def item_by_path(path: str) -> CatalogueItem:
    """The item at a slug path such as "zcfg/zcwj"."""
    slugs = path.split("/")
    lookup = {}
    for depth, slug in enumerate(reversed(slugs)):
        lookup["__".join(["parent"] * depth + ["slug"])] = slug
    lookup["__".join(["parent"] * len(slugs) + ["isnull"])] = True
    return CatalogueItem.objects.get(**lookup)
