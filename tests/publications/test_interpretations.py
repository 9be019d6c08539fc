"""政策解读: a 解读 names its published policy, both pages link, late ones are flagged."""

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils import timezone

from disclosure.exceptions import WorkflowError
from disclosure.models import CatalogueItem, HolidaySchedule, Publication
from disclosure.selectors.interpretations import late_interpretations
from disclosure.services.publications import (
    publication_restore,
    publication_save_draft,
    publication_start_revision,
    publication_submit,
    publication_withdraw,
)
from tests.calendars import enter_2027
from tests.factories import item_by_path, make_draft, make_published, publication_form, publish

pytestmark = pytest.mark.django_db
ADD = "/admin/disclosure/publication/add/"
DASHBOARD = "/admin/disclosure/publication/deadlines/"
READING = "zcfg/zcjd"


def policy(people, title="关于做好高校毕业生就业工作的通知", **fields):
    fields.setdefault("doc_number", f"扎人社发〔2026〕{Publication.objects.count() + 1}号")
    fields.setdefault("written_on", timezone.localdate())
    return make_published(people, "zcfg/zcwj", title=title, **fields)


def reading_of(people, document, title="《关于做好高校毕业生就业工作的通知》政策解读"):
    return make_published(people, READING, title=title, interprets=document)


def test_the_catalogue_marks_the_reading_item_and_only_it(catalogue):
    assert list(
        CatalogueItem.objects.filter(explains_policies=True).values_list("slug", flat=True)
    ) == ["zcjd"]


