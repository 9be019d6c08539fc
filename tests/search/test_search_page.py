"""The search page as citizens use it: the header box, results, odd input, the list filters."""

from datetime import date
from xml.etree import ElementTree

import pytest
from django.utils.http import urlencode
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import make_published

pytestmark = pytest.mark.django_db


def page(client, **params):
    response = client.get(f"/search/?{urlencode(params)}")
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def documents(people):
    make_published(
        people,
        title="关于开展春风行动招聘会的通知",
        body="<p>各企业积极吸纳高校毕业生，&lt;script&gt;alert(1)&lt;/script&gt;举报电话12345。</p>",
    )
    make_published(
        people,
        "zcfg/zcwj",
        title="劳务派遣暂行办法",
        doc_number="扎人社发〔2026〕3号",
        written_on=date(2026, 1, 5),
    )


def test_every_public_page_has_the_search_box(client, catalogue):
    for url in ["/", "/xxgk/", "/xxgk/zcfg/zcwj/", "/ysqgk/", "/search/"]:
        html = client.get(url).content.decode()
        assert 'action="/search/"' in html and 'name="q"' in html, url
        assert 'rel="search" type="application/opensearchdescription+xml"' in html


def test_opensearch_description_points_at_the_search_page(client, catalogue):
    response = client.get("/search/opensearch.xml")
    assert response["Content-Type"].startswith("application/opensearchdescription+xml")
    root = ElementTree.fromstring(response.content)
    url = root.find("{http://a9.com/-/spec/opensearch/1.1/}Url")
    assert url.get("template") == "http://testserver/search/?q={searchTerms}"


def test_empty_query_shows_hints(client, catalogue):
    html = page(client)
    assert "检索说明" in html and "两个字以上" in html
    assert "检索说明" in page(client, q="   ")


def test_results_show_title_column_date_number_and_escaped_snippet(client, documents):
    html = page(client, q="吸纳")
    assert "共找到信息1条" in html
    assert "<mark>吸纳</mark>" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert" not in html
    assert "栏目：人大建议、政协提案办理情况" in html
    assert "发布日期：" in html
    html = page(client, q="派遣")
    assert "文号：扎人社发〔2026〕3号" in html
    assert "<mark>派遣</mark>" in html


def test_columns_offices_and_their_particulars_are_found(client, catalogue):
    html = page(client, q="社会保险")
    assert "相关栏目和机构" in html
    assert "社会保险服务中心" in html  # an office
    html = page(client, q="预决算")
    assert "/xxgk/czyjs/" in html  # a column, by its name


def test_a_short_form_finds_what_is_spelled_out(client, people):
    make_published(people, title="城乡居民基本养老保险待遇调整", body="<p>养老保险待遇</p>")
    html = page(client, q="社保")
    assert "社会保险服务中心" in html  # an office
    assert '<span class="badge">栏目</span>' in html and "/ <mark>社会保险</mark>" in html
    html = page(client, q="养老金")
    assert "城乡居民基本<mark>养老保险</mark>待遇调整" in html


def test_no_results_suggests_other_ways(client, documents):
    html = page(client, q="不存在的词语")
    assert "没有找到与“不存在的词语”相关信息" in html
    assert "/ysqgk/" in html and "主动公开事项目录" in html
    html = page(client, q="招聘会", column="zcfg")
    assert "在全部栏目中检索" in html


def test_a_single_character_says_why_it_is_not_searched(client, documents):
    html = page(client, q="社")
    assert "只有一个字，不能单独检索" in html
    html = page(client, q="社 吸纳")
    assert "只有一个字" in html and "共找到信息1条" in html


def test_a_very_long_query_is_cut_with_a_message(client, documents):
    html = page(client, q="吸纳" + "字" * 10_000)
    assert "检索词过长，只按前100个字检索" in html


@pytest.mark.parametrize("typed", ["就业\x07", "\ufffd\ufffd", "\ue000", "\u0378"])
def test_characters_no_one_types_are_refused_plainly(client, documents, typed):
    html = page(client, q=typed)
    assert "检索词含有无法识别的字符" in html
    assert f'value="{typed}"' in html  # kept, for the citizen to correct
    html = page(client, q="就业", doc_number=typed)
    assert "文号含有无法识别的字符" in html


def test_a_lone_surrogate_in_the_url_is_refused_plainly(client, documents):
    # Bytes that are not UTF-8 (here a lone surrogate) arrive as U+FFFD.
    response = client.get("/search/?q=%ED%A0%80%E5%90%B8%E7%BA%B3&doc_number=%ED%A0%80")
    html = response.content.decode()
    assert "检索词含有无法识别的字符" in html and "文号含有无法识别的字符" in html


def test_a_nul_character_is_a_plain_bad_request(client, documents):
    response = client.get("/search/?q=a%00b")
    assert response.status_code == 400
    assert "无法识别的字符" in response.content.decode()


@pytest.mark.parametrize(
    "operators",
    ["& | ! : * ( ) ' \" \\ -", "吸纳 NEAR 招聘", "吸纳 OR 派遣", "吸纳<->招聘", '"吸纳"*'],
)
def test_operators_of_either_engine_are_plain_text(client, documents, operators):
    page(client, q=operators)


@pytest.mark.usefixtures("uncached_pages")
def test_the_search_page_asks_few_queries(client, documents, django_assert_max_num_queries):
    page(client, q="通知")
    with django_assert_max_num_queries(10):
        page(client, q="通知 招聘会", sort="date", year="2026", validity="valid")
    with django_assert_max_num_queries(10):
        page(client, q="招聘会")


def test_list_filter_says_why_one_character_is_not_searched(client, documents):
    html = client.get("/xxgk/jyta/", {"q": "社"}).content.decode()
    assert "只有一个字，不能单独检索" in html


def test_list_filter_finds_words_in_the_body(client, documents):
    html = client.get("/xxgk/jyta/", {"q": "吸纳"}).content.decode()
    assert "关于开展春风行动招聘会的通知" in html
    html = client.get("/xxgk/jyta/", {"q": "不存在的词语"}).content.decode()
    assert "关于开展春风行动招聘会的通知" not in html


FILTERS = [
    "q",
    "column",
    "office",
    "year",
    "written_year",
    "doc_number",
    "validity",
    "sort",
    "page",
]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(params=st.dictionaries(st.sampled_from(FILTERS), st.text(max_size=40), max_size=6))
def test_no_input_produces_a_server_error(client, documents, params):
    # A NUL character is refused before any view (RejectNullCharactersMiddleware).
    expected = 400 if any("\x00" in key + value for key, value in params.items()) else 200
    assert client.get("/search/", params).status_code == expected
    assert client.get("/xxgk/zcfg/zcwj/", params).status_code == expected
