"""Demo documents in every state under every document item, with attachments,
政策解读 naming their policies (one with a 图解 in its body), the standing pages and the leaders with their photos.

The documents go through the same workflow services as real ones, so their
events and history are real too.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from demo.dates import YEAR
from demo.files import JOB_FAIR_PDF, PDF, infographic, portrait
from demo.staff import Role, office_for, publish, staff
from demo.texts import DOCUMENTS, INFOGRAPHIC, INTERPRETS, LEADERS, PAGES, paragraphs
from disclosure.lib.deadlines import due_date, uses_calendar
from disclosure.lib.uploads import check_attachment
from disclosure.models import Attachment, CatalogueItem, DocumentField, HolidaySchedule, Publication
from disclosure.services.publications import (
    publication_return,
    publication_save_draft,
    publication_submit,
    publication_withdraw,
)

Status = Publication.Status


def _item(path: str) -> CatalogueItem:
    return CatalogueItem.objects.get_by_path(path)


def _draft(item, office, title, fields, body, event_on: date | None = None, **extra) -> Publication:
    """A draft; `event_on` is when its deadline starts (formed, or approved for budgets)."""
    values = {"formed_on": timezone.localdate() - timedelta(days=3)}
    values |= fields
    if event_on is not None:
        values["approved_on" if item.requires(DocumentField.APPROVED_ON) else "formed_on"] = (
            event_on
        )
    publication = Publication(item=item, office=office, title=title, body=body, **values, **extra)
    return publication_save_draft(publication=publication, actor=staff(office, Role.EDITOR))


def _event_for_due_soon(item: CatalogueItem, calendar) -> date | None:
    """An event date that makes the item's deadline fall within the next three working days."""
    rule = item.deadline()
    if rule is None or not uses_calendar(rule):
        return None
    today = timezone.localdate()
    horizon = calendar.add_workdays(today, 3)
    for days_ago in range(0, 120):
        start = today - timedelta(days=days_ago)
        if today <= due_date(rule, start, calendar) <= horizon:
            return start
    return None


def _attach(
    publication: Publication, name: str, content: bytes, file_name: str = "demo.pdf"
) -> Attachment:
    """Attached to the draft, so that publishing reads its text into the search index."""
    upload = ContentFile(content, name=file_name)
    attachment = Attachment(
        publication=publication,
        name=name,
        # Typed by the same check as an upload through the admin.
        content_type=check_attachment(upload),
        size=upload.size,
    )
    attachment.file.save(upload.name, upload, save=False)
    attachment.save()
    return attachment


def _illustrate(publication: Publication) -> None:
    """The 图解 attached to the draft and shown at the top of its body, with its caption."""
    _, name, alt = INFOGRAPHIC
    picture = _attach(publication, name, infographic(), "tujie.png")
    publication.body = (
        f'<figure><img src="{picture.get_absolute_url()}" alt="{alt}">'
        f"<figcaption>{name}</figcaption></figure>{publication.body}"
    )
    publication_save_draft(publication=publication, actor=staff(publication.office, Role.EDITOR))


def _policy(title: str) -> dict:
    """The policy a demo 解读 explains, as a field of its draft."""
    return {"interprets": Publication.objects.get(title=INTERPRETS[title])}


# Attachments by document title: the name citizens see and the file.
ATTACHMENTS = {
    DOCUMENTS["zcfg/zcwj"][0][0]: (f"{YEAR}年春风行动专场招聘会岗位信息表", JOB_FAIR_PDF),
    DOCUMENTS["gfxwj/gfxwj/gfxwj"][0][0]: (DOCUMENTS["gfxwj/gfxwj/gfxwj"][0][0], PDF),
    DOCUMENTS["czyjs/czyjs/czyjs"][0][0]: (DOCUMENTS["czyjs/czyjs/czyjs"][0][0], PDF),
    DOCUMENTS["zfxxgk/ndbg"][0][0]: (DOCUMENTS["zfxxgk/ndbg"][0][0], PDF),
}


@transaction.atomic
def create_documents() -> int:
    """Documents under every item, in every state. Returns how many were made."""
    made = []
    calendar = HolidaySchedule.objects.calendar()
    for path, documents in DOCUMENTS.items():
        item = _item(path)
        office = office_for(item)
        for title, fields, body in documents:
            extra = _policy(title) if item.explains_policies else {}
            publication = _draft(item, office, title, fields, body, **extra)
            if title in ATTACHMENTS:
                _attach(publication, *ATTACHMENTS[title])
            if title == INFOGRAPHIC[0]:
                _illustrate(publication)
            made.append(publish(publication))
        first_title, fields, body = documents[0]
        extra = _policy(first_title) if item.explains_policies else {}
        # One of each other state under every item.
        scheduled = _draft(
            item,
            office,
            f"（定时发布）{first_title}的补充说明",
            fields,
            body,
            published_at=timezone.now() + timedelta(days=3),
            **extra,
        )
        made.append(publish(scheduled))
        submitted = _draft(
            item,
            office,
            f"（待审核）{first_title}的更正说明",
            fields,
            body,
            event_on=_event_for_due_soon(item, calendar),
            **extra,
        )
        publication_submit(publication=submitted, actor=staff(office, Role.EDITOR))
        returned = _draft(
            item,
            office,
            f"（草稿）{first_title}的配套措施",
            fields,
            body,
            event_on=timezone.localdate() - timedelta(days=45),
            **extra,
        )
        publication_submit(publication=returned, actor=staff(office, Role.EDITOR))
        publication_return(
            publication=returned, actor=staff(office, Role.REVIEWER), reason="请补充附件后再提交。"
        )
        withdrawn = publish(
            _draft(item, office, f"（已撤回）{first_title}（旧版）", fields, body, **extra)
        )
        publication_withdraw(
            publication=withdrawn,
            actor=staff(office, Role.REVIEWER),
            reason="该信息内容已更新，以新发布的版本为准。",
        )
        made += [submitted, returned, withdrawn]

    for path, (title, body) in PAGES.items():
        item = _item(path)
        made.append(publish(_draft(item, office_for(item), title, {}, body)))

    leaders = _item("jgjj/ldjj")
    office = office_for(leaders)
    for order, (name, position, duties) in enumerate(LEADERS, start=1):
        publication = Publication(
            item=leaders,
            office=office,
            title=name,
            position=position,
            order=order,
            summary=duties,
            body=paragraphs(duties),
            formed_on=timezone.localdate() - timedelta(days=10),
        )
        publication.photo.save(f"leader-{order}.png", ContentFile(portrait(order)), save=False)
        publication_save_draft(publication=publication, actor=staff(office, Role.EDITOR))
        made.append(publish(publication))
    return len(made)
