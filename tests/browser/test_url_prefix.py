"""The site under a path prefix, as production serves it: gunicorn with URL_PREFIX, in Chromium.

The reverse proxy passes /xxgk/rsj/... on unchanged; gunicorn (portal/gunicorn_conf.py
gives it SCRIPT_NAME) takes the prefix off. The server here reads the test database
the live server's fixture filled, with the production settings (DEBUG off, collected
static files served by WhiteNoise).
"""

import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from playwright.sync_api import Page, expect

from disclosure.models import Publication
from tests.factories import PDF, with_attachment
from tests.gunicorn import gunicorn

PREFIX = "/xxgk/rsj"
PASSWORD = "a-long-password-1"


def database_url() -> str:
    data = connection.settings_dict
    if data["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{data['NAME']}"
    user = data["USER"] or "postgres"
    password = f":{data['PASSWORD']}" if data["PASSWORD"] else ""
    return f"postgres://{user}{password}@{data['HOST'] or '127.0.0.1'}:{data['PORT'] or 5432}/{data['NAME']}"


@pytest.fixture
def prefixed_site(site, tmp_path):
    """gunicorn serving the live server's database under /xxgk/rsj; its base URL (with the prefix)."""
    env = {
        "PATH": os.environ["PATH"],
        "DEBUG": "0",
        "DEMO": "1",
        "SECRET_KEY": "x" * 60,
        "SECURE_HTTPS": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url(),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "STATIC_ROOT": str(tmp_path / "static"),
        "URL_PREFIX": PREFIX,
        "LOG_LEVEL": "WARNING",
        "WEB_WORKERS": "1",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "--verbosity", "0"],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
        timeout=120,
    )
    with gunicorn(env, prefix=PREFIX) as base:
        yield base


def test_the_site_works_under_its_prefix(page: Page, prefixed_site):
    base = prefixed_site
    host = base.removesuffix(PREFIX)
    requests = []
    page.on("request", lambda request: requests.append(request.url))

    page.goto(f"{base}/")
    # The stylesheet was found: its custom properties and rules apply.
    assert (
        page.evaluate(
            "getComputedStyle(document.documentElement).getPropertyValue('--blue').trim()"
        )
        == "#0b4a8b"
    )
    assert page.evaluate("getComputedStyle(document.body).margin") == "0px"

    page.get_by_role("link", name="政府信息公开", exact=True).first.click()
    expect(page).to_have_url(f"{base}/xxgk/")
    page.get_by_role("link", name="政策解读").first.click()
    expect(page).to_have_url(f"{base}/xxgk/zcfg/zcjd/")
    page.get_by_role("link", name=re.compile("政策解读$")).first.click()
    expect(page).to_have_url(re.compile(rf"^{re.escape(base)}/xxgk/doc/\d+/$"))
    expect(page.locator("table.doc-meta")).to_contain_text("索引号")

    # Everything the pages asked for (styles, scripts, images) was under the prefix.
    assert requests and all(url.startswith(f"{base}/") for url in requests), requests

    # 长者模式: the switch works in place, its cookie belongs to the prefix, and the
    # server shows the next page in the same mode.
    page.get_by_role("link", name="长者模式", exact=True).click()
    expect(page.locator("html")).to_have_class("elder")
    cookie = next(c for c in page.context.cookies() if c["name"] == "mode")
    assert cookie["value"] == "elder" and cookie["path"] == f"{PREFIX}/"
    page.get_by_role("link", name="政府信息公开", exact=True).first.click()
    expect(page).to_have_url(f"{base}/xxgk/")
    expect(page.locator("html")).to_have_class("elder")
    # Without JavaScript's help: the switch's own address sets the mode and comes back.
    page.goto(host + page.get_by_role("link", name="退出长者模式").get_attribute("href"))
    expect(page).to_have_url(f"{base}/xxgk/")
    expect(page.locator("html")).not_to_have_class("elder")

    # An outside path as the way back is refused: the switch goes home, under the prefix.
    page.goto(f"{base}/wza/?mode=elder&next=/admin/")
    expect(page).to_have_url(f"{base}/")

    # A request outside the prefix does not reach the site.
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(f"{host}/xxgk/", timeout=5)


def test_an_attachment_downloads_under_the_prefix(page: Page, prefixed_site):
    document = Publication.objects.public().order_by("pk").first()
    attachment = with_attachment(document)
    page.goto(f"{prefixed_site}{document.get_absolute_url()}")
    link = page.get_by_role("link", name=re.compile(attachment.name.removesuffix(".pdf")))
    href = link.first.get_attribute("href")
    assert href.startswith(f"{PREFIX}/xxgk/doc/{document.pk}/files/")
    with page.expect_download() as waiting:
        link.first.click()
    download = waiting.value
    assert download.url.startswith(f"{prefixed_site}/")
    assert Path(download.path()).read_bytes() == PDF


def test_staff_log_in_under_the_prefix(page: Page, prefixed_site):
    # The server hashes as production does, not with the tests' fast hasher.
    hasher = PBKDF2PasswordHasher()
    get_user_model().objects.create(
        username="root",
        is_staff=True,
        is_superuser=True,
        password=hasher.encode(PASSWORD, hasher.salt()),
    )
    page.goto(f"{prefixed_site}/admin/")
    expect(page).to_have_url(re.compile(rf"^{re.escape(prefixed_site)}/admin/login/\?next="))
    page.get_by_label("用户名").fill("root")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page).to_have_url(f"{prefixed_site}/admin/")
    expect(page.get_by_text("站点管理").or_(page.get_by_text("管理首页")).first).to_be_visible()
    paths = {c["name"]: c["path"] for c in page.context.cookies()}
    assert paths["sessionid"] == f"{PREFIX}/" and paths["csrftoken"] == f"{PREFIX}/"
    # The admin's own style sheets came from WhiteNoise under the prefix.
    assert page.evaluate(
        "getComputedStyle(document.documentElement).getPropertyValue('--primary').trim()"
    )
