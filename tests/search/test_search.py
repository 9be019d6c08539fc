"""Site search over a small corpus with known words, on whichever database the run uses.

`.ci/run` runs the suite on SQLite (FTS5) and on PostgreSQL (GIN), so every
test here checks that both indexes find the same documents.
"""

from datetime import date, timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from disclosure.lib.search_text import parse_query
from disclosure.models import Publication, SearchEntry
from disclosure.selectors.catalogue import public_tree
from disclosure.selectors.search import Sort, search
from disclosure.services.catalogue import catalogue_items_set_active
from disclosure.services.publications import (
    publication_approve,
    publication_save_draft,
    publication_start_revision,
    publication_submit,
    publication_withdraw,
)
from disclosure.services.search import index_publication
from tests.factories import (
    item_by_path,
    make_draft,
    make_published,
    publish,
    submitted_draft,
    with_attachment,
)

pytestmark = pytest.mark.django_db

PDF_WITH_TEXT = (Path(__file__).parents[1] / "files" / "search_only_in_pdf.pdf").read_bytes()


def found(q: str, **filters) -> list[str]:
    """The titles a search finds, in the order shown (all pages)."""
    results = search(parse_query(q), public_tree(), **filters)
    titles = []
    while True:
        titles += [hit.publication.title for hit in results.hits]
        if not results.page.has_next():
            return titles
        filters["page"] = results.page.next_page_number()
        results = search(parse_query(q), public_tree(), **filters)


@pytest.fixture
def corpus(people):
    """Documents whose words are known: in titles, 文号, bodies and a PDF."""
    make_published(
        people,
        title="关于开展春风行动招聘会的通知",
        body="<p>各企业积极吸纳高校毕业生。举报电话12345。</p>",
    )
    make_published(
        people,
        title="关于规范劳务派遣用工的通知",
        body="<p>用人单位参加招聘会时应当如实发布岗位信息。版式文件使用ＯＦＤ格式。</p>",
    )
    make_published(
        people,
        "zcfg/zcwj",
        title="扎兰屯市就业补助资金管理办法",
        doc_number="扎人社规〔2022〕2号",
        written_on=date(2022, 3, 1),
        body="<p>补助资金专款专用。</p>",
    )
    with_pdf = make_draft(people.editor, title="场地安排的说明", body="<p>详见附件。</p>")
    with_attachment(with_pdf, PDF_WITH_TEXT, name="场地说明.pdf")
    publish(with_pdf, people.reviewer)


def test_words_in_titles_bodies_and_attachments_are_found(corpus):
    assert found("春风行动") == ["关于开展春风行动招聘会的通知"]
    assert found("吸纳") == ["关于开展春风行动招聘会的通知"]
    assert found("12345") == ["关于开展春风行动招聘会的通知"]
    assert found("鸿雁湖畔") == ["场地安排的说明"]  # only inside the PDF
    assert set(found("招聘会")) == {
        "关于开展春风行动招聘会的通知",
        "关于规范劳务派遣用工的通知",
        "场地安排的说明",
    }
    assert found("不存在的词语") == []


def test_any_run_of_two_characters_is_found_and_nothing_else(corpus):
    assert found("兰屯") == ["扎兰屯市就业补助资金管理办法"]  # no dictionary word
    assert found("务派") == ["关于规范劳务派遣用工的通知"]
    assert found("派劳") == []
    # Terms separated by spaces must all stand in the document.
    assert found("招聘会 吸纳") == ["关于开展春风行动招聘会的通知"]
    assert found("招聘会 补助") == []


def test_a_longer_term_is_not_found_from_pieces_that_stand_apart(people):
    make_published(people, title="社会保障卡发放", body="<p>失业保险金按月发放。</p>")
    make_published(people, title="社会保险缴费基数", body="<p>说明</p>")
    # 社会 会保 保险 all stand in the first, but 会保险 does not.
    assert found("社会保险") == ["社会保险缴费基数"]
    assert found("保障卡") == ["社会保障卡发放"]


def test_full_width_half_width_and_case_are_one(corpus):
    assert found("ofd") == found("ＯＦＤ") == found("Ofd") == ["关于规范劳务派遣用工的通知"]
    assert found("１２３４５") == ["关于开展春风行动招聘会的通知"]


@pytest.mark.parametrize(
    "typed",
    [
        "扎人社规〔2022〕2号",
        "扎人社规[2022]2号",
        "扎人社规【2022】2号",
        "扎人社规（2022）2号",
        "扎人社规(2022)2号",
        "扎人社规［２０２２］２号",
    ],
)
def test_doc_numbers_match_in_any_brackets(corpus, client, typed):
    assert found(typed) == ["扎兰屯市就业补助资金管理办法"]
    assert found("", doc_number=typed) == ["扎兰屯市就业补助资金管理办法"]
    response = client.get("/xxgk/zcfg/zcwj/", {"doc_number": typed})
    assert "扎兰屯市就业补助资金管理办法" in response.content.decode()


