"""Citizens' personal data: never public, masked in lists, seen only by those handling it."""

import datetime as dt
import uuid
from io import StringIO

import time_machine
from django.core.management import call_command
from django.test import Client

from disclosure.models import Comment, InformationRequest, PersonalDataView, ReplyType
from disclosure.services.applications import application_receive, application_submit
from disclosure.services.consultations import comment_moderate
from tests.citizens import (
    ADDRESS,
    COMMENT_CONTACT,
    EMAIL,
    ID_NUMBER,
    PHONE,
    application_data,
    comment_form,
    make_consultation,
    prepare_reply,
    reply_upload,
)
from tests.crawling import crawl

SECRETS = [ID_NUMBER, PHONE, ADDRESS, EMAIL, COMMENT_CONTACT]


def test_no_public_page_shows_personal_data_that_was_entered(catalogue, tmp_path):
    from types import SimpleNamespace

    from disclosure.models import Office, StaffMember
    from tests.factories import staff

    call_command(
        "seed_demo",
        accounts_file=str(tmp_path / "accounts.json"),
        stdout=StringIO(),
        stderr=StringIO(),
    )
    office = Office.objects.get(name="行政办公室")
    people = SimpleNamespace(
        editor=staff(office, StaffMember.Role.EDITOR),
        reviewer=staff(office, StaffMember.Role.REVIEWER),
    )
    demo_secrets = []
    for application in InformationRequest.objects.all():
        demo_secrets += [application.id_number, application.phone, application.address]
    # A citizen applies, comments and the office publishes the comment.
    citizen = Client()
    consultation = make_consultation(people)
    assert (
        citizen.post(
            f"/xxgk/doc/{consultation.pk}/yj/", comment_form(name="张先生", contact=COMMENT_CONTACT)
        ).status_code
        == 302
    )
    comment_moderate(
        comment=Comment.objects.latest("id"), actor=people.reviewer, status="published"
    )
    from tests.citizens import application_form

    receipt = citizen.post("/ysqgk/sq/", application_form())
    assert receipt.status_code == 200
    code = receipt.context["code"]
    number = receipt.context["number"]
    application = InformationRequest.objects.get(number=number)
    application_receive(application=application, actor=people.editor)

    pages = crawl(citizen)
    assert len(pages) > 60
    assert f"/xxgk/doc/{consultation.pk}/" in pages
    pages["receipt"] = receipt.content.decode()
    pages["lookup"] = citizen.post("/ysqgk/cx/", {"number": number, "code": code}).content.decode()
    assert "办理中" in pages["lookup"]
    for path, body in pages.items():
        for secret in SECRETS + demo_secrets:
            assert secret not in body, f"{secret} on {path}"


def submitted(people, **fields):
    application, _ = application_submit(
        data=application_data(**fields), client="t", token=uuid.uuid4()
    )
    return application


def test_admin_list_masks_and_only_the_handling_office_sees_in_full(client, people):
    application = submitted(people)
    client.force_login(people.editor)
    listing = client.get("/admin/disclosure/informationrequest/").content.decode()
    assert application.number in listing
    assert "王小明" not in listing and "王**" in listing
    page = client.get(
        f"/admin/disclosure/informationrequest/{application.pk}/change/"
    ).content.decode()
    for secret in (ID_NUMBER, PHONE, ADDRESS, EMAIL, "王小明"):
        assert secret in page
    view = PersonalDataView.objects.get()
    assert (view.user, view.application) == (people.editor, application)

    # Administrators see the record, masked; nothing is logged for them.
    client.force_login(people.admin)
    page = client.get(
        f"/admin/disclosure/informationrequest/{application.pk}/change/"
    ).content.decode()
    for secret in (ID_NUMBER, PHONE, ADDRESS, EMAIL, "王小明"):
        assert secret not in page
    assert "110*************33" in page
    assert PersonalDataView.objects.count() == 1
    assert client.get("/admin/disclosure/personaldataview/").status_code == 200

    # Other offices see nothing of it.
    client.force_login(people.other_reviewer)
    assert (
        application.number
        not in client.get("/admin/disclosure/informationrequest/").content.decode()
    )
    response = client.get(f"/admin/disclosure/informationrequest/{application.pk}/change/")
    assert response.status_code == 302  # Django's "does not exist" redirect to the list
    response = client.get(f"/admin/disclosure/informationrequest/{application.pk}/do/receive/")
    assert response.status_code == 404
    assert client.get("/admin/disclosure/personaldataview/").status_code == 403


