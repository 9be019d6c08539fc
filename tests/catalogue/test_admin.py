"""The catalogue in the admin: the tree, its edits and what they do to the public site."""

import re

import pytest
from django.contrib.auth.models import User

from disclosure.models import CatalogueItem, Channel, Office
from tests.factories import item_by_path

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/disclosure/catalogueitem/"


def form_data(item: CatalogueItem, **changes) -> dict:
    data = {
        "parent": item.parent_id or "",
        "name": item.name,
        "slug": item.slug,
        "order": item.order,
        "presentation": item.presentation,
        "is_active": "on" if item.is_active else "",
        "content": item.content,
        "deadline_text": item.deadline_text,
        "publisher": item.publisher,
        "basis": item.basis,
        "mode": item.mode,
        "levels": item.levels,
        "beyond_seed": "on" if item.beyond_seed else "",
        "channels": [c.pk for c in item.channels.all()],
        "audience": item.audience,
        "audience_note": item.audience_note,
        "office_scope": item.office_scope,
        "offices": [o.pk for o in item.offices.all()],
        "office_text": item.office_text,
        "document_fields": list(item.document_fields),
        "report_role": item.report_role,
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value not in ("", None, [])}


def test_changelist_shows_the_tree_in_order_with_indentation(admin_client, catalogue):
    html = admin_client.get(CHANGELIST).content.decode()
    names = re.findall(r'<span class="tree-level-(\d)">([^<]*)</span>', html)
    assert len(names) == CatalogueItem.objects.count()
    assert names[:5] == [
        ("1", "机关简介"),
        ("2", "\u3000\u3000└ 基本信息"),
        ("2", "\u3000\u3000└ 领导简介"),
        ("2", "\u3000\u3000└ 机关职能及内设机构"),
        ("3", "\u3000\u3000\u3000\u3000└ 机关职能"),
    ]


def test_changelist_filters_by_office_and_level(admin_client, catalogue):
    finance = Office.objects.get(name="财务规划办公室")
    html = admin_client.get(CHANGELIST, {"office": finance.pk}).content.decode()
    names = {name.split("└ ")[-1] for name in re.findall(r'tree-level-\d">([^<]*)<', html)}
    assert names == {"政策文件", "政策解读", "财政预算、决算信息"}
    html = admin_client.get(CHANGELIST, {"level__exact": 3}).content.decode()
    assert len(re.findall(r'tree-level-3"', html)) == 6
    assert "tree-level-1" not in html
    assert admin_client.get(CHANGELIST, {"office": "abc"}).status_code == 200


def test_adding_an_item_makes_its_slug_level_and_public_page(admin_client, catalogue, client):
    parent = item_by_path("zcfg")
    response = admin_client.post(
        f"{CHANGELIST}add/",
        {
            "parent": parent.pk,
            "name": "政策问答",
            "order": 3,
            "presentation": "documents",
            "is_active": "on",
            "content": "常见政策问题的解答",
            "deadline_text": "及时公开",
            "publisher": "扎兰屯市人力资源和社会保障局",
            "mode": "proactive",
            "levels": "county",
            "channels": [Channel.objects.get(name="政府网站").pk],
            "audience": "public",
            "office_scope": "listed",
            "offices": [Office.objects.get(name="就业服务中心").pk],
        },
    )
    assert response.status_code == 302, response.content.decode()
    item = CatalogueItem.objects.get(name="政策问答")
    assert (item.slug, item.level) == ("zcwd", 2)
    page = client.get("/xxgk/zcfg/zcwd/")
    assert page.status_code == 200 and "常见政策问题的解答" in page.content.decode()
    assert "政策问答" in client.get("/xxgk/").content.decode()


def test_editing_an_item_shows_on_the_public_site(admin_client, catalogue, client):
    item = item_by_path("zdly/wgjy/wgjy")
    response = admin_client.post(
        f"{CHANGELIST}{item.pk}/change/",
        form_data(
            item,
            content="就业服务、招聘会信息和就业补助资金公示",
            deadline_text="信息形成之日起10个工作日内",
        ),
    )
    assert response.status_code == 302
    html = client.get("/xxgk/").content.decode()
    assert "就业服务、招聘会信息和就业补助资金公示" in html
    assert "信息形成之日起10个工作日内" in html


