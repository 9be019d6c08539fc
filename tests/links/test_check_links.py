"""`manage.py check_links`: the site's own links answered in process, others over HTTP, results kept."""

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.utils import timezone

from disclosure.models import LinkCheck, SiteProfile
from disclosure.services.links import links_check
from disclosure.services.publications import publication_withdraw
from tests.factories import make_published, with_attachment

Result = LinkCheck.Result


@pytest.fixture
def site(db, settings):
    """The site as deployed: its domain with a path, and only its own host allowed."""
    settings.ALLOWED_HOSTS = ["www.zlt.gov.cn"]
    return SiteProfile.objects.create(id=1, domain="www.zlt.gov.cn/rsj")


@pytest.fixture
def withdrawn(people):
    document = make_published(people, title="已撤回的通知")
    return publication_withdraw(publication=document, actor=people.reviewer, reason="内容有误")


def results(publication=None, **filters) -> dict[str, tuple]:
    rows = LinkCheck.objects.filter(**filters)
    if publication is not None:
        rows = rows.filter(publication=publication)
    return {row.text: (row.result, row.status_code, row.internal) for row in rows}


def test_the_sites_own_links_are_answered_by_the_site_without_network(site, people, withdrawn):
    target = make_published(people, title="就业见习补贴申领指南")
    body = (
        f'<p><a href="/rsj/xxgk/doc/{target.pk}/">好的文件</a>'
        f'<a href="https://www.zlt.gov.cn/rsj/xxgk/doc/{withdrawn.pk}/">撤回的文件</a>'
        '<a href="../999999/">不存在的文件</a>'
        '<a href="/rsj/no-such-page/">不存在的网页</a>'
        '<a href="/rsj/xxgk">少了斜杠</a>'
        '<a href="/rsj/static/img/gaba.svg">公安备案图标</a>'
        '<a href="/rsj/static/img/no-such.svg">没有的图标</a>'
        '<a href="/rsj/static/%2e%2e/portal/settings.py">越界的路径</a>'
        '<a href="/rsj/media/attachments/x.pdf">上传目录</a>'
        '<a href="mailto:rsj@zlt.gov.cn">邮箱</a></p>'
    )
    document = make_published(people, title="含链接的通知", body=body)

    summary = links_check(internal_only=True)

    assert results(document) == {
        "好的文件": (Result.OK, 200, True),
        "撤回的文件": (Result.BROKEN, 410, True),
        "不存在的文件": (Result.BROKEN, 404, True),
        "不存在的网页": (Result.BROKEN, 404, True),
        "少了斜杠": (Result.REDIRECTED, 200, True),
        "公安备案图标": (Result.OK, 200, True),
        "没有的图标": (Result.BROKEN, 404, True),
        "越界的路径": (Result.BROKEN, 404, True),
        # Uploaded files are served only through their document's page.
        "上传目录": (Result.BROKEN, 404, True),
    }
    moved = LinkCheck.objects.get(text="少了斜杠")
    assert moved.final_url == "https://www.zlt.gov.cn/rsj/xxgk/"
    assert LinkCheck.objects.get(text="撤回的文件").error == "网页已删除或撤回（410）"
    assert summary.internal == 9 and summary.external == 0
    assert summary.count(Result.BROKEN) == 6
    # The withdrawn document is not public: its own links are not checked.
    assert not LinkCheck.objects.filter(publication=withdrawn).exists()


def test_an_attachment_must_be_in_storage_with_its_recorded_size(site, people):
    document = make_published(people, title="招聘公告")
    good = with_attachment(document, name="岗位表.pdf")
    gone = with_attachment(document, name="报名表.pdf")
    gone.file.storage.delete(gone.file.name)
    changed = with_attachment(document, name="考试大纲.pdf")
    type(changed).objects.filter(pk=changed.pk).update(size=1)

    links_check(internal_only=True)

    rows = {row.attachment_id: row for row in LinkCheck.objects.filter(place="attachment")}
    assert rows[good.pk].result == Result.OK
    assert (
        rows[good.pk].url == f"https://www.zlt.gov.cn/rsj/xxgk/doc/{document.pk}/files/{good.pk}/"
    )
    assert (rows[gone.pk].result, rows[gone.pk].error) == (Result.BROKEN, "附件文件已不在存储中")
    assert rows[changed.pk].result == Result.BROKEN
    assert rows[changed.pk].error.startswith("附件文件大小不符（应为1字节")
    assert rows[changed.pk].text == "考试大纲.pdf"


def test_links_to_other_sites_are_asked_once_each_over_http(site, people, local_site):
    site.portal_url = local_site.url("/ok")
    site.hotline_url = local_site.url("/missing")
    site.save()
    make_published(
        people,
        title="甲",
        body=f'<p><a href="{local_site.url("/ok")}">门户</a><a href="{local_site.url("/moved")}">旧址</a></p>',
    )
    make_published(
        people,
        title="乙",
        body=f'<p><a href="{local_site.url("/slow")}">慢的网站</a><a href="{local_site.url("/no-head")}">不收HEAD</a></p>',
    )

    summary = links_check(timeout=0.5, concurrency=4)

    assert results(internal=False) == {
        "本级政府门户网站": (Result.OK, 200, False),
        "12345统一互动平台": (Result.BROKEN, 404, False),
        "门户": (Result.OK, 200, False),
        "旧址": (Result.REDIRECTED, 200, False),
        "慢的网站": (Result.TIMEOUT, None, False),
        "不收HEAD": (Result.OK, 200, False),
    }
    assert local_site.asked("/ok") == ["HEAD", "HEAD"]  # once itself, once as 旧址's target
    assert summary.addresses_asked == 5
    assert all("+https://www.zlt.gov.cn/rsj/" in agent for _, _, agent in local_site.hits)


