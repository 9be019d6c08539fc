"""Blank and stale columns, the home page's freshness, and the inspection's thresholds."""

from datetime import timedelta

import pytest
from django.utils import timezone

from disclosure.lib import columns as rules
from disclosure.models import CatalogueItem, ItemStatement, Office
from disclosure.selectors.columns import column_check
from disclosure.services.catalogue import catalogue_items_set_active
from disclosure.services.publications import publication_withdraw
from tests.factories import item_by_path, make_draft, make_published, make_staff, publish

pytestmark = pytest.mark.django_db

Period = CatalogueItem.UpdatePeriod
Presentation = CatalogueItem.Presentation


def today():
    return timezone.localdate()


def item(deadline: str = "", presentation: str = Presentation.DOCUMENTS, period: str = ""):
    """An unsaved item: the period needs nothing from the database."""
    return CatalogueItem(
        name="测试栏目", deadline_text=deadline, presentation=presentation, update_period=period
    )


# -- the period ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("deadline", "days"),
    [
        ("每月10日前", 31 + 10),
        ("每季度结束后15日内", 92 + 15),
        ("每季度结束后10个工作日内", 92 + 14),  # ten working days are two weeks
        ("每年1月31日前", 366 + 31),
        ("每年3月1日前", 366 + 31 + 29 + 1),
        ("信息形成或者变更之日起20个工作日内", 183),
        ("批复后20日内", 183),
        ("及时公开", 183),
        ("", 183),
        ("说不清的时限", 183),
    ],
)
def test_a_blank_period_is_derived_from_the_deadline_rule(deadline, days):
    assert item(deadline).expected_update_days() == days


def test_event_based_columns_take_the_inspections_six_months():
    assert item("及时公开").expected_update_days() == rules.NOTICE_STALE_DAYS == 183


@pytest.mark.parametrize(
    ("period", "days"),
    [
        (Period.TWO_WEEKS, 14),
        (Period.MONTH, 31),
        (Period.QUARTER, 92),
        (Period.HALF_YEAR, 183),
        (Period.YEAR, 366),
        (Period.NONE, None),
    ],
)
def test_a_set_period_overrides_the_deadline_rule(period, days):
    assert item("每年1月31日前", period=period).expected_update_days() == days


@pytest.mark.parametrize(
    "presentation",
    [Presentation.PAGE, Presentation.LEADERS, Presentation.SECTIONS, Presentation.UNITS],
)
def test_standing_pages_are_checked_only_for_blank_unless_a_period_is_set(presentation):
    assert item("信息形成或者变更之日起20个工作日内", presentation).expected_update_days() is None
    assert item("", presentation, Period.YEAR).expected_update_days() == 366


def test_a_column_exactly_its_period_old_is_still_in_time():
    day = today()
    assert not rules.is_stale(day - timedelta(days=14), 14, day)
    assert rules.is_stale(day - timedelta(days=15), 14, day)
    assert not rules.is_stale(None, 14, day)
    assert not rules.is_stale(day - timedelta(days=999), None, day)


# -- blank and stale columns --------------------------------------------------------


def document(people, path: str = "jyta"):
    """A document published under `path` by 行政办公室, with what its item requires."""
    item_by_path(path).offices.add(people.admin_office)
    fields = {}
    if path == "zcfg/zcwj":
        fields = {"doc_number": "扎人社发〔2026〕1号", "written_on": today()}
    if path == "zcfg/zcjd":  # a 解读 names the policy it explains
        fields = {"interprets": document(people, "zcfg/zcwj")}
    return make_published(people, path, **fields)


def blank_paths(check) -> list[str]:
    return [column.item.path() for column in check.blank]


def stale_paths(check) -> list[str]:
    return [column.item.path() for column in check.stale]


def test_every_column_without_documents_or_statements_is_blank(catalogue):
    check = column_check(today())
    # 内设机构 and 所属单位 list the offices, which the catalogue has.
    assert "jgjj/znjg/nsjg" not in blank_paths(check)
    assert "jgjj/ssdw" not in blank_paths(check)
    assert "jyta" in blank_paths(check) and "jgjj/jbxx" in blank_paths(check)
    assert len(check.blank) == check.checked - 2
    assert check.blank_vetoed and not check.stale


def test_an_office_list_without_offices_of_its_kind_is_blank(catalogue):
    Office.objects.filter(kind=Office.Kind.UNIT).update(is_active=False)
    assert "jgjj/ssdw" in blank_paths(column_check(today()))


