"""Many published documents at once, for benchmarks (`seed_demo --documents N`,
`bench/publications.py`)."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from demo.staff import APPROVAL_NOTE, office_for
from demo.texts import paragraphs
from disclosure.lib.codes import index_number
from disclosure.models import CatalogueItem, IndexNumberSequence, Publication


def create_bulk_documents(
    count: int, batch: int = 1000, items: list[CatalogueItem] | None = None
) -> int:
    """`count` published documents spread over the document items, for benchmarks.

    Saved in batches with bulk_create: no workflow events or history rows,
    but every row is a valid published document with its own 索引号, taken
    from the same yearly sequence as the workflow's (one update per year per batch).
    """
    items = items or list(
        CatalogueItem.objects.filter(
            presentation=CatalogueItem.Presentation.DOCUMENTS, children__isnull=True, is_active=True
        )
    )
    author = User.objects.filter(is_superuser=True).first() or User.objects.first()
    offices = {item.pk: office_for(item) for item in items}
    rng = random.Random(20261128)
    now = timezone.now()
    made = 0
    with transaction.atomic():
        while made < count:
            size = min(batch, count - made)
            rows = []
            for n in range(size):
                item = items[(made + n) % len(items)]
                published_at = now - timedelta(
                    days=rng.randint(1, 5 * 365), minutes=rng.randint(0, 1440)
                )
                rows.append(
                    Publication(
                        item=item,
                        office=offices[item.pk],
                        title=f"{item.name}批量测试信息第{made + n + 1}号",
                        doc_number=f"扎人社发〔{published_at.year}〕{made + n + 1}号",
                        written_on=published_at.date(),
                        formed_on=published_at.date() - timedelta(days=3),
                        budget_year=published_at.year,
                        approved_on=published_at.date(),
                        validity=Publication.Validity.VALID,
                        keywords="批量 测试",
                        summary="用于性能测试的信息。",
                        body=paragraphs("用于性能测试的信息正文。"),
                        status=Publication.Status.PUBLISHED,
                        published_at=published_at,
                        created_by=author,
                        approved_by=author,
                        approved_at=now,
                        confidentiality_note=APPROVAL_NOTE,
                    )
                )
            by_year: dict[int, list[Publication]] = defaultdict(list)
            for publication in rows:
                by_year[timezone.localtime(publication.published_at).year].append(publication)
            for year, publications in by_year.items():
                first = IndexNumberSequence.take(year, len(publications))
                for serial, publication in enumerate(publications, start=first):
                    publication.index_number = index_number(settings.CREDIT_CODE, year, serial)
            Publication.objects.bulk_create(rows)
            made += size
    return made
