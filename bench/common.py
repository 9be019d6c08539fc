"""What the benchmark scripts share: Django on a scratch database, timing, query counts."""

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_SCRATCH = Path(tempfile.mkdtemp(prefix="portal-bench-"))


def scratch() -> Path:
    """A temporary folder for this run: its database, uploads and demo passwords."""
    return _SCRATCH


def setup_django() -> None:
    """Django with the project's settings, on a fresh SQLite file unless DATABASE_URL is set."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    os.environ.setdefault("DEBUG", "1")
    # Pages are measured without the first request of the day running the daily jobs.
    os.environ.setdefault("DAILY_JOBS_ON_REQUEST", "0")
    # In process, pages are measured as they are built; pages.py and load.py
    # start servers with and without the page cache themselves.
    os.environ.setdefault("PAGE_CACHE", "0")
    os.environ["MEDIA_ROOT"] = str(_SCRATCH / "media")
    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = f"sqlite:///{_SCRATCH}/bench.sqlite3"
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["testserver"]


def timed(fn, repeat: int) -> list[float]:
    """Milliseconds for each of `repeat` calls."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def count_queries(client, url: str) -> int:
    """SQL statements one GET of `url` runs (it must answer 200)."""
    from django.db import connection

    queries: list[str] = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        assert client.get(url).status_code == 200, url
    return len(queries)


def measure_pages(urls: dict[str, str], requests: int) -> dict[str, tuple[int, float]]:
    """For each named URL: its SQL statements and the median milliseconds of `requests` GETs."""
    import statistics

    from django.test import Client

    client = Client()
    results = {}
    for name, url in urls.items():
        client.get(url)
        queries = count_queries(client, url)
        results[name] = (
            queries,
            statistics.median(timed(lambda url=url: client.get(url), requests)),
        )
    return results


def build_portal_site(documents: int = 10_000) -> dict[str, str]:
    """Migrate, load the catalogue and the demo content, and publish `documents` more
    under 政策文件; returns the public pages to measure, by name."""
    import io

    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("loaddata", "catalogue", verbosity=0)
    call_command(
        "seed_demo",
        accounts_file=str(_SCRATCH / "accounts.json"),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )

    from demo.bulk import create_bulk_documents
    from disclosure.models import CatalogueItem, Publication

    item = CatalogueItem.objects.get(slug="zcwj", parent__slug="zcfg")
    create_bulk_documents(documents, items=[item])
    newest = Publication.objects.public().filter(item=item).order_by("-published_at").first()
    return {
        "home": "/",
        "/xxgk/": "/xxgk/",
        "list (政策文件)": "/xxgk/zcfg/zcwj/",
        "list, filtered": f"/xxgk/zcfg/zcwj/?q=第7号&year={newest.published_at.year}",
        "document": newest.get_absolute_url(),
        "feed": "/feeds/rss.xml",
        "sitemap": "/sitemap.xml",
    }
