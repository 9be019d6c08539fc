"""Asking other sites about links, against a web server on 127.0.0.1 (no other network)."""

import time

from disclosure.lib.link_requests import (
    BROKEN,
    OK,
    REDIRECTED,
    TIMEOUT,
    UNCHECKED,
    check_url,
    check_urls,
)

AGENT = "Mozilla/5.0 (compatible; DisclosureLinkChecker/1.0; +https://www.zlt.gov.cn/rsj/)"


def ask(local_site, path, timeout=0.5):
    return check_url(local_site.url(path), timeout=timeout, user_agent=AGENT, allow_private=True)


def test_an_address_on_a_private_network_is_not_asked_unless_allowed(local_site):
    answer = check_url(local_site.url("/ok"), timeout=0.5, user_agent=AGENT)
    assert (answer.result, answer.error) == (BROKEN, "内部网络地址，公众无法访问")
    assert local_site.asked("/ok") == []
    assert (
        check_urls([local_site.url("/ok")], timeout=0.5, concurrency=1, budget=5, user_agent=AGENT)[
            local_site.url("/ok")
        ].result
        == BROKEN
    )
    assert local_site.asked("/ok") == []


def test_a_good_page_is_ok_and_asked_with_head_only(local_site):
    answer = ask(local_site, "/ok")
    assert (answer.result, answer.status, answer.final_url, answer.error) == (OK, 200, "", "")
    assert local_site.asked("/ok") == ["HEAD"]
    assert local_site.hits[0][2] == AGENT


def test_a_moved_page_is_redirected_with_where_it_went(local_site):
    answer = ask(local_site, "/moved")
    assert (answer.result, answer.status) == (REDIRECTED, 200)
    assert answer.final_url == local_site.url("/ok")


def test_a_missing_page_is_broken_with_its_status_in_chinese(local_site):
    answer = ask(local_site, "/missing")
    assert (answer.result, answer.status, answer.error) == (BROKEN, 404, "网页不存在（404）")


def test_a_redirect_to_a_missing_page_is_broken_and_says_where(local_site):
    answer = ask(local_site, "/gone-away")
    assert (answer.result, answer.status) == (BROKEN, 404)
    assert answer.final_url == local_site.url("/missing")


def test_a_server_that_refuses_head_is_asked_with_get(local_site):
    answer = ask(local_site, "/no-head")
    assert (answer.result, answer.status) == (OK, 200)
    assert local_site.asked("/no-head") == ["HEAD", "GET"]


def test_a_slow_page_times_out_within_the_timeout(local_site):
    started = time.monotonic()
    answer = ask(local_site, "/slow", timeout=0.3)
    assert time.monotonic() - started < 1.2
    assert (answer.result, answer.status, answer.error) == (TIMEOUT, None, "0.3秒内没有响应")


def test_a_redirect_loop_is_broken_after_a_few_hops(local_site):
    answer = ask(local_site, "/loop")
    assert (answer.result, answer.error) == (BROKEN, "跳转超过5次")
    assert len(local_site.asked("/loop")) == 6


def test_a_chinese_path_is_sent_encoded(local_site):
    answer = ask(local_site, "/政策")
    assert answer.result == OK


def test_a_closed_port_and_a_malformed_address_are_broken_in_chinese(local_site):
    assert (
        check_url("http://127.0.0.1:1/ok", timeout=0.5, user_agent=AGENT, allow_private=True).error
        == "对方服务器拒绝连接"
    )
    malformed = check_url("http://[::1", timeout=0.5, user_agent=AGENT, allow_private=True)
    assert (malformed.result, malformed.error) == (BROKEN, "网址格式有误")


def test_each_distinct_address_is_asked_once_a_few_at_a_time(local_site):
    urls = [local_site.url(path) for path in ["/ok", "/missing", "/ok", "/slow", "/moved", "/ok"]]
    started = time.monotonic()
    answers = check_urls(
        urls, timeout=0.5, concurrency=4, budget=60, user_agent=AGENT, allow_private=True
    )
    # The slow page is waited for alongside the others, not after them.
    assert time.monotonic() - started < 1.4
    assert {url.rsplit("/", 1)[1]: answer.result for url, answer in answers.items()} == {
        "ok": OK,
        "missing": BROKEN,
        "slow": TIMEOUT,
        "moved": REDIRECTED,
    }
    assert local_site.asked("/ok") == ["HEAD", "HEAD"]  # once itself, once as /moved's target


def test_once_the_budget_is_spent_the_rest_is_left_unchecked(local_site):
    urls = [local_site.url("/slow"), local_site.url("/ok"), local_site.url("/missing")]
    answers = check_urls(
        urls, timeout=0.3, concurrency=1, budget=0.2, user_agent=AGENT, allow_private=True
    )
    assert [answer.result for answer in answers.values()] == [TIMEOUT, UNCHECKED, UNCHECKED]
    assert answers[urls[1]].error == "本次检查的总时限已到，未检查"
    assert local_site.asked("/ok") == []
