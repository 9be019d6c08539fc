"""The open-data API as a protocol: its index, methods, bad input, throttling, CORS, caching."""

import hypothesis
import pytest
from hypothesis import HealthCheck, given
from hypothesis import strategies as st

from disclosure.models import ClientAttempt

pytestmark = pytest.mark.django_db

ENDPOINTS = ["/api/v1/", "/api/v1/items/", "/api/v1/documents/", "/api/v1/withdrawn/"]


def error_of(response, status: int) -> str:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    message = response.json()["error"]
    assert message.endswith("。")
    return message


def test_the_index_describes_the_endpoints(client, catalogue):
    response = client.get("/api/v1/")
    assert response.status_code == 200
    data = response.json()
    assert data["endpoints"]["items"]["url"] == "http://testserver/api/v1/items/"
    assert data["endpoints"]["documents"]["url"] == "http://testserver/api/v1/documents/"
    assert set(data["endpoints"]["documents"]["parameters"]) == {
        "item",
        "office",
        "changed_since",
        "page",
        "page_size",
    }
    assert data["endpoints"]["withdrawn"]["url"] == "http://testserver/api/v1/withdrawn/"
    assert set(data["endpoints"]["withdrawn"]["parameters"]) == {
        "changed_since",
        "page",
        "page_size",
    }
    assert data["limits"] == {"requests": 600, "seconds": 600}
    for endpoint in data["endpoints"].values():
        url = endpoint["url"].removeprefix("http://testserver").replace("{id}", "1")
        assert client.get(url).status_code in (200, 404)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
def test_only_get_and_head_are_answered(client, catalogue, method):
    for url in [*ENDPOINTS, "/api/v1/items/1/", "/api/v1/documents/1/"]:
        response = getattr(client, method)(url)
        assert error_of(response, 405) == "开放数据接口只读，只接受 GET 和 HEAD 请求。"
        assert response["Allow"] == "GET, HEAD"
    assert not ClientAttempt.objects.exists()


def test_head_is_answered_like_get(client, catalogue):
    response = client.head("/api/v1/items/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("changed_since=yesterday", "changed_since 不是有效的日期或时间"),
        ("changed_since=2026-02-30", "changed_since 不是有效的日期或时间"),
        ("changed_since=2026-13-01T00:00:00", "changed_since 不是有效的日期或时间"),
        ("changed_since=2026-01-31T25:00", "changed_since 不是有效的日期或时间"),
        ("changed_since=0001-01-01T00:00:00%2B08:00", "changed_since 不是有效的日期或时间"),
        ("changed_since=9999-12-31T23:59:59-08:00", "changed_since 不是有效的日期或时间"),
        ("changed_since=２０２６-０１-３１", "changed_since 不是有效的日期或时间"),
        ("changed_since=" + "2026-01-31" * 100, "changed_since 不是有效的日期或时间"),
        ("page=0", "page 应为正整数"),
        ("page=-1", "page 应为正整数"),
        ("page=abc", "page 应为正整数"),
        ("page=１", "page 应为正整数"),
        ("page=1.5", "page 应为正整数"),
        ("page_size=0", "page_size 应为 1 到 100 之间的整数"),
        ("page_size=101", "page_size 应为 1 到 100 之间的整数"),
        ("page_size=" + "9" * 500, "page_size 应为 1 到 100 之间的整数"),
        ("page_size=" + "9" * 5000, "page_size 应为 1 到 100 之间的整数"),
        ("page_size=000", "page_size 应为 1 到 100 之间的整数"),
        ("page_size=²", "page_size 应为 1 到 100 之间的整数"),
        ("item=zcfg/zcwj/x/y", "item 应为目录事项的编号或路径"),
        ("item=../etc", "item 应为目录事项的编号或路径"),
        ("item=zcfg%20zcwj", "item 应为目录事项的编号或路径"),
        ("item=" + "a" * 5000, "item 应为目录事项的编号或路径"),
        ("item=%F0%9F%98%80", "item 应为目录事项的编号或路径"),
        ("item=\u202ezcfg", "item 应为目录事项的编号或路径"),
        ("item=nosuch", "没有这个公开的目录事项"),
        ("item=政策法规", "没有这个公开的目录事项"),
        ("item=99999999999999999999", "没有这个公开的目录事项"),
        ("item=123456789", "没有这个公开的目录事项"),
        ("office=x", "office 应为科室编号"),
        ("office=0", "office 应为科室编号"),
        ("office=99999999999999999999", "没有这个科室"),
        ("office=" + "9" * 5000, "没有这个科室"),
        ("office=123456", "没有这个科室"),
    ],
)
def test_bad_parameters_are_a_400_in_chinese(client, catalogue, query, message):
    assert error_of(client.get(f"/api/v1/documents/?{query}"), 400).startswith(message)


