"""Two gunicorn servers on one PostgreSQL database and one Redis act as one site.

What is done through server A (a login, a publication, a withdrawal) is seen
at once through server B, and a rate limit counts the requests both serve.
Each run has a fresh database and a Redis key prefix of its own.
"""

import contextlib
import html
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.conf import settings

from tests.gunicorn import gunicorn

PG = "postgres://postgres@127.0.0.1:5432"
REDIS = "redis://127.0.0.1:6379/0"
PASSWORD = "a-long-password-1"


def answers(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


pytestmark = [
    pytest.mark.skipif(not answers(5432), reason="PostgreSQL does not answer on 127.0.0.1:5432"),
    pytest.mark.skipif(not answers(6379), reason="Redis does not answer on 127.0.0.1:6379"),
]


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirects)


class Visitor:
    """A browser without JavaScript: one cookie jar, whichever server it asks."""

    def __init__(self, forwarded_for: str = "203.0.113.7"):
        self.cookies: dict[str, str] = {}
        self.forwarded_for = forwarded_for

    def request(self, url: str, data: dict | None = None) -> tuple[int, str, dict]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(url, data=body)
        request.add_header("X-Forwarded-For", self.forwarded_for)
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        try:
            response = OPENER.open(request, timeout=15)
        except urllib.error.HTTPError as error:
            response = error
        with response:
            for header in response.headers.get_all("Set-Cookie") or []:
                name, _, rest = header.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
            return response.status, response.read().decode(), dict(response.headers)

    def get(self, url: str) -> tuple[int, str, dict]:
        return self.request(url)

    def post_form(self, url: str, fields: dict) -> tuple[int, str, dict]:
        """GET the form (for its CSRF token), then POST `fields` with the token."""
        status, page, _ = self.get(url)
        assert status == 200, (url, status, page[:500])
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        return self.request(url, {"csrfmiddlewaretoken": token, **fields})

    def log_in(self, base: str, username: str) -> None:
        status, _, headers = self.post_form(
            f"{base}/admin/login/?next=/admin/",
            {"username": username, "password": PASSWORD, "next": "/admin/"},
        )
        assert (status, headers.get("Location")) == (302, "/admin/"), status


def manage(env: dict, *args: str, timeout: int = 120) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


PEOPLE = f"""
from django.contrib.auth.models import User
from disclosure.models import CatalogueItem, Office, StaffMember
office = Office.objects.get(name="行政办公室")
for name, role in (("editor", "editor"), ("reviewer", "reviewer")):
    user = User.objects.create_user(name, password="{PASSWORD}", is_staff=True)
    StaffMember.objects.create(user=user, office=office, role=role)
User.objects.create_superuser("boss", password="{PASSWORD}")
print(CatalogueItem.objects.get_by_path("jyta").pk)
"""


@pytest.fixture
def servers(tmp_path):
    """Servers A and B: their base URLs, and the catalogue item 人大建议 (jyta)'s id."""
    name = f"portal_two_servers_{os.getpid()}"
    subprocess.run(
        ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", name],
        check=True,
        capture_output=True,
    )
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)
    prefix = f"two-servers-{secrets.token_hex(4)}"
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DEBUG": "0",
        "DEMO": "0",
        "SECURE_HTTPS": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": f"{PG}/{name}",
        "REDIS_URL": REDIS,
        "CACHE_KEY_PREFIX": prefix,
        "MEDIA_ROOT": str(tmp_path / "media"),
        "STATIC_ROOT": str(tmp_path / "static"),
        # The address each request comes from is the one the test says it is.
        "CLIENT_ADDRESS_HEADER": "HTTP_X_FORWARDED_FOR",
        "API_REQUESTS_PER_10_MINUTES": "5",
        "WEB_WORKERS": "1",
        "WEB_THREADS": "4",
        "LOG_LEVEL": "WARNING",
    }
    try:
        manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "loaddata", "catalogue", "-v", "0")
        manage(env, "collectstatic", "--no-input", "-v", "0")
        item = int(manage(env, "shell", "--no-imports", "-c", PEOPLE).strip())
        with contextlib.ExitStack() as stack:
            bases = [
                stack.enter_context(
                    gunicorn(
                        env, log=stack.enter_context((tmp_path / f"gunicorn-{n}.log").open("w"))
                    )
                )
                for n in "ab"
            ]
            yield bases[0], bases[1], item
    finally:
        flush_prefix(prefix)
        subprocess.run(
            ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "--force", name],
            check=False,
        )


def flush_prefix(prefix: str) -> None:
    """Delete this run's keys (and nothing else) from the shared Redis."""
    import redis

    client = redis.Redis.from_url(REDIS)
    keys = list(client.scan_iter(match=f"{prefix}:*"))
    if keys:
        client.delete(*keys)
    client.close()


def test_two_servers_act_as_one_site(servers):
    a, b, item = servers
    started = time.monotonic()

    # (a) Logged in on A, the same session opens the admin on B.
    boss = Visitor()
    boss.log_in(a, "boss")
    status, page, _ = boss.get(f"{b}/admin/")
    assert status == 200 and 'id="logout-form"' in page, status

    # (b) B has served the list before a document is published through A.
    citizen = Visitor()
    title = f"关于第{secrets.randbelow(1000)}号建议的答复"
    status, page, _ = citizen.get(f"{b}/xxgk/jyta/")
    assert status == 200 and title not in page

    editor, reviewer = Visitor(), Visitor()
    editor.log_in(a, "editor")
    status, _, headers = editor.post_form(
        f"{a}/admin/disclosure/publication/add/?item={item}",
        {
            "attachments-TOTAL_FORMS": "0",
            "attachments-INITIAL_FORMS": "0",
            "attachments-MIN_NUM_FORMS": "0",
            "attachments-MAX_NUM_FORMS": "1000",
            "title": title,
            "body": "<p>答复正文</p>",
            "formed_on": time.strftime("%Y-%m-%d"),
            "_continue": "1",
        },
    )
    assert status == 302, status
    pk = int(re.search(r"/publication/(\d+)/change/", headers["Location"]).group(1))
    assert editor.post_form(f"{a}/admin/disclosure/publication/{pk}/do/submit/", {})[0] == 302
    reviewer.log_in(a, "reviewer")
    status, page, _ = reviewer.post_form(
        f"{a}/admin/disclosure/publication/{pk}/do/approve/",
        {"text": "经审查，不涉及国家秘密和个人隐私，同意公开。"},
    )
    assert status == 302, html.unescape(page)[:2000]

    status, page, _ = citizen.get(f"{b}/xxgk/jyta/")
    assert status == 200 and title in page
    status, page, _ = citizen.get(f"{b}/xxgk/doc/{pk}/")
    assert status == 200 and title in page

    # (d) Withdrawn through A, B says so at once.
    status, _, _ = reviewer.post_form(
        f"{a}/admin/disclosure/publication/{pk}/do/withdraw/", {"text": "内容有误"}
    )
    assert status == 302
    status, page, _ = citizen.get(f"{b}/xxgk/doc/{pk}/")
    assert status == 410 and "内容有误" in page
    status, page, _ = citizen.get(f"{b}/xxgk/jyta/")
    assert title not in page

    # (c) Five API requests in ten minutes, wherever they go: the sixth is refused.
    reader = Visitor(forwarded_for="198.51.100.9")
    answers_ = [reader.get(f"{base}/api/v1/")[0] for base in (a, b, a, b, a, b)]
    assert answers_ == [200, 200, 200, 200, 200, 429]
    assert Visitor(forwarded_for="198.51.100.10").get(f"{b}/api/v1/")[0] == 200

    assert time.monotonic() - started < 60
