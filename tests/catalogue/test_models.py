"""Catalogue items: the database's constraints, levels, slugs, moves and who is responsible."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from disclosure.models import CatalogueItem, Office
from disclosure.services.catalogue import catalogue_item_save
from tests.factories import item_by_path, make_item

pytestmark = pytest.mark.django_db


def raw_item(**fields) -> CatalogueItem:
    """Saved straight to the database, past model validation, to test the constraints."""
    with transaction.atomic():
        return CatalogueItem.objects.create(**fields)


def assert_refused(**fields) -> None:
    """The database itself refuses to store an item with these fields."""
    with pytest.raises(IntegrityError):
        raw_item(**fields)


def test_database_refuses_levels_outside_one_to_three():
    root = raw_item(name="一级", slug="a", level=1)
    assert_refused(name="零级", slug="z", level=0)
    assert_refused(name="四级", slug="d", level=4, parent=root)


def test_database_refuses_a_root_below_level_one_and_a_child_at_level_one():
    root = raw_item(name="一级", slug="a", level=1)
    assert_refused(name="无上级的二级", slug="b", level=2)
    assert_refused(name="有上级的一级", slug="c", level=1, parent=root)


def test_database_refuses_duplicate_slugs_among_siblings_only():
    root = raw_item(name="一级", slug="a", level=1)
    raw_item(name="子项", slug="same", level=2, parent=root)
    assert_refused(name="另一个子项", slug="same", level=2, parent=root)
    assert_refused(name="另一个一级", slug="a", level=1)
    other = raw_item(name="别的一级", slug="b", level=1)
    raw_item(name="子项", slug="same", level=2, parent=other)


def test_database_refuses_a_group_audience_without_description():
    assert_refused(name="一级", slug="a", level=1, audience=CatalogueItem.Audience.GROUP)


def test_level_follows_the_parent():
    root = make_item("一级")
    child = make_item("二级", parent=root)
    grandchild = make_item("三级", parent=child)
    assert (root.level, child.level, grandchild.level) == (1, 2, 3)


def test_a_fourth_level_is_refused():
    third = make_item("三级", parent=make_item("二级", parent=make_item("一级")))
    with pytest.raises(ValidationError) as error:
        make_item("四级", parent=third)
    assert "最多3级" in str(error.value)


def test_moving_an_item_carries_its_children_and_refuses_too_deep_a_move():
    root = make_item("一级")
    branch = make_item("二级", parent=root)
    leaf = make_item("三级", parent=branch)
    branch.parent = None
    catalogue_item_save(item=branch)
    leaf.refresh_from_db()
    assert (branch.level, leaf.level) == (1, 2)

    other = make_item("另一个二级", parent=make_item("另一个一级"))
    branch.parent = other
    with pytest.raises(ValidationError):
        catalogue_item_save(item=branch)


def test_an_item_cannot_move_under_itself_or_its_descendant():
    root = make_item("一级")
    child = make_item("二级", parent=root)
    root.parent = child
    with pytest.raises(ValidationError) as error:
        catalogue_item_save(item=root)
    assert "它自己或它的下级" in str(error.value)


def test_slug_is_made_from_pinyin_initials_and_kept_unique_among_siblings():
    root = make_item("政策法规")
    assert root.slug == "zcfg"
    first = make_item("政策文件", parent=root)
    second = make_item("政策稳健", parent=root)
    assert (first.slug, second.slug) == ("zcwj", "zcwj-2")


def test_group_audience_needs_a_description():
    with pytest.raises(ValidationError) as error:
        make_item("一级", audience=CatalogueItem.Audience.GROUP)
    assert "audience_note" in error.value.message_dict
    item = make_item("一级", audience=CatalogueItem.Audience.GROUP, audience_note="失业人员")
    assert item.audience_display() == "特定群体（失业人员）"


def test_tree_order_puts_children_after_their_parent_by_order(catalogue):
    names = [(item.level, item.name) for item in CatalogueItem.objects.in_tree_order()[:7]]
    assert names == [
        (1, "机关简介"),
        (2, "基本信息"),
        (2, "领导简介"),
        (2, "机关职能及内设机构"),
        (3, "机关职能"),
        (3, "内设机构"),
        (2, "所属单位"),
    ]


def test_public_hides_inactive_items_and_everything_below_them(catalogue):
    branch = item_by_path("jgjj/znjg")
    branch.is_active = False
    branch.save()
    public = set(CatalogueItem.objects.public().values_list("name", flat=True))
    assert {"机关职能及内设机构", "机关职能", "内设机构"}.isdisjoint(public)
    assert "基本信息" in public


def test_responsible_covers_listed_offices_every_office_and_every_unit(catalogue):
    finance = Office.objects.get(name="财务规划办公室")
    employment = Office.objects.get(name="就业服务中心")
    finance_items = set(CatalogueItem.objects.responsible(finance).values_list("name", flat=True))
    unit_items = set(CatalogueItem.objects.responsible(employment).values_list("name", flat=True))
    assert finance_items == {"政策文件", "政策解读", "财政预算、决算信息"}
    assert unit_items == {"政策文件", "政策解读", "财政预算、决算信息", "稳岗就业"}


def test_responsible_offices_expands_the_scopes(catalogue):
    budget = item_by_path("czyjs/czyjs/czyjs")
    assert [office.name for office in budget.responsible_offices()] == [
        "财务规划办公室",
        "就业服务中心",
        "社会保险服务中心",
    ]
    assert len(item_by_path("zcfg/zcwj").responsible_offices()) == Office.objects.count()
