"""`manage.py check_links` over many documents: internal answers in process, external ones in parallel.

    .venv/bin/python bench/check_links.py [--documents N] [--latency MS]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench .venv/bin/python bench/check_links.py

Flushes the database (a fresh SQLite file unless DATABASE_URL is set),
loads the catalogue and N published documents (`demo.bulk`), and gives each
body six links: two to other documents, one to a missing document, one to
the 政府信息公开 directory, and two to other sites, drawn from 200 distinct
addresses on a local web server that answers each request after
`--latency` milliseconds (no other network). Then times an internal-only
run, a full run and a second one (the rows replaced, not added), and the
external addresses alone at concurrency 1, 8 and 32.
"""

import argparse
import random
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from common import setup_django

setup_django()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

ADDRESSES = 200


def local_server(latency: float) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def do_HEAD(self):
            time.sleep(latency)
            self.send_response(404 if self.path.endswith("7") else 200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    return server


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--latency", type=float, default=50, help="milliseconds per answer")
    args = parser.parse_args()

    from django.contrib.auth.models import User

    from demo.bulk import create_bulk_documents
    from disclosure.lib.link_requests import check_urls
    from disclosure.models import LinkCheck, Publication
    from disclosure.services.links import links_check

    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    call_command("loaddata", "catalogue", verbosity=0)
    User.objects.create_superuser("bench", password="bench-password-1")
    create_bulk_documents(args.documents)
    server = local_server(args.latency / 1000)
    port = server.server_address[1]
    rng = random.Random(20261130)
    pks = list(Publication.objects.values_list("pk", flat=True))
    documents = list(Publication.objects.all())
    for document in documents:
        others = rng.sample(pks, 2)
        document.body += (
            f'<p><a href="/xxgk/doc/{others[0]}/">甲</a><a href="/xxgk/doc/{others[1]}/">乙</a>'
            f'<a href="/xxgk/doc/{10**9}/">不存在</a><a href="/xxgk/">目录</a>'
            f'<a href="http://127.0.0.1:{port}/p{rng.randrange(ADDRESSES)}">外甲</a>'
            f'<a href="http://127.0.0.1:{port}/p{rng.randrange(ADDRESSES)}">外乙</a></p>'
        )
    Publication.objects.bulk_update(documents, ["body"], batch_size=500)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")

    print(
        f"{connection.vendor}: {len(documents)} documents, 6 links each, "
        f"{ADDRESSES} external addresses answering after {args.latency:g} ms"
    )
    print("| run | links | broken | seconds | rows after |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, options in [
        ("internal only", {"internal_only": True}),
        ("full", {"concurrency": 8}),
        ("full again", {"concurrency": 8}),
    ]:
        start = time.perf_counter()
        summary = links_check(timeout=5, **options)
        seconds = time.perf_counter() - start
        print(
            f"| {name} | {summary.checked} | {summary.count('broken', 'timeout')} "
            f"| {seconds:.1f} | {LinkCheck.objects.count()} |"
        )
    # The external part alone: the distinct addresses, asked at different concurrency.
    urls = [f"http://127.0.0.1:{port}/p{n}" for n in range(ADDRESSES)]
    for concurrency in (1, 8, 32):
        start = time.perf_counter()
        check_urls(
            urls,
            timeout=5,
            concurrency=concurrency,
            budget=600,
            user_agent="bench",
            allow_private=True,
        )
        print(
            f"| {ADDRESSES} external addresses alone, concurrency {concurrency} | {ADDRESSES} "
            f"| — | {time.perf_counter() - start:.1f} | — |"
        )
    server.shutdown()


if __name__ == "__main__":
    main()