def test_only_public_documents_are_found(people):
    word = "试验田"
    make_draft(people.editor, title=f"草稿{word}")
    submitted_draft(people.editor, title=f"待审核{word}")
    scheduled = make_draft(
        people.editor, title=f"定时{word}", published_at=timezone.now() + timedelta(days=2)
    )
    publish(scheduled, people.reviewer)
    withdrawn = make_published(people, title=f"撤回{word}")
    publication_withdraw(publication=withdrawn, actor=people.reviewer, reason="内容有误")
    make_published(people, title=f"已发布{word}")

    assert found(word) == [f"已发布{word}"]
    assert not SearchEntry.objects.filter(publication=withdrawn).exists()

    # The entries search reads are exactly the public documents, also when an item is switched off.
    def entries():
        return set(SearchEntry.objects.public().values_list("pk", flat=True))

    def public():
        return set(Publication.objects.public().values_list("pk", flat=True))

    assert entries() == public() and len(public()) == 1
    catalogue_items_set_active(items=[item_by_path("jyta")], active=False)
    assert entries() == public() == set()


def test_a_scheduled_document_is_found_from_its_time(people, time_machine):
    draft = make_draft(
        people.editor, title="定时发布的补贴公示", published_at=timezone.now() + timedelta(days=1)
    )
    publish(draft, people.reviewer)
    assert found("补贴公示") == []
    time_machine.move_to(timezone.now() + timedelta(days=2))
    assert found("补贴公示") == ["定时发布的补贴公示"]


def test_a_revision_changes_the_index_when_approved_not_before(people):
    live = make_published(people, title="养老金调整通知", body="<p>旧的标准</p>")
    revision = publication_start_revision(publication=live, actor=people.editor)
    revision.body = "<p>新的标准</p>"
    revision.change_note = "更新标准"
    publication_save_draft(publication=revision, actor=people.editor)
    publication_submit(publication=revision, actor=people.editor)
    assert found("旧的标准") == ["养老金调整通知"]
    assert found("新的标准") == []
    publication_approve(publication=revision, actor=people.reviewer, confidentiality_note="不涉密")
    assert found("旧的标准") == []
    assert found("新的标准") == ["养老金调整通知"]


def test_ranking_title_above_body_and_phrase_above_scattered(people):
    """Worked by hand: the newest document has the weakest match and comes last."""
    now = timezone.now()

    def doc(title, body, days_ago):
        document = make_published(people, title=title, body=f"<p>{body}</p>")
        Publication.objects.filter(pk=document.pk).update(published_at=now - timedelta(days_ago))
        index_publication(Publication.objects.get(pk=document.pk))

    doc("其他事项的通知", "就业工作和创业工作", 1)  # both words apart in the body: 0
    doc("工作安排", "促进就业创业", 2)  # the phrase in the body: 1
    doc("就业和创业指导", "正文", 3)  # both words apart in the title: 2
    doc("就业创业政策汇编", "正文", 4)  # the phrase in the title: 3
    assert found("就业 创业") == [
        "就业创业政策汇编",
        "就业和创业指导",
        "工作安排",
        "其他事项的通知",
    ]
    assert found("就业 创业", sort=Sort.DATE) == [
        "其他事项的通知",
        "工作安排",
        "就业和创业指导",
        "就业创业政策汇编",
    ]
    # One word: in the title first, then newest first.
    doc("社保经办", "说明", 5)
    assert found("社保")[0] == "社保经办"


def test_results_are_grouped_by_first_level_column(corpus):
    results = search(parse_query("通知"), public_tree())
    counts = {column.item.name: column.count for column in results.columns}
    assert counts == {"人大建议、政协提案办理情况": 2}
    results = search(parse_query("办法 补助"), public_tree())
    assert {c.item.slug: c.count for c in results.columns} == {"zcfg": 1}
    assert found("资金", column="jyta") == []
    assert found("资金", column="zcfg") == ["扎兰屯市就业补助资金管理办法"]


def test_filters_across_the_site(corpus, people):
    assert found("", written_year=2022) == ["扎兰屯市就业补助资金管理办法"]
    assert found("通知", office=people.employment) == []
    assert len(found("通知", office=people.admin_office)) == 2
    this_year = timezone.localdate().year
    assert "场地安排的说明" in found("", year=this_year)
    assert found("", year=this_year - 30) == []


def test_the_index_can_be_rebuilt_twice_with_the_same_result(corpus, capsys):
    def index():
        return {entry.pk: set(entry.pieces.split()) for entry in SearchEntry.objects.all()}

    before = index()
    SearchEntry.objects.all().delete()
    call_command("rebuild_search_index")
    call_command("rebuild_search_index")
    assert index() == before
    assert "检索索引已重建：4条" in capsys.readouterr().out
    assert found("鸿雁湖畔") == ["场地安排的说明"]


def test_bulk_documents_are_indexed(people):
    from demo.bulk import create_bulk_documents

    create_bulk_documents(30)
    published = Publication.objects.filter(status=Publication.Status.PUBLISHED)
    assert SearchEntry.objects.count() == published.count() == 30
    assert found("扎兰屯市人力资源和社会保障局")


def test_attachment_text_is_read_once_and_kept(people):
    draft = make_draft(people.editor, title="附件说明")
    attachment = with_attachment(draft, PDF_WITH_TEXT)
    assert attachment.text is None
    publish(draft, people.reviewer)
    attachment.refresh_from_db()
    assert "鸿雁湖畔" in attachment.text


def test_a_check_warns_of_published_documents_missing_from_the_index(people):
    from disclosure.checks import published_documents_are_in_the_search_index as check

    document = make_published(people, title="索引检查")
    assert check(None) == []
    SearchEntry.objects.filter(publication=document).delete()
    (warning,) = check(None)
    assert warning.id == "disclosure.W003" and "rebuild_search_index" in warning.hint
    call_command("rebuild_search_index", quiet=True)
    assert check(None) == []
