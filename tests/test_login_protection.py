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
