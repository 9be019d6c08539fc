"""Requests the site refuses are answered in Chinese, with the right status, and never a 500."""

import logging

import pytest
from django.test import Client

from disclosure.models import StaffMember
from tests.factories import make_staff

pytestmark = pytest.mark.django_db

LATIN1_FORM = "application/x-www-form-urlencoded; charset=latin-1"


@pytest.mark.parametrize("url", ["/ysqgk/sq/", "/admin/login/", "/ysqgk/cx/"])
def test_a_form_sent_in_another_encoding_is_a_chinese_400(catalogue, url):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.get("/ysqgk/sq/")  # the CSRF cookie, as a browser would have it
    response = client.generic("POST", url, "name=Zoë".encode("latin-1"), content_type=LATIN1_FORM)
    assert response.status_code == 400
    assert "请求有误" in response.content.decode()


def test_staff_opening_a_page_they_may_not_get_a_chinese_403(client, catalogue):
    from disclosure.models import Office

    reviewer = make_staff(
        "reviewer", Office.objects.get(name="行政办公室"), StaffMember.Role.REVIEWER
    )
    client.force_login(reviewer)
    response = client.get("/admin/disclosure/publication/add/")
    assert response.status_code == 403
    page = response.content.decode()
    assert '<html lang="zh-CN">' in page
    assert "无权访问" in page and "返回管理首页" in page


def test_a_refused_request_is_logged_without_a_traceback(client, catalogue, caplog):
    from disclosure.models import Office

    reviewer = make_staff(
        "reviewer", Office.objects.get(name="行政办公室"), StaffMember.Role.REVIEWER
    )
    client.force_login(reviewer)
    with caplog.at_level(logging.WARNING, logger="django.request"):
        client.get("/admin/disclosure/publication/add/")
    forbidden = [record for record in caplog.records if getattr(record, "status_code", 0) == 403]
    assert forbidden, "the refusal is still logged"
    assert all(record.exc_info is None for record in forbidden)


def test_a_login_with_an_unsafe_next_lands_on_the_admin_home(client, db):
    from django.contrib.auth.models import User

    User.objects.create_superuser("boss", password="a-long-password-1")
    response = client.post(
        "/admin/login/?next=https://evil.example/",
        {"username": "boss", "password": "a-long-password-1", "next": "https://evil.example/"},
    )
    assert response.status_code == 302
    assert response.url == "/admin/"


def test_static_files_carry_nosniff_and_a_restrictive_policy(client):
    response = client.get("/static/css/site.css")
    response.close()  # a file response: the test only reads its headers
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in response["Content-Security-Policy"]
