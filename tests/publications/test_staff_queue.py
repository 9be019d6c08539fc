"""A document sent back says why, and each member of staff sees their own queue."""

import uuid

import pytest

from disclosure.services.applications import application_submit
from disclosure.services.publications import publication_return, publication_submit
from tests.citizens import application_data
from tests.factories import make_draft, submitted_draft

pytestmark = pytest.mark.django_db
LIST = "/admin/disclosure/publication/"


def sent_back(people, title="关于政协提案办理情况的答复", reason="请补充办理结果和联系人。"):
    draft = submitted_draft(people.editor, title=title)
    return publication_return(publication=draft, actor=people.reviewer, reason=reason)


def queue(client, user) -> dict[str, int]:
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return {entry.label: entry.count for entry in response.context["queue"]}


def test_a_returned_document_shows_the_reason_to_its_editor(client, people):
    returned = sent_back(people)
    assert returned.state_label() == "已退回"
    client.force_login(people.editor)
    page = client.get(f"/admin/disclosure/publication/{returned.pk}/change/").content.decode()
    assert 'class="returned-banner"' in page
    assert "请补充办理结果和联系人。" in page
    assert page.index("returned-banner") < page.index('id="workflow-title"')


def test_the_list_tells_returned_documents_from_fresh_drafts(client, people):
    returned = sent_back(people, title="被退回的答复")
    fresh = make_draft(people.editor, title="新起草的答复")
    client.force_login(people.editor)
    everything = client.get(LIST).content.decode()
    assert "已退回" in everything and "草稿" in everything
    returned_only = client.get(LIST, {"state": "returned"}).content.decode()
    assert returned.title in returned_only and fresh.title not in returned_only
    drafts_only = client.get(LIST, {"state": "draft"}).content.decode()
    assert fresh.title in drafts_only and returned.title not in drafts_only


def test_resubmitting_clears_the_return_reason(people):
    returned = sent_back(people)
    submitted = publication_submit(publication=returned, actor=people.editor)
    assert submitted.return_reason == "" and submitted.state_label() == "待审核"


def test_each_user_sees_their_own_queue_on_the_admin_home(client, people):
    sent_back(people, title="被退回的答复")
    submitted_draft(people.editor, title="等待审核的答复")
    application_submit(data=application_data(), client="c", token=uuid.uuid4())

    editor = queue(client, people.editor)
    assert editor["被退回的信息"] == 1
    assert editor["逾期未发布的信息"] == 0
    assert editor["待确认收到的申请"] == 1
    assert "待审核的信息" not in editor

    reviewer = queue(client, people.reviewer)
    assert reviewer["待审核的信息"] == 1
    assert reviewer["待确认收到的申请"] == 1

    # Another office sees nothing of this office's work.
    other = queue(client, people.other_reviewer)
    assert other["待审核的信息"] == 0
    assert "待确认收到的申请" not in other
