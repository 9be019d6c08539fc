"""The 内设机构 and 所属单位 pages change only through a reviewed change."""

import pytest
from django.urls import reverse

from disclosure.exceptions import WorkflowError
from disclosure.models import Office, OfficeProfileChange
from disclosure.services.offices import (
    office_change_approve,
    office_change_return,
    office_change_save_draft,
    office_change_submit,
)

pytestmark = pytest.mark.django_db


def propose(author, office, **fields) -> OfficeProfileChange:
    values = {
        field: getattr(office, field)
        for field in ("duties", "head", "address", "office_hours", "phone")
    }
    values.update(fields)
    return office_change_save_draft(
        change=OfficeProfileChange(office=office, **values), actor=author
    )


def test_a_change_shows_on_the_public_page_only_after_approval(client, people):
    unit = Office.objects.get(name="就业服务中心")
    change = propose(people.editor, unit, head="张主任", phone="0470-1111111")
    office_change_submit(change=change, actor=people.editor)
    assert "张主任" not in client.get("/xxgk/jgjj/ssdw/").content.decode()
    office_change_approve(change=change, actor=people.reviewer)
    html = client.get("/xxgk/jgjj/ssdw/").content.decode()
    assert "张主任" in html and "0470-1111111" in html
    unit.refresh_from_db()
    latest = unit.history.first()
    assert latest.head == "张主任" and latest.history_user == people.reviewer
    assert unit.history.count() >= 2


def test_only_the_responsible_office_may_propose_and_review(people):
    unit = Office.objects.get(name="就业服务中心")
    with pytest.raises(WorkflowError):
        propose(people.other_editor, unit, head="越权")
    change = propose(people.editor, unit, head="新负责人")
    office_change_submit(change=change, actor=people.editor)
    with pytest.raises(WorkflowError):
        office_change_approve(change=change, actor=people.other_reviewer)
    with pytest.raises(WorkflowError):
        office_change_approve(change=change, actor=people.editor)


def test_the_author_cannot_approve_and_a_return_needs_a_reason(people):
    change = propose(people.admin, Office.objects.get(name="行政办公室"), head="某某")
    office_change_submit(change=change, actor=people.admin)
    with pytest.raises(WorkflowError):
        office_change_approve(change=change, actor=people.admin)
    with pytest.raises(WorkflowError, match="退回原因"):
        office_change_return(change=change, actor=people.reviewer, reason="")
    returned = office_change_return(change=change, actor=people.reviewer, reason="电话有误")
    assert returned.status == "draft" and returned.return_reason == "电话有误"


def test_the_admin_flow_and_its_scope(client, people):
    unit = Office.objects.get(name="社会保险服务中心")
    client.force_login(people.editor)
    form = client.get(
        "/admin/disclosure/officeprofilechange/add/", {"office": unit.pk}
    ).content.decode()
    assert "社会保险服务中心" in form
    data = {
        "office": unit.pk,
        "duties": "经办社会保险",
        "head": "李四",
        "address": "",
        "office_hours": "",
        "phone": "0470-2222222",
    }
    response = client.post(f"/admin/disclosure/officeprofilechange/add/?office={unit.pk}", data)
    assert response.status_code == 302
    change = OfficeProfileChange.objects.get()
    client.post(
        reverse("admin:disclosure_officeprofilechange_transition", args=[change.pk, "submit"]),
        {"text": ""},
    )
    client.force_login(people.reviewer)
    page = client.get(
        reverse("admin:disclosure_officeprofilechange_change", args=[change.pk])
    ).content.decode()
    assert "李四" in page and "批准生效" in page
    client.post(
        reverse(
            "admin:disclosure_officeprofilechange_transition", args=[change.pk, "approve_profile"]
        ),
        {"text": ""},
    )
    unit.refresh_from_db()
    assert unit.head == "李四"
    client.force_login(people.other_editor)
    assert client.get("/admin/disclosure/officeprofilechange/").status_code == 403
    assert client.get(
        reverse("admin:disclosure_officeprofilechange_change", args=[change.pk])
    ).status_code in (302, 403)