def test_staff_handle_an_application_through_the_admin(client, people):
    application = submitted(people)
    client.force_login(people.editor)
    base = f"/admin/disclosure/informationrequest/{application.pk}"
    page = client.get(f"{base}/change/").content.decode()
    assert "确认收到" in page and "延长答复期限" not in page
    assert client.post(f"{base}/do/receive/", {}).status_code == 302
    application.refresh_from_db()
    assert application.status == InformationRequest.Status.RECEIVED
    bad = client.post(f"{base}/do/correction/", {"note": "请补充", "deadline": "2020-01-01"})
    assert "补正期限应晚于今天" in bad.content.decode()
    answer = client.post(
        f"{base}/do/answer/",
        {"reply_type": ReplyType.DISCLOSED, "note": "予以公开", "reply_file": reply_upload()},
    )
    assert answer.status_code == 302
    application.refresh_from_db()
    assert application.status == InformationRequest.Status.REPLY_REVIEW
    assert "审核答复" not in client.get(f"{base}/change/").content.decode()
    download = client.get(f"{base}/reply/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    # The office's reviewer reads the reply and lets it go out.
    client.force_login(people.reviewer)
    page = client.get(f"{base}/change/").content.decode()
    assert "答复待审核" in page and "审核答复" in page
    review = client.get(f"{base}/do/approve_answer/").content.decode()
    assert "审核通过，发出答复" in review
    assert client.post(f"{base}/do/approve_answer/", {}).status_code == 302
    application.refresh_from_db()
    assert application.status == InformationRequest.Status.ANSWERED
    assert application.reply_approved_by == people.reviewer
    client.force_login(people.editor)
    client.force_login(people.admin)
    assert client.get(f"{base}/reply/").status_code == 403
    assert client.post(f"{base}/do/close/", {"note": "已送达"}).status_code == 302
    application.refresh_from_db()
    assert application.status == InformationRequest.Status.ANSWERED


def test_the_extension_button_is_for_the_reviewer(client, people):
    application = submitted(people)
    application_receive(application=application, actor=people.editor)
    base = f"/admin/disclosure/informationrequest/{application.pk}"
    client.force_login(people.reviewer)
    assert "延长答复期限" in client.get(f"{base}/change/").content.decode()
    response = client.post(f"{base}/do/extend/", {"days": "25", "reason": "量大"})
    assert "20" in response.content.decode()
    assert client.post(f"{base}/do/extend/", {"days": "10", "reason": "量大"}).status_code == 302
    application.refresh_from_db()
    assert application.extension_days == 10
    assert application.extension_approved_by == people.reviewer


def test_reply_documents_are_never_served_publicly(client, people):
    application = submitted(people)
    application_receive(application=application, actor=people.editor)
    with time_machine.travel(dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)):
        prepare_reply(application, people.editor)
    application.refresh_from_db()
    assert client.get(f"/media/{application.reply_file.name}").status_code == 404
    assert (
        client.get(f"/admin/disclosure/informationrequest/{application.pk}/reply/").status_code
        == 302
    )


PROBES = [
    ("informationrequest", "id_number__startswith", ID_NUMBER[:3]),
    ("informationrequest", "phone__startswith", PHONE[:3]),
    ("informationrequest", "name__contains", "王"),
    ("informationrequest", "address__icontains", "隐私"),
    ("informationrequest", "id_number", ID_NUMBER),
    ("informationrequest", "office__phone__startswith", "0"),
    ("comment", "contact__startswith", COMMENT_CONTACT[:3]),
    ("comment", "contact", COMMENT_CONTACT),
    ("personaldataview", "application__id_number__startswith", ID_NUMBER[:3]),
]


def test_masked_data_cannot_be_read_back_through_list_lookups(client, people):
    application = submitted(people)
    consultation = make_consultation(people)
    Client().post(f"/xxgk/doc/{consultation.pk}/yj/", comment_form(contact=COMMENT_CONTACT))
    assert Comment.objects.filter(contact=COMMENT_CONTACT).exists()
    for user in (people.admin, people.editor):
        client.force_login(user)
        for model, lookup, value in PROBES:
            url = f"/admin/disclosure/{model}/?id={application.pk}&{lookup}={value}"
            response = client.get(url)
            # 400 for the lookup; 403 where the user may not see the list at all.
            expected = {400, 403} if user == people.editor else {400}
            assert response.status_code in expected, (user, url, response.status_code)
    # The declared filters still work.
    client.force_login(people.admin)
    assert (
        client.get("/admin/disclosure/informationrequest/?status__exact=submitted").status_code
        == 200
    )
    assert client.get("/admin/disclosure/informationrequest/?due=overdue").status_code == 200
    assert client.get("/admin/disclosure/personaldataview/?at__year=2026").status_code == 200
    assert client.get("/admin/disclosure/comment/?status__exact=pending").status_code == 200
