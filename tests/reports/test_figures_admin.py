"""The figures staff enter for the annual report: each office its own, with their history."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from disclosure.exceptions import WorkflowError
from disclosure.models import Appeal, InformationRequest, YearlyFigures
from disclosure.services.reports import appeal_save, yearly_figures_save
from tests.annual import register
from tests.citizens import on

FIGURES = "/admin/disclosure/yearlyfigures/"
APPEALS = "/admin/disclosure/appeal/"
DUPLICATE = "这个科室或单位这一年度的数据已经填报，请修改原记录。"
ROUTE = "行政诉讼须选择起诉方式；行政复议不选。"


def figures_form(**fields) -> dict:
    data = {
        "year": "2026",
        "licences": "12",
        "penalties": "3",
        "coercions": "1",
        "fees": "1.2345",
        "note": "",
        "_save": "保存",
    }
    return {**data, **fields}


def entered(people, office=None, actor=None, **fields) -> YearlyFigures:
    row = YearlyFigures(year=2026, office=office or people.admin_office, licences=12, **fields)
    return yearly_figures_save(figures=row, actor=actor or people.editor)


def errors(response) -> dict:
    return response.context["adminform"].form.errors


# -- yearly figures ---------------------------------------------------------------------------


def test_staff_enter_their_offices_figures_for_last_year(client, people):
    with on("2027-01-10"):
        client.force_login(people.editor)
        page = client.get(f"{FIGURES}add/")
        form = page.context["adminform"].form
        assert form.initial["year"] == 2026
        assert form.fields["office"].disabled
        assert list(form.fields["office"].queryset) == [people.admin_office]
        # The office in the post is not theirs to choose: the row is their own office's.
        response = client.post(f"{FIGURES}add/", figures_form(office=people.employment.pk))
    assert response.status_code == 302
    row = YearlyFigures.objects.get()
    assert (row.year, row.office, row.updated_by) == (2026, people.admin_office, people.editor)
    assert (row.licences, row.penalties, row.coercions, row.fees) == (12, 3, 1, Decimal("1.2345"))
    assert row.history.get().history_user == people.editor


def test_staff_correct_their_figures_and_each_version_is_kept(client, people):
    row = entered(people)
    client.force_login(people.reviewer)
    response = client.post(f"{FIGURES}{row.pk}/change/", figures_form(licences="15"))
    assert response.status_code == 302
    row.refresh_from_db()
    assert (row.licences, row.updated_by) == (15, people.reviewer)
    versions = list(row.history.order_by("history_date"))
    assert [(v.licences, v.history_user) for v in versions] == [
        (12, people.editor),
        (15, people.reviewer),
    ]
    history = client.get(f"{FIGURES}{row.pk}/history/")
    assert history.status_code == 200


def test_another_offices_figures_are_not_listed_opened_or_changed(client, people):
    row = entered(people)
    client.force_login(people.other_editor)
    assert client.get(FIGURES).context["cl"].result_count == 0
    assert client.get(f"{FIGURES}{row.pk}/change/").status_code == 302
    response = client.post(f"{FIGURES}{row.pk}/change/", figures_form(licences="99"))
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.licences == 12
    assert client.get(f"{FIGURES}{row.pk}/history/").status_code in (403, 404)
    version = row.history.get().history_id
    assert client.post(f"{FIGURES}{row.pk}/history/{version}/", figures_form()).status_code in (
        403,
        404,
    )
    row.refresh_from_db()
    assert row.licences == 12
    with pytest.raises(WorkflowError, match="本科室"):
        row.licences = 99
        yearly_figures_save(figures=row, actor=people.other_editor)
    with pytest.raises(WorkflowError, match="本科室"):
        entered(people, actor=people.other_editor, coercions=1)


def test_one_row_per_office_and_year_with_the_models_message(client, people):
    entered(people)
    client.force_login(people.editor)
    response = client.post(f"{FIGURES}add/", figures_form(licences="40"))
    assert response.status_code == 200
    assert DUPLICATE in response.content.decode()
    assert 'value="40"' in response.content.decode()  # what was typed stays
    assert YearlyFigures.objects.count() == 1
    # Another office's row of the same year is its own.
    client.force_login(people.other_editor)
    assert client.post(f"{FIGURES}add/", figures_form()).status_code == 302
    assert YearlyFigures.objects.filter(office=people.employment).count() == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("fees", "-1", "收费金额不能为负数。"),
        ("fees", "abc", "输入一个数字。"),
        ("fees", "1.23456", "4"),
        ("year", "2007", "年度不能早于2008年。"),
        ("year", "二〇二六", "输入整数"),
        ("licences", "-3", "大于或等于0"),
    ],
)
def test_bad_figures_are_refused_on_their_field(client, people, field, value, message):
    client.force_login(people.editor)
    response = client.post(f"{FIGURES}add/", figures_form(**{field: value}))
    assert response.status_code == 200
    assert message in " ".join(errors(response)[field])
    assert not YearlyFigures.objects.exists()


def test_administrators_see_every_office_and_choose_it(client, people):
    entered(people)
    client.force_login(people.admin)
    response = client.post(f"{FIGURES}add/", figures_form(office=people.employment.pk))
    assert response.status_code == 302
    assert client.get(FIGURES).context["cl"].result_count == 2
    assert YearlyFigures.objects.get(office=people.employment).updated_by == people.admin


def test_figures_are_not_deleted(client, people):
    row = entered(people)
    client.force_login(people.admin)
    assert client.post(f"{FIGURES}{row.pk}/delete/", {"post": "yes"}).status_code == 403
    assert YearlyFigures.objects.count() == 1


# -- appeals ------------------------------------------------------------------------------------


def appeal_form(**fields) -> dict:
    data = {
        "kind": "suit",
        "route": "direct",
        "application": "",
        "case_number": "（2026）内0783行初5号",
        "filed_on": "2026-03-15",
        "body": "扎兰屯市人民法院",
        "subject": "对政府信息公开答复不服",
        "result": "pending",
        "decided_on": "",
        "note": "",
        "_save": "保存",
    }
    return {**data, **fields}


def test_the_receiving_office_enters_an_appeal_with_its_history(client, people):
    client.force_login(people.editor)
    assert client.get(f"{APPEALS}add/").status_code == 200
    response = client.post(f"{APPEALS}add/", appeal_form(office=people.employment.pk))
    assert response.status_code == 302
    appeal = Appeal.objects.get()
    assert (appeal.office, appeal.updated_by) == (people.admin_office, people.editor)
    response = client.post(
        f"{APPEALS}{appeal.pk}/change/", appeal_form(result="corrected", decided_on="2026-09-01")
    )
    assert response.status_code == 302
    assert [v.result for v in appeal.history.order_by("history_date")] == ["pending", "corrected"]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"kind": "suit", "route": ""}, "route", ROUTE),
        ({"kind": "review", "route": "after_review"}, "route", ROUTE),
        ({"result": "upheld", "decided_on": ""}, "decided_on", "已审结的须填写作出决定或裁判日期"),
        ({"result": "pending", "decided_on": "2026-05-01"}, "decided_on", "尚未审结的不填"),
        (
            {"decided_on": "2026-03-01", "result": "other"},
            "decided_on",
            "不能早于申请复议或起诉日期",
        ),
        ({"filed_on": "2026-02-30"}, "filed_on", "有效的日期"),
    ],
)
def test_the_form_says_what_is_wrong_on_the_field(client, people, fields, field, message):
    client.force_login(people.editor)
    response = client.post(f"{APPEALS}add/", appeal_form(**fields))
    assert response.status_code == 200
    assert message in " ".join(errors(response)[field])
    assert not errors(response).get("__all__")
    assert "对政府信息公开答复不服" in response.content.decode()  # what was typed stays
    assert not Appeal.objects.exists()


def test_the_same_appeal_sent_twice_is_entered_once(client, people):
    client.force_login(people.editor)
    assert client.post(f"{APPEALS}add/", appeal_form()).status_code == 302
    again = client.post(f"{APPEALS}add/", appeal_form())
    assert again.status_code == 200
    assert errors(again)["case_number"] == ["这个案号已经登记过，请修改原记录。"]
    assert client.post(f"{APPEALS}add/", appeal_form(case_number="")).status_code == 302
    again = client.post(f"{APPEALS}add/", appeal_form(case_number=""))
    assert errors(again)["__all__"] == ["同样的行政复议或行政诉讼已经登记过，请勿重复提交。"]
    assert Appeal.objects.count() == 2
    # Saving a recorded appeal again is no repeat of itself.
    appeal = Appeal.objects.get(case_number="")
    response = client.post(f"{APPEALS}{appeal.pk}/change/", appeal_form(case_number=""))
    assert response.status_code == 302


def test_the_application_is_chosen_among_the_offices_own(client, people):
    own = register(people, "person", "2026-02-02")
    elsewhere = register(people, "person", "2026-02-03")
    InformationRequest.objects.filter(pk=elsewhere.pk).update(office=people.employment)
    client.force_login(people.editor)
    page = client.get(f"{APPEALS}add/").content.decode()
    assert f"{own.number}（2026-02-02收到）" in page
    assert elsewhere.number not in page
    response = client.post(f"{APPEALS}add/", appeal_form(application=elsewhere.pk))
    assert response.status_code == 200 and "application" in errors(response)
    response = client.post(f"{APPEALS}add/", appeal_form(application=own.pk))
    assert response.status_code == 302
    assert Appeal.objects.get().application == own


def test_a_user_of_another_office_is_refused(client, people):
    appeal = appeal_save(
        appeal=Appeal(
            kind=Appeal.Kind.REVIEW,
            office=people.admin_office,
            filed_on=dt.date(2026, 2, 10),
            body="扎兰屯市人民政府",
            subject="对答复不服",
        ),
        actor=people.editor,
    )
    client.force_login(people.other_editor)
    assert client.get(APPEALS).status_code == 403
    assert client.get(f"{APPEALS}add/").status_code == 403
    assert client.post(f"{APPEALS}add/", appeal_form()).status_code == 403
    response = client.post(f"{APPEALS}{appeal.pk}/change/", appeal_form(kind="review", route=""))
    assert response.status_code in (302, 403, 404)
    assert Appeal.objects.count() == 1
    with pytest.raises(WorkflowError, match="行政办公室"):
        appeal_save(
            appeal=Appeal(
                kind=Appeal.Kind.REVIEW,
                office=people.employment,
                filed_on=dt.date(2026, 2, 10),
                body="扎兰屯市人民政府",
                subject="对答复不服",
            ),
            actor=people.other_editor,
        )
    with pytest.raises(WorkflowError, match="本科室"):
        appeal.subject = "改动"
        appeal_save(appeal=appeal, actor=people.other_editor)


def test_administrators_enter_appeals_for_the_receiving_office_by_default(client, people):
    client.force_login(people.admin)
    form = client.get(f"{APPEALS}add/").context["adminform"].form
    assert form.initial["office"] == people.admin_office.pk
    assert not form.fields["office"].disabled
    response = client.post(f"{APPEALS}add/", appeal_form(office=people.admin_office.pk))
    assert response.status_code == 302
    assert reverse("admin:disclosure_appeal_changelist") == APPEALS
    assert Appeal.objects.get().updated_by == people.admin