def test_reordering_in_the_changelist_changes_the_public_order(admin_client, catalogue, client):
    items = list(CatalogueItem.objects.in_tree_order())
    data = {"form-TOTAL_FORMS": len(items), "form-INITIAL_FORMS": len(items), "_save": "保存"}
    for index, item in enumerate(items):
        order = item.order
        if item.name == "意见征集及反馈":
            order = 0
        data[f"form-{index}-id"] = item.pk
        data[f"form-{index}-order"] = order
    response = admin_client.post(CHANGELIST, data)
    assert response.status_code == 302
    html = client.get("/xxgk/").content.decode()
    assert html.index("意见征集及反馈") < html.index("机关简介</a>")


def test_moving_an_item_too_deep_is_refused_with_a_chinese_message(admin_client, catalogue):
    branch = item_by_path("jgjj/znjg")
    target = item_by_path("zcfg/zcwj")
    response = admin_client.post(
        f"{CHANGELIST}{branch.pk}/change/", form_data(branch, parent=target.pk)
    )
    assert response.status_code == 200
    assert "目录最多3级" in response.content.decode()
    branch.refresh_from_db()
    assert branch.parent.name == "机关简介"


def test_a_row_needs_a_responsible_office(admin_client, catalogue):
    item = item_by_path("jyta")
    response = admin_client.post(f"{CHANGELIST}{item.pk}/change/", form_data(item, offices=[]))
    assert response.status_code == 200
    assert "请勾选负责本事项的科室或单位" in response.content.decode()


def test_deactivating_hides_an_item_and_keeps_it(admin_client, catalogue, client):
    item = item_by_path("zcfg/zcjd")
    response = admin_client.post(
        CHANGELIST, {"action": "deactivate", "_selected_action": [item.pk]}
    )
    assert response.status_code == 302
    assert CatalogueItem.objects.filter(pk=item.pk, is_active=False).exists()
    assert client.get("/xxgk/zcfg/zcjd/").status_code == 404
    admin_client.post(CHANGELIST, {"action": "activate", "_selected_action": [item.pk]})
    assert client.get("/xxgk/zcfg/zcjd/").status_code == 200


def test_items_with_children_cannot_be_deleted_and_bulk_delete_is_gone(admin_client, catalogue):
    root = item_by_path("jgjj")
    assert admin_client.get(f"{CHANGELIST}{root.pk}/delete/").status_code == 403
    assert admin_client.post(f"{CHANGELIST}{root.pk}/delete/", {"post": "yes"}).status_code == 403
    assert CatalogueItem.objects.filter(pk=root.pk).exists()
    assert "delete_selected" not in admin_client.get(CHANGELIST).content.decode()


def test_offices_channels_and_profile_are_maintained_in_the_admin(admin_client, catalogue, client):
    for url in (
        "/admin/disclosure/office/",
        "/admin/disclosure/office/add/",
        "/admin/disclosure/channel/",
        "/admin/disclosure/channel/add/",
    ):
        assert admin_client.get(url).status_code == 200, url
    response = admin_client.get("/admin/disclosure/siteprofile/")
    assert response.status_code == 302
    response = admin_client.post(
        response.url,
        {
            "name": "扎兰屯市人力资源和社会保障局",
            "website_code": "1507830099",
            "icp_record": "蒙ICP备99999999号",
        },
    )
    assert response.status_code == 302
    footer = client.get("/").content.decode()
    assert "1507830099" in footer and "蒙ICP备99999999号" in footer


def test_the_admin_speaks_chinese(admin_client, catalogue):
    html = admin_client.get(CHANGELIST).content.decode()
    assert "主动公开事项目录" in html and "导出Excel" in html and "导入Excel" in html


def test_staff_without_permission_cannot_reach_the_catalogue(client, catalogue):
    user = User.objects.create_user("clerk", password="a-long-password-1", is_staff=True)
    client.force_login(user)
    assert client.get(CHANGELIST).status_code == 403
    assert client.get(f"{CHANGELIST}export/").status_code in (302, 403)
    assert client.get(f"{CHANGELIST}import/").status_code in (302, 403)


