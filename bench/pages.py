"""Requests per second of the public pages beside a minimal Django project, in one run.

    nice -n 19 .venv/bin/python bench/pages.py [--seconds 10] [--connections 8] [--rounds 1]

Builds a portal database (SQLite, in a temporary folder) with the catalogue,
the demo content and 10,000 published documents under 政策文件, and the
minimal project's database (bench/minimal: 10,000 rows). Counts the SQL
queries of each portal page in process, with the page cache and without,
then starts three gunicorns under the same configuration: the portal
(DEBUG=0) once with the page cache (a page kept from the first request) and
once with PAGE_CACHE=0, and the minimal project. The configuration is
`make run`'s (portal.gunicorn_conf: two gthread workers of eight threads) or,
with `--server sync`, two sync workers. wrk (or, without it, a small load
generator in Python threads) requests each URL for `--seconds` over
`--connections` kept-alive connections, one URL after the other. Prints a
Markdown table of requests per second and the ratios to the minimal views.
"""

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from http.client import HTTPConnection
from urllib.parse import quote

# The portal's production settings, as `make run` has them.
os.environ.update(
    {"DEBUG": "0", "DEMO": "1", "SECURE_HTTPS": "0", "ALLOWED_HOSTS": "127.0.0.1,localhost"}
)

from common import ROOT, build_portal_site, count_queries, scratch, setup_django

setup_django()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

