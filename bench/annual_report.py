"""The annual report's figures over many applications: queries and time.

    .venv/bin/python bench/annual_report.py --applications 20000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench \\
        .venv/bin/python bench/annual_report.py --applications 20000

Flushes the database (a fresh SQLite file unless DATABASE_URL is set),
loads the catalogue and the demo content, adds N applications spread over
three years, every applicant type and every reply (written in bulk, as if
years of work had been done), and appeals; then times `annual_figures(year)`
(what the report page, the submit check, the workbook and `manage.py
annual_report` each compute) and counts its queries, beside one plain query
over the same table for scale.
"""

import argparse
import datetime as dt
import io
import random
import statistics

from common import setup_django, timed

setup_django()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402


def add_applications(count: int, year: int) -> None:
    from django.utils import timezone

    from disclosure.models import Appeal, InformationRequest, ReplyType
    from disclosure.selectors.applications import receiving_office

    office = receiving_office()
    kinds = InformationRequest.ApplicantType.values
    replies = ReplyType.values
    rng = random.Random(12)
    first = dt.date(year - 1, 1, 1)
    rows = []
    for index in range(count):
        received = first + dt.timedelta(days=rng.randrange(3 * 365))
        answered = received + dt.timedelta(days=rng.randrange(1, 40))
        still_open = answered > timezone.localdate() or rng.random() < 0.05
        rows.append(
            InformationRequest(
                number=f"B{index:08d}",
                code_hash="-",
                applicant_type=rng.choice(kinds),
                name="基准测试",
                id_type="other",
                id_number=f"B{index}",
                phone="13900000000",
                address="扎兰屯市",
                description="基准测试申请。",
                form="electronic",
                delivery="email",
                office=office,
                status="received" if still_open else "answered",
                received_on=received,
                clock_start=received,
                reply_type="" if still_open else rng.choice(replies),
                replied_on=None if still_open else answered,
            )
        )
    InformationRequest.objects.bulk_create(rows, batch_size=2000)
    appeals = []
    for index in range(count // 100):
        filed = first + dt.timedelta(days=rng.randrange(3 * 365))
        decided = filed + dt.timedelta(days=rng.randrange(30, 200))
        suit = index % 3 == 0
        pending = decided > timezone.localdate()
        appeals.append(
            Appeal(
                kind="suit" if suit else "review",
                route=rng.choice(["direct", "after_review"]) if suit else "",
                office=office,
                filed_on=filed,
                body="扎兰屯市人民政府",
                subject="基准测试",
                result="pending" if pending else rng.choice(["upheld", "corrected", "other"]),
                decided_on=None if pending else decided,
            )
        )
    Appeal.objects.bulk_create(appeals)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--applications", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    from django.db.models import Count
    from django.utils import timezone

    from disclosure.models import InformationRequest
    from disclosure.selectors.annual_report import annual_figures

    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    call_command("loaddata", "catalogue", verbosity=0)
    call_command("seed_demo", stdout=io.StringIO(), stderr=io.StringIO())
    year = timezone.localdate().year - 1
    add_applications(args.applications, year)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")

    queries: list[str] = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        figures = annual_figures(year)
    assert figures.check.ok, figures.check.message()
    total = InformationRequest.objects.count()

    def plain() -> None:
        grouped = InformationRequest.objects.values("applicant_type").order_by()
        list(grouped.annotate(count=Count("pk")))

    figures_ms = timed(lambda: annual_figures(year), args.repeat)
    plain_ms = timed(plain, args.repeat)
    print(f"{connection.vendor}: {total} applications, report on {year}")
    print(f"annual_figures: {len(queries)} queries, median {statistics.median(figures_ms):.1f} ms")
    print(f"one plain grouped query over the same table: {statistics.median(plain_ms):.1f} ms")
    print(f"ratio: {statistics.median(figures_ms) / statistics.median(plain_ms):.1f}x")
    received = figures.table3.rows[0].values[-1]
    print(f"table 三 {year}: received {received}, check ok")


if __name__ == "__main__":
    main()