def test_a_public_document_makes_its_column_updated(people):
    make_published(people)
    check = column_check(today())
    assert "jyta" not in blank_paths(check) and "jyta" not in stale_paths(check)


def test_a_column_is_stale_one_day_after_its_period(people):
    make_published(people)  # 人大建议、政协提案: 及时公开, six months
    period = item_by_path("jyta").expected_update_days()
    assert "jyta" not in stale_paths(column_check(today() + timedelta(days=period)))
    later = column_check(today() + timedelta(days=period + 1))
    assert "jyta" in stale_paths(later)
    column = next(c for c in later.stale if c.item.path() == "jyta")
    assert (column.last_update, column.days_since) == (today(), period + 1)


def test_a_set_period_decides_staleness(people):
    make_published(people)
    CatalogueItem.objects.filter(slug="jyta").update(update_period=Period.TWO_WEEKS)
    assert "jyta" not in stale_paths(column_check(today() + timedelta(days=14)))
    assert "jyta" in stale_paths(column_check(today() + timedelta(days=15)))


def test_a_scheduled_document_does_not_count_before_its_time(people):
    draft = make_draft(people.editor, published_at=timezone.now() + timedelta(days=3))
    publish(draft, people.reviewer)
    assert "jyta" in blank_paths(column_check(today()))


def test_a_withdrawn_document_does_not_count(people):
    document = make_published(people)
    publication_withdraw(publication=document, actor=people.reviewer, reason="内容有误。")
    assert "jyta" in blank_paths(column_check(today()))


def test_a_draft_does_not_count(people):
    make_draft(people.editor)
    assert "jyta" in blank_paths(column_check(today()))


def test_an_inactive_column_is_not_checked(people):
    before = column_check(today())
    catalogue_items_set_active(items=[item_by_path("jyta")], active=False)
    after = column_check(today())
    assert "jyta" not in blank_paths(after)
    assert after.checked == before.checked - 1


def test_a_column_under_an_inactive_branch_is_not_checked(people):
    catalogue_items_set_active(items=[item_by_path("zcfg")], active=False)
    assert not [path for path in blank_paths(column_check(today())) if path.startswith("zcfg")]


def test_a_branch_whose_children_are_all_inactive_is_a_column(people):
    catalogue_items_set_active(items=[item_by_path("zdly/wgjy/wgjy")], active=False)
    assert "zdly/wgjy" in blank_paths(column_check(today()))


def statement(people, path="jyta", stated_on=None) -> ItemStatement:
    return ItemStatement.objects.create(
        item=item_by_path(path),
        office=people.admin_office,
        text="本单位本年度无此类信息。",
        stated_on=stated_on or today(),
        created_by=people.reviewer,
    )


def test_a_statement_counts_as_an_update_from_its_date(people):
    statement(people, stated_on=today() - timedelta(days=10))
    period = item_by_path("jyta").expected_update_days()
    assert "jyta" not in blank_paths(column_check(today()))
    assert "jyta" not in stale_paths(column_check(today() + timedelta(days=period - 10)))
    assert "jyta" in stale_paths(column_check(today() + timedelta(days=period - 9)))


def test_the_newer_of_document_and_statement_is_the_last_update(people):
    make_published(people)
    statement(people, stated_on=today() - timedelta(days=30))
    check = column_check(today() + timedelta(days=400))
    column = next(c for c in check.stale if c.item.path() == "jyta")
    assert column.last_update == today()


def test_an_office_sees_the_columns_it_answers_for(people):
    employment = column_check(today(), office=people.employment)
    paths = blank_paths(employment)
    assert "zdly/wgjy/wgjy" in paths and "zcfg/zcwj" in paths  # its own, and everyone's
    assert "jyta" not in paths and "zdly/shbx/shbx" not in paths


# -- thresholds --------------------------------------------------------------------


def keep_blank(people, count: int) -> None:
    """A statement for all but `count` of the blank columns."""
    for column in column_check(today()).blank[count:]:
        statement(people, column.item.path())


def test_five_blank_columns_are_a_veto(people):
    keep_blank(people, rules.BLANK_COLUMNS_VETO)
    check = column_check(today())
    assert len(check.blank) == 5 and check.blank_vetoed


