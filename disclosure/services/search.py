"""Keeping the search index in step with what citizens can read.

A document is in the index exactly while it is published (a pending
revision is not; the live document is, with its live text). The workflow
calls `index_publication` in the transaction that publishes, revises or
withdraws a document, so the index changes with it or not at all.
Attachments' text is read once, the first time their document is indexed,
and kept on the attachment.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable

from django.db import transaction

from disclosure.lib.extract import attachment_text
from disclosure.lib.html import plain_text
from disclosure.lib.search_text import index_pieces, normalise
from disclosure.models import Attachment, Publication, SearchEntry
from disclosure.services.content import content_changed

logger = logging.getLogger(__name__)

# Copied from the document, so that a search reads the index table alone.
COPIED_FIELDS = ["item_id", "office_id", "published_at", "written_on", "validity", "doc_number_key"]
ENTRY_FIELDS = [*COPIED_FIELDS, "heading", "text", "pieces"]


def is_indexed(publication: Publication) -> bool:
    """Published documents are; drafts, submissions, revisions and withdrawn ones are not.

    A scheduled document is indexed ahead of its time: searches read only
    `SearchEntry.objects.public()`, which holds it back until then.
    """
    return publication.status == Publication.Status.PUBLISHED and publication.revision_of_id is None


def extract_attachment(attachment: Attachment) -> str:
    """The attachment's text, read now if it has not been; a missing file is tried again later."""
    if attachment.text is None:
        try:
            with attachment.file.open("rb") as file:
                attachment.text = attachment_text(file, attachment.extension)
        except OSError:
            logger.warning(
                "Attachment file %s could not be opened", attachment.file.name, exc_info=True
            )
            return ""
        attachment.save(update_fields=["text"])
    return attachment.text


def build_entry(publication: Publication, attachments: Iterable[Attachment]) -> SearchEntry:
    """The entry for a document from its fields and its attachments' (already read) text."""
    readable = [
        publication.summary,
        plain_text(publication.body),
        publication.position,
        plain_text(publication.drafting_note),
        *(f"{attachment.download_name}\n{attachment.text or ''}" for attachment in attachments),
    ]
    text = "\n".join(part for part in readable if part)
    searched = [publication.title, publication.doc_number, publication.keywords, text]
    return SearchEntry(
        publication=publication,
        **{name: getattr(publication, name) for name in COPIED_FIELDS},
        text=text,
        heading=" ".join((normalise(publication.title), normalise(publication.doc_number))),
        pieces=index_pieces(*searched),
    )


def index_publication(publication: Publication) -> None:
    """Write the document's entry, or remove it if the document is not published."""
    if is_indexed(publication):
        index_many([publication])
    else:
        SearchEntry.objects.filter(publication_id=publication.pk).delete()


def index_many(publications: list[Publication]) -> int:
    """Write the entries of published documents: one when published, many when seeding or rebuilding.

    Their attachments are read in one query; text not read yet is read here.
    """
    attachments: dict[int, list[Attachment]] = defaultdict(list)
    for attachment in Attachment.objects.filter(publication__in=[p.pk for p in publications]):
        attachments[attachment.publication_id].append(attachment)
    entries = []
    for publication in publications:
        for attachment in attachments[publication.pk]:
            extract_attachment(attachment)
        entries.append(build_entry(publication, attachments[publication.pk]))
    SearchEntry.objects.bulk_create(
        entries, update_conflicts=True, unique_fields=["publication"], update_fields=ENTRY_FIELDS
    )
    return len(entries)


@transaction.atomic
def rebuild_index(*, batch: int = 500, progress: Callable[[int], object] | None = None) -> int:
    """Make the index hold exactly the published documents, each as it is now. Idempotent."""
    published = Publication.objects.filter(status=Publication.Status.PUBLISHED, revision_of=None)
    SearchEntry.objects.exclude(publication__in=published).delete()
    ids = list(published.order_by("pk").values_list("pk", flat=True))
    done = 0
    for start in range(0, len(ids), batch):
        done += index_many(list(published.filter(pk__in=ids[start : start + batch])))
        if progress:
            progress(done - start)
    content_changed()
    return done