def test_administrators_choose_what_documents_under_an_item_must_carry(
    admin_client, catalogue, people
):
    parent = item_by_path("zcfg")
    response = admin_client.post(
        "/admin/disclosure/catalogueitem/add/",
        {
            "parent": parent.pk,
            "name": "人事考试公告",
            "order": 9,
            "presentation": "documents",
            "is_active": "on",
            "content": "考试公告的标题、文号、成文日期",
            "deadline_text": "信息形成或者变更之日起20个工作日内",
            "publisher": "扎兰屯市人力资源和社会保障局",
            "mode": "proactive",
            "levels": "county",
            "audience": "public",
            "office_scope": "listed",
            "offices": [Office.objects.get(name="行政办公室").pk],
            "document_fields": ["doc_number", "written_on"],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    item = CatalogueItem.objects.get(name="人事考试公告")
    assert item.document_fields == ["doc_number", "written_on"]
    editor_form = admin_client.get(f"/admin/disclosure/publication/add/?item={item.pk}")
    page = editor_form.content.decode()
    assert '<label class="required" for="id_doc_number">' in page
    assert '<label class="required" for="id_written_on">' in page
    assert 'name="validity"' not in page


def test_structured_lists_take_no_document_fields(admin_client, catalogue):
    item = item_by_path("jgjj/znjg/nsjg")
    response = admin_client.post(
        f"/admin/disclosure/catalogueitem/{item.pk}/change/",
        form_data(item, document_fields=["doc_number"]),
    )
    assert response.status_code == 200
    assert "不需要设置文件必填信息" in response.content.decode()
    item.refresh_from_db()
    assert item.document_fields == []


def test_the_item_form_explains_and_offers_every_document_field(admin_client, catalogue):
    page = admin_client.get(
        f"/admin/disclosure/catalogueitem/{item_by_path('zcfg/zcwj').pk}/change/"
    )
    html = page.content.decode()
    assert "文件必填信息" in html and "勾选的在文件表单中显示并且必填" in html
    for value in ("doc_number", "written_on", "validity", "budget_year", "approved_on"):
        assert f'value="{value}"' in html
    assert re.search(r'value="doc_number"[^>]*checked', html)


def test_the_item_form_sets_what_an_item_stands_for_in_the_annual_report(admin_client, catalogue):
    normative = item_by_path("gfxwj/gfxwj/gfxwj")
    html = admin_client.get(f"{CHANGELIST}{normative.pk}/change/").content.decode()
    assert "年度报告用途" in html
    assert re.search(r'<option value="normative" selected>', html)
    # Saving the item keeps its role; a second item for the report itself is refused.
    response = admin_client.post(f"{CHANGELIST}{normative.pk}/change/", form_data(normative))
    assert response.status_code == 302
    normative.refresh_from_db()
    assert normative.report_role == CatalogueItem.ReportRole.NORMATIVE
    policy = item_by_path("zcfg/zcwj")
    response = admin_client.post(
        f"{CHANGELIST}{policy.pk}/change/", form_data(policy, report_role="annual_report")
    )
    assert response.status_code == 200
    assert "年度报告只能在一个事项下发布" in response.content.decode()
    policy.refresh_from_db()
    assert policy.report_role == ""
    listed = admin_client.get(CHANGELIST, {"report_role__exact": "annual_report"})
    assert "政府信息公开年报" in listed.content.decode()
    assert "政策解读" not in listed.content.decode()


def test_the_admin_form_saves_the_standard_catalogue_fields(admin_client, catalogue):
    item = item_by_path("zcfg/zcjd")
    url = f"{CHANGELIST}{item.pk}/change/"
    page = admin_client.get(url).content.decode()
    assert "公开依据、方式和层级" in page and "目录外增设" in page
    response = admin_client.post(
        url,
        form_data(
            item, basis="《关于全面推进政务公开工作的意见》", mode="on_request", levels="both"
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    item.refresh_from_db()
    assert (item.basis, item.mode, item.levels, item.beyond_seed) == (
        "《关于全面推进政务公开工作的意见》",
        "on_request",
        "both",
        False,
    )
    response = admin_client.post(url, form_data(item, mode="secret"))
    assert response.status_code == 200
    assert "选择一个有效的选项" in response.content.decode()
    item.refresh_from_db()
    assert item.mode == "on_request"
