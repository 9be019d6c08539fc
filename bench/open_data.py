"""The open-data API's lists and documents with 10 and with 10,000 documents in one item.

    .venv/bin/python bench/open_data.py [--requests N]

Like publications.py: each size flushes the database, loads the catalogue and
puts the documents under 政策文件 with `demo.bulk.create_bulk_documents`.
Prints the SQL queries per request (the per-client limiter's included) and
the median time. The limit is raised for the run, so no request is refused.
"""

import argparse

from common import measure_pages, setup_django

setup_django()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402


def measure(size: int, requests: int) -> dict[str, tuple[int, float]]:
    from demo.bulk import create_bulk_documents
    from disclosure.models import CatalogueItem, Publication

    call_command("flush", interactive=False, verbosity=0)
    call_command("loaddata", "catalogue", verbosity=0)
    from django.contrib.auth.models import User

    User.objects.create_superuser("bench", password="bench-password-1")
    item = CatalogueItem.objects.get(slug="zcwj", parent__slug="zcfg")
    create_bulk_documents(size, items=[item])
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    newest = Publication.objects.public().order_by("-published_at").first()
    oldest = Publication.objects.public().order_by("published_at").first()
    last = (size + 99) // 100
    since = newest.published_at.date().isoformat()
    urls = {
        "catalogue, 100 items": "/api/v1/items/?page_size=100",
        "documents, 20": "/api/v1/documents/",
        "documents, 100": "/api/v1/documents/?page_size=100",
        "documents, 100, last page": f"/api/v1/documents/?page_size=100&page={last}",
        "documents of a branch, 100": "/api/v1/documents/?item=zcfg&page_size=100",
        "changed since the newest's day, 100": f"/api/v1/documents/?changed_since={since}&page_size=100",
        "document (newest)": f"/api/v1/documents/{newest.pk}/",
        "document (oldest)": f"/api/v1/documents/{oldest.pk}/",
    }
    return measure_pages(urls, requests)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "api": (10**9, 600)}
    call_command("migrate", verbosity=0)
    small = measure(10, args.requests)
    large = measure(10_000, args.requests)
    print(f"Database: {connection.vendor}; median of {args.requests} requests.\n")
    print("| request | queries (10) | queries (10,000) | ms (10) | ms (10,000) | ratio |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name in small:
        (q1, t1), (q2, t2) = small[name], large[name]
        print(f"| {name} | {q1} | {q2} | {t1:.1f} | {t2:.1f} | {t2 / t1:.2f} |")


if __name__ == "__main__":
    main()
