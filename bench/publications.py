"""Public list and document pages with 10 and with 10,000 documents in one item.

    .venv/bin/python bench/publications.py [--requests N]

Each size gets a fresh SQLite database in a temporary folder (or, with
DATABASE_URL set, that database is flushed first). Prints the SQL queries
per page and the median time, and the ratio of the two sizes.
"""

import argparse

from common import measure_pages, setup_django

setup_django()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

ITEM = "zcfg/zcwj"


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
        # What autovacuum does to a live database after a bulk load.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    newest = Publication.objects.public().filter(item=item).order_by("-published_at").first()
    oldest = Publication.objects.public().filter(item=item).order_by("published_at").first()
    pages = {
        "list": f"/xxgk/{ITEM}/",
        "list, filter matching a few": f"/xxgk/{ITEM}/?q=第7号&year={newest.published_at.year}",
        "list, filter matching all": f"/xxgk/{ITEM}/?q=政策&doc_number=号",
        "list, last page": f"/xxgk/{ITEM}/?page={(size + 19) // 20}",
        "document (newest)": newest.get_absolute_url(),
        "document (oldest)": oldest.get_absolute_url(),
        "print view": newest.get_absolute_url() + "print/",
    }
    return measure_pages(pages, requests)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    small = measure(10, args.requests)
    large = measure(10_000, args.requests)
    print(f"Database: {connection.vendor}; median of {args.requests} requests.\n")
    print("| page | queries (10) | queries (10,000) | ms (10) | ms (10,000) | ratio |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name in small:
        (q1, t1), (q2, t2) = small[name], large[name]
        print(f"| {name} | {q1} | {q2} | {t1:.1f} | {t2:.1f} | {t2 / t1:.2f} |")


if __name__ == "__main__":
    main()
