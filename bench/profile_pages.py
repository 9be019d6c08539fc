"""Where a public page's time goes: cProfile over the portal's own views, in process.

    nice -n 19 .venv/bin/python bench/profile_pages.py [--requests 200] [--top 25]

The same database as bench/pages.py (catalogue, demo content, 10,000
documents under 政策文件) and the production settings (DEBUG=0), pages
requested through Django's test client. For each page it prints the time
per request without the profiler, then under cProfile the framework's main
stages (middleware, view, templates, SQL) and the project's functions with
the most cumulative time, as milliseconds per request.
"""

import argparse
import cProfile
import os
import pstats
import re
import statistics

os.environ.update(
    {"DEBUG": "0", "DEMO": "1", "SECURE_HTTPS": "0", "ALLOWED_HOSTS": "127.0.0.1,localhost"}
)

from common import ROOT, build_portal_site, count_queries, setup_django, timed

setup_django()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

PAGES = ["home", "/xxgk/", "list (政策文件)", "document"]
PROJECT = (str(ROOT / "disclosure"), str(ROOT / "portal"), str(ROOT / "demo"))

# Framework functions that mark a stage of a request, with the name to print.
STAGES = [
    ("django/core/handlers/base.py", "get_response", "whole request (handler)"),
    ("django/core/handlers/base.py", "_get_response", "view, inside the middleware"),
    ("django/template/response.py", "render", "TemplateResponse.render"),
    ("django/shortcuts.py", "render", "shortcuts.render"),
    ("django/template/backends/django.py", "render", "template render (all templates)"),
    ("django/template/context.py", "bind_template", "context processors"),
    ("django/template/loader_tags.py", "render", "{% include %} / {% extends %} / {% block %}"),
    ("django/template/defaulttags.py", "render", "{% for %} / {% if %} / {% url %} ..."),
    ("django/urls/base.py", "reverse", "reverse() and {% url %}"),
    ("django/db/backends/utils.py", "execute", "SQL: execute"),
    ("django/db/models/query.py", "_fetch_all", "ORM: fetch and build objects"),
    ("django/db/backends/base/base.py", "connect", "database connect (per request)"),
    ("django/forms/forms.py", "render", "form render"),
    ("django/forms/boundfield.py", "__str__", "form field render"),
    ("django/utils/translation/__init__.py", "gettext", "gettext"),
    ("django/utils/formats.py", "date_format", "date formatting"),
]


def slowest_queries(client, url: str, top: int = 3) -> list[tuple[float, str, str]]:
    """The page's SQL statements, each run again alone to its last row, slowest first:
    milliseconds, the statement, and SQLite's plan for those over 5 ms."""
    statements: list[tuple[str, tuple]] = []

    def keep(execute, sql, params, many, context):
        statements.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(keep):
        client.get(url)
    timings = []
    with connection.cursor() as cursor:
        for sql, params in statements:

            def run(sql=sql, params=params):
                cursor.execute(sql, params)
                cursor.fetchall()

            ms = statistics.median(timed(run, 20))
            plan = ""
            if ms > 5 and connection.vendor == "sqlite":
                cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
                plan = "; ".join(row[-1] for row in cursor.fetchall())
            timings.append((ms, sql, plan))
    return sorted(timings, reverse=True)[:top]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument(
        "--pages",
        nargs="+",
        default=PAGES,
        help="names from bench/common.py's build_portal_site, e.g. feed sitemap",
    )
    args = parser.parse_args()

    pages = build_portal_site(args.documents)
    call_command("collectstatic", interactive=False, verbosity=0)
    client = Client()
    for name in args.pages:
        url = pages[name]
        for _ in range(5):
            client.get(url)
        queries = count_queries(client, url)
        plain = statistics.median(timed(lambda url=url: client.get(url), args.requests))
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(args.requests):
            client.get(url)
        profile.disable()
        stats = pstats.Stats(profile).stats
        per = 1000 / args.requests

        print(f"\n## {name} `{url}`: {queries} queries, {plain:.1f} ms median without profiler\n")
        print("| stage | calls / request | cumulative ms / request |")
        print("| --- | ---: | ---: |")
        for path, function, label in STAGES:
            calls = total = 0.0
            for (filename, _line, func), (_cc, nc, _tt, ct, _callers) in stats.items():
                if filename.endswith(path) and func == function:
                    calls += nc
                    total += ct
            if calls:
                print(f"| {label} | {calls / args.requests:.0f} | {total * per:.2f} |")

        print("\nSlowest statements, each run alone to its last row (median of 20):\n")
        for ms, sql, plan in slowest_queries(client, url):
            # The column list says little: from FROM on is what the database does.
            sql = re.sub(r"^SELECT .*? FROM ", "SELECT … FROM ", sql, count=1, flags=re.S)
            print(f"- {ms:.2f} ms: `{sql[:600]}{'…' if len(sql) > 600 else ''}`")
            if plan:
                print(f"  plan: {plan}")

        ours = [
            (ct, nc, filename, line, func)
            for (filename, line, func), (_cc, nc, _tt, ct, _callers) in stats.items()
            if filename.startswith(PROJECT)
        ]
        ours.sort(reverse=True)
        print("\n| project function | calls / request | cumulative ms / request |")
        print("| --- | ---: | ---: |")
        for ct, nc, filename, line, func in ours[: args.top]:
            where = os.path.relpath(filename, ROOT)
            print(f"| `{where}:{line} {func}` | {nc / args.requests:.1f} | {ct * per:.2f} |")


if __name__ == "__main__":
    main()