PARAMETERS = ["item", "office", "changed_since", "page", "page_size"]


@hypothesis.settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(params=st.dictionaries(st.sampled_from(PARAMETERS), st.text(max_size=60), max_size=5))
def test_no_input_produces_a_server_error(client, catalogue, params):
    response = client.get("/api/v1/documents/", params)
    assert response.status_code in (200, 400, 404)
    if response.status_code != 200 and not any("\x00" in value for value in params.values()):
        # (A NUL character is refused before any view, by RejectNullCharactersMiddleware.)
        assert response.json()["error"]


def test_bad_paging_of_the_catalogue_is_a_400(client, catalogue):
    assert error_of(client.get("/api/v1/items/?page_size=1000"), 400).startswith("page_size")


def test_empty_parameters_and_unknown_ones_are_ignored(client, catalogue):
    response = client.get("/api/v1/documents/?item=&office=&changed_since=&page=&page_size=&x=1")
    assert response.status_code == 200
    assert response.json()["count"] == 0


def test_unknown_ids_are_404_in_chinese(client, catalogue):
    assert error_of(client.get("/api/v1/items/99999999999999999999/"), 404)
    assert error_of(client.get("/api/v1/documents/99999999999999999999/"), 404)
    for url in ("/api/v1/items/", "/api/v1/documents/"):
        assert client.get(f"{url}{'9' * 5000}/").status_code == 404


def test_each_client_is_throttled_with_a_time_to_wait(client, catalogue, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "api": (3, 600)}
    for _ in range(3):
        assert client.get("/api/v1/items/").status_code == 200
    response = client.get("/api/v1/documents/")
    assert error_of(response, 429).startswith("本网络的访问次数已达上限")
    assert 590 <= int(response["Retry-After"]) <= 600
    assert "Cache-Control" not in response
    # Another address has its own count.
    assert client.get("/api/v1/items/", REMOTE_ADDR="10.0.0.9").status_code == 200


def test_no_cors_headers_by_default(client, catalogue):
    response = client.get("/api/v1/items/", HTTP_ORIGIN="https://www.example.gov.cn")
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_cors_only_for_a_listed_origin(client, catalogue, settings):
    settings.API_CORS_ORIGINS = ["https://www.zhalantun.gov.cn", "https://data.nmg.gov.cn"]
    listed = client.get("/api/v1/documents/", HTTP_ORIGIN="https://data.nmg.gov.cn")
    assert listed["Access-Control-Allow-Origin"] == "https://data.nmg.gov.cn"
    assert "Origin" in listed["Vary"]
    other = client.get("/api/v1/documents/", HTTP_ORIGIN="https://evil.example.com")
    assert "Access-Control-Allow-Origin" not in other
    assert "Origin" in other["Vary"]
    assert "Access-Control-Allow-Origin" not in client.get("/api/v1/documents/")
    # Errors carry it too, so a listed page can read the message.
    bad = client.get("/api/v1/documents/?page=x", HTTP_ORIGIN="https://www.zhalantun.gov.cn")
    assert bad["Access-Control-Allow-Origin"] == "https://www.zhalantun.gov.cn"


def test_the_settings_are_read_from_the_environment():
    from tests.portal.test_settings import run_settings

    script = "import portal.settings as s; print(s.API_CORS_ORIGINS, s.RATE_LIMITS['api'])"
    unset = run_settings(script, DEBUG="1")
    assert unset.stdout.strip() == "[] (600, 600)", unset.stderr
    listed = run_settings(
        script,
        DEBUG="1",
        API_CORS_ORIGINS=" https://a.gov.cn, ,https://b.gov.cn ",
        API_REQUESTS_PER_10_MINUTES="50",
    )
    assert listed.stdout.strip() == "['https://a.gov.cn', 'https://b.gov.cn'] (50, 600)"


def test_answers_may_be_cached_for_five_minutes(client, catalogue):
    response = client.get("/api/v1/items/")
    assert "public" in response["Cache-Control"]
    assert "max-age=300" in response["Cache-Control"]
    assert "Set-Cookie" not in response
    assert "Cache-Control" not in client.get("/api/v1/items/?page=x")
