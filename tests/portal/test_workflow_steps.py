"""Every workflow button shows exactly when its service takes the step: one policy answers both."""

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from django.db import transaction
from django.utils import timezone

from disclosure.admin.applications.steps import STEPS as APPLICATION_STEPS
from disclosure.admin.office_changes import STEPS as OFFICE_CHANGE_STEPS
from disclosure.admin.publications.steps import STEPS as PUBLICATION_STEPS
from disclosure.exceptions import WorkflowError
from disclosure.models import FeeNotice, Office, OfficeProfileChange, ReplyType
from disclosure.services import applications as handling
from disclosure.services.offices import office_change_save_draft, office_change_submit
from disclosure.services.publications import publication_submit
from tests.citizens import application_data, prepare_reply, reply_upload
from tests.factories import make_draft, make_published

pytestmark = pytest.mark.django_db


def form_data() -> dict:
    """What any step's form may ask for, valid; a fresh reply document each time."""
    return {
        "text": "经审查，不涉密",
        "note": "请补充所需信息的年度。",
        "reason": "信息量大，需要逐件审查。",
        "deadline": timezone.localdate() + dt.timedelta(days=10),
        "days": 10,
        "reply_type": ReplyType.DISCLOSED,
        "reply_file": reply_upload(),
        "method": FeeNotice.Method.PER_VOLUME,
        "quantity": 120,
        "reduction": Decimal(0),
        "reduction_reason": "",
        "payment_way": FeeNotice.PaymentWay.ON_SITE,
        "payment_note": "到行政办公室缴纳",
        "notified_on": timezone.localdate(),
        "paid_on": timezone.localdate(),
    }


def taken(step, obj, user) -> bool:
    """Whether the step's service takes it from `user` now; whatever it did is undone."""
    try:
        with transaction.atomic():
            step.perform(type(obj).objects.get(pk=obj.pk), user, form_data())
            transaction.set_rollback(True)
    except WorkflowError:
        return False
    return True


def staff_of_both_offices(people) -> list:
    return [people.editor, people.reviewer, people.other_editor, people.other_reviewer]


def assert_offered_exactly_when_taken(step, objects, users) -> None:
    for obj in objects:
        for user in users:
            obj.refresh_from_db()
            shown = step.allowed(user, obj)
            assert shown == taken(step, obj, user), (step.name, obj.status, user.username, shown)


@pytest.mark.parametrize("step", PUBLICATION_STEPS, ids=lambda step: step.name)
def test_a_publication_step_is_offered_exactly_when_its_service_takes_it(people, step):
    draft = make_draft(people.editor)
    submitted = make_draft(people.editor, title="待审核的信息")
    publication_submit(publication=submitted, actor=people.editor)
    published = make_published(people, title="已发布的信息")
    users = [*staff_of_both_offices(people), people.admin]
    assert_offered_exactly_when_taken(step, [draft, submitted, published], users)


@pytest.mark.parametrize("step", OFFICE_CHANGE_STEPS, ids=lambda step: step.name)
def test_an_office_change_step_is_offered_exactly_when_its_service_takes_it(people, step):
    unit = Office.objects.get(name="就业服务中心")

    def propose(head: str) -> OfficeProfileChange:
        change = OfficeProfileChange(office=unit, head=head, duties=unit.duties)
        return office_change_save_draft(change=change, actor=people.editor)

    draft = propose("张主任")
    submitted = office_change_submit(change=propose("李主任"), actor=people.editor)
    assert_offered_exactly_when_taken(step, [draft, submitted], staff_of_both_offices(people))


@pytest.mark.parametrize("step", APPLICATION_STEPS, ids=lambda step: step.name)
def test_an_application_step_is_offered_exactly_when_its_service_takes_it(people, step):
    editor, reviewer = people.editor, people.reviewer

    def sent():
        data = application_data()
        return handling.application_submit(data=data, client="test", token=uuid.uuid4())[0]

    def received():
        return handling.application_receive(application=sent(), actor=editor)

    waiting = handling.application_ask_correction(
        application=received(), actor=editor, note="请补充", deadline=form_data()["deadline"]
    )
    consulting = handling.application_consult_third_party(
        application=received(), actor=editor, note="征求某企业意见"
    )
    charging = handling.application_fee_notice(
        application=received(),
        actor=editor,
        **{
            name: form_data()[name] for name in ("method", "quantity", "payment_way", "notified_on")
        },
    )
    in_review = prepare_reply(received(), editor)
    answered = handling.application_approve_answer(
        application=prepare_reply(received(), editor), actor=reviewer
    )
    states = [sent(), received(), waiting, consulting, charging, in_review, answered]
    assert_offered_exactly_when_taken(step, states, staff_of_both_offices(people))
