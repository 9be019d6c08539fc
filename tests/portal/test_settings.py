"""The settings read from the environment: typed values, secrets, databases, production, demo."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from portal.release import PARTS, release_digest
from portal.settings import env_bool, env_int, env_list

ROOT = Path(settings.BASE_DIR)


def run_settings(script: str, **env) -> subprocess.CompletedProcess:
    """Run `script` in a fresh process with exactly these variables."""
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env={"PATH": os.environ["PATH"], **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def load_settings(**env) -> subprocess.CompletedProcess:
    """Import the settings module in a fresh process with exactly these variables."""
    return run_settings(
        "import portal.settings as s; print(s.DEBUG, s.DATABASES['default']['ENGINE'])", **env
    )


def test_typed_helpers_read_good_values(monkeypatch):
    monkeypatch.setenv("X_BOOL", "yes")
    monkeypatch.setenv("X_INT", "42")
    monkeypatch.setenv("X_LIST", "a.example, b.example,")
    assert env_bool("X_BOOL", False) is True
    assert env_int("X_INT", 0) == 42
    assert env_list("X_LIST", []) == ["a.example", "b.example"]
    assert env_bool("X_UNSET", True) is True


@pytest.mark.parametrize("helper, value", [(env_bool, "maybe"), (env_int, "4O")])
def test_typed_helpers_fail_loudly_on_a_bad_value(monkeypatch, helper, value):
    monkeypatch.setenv("X_BAD", value)
    with pytest.raises(ImproperlyConfigured, match="X_BAD"):
        helper("X_BAD", 0)


def test_secret_key_is_required_when_debug_is_off(tmp_path):
    result = load_settings(DEBUG="0", SECRET_KEY_FILE=str(tmp_path / "missing.txt"))
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_the_secret_key_may_come_from_a_file(tmp_path):
    key = tmp_path / "key.txt"
    key.write_text("k" * 60 + "\n")
    script = "import portal.settings as s; print(s.SECRET_KEY)"
    result = run_settings(script, DEBUG="0", SECRET_KEY_FILE=str(key))
    assert result.stdout.strip() == "k" * 60


def test_debug_must_be_a_boolean():
    result = load_settings(DEBUG="sometimes")
    assert result.returncode != 0 and "DEBUG must be a boolean" in result.stderr


def test_sqlite_by_default_and_postgresql_through_database_url():
    assert "sqlite3" in load_settings(DEBUG="1").stdout
    result = load_settings(DEBUG="1", DATABASE_URL="postgres://postgres@127.0.0.1:5432/portal")
    assert "postgresql" in result.stdout


def test_an_empty_database_url_means_the_default_sqlite_database():
    result = load_settings(DEBUG="1", DATABASE_URL="")
    assert result.returncode == 0, result.stderr
    assert "sqlite3" in result.stdout


def test_sqlite_writers_wait_for_each_other_instead_of_failing():
    script = "import portal.settings as s; print(s.DATABASES['default']['OPTIONS'])"
    result = run_settings(script, DEBUG="1")
    assert "'transaction_mode': 'IMMEDIATE'" in result.stdout
    assert "journal_mode=WAL" in result.stdout
    assert "'timeout': 20" in result.stdout


def test_postgresql_connections_and_statements_time_out():
    script = "import portal.settings as s; print(s.DATABASES['default']['OPTIONS'])"
    result = run_settings(
        script, DEBUG="1", DATABASE_URL="postgres://postgres@127.0.0.1:5432/portal"
    )
    assert "'connect_timeout': 3" in result.stdout
    assert "statement_timeout=15000" in result.stdout


def test_production_settings_are_secure():
    script = (
        "import portal.settings as s;"
        "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SECURE_HSTS_SECONDS > 0, s.STORAGES['staticfiles']['BACKEND'])"
    )
    result = run_settings(script, DEBUG="0", SECRET_KEY="x" * 60)
    assert result.stdout.split() == [
        "True",
        "True",
        "True",
        "True",
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
    ]


@pytest.mark.parametrize(
    "env, installed",
    [
        ({"DEBUG": "1"}, True),
        ({"DEBUG": "1", "DEMO": "0"}, False),
        ({"DEBUG": "0", "SECRET_KEY": "x" * 60}, False),
        ({"DEBUG": "0", "SECRET_KEY": "x" * 60, "DEMO": "1"}, True),
    ],
)
def test_the_demo_app_is_installed_only_when_demo_is_on(env, installed):
    script = "import portal.settings as s; print(s.DEMO, 'demo' in s.INSTALLED_APPS)"
    result = run_settings(script, **env)
    assert result.stdout.split() == [str(installed), str(installed)], result.stderr


def test_language_and_time_zone():
    assert settings.LANGUAGE_CODE == "zh-hans"
    assert settings.TIME_ZONE == "Asia/Shanghai"


CACHE_SCRIPT = (
    "import portal.settings as s; c = s.CACHES['default'];"
    " print(c['BACKEND'], c.get('LOCATION'), c['KEY_PREFIX'], s.SESSION_ENGINE)"
)


def test_one_server_keeps_its_cache_in_memory_and_sessions_in_the_database():
    result = run_settings(CACHE_SCRIPT, DEBUG="1")
    assert result.stdout.split() == [
        "django.core.cache.backends.locmem.LocMemCache",
        "portal",
        "portal",
        "django.contrib.sessions.backends.db",
    ]


def test_redis_url_shares_the_cache_and_sessions_survive_a_flush():
    result = run_settings(
        CACHE_SCRIPT, DEBUG="1", REDIS_URL="redis://10.0.0.5:6379/2", CACHE_KEY_PREFIX="rsj"
    )
    assert result.stdout.split() == [
        "portal.cache.RedisCache",
        "redis://10.0.0.5:6379/2",
        f"rsj:{release_digest(ROOT)}",
        "django.contrib.sessions.backends.cached_db",
    ]
    named = run_settings(
        CACHE_SCRIPT, DEBUG="1", REDIS_URL="redis://10.0.0.5:6379/2", RELEASE="2026.11.30"
    )
    assert named.stdout.split()[2] == "portal:2026.11.30"


def test_the_release_digest_changes_with_a_template_and_not_with_the_folder(tmp_path):
    for part in PARTS:
        shutil.copytree(
            ROOT / part, tmp_path / "a" / part, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    assert release_digest(tmp_path / "a") == release_digest(tmp_path / "b") == release_digest(ROOT)
    footer = tmp_path / "b" / "templates" / "includes" / "footer.html"
    footer.write_text(footer.read_text().replace("网站地图", "网站导航"))
    assert release_digest(tmp_path / "b") != release_digest(tmp_path / "a")


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:6379",
        "127.0.0.1:6379",
        "redis://:6379/0",
        "redis://h:port/0",
        "redis://h/x",
    ],
)
def test_a_redis_url_that_is_not_one_stops_the_start(url):
    result = run_settings(CACHE_SCRIPT, DEBUG="1", REDIS_URL=url)
    assert result.returncode != 0
    assert "ImproperlyConfigured: REDIS_URL" in result.stderr


def test_uploaded_files_go_to_a_private_bucket_when_s3_bucket_is_set():
    script = (
        "import django; django.setup();"
        "from django.core.files.storage import storages; d = storages['default'];"
        "print(type(d).__name__, d.bucket_name, d.endpoint_url, d.default_acl,"
        " d.querystring_auth, d.file_overwrite, d.region_name)"
    )
    result = run_settings(
        script,
        DJANGO_SETTINGS_MODULE="portal.settings",
        DEBUG="1",
        S3_BUCKET="rsj-files",
        S3_ENDPOINT_URL="https://oss.example.cn",
        S3_ACCESS_KEY_ID="id",
        S3_SECRET_ACCESS_KEY="secret",
        S3_REGION="cn-north-1",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "S3Storage",
        "rsj-files",
        "https://oss.example.cn",
        "private",
        "True",
        "False",
        "cn-north-1",
    ]
    default = run_settings(
        "import portal.settings as s; print(s.STORAGES['default']['BACKEND'])", DEBUG="1"
    )
    assert default.stdout.strip() == "django.core.files.storage.FileSystemStorage"