def test_four_blank_columns_are_not_a_veto(people):
    keep_blank(people, rules.BLANK_COLUMNS_VETO - 1)
    check = column_check(today())
    assert len(check.blank) == 4 and not check.blank_vetoed


def test_stale_columns_count_against_their_own_threshold(people):
    paths = ["jyta", "zcfg/zcwj", "zcfg/zcjd", "zdly/wgjy/wgjy", "zdly/shbx/shbx"]
    for path in paths:
        document(people, path)
    later = today() + timedelta(days=184)
    check = column_check(later)
    assert sorted(stale_paths(check)) == sorted(paths) and check.stale_vetoed
    catalogue_items_set_active(items=[item_by_path("jyta")], active=False)
    check = column_check(later)
    assert len(check.stale) == 4 and not check.stale_vetoed


def test_the_home_page_is_stale_after_two_weeks_without_a_listed_document(people):
    assert column_check(today()).home_stale  # nothing published at all
    make_published(people, "zfxxgk/gkzn", title="公开指南")  # a standing page: not on the home page
    assert column_check(today()).home_last_update is None
    make_published(people)
    assert column_check(today()).home_last_update == today()
    assert not column_check(today() + timedelta(days=14)).home_stale
    assert column_check(today() + timedelta(days=15)).home_stale


def test_the_check_takes_the_same_few_queries_however_many_columns(
    people, django_assert_max_num_queries
):
    for path in ("jyta", "zcfg/zcwj", "zdly/wgjy/wgjy", "zfxxgk/gkzn"):
        document(people, path)
    statement(people, "jgjj/jbxx")
    statement(people, "zcfg/zcjd")
    with django_assert_max_num_queries(6):
        check = column_check(today())
        for column in [*check.blank, *check.stale]:
            str(column.item), column.item.office_display(), column.period_label()


# -- the dashboard ----------------------------------------------------------------


def test_the_dashboard_shows_the_columns_in_red_when_at_the_threshold(client, people):
    client.force_login(people.admin)
    page = client.get("/admin/disclosure/publication/deadlines/").content.decode()
    assert "栏目更新（网站检查单项否决指标）" in page
    blank = len(column_check(today()).blank)
    assert f'<li class="columns-check--veto">空白栏目{blank}个（≥5个单项否决）' in page
    assert '<li class="">不更新栏目0个（≥5个单项否决）' in page
    assert '<li class="columns-check--veto">首页：没有公开信息' in page
    add = f"/admin/disclosure/itemstatement/add/?item={item_by_path('jyta').pk}"
    assert add in page
    assert f'href="{item_by_path("jyta").get_absolute_url()}"' in page


def test_an_editor_sees_the_columns_of_their_office_without_the_statement_link(client, people):
    client.force_login(people.other_editor)
    page = client.get("/admin/disclosure/publication/deadlines/").content.decode()
    assert "稳岗就业" in page and "人大建议、政协提案办理情况" not in page
    assert "添加情况说明" not in page


def test_a_reviewer_sees_the_statement_link(client, people):
    client.force_login(people.other_reviewer)
    page = client.get("/admin/disclosure/publication/deadlines/").content.decode()
    item = item_by_path("zdly/wgjy/wgjy")
    assert f"/admin/disclosure/itemstatement/add/?item={item.pk}" in page


def test_a_fresh_home_page_is_not_red(client, people):
    make_published(people)
    reviewer = make_staff("another_reviewer", people.admin_office, "reviewer")
    client.force_login(reviewer)
    page = client.get("/admin/disclosure/publication/deadlines/").content.decode()
    assert '<li class="">首页：最新信息发布于' in page


def test_the_catalogue_form_sets_the_period_and_says_how_it_is_checked(client, people):
    client.force_login(people.admin)
    url = "/admin/disclosure/catalogueitem/{}/change/"
    page = client.get(url.format(item_by_path("jyta").pk)).content.decode()
    assert 'name="update_period"' in page
    assert "按公开时限推算，超过183天没有新信息或情况说明的，列为不更新栏目。" in page
    page = client.get(url.format(item_by_path("jgjj/jbxx").pk)).content.decode()
    assert "只检查是否空白（没有任何信息或情况说明）。" in page
    CatalogueItem.objects.filter(slug="jbxx").update(update_period=Period.YEAR)
    page = client.get(url.format(item_by_path("jgjj/jbxx").pk)).content.decode()
    assert "按所选周期，超过366天" in page
