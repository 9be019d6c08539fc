"""Site search with many published documents: seeding time, query count and latency.

    .venv/bin/python bench/search.py --documents 10000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench \\
        .venv/bin/python bench/search.py --documents 100000

Flushes the database (a fresh SQLite file unless DATABASE_URL is set),
loads the catalogue, times `seed_demo --documents N` (the demo content
plus N published documents with realistic bodies, indexed as they are
added), then requests search pages through Django's test client and prints
the hits, SQL queries, median and p95 of each.
"""

import argparse
import io
import statistics
import time

from common import count_queries, setup_django, timed

setup_django()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils.http import urlencode  # noqa: E402


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument(
        "--no-seed", action="store_true", help="measure the database as a previous run left it"
    )
    args = parser.parse_args()

    from disclosure.lib.search_text import parse_query
    from disclosure.models import Publication, SearchEntry
    from disclosure.selectors.catalogue import public_tree
    from disclosure.selectors.search import search

    call_command("migrate", verbosity=0)
    seeded = 0.0
    if not args.no_seed:
        call_command("flush", interactive=False, verbosity=0)
        call_command("loaddata", "catalogue", verbosity=0)
        start = time.perf_counter()
        call_command(
            "seed_demo", documents=args.documents, stdout=io.StringIO(), stderr=io.StringIO()
        )
        seeded = time.perf_counter() - start
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
            cursor.execute(
                "SELECT pg_size_pretty(pg_total_relation_size('disclosure_searchentry'))"
            )
            size = cursor.fetchone()[0]
    else:
        size = "—"
    print(
        f"{connection.vendor}: {Publication.objects.count()} documents, "
        f"{SearchEntry.objects.count()} indexed, "
        + ("" if args.no_seed else f"seed_demo --documents {args.documents} took {seeded:.1f} s, ")
        + f"index table {size}"
    )

    number = (
        Publication.objects.filter(doc_number__contains="规").order_by("-pk").first().doc_number
    )
    queries = {
        "common word, thousands of hits (劳务派遣)": {"q": "劳务派遣"},
        "word in nearly every document (就业)": {"q": "就业"},
        "common four characters (社会保险)": {"q": "社会保险"},
        "place name (卧牛河镇)": {"q": "卧牛河镇"},
        "two common words (就业 补贴)": {"q": "就业 补贴"},
        "common word, by date": {"q": "劳务派遣", "sort": "date"},
        "common word, page 50": {"q": "劳务派遣", "page": "50"},
        "rare word (秀水山庄)": {"q": "秀水山庄"},
        f"文号 ({number})": {"q": number.replace("〔", "[").replace("〕", "]")},
        "文号 filter alone": {"doc_number": number},
        "no hits (无此词语)": {"q": "无此词语"},
    }
    client = Client()
    print("| search | hits | SQL queries | median ms | p95 ms |")
    print("| --- | ---: | ---: | ---: | ---: |")
    tree = public_tree()
    for name, params in queries.items():
        url = f"/search/?{urlencode(params)}"
        hits = search(
            parse_query(params.get("q", "")), tree, doc_number=params.get("doc_number", "")
        ).total
        client.get(url)
        count = count_queries(client, url)
        samples = timed(lambda url=url: client.get(url), args.requests)
        print(
            f"| {name} | {hits} | {count} | {statistics.median(samples):.1f} | {percentile(samples, 0.95):.1f} |"
        )


if __name__ == "__main__":
    main()
