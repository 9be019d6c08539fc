"""The checked words (错敏词) found in a publication or a comment.

The list is read and its automaton built once per version of the list, not
per request: a version is the number of words and the latest change recorded
in their history, so any edit, addition or deletion through the admin makes
the next check build the list anew (in each process, on its next check).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from django.db.models import Count, Max

from disclosure.lib.html import plain_text
from disclosure.lib.words import Hit, Term, WordList
from disclosure.models import CheckedWord, Comment, Publication

_lock = threading.Lock()
_built: dict[str, tuple[tuple, WordList]] = {}


def _version() -> tuple:
    counts = CheckedWord.objects.aggregate(count=Count("id"), changed=Max("updated_at"))
    latest = CheckedWord.history.aggregate(latest=Max("history_id"))["latest"]
    return (counts["count"], counts["changed"], latest)


def word_list() -> WordList:
    """The active words, as one automaton."""
    version = _version()
    with _lock:
        cached = _built.get("words")
        if cached is not None and cached[0] == version:
            return cached[1]
    words = WordList(
        Term(term=word.term, correct=word.correct, severity=word.severity, note=word.note)
        for word in CheckedWord.objects.filter(is_active=True).only(
            "term", "correct", "severity", "note"
        )
    )
    with _lock:
        _built["words"] = (version, words)
    return words


@dataclass(frozen=True)
class Findings:
    """What the check found, for a page to show and a step to require."""

    hits: list[Hit]

    def __bool__(self) -> bool:
        return bool(self.hits)

    @property
    def blocks(self) -> list[Hit]:
        return [hit for hit in self.hits if hit.is_block]

    @property
    def warnings(self) -> list[Hit]:
        return [hit for hit in self.hits if not hit.is_block]

    def warning_terms(self) -> list[Term]:
        """Each term warned about once, in the order first found."""
        seen: dict[str, Term] = {}
        for hit in self.warnings:
            seen.setdefault(hit.term.term, hit.term)
        return list(seen.values())

    def block_terms(self) -> list[Term]:
        seen: dict[str, Term] = {}
        for hit in self.blocks:
            seen.setdefault(hit.term.term, hit.term)
        return list(seen.values())


def _label(model, name: str) -> str:
    return str(model._meta.get_field(name).verbose_name)


def publication_texts(publication: Publication) -> list[tuple[str, str]]:
    """Every text of a document that citizens read, with the name staff know it by.

    Attachments are read as far as their text has been extracted (see
    `disclosure.services.words.publication_read_attachments`).
    """
    texts = [
        (name, getattr(publication, name))
        for name in ("title", "summary", "keywords", "position", "comment_ways")
    ]
    texts += [(name, plain_text(getattr(publication, name))) for name in ("body", "drafting_note")]
    labelled = [(_label(Publication, name), text) for name, text in texts]
    if publication.pk is None:
        return labelled
    for attachment in publication.attachments.all():
        labelled.append((f"附件“{attachment.download_name}”的文件名", attachment.name))
        labelled.append((f"附件“{attachment.download_name}”", attachment.text or ""))
    for number, decision in enumerate(publication.decisions.all(), start=1):
        labelled.append((f"第{number}条意见采纳情况", f"{decision.opinion}\n{decision.reason}"))
    return labelled


def publication_findings(publication: Publication) -> Findings:
    words = word_list()
    return Findings(
        [hit for field, text in publication_texts(publication) for hit in words.find(text, field)]
    )


def comment_findings(comment: Comment, *, reply: str | None = None) -> Findings:
    """The comment's words, and the reply that would be published with it."""
    words = word_list()
    reply = comment.reply if reply is None else reply
    return Findings(
        words.find(comment.body, _label(Comment, "body"))
        + words.find(reply or "", _label(Comment, "reply"))
    )
