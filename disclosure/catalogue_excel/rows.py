"""One checked row of an uploaded catalogue, kept between its preview and its confirmation."""

from __future__ import annotations

from dataclasses import dataclass, field

from disclosure.catalogue_excel.layout import EXTRA_COLUMNS
from disclosure.models import Channel, Office


@dataclass
class ImportRow:
    """One validated row: an item at the end of its branch."""

    number: int
    path: list[str]
    content: str
    deadline_text: str
    publisher: str
    channels: list[Channel]
    audience: str
    audience_note: str
    office_scope: str
    offices: list[Office]
    office_text: str
    # From the extra columns; None where the file has no such column.
    deadline_rule: str | None = None
    order: int | None = None
    slug: str | None = None
    presentation: str | None = None
    basis: str | None = None
    mode: str | None = None
    levels: str | None = None
    update_period: str | None = None

    def to_json(self) -> dict:
        """For keeping a checked file between its preview and its confirmation."""
        return {
            **{name: getattr(self, name) for name in JSON_FIELDS},
            "channels": [channel.pk for channel in self.channels],
            "offices": [office.pk for office in self.offices],
        }

    @classmethod
    def from_json(cls, data: dict) -> ImportRow:
        channels = Channel.objects.in_bulk(data["channels"])
        offices = Office.objects.in_bulk(data["offices"])
        if len(channels) != len(data["channels"]) or len(offices) != len(data["offices"]):
            raise WorkbookError("预览之后，文件中用到的科室或公开渠道已被删除，请重新上传文件。")
        return cls(
            **{name: data[name] for name in JSON_FIELDS},
            channels=[channels[pk] for pk in data["channels"]],
            offices=[offices[pk] for pk in data["offices"]],
        )


# The item's own fields that a row gives (besides its channels and offices).
ROW_FIELDS = [
    "content",
    "deadline_text",
    "publisher",
    "audience",
    "audience_note",
    "office_scope",
    "office_text",
]
JSON_FIELDS = ["number", "path", *ROW_FIELDS, *EXTRA_COLUMNS.values()]


@dataclass
class ParseResult:
    rows: list[ImportRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class WorkbookError(Exception):
    """The file cannot be read as a catalogue at all."""