MINIMAL = ROOT / "bench" / "minimal"
PYTHON = sys.executable
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
if not os.path.exists(GUNICORN):
    GUNICORN = str(os.path.join(os.path.dirname(PYTHON), "gunicorn"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(base: str, path: str, process: subprocess.Popen) -> None:
    for _ in range(300):
        if process.poll() is not None:
            raise SystemExit(f"gunicorn stopped: {base}")
        try:
            with urllib.request.urlopen(base + path, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer: {base}{path}")


def run_wrk(url: str, seconds: int, connections: int) -> tuple[float, int]:
    """Requests per second and the number of answers that were not 2xx/3xx."""
    out = subprocess.run(
        ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return rate, int(errors.group(1)) if errors else 0


def run_threads(url: str, seconds: int, connections: int) -> tuple[float, int]:
    """The same as wrk, slower: one thread per kept-alive connection."""
    host, port = url.split("/")[2].split(":")
    path = "/" + url.split("/", 3)[3]
    counts, errors = [0] * connections, [0] * connections
    stop = time.perf_counter() + seconds

    def work(n: int) -> None:
        client = HTTPConnection(host, int(port), timeout=30)
        while time.perf_counter() < stop:
            client.request("GET", path)
            response = client.getresponse()
            response.read()
            counts[n] += 1
            if response.status >= 400:
                errors[n] += 1
            if response.getheader("Connection", "").lower() == "close":
                client.close()
                client = HTTPConnection(host, int(port), timeout=30)

    start = time.perf_counter()
    workers = [threading.Thread(target=work, args=(n,)) for n in range(connections)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return sum(counts) / (time.perf_counter() - start), sum(errors)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=1, help="measure every URL this many times")
    parser.add_argument(
        "--server",
        choices=["make-run", "sync"],
        default="make-run",
        help="gunicorn for all three sites: as `make run` starts it, or two sync workers",
    )
    args = parser.parse_args()
    load = run_wrk if shutil.which("wrk") else run_threads
    if load is run_threads:
        print("wrk is not installed (apt-get install wrk): using Python threads instead,")
        print("which take a share of the CPU themselves; the ratios are what to compare.\n")

    print("Building the portal's database ...", file=sys.stderr)
    pages = build_portal_site(args.documents)
    call_command("collectstatic", interactive=False, verbosity=0)
    from django.conf import settings

    client = Client()
    queries = {}
    for cache in (False, True):
        settings.PAGE_CACHE = cache
        for name, url in pages.items():
            client.get(url)
            queries[f"{name}, {'cached' if cache else 'uncached'}"] = count_queries(client, url)
    connection.close()

    print("Building the minimal project's database ...", file=sys.stderr)
    minimal_env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "minimal.settings",
        "MINIMAL_DB": str(scratch() / "minimal.sqlite3"),
    }
    for command in (["migrate", "--run-syncdb", "-v0"], ["fill_rows", "--rows", "10000"]):
        subprocess.run(
            [PYTHON, "manage.py", *command],
            cwd=MINIMAL,
            env=minimal_env,
            check=True,
            stdout=subprocess.DEVNULL,
        )

    cached_port, uncached_port, minimal_port = free_port(), free_port(), free_port()
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    # The same gunicorn for both projects; the minimal one finds the portal's
    # configuration module through PYTHONPATH.
    if args.server == "sync":
        configuration = ["--workers", "2"]
    else:
        configuration = ["--config", "python:portal.gunicorn_conf"]
    servers = [
        subprocess.Popen(
            [GUNICORN, "portal.wsgi", *configuration, "--bind", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env={**os.environ, "PAGE_CACHE": cache},
            **quiet,
        )
        for port, cache in ((cached_port, "1"), (uncached_port, "0"))
    ] + [
        subprocess.Popen(
            [GUNICORN, "minimal.wsgi", *configuration, "--bind", f"127.0.0.1:{minimal_port}"],
            cwd=MINIMAL,
            env={**minimal_env, "PYTHONPATH": str(ROOT)},
            **quiet,
        )
    ]
    try:
        portals = {
            "cached": f"http://127.0.0.1:{cached_port}",
            "uncached": f"http://127.0.0.1:{uncached_port}",
        }
        minimal = f"http://127.0.0.1:{minimal_port}"
        for portal, server in zip(portals.values(), servers, strict=False):
            wait_until_up(portal, "/healthz", server)
        wait_until_up(minimal, "/const/", servers[2])
        targets = {
            "minimal: constant": minimal + "/const/",
            "minimal: list 20 of 10,000": minimal + "/list/?page=2",
            "minimal: one row": minimal + "/row/5000/",
        }
        for mode, portal in portals.items():
            for name, url in pages.items():
                targets[f"{name}, {mode}"] = portal + quote(url, safe="/?=&")
        for url in targets.values():  # every page answers 200 before it is timed
            with urllib.request.urlopen(url, timeout=30) as response:
                assert response.status == 200, url
            load(url, 1, args.connections)  # warm up both workers
        rates: dict[str, list[float]] = {name: [] for name in targets}
        loadavg = os.getloadavg()[0]
        errors = 0
        for _ in range(args.rounds):
            for name, url in targets.items():
                print(f"  {name} ...", file=sys.stderr)
                rate, failed = load(url, args.seconds, args.connections)
                rates[name].append(rate)
                errors += failed
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)

    rate = {name: statistics.median(values) for name, values in rates.items()}
    const = rate["minimal: constant"]
    lst = rate["minimal: list 20 of 10,000"]
    row = rate["minimal: one row"]
    tool = "wrk" if load is run_wrk else "Python threads"
    print(
        f"gunicorn: {args.server}; {tool}, {args.connections} connections, {args.seconds} s per URL, "
        f"median of {args.rounds} round(s); load average before: {loadavg:.1f}; "
        f"answers not 2xx/3xx: {errors}.\n"
    )
    print("| page | SQL queries | requests/s | × constant | × minimal list | × minimal row |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, value in rate.items():
        count = queries.get(name, "")
        print(
            f"| {name} | {count} | {value:.0f} | {value / const:.3f} | "
            f"{value / lst:.2f} | {value / row:.2f} |"
        )
    print("\nThe issue's ratios (targets: cached ≥ 0.8 × constant; uncached ≥ 0.6):")
    for name in ("home", "/xxgk/", "list (政策文件)", "document"):
        print(f"- {name}, cached / constant: {rate[f'{name}, cached'] / const:.2f}")
    print(f"- list, uncached / minimal list: {rate['list (政策文件), uncached'] / lst:.2f}")
    print(f"- document, uncached / minimal row: {rate['document, uncached'] / row:.2f}")
    for name in ("home", "/xxgk/"):
        print(f"- {name}, uncached / minimal list: {rate[f'{name}, uncached'] / lst:.2f}")


if __name__ == "__main__":
    main()