def test_a_reading_without_its_policy_is_refused_by_the_form_and_keeps_what_was_typed(
    client, people
):
    client.force_login(people.editor)
    url = f"{ADD}?item={item_by_path(READING).pk}"
    assert 'name="interprets"' in client.get(url).content.decode()
    response = client.post(url, publication_form(title="我写好的解读"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "“政策解读”下的信息必须选择所解读的政策文件。" in html
    assert 'value="我写好的解读"' in html
    assert not Publication.objects.exists()


def test_the_form_saves_a_reading_that_names_its_policy(client, people):
    document = policy(people)
    client.force_login(people.editor)
    response = client.post(
        f"{ADD}?item={item_by_path(READING).pk}",
        publication_form(title="一份解读", interprets=str(document.pk)),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Publication.objects.get(title="一份解读").interprets == document


def test_another_offices_draft_cannot_be_named_nor_shown(client, people):
    hidden = make_draft(
        people.other_editor,
        "zcfg/zcwj",
        title="就业服务中心未发布的文件",
        doc_number="5号",
        written_on=timezone.localdate(),
    )
    client.force_login(people.editor)
    response = client.post(
        f"{ADD}?item={item_by_path(READING).pk}",
        publication_form(title="一份解读", interprets=str(hidden.pk)),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "选择一个有效的选项" in html and "就业服务中心未发布的文件" not in html
    assert not Publication.objects.filter(title="一份解读").exists()


def test_other_documents_do_not_name_a_policy(client, people):
    client.force_login(people.editor)
    form = client.get(ADD, {"item": item_by_path("jyta").pk}).content.decode()
    assert 'name="interprets"' not in form
    with pytest.raises(ValidationError, match="只有政策解读才填写解读的政策文件"):
        make_draft(people.editor, interprets=policy(people))


def test_submission_refuses_a_reading_without_its_policy(people):
    draft = make_draft(people.editor, "zcfg/zcwj", doc_number="1号", written_on=dt.date.today())
    # A draft written before its item was marked as publishing 解读.
    Publication.objects.filter(pk=draft.pk).update(item=item_by_path(READING))
    draft.refresh_from_db()
    with pytest.raises(WorkflowError, match="必须选择所解读的政策文件"):
        publication_submit(publication=draft, actor=people.editor)


def test_the_policy_must_be_published(people):
    draft_policy = make_draft(
        people.editor, "zcfg/zcwj", doc_number="2号", written_on=timezone.localdate()
    )
    with pytest.raises(ValidationError, match="请选择已发布的政策文件"):
        make_draft(people.editor, READING, interprets=draft_policy)


def test_a_withdrawn_policy_cannot_be_chosen_but_stays_named_by_its_reading(people):
    document = policy(people)
    reading = reading_of(people, document)
    publication_withdraw(publication=document, actor=people.reviewer, reason="已被新文件替代。")
    with pytest.raises(ValidationError, match="请选择已发布的政策文件"):
        make_draft(people.editor, READING, title="新的解读", interprets=document)
    revision = publication_start_revision(publication=reading, actor=people.editor)
    revision.change_note = "更正错字。"
    publication_save_draft(publication=revision, actor=people.editor)
    submitted = publication_submit(publication=revision, actor=people.editor)
    assert submitted.status == "submitted" and submitted.interprets == document


def test_a_reading_cannot_name_another_reading(people):
    first = reading_of(people, policy(people))
    with pytest.raises(ValidationError, match="不能选择本解读或另一份政策解读"):
        make_draft(people.editor, READING, title="解读的解读", interprets=first)


def test_both_pages_link_each_other(client, people):
    document = policy(people, title="政策文件甲")
    reading = reading_of(people, document, title="政策文件甲的解读")
    policy_page = client.get(document.get_absolute_url()).content.decode()
    reading_page = client.get(reading.get_absolute_url()).content.decode()
    assert '<h3 class="related-title">政策解读</h3>' in policy_page
    assert f'<a href="{reading.get_absolute_url()}">政策文件甲的解读</a>' in policy_page
    assert '<h3 class="related-title">解读的政策文件</h3>' in reading_page
    assert f'<a href="{document.get_absolute_url()}">政策文件甲</a>' in reading_page
    assert document.doc_number in reading_page


def test_an_unpublished_reading_is_not_linked_from_its_policy(client, people):
    document = policy(people, title="政策文件乙")
    make_draft(people.editor, READING, title="尚未发布的解读", interprets=document)
    assert "尚未发布的解读" not in client.get(document.get_absolute_url()).content.decode()


def test_the_autocomplete_offers_published_policies_only(client, people):
    document = policy(people, title="可选的政策文件")
    reading_of(people, document, title="可选的政策文件的解读")
    make_draft(
        people.editor,
        "zcfg/zcwj",
        title="可选的政策文件草稿",
        doc_number="9号",
        written_on=timezone.localdate(),
    )
    client.force_login(people.editor)
    response = client.get(
        "/admin/autocomplete/",
        {
            "app_label": "disclosure",
            "model_name": "publication",
            "field_name": "interprets",
            "term": "可选的政策文件",
        },
    )
    assert [row["text"] for row in response.json()["results"]] == ["可选的政策文件"]


def at(time_machine, day: str, hour: int = 10):
    when = dt.datetime.fromisoformat(day).replace(hour=hour)
    time_machine.move_to(timezone.make_aware(when), tick=False)


@pytest.fixture
def late_and_timely(people, time_machine):
    """Readings of a policy of Thursday 30 September 2027, before the National Day week.

    With the 2027 schedule entered (1–7 October off, Saturday 9 October a
    working day), Friday 8 October is the first working day after the policy
    and Wednesday 13 October the fifth. Another office's reading of a policy
    of Friday 5 November comes on Thursday 11 November: the fourth working day.
    """
    enter_2027()
    at(time_machine, "2027-09-30")
    document = policy(people, title="国庆前的政策文件", doc_number="扎人社发〔2027〕1号")
    at(time_machine, "2027-10-08")
    timely = reading_of(people, document, title="节后第一个工作日的解读")
    at(time_machine, "2027-10-13")
    late = reading_of(people, document, title="节后第五个工作日的解读")
    at(time_machine, "2027-11-05")
    other_policy = publish(
        make_draft(
            people.other_editor,
            "zcfg/zcwj",
            title="就业服务中心的政策文件",
            doc_number="扎人社发〔2027〕2号",
            written_on=dt.date(2027, 11, 5),
        ),
        people.other_reviewer,
    )
    at(time_machine, "2027-11-10")
    within = publish(
        make_draft(
            people.other_editor, READING, title="周末后第三个工作日的解读", interprets=other_policy
        ),
        people.other_reviewer,
    )
    at(time_machine, "2027-11-11")
    other = publish(
        make_draft(
            people.other_editor, READING, title="周末后第四个工作日的解读", interprets=other_policy
        ),
        people.other_reviewer,
    )
    at(time_machine, "2027-11-30")
    return {"timely": timely, "late": late, "within": within, "other": other}


def test_the_lag_is_counted_in_working_days_across_holidays_and_weekends(people, late_and_timely):
    late = late_interpretations(Publication.objects.all(), dt.date(2027, 11, 30))
    assert {(reading.title, reading.lag) for reading in late} == {
        ("节后第五个工作日的解读", 5),
        ("周末后第四个工作日的解读", 4),
    }


def test_the_dashboard_flags_late_readings_for_their_own_office_only(
    client, people, late_and_timely
):
    client.force_login(people.reviewer)
    own = client.get(DASHBOARD).content.decode()
    assert "政策解读发布滞后（1）" in own
    assert "节后第五个工作日的解读" in own and "政策文件发布后第5个工作日" in own
    assert "节后第一个工作日的解读" not in own
    assert "周末后第四个工作日的解读" not in own
    client.force_login(people.other_reviewer)
    other = client.get(DASHBOARD).content.decode()
    assert "政策解读发布滞后（1）" in other
    assert "周末后第四个工作日的解读" in other and "节后第五个工作日的解读" not in other


def test_the_readings_admin_page_shows_its_lag(client, people, late_and_timely):
    client.force_login(people.editor)
    url = f"/admin/disclosure/publication/{late_and_timely['late'].pk}/change/"
    page = client.get(url).content.decode()
    assert "政策文件发布后第5个工作日发布，超过了3个工作日的时限。" in page
    url = f"/admin/disclosure/publication/{late_and_timely['timely'].pk}/change/"
    assert (
        "政策文件发布后第1个工作日发布，在3个工作日的时限内。" in client.get(url).content.decode()
    )


def test_the_migration_moves_related_pairs_into_the_named_policy(people):
    migration = importlib.import_module("disclosure.migrations.0022_interpretations")
    document = policy(people, title="政策文件丙")
    other = policy(people, title="政策文件丁")
    named = reading_of(people, document, title="已选政策的解读")
    ambiguous = reading_of(people, document, title="两份相关文件的解读")
    # As a database before the migration has them: linked only as 相关信息.
    Publication.objects.filter(pk__in=[named.pk, ambiguous.pk]).update(interprets=None)
    CatalogueItem.objects.update(explains_policies=False)
    named.related.add(document)
    ambiguous.related.add(document, other)
    migration.name_the_policies(apps, None)
    migration.name_the_policies(apps, None)
    assert item_by_path(READING).explains_policies
    named.refresh_from_db()
    ambiguous.refresh_from_db()
    assert named.interprets == document and not named.related.exists()
    assert ambiguous.interprets is None and ambiguous.related.count() == 2


def test_a_reading_published_with_its_policy_is_not_late(people):
    reading = reading_of(people, policy(people))
    assert reading.interpretation_lag(HolidaySchedule.objects.calendar()) == 0
    assert late_interpretations(Publication.objects.all(), timezone.localdate()) == []


def test_a_version_from_before_the_policy_was_named_is_not_restored(people):
    draft = make_draft(
        people.editor, "zcfg/zcwj", doc_number="3号", written_on=timezone.localdate()
    )
    first = draft.history.latest().history_id
    # The item became a 解读 item and the draft named its policy since.
    Publication.objects.filter(pk=draft.pk).update(item=item_by_path(READING))
    draft.refresh_from_db()
    draft.interprets = policy(people)
    publication_save_draft(publication=draft, actor=people.editor)
    with pytest.raises(
        WorkflowError, match=r"缺少现在必填的内容，不能恢复：.*必须选择所解读的政策文件"
    ):
        publication_restore(publication=draft, history_id=first, actor=people.editor)
    draft.refresh_from_db()
    assert draft.interprets is not None
