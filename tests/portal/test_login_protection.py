"""Wrong passwords lock out an address or a user name for a while, in Chinese."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"


def test_repeated_wrong_passwords_lock_the_account_out_with_a_chinese_page(client, settings):
    User.objects.create_superuser("editor", password="the-right-password-1")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(LOGIN, {"username": "editor", "password": "wrong"})
        assert response.status_code == 200
    response = client.post(LOGIN, {"username": "editor", "password": "wrong"})
    assert response.status_code == 429
    response = client.post(LOGIN, {"username": "editor", "password": "the-right-password-1"})
    assert response.status_code == 429
    assert "登录已暂停" in response.content.decode()


def test_a_right_password_logs_in_and_resets_the_count(client):
    User.objects.create_superuser("editor", password="the-right-password-1")
    client.post(LOGIN, {"username": "editor", "password": "wrong"})
    response = client.post(LOGIN, {"username": "editor", "password": "the-right-password-1"})
    assert response.status_code == 302 and response.url == "/admin/"


def test_an_overlong_user_name_is_refused_by_the_form(client):
    response = client.post(LOGIN, {"username": "u" * 300, "password": "wrong"})
    assert response.status_code == 200
    assert "用户名不能超过150个字符" in response.content.decode()


def fail(client, username: str, address: str = "10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": "wrong"}, REMOTE_ADDR=address)


def test_one_address_trying_many_user_names_is_locked(client, settings):
    User.objects.create_superuser("editor", password="the-right-password-1")
    for n in range(settings.AXES_ADDRESS_FAILURE_LIMIT - 1):
        assert fail(client, f"guess{n}").status_code == 200
    assert fail(client, "another").status_code == 429
    right = {"username": "editor", "password": "the-right-password-1"}
    assert client.post(LOGIN, right, REMOTE_ADDR="10.0.0.1").status_code == 429
    # Another address is not affected.
    assert client.post(LOGIN, right, REMOTE_ADDR="10.0.0.2").status_code == 302


def test_one_user_name_tried_from_many_addresses_is_locked_but_not_at_a_known_desk(
    client, settings
):
    User.objects.create_superuser("editor", password="the-right-password-1")
    right = {"username": "editor", "password": "the-right-password-1"}
    assert client.post(LOGIN, right, REMOTE_ADDR="192.168.1.10").status_code == 302
    client.logout()
    for n in range(settings.AXES_USERNAME_FAILURE_LIMIT - 1):
        assert fail(client, "editor", f"10.1.0.{n}").status_code == 200
    assert fail(client, "editor", "10.1.0.200").status_code == 429
    assert client.post(LOGIN, right, REMOTE_ADDR="10.1.0.201").status_code == 429
    # The address the user logged in from before still lets them in.
    assert client.post(LOGIN, right, REMOTE_ADDR="192.168.1.10").status_code == 302


def test_the_lock_is_short_grows_with_repeats_and_says_how_long(client, settings):
    import time_machine
    from django.utils import timezone

    User.objects.create_superuser("editor", password="the-right-password-1")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            fail(client, "editor")
        first = fail(client, "editor")
    assert first.status_code == 429
    assert "5分钟" in first.content.decode() and first["Retry-After"] == "300"
    with time_machine.travel(start + timedelta(minutes=6), tick=False):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            assert fail(client, "editor").status_code == 200
        second = fail(client, "editor")
    assert second.status_code == 429
    assert "10分钟" in second.content.decode()
    with time_machine.travel(start + timedelta(minutes=6 + 11), tick=False):
        right = {"username": "editor", "password": "the-right-password-1"}
        assert client.post(LOGIN, right, REMOTE_ADDR="10.0.0.1").status_code == 302
