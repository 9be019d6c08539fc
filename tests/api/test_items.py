"""The open-data API's catalogue: the public items, in tree order, with their rules and offices."""

import pytest

from disclosure.models import CatalogueItem, Channel
from tests.factories import item_by_path, make_item

pytestmark = pytest.mark.django_db


def all_items(client) -> list[dict]:
    rows, url = [], "/api/v1/items/?page_size=100"
    while url:
        response = client.get(url)
        assert response.status_code == 200
        rows += response.json()["results"]
        url = (response.json()["next"] or "").removeprefix("http://testserver")
    return rows


def test_lists_the_public_catalogue_in_tree_order(client, catalogue):
    rows = all_items(client)
    public = CatalogueItem.objects.public()
    assert len(rows) == public.count()
    paths = [row["path"] for row in rows]
    assert paths[:3] == ["jgjj", "jgjj/jbxx", "jgjj/ldjj"]
    assert paths.index("zcfg") < paths.index("zcfg/zcwj") < paths.index("zcfg/zcjd")


def test_an_item_has_its_rules_and_offices(client, people):
    item = item_by_path("zcfg/zcwj")
    item.channels.set(Channel.objects.all()[:2])
    item.offices.set([people.admin_office, people.employment])
    CatalogueItem.objects.filter(pk=item.pk).update(
        audience=CatalogueItem.Audience.GROUP,
        audience_note="失业登记人员",
        deadline_text="信息形成或者变更之日起20个工作日内",
        basis="《中华人民共和国政府信息公开条例》第二十条",
    )
    response = client.get(f"/api/v1/items/{item.pk}/")
    assert response.status_code == 200
    data = response.json()
    item.refresh_from_db()
    assert data == {
        "id": item.pk,
        "path": "zcfg/zcwj",
        "name": "政策文件",
        "level": 2,
        "parent": item_by_path("zcfg").pk,
        "content": item.content,
        "deadline_text": "信息形成或者变更之日起20个工作日内",
        "publisher": item.publisher,
        "channels": [channel.name for channel in item.channels.all()],
        "audience": "特定群体",
        "audience_note": "失业登记人员",
        "office_scope": item.get_office_scope_display(),
        "offices": [office.name for office in item.offices.all()],
        "office_text": item.office_display(),
        "basis": "《中华人民共和国政府信息公开条例》第二十条",
        "mode": "主动公开",
        "levels": item.get_levels_display(),
        "url": "http://testserver/xxgk/zcfg/zcwj/",
        "documents_url": f"http://testserver/api/v1/documents/?item={item.pk}",
    }
    assert len(data["channels"]) == 2
    assert set(data["offices"]) == {"行政办公室", "就业服务中心"}
    assert data["publisher"]


def test_inactive_items_and_those_under_them_are_left_out(client, catalogue):
    parent = item_by_path("zfxxgk")
    child = item_by_path("zfxxgk/ndbg")
    hidden = make_item("停用的事项", is_active=False)
    CatalogueItem.objects.filter(pk=parent.pk).update(is_active=False)
    paths = [row["path"] for row in all_items(client)]
    assert not [path for path in paths if path.startswith("zfxxgk")]
    for pk in (parent.pk, child.pk, hidden.pk):
        response = client.get(f"/api/v1/items/{pk}/")
        assert response.status_code == 404
        assert response.json() == {"error": "没有这个公开的目录事项。"}


def test_items_are_paged(client, catalogue):
    first = client.get("/api/v1/items/?page_size=5").json()
    assert first["count"] == CatalogueItem.objects.public().count()
    assert len(first["results"]) == 5
    assert first["next"] == "http://testserver/api/v1/items/?page_size=5&page=2"
    assert client.get("/api/v1/items/?page=999").status_code == 404


def test_the_catalogue_takes_a_bounded_number_of_queries(
    client, catalogue, django_assert_max_num_queries
):
    # The content version, then the tree (three queries) until it is kept.
    with django_assert_max_num_queries(15):
        response = client.get("/api/v1/items/?page_size=100")
    assert len(response.json()["results"]) == CatalogueItem.objects.public().count()