def test_the_command_prints_a_chinese_summary_and_lists_what_is_broken(
    site, people, withdrawn, local_site
):
    make_published(
        people,
        title="含失效链接的通知",
        body=(
            f'<p><a href="{local_site.url("/missing")}">旧的政策</a>'
            f'<a href="{local_site.url("/moved")}">搬家的网站</a>'
            f'<a href="/rsj/xxgk/doc/{withdrawn.pk}/">撤回的通知</a></p>'
        ),
    )
    out = StringIO()
    call_command("check_links", "--timeout", "0.5", stdout=out)

    lines = out.getvalue().splitlines()
    assert (
        lines[-1] == "链接检查完成：共检查3个，站内1个，站外2个（2个不同地址）；"
        "失效2个（其中超时0个），跳转1个，未检查0个。"
    )
    assert (
        f"行政办公室\t含失效链接的通知\t旧的政策\t{local_site.url('/missing')}\t网页不存在（404）"
        in lines
    )
    assert any(line.endswith("网页已删除或撤回（410）") for line in lines)


def test_a_second_run_replaces_the_first_and_keeps_the_day_a_link_broke(
    site, people, withdrawn, local_site
):
    document = make_published(
        people,
        title="通知",
        body=f'<p><a href="{local_site.url("/missing")}">旧的政策</a><a href="/rsj/xxgk/doc/{withdrawn.pk}/">撤回的通知</a></p>',
    )
    first = (timezone.now() + dt.timedelta(days=1)).replace(microsecond=0)
    with time_machine.travel(first, tick=False):
        call_command("check_links", "--timeout", "0.5", stdout=StringIO())
    with time_machine.travel(first + dt.timedelta(days=1), tick=False):
        call_command("check_links", "--timeout", "0.5", stdout=StringIO())

    assert LinkCheck.objects.count() == 2
    assert {row.broken_since for row in LinkCheck.objects.all()} == {first}
    assert {row.checked_at for row in LinkCheck.objects.all()} == {first + dt.timedelta(days=1)}

    # The external link is fixed; the internal-only run leaves external results as they were.
    document.body = f'<p><a href="{local_site.url("/ok")}">新的政策</a></p>'
    document.save()
    call_command("check_links", "--internal-only", stdout=StringIO())
    assert results(document) == {}
    call_command("check_links", "--timeout", "0.5", stdout=StringIO())
    assert results(document) == {"新的政策": (Result.OK, 200, False)}
    assert LinkCheck.objects.get().broken_since is None


def test_a_document_withdrawn_since_the_last_run_takes_its_links_with_it(site, people):
    document = make_published(people, body='<p><a href="/rsj/no-such-page/">坏链接</a></p>')
    links_check(internal_only=True)
    assert LinkCheck.objects.filter(publication=document).count() == 1
    publication_withdraw(publication=document, actor=people.reviewer, reason="已过时")
    links_check(internal_only=True)
    assert not LinkCheck.objects.exists()


def test_an_internal_only_run_keeps_external_results_of_links_still_there(site, people, local_site):
    document = make_published(
        people,
        body=f'<p><a href="{local_site.url("/missing")}">外部</a><a href="/rsj/no-such-page/">内部</a></p>',
    )
    links_check(timeout=0.5)
    before = LinkCheck.objects.get(text="外部")
    with time_machine.travel(timezone.now() + dt.timedelta(hours=1)):
        links_check(internal_only=True)
    after = LinkCheck.objects.get(text="外部")
    assert (after.pk, after.checked_at, after.result) == (
        before.pk,
        before.checked_at,
        Result.BROKEN,
    )
    assert results(document)["内部"] == (Result.BROKEN, 404, True)
    assert local_site.asked("/missing") == ["HEAD"]


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--timeout", "0", "每个链接的超时时间应在0到120秒之间。"),
        ("--concurrency", "0", "同时检查的链接数应在1到64之间。"),
        ("--budget", "-1", "检查的总时限必须大于0秒。"),
    ],
)
def test_bad_options_are_refused_in_chinese(db, option, value, message):
    with pytest.raises(CommandError, match=message):
        call_command("check_links", option, value, stdout=StringIO())


HOSTILE = [
    "/xxgk/%00/",
    "http://",
    "https://www.zlt.gov.cn:99999/",
    "//",
    "http://[::1",
    "/" + "长" * 3000,
    "/xxgk/doc/1/\x01",
    "https://www.zlt.gov.cn/rsj/../../etc/passwd",
    "/static/%2e%2e/%2e%2e/portal/settings.py",
    "https://用户:密码@www.zlt.gov.cn/rsj/xxgk/",
    # Beside the document, on the site whatever 网站域名 says.
    "../999999/",
]


@pytest.mark.parametrize("domain", ["www.zlt.gov.cn/rsj", "http://www.zlt.gov.cn:abc/ x", ""])
def test_odd_links_and_an_odd_domain_never_stop_the_run(site, people, domain):
    site.domain = domain
    site.save()
    body = "".join(f'<a href="{href}">第{n}个</a>' for n, href in enumerate(HOSTILE))
    document = make_published(people, body=f"<p>{body}</p>")
    links_check(internal_only=True)
    rows = LinkCheck.objects.filter(publication=document)
    assert rows.exists()
    assert all(row.result in Result.values for row in rows)
    assert all(len(row.url) <= 2000 for row in rows)
    first = {row.url: row.broken_since for row in rows}
    # Run again: the same rows, the overlong address included, and the same dates.
    links_check(internal_only=True)
    assert {row.url: row.broken_since for row in rows.all()} == first
