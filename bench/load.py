"""32 clients for 60 s on a mix of public pages: every answer must be a 200.

    nice -n 19 .venv/bin/python bench/load.py [--seconds 60] [--connections 32]
    nice -n 19 .venv/bin/python bench/load.py --postgres      # a fresh PostgreSQL database

Builds the same site as `pages.py` (catalogue, demo content, 10,000
documents under 政策文件) on a SQLite file in a temporary folder, or with
`--postgres` in a new database on 127.0.0.1:5432 (dropped at the end), and
starts the portal as `make run` does (portal.gunicorn_conf, DEBUG=0), once
with the page cache and once without (`--cache on|off|both`). wrk requests
a mix of URLs over `--connections` kept-alive connections, each of wrk's
two threads taking the next URL of the list in turn from a random start:
the home page, `/xxgk/`, every column, list pages deep into 政策文件 with
and without filters, 200 documents with their print views, feeds, the
sitemap, search and the open-data API. Prints requests per second and every answer that was not a
200 (wrk counts non-2xx/3xx answers and socket errors; a 30 s timeout).
"""

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import uuid
from urllib.parse import quote

os.environ.update(
    {"DEBUG": "0", "DEMO": "1", "SECURE_HTTPS": "0", "ALLOWED_HOSTS": "127.0.0.1,localhost"}
)

parser = argparse.ArgumentParser()
parser.add_argument("--seconds", type=int, default=60)
parser.add_argument("--connections", type=int, default=32)
parser.add_argument("--documents", type=int, default=10_000)
parser.add_argument("--cache", choices=["on", "off", "both"], default="both")
parser.add_argument("--postgres", action="store_true", help="a new PostgreSQL database")
ARGS = parser.parse_args()

POSTGRES_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
if ARGS.postgres:
    import psycopg

    DB_NAME = f"portal_load_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{DB_NAME}"')
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{DB_NAME}"

from common import ROOT, build_portal_site, setup_django  # noqa: E402
from pages import GUNICORN, free_port, wait_until_up  # noqa: E402

setup_django()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

LUA = """
local paths = {%s}
local n = math.random(#paths)
request = function()
  n = n %% #paths + 1
  return wrk.format("GET", paths[n])
end
"""


def mix(pages: dict[str, str]) -> list[str]:
    """The public pages a crowd of citizens would ask for, each a 200."""
    from disclosure.models import CatalogueItem, Publication

    urls = [pages["home"], "/xxgk/", pages["feed"], "/feeds/atom.xml", pages["sitemap"]]
    urls += [item.get_absolute_url() for item in CatalogueItem.objects.public()]
    listing = pages["list (政策文件)"]
    urls += [f"{listing}?page={n}" for n in (2, 3, 10, 50, 100, 250, 500)]
    urls += [pages["list, filtered"], f"{listing}?q=补贴", f"{listing}?q=就业&page=3"]
    documents = list(Publication.objects.public().order_by("?")[:200])
    for document in documents:
        urls.append(document.get_absolute_url())
    for document in documents[:20]:
        urls.append(document.get_absolute_url() + "?size=large")
        urls.append(document.get_absolute_url() + "print/")
    urls += ["/search/?q=就业", "/search/?q=社会保险补贴", "/api/v1/items/", "/api/v1/documents/"]
    urls += ["/ysqgk/", "/wzdt/", "/robots.txt"]
    random.Random(1).shuffle(urls)
    return [quote(url, safe="/?=&") for url in urls]


def run(urls: list[str], cache: bool) -> str:
    port = free_port()
    env = {**os.environ, "PAGE_CACHE": "1" if cache else "0"}
    # The open-data API limits each client; wrk is one client.
    env["API_REQUESTS_PER_10_MINUTES"] = "100000000"
    server = subprocess.Popen(
        [
            *(GUNICORN, "portal.wsgi", "--config", "python:portal.gunicorn_conf"),
            *("--bind", f"127.0.0.1:{port}"),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, "/healthz", server)
        import urllib.request

        for url in urls:  # each answers 200 before the crowd comes
            with urllib.request.urlopen(base + url, timeout=60) as response:
                assert response.status == 200, url
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(LUA % ", ".join(f'"{url}"' for url in urls))
        out = subprocess.run(
            [
                *("wrk", "-t2", f"-c{ARGS.connections}", f"-d{ARGS.seconds}s", "--timeout", "30s"),
                *("-s", script.name, base + "/"),
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        os.unlink(script.name)
    finally:
        server.terminate()
        server.wait(timeout=30)
    total = int(re.search(r"(\d+) requests in", out).group(1))
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    sockets = re.search(r"Socket errors:.*", out)
    latency = re.search(r"Latency\s+(\S+)\s+(\S+)\s+(\S+)", out)
    return (
        f"| {'on' if cache else 'off'} | {total} | {rate:.0f} | {latency.group(1)} | "
        f"{latency.group(3)} | {bad.group(1) if bad else 0} | "
        f"{sockets.group(0) if sockets else 'none'} |"
    )


def main() -> None:
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")
    print("Building the portal's database ...", file=sys.stderr)
    pages = build_portal_site(ARGS.documents)
    call_command("collectstatic", interactive=False, verbosity=0)
    urls = mix(pages)
    connection.close()
    engine = "PostgreSQL" if ARGS.postgres else "SQLite"
    print(
        f"{engine}, {len(urls)} URLs, {ARGS.connections} connections, {ARGS.seconds} s, "
        f"load average before: {os.getloadavg()[0]:.1f}\n"
    )
    print(
        "| page cache | requests | requests/s | mean latency | max latency | non-2xx/3xx | socket errors |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for cache in {"on": [True], "off": [False], "both": [True, False]}[ARGS.cache]:
        print(run(urls, cache), flush=True)


if __name__ == "__main__":
    try:
        main()
    finally:
        if ARGS.postgres:
            from django.db import connections

            connections.close_all()
            import psycopg

            with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
