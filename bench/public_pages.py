"""Queries and time per public page, and the catalogue's Excel round trip.

    .venv/bin/python bench/public_pages.py [--requests N]

Runs against a fresh SQLite database in a temporary folder unless
DATABASE_URL is set (then that database must be empty and migrated).
Prints a Markdown table for bench/README.md.
"""

import argparse
import io
import statistics

from common import count_queries, scratch, setup_django, timed

setup_django()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

PAGES = ["/", "/xxgk/", "/xxgk/jgjj/", "/xxgk/zcfg/zcwj/", "/xxgk/jgjj/ssdw/", "/healthz"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    call_command("loaddata", "catalogue", verbosity=0)
    call_command("seed_demo", accounts_file=str(scratch() / "accounts.json"), stderr=io.StringIO())
    client = Client()

    print(f"Database: {connection.vendor}; {args.requests} requests per page.\n")
    print("| page | SQL queries | median ms | p95 ms |")
    print("| --- | ---: | ---: | ---: |")
    for url in PAGES:
        client.get(url)  # warm up
        queries = count_queries(client, url)
        samples = timed(lambda url=url: client.get(url), args.requests)
        p95 = statistics.quantiles(samples, n=20)[-1]
        print(f"| `{url}` | {queries} | {statistics.median(samples):.1f} | {p95:.1f} |")

    from disclosure.catalogue_excel.export import export_workbook
    from disclosure.catalogue_excel.parse import parse_workbook
    from disclosure.services.catalogue import catalogue_import

    data = export_workbook()
    export_ms = statistics.median(timed(export_workbook, 20))

    class Upload:
        def __init__(self):
            import io

            self.buffer = io.BytesIO(data)

        def read(self, size=-1):
            return self.buffer.read(size)

    import_ms = statistics.median(
        timed(lambda: catalogue_import(rows=parse_workbook(Upload()).rows), 20)
    )
    print(f"\nExcel export of the catalogue: {export_ms:.1f} ms (median of 20), {len(data)} bytes.")
    print(f"Excel import of the same file (check and apply): {import_ms:.1f} ms (median of 20).")


if __name__ == "__main__":
    main()
